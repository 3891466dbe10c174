//! `control-character`: control characters (C0 other than tab and line breaks, DEL, C1): corruption or mojibake. Its documentation is the
//! `explanation` below, which `mtlint explain control-character` prints.

use super::*;

/// `control-character`: C0 and C1 control characters and DEL.
pub struct ControlCharacter;

static CONTROL_CHARACTER: RuleMeta = RuleMeta {
    id: "control-character",
    severity: Severity::Error,
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
