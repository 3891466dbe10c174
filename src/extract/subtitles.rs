//! Subtitles: SubRip (`.srt`) and WebVTT (`.vtt`).
//!
//! The prose is the text of the cues, each cue its own paragraph and its own
//! [`Unit`] (named by its SubRip number or WebVTT identifier, else by its
//! 1-based index), the lines of a cue kept apart by a line break that stands
//! for the file's line ending.
//!
//! Skipped: cue numbers and identifiers, timing lines (with SubRip positions
//! or WebVTT cue settings), the `WEBVTT` line and the header under it,
//! `NOTE` blocks (listed as comments, where a suppression may be written),
//! `STYLE` and `REGION` blocks (a `Language:` line in the header names the
//! language of the file), and the tags inside cue text: `<i>`, `<b>`,
//! `<u>`, `<font …>` and `{\an8}`-style override blocks in SubRip; `<c.x>`,
//! `<v Speaker>`, `<lang en>`, `<ruby>`, `<00:00:01.000>` and the like in
//! WebVTT, where the annotation of a `<rt>` is skipped too (a reading beside
//! the text, not the text). Tags leave no trace, so they never glue or split
//! words. WebVTT's character references (`&amp;`, `&lt;`, `&nbsp;`, `&lrm;`,
//! `&#1575;`, …) are decoded; SubRip has none.
//!
//! A block without a valid timing line is a [`super::Problem`] and its lines
//! are read as text all the same; so is a cue that no blank line parts from
//! the one before, and a WebVTT file without its `WEBVTT` line. None of them
//! stop the reader: the structure of a subtitle file is its blank lines, and
//! a fix inside a cue's text cannot break it.

use std::ops::Range;

use super::{snippet, Builder, Format, Prose, Unit, UnitKind};

/// The prose of SubRip subtitles: the text of their cues.
///
/// ```
/// use mtlint::extract::subtitles::extract_srt;
/// let srt = "1\n00:00:01,000 --> 00:00:02,500\n<i>Hello</i> there\nfriend\n";
/// let prose = extract_srt(srt);
/// assert_eq!(prose.text, "Hello there\nfriend");
/// assert_eq!(prose.units[0].id, "1");
/// ```
pub fn extract_srt(original: &str) -> Prose<'_> {
    let mut r = Reader::new(original, false);
    r.run();
    r.b.finish(Format::Srt)
}

/// The prose of WebVTT subtitles: the text of their cues.
///
/// ```
/// use mtlint::extract::subtitles::extract_vtt;
/// let vtt = "WEBVTT\n\nintro\n00:01.000 --> 00:02.000 align:start\n<v Ann>Fish &amp; chips\n";
/// let prose = extract_vtt(vtt);
/// assert_eq!(prose.text, "Fish & chips");
/// assert_eq!(prose.units[0].id, "intro");
/// ```
pub fn extract_vtt(original: &str) -> Prose<'_> {
    let mut r = Reader::new(original, true);
    r.run();
    r.b.finish(Format::Vtt)
}

/// One line of the file: `start..end` is its text without the line ending,
/// `next` where the next line starts.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
    /// 1-based.
    number: usize,
}

/// Where a block's timing line is, and where its text starts.
enum Timing {
    /// A valid timing line at this index, after an identifier (index 1) or
    /// none (index 0).
    Valid(usize),
    /// No valid timing line: the line where one was expected, and the index
    /// of the first line read as text.
    Missing { expected: usize, text: usize },
}

struct Reader<'a> {
    src: &'a str,
    b: Builder<'a>,
    vtt: bool,
    /// How many cues were read, for the names of cues without one.
    cues: usize,
    /// Inside a WebVTT `<rt>` annotation, whose text is skipped.
    in_rt: bool,
}

impl<'a> Reader<'a> {
    fn new(src: &'a str, vtt: bool) -> Self {
        Self {
            src,
            b: Builder::new(src),
            vtt,
            cues: 0,
            in_rt: false,
        }
    }

    /// The text of a line.
    fn text(&self, l: &Line) -> &'a str {
        self.src.get(l.start..l.end).unwrap_or("")
    }

    fn is_blank(&self, l: &Line) -> bool {
        self.text(l).trim().is_empty()
    }

    fn run(&mut self) {
        // A byte order mark is not text: it must not hide the `WEBVTT` line
        // or the first cue number.
        let from = if self.src.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let lines = split_lines(self.src, from);
        let mut i = 0;
        if self.vtt {
            i = self.header(&lines);
        }
        while i < lines.len() {
            if self.is_blank(&lines[i]) {
                i += 1;
                continue;
            }
            let end = lines[i..]
                .iter()
                .position(|l| self.is_blank(l))
                .map_or(lines.len(), |n| i + n);
            self.block(&lines[i..end]);
            i = end;
        }
    }

    /// Skips the `WEBVTT` line and the header under it; the index of the
    /// first line after them.
    fn header(&mut self, lines: &[Line]) -> usize {
        let Some(first) = lines.first() else {
            self.no_header(0);
            return 0;
        };
        let t = self.text(first);
        let signature = t
            .strip_prefix("WEBVTT")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        if !signature {
            self.no_header(first.start);
            return 0;
        }
        // The header runs to the first blank line; a timing line ends it
        // too (a cue that forgot the blank line before it).
        let mut i = 1;
        while let Some(l) = lines.get(i) {
            if self.is_blank(l) || self.text(l).contains("-->") {
                break;
            }
            // The header's metadata may name the language of the cues.
            if let Some(code) = self.text(l).strip_prefix("Language:") {
                self.b.language(code);
            }
            i += 1;
        }
        i
    }

    fn no_header(&mut self, offset: usize) {
        self.b.problem(
            offset,
            "no `WEBVTT` line at the start of the file: read as WebVTT all the same",
            false,
        );
    }

    /// A block of non-blank lines: a cue (or several, when blank lines are
    /// missing between them), a `NOTE`, a `STYLE` or a `REGION`.
    fn block(&mut self, lines: &[Line]) {
        let Some(first) = lines.first() else { return };
        if self.vtt {
            let word = self.text(first).trim_end();
            let is = |kw: &str| {
                word.strip_prefix(kw)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
            };
            if is("NOTE") {
                let end = lines.last().map_or(first.end, |l| l.end);
                self.b.comment(first.start..end);
                return;
            }
            if (word == "STYLE" || word == "REGION") && !self.any_arrow(lines) {
                return;
            }
        }
        let mut start = 0;
        while start < lines.len() {
            let cue = &lines[start..];
            let timing = self.timing(cue);
            let text_from = match timing {
                Timing::Valid(t) => t + 1,
                Timing::Missing { text, .. } => text,
            };
            // A timing line further down starts another cue that the blank
            // line before it was forgotten for.
            let mut end = cue.len();
            for j in text_from.max(1)..cue.len() {
                if let Some(split) = self.next_cue_at(cue, j, text_from) {
                    end = split;
                    break;
                }
            }
            if start > 0 {
                self.b.problem(
                    cue[0].start,
                    format!(
                        "no blank line before cue {}: read as a new cue",
                        self.name(cue, &timing)
                    ),
                    false,
                );
            }
            self.cue(&cue[..end], timing, text_from);
            start += end.max(1);
        }
    }

    fn any_arrow(&self, lines: &[Line]) -> bool {
        lines.iter().any(|l| self.text(l).contains("-->"))
    }

    /// Whether line `j` of `cue` starts a new cue: the index it starts at.
    fn next_cue_at(&self, cue: &[Line], j: usize, text_from: usize) -> Option<usize> {
        let line = self.text(cue.get(j)?);
        if self.vtt {
            // WebVTT: a line with `-->` always ends the cue text.
            return line.contains("-->").then_some(j);
        }
        if !is_timing(line, false) {
            return None;
        }
        let numbered = j > text_from && cue.get(j - 1).is_some_and(|l| is_number(self.text(l)));
        Some(if numbered { j - 1 } else { j })
    }

    /// Where the timing line of the cue starting `cue` is.
    fn timing(&self, cue: &[Line]) -> Timing {
        let line = |i: usize| cue.get(i).map(|l| self.text(l));
        let l0 = line(0).unwrap_or("");
        let l1 = line(1);
        if self.vtt {
            if l0.contains("-->") {
                return if is_timing(l0, true) {
                    Timing::Valid(0)
                } else {
                    Timing::Missing {
                        expected: 0,
                        text: 1,
                    }
                };
            }
            return match l1 {
                Some(l1) if is_timing(l1, true) => Timing::Valid(1),
                Some(l1) if l1.contains("-->") => Timing::Missing {
                    expected: 1,
                    text: 2,
                },
                _ => Timing::Missing {
                    expected: 0,
                    text: 0,
                },
            };
        }
        if is_timing(l0, false) {
            return Timing::Valid(0);
        }
        if looks_like_timing(l0) {
            return Timing::Missing {
                expected: 0,
                text: 1,
            };
        }
        match l1 {
            Some(l1) if is_number(l0) && is_timing(l1, false) => Timing::Valid(1),
            Some(l1) if is_number(l0) && looks_like_timing(l1) => Timing::Missing {
                expected: 1,
                text: 2,
            },
            Some(_) if is_number(l0) => Timing::Missing {
                expected: 1,
                text: 1,
            },
            _ => Timing::Missing {
                expected: 0,
                text: 0,
            },
        }
    }

    /// How a cue is named: its number or identifier, else its index.
    fn name(&self, cue: &[Line], timing: &Timing) -> String {
        let first = cue.first().map(|l| self.text(l).trim()).unwrap_or("");
        let named = match timing {
            Timing::Valid(t) => *t == 1,
            // A number above a line that is not a valid timing.
            Timing::Missing { expected, .. } => *expected == 1 && (self.vtt || is_number(first)),
        };
        if named && !first.is_empty() {
            first.to_string()
        } else {
            (self.cues + 1).to_string()
        }
    }

    /// One cue: its text lines, from `text_from` on, become a paragraph.
    fn cue(&mut self, cue: &[Line], timing: Timing, text_from: usize) {
        let (Some(first), Some(last)) = (cue.first(), cue.last()) else {
            return;
        };
        let id = self.name(cue, &timing);
        if let Timing::Missing { expected, .. } = timing {
            let at = cue.get(expected).unwrap_or(first);
            self.b.problem(
                at.start,
                format!(
                    "cue {id} has no valid timing line `{}`: read as text",
                    snippet(self.text(at), 40)
                ),
                false,
            );
        }
        self.cues += 1;
        self.in_rt = false;
        let prose_start = self.b.prose_len();
        let text = cue.get(text_from..).unwrap_or(&[]);
        for (k, l) in text.iter().enumerate() {
            if k > 0 {
                if let Some(prev) = text.get(k - 1) {
                    self.b.line_break(prev.end..prev.next);
                }
            }
            self.cue_line(l.start..l.end);
        }
        let unit = Unit::new(UnitKind::Cue, id, first.number, first.start..last.end);
        self.b.unit(unit, prose_start);
        self.b.end_block();
    }

    /// The text of one line of a cue, without its tags.
    fn cue_line(&mut self, range: Range<usize>) {
        let bytes = self.src.as_bytes();
        let end = range.end.min(bytes.len());
        let mut run = range.start;
        let mut i = range.start;
        while i < end {
            let skip = match bytes[i] {
                b'<' => self.tag(i, end).map(|(next, rt)| {
                    // The text before the tag is written before the tag
                    // opens or closes a `<rt>`; the tag is not written.
                    self.write(run..i);
                    if let Some(rt) = rt {
                        self.in_rt = rt;
                    }
                    next
                }),
                b'{' if !self.vtt => override_block(bytes, i, end).inspect(|_| self.write(run..i)),
                // `reference` writes the text before it and its character.
                b'&' if self.vtt => self.reference(run, i, end),
                _ => None,
            };
            match skip {
                Some(next) => {
                    i = next;
                    run = next;
                }
                None => i += 1,
            }
        }
        self.write(run..end);
    }

    /// Text between tags, unless inside a `<rt>`.
    fn write(&mut self, range: Range<usize>) {
        if !self.in_rt && range.start < range.end {
            self.b.text(range);
        }
    }

    /// A tag at `i`: where it ends, and whether it opens (`Some(true)`) or
    /// closes (`Some(false)`) a WebVTT `<rt>` annotation.
    fn tag(&self, i: usize, end: usize) -> Option<(usize, Option<bool>)> {
        let bytes = self.src.as_bytes();
        let rest = bytes.get(i + 1..end)?;
        let close = rest.iter().position(|&c| c == b'>')?;
        let inner = rest.get(..close)?;
        let next = i + 1 + close + 1;
        if self.vtt {
            // Every `<` starts a tag in WebVTT (a literal one is `&lt;`);
            // one without its `>` on the line is read as text.
            let name = inner.split(|c| matches!(c, b'.' | b' ' | b'\t')).next();
            let rt = match name {
                Some(b"rt") => Some(true),
                Some(b"/rt" | b"/ruby") => Some(false),
                _ => None,
            };
            return Some((next, rt));
        }
        // SubRip has no escapes: `a < b` is text, `<i>` a tag.
        let name = inner.strip_prefix(b"/").unwrap_or(inner);
        if !name.first().is_some_and(u8::is_ascii_alphabetic) || inner.contains(&b'<') {
            return None;
        }
        Some((next, None))
    }

    /// A character reference at `i` in WebVTT: writes the text before it
    /// (from `run`) and its decoded character; where it ends.
    fn reference(&mut self, run: usize, i: usize, end: usize) -> Option<usize> {
        let bytes = self.src.as_bytes();
        let rest = bytes.get(i + 1..end)?;
        let semi = rest.iter().take(12).position(|&c| c == b';')?;
        let name = self.src.get(i + 1..i + 1 + semi)?;
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "nbsp" => '\u{a0}',
            "lrm" => '\u{200e}',
            "rlm" => '\u{200f}',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let num = name.strip_prefix('#')?;
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(code).filter(|&c| c != '\0')?
            }
        };
        let next = i + 1 + semi + 1;
        self.write(run..i);
        if !self.in_rt {
            let mut buf = [0; 4];
            self.b.decoded(i..next, c.encode_utf8(&mut buf));
        }
        Some(next)
    }
}

/// An ASS-style override block `{\an8}` at `i` in SubRip: where it ends.
fn override_block(bytes: &[u8], i: usize, end: usize) -> Option<usize> {
    if bytes.get(i + 1) != Some(&b'\\') {
        return None;
    }
    let close = bytes.get(i + 2..end)?.iter().position(|&c| c == b'}')?;
    Some(i + 2 + close + 1)
}

/// The lines of `src` from byte `from` on, as everywhere else in mtlint
/// (see [`crate::text::lines::lines`]; WebVTT's own definition too).
fn split_lines(src: &str, from: usize) -> Vec<Line> {
    crate::text::lines::lines_from(src, from)
        .enumerate()
        .map(|(i, l)| Line {
            start: l.start,
            end: l.end,
            next: l.next,
            number: i + 1,
        })
        .collect()
}

/// A SubRip cue number.
fn is_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit())
}

/// Whether `line` is meant as a SubRip timing line, though maybe a broken
/// one: it has an arrow, or starts with a time and has a shorter arrow.
fn looks_like_timing(line: &str) -> bool {
    let t = line.trim_start();
    t.contains("-->")
        || (t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(':') && t.contains("->"))
}

/// Whether `line` is a timing line: `00:00:01,000 --> 00:00:04,000` and
/// maybe SubRip positions or WebVTT cue settings after it.
fn is_timing(line: &str, vtt: bool) -> bool {
    let s = line.trim().as_bytes();
    let mut i = 0;
    if !timestamp(s, &mut i, vtt) {
        return false;
    }
    skip_blanks(s, &mut i);
    if s.get(i..i + 3) != Some(b"-->") {
        return false;
    }
    i += 3;
    skip_blanks(s, &mut i);
    if !timestamp(s, &mut i, vtt) {
        return false;
    }
    i == s.len() || matches!(s.get(i), Some(b' ' | b'\t'))
}

fn skip_blanks(s: &[u8], i: &mut usize) {
    while matches!(s.get(*i), Some(b' ' | b'\t')) {
        *i += 1;
    }
}

/// A run of ASCII digits at `i`: its length and value (saturating).
fn digits(s: &[u8], i: &mut usize) -> (usize, u32) {
    let start = *i;
    let mut value: u32 = 0;
    while let Some(c) = s.get(*i).filter(|c| c.is_ascii_digit()) {
        value = value.saturating_mul(10).saturating_add(u32::from(c - b'0'));
        *i += 1;
    }
    (*i - start, value)
}

/// A timestamp at `i`. SubRip: `h:mm:ss,mmm`, read leniently (one or two
/// digits for minutes and seconds, one to three for the fraction, `.` for
/// `,`). WebVTT as its specification says: `[h:]mm:ss.ttt`.
fn timestamp(s: &[u8], i: &mut usize, vtt: bool) -> bool {
    let (n1, v1) = digits(s, i);
    if n1 == 0 || s.get(*i) != Some(&b':') {
        return false;
    }
    *i += 1;
    let (n2, v2) = digits(s, i);
    let (minutes, seconds) = if s.get(*i) == Some(&b':') {
        *i += 1;
        let (n3, v3) = digits(s, i);
        if !(1..=2).contains(&n2) || !(1..=2).contains(&n3) || (vtt && (n2 != 2 || n3 != 2)) {
            return false;
        }
        (v2, v3)
    } else {
        if !vtt || n1 != 2 || n2 != 2 {
            return false; // SubRip needs the hours; WebVTT two-digit minutes
        }
        (v1, v2)
    };
    if minutes > 59 || seconds > 59 {
        return false;
    }
    let separator_ok = match s.get(*i) {
        Some(b'.') => true,
        Some(b',') => !vtt,
        _ => false,
    };
    if !separator_ok {
        return false;
    }
    *i += 1;
    let (n, _) = digits(s, i);
    if vtt {
        n == 3
    } else {
        (1..=3).contains(&n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::extract::testing::at;

    /// Every piece maps back to a range of `src` on char boundaries.
    fn check_mapping(src: &str, p: &Prose<'_>) {
        let whole = p.to_original(0..p.text.len());
        assert!(src.get(whole).is_some());
        for (i, _) in p.text.char_indices() {
            let r = p.to_original(i..i);
            assert!(src.is_char_boundary(r.start) && r.start <= src.len());
        }
        for u in &p.units {
            assert!(src.get(u.range.clone()).is_some());
            assert!(p.text.get(u.prose.clone()).is_some());
        }
    }

    const SRT: &str = "1\n\
        00:00:01,000 --> 00:00:04,000\n\
        <i>Hello</i> there,\n\
        my <font color=\"#ffff00\">friend</font>.\n\
        \n\
        2\n\
        00:00:05,000 --> 00:00:07,500 X1:100 X2:200 Y1:10 Y2:50\n\
        {\\an8}Up <b>here</b>!\n";

    #[test]
    fn srt_reads_cue_text_and_skips_numbers_timings_and_tags() {
        let p = extract_srt(SRT);
        assert_eq!(p.text, "Hello there,\nmy friend.\n\nUp here!");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert!(!p.text.contains("-->") && !p.text.contains("00:00"));
        assert!(!p.text.contains('<') && !p.text.contains("an8"));
        assert_eq!(&SRT[p.to_original(at(&p, "friend"))], "friend");
        assert_eq!(&SRT[p.to_original(at(&p, "Up"))], "Up");
        // A fix inside text is accepted, one across a tag refused.
        assert_eq!(p.fix_range(at(&p, "there")).map(|r| &SRT[r]), Some("there"));
        assert_eq!(p.fix_range(at(&p, "Hello there")), None);
        assert_eq!(p.fix_range(at(&p, "friend.")), None);
        // Across the line break between two lines of a cue, and between cues.
        assert_eq!(p.fix_range(at(&p, ",\nmy")).map(|r| &SRT[r]), Some(",\nmy"));
        assert_eq!(p.fix_range(at(&p, ".\n\nUp")), None);
    }

    #[test]
    fn srt_cues_are_units_named_by_number() {
        let p = extract_srt(SRT);
        let ids: Vec<_> = p.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(p.units[0].line, 1);
        assert_eq!(p.units[1].line, 6);
        assert_eq!(p.units[0].kind, UnitKind::Cue);
        assert_eq!(&p.text[p.units[1].prose.clone()], "Up here!");
        assert!(SRT[p.units[1].range.clone()].starts_with("2\n00:00:05"));
        assert_eq!(
            p.unit_at(at(&p, "friend").start).map(|u| u.id.as_str()),
            Some("1")
        );
        assert_eq!(p.language, None);
    }

    #[test]
    fn srt_arabic_with_crlf_bom_and_no_final_newline() {
        let src = "\u{feff}1\r\n00:00:01,000 --> 00:00:03,000\r\nقال الوزير ، إن\r\n<i>الحكومة</i> ستعمل\r\n\r\n\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\nشكرا جزيلا";
        let p = extract_srt(src);
        assert_eq!(p.text, "قال الوزير ، إن\nالحكومة ستعمل\n\nشكرا جزيلا");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.units.len(), 2);
        assert_eq!(p.units[0].id, "1");
        assert_eq!(&src[p.to_original(at(&p, "الوزير"))], "الوزير");
        // The line break stands for `\r\n`, and a fix may replace it.
        assert_eq!(
            &src[p.to_original(at(&p, "إن\nالحكومة"))],
            "إن\r\n<i>الحكومة"
        );
        assert_eq!(p.fix_range(at(&p, " ،")).map(|r| &src[r]), Some(" ،"));
        assert_eq!(&src[p.to_original(at(&p, "جزيلا"))], "جزيلا");
        check_mapping(src, &p);
    }

    #[test]
    fn srt_literal_angle_brackets_and_braces_stay() {
        let src = "1\n00:00:01,000 --> 00:00:02,000\na < b > c {not a tag} <3\n";
        let p = extract_srt(src);
        assert_eq!(p.text, "a < b > c {not a tag} <3");
        // SubRip has no entities.
        let p = extract_srt("1\n00:00:01,000 --> 00:00:02,000\nR&amp;D\n");
        assert_eq!(p.text, "R&amp;D");
    }

    #[test]
    fn srt_tags_never_glue_or_split_words() {
        let src = "1\n00:00:01,000 --> 00:00:02,000\nun<i>believ</i>able <b>two</b> <u>words</u>\n";
        let p = extract_srt(src);
        assert_eq!(p.text, "unbelievable two words");
    }

    #[test]
    fn srt_malformed_timing_is_a_problem_and_the_text_is_read() {
        let src = "1\n00:00:01,000 --> 00:00:02,000\nفي البداية\n\n\
                   2\n00:00:03,000 -> 00:00:04,000\nنص مفقود\n\n\
                   3\n00:00:05,000 --> 00:00:06,000\nالنهاية\n";
        let p = extract_srt(src);
        assert_eq!(p.text, "في البداية\n\nنص مفقود\n\nالنهاية");
        assert_eq!(p.problems.len(), 1);
        let pb = &p.problems[0];
        assert!(!pb.stopped);
        assert_eq!(
            pb.message,
            "cue 2 has no valid timing line `00:00:03,000 -> 00:00:04,000`: read as text"
        );
        assert_eq!(pb.offset, src.find("00:00:03").unwrap());
        let ids: Vec<_> = p.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        // Bad numbers in a timestamp are no timing either.
        for bad in [
            "00:61:00,000 --> 00:00:02,000",
            "00:00:01 --> 00:00:02,000",
            "00:00:01,000 --> 00:00:02,0000",
            "00:00:01,000 --> ",
            "00:00:01,000-->00:00:02,000x",
        ] {
            assert!(!is_timing(bad, false), "{bad}");
        }
        assert!(is_timing("0:0:1.5 --> 0:0:2.5", false));
        assert!(is_timing("00:00:01,000-->00:00:02,000", false));
    }

    #[test]
    fn srt_text_block_without_any_timing_is_read_with_a_problem() {
        let src = "1\n00:00:01,000 --> 00:00:02,000\nOne\n\nstray text\nhere\n";
        let p = extract_srt(src);
        assert_eq!(p.text, "One\n\nstray text\nhere");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(
            p.problems[0].message,
            "cue 2 has no valid timing line `stray text`: read as text"
        );
        assert_eq!(p.units[1].id, "2");
    }

    #[test]
    fn srt_missing_blank_line_between_cues_starts_a_new_cue() {
        let src = "1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n";
        let p = extract_srt(src);
        assert_eq!(p.text, "One\n\nTwo");
        let ids: Vec<_> = p.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(
            p.problems[0].message,
            "no blank line before cue 2: read as a new cue"
        );
        assert!(!p.stopped());
    }

    #[test]
    fn srt_cue_without_number_and_blank_line_variations() {
        let src = "\n\n  \n00:00:01,000 --> 00:00:02,000\nOne\n \t\n\n7\n00:00:03,000 --> 00:00:04,000\nTwo\n\n\n";
        let p = extract_srt(src);
        assert_eq!(p.text, "One\n\nTwo");
        let ids: Vec<_> = p.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["1", "7"]);
        assert_eq!(p.units[0].line, 4);
        assert!(p.problems.is_empty());
    }

    #[test]
    fn srt_empty_cue_and_empty_file() {
        let p = extract_srt("");
        assert_eq!(p.text, "");
        assert!(p.units.is_empty() && p.problems.is_empty());
        let p = extract_srt(
            "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nنعم\n",
        );
        assert_eq!(p.text, "نعم");
        assert_eq!(p.units.len(), 2);
        assert!(p.units[0].prose.is_empty());
        assert_eq!(p.unit_at(0).map(|u| u.id.as_str()), Some("2"));
    }

    const VTT: &str = "WEBVTT - Arabic subtitles\n\
        Kind: captions\n\
        Language: ar\n\
        \n\
        STYLE\n\
        ::cue { color: yellow }\n\
        \n\
        REGION\n\
        id:fred width:40%\n\
        \n\
        NOTE translated by machine,\n\
        checked by nobody\n\
        \n\
        intro\n\
        00:00:01.000 --> 00:00:04.000 align:start position:10% line:0\n\
        <v Ann>مرحبا</v> <c.yellow>بكم</c>\n\
        Fish &amp; chips &lt;3 &nbsp;&lrm;\n\
        \n\
        00:05.000 --> 00:07.000\n\
        <lang en>Karaoke</lang> <00:00:05.500>time <ruby>漢<rt>かん</rt></ruby>字\n";

    #[test]
    fn vtt_reads_cues_and_skips_header_note_style_region_and_tags() {
        let p = extract_vtt(VTT);
        assert_eq!(
            p.text,
            "مرحبا بكم\nFish & chips <3 \u{a0}\u{200e}\n\nKaraoke time 漢字"
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        for skipped in [
            "Kind", "Language", "cue {", "fred", "machine", "align", "Ann", "yellow", "かん",
            "intro",
        ] {
            assert!(!p.text.contains(skipped), "{skipped}");
        }
        // The NOTE block is a comment, where a suppression may be written.
        let comments = p.comments.clone().unwrap();
        assert_eq!(comments.len(), 1);
        assert_eq!(
            &VTT[comments[0].clone()],
            "NOTE translated by machine,\nchecked by nobody"
        );
        assert_eq!(&VTT[p.to_original(at(&p, "مرحبا"))], "مرحبا");
        assert_eq!(&VTT[p.to_original(at(&p, "&"))], "&amp;");
        assert_eq!(&VTT[p.to_original(at(&p, "<3"))], "&lt;3");
        // A fix over a whole reference is accepted, one into it refused.
        assert_eq!(p.fix_range(at(&p, " & ")).map(|r| &VTT[r]), Some(" &amp; "));
        assert_eq!(p.fix_range(at(&p, "<")).map(|r| &VTT[r]), Some("&lt;"));
        assert_eq!(p.fix_range(at(&p, "مرحبا بكم")), None);
    }

    #[test]
    fn vtt_units_named_by_identifier_else_index() {
        let p = extract_vtt(VTT);
        let ids: Vec<_> = p.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["intro", "2"]);
        assert_eq!(p.units[0].line, 14);
        assert_eq!(p.units[1].line, 19);
        assert_eq!(&p.text[p.units[1].prose.clone()], "Karaoke time 漢字");
        assert_eq!(p.units[0].source, None);
        assert_eq!(p.language.as_deref(), Some("ar"));
    }

    #[test]
    fn vtt_without_header_is_a_problem_and_cues_are_read() {
        let src = "00:00:01.000 --> 00:00:02.000\nقال الوزير ، إن\n";
        let p = extract_vtt(src);
        assert_eq!(p.text, "قال الوزير ، إن");
        assert_eq!(p.problems.len(), 1);
        assert!(p.problems[0].message.contains("WEBVTT"));
        assert!(!p.stopped());
        assert_eq!(p.problems[0].offset, 0);
        // `WEBVTTX` is no header either.
        let p = extract_vtt("WEBVTTX\n\n00:01.000 --> 00:02.000\nنص\n");
        assert_eq!(p.problems.len(), 2, "{:?}", p.problems);
    }

    #[test]
    fn vtt_bom_crlf_and_header_without_blank_line() {
        let src = "\u{feff}WEBVTT\r\n00:01.000 --> 00:02.000\r\nأهلا\r\nوسهلا";
        let p = extract_vtt(src);
        assert_eq!(p.text, "أهلا\nوسهلا");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.units[0].line, 2);
        assert_eq!(&src[p.to_original(at(&p, "\n"))], "\r\n");
        check_mapping(src, &p);
    }

    #[test]
    fn vtt_malformed_timing_is_a_problem_and_the_text_is_read() {
        let src = "WEBVTT\n\nc1\n00:00:01,000 --> 00:00:02.000\nبلا توقيت\n\n00:03.000 --> 00:04.000\nبعده\n";
        let p = extract_vtt(src);
        assert_eq!(p.text, "بلا توقيت\n\nبعده");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(
            p.problems[0].message,
            "cue c1 has no valid timing line `00:00:01,000 --> 00:00:02.000`: read as text"
        );
        let ids: Vec<_> = p.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["c1", "2"]);
        for bad in [
            "0:01.000 --> 00:02.000",
            "00:01.00 --> 00:02.000",
            "00:01.000 --> 00:02.000x",
        ] {
            assert!(!is_timing(bad, true), "{bad}");
        }
        assert!(is_timing("1:00:01.000 --> 100:00:02.000 line:0", true));
    }

    #[test]
    fn vtt_timing_line_inside_a_cue_starts_another() {
        let src = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n00:03.000 --> 00:04.000\nTwo\n";
        let p = extract_vtt(src);
        assert_eq!(p.text, "One\n\nTwo");
        assert_eq!(p.units.len(), 2);
        assert_eq!(p.problems.len(), 1);
    }

    #[test]
    fn vtt_unknown_references_and_lone_brackets_stay_text() {
        let src = "WEBVTT\n\n00:01.000 --> 00:02.000\nA &copy; B &#1575; C &#x644; & D < E\n";
        let p = extract_vtt(src);
        assert_eq!(p.text, "A &copy; B ا C ل & D < E");
        assert_eq!(&src[p.to_original(at(&p, "ا"))], "&#1575;");
    }

    #[test]
    fn timestamps_with_huge_numbers_do_not_overflow() {
        assert!(is_timing(
            "99999999999999999999:00:00,000 --> 00:00:01,000 x",
            false
        ));
        assert!(!is_timing(
            "00:99999999999999999999.000 --> 00:00.000",
            true
        ));
    }

    proptest! {
        #[test]
        fn never_panics_on_random_text(s in "(?s).{0,300}") {
            for p in [extract_srt(&s), extract_vtt(&s)] {
                check_mapping(&s, &p);
            }
        }

        #[test]
        fn never_panics_on_subtitle_like_text(
            s in "(WEBVTT|NOTE|STYLE|[0-9]{1,2}|\u{feff}|0?0:0[0-9]:0[0-9][.,][0-9]{1,3}| --> |<[/a-z.0-9 :]{0,6}>?|\\{\\\\an8\\}|&[a-z#0-9]{0,5};?|قال|\r?\n| |x){0,60}"
        ) {
            for p in [extract_srt(&s), extract_vtt(&s)] {
                check_mapping(&s, &p);
            }
        }

        #[test]
        fn never_panics_on_mutated_samples(
            cut in 0usize..400, len in 0usize..20, insert in "\\PC{0,4}"
        ) {
            for (sample, vtt) in [(SRT, false), (VTT, true)] {
                let mut s = sample.to_string();
                let mut a = cut.min(s.len());
                while !s.is_char_boundary(a) { a -= 1; }
                let mut b = (a + len).min(s.len());
                while !s.is_char_boundary(b) { b -= 1; }
                s.replace_range(a..b, &insert);
                let p = if vtt { extract_vtt(&s) } else { extract_srt(&s) };
                check_mapping(&s, &p);
            }
        }
    }
}
