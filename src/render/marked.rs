//! The marked-up text: each line of the file with `⟦…⟧[n]` around flagged
//! spans and a note per marker under the line, for snapshots that read like
//! an editor's markup.

use std::fmt::Write;

use super::{escape_invisible, escape_short};
use crate::report::{FileReport, Report};
use crate::text::lines::LineIndex;

/// Renders `file` as marked-up text. Lines without findings are kept as they
/// are, so a diff of two renderings shows the findings in context.
pub fn render(file: &FileReport) -> String {
    let text = file.source.as_str();
    let mut out = String::new();
    let mut by_line: Vec<Vec<usize>> = Vec::new();
    for (i, f) in file.findings.iter().enumerate() {
        let l = f.line - 1;
        if by_line.len() <= l {
            by_line.resize(l + 1, Vec::new());
        }
        by_line[l].push(i);
    }
    // Lines as everything else counts them (`\n`, `\r\n` and a bare `\r`),
    // so that a finding's line is the line it is shown on.
    let lines = LineIndex::new(text);
    for l in 0..lines.len() {
        let range = lines.line_range(l);
        let (line_start, line_end) = (range.start, range.end);
        let ids: &[usize] = by_line.get(l).map_or(&[], |v| v.as_slice());
        // Events: opening markers at starts, closing markers at ends (clamped to the line).
        let mut events: Vec<(usize, u8, usize)> = Vec::new();
        for (n, &i) in ids.iter().enumerate() {
            let f = &file.findings[i];
            let start = f.start.clamp(line_start, line_end);
            let end = f.end.min(line_end).max(start);
            events.push((start, 1, n));
            events.push((end, 0, n));
        }
        // Closings before openings at the same offset; inner spans close first.
        events.sort_by(|a, b| {
            (a.0, a.1, std::cmp::Reverse(a.2)).cmp(&(b.0, b.1, std::cmp::Reverse(b.2)))
        });
        let mut pos = line_start;
        for (at, kind, n) in events {
            out.push_str(&escape_invisible(&text[pos..at]));
            pos = at;
            if kind == 1 {
                out.push('⟦');
            } else {
                let _ = write!(out, "⟧[{}]", n + 1);
            }
        }
        out.push_str(&escape_invisible(&text[pos..line_end]));
        out.push('\n');
        for (n, &i) in ids.iter().enumerate() {
            let f = &file.findings[i];
            let _ = write!(out, "    [{}] {} ({}): ", n + 1, f.rule, f.severity);
            match (super::before_after(text, f), &f.fix) {
                (Some((before, after)), Some(fix)) => {
                    let safety = match fix.applicability {
                        crate::report::finding::Applicability::Safe => "safe",
                        crate::report::finding::Applicability::Unsafe => "unsafe",
                    };
                    // Quoted text is shortened: the line above holds it whole.
                    let _ = write!(
                        out,
                        "“{}” → “{}” ({safety})",
                        escape_short(&before),
                        escape_short(&after)
                    );
                }
                _ => {
                    let _ = write!(out, "“{}”", escape_short(&f.text));
                }
            }
            out.push('\n');
        }
    }
    out
}

impl Report {
    /// The scanned text of every file with inline markers around flagged
    /// spans, made for reading snapshot diffs: see [`FileReport::marked`].
    pub fn marked(&self) -> String {
        self.files
            .iter()
            .map(|f| format!("== {} (score {})\n{}", f.path, f.score, f.marked()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl FileReport {
    /// The text, line by line, with each flagged span wrapped as `⟦…⟧[n]`
    /// and, under each line, one note per marker:
    /// `  [n] rule (severity): “text” → “replacement”`.
    pub fn marked(&self) -> String {
        render(self)
    }
}

#[cfg(test)]
mod tests {
    use crate::read::decode;
    use crate::Scanner;

    /// Bytes from hex.
    fn bytes(hex: &str) -> Vec<u8> {
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect()
    }

    #[test]
    fn a_bare_carriage_return_ends_a_line_here_too() {
        // Found by fuzzing: lines that end with a bare `\r` sliced out of range.
        for hex in [
            "ff0dc58cc26f",
            "ffffff0dc598c27d7d7d7d7db1c598c582c598c24f3a511d7f613a67c2a9",
        ] {
            let decoded = decode::decode(&bytes(hex)).expect("text");
            let file = Scanner::default().scan_decoded("a.txt", &decoded);
            assert!(!file.findings.is_empty());
            let marked = file.marked();
            assert_eq!(marked.matches('⟦').count(), file.findings.len(), "{marked}");
        }
        let file = Scanner::default().scan_file("a.txt", "one\rقال بوتين ، اليوم.\r\nthree\n");
        let marked = file.marked();
        assert_eq!(
            marked.lines().nth(1),
            Some("قال بوتين⟦ ،⟧[1] اليوم."),
            "{marked}"
        );
    }
}
