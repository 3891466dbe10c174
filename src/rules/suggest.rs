//! "Did you mean …?": the nearest known name to a misspelt one, shared by
//! the command line (rule ids) and the configuration (keys, rules, scripts).

/// The candidate nearest to `word`, when it is near enough to be a likely
/// misspelling (at most half its length away), or else the shortest
/// candidate containing `word` (a key cut short). Ties go to the first
/// candidate in alphabetical order, so the answer is stable.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let word_len = word.chars().count();
    let close = candidates
        .iter()
        .map(|&known| (strsim::levenshtein(word, known), known))
        .filter(|&(d, known)| d <= known.chars().count().max(word_len) / 2)
        .min()
        .map(|(_, known)| known);
    close.or_else(|| {
        candidates
            .iter()
            .filter(|known| !word.is_empty() && known.contains(word))
            .min_by_key(|known| (known.len(), **known))
            .copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_and_refuses_strangers() {
        let keys = ["select", "ignore", "extend-select", "language"];
        assert_eq!(nearest("selct", keys), Some("select"));
        assert_eq!(nearest("extend", keys), Some("extend-select"));
        assert_eq!(nearest("colour", keys), None);
        assert_eq!(nearest("x", []), None);
    }
}
