//! Loops on `../shared/data`: clean lines with a loop injected (a word
//! repeated, a phrase repeated, a hyphen or slash chain, a piece glued to
//! itself, the sentence repeated), how many a finding of the repetition
//! rules covers whole, and the findings of those rules on the clean text.
//! Printed by `cargo run --release -p mtlint-eval --bin loops`.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::corpus::{self, XorShift};
use mtlint::{Config, Finding, Scanner};

/// The rules that report repetition; those the library does not have (an
/// older version, measured for comparison) are left out.
pub const RULES: &[&str] = &[
    "repeated-word",
    "repeated-characters",
    "duplicate-line",
    "translation-loop",
];

/// The kinds of injected loop.
pub const KINDS: &[&str] = &["word", "phrase", "chain", "glued", "sentence"];

/// One injected loop.
#[derive(Debug, Clone)]
pub struct Injected {
    /// Index into [`KINDS`].
    pub kind: usize,
    /// Bytes of every copy in the corrupted document.
    pub span: Range<usize>,
    /// Bytes of one copy.
    pub copy: usize,
    /// How many copies.
    pub copies: usize,
}

/// The figures of one language.
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Language code.
    pub lang: String,
    /// Sentences of the clean documents.
    pub sentences: usize,
    /// Findings on the clean documents, by `rule:severity`, but for the
    /// errata of the corpora (`eval/errata`).
    pub clean: BTreeMap<String, usize>,
    /// Clean findings, with their text, for `--show`.
    pub clean_texts: Vec<String>,
    /// Per kind: injected, found whole by one finding, findings overlapping.
    pub kinds: Vec<(usize, usize, usize)>,
    /// Per number of copies (2 to 5): injected and found.
    pub by_copies: BTreeMap<usize, (usize, usize)>,
    /// A few loops missed, for `--show`.
    pub missed: Vec<String>,
}

impl Measure {
    /// Clean findings per 1,000 sentences, of every counted rule.
    pub fn clean_per_k(&self) -> f64 {
        self.clean.values().sum::<usize>() as f64 * 1000.0 / self.sentences.max(1) as f64
    }

    /// Share of the injected loops found whole, over every kind.
    pub fn recall(&self) -> f64 {
        let (n, f) = self
            .kinds
            .iter()
            .fold((0, 0), |(n, f), k| (n + k.0, f + k.1));
        f as f64 / n.max(1) as f64
    }
}

/// The scanner of the repetition rules this library has.
pub fn scanner(lang: &str) -> Scanner {
    let rules = RULES
        .iter()
        .copied()
        .filter(|r| mtlint::rules::find(r).is_some());
    Scanner::new(Config::default().language(lang).select(rules)).expect("known rule ids")
}

/// The whitespace-separated words of a line, with their byte ranges.
fn words(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..line.len());
    }
    out
}

/// `line` with one loop of kind `kind` injected, and the loop's span in the
/// new line, one copy's length and the copies; `None` when the line has no
/// word to make it of.
pub fn inject(
    line: &str,
    kind: usize,
    rng: &mut XorShift,
) -> Option<(String, Range<usize>, usize, usize)> {
    let ws = words(line);
    let letters = |r: &Range<usize>| line[r.clone()].chars().all(char::is_alphabetic);
    let plain: Vec<&Range<usize>> = ws.iter().filter(|r| letters(r)).collect();
    let splice = |at: Range<usize>, copy: &str, copies: usize, sep: &str| {
        let looped = vec![copy; copies].join(sep);
        let new = format!("{}{looped}{}", &line[..at.start], &line[at.end..]);
        Some((new, at.start..at.start + looped.len(), copy.len(), copies))
    };
    match KINDS[kind] {
        "word" => {
            let w = plain.get(rng.below(plain.len().max(1)))?;
            splice((*w).clone(), &line[(*w).clone()], 2 + rng.below(4), " ")
        }
        "phrase" => {
            let n = 2 + rng.below(7);
            if ws.len() < n {
                return None;
            }
            let i = rng.below(ws.len() - n + 1);
            let at = ws[i].start..ws[i + n - 1].end;
            splice(at.clone(), &line[at], 2 + rng.below(3), " ")
        }
        "chain" => {
            let w = plain.get(rng.below(plain.len().max(1)))?;
            let sep = if rng.below(4) == 0 { "/" } else { "-" };
            splice((*w).clone(), &line[(*w).clone()], 3 + rng.below(3), sep)
        }
        "glued" => {
            let long: Vec<_> = plain
                .iter()
                .filter(|r| line[(**r).clone()].chars().count() >= 4)
                .collect();
            let w = long.get(rng.below(long.len().max(1)))?;
            splice((**w).clone(), &line[(**w).clone()], 2 + rng.below(3), "")
        }
        _ => splice(0..line.len(), line, 2 + rng.below(2), " "),
    }
}

/// Whether a finding covers the loop whole, but for at most one copy's
/// worth of bytes (a loop read from another word on is the same loop).
fn covers(f: &Finding, inj: &Injected) -> bool {
    let overlap = f
        .end
        .min(inj.span.end)
        .saturating_sub(f.start.max(inj.span.start));
    overlap > 0 && inj.span.len() - overlap < inj.copy
}

/// Measures one language of the corpora in `dir`: every line of six words
/// or more gets one loop, of the kinds in turn.
pub fn measure(dir: &Path, lang: &str) -> Measure {
    let scanner = scanner(lang);
    let mut m = Measure {
        lang: lang.to_string(),
        kinds: vec![(0, 0, 0); KINDS.len()],
        ..Measure::default()
    };
    let mut rng = XorShift::new(0x100F_5EED);
    let mut next_kind = 0;
    let errata = corpus::errata(lang).expect("errata are readable");
    for doc in corpus::documents(dir, lang).expect("corpus is readable") {
        let r = scanner.scan_file(&doc.name, &doc.text);
        m.sentences += r.sentences.len();
        // Defects of the reference itself, confirmed by reading, are excused.
        let erratum = |f: &Finding| {
            errata.iter().any(|e| {
                e.doc == doc.name && e.line == f.line && e.rule == f.rule && e.text == f.text
            })
        };
        for f in r.findings.iter().filter(|f| !erratum(f)) {
            *m.clean
                .entry(format!("{}:{}", f.rule, f.severity))
                .or_default() += 1;
            m.clean_texts.push(format!(
                "{} {}:{} {} «{}»",
                lang, doc.name, f.line, f.rule, f.text
            ));
        }
        let mut text = String::new();
        let mut injected = Vec::new();
        for line in doc.text.lines() {
            let kind = next_kind % KINDS.len();
            let got = (words(line).len() >= 6)
                .then(|| inject(line, kind, &mut rng))
                .flatten();
            match got {
                Some((new, span, copy, copies)) => {
                    next_kind += 1;
                    let at = text.len();
                    injected.push(Injected {
                        kind,
                        span: at + span.start..at + span.end,
                        copy,
                        copies,
                    });
                    text.push_str(&new);
                }
                None => text.push_str(line),
            }
            text.push('\n');
        }
        let r = scanner.scan_file(&doc.name, &text);
        for inj in &injected {
            let overlapping = r
                .findings
                .iter()
                .filter(|f| f.start < inj.span.end && inj.span.start < f.end)
                .count();
            let found = r.findings.iter().any(|f| covers(f, inj));
            let k = &mut m.kinds[inj.kind];
            k.0 += 1;
            k.1 += usize::from(found);
            k.2 += overlapping;
            let c = m.by_copies.entry(inj.copies).or_default();
            c.0 += 1;
            c.1 += usize::from(found);
            if !found && m.missed.len() < 12 {
                m.missed
                    .push(format!("{}: {}", KINDS[inj.kind], &text[inj.span.clone()]));
            }
        }
    }
    m
}
