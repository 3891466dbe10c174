//! `unbalanced-brackets`: a parenthesis or square bracket that opens without closing, or closes without opening. Its documentation is the
//! `explanation` below, which `mtlint explain unbalanced-brackets` prints.

use crate::analysis::quote_marks::bracket_marks;
use crate::rules::{Diagnostic, Harm, Rule, RuleMeta, Severity};
use crate::text::Document;

/// `unbalanced-brackets`.
pub struct UnbalancedBrackets;

static UNBALANCED_BRACKETS: RuleMeta = RuleMeta {
    id: "unbalanced-brackets",
    severity: Severity::Warning,
    harm: Harm::Unbalanced,
    summary:
        "A parenthesis or square bracket that opens without closing, or closes without opening",
    explanation: r#"## What it does
Pairs the brackets `( ) [ ]` of every paragraph and flags each one that has no
partner: an opening bracket never closed, or a closing bracket never opened.

## Why is this bad?
Machine translation often drops one half of a parenthesis or moves it into
another clause, and copy-paste cuts them off. A reader then cannot tell where
the aside ends.

## Example
```text
زار الرئيس منطقة كورسك (غرب روسيا، حيث تدور المعارك.
```
Use instead:
```text
زار الرئيس منطقة كورسك (غرب روسيا)، حيث تدور المعارك.
```
```text
The company (founded in 1998 announced a loss.
```
Use instead:
```text
The company (founded in 1998) announced a loss.
```

## Fix safety
There is no fix: where the missing bracket belongs cannot be known from the text.

## Limits
- Quiet for enumeration labels such as `1)`, `a)`, `iv)`, `ب)` at the start of
  a line or after a space, for emoticons (`:)`, `:-(`, `;-))`, and the bare
  smiles of Russian chat, a run of `)` ending a line: `спасибо))`), and for
  brackets inside URLs (`…/Foo_(bar)`), which belong to the URL.
- `(` and `[` may close each other, so interval notation (`[0, 1)`) stays
  quiet; a mismatched pair is therefore not reported.
- A parenthesis that opens in one paragraph and closes in one of the next
  three (a hard-wrapped aside that ends a sentence) is not reported.
- Braces `{ }` and angle brackets are not checked (code and templates).
"#,
};

impl Rule for UnbalancedBrackets {
    fn meta(&self) -> &'static RuleMeta {
        &UNBALANCED_BRACKETS
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for b in bracket_marks(doc) {
            if b.paired || b.excused {
                continue;
            }
            let range = doc.tokens[b.token].range.clone();
            let message = if b.open {
                let close = if b.ch == '(' { ')' } else { ']' };
                format!(
                    "`{}` is never closed in this paragraph (missing `{close}`)",
                    b.ch
                )
            } else {
                let open = if b.ch == ')' { '(' } else { '[' };
                format!(
                    "`{}` closes nothing in this paragraph (missing `{open}`)",
                    b.ch
                )
            };
            out.push(Diagnostic::new(range, message).confidence(0.8));
        }
    }
}
