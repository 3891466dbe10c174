//! Extract prose: the text a file of a known format holds for its readers,
//! without its markup.
//!
//! A [`Prose`] is the text the rules read, built piece by piece from the
//! original file: each piece is either a verbatim copy of a range of the file
//! or a decoded stand-in for one (an entity, an escape, a collapsed run of
//! white space), and blocks (a paragraph, a heading, a list item, a table
//! cell, a subtitle cue, a catalogue entry) are kept apart by a blank line
//! that stands for nothing in the file. Inline markup (`*word*`,
//! `[text](url)`, `<b>`) leaves no trace, so it never glues or splits words;
//! code cut out of a sentence is one neutral symbol ([`PLACEHOLDER`]) that no
//! fix touches. Every offset the rules give is mapped back into the file with
//! [`Prose::to_original`], and a fix only where it lies wholly inside prose
//! ([`Prose::fix_range`]), its replacement escaped as the format needs
//! ([`Format::escape`]).
//!
//! Plain text is its own prose, at no cost ([`Prose::plain`]).

pub mod html;
pub mod markdown;
pub mod po;
pub mod subtitles;
pub mod xliff;

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A format of input, chosen by extension or named on the command line
/// (`--input-format`) or in the configuration (`input-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text, read as it is.
    #[default]
    Text,
    /// CommonMark with GitHub's extensions, and front matter.
    Markdown,
    /// HTML.
    Html,
    /// SubRip subtitles.
    Srt,
    /// WebVTT subtitles.
    Vtt,
    /// A gettext catalogue (PO or POT).
    Po,
    /// An XLIFF 1.2 or 2.0 catalogue.
    Xliff,
}

impl Format {
    /// Every format, in the order of the documentation.
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Srt,
        Format::Vtt,
        Format::Po,
        Format::Xliff,
    ];

    /// The name used in reports, on the command line and in the
    /// configuration.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Srt => "srt",
            Format::Vtt => "vtt",
            Format::Po => "po",
            Format::Xliff => "xliff",
        }
    }

    /// The extensions (without the dot, lower case) read in this format.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "text"],
            Format::Markdown => &["md", "markdown", "mdown", "mkd"],
            Format::Html => &["html", "htm", "xhtml"],
            Format::Srt => &["srt"],
            Format::Vtt => &["vtt"],
            Format::Po => &["po", "pot"],
            Format::Xliff => &["xlf", "xliff"],
        }
    }

    /// The format of a name: its [`Format::name`] or one of its extensions.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| {
            f.name() == name
                || f.extensions().contains(&name.as_str())
                || (*f == Format::Vtt && name == "webvtt")
                || (*f == Format::Text && name == "plain")
        })
    }

    /// The format of a file, by its extension; plain text when none is
    /// known (standard input, `README`, `.log`).
    ///
    /// ```
    /// use mtlint::extract::Format;
    /// assert_eq!(Format::from_path("docs/guide.MD"), Format::Markdown);
    /// assert_eq!(Format::from_path("ar/LC_MESSAGES/app.po"), Format::Po);
    /// assert_eq!(Format::from_path("-"), Format::Text);
    /// ```
    pub fn from_path(path: &str) -> Self {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => {
                let ext = ext.to_ascii_lowercase();
                Self::ALL
                    .into_iter()
                    .find(|f| f.extensions().contains(&ext.as_str()))
                    .unwrap_or(Format::Text)
            }
            _ => Format::Text,
        }
    }

    /// Whether a file of this format is made of units (catalogue entries,
    /// subtitle cues) that findings name.
    pub fn has_units(self) -> bool {
        matches!(self, Format::Srt | Format::Vtt | Format::Po | Format::Xliff)
    }

    /// `replacement`, the text of a fix, written as this format needs it in
    /// the file: `&`, `<` and `>` as references in HTML, XLIFF and WebVTT,
    /// `"`, `\` and line breaks escaped in a PO string, Markdown's
    /// punctuation behind a backslash so that no fix makes markup.
    ///
    /// ```
    /// use mtlint::extract::Format;
    /// assert_eq!(Format::Html.escape("a & b"), "a &amp; b");
    /// assert_eq!(Format::Po.escape("«\"»"), "«\\\"»");
    /// assert_eq!(Format::Markdown.escape("*"), "\\*");
    /// assert_eq!(Format::Text.escape("<*>"), "<*>");
    /// ```
    pub fn escape(self, replacement: &str) -> Cow<'_, str> {
        let special: &[char] = match self {
            Format::Text | Format::Srt => return Cow::Borrowed(replacement),
            Format::Html | Format::Xliff | Format::Vtt => &['&', '<', '>'],
            Format::Po => &['"', '\\', '\n', '\t'],
            Format::Markdown => &['\\', '*', '_', '`', '[', ']', '<', '>', '~', '|'],
        };
        if !replacement.contains(special) {
            return Cow::Borrowed(replacement);
        }
        let mut out = String::with_capacity(replacement.len() + 8);
        for c in replacement.chars() {
            match (self, c) {
                (Format::Html | Format::Xliff | Format::Vtt, '&') => out.push_str("&amp;"),
                (Format::Html | Format::Xliff | Format::Vtt, '<') => out.push_str("&lt;"),
                (Format::Html | Format::Xliff | Format::Vtt, '>') => out.push_str("&gt;"),
                (Format::Po, '\n') => out.push_str("\\n"),
                (Format::Po, '\t') => out.push_str("\\t"),
                (Format::Po | Format::Markdown, c) if special.contains(&c) => {
                    out.push('\\');
                    out.push(c);
                }
                (_, c) => out.push(c),
            }
        }
        Cow::Owned(out)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

pub use crate::report::unit::{Unit, UnitKind};
pub use crate::text::markup::Problem;

/// The start of a line, at most `chars` characters of it trimmed, to quote
/// in a message about markup.
fn snippet(line: &str, chars: usize) -> &str {
    let line = line.trim();
    match line.char_indices().nth(chars) {
        Some((at, _)) => line.get(..at).unwrap_or(line),
        None => line,
    }
}

/// What the rules read in place of code or another object cut out of a
/// sentence: U+FFFC OBJECT REPLACEMENT CHARACTER, a symbol of no script
/// that no rule reads as a word or as punctuation.
pub const PLACEHOLDER: char = '\u{FFFC}';

/// One piece of prose: a range of the original file, copied or decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Where it starts in the prose; it ends where the next one starts.
    prose: usize,
    /// The bytes of the original file it stands for (empty for the blank
    /// line between blocks).
    start: usize,
    end: usize,
    /// Whether its prose is a copy of those bytes, byte for byte.
    verbatim: bool,
    /// Whether it stands for code or another object cut out of a sentence
    /// ([`Builder::placeholder`]): no fix may touch it.
    opaque: bool,
}

/// The prose of a file and where each of its bytes comes from.
#[derive(Debug, Clone)]
pub struct Prose<'a> {
    /// The format it was read in.
    pub format: Format,
    /// What the rules read.
    pub text: Cow<'a, str>,
    pieces: Vec<Piece>,
    /// Whether the prose is the original file itself.
    identity: bool,
    /// The units of the file, in order.
    pub units: Vec<Unit>,
    /// Where comments may hold suppressions (`<!-- mtlint: … -->`): the
    /// ranges of the original file's comments outside code, or `None` when
    /// every line may (plain text).
    pub comments: Option<Vec<Range<usize>>>,
    /// What was wrong with the markup.
    pub problems: Vec<Problem>,
    /// The language the file declares for its text (a catalogue's target
    /// language, `<html lang>`), if any.
    pub language: Option<String>,
}

impl<'a> Prose<'a> {
    /// Plain text: its own prose.
    pub fn plain(text: &'a str) -> Self {
        Self {
            format: Format::Text,
            text: Cow::Borrowed(text),
            pieces: vec![Piece {
                prose: 0,
                start: 0,
                end: text.len(),
                verbatim: true,
                opaque: false,
            }],
            identity: true,
            units: Vec::new(),
            comments: None,
            problems: Vec::new(),
            language: None,
        }
    }

    /// The prose of `original`, read as `format`.
    ///
    /// ```
    /// use mtlint::extract::{Format, Prose};
    /// let md = "# Title\n\nSome *fine* text with `code ,here`.\n";
    /// let prose = Prose::extract(Format::Markdown, md);
    /// assert_eq!(prose.text, "Title\n\nSome fine text with \u{FFFC}.");
    /// ```
    pub fn extract(format: Format, original: &'a str) -> Self {
        match format {
            Format::Text => Self::plain(original),
            Format::Markdown => markdown::extract(original),
            Format::Html => html::extract(original),
            Format::Srt => subtitles::extract_srt(original),
            Format::Vtt => subtitles::extract_vtt(original),
            Format::Po => po::extract(original),
            Format::Xliff => xliff::extract(original),
        }
    }

    /// Whether the prose is the original text itself, so that offsets need
    /// no mapping.
    pub fn is_identity(&self) -> bool {
        self.identity
    }

    /// Whether the reader stopped before the end of the file.
    pub fn stopped(&self) -> bool {
        self.problems.iter().any(|p| p.stopped)
    }

    /// The index of the piece holding prose byte `p` (the last piece when
    /// `p` is the end).
    fn piece_at(&self, p: usize) -> usize {
        self.pieces
            .partition_point(|x| x.prose <= p)
            .saturating_sub(1)
    }

    /// The prose end of piece `i`.
    fn piece_end(&self, i: usize) -> usize {
        self.pieces.get(i + 1).map_or(self.text.len(), |x| x.prose)
    }

    /// Where prose offset `p` starts in the original file.
    fn start_of(&self, p: usize) -> usize {
        if self.pieces.is_empty() {
            return 0;
        }
        let i = self.piece_at(p);
        let x = self.pieces[i];
        if p >= self.piece_end(i) {
            return x.end;
        }
        if x.verbatim {
            x.start + (p - x.prose)
        } else {
            x.start
        }
    }

    /// Where prose offset `p`, the end of a range, ends in the original.
    fn end_of(&self, p: usize) -> usize {
        if self.pieces.is_empty() {
            return 0;
        }
        if p == 0 {
            return self.pieces[0].start;
        }
        let i = self.piece_at(p - 1);
        let x = self.pieces[i];
        if x.verbatim {
            x.start + (p - x.prose)
        } else {
            x.end
        }
    }

    /// The range of the original file that prose `range` stands for: from
    /// where its first byte starts to where its last ends (an empty range
    /// maps to where its position starts).
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        if self.identity {
            return range;
        }
        let start = self.start_of(range.start);
        if range.is_empty() {
            return start..start;
        }
        let end = self.end_of(range.end).max(start);
        start..end
    }

    /// The range of the original file that a fix of prose `range` may
    /// replace, or `None` when it would touch markup: the range must lie in
    /// pieces that follow each other in the file with nothing between them,
    /// cover decoded pieces whole, and cover no blank line between blocks.
    /// An insertion needs text on both sides of it that touches.
    pub fn fix_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        if self.identity {
            return Some(range);
        }
        if self.pieces.is_empty() || range.end > self.text.len() {
            return None;
        }
        // The pieces that the range touches: for an insertion, the ones on
        // both sides of it.
        let (first, last) = if range.is_empty() {
            let p = range.start;
            let after = self.piece_at(p);
            if p > self.pieces[after].prose && p < self.piece_end(after) {
                // Strictly inside one piece: only a verbatim one can take it.
                let x = self.pieces[after];
                return x.verbatim.then(|| {
                    let o = x.start + (p - x.prose);
                    o..o
                });
            }
            if p == 0 || p >= self.text.len() {
                return None;
            }
            (self.piece_at(p - 1), self.piece_at(p))
        } else {
            (self.piece_at(range.start), self.piece_at(range.end - 1))
        };
        for i in first..=last {
            let x = self.pieces[i];
            if x.start == x.end && self.piece_end(i) > x.prose {
                return None; // a blank line between blocks
            }
            if x.opaque && !range.is_empty() {
                return None; // code stays as it is
            }
            if !x.verbatim && !range.is_empty() {
                let whole = range.start <= x.prose && self.piece_end(i) <= range.end;
                if !whole {
                    return None;
                }
            }
            if i < last && self.pieces[i + 1].start != x.end {
                return None; // markup between two pieces
            }
        }
        let r = self.to_original(range.clone());
        if range.is_empty() {
            let o = self.pieces[last].start;
            return Some(o..o);
        }
        Some(r)
    }

    /// The bytes of `original` (the file this prose was read from) that are
    /// not prose, in order, as the pieces between the prose: what a fix
    /// must leave exactly as it was.
    pub fn markup<'o>(&self, original: &'o str) -> Vec<&'o str> {
        // A reader may give pieces out of file order (HTML's `alt` text after
        // its paragraph): the gaps are between the ranges sorted.
        // Code stood for by a placeholder is markup too.
        let mut ranges: Vec<(usize, usize)> = self
            .pieces
            .iter()
            .filter(|x| !x.opaque)
            .map(|x| (x.start, x.end))
            .collect();
        ranges.sort_unstable();
        let mut out = Vec::new();
        let mut at = 0;
        for (start, end) in ranges {
            if start > at {
                out.extend(original.get(at..start));
            }
            at = at.max(end);
        }
        out.extend(original.get(at..).filter(|s| !s.is_empty()));
        out
    }

    /// How many blocks the prose has (paragraphs, cells, cues, entries).
    pub fn blocks(&self) -> usize {
        let breaks = self
            .pieces
            .iter()
            .filter(|x| x.start == x.end && !x.verbatim && !x.opaque)
            .count();
        usize::from(!self.text.is_empty()) + breaks
    }

    /// Whether `after`, a fixed copy of `before`, keeps every byte of its
    /// markup and the same blocks and units when read as `format`: the
    /// check `--fix` makes before it keeps a fix of a file in markup.
    pub fn same_markup(format: Format, before: &str, after: &str) -> bool {
        if format == Format::Text {
            return true;
        }
        let (a, b) = (
            Prose::extract(format, before),
            Prose::extract(format, after),
        );
        a.markup(before) == b.markup(after)
            && a.blocks() == b.blocks()
            && a.units.len() == b.units.len()
            && a.stopped() == b.stopped()
    }

    /// The unit holding prose offset `p`, if any.
    pub fn unit_at(&self, p: usize) -> Option<&Unit> {
        let i = self.units.partition_point(|u| u.prose.end <= p);
        self.units
            .get(i)
            .filter(|u| u.prose.start <= p && p < u.prose.end.max(u.prose.start + 1))
    }
}

/// Builds a [`Prose`] from the pieces of an original file, in order.
#[derive(Debug)]
pub struct Builder<'a> {
    original: &'a str,
    text: String,
    pieces: Vec<Piece>,
    units: Vec<Unit>,
    comments: Vec<Range<usize>>,
    problems: Vec<Problem>,
    language: Option<String>,
    /// A block ended: the next text starts a new paragraph.
    pending_break: bool,
}

impl<'a> Builder<'a> {
    /// A builder over `original`.
    pub fn new(original: &'a str) -> Self {
        Self {
            original,
            text: String::with_capacity(original.len()),
            pieces: Vec::new(),
            units: Vec::new(),
            comments: Vec::new(),
            problems: Vec::new(),
            language: None,
            pending_break: false,
        }
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The prose so far.
    pub fn prose(&self) -> &str {
        &self.text
    }

    /// Starts a piece of prose for original bytes `start..end`.
    fn push(&mut self, start: usize, end: usize, verbatim: bool, text: &str) {
        self.push_piece(start, end, verbatim, false, text);
    }

    /// [`Builder::push`], saying whether the piece is opaque.
    fn push_piece(&mut self, start: usize, end: usize, verbatim: bool, opaque: bool, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.pending_break {
            self.pending_break = false;
            if !self.text.is_empty() {
                let at = self.pieces.last().map_or(start, |x| x.end);
                self.pieces.push(Piece {
                    prose: self.text.len(),
                    start: at,
                    end: at,
                    verbatim: false,
                    opaque: false,
                });
                self.text.push_str("\n\n");
            }
        }
        // A copy that continues the last copy extends it.
        if let Some(last) = self.pieces.last_mut() {
            if verbatim && last.verbatim && !opaque && last.end == start {
                last.end = end;
                self.text.push_str(text);
                return;
            }
        }
        self.pieces.push(Piece {
            prose: self.text.len(),
            start,
            end,
            verbatim,
            opaque,
        });
        self.text.push_str(text);
    }

    /// Appends [`PLACEHOLDER`], standing for `original[range]`: code, math,
    /// an autolink or another object cut out of a sentence. The rules see
    /// one neutral symbol where it was, so the words and marks around it
    /// are neither glued (`a `x`, `y`` is not `a ,`) nor read as touching;
    /// no fix may touch it.
    pub fn placeholder(&mut self, range: Range<usize>) {
        if range.start <= range.end && range.end <= self.original.len() {
            let mut buf = [0; 4];
            self.push_piece(
                range.start,
                range.end,
                false,
                true,
                PLACEHOLDER.encode_utf8(&mut buf),
            );
        }
    }

    /// Appends `original[range]` to the prose as it is. A range that does
    /// not fall on character boundaries is ignored.
    pub fn text(&mut self, range: Range<usize>) {
        let Some(s) = self.original.get(range.clone()) else {
            debug_assert!(false, "not a range of the text: {range:?}");
            return;
        };
        self.push(range.start, range.end, true, s);
    }

    /// Appends `decoded`, which stands for `original[range]` (an entity, an
    /// escape sequence, white space collapsed): a fix replaces it whole or
    /// not at all.
    pub fn decoded(&mut self, range: Range<usize>, decoded: &str) {
        if self.original.get(range.clone()) == Some(decoded) {
            self.text(range);
        } else if range.start <= range.end && range.end <= self.original.len() {
            self.push(range.start, range.end, false, decoded);
        }
    }

    /// A line break inside a block, standing for `original[range]` (the
    /// line ending, possibly with the markup around it).
    pub fn line_break(&mut self, range: Range<usize>) {
        if self.text.is_empty() || self.pending_break || self.text.ends_with('\n') {
            return;
        }
        self.decoded(range, "\n");
    }

    /// Ends the current block: the next text is a new paragraph.
    pub fn end_block(&mut self) {
        self.pending_break = true;
    }

    /// Records a unit whose prose starts at `prose_start` (a value of
    /// [`Builder::prose_len`] taken before its text) and ends here.
    pub fn unit(&mut self, mut unit: Unit, prose_start: usize) {
        unit.prose = prose_start.min(self.text.len())..self.text.len();
        self.units.push(unit);
    }

    /// The length of the prose so far. When a block break is pending it
    /// counts the blank line about to be written.
    pub fn prose_len(&self) -> usize {
        if self.pending_break && !self.text.is_empty() {
            self.text.len() + 2
        } else {
            self.text.len()
        }
    }

    /// A comment of the original file outside code, where a suppression may
    /// be written.
    pub fn comment(&mut self, range: Range<usize>) {
        self.comments.push(range);
    }

    /// Records something wrong at byte `offset`; `stopped` when the reader
    /// could not go on past it.
    pub fn problem(&mut self, offset: usize, message: impl Into<String>, stopped: bool) {
        self.problems.push(Problem {
            offset: offset.min(self.original.len()),
            message: message.into(),
            stopped,
        });
    }

    /// The language the file declares for its text.
    pub fn language(&mut self, code: impl Into<String>) {
        let code: String = code.into();
        let code = code.trim();
        if !code.is_empty() {
            self.language = Some(code.to_string());
        }
    }

    /// The prose, read as `format`.
    pub fn finish(self, format: Format) -> Prose<'a> {
        let mut units = self.units;
        // Units with no prose after the last block are kept; their ranges stay ordered.
        units.sort_by_key(|u| (u.prose.start, u.range.start));
        Prose {
            format,
            text: Cow::Owned(self.text),
            pieces: self.pieces,
            identity: false,
            units,
            comments: Some(self.comments),
            problems: self.problems,
            language: self.language,
        }
    }
}

/// What the readers' tests share.
#[cfg(test)]
pub(crate) mod testing {
    use super::Prose;
    use std::ops::Range;

    /// The prose range of the first `w` in `p`.
    pub fn at(p: &Prose<'_>, w: &str) -> Range<usize> {
        let s = p
            .text
            .find(w)
            .unwrap_or_else(|| panic!("{w:?} not in {:?}", p.text));
        s..s + w.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `a *b* c &amp; d`, as a reader would build it.
    fn sample() -> (&'static str, Prose<'static>) {
        let src = "a *b* c &amp; d\n\nnext";
        let mut b = Builder::new(src);
        b.text(0..2);
        b.text(3..4);
        b.text(5..8);
        b.decoded(8..13, "&");
        b.text(13..15);
        b.end_block();
        b.text(17..21);
        (src, b.finish(Format::Html))
    }

    #[test]
    fn prose_drops_markup_and_decodes() {
        let (_, p) = sample();
        assert_eq!(p.text, "a b c & d\n\nnext");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let (src, p) = sample();
        let word = |w: &str| {
            let s = p.text.find(w).unwrap();
            s..s + w.len()
        };
        assert_eq!(&src[p.to_original(word("b"))], "b");
        assert_eq!(&src[p.to_original(word("b c"))], "b* c");
        assert_eq!(&src[p.to_original(word("&"))], "&amp;");
        assert_eq!(&src[p.to_original(word("next"))], "next");
    }

    #[test]
    fn fixes_stay_inside_prose() {
        let (src, p) = sample();
        let at = |w: &str| {
            let s = p.text.find(w).unwrap();
            s..s + w.len()
        };
        // Inside one piece: fine.
        assert_eq!(p.fix_range(at("c ")).map(|r| &src[r]), Some("c "));
        // Across the `*` markup: refused.
        assert_eq!(p.fix_range(at("b c")), None);
        // A whole entity, with the text around it that touches it.
        assert_eq!(p.fix_range(at(" & ")).map(|r| &src[r]), Some(" &amp; "));
        // Across the blank line between blocks: refused.
        assert_eq!(p.fix_range(at("d\n\nn")), None);
        // An insertion between two touching pieces, and where markup is.
        let amp = p.text.find('&').unwrap();
        assert_eq!(p.fix_range(amp..amp), Some(8..8));
        let b = p.text.find('b').unwrap();
        assert_eq!(p.fix_range(b..b), None);
        assert_eq!(p.fix_range(1..1), Some(1..1));
    }

    #[test]
    fn code_behind_a_placeholder_is_markup() {
        let src = "a `x` b";
        let mut b = Builder::new(src);
        b.text(0..2);
        b.placeholder(2..5);
        b.text(5..7);
        let p = b.finish(Format::Markdown);
        assert_eq!(p.text, "a \u{FFFC} b");
        assert_eq!(p.markup(src), ["`x`"]);
        assert_eq!(p.fix_range(1..6), None);
        assert_eq!(p.fix_range(2..2), Some(2..2));
        assert!(!Prose::same_markup(
            Format::Markdown,
            "`«`&#8288;`»`, and so on.",
            "`«``»`, and so on."
        ));
    }

    #[test]
    fn plain_text_is_the_identity() {
        let p = Prose::plain("abc");
        assert!(p.is_identity());
        assert_eq!(p.to_original(1..2), 1..2);
        assert_eq!(p.fix_range(3..3), Some(3..3));
    }

    #[test]
    fn folders_are_walked_for_every_format() {
        for f in Format::ALL {
            for e in f.extensions() {
                assert!(crate::read::walk::DEFAULT_EXTENSIONS.contains(e), "{e}");
            }
        }
    }

    #[test]
    fn formats_by_extension_and_name() {
        assert_eq!(Format::from_path("a/b.xlf"), Format::Xliff);
        assert_eq!(Format::from_path("a/b.srt"), Format::Srt);
        assert_eq!(Format::from_path(".md"), Format::Text);
        assert_eq!(Format::from_path("README"), Format::Text);
        assert_eq!(Format::from_name("WebVTT"), Some(Format::Vtt));
        assert_eq!(Format::from_name("pot"), Some(Format::Po));
        assert_eq!(Format::from_name("docx"), None);
    }
}
