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
pub fn folded_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().filter(|&c| !is_arabic_mark(c)).flat_map(|c| {
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ی' => 'ي',
            'ة' => 'ه',
            'ک' => 'ك',
            c => c,
        }
        .to_lowercase()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_marks_and_letter_variants() {
        assert_eq!(fold("رويداً"), fold("رويدا"));
        assert_eq!(fold("إلى"), "الي");
        assert_eq!(fold("الـمدرسة"), "المدرسه");
        assert_eq!(fold("NATO"), "nato");
    }
}
