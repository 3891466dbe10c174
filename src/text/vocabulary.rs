//! Words counted across the files of one scan: what a folder of articles
//! writes, so that a rule can tell the names and words of the folder from
//! junk (a name spelled alone in one file explains a join in another).

use rustc_hash::FxHashMap;

/// The most words a [`Vocabulary`] holds. Past that it gives up and knows
/// nothing: memory stays bounded however large the folder, and the result
/// does not depend on which files were counted first.
pub const MAX_WORDS: usize = 1 << 20;

/// Normalised words with how often they occur.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    counts: FxHashMap<String, u32>,
    /// More than [`MAX_WORDS`] distinct words were seen.
    overflowed: bool,
}

impl Vocabulary {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one occurrence of `word` (already normalised).
    pub fn add(&mut self, word: &str) {
        self.add_n(word, 1);
    }

    /// Counts `n` occurrences of `word` (already normalised).
    pub fn add_n(&mut self, word: &str, n: u32) {
        if self.overflowed {
            return;
        }
        if let Some(m) = self.counts.get_mut(word) {
            *m = m.saturating_add(n);
        } else if self.counts.len() < MAX_WORDS {
            self.counts.insert(word.to_string(), n);
        } else {
            self.overflow();
        }
    }

    fn overflow(&mut self) {
        self.overflowed = true;
        self.counts = FxHashMap::default();
    }

    /// Adds the counts of `other`, in any order: the sum does not depend on it.
    pub fn merge(&mut self, other: Vocabulary) {
        if other.overflowed {
            self.overflow();
        }
        if self.overflowed {
            return;
        }
        if self.counts.is_empty() {
            self.counts = other.counts;
            return;
        }
        for (w, n) in other.counts {
            self.add_n(&w, n);
        }
    }

    /// How often `word` occurs (0 when never, or when the vocabulary
    /// overflowed).
    pub fn count(&self, word: &str) -> u32 {
        self.counts.get(word).copied().unwrap_or(0)
    }

    /// Whether more than [`MAX_WORDS`] distinct words were seen, so that
    /// the vocabulary knows nothing.
    pub fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether no word is held.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_across_merges() {
        let mut a = Vocabulary::new();
        a.add("كييف");
        a.add("كييف");
        let mut b = Vocabulary::new();
        b.add("كييف");
        b.add("خاركيف");
        a.merge(b);
        assert_eq!(
            (a.count("كييف"), a.count("خاركيف"), a.count("x")),
            (3, 1, 0)
        );
        assert_eq!(a.len(), 2);
    }

    #[test]
    fn overflow_forgets_everything_in_any_order() {
        let mut a = Vocabulary::new();
        for i in 0..MAX_WORDS {
            a.add(&i.to_string());
        }
        assert!(!a.overflowed());
        let mut b = Vocabulary::new();
        b.add("x");
        let mut ab = a.clone();
        ab.merge(b.clone());
        b.merge(a);
        for v in [ab, b] {
            assert!(v.overflowed() && v.is_empty() && v.count("1") == 0);
        }
    }
}
