//! `invalid-encoding`: a file that is not UTF-8. It reads what the read
//! stage found in the file's bytes ([`Document::encoding`] and
//! [`Document::first_invalid`], filled by
//! [`crate::Scanner::scan_decoded`]): by the time there is a text, the bytes
//! are gone.

use crate::report::Severity;
use crate::rules::{Diagnostic, Harm, Rule, RuleMeta};
use crate::text::encoding::Encoding;
use crate::text::lines::floor_char_boundary;
use crate::text::Document;

/// `invalid-encoding`: the bytes of the file are not valid UTF-8 (or not
/// valid UTF-16 after a UTF-16 byte order mark).
pub struct InvalidEncoding;

static INVALID_ENCODING: RuleMeta = RuleMeta {
    id: "invalid-encoding",
    severity: Severity::Warning,
    harm: Harm::File,
    summary: "The file is not UTF-8: read in the code page it most likely uses",
    explanation: r#"## What it does
Reports a file whose bytes are not valid UTF-8, once, at the first bad byte:
its offset in the file, the bad bytes in hex, and the encoding mtlint read
the file in. The file is then scanned like any other.

- Legacy code pages (Windows-1256 Arabic, Windows-1251 Russian,
  Windows-1252 French, ISO-8859-6, KOI8-R, IBM866, Shift_JIS, GBK …) are
  guessed with `chardetng`, the detector of Firefox, and the guess is
  weighed against Windows-1256, -1251 and -1252 by how many decoded words a
  lexicon knows (short texts fool the detector).
- A UTF-8 file with a few damaged bytes (more valid multi-byte characters
  than bad sequences) stays UTF-8: each bad sequence becomes `�` (U+FFFD),
  which `replacement-character` reports too.
- A file with a UTF-16 byte order mark is read as UTF-16 without a finding,
  unless a code unit in it is malformed.
- A file with a NUL byte in its first 8 KiB is binary: it is skipped with a
  note, and gets no finding.

Lines and columns of every finding are those of the decoded text, which has
the file's line breaks. JSON byte offsets (`start`, `end`) are offsets in the
UTF-8 text that mtlint decoded, not in the file; the file's `encoding` field
names what it was read as.

## Why is this bad?
Publishing systems, editors and diff tools read UTF-8. A file in Windows-1256
shows as `ÞÇá` or `���` wherever it is not read with the right code page,
and a single stray byte in a UTF-8 file is a character already lost.

## Example
```text
article.txt:1:1: warning[invalid-encoding] the file is not UTF-8 (bytes 0xC7 at byte 0); read as windows-1256
```

## Fix safety
The repair is to save the file as UTF-8: transcoding the whole file, not an
edit of a span. mtlint's library gives the decoded text and
`mtlint::read::decode::encode` to write it back in its own encoding or as UTF-8;
transcoding is an unsafe change, since a wrong guess of the code page would
garble the whole file.

## Limits
- The guess is a guess: a short line (a few words) can be taken for
  another code page of the same bytes; measured on clean news, 99.8% of
  single Arabic sentences in Windows-1256, 99.9% of Russian in Windows-1251
  and 99.1% of French in Windows-1252 are read right, and every file of ten
  sentences (`cargo run --release -p mtlint-eval --bin encodings`).
- Only the first bad byte is reported, not every one.
- UTF-16 without a byte order mark is taken for binary (its NUL bytes);
  UTF-32 is not recognised.
- Text that is valid UTF-8 but was decoded wrongly before it was saved
  (mojibake such as `Ø§Ù„`) is not this rule's: see `mojibake`.
"#,
};

impl Rule for InvalidEncoding {
    fn meta(&self) -> &'static RuleMeta {
        &INVALID_ENCODING
    }

    fn speaks_for_bytes(&self) -> bool {
        true
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(bad) = &doc.first_invalid else {
            return;
        };
        // The bad byte is in the file, markup or not: the range is the file's.
        let text = doc.original;
        let start = floor_char_boundary(text, bad.text_offset);
        let end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        let hex: Vec<String> = bad.bytes.iter().map(|b| format!("0x{b:02X}")).collect();
        let hex = hex.join(" ");
        let at = bad.offset;
        let message = match doc.encoding {
            Encoding::Utf8 => format!(
                "invalid UTF-8 ({hex} at byte {at} of the file); \
                 read as UTF-8 with U+FFFD for each bad sequence"
            ),
            Encoding::Utf16Le | Encoding::Utf16Be => format!(
                "malformed {} ({hex} at byte {at} of the file); read with U+FFFD for it",
                doc.encoding
            ),
            Encoding::Legacy(_) => format!(
                "the file is not UTF-8 ({hex} at byte {at} of the file); read as {}",
                doc.encoding
            ),
        };
        out.push(Diagnostic::new(start..end, message).in_original());
    }
}
