//! `missing-space-after-punctuation`: a full stop, comma or closing quote glued to the next word (`عليها.الروس`, `end.The`). Its documentation is the
//! `explanation` below, which `mtlint explain missing-space-after-punctuation` prints.

use unicode_script::Script;

use crate::analysis::quote_marks::{bracket_marks, quote_marks, Role};
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::{Document, TokenKind};

use super::punct_char;

/// `missing-space-after-punctuation`.
pub struct MissingSpaceAfterPunctuation;

static MISSING_SPACE_AFTER_PUNCTUATION: RuleMeta = RuleMeta {
    id: "missing-space-after-punctuation",
    severity: Severity::Warning,
    harm: Harm::Joined,
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

/// Letters of a word, not counting tatweel and combining marks.
fn letters(word: &str) -> usize {
    word.chars()
        .filter(|&c| c.is_alphabetic() && c != 'ـ')
        .count()
}

/// Common file extensions, which follow a dot without a space (`report.pdf`).
const EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "txt", "html", "htm", "xml", "json", "csv", "xls", "xlsx", "ppt", "pptx",
    "jpg", "jpeg", "png", "gif", "svg", "webp", "mp3", "mp4", "avi", "mov", "wav", "zip", "rar",
    "exe", "php", "asp", "aspx", "js", "py", "rs", "md", "odt", "rtf", "epub", "tar", "gz",
];

/// Whether a word is written in a script with upper and lower case.
fn cased(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
}

/// Why the mark at token `i`, between words `p` and `n`, lacks a space after
/// it: a confidence, or `None` when the glue is normal.
/// `pi` is the word before the mark: `i - 1`, or `i - 2` across a closing
/// quotation mark or bracket (`الأراضي".أوكراني`).
fn glued_between_words(doc: &Document, pi: usize, i: usize, c: char) -> Option<f32> {
    let (p, n) = (&doc.tokens[pi], &doc.tokens[i + 1]);
    let (pt, nt) = (doc.token_text(pi), doc.token_text(i + 1));
    // Dotted chains: `U.S.A`, `e.g.`, `a.m.`, `java.util.List`, `т.е.`.
    if pi >= 1 && punct_char(doc, pi - 1).is_some_and(|d| d == '.' || d == c) {
        return None;
    }
    if punct_char(doc, i + 2) == Some(c)
        && doc
            .tokens
            .get(i + 3)
            .is_some_and(|t| t.is_word() || t.kind == TokenKind::Number)
    {
        return None;
    }
    let arabic = |s: Option<Script>| s == Some(Script::Arabic);
    let (pl, nl) = (letters(pt), letters(nt));
    if arabic(p.script) && arabic(n.script) {
        // `د.أحمد`, `ق.م`, `ص.ب`: one letter is an abbreviation.
        if pl <= 1 || nl <= 1 {
            return None;
        }
        return Some(if c == '،' { 0.95 } else { 0.9 });
    }
    if matches!(c, '،' | '؛' | '؟') && (arabic(p.script) || arabic(n.script)) {
        return (pl > 1 && nl > 1).then_some(0.9);
    }
    if !(cased(pt) && cased(nt)) || p.mixed || n.mixed || pl < 2 || nl < 2 {
        return None;
    }
    let p_lower_end = pt.chars().rev().find(|c| c.is_alphabetic())?.is_lowercase();
    let mut nc = nt.chars().filter(|c| c.is_alphabetic());
    let n_capital = nc.next()?.is_uppercase() && nc.next().is_some_and(char::is_lowercase);
    match c {
        '.' | '!' | '?' | ':' if p_lower_end && n_capital => Some(0.85),
        '.' if p_lower_end
            && pl >= 4
            && nl >= 4
            && nt.chars().all(char::is_lowercase)
            && !EXTENSIONS.contains(&nt) =>
        {
            Some(0.6)
        }
        ',' | ';' if p_lower_end => Some(0.8),
        _ => None,
    }
}

/// Whether an Arabic word is a one-letter proclitic (`و` and, `ف`, `ب`, `ل`,
/// `ك`, `س`, with `و`/`ف` before another: `وب`, `فل`, and tatweel: `بـ`),
/// which attaches to the next word even when that word is quoted: `و"تويتر"`.
fn is_proclitic(word: &str) -> bool {
    let core: Vec<char> = word.chars().filter(|&c| c != 'ـ').collect();
    match core.as_slice() {
        [c] => matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س'),
        [a, b] => matches!(a, 'و' | 'ف') && matches!(b, 'ب' | 'ل' | 'ك' | 'س'),
        _ => false,
    }
}

/// The span of punctuation token `i` with the words glued to it on either
/// side, so a finding quotes `البلاد"موجود` rather than a lone `"`.
fn glued_span(doc: &Document, i: usize) -> std::ops::Range<usize> {
    let t = &doc.tokens;
    let start = if i > 0 && t[i - 1].is_word() {
        t[i - 1].range.start
    } else {
        t[i].range.start
    };
    let end = match t.get(i + 1) {
        Some(n) if n.is_word() => n.range.end,
        _ => t[i].range.end,
    };
    start..end
}
