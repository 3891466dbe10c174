//! Loops: a word, a phrase or a sentence written several times in a row, the
//! signature failure of neural machine translation (`in the city in the
//! city in the city`, `DMC-DMC-DMC`, `WhiteWhiteWhite`). Shared by
//! `translation-loop`, which reports them, and `repeated-word`, which leaves
//! the pairs inside them alone so that one span is never reported twice.
//!
//! Linear in the text: every line's non-space tokens are hashed once, and a
//! loop of period `p` (in tokens, up to [`MAX_PERIOD`]) is a run of tokens
//! equal to the token `p` places later; longer periods are whole sentences
//! repeated, compared by one hash a sentence. A word glued to itself is
//! found by its smallest period (the prefix function), also linear.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHasher};

use crate::text::normalize::{fold_char, folded_chars, is_arabic_mark};
use crate::text::{Document, TokenKind};

/// The longest period, in tokens (words and punctuation), compared token by
/// token: a phrase of about ten words with its commas. Longer loops are
/// found as repeated sentences.
pub const MAX_PERIOD: usize = 24;

/// The most sentences a copy of a longer loop holds.
pub const MAX_SENTENCES: usize = 4;

/// How the copies of a loop are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    /// Words in a row, apart or joined by hyphens and slashes
    /// (`the minister said that the minister said that`, `DMC-DMC-DMC`).
    Words,
    /// One piece glued to itself inside one word (`WhiteWhiteWhite`).
    Glued,
}

/// One loop: its copies in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loop {
    /// Bytes of every copy, from the start of the first to the end of the last.
    pub range: Range<usize>,
    /// What the fix deletes to keep the first copy: from the end of its last
    /// word to the end of the loop's last word, so that the first copy's
    /// capital and the last copy's punctuation stay.
    pub delete: Range<usize>,
    /// How many copies.
    pub copies: usize,
    /// Words and numbers in one copy.
    pub words: usize,
    /// How the copies are written.
    pub kind: LoopKind,
    /// Whether a comma or semicolon ends each copy (`Pump it out, pump it
    /// out`): the punctuation of a writer repeating on purpose.
    pub punctuated: bool,
    /// One copy's words, folded ([`crate::text::normalize::fold`]) and
    /// joined by spaces: what the rules weigh.
    pub piece: String,
}

/// The loops of a document, in text order, never overlapping. A word twice
/// in a row (`the the`) is not one: that is `repeated-word`'s.
#[derive(Debug, Default)]
pub struct Loops(pub Vec<Loop>);

impl Loops {
    /// Whether a loop overlaps the byte range.
    pub fn overlaps(&self, range: Range<usize>) -> bool {
        let i = self.0.partition_point(|l| l.range.end <= range.start);
        self.0.get(i).is_some_and(|l| l.range.start < range.end)
    }
}

/// The loops of `doc`, computed once per document.
pub fn loops(doc: &Document) -> Arc<Loops> {
    doc.shared(|doc| Loops(find(doc)))
}

/// A candidate in the positions of one line's non-space tokens.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    period: usize,
    len: usize,
    copies: usize,
}

fn find(doc: &Document) -> Vec<Loop> {
    let mut out = Vec::new();
    let mut seq: Vec<(usize, u64)> = Vec::new();
    // Each distinct token is hashed once, and a word's letters checked for
    // a period once: an article repeats its words.
    let mut keys: FxHashMap<&str, (u64, bool)> = FxHashMap::default();
    // The words that may be loops glued together, and the code, in order.
    let mut maybe_glued = Vec::new();
    let mut i = 0;
    let tokens = &doc.tokens;
    while i < tokens.len() {
        seq.clear();
        while i < tokens.len() && tokens[i].kind != TokenKind::Newline {
            if !tokens[i].is_space() && !joins_chain(doc, i) {
                let text = doc.token_text(i);
                let (k, periodic) = *keys
                    .entry(text)
                    .or_insert_with(|| (key(doc, i), text.len() >= 4 && may_be_periodic(text)));
                let kind = tokens[i].kind;
                if periodic && kind == TokenKind::Word || kind == TokenKind::Code {
                    maybe_glued.push(i);
                }
                seq.push((i, k));
            }
            i += 1;
        }
        i += 1;
        line_loops(doc, &seq, &mut out);
    }
    let mut glued = Vec::new();
    let mut buf = Vec::new();
    for t in maybe_glued.into_iter().map(|i| &tokens[i]) {
        let found = match t.kind {
            TokenKind::Word => glued_loop(doc.text, t.range.clone(), &mut buf),
            TokenKind::Code => slash_chain(doc.text, t.range.clone()),
            _ => None,
        };
        glued.extend(found);
    }
    // A glued word inside a loop of words is one of its copies.
    glued.retain(|g| {
        let j = out.partition_point(|l: &Loop| l.range.end <= g.range.start);
        out.get(j).is_none_or(|l| l.range.start >= g.range.end)
    });
    out.extend(glued);
    out.sort_by_key(|l| l.range.start);
    out
}

/// Whether a token separates items or clauses inside a sentence.
fn is_separator(token: &str) -> bool {
    matches!(token, "," | "،" | ";" | "؛" | ":")
}

/// Whether token `i` is a hyphen or slash glued between two words
/// (`DMC-DMC`): left out of the sequence, so a chain reads as words in a row.
fn joins_chain(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Punct
        && matches!(doc.token_text(i), "-" | "‐" | "/")
        && i > 0
        && doc.tokens[i - 1].is_word()
        && doc.tokens.get(i + 1).is_some_and(|n| n.is_word())
}

/// A hash of token `i`: of its folded letters for a word, of its text otherwise.
fn key(doc: &Document, i: usize) -> u64 {
    let mut h = FxHasher::default();
    let t = &doc.tokens[i];
    if t.is_word() {
        h.write_u8(1);
        for c in folded_chars(t.text(doc.text)) {
            h.write_u32(c as u32);
        }
    } else {
        h.write_u8(2);
        h.write(t.text(doc.text).as_bytes());
    }
    h.finish()
}

/// Whether the tokens at two positions of the sequence are the same (what
/// the hashes said, checked).
fn same(doc: &Document, seq: &[(usize, u64)], a: usize, b: usize) -> bool {
    let (ta, tb) = (doc.token_text(seq[a].0), doc.token_text(seq[b].0));
    if doc.tokens[seq[a].0].is_word() && doc.tokens[seq[b].0].is_word() {
        ta == tb || folded_chars(ta).eq(folded_chars(tb))
    } else {
        ta == tb
    }
}

fn line_loops(doc: &Document, seq: &[(usize, u64)], out: &mut Vec<Loop>) {
    let n = seq.len();
    if n < 2 {
        return;
    }
    let mut cands = Vec::new();
    for p in 1..=MAX_PERIOD.min(n / 2) {
        let mut i = 0;
        while i + p < n {
            if seq[i].1 != seq[i + p].1 {
                i += 1;
                continue;
            }
            let s = i;
            while i + p < n && seq[i].1 == seq[i + p].1 {
                i += 1;
            }
            if i - s >= p {
                cands.push(candidate(doc, seq, s, p, i - s + p));
            }
        }
    }
    sentence_candidates(doc, seq, &mut cands);
    // The widest loop first; of equal ones, the shortest copy.
    cands.sort_by_key(|c| (std::cmp::Reverse(c.len), c.period, c.start));
    let mut taken = vec![false; n];
    let first = out.len();
    for c in cands {
        let span = c.start..c.start + c.len;
        if taken[span.clone()].iter().any(|&t| t) {
            continue;
        }
        if !(c.start..c.start + c.len - c.period).all(|j| same(doc, seq, j, j + c.period)) {
            continue;
        }
        let copy = &seq[c.start..c.start + c.period];
        let words = copy
            .iter()
            .filter(|(t, _)| !matches!(doc.tokens[*t].kind, TokenKind::Punct | TokenKind::Symbol))
            .count();
        // A copy holds a word, and a word twice is `repeated-word`'s.
        let letters = copy.iter().any(|(t, _)| doc.tokens[*t].is_word());
        if !letters || c.copies < 2 || (words == 1 && c.copies == 2) {
            continue;
        }
        taken[span].iter_mut().for_each(|t| *t = true);
        let tok = |j: usize| &doc.tokens[seq[j].0];
        let piece = seq[c.start..c.start + c.period]
            .iter()
            .filter(|(t, _)| doc.tokens[*t].is_word())
            .map(|(t, _)| folded_chars(doc.token_text(*t)).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        // The separator after the last copy belongs to what follows (`no, no, no, they`).
        let mut end = c.start + c.len - 1;
        while end > c.start && is_separator(doc.token_text(seq[end].0)) {
            end -= 1;
        }
        let last_word = |from: usize, to: usize| {
            (from..to)
                .rev()
                .find(|&j| !matches!(tok(j).kind, TokenKind::Punct | TokenKind::Symbol))
                .unwrap_or(from)
        };
        let first_end = tok(last_word(c.start, c.start + c.period)).range.end;
        let loop_end = tok(last_word(c.start, c.start + c.len)).range.end;
        let punctuated = is_separator(doc.token_text(seq[c.start + c.period - 1].0));
        out.push(Loop {
            range: tok(c.start).range.start..tok(end).range.end,
            delete: first_end..loop_end,
            copies: c.copies,
            words,
            kind: LoopKind::Words,
            punctuated,
            piece,
        });
    }
    out[first..].sort_by_key(|l| l.range.start);
}

/// A run of `covered` tokens from `start` equal to the token `period`
/// places later, as whole copies; a last copy that lacks only the
/// punctuation ending the others counts (`yes, yes, yes`). The loop starts
/// at a word, not at the punctuation before it (`. Talks go on. Talks go
/// on`), when two copies remain.
fn candidate(
    doc: &Document,
    seq: &[(usize, u64)],
    start: usize,
    period: usize,
    covered: usize,
) -> Candidate {
    let lead = (0..period)
        .find(|&o| doc.tokens[seq[start + o].0].is_word())
        .unwrap_or(0);
    let rotated = copies_of(doc, seq, start + lead, period, covered - lead);
    if rotated.copies >= 2 {
        rotated
    } else {
        copies_of(doc, seq, start, period, covered)
    }
}

/// The whole copies of a run, with a last one that lacks only punctuation.
fn copies_of(
    doc: &Document,
    seq: &[(usize, u64)],
    start: usize,
    period: usize,
    covered: usize,
) -> Candidate {
    let mut copies = covered / period;
    let tail = covered % period;
    let mut len = copies * period;
    if tail > 0
        && seq[start + tail..start + period]
            .iter()
            .all(|(t, _)| !doc.tokens[*t].is_word())
    {
        copies += 1;
        len = covered;
    }
    Candidate {
        start,
        period,
        len,
        copies,
    }
}

/// Runs of one to [`MAX_SENTENCES`] sentences repeated in a row on one line,
/// each copy longer than [`MAX_PERIOD`] tokens.
fn sentence_candidates(doc: &Document, seq: &[(usize, u64)], cands: &mut Vec<Candidate>) {
    let (Some(&(first, _)), Some(&(last, _))) = (seq.first(), seq.last()) else {
        return;
    };
    let lo = doc.sentences.partition_point(|s| s.tokens.end <= first);
    let hi = doc.sentences.partition_point(|s| s.tokens.start <= last);
    // Each sentence of the line as (first position, hash).
    let mut spans: Vec<(usize, u64)> = Vec::new();
    for s in &doc.sentences[lo..hi] {
        let a = seq.partition_point(|(t, _)| *t < s.tokens.start);
        let b = seq.partition_point(|(t, _)| *t < s.tokens.end);
        if a < b {
            let mut h = FxHasher::default();
            seq[a..b].iter().for_each(|(_, k)| h.write_u64(*k));
            spans.push((a, h.finish()));
        }
    }
    let m = spans.len();
    let at = |i: usize| spans.get(i).map_or(seq.len(), |s| s.0);
    for p in 1..=MAX_SENTENCES.min(m / 2) {
        let mut i = 0;
        while i + p < m {
            let s = i;
            while i + p < m && spans[i].1 == spans[i + p].1 {
                i += 1;
            }
            if i - s >= p {
                let copies = (i - s + p) / p;
                let period = at(s + p) - at(s);
                if period > MAX_PERIOD {
                    cands.push(Candidate {
                        start: at(s),
                        period,
                        len: at(s + copies * p) - at(s),
                        copies,
                    });
                }
            }
            i = i.max(s + 1);
        }
    }
    // A line that is one long piece written several times, sentence or not.
    let long = seq.len() > 2 * MAX_PERIOD;
    if let Some(period) = long.then(|| smallest_period(seq, |s| s.1)).flatten() {
        if period > MAX_PERIOD && seq.len() / period >= 2 {
            cands.push(Candidate {
                start: 0,
                period,
                len: seq.len(),
                copies: seq.len() / period,
            });
        }
    }
}

/// The smallest period of a sequence that it is whole copies of, by the
/// prefix function: linear. Compared by `key`, in place: a line of a large
/// file has millions of items, not to be copied.
fn smallest_period<T, K: PartialEq>(items: &[T], key: impl Fn(&T) -> K) -> Option<usize> {
    let n = items.len();
    let mut pi = vec![0; n];
    for i in 1..n {
        let mut k = pi[i - 1];
        let here = key(&items[i]);
        while k > 0 && here != key(&items[k]) {
            k = pi[k - 1];
        }
        if here == key(&items[k]) {
            k += 1;
        }
        pi[i] = k;
    }
    let period = n - *pi.last()?;
    n.is_multiple_of(period).then_some(period)
}

/// A chain of three or more copies of one word joined by slashes, which
/// the tokenizer reads as a path (`Welsh/Welsh/Welsh`).
fn slash_chain(text: &str, range: Range<usize>) -> Option<Loop> {
    let code = &text[range.clone()];
    let mut pieces = code.split('/').filter(|p| !p.is_empty());
    let first = pieces.next()?;
    if !first.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut copies = 1;
    for p in pieces {
        if !folded_chars(p).eq(folded_chars(first)) {
            return None;
        }
        copies += 1;
    }
    let start = range.start + code.find(first)?;
    (copies >= 3).then(|| Loop {
        range: start..range.start + code.trim_end_matches('/').len(),
        delete: start + first.len()..range.start + code.trim_end_matches('/').len(),
        copies,
        words: 1,
        kind: LoopKind::Words,
        punctuated: false,
        piece: folded_chars(first).collect(),
    })
}

/// A word made of one piece of two or more letters written several times
/// (`WhiteWhiteWhite`): three copies, or two of four letters or more.
fn glued_loop(text: &str, range: Range<usize>, chars: &mut Vec<(usize, char)>) -> Option<Loop> {
    let word = &text[range.clone()];
    if word.len() < 4 || !may_be_periodic(word) {
        return None;
    }
    chars.clear();
    for (i, c) in word.char_indices() {
        // Only a letter that folds to one letter keeps positions aligned.
        let mut f = folded_chars(&word[i..i + c.len_utf8()]);
        match (f.next(), f.next()) {
            (Some(l), None) => chars.push((i, l)),
            (None, _) => {}
            _ => return None,
        }
    }
    let n = chars.len();
    let period = smallest_period(chars, |c| c.1)?;
    if period < 2 || n / period < 2 {
        return None;
    }
    let copies = n / period;
    let piece: String = chars[..period].iter().map(|c| c.1).collect();
    if !piece.chars().all(char::is_alphabetic) || (copies == 2 && period < 4) {
        return None;
    }
    Some(Loop {
        range: range.clone(),
        delete: range.start + chars[period].0..range.end,
        copies,
        words: 1,
        kind: LoopKind::Glued,
        punctuated: false,
        piece,
    })
}

/// A cheap test that [`glued_loop`] needs: a word of whole copies has,
/// where its second copy starts, its first letter after its last (folded).
/// Most words fail it without a letter of theirs looked up twice.
fn may_be_periodic(word: &str) -> bool {
    let mut letters = word.chars().filter(|&c| !is_arabic_mark(c));
    let (Some(first), Some(last)) = (letters.next(), letters.next_back()) else {
        return false;
    };
    let fold = fold_char;
    let (first, last) = (fold(first), fold(last));
    let mut before = first;
    for c in word.chars().filter(|&c| !is_arabic_mark(c)).skip(1) {
        let c = fold(c);
        if c == first && before == last {
            return true;
        }
        before = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_period_compares_by_key() {
        let items = [(0, 'a'), (1, 'b'), (2, 'a'), (3, 'b')];
        assert_eq!(smallest_period(&items, |c| c.1), Some(2));
        assert_eq!(smallest_period(&items[..3], |c| c.1), None);
        assert_eq!(smallest_period(&items, |c| c.0), Some(4));
        assert_eq!(smallest_period(&items[..0], |c| c.1), None);
    }

    fn found(text: &str) -> Vec<(String, usize, String)> {
        let doc = Document::new(text, None);
        loops(&doc)
            .0
            .iter()
            .map(|l| (text[l.range.clone()].to_string(), l.copies, l.piece.clone()))
            .collect()
    }

    #[test]
    fn finds_each_kind_once() {
        assert_eq!(
            found("the minister said that the minister said that the minister said that today"),
            [(
                "the minister said that the minister said that the minister said that".into(),
                3,
                "the minister said that".into()
            )]
        );
        for (text, loop_, copies, piece) in [
            (
                "وقال في المدينة في المدينة في المدينة أمس",
                "في المدينة في المدينة في المدينة",
                3,
                "في المدينه",
            ),
            ("Sony DMC-DMC-DMC-DMC camera", "DMC-DMC-DMC-DMC", 4, "dmc"),
            (
                "a WhiteWhiteWhiteWhite car",
                "WhiteWhiteWhiteWhite",
                4,
                "white",
            ),
            ("No, no, no, they said.", "No, no, no", 3, "no"),
            (
                "x, go on, go on, go on today",
                "go on, go on, go on",
                3,
                "go on",
            ),
            (
                "She had Welsh/Welsh/Welsh lessons",
                "Welsh/Welsh/Welsh",
                3,
                "welsh",
            ),
        ] {
            assert_eq!(
                found(text),
                [(loop_.to_string(), copies, piece.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn a_word_twice_is_not_a_loop() {
        for quiet in [
            "the the car",
            "вот-вот",
            "Bora Bora",
            "mama papa",
            "a b c a b d",
        ] {
            assert!(found(quiet).is_empty(), "{quiet}");
        }
    }

    #[test]
    fn long_repeated_sentences_are_one_loop() {
        let s = "The committee said on Monday that the new rules, which were agreed after \
                 months of talks between the two sides, would come into force next year.";
        let text = format!("{s} {s} {s}\nEnd.");
        let f = found(&text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, format!("{s} {s} {s}"));
        assert_eq!(f[0].1, 3);
    }

    #[test]
    fn a_long_line_of_one_word_is_one_loop() {
        let text = "ha ".repeat(100_000);
        let f = found(&text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, 100_000);
    }
}
