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
//! let scanner = Scanner::default();
//! let fixed = fix::fix_text(&scanner, "a.txt", "قال بوتين ، اليوم.", &fix::Options::default());
//! assert_eq!(fixed.text, "قال بوتين، اليوم.");
//! assert_eq!(fixed.summary.applied["space-before-punctuation"], 1);
//! ```

pub use crate::report::finding::{apply, apply_all};

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::check::scanner::Scanner;
use crate::extract::{Format, Prose};
use crate::read::atomic;
use crate::read::decode::{self, Decoded, Encoding};
use crate::read::walk::{self, ErrorKind, Input, InputError, Origin};
use crate::report::finding::{Applicability, Finding, Fix};
use crate::report::{FileReport, FixSummary};
use crate::text::vocabulary::Vocabulary;

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

/// One line for people: `Fixed 12 findings (rule: n, …); …`.
pub fn describe(summary: &FixSummary, diff_only: bool) -> String {
    let n = summary.applied_total();
    let verb = if diff_only { "Would fix" } else { "Fixed" };
    let mut s = format!("{verb} {n} finding{}", plural(n));
    if n > 0 {
        let per: Vec<String> = summary
            .applied
            .iter()
            .map(|(r, n)| format!("{r}: {n}"))
            .collect();
        s.push_str(&format!(
            " in {} file{} ({})",
            summary.files_changed,
            plural(summary.files_changed),
            per.join(", ")
        ));
    }
    s.push('.');
    if summary.skipped_unsafe > 0 {
        s.push_str(&format!(
            " {} unsafe fix{} not applied (--unsafe-fixes applies them).",
            summary.skipped_unsafe,
            if summary.skipped_unsafe == 1 {
                ""
            } else {
                "es"
            }
        ));
    }
    if summary.held_back > 0 {
        s.push_str(&format!(
            " {} safe fix{} held back at unsafe ones (--unsafe-fixes decides them).",
            summary.held_back,
            if summary.held_back == 1 { "" } else { "es" }
        ));
    }
    if summary.skipped_overlap > 0 {
        s.push_str(&format!(
            " {} fix{} set aside for an overlap with a more confident or earlier one.",
            summary.skipped_overlap,
            if summary.skipped_overlap == 1 {
                ""
            } else {
                "es"
            }
        ));
    }
    if summary.unresolved > 0 {
        s.push_str(&format!(
            " {} fix{} still applicable after {MAX_PASSES} passes.",
            summary.unresolved,
            if summary.unresolved == 1 { "" } else { "es" }
        ));
    }
    s
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
    select_among(findings, text, opts, |_| true)
}

/// [`select`] among the fixes that `open` lets in.
fn select_among<'a>(
    findings: &'a [Finding],
    text: &str,
    opts: &Options,
    open: impl Fn(&Fix) -> bool,
) -> (Vec<&'a Finding>, usize) {
    let mut candidates: Vec<(&Finding, &Fix)> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref().map(|x| (f, x)))
        .filter(|(_, x)| eligible(x, text, opts) && open(x))
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

/// The fixes of one pass under some [`Options`] (see [`plan`]).
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    /// The findings whose fix the pass applies, sorted by position: their
    /// fixes neither overlap nor touch.
    pub applied: Vec<&'a Finding>,
    /// The unsafe fixes that hold back the safe ones: what [`select`]
    /// keeps with the unsafe fixes allowed. Empty with `--unsafe-fixes`,
    /// where they are applied instead.
    pub unsafe_planned: Vec<&'a Finding>,
    /// How many fixes the mode could apply were set aside for a conflict
    /// with one applied.
    pub set_aside: usize,
    /// How many safe fixes were held back because they overlap or touch an
    /// unsafe fix of `unsafe_planned` (without `--unsafe-fixes` only).
    pub held_back: usize,
}

/// Plans one pass of fixes on `text`. With `--unsafe-fixes`, what
/// [`select`] keeps. Without, the unsafe fixes are planned all the same,
/// as [`select`] would keep them with `--unsafe-fixes`, and a safe fix that
/// overlaps or touches one of those is held back, as [`select`] would set
/// it aside in that pass; the pass applies what [`select`] keeps among the
/// other safe fixes.
///
/// So a safe fix never changes the text that an unsafe fix is about to
/// replace or the text at its edges, and `--fix` then `--fix
/// --unsafe-fixes` gives the text that `--fix --unsafe-fixes` gives at
/// once. Otherwise a safe fix could split a garble word in two, so that the
/// unsafe deletion of the garble around it no longer covers its other half,
/// or remove the space between a deleted run and its full stop, so that the
/// deletion takes the full stop too.
///
/// ```
/// use mtlint::fix::{self, Options};
/// use mtlint::{Applicability, Finding, Fix, Severity};
/// let finding = |rule: &str, start, end, applicability, confidence| Finding {
///     rule: rule.into(), severity: Severity::Warning, message: String::new(),
///     text: String::new(), start, end, line: 1, column: 1, end_line: 1, end_column: 1,
///     sentence: None, confidence, unit: None,
///     fix: Some(Fix { start, end, replacement: String::new(), applicability }),
/// };
/// let text = "abcdefghij";
/// let findings = [
///     finding("delete-line", 0, 6, Applicability::Unsafe, 0.9),
///     finding("inside-it", 2, 3, Applicability::Safe, 0.8),
///     finding("touching-it", 6, 7, Applicability::Safe, 0.8),
///     finding("apart", 8, 9, Applicability::Safe, 0.8),
/// ];
/// let plan = fix::plan(&findings, text, &Options::default());
/// let rules: Vec<&str> = plan.applied.iter().map(|f| f.rule.as_str()).collect();
/// assert_eq!(rules, ["apart"]);
/// assert_eq!(plan.held_back, 2);
/// ```
pub fn plan<'a>(findings: &'a [Finding], text: &str, opts: &Options) -> Plan<'a> {
    if opts.unsafe_fixes {
        let (applied, set_aside) = select(findings, text, opts);
        return Plan {
            applied,
            unsafe_planned: Vec::new(),
            set_aside,
            held_back: 0,
        };
    }
    let with_unsafe = Options {
        unsafe_fixes: true,
        ..*opts
    };
    let unsafe_planned: Vec<&Finding> = select(findings, text, &with_unsafe)
        .0
        .into_iter()
        .filter(|f| f.fix.as_ref().is_some_and(|x| !allowed(x, opts)))
        .collect();
    let unsafe_fixes: Vec<&Fix> = unsafe_planned
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .collect();
    let held = |x: &Fix| unsafe_fixes.iter().any(|u| conflict(x, u));
    let held_back = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|x| eligible(x, text, opts) && held(x))
        .count();
    let (applied, set_aside) = select_among(findings, text, opts, |x| !held(x));
    Plan {
        applied,
        unsafe_planned,
        set_aside,
        held_back,
    }
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
    let format = scanner.config().format_for(path);
    fix_with(input, format, opts, |text, _| scanner.scan_file(path, text))
}

/// Fixes a file as the read stage decoded it, in a scan of the folder with
/// these words, so that every pass scans as `mtlint check` does: with the
/// folder's words and the file's bytes (where its first bad byte is, moved
/// along as fixes before it change the text's length).
pub fn fix_decoded(
    scanner: &Scanner,
    path: &str,
    decoded: &Decoded,
    folder_words: Option<&Arc<Vocabulary>>,
    opts: &Options,
) -> Fixed {
    let mut current = Decoded {
        text: String::new(),
        encoding: decoded.encoding,
        first_invalid: decoded.first_invalid.clone(),
        lossy: decoded.lossy,
    };
    let format = scanner.config().format_for(path);
    fix_with(&decoded.text, format, opts, |text, edits| {
        if let Some(bad) = &mut current.first_invalid {
            bad.text_offset = shifted(bad.text_offset, edits);
        }
        current.text.clear();
        current.text.push_str(text);
        scanner.scan_decoded_in(path, &current, folder_words)
    })
}

/// Where `offset` is once `edits` (sorted, apart) are applied: moved by the
/// change in length of every edit before it (an insertion at `offset`
/// included), and to the start of an edit that covers it.
fn shifted(offset: usize, edits: &[&Fix]) -> usize {
    let mut delta: isize = 0;
    for e in edits {
        if e.end <= offset {
            delta += e.replacement.len() as isize - (e.end - e.start) as isize;
        } else if e.start <= offset {
            return e.start.saturating_add_signed(delta);
        } else {
            break;
        }
    }
    offset.saturating_add_signed(delta)
}

/// The fixes of `edits` (sorted, apart) that keep the markup of `text`
/// read as `format` ([`Prose::same_markup`]), and the text they make: all of
/// them when together they do, else each one that does on its own and with
/// those kept before it.
fn keeping_markup<'a>(text: &str, format: Format, edits: Vec<&'a Fix>) -> (Vec<&'a Fix>, String) {
    let all = apply(text, edits.iter().copied());
    if Prose::same_markup(format, text, &all) {
        return (edits, all);
    }
    let mut kept: Vec<&Fix> = Vec::new();
    let mut current = text.to_string();
    for e in edits {
        kept.push(e);
        let next = apply(text, kept.iter().copied());
        if Prose::same_markup(format, text, &next) {
            current = next;
        } else {
            kept.pop();
        }
    }
    (kept, current)
}

/// Whether `opts` lets `fix` be applied: every fix with `--unsafe-fixes`,
/// the safe ones without.
fn allowed(fix: &Fix, opts: &Options) -> bool {
    opts.unsafe_fixes || fix.applicability == Applicability::Safe
}

/// Applies the fixes of a pass ([`Plan::applied`]) to `text`. Returns the
/// fixes applied, the text they make, and the fixes the markup refused:
/// those that would change the markup of `text` read as `format`
/// ([`keeping_markup`]), not tried again on this text.
///
/// The unsafe fixes that hold back safe ones ([`Plan::unsafe_planned`])
/// are judged too, as `--unsafe-fixes` would judge them, so that an unsafe
/// fix that the markup refuses stops holding back the safe fixes it
/// overlaps.
fn apply_plan<'a>(
    text: &str,
    format: Format,
    applied: &[&'a Finding],
    unsafe_planned: &[&'a Finding],
) -> (Vec<&'a Fix>, String, Vec<&'a Fix>) {
    let edits: Vec<&Fix> = applied.iter().filter_map(|f| f.fix.as_ref()).collect();
    if format == Format::Text {
        let next = apply(text, edits.iter().copied());
        return (edits, next, Vec::new());
    }
    let missing = |all: &[&'a Fix], kept: &[&'a Fix]| -> Vec<&'a Fix> {
        all.iter()
            .copied()
            .filter(|x| !kept.iter().any(|k| std::ptr::eq(*k, *x)))
            .collect()
    };
    let mut dropped = Vec::new();
    if !unsafe_planned.is_empty() {
        let planned: Vec<&Fix> = unsafe_planned
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .collect();
        let (kept, _) = keeping_markup(text, format, planned.clone());
        dropped = missing(&planned, &kept);
    }
    if edits.is_empty() {
        return (edits, text.to_string(), dropped);
    }
    let (kept, next) = keeping_markup(text, format, edits.clone());
    dropped.extend(missing(&edits, &kept));
    (kept, next, dropped)
}

/// Whether `text` read as `format` was parsed whole: a file whose reader
/// stopped on a syntax error is never fixed or written.
fn read_whole(format: Format, text: &str) -> bool {
    format == Format::Text || !Prose::extract(format, text).stopped()
}

/// The scan-and-apply loop: `scan` scans a text, given the edits that made
/// it from the previous one (none for the input). A text in a markup
/// format is fixed only when it was read whole, and only by fixes that
/// leave its markup as it was.
fn fix_with(
    input: &str,
    format: Format,
    opts: &Options,
    mut scan: impl FnMut(&str, &[&Fix]) -> FileReport,
) -> Fixed {
    let mut text = input.to_string();
    let mut summary = FixSummary::default();
    let mut report = scan(&text, &[]);
    let readable = read_whole(format, input);
    // `readable` is fixed for the loop: a file read in part is left as it is.
    // Fixes refused because they would change the markup of the current
    // text: by rule, span and replacement, not tried again on that text.
    // (By the text they replace, a refused ` ` → `` inside `** ;` would
    // refuse every other space before punctuation of the file.)
    let mut refused: HashSet<(String, usize, usize, String)> = HashSet::new();
    let key = |f: &Finding| {
        f.fix
            .as_ref()
            .map(|x| (f.rule.clone(), x.start, x.end, x.replacement.clone()))
    };
    while readable && summary.passes <= opts.max_passes {
        let candidates: Vec<Finding>;
        let findings = if refused.is_empty() {
            &report.findings
        } else {
            candidates = report
                .findings
                .iter()
                .filter(|f| key(f).is_none_or(|k| !refused.contains(&k)))
                .cloned()
                .collect();
            &candidates
        };
        let Plan {
            applied: chosen,
            unsafe_planned,
            set_aside,
            held_back: _,
        } = plan(findings, &text, opts);
        // In the safe mode an unsafe fix that the markup refuses may be all
        // that holds back a safe one: the plan is tried to find out.
        let markup_may_refuse = format != Format::Text && !unsafe_planned.is_empty();
        if chosen.is_empty() && !markup_may_refuse {
            break;
        }
        if summary.passes == opts.max_passes && !chosen.is_empty() {
            summary.unresolved = chosen.len() + set_aside;
            break;
        }
        let (edits, next, dropped) = apply_plan(&text, format, &chosen, &unsafe_planned);
        let mut newly_refused = false;
        for f in chosen.iter().chain(&unsafe_planned) {
            let Some(x) = f.fix.as_ref() else { continue };
            if edits.iter().any(|e| std::ptr::eq(*e, x)) {
                *summary.applied.entry(f.rule.clone()).or_default() += 1;
            } else if dropped.iter().any(|e| std::ptr::eq(*e, x)) {
                if let Some(k) = key(f) {
                    newly_refused |= refused.insert(k);
                }
            }
        }
        if edits.is_empty() {
            if newly_refused {
                continue;
            }
            break;
        }
        summary.skipped_overlap += set_aside;
        summary.passes += 1;
        text = next;
        // A refusal holds for the text it was judged on: once other fixes
        // change the text, the same fix may keep the markup
        // (`tests/fuzz_regressions/*/refusal_outlived_its_text_*`). Carried
        // over, a refusal left the loop stopped on a text that a fresh run,
        // which knows no refusal, fixed further: a converged fix was not a
        // fixed point. Judged afresh on each text, the refusals on the last
        // text are those a fresh run makes.
        refused.clear();
        report = scan(&text, &edits);
    }
    if !opts.unsafe_fixes && readable && summary.unresolved == 0 {
        // The loop settled: the safe fixes left are held back by unsafe
        // ones (those the markup refused aside).
        let left: Vec<Finding> = report
            .findings
            .iter()
            .filter(|f| key(f).is_none_or(|k| !refused.contains(&k)))
            .cloned()
            .collect();
        summary.held_back = plan(&left, &text, opts).held_back;
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
    /// Whether the input was standard input (never written: the caller
    /// prints the fixed text).
    pub stdin: bool,
    /// The file was read in a legacy code page and is written as UTF-8
    /// (the `invalid-encoding` fix, applied with `--unsafe-fixes`).
    pub transcoded: bool,
}

impl FileOutcome {
    /// The outcome of fixing a text that has no file to write back to.
    pub fn unwritten(original: String, fixed: Fixed) -> Self {
        Self {
            original,
            fixed,
            written: false,
            stdin: false,
            transcoded: false,
        }
    }

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
    let decoded = walk::read_decoded(input)?;
    fix_file(scanner, input, &decoded, None, opts, write)
}

/// [`fix_input`] for an input already read and decoded, in a scan of the
/// folder with these words (see [`fix_decoded`]).
pub fn fix_file(
    scanner: &Scanner,
    input: &Input,
    decoded: &Decoded,
    folder_words: Option<&Arc<Vocabulary>>,
    opts: &Options,
    write: bool,
) -> Result<FileOutcome, InputError> {
    let original = decoded.text.clone();
    let mut fixed = fix_decoded(scanner, &input.display, decoded, folder_words, opts);
    let legacy = matches!(decoded.encoding, Encoding::Legacy(_));
    // A file whose markup could not be read whole is never written, even
    // only transcoded.
    let format = scanner.config().format_for(&input.display);
    let whole = read_whole(format, &decoded.text);
    let transcoded = legacy && opts.unsafe_fixes && !decoded.lossy && whole;
    let target = if transcoded {
        Encoding::Utf8
    } else {
        decoded.encoding
    };
    if transcoded {
        // Written as UTF-8: what remains is judged as a UTF-8 file.
        fixed.report = scanner.scan_file_in(&input.display, &fixed.text, folder_words);
        if let Some(id) = transcoding_rule() {
            *fixed.summary.applied.entry(id.into()).or_default() += 1;
        }
        fixed.summary.files_changed = 1;
        fixed.report.fixes = Some(fixed.summary.clone());
    }
    let outcome = FileOutcome {
        original,
        fixed,
        written: false,
        stdin: input.source == Origin::Stdin,
        transcoded,
    };
    let mut written = false;
    if write && outcome.changed() {
        if let Origin::File(path) = &input.source {
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
            atomic::write_bytes(path, &bytes).map_err(|e| InputError {
                path: input.display.clone(),
                kind: ErrorKind::Io(format!(
                    "cannot write the fixed text, the file is unchanged: {}",
                    walk::io_message(&e)
                )),
            })?;
            written = true;
        }
    }
    Ok(FileOutcome { written, ..outcome })
}

/// The id under which converting a file to UTF-8 is counted: the rule that
/// speaks for the file's bytes.
fn transcoding_rule() -> Option<&'static str> {
    crate::rules::registry()
        .iter()
        .find(|r| r.speaks_for_bytes())
        .map(|r| r.meta().id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_follows_the_edits_before_it() {
        let e = |start: usize, end: usize, r: &str| fix(start, end, r);
        let (del, ins, cover) = (e(0, 2, ""), e(5, 5, "xyz"), e(8, 12, "ab"));
        let edits = [&del, &ins, &cover];
        assert_eq!(shifted(1, &edits[..1]), 0, "inside a deletion: its start");
        assert_eq!(shifted(4, &edits), 2, "after a deletion");
        assert_eq!(shifted(5, &edits), 6, "after an insertion at the offset");
        assert_eq!(shifted(9, &edits), 9, "inside a replacement: its start");
        assert_eq!(shifted(20, &edits), 19, "after all three");
    }

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
            unit: None,
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
        let scanner = Scanner::default();
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
        let scanner = Scanner::default();
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
            describe(&all, false),
            "Fixed 6 findings in 2 files (space-before-punctuation: 6). \
             4 unsafe fixes not applied (--unsafe-fixes applies them)."
        );
        assert!(describe(&FixSummary::default(), true).starts_with("Would fix 0 findings."));
    }
}
