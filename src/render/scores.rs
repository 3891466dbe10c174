//! `mtlint score`: one row a file, worst first, and the per-rule counts of
//! `--statistics`.
//!
//! ```text
//! score  sentences  errors  warnings  info  file                           top rules
//!  65.7         15       3        12     9  seeds/000_ab0c493a1ad01e22.txt  space-before-punctuation 6, …
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::escape_invisible;
use crate::report::finding::Severity;
use crate::report::{FileReport, Summary, FORMAT_VERSION};

/// How many rules the table names in its last column.
pub(crate) const TOP_RULES: usize = 3;

/// The score of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreRow {
    /// The display path.
    pub path: String,
    /// The document's language.
    pub language: Option<String>,
    /// The format it was read in (`text`, `markdown`, …).
    #[serde(default = "text_format")]
    pub format: String,
    /// From 0 to 100.
    pub score: f64,
    /// Sentences in the file.
    pub sentences: usize,
    /// Findings at each severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Info.
    pub info: usize,
    /// Findings per rule id.
    pub by_rule: BTreeMap<String, usize>,
}

impl ScoreRow {
    /// The row of a scanned file.
    pub fn new(file: &FileReport) -> Self {
        let mut row = Self {
            path: file.path.clone(),
            language: file.language.clone(),
            format: file.format.clone(),
            score: file.score,
            sentences: file.sentences.len(),
            errors: 0,
            warnings: 0,
            info: 0,
            by_rule: BTreeMap::new(),
        };
        for f in &file.findings {
            match f.severity {
                Severity::Error => row.errors += 1,
                Severity::Warning => row.warnings += 1,
                Severity::Info => row.info += 1,
            }
            *row.by_rule.entry(f.rule.clone()).or_default() += 1;
        }
        row
    }

    /// The rules with most findings, most first, ties by id.
    pub fn top_rules(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<_> = self.by_rule.iter().map(|(r, c)| (r.as_str(), *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// Sorts rows worst first; equal scores by path.
pub fn sort(rows: &mut [ScoreRow]) {
    rows.sort_by(worst_first);
}

/// The order of [`sort`]: lower score first, equal scores by path.
pub fn worst_first(a: &ScoreRow, b: &ScoreRow) -> std::cmp::Ordering {
    a.score
        .total_cmp(&b.score)
        .then_with(|| a.path.cmp(&b.path))
}

/// The table of rows (already sorted) and a closing line.
pub fn table(rows: &[ScoreRow], summary: &Summary) -> String {
    // A file read in a markup format says which after its path.
    let paths: Vec<String> = rows
        .iter()
        .map(|r| match r.format.as_str() {
            "text" => escape_invisible(&r.path),
            f => format!("{} ({f})", escape_invisible(&r.path)),
        })
        .collect();
    let width = paths
        .iter()
        .map(|p| p.chars().count())
        .chain([4])
        .max()
        .unwrap_or(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>5}  {:>9}  {:>6}  {:>8}  {:>4}  {:width$}  top rules",
        "score", "sentences", "errors", "warnings", "info", "file"
    );
    for (r, path) in rows.iter().zip(&paths) {
        let top: Vec<String> = r
            .top_rules(TOP_RULES)
            .iter()
            .map(|(rule, n)| format!("{rule} {n}"))
            .collect();
        let mut top = top.join(", ");
        if r.by_rule.len() > TOP_RULES {
            top.push_str(", …");
        }
        let line = format!(
            "{:>5.1}  {:>9}  {:>6}  {:>8}  {:>4}  {path:width$}  {top}",
            r.score, r.sentences, r.errors, r.warnings, r.info
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&closing_line(rows, summary));
    out
}

/// `Scored N files: lowest X, mean Y.` (the mean of file scores).
fn closing_line(rows: &[ScoreRow], summary: &Summary) -> String {
    if rows.is_empty() {
        return "Scored 0 files.\n".into();
    }
    let lowest = rows.iter().map(|r| r.score).fold(f64::INFINITY, f64::min);
    let mean = rows.iter().map(|r| r.score).sum::<f64>() / rows.len() as f64;
    format!(
        "Scored {} file{}: lowest {lowest:.1}, mean {:.1}; {} finding{}.\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        crate::check::score::round1(mean),
        summary.findings,
        if summary.findings == 1 { "" } else { "s" },
    )
}

/// The score report as JSON: `{version, files: [rows, worst first], summary}`.
pub fn json(rows: &[ScoreRow], summary: &Summary) -> String {
    #[derive(Serialize)]
    struct Scores<'a> {
        version: u32,
        files: &'a [ScoreRow],
        summary: &'a Summary,
    }
    let mut s = serde_json::to_string_pretty(&Scores {
        version: FORMAT_VERSION,
        files: rows,
        summary,
    })
    .expect("scores always serialize");
    s.push('\n');
    s
}

/// One row as a line of JSON Lines.
pub fn json_line(row: &ScoreRow) -> String {
    let mut s = serde_json::to_string(row).expect("a row always serializes");
    s.push('\n');
    s
}

/// The rows of `--statistics`, most findings first: count, rule and the
/// severity the findings were reported at. A rule whose findings came at
/// several severities (a configuration, a per-file setting) has a row each.
pub fn statistics_rows(
    by_rule_severity: &BTreeMap<(String, Severity), usize>,
) -> Vec<(usize, &str, Severity)> {
    let mut v: Vec<_> = by_rule_severity
        .iter()
        .map(|((rule, severity), n)| (*n, rule.as_str(), *severity))
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(b.2.cmp(&a.2)));
    v
}

/// `--statistics` as a table: count, rule, severity of the findings counted.
pub fn statistics(by_rule_severity: &BTreeMap<(String, Severity), usize>) -> String {
    let rows = statistics_rows(by_rule_severity);
    let width = rows.iter().map(|r| r.1.len()).chain([4]).max().unwrap_or(4);
    let mut out = format!("{:>5}  {:width$}  severity\n", "count", "rule");
    for (n, rule, sev) in rows {
        let _ = writeln!(out, "{n:>5}  {rule:width$}  {sev}");
    }
    out
}

/// `--statistics` as JSON: `[{"rule", "severity", "count"}]`.
pub fn statistics_json(by_rule_severity: &BTreeMap<(String, Severity), usize>) -> String {
    let v: Vec<_> = statistics_rows(by_rule_severity)
        .into_iter()
        .map(|(count, rule, severity)| {
            serde_json::json!({"rule": rule, "severity": severity, "count": count})
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&v).expect("statistics serialize");
    s.push('\n');
    s
}

/// The format of a row that does not name one.
fn text_format() -> String {
    "text".into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    #[test]
    fn rows_sort_worst_first_then_by_path() {
        let scanner = Scanner::default();
        let files = [
            ("b.txt", "Hello world.\n"),
            ("a.txt", "Bonjour le monde.\n"),
            ("c.txt", "قال بوتين ، اليوم.الروس غادروا!!\n"),
            ("d.txt", "Привет\u{FFFD} мир.\n"),
        ];
        let mut summary = Summary::default();
        let mut rows: Vec<_> = files
            .iter()
            .map(|(p, t)| {
                let f = scanner.scan_file(p, t);
                summary.add(&f);
                ScoreRow::new(&f)
            })
            .collect();
        sort(&mut rows);
        let order: Vec<_> = rows.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(order[2..], ["a.txt", "b.txt"], "ties by path");
        assert!(rows[0].score <= rows[1].score && rows[1].score < 100.0);
        let t = table(&rows, &summary);
        assert!(t.starts_with("score  sentences"), "{t}");
        assert_eq!(t.lines().count(), 6, "{t}");
        assert!(t.ends_with(&format!("; {} findings.\n", summary.findings)));
        let back: serde_json::Value = serde_json::from_str(&json(&rows, &summary)).unwrap();
        assert_eq!(back["files"][3]["path"], "b.txt");
    }

    #[test]
    fn statistics_count_most_first() {
        let mut m = BTreeMap::new();
        m.insert(("repeated-word".to_string(), Severity::Warning), 2);
        m.insert(
            ("space-before-punctuation".to_string(), Severity::Warning),
            5,
        );
        m.insert(("duplicate-line".to_string(), Severity::Warning), 2);
        let s = statistics(&m);
        let lines: Vec<_> = s.lines().collect();
        assert!(lines[1].contains("space-before-punctuation"));
        assert!(lines[2].contains("duplicate-line") && lines[3].contains("repeated-word"));
        assert_eq!(statistics(&BTreeMap::new()).lines().count(), 1);
    }

    #[test]
    fn statistics_count_the_severity_findings_were_reported_at() {
        // `unbalanced-quotes` is a warning by default; most of its findings
        // may come as info: a row each, at the severity of the findings.
        let mut m = BTreeMap::new();
        m.insert(("unbalanced-quotes".to_string(), Severity::Info), 151);
        m.insert(("unbalanced-quotes".to_string(), Severity::Warning), 20);
        let s = statistics(&m);
        let rows: Vec<Vec<&str>> = s
            .lines()
            .skip(1)
            .map(|l| l.split_whitespace().collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["151", "unbalanced-quotes", "info"],
                vec!["20", "unbalanced-quotes", "warning"]
            ]
        );
        let json: serde_json::Value = serde_json::from_str(&statistics_json(&m)).unwrap();
        assert_eq!(json[0]["severity"], "info");
        assert_eq!(json[1]["count"], 20);
    }
}
