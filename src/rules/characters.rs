//! TEMPORARY placeholder: replaced by the real family.
use super::{Rule, RuleMeta};
use crate::finding::{Diagnostic, Severity};
use crate::segment::Document;

/// `invisible-character`.
pub struct InvisibleCharacter;
static INVISIBLECHARACTER: RuleMeta = RuleMeta {
    id: "invisible-character",
    severity: Severity::Warning,
    summary: "invisible-character",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for InvisibleCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &INVISIBLECHARACTER
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `control-character`.
pub struct ControlCharacter;
static CONTROLCHARACTER: RuleMeta = RuleMeta {
    id: "control-character",
    severity: Severity::Error,
    summary: "control-character",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for ControlCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &CONTROLCHARACTER
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `replacement-character`.
pub struct ReplacementCharacter;
static REPLACEMENTCHARACTER: RuleMeta = RuleMeta {
    id: "replacement-character",
    severity: Severity::Error,
    summary: "replacement-character",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for ReplacementCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &REPLACEMENTCHARACTER
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}
