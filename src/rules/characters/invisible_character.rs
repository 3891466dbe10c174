//! `invisible-character`: invisible characters: zero-width spaces, bidi controls, soft hyphens, stray joiners. Its documentation is the
//! `explanation` below, which `mtlint explain invisible-character` prints.

use unicode_script::Script;

use crate::language::arabic;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::script::{family, letter_script};
use crate::text::Document;

use super::{describe, non_ascii, run_end};

/// `invisible-character`: zero-width, bidi and other invisible characters.
pub struct InvisibleCharacter;

static INVISIBLE_CHARACTER: RuleMeta = RuleMeta {
    id: "invisible-character",
    severity: Severity::Warning,
    harm: Harm::Habit,
    summary: "Invisible characters: zero-width spaces, bidi controls, soft hyphens, stray joiners",
    explanation: r#"## What it does
Flags characters that show nothing but change the text: zero-width space
U+200B, word joiner U+2060, bidirectional embeddings, overrides and isolates
(U+202A–U+202E, U+2066–U+2069), a byte-order mark U+FEFF after the start of
the file, soft hyphen U+00AD, invisible operators U+2061–U+2064, the
Mongolian vowel separator U+180E outside Mongolian, Hangul fillers, runs of
two or more tatweels `ـ`, and zero-width (non-)joiners where the script does
not use them. Marks LRM/RLM/ALM (U+200E, U+200F, U+061C) and no-break spaces
(U+00A0, U+202F) between ordinary words are reported as `info`. A run of the
same character is one finding; the message names each by code point.

## Why is this bad?
Invisible characters break search, spell-checking, word counts and
copy-paste: `pre<U+200B>sident` with a zero-width space is not `president`.
Bidirectional controls can reorder what a reader sees, so the displayed text
differs from the stored one. They are usually left over from a CMS, a PDF, a
web page or a translation tool, and never belong in clean copy.

## Example
```text
الرئيس<U+200C> الروسي   (ZWNJ in Arabic)           → الرئيس الروسي
الـــــرئيس        (4 tatweels)               → الرئيس
الـــ30            (prefix before a number)   → الـ30
pre<U+200B>sident         (U+200B inside the word)   → president
```

## Fix safety
Removal is **safe** for characters that show nothing: the visible text stays
the same. It is **unsafe** for bidi controls, because removing them changes
the displayed order of mixed-direction text (which may be what was wanted),
and for a ZWNJ between Arabic letters, which may stand for a missing space.
A no-break space is replaced by a plain space (or removed next to another
space). A run of tatweels after an Arabic prefix and before a number or a
Latin word keeps one tatweel (`الـ30`), as Arabic writes it.

## Limits
Quiet where the character is correct: ZWNJ in Persian, Urdu, Kurdish and
Pashto text and between letters of Indic scripts; ZWJ in emoji sequences
and Indic scripts (and `info` between Arabic letters, where it is
redundant); a zero-width space between Thai, Khmer, Lao, Myanmar, Tibetan
or CJK letters, where it marks word breaks; U+180E between Mongolian
letters; a BOM at the start of the file; one tatweel (`الـ`, `بـ`); a
no-break space between digit groups (`1 000`), next to a number (`10 km`),
before a dash, around a one- or two-letter word (`à Paris`, `14 h`), after
an abbreviation or a title (`M. Trump`, `Mme May`), between two capitalized
words (a name), at the start or end of a line (trailing white space), and
in French before `; : ! ? »` and after `«`. A zero-width
space next to a space is harmless residue and only `info`.
"#,
};

impl Rule for InvisibleCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &INVISIBLE_CHARACTER
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        let mut skip_to = 0;
        for (at, c) in non_ascii(text) {
            if at < skip_to {
                continue;
            }
            let Some(name) = invisible_name(c) else {
                continue;
            };
            let end = run_end(text, at, c);
            skip_to = end;
            if let Some(d) = judge_invisible(doc, c, name, at, end) {
                out.push(d);
            }
        }
    }
}

/// The character before byte `at`, and the one after `end`.
fn neighbours(text: &str, at: usize, end: usize) -> (Option<char>, Option<char>) {
    (text[..at].chars().next_back(), text[end..].chars().next())
}

/// The Unicode name of a character this rule looks at.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "NO-BREAK SPACE",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{0640}' => "ARABIC TATWEEL",
        '\u{115F}' => "HANGUL CHOSEONG FILLER",
        '\u{1160}' => "HANGUL JUNGSEONG FILLER",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{202F}' => "NARROW NO-BREAK SPACE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{3164}' => "HANGUL FILLER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
        '\u{FFA0}' => "HALFWIDTH HANGUL FILLER",
        _ => return None,
    })
}

/// Languages written in Arabic script that use ZWNJ inside words.
const ZWNJ_LANGUAGES: &[&str] = &[
    "fa", "ur", "ku", "ckb", "ps", "sd", "ug", "bal", "prs", "glk", "mzn", "lrc", "ks", "az",
];

/// Scripts whose words use ZWNJ and ZWJ between letters.
fn is_indic(s: Script) -> bool {
    matches!(
        s,
        Script::Devanagari
            | Script::Bengali
            | Script::Gurmukhi
            | Script::Gujarati
            | Script::Oriya
            | Script::Tamil
            | Script::Telugu
            | Script::Kannada
            | Script::Malayalam
            | Script::Sinhala
    )
}

/// Scripts written without spaces, where U+200B marks word breaks.
fn breaks_with_zwsp(s: Script) -> bool {
    matches!(
        family(s),
        Script::Thai
            | Script::Lao
            | Script::Khmer
            | Script::Myanmar
            | Script::Tibetan
            | Script::Han
    )
}

/// The script of a letter or of a script-specific mark (a virama), else `None`.
fn char_script(c: char) -> Option<Script> {
    use unicode_script::UnicodeScript;
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(family(s)),
    }
}

/// The script of the nearest character before `at` (skipping combining marks).
fn script_before(text: &str, at: usize) -> Option<Script> {
    text[..at]
        .chars()
        .rev()
        .find(|c| !is_combining(*c))
        .and_then(char_script)
}

/// The script of the character at `end` (skipping combining marks).
fn script_after(text: &str, end: usize) -> Option<Script> {
    text[end..]
        .chars()
        .find(|c| !is_combining(*c))
        .and_then(char_script)
}

fn is_combining(c: char) -> bool {
    use unicode_script::UnicodeScript;
    !c.is_alphanumeric() && c.script() == Script::Inherited && !matches!(c, '\u{200C}' | '\u{200D}')
}

/// Emoji and the characters of emoji sequences.
fn is_emoji_part(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
        | 0xFE0F | 0x20E3 | 0xE0020..=0xE007F | 0x2190..=0x21FF | 0x3030 | 0x303D | 0x3297 | 0x3299)
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '‑')
}

/// Decides on a run of one invisible character `c` at `at..end`.
fn judge_invisible(
    doc: &Document,
    c: char,
    name: &str,
    at: usize,
    end: usize,
) -> Option<Diagnostic> {
    let text = doc.text;
    let count = text[at..end].chars().count();
    let what = describe(c, count, name);
    let (prev, next) = neighbours(text, at, end);
    let prev_space = prev.is_none_or(char::is_whitespace);
    let next_space = next.is_none_or(char::is_whitespace);
    let before = script_before(text, at);
    let after = script_after(text, end);
    let remove = |d: Diagnostic, applicability| d.fix(at..end, "", applicability);
    let lang = doc.lang().unwrap_or("");

    let d = match c {
        '\u{200B}' => {
            if before.is_some_and(breaks_with_zwsp) && after.is_some_and(breaks_with_zwsp) {
                return None;
            }
            if prev_space || next_space {
                let d = Diagnostic::new(
                    at..end,
                    format!("invisible {what} next to a space: harmless residue"),
                );
                remove(
                    d.severity(Severity::Info).confidence(0.6),
                    Applicability::Safe,
                )
            } else {
                let d = Diagnostic::new(
                    at..end,
                    format!("invisible {what}: breaks search and spell-checking of the word"),
                );
                remove(d.confidence(0.9), Applicability::Safe)
            }
        }
        '\u{200C}' => {
            let uses = |s: Option<Script>| {
                s.is_some_and(|s| is_indic(s) || (s == Script::Arabic && lang != "ar"))
            };
            if !prev_space && !next_space && uses(before) && uses(after) {
                return None;
            }
            if ZWNJ_LANGUAGES.contains(&lang) && before.is_some() && after.is_some() {
                return None;
            }
            let arabic = before == Some(Script::Arabic) && after == Some(Script::Arabic);
            let d = Diagnostic::new(
                at..end,
                if arabic {
                    format!("invisible {what} between Arabic letters: Arabic does not use it; it splits the word, or stands for a missing space")
                } else {
                    format!("invisible {what}: not used by this script")
                },
            );
            let applicability = if arabic {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            };
            remove(d.confidence(0.8), applicability)
        }
        '\u{200D}' => {
            if prev.is_some_and(is_emoji_part) && next.is_some_and(is_emoji_part) {
                return None;
            }
            if before.is_some_and(is_indic) || after.is_some_and(is_indic) {
                return None;
            }
            if before == Some(Script::Arabic) {
                if after != Some(Script::Arabic) {
                    // Shows the joining form of a letter on its own (`ه<U+200D>`).
                    return None;
                }
                let d = Diagnostic::new(
                    at..end,
                    format!("invisible {what} between Arabic letters: redundant"),
                );
                remove(
                    d.severity(Severity::Info).confidence(0.6),
                    Applicability::Safe,
                )
            } else {
                let d = Diagnostic::new(
                    at..end,
                    format!("invisible {what} outside an emoji sequence"),
                );
                remove(d.confidence(0.85), Applicability::Safe)
            }
        }
        '\u{200E}' | '\u{200F}' | '\u{061C}' => {
            let d = Diagnostic::new(
                at..end,
                format!("invisible direction mark {what}: sometimes deliberate in mixed-direction text, often residue"),
            );
            remove(
                d.severity(Severity::Info).confidence(0.5),
                Applicability::Safe,
            )
        }
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            let strong = matches!(c, '\u{202D}' | '\u{202E}');
            let d = Diagnostic::new(
                at..end,
                format!("invisible bidirectional control {what}: it can reorder what a reader sees, so the text shown differs from the text stored"),
            );
            remove(
                d.confidence(if strong { 0.95 } else { 0.8 }),
                Applicability::Unsafe,
            )
        }
        '\u{FEFF}' => {
            // A BOM at the very start is an encoding signature, not text.
            let (from, n) = if at == 0 { (3, count - 1) } else { (at, count) };
            if n == 0 {
                return None;
            }
            let what = describe(c, n, name);
            Diagnostic::new(
                from..end,
                format!(
                    "invisible {what} inside the text: a byte-order mark left by joining files"
                ),
            )
            .confidence(0.9)
            .fix(from..end, "", Applicability::Safe)
        }
        '\u{180E}' => {
            if before == Some(Script::Mongolian) && after == Some(Script::Mongolian) {
                return None;
            }
            remove(
                Diagnostic::new(at..end, format!("invisible {what} outside Mongolian"))
                    .confidence(0.9),
                Applicability::Safe,
            )
        }
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => {
            // Conjoining fillers belong to old Hangul jamo sequences.
            let jamo = |c: Option<char>| c.is_some_and(|c| ('\u{1100}'..='\u{11FF}').contains(&c));
            if matches!(c, '\u{115F}' | '\u{1160}') && (jamo(prev) || jamo(next)) {
                return None;
            }
            // Fillers show as blanks: between two words they stand for a space.
            let replacement = if prev_space || next_space { "" } else { " " };
            Diagnostic::new(
                at..end,
                format!("blank {what}: looks like a space but is a letter; used to fake blanks"),
            )
            .confidence(0.9)
            .fix(at..end, replacement, Applicability::Safe)
        }
        '\u{0640}' => return judge_tatweel(doc, what, at, end, count),
        '\u{00A0}' | '\u{202F}' => return judge_nbsp(doc, c, what, at, end, count),
        // Soft hyphen, word joiner, invisible operators.
        _ => {
            let why = match c {
                '\u{00AD}' => "invisible unless the line breaks there; it breaks search",
                '\u{2060}' => "joins words invisibly",
                _ => "a mathematical operator that shows nothing",
            };
            remove(
                Diagnostic::new(at..end, format!("invisible {what}: {why}")).confidence(0.85),
                Applicability::Safe,
            )
        }
    };
    Some(d)
}

/// A run of two or more tatweels: elongation (`الـــــرئيس`). One tatweel
/// after a prefix and before a number or a foreign word is a convention
/// (`الـ30`, `بـ"`), and is kept.
fn judge_tatweel(
    doc: &Document,
    what: String,
    at: usize,
    end: usize,
    count: usize,
) -> Option<Diagnostic> {
    if count < 2 {
        return None;
    }
    let text = doc.text;
    let word_start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| letter_script(c) == Some(Script::Arabic) || is_combining(c))
        .last()
        .map_or(at, |(i, _)| i);
    let prefix = &text[word_start..at];
    let next = text[end..].chars().next();
    let next_arabic = next.is_some_and(|c| letter_script(c) == Some(Script::Arabic));
    let keep_one = !prefix.is_empty()
        && arabic::TATWEEL_PROCLITICS.contains(&prefix)
        && !next_arabic
        && next.is_some();
    let replacement = if keep_one { "ـ" } else { "" };
    Some(
        Diagnostic::new(
            at..end,
            format!("{what}: elongation that search and spell-checking do not see through"),
        )
        .confidence(0.85)
        .fix(at..end, replacement, Applicability::Safe),
    )
}

/// Titles that typography binds to the following name.
const TITLES: &[&str] = &[
    "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr", "Pr", "Mr", "Mrs", "Ms", "St", "Ste", "Sr",
];

/// A no-break space: `info` between ordinary words, quiet where typography
/// wants one.
fn judge_nbsp(
    doc: &Document,
    c: char,
    what: String,
    at: usize,
    end: usize,
    count: usize,
) -> Option<Diagnostic> {
    let text = doc.text;
    let (prev, next) = neighbours(text, at, end);
    let prev_space = prev.is_none_or(char::is_whitespace);
    let next_space = next.is_none_or(char::is_whitespace);
    // At the start or end of a line it is trailing white space, which
    // shows nothing and harms nothing.
    let line_edge = |c: Option<char>| c.is_none_or(|c| c == '\n' || c == '\r');
    if line_edge(prev) || line_edge(next) {
        return None;
    }
    if count == 1 && !prev_space && !next_space {
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_numeric());
        let french = doc.lang() == Some("fr")
            && (matches!(next, Some(';' | ':' | '!' | '?' | '»' | '›'))
                || matches!(prev, Some('«' | '‹')));
        // The word before: short words and abbreviations bind to the next one.
        let word_before: &str = {
            let s = &text[..at];
            let from = s
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            &s[from..]
        };
        let word_after: &str = {
            let s = &text[end..];
            let to = s
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(s.len(), |(i, _)| i);
            &s[..to]
        };
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let short = (1..=2).contains(&word_before.chars().count())
            || (1..=2).contains(&word_after.chars().count())
            || (word_before.ends_with('.') && word_before.chars().count() <= 5)
            || TITLES.contains(&word_before)
            // Binding a name: `Brett Kavanaugh`.
            || (capital(word_before) && capital(word_after));
        if digit(prev)
            || digit(next)
            || next.is_some_and(is_dash)
            || prev.is_some_and(is_dash)
            || french
            || short
        {
            return None;
        }
        // French also uses U+202F after `«` and before punctuation: covered above.
        let _ = c;
    }
    let replacement = if prev_space || next_space { "" } else { " " };
    Some(
        Diagnostic::new(
            at..end,
            if prev_space || next_space {
                format!("{what} next to a space: a double space left over from HTML (`&nbsp;`)")
            } else {
                format!("{what} between ordinary words: usually left over from HTML (`&nbsp;`)")
            },
        )
        .severity(Severity::Info)
        .confidence(0.5)
        .fix(at..end, replacement, Applicability::Safe),
    )
}
