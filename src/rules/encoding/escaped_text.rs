//! `escaped-text`: HTML character references and backslash escapes that
//! leaked into the text from the HTML, JSON or source code it passed
//! through (`&amp;`, `&quot;`, `&#1575;`, `\u0627`, a literal `\n`), and
//! escapes applied twice (`&amp;quot;`, `\\u0627`).
//!
//! The named references come from the HTML5 list (`data/html_entities/`,
//! built by `scripts/build_html_entities.py`), embedded and parsed once.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::{Document, TokenKind};

/// `escaped-text`: an HTML entity or a backslash escape left in the text.
pub struct EscapedText;

static ESCAPED_TEXT: RuleMeta = RuleMeta {
    id: "escaped-text",
    severity: Severity::Warning,
    harm: Harm::Residue,
    summary:
        "HTML entities or backslash escapes left in the text (`&amp;`, `&#1575;`, `\\u0627`, `\\n`)",
    explanation: r#"## What it does
Flags escapes that a web page, a JSON export or a program should have turned
back into characters:

- HTML named references with their semicolon (`&amp;`, `&quot;`, `&nbsp;`,
  `&eacute;`, `&rlm;`: the 2,125 names of HTML5), and the 106 that HTML also
  reads without one (`&nbsp`, `&amp`) when a space or the end of the line
  follows;
- numeric references (`&#1575;`, `&#x627;`);
- `\uXXXX` (UTF-16 pairs such as `\uD83D\uDE00` read as one character) and
  `\UXXXXXXXX`;
- a literal `\n`, `\r\n`, `\r` or `\t` inside a line;
- escapes applied twice: `&amp;quot;`, `&amp;#1575;`, `\\u0627`, `\\n`.

## Why is this bad?
The reader sees `&quot;` or `\u0627` where a quotation mark or a letter
should be: the text went through HTML or JSON escaping and was never
unescaped, often in a machine-translation pipeline that escaped it before
translating and did not undo it after.

## Example
```text
قال الوزير &quot;لن نتراجع&quot;          → قال الوزير "لن نتراجع"
Tom &amp;amp; Jerry                          → Tom & Jerry
\u0627\u0644\u0642\u062f\u0633              → القدس
First line.\nSecond line.                    → First line.⏎Second line.
```

## Fix safety
The character a reference or `\u` escape stands for is unambiguous: that fix
is safe, unless it is a control character or a line break (`&#10;`), or a
number that HTML maps through Windows-1252 (`&#150;` → `–`), which are
unsafe. A literal `\n` becomes a line break and `\t` a space: unsafe, since
the writer may have meant a space, a new paragraph or nothing.

## Limits
- Not flagged, on purpose: `&` alone, `AT&T`, `R&D`, `Q&A`, URLs and their
  query strings (`?a=1&b=2`), e-mail addresses, Windows paths (`C:\new`,
  `\\server\share`), LaTeX commands (`\newline`, `\textbf`: a lowercase letter
  after `\n` or `\t` is never a leaked line break), Markdown code spans and
  fenced code blocks, and lines that call a print function (`printf`,
  `print(`, `echo`, `console.log` …).
- In Markdown, `&nbsp;` and `&amp;` may be meant as markup: they are
  flagged all the same.
- Other escapes are not seen: `\"`, `\'`, `\/` (also Markdown's own
  escapes), `%20` and other URL encoding, `\x41`, octal escapes, and
  references without a semicolon other than the 106 legacy names.
"#,
};

/// The named references: name → (characters, also valid without `;`).
fn entities() -> &'static HashMap<&'static str, (String, bool)> {
    static TABLE: OnceLock<HashMap<&'static str, (String, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/html_entities/entities.tsv"
        ))
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?;
            let chars: Option<String> = fields
                .next()?
                .split(' ')
                .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
                .collect();
            let legacy = fields.next() == Some("legacy");
            Some((name, (chars?, legacy)))
        })
        .collect()
    })
}

/// The longest entity name (`CounterClockwiseContourIntegral`).
const MAX_NAME: usize = 32;

/// One escape found in the text.
struct Escape {
    /// Byte range of the escape (all layers of a doubled one).
    range: Range<usize>,
    /// What it stands for, when that is a character.
    value: Option<String>,
    /// Whether it was escaped twice or more.
    doubled: bool,
    /// Whether replacing it by `value` is safe.
    safe: bool,
    /// What kind of escape, for the message.
    what: &'static str,
}

/// One HTML character reference after the `&` at the start of `s`:
/// its length (without the `&`), the characters, and whether the
/// replacement is safe.
fn reference(s: &str, allow_legacy: bool) -> Option<(usize, Option<String>, bool)> {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (hex, digits_at) = match bytes.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = bytes[digits_at..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        let end = digits_at + digits;
        if digits == 0 || digits > 8 || bytes.get(end) != Some(&b';') {
            return None;
        }
        let n = u32::from_str_radix(&s[digits_at..end], if hex { 16 } else { 10 }).ok()?;
        let value = match n {
            // HTML reads these as Windows-1252 (`&#150;` is `–`).
            0x80..=0x9F => {
                let b = [n as u8];
                let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&b);
                return Some((end + 1, Some(c.into_owned()), false));
            }
            _ => char::from_u32(n).filter(|&c| c != '\0'),
        };
        let safe = value.is_some_and(|c| !c.is_control());
        return Some((end + 1, value.map(String::from), safe));
    }
    let name_len = bytes
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > MAX_NAME {
        return None;
    }
    let (chars, legacy) = entities().get(&s[..name_len])?;
    let safe = !chars.chars().any(char::is_control);
    match bytes.get(name_len) {
        Some(b';') => Some((name_len + 1, Some(chars.clone()), safe)),
        // `&nbsp` without its semicolon, only before a space or the end.
        None | Some(b' ' | b'\t' | b'\n' | b'\r')
            if allow_legacy && *legacy && s[..name_len].bytes().all(|b| b.is_ascii_lowercase()) =>
        {
            Some((name_len, Some(chars.clone()), safe))
        }
        _ => None,
    }
}

/// The HTML escape at `at` (a `&`), following `&amp;` into what it escaped.
fn html_escape(text: &str, at: usize) -> Option<Escape> {
    let (len, value, mut safe) = reference(&text[at + 1..], true)?;
    let mut end = at + 1 + len;
    let mut value = value;
    let mut doubled = false;
    // `&amp;quot;`: the `&` of a reference was itself escaped.
    while value.as_deref() == Some("&") && text[..end].ends_with(';') {
        let Some((len, v, s)) = reference(&text[end..], false) else {
            break;
        };
        end += len;
        value = v;
        safe = s;
        doubled = true;
    }
    let numeric = text[at + 1..].starts_with('#');
    Some(Escape {
        range: at..end,
        value,
        doubled,
        safe,
        what: if numeric {
            "HTML numeric character reference"
        } else {
            "HTML entity"
        },
    })
}

/// Four (or eight) hex digits at the start of `s`.
fn hex_at(s: &str, n: usize) -> Option<u32> {
    let digits = s.get(..n)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// The backslash escape at `at` (the first of one or more backslashes).
fn backslash_escape(text: &str, at: usize) -> Option<Escape> {
    let slashes = text[at..].bytes().take_while(|&b| b == b'\\').count();
    let after = at + slashes;
    let rest = &text[after..];
    let doubled = slashes > 1;
    match rest.as_bytes().first()? {
        b'u' => {
            let unit = hex_at(&rest[1..], 4)?;
            let mut end = after + 5;
            let value = match unit {
                0xD800..=0xDBFF => {
                    // A UTF-16 pair: `\uD83D\uDE00`, with as many backslashes.
                    let tail = &text[end..];
                    let low = tail
                        .strip_prefix(&text[at..after])
                        .and_then(|t| t.strip_prefix('u'))
                        .and_then(|t| hex_at(t, 4))
                        .filter(|u| (0xDC00..=0xDFFF).contains(u));
                    match low {
                        Some(low) => {
                            end += slashes + 5;
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        }
                        None => None,
                    }
                }
                _ => char::from_u32(unit),
            };
            // `\uaddress`, `\ufeed…`: hex letters that go on as a word.
            if text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
                && unit_is_letters(&text[after + 1..after + 5])
            {
                return None;
            }
            let safe = value.is_some_and(|c| !c.is_control() && c != '\0');
            Some(Escape {
                range: at..end,
                value: value.map(String::from),
                doubled,
                safe,
                what: "`\\u` escape",
            })
        }
        b'U' => {
            let n = hex_at(&rest[1..], 8)?;
            let value = char::from_u32(n);
            Some(Escape {
                range: at..after + 9,
                value: value.map(String::from),
                doubled,
                safe: value.is_some_and(|c| !c.is_control()),
                what: "`\\U` escape",
            })
        }
        b'n' | b't' | b'r' => {
            // `\r\n` is one line break.
            let (len, value, what) = if rest.starts_with("r\\n") {
                (3, "\n", "literal `\\r\\n`")
            } else {
                match rest.as_bytes()[0] {
                    b'n' => (1, "\n", "literal `\\n`"),
                    b'r' => (1, "\n", "literal `\\r`"),
                    _ => (1, " ", "literal `\\t`"),
                }
            };
            let end = after + len;
            // `\newline`, `\textbf`, `\right`: a LaTeX command or a path
            // part, not an escaped line break.
            if text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
            {
                return None;
            }
            Some(Escape {
                range: at..end,
                value: Some(value.to_string()),
                doubled,
                safe: false,
                what,
            })
        }
        _ => None,
    }
}

/// Whether four hex digits are all letters (`adde`, `face`): such a `\u`
/// followed by more letters is a word after a backslash, not an escape.
fn unit_is_letters(hex: &str) -> bool {
    hex.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Byte ranges where escapes are meant: URLs and e-mail addresses,
/// Markdown code spans and fenced code blocks, lines that call a print
/// function, and the whitespace-separated chunk of a Windows path.
fn is_code_line(line: &str) -> bool {
    const CALLS: [&str; 9] = [
        "printf",
        "print(",
        "println",
        "echo ",
        "console.",
        "System.out",
        "puts ",
        "std::",
        "json.",
    ];
    CALLS.iter().any(|c| line.contains(c))
}

/// Whether the chunk of `text` around `at` (between whitespace) is a
/// Windows path: `C:\…` or `\\server\…`.
fn in_windows_path(text: &str, at: usize) -> bool {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let chunk = &text[start..];
    let chunk = chunk.trim_start_matches(['"', '\'', '(', '[', '«', '“']);
    let b = chunk.as_bytes();
    (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\')
        || (chunk.starts_with("\\\\")
            && chunk[2..].starts_with(|c: char| c.is_ascii_alphanumeric())
            && at > start)
        || text[start..at].contains(":\\")
}

/// The ranges where no escape is reported.
fn quiet_ranges(doc: &Document) -> Vec<Range<usize>> {
    let text = doc.text;
    let mut quiet: Vec<Range<usize>> = doc
        .tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Url | TokenKind::Email))
        .map(|t| t.range.clone())
        .collect();
    let mut fence: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            match fence.take() {
                Some(open) => quiet.push(open..offset),
                None => fence = Some(start),
            }
            continue;
        }
        if fence.is_some() {
            continue;
        }
        if is_code_line(line) {
            quiet.push(start..offset);
            continue;
        }
        // Code spans: between pairs of backticks on the line.
        let ticks: Vec<usize> = line.match_indices('`').map(|(i, _)| start + i).collect();
        for pair in ticks.chunks_exact(2) {
            quiet.push(pair[0]..pair[1] + 1);
        }
    }
    if let Some(open) = fence {
        quiet.push(open..text.len());
    }
    quiet.sort_by_key(|r| r.start);
    quiet
}

impl Rule for EscapedText {
    fn meta(&self) -> &'static RuleMeta {
        &ESCAPED_TEXT
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        let bytes = text.as_bytes();
        if !bytes.iter().any(|&b| b == b'&' || b == b'\\') {
            return;
        }
        let quiet = quiet_ranges(doc);
        let is_quiet = |at: usize| quiet.iter().any(|r| r.contains(&at));
        let mut i = 0;
        while i < bytes.len() {
            let found = match bytes[i] {
                b'&' => html_escape(text, i),
                b'\\' if !in_windows_path(text, i) => backslash_escape(text, i),
                _ => None,
            };
            let Some(e) = found.filter(|e| !is_quiet(e.range.start)) else {
                // Past a run of backslashes at once, so that `\\n` is one
                // (doubled) escape, not a second one at its last backslash.
                i += if bytes[i] == b'\\' {
                    bytes[i..].iter().take_while(|&&b| b == b'\\').count()
                } else {
                    1
                };
                continue;
            };
            let shown = &text[e.range.clone()];
            let message = match (&e.value, e.doubled) {
                (Some(v), true) => format!(
                    "{} escaped twice: `{shown}` stands for {}",
                    e.what,
                    describe(v)
                ),
                (Some(v), false) => format!(
                    "{} left in the text: `{shown}` stands for {}",
                    e.what,
                    describe(v)
                ),
                (None, _) => format!(
                    "{} left in the text: `{shown}` stands for no character",
                    e.what
                ),
            };
            let mut d = Diagnostic::new(e.range.clone(), message).confidence(0.9);
            if let Some(v) = e.value {
                let how = if e.safe {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                };
                d = d.fix(e.range.clone(), v, how);
            }
            out.push(d);
            i = e.range.end;
        }
    }
}

/// `"` or `U+00A0` for what an escape stands for.
fn describe(v: &str) -> String {
    let visible = v.chars().all(|c| {
        !c.is_whitespace()
            && !c.is_control()
            && !matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
    });
    if visible {
        format!("`{v}`")
    } else {
        v.chars()
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged_in};

    #[test]
    fn the_table_has_every_html5_name() {
        let t = entities();
        assert_eq!(t.len(), 2125);
        assert_eq!(t["amp"], ("&".to_string(), true));
        assert_eq!(t["nbsp"].0, "\u{A0}");
        assert_eq!(t["rlm"], ("\u{200F}".to_string(), false));
        assert_eq!(t["NotEqualTilde"].0.chars().count(), 2);
    }

    #[test]
    fn arabic_entities_and_escapes_are_flagged_and_fixed() {
        let text = "قال الوزير &quot;لن نتراجع&quot; و&#1575;&#x644; \\u0627\\u0644\\u0642\\u062f\\u0633.\n";
        let f = flagged_in(&EscapedText, text, Some("ar"));
        assert_eq!(
            f,
            [
                "&quot;", "&quot;", "&#1575;", "&#x644;", "\\u0627", "\\u0644", "\\u0642",
                "\\u062f", "\\u0633"
            ]
        );
        assert_eq!(
            fixed(&EscapedText, text, Some("ar")),
            "قال الوزير \"لن نتراجع\" وال القدس.\n"
        );
    }

    #[test]
    fn english_doubled_escapes_and_literal_line_breaks() {
        let text = "Tom &amp;amp; Jerry said &amp;quot;hi&amp;quot;.\\nThe end.\\\\nNext\n";
        let d = diagnostics(&EscapedText, text, Some("en"));
        let shown: Vec<_> = d.iter().map(|d| &text[d.range.clone()]).collect();
        assert_eq!(
            shown,
            ["&amp;amp;", "&amp;quot;", "&amp;quot;", "\\n", "\\\\n"]
        );
        assert!(d[0].message.contains("escaped twice"), "{}", d[0].message);
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "&");
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        let nl = d[3].fix.as_ref().unwrap();
        assert_eq!(
            (nl.replacement.as_str(), nl.applicability),
            ("\n", Applicability::Unsafe)
        );
        assert_eq!(d[4].fix.as_ref().unwrap().replacement, "\n");
    }

    #[test]
    fn french_and_russian_entities() {
        let fr = "Le pr&eacute;sident a d&eacute;clar&eacute;&nbsp;: &laquo; non &raquo;.\n";
        assert_eq!(
            fixed(&EscapedText, fr, Some("fr")),
            "Le président a déclaré\u{A0}: « non ».\n"
        );
        let ru = "Президент заявил: &#171;нет&#187;\\tи уехал. &#150; Конец\n";
        let d = diagnostics(&EscapedText, ru, Some("ru"));
        assert_eq!(d.len(), 4);
        assert_eq!(
            fixed(&EscapedText, ru, Some("ru")),
            "Президент заявил: «нет» и уехал. – Конец\n"
        );
        // `&#150;` goes through Windows-1252, which is not certain: unsafe.
        assert_eq!(
            d[3].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        // Legacy names without their semicolon, before a space.
        assert_eq!(
            flagged_in(&EscapedText, "Tom&nbsp and&amp Jerry", Some("en")),
            ["&nbsp", "&amp"]
        );
    }

    #[test]
    fn utf16_pairs_and_bad_references() {
        let text = "smile \\uD83D\\uDE00 and &#0; and &#xD800; and \\U0001F600\n";
        let d = diagnostics(&EscapedText, text, Some("en"));
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "😀");
        assert_eq!(&text[d[0].range.clone()], "\\uD83D\\uDE00");
        assert!(d[1].fix.is_none() && d[1].message.contains("no character"));
        assert!(d[2].fix.is_none());
        assert_eq!(d[3].fix.as_ref().unwrap().replacement, "😀");
    }

    #[test]
    fn quiet_on_what_is_not_an_escape() {
        for (lang, text) in [
            (
                "en",
                "AT&T and R&D, Q&A & more; Tom & Jerry; B&ampere &nbspx",
            ),
            (
                "en",
                "See https://example.com/search?q=1&lang=ar&copy=2 and mail a&b@x.org",
            ),
            (
                "en",
                "Saved in C:\\new\\table\\u0627 and \\\\server\\share\\new",
            ),
            (
                "en",
                "LaTeX: \\newline \\textbf{x} \\noindent \\\\ \\right \\ufeeder",
            ),
            (
                "en",
                "Use `printf(\"a\\n\")` in C, or:\n```\nputs \"\\n\"\ns = \"\\u0627\"\n```\n",
            ),
            ("en", "    printf(\"%d\\n\", x);"),
            ("ar", "قال الوزير: \"لن نتراجع\" & أضاف أن الحكومة؛ ستواصل."),
            (
                "fr",
                "Le «\u{A0}président\u{A0}» a dit : l’affaire & la suite ; fin.",
            ),
            ("ru", "Президент & правительство; «нет» — конец \\ начало."),
            ("en", "&unknownname; &; &#; &#x; &#12345678901; &AMP &Amp;"),
        ] {
            assert_eq!(
                flagged_in(&EscapedText, text, Some(lang)),
                Vec::<String>::new(),
                "{text}"
            );
        }
    }

    #[test]
    fn never_panics_on_edges() {
        for text in [
            "&",
            "&#",
            "&#x",
            "\\",
            "\\u",
            "\\uD83D",
            "\\uD83D\\u",
            "&amp;",
            "&amp;amp;",
            "\\\\\\",
            "ж\\uЖЖЖЖ",
            "&ж;",
        ] {
            let _ = diagnostics(&EscapedText, text, None);
        }
    }
}
