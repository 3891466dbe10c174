//! The serializable report that every output format renders.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub mod finding;
pub mod fixes;
pub mod notice;
pub mod unit;

pub use finding::{Applicability, Diagnostic, Finding, Fix, Severity};
pub use fixes::FixSummary;
pub use notice::{Notice, NoticeKind, NoticeLevel};
pub use unit::{Unit, UnitKind};

/// Version of the JSON contract.
pub const FORMAT_VERSION: u32 = 1;

/// A scan of one or more files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Version of the format.
    pub version: u32,
    /// One entry per file, sorted by path.
    pub files: Vec<FileReport>,
    /// What the scan says about its inputs beside their findings: inputs
    /// not read, skipped or read in another encoding (see [`Notice`]).
    #[serde(default)]
    pub notices: Vec<Notice>,
    /// Counts over all files.
    pub summary: Summary,
}

/// The scan of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileReport {
    /// The display path given to the scanner (never made absolute).
    pub path: String,
    /// The document's language, ISO 639-1 where one exists.
    pub language: Option<String>,
    /// From 0 to 100.
    pub score: f64,
    /// Every sentence, in order.
    pub sentences: Vec<SentenceReport>,
    /// Every finding, sorted by position, then rule.
    pub findings: Vec<Finding>,
    /// What `--fix` or `--diff` did to the file; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixes: Option<FixSummary>,
    /// The format the file was read in (`text`, `markdown`, `html`, `srt`,
    /// `vtt`, `po`, `xliff`).
    #[serde(default = "text_format")]
    pub format: String,
    /// The encoding the file was read in (`windows-1256`, `UTF-16LE`, …),
    /// absent for UTF-8. Byte offsets are then offsets in the decoded
    /// UTF-8 text, not in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The scanned text, kept for renderings that quote it.
    #[serde(skip)]
    pub source: String,
}

/// One sentence of a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SentenceReport {
    /// 0-based index in the file.
    pub index: usize,
    /// First byte.
    pub start: usize,
    /// Byte after the last one.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// The sentence's language, or `None` when too short or unsure.
    pub language: Option<String>,
    /// From 0 to 100.
    pub score: f64,
}

/// Counts over a report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Files scanned.
    pub files: usize,
    /// Sentences in them.
    pub sentences: usize,
    /// Findings in them.
    pub findings: usize,
    /// Findings per rule id.
    pub by_rule: BTreeMap<String, usize>,
    /// Findings per severity.
    pub by_severity: BTreeMap<String, usize>,
    /// Findings per rule and the severity they were reported at (which a
    /// configuration may have changed from the rule's default), for
    /// `--statistics`; not serialized (the statistics have their own JSON).
    #[serde(skip)]
    pub by_rule_severity: BTreeMap<(String, Severity), usize>,
    /// Findings with a safe fix (what `--fix` would fix), for the summary
    /// line of the text formats; not serialized (each finding's `fix` says).
    #[serde(skip)]
    pub fixable_safe: usize,
    /// Findings with an unsafe fix (what `--fix --unsafe-fixes` would fix
    /// too); not serialized.
    #[serde(skip)]
    pub fixable_unsafe: usize,
    /// What `--fix` or `--diff` did, over all files; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixes: Option<FixSummary>,
}

impl Summary {
    /// Counts one more file, so that a streamed scan keeps only these
    /// counters, not the files.
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        self.sentences += file.sentences.len();
        self.findings += file.findings.len();
        for x in &file.findings {
            *self.by_rule.entry(x.rule.clone()).or_default() += 1;
            *self.by_severity.entry(x.severity.to_string()).or_default() += 1;
            *self
                .by_rule_severity
                .entry((x.rule.clone(), x.severity))
                .or_default() += 1;
            match x.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => self.fixable_safe += 1,
                Some(Applicability::Unsafe) => self.fixable_unsafe += 1,
                None => {}
            }
        }
        if let Some(x) = &file.fixes {
            self.fixes.get_or_insert_with(FixSummary::default).merge(x);
        }
    }
}

impl Report {
    /// A report over `files`, sorted by path, with its summary and the
    /// notices of the files read in another encoding than UTF-8.
    pub fn new(mut files: Vec<FileReport>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut summary = Summary::default();
        for f in &files {
            summary.add(f);
        }
        let notices = files.iter().filter_map(FileReport::notice).collect();
        Self {
            version: FORMAT_VERSION,
            files,
            notices,
            summary,
        }
    }

    /// Whether a notice is an error: an input that could not be scanned.
    pub fn has_errors(&self) -> bool {
        self.notices.iter().any(Notice::is_error)
    }

    /// The highest severity of any finding, if there is one.
    pub fn max_severity(&self) -> Option<Severity> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(|x| x.severity))
            .max()
    }

    /// The report as pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a report always serializes");
        s.push('\n');
        s
    }
}

impl FileReport {
    /// The notice of a file read in another encoding than UTF-8, if it was.
    pub fn notice(&self) -> Option<Notice> {
        let e = self.encoding.as_deref()?;
        Some(Notice::new(
            &self.path,
            NoticeKind::Encoding,
            format!("not UTF-8: read as {e}"),
        ))
    }
}

/// The format of a report that does not name one.
fn text_format() -> String {
    "text".into()
}
