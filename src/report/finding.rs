//! What rules report: severities, fixes, and the findings of a report.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a run by default.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: text that must not be published.
    Error,
}

impl Severity {
    /// The lowercase name used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning of the text: applied by `--fix`.
    Safe,
    /// May change the meaning or delete text: needs a person's eye.
    Unsafe,
}

/// A replacement of bytes `start..end` of the file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    /// First byte replaced.
    pub start: usize,
    /// Byte after the last one replaced.
    pub end: usize,
    /// The new text.
    pub replacement: String,
    /// Whether `--fix` may apply it on its own.
    pub applicability: Applicability,
}

/// What a rule reports: a byte range, a message, a confidence and maybe a fix.
/// The scanner turns it into a [`Finding`] with the rule's id, a severity,
/// lines and columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Flagged bytes of the document.
    pub range: Range<usize>,
    /// One sentence saying what is wrong.
    pub message: String,
    /// From 0 to 1: how sure the rule is.
    pub confidence: f32,
    /// The suggested cleanup, if any.
    pub fix: Option<Fix>,
    /// A severity other than the rule's default, for milder cases of the same thing.
    pub severity: Option<Severity>,
    /// Whether `range` (and the fix) are offsets of the original file
    /// ([`crate::text::Document::original`]) rather than of the prose the
    /// rules read: for the rules that speak for the file's bytes.
    pub in_original: bool,
}

impl Diagnostic {
    /// A diagnostic over `range` with `message` and full confidence.
    pub fn new(range: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            range,
            message: message.into(),
            confidence: 1.0,
            fix: None,
            severity: None,
            in_original: false,
        }
    }

    /// Says that the range is in offsets of the original file.
    pub fn in_original(mut self) -> Self {
        self.in_original = true;
        self
    }

    /// Sets the confidence.
    pub fn confidence(mut self, confidence: f32) -> Self {
        self.confidence = confidence.clamp(0.0, 1.0);
        self
    }

    /// Sets a severity other than the rule's default.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    /// Adds a fix replacing `range` with `replacement`.
    pub fn fix(
        mut self,
        range: Range<usize>,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        self.fix = Some(Fix {
            start: range.start,
            end: range.end,
            replacement: replacement.into(),
            applicability,
        });
        self
    }
}

/// One flagged span in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's kebab-case id.
    pub rule: String,
    /// The severity.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// Exactly the bytes `start..end` of the file.
    pub text: String,
    /// First byte (UTF-8 offset into the file).
    pub start: usize,
    /// Byte after the last one.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in Unicode scalar values.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end` (exclusive), in Unicode scalar values.
    pub end_column: usize,
    /// Index of the sentence holding `start`, or `None` for file-level findings.
    pub sentence: Option<usize>,
    /// From 0 to 1.
    pub confidence: f64,
    /// The suggested cleanup, if any.
    pub fix: Option<Fix>,
    /// The catalogue entry or subtitle cue it is in, where the format has
    /// units. Boxed: most findings have none, and a large file has hundreds
    /// of thousands of findings (see the size test).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Box<super::unit::Unit>>,
}

/// Applies `fixes` to `text`. The fixes must be sorted by start, with
/// neither overlaps nor touching spans, on character boundaries: one that
/// is not is left out (a bug of the caller, caught in debug builds). Every
/// byte outside the fixed spans is copied unchanged.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for fix in fixes {
        let valid = fix.start >= at
            && fix.start <= fix.end
            && fix.end <= text.len()
            && text.is_char_boundary(fix.start)
            && text.is_char_boundary(fix.end);
        if !valid {
            debug_assert!(false, "fix {fix:?} overlaps or is out of bounds");
            continue;
        }
        out.push_str(&text[at..fix.start]);
        out.push_str(&fix.replacement);
        at = fix.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Applies every fix of `fixes`, in any order: where two overlap, the one
/// that starts later is kept. For measurements and tests that apply all the
/// fixes of a scan at once; `--fix` chooses with `fix::select` instead.
pub fn apply_all(text: &str, mut fixes: Vec<Fix>) -> String {
    fixes.sort_by_key(|f| std::cmp::Reverse(f.start));
    let mut last = usize::MAX;
    fixes.retain(|f| {
        let keep = f.end <= last;
        if keep {
            last = f.start;
        }
        keep
    });
    fixes.reverse();
    apply(text, &fixes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_stays_small() {
        // A large file has hundreds of thousands of findings, all held
        // until its report is written: the rare catalogue unit is boxed
        // (it took 112 bytes of every finding, a 320-byte one).
        assert!(std::mem::size_of::<Finding>() <= 26 * std::mem::size_of::<usize>());
    }
}
