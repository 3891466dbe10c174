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

/// The Arabic article with the conjunctions and prepositions that may stand
/// before it, and `لل` (`ل` + `ال`), longest first.
pub const ARABIC_ARTICLE_CHAINS: [&str; 12] = [
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
];

/// Arabic clitics that may stand before a word (`و ف ب ل ك` and the article
/// `ال`), longest first, for comparing words that differ only by them.
pub fn strip_arabic_article(folded: &str) -> &str {
    for prefix in ARABIC_ARTICLE_CHAINS {
        if let Some(rest) = folded.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    folded
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
        assert_eq!(strip_arabic_article("الناتو"), "ناتو");
        assert_eq!(strip_arabic_article("الا"), "الا");
        assert_eq!(strip_arabic_article("وبالناتو"), "ناتو");
        assert_eq!(strip_arabic_article("وللناتو"), "ناتو");
    }
}
