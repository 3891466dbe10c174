//! TEMPORARY placeholder: replaced by the real family.
use super::{Rule, RuleMeta};
use crate::finding::{Diagnostic, Severity};
use crate::segment::Document;

/// `repeated-characters`.
pub struct RepeatedCharacters;
static REPEATEDCHARACTERS: RuleMeta = RuleMeta {
    id: "repeated-characters",
    severity: Severity::Warning,
    summary: "repeated-characters",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for RepeatedCharacters {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATEDCHARACTERS
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `repeated-word`.
pub struct RepeatedWord;
static REPEATEDWORD: RuleMeta = RuleMeta {
    id: "repeated-word",
    severity: Severity::Warning,
    summary: "repeated-word",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for RepeatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATEDWORD
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `duplicate-line`.
pub struct DuplicateLine;
static DUPLICATELINE: RuleMeta = RuleMeta {
    id: "duplicate-line",
    severity: Severity::Warning,
    summary: "duplicate-line",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for DuplicateLine {
    fn meta(&self) -> &'static RuleMeta {
        &DUPLICATELINE
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `redundant-parenthetical`.
pub struct RedundantParenthetical;
static REDUNDANTPARENTHETICAL: RuleMeta = RuleMeta {
    id: "redundant-parenthetical",
    severity: Severity::Warning,
    summary: "redundant-parenthetical",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for RedundantParenthetical {
    fn meta(&self) -> &'static RuleMeta {
        &REDUNDANTPARENTHETICAL
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}
