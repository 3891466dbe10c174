//! Script mixing: letters of one script inside a word of another
//! (`mixed-script-word`) and runs of words in a script that is not the
//! document's (`foreign-script-run`).
//!
//! Both are typical of machine-translation garble: a system that hallucinates
//! in the wrong language (a Mongolian tweet in an Arabic article), or that
//! glues a Latin fragment to an Arabic word, or text that was typed with the
//! wrong keyboard layout (`cети` with a Latin `c`).

use unicode_script::Script;

use super::{Rule, RuleMeta};
use crate::finding::{Applicability, Diagnostic, Severity};
use crate::segment::script::{compatible, family, letter_script, name};
use crate::segment::{Document, TokenKind};

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// Scripts written without spaces between words, or that glue particles to
/// foreign words (`iPhone手机`, `Tシャツ`, `NATO는`, `iPhoneรุ่นใหม่`): a Latin
/// word inside them is ordinary text, not a mixed word.
fn is_unspaced(s: Script) -> bool {
    matches!(
        family(s),
        Script::Han
            | Script::Hangul
            | Script::Thai
            | Script::Lao
            | Script::Khmer
            | Script::Myanmar
            | Script::Tibetan
            | Script::Yi
    )
}

/// Right-to-left scripts: a Latin or Cyrillic word glued to one of them is a
/// missing space, never a look-alike letter.
fn is_rtl(s: Script) -> bool {
    matches!(
        s,
        Script::Arabic | Script::Hebrew | Script::Syriac | Script::Thaana | Script::Nko
    )
}

// ---------------------------------------------------------------------------
// mixed-script-word
// ---------------------------------------------------------------------------

/// `mixed-script-word`: one word whose letters come from incompatible scripts.
pub struct MixedScriptWord;

static MIXED_SCRIPT_WORD: RuleMeta = RuleMeta {
    id: "mixed-script-word",
    severity: Severity::Warning,
    summary:
        "A word mixes letters of incompatible scripts (Cyrillic in Latin, Latin glued to Arabic)",
    explanation: r#"## What it does
Flags a single word whose letters come from two or more scripts that are
never written together inside one word: Cyrillic and Arabic (`урррсافقة`),
Cyrillic and Latin (`ццрайнoid`, `cети` typed with a Latin `c`), Latin glued to
Arabic (`iPhoneالجديد`).

When every odd letter is a look-alike of a letter of the word's main script
(Latin `a c e o p x y` and Cyrillic `а с е о р х у`, capitals `A B C E H K M O P T X`
and their Cyrillic and Greek twins), it suggests the single-script spelling.
When a right-to-left script (Arabic, Hebrew) and another one share a word,
the words were glued together: it suggests the missing spaces. A Latin word
glued to Arabic is reported as `info` (a typo); Cyrillic or Greek glued to
Arabic is garble and stays a warning.

## Why is this bad?
A word with a letter from the wrong script looks right but is a different
string: search, spell-checking, sorting, hyphenation and screen readers all
fail on it, and it is a common sign of machine-translation garble, of text
typed with the wrong keyboard layout, or of deliberate spoofing.

## Example
```text
урррсافقة ... ццрайнoid          (Arabic article, garbled)
تحدث عن iPhoneالجديد              → تحدث عن iPhone الجديد   (info)
تسمحSolidللمستخدمين               → تسمح Solid للمستخدمين    (info)
قالت الCIA                         → قالت الـCIA               (info)
доступ к Wi-Fi cети               → доступ к Wi-Fi сети
the prοblem (Greek omicron)       → the problem
```

## Fix safety
The look-alike fix is **safe** when the word has a clear majority script
(at least twice as many letters as the odd ones) and every odd letter has an
exact twin in the main script (`с`→`c`): the word looks the same before and
after, only its bytes change. It is **unsafe** when a twin is only close
(`k`/`к`, `α`/`a`) or is a letter outside the Russian alphabet (`і`, `ј`, `һ`).
The missing-space fix is **safe**: an Arabic or Hebrew letter and a Latin or
Cyrillic one never belong to one word, and a space changes no letter; the
same holds for the tatweel after an Arabic prefix. Other words with odd
letters that have no twin get no fix.

## Limits
Stays quiet on words that legitimately mix scripts: Japanese, Chinese, Korean,
Thai and other unspaced scripts next to Latin (`Tシャツ`, `iPhone手机`,
`NATO는`); units and scientific names with a Greek letter at the edge
(`μm`, `μg`, `kΩ`, `TNFα`, `NF-κB`, `Aβ`); a foreign word with an inflection
after an apostrophe (`iPhone’ом`); and the Arabic convention of a prefix, a
tatweel and a Latin word (`الـCIA`, `بـFacebook`), or `و`/`ف` glued to
one (`وRT`). Words inside URLs, handles and hashtags are not words. It cannot see a whole word typed in the wrong
script (`сор` for `cop`): that is one script.
"#,
};

impl Rule for MixedScriptWord {
    fn meta(&self) -> &'static RuleMeta {
        &MIXED_SCRIPT_WORD
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for tok in doc.tokens.iter().filter(|t| t.mixed) {
            let word = tok.text(doc.text);
            if let Some(d) = check_mixed_word(word, tok.range.start, doc.script) {
                out.push(d);
            }
        }
    }
}

/// How closely a look-alike letter matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Likeness {
    /// The same glyph in ordinary fonts, and a letter of the target
    /// language's everyday alphabet.
    Exact,
    /// Close, or a letter outside the everyday alphabet (Ukrainian `і`).
    Near,
}

/// Groups of letters that look the same, across Latin, Cyrillic and Greek.
const EXACT_TWINS: &[&str] = &[
    "aа", "cс", "eе", "oоο", "pр", "xх", "yу", "ëё", "AАΑ", "BВΒ", "CС", "EЕΕ", "ËЁ", "HНΗ", "KКΚ",
    "MМΜ", "OОΟ", "PРΡ", "TТΤ", "XХΧ", "NΝ", "ZΖ", "YΥ", "IΙ",
];
/// Close look-alikes, and exact ones outside the everyday Russian alphabet.
const NEAR_TWINS: &[&str] = &[
    "iіι", "jј", "sѕ", "hһ", "IІ", "JЈ", "SЅ", "YҮ", "kкκ", "aα", "vν", "uυ", "pρ", "xχ",
];

/// The twin of `c` in script `target`, if any.
fn twin(c: char, target: Script) -> Option<(char, Likeness)> {
    for (groups, likeness) in [(EXACT_TWINS, Likeness::Exact), (NEAR_TWINS, Likeness::Near)] {
        for g in groups {
            if g.contains(c) {
                if let Some(t) = g.chars().find(|&t| letter_script(t) == Some(target)) {
                    return Some((t, likeness));
                }
            }
        }
    }
    None
}

/// Arabic proclitics that take a tatweel before a Latin word or a number
/// (`الـCIA`, `بـFacebook`, `والـNATO`).
pub(crate) const PROCLITICS: &[&str] = &[
    "ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "و", "ف", "ب", "ل", "ك", "وب", "ول",
    "فب", "فل", "وك", "فك",
];

/// Letter counts per script family of a word, in order of first appearance.
fn letter_counts(word: &str) -> Vec<(Script, usize)> {
    let mut counts: Vec<(Script, usize)> = Vec::with_capacity(3);
    for c in word.chars() {
        if let Some(s) = letter_script(c).map(family) {
            match counts.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    counts
}

/// Whether the Greek letters of a Latin or Cyrillic word are a scientific
/// symbol or unit rather than look-alikes: `μm`, `kΩ`, `TNFα`, `κB`, `αvβ3`.
fn greek_is_symbol(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_greek = |c: char| letter_script(c) == Some(Script::Greek);
    // Greek letters only in a leading and a trailing run.
    let lead = letters.iter().take_while(|&&c| is_greek(c)).count();
    let trail = letters.iter().rev().take_while(|&&c| is_greek(c)).count();
    let inner_greek = letters[lead..letters.len().saturating_sub(trail).max(lead)]
        .iter()
        .any(|&c| is_greek(c));
    let rest: Vec<char> = letters.iter().copied().filter(|&c| !is_greek(c)).collect();
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    // Inner Greek next to a digit (`αvβ3`) is still a symbol.
    let inner_ok = !inner_greek || has_digit;
    let unit_prefix =
        letters.iter().any(|&c| matches!(c, 'μ' | 'µ' | 'Ω' | 'ω')) && rest.len() <= 3;
    let acronym = rest.iter().any(|c| c.is_uppercase()) || has_digit;
    inner_ok && (lead > 0 || trail > 0) && (unit_prefix || acronym)
}

/// Whether every apostrophe-separated part of the word is in one script:
/// a foreign word with a native inflection (`iPhone’ом`, `Facebook'а`).
fn inflected_foreign_word(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['\'', '’', 'ʼ']).collect();
    parts.len() > 1 && parts.iter().all(|p| letter_counts(p).len() <= 1)
}

/// The finding for one mixed word at byte `start`, if it is not a legitimate mix.
fn check_mixed_word(word: &str, start: usize, doc_script: Option<Script>) -> Option<Diagnostic> {
    let counts = letter_counts(word);
    if counts.len() < 2 || counts.iter().any(|&(s, _)| is_unspaced(s)) {
        return None;
    }
    let has = |s: Script| counts.iter().any(|&(k, _)| k == s);
    if has(Script::Greek) && counts.len() == 2 && greek_is_symbol(word) {
        return None;
    }
    if inflected_foreign_word(word) {
        return None;
    }

    // Main script: the most frequent; ties go to the document's script.
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| (Some(b.0) == doc_script).cmp(&(Some(a.0) == doc_script)))
    });
    let (main, main_n) = sorted[0];
    let odd_n: usize = sorted[1..].iter().map(|&(_, n)| n).sum();
    let scripts = sorted
        .iter()
        .map(|&(s, _)| name(s))
        .collect::<Vec<_>>()
        .join(" and ");
    let range = start..start + word.len();
    let mut message = format!("word mixes {scripts} letters");

    // 1. Look-alikes: rewrite the odd letters in the main script.
    if let Some((fixed, likeness, pairs)) = respell(word, main) {
        let clear = main_n >= 2 * odd_n;
        message.push_str(&format!(
            " ({} look{} like {} {})",
            pairs
                .iter()
                .map(|(from, _)| format!("`{from}` U+{:04X}", *from as u32))
                .collect::<Vec<_>>()
                .join(", "),
            if pairs.len() == 1 { "s" } else { "" },
            name(main),
            pairs
                .iter()
                .map(|(_, to)| format!("`{to}`"))
                .collect::<Vec<_>>()
                .join(", "),
        ));
        let d = Diagnostic::new(range.clone(), message).confidence(0.95);
        return Some(if clear {
            let applicability = match likeness {
                Likeness::Exact => Applicability::Safe,
                Likeness::Near => Applicability::Unsafe,
            };
            d.fix(range, fixed, applicability)
        } else {
            d.confidence(0.9)
        });
    }

    // 2. A Latin or Cyrillic word glued to an Arabic or Hebrew one.
    if counts.len() == 2 && is_rtl(counts[0].0) != is_rtl(counts[1].0) {
        let scripts = [counts[0].0, counts[1].0];
        return match glued(word, start, &scripts, &message) {
            Glued::Convention => None,
            Glued::Finding(d) => Some(d),
        };
    }
    Some(Diagnostic::new(range, message).confidence(0.9))
}

/// A respelled word, the worst likeness of its replacements, and the
/// replaced pairs.
type Respelled = (String, Likeness, Vec<(char, char)>);

/// The word respelled in `target` when every letter of another script has a
/// twin there, with the worst likeness and the replaced pairs.
fn respell(word: &str, target: Script) -> Option<Respelled> {
    let mut out = String::with_capacity(word.len());
    let mut worst = Likeness::Exact;
    let mut pairs: Vec<(char, char)> = Vec::new();
    for c in word.chars() {
        match letter_script(c).map(family) {
            Some(s) if !compatible(s, target) => {
                let (t, likeness) = twin(c, target)?;
                worst = worst.max(likeness);
                if !pairs.contains(&(c, t)) {
                    pairs.push((c, t));
                }
                out.push(t);
            }
            _ => out.push(c),
        }
    }
    Some((out, worst, pairs))
}

/// What to make of a word that glues a right-to-left script to another one.
enum Glued {
    /// A written convention (`الـCIA`, `وRT`): no finding.
    Convention,
    /// Missing spaces (and tatweels): the finding.
    Finding(Diagnostic),
}

/// Proclitics that take a tatweel before a Latin word (`الـCIA`, `بـFacebook`);
/// `و` and `ف` alone are glued without one (`وRT`).
fn wants_tatweel(proclitic: &str) -> bool {
    !matches!(proclitic, "و" | "ف")
}

/// A word whose letters switch between a right-to-left script and another
/// one: words of two such scripts never share a word, so every switch is a
/// missing space (`iPhoneالجديد`, `تسمحSolidللمستخدمين`), except after an
/// Arabic proclitic (`الـCIA`, `وRT`), which takes a tatweel or nothing.
fn glued(word: &str, start: usize, scripts: &[Script], message: &str) -> Glued {
    // Segments of one script: (script, byte start); non-letters stay with
    // the segment they follow (`F125المشؤومة` splits before `ال`).
    let mut segments: Vec<(Script, usize)> = Vec::new();
    for (i, c) in word.char_indices() {
        if let Some(s) = letter_script(c).map(family) {
            if segments.last().map_or(true, |&(k, _)| k != s) {
                segments.push((s, i));
            }
        }
    }
    let mut out = String::with_capacity(word.len() + 4);
    let mut spaces = 0;
    let mut tatweels = 0;
    let mut last_gap = ("", "");
    for (k, &(s, from)) in segments.iter().enumerate() {
        let to = segments.get(k + 1).map_or(word.len(), |&(_, i)| i);
        let seg = &word[from..to];
        if k > 0 {
            let prev = &word[segments[k - 1].1..from];
            let bare = prev.trim_end_matches('ـ');
            let proclitic =
                segments[k - 1].0 == Script::Arabic && !is_rtl(s) && PROCLITICS.contains(&bare);
            if proclitic {
                if bare.len() == prev.len() && wants_tatweel(bare) {
                    out.push('ـ');
                    tatweels += 1;
                }
            } else {
                out.push(' ');
                spaces += 1;
                last_gap = (prev, seg);
            }
        }
        out.push_str(seg);
    }
    if spaces + tatweels == 0 {
        return Glued::Convention;
    }
    let range = start..start + word.len();
    let detail = match (spaces, tatweels) {
        (1, 0) => format!(
            ": a space is missing between `{}` and `{}`",
            last_gap.0, last_gap.1
        ),
        (n, 0) => format!(": {n} spaces are missing"),
        (0, _) => ": an Arabic prefix before a Latin word takes a tatweel (`الـCIA`)".to_string(),
        _ => ": spaces and a tatweel are missing".to_string(),
    };
    let mut d = Diagnostic::new(range.clone(), format!("{message}{detail}"))
        .confidence(0.85)
        .fix(range, out, Applicability::Safe);
    // A Latin name glued to Arabic is a typo; Cyrillic glued to Arabic is garble.
    if scripts.iter().all(|&s| is_rtl(s) || s == Script::Latin) {
        d = d.severity(Severity::Info);
    }
    Glued::Finding(d)
}

// ---------------------------------------------------------------------------
// foreign-script-run
// ---------------------------------------------------------------------------

/// `foreign-script-run`: a run of words in a script that is not the
/// document's main script.
pub struct ForeignScriptRun;

static FOREIGN_SCRIPT_RUN: RuleMeta = RuleMeta {
    id: "foreign-script-run",
    severity: Severity::Error,
    summary:
        "A run of words in another script than the document's that no language explains (garble)",
    explanation: r#"## What it does
Flags a run of words written in a script that is not the document's main
script and that no language mtlint can identify explains: a garbled
Cyrillic or Mongolian line in an Arabic article, Latin letter soup in a
Russian text. A run that reads as a real language whose alphabet has all its
letters (an English sentence left in a Russian translation) is reported by
`wrong-language` instead, as a warning. The run is one finding; it may cross
sentence ends inside one line, and numbers, punctuation and mixed-script
words between foreign words continue it. It stops at a line break and at a
word of the document's script.

## Why is this bad?
Machine translation sometimes leaves a segment untranslated, copies an
embedded social-media post in its original language, or hallucinates text in
another language. A reader of the translation cannot read it, and it must not
be published as is.

## Example
```text
… إلى الحدود في وقت مبكر.
птин кре мид и и крекийй чөийн жилилараг уирдсан … бна. pic.twitter.com/ry1yyiqzki
→ run of 24 Cyrillic words in Arabic text

Он добавил, thq tklx wrrq gqing wlkk. Потом ушел.
→ run of 5 Latin words in Cyrillic text

Президент заявил, the government will not accept the deal, и добавил …
→ not this rule's: `wrong-language` reports an English run in Russian text
```

## Fix safety
The fix deletes the run and the white space that separated it from the rest
of the line. It is **unsafe**: the run may be a quotation the author wanted,
or text that should be translated rather than dropped.

## Limits
Not this rule's business, and quiet:
- names, titles and acronyms: runs whose words are all Capitalized or
  ALLCAPS, with lowercase particles (`New York Times`, `Institute for the
  Study of War`, `Abu Bakr al Baghdadi`, `Ballon d'Or`, `NATO`, `COVID-19`);
- runs wholly inside quotation marks or brackets (a gloss after a term);
- URLs, e-mail addresses, handles and hashtags, and code: identifiers with
  underscores (`pam_set_item`), command-line options (`--input-file`),
  placeholders (`%s`), variables (`$HOME`) and paths (`/usr/bin`), which
  software translations are full of;
- short runs: at least three foreign words (a hyphenated compound such as
  `gpg-check-pattern` is one), two of them distinct lowercase words, are
  needed (or two long lowercase words, reported as a warning);
  a short complete sentence (capital first, full stop last, up to eight
  words) is reported as `info`: it is often a quotation kept on purpose;
  words of scripts without case (Arabic, Hebrew, Chinese) need four;
- documents without a clear main script: when the foreign script has more
  than two thirds as many letters as the main one, or more than 40% of them
  spread over two or more lines, the text is taken as bilingual.
A foreign-language passage in the document's own script (French in English
text) is the same script: `wrong-language` reports it.
"#,
};

impl Rule for ForeignScriptRun {
    fn meta(&self) -> &'static RuleMeta {
        &FOREIGN_SCRIPT_RUN
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Runs identified as a real language are `wrong-language`'s.
        out.extend(
            foreign_runs(doc)
                .0
                .iter()
                .filter(|r| r.is_garble())
                .map(|r| r.diagnostic.clone()),
        );
    }
}

/// A run of words in a script foreign to the document that is worth
/// reporting: names, quotations, glosses and short runs are already left out.
pub(crate) struct ForeignRun {
    /// The `foreign-script-run` finding for it, with its deletion fix.
    pub diagnostic: Diagnostic,
    /// Its language, when it is confidently a real language whose alphabet
    /// has all its letters (see [`crate::lang::identify_run`]).
    pub language: Option<String>,
    /// Its number of words.
    pub words: usize,
    /// Whether it is a short complete sentence, maybe a quotation.
    pub quotation: bool,
    /// Whether it is wholly inside quotation marks or brackets: a quotation
    /// or a gloss, which `foreign-script-run` leaves alone.
    pub quoted: bool,
}

impl ForeignRun {
    /// Whether `foreign-script-run` reports it: no language explains it,
    /// and it is not a quotation or a gloss.
    pub fn is_garble(&self) -> bool {
        self.language.is_none() && !self.quoted
    }
}

/// The foreign runs of a document, as [`Document::shared`] keeps them.
pub(crate) struct ForeignRuns(pub Vec<ForeignRun>);

/// Every run of words in a script foreign to the document that is worth
/// reporting, in order; shared by `foreign-script-run`, `wrong-language`
/// and `untranslated-term`, and computed once per document (identifying a
/// run's language runs whatlang).
pub(crate) fn foreign_runs(doc: &Document) -> std::sync::Arc<ForeignRuns> {
    doc.shared(|doc| ForeignRuns(compute_foreign_runs(doc)))
}

fn compute_foreign_runs(doc: &Document) -> Vec<ForeignRun> {
    let mut out = Vec::new();
    let Some(main) = doc.script else {
        return out;
    };
    let mut stats = None;
    let mut i = 0;
    while i < doc.tokens.len() {
        match foreign_word(doc, i, main) {
            Some(_) => {
                let run = collect_run(doc, i, main);
                i = run.last_word + 1;
                let stats = stats.get_or_insert_with(|| script_stats(doc));
                if let Some(r) = judge_run(doc, &run, main, stats) {
                    out.push(r);
                }
            }
            None => i += 1,
        }
    }
    out
}

/// Letters of one script family over the document's words, and the number
/// of lines holding at least [`SUBSTANTIAL`] of them.
#[derive(Debug, Clone, Copy)]
struct ScriptStat {
    script: Script,
    letters: usize,
    lines: usize,
}

/// Letters of a script that make a line count as written in it.
const SUBSTANTIAL: usize = 20;

/// Letter and line counts per script family.
fn script_stats(doc: &Document) -> Vec<ScriptStat> {
    let mut stats: Vec<ScriptStat> = Vec::new();
    // Letters per script on the current line.
    let mut line: Vec<(Script, usize)> = Vec::new();
    let flush = |line: &mut Vec<(Script, usize)>, stats: &mut Vec<ScriptStat>| {
        for &(s, n) in line.iter() {
            let i = match stats.iter().position(|st| st.script == s) {
                Some(i) => i,
                None => {
                    stats.push(ScriptStat {
                        script: s,
                        letters: 0,
                        lines: 0,
                    });
                    stats.len() - 1
                }
            };
            stats[i].letters += n;
            stats[i].lines += usize::from(n >= SUBSTANTIAL);
        }
        line.clear();
    };
    for t in &doc.tokens {
        match t.kind {
            TokenKind::Newline => flush(&mut line, &mut stats),
            TokenKind::Word => {
                for c in t.text(doc.text).chars() {
                    if let Some(s) = letter_script(c).map(family) {
                        match line.iter_mut().find(|(k, _)| *k == s) {
                            Some((_, n)) => *n += 1,
                            None => line.push((s, 1)),
                        }
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut line, &mut stats);
    stats
}

/// Whether the document is bilingual in `main` and `other`: the other
/// script has nearly as many letters, or a good share spread over lines.
fn bilingual(stats: &[ScriptStat], main: Script, other: Script) -> bool {
    let get = |s: Script| stats.iter().find(|st| st.script == s).copied();
    let (Some(m), Some(o)) = (get(main), get(other)) else {
        return false;
    };
    o.letters * 3 > m.letters * 2 || (o.letters * 5 > m.letters * 2 && o.lines >= 2)
}

/// The script of token `i` if it is a word whose main script is foreign to
/// the document (mixed words count by their main script).
fn foreign_word(doc: &Document, i: usize, main: Script) -> Option<Script> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    t.script
        .filter(|&s| !compatible(s, main) && !doc.script_allowed(s))
}

/// A run of foreign words: token indices of its first and last word, and
/// the indices of its words.
struct Run {
    first_word: usize,
    last_word: usize,
    words: Vec<usize>,
}

/// Extends a run from the foreign word at `start` until a line break, a word
/// of the main script, or a URL, address, handle or hashtag (code is no
/// word, and neither breaks nor extends a run).
fn collect_run(doc: &Document, start: usize, main: Script) -> Run {
    let mut words = vec![start];
    let mut last = start;
    for j in start + 1..doc.tokens.len() {
        let t = &doc.tokens[j];
        match t.kind {
            TokenKind::Newline
            | TokenKind::Url
            | TokenKind::Email
            | TokenKind::Handle
            | TokenKind::Hashtag => break,
            TokenKind::Word => {
                if foreign_word(doc, j, main).is_some() {
                    // A compound is one word (`gpg-check-pattern`,
                    // `well-known`): hyphens join the names of software.
                    let hyphenated = last + 2 == j && doc.token_text(j - 1) == "-";
                    if !hyphenated {
                        words.push(j);
                    }
                    last = j;
                } else if !t.mixed {
                    break;
                }
                // A mixed word of the main script continues the run.
            }
            _ => {}
        }
    }
    Run {
        first_word: start,
        last_word: last,
        words,
    }
}

/// Lowercase particles of names and titles (`Ballon d'Or`, `Institute for
/// the Study of War`, `Abu Bakr al Baghdadi`, `Plaza de las Victorias`).
const PARTICLES: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as",
    "is", "vs", "de", "du", "des", "la", "le", "les", "et", "en", "au", "aux", "sur", "pour", "d",
    "l", "del", "della", "dei", "di", "da", "dos", "das", "do", "e", "y", "el", "las", "los",
    "con", "por", "van", "von", "der", "den", "die", "das", "und", "zu", "zum", "zur", "im", "am",
    "het", "ten", "ter", "al", "bin", "ibn", "bint", "abu", "ben", "bou", "ould", "st", "и", "де",
    "да", "фон", "ван", "аль", "ибн", "бин",
];

/// Opening and closing quotation marks and brackets.
const OPENERS: &[&str] = &[
    "(", "[", "{", "«", "‹", "\"", "“", "„", "'", "‘", "‚", "「", "『", "（",
];
const CLOSERS: &[&str] = &[
    ")", "]", "}", "»", "›", "\"", "”", "“", "'", "’", "‘", "」", "』", "）",
];

/// Decides whether a run is foreign text to report, and builds the finding.
fn judge_run(doc: &Document, run: &Run, main: Script, stats: &[ScriptStat]) -> Option<ForeignRun> {
    // Scripts of the run, most frequent first.
    let mut scripts: Vec<(Script, usize)> = Vec::new();
    for &w in &run.words {
        let s = doc.tokens[w].script.expect("foreign words have a script");
        match scripts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => scripts.push((s, 1)),
        }
    }
    scripts.sort_by_key(|s| std::cmp::Reverse(s.1));
    let run_script = scripts[0].0;

    // Bilingual text: the run's script is not clearly rarer than the main one.
    if bilingual(stats, main, run_script) {
        return None;
    }

    // Names, titles and acronyms: every word Capitalized, ALLCAPS or a particle.
    let mut lower: Vec<String> = Vec::new();
    let mut long_lower = 0;
    let mut cased = false;
    let mut letters = 0;
    for &w in &run.words {
        let text = doc.token_text(w);
        let first = text.chars().next().unwrap_or(' ');
        let n = text.chars().filter(|c| c.is_alphabetic()).count();
        letters += n;
        let word_cased = text.chars().any(|c| c.is_uppercase() || c.is_lowercase());
        cased |= word_cased;
        let lowercase = if word_cased {
            first.is_lowercase() && !text.chars().any(char::is_uppercase)
        } else {
            true
        };
        if !lowercase || n < 2 {
            continue;
        }
        let key = text.to_lowercase();
        let key = key.trim_end_matches(['\'', '’']);
        if PARTICLES.contains(&key) {
            continue;
        }
        if n >= 5 {
            long_lower += 1;
        }
        if !lower.iter().any(|l| l == key) {
            lower.push(key.to_string());
        }
    }
    let n_words = run.words.len();
    let (enough, two_word) = if cased {
        let long = n_words >= 3 && lower.len() >= 2;
        let short = n_words == 2 && long_lower >= 2 && lower.len() >= 2;
        (long || short, short)
    } else {
        (n_words >= 4 || (n_words == 3 && letters >= 15), false)
    };
    if !enough {
        return None;
    }

    // Byte range: first word to last word, with the sentence punctuation
    // glued to the last word (`бна.`).
    let start = doc.tokens[run.first_word].range.start;
    let mut end_tok = run.last_word;
    while let Some(t) = doc.tokens.get(end_tok + 1) {
        let text = t.text(doc.text);
        if t.kind == TokenKind::Punct && matches!(text, "." | "!" | "?" | "…") {
            end_tok += 1;
        } else {
            break;
        }
    }
    let end = doc.tokens[end_tok].range.end;

    // A run wholly inside quotation marks or brackets is a quotation or a gloss.
    let before = doc.prev_non_space(run.first_word);
    let after = doc.next_non_space(run.last_word).map(|mut j| {
        // Skip punctuation that ends the quoted text before its closer.
        while doc.tokens[j].kind == TokenKind::Punct
            && matches!(doc.token_text(j), "." | "," | "!" | "?" | "…" | ";" | ":")
        {
            match doc.next_non_space(j) {
                Some(k) => j = k,
                None => break,
            }
        }
        j
    });
    let quoted = matches!((before, after), (Some(b), Some(a))
        if OPENERS.contains(&doc.token_text(b)) && CLOSERS.contains(&doc.token_text(a)));

    let foreign_names = scripts
        .iter()
        .filter(|&&(_, n)| n * 3 >= n_words)
        .map(|&(s, _)| name(s))
        .collect::<Vec<_>>()
        .join(" and ");
    let mut message = format!(
        "run of {n_words} {foreign_names} words in {} text",
        name(main)
    );
    // A short, well-formed sentence (capital, full stop) is more often a
    // quotation left in its language than garble.
    let quotation = n_words <= 8
        && end_tok > run.last_word
        && doc
            .token_text(run.first_word)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    let confidence = (0.5 + 0.06 * n_words as f32).min(0.95);
    let mut d = Diagnostic::new(start..end, String::new()).confidence(confidence);
    if quotation {
        message.push_str(": a short complete sentence, maybe a quotation to keep");
        d = d.severity(Severity::Info).confidence(0.4);
    } else if two_word {
        d = d.severity(Severity::Warning);
    }
    d.message = message;
    let fix = deletion(doc, start, end);
    let language =
        crate::lang::identify_run(doc.text, &doc.tokens[run.first_word..=end_tok], run_script);
    Some(ForeignRun {
        diagnostic: d.fix(fix, "", Applicability::Unsafe),
        language,
        words: n_words,
        quotation,
        quoted,
    })
}

/// The bytes to delete to remove `start..end` and the white space that
/// separated it from the rest of its line.
pub(crate) fn deletion(doc: &Document, start: usize, end: usize) -> std::ops::Range<usize> {
    let first = doc.token_at(start);
    let last = doc.token_at(end.saturating_sub(1));
    let space_before = first
        .checked_sub(1)
        .map(|j| &doc.tokens[j])
        .filter(|t| t.kind == TokenKind::Space);
    let space_after = doc
        .tokens
        .get(last + 1)
        .filter(|t| t.kind == TokenKind::Space);
    // What follows the space after: punctuation attaches to what precedes.
    let next_is_punct = doc
        .next_non_space(last)
        .is_some_and(|j| doc.tokens[j].kind == TokenKind::Punct);
    let next_is_eol = doc.next_non_space(last).is_none()
        || doc
            .tokens
            .get(last + 1)
            .is_some_and(|t| t.kind == TokenKind::Newline);
    match (space_before, space_after) {
        (Some(b), _) if next_is_punct || next_is_eol => b.range.start..end,
        (_, Some(a)) => start..a.range.end,
        (Some(b), None) => b.range.start..end,
        (None, None) => start..end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    const SEED_LINE: &str = "أوضح رئيس الأركان الروسي أن القوات الأوكرانية في كورسك محاصرة ومعزولة وتعرض لتدمير مستمر ، بينما تواصل القوات الروسية تحرير الأراضي الروسية بهدف الوصول إلى الحدود في وقت مبكر.\nптин кре мид и и крекийй чөийн жилилараг уирдсан уирдаааа трввээ. урррсافقة ооогоссн давшилтгг ццрайнoid с сид үрээүүүэхалаварө өөөн бна. pic.twitter.com/ry1yyiqzki\n– энхэhy (@enkhee0369) 13 مارس 2025\nفي سياق ذي صلة ، أكد وزير الخارجية الروسي سيرجي لافروف أن بلاده لن تقبل أي وجود لقوات الناتو على الأراضي الأوكرانية تحت أي ظرف من الظروف.";

    // Arabic filler long enough to make Arabic the clear main script.
    const AR: &str = "قال المتحدث باسم الحكومة في مؤتمر صحفي عقده اليوم في العاصمة إن الوزارة ستواصل العمل مع الشركاء الدوليين لتحقيق الاستقرار في المنطقة وتعزيز التعاون الاقتصادي بين البلدين خلال السنوات المقبلة.";
    const RU: &str = "Президент заявил журналистам в четверг, что правительство продолжит работу с международными партнерами для обеспечения стабильности в регионе и укрепления экономического сотрудничества между странами.";

    #[test]
    fn mixed_words_in_the_seed() {
        let f = flagged(&MixedScriptWord, SEED_LINE);
        assert_eq!(f, vec!["урррсافقة", "ццрайнoid", "энхэhy"]);
        let d = diagnostics(&MixedScriptWord, SEED_LINE, None);
        assert!(
            d[0].message.contains("Cyrillic and Arabic"),
            "{}",
            d[0].message
        );
        assert!(d[1].fix.is_none(), "d has no Cyrillic twin");
        // h → һ is outside the Russian alphabet: unsafe.
        let fix = d[2].fix.as_ref().expect("fix");
        assert_eq!(fix.replacement, "энхэһу");
        assert_eq!(fix.applicability, Applicability::Unsafe);
    }

    #[test]
    fn look_alikes_are_respelled_safely() {
        assert_eq!(
            fixed(&MixedScriptWord, "Доступ к Wi-Fi cети платный.", Some("ru")),
            "Доступ к Wi-Fi сети платный."
        );
        assert_eq!(
            fixed(&MixedScriptWord, "the prοblem is solved", Some("en")),
            "the problem is solved"
        );
        let d = diagnostics(&MixedScriptWord, "Тhe end of the story", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("looks like Latin `T`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        // No clear majority: no fix.
        let d = diagnostics(&MixedScriptWord, "so аb is", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn glued_latin_and_arabic_get_spaces() {
        let text = "أعلنت الشركة عن iPhoneالجديد اليوم";
        assert_eq!(flagged(&MixedScriptWord, text), vec!["iPhoneالجديد"]);
        let d = diagnostics(&MixedScriptWord, text, Some("ar"));
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert!(
            d[0].message.contains("between `iPhone` and `الجديد`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            fixed(&MixedScriptWord, text, Some("ar")),
            "أعلنت الشركة عن iPhone الجديد اليوم"
        );
        for (word, want) in [
            ("تسمحSolidللمستخدمين", "تسمح Solid للمستخدمين"),
            ("علىBellengliseوLehaucourt", "على Bellenglise وLehaucourt"),
            ("موديلF125المشؤومة", "موديل F125 المشؤومة"),
            ("قالت الCIA إن", "قالت الـCIA إن"),
            ("عن بالFBI", "عن بالـFBI"),
        ] {
            assert_eq!(fixed(&MixedScriptWord, word, Some("ar")), want);
        }
        // Cyrillic glued to Arabic is garble: a warning, still split.
        let d = diagnostics(&MixedScriptWord, "كلمة урррсافقة هنا", Some("ar"));
        assert_eq!(d[0].severity, None);
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "урррс افقة");
    }

    #[test]
    fn legitimate_mixes_stay_quiet() {
        for (text, lang) in [
            ("قالت الـCIA إن بـFacebook والـNATO وRT فCNN", Some("ar")),
            (
                "a 5 μm filter and 10 μg/mL of TNFα, NF-κB and Aβ",
                Some("en"),
            ),
            ("a 4.7 kΩ resistor with αvβ3 integrin", Some("en")),
            ("Он купил новый iPhone’ом и Facebook'а", Some("ru")),
            ("新しいTシャツとiPhone手机、NATO는 발표했다", None),
            ("iPhoneรุ่นใหม่ ออกแล้ว", None),
            ("McDonald's, iPhone, eBay et PlayStation", Some("fr")),
            ("Новый iPhone и Wi-Fi сеть", Some("ru")),
        ] {
            assert!(
                flagged_in(&MixedScriptWord, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&MixedScriptWord, text, lang)
            );
        }
    }

    #[test]
    fn the_seed_run_is_one_finding_with_an_unsafe_deletion() {
        let d = diagnostics(&ForeignScriptRun, SEED_LINE, Some("ar"));
        assert_eq!(d.len(), 1, "{d:?}");
        let text = &SEED_LINE[d[0].range.clone()];
        assert!(text.starts_with("птин кре мид"), "{text}");
        assert!(text.ends_with("өөөн бна."), "{text}");
        assert_eq!(d[0].message, "run of 20 Cyrillic words in Arabic text");
        assert!(d[0].confidence >= 0.9);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let out = fixed(&ForeignScriptRun, SEED_LINE, Some("ar"));
        assert!(out.contains("مبكر.\npic.twitter.com/ry1yyiqzki\n"), "{out}");
    }

    #[test]
    fn latin_run_in_arabic_and_russian() {
        // Runs that read as a real language (`the government will not
        // accept this deal`) are `wrong-language`'s since that rule came;
        // these are garble no language claims.
        let text = format!("{AR} وقال الوزير xqzt vrkpl wmnxq bzzrt kkvvq اليوم.");
        let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(f, vec!["xqzt vrkpl wmnxq bzzrt kkvvq"]);
        let out = fixed(&ForeignScriptRun, &text, Some("ar"));
        assert!(out.ends_with("وقال الوزير اليوم."), "{out}");
        let text = format!("{AR} وقال الوزير the government will not accept this deal اليوم.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ar")).is_empty());

        let text = format!("{RU} Он добавил, thq tklx wrrq gqing wlkk. Потом ушел.");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].range.clone()], "thq tklx wrrq gqing wlkk.");
        assert_eq!(d[0].message, "run of 5 Latin words in Cyrillic text");
        let out = fixed(&ForeignScriptRun, &text, Some("ru"));
        assert!(out.ends_with("Он добавил, Потом ушел."), "{out}");
    }

    #[test]
    fn code_in_the_text_is_no_foreign_run() {
        // Identifiers, options, placeholders and paths of software
        // translations are code, not Latin words.
        let text = format!(
            "{RU} Задайте cfi_personality_id, --input-file-name или \
             system/proxy/socks, а затем %s pam_set_item."
        );
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
        // A hyphenated name is one word, not a run of three.
        let text = format!("{RU} Запустите gpg-check-pattern, а затем.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
        // The same letters as words are a run.
        let text = format!("{RU} Задайте cfi personality id input file name, а затем.");
        assert_eq!(
            flagged_in(&ForeignScriptRun, &text, Some("ru")),
            ["cfi personality id input file name"]
        );
    }

    #[test]
    fn a_short_complete_sentence_is_info() {
        // Garble shaped as a sentence (a real French one is
        // `wrong-language`'s, which keeps the same info level).
        let text = format!("{RU}\nXqzt vrkpl wmnxq bzzrt kkvvq.\n{RU}");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
        let text = format!("{RU}\nxqzt vrkpl wmnxq bzzrt kkvvq\n{RU}");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d[0].severity, None);
    }

    #[test]
    fn two_long_lowercase_words_are_a_warning() {
        let text = format!("{AR} تعتمد على tensor networks في التدريب.");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Warning));
    }

    #[test]
    fn names_quotes_glosses_and_short_runs_stay_quiet() {
        for tail in [
            "ذكرت صحيفة New York Times أن الرئيس Donald Trump التقى NATO وRT بشأن COVID-19.",
            "أفادت مؤسسة معهد دراسة الحرب (Institute for the Study of War) الأمريكية.",
            "حصل على جائزة Ballon d'Or ولقب Abu Bakr al Baghdadi وكتاب The Power of Now.",
            "غنى أغنية «I Love it» ثم \"the end of the world\" في الحفل.",
            "تابعونا على @enkhee0369 و#Kursk و https://example.com/the/path/of/the/file",
            "قال I Love it ثم Global citizen ثم seg id ثم Canada plus plus.",
        ] {
            let text = format!("{AR} {tail}");
            let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
            assert!(f.is_empty(), "{tail}: {f:?}");
        }
        let text =
            format!("{RU} Организаторы Global citizen и клиники Brigham and Women's Hospital.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
    }

    #[test]
    fn bilingual_and_single_script_documents_stay_quiet() {
        let text = "The minister said the talks were going well and would continue.\nقال الوزير إن المحادثات تسير بشكل جيد وستستمر.";
        assert!(flagged(&ForeignScriptRun, text).is_empty());
        assert!(flagged(&ForeignScriptRun, RU).is_empty());
        assert!(flagged(&ForeignScriptRun, AR).is_empty());
        assert!(flagged(&ForeignScriptRun, "").is_empty());
    }

    #[test]
    fn runs_stop_at_line_breaks() {
        let text = format!("{AR}\nxqzt vrkpl wmnxq bzzrt\nkkvvq zzpt qxxw vvrk\n{AR}");
        let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(f, vec!["xqzt vrkpl wmnxq bzzrt", "kkvvq zzpt qxxw vvrk"]);
    }

    #[test]
    fn uncased_scripts_need_four_words() {
        let en = "The minister said on Thursday that the government would continue to work with international partners to ensure stability in the region and to strengthen economic cooperation between the two countries in the coming years.";
        let f = flagged_in(
            &ForeignScriptRun,
            &format!("{en} He wrote محمد بن سلمان there."),
            Some("en"),
        );
        assert!(f.is_empty(), "{f:?}");
        // Four Arabic words that are no identifiable Arabic (real Arabic is
        // `wrong-language`'s).
        let f = flagged_in(
            &ForeignScriptRun,
            &format!("{en} He wrote ضصث قفغ عهخ حجد there."),
            Some("en"),
        );
        assert_eq!(f, vec!["ضصث قفغ عهخ حجد"]);
    }
}
