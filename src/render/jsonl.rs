//! JSON written file by file: JSON Lines (one compact object a file, the
//! same object as inside `files` of the JSON format), and the pieces of the
//! JSON format itself, so that it can be streamed with exactly the bytes of
//! [`Report::to_json`](crate::report::Report::to_json).

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{FileReport, Notice, Summary, FORMAT_VERSION};

/// The buffer between serde_json's many small writes and the output.
const BUFFER: usize = 64 * 1024;

/// One file as one line of JSON Lines, ending with a newline.
pub fn line(file: &FileReport) -> String {
    let mut v = Vec::new();
    write_line(&mut v, file).expect("writing to memory never fails");
    String::from_utf8(v).expect("JSON is UTF-8")
}

/// Writes [`line()`] to `out` as it serializes, never holding the whole line:
/// the line of a large file is three times its size (62 MB for 20 MB of
/// Arabic news).
pub fn write_line<W: Write>(out: &mut W, file: &FileReport) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(BUFFER, out);
    serde_json::to_writer(&mut w, file)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// One notice as one line of JSON Lines, ending with a newline: an object
/// with `path`, `level`, `kind` and `message`, which no file's object has.
pub fn notice_line(notice: &Notice) -> String {
    let mut s = serde_json::to_string(notice).expect("a notice always serializes");
    s.push('\n');
    s
}

/// `value` pretty-printed as serde_json does, every line after the first
/// indented by `indent` spaces, as it reads nested that deep. JSON strings
/// never hold a raw line break, so indenting lines cannot touch a value.
pub fn pretty_nested<T: Serialize>(value: &T, indent: usize) -> String {
    let mut v = Vec::new();
    write_pretty_nested(&mut v, value, indent).expect("writing to memory never fails");
    String::from_utf8(v).expect("JSON is UTF-8")
}

/// Writes [`pretty_nested`] to `out` as it serializes.
fn write_pretty_nested<W: Write, T: Serialize>(
    out: &mut W,
    value: &T,
    indent: usize,
) -> io::Result<()> {
    let mut w = Indented {
        out: io::BufWriter::with_capacity(BUFFER, out),
        pad: " ".repeat(indent),
    };
    serde_json::to_writer_pretty(&mut w, value)?;
    w.out.flush()
}

/// A writer that indents every line after the first by `pad`.
struct Indented<W: Write> {
    out: W,
    pad: String,
}

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.out.write_all(first)?;
        }
        for line in lines {
            self.out.write_all(b"\n")?;
            self.out.write_all(self.pad.as_bytes())?;
            self.out.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The JSON format up to the first file.
pub fn json_head() -> String {
    format!("{{\n  \"version\": {FORMAT_VERSION},\n  \"files\": [")
}

/// One file of the JSON format; `first` for the first one (no comma).
pub fn json_file(file: &FileReport, first: bool) -> String {
    let mut v = Vec::new();
    write_json_file(&mut v, file, first).expect("writing to memory never fails");
    String::from_utf8(v).expect("JSON is UTF-8")
}

/// Writes [`json_file`] to `out` as it serializes.
pub fn write_json_file<W: Write>(out: &mut W, file: &FileReport, first: bool) -> io::Result<()> {
    let sep = if first { "\n    " } else { ",\n    " };
    out.write_all(sep.as_bytes())?;
    write_pretty_nested(out, file, 4)
}

/// The JSON format after the last file: the end of `files`, the notices,
/// the summary.
pub fn json_tail(summary: &Summary, notices: &[Notice], files_written: usize) -> String {
    let close = if files_written == 0 { "]" } else { "\n  ]" };
    format!(
        "{close},\n  \"notices\": {},\n  \"summary\": {}\n}}\n",
        pretty_nested(&notices, 2),
        pretty_nested(summary, 2)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Report, Scanner};

    #[test]
    fn streamed_json_is_byte_identical_to_the_report() {
        let scanner = Scanner::default();
        let texts = [
            ("a.txt", "قال بوتين ، اليوم.الروس غادروا!!\n"),
            ("b.txt", "Hello , world \"quoted\\path\".\n"),
            ("c.txt", "Привет мир.\n"),
        ];
        for n in 0..=texts.len() {
            let files: Vec<_> = texts[..n]
                .iter()
                .map(|(p, t)| scanner.scan_file(p, t))
                .collect();
            let mut summary = Summary::default();
            let mut s = json_head();
            for (i, f) in files.iter().enumerate() {
                summary.add(f);
                s.push_str(&json_file(f, i == 0));
            }
            s.push_str(&json_tail(&summary, &[], files.len()));
            assert_eq!(s, Report::new(files).to_json(), "{n} files");
        }
    }

    #[test]
    fn written_json_is_what_serde_gives_in_memory() {
        // Written as it serializes, the JSON must keep the bytes of
        // rendering it whole.
        let f = Scanner::default().scan_file("a.txt", "قال بوتين ، اليوم.\nHello , world.\n");
        assert_eq!(line(&f), serde_json::to_string(&f).unwrap() + "\n");
        let pretty = serde_json::to_string_pretty(&f)
            .unwrap()
            .replace('\n', "\n    ");
        assert_eq!(json_file(&f, true), format!("\n    {pretty}"));
        assert_eq!(json_file(&f, false), format!(",\n    {pretty}"));
        let mut out = Vec::new();
        write_line(&mut out, &f).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), line(&f));
    }

    #[test]
    fn a_line_is_the_files_object() {
        let f = Scanner::default().scan_file("x.txt", "a\u{FFFD}b\n");
        let l = line(&f);
        assert!(l.ends_with('\n') && !l.trim_end().contains('\n'));
        let back: FileReport = serde_json::from_str(&l).unwrap();
        assert_eq!(back.findings, f.findings);
        assert_eq!(back.path, "x.txt");
    }
}
