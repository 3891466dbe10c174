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
- Sentences glued in other ways: before a capital that is a word of one
  letter (`ослаб.В интервью`, `outside.A man`), after an acronym or before
  one (`EU.The`, `said.SNL`), after a year or figure inside a sentence
  (`2018.وفي`, `2030.The`), after closing marks (`Грецией?».Сторонник`),
  before an opening quotation (`представителей.«До`, `said."Last`, French
  `dit.« Le` with its no-break space), a Latin or Cyrillic word before an
  Arabic sentence (`Craiglang.ووفقًا`), and French spacing before `?` or `!`
  with none after (`vrai ?Il`).
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
different scripts around `.` or `,` (except before Arabic). A lowercase word
glued to a short lowercase word (`end.the`) is not caught, to stay quiet on
identifiers; nor are a number at the start of a line (`1.Введение`, a list),
a number with a dot inside (`2.3.Title`, a heading), an initial (`А.С.Пушкин`,
`им.В.И.Ленина`), a letter that is no word alone (`Plan.B`, `Г-н`), a
sentence after a domain (`weather.com.Сначала`) or a dotted abbreviation
(`U.S.Rosa`), and a figure before a word (`стерлингов.37-летняя`, where
`ст.37` would be an article's number).
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
            if doc.tokens[i - 1].kind == TokenKind::Number {
                if let Some(confidence) = glued_after_number(doc, i, c) {
                    out.push(glued(doc, i - 1, i, i + 1, c, confidence));
                }
                continue;
            }
            let pi = if doc.tokens[i - 1].is_word() {
                i - 1
            } else if let Some(w) = word_before_closing(doc, i) {
                w
            } else {
                // `vraiment ?Il`: French spacing before `?` and `!`, and
                // no space after.
                if matches!(c, '?' | '!')
                    && i >= 2
                    && doc.tokens[i - 1].is_space()
                    && doc.tokens[i - 2].is_word()
                    && cased(doc.token_text(i + 1))
                    && capitalised(doc.token_text(i + 1))
                    && letters(doc.token_text(i + 1)) >= 2
                {
                    out.push(glued(doc, i - 2, i, i + 1, c, 0.7));
                }
                continue;
            };
            if let Some(confidence) = glued_between_words(doc, pi, i, c) {
                out.push(glued(doc, pi, i, i + 1, c, confidence));
            }
        }
        for m in quote_marks(doc) {
            // Straight quotes nested against their spacing are a guess of
            // the pairing; a curly or angle mark says its side itself.
            let straight = matches!(m.ch, '"' | '\'');
            if m.against_spacing && straight {
                continue;
            }
            let t = &doc.tokens[m.token];
            // A sentence glued to the next one that opens with a quotation
            // (`представителей.«До`, `said."Last`): a sentence mark never
            // touches an opening mark, as an abbreviation's dot could not.
            if m.role == Role::Open && m.token >= 2 {
                if let Some(c) = punct_char(doc, m.token - 1) {
                    if let Some(w) = sentence_before_quote(doc, m.token, c) {
                        out.push(glued(doc, m.token - 2, m.token - 1, w, c, 0.8));
                        continue;
                    }
                }
            }
            if m.against_spacing {
                continue;
            }
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

/// The finding on mark `i` glued to the word (or number) `pi` before it and
/// the word `ni` after it, with a fix that adds the space after the mark.
/// It covers both sides, so it quotes `عليها.الروس`.
fn glued(doc: &Document, pi: usize, i: usize, ni: usize, c: char, confidence: f32) -> Diagnostic {
    let end = doc.tokens[i].range.end;
    Diagnostic::new(
        doc.tokens[pi].range.start..doc.tokens[ni].range.end,
        format!("no space after `{c}`: it glues two words together"),
    )
    .confidence(confidence)
    .fix(end..end, " ", Applicability::Safe)
}

/// The word after the opening quotation mark at token `q` when the
/// sentence mark `c` before that mark ends a sentence glued to the
/// quotation: a word, a number or a closing mark before it, not another dot
/// (an ellipsis, `т.е.`), and a word after the mark that can start a
/// sentence (French puts a no-break space inside `«`).
fn sentence_before_quote(doc: &Document, q: usize, c: char) -> Option<usize> {
    if !matches!(c, '.' | '!' | '?' | '؟') {
        return None;
    }
    let before = &doc.tokens[q - 2];
    let ends_sentence = before.is_word()
        || before.kind == TokenKind::Number
        || punct_char(doc, q - 2).is_some_and(is_closing);
    let ni = match doc.tokens.get(q + 1) {
        Some(t) if t.is_word() => q + 1,
        Some(_) if no_break(doc, q + 1) && doc.tokens.get(q + 2).is_some_and(|t| t.is_word()) => {
            q + 2
        }
        _ => return None,
    };
    // `т.е.«`: a dot inside an abbreviation is no sentence end.
    let chain = q >= 4 && punct_char(doc, q - 3) == Some('.');
    (ends_sentence && !chain && sentence_start(doc.token_text(ni), doc.tokens[ni].script))
        .then_some(ni)
}

/// Whether token `i` is a no-break space, which French puts inside `« »`.
fn no_break(doc: &Document, i: usize) -> bool {
    doc.tokens[i].is_space()
        && doc.text[doc.tokens[i].range.clone()]
            .chars()
            .all(|c| matches!(c, '\u{A0}' | '\u{202F}' | '\u{2009}'))
}

/// Whether a mark closes a quotation or a bracket.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | ')' | ']')
}

/// The word before the closing marks that end at token `i - 1`
/// (`الأراضي".أوكراني`, `Грецией?».Сторонник`, `США).В`): one or two
/// closing marks, and a `?` or `!` that ends the quotation.
fn word_before_closing(doc: &Document, i: usize) -> Option<usize> {
    if !punct_char(doc, i - 1).is_some_and(is_closing) {
        return None;
    }
    let mut k = i - 1;
    for _ in 0..3 {
        k = k.checked_sub(1)?;
        if doc.tokens[k].is_word() {
            return Some(k);
        }
        if !(punct_char(doc, k).is_some_and(|q| is_closing(q) || matches!(q, '?' | '!'))
            || no_break(doc, k))
        {
            return None;
        }
    }
    None
}

/// Whether a word can open a sentence: capitalised in a cased script, any
/// word of two letters or more in Arabic script.
fn sentence_start(word: &str, script: Option<Script>) -> bool {
    if script == Some(Script::Arabic) {
        return letters(word) >= 2;
    }
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Why the mark at token `i`, after a number, lacks a space: a year or a
/// figure ends a sentence glued to the next (`2018.وفي`, `2030.The`). Not
/// a list number at the start of a line (`1.Введение`), a dotted number
/// (`2.3.1`) or a decimal, which is one number token.
fn glued_after_number(doc: &Document, i: usize, c: char) -> Option<f32> {
    if !matches!(c, '.' | '!' | '?' | '؟') {
        return None;
    }
    // The text before the number on its line holds a word: no list item.
    let in_sentence = doc.tokens[..i - 1]
        .iter()
        .rev()
        .take_while(|t| t.kind != TokenKind::Newline)
        .any(|t| t.is_word());
    // `2.3.Title`: a number with a dot inside is a heading's.
    let dotted = i >= 2 && punct_char(doc, i - 2) == Some('.')
        || !doc.token_text(i - 1).chars().all(|d| d.is_ascii_digit());
    let n = &doc.tokens[i + 1];
    let nt = doc.token_text(i + 1);
    let word_after = if n.script == Some(Script::Arabic) {
        letters(nt) >= 2
    } else {
        capitalised(nt)
    };
    // `2.3.Title`, `1.2.x` are numbered headings and versions.
    let chain_after = punct_char(doc, i + 2) == Some('.');
    (in_sentence && !dotted && word_after && !n.mixed && !chain_after).then_some(0.8)
}

/// Whether a word is capitalised: a capital first, lowercase letters after
/// (`The`, `L’Europe`).
fn capitalised(word: &str) -> bool {
    let mut cs = word.chars().filter(|c| c.is_alphabetic());
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
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

/// Capital letters that are words on their own: Latin `A`, `I`, `À`,
/// Cyrillic `А В И К О С У Я`.
const ONE_LETTER_WORDS: &str = "AIÀАВИКОСУЯ";

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
    // A Latin or Cyrillic word glued to an Arabic sentence
    // (`Craiglang.ووفقًا`): no abbreviation or domain is written so.
    if matches!(c, '.' | '!' | '?') && arabic(n.script) && cased(pt) && !p.mixed {
        return (pl >= 3 && nl >= 2).then_some(0.8);
    }
    if !(cased(pt) && cased(nt)) || p.mixed || n.mixed || pl < 2 {
        return None;
    }
    let p_lower_end = pt.chars().rev().find(|c| c.is_alphabetic())?.is_lowercase();
    if nl < 2 {
        // A sentence that opens with a word of one letter (`ослаб.В
        // интервью`, `outside.A man`); initials go on with a dot
        // (`А.С.Пушкин`, checked above) and are not words on their own.
        let word = nt
            .chars()
            .next()
            .is_some_and(|l| ONE_LETTER_WORDS.contains(l));
        let alone = doc.tokens.get(i + 2).is_some_and(|t| t.is_space());
        return (matches!(c, '.' | '!' | '?') && p_lower_end && pl >= 3 && word && alone)
            .then_some(0.8);
    }
    let mut nc = nt.chars().filter(|c| c.is_alphabetic());
    let n_capital = nc.next()?.is_uppercase() && nc.next().is_some_and(char::is_lowercase);
    // An acronym ends a sentence glued to the next (`EU.The`, `SNL.Все`);
    // a capital word after it, lowercase letters following, opens one.
    // French elides an article onto it (`l’UE.En`).
    let is_acronym = |w: &str| {
        let core = w.rsplit(['’', '\'']).next().unwrap_or(w);
        (2..=5).contains(&letters(core)) && core.chars().all(char::is_uppercase)
    };
    let alone = doc.tokens.get(i + 2).is_none_or(|t| {
        t.is_space() || punct_char(doc, i + 2).is_some_and(|q| matches!(q, ',' | ':'))
    });
    match c {
        '.' | '!' | '?' | ':' if p_lower_end && n_capital => Some(0.85),
        '.' | '!' | '?' if is_acronym(pt) && n_capital && nl >= 3 && alone => Some(0.7),
        // A sentence that opens with an acronym (`said.SNL`, `war.UN`).
        '.' | '!' | '?'
            if p_lower_end
                && pl >= 3
                && is_acronym(nt)
                && alone
                && !EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(nt)) =>
        {
            Some(0.7)
        }
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
