//! The `joined-words` measurement on `../shared/data`, shared by
//! `tests/joined_words.rs` and `examples/joined_words.rs`: false alarms on
//! the clean corpora, and recall, precision and exact splits on copies where
//! the space between one random pair of adjacent words of every line was
//! removed (a seeded generator: the same copies on every run).

use crate::corpus::XorShift;
use std::path::Path;
use std::sync::Arc;

use mtlint::text::vocabulary::Vocabulary;

use crate::corpus;
use mtlint::rules::spelling::JoinedWords;
use mtlint::rules::Rule;
use mtlint::text::{Document, TokenKind};
use mtlint::{Applicability, Diagnostic};

/// The figures of one language.
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Language code.
    pub lang: String,
    /// Sentences of the clean documents.
    pub sentences: usize,
    /// Findings on the clean documents: flagged text and suggested split.
    pub false_alarms: Vec<String>,
    /// Those of them that are no confirmed join of the reference
    /// (`tests/errata/LANG.tsv`): the rule's real false splits.
    pub false_splits: Vec<String>,
    /// False splits whose fix is safe.
    pub safe_false: usize,
    /// Found joins whose fix is safe.
    pub safe_found: usize,
    /// Found joins whose fix is safe but is not the original text.
    pub safe_wrong: usize,
    /// Pairs of words joined in the corrupted copies.
    pub joined: usize,
    /// Joined pairs flagged exactly (the finding covers the joined token).
    pub found: usize,
    /// Found pairs whose suggested split is the original text.
    pub exact: usize,
    /// Findings in the corrupted copies.
    pub findings: usize,
    /// Findings in the corrupted copies that flag a confirmed join of the
    /// reference (`tests/errata/LANG.tsv`): right, though not inserted.
    pub reference_joins: usize,
    /// Findings in the corrupted copies that are neither an inserted join
    /// nor a confirmed join of the reference, as `flagged → split`.
    pub stray: Vec<String>,
    /// A few joined pairs that were missed, and wrong splits.
    pub missed: Vec<String>,
    /// Found joins, as `joined → split`, when listing (for studying the
    /// rule's evidence against its false splits).
    pub found_list: Vec<String>,
}

impl Measure {
    /// False alarms per 1,000 clean sentences.
    pub fn per_1000(&self) -> f64 {
        self.false_alarms.len() as f64 * 1000.0 / self.sentences.max(1) as f64
    }
    /// False splits (findings on clean text that are no confirmed join of
    /// the reference) per 1,000 clean sentences.
    pub fn false_splits_per_1000(&self) -> f64 {
        self.false_splits.len() as f64 * 1000.0 / self.sentences.max(1) as f64
    }
    /// Precision counting the reference's confirmed joins as right and its
    /// false splits as wrong: found / (found + false splits), in percent.
    pub fn precision_confirmed(&self) -> f64 {
        self.found as f64 * 100.0 / (self.found + self.false_splits.len()).max(1) as f64
    }
    /// Share of the joined pairs found, in percent.
    pub fn recall(&self) -> f64 {
        self.found as f64 * 100.0 / self.joined.max(1) as f64
    }
    /// Share of the findings on corrupted copies that are joined pairs, in percent.
    pub fn precision(&self) -> f64 {
        self.found as f64 * 100.0 / self.findings.max(1) as f64
    }
    /// Share of the findings on corrupted copies that are joins, the
    /// inserted ones and the reference's confirmed ones, in percent.
    pub fn precision_all_joins(&self) -> f64 {
        (self.found + self.reference_joins) as f64 * 100.0 / self.findings.max(1) as f64
    }
    /// Share of the found pairs split exactly as the original, in percent.
    pub fn exact_pct(&self) -> f64 {
        self.exact as f64 * 100.0 / self.found.max(1) as f64
    }
}

fn findings<'a>(
    text: &'a str,
    lang: &str,
    folder: Option<&Arc<Vocabulary>>,
) -> (Document<'a>, Vec<Diagnostic>) {
    let mut doc = Document::new(text, Some(lang));
    doc.folder_words = folder.cloned();
    let mut out = Vec::new();
    JoinedWords.check(&doc, &mut out);
    (doc, out)
}

/// Whether a token is a word of letters only (what a join can be made of).
fn plain_word(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Word && !t.mixed && doc.token_text(i).chars().all(char::is_alphabetic)
}

/// `text` with one random space between two plain words removed on every
/// line that has one, and for each join its byte range in the new text and
/// the original words.
fn corrupt(text: &str, rng: &mut XorShift) -> (String, Vec<(std::ops::Range<usize>, String)>) {
    let doc = Document::new(text, None);
    // Space tokens of one character between two plain words, by line.
    let mut by_line: Vec<Vec<usize>> = vec![Vec::new(); doc.lines.len().max(1) + 1];
    for i in 1..doc.tokens.len().saturating_sub(1) {
        if doc.tokens[i].kind == TokenKind::Space
            && doc.token_text(i) == " "
            && plain_word(&doc, i - 1)
            && plain_word(&doc, i + 1)
        {
            let line = text[..doc.tokens[i].range.start].matches('\n').count();
            if line < by_line.len() {
                by_line[line].push(i);
            }
        }
    }
    let mut remove: Vec<usize> = by_line
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| v[rng.below(v.len())])
        .collect();
    remove.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut joins = Vec::new();
    let mut last = 0;
    for &s in &remove {
        let a = doc.tokens[s - 1].range.clone();
        let b = doc.tokens[s + 1].range.clone();
        out.push_str(&text[last..a.start]);
        let start = out.len();
        out.push_str(&text[a.clone()]);
        out.push_str(&text[b.clone()]);
        joins.push((start..out.len(), text[a.start..b.end].to_string()));
        last = b.end;
    }
    out.push_str(&text[last..]);
    (out, joins)
}

/// Measures one language on the clean documents of `dir`, listing at most
/// 40 missed or wrong joins.
#[allow(dead_code)]
pub fn measure(dir: &Path, lang: &str) -> Measure {
    measure_listing(dir, lang, 40, true)
}

/// [`measure`], listing at most `max_listed` missed or wrong joins, with the
/// folder's words as evidence or the document's alone.
pub fn measure_listing(dir: &Path, lang: &str, max_listed: usize, folder_words: bool) -> Measure {
    let mut m = Measure {
        lang: lang.to_string(),
        ..Measure::default()
    };
    let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
    let docs = corpus::documents(dir, lang).expect("corpus");
    let confirmed = confirmed_joins(lang);
    let corrupted: Vec<_> = docs.iter().map(|d| corrupt(&d.text, &mut rng)).collect();
    // The corpus of a language is one folder: its words are the folder's,
    // the clean folder's for the clean copies and the corrupted folder's
    // for the corrupted ones.
    let vocabulary = |texts: &mut dyn Iterator<Item = &str>| {
        folder_words.then(|| {
            let mut v = Vocabulary::new();
            for t in texts {
                JoinedWords.gather_words(&Document::new(t, Some(lang)), &mut v);
            }
            Arc::new(v)
        })
    };
    let clean_folder = vocabulary(&mut docs.iter().map(|d| d.text.as_str()));
    let corrupted_folder = vocabulary(&mut corrupted.iter().map(|c| c.0.as_str()));
    for (d, (text, joins)) in docs.iter().zip(corrupted) {
        let (doc, out) = findings(&d.text, lang, clean_folder.as_ref());
        m.sentences += doc.sentences.len();
        for f in out {
            let safe = f
                .fix
                .as_ref()
                .is_some_and(|x| x.applicability == Applicability::Safe);
            let repl = f.fix.map(|x| x.replacement).unwrap_or_default();
            let flagged = &d.text[f.range.clone()];
            let line = format!("{flagged} → {repl}{}", if safe { " (safe)" } else { "" });
            if !confirmed.contains(flagged) {
                m.safe_false += usize::from(safe);
                m.false_splits.push(line.clone());
            }
            m.false_alarms.push(line);
        }
        let (_, out) = findings(&text, lang, corrupted_folder.as_ref());
        m.joined += joins.len();
        m.findings += out.len();
        for f in &out {
            if joins.iter().any(|(r, _)| *r == f.range) {
                continue;
            }
            let flagged = &text[f.range.clone()];
            if confirmed.contains(flagged) {
                m.reference_joins += 1;
            } else {
                let repl = f.fix.as_ref().map(|x| x.replacement.as_str());
                m.stray.push(format!("{flagged} → {}", repl.unwrap_or("")));
            }
        }
        for (range, original) in joins {
            match out.iter().find(|f| f.range == range) {
                Some(f) => {
                    m.found += 1;
                    let safe = f
                        .fix
                        .as_ref()
                        .is_some_and(|x| x.applicability == Applicability::Safe);
                    m.safe_found += usize::from(safe);
                    let repl = f.fix.as_ref().map(|x| x.replacement.as_str());
                    if m.missed.len() < max_listed {
                        let before = text[..range.start].split_whitespace().last();
                        let after = text[range.end..].split_whitespace().next();
                        m.found_list.push(format!(
                            "{} → {} | {} | {}",
                            &text[range.clone()],
                            repl.unwrap_or(""),
                            before.unwrap_or(""),
                            after.unwrap_or("")
                        ));
                    }
                    if repl == Some(original.as_str()) {
                        m.exact += 1;
                    } else {
                        m.safe_wrong += usize::from(safe);
                        if m.missed.len() < max_listed {
                            let safe = if safe { " (safe)" } else { "" };
                            m.missed
                                .push(format!("wrong: {original} → {}{safe}", repl.unwrap_or("")));
                        }
                    }
                }
                None if m.missed.len() < max_listed => m.missed.push(format!("missed: {original}")),
                None => {}
            }
        }
    }
    m
}

/// The joins of the reference texts read and confirmed one by one
/// (`tests/errata/LANG.tsv`, rule `joined-words`).
fn confirmed_joins(lang: &str) -> std::collections::HashSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("errata/{lang}.tsv"));
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() >= 4 && cols[2] == "joined-words").then(|| cols[3].to_string())
        })
        .collect()
}
