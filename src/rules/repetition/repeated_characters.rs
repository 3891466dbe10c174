//! `repeated-characters`: a letter three or more times in a row. Its documentation is the
//! `explanation` below, which `mtlint explain repeated-characters` prints.

use unicode_script::Script;

use super::INTERJECTIONS;
use crate::language::lexicon;
use crate::report::finding::{Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::script::{family, letter_script};
use crate::text::Document;

/// `repeated-characters`.
pub struct RepeatedCharacters;

static REPEATED_CHARACTERS: RuleMeta = RuleMeta {
    id: "repeated-characters",
    severity: Severity::Warning,
    harm: Harm::Loop,
    summary: "A letter three or more times in a row",
    explanation: r#"## What it does
Flags a letter written three or more times in a row inside a word (`уирдаааа`, `урррс`,
`ооогоссн`, `ممممكن`).

## Why is this bad?
No word of Arabic, Russian, English or French spells a letter three times in a row. Runs like these
are garble from a broken translation or a bad decoding step, and readers take them for noise.

## Example
```text
уирдаааа трввээ        (garble in an Arabic article)
```

## Fix safety
No fix: the intended word is unknown, so mtlint only points at it.

## Limits
Quiet on Roman numerals (`XXX`, `VIII`), `www`, acronyms and words in capitals (`СССР`), tokens
made of one letter (`AAA` ratings, `zzz`), and scripts whose writing repeats characters normally
(Chinese, Japanese, Korean, Thai). Exactly
three letters in a long Latin-script word is `info` (German `Schifffahrt`, `Kaffeeersatz`) and
quiet in German text. Spelled-out laughter and interjections of informal text (`ههههه`,
`loooool`, `Ahhh`, `ммм`) are `info`, and so are words of the text's language stretched for
emphasis: a word that is known once its runs are cut to one or two letters (`looong`,
`Блиииин`, `crevéééé`, `حلووو`)."#,
};

impl Rule for RepeatedCharacters {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATED_CHARACTERS
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for t in doc.tokens.iter().filter(|t| t.is_word()) {
            let word = t.text(doc.text);
            if word.len() < 3
                || !has_triple(word)
                || is_roman_numeral(word)
                || word.eq_ignore_ascii_case("www")
            {
                continue;
            }
            // An acronym or a word in capitals (`СССР`, `WWWF`) spells letters.
            if is_capitals(word) {
                continue;
            }
            let first = word.chars().next().map(lower);
            if word.chars().all(|c| Some(lower(c)) == first) {
                continue; // `AAA`, `zzz`: one letter repeated is a token of its own kind.
            }
            // Find runs of three or more equal letters.
            let mut runs: Vec<(usize, usize, char, usize)> = Vec::new(); // (start, end, char, count)
            let mut iter = word.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                let mut end = i + c.len_utf8();
                let mut n = 1;
                while let Some(&(j, d)) = iter.peek() {
                    if lower(d) != lower(c) {
                        break;
                    }
                    end = j + d.len_utf8();
                    n += 1;
                    iter.next();
                }
                if n >= 3 && c.is_alphabetic() {
                    runs.push((i, end, c, n));
                }
            }
            if runs.is_empty() {
                continue;
            }
            let Some(script) = letter_script(runs[0].2) else {
                continue;
            };
            if !checked_script(script) {
                continue;
            }
            let longest = runs.iter().map(|r| r.3).max().unwrap_or(3);
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            // Laughter and stretched interjections belong to informal text.
            let laughter = runs.iter().all(|r| matches!(lower(r.2), 'ه' | 'h' | 'х'))
                && word
                    .chars()
                    .all(|c| matches!(lower(c), 'ه' | 'h' | 'х' | 'a' | 'а' | 'e' | 'i' | 'o'));
            let interjection = INTERJECTIONS.contains(&squeeze(word, 1).as_str())
                || INTERJECTIONS.contains(&squeeze(word, 2).as_str());
            let compound =
                script == Script::Latin && longest == 3 && runs.len() == 1 && letters >= 8;
            if compound && doc.lang() == Some("de") {
                continue;
            }
            let mild = laughter || interjection || compound || stretched(doc, t, word);
            let start = t.range.start;
            let (rs, re, c, n) = runs[0];
            let message = if runs.len() == 1 {
                format!("`{c}` written {n} times in a row in `{word}`")
            } else {
                format!("letters repeated three or more times in `{word}`")
            };
            let mut d = Diagnostic::new(t.range.clone(), message)
                .confidence((0.6 + 0.1 * (longest as f32 - 3.0)).min(0.95));
            if runs.len() == 1 && !mild {
                // Point at the run itself when there is one.
                d.range = start + rs..start + re;
            }
            if mild {
                d = d.severity(Severity::Info).confidence(0.5);
            }
            out.push(d);
        }
    }
}

/// Whether `word` is a word of the document's language with letters
/// stretched (`looong`, `Блиииин`, `crevéééé`): with every run cut to one
/// or two letters it is a known word. Words of another script than the
/// document's are garble, whatever they squeeze to.
fn stretched(doc: &Document, t: &crate::text::Token, word: &str) -> bool {
    let Some(lex) = doc.lang().and_then(lexicon::lexicon) else {
        return false;
    };
    if t.mixed || t.script.map(family) != doc.script.map(family) {
        return false;
    }
    [1, 2].iter().any(|&keep| {
        lex.zipf10(&squeeze(word, keep))
            .is_some_and(|z| z >= KNOWN_ZIPF10)
    })
}

/// Ten times the Zipf frequency from which a squeezed word is known: once
/// in ten million words.
const KNOWN_ZIPF10: u8 = 20;

/// Whether every letter of `word` is a capital, and there are two or more.
fn is_capitals(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Scripts whose words never hold a letter three times in a row.
fn checked_script(s: Script) -> bool {
    matches!(
        s,
        Script::Latin
            | Script::Cyrillic
            | Script::Greek
            | Script::Arabic
            | Script::Hebrew
            | Script::Armenian
            | Script::Georgian
    )
}

/// The word with every run of three or more equal letters cut to `keep`.
fn squeeze(word: &str, keep: usize) -> String {
    let mut out = String::new();
    let mut prev = None;
    let mut n = 0;
    for c in word.chars().map(lower) {
        n = if Some(c) == prev { n + 1 } else { 1 };
        prev = Some(c);
        if n <= keep {
            out.push(c);
        }
    }
    out
}

/// Whether a letter occurs three times in a row, ignoring ASCII and Russian
/// case: a cheap test that lets the rule skip almost every word.
fn has_triple(word: &str) -> bool {
    let quick = |c: char| match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    };
    let (mut prev, mut n) = ('\0', 0);
    for c in word.chars().map(quick) {
        n = if c == prev { n + 1 } else { 1 };
        if n == 3 {
            return true;
        }
        prev = c;
    }
    false
}

/// `XVIII`, and ordinals written with one (`VIIIe`, `XIIIth`, `XIX-й`).
fn is_roman_numeral(word: &str) -> bool {
    let numeral = word.trim_end_matches(|c: char| c.is_lowercase() || c == '-');
    !numeral.is_empty()
        && word.len() - numeral.len() <= 6
        && numeral.chars().all(|c| "IVXLCDM".contains(c))
}
