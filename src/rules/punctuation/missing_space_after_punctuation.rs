//! `missing-space-after-punctuation`: a full stop, comma or closing quote glued to the next word (`عليها.الروس`, `end.The`). Its documentation is the
//! `explanation` below, which `mtlint explain missing-space-after-punctuation` prints.

use super::*;

/// `missing-space-after-punctuation`.
pub struct MissingSpaceAfterPunctuation;

static MISSING_SPACE_AFTER_PUNCTUATION: RuleMeta = RuleMeta {
    id: "missing-space-after-punctuation",
    severity: Severity::Warning,
    summary:
        "A full stop, comma or closing quote glued to the next word (`عليها.الروس`, `end.The`)",
    explanation: r#"## What it does
Flags a sentence mark or comma glued to the next word, a closing quotation
mark glued to the word after it, and an opening quotation mark glued to the
word before it.

- Arabic script: an Arabic word, then `. ، ؛ ؟ ! : , ;`, then an Arabic word.
  Arabic has no letter case, so this glue is never an abbreviation, except
  with one-letter abbreviations (`د.أحمد`, `ق.م`), which stay quiet.
- Latin, Cyrillic and other cased scripts: a word ending in a lowercase letter,
  then `. ! ? :`, then a Capitalized word (`end.The`); two long lowercase
  words around a full stop (`house.where`, lower confidence); or a word, a
  comma or semicolon, and another word (`this,that`).
- Quotation marks: the direction of each mark comes from the pairing of the
  paragraph (see `unbalanced-quotes`); a closing mark followed by a letter
  (`البلاد"موجود`, `“هيمارس”أمريكية`) or an opening mark preceded by one
  (`قال"نعم"`) is flagged, except after an Arabic proclitic, which attaches to
  the quoted word (`و"تويتر"`, `بـ"ريان"`), and where the spacing contradicts
  the pairing (nested straight quotes). Also a closing bracket glued to the next word
  (`(الناتو)على`).

## Why is this bad?
Machine translation and text extraction glue sentences together
(`عليها.الروس`, `الماضي.الشمال`): readers stumble, search engines and screen
readers see one word, and the sentence boundary is lost.

## Example
```text
استعادت القوات الأوكرانية السيطرة عليها.الروس يقولون إن البلاد"موجود".
```
Use instead:
```text
استعادت القوات الأوكرانية السيطرة عليها. الروس يقولون إن البلاد" موجود".
```
```text
The talks came to an end.The delegates left.
```
Use instead:
```text
The talks came to an end. The delegates left.
```

## Fix safety
The fix inserts one space after the mark (before an opening quotation mark)
and is safe: it never changes a word.

## Limits
Quiet for URLs and domains (`pic.twitter.com`, `العربية.نت`), e-mail
addresses, decimals, times and thousands (`3.5`, `10:30`, `1,100`), version
numbers (`v1.2`), hyphenated names (`كورسك-2`), abbreviations and initials
(`U.S.`, `e.g.`, `т.е.`, `Ph.D.`, `J.K.`, `a.m.`), single letters, file names
(`report.pdf`), dotted identifiers (`java.util.List`), the `;` that ends
an HTML entity (`&nbsp;said`, left to `escaped-text`), and words of two
different scripts around `.` or `,`. A lowercase word glued to a short
lowercase word (`end.the`) is not caught, to stay quiet on identifiers.
"#,
};

impl Rule for MissingSpaceAfterPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &MISSING_SPACE_AFTER_PUNCTUATION
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let n = doc.tokens.len();
        for i in 1..n.saturating_sub(1) {
            let Some(c) = punct_char(doc, i) else {
                continue;
            };
            if !matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '،' | '؛' | '؟') {
                continue;
            }
            if !doc.tokens[i + 1].is_word() {
                continue;
            }
            let pi = if doc.tokens[i - 1].is_word() {
                i - 1
            } else if i >= 2
                && doc.tokens[i - 2].is_word()
                && punct_char(doc, i - 1).is_some_and(|q| matches!(q, '"' | '”' | '»' | ')' | ']'))
            {
                i - 2
            } else {
                continue;
            };
            if let Some(confidence) = glued_between_words(doc, pi, i, c) {
                let end = doc.tokens[i].range.end;
                // The finding covers the glued words, so it quotes `عليها.الروس`.
                out.push(
                    Diagnostic::new(
                        doc.tokens[pi].range.start..doc.tokens[i + 1].range.end,
                        format!("no space after `{c}`: it glues two words together"),
                    )
                    .confidence(confidence)
                    .fix(end..end, " ", Applicability::Safe),
                );
            }
        }
        for m in quote_marks(doc) {
            if m.against_spacing {
                continue; // nested straight quotes: the pairing is a guess
            }
            let t = &doc.tokens[m.token];
            let glued_after = doc.tokens.get(m.token + 1).is_some_and(|t| t.is_word());
            let glued_before = m.token > 0 && doc.tokens[m.token - 1].is_word();
            let (message, at) = match m.role {
                Role::Close if glued_after => (
                    format!("no space after the closing `{}`", m.ch),
                    t.range.end,
                ),
                Role::Open if glued_before && !is_proclitic(doc.token_text(m.token - 1)) => (
                    format!("no space before the opening `{}`", m.ch),
                    t.range.start,
                ),
                _ => continue,
            };
            // A lone mark glued on both sides (`a"b`) says little about its side.
            let confidence = if m.paired { 0.85 } else { 0.6 };
            out.push(
                Diagnostic::new(glued_span(doc, m.token), message)
                    .confidence(confidence)
                    .fix(at..at, " ", Applicability::Safe),
            );
        }
        let brackets = bracket_marks(doc);
        for (k, b) in brackets.iter().enumerate() {
            if b.open || !b.paired {
                continue;
            }
            let next = doc.tokens.get(b.token + 1);
            if !next
                .is_some_and(|t| t.is_word() && letters(doc.text[t.range.clone()].as_ref()) >= 2)
            {
                continue;
            }
            // `friend(s)`, `(re)build`: a bracket inside a word is not an aside.
            let mut depth = 0usize;
            let opener = brackets[..k].iter().rev().find(|o| {
                if o.open {
                    if depth == 0 {
                        return true;
                    }
                    depth -= 1;
                } else if o.paired {
                    depth += 1;
                }
                false
            });
            let Some(o) = opener else { continue };
            if o.token > 0 && !doc.tokens[o.token - 1].is_space() {
                continue;
            }
            // `(re)build`, `(un)likely`: a one-word prefix in a cased script.
            let one_word = !doc.tokens[o.token + 1..b.token]
                .iter()
                .any(|t| t.is_space());
            if one_word && next.is_some_and(|t| cased(&doc.text[t.range.clone()])) {
                continue;
            }
            let r = doc.tokens[b.token].range.clone();
            out.push(
                Diagnostic::new(
                    glued_span(doc, b.token),
                    format!("no space after the closing `{}`", b.ch),
                )
                .confidence(0.7)
                .fix(r.end..r.end, " ", Applicability::Safe),
            );
        }
    }
}
