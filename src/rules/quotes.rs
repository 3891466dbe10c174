//! TEMPORARY placeholder: replaced by the real family.
use super::{Rule, RuleMeta};
use crate::finding::{Diagnostic, Severity};
use crate::segment::Document;

/// `unbalanced-quotes`.
pub struct UnbalancedQuotes;
static UNBALANCEDQUOTES: RuleMeta = RuleMeta {
    id: "unbalanced-quotes",
    severity: Severity::Warning,
    summary: "unbalanced-quotes",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for UnbalancedQuotes {
    fn meta(&self) -> &'static RuleMeta {
        &UNBALANCEDQUOTES
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `unbalanced-brackets`.
pub struct UnbalancedBrackets;
static UNBALANCEDBRACKETS: RuleMeta = RuleMeta {
    id: "unbalanced-brackets",
    severity: Severity::Warning,
    summary: "unbalanced-brackets",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for UnbalancedBrackets {
    fn meta(&self) -> &'static RuleMeta {
        &UNBALANCEDBRACKETS
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}
