//! `replacement-character`: replacement character U+FFFD: text was lost when it was decoded. Its documentation is the
//! `explanation` below, which `mtlint explain replacement-character` prints.

use crate::report::finding::{Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::Document;

use super::{describe, non_ascii, run_end};

/// `replacement-character`: U+FFFD, a character lost in decoding.
pub struct ReplacementCharacter;

static REPLACEMENT_CHARACTER: RuleMeta = RuleMeta {
    id: "replacement-character",
    severity: Severity::Error,
    harm: Harm::Corruption,
    summary: "Replacement character U+FFFD: text was lost when it was decoded",
    explanation: r#"## What it does
Flags the replacement character `�` (U+FFFD), which a decoder writes where
it met bytes it could not read, and its own mojibake `ï¿½` (U+FFFD encoded as
UTF-8 and decoded again as Latin-1). A run is one finding.

## Why is this bad?
Each `�` stands for a character, or several, that are gone: a letter of a
name, an accent, a quotation mark. The text must be taken again from its
source.

## Example
```text
Europa, Asia, �frica        (was África)
قال الوزير �� إن           (two lost characters)
```

## Fix safety
No fix: the lost characters cannot be known from the text.

## Limits
It sees only the replacement character; text lost without one (a truncated
file, `?` written for unknown characters) is not seen.
"#,
};

impl Rule for ReplacementCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &REPLACEMENT_CHARACTER
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        const MOJIBAKE: &str = "ï¿½";
        let text = doc.text;
        let mut skip_to = 0;
        for (at, c) in non_ascii(text) {
            if at < skip_to {
                continue;
            }
            if c == '\u{FFFD}' {
                let end = run_end(text, at, c);
                skip_to = end;
                let n = text[at..end].chars().count();
                let what = describe(c, n, "REPLACEMENT CHARACTER");
                out.push(Diagnostic::new(
                    at..end,
                    format!("{what}: text was lost when it was decoded with the wrong encoding"),
                ));
            } else if c == 'ï' && text[at..].starts_with(MOJIBAKE) {
                let mut end = at;
                while text[end..].starts_with(MOJIBAKE) {
                    end += MOJIBAKE.len();
                }
                skip_to = end;
                out.push(Diagnostic::new(
                    at..end,
                    "`ï¿½` is a replacement character U+FFFD decoded again as Latin-1: text was lost",
                ));
            }
        }
    }
}
