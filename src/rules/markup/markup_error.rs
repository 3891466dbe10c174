//! `markup-error`: markup the reader of a file's format could not read (an
//! unclosed code fence, a PO syntax error, XML that is not well-formed). It
//! reports what the read stage found ([`Document::markup_problems`]); by
//! the time there is prose, the markup is gone.

use crate::report::Severity;
use crate::rules::{Diagnostic, Harm, Rule, RuleMeta};
use crate::text::lines::floor_char_boundary;
use crate::text::Document;

/// `markup-error`: the file's markup is broken where the prose was read.
pub struct MarkupError;

static MARKUP_ERROR: RuleMeta = RuleMeta {
    id: "markup-error",
    severity: Severity::Warning,
    harm: Harm::File,
    summary: "The file's markup is broken: part of it may not be read as prose",
    explanation: r#"## What it does
Reports what the reader of a file's format found wrong, where it found it:
an unclosed code fence in Markdown (the rest of the file reads as code), an
unclosed comment or `<script>` in HTML, a cue without a valid timing line
in subtitles, a syntax error in a PO file, XLIFF that is not well-formed XML.

A problem that kept the reader from parsing the file whole (a PO syntax
error, after which it skips to the next entry; XML that is not well-formed,
where it stops) is an error: the file was linted as far as it could be
read, and `--fix` leaves it unchanged, since a file that was not parsed
whole cannot be written back safely. The others are warnings: the file was
read the way a renderer would read it.

## Why is this bad?
Broken markup is broken for the reader too: a translated catalogue that
`msgfmt` rejects is not shipped, a subtitle cue without timing is never
shown, and a Markdown file whose fence is not closed shows the rest of the
page as code.

## Example
```text
guide.md:12:1: warning[markup-error] unclosed code fence opened here: the rest of the file is read as code
ar.po:40:1: error[markup-error] line 40: expected a string, found `msgstr "…`
```

## Fix safety
No fix: the repair depends on what the author meant.

## Limits
- Only what changes how the prose is read is reported: tag soup that
  browsers repair (an unclosed `<p>`, a stray `</div>`) is not.
- Markdown has no syntax errors: only an unclosed code fence, which hides
  the rest of the file from the rules, is reported.
- One problem of each kind is reported a file, where it starts.
"#,
};

impl Rule for MarkupError {
    fn meta(&self) -> &'static RuleMeta {
        &MARKUP_ERROR
    }

    fn speaks_for_bytes(&self) -> bool {
        true
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.original;
        for p in &doc.markup_problems {
            let start = floor_char_boundary(text, p.offset.min(text.len()));
            let end = text[start..]
                .chars()
                .next()
                .filter(|c| *c != '\n' && *c != '\r')
                .map_or(start, |c| start + c.len_utf8());
            let d = if p.stopped {
                let m = format!("{}; `--fix` leaves this file unchanged", p.message);
                Diagnostic::new(start..end, m)
                    .in_original()
                    .severity(Severity::Error)
            } else {
                Diagnostic::new(start..end, p.message.clone()).in_original()
            };
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markup::Problem;

    fn run(text: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
        let mut doc = Document::new(text, Some("en"));
        doc.markup_problems = problems;
        let mut out = Vec::new();
        MarkupError.check(&doc, &mut out);
        out
    }

    #[test]
    fn reports_each_problem_where_it_is() {
        let text = "```\ncode\n";
        let out = run(
            text,
            vec![Problem {
                offset: 0,
                message: "unclosed code fence".into(),
                stopped: false,
            }],
        );
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].range.clone()], "`");
        assert!(out[0].in_original);
        assert_eq!(out[0].severity, None);
        let stopped = run(
            "msgid \"a\"\nmsgstr x\n",
            vec![Problem {
                offset: 17,
                message: "expected a string".into(),
                stopped: true,
            }],
        );
        assert_eq!(stopped[0].severity, Some(Severity::Error));
    }

    #[test]
    fn silent_without_problems() {
        assert!(run("All fine here.", Vec::new()).is_empty());
    }
}
