//! Spacing around punctuation, and doubled punctuation: `بوتين ،`,
//! `عليها.الروس`, `end.The`, `ميدانياً..`.

use super::quotes::{bracket_marks, quote_marks, BracketMark, QuoteMark, Role};
use super::{Rule, RuleMeta};
use crate::finding::{Applicability, Diagnostic, Severity};
use crate::segment::{Document, TokenKind};
use unicode_script::Script;

/// The single character of a punctuation token, if it is one.
fn punct_char(doc: &Document, i: usize) -> Option<char> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Punct {
        return None;
    }
    doc.text[t.range.clone()].chars().next()
}

fn char_after(doc: &Document, i: usize) -> Option<char> {
    doc.text[doc.tokens[i].range.end..].chars().next()
}

/// Letters of a word, not counting tatweel and combining marks.
fn letters(word: &str) -> usize {
    word.chars()
        .filter(|&c| c.is_alphabetic() && c != 'ـ')
        .count()
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

/// `space-before-punctuation`.
pub struct SpaceBeforePunctuation;

static SPACE_BEFORE_PUNCTUATION: RuleMeta = RuleMeta {
    id: "space-before-punctuation",
    severity: Severity::Warning,
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

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '،' | ';' | '؛')
}

fn is_question_or_bang(c: char) -> bool {
    matches!(c, '?' | '؟' | '!')
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    #[test]
    fn space_before_arabic_and_latin_marks() {
        let text = "زار الرئيس الروسي فلاديمير بوتين ، يوم الأربعاء ، منطقة كورسك .";
        assert_eq!(flagged(&SpaceBeforePunctuation, text), [" ،", " ،", " ."]);
        assert_eq!(
            fixed(&SpaceBeforePunctuation, text, None),
            "زار الرئيس الروسي فلاديمير بوتين، يوم الأربعاء، منطقة كورسك."
        );
        let text = "No , no, The Clarion Ledger reported . Why ? Stop !";
        assert_eq!(
            flagged_in(&SpaceBeforePunctuation, text, Some("en")),
            [" ,", " .", " ?", " !"]
        );
        assert_eq!(
            flagged_in(&SpaceBeforePunctuation, "Он сказал « нет » .", Some("ru")),
            [" »", " ."]
        );
        let d = diagnostics(&SpaceBeforePunctuation, "بوتين ، زار", None);
        assert!(d[0].confidence > 0.9);
    }

    #[test]
    fn space_before_closing_quotes_and_brackets() {
        assert_eq!(
            flagged(
                &SpaceBeforePunctuation,
                "هم “إرهابيون ” وفقًا للقانون الروسي."
            ),
            [" ”"]
        );
        assert_eq!(
            flagged(
                &SpaceBeforePunctuation,
                "He visited Kursk (west of Russia ) today."
            ),
            [" )"]
        );
        // Padded on both sides: a style, reported as info.
        let d = diagnostics(&SpaceBeforePunctuation, "كورسك ( غرب روسيا ) اليوم.", None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
    }

    #[test]
    fn space_before_stays_quiet_where_correct() {
        for (text, lang) in [
            (
                "Il a dit : « Non ! » Pourquoi ? Parce que ; voilà.",
                Some("fr"),
            ),
            ("He said\u{00A0}: yes\u{202F}!", Some("en")),
            ("Written in .NET with .5 more and wait ...", Some("en")),
            ("Great :) and ;-) and :D", Some("en")),
            ("a ) first\nb ) second", Some("en")),
            (", starts the line\n. also", Some("en")),
            ("Name\t: value", Some("en")),
            ("Han sa ”hej” och ” gick.", Some("sv")),
            ("Er sagte »Hallo« und ging.", Some("de")),
            ("use !important here", Some("en")),
            (
                "قال بوتين، يوم الأربعاء، إن القوات (الروسية) تقدمت.",
                Some("ar"),
            ),
            ("Also 0 ,5 percent", Some("en")),
        ] {
            assert!(
                flagged_in(&SpaceBeforePunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&SpaceBeforePunctuation, text, lang)
            );
        }
    }

    #[test]
    fn missing_space_after_marks_in_arabic() {
        let text = "استعادت القوات السيطرة عليها.الروس في كورسك،اليوم وفي الماضي.الشمال";
        assert_eq!(
            flagged(&MissingSpaceAfterPunctuation, text),
            ["عليها.الروس", "كورسك،اليوم", "الماضي.الشمال"]
        );
        assert_eq!(
            fixed(&MissingSpaceAfterPunctuation, text, None),
            "استعادت القوات السيطرة عليها. الروس في كورسك، اليوم وفي الماضي. الشمال"
        );
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "قال بوتين:هناك حاجة ماسة للمزيد."
            ),
            ["بوتين:هناك"]
        );
    }

    #[test]
    fn missing_space_after_marks_in_cased_scripts() {
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "و \"شكر الجنود على تحرير الأراضي\".أوكراني"
            ),
            ["الأراضي\".أوكراني"]
        );
        // A `;` after a word that no `&` opens is glue, entity name or not.
        let text = "The talks came to an end.The delegates left this,that behind, nbsp;said.";
        assert_eq!(
            flagged_in(&MissingSpaceAfterPunctuation, text, Some("en")),
            ["end.The", "this,that", "nbsp;said"]
        );
        assert_eq!(
            flagged_in(
                &MissingSpaceAfterPunctuation,
                "Переговоры закончились.Делегаты уехали.",
                Some("ru")
            ),
            ["закончились.Делегаты"]
        );
    }

    #[test]
    fn missing_space_after_quotes_and_brackets() {
        let text =
            "وأضاف \"وعليه يبقى الخطر الأكبر على البلاد\"موجود ، وفي الواقع يصبح أكثر موضوعية \".";
        let d = diagnostics(&MissingSpaceAfterPunctuation, text, None);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&text[d[0].range.clone()], "البلاد\"موجود");
        assert_eq!(
            fixed(
                &MissingSpaceAfterPunctuation,
                "و6 صواريخ “هيمارس”أمريكية الصنع.",
                None
            ),
            "و6 صواريخ “هيمارس” أمريكية الصنع."
        );
        assert_eq!(
            fixed(&MissingSpaceAfterPunctuation, "قال\"نعم\" ثم رحل.", None),
            "قال \"نعم\" ثم رحل."
        );
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "قوات حلف الناتو (الناتو)على الأراضي."
            ),
            ["الناتو)على"]
        );
    }

    #[test]
    fn missing_space_after_stays_quiet() {
        for (text, lang) in [
            (
                "See pic.twitter.com/abc and العربية.نت or mail a.b@example.com.",
                None,
            ),
            (
                "It rose 3.5 points at 10:30 to 1,100 in v1.2 of the app.",
                Some("en"),
            ),
            ("محطة كورسك-2 للطاقة النووية", Some("ar")),
            (
                "The U.S. and e.g. Ph.D. and J.K. Rowling at 9 a.m. today.",
                Some("en"),
            ),
            ("т.е. всё и т.д. и т.п.", Some("ru")),
            (
                "Open report.pdf and java.util.List or node.js now.",
                Some("en"),
            ),
            ("قال د.أحمد إن ذلك حدث عام 300 ق.م في المنطقة.", Some("ar")),
            ("A.B testing and x,y coordinates.", Some("en")),
            // HTML entities are `escaped-text`'s: `&nbsp;said` is no glue.
            ("The minister&nbsp;said so, &amp;amp;then left.", Some("en")),
            ("قال الوزير&nbsp;إن المحادثات انتهت.", Some("ar")),
            ("He said \"yes\", then left. She said «non».", Some("en")),
            ("My friend(s) will (re)build it.", Some("en")),
            ("Er sagte »Hallo« und ging.", Some("de")),
            ("وقال \"نعم\"، ثم رحل.", Some("ar")),
            ("Bonjour l'«ami».", Some("fr")),
            (
                "مواقع مثل \"ريديت\" و\"تويتر\" وغيرها، وبدل كوليبالي بـ\"ريان كينت\".",
                Some("ar"),
            ),
            (
                "\"He said, \"Because he makes me laugh,\"\" Ms. Scovell told me.",
                Some("en"),
            ),
        ] {
            assert!(
                flagged_in(&MissingSpaceAfterPunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&MissingSpaceAfterPunctuation, text, lang)
            );
        }
    }

    #[test]
    fn repeated_marks() {
        let text = "ميدانياً.. أعلنت وزارة الدفاع،، أن قواتها حسنت مواقعها؟؟";
        assert_eq!(flagged(&RepeatedPunctuation, text), ["..", "،،", "؟؟"]);
        let d = diagnostics(&RepeatedPunctuation, text, None);
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        assert_eq!(
            d[1].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        assert_eq!(
            flagged_in(
                &RepeatedPunctuation,
                "Really?? He said so,, twice!!",
                Some("en")
            ),
            ["??", ",,", "!!"]
        );
        assert_eq!(
            flagged_in(&RepeatedPunctuation, "Он ушёл,. Потом;;", Some("ru")),
            [",.", ";;"]
        );
        assert_eq!(
            fixed(&RepeatedPunctuation, "He said so,, twice,.", Some("en")),
            "He said so, twice."
        );
    }

    #[test]
    fn repeated_marks_mild_and_quiet_cases() {
        let d = diagnostics(
            &RepeatedPunctuation,
            "Wait.... What!!! Really?!?",
            Some("en"),
        );
        assert_eq!(d.len(), 3);
        assert!(d.iter().all(|d| d.severity == Some(Severity::Info)));
        for (text, lang) in [
            ("Wait... and then… what?! Really!? هل هذا صحيح؟!", None),
            (
                "cd ../src and 1..10 and std::io::Result and x ::= y",
                Some("en"),
            ),
            ("It was etc., and the U.S., too.", Some("en")),
            ("\"Why?,\" he asked.", Some("en")),
        ] {
            assert!(
                flagged_in(&RepeatedPunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&RepeatedPunctuation, text, lang)
            );
        }
        assert_eq!(
            flagged_in(&RepeatedPunctuation, "انتهى الاجتماع.، ثم رحل", Some("ar")),
            [".،"]
        );
    }
}
