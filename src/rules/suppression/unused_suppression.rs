//! `unused-suppression`: a suppression comment that silences nothing. The
//! suppression stage ([`crate::check::suppress`]) finds them, after every
//! text rule has run, and reports them under the rules of
//! [`Stage::Suppressions`]: this one.

use crate::report::Severity;
use crate::rules::{Diagnostic, Harm, Rule, RuleMeta, Stage};
use crate::text::Document;

/// `unused-suppression`: a `<!-- mtlint: … -->` comment that silences
/// nothing, names no rule, or is malformed.
pub struct UnusedSuppression;

static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
    id: "unused-suppression",
    severity: Severity::Info,
    harm: Harm::None,
    summary: "A `<!-- mtlint: … -->` comment that silences nothing, names no rule, or is malformed",
    explanation: r#"## What it does
Reports a suppression comment (`<!-- mtlint: ignore RULE -->`, `disable`,
`enable`, `ignore-file`) that silenced no finding, that names a rule that does
not exist, that closes a range never opened, or that mtlint cannot read.

## Why is this bad?
A suppression outlives the problem it was written for: once the text is
corrected, it silently hides the next real problem on that line. A misspelt
rule name silences nothing at all while looking like it does.

## Example
```markdown
<!-- mtlint: ignore joined-words -->
This line has no joined words any more.
```
Remove the comment, or name the rule that is really reported there.

## Fix safety
When every rule a comment names is unused, the fix deletes the comment's line.
That fix is safe: the comment is mtlint's own instruction, not text that is
published. A comment with some rules still in use gets no fix.

## Limits
Suppressions are read only in Markdown and plain text (`.md`, `.markdown`,
`.txt`, files without an extension, standard input), and only as an HTML
comment alone on its line. A finding belongs to the line where it starts. A
suppression for a rule that did not run (left out by `select` or `ignore`) is
never called unused, since mtlint cannot know. `enable RULE` closes only a
`disable RULE` for that same rule; `enable` without rules closes every open
range.
"#,
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &UNUSED_SUPPRESSION
    }

    fn stage(&self) -> Stage {
        Stage::Suppressions
    }

    /// Nothing to find in the text alone: see [`Stage::Suppressions`].
    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}
