//! `repeated-punctuation`: doubled punctuation: `..` `،،` `,,` `؟؟` `!!` `;;` `::`, or a comma before a full stop. Its documentation is the
//! `explanation` below, which `mtlint explain repeated-punctuation` prints.

use super::*;

/// `repeated-punctuation`.
pub struct RepeatedPunctuation;

static REPEATED_PUNCTUATION: RuleMeta = RuleMeta {
    id: "repeated-punctuation",
    severity: Severity::Warning,
    summary:
        "Doubled punctuation: `..` `،،` `,,` `؟؟` `!!` `;;` `::`, or a comma before a full stop",
    explanation: r#"## What it does
Flags runs of punctuation marks that should be one mark:

- `..` (two full stops): warning.
- `،،` `,,` `؛؛` `;;` `::` and a mix of commas (`،,`): warning.
- `؟؟` `??` `!!`: warning.
- A comma or semicolon followed by another mark (`,.` `،.` `,؟`), and in Arabic
  a full stop followed by a comma (`.،`): warning.
- Four or more full stops (`....`), and three or more `!`/`?`/`؟` (`!!!`,
  `?!?`): info. Such emphasis is informal rather than wrong; no machine
  translation system produces it, so it is a matter of register only.
- `...` and `…` (ellipses), and the emphatic `?!` `!?` `؟!` `!؟` are correct
  and stay quiet.

## Why is this bad?
Doubled marks are typos or traces of text assembly (a sentence ending pasted
after another one), and they look careless in published text.

## Example
```text
ميدانياً.. أعلنت وزارة الدفاع،، أن قواتها حسنت مواقعها.
```
Use instead:
```text
ميدانياً. أعلنت وزارة الدفاع، أن قواتها حسنت مواقعها.
```
```text
Really?? He said so,, twice.
```
Use instead:
```text
Really? He said so, twice.
```

## Fix safety
The fix keeps one mark. It is safe for doubled commas and semicolons, which
carry no meaning twice. It is unsafe for `..` (it may be a truncated ellipsis
`...`), for `??` and `!!` (the writer may want the emphasis), for `....` and
runs of three or more, and for a comma before another mark (the fix keeps the
last mark, which may not be the intended one).

## Limits
Quiet for `../` (paths), `1..10` (ranges), `::` glued between words (`std::io`)
or before `=`, `.,` in cased scripts (`etc.,`, `U.S.,`), `?,`, and marks
separated by spaces (`, ,`; see `space-before-punctuation`).
"#,
};

impl Rule for RepeatedPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATED_PUNCTUATION
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let marks = |c: char| matches!(c, '.' | ',' | '،' | ';' | '؛' | ':' | '?' | '؟' | '!');
        let mut i = 0;
        let mut run = String::new();
        while i < doc.tokens.len() {
            if !punct_char(doc, i).is_some_and(marks) {
                i += 1;
                continue;
            }
            let start = i;
            run.clear();
            while let Some(c) = punct_char(doc, i).filter(|&c| marks(c)) {
                run.push(c);
                i += 1;
            }
            let count = run.chars().count();
            if count < 2 {
                continue;
            }
            let range = doc.tokens[start].range.start..doc.tokens[i - 1].range.end;
            let before = doc.text[..range.start].chars().next_back();
            let after = doc.text[range.end..].chars().next();
            let prev_script = (start > 0 && doc.tokens[start - 1].is_word())
                .then(|| doc.tokens[start - 1].script)
                .flatten();
            if let Some(d) = judge_run(&run, count, before, after, prev_script, range) {
                out.push(d);
            }
        }
    }
}
