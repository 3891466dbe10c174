//! Characters that should not be in published text: invisible format
//! characters (`invisible-character`), control characters
//! (`control-character`) and the replacement character U+FFFD
//! (`replacement-character`).
//!
//! These rules read the raw text, not words: a byte-level loop skips
//! printable ASCII and decodes only what may matter.

mod control_character;
mod invisible_character;
mod replacement_character;
pub use control_character::ControlCharacter;
pub use invisible_character::InvisibleCharacter;
pub use replacement_character::ReplacementCharacter;

use unicode_script::Script;

use crate::language::arabic;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Rule, RuleMeta};
use crate::text::script::{family, letter_script};
use crate::text::Document;

/// Non-ASCII characters of `text` with their byte offsets, skipping ASCII
/// bytes without decoding them.
fn non_ascii(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && bytes[i] < 0x80 {
            i += 1;
        }
        let c = text[i..].chars().next()?;
        let at = i;
        i += c.len_utf8();
        Some((at, c))
    })
}

/// The character before byte `at`, and the one after `end`.
fn neighbours(text: &str, at: usize, end: usize) -> (Option<char>, Option<char>) {
    (text[..at].chars().next_back(), text[end..].chars().next())
}

/// The byte end of the run of `c` that starts at `at`.
fn run_end(text: &str, at: usize, c: char) -> usize {
    let mut end = at;
    for d in text[at..].chars() {
        if d != c {
            break;
        }
        end += d.len_utf8();
    }
    end
}

/// `U+200B ZERO WIDTH SPACE`, with a count when there are several.
fn describe(c: char, count: usize, name: &str) -> String {
    let times = if count > 1 {
        format!("{count} × ")
    } else {
        String::new()
    };
    format!("{times}U+{:04X} {name}", c as u32)
}

// ---------------------------------------------------------------------------
// invisible-character
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// control-character
// ---------------------------------------------------------------------------

/// Names of the C0 controls and DEL.
fn c0_name(b: u8) -> &'static str {
    const NAMES: [&str; 32] = [
        "NULL",
        "START OF HEADING",
        "START OF TEXT",
        "END OF TEXT",
        "END OF TRANSMISSION",
        "ENQUIRY",
        "ACKNOWLEDGE",
        "BELL",
        "BACKSPACE",
        "CHARACTER TABULATION",
        "LINE FEED",
        "LINE TABULATION (vertical tab)",
        "FORM FEED (page break)",
        "CARRIAGE RETURN",
        "SHIFT OUT",
        "SHIFT IN",
        "DATA LINK ESCAPE",
        "DEVICE CONTROL ONE",
        "DEVICE CONTROL TWO",
        "DEVICE CONTROL THREE",
        "DEVICE CONTROL FOUR",
        "NEGATIVE ACKNOWLEDGE",
        "SYNCHRONOUS IDLE",
        "END OF TRANSMISSION BLOCK",
        "CANCEL",
        "END OF MEDIUM",
        "SUBSTITUTE",
        "ESCAPE",
        "INFORMATION SEPARATOR FOUR",
        "INFORMATION SEPARATOR THREE",
        "INFORMATION SEPARATOR TWO",
        "INFORMATION SEPARATOR ONE",
    ];
    NAMES.get(b as usize).copied().unwrap_or("DELETE")
}

/// End of an ANSI CSI sequence (`ESC [ params final`) starting at `i`.
fn ansi_sequence(bytes: &[u8], i: usize) -> Option<usize> {
    if bytes.get(i + 1) != Some(&b'[') {
        return None;
    }
    let mut j = i + 2;
    while j < bytes.len() && (0x30..=0x3F).contains(&bytes[j]) {
        j += 1;
    }
    while j < bytes.len() && (0x20..=0x2F).contains(&bytes[j]) {
        j += 1;
    }
    (j < bytes.len() && (0x40..=0x7E).contains(&bytes[j])).then_some(j + 1)
}

/// Windows-1252 characters for bytes 0x80..0x9F (`None` where undefined).
const CP1252: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte a character stood for if text was decoded as Windows-1252 or
/// Latin-1.
fn as_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    CP1252
        .iter()
        .position(|&m| m == Some(c))
        .map(|i| 0x80 + i as u8)
}

/// The finding for the C1 controls around byte `at`: the run of
/// single-byte-looking characters is decoded back as UTF-8 where it can be.
fn c1_run(text: &str, at: usize) -> (Diagnostic, usize) {
    // Extend over characters that may stand for one byte each.
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| as_byte(c).is_some())
        .last()
        .map_or(at, |(i, _)| i);
    let mut end = at;
    for c in text[at..].chars() {
        if as_byte(c).is_none() {
            break;
        }
        end += c.len_utf8();
    }
    let run = &text[start..end];
    let chars: Vec<char> = run.chars().collect();
    let bytes: Vec<u8> = chars.iter().map(|&c| as_byte(c).expect("run")).collect();
    let is_c1 = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
    // Decode greedily: a valid multi-byte UTF-8 sequence replaces its
    // characters; others stay.
    let mut repaired = String::with_capacity(run.len());
    let mut all_c1_decoded = true;
    let mut k = 0;
    while k < bytes.len() {
        let len = match bytes[k] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if len > 1 && k + len <= bytes.len() {
            if let Ok(s) = std::str::from_utf8(&bytes[k..k + len]) {
                repaired.push_str(s);
                k += len;
                continue;
            }
        }
        if is_c1(chars[k]) {
            all_c1_decoded = false;
        }
        repaired.push(chars[k]);
        k += 1;
    }
    // Still mojibake after one decoding (`Ã¢â‚¬Â` → `â€`): encoded twice.
    let again: Vec<Option<u8>> = repaired.chars().map(as_byte).collect();
    let clean = !again
        .windows(2)
        .any(|w| matches!(w[0], Some(0xC2..=0xF4)) && matches!(w[1], Some(0x80..=0xBF)));
    let controls: Vec<String> = chars
        .iter()
        .filter(|&&c| is_c1(c))
        .map(|&c| format!("U+{:04X}", c as u32))
        .collect();
    let list = controls.join(", ");
    let plural = if controls.len() > 1 { "s" } else { "" };
    if all_c1_decoded {
        let d = Diagnostic::new(
            start..end,
            format!("C1 control character{plural} {list}: mojibake, UTF-8 text decoded as Latin-1; it reads `{repaired}`"),
        )
        .fix(
            start..end,
            repaired,
            if clean {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            },
        );
        return (d, end);
    }
    // Not UTF-8: report the first control alone.
    let c = text[at..].chars().next().expect("C1");
    let c_end = at + c.len_utf8();
    let d = Diagnostic::new(
        at..c_end,
        format!("C1 control character U+{:04X}: often a sign of mojibake (Windows-1252 text decoded as Latin-1)", c as u32),
    );
    let d = match CP1252[(c as u32 - 0x80) as usize] {
        Some(m) => d.fix(at..c_end, m.to_string(), Applicability::Unsafe),
        None => d.fix(at..c_end, "", Applicability::Safe),
    };
    (d, c_end)
}

// ---------------------------------------------------------------------------
// replacement-character
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged_in};

    #[test]
    fn zero_width_space_inside_a_word() {
        let d = diagnostics(
            &InvisibleCharacter,
            "the pre\u{200B}sident said",
            Some("en"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, None);
        assert!(
            d[0].message.contains("U+200B ZERO WIDTH SPACE"),
            "{}",
            d[0].message
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "the pre\u{200B}sident", Some("en")),
            "the president"
        );
        // A run is one finding, counted; next to a space it is info.
        let d = diagnostics(
            &InvisibleCharacter,
            "قال \u{200B}\u{200B}الوزير",
            Some("ar"),
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("2 × U+200B"), "{}", d[0].message);
        assert_eq!(d[0].severity, Some(Severity::Info));
        // Thai word breaks are correct.
        assert!(flagged_in(&InvisibleCharacter, "ภาษา\u{200B}ไทย", Some("th")).is_empty());
    }

    #[test]
    fn bidi_controls_are_unsafe_to_remove() {
        let d = diagnostics(&InvisibleCharacter, "file\u{202E}gpj.exe", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("reorder what a reader sees"));
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        let d = diagnostics(
            &InvisibleCharacter,
            "قال \u{2067}Trump\u{2069} إن",
            Some("ar"),
        );
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn marks_and_bom() {
        let d = diagnostics(
            &InvisibleCharacter,
            "\u{FEFF}قال\u{200F} الوزير",
            Some("ar"),
        );
        assert_eq!(d.len(), 1, "a BOM at offset 0 is fine");
        assert_eq!(d[0].severity, Some(Severity::Info));
        let d = diagnostics(&InvisibleCharacter, "one\n\u{FEFF}two", Some("en"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, None);
        assert_eq!(
            fixed(&InvisibleCharacter, "co\u{00AD}operate", Some("en")),
            "cooperate"
        );
        assert_eq!(fixed(&InvisibleCharacter, "a\u{3164}b", Some("ko")), "a b");
    }

    #[test]
    fn tatweel_runs() {
        assert_eq!(
            fixed(&InvisibleCharacter, "الـــــرئيس قال", Some("ar")),
            "الرئيس قال"
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "في الـــ30 يوما", Some("ar")),
            "في الـ30 يوما"
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "بــFacebook", Some("ar")),
            "بـFacebook"
        );
        for text in ["في الـ30 يوما", "بـ\"ريد\"", "الـ 12"] {
            assert!(
                flagged_in(&InvisibleCharacter, text, Some("ar")).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn zwnj_by_language() {
        // Persian uses ZWNJ: quiet.
        assert!(flagged_in(&InvisibleCharacter, "می\u{200C}خواهم", Some("fa")).is_empty());
        assert!(flagged_in(&InvisibleCharacter, "क्\u{200C}ष", Some("hi")).is_empty());
        // Arabic does not: flagged, unsafe.
        let d = diagnostics(&InvisibleCharacter, "الرئيس\u{200C}الروسي", Some("ar"));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        // Latin: flagged, safe.
        assert_eq!(
            fixed(&InvisibleCharacter, "Auf\u{200C}lage", Some("de")),
            "Auflage"
        );
    }

    #[test]
    fn zwj_outside_emoji() {
        assert!(flagged_in(
            &InvisibleCharacter,
            "👨\u{200D}👩\u{200D}👧 family",
            Some("en")
        )
        .is_empty());
        assert!(flagged_in(&InvisibleCharacter, "क्\u{200D}ष", Some("hi")).is_empty());
        assert_eq!(
            flagged_in(&InvisibleCharacter, "wo\u{200D}rd", Some("en")).len(),
            1
        );
        let d = diagnostics(&InvisibleCharacter, "س ڤ\u{200D}ي س", Some("ar"));
        assert_eq!(d[0].severity, Some(Severity::Info));
    }

    #[test]
    fn no_break_spaces() {
        let d = diagnostics(
            &InvisibleCharacter,
            "قال الرئيس\u{00A0}بأن الحرب",
            Some("ar"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert_eq!(
            fixed(&InvisibleCharacter, "قال الرئيس\u{00A0}بأن", Some("ar")),
            "قال الرئيس بأن"
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "the \u{00A0}end", Some("en")),
            "the end"
        );
        for (text, lang) in [
            (
                "Il a dit\u{00A0}: «\u{00A0}Je pars\u{202F}!\u{00A0}»",
                Some("fr"),
            ),
            ("1\u{00A0}000 et 10\u{00A0}km", Some("fr")),
            (
                "M.\u{00A0}Trump, en\u{00A0}2019, Mme\u{00A0}May",
                Some("fr"),
            ),
            ("classe\u{00A0}A et Brett\u{00A0}Kavanaugh", Some("fr")),
            ("сказал он\u{00A0}— и ушел в\u{00A0}Москву", Some("ru")),
        ] {
            assert!(
                flagged_in(&InvisibleCharacter, text, lang).is_empty(),
                "{text}"
            );
        }
        // French punctuation spacing is French only.
        assert_eq!(
            flagged_in(&InvisibleCharacter, "he said\u{00A0}: yes", Some("en")).len(),
            1
        );
    }

    #[test]
    fn plain_text_is_quiet() {
        for (text, lang) in [
            ("قال الرئيس الروسي، اليوم.", Some("ar")),
            ("The president said, today.\tTab\r\n", Some("en")),
            ("Президент сказал сегодня.", Some("ru")),
        ] {
            assert!(flagged_in(&InvisibleCharacter, text, lang).is_empty());
            assert!(flagged_in(&ControlCharacter, text, lang).is_empty());
            assert!(flagged_in(&ReplacementCharacter, text, lang).is_empty());
        }
    }

    #[test]
    fn control_characters() {
        let d = diagnostics(&ControlCharacter, "قال\u{7} الوزير\u{0}\u{0}", Some("ar"));
        assert_eq!(d.len(), 2);
        assert!(d[0].message.contains("U+0007 BELL"));
        assert!(d[1].message.contains("2 × U+0000 NULL"));
        assert_eq!(
            fixed(&ControlCharacter, "page\u{c}two\u{7f}", Some("en")),
            "pagetwo"
        );
        assert_eq!(
            fixed(&ControlCharacter, "\u{1b}[31mred\u{1b}[0m text", Some("en")),
            "red text"
        );
    }

    #[test]
    fn c1_controls_are_mojibake() {
        // From ftfy's in-the-wild test cases.
        let text = "Direzione Pd, ok \u{e2}\u{80}\u{9c}senza modifiche\u{94} all'Italicum.";
        let d = diagnostics(&ControlCharacter, text, Some("it"));
        assert_eq!(d.len(), 2);
        assert!(d[0].message.contains("mojibake"));
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "“");
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        assert_eq!(d[1].fix.as_ref().unwrap().replacement, "”");
        assert_eq!(
            d[1].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        assert_eq!(
            fixed(
                &ControlCharacter,
                "He's Justin\u{e2}\u{9d}\u{a4}",
                Some("en")
            ),
            "He's Justin❤"
        );
        assert_eq!(fixed(&ControlCharacter, "a\u{81}b", Some("en")), "ab");
        // Encoded twice: one decoding leaves mojibake, so the fix is unsafe.
        let d = diagnostics(
            &ControlCharacter,
            "x \u{c3}\u{a2}\u{e2}\u{20ac}\u{9d}\u{e2}\u{20ac}\u{2122} y",
            Some("en"),
        );
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
    }

    #[test]
    fn replacement_characters() {
        let d = diagnostics(
            &ReplacementCharacter,
            "Asia, \u{FFFD}frica y قال \u{FFFD}\u{FFFD} إن",
            None,
        );
        assert_eq!(d.len(), 2);
        assert!(d[1].message.contains("2 × U+FFFD"));
        assert!(d.iter().all(|d| d.fix.is_none()));
        assert_eq!(
            flagged_in(&ReplacementCharacter, "lost ï¿½ï¿½ here", Some("en")),
            vec!["ï¿½ï¿½"]
        );
        assert!(flagged_in(&ReplacementCharacter, "naïve café", Some("fr")).is_empty());
    }
}
