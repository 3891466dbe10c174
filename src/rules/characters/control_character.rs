//! `control-character`: control characters (C0 other than tab and line breaks, DEL, C1): corruption or mojibake. Its documentation is the
//! `explanation` below, which `mtlint explain control-character` prints.

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::Document;

use super::{describe, run_end};

/// `control-character`: C0 and C1 control characters and DEL.
pub struct ControlCharacter;

static CONTROL_CHARACTER: RuleMeta = RuleMeta {
    id: "control-character",
    severity: Severity::Error,
    harm: Harm::Corruption,
    summary:
        "Control characters (C0 other than tab and line breaks, DEL, C1): corruption or mojibake",
    explanation: r#"## What it does
Flags control characters: C0 controls other than tab, line feed and carriage
return (form feed and vertical tab included), DEL U+007F, and the C1
controls U+0080–U+009F. A terminal escape sequence (`ESC[31m`) is one
finding. A run of C1 controls among Latin-1 letters is read as mojibake
and, where it can be, decoded back (`â\u0080\u009c` → `“`).

## Why is this bad?
Control characters have no place in prose: they are invisible or shown as
boxes, and break parsers, XML and databases. C1 controls in particular are
almost always mojibake: UTF-8 or Windows-1252 text decoded as Latin-1.

## Example
```text
Direzione Pd, ok â\u0080\u009csenza modifiche\u0094 …   → ok “senza modifiche” …
\u0084Handwerk bringt dich überall hin\u0093              → „Handwerk … hin“
قال\u0007 الوزير                                         → قال الوزير
```

## Fix safety
Removing a C0 control or DEL is **safe**: it shows nothing. Decoding a C1
run back from UTF-8 is **safe** when the bytes form valid UTF-8 (that is
the exact inverse of the mistake), and **unsafe** when the result still
looks like mojibake (text encoded twice: one decoding is not the whole fix). A lone C1 control that is a
Windows-1252 character (`\u0093` → `“`) is replaced by it, **unsafe**
(a guess); the other C1 controls are removed, **safe**.

## Limits
Tab, line feed and carriage return are never flagged. Mojibake without
C1 controls (`Ã©` for `é`) is not this rule's business.
"#,
};

impl Rule for ControlCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &CONTROL_CHARACTER
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if (0x20..0x7F).contains(&b)
                || matches!(b, b'\t' | b'\n' | b'\r')
                || (b >= 0x80 && b != 0xC2)
            {
                i += 1;
                continue;
            }
            if b == 0xC2 {
                // U+0080..U+009F are C2 80..C2 9F.
                if bytes.get(i + 1).is_some_and(|&n| (0x80..0xA0).contains(&n)) {
                    let (d, end) = c1_run(text, i);
                    out.push(d);
                    i = end;
                } else {
                    i += 1;
                }
                continue;
            }
            // C0 or DEL.
            if b == 0x1B {
                if let Some(end) = ansi_sequence(bytes, i) {
                    let seq = text[i + 1..end].escape_debug().to_string();
                    out.push(
                        Diagnostic::new(
                            i..end,
                            format!("terminal escape sequence `ESC{seq}` (colour or cursor codes)"),
                        )
                        .fix(i..end, "", Applicability::Safe),
                    );
                    i = end;
                    continue;
                }
            }
            let end = run_end(text, i, b as char);
            let n = end - i;
            let what = describe(b as char, n, c0_name(b));
            out.push(
                Diagnostic::new(i..end, format!("control character {what}")).fix(
                    i..end,
                    "",
                    Applicability::Safe,
                ),
            );
            i = end;
        }
    }
}

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
