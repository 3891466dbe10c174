//! TEMPORARY placeholder: replaced by the real family.
use super::{Rule, RuleMeta};
use crate::finding::{Diagnostic, Severity};
use crate::segment::Document;

/// `space-before-punctuation`.
pub struct SpaceBeforePunctuation;
static SPACEBEFOREPUNCTUATION: RuleMeta = RuleMeta {
    id: "space-before-punctuation",
    severity: Severity::Warning,
    summary: "space-before-punctuation",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &SPACEBEFOREPUNCTUATION
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `missing-space-after-punctuation`.
pub struct MissingSpaceAfterPunctuation;
static MISSINGSPACEAFTERPUNCTUATION: RuleMeta = RuleMeta {
    id: "missing-space-after-punctuation",
    severity: Severity::Warning,
    summary: "missing-space-after-punctuation",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for MissingSpaceAfterPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &MISSINGSPACEAFTERPUNCTUATION
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `repeated-punctuation`.
pub struct RepeatedPunctuation;
static REPEATEDPUNCTUATION: RuleMeta = RuleMeta {
    id: "repeated-punctuation",
    severity: Severity::Warning,
    summary: "repeated-punctuation",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for RepeatedPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATEDPUNCTUATION
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}
