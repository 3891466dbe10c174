//! The Arabic clitics: the conjunctions `و ف`, the prepositions `ب ل ك`,
//! the future `س` and the article `ال`, which are written joined to the
//! word that follows. Every list of them that mtlint uses is here, once,
//! each named for the question it answers; the tests below keep them
//! consistent with one another.

/// Every prefix that never stands alone: conjunctions, prepositions, the
/// future particle, the article and their stacks. A piece of a joined word
/// that is one of these is no word of its own.
pub const CLITICS: &[&str] = &[
    "و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال",
    "ولل", "فلل", "وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس",
];

/// The proclitics that take a tatweel before a Latin word or a number
/// (`الـCIA`, `بـFacebook`, `والـNATO`).
pub const TATWEEL_PROCLITICS: &[&str] = &[
    "ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "و", "ف", "ب", "ل", "ك", "وب", "ول",
    "فب", "فل", "وك", "فك",
];

/// The proclitics stripped to find the stem of a name being matched
/// against its transliteration, longest first.
pub const NAME_PROCLITICS: &[&str] = &[
    "وبال", "وكال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ب",
    "ل", "ف", "ك",
];

/// The prefixes whose removal from a word surely leaves a word: the
/// article and its stacks, and `و`.
pub const STEM_PREFIXES: &[&str] = &["وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و"];

/// The article with the conjunctions and prepositions that may stand before
/// it, and `لل` (`ل` + `ال`), longest first.
pub const ARTICLE_CHAINS: [&str; 12] = [
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
];

/// `folded` without the article and the clitics before it (see
/// [`ARTICLE_CHAINS`]) when at least two letters remain, for comparing
/// words that differ only by them.
pub fn strip_article(folded: &str) -> &str {
    for prefix in ARTICLE_CHAINS {
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

    fn longest_first(list: &[&str]) -> bool {
        list.windows(2)
            .all(|w| w[0].chars().count() >= w[1].chars().count())
    }

    #[test]
    fn every_list_is_made_of_clitics() {
        for list in [
            TATWEEL_PROCLITICS,
            NAME_PROCLITICS,
            STEM_PREFIXES,
            &ARTICLE_CHAINS[..],
        ] {
            for p in list {
                assert!(CLITICS.contains(p) || *p == "فكال", "{p} is not in CLITICS");
            }
        }
    }

    #[test]
    fn lists_read_longest_first_where_the_first_match_wins() {
        assert!(longest_first(NAME_PROCLITICS));
        assert!(longest_first(&ARTICLE_CHAINS));
    }

    #[test]
    fn strips_the_article_and_its_stacks() {
        assert_eq!(strip_article("الناتو"), "ناتو");
        assert_eq!(strip_article("الا"), "الا");
        assert_eq!(strip_article("وبالناتو"), "ناتو");
        assert_eq!(strip_article("وللناتو"), "ناتو");
    }
}
