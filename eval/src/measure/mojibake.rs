//! The `mojibake` measurement, shared by `tests/mojibake.rs` (firm bounds)
//! and `examples/mojibake.rs` (the same numbers, printed):
//!
//! - the ftfy test cases in `../shared/data/ftfy/` (Apache-2.0): detection
//!   and exact repair on the encoding errors of `in-the-wild.json` and
//!   `synthetic.json`, and false alarms on `negative.json`, on the cases
//!   that are not encoding errors, and on every repaired (`fixed`) string;
//! - clean lines of NTREX and PUD garbled through every code page: detection
//!   and exact repair per language and code page, and false alarms on the
//!   clean lines of all four languages.

#![allow(dead_code)]

use std::path::Path;

use crate::corpus;
use mtlint::language::codepage;
use mtlint::rules::encoding::Mojibake;
use mtlint::rules::Rule;
use mtlint::text::Document;
use mtlint::Diagnostic;

/// The rule's diagnostics on one text.
pub fn run(text: &str, lang: Option<&str>) -> Vec<Diagnostic> {
    let doc = Document::new(text, lang);
    let mut out = Vec::new();
    Mojibake.check(&doc, &mut out);
    out.sort_by_key(|d| d.range.start);
    out
}

/// `text` with every fix of `diags` applied.
pub fn apply(text: &str, diags: &[Diagnostic]) -> String {
    mtlint::fix::apply_all(text, diags.iter().filter_map(|d| d.fix.clone()).collect())
}

/// Why an ftfy case is left out of the detection figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// UTF-8 read through a single-byte code page: measured.
    Encoding,
    /// Its encoding-only repair (`fixed-encoding`, else `fixed`) is the text
    /// itself: the case only changes quotes, widths, HTML entities, ligatures
    /// or digraphs, or is a negative. Counted as a false alarm if flagged.
    NotEncoding,
    /// Only C1 controls, which are Windows-1252 bytes read as Latin-1 (`\x93`
    /// for `“`), with no UTF-8 involved: `control-character`'s business.
    C1Only,
}

/// One ftfy case.
#[derive(Debug, Clone)]
pub struct Case {
    /// `in-the-wild`, `synthetic` or `negative`.
    pub file: String,
    /// The case's label.
    pub label: String,
    /// The text.
    pub original: String,
    /// The truth: `fixed-encoding` when present, else `fixed`.
    pub truth: String,
    /// How it is counted.
    pub kind: Kind,
}

/// The ftfy cases of one file.
pub fn ftfy_cases(dir: &Path, file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("ftfy").join(format!("{file}.json")))
        .expect("ftfy case file is readable");
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).expect("ftfy JSON");
    let w1252 = codepage::code_page("Windows-1252").unwrap();
    items
        .iter()
        .map(|v| {
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            let original = s("original").unwrap_or_default();
            let truth = s("fixed-encoding")
                .or_else(|| s("fixed"))
                .unwrap_or_default();
            let c1_fixed: String = original
                .chars()
                .map(|c| {
                    if ('\u{80}'..='\u{9F}').contains(&c) {
                        w1252.decode_byte(c as u8)
                    } else {
                        c
                    }
                })
                .collect();
            let kind = if file == "negative" || truth == original {
                Kind::NotEncoding
            } else if c1_fixed == truth {
                Kind::C1Only
            } else {
                Kind::Encoding
            };
            Case {
                file: file.to_string(),
                label: s("label").unwrap_or_default(),
                original,
                truth,
                kind,
            }
        })
        .collect()
}

/// Detection and repair on ftfy's encoding errors, and false alarms.
#[derive(Debug, Default)]
pub struct FtfyScore {
    /// Encoding errors measured, per file (`in-the-wild`, `synthetic`).
    pub cases: Vec<(String, usize, usize, usize)>,
    /// Cases left out: not encoding errors, and C1 controls only.
    pub not_encoding: usize,
    /// C1-only cases.
    pub c1_only: usize,
    /// Strings that must not be flagged: negatives, non-encoding cases and
    /// every truth.
    pub clean_strings: usize,
    /// Those flagged, with the finding.
    pub false_alarms: Vec<String>,
    /// Encoding errors missed or repaired wrongly.
    pub misses: Vec<String>,
}

/// Runs the ftfy measurement.
pub fn ftfy(dir: &Path) -> FtfyScore {
    let mut score = FtfyScore::default();
    let mut clean: Vec<(String, String)> = Vec::new();
    for file in ["in-the-wild", "synthetic", "negative"] {
        let (mut n, mut found, mut exact) = (0, 0, 0);
        for case in ftfy_cases(dir, file) {
            clean.push((
                format!("{file}: {} (fixed)", case.label),
                case.truth.clone(),
            ));
            match case.kind {
                Kind::NotEncoding => {
                    score.not_encoding += usize::from(file != "negative");
                    clean.push((format!("{file}: {}", case.label), case.original.clone()));
                }
                Kind::C1Only => score.c1_only += 1,
                Kind::Encoding => {
                    n += 1;
                    let d = run(&case.original, None);
                    found += usize::from(!d.is_empty());
                    let fixed = apply(&case.original, &d);
                    if fixed == case.truth {
                        exact += 1;
                    } else {
                        score.misses.push(format!(
                            "{file}: {}: {:?} → {:?} (want {:?})",
                            case.label, case.original, fixed, case.truth
                        ));
                    }
                }
            }
        }
        if file != "negative" {
            score.cases.push((file.to_string(), n, found, exact));
        }
    }
    clean.sort();
    clean.dedup_by(|a, b| a.1 == b.1);
    score.clean_strings = clean.len();
    for (name, text) in clean {
        for d in run(&text, None) {
            score
                .false_alarms
                .push(format!("{name}: {:?}: {}", text, d.message));
        }
    }
    score
}

/// Detection and exact repair of one language through one code page.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// Language code.
    pub lang: String,
    /// Code page name.
    pub page: String,
    /// Lines garbled and checked.
    pub cases: usize,
    /// Lines left out: all ASCII, nothing to garble.
    pub ascii: usize,
    /// Lines left out: a byte of their UTF-8 is undefined in the code page
    /// (a strict decoder gives `�`).
    pub unrepresentable: usize,
    /// Garbled lines with a finding.
    pub found: usize,
    /// Garbled lines whose fixes give back the clean line.
    pub exact: usize,
    /// A few lines that were missed or repaired wrongly.
    pub misses: Vec<String>,
}

impl Generated {
    /// Detection in percent.
    pub fn found_pct(&self) -> f64 {
        pct(self.found, self.cases)
    }
    /// Exact repairs in percent.
    pub fn exact_pct(&self) -> f64 {
        pct(self.exact, self.cases)
    }
}

/// `n` of `d` in percent (100 when `d` is 0).
pub fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        n as f64 * 100.0 / d as f64
    }
}

/// The clean lines of one language (NTREX and PUD), non-empty.
pub fn clean_lines(dir: &Path, lang: &str) -> Vec<String> {
    corpus::documents(dir, lang)
        .expect("corpus is readable")
        .iter()
        .flat_map(|d| {
            d.text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Garbles `line` through `page` the way a real decoder does (`encoding_rs`,
/// or the CP437 table): `None` when a byte is undefined in the code page.
pub fn garble(line: &str, page: &str) -> Option<String> {
    let enc = match page {
        "Windows-1252" => encoding_rs::WINDOWS_1252,
        "Windows-1251" => encoding_rs::WINDOWS_1251,
        "Windows-1256" => encoding_rs::WINDOWS_1256,
        "Windows-1250" => encoding_rs::WINDOWS_1250,
        "ISO-8859-2" => encoding_rs::ISO_8859_2,
        "Windows-1253" => encoding_rs::WINDOWS_1253,
        "Windows-1254" => encoding_rs::WINDOWS_1254,
        "Windows-1257" => encoding_rs::WINDOWS_1257,
        "Mac Roman" => encoding_rs::MACINTOSH,
        _ => return Some(codepage::code_page(page)?.decode(line.as_bytes())),
    };
    let (s, _, errors) = enc.decode(line.as_bytes());
    (!errors).then(|| s.into_owned())
}

/// Garbles every clean line of `lang` through `page` and runs the rule.
pub fn generated(lines: &[String], lang: &str, page: &str) -> Generated {
    let mut g = Generated {
        lang: lang.to_string(),
        page: page.to_string(),
        ..Generated::default()
    };
    for line in lines {
        if line.is_ascii() {
            g.ascii += 1;
            continue;
        }
        let Some(bad) = garble(line, page) else {
            g.unrepresentable += 1;
            continue;
        };
        g.cases += 1;
        let d = run(&bad, None);
        g.found += usize::from(!d.is_empty());
        let fixed = apply(&bad, &d);
        if fixed == *line {
            g.exact += 1;
        } else if g.misses.len() < 5 {
            g.misses.push(format!("{bad:?} → {fixed:?}"));
        }
    }
    g
}

/// Findings on the clean lines of `lang`, run as whole documents with the
/// language detected: `(lines, alarms)`.
pub fn clean_alarms(dir: &Path, lang: &str) -> (usize, Vec<String>) {
    let mut lines = 0;
    let mut alarms = Vec::new();
    for doc in corpus::documents(dir, lang).expect("corpus is readable") {
        lines += doc.text.lines().count();
        for d in run(&doc.text, None) {
            alarms.push(format!(
                "{}: {:?}: {}",
                doc.name,
                &doc.text[d.range.clone()],
                d.message
            ));
        }
    }
    (lines, alarms)
}
