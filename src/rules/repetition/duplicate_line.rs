//! `duplicate-line`: a line of three or more words repeating an earlier line. Its documentation is the
//! `explanation` below, which `mtlint explain duplicate-line` prints.

use std::collections::HashMap;

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::{case, Document};

/// `duplicate-line`.
pub struct DuplicateLine;

static DUPLICATE_LINE: RuleMeta = RuleMeta {
    id: "duplicate-line",
    severity: Severity::Warning,
    harm: Harm::Residue,
    summary: "A line of three or more words repeating an earlier line",
    explanation: r#"## What it does
Flags a line of three or more words that repeats an earlier line of the file, after trimming and
collapsing white space (a title pasted three times, a paragraph copied twice). In a catalogue or
subtitles, only a line repeated inside one entry or cue counts: one translation serves many
entries, and a cue may say what another said.

## Why is this bad?
Scrapers and content systems duplicate titles and paragraphs; machine translation keeps them. A
reader sees the same headline twice and takes the page for broken.

## Example
```text
بوتين في زيارة مفاجئة إلى كورسك        (line 1)

بوتين في زيارة مفاجئة إلى كورسك        (line 3: repeats line 1, deleted by the fix)
```

## Fix safety
The fix deletes the repeated line with its line break. It is unsafe: a repeated line may be a
deliberate refrain or a table row.

## Limits
Lines under three words, lines without letters, and table rows (`| a | b |`) are not compared.
Near-duplicates (one word changed) are not found."#,
};

impl Rule for DuplicateLine {
    fn meta(&self) -> &'static RuleMeta {
        &DUPLICATE_LINE
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for l in 0..doc.lines.len() {
            let range = doc.lines.line_range(l);
            let line = &doc.text[range.clone()];
            let trimmed = line.trim();
            if trimmed.starts_with('|') || !trimmed.chars().any(case::is_alphabetic) {
                continue;
            }
            let words: Vec<&str> = trimmed.split_whitespace().collect();
            let wordy = words
                .iter()
                .filter(|w| w.chars().any(case::is_alphabetic))
                .count();
            // Short sentences recur in quotes and dialogue (`It's a tragedy.`);
            // a repeated title or heading has no final stop.
            let sentence = trimmed.ends_with(['.', '!', '?', '؟', '…', '"', '”', '»']);
            if wordy < 3 || (sentence && wordy < 5) {
                continue;
            }
            // In a catalogue or subtitles, one translation serves many
            // entries and a cue repeats a line; a line repeated inside one
            // unit is still a loop.
            let mut key = words.join(" ");
            if let Some(u) = doc.unit_at(range.start) {
                key.push_str(&format!("\u{0}{u}"));
            }
            let Some(&first) = seen.get(&key) else {
                seen.insert(key, l);
                continue;
            };
            let lead = line.len() - line.trim_start().len();
            let start = range.start + lead;
            let end = start + trimmed.len();
            // Delete the line with its break; the last line takes the break before it.
            let fix = if l + 1 < doc.lines.len() {
                range.start..doc.lines.line_range(l + 1).start
            } else {
                doc.lines.line_range(l - 1).end..range.end
            };
            out.push(
                Diagnostic::new(
                    start..end,
                    format!("line repeats line {}", doc.file_line(first)),
                )
                .confidence(0.9)
                .fix(fix, "", Applicability::Unsafe),
            );
        }
    }
}
