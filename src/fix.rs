//! Applying the fixes that rules suggest: `mtlint check --fix`,
//! `--unsafe-fixes` and `--diff`.
//!
//! One pass scans the text, picks the fixes that may be applied together and
//! applies them; the loop repeats on the result until no fix applies, at
//! most [`MAX_PASSES`] times. Fixes that overlap or touch (two insertions at
//! the same point included) never go into the same pass: the more confident
//! one wins, then the earlier one, and the other is looked at again on the
//! next pass, against the new text.
//!
//! Every byte outside the spans of the applied fixes is kept as it was:
//! line endings, a byte order mark, a missing final newline.
//!
//! ```
//! use mtlint::{fix, Config, Scanner};
//! let scanner = Scanner::new(Config::default());
//! let fixed = fix::fix_text(&scanner, "a.txt", "قال بوتين ، اليوم.", &fix::Options::default());
//! assert_eq!(fixed.text, "قال بوتين، اليوم.");
//! assert_eq!(fixed.summary.applied["space-before-punctuation"], 1);
//! ```

pub mod write;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::decode::{self, Encoding};
use crate::finding::{Applicability, Finding, Fix};
use crate::input::{self, ErrorKind, Input, InputError, Source};
use crate::report::FileReport;
use crate::scanner::Scanner;

/// The most passes of scan-and-apply on one text. Each pass after the first
/// only handles what an overlap set aside or a fix brought to light, so real
/// texts settle in two or three.
pub const MAX_PASSES: usize = 10;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Also apply `unsafe` fixes (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
    /// At most this many passes (see [`MAX_PASSES`]).
    pub max_passes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            unsafe_fixes: false,
            max_passes: MAX_PASSES,
        }
    }
}

/// What fixing did to one file, or to all files of a report (then the
/// counts are sums and `passes` the most any file needed). It is the
/// `fixes` object of a file and of the summary in the JSON report, present
/// only when fixes were applied or asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixSummary {
    /// Files whose text changed (0 or 1 for one file).
    pub files_changed: usize,
    /// Fixes applied, per rule id.
    pub applied: BTreeMap<String, usize>,
    /// Times a fix was set aside because a more confident or earlier fix
    /// overlapped or touched it. It was looked at again on the next pass,
    /// against the new text: applied then (and counted in `applied` too), or
    /// gone because the winning fix made it moot.
    pub skipped_overlap: usize,
    /// Unsafe fixes left in the fixed text, not applied without
    /// `--unsafe-fixes`.
    pub skipped_unsafe: usize,
    /// Applicable fixes still in the text when [`MAX_PASSES`] ran out (0 when
    /// the loop settled, which is the rule).
    pub unresolved: usize,
    /// Scan-and-apply passes that changed the text.
    pub passes: usize,
}

impl FixSummary {
    /// The number of fixes applied, all rules together.
    pub fn applied_total(&self) -> usize {
        self.applied.values().sum()
    }

    /// Adds the counts of `other` (for a summary over files).
    pub fn merge(&mut self, other: &FixSummary) {
        self.files_changed += other.files_changed;
        for (rule, n) in &other.applied {
            *self.applied.entry(rule.clone()).or_default() += n;
        }
        self.skipped_overlap += other.skipped_overlap;
        self.skipped_unsafe += other.skipped_unsafe;
        self.unresolved += other.unresolved;
        self.passes = self.passes.max(other.passes);
    }

    /// One line for people: `Fixed 12 findings (rule: n, …); …`.
    pub fn describe(&self, diff_only: bool) -> String {
        let n = self.applied_total();
        let verb = if diff_only { "Would fix" } else { "Fixed" };
        let mut s = format!("{verb} {n} finding{}", plural(n));
        if n > 0 {
            let per: Vec<String> = self
                .applied
                .iter()
                .map(|(r, n)| format!("{r}: {n}"))
                .collect();
            s.push_str(&format!(
                " in {} file{} ({})",
                self.files_changed,
                plural(self.files_changed),
                per.join(", ")
            ));
        }
        s.push('.');
        if self.skipped_unsafe > 0 {
            s.push_str(&format!(
                " {} unsafe fix{} not applied (--unsafe-fixes applies them).",
                self.skipped_unsafe,
                if self.skipped_unsafe == 1 { "" } else { "es" }
            ));
        }
        if self.skipped_overlap > 0 {
            s.push_str(&format!(
                " {} fix{} set aside for an overlap with a more confident or earlier one.",
                self.skipped_overlap,
                if self.skipped_overlap == 1 { "" } else { "es" }
            ));
        }
        if self.unresolved > 0 {
            s.push_str(&format!(
                " {} fix{} still applicable after {MAX_PASSES} passes.",
                self.unresolved,
                if self.unresolved == 1 { "" } else { "es" }
            ));
        }
        s
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Whether `fix` may be applied under `opts` to `text`: the mode allows
/// it, its span is valid, and it changes something (a fix replacing text
/// with itself would never let the loop settle).
fn eligible(fix: &Fix, text: &str, opts: &Options) -> bool {
    (opts.unsafe_fixes || fix.applicability == Applicability::Safe)
        && fix.start <= fix.end
        && fix.end <= text.len()
        && text.is_char_boundary(fix.start)
        && text.is_char_boundary(fix.end)
        && text[fix.start..fix.end] != fix.replacement
}

/// Whether two spans overlap or touch: `a..b` and `b..c` touch, and so do
/// two insertions at the same point.
fn conflict(a: &Fix, b: &Fix) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Picks the fixes of `findings` to apply together on `text`: the more
/// confident first, then the earlier, each kept when it neither overlaps nor
/// touches one already kept. Returns the kept findings sorted by position,
/// and how many eligible fixes were set aside.
pub fn select<'a>(
    findings: &'a [Finding],
    text: &str,
    opts: &Options,
) -> (Vec<&'a Finding>, usize) {
    let mut candidates: Vec<(&Finding, &Fix)> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref().map(|x| (f, x)))
        .filter(|(_, x)| eligible(x, text, opts))
        .collect();
    candidates.sort_by(|(fa, a), (fb, b)| {
        fb.confidence
            .total_cmp(&fa.confidence)
            .then(a.start.cmp(&b.start))
            .then(a.end.cmp(&b.end))
            .then(fa.rule.cmp(&fb.rule))
            .then(a.replacement.cmp(&b.replacement))
    });
    // Kept spans by start. They neither overlap nor touch, so their ends
    // grow with their starts, and the one starting last at or before a
    // candidate's end is the only one that can conflict with it.
    let mut kept: BTreeMap<usize, (&Finding, &Fix)> = BTreeMap::new();
    let mut set_aside = 0;
    for (f, x) in candidates {
        let clash = kept
            .range(..=x.end)
            .next_back()
            .is_some_and(|(_, (_, k))| conflict(k, x));
        if clash {
            set_aside += 1;
        } else {
            kept.insert(x.start, (f, x));
        }
    }
    (kept.into_values().map(|(f, _)| f).collect(), set_aside)
}

/// Applies `fixes` to `text`. The fixes must be sorted by start, with
/// neither overlaps nor touching spans, on character boundaries: one that
/// is not is left out (a bug of the caller, caught in debug builds). Every
/// byte outside the fixed spans is copied unchanged.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for fix in fixes {
        let valid = fix.start >= at
            && fix.start <= fix.end
            && fix.end <= text.len()
            && text.is_char_boundary(fix.start)
            && text.is_char_boundary(fix.end);
        if !valid {
            debug_assert!(false, "fix {fix:?} overlaps or is out of bounds");
            continue;
        }
        out.push_str(&text[at..fix.start]);
        out.push_str(&fix.replacement);
        at = fix.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Applies every fix of `fixes`, in any order: where two overlap, the one
/// that starts later is kept. For measurements and tests that apply all the
/// fixes of a scan at once; `--fix` chooses with [`select`] instead.
pub fn apply_all(text: &str, mut fixes: Vec<Fix>) -> String {
    fixes.sort_by_key(|f| std::cmp::Reverse(f.start));
    let mut last = usize::MAX;
    fixes.retain(|f| {
        let keep = f.end <= last;
        if keep {
            last = f.start;
        }
        keep
    });
    fixes.reverse();
    apply(text, &fixes)
}

/// The result of fixing one text.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// The scan of the fixed text: what remains, with
    /// [`FileReport::fixes`] set.
    pub report: FileReport,
    /// What was applied and skipped.
    pub summary: FixSummary,
}

/// Fixes `text`: scan, apply what [`select`] keeps, scan again, until no fix
/// applies or `opts.max_passes` passes changed the text.
pub fn fix_text(scanner: &Scanner, path: &str, input: &str, opts: &Options) -> Fixed {
    let mut text = input.to_string();
    let mut summary = FixSummary::default();
    let mut report = scanner.scan_file(path, &text);
    loop {
        let (chosen, set_aside) = select(&report.findings, &text, opts);
        if chosen.is_empty() {
            break;
        }
        if summary.passes == opts.max_passes {
            summary.unresolved = chosen.len() + set_aside;
            break;
        }
        summary.skipped_overlap += set_aside;
        for f in &chosen {
            *summary.applied.entry(f.rule.clone()).or_default() += 1;
        }
        let next = apply(&text, chosen.iter().filter_map(|f| f.fix.as_ref()));
        summary.passes += 1;
        text = next;
        report = scanner.scan_file(path, &text);
    }
    if !opts.unsafe_fixes {
        summary.skipped_unsafe = report
            .findings
            .iter()
            .filter(|f| {
                f.fix
                    .as_ref()
                    .is_some_and(|x| x.applicability == Applicability::Unsafe)
            })
            .count();
    }
    // Compared with the input: a text can come back to itself.
    summary.files_changed = usize::from(text != input);
    report.fixes = Some(summary.clone());
    Fixed {
        text,
        report,
        summary,
    }
}

/// A unified diff of `old` and `new` (three lines of context), with `path`
/// in both headers; empty when they are equal. A missing final newline is
/// marked as `diff` does.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header(path, path)
        .to_string()
}

/// What [`fix_input`] did with one input.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    /// The text as read (decoded).
    pub original: String,
    /// The fixed text, the report of what remains, and the counts.
    pub fixed: Fixed,
    /// Whether the fixed text was written back to the file.
    pub written: bool,
    /// The file was read in a legacy code page and is written as UTF-8
    /// (the `invalid-encoding` fix, applied with `--unsafe-fixes`).
    pub transcoded: bool,
}

impl FileOutcome {
    /// Whether fixing changed the text or its encoding.
    pub fn changed(&self) -> bool {
        self.original != self.fixed.text || self.transcoded
    }
}

/// Reads one input, fixes it, and, when `write` is set and something
/// changed, writes it back to its file (standard input is never written:
/// the caller prints [`Fixed::text`]).
///
/// The text is written in the encoding it was read in (UTF-16 stays UTF-16,
/// windows-1256 stays windows-1256), except that with `--unsafe-fixes` a file
/// in a legacy code page is converted to UTF-8: the `invalid-encoding` fix.
/// A file whose bytes could not all be decoded (invalid UTF-8, bytes that
/// the code page does not map) is never written, since its bad bytes would
/// be lost. A read error is returned as is; a write error names the file
/// and says the text was left as it was.
pub fn fix_input(
    scanner: &Scanner,
    input: &Input,
    opts: &Options,
    write: bool,
) -> Result<FileOutcome, InputError> {
    let decoded = input::read_decoded(input)?;
    let original = decoded.text.clone();
    let mut fixed = fix_text(scanner, &input.display, &original, opts);
    let legacy = matches!(decoded.encoding, Encoding::Legacy(_));
    let transcoded = legacy && opts.unsafe_fixes && !decoded.lossy;
    let target = if transcoded {
        Encoding::Utf8
    } else {
        decoded.encoding
    };
    if transcoded {
        *fixed
            .summary
            .applied
            .entry(INVALID_ENCODING.into())
            .or_default() += 1;
        fixed.summary.files_changed = 1;
        fixed.report.fixes = Some(fixed.summary.clone());
    }
    let outcome = FileOutcome {
        original,
        fixed,
        written: false,
        transcoded,
    };
    let mut written = false;
    if write && outcome.changed() {
        if let Source::File(path) = &input.source {
            let refuse = |why: String| InputError {
                path: input.display.clone(),
                kind: ErrorKind::Io(format!("not fixed, the file is unchanged: {why}")),
            };
            if decoded.lossy {
                return Err(refuse(format!(
                    "some bytes are not valid {}, and writing the text back would lose them",
                    decoded.encoding
                )));
            }
            let bytes = decode::encode(&outcome.fixed.text, target)
                .map_err(|e| refuse(format!("{e}; `--unsafe-fixes` converts the file to UTF-8")))?;
            write::write_bytes(path, &bytes).map_err(|e| InputError {
                path: input.display.clone(),
                kind: ErrorKind::Io(format!(
                    "cannot write the fixed text, the file is unchanged: {}",
                    input::io_message(&e)
                )),
            })?;
            written = true;
        }
    }
    Ok(FileOutcome { written, ..outcome })
}

/// The id under which converting a file to UTF-8 is counted.
const INVALID_ENCODING: &str = crate::rules::encoding::ID;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scanner::Config;

    fn fix(start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            start,
            end,
            replacement: replacement.into(),
            applicability: Applicability::Safe,
        }
    }

    fn finding(rule: &str, confidence: f64, fix: Fix) -> Finding {
        Finding {
            rule: rule.into(),
            severity: crate::Severity::Warning,
            message: String::new(),
            text: String::new(),
            start: fix.start,
            end: fix.end,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            sentence: None,
            confidence,
            fix: Some(fix),
        }
    }

    #[test]
    fn apply_all_takes_any_order_and_keeps_the_later_of_overlaps() {
        let fixes = vec![fix(6, 11, "W"), fix(0, 5, "H"), fix(3, 8, "x")];
        // `3..8` overlaps both; `6..11` starts later, so it wins over it.
        assert_eq!(apply_all("hello world", fixes), "H W");
        assert_eq!(apply_all("abc", Vec::new()), "abc");
    }

    #[test]
    fn apply_keeps_every_other_byte() {
        let text = "\u{FEFF}a ,b\r\nc\rd";
        let out = apply(text, &[fix(4, 5, ""), fix(9, 9, " "), fix(12, 12, "!")]);
        assert_eq!(out, "\u{FEFF}a,b\r\n c\rd!");
    }

    #[test]
    fn select_prefers_confident_then_earlier_and_rejects_touching() {
        let text = "abcdefghij";
        let fs = vec![
            finding("low", 0.5, fix(0, 3, "X")),
            finding("high", 0.9, fix(2, 4, "Y")),
            // Touches `high` at 4: set aside.
            finding("touch", 0.8, fix(4, 6, "Z")),
            // Two insertions at the same point: the earlier-sorted one wins.
            finding("ins-a", 0.7, fix(8, 8, "1")),
            finding("ins-b", 0.7, fix(8, 8, "2")),
            // Unsafe: not eligible by default.
            finding(
                "unsafe",
                1.0,
                Fix {
                    applicability: Applicability::Unsafe,
                    ..fix(9, 10, "")
                },
            ),
            // A no-op never counts.
            finding("noop", 1.0, fix(6, 7, "g")),
        ];
        let (kept, aside) = select(&fs, text, &Options::default());
        let rules: Vec<_> = kept.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["high", "ins-a"]);
        assert_eq!(aside, 3);
        let unsafe_too = Options {
            unsafe_fixes: true,
            ..Options::default()
        };
        let (kept, _) = select(&fs, text, &unsafe_too);
        let rules: Vec<_> = kept.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["high", "ins-a", "unsafe"]);
    }

    #[test]
    fn fixing_loops_until_nothing_applies() {
        let scanner = Scanner::new(Config::default());
        let text = "قال بوتين ، اليوم ، في الكرملين.\r\nوقال  أيضا ، غدا.";
        let fixed = fix_text(&scanner, "a.txt", text, &Options::default());
        assert_eq!(
            fixed.text,
            "قال بوتين، اليوم، في الكرملين.\r\nوقال  أيضا، غدا."
        );
        assert_eq!(fixed.summary.files_changed, 1);
        let again = fix_text(&scanner, "a.txt", &fixed.text, &Options::default());
        assert_eq!(again.text, fixed.text);
        assert_eq!(again.summary.applied_total(), 0);
        assert_eq!(again.summary.files_changed, 0);
    }

    #[test]
    fn clean_text_is_left_alone_in_every_language() {
        let scanner = Scanner::new(Config::default());
        for text in [
            "The army took the town on Monday.\n",
            "L'armée a pris la ville lundi.",
            "Армия взяла город в понедельник.\r\n",
            "استعادت القوات السيطرة على المدينة يوم الاثنين.",
        ] {
            let unsafe_too = Options {
                unsafe_fixes: true,
                ..Options::default()
            };
            let fixed = fix_text(&scanner, "a.txt", text, &unsafe_too);
            assert_eq!(fixed.text, text);
            assert_eq!(fixed.summary.applied_total(), 0, "{text}");
            assert_eq!(fixed.summary.files_changed, 0);
        }
    }

    #[test]
    fn diff_is_unified_and_empty_without_change() {
        assert_eq!(unified_diff("a.txt", "x\n", "x\n"), "");
        let d = unified_diff("a.txt", "a ,b\nc", "a,b\nc");
        assert!(
            d.starts_with("--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n-a ,b\n+a,b\n c"),
            "{d}"
        );
        assert!(d.contains("No newline at end of file"), "{d}");
    }

    #[test]
    fn summary_describes_what_was_done() {
        let mut s = FixSummary {
            files_changed: 1,
            skipped_unsafe: 2,
            ..FixSummary::default()
        };
        s.applied.insert("space-before-punctuation".into(), 3);
        let mut all = FixSummary::default();
        all.merge(&s);
        all.merge(&s);
        assert_eq!(
            all.describe(false),
            "Fixed 6 findings in 2 files (space-before-punctuation: 6). \
             4 unsafe fixes not applied (--unsafe-fixes applies them)."
        );
        assert!(FixSummary::default()
            .describe(true)
            .starts_with("Would fix 0 findings."));
    }
}
