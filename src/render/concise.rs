//! The concise rendering: one line a finding, for editors' problem matchers,
//! grep and CI logs.
//!
//! ```text
//! news/ar.txt:2:10: warning[space-before-punctuation] space before a comma: " ،" → "،"
//! ```
//!
//! When the fix replaces other bytes than the finding covers, the line says
//! which: `…: "text"; fix: "old" → "new"`. Quoted text is escaped as in
//! [`quote`].

use std::fmt::Write;

use annotate_snippets::renderer::{AnsiColor, Effects, Style};

use super::{escape_invisible, isolate_message, quote, Options};
use crate::report::finding::Severity;
use crate::report::{FileReport, Report, Summary};

/// Renders every finding of `report` on its own line, in file order, then
/// the summary line.
pub fn render(report: &Report, opts: &Options) -> String {
    let mut out = String::new();
    for file in &report.files {
        out.push_str(&render_file(file, opts));
    }
    if !opts.quiet {
        out.push_str(&render_summary(&report.summary, opts));
    }
    out
}

/// The summary line, in bold when colours are on, and what the fixes
/// would do: as in [`super::full::render_summary`].
pub fn render_summary(summary: &Summary, opts: &Options) -> String {
    super::full::render_summary(summary, opts)
}

/// The lines of one file's findings.
pub fn render_file(file: &FileReport, opts: &Options) -> String {
    let mut out = String::new();
    let style = |s: Style| if opts.color { s } else { Style::new() };
    let bold = style(Style::new().effects(Effects::BOLD));
    let path = escape_invisible(&file.path);
    for f in &file.findings {
        let sev = style(
            match f.severity {
                Severity::Error => AnsiColor::BrightRed,
                Severity::Warning => AnsiColor::Yellow,
                Severity::Info => AnsiColor::BrightBlue,
            }
            .on_default()
            .effects(Effects::BOLD),
        );
        let mark = super::fix_mark(f).map_or(String::new(), |m| format!(" {m}"));
        let _ = write!(
            out,
            "{bold}{path}:{}:{}:{bold:#} {sev}{}[{}]{sev:#}{mark} {}: {}",
            f.line,
            f.column,
            f.severity,
            f.rule,
            isolate_message(&f.message, opts.isolate_rtl),
            quote(&f.text, opts.isolate_rtl)
        );
        if let Some((before, after)) = super::before_after(&file.source, f) {
            let new = quote(&after, opts.isolate_rtl);
            if before == f.text {
                let _ = write!(out, " → {new}");
            } else {
                let _ = write!(out, "; fix: {} → {new}", quote(&before, opts.isolate_rtl));
            }
        }
        if let Some(place) = super::read_as(file, f) {
            let _ = write!(out, " ({place})");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::{Applicability, Finding, Fix};

    fn finding(text: &str, start: usize, column: usize, fix: Option<Fix>) -> Finding {
        Finding {
            rule: "space-before-punctuation".into(),
            severity: Severity::Warning,
            message: "space before punctuation".into(),
            text: text.into(),
            start,
            end: start + text.len(),
            line: 1,
            column,
            end_line: 1,
            end_column: column + text.chars().count(),
            sentence: Some(0),
            confidence: 0.9,
            fix,
            unit: None,
        }
    }

    fn file(path: &str, source: &str, findings: Vec<Finding>) -> FileReport {
        FileReport {
            format: "text".into(),
            path: path.into(),
            language: None,
            score: 90.0,
            sentences: vec![],
            findings,
            fixes: None,
            encoding: None,
            source: source.into(),
        }
    }

    #[test]
    fn one_line_a_finding_in_file_order() {
        let ar = "قال بوتين ، اليوم.";
        let s = ar.find(" ،").unwrap();
        let fix = Fix {
            start: s,
            end: s + " ،".len(),
            replacement: "،".into(),
            applicability: Applicability::Safe,
        };
        let en = "Hello , world\u{200B}.";
        let e = en.find(" ,").unwrap();
        // A fix over a wider range than the finding.
        let wide = Fix {
            start: e,
            end: e + 2,
            replacement: ",".into(),
            applicability: Applicability::Safe,
        };
        let r = Report::new(vec![
            file("b/en.txt", en, vec![finding(",", e + 1, 7, Some(wide))]),
            file("a/ar.txt", ar, vec![finding(" ،", s, 10, Some(fix))]),
            file("c/clean.txt", "Fine.", vec![]),
        ]);
        let out = render(&r, &Options::default());
        assert_eq!(
            out,
            "a/ar.txt:1:10: warning[space-before-punctuation] [*] space before punctuation: \"\u{2068} ،\u{2069}\" → \"\u{2068}،\u{2069}\"\n\
             b/en.txt:1:7: warning[space-before-punctuation] [*] space before punctuation: \",\"; fix: \" ,\" → \",\"\n\
             Found 2 findings (0 errors, 2 warnings, 0 info) in 3 files.\n\
             [*] 2 fixable with --fix.\n"
        );
        // An unsafe fix is marked `[~]`, and counted apart.
        let mut unsafe_fix = r.files[0].clone();
        if let Some(fix) = &mut unsafe_fix.findings[0].fix {
            fix.applicability = Applicability::Unsafe;
        }
        let out = render(
            &Report::new(vec![unsafe_fix, r.files[1].clone()]),
            &Options::default(),
        );
        assert!(
            out.contains("warning[space-before-punctuation] [~] space"),
            "{out}"
        );
        assert!(
            out.ends_with("[*] 1 fixable with --fix; [~] 1 more with --fix --unsafe-fixes.\n"),
            "{out}"
        );
    }

    #[test]
    fn escapes_invisible_text_and_omits_missing_fix() {
        let src = "a\u{200F}b";
        let r = Report::new(vec![file(
            "x.txt",
            src,
            vec![finding("\u{200F}", 1, 2, None)],
        )]);
        let out = render(&r, &Options::default());
        assert!(out.starts_with("x.txt:1:2: warning[space-before-punctuation] space before punctuation: \"<U+200F>\"\n"), "{out}");
        assert!(!out.contains('→') && !out.contains('\u{200F}'));
        let colored = render(
            &r,
            &Options {
                color: true,
                ..Options::default()
            },
        );
        assert!(colored.contains('\u{1b}'));
    }
}
