//! `mixed-script-word`: a word mixes letters of incompatible scripts (Cyrillic in Latin, Latin glued to Arabic). Its documentation is the
//! `explanation` below, which `mtlint explain mixed-script-word` prints.

use unicode_script::Script;

use crate::analysis::glued::{self, is_rtl, is_unspaced};
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::script::{compatible, family, letter_script, name};
use crate::text::Document;

/// `mixed-script-word`: one word whose letters come from incompatible scripts.
pub struct MixedScriptWord;

static MIXED_SCRIPT_WORD: RuleMeta = RuleMeta {
    id: "mixed-script-word",
    severity: Severity::Warning,
    harm: Harm::Letters,
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
    let segments = glued::segments(word);
    let mut out = String::with_capacity(word.len() + 4);
    let mut spaces = 0;
    let mut tatweels = 0;
    let mut last_gap = ("", "");
    for (k, &(_, from)) in segments.iter().enumerate() {
        let to = segments.get(k + 1).map_or(word.len(), |&(_, i)| i);
        let seg = &word[from..to];
        if k > 0 {
            let prev = &word[segments[k - 1].1..from];
            if let Some(bare) = glued::proclitic_before(word, &segments, k) {
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
