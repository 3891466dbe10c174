//! TEMPORARY placeholder: replaced by the real family.
use super::{Rule, RuleMeta};
use crate::finding::{Diagnostic, Severity};
use crate::segment::Document;

/// `mixed-script-word`.
pub struct MixedScriptWord;
static MIXEDSCRIPTWORD: RuleMeta = RuleMeta {
    id: "mixed-script-word",
    severity: Severity::Warning,
    summary: "mixed-script-word",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for MixedScriptWord {
    fn meta(&self) -> &'static RuleMeta {
        &MIXEDSCRIPTWORD
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `foreign-script-run`.
pub struct ForeignScriptRun;
static FOREIGNSCRIPTRUN: RuleMeta = RuleMeta {
    id: "foreign-script-run",
    severity: Severity::Error,
    summary: "foreign-script-run",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for ForeignScriptRun {
    fn meta(&self) -> &'static RuleMeta {
        &FOREIGNSCRIPTRUN
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}
