//! `redundant-parenthetical`: a term followed by itself in brackets. Its documentation is the
//! `explanation` below, which `mtlint explain redundant-parenthetical` prints.

use crate::language::arabic;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::normalize::fold;
use crate::text::{Document, TokenKind};

/// `redundant-parenthetical`.
pub struct RedundantParenthetical;

static REDUNDANT_PARENTHETICAL: RuleMeta = RuleMeta {
    id: "redundant-parenthetical",
    severity: Severity::Warning,
    harm: Harm::Habit,
    summary: "A term followed by itself in brackets",
    explanation: r#"## What it does
Flags a term followed by the same term in brackets: `الناتو (الناتو)`, `NATO (NATO)`. Words are
compared after folding case, Arabic diacritics, tatweel and letter variants (`أ إ آ → ا`,
`ى → ي`, `ة → ه`); a difference of the Arabic article alone (`ناتو (الناتو)`) counts with lower
confidence.

## Why is this bad?
Translators gloss a term with its original: `حلف شمال الأطلسي (NATO)`. Machine translation
translates the gloss too, leaving the term twice.

## Example
```text
لقوات الناتو (الناتو) على الأراضي   →  لقوات الناتو على الأراضي
members of NATO (NATO) agreed       →  members of NATO agreed
```

## Fix safety
The fix deletes the bracketed repeat and the space before it. It is unsafe, since the gloss may
have been meant to be in another form.

## Limits
A gloss in another script or language (`الناتو (NATO)`) is what brackets are for and is quiet.
Brackets holding more than six words are not compared."#,
};

impl Rule for RedundantParenthetical {
    fn meta(&self) -> &'static RuleMeta {
        &REDUNDANT_PARENTHETICAL
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let tokens = &doc.tokens;
        for open in 0..tokens.len() {
            let c = doc.token_text(open);
            let close_char = match c {
                "(" => ")",
                "[" => "]",
                _ => continue,
            };
            // Words inside, up to the closing bracket on the same line.
            let mut inside = Vec::new();
            let mut close = None;
            for (j, t) in tokens.iter().enumerate().skip(open + 1) {
                match t.kind {
                    TokenKind::Word => inside.push(j),
                    TokenKind::Space => {}
                    TokenKind::Punct if t.text(doc.text) == close_char => {
                        close = Some(j);
                        break;
                    }
                    _ => break,
                }
                if inside.len() > 6 {
                    break;
                }
            }
            let Some(close) = close else { continue };
            let k = inside.len();
            if k == 0 || k > 6 {
                continue;
            }
            // The same number of words right before the bracket, separated by spaces only.
            let mut before = Vec::new();
            let mut j = open;
            while before.len() < k && j > 0 {
                j -= 1;
                match tokens[j].kind {
                    TokenKind::Word => before.push(j),
                    TokenKind::Space => {}
                    _ => break,
                }
            }
            if before.len() < k {
                continue;
            }
            before.reverse();
            let folded = |ix: &[usize]| -> Vec<String> {
                ix.iter().map(|&i| fold(doc.token_text(i))).collect()
            };
            let (a, b) = (folded(&before), folded(&inside));
            let confidence = if a == b {
                0.95
            } else if a
                .iter()
                .zip(&b)
                .all(|(x, y)| arabic::strip_article(x) == arabic::strip_article(y))
            {
                0.7
            } else {
                continue;
            };
            let last_before = before[k - 1];
            let start = tokens[last_before].range.end;
            let end = tokens[close].range.end;
            let span = tokens[before[0]].range.start..end;
            let term = &doc.text[tokens[before[0]].range.start..tokens[last_before].range.end];
            out.push(
                Diagnostic::new(span, format!("`{term}` is followed by itself in brackets"))
                    .confidence(confidence)
                    .fix(start..end, "", Applicability::Unsafe),
            );
        }
    }
}
