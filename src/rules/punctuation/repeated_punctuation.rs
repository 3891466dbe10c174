//! `repeated-punctuation`: doubled punctuation: `..` `،،` `,,` `؟؟` `!!` `;;` `::`, or a comma before a full stop. Its documentation is the
//! `explanation` below, which `mtlint explain repeated-punctuation` prints.

use unicode_script::Script;

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::Document;

use super::punct_char;

/// `repeated-punctuation`.
pub struct RepeatedPunctuation;

static REPEATED_PUNCTUATION: RuleMeta = RuleMeta {
    id: "repeated-punctuation",
    severity: Severity::Warning,
    harm: Harm::Habit,
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

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '،' | ';' | '؛')
}

fn is_question_or_bang(c: char) -> bool {
    matches!(c, '?' | '؟' | '!')
}

/// The diagnostic for one run of adjacent marks, if it is one.
fn judge_run(
    run: &str,
    count: usize,
    before: Option<char>,
    after: Option<char>,
    prev_script: Option<Script>,
    range: std::ops::Range<usize>,
) -> Option<Diagnostic> {
    let first = run.chars().next()?;
    let last = run.chars().next_back()?;
    let same = run.chars().all(|c| c == first);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let single = first.to_string();
    let warn = |msg: String, confidence: f32, fix: &str, app: Applicability| {
        Diagnostic::new(range.clone(), msg)
            .confidence(confidence)
            .fix(range.clone(), fix, app)
    };
    if same {
        return match first {
            '.' if count == 2 => {
                // `../`, `1..10`, `..` at the start of a token.
                if after == Some('/') || before == Some('/') || (digit(before) && digit(after)) {
                    return None;
                }
                Some(warn(
                    "`..`: two full stops (one, or an ellipsis `...`)".into(),
                    0.85,
                    ".",
                    Applicability::Unsafe,
                ))
            }
            '.' if count == 3 => None,
            '.' => Some(
                warn(
                    format!("{count} full stops: an ellipsis has three"),
                    0.6,
                    "...",
                    Applicability::Unsafe,
                )
                .severity(Severity::Info),
            ),
            ':' => {
                // `std::io`, `::=`, `::1`, `:::` separators.
                if count > 2 || word(after) || after == Some('=') || !word(before) {
                    return None;
                }
                Some(warn(
                    "`::`: doubled colon".into(),
                    0.8,
                    ":",
                    Applicability::Safe,
                ))
            }
            c if is_comma(c) => Some(warn(
                format!("`{run}`: doubled `{c}`"),
                0.9,
                &single,
                Applicability::Safe,
            )),
            _ if count == 2 => Some(warn(
                format!("`{run}`: doubled `{first}`"),
                0.7,
                &single,
                Applicability::Unsafe,
            )),
            _ => Some(
                warn(
                    format!("`{run}`: emphatic punctuation, informal in published text"),
                    0.5,
                    &single,
                    Applicability::Unsafe,
                )
                .severity(Severity::Info),
            ),
        };
    }
    if run.chars().all(is_question_or_bang) {
        // `?!`, `؟!` are emphatic questions; longer mixes are informal.
        return (count >= 3).then(|| {
            Diagnostic::new(
                range.clone(),
                format!("`{run}`: emphatic punctuation, informal in published text"),
            )
            .confidence(0.5)
            .severity(Severity::Info)
        });
    }
    if run.chars().all(is_comma) {
        return Some(warn(
            format!("`{run}`: two commas"),
            0.9,
            &single,
            Applicability::Safe,
        ));
    }
    if is_comma(first) {
        // `,.` `،.` `,؟`: keep the last mark, which usually ends the clause.
        let rest: String = run.chars().skip_while(|&c| is_comma(c)).collect();
        if rest.is_empty() || rest.contains(':') {
            return None;
        }
        return Some(warn(
            format!("`{run}`: a comma before `{last}`"),
            0.8,
            &rest,
            Applicability::Unsafe,
        ));
    }
    if first == '.' && count == 2 && (last == '،' || last == '؛') {
        // In cased scripts `.,` follows abbreviations (`etc.,`); Arabic has none.
        if prev_script == Some(Script::Arabic) {
            return Some(warn(
                format!("`{run}`: a full stop before `{last}`"),
                0.8,
                ".",
                Applicability::Unsafe,
            ));
        }
    }
    None
}
