//! `space-before-punctuation`: whitespace before a comma, full stop, colon, question mark or closing quote/bracket. Its documentation is the
//! `explanation` below, which `mtlint explain space-before-punctuation` prints.

use crate::analysis::quote_marks::{bracket_marks, quote_marks, BracketMark, QuoteMark, Role};
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::{Document, TokenKind};

use super::punct_char;

/// `space-before-punctuation`.
pub struct SpaceBeforePunctuation;

static SPACE_BEFORE_PUNCTUATION: RuleMeta = RuleMeta {
    id: "space-before-punctuation",
    severity: Severity::Warning,
    harm: Harm::Habit,
    summary: "Whitespace before a comma, full stop, colon, question mark or closing quote/bracket",
    explanation: r#"## What it does
Flags whitespace (within a line) before `، ؛ ؟ , ; : ? ! . ) ] » ”`.

## Why is this bad?
In Arabic, English, Russian and most languages these marks attach to the word
before them. Machine translation systems that detokenize badly leave a space
before every comma (`بوتين ،`), one of the most frequent traces of unreviewed
machine-translated Arabic.

## Example
```text
زار الرئيس الروسي فلاديمير بوتين ، يوم الأربعاء ، منطقة كورسك .
```
Use instead:
```text
زار الرئيس الروسي فلاديمير بوتين، يوم الأربعاء، منطقة كورسك.
```
```text
No , no, The Clarion Ledger reported .
```
Use instead:
```text
No, no, The Clarion Ledger reported.
```

## Fix safety
The fix deletes the whitespace and is safe: it never changes a word.

## Limits
- Quiet in French documents before `; : ! ? »` (and after `«`), where the
  space is required, and before those marks in any language when the space is
  a no-break or thin space, which is put there on purpose.
- Quiet when the mark starts a line, after a tab (aligned columns), for
  `.NET`, `.5`, ` ...`, `!important`, `,5`, emoticons (`:)`, `;-)`), enumeration
  labels (`a )`), a `)` or `]` that closes nothing, and a `”` or `»` that opens
  a quotation (Swedish `”…”`, German `»…«`).
- A parenthesis padded on both sides (`( text )`) is reported as info: it is a
  style, if an unusual one.
"#,
};

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &SPACE_BEFORE_PUNCTUATION
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let french = doc.lang() == Some("fr");
        let mut quotes: Option<Vec<QuoteMark>> = None;
        let mut brackets: Option<Vec<BracketMark>> = None;
        for i in 1..doc.tokens.len() {
            let Some(c) = punct_char(doc, i) else {
                continue;
            };
            if !matches!(
                c,
                '،' | '؛' | '؟' | ',' | ';' | ':' | '?' | '!' | '.' | ')' | ']' | '»' | '”'
            ) {
                continue;
            }
            let space = &doc.tokens[i - 1];
            if space.kind != TokenKind::Space {
                continue;
            }
            let space_text = doc.token_text(i - 1);
            // Tabs align columns; a mark that starts its line is a list or a quote.
            if space_text.contains('\t') {
                continue;
            }
            let Some(prev) = doc.prev_non_space(i) else {
                continue;
            };
            let after = char_after(doc, i);
            let mut confidence = 0.85;
            let mut severity = None;
            match c {
                ';' | ':' | '!' | '?' | '»' if french || is_typographic_space(space_text) => {
                    continue
                }
                _ => {}
            }
            match c {
                '.' => {
                    // `.NET`, `.5`, ` ...`
                    if after.is_some_and(|a| a.is_alphanumeric() || a == '.') {
                        continue;
                    }
                    confidence = 0.8;
                }
                // `:)`, `;-)`, `:D`, `:emoji:`, `::`
                ':' | ';' if after.is_some_and(|a| !a.is_whitespace()) => continue,
                // `!important`, `?query`
                '!' | '?' if after.is_some_and(char::is_alphanumeric) => continue,
                ',' | '،' => {
                    if c == ',' && after.is_some_and(|a| a.is_ascii_digit()) {
                        continue; // `,5`
                    }
                    if doc.tokens[prev].is_word() || doc.tokens[prev].kind == TokenKind::Number {
                        confidence = 0.95;
                    }
                }
                ')' | ']' => {
                    let b = brackets.get_or_insert_with(|| bracket_marks(doc));
                    let Some(k) = bracket_at(b, i) else { continue };
                    if !b[k].paired {
                        continue; // `a )`, an enumeration or a stray
                    }
                    confidence = 0.75;
                    // The opening bracket: the last paired opener before it at depth 0.
                    let mut depth = 0usize;
                    let opener = b[..k].iter().rev().find(|o| {
                        if !o.paired {
                            return false;
                        }
                        if o.open {
                            if depth == 0 {
                                return true;
                            }
                            depth -= 1;
                        } else {
                            depth += 1;
                        }
                        false
                    });
                    let padded = opener.is_some_and(|o| {
                        doc.tokens
                            .get(o.token + 1)
                            .is_some_and(|t| t.kind == TokenKind::Space)
                    });
                    if padded {
                        severity = Some(Severity::Info);
                        confidence = 0.6;
                    }
                }
                '»' | '”' => {
                    let q = quotes.get_or_insert_with(|| quote_marks(doc));
                    if !quote_at(q, i).is_some_and(|m| m.role == Role::Close) {
                        continue;
                    }
                }
                _ => {}
            }
            let mut d = Diagnostic::new(
                space.range.start..doc.tokens[i].range.end,
                format!("space before `{c}`: it attaches to the word before it"),
            )
            .confidence(confidence)
            .fix(space.range.clone(), "", Applicability::Safe);
            if let Some(s) = severity {
                d = d.severity(s);
            }
            out.push(d);
        }
    }
}

fn char_after(doc: &Document, i: usize) -> Option<char> {
    doc.text[doc.tokens[i].range.end..].chars().next()
}

/// Spaces that French typography (and careful typesetting elsewhere) puts
/// before `; : ! ? »` on purpose.
fn is_typographic_space(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2006}'))
}

fn quote_at(quotes: &[QuoteMark], i: usize) -> Option<&QuoteMark> {
    quotes
        .binary_search_by_key(&i, |m| m.token)
        .ok()
        .map(|k| &quotes[k])
}

fn bracket_at(brackets: &[BracketMark], i: usize) -> Option<usize> {
    brackets.binary_search_by_key(&i, |b| b.token).ok()
}
