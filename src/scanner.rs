//! The pipeline for one text: segment, run the rules, turn diagnostics into
//! findings, score.

use crate::finding::{Diagnostic, Finding};
use crate::report::{FileReport, Report, SentenceReport};
use crate::rules::{self, Rule};
use crate::score;
use crate::segment::Document;
use crate::source::{floor_char_boundary, Cursor};

/// What a scan looks at.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The document language (`ar`, `en`, …); detected when `None`.
    pub language: Option<String>,
    /// Only these rule ids (all when empty).
    pub select: Vec<String>,
    /// Never these rule ids.
    pub ignore: Vec<String>,
}

/// An error in a [`Config`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule `{}` (see `mtlint rules`)", self.0)
    }
}

impl std::error::Error for UnknownRule {}

/// Scans texts with a fixed set of rules. Cheap to share across threads.
pub struct Scanner {
    config: Config,
    rules: Vec<&'static dyn Rule>,
}

impl Scanner {
    /// A scanner running the rules that `config` selects. Unknown rule ids
    /// are ignored here; use [`Scanner::try_new`] to reject them.
    pub fn new(config: Config) -> Self {
        let rules = rules::registry()
            .iter()
            .copied()
            .filter(|r| {
                let id = r.meta().id;
                (config.select.is_empty() || config.select.iter().any(|s| s == id))
                    && !config.ignore.iter().any(|s| s == id)
            })
            .collect();
        Self { config, rules }
    }

    /// Like [`Scanner::new`], but fails on a rule id that does not exist.
    pub fn try_new(config: Config) -> Result<Self, UnknownRule> {
        for id in config.select.iter().chain(&config.ignore) {
            if rules::find(id).is_none() {
                return Err(UnknownRule(id.clone()));
            }
        }
        Ok(Self::new(config))
    }

    /// Scans one text into a report of one file.
    ///
    /// ```
    /// use mtlint::{Config, Scanner};
    /// let report = Scanner::new(Config::default()).scan("note.txt", "قال بوتين ، اليوم.");
    /// assert_eq!(report.files[0].findings[0].rule, "space-before-punctuation");
    /// insta::assert_yaml_snapshot!(report.files[0].findings[0].fix, @r#"
    /// start: 17
    /// end: 18
    /// replacement: ""
    /// applicability: safe
    /// "#);
    /// ```
    pub fn scan(&self, path: &str, text: &str) -> Report {
        Report::new(vec![self.scan_file(path, text)])
    }

    /// Scans one text into the report of one file.
    pub fn scan_file(&self, path: &str, text: &str) -> FileReport {
        let doc = Document::new(text, self.config.language.as_deref());
        let mut findings = Vec::new();
        let mut diagnostics = Vec::new();
        for rule in &self.rules {
            diagnostics.clear();
            rule.check(&doc, &mut diagnostics);
            for d in diagnostics.drain(..) {
                if let Some(f) = finding(&doc, *rule, d) {
                    findings.push(f);
                }
            }
        }
        findings.sort_by(|a, b| {
            (a.start, a.end, &a.rule, &a.message).cmp(&(b.start, b.end, &b.rule, &b.message))
        });
        findings.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.rule == b.rule);
        // Lines and columns in one forward pass over the sorted findings.
        let mut cursor = Cursor::new(text, &doc.lines);
        for f in &mut findings {
            (f.line, f.column) = cursor.line_col(f.start);
            (f.end_line, f.end_column) = if doc.lines.line_of(f.end) + 1 == f.line {
                (f.line, f.column + f.text.chars().count())
            } else {
                doc.lines.line_col(text, f.end)
            };
        }

        let spans: Vec<_> = doc
            .sentences
            .iter()
            .map(|s| (s.range.clone(), text[s.range.clone()].chars().count()))
            .collect();
        let (sentence_scores, file_score) = score::score(&spans, &findings);
        let languages = doc.sentence_languages();
        let sentences = doc
            .sentences
            .iter()
            .zip(sentence_scores)
            .enumerate()
            .map(|(index, (s, score))| SentenceReport {
                index,
                start: s.range.start,
                end: s.range.end,
                line: doc.lines.line_of(s.range.start) + 1,
                language: languages[index].clone(),
                score,
            })
            .collect();
        FileReport {
            path: path.to_string(),
            language: doc.language.clone(),
            score: file_score,
            sentences,
            findings,
            fixes: None,
            source: text.to_string(),
        }
    }
}

/// Turns a rule's diagnostic into a finding, or drops it when its range is
/// not a valid span of the text (a rule bug must never cut a character).
fn finding(doc: &Document, rule: &dyn Rule, d: Diagnostic) -> Option<Finding> {
    let text = doc.text;
    let (start, end) = (d.range.start, d.range.end);
    let valid = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    if !valid(start, end) {
        debug_assert!(false, "{} gave a bad range {:?}", rule.meta().id, d.range);
        return None;
    }
    let fix = d
        .fix
        .filter(|f| valid(f.start, f.end) && floor_char_boundary(text, f.start) == f.start);
    // Lines and columns are filled in once the findings are sorted.
    let (line, column, end_line, end_column) = (0, 0, 0, 0);
    Some(Finding {
        rule: rule.meta().id.to_string(),
        severity: d.severity.unwrap_or(rule.meta().severity),
        message: d.message,
        text: text[start..end].to_string(),
        start,
        end,
        line,
        column,
        end_line,
        end_column,
        sentence: doc.sentence_at(start),
        confidence: (f64::from(d.confidence) * 100.0).round() / 100.0,
        fix,
    })
}
