//! Renderings of a [`Report`]. Renderers never rescan
//! text: everything they show comes from the report.
//!
//! - [`full`]: for people, each finding with its source line (like rustc).
//! - [`concise`]: one line a finding, for editors, grep and CI logs.
//! - [`marked`]: the text with inline markers, for snapshot diffs.
//! - [`jsonl`]: one JSON object a file; [`sarif`]: SARIF 2.1.0 for code
//!   scanning; [`github`]: GitHub Actions workflow annotations.
//! - [`html`]: one self-contained page for people who read the text.
//! - [`scores`]: the table of `mtlint score`.
//! - [`stream`]: any of these written file by file as a scan goes on.
//!
//! JSON is [`Report::to_json`](crate::report::Report::to_json), or streamed
//! with the same bytes by [`stream`].

pub mod concise;
pub mod full;
pub mod github;
pub mod html;
pub mod jsonl;
pub mod marked;
pub mod rules;
pub mod sarif;
pub mod scores;
pub mod stream;

use crate::report::finding::{Applicability, Finding};
use crate::report::{FileReport, Report, Summary, UnitKind};

/// How [`full`] and [`concise`] write.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Write ANSI colours and bold, and highlight the flagged span in the
    /// source line.
    pub color: bool,
    /// Wrap quoted text holding right-to-left letters in Unicode isolates
    /// (FSI U+2068 … PDI U+2069); see [`quote`]. On by default, whatever
    /// the output: off only for tools that cannot take invisible characters.
    pub isolate_rtl: bool,
    /// Leave out the summary line.
    pub quiet: bool,
    /// Columns of the terminal (or of the log) the source lines of [`full`]
    /// must fit in: a longer line is shown as a window around the span.
    pub width: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            color: false,
            isolate_rtl: true,
            quiet: false,
            width: DEFAULT_WIDTH,
        }
    }
}

/// The width of [`Options::width`] when nothing says otherwise.
pub const DEFAULT_WIDTH: usize = 80;

/// Makes text safe to quote in a terminal or a log: bidi controls and other
/// invisible or control characters become `<U+XXXX>`, so they can neither
/// reorder the surrounding output nor hide. Line breaks read as `\n` and `\r`.
pub fn escape_invisible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\n' {
            out.push_str("\\n");
        } else if c == '\r' {
            out.push_str("\\r");
        } else if is_invisible_or_control(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Where a finding of `file` is, beyond its line: the format the file was
/// read in and the unit (`po entry 12, fuzzy`, `srt cue 3`, `xliff unit
/// "greeting"`); `None` for plain text.
pub fn read_as(file: &FileReport, f: &Finding) -> Option<String> {
    let unit = f.unit.as_ref().map(|u| {
        let kind = match u.kind {
            UnitKind::Entry => "entry",
            UnitKind::Unit => "unit",
            UnitKind::Cue => "cue",
        };
        let id = if u.kind == UnitKind::Unit {
            format!("\"{}\"", escape_invisible(&u.id))
        } else {
            escape_invisible(&u.id)
        };
        match &u.state {
            Some(state) => format!("{kind} {id}, {}", escape_invisible(state)),
            None => format!("{kind} {id}"),
        }
    });
    match (file.format.as_str(), unit) {
        ("text", None) => None,
        (format, None) => Some(format.to_string()),
        (format, Some(u)) => Some(format!("{format} {u}")),
    }
}

/// The flagged text as it reads after its fix: the span covering both the
/// finding and the fix, with the fix applied, and that span's original text.
/// `None` when the finding has no fix.
pub fn before_after(source: &str, f: &Finding) -> Option<(String, String)> {
    let fix = f.fix.as_ref()?;
    let start = f.start.min(fix.start);
    let end = f.end.max(fix.end);
    let (Some(before_fix), Some(after_fix), Some(whole)) = (
        source.get(start..fix.start),
        source.get(fix.end..end),
        source.get(start..end),
    ) else {
        return None;
    };
    Some((
        whole.to_string(),
        format!("{before_fix}{}{after_fix}", fix.replacement),
    ))
}

/// Characters that show nothing, or that change how the text around them is shown.
pub fn is_invisible_or_control(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Whether `c` is a letter of a right-to-left script (bidi class R or AL:
/// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
pub fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
        && !matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Longest quoted text, in characters, before the middle is cut out.
const QUOTE_MAX: usize = 160;

/// `s` between straight double quotes, made readable whatever the terminal
/// does: invisible and control characters escaped as `<U+XXXX>`, the middle
/// of a very long text replaced by `…`.
///
/// Right-to-left text: a viewer that applies the Unicode bidi algorithm (a
/// bidi-capable terminal such as VTE, Konsole or mlterm, a browser showing
/// a CI log, an editor opening an `-o` file) lays out each line in a
/// left-to-right paragraph, so the weak and neutral characters at the edges
/// of an Arabic quote (a final `.`, a leading ` ،`, digits) attach to the
/// surrounding text and land on the wrong side of the Arabic word or outside
/// the quotes, and two Arabic quotes joined by `→` read as one right-to-left
/// run, after before. With `isolate` the content is wrapped in FSI … PDI
/// (UAX #9 isolates, what Fluent and HTML's `dir=auto` do for text of
/// unknown direction): inside, the direction comes from the first strong
/// letter; outside, the isolate is one neutral, so `"…" → "…"` stays in
/// order. The CLI isolates whatever the output is (`--no-bidi-isolates`
/// turns it off); a terminal without bidi support draws isolates as
/// nothing. annotate-snippets strips bidi controls from source lines, as
/// rustc does, so the caret row is never the only pointer: the `-->`
/// location and the quoted text always are.
pub fn quote(s: &str, isolate: bool) -> String {
    let body = escape_short(s);
    if isolate && s.chars().any(is_rtl) {
        format!("\"\u{2068}{body}\u{2069}\"")
    } else {
        format!("\"{body}\"")
    }
}

/// A message with each `` `quoted` `` or `"quoted"` piece that holds
/// right-to-left letters wrapped in isolates when `isolate` (see [`quote`]),
/// invisible characters escaped: the English words of a message and the
/// Arabic it quotes then never merge into one run.
pub fn isolate_message(message: &str, isolate: bool) -> String {
    let escaped = escape_invisible(message);
    if !isolate || !escaped.chars().any(is_rtl) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    // Code pieces first; double quotes count only outside them.
    isolate_pieces(&escaped, '`', &mut out, &|plain, out| {
        isolate_pieces(plain, '"', out, &|rest, out| out.push_str(rest));
    });
    out
}

/// `s` with each piece between two `delim`s that holds right-to-left
/// letters isolated; the text outside the pieces goes through `plain`.
fn isolate_pieces(s: &str, delim: char, out: &mut String, plain: &dyn Fn(&str, &mut String)) {
    let parts: Vec<&str> = s.split(delim).collect();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(delim);
        }
        // Odd parts are quoted, unless the last delimiter closes nothing.
        if i % 2 == 1 && i + 1 < parts.len() {
            if part.chars().any(is_rtl) {
                out.push('\u{2068}');
                out.push_str(part);
                out.push('\u{2069}');
            } else {
                out.push_str(part);
            }
        } else {
            plain(part, out);
        }
    }
}

/// `s` shortened to 160 characters (see [`shorten`]), with its
/// invisible characters escaped: quoted text in the text formats.
pub fn escape_short(s: &str) -> String {
    escape_invisible(&shorten(s, QUOTE_MAX))
}

/// `s` as is when it has at most `max` characters; else its start (about
/// two thirds of `max`) and its end (a quarter), with the middle replaced
/// by `…[N characters]…`. The cuts fall between characters, and between
/// graphemes as far as a few marks allow: a combining mark, a joiner or a
/// variation selector stays with the character before it.
pub fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let n = s.chars().count();
    if n <= max {
        return s.into();
    }
    let head = grapheme_end(s, char_offset(s, max * 2 / 3));
    let tail = grapheme_end(s, char_offset(s, n - max / 4)).max(head);
    let cut = s[head..tail].chars().count();
    format!("{}…[{cut} characters]…{}", &s[..head], &s[tail..]).into()
}

/// Byte offset of character `n` of `s` (its length past the end).
fn char_offset(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// The first place at or after byte `at` (a character boundary) that does
/// not cut a grapheme: past the marks, joiners, variation selectors and
/// skin-tone modifiers that continue the character before, and the
/// character after a zero-width joiner. A pathological run of marks is cut
/// after 32, so that the quote stays short.
fn grapheme_end(s: &str, mut at: usize) -> usize {
    use unicode_script::{Script, UnicodeScript};
    let mut prev = s[..at].chars().next_back();
    for c in s[at..].chars().take(32) {
        let continues = prev == Some('\u{200D}')
            || (prev == Some('\r') && c == '\n')
            || matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
            || (!c.is_ascii() && !c.is_alphanumeric() && c.script() == Script::Inherited);
        if !continues || prev.is_none() {
            break;
        }
        at += c.len_utf8();
        prev = Some(c);
    }
    at
}

/// The mark of a finding's fix in the concise format, as ruff marks its
/// fixes: `[*]` safe (`--fix` applies it), `[~]` unsafe (`--fix
/// --unsafe-fixes` does); `None` without a fix.
pub fn fix_mark(f: &Finding) -> Option<&'static str> {
    f.fix.as_ref().map(|fix| match fix.applicability {
        Applicability::Safe => "[*]",
        Applicability::Unsafe => "[~]",
    })
}

/// The line after the summary that says what the fixes would do:
/// `[*] 12 fixable with --fix; [~] 3 more with --fix --unsafe-fixes.`, or
/// `None` when no finding has a fix.
pub fn fixable_text(s: &Summary) -> Option<String> {
    let (safe, more) = (s.fixable_safe, s.fixable_unsafe);
    match (safe, more) {
        (0, 0) => None,
        (_, 0) => Some(format!("[*] {safe} fixable with --fix.")),
        (0, _) => Some(format!("[~] {more} fixable with --fix --unsafe-fixes.")),
        _ => Some(format!(
            "[*] {safe} fixable with --fix; [~] {more} more with --fix --unsafe-fixes."
        )),
    }
}

/// `n word`, with an `s` unless `n` is 1.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The closing line of a rendering:
/// `Found N findings (E errors, W warnings, I info) in F files.` or
/// `No findings in F files.`, or `No files scanned.` (the notices say why).
pub fn summary_line(report: &Report) -> String {
    summary_text(&report.summary)
}

/// [`summary_line`] from the counters alone, for streamed output that no
/// longer holds the files.
pub fn summary_text(s: &Summary) -> String {
    if s.files == 0 {
        return "No files scanned.".into();
    }
    let files = plural(s.files, "file");
    if s.findings == 0 {
        return format!("No findings in {files}.");
    }
    let count = |k: &str| s.by_severity.get(k).copied().unwrap_or(0);
    format!(
        "Found {} ({}, {}, {} info) in {files}.",
        plural(s.findings, "finding"),
        plural(count("error"), "error"),
        plural(count("warning"), "warning"),
        count("info"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_and_isolates_only_rtl() {
        assert_eq!(quote("a\u{200B}b", true), "\"a<U+200B>b\"");
        assert_eq!(quote("عليها.", false), "\"عليها.\"");
        assert_eq!(quote("عليها.", true), "\"\u{2068}عليها.\u{2069}\"");
        // Isolates in the text itself are escaped, never left to pair with ours.
        assert_eq!(
            quote("\u{2069}قال", true),
            "\"\u{2068}<U+2069>قال\u{2069}\""
        );
        assert_eq!(quote("١٢٣", true), "\"١٢٣\"");
        assert_eq!(
            isolate_message("joined: `أمس لا` and `x` and `قال", true),
            "joined: `\u{2068}أمس لا\u{2069}` and `x` and `قال"
        );
        assert_eq!(isolate_message("`قال`", false), "`قال`");
        // Double quotes too, but not inside a code piece.
        assert_eq!(
            isolate_message(
                "untranslated \"Kursk\": the document writes it \"كورسك\"",
                true
            ),
            "untranslated \"Kursk\": the document writes it \"\u{2068}كورسك\u{2069}\""
        );
        assert_eq!(
            isolate_message("`\"قال` and \"قال\"", true),
            "`\u{2068}\"قال\u{2069}` and \"\u{2068}قال\u{2069}\""
        );
        let long = "ب".repeat(400);
        let q = quote(&long, false);
        assert!(
            q.contains("…[254 characters]…") && q.chars().count() < 180,
            "{q}"
        );
    }

    #[test]
    fn long_text_keeps_its_ends_and_whole_graphemes() {
        // 500,000 tatweels quote in a line, not a megabyte.
        let tatweels = "ـ".repeat(500_000);
        let q = quote(&format!("قال{tatweels}بوتين"), false);
        assert!(q.starts_with("\"قالـ") && q.ends_with("ـبوتين\""), "{q}");
        assert!(q.contains("…[499862 characters]…") && q.len() < 600, "{q}");
        // A cut never separates a letter from its harakat, nor an emoji
        // from its modifier or what a joiner joins.
        let marked = "بَ".repeat(200);
        for part in shorten(&marked, 160).split(['…', '[', ']']) {
            assert!(!part.starts_with('\u{064E}'), "{part}");
        }
        let family = "👩\u{200D}👧".repeat(100);
        let short = shorten(&family, 160);
        let (head, rest) = short.split_once('…').unwrap();
        let tail = rest.rsplit_once('…').unwrap().1;
        assert!(
            !head.ends_with('\u{200D}') && !tail.starts_with('\u{200D}'),
            "{short}"
        );
        assert!(tail.starts_with('👩'), "{short}");
        assert_eq!(shorten("short", 160), "short");
    }

    #[test]
    fn summary_line_counts_and_pluralizes() {
        let mut r = Report::new(vec![]);
        assert_eq!(summary_line(&r), "No files scanned.");
        r.summary.files = 1;
        r.summary.findings = 3;
        r.summary.by_severity.insert("error".into(), 1);
        r.summary.by_severity.insert("info".into(), 2);
        assert_eq!(
            summary_line(&r),
            "Found 3 findings (1 error, 0 warnings, 2 info) in 1 file."
        );
    }
}
