//! JSON written file by file: JSON Lines (one compact object a file, the
//! same object as inside `files` of the JSON format), and the pieces of the
//! JSON format itself, so that it can be streamed with exactly the bytes of
//! [`Report::to_json`](crate::report::Report::to_json).

use serde::Serialize;

use crate::report::{FileReport, Notice, Summary, FORMAT_VERSION};

/// One file as one line of JSON Lines, ending with a newline.
pub fn line(file: &FileReport) -> String {
    let mut s = serde_json::to_string(file).expect("a file report always serializes");
    s.push('\n');
    s
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
    let s = serde_json::to_string_pretty(value).expect("a report always serializes");
    let pad = " ".repeat(indent);
    s.replace('\n', &format!("\n{pad}"))
}

/// The JSON format up to the first file.
pub fn json_head() -> String {
    format!("{{\n  \"version\": {FORMAT_VERSION},\n  \"files\": [")
}

/// One file of the JSON format; `first` for the first one (no comma).
pub fn json_file(file: &FileReport, first: bool) -> String {
    let sep = if first { "\n    " } else { ",\n    " };
    format!("{sep}{}", pretty_nested(file, 4))
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
    fn a_line_is_the_files_object() {
        let f = Scanner::default().scan_file("x.txt", "a\u{FFFD}b\n");
        let l = line(&f);
        assert!(l.ends_with('\n') && !l.trim_end().contains('\n'));
        let back: FileReport = serde_json::from_str(&l).unwrap();
        assert_eq!(back.findings, f.findings);
        assert_eq!(back.path, "x.txt");
    }
}
