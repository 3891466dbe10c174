//! The `escaped-text` measurement on `../shared/data`, shared by
//! `tests/escapes.rs` (firm bounds) and `examples/escapes.rs` (the same
//! numbers, printed): clean lines escaped three ways (HTML with every
//! non-ASCII character as `&#N;`, JSON with `\uXXXX`, two lines joined by a
//! literal `\n`), and how many come back exactly once every fix of the rule
//! (safe and unsafe) is applied; and findings on the clean lines themselves.

use std::path::Path;

use crate::corpus;
use mtlint::{Config, Scanner};

/// The figures of one language and one way of escaping.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// Language code.
    pub lang: String,
    /// `html`, `json` or `newline`.
    pub how: &'static str,
    /// Escaped lines (lines that escaping changed).
    pub lines: usize,
    /// Lines with at least one finding.
    pub found: usize,
    /// Lines restored exactly by the fixes.
    pub restored: usize,
    /// Findings on the clean lines (false alarms).
    pub clean_findings: usize,
}

fn html(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c if !c.is_ascii() => format!("&#{};", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

fn json(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        }
    }
    out
}

/// Applies every fix of a report of one file, right to left.
fn apply(scanner: &Scanner, text: &str) -> (usize, String) {
    let report = scanner.scan("x.txt", text);
    let fixes = report.files[0]
        .findings
        .iter()
        .filter_map(|f| f.fix.clone())
        .collect();
    (
        report.files[0].findings.len(),
        mtlint::fix::apply_all(text, fixes),
    )
}

/// Measures every corpus language, on at most `max` lines of each.
pub fn measure(dir: &Path, max: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for (lang, _, _) in corpus::LANGUAGES {
        let scanner = Scanner::new(Config::default().language(*lang).select(["escaped-text"]))
            .expect("known rule ids");
        let docs = corpus::documents(dir, lang).expect("the corpus reads");
        let lines: Vec<String> = docs
            .iter()
            .flat_map(|d| d.text.lines().map(str::to_string).collect::<Vec<_>>())
            .filter(|l| !l.trim().is_empty())
            .take(max)
            .collect();
        let clean_findings: usize = lines.iter().map(|l| apply(&scanner, l).0).sum();
        for how in ["html", "json", "newline"] {
            let mut row = Row {
                lang: lang.to_string(),
                how,
                clean_findings,
                ..Row::default()
            };
            for (i, line) in lines.iter().enumerate() {
                let (escaped, want) = match how {
                    "html" => (html(line), line.clone()),
                    "json" => (json(line), line.clone()),
                    _ => {
                        let Some(next) = lines.get(i + 1) else {
                            continue;
                        };
                        (format!("{line}\\n{next}"), format!("{line}\n{next}"))
                    }
                };
                if escaped == want {
                    continue;
                }
                row.lines += 1;
                let (n, fixed) = apply(&scanner, &escaped);
                row.found += usize::from(n > 0);
                row.restored += usize::from(fixed == want);
            }
            rows.push(row);
        }
    }
    rows
}
