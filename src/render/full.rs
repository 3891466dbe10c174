//! The full rendering, for people: each finding as rustc shows an error.
//!
//! ```text
//! error[replacement-character]: the text holds U+FFFD, a character lost in decoding
//!  --> news/ar.txt:3:14
//!   |
//! 3 | قال المتحدث � إن
//!   |             ^
//!   |
//!   = text: "�"
//!   = fix: none   (or `= fix (safe): "before" → "after"`)
//! ```
//!
//! The two `=` lines never depend on the caret: terminals draw right-to-left
//! lines in ways no caret row can follow, so the location and the quoted
//! text (invisible characters escaped) always say what is flagged.

use std::fmt::Write;

use annotate_snippets::renderer::{AnsiColor, Effects, Style};
use annotate_snippets::{Level, Renderer, Snippet};

use super::{escape_invisible, isolate_message, quote, summary_text, Options};
use crate::report::finding::{Applicability, Finding, Severity};
use crate::report::{FileReport, Report, Summary};
use crate::text::lines::LineIndex;

/// The narrowest window of a source line, in characters, however narrow
/// the terminal says it is.
const WINDOW_MIN: usize = 20;
/// A terminal width annotate-snippets never reaches.
const NO_CUT: usize = 1 << 20;

/// Renders every finding of `report` in file order, then the summary line.
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

/// The summary line, in bold when colours are on.
pub fn render_summary(summary: &Summary, opts: &Options) -> String {
    let text = summary_text(summary);
    let mut out = if opts.color {
        let bold = Style::new().effects(Effects::BOLD);
        format!("{bold}{text}{bold:#}\n")
    } else {
        format!("{text}\n")
    };
    if let Some(fixable) = super::fixable_text(summary) {
        out.push_str(&fixable);
        out.push('\n');
    }
    out
}

/// Every finding of one file, each followed by a blank line.
pub fn render_file(file: &FileReport, opts: &Options) -> String {
    let mut out = String::new();
    if file.findings.is_empty() {
        return out;
    }
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    // We cut long lines ourselves (`source_window`): annotate-snippets 0.11
    // measures lines in bytes, so it would cut Arabic lines of half the width.
    .term_width(NO_CUT);
    let lines = LineIndex::new(&file.source);
    for f in &file.findings {
        render_finding(&mut out, &renderer, file, &lines, f, opts);
    }
    out
}

/// One finding: title, location, source line with its annotation, the quoted
/// text and the fix, then a blank line.
fn render_finding(
    out: &mut String,
    renderer: &Renderer,
    file: &FileReport,
    lines: &LineIndex,
    f: &Finding,
    opts: &Options,
) {
    let level = match f.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    };
    let title = isolate_message(&f.message, opts.isolate_rtl);
    let gutter = f.line.to_string().len();
    let blue = if opts.color {
        AnsiColor::BrightBlue.on_default().effects(Effects::BOLD)
    } else {
        Style::new()
    };
    let mut location = format!(
        "{:gutter$}{blue}-->{blue:#} {}:{}:{}",
        "",
        escape_invisible(&file.path),
        f.line,
        f.column
    );
    if let Some(place) = super::read_as(file, f) {
        location.push_str(&format!(" ({place})"));
    }

    // The source line fits the width with its gutter (`12 | `).
    let fit = opts.width.saturating_sub(gutter + 3).max(WINDOW_MIN);
    let window = source_window(file, lines, f, fit);
    let label = (f.end_line > f.line).then(|| format!("continues to line {}", f.end_line));
    let message = match &window {
        Some(w) => {
            let mut ann = level.span(w.span.clone());
            if let Some(l) = &label {
                ann = ann.label(l);
            }
            level
                .title(&title)
                .id(&f.rule)
                .snippet(Snippet::source(&w.text).line_start(f.line).annotation(ann))
        }
        None => level.title(&title).id(&f.rule),
    };
    let mut rendered = renderer.render(message).to_string();
    if let (Some(w), true) = (&window, opts.color) {
        rendered = highlight(&rendered, w, f.severity);
    }
    // annotate-snippets would compute the column from the escaped window;
    // the location line is ours, with the finding's real column.
    let mut parts = rendered.splitn(2, '\n');
    let _ = writeln!(out, "{}", parts.next().unwrap_or_default());
    let _ = writeln!(out, "{location}");
    match parts.next() {
        Some(rest) => {
            let _ = writeln!(out, "{}", rest.trim_end_matches('\n'));
        }
        None => {
            let _ = writeln!(out, "{:gutter$} {blue}|{blue:#}", "");
        }
    }

    let pad = " ".repeat(gutter + 1);
    let eq = format!("{blue}={blue:#}");
    let _ = writeln!(out, "{pad}{eq} text: {}", quote(&f.text, opts.isolate_rtl));
    match &f.fix {
        Some(fix) => {
            let kind = match fix.applicability {
                Applicability::Safe => "safe",
                Applicability::Unsafe => "unsafe",
            };
            // Before → after over the span the finding and its fix cover
            // together, so an insertion or deletion reads unambiguously.
            match super::before_after(&file.source, f) {
                Some((before, after)) => {
                    let _ = write!(
                        out,
                        "{pad}{eq} fix ({kind}): {} → {}",
                        quote(&before, opts.isolate_rtl),
                        quote(&after, opts.isolate_rtl)
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "{pad}{eq} fix ({kind}): {}",
                        quote(&fix.replacement, opts.isolate_rtl)
                    );
                }
            }
            out.push('\n');
        }
        None => {
            let _ = writeln!(out, "{pad}{eq} fix: none");
        }
    }
    out.push('\n');
}

/// The source line to show and the span in it.
struct Window {
    /// The line (or a window of it), invisible characters escaped.
    text: String,
    /// Byte range of the flagged part in `text`.
    span: std::ops::Range<usize>,
}

/// The flagged span of the source line in the colour of its severity,
/// bold and underlined: on a terminal that reorders right-to-left text, or
/// one that does not, the caret row may point elsewhere, the colour cannot.
fn highlight(rendered: &str, w: &Window, severity: Severity) -> String {
    let colour = match severity {
        Severity::Error => AnsiColor::BrightRed,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::BrightBlue,
    };
    let style = colour
        .on_default()
        .effects(Effects::BOLD | Effects::UNDERLINE);
    let (start, end) = (w.span.start, w.span.end);
    if start == end {
        return rendered.to_string();
    }
    let lit = format!(
        "{}{style}{}{style:#}{}",
        &w.text[..start],
        &w.text[start..end],
        &w.text[end..]
    );
    // The source line comes after the title line, which may quote the same text.
    match rendered.split_once('\n') {
        Some((title, rest)) => format!("{title}\n{}", rest.replacen(&w.text, &lit, 1)),
        None => rendered.to_string(),
    }
}

/// The line of `f.start`, cut to `fit` characters around the span when
/// longer (the two `…` included), with invisible characters escaped so that a caret under an
/// invisible character points at something. `None` when the report holds no
/// source (a report read back from JSON) or the finding does not fit it.
fn source_window(file: &FileReport, lines: &LineIndex, f: &Finding, fit: usize) -> Option<Window> {
    let src = file.source.as_str();
    if f.start > f.end || f.end > src.len() || !src.is_char_boundary(f.start) {
        return None;
    }
    let line = lines.line_of(f.start);
    let range = lines.line_range(line);
    if line + 1 != f.line || f.start > range.end {
        return None;
    }
    let text = &src[range.clone()];
    // Offsets relative to the line; a span running past the line stops at its end.
    let (s, e) = (f.start - range.start, f.end.min(range.end) - range.start);
    if !text.is_char_boundary(e) {
        return None;
    }
    let n = text.chars().count();
    let (mut from, mut to) = (0, text.len());
    if n > fit {
        let window = fit - 2;
        let s_char = text[..s].chars().count();
        let span_chars = text[s..e].chars().count();
        let before = if span_chars + 20 >= window {
            10
        } else {
            (window - span_chars) / 2
        };
        let mut first = s_char.saturating_sub(before);
        let last = (first + window).min(n);
        first = first.min(last.saturating_sub(window));
        from = byte_of_char(text, first);
        to = byte_of_char(text, last);
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let clip = |x: usize| x.clamp(from, to);
    out.push_str(&escape_invisible(&text[from..clip(s)]));
    let span_start = out.len();
    out.push_str(&escape_invisible(&text[clip(s)..clip(e)]));
    let span_end = out.len();
    out.push_str(&escape_invisible(&text[clip(e)..to]));
    if to < text.len() {
        out.push('…');
    }
    Some(Window {
        text: out,
        span: span_start..span_end,
    })
}

/// Byte offset of the `n`th character of `s` (its length past the end).
fn byte_of_char(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::Fix;

    /// A report of one file with findings over the first occurrence of each needle.
    fn report(path: &str, source: &str, needles: &[(&str, Severity, Option<Fix>)]) -> Report {
        let lines = LineIndex::new(source);
        let findings = needles
            .iter()
            .map(|(needle, severity, fix)| {
                let start = source.find(needle).unwrap();
                let end = start + needle.len();
                let (line, column) = lines.line_col(source, start);
                let (end_line, end_column) = lines.line_col(source, end);
                Finding {
                    rule: "test-rule".into(),
                    severity: *severity,
                    message: "something is off".into(),
                    text: needle.to_string(),
                    start,
                    end,
                    line,
                    column,
                    end_line,
                    end_column,
                    sentence: Some(0),
                    confidence: 1.0,
                    fix: fix.clone(),
                    unit: None,
                }
            })
            .collect();
        Report::new(vec![FileReport {
            format: "text".into(),
            path: path.into(),
            language: None,
            score: 100.0,
            sentences: vec![],
            findings,
            fixes: None,
            encoding: None,
            source: source.into(),
        }])
    }

    #[test]
    fn arabic_finding_has_location_caret_quote_and_fix() {
        let src = "سطر أول\nقال بوتين ، اليوم.\n";
        let start = src.find(" ،").unwrap();
        let fix = Fix {
            start,
            end: start + " ،".len(),
            replacement: "،".into(),
            applicability: Applicability::Safe,
        };
        let r = report("news/ar.txt", src, &[(" ،", Severity::Warning, Some(fix))]);
        let plain = Options {
            isolate_rtl: false,
            ..Options::default()
        };
        let out = render(&r, &plain);
        let want = "\
warning[test-rule]: something is off
 --> news/ar.txt:2:10
  |
2 | قال بوتين ، اليوم.
  |          --
  |
  = text: \" ،\"
  = fix (safe): \" ،\" → \"،\"

Found 1 finding (0 errors, 1 warning, 0 info) in 1 file.
[*] 1 fixable with --fix.
";
        assert_eq!(out, want);
        assert!(!out.contains('\u{1b}'), "no colour unless asked");
    }

    #[test]
    fn invisible_characters_are_escaped_everywhere() {
        let src = "Hello\u{200B}world and \u{202E}more";
        let r = report("a.txt", src, &[("\u{202E}", Severity::Error, None)]);
        let out = render(&r, &Options::default());
        assert!(out.contains("error[test-rule]"), "{out}");
        assert!(
            out.contains("1 | Hello<U+200B>world and <U+202E>more"),
            "{out}"
        );
        assert!(out.contains("^^^^^^^^"), "caret under the escape: {out}");
        assert!(out.contains("= text: \"<U+202E>\""), "{out}");
        assert!(out.contains("= fix: none"), "{out}");
        assert!(!out.contains('\u{202E}') && !out.contains('\u{200B}'));
    }

    #[test]
    fn long_lines_are_windowed_on_char_boundaries() {
        // No spaces: annotate-snippets counts the bytes of 2-byte letters.
        let src = format!("{}خطأ{}", "كلمة،".repeat(40), "،نص".repeat(40));
        let r = report("long.txt", &src, &[("خطأ", Severity::Info, None)]);
        let out = render(&r, &Options::default());
        let line = out.lines().find(|l| l.starts_with("1 |")).unwrap();
        assert!(line.starts_with("1 | …") && line.ends_with('…'), "{line}");
        assert!(line.chars().count() < 85, "{line}");
        assert!(line.contains("خطأ") && !line.contains("..."), "{line}");
        assert!(out.contains(" --> long.txt:1:201"), "{out}");
    }

    #[test]
    fn the_window_follows_the_width_and_colour_marks_the_span() {
        let src = format!("{} خطأ {}\n", "كلمة".repeat(30), "نص".repeat(30));
        let r = report("w.txt", &src, &[("خطأ", Severity::Error, None)]);
        let line = |width: usize, color: bool| {
            let out = render(
                &r,
                &Options {
                    width,
                    color,
                    ..Options::default()
                },
            );
            out.lines().find(|l| l.contains("1 |")).unwrap().to_string()
        };
        // 185 characters: whole in 200 columns, a window of 40 in 40.
        assert!(!line(200, false).contains('…'), "{}", line(200, false));
        let narrow = line(40, false);
        assert_eq!(narrow.chars().count(), 40, "{narrow}");
        assert!(narrow.contains(" خطأ "), "{narrow}");
        // In colour, the span itself is bold, underlined and red.
        let lit = line(80, true);
        assert!(
            lit.contains("\u{1b}[1m\u{1b}[4m\u{1b}[91mخطأ\u{1b}[0m"),
            "{lit:?}"
        );
    }

    #[test]
    fn english_finding_with_colour_and_isolates() {
        let src = "He said  hello.\n";
        let r = report("en.md", src, &[("  ", Severity::Info, None)]);
        let out = render(
            &r,
            &Options {
                color: true,
                ..Options::default()
            },
        );
        assert!(out.contains('\u{1b}'), "colour when asked");
        // Latin text is never wrapped in isolates.
        assert!(!out.contains('\u{2068}'));
        let src = "قال.\n";
        let r = report("ar.md", src, &[("قال.", Severity::Info, None)]);
        let out = render(
            &r,
            &Options {
                isolate_rtl: true,
                ..Options::default()
            },
        );
        assert!(out.contains("= text: \"\u{2068}قال.\u{2069}\""), "{out}");
    }

    #[test]
    fn no_findings_and_no_source() {
        let r = report("clean.txt", "Fine.", &[]);
        assert_eq!(render(&r, &Options::default()), "No findings in 1 file.\n");
        let quiet = Options {
            quiet: true,
            ..Options::default()
        };
        assert_eq!(render(&r, &quiet), "");
        // A report read back from JSON has no source: location and quote remain.
        let mut r = report(
            "x.txt",
            "a\u{FFFD}b",
            &[("\u{FFFD}", Severity::Error, None)],
        );
        r.files[0].source.clear();
        let out = render(&r, &Options::default());
        assert!(out.contains(" --> x.txt:1:2") && out.contains("= text: \"\u{FFFD}\""));
    }
}
