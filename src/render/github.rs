//! GitHub Actions workflow commands: one annotation a finding, shown on the
//! pull request's diff and in the run's summary.
//!
//! ```text
//! ::warning file=news/ar.txt,line=2,col=10,endLine=2,endColumn=12,title=mtlint space-before-punctuation::space before a comma: " ،" → "،"
//! ```
//!
//! Errors are `::error`, warnings `::warning`, info `::notice`. GitHub
//! reads workflow commands and hides them from the log, so the `github`
//! format writes each file's annotations followed by the same file in the
//! `full` format: the log still holds the whole report for people.

use std::fmt::Write;

use super::quote;
use crate::report::finding::Severity;
use crate::report::{FileReport, Notice, NoticeLevel};

/// The workflow command for a severity.
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message as GitHub's runner expects: `%`, CR, LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as [`escape_data`], plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The annotations of one file, a line each.
pub fn annotations(file: &FileReport) -> String {
    let mut out = String::new();
    let path = escape_property(&file.path);
    for f in &file.findings {
        // Quoted text has its invisible characters and line breaks escaped.
        let mut message = format!("{}: {}", f.message, quote(&f.text, false));
        if let Some((_, after)) = super::before_after(&file.source, f) {
            let _ = write!(message, " → {}", quote(&after, false));
        }
        if let Some(place) = super::read_as(file, f) {
            let _ = write!(message, " ({place})");
        }
        let _ = writeln!(
            out,
            "::{} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            escape_property(&format!("mtlint {}", f.rule)),
            escape_data(&message),
        );
    }
    out
}

/// The annotation of a notice (an input not read, skipped or read in
/// another encoding), on its file when it has one.
pub fn notice(n: &Notice) -> String {
    let command = match n.level {
        NoticeLevel::Error => "error",
        NoticeLevel::Warning => "warning",
        NoticeLevel::Note => "notice",
    };
    let file = if n.path.is_empty() {
        String::new()
    } else {
        format!("file={},", escape_property(&n.path))
    };
    format!(
        "::{command} {file}title=mtlint::{}\n",
        escape_data(&n.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn one_annotation_a_finding_in_every_language() {
        let scanner = Scanner::default();
        let ar = scanner.scan_file("news/a,r.txt", "قال بوتين ، اليوم.\n");
        let out = annotations(&ar);
        assert!(
            out.starts_with(
                "::warning file=news/a%2Cr.txt,line=1,col=10,endLine=1,endColumn=12,\
                 title=mtlint space-before-punctuation::"
            ),
            "{out}"
        );
        assert_eq!(out.lines().count(), ar.findings.len());
        let en = scanner.scan_file("en.txt", "Hello , world.\n");
        assert!(annotations(&en).starts_with("::warning file=en.txt,line=1,col=6,"));
        for (p, t) in [
            ("fr.txt", "Bonjour le monde.\n"),
            ("ru.txt", "Привет, мир.\n"),
        ] {
            assert_eq!(annotations(&scanner.scan_file(p, t)), "", "{p}");
        }
        let err = scanner.scan_file("x.txt", "a\u{FFFD}b\n");
        assert!(
            annotations(&err).starts_with("::error "),
            "{}",
            annotations(&err)
        );
    }
}
