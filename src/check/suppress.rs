//! Suppressions written in the text: HTML comments on lines of their own
//! that silence findings, read from plain text and from the comments of
//! Markdown, HTML and XLIFF outside code (an example inside a code block
//! silences nothing).
//!
//! ```text
//! <!-- mtlint: ignore joined-words -->       the next line, one rule
//! <!-- mtlint: ignore -->                    the next line, every rule
//! <!-- mtlint: disable repeated-word -->     from here …
//! <!-- mtlint: enable repeated-word -->      … to here (or to the end)
//! <!-- mtlint: ignore-file -->               the whole file
//! ```
//!
//! This runs after the rules, on their findings: a suppressed finding is
//! dropped before the score is computed, so it costs nothing. A suppression
//! that silences nothing is reported as `unused-suppression` (info).

use crate::report::finding::{Applicability, Diagnostic, Finding};
use crate::rules;
use crate::text::lines::LineIndex;

/// The file whose suppressions are read: its text with its lines, and where
/// its comments are.
#[derive(Debug, Clone, Copy)]
pub struct File<'t> {
    /// The whole file, markup included.
    pub text: &'t str,
    /// Its lines.
    pub lines: &'t LineIndex,
    /// The comments outside code, where a suppression may be written, or
    /// `None` when any line may hold one (plain text).
    pub comments: Option<&'t [std::ops::Range<usize>]>,
}

/// Whether suppression comments are read in a file of this (display) path:
/// Markdown, plain text, files without an extension and standard input.
pub fn reads_comments(path: &str) -> bool {
    if path == "-" {
        return true;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        // `.profile`-style names have no extension.
        None | Some(("", _)) => true,
        Some((_, ext)) => ["md", "markdown", "txt", "text"]
            .iter()
            .any(|e| e.eq_ignore_ascii_case(ext)),
    }
}

/// What a comment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ignore,
    Disable,
    Enable,
    IgnoreFile,
}

/// One `<!-- mtlint: … -->` comment.
#[derive(Debug)]
struct Directive {
    /// 0-based line of the comment.
    line: usize,
    /// Byte range of the comment, without the white space around it.
    range: std::ops::Range<usize>,
    /// `None` when the comment could not be read, with the reason.
    kind: Result<Kind, String>,
    /// The rules named; empty for every rule.
    rules: Vec<String>,
}

/// Lines `first..=last` where some rules (every rule when `rules` is empty)
/// are silenced by directive `directive`.
#[derive(Debug)]
struct Scope {
    directive: usize,
    first: usize,
    last: usize,
    rules: Vec<String>,
    /// Which of `rules` silenced something (one flag when `rules` is empty).
    used: Vec<bool>,
}

impl Scope {
    /// The index in `used` of the entry that covers `rule` on `line`.
    fn covers(&self, line: usize, rule: &str) -> Option<usize> {
        if line < self.first || line > self.last {
            return None;
        }
        if self.rules.is_empty() {
            return Some(0);
        }
        self.rules.iter().position(|r| r == rule)
    }
}

/// Reads the directive on one line, if the line is an mtlint comment.
fn parse_line(text: &str, line: usize, range: std::ops::Range<usize>) -> Option<Directive> {
    let raw = &text[range.clone()];
    let trimmed = raw.trim();
    let inner = trimmed.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let rest = inner.strip_prefix("mtlint:")?;
    let start = range.start + (raw.len() - raw.trim_start().len());
    let range = start..start + trimmed.len();
    let mut words = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty());
    let kind = match words.next() {
        Some("ignore") => Ok(Kind::Ignore),
        Some("disable") => Ok(Kind::Disable),
        Some("enable") => Ok(Kind::Enable),
        Some("ignore-file") => Ok(Kind::IgnoreFile),
        Some(other) => {
            let mut m = format!("unknown suppression `{other}`");
            if let Some(n) = crate::rules::suggest::nearest(
                other,
                ["ignore", "disable", "enable", "ignore-file"],
            ) {
                m.push_str(&format!("; did you mean `{n}`?"));
            }
            Err(m)
        }
        None => Err("empty suppression: expected ignore, disable, enable or ignore-file".into()),
    };
    let mut rules: Vec<String> = words.map(str::to_string).collect();
    rules.dedup();
    Some(Directive {
        line,
        range,
        kind,
        rules,
    })
}

/// Applies the suppressions of `file` to `findings` (the findings of the
/// rules that ran on it): drops the silenced findings and those inside the
/// comments themselves, and returns an `unused-suppression` diagnostic for
/// every comment that silenced nothing. `ran` tells whether a rule ran, so
/// that a suppression of a rule left out is not called unused.
pub fn apply(
    file: &File,
    findings: &mut Vec<Finding>,
    ran: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let text = file.text;
    // Cheap test first: most texts have no suppression at all.
    if !text.contains("mtlint:") {
        return Vec::new();
    }
    let lines = file.lines;
    let in_comment = |d: &Directive| {
        file.comments.is_none_or(|c| {
            c.iter()
                .any(|r| r.start <= d.range.start && d.range.end <= r.end)
        })
    };
    let directives: Vec<Directive> = (0..lines.len())
        .filter_map(|i| parse_line(text, i, lines.line_range(i)))
        .filter(in_comment)
        .collect();
    if directives.is_empty() {
        return Vec::new();
    }
    let is_directive_line = |l: usize| directives.iter().any(|d| d.line == l);
    let last_line = lines.len() - 1;
    let mut out = Vec::new();
    let mut scopes: Vec<Scope> = Vec::new();
    // Open `disable` ranges: (directive index, rule or "" for every rule).
    let mut open: Vec<(usize, String)> = Vec::new();
    let scope = |directive: usize, first: usize, last: usize, rules: Vec<String>| Scope {
        directive,
        first,
        last,
        used: vec![false; rules.len().max(1)],
        rules,
    };
    for (k, d) in directives.iter().enumerate() {
        let kind = match &d.kind {
            Ok(kind) => *kind,
            Err(message) => {
                out.push(unused(file, d, message.clone(), false));
                continue;
            }
        };
        let unknown: Vec<&String> = d
            .rules
            .iter()
            .filter(|r| rules::find_meta(r).is_none())
            .collect();
        for r in &unknown {
            let mut m = format!("unknown rule `{r}` in a suppression");
            if let Some(n) = crate::rules::suggest::nearest(r, rules::all_meta().map(|m| m.id)) {
                m.push_str(&format!("; did you mean `{n}`?"));
            }
            out.push(unused(file, d, m, false));
        }
        match kind {
            Kind::Ignore => {
                // The next line of text: blank lines and other mtlint
                // comments in between are skipped, so comments stack.
                let target = (d.line + 1..=last_line).find(|&l| {
                    !is_directive_line(l) && !text[lines.line_range(l)].trim().is_empty()
                });
                match target {
                    Some(t) => scopes.push(scope(k, t, t, d.rules.clone())),
                    None => out.push(unused(
                        file,
                        d,
                        "no line follows this suppression".into(),
                        true,
                    )),
                }
            }
            Kind::IgnoreFile => scopes.push(scope(k, 0, last_line, d.rules.clone())),
            Kind::Disable => {
                if d.rules.is_empty() {
                    open.push((k, String::new()));
                } else {
                    open.extend(d.rules.iter().map(|r| (k, r.clone())));
                }
            }
            Kind::Enable => {
                let before = open.len();
                let closes = |r: &str| d.rules.is_empty() || d.rules.iter().any(|x| x == r);
                let mut kept = Vec::new();
                for (from, r) in open.drain(..) {
                    if closes(&r) {
                        let rules = if r.is_empty() { Vec::new() } else { vec![r] };
                        scopes.push(scope(from, directives[from].line, d.line, rules));
                    } else {
                        kept.push((from, r));
                    }
                }
                open = kept;
                if open.len() == before {
                    out.push(unused(
                        file,
                        d,
                        "`enable` closes no `disable` above it".into(),
                        true,
                    ));
                }
            }
        }
    }
    // Ranges never closed run to the end of the file.
    for (from, r) in open {
        let rules = if r.is_empty() { Vec::new() } else { vec![r] };
        scopes.push(scope(from, directives[from].line, last_line, rules));
    }

    findings.retain(|f| {
        let line = lines.line_of(f.start);
        if directives
            .iter()
            .any(|d| d.range.start <= f.start && f.end <= d.range.end)
        {
            // A finding inside an mtlint comment is about the comment, not the text.
            return false;
        }
        let mut silenced = false;
        for s in &mut scopes {
            if let Some(i) = s.covers(line, &f.rule) {
                s.used[i] = true;
                silenced = true;
            }
        }
        !silenced
    });

    // Report, per directive, the rules its scopes never used. A `disable`
    // may have several scopes (one per rule): gather them first.
    let mut by_directive: Vec<(usize, Vec<String>, bool, usize)> = Vec::new();
    for s in &scopes {
        let entry = match by_directive.iter_mut().find(|e| e.0 == s.directive) {
            Some(e) => e,
            None => {
                by_directive.push((s.directive, Vec::new(), true, 0));
                by_directive.last_mut().expect("just pushed")
            }
        };
        if s.rules.is_empty() {
            entry.3 += 1;
            if !s.used[0] {
                entry.1.push(String::new());
            }
            continue;
        }
        for (r, &used) in s.rules.iter().zip(&s.used) {
            entry.3 += 1;
            // A rule that did not run, or does not exist (reported above),
            // cannot be judged.
            if !used && ran(r) {
                entry.1.push(r.clone());
            } else if !used {
                entry.2 = false;
            }
        }
    }
    by_directive.sort_by_key(|e| e.0);
    for (k, unused_rules, judged, total) in by_directive {
        if unused_rules.is_empty() {
            continue;
        }
        let d = &directives[k];
        let what = match d.kind {
            Ok(Kind::Ignore) => "the next line",
            Ok(Kind::IgnoreFile) => "this file",
            _ => "its range",
        };
        let message = if unused_rules.iter().any(String::is_empty) {
            format!("this suppression silences nothing in {what}")
        } else {
            let names: Vec<String> = unused_rules.iter().map(|r| format!("`{r}`")).collect();
            format!("{} finds nothing to silence in {what}", names.join(", "))
        };
        // Delete the comment only when nothing in it is of use.
        let whole = judged && unused_rules.len() == total && !d.rules.iter().any(|r| !ran(r));
        out.push(unused(file, d, message, whole));
    }
    out
}

/// An `unused-suppression` diagnostic on comment `d`, with the deletion of
/// its line as a fix when `delete` is set.
fn unused(file: &File, d: &Directive, message: String, delete: bool) -> Diagnostic {
    let diag = Diagnostic::new(d.range.clone(), message).in_original();
    if !delete {
        return diag;
    }
    // The line with its terminator, or with the one before it at the end.
    diag.fix(file.lines.line_with_break(d.line), "", Applicability::Safe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Scanner};

    /// The rules and lines of the findings left, with the unused suppressions.
    fn scan(text: &str) -> Vec<(String, usize)> {
        let scanner = Scanner::new(Config {
            language: Some("en".into()),
            ..Config::default()
        })
        .expect("known rule ids");
        scanner
            .scan_file("note.md", text)
            .findings
            .iter()
            .map(|f| (f.rule.clone(), f.line))
            .collect()
    }

    fn pairs(v: &[(&str, usize)]) -> Vec<(String, usize)> {
        v.iter().map(|(r, l)| (r.to_string(), *l)).collect()
    }

    #[test]
    fn ignore_silences_the_next_line_only() {
        let text = "He said said it.\n<!-- mtlint: ignore repeated-word -->\nHe said said it.\nHe said said it.\n";
        assert_eq!(
            scan(text),
            pairs(&[("repeated-word", 1), ("repeated-word", 4)])
        );
        // Without a rule: every rule; blank lines and stacked comments are skipped.
        let text = "<!-- mtlint: ignore -->\n\n<!-- mtlint: ignore repeated-word -->\nIt is is here ,ok.\nIt is is here ,ok.\n";
        let left = scan(text);
        assert!(left.iter().all(|(_, l)| *l == 5), "{left:?}");
        assert!(left.len() >= 2, "{left:?}");
    }

    #[test]
    fn ranges_and_files() {
        let line = "He said said it.\n";
        let text = format!(
            "{line}<!-- mtlint: disable repeated-word -->\n{line}{line}<!-- mtlint: enable repeated-word -->\n{line}"
        );
        assert_eq!(
            scan(&text),
            pairs(&[("repeated-word", 1), ("repeated-word", 6)])
        );
        // An unclosed range runs to the end; `enable` without rules closes all.
        let text = format!("{line}<!-- mtlint: disable -->\n{line}{line}");
        assert_eq!(scan(&text), pairs(&[("repeated-word", 1)]));
        let text = format!(
            "<!-- mtlint: disable repeated-word, space-before-punctuation -->\n{line}<!-- mtlint: enable -->\n{line}It is here , ok.\n"
        );
        let left = scan(&text);
        assert_eq!(
            left,
            pairs(&[
                ("unused-suppression", 1),
                ("repeated-word", 4),
                ("space-before-punctuation", 5)
            ])
        );
        let text = format!("{line}<!-- mtlint: ignore-file repeated-word -->\n{line}");
        assert!(scan(&text).is_empty());
    }

    #[test]
    fn unused_unknown_and_malformed_are_reported() {
        let scanner = Scanner::new(Config {
            language: Some("ar".into()),
            ..Config::default()
        })
        .expect("known rule ids");
        let text = "<!-- mtlint: ignore joined-word -->\nقال الرئيس اليوم كلاما.\n<!-- mtlint: ignor -->\n<!-- mtlint: enable -->\n<!-- mtlint: ignore-file space-before-punctuation -->\n";
        let report = scanner.scan_file("a.txt", text);
        let messages: Vec<(&str, usize, &str)> = report
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.line, f.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "unused-suppression",
                    1,
                    "unknown rule `joined-word` in a suppression; did you mean `joined-words`?"
                ),
                (
                    "unused-suppression",
                    3,
                    "unknown suppression `ignor`; did you mean `ignore`?"
                ),
                (
                    "unused-suppression",
                    4,
                    "`enable` closes no `disable` above it"
                ),
                (
                    "unused-suppression",
                    5,
                    "`space-before-punctuation` finds nothing to silence in this file"
                ),
            ]
        );
        // The whole-line deletion is offered where the comment is of no use.
        let last = report.findings.last().unwrap().fix.clone().unwrap();
        assert_eq!(
            &text[last.start..last.end],
            "<!-- mtlint: ignore-file space-before-punctuation -->\n"
        );
        assert!(report.findings[0].fix.is_none());
    }

    #[test]
    fn suppressed_findings_do_not_count_in_the_score() {
        let scanner = Scanner::default();
        let text = "قال بوتين ، اليوم.\n";
        let raw = scanner.scan_file("a.md", text);
        assert!(raw.score < 100.0);
        let quiet = scanner.scan_file("a.md", &format!("<!-- mtlint: ignore-file -->\n{text}"));
        assert!(quiet.findings.is_empty(), "{:?}", quiet.findings);
        assert_eq!(quiet.score, 100.0);
        // In HTML too, where it is a real comment; not where it is text.
        let html = scanner.scan_file("a.html", &format!("<!-- mtlint: ignore-file -->\n{text}"));
        assert!(html.findings.is_empty(), "{:?}", html.findings);
        let shown = format!("<pre>\n<!-- mtlint: ignore-file -->\n</pre>\n<p>{text}</p>");
        let html = scanner.scan_file("a.html", &shown);
        assert!(html
            .findings
            .iter()
            .any(|f| f.rule == "space-before-punctuation"));
        // Not read in formats without such comments.
        let po = format!(
            "<!-- mtlint: ignore-file -->\nmsgid \"a\"\nmsgstr \"{}\"\n",
            text.trim()
        );
        let po = scanner.scan_file("a.po", &po);
        assert!(po
            .findings
            .iter()
            .any(|f| f.rule == "space-before-punctuation"));
    }

    #[test]
    fn rules_that_did_not_run_are_not_unused() {
        let scanner = Scanner::new(Config {
            language: Some("en".into()),
            ignore: vec!["joined-words".into()],
            ..Config::default()
        })
        .expect("known rule ids");
        let report = scanner.scan_file(
            "a.md",
            "<!-- mtlint: ignore joined-words -->\nAll fine here.\n",
        );
        assert!(report.findings.is_empty(), "{:?}", report.findings);
    }

    #[test]
    fn which_files_read_comments() {
        for p in [
            "-",
            "a.md",
            "dir/B.TXT",
            "x.markdown",
            "README",
            "d.x/notes",
        ] {
            assert!(reads_comments(p), "{p}");
        }
        for p in ["a.html", "b.srt", "c.json"] {
            assert!(!reads_comments(p), "{p}");
        }
    }
}
