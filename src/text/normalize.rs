//! Folding words for comparison: case, Arabic diacritics and tatweel, and
//! the Arabic letter variants that spelling treats loosely.

/// Whether `c` is an Arabic diacritic (harakat, tanween, shadda, sukun,
/// superscript alef, Quranic marks) or tatweel.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// A loose key for comparing two spellings of a word: lowercase, Arabic
/// diacritics and tatweel removed, `أ إ آ ٱ → ا`, `ى → ي`, `ة → ه`, and
/// Persian `ی ک` to Arabic `ي ك`.
pub fn fold(word: &str) -> String {
    folded_chars(word).collect()
}

/// The characters of [`fold`]`(word)`, without allocating: compare two words
/// with `folded_chars(a).eq(folded_chars(b))`.
pub fn folded_chars(word: &str) -> FoldedChars<'_> {
    FoldedChars {
        chars: word.chars(),
        rest: None,
    }
}

/// The iterator of [`folded_chars`].
#[derive(Clone)]
pub struct FoldedChars<'a> {
    chars: std::str::Chars<'a>,
    /// The rest of a character that lowercases to several (`İ`).
    rest: Option<std::char::ToLowercase>,
}

impl Iterator for FoldedChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.rest.as_mut().and_then(Iterator::next) {
            return Some(c);
        }
        self.rest = None;
        loop {
            let c = self.chars.next()?;
            if is_arabic_mark(c) {
                continue;
            }
            let c = variant(c);
            // Hebrew to Arabic Extended-A have no case: skip the case
            // table's binary search, the cost of folding Arabic text.
            if c.is_ascii() {
                return Some(c.to_ascii_lowercase());
            }
            if UNCASED.contains(&c) {
                return Some(c);
            }
            let mut lower = c.to_lowercase();
            let first = lower.next();
            if lower.len() > 0 {
                self.rest = Some(lower);
            }
            return first;
        }
    }
}

/// The Arabic letter variants that spelling treats loosely, as one letter.
fn variant(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        c => c,
    }
}

/// The first character of [`folded_chars`] of `c` alone (`None` for a
/// mark), without building the iterator: for loops over single letters.
pub fn fold_char(c: char) -> Option<char> {
    if is_arabic_mark(c) {
        return None;
    }
    let c = variant(c);
    if c.is_ascii() {
        Some(c.to_ascii_lowercase())
    } else if UNCASED.contains(&c) {
        Some(c)
    } else {
        c.to_lowercase().next()
    }
}

/// Blocks of scripts without case (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic, Arabic Extended): a character lowercases to itself.
const UNCASED: std::ops::RangeInclusive<char> = '\u{0590}'..='\u{08FF}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_folds_as_in_a_word() {
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            assert_eq!(
                fold_char(c),
                folded_chars(c.encode_utf8(&mut [0; 4])).next(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn uncased_blocks_lowercase_to_themselves() {
        for c in UNCASED {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        let all = "İSTANBUL Straße ΣΟΦΙΑ أحمد رويداً";
        let by_char: String = all
            .chars()
            .filter(|&c| !is_arabic_mark(c))
            .flat_map(|c| {
                match c {
                    'أ' => 'ا',
                    c => c,
                }
                .to_lowercase()
            })
            .collect();
        assert_eq!(fold(all), by_char);
    }

    #[test]
    fn folds_case_marks_and_letter_variants() {
        assert_eq!(fold("رويداً"), fold("رويدا"));
        assert_eq!(fold("إلى"), "الي");
        assert_eq!(fold("الـمدرسة"), "المدرسه");
        assert_eq!(fold("NATO"), "nato");
    }
}
