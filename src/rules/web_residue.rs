//! TEMPORARY placeholder: replaced by the real family.
use super::{Rule, RuleMeta};
use crate::finding::{Diagnostic, Severity};
use crate::segment::Document;

/// `social-embed`.
pub struct SocialEmbed;
static SOCIALEMBED: RuleMeta = RuleMeta {
    id: "social-embed",
    severity: Severity::Warning,
    summary: "social-embed",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for SocialEmbed {
    fn meta(&self) -> &'static RuleMeta {
        &SOCIALEMBED
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// `boilerplate`.
pub struct Boilerplate;
static BOILERPLATE: RuleMeta = RuleMeta {
    id: "boilerplate",
    severity: Severity::Warning,
    summary: "boilerplate",
    explanation: "## What it does\n## Why is this bad?\n## Example\n",
};
impl Rule for Boilerplate {
    fn meta(&self) -> &'static RuleMeta {
        &BOILERPLATE
    }
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}
