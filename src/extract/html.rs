//! HTML (and XHTML): the text a reader sees on the page.
//!
//! The file is read by a WHATWG tokenizer ([`html5gum`]) whose byte offsets
//! map every piece of prose back into the file.
//!
//! **Read:** text, with character references (`&amp;`, `&nbsp;`, `&#1575;`)
//! decoded (each one a decoded piece standing for the whole reference, so that
//! a fix replaces it whole or not at all); the `<title>`; the `alt` and
//! `title` attributes (the value inside the quotes), each as its own paragraph
//! placed after the block that holds it, so that an image or a link with a
//! tooltip never splits the sentence around it; `<noscript>`, which is what a
//! reader without scripts sees.
//!
//! **Skipped:** the content of `script`, `style`, `template`, `textarea`,
//! `iframe`, `noembed`, `noframes`, `xmp`, `plaintext`, of code (`pre`,
//! `listing`, and inline `code`, `kbd`, `samp`, `var`, `tt`) and of `svg` and
//! `math`; attributes other than `alt` and `title` and those of `<meta>`,
//! `<link>` and the skipped elements; comments, the doctype, processing
//! instructions and CDATA sections.
//!
//! **Blocks:** a block element (`p`, `div`, `h1`…`h6`, `li`, `td`, `th`,
//! `title`, `option`, …) starts and ends a paragraph; `<br>` is a line break.
//! Inline elements (`a`, `b`, `em`, `span`, …) leave no trace: `un<b>believ</b>able`
//! reads `unbelievable`.
//!
//! **White space** is what the browser shows: a run of white space holding a
//! line break, a tab or two spaces reads as one space (a decoded piece), a
//! single space stays as it is, and the white space at the start and end of a
//! block is left out, so that the indentation of the source never looks like
//! double spaces or line structure to the rules.
//!
//! **Skipped inline elements** (`code`, `svg`, an image, a form field) are one
//! neutral symbol to the rules ([`super::PLACEHOLDER`]), with the white space
//! around them as written: `see <code>x</code>.` reads `see ￼.` and
//! `<code>a</code>, <code>b</code>` reads `￼, ￼`, so that cutting code out
//! never glues words, never makes a space before punctuation and never makes
//! a run of commas. The symbol stands for no byte of the file: no fix
//! touches it.
//!
//! **Comments** outside skipped elements are recorded for suppressions;
//! `<html lang>` (or `xml:lang`, or the first on `<body>`) is the file's
//! language.
//!
//! **Problems:** an unclosed comment, a tag left open at the end of the file,
//! and a `script`, `style`, `title`, `pre`, `svg`… that is never closed, each
//! of which swallows the rest of the file. Tag soup is normal HTML and is not
//! a problem. The reader never stops: what the tokenizer recovers, it reads.
//!
//! An XHTML file reads the same, with these caveats: a self-closing
//! `<script/>` or `<code/>` is empty (as XML has it, where HTML would skip to
//! its end tag), and a CDATA section outside `svg`/`math` is read as the
//! bogus comment HTML makes of it.

use std::collections::HashSet;
use std::convert::Infallible;
use std::ops::Range;

use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, Error, ForwardingEmitter, Span, State, Tokenizer};

use super::{Builder, Format, Prose};

/// The prose of an HTML or XHTML file.
pub fn extract(original: &str) -> Prose<'_> {
    let mut reader = Reader::new(original);
    let emitter = Spy {
        inner: CallbackEmitter::new(Events(&mut reader)),
        pos: 0,
    };
    // The tokenizer reads a string: it cannot fail.
    let Ok(()) = Tokenizer::new_with_emitter(original, emitter).finish();
    reader.finish()
}

/// What an element does to the prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Starts and ends a paragraph.
    Block,
    /// A line break.
    Br,
    /// Inline: leaves no trace.
    Inline,
    /// Something shown in the line that is not text (an image, a form
    /// field): a gap between words.
    Replaced,
    /// Metadata whose attributes are not prose (`meta`, `link`, `base`).
    Meta,
    /// An element whose content the tokenizer reads as raw text.
    Raw(RawKind),
    /// An element whose content (HTML) is skipped.
    Skip(SkipKind),
}

/// An element whose content is raw text to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RawKind {
    name: &'static str,
    state: State,
    /// Its text is prose (`title`).
    read: bool,
    /// A block of its own (`title`, `xmp`, `plaintext`).
    block: bool,
    /// Shown in the line, a gap between words (`textarea`, `iframe`).
    gap: bool,
}

/// An element whose content is skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SkipKind {
    name: &'static str,
    /// Its index in [`Skipped::counts`].
    id: usize,
    /// A block of its own (`pre`).
    block: bool,
    /// Shown in the line, a gap between words (`code`, `svg`).
    gap: bool,
    /// Inline code, ended by the end of the block that holds it when its end
    /// tag is missing.
    inline: bool,
    /// SVG or MathML, where `<style>` and `<title>` are not HTML's.
    foreign: bool,
}

const fn raw(name: &'static str, state: State, read: bool, block: bool, gap: bool) -> Kind {
    Kind::Raw(RawKind {
        name,
        state,
        read,
        block,
        gap,
    })
}

const fn skip(
    name: &'static str,
    id: usize,
    block: bool,
    gap: bool,
    inline: bool,
    foreign: bool,
) -> Kind {
    Kind::Skip(SkipKind {
        name,
        id,
        block,
        gap,
        inline,
        foreign,
    })
}

/// The kind of the element named `name` (lower case, as the tokenizer gives
/// it).
fn kind(name: &[u8]) -> Kind {
    match name {
        b"address" | b"article" | b"aside" | b"blockquote" | b"body" | b"caption" | b"center"
        | b"col" | b"colgroup" | b"dd" | b"details" | b"dialog" | b"dir" | b"div" | b"dl"
        | b"dt" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"form" | b"frame"
        | b"frameset" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"head" | b"header"
        | b"hgroup" | b"hr" | b"html" | b"legend" | b"li" | b"main" | b"menu" | b"nav" | b"ol"
        | b"optgroup" | b"option" | b"p" | b"search" | b"section" | b"select" | b"summary"
        | b"table" | b"tbody" | b"td" | b"tfoot" | b"th" | b"thead" | b"tr" | b"ul" => Kind::Block,
        b"br" => Kind::Br,
        b"img" | b"input" | b"embed" | b"object" | b"video" | b"audio" | b"canvas" => {
            Kind::Replaced
        }
        b"meta" | b"link" | b"base" => Kind::Meta,
        b"script" => raw("script", State::ScriptData, false, false, false),
        b"style" => raw("style", State::RawText, false, false, false),
        b"title" => raw("title", State::RcData, true, true, false),
        b"textarea" => raw("textarea", State::RcData, false, false, true),
        b"iframe" => raw("iframe", State::RawText, false, false, true),
        b"xmp" => raw("xmp", State::RawText, false, true, false),
        b"noembed" => raw("noembed", State::RawText, false, false, false),
        b"noframes" => raw("noframes", State::RawText, false, false, false),
        b"plaintext" => raw("plaintext", State::PlainText, false, true, false),
        b"code" => skip("code", 0, false, true, true, false),
        b"kbd" => skip("kbd", 1, false, true, true, false),
        b"samp" => skip("samp", 2, false, true, true, false),
        b"var" => skip("var", 3, false, true, true, false),
        b"tt" => skip("tt", 4, false, true, true, false),
        b"pre" => skip("pre", 5, true, false, false, false),
        b"listing" => skip("listing", 6, true, false, false, false),
        b"template" => skip("template", 7, false, false, false, false),
        b"svg" => skip("svg", 8, false, true, false, true),
        b"math" => skip("math", 9, false, true, false, true),
        _ => Kind::Inline,
    }
}

impl Kind {
    /// Whether it starts or ends a block, which ends inline code left open.
    fn is_block(self) -> bool {
        match self {
            Kind::Block => true,
            Kind::Raw(r) => r.block,
            Kind::Skip(s) => s.block,
            _ => false,
        }
    }
}

/// An element being skipped.
#[derive(Debug, Clone, Copy)]
struct Open {
    kind: SkipKind,
    /// Where its start tag starts.
    start: usize,
}

/// How many kinds of skipped element there are.
const SKIP_KINDS: usize = 10;

/// The elements whose content is being skipped, innermost last, with counts
/// that keep every step constant-time however deep the nesting.
#[derive(Debug, Default)]
struct Skipped {
    open: Vec<Open>,
    /// How many of each kind are open.
    counts: [usize; SKIP_KINDS],
    /// How many open ones are not inline code.
    not_inline: usize,
    /// How many open ones are SVG or MathML.
    foreign: usize,
}

impl Skipped {
    fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// The outermost.
    fn first(&self) -> Option<&Open> {
        self.open.first()
    }

    /// Whether all are inline code, which a block ends.
    fn all_inline(&self) -> bool {
        self.not_inline == 0
    }

    /// Whether this is inside SVG or MathML.
    fn in_foreign(&self) -> bool {
        self.foreign > 0
    }

    fn push(&mut self, open: Open) {
        if let Some(n) = self.counts.get_mut(open.kind.id) {
            *n += 1;
        }
        self.not_inline += usize::from(!open.kind.inline);
        self.foreign += usize::from(open.kind.foreign);
        self.open.push(open);
    }

    /// Closes the innermost open element named `name` and those inside it;
    /// returns it, or `None` when none is open.
    fn close(&mut self, name: &[u8]) -> Option<Open> {
        let Kind::Skip(kind) = kind(name) else {
            return None;
        };
        if self.counts.get(kind.id).is_none_or(|&n| n == 0) {
            return None;
        }
        while let Some(open) = self.open.pop() {
            if let Some(n) = self.counts.get_mut(open.kind.id) {
                *n = n.saturating_sub(1);
            }
            self.not_inline = self
                .not_inline
                .saturating_sub(usize::from(!open.kind.inline));
            self.foreign = self.foreign.saturating_sub(usize::from(open.kind.foreign));
            if open.kind.id == kind.id {
                return Some(open);
            }
        }
        None
    }

    fn clear(&mut self) {
        self.open.clear();
        self.counts = [0; SKIP_KINDS];
        self.not_inline = 0;
        self.foreign = 0;
    }
}

/// An element whose raw text the tokenizer is reading.
#[derive(Debug, Clone, Copy)]
struct RawOpen {
    kind: RawKind,
    start: usize,
}

/// Which attribute of a start tag is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    Other,
    Alt,
    Title,
    Lang,
}

/// An `alt` or `title` attribute read, to be written after its block.
#[derive(Debug)]
struct Deferred {
    /// The value in the file.
    span: Range<usize>,
    /// The value, decoded.
    value: String,
    /// Where the tokenizer's pieces of the value end (see [`Reader::text_cps`]).
    cps: Vec<(usize, usize)>,
}

/// HTML's white space.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r')
}

/// The state of the read: the prose being built and where the tokenizer is.
#[derive(Debug)]
struct Reader<'a> {
    src: &'a str,
    b: Builder<'a>,

    /// At the start of a block or line: white space is left out.
    line_start: bool,
    /// White space after the last word, written before the next one.
    pending_space: Option<Range<usize>>,
    /// Where a skipped inline element (a gap) starts, since the last word.
    gap: Option<usize>,
    /// White space after the gap, when there was some before it too.
    space_after_gap: Option<Range<usize>>,
    /// Whether the current block has text yet.
    block_has_text: bool,
    /// A `<br>` after the last word, written before the next one in its
    /// block (one at the end of a block is nothing).
    pending_line: Option<Range<usize>>,
    /// `alt` and `title` attributes waiting for the end of their block.
    deferred: Vec<Deferred>,
    /// The `alt` and `title` values already read: a tooltip a template
    /// repeats on every item ("Stable since 1.0.0") is read once, not as
    /// a page of duplicate lines.
    attributes_read: HashSet<String>,

    /// The elements whose content is being skipped.
    skipped: Skipped,
    /// The element whose raw text is being read, if any.
    raw: Option<RawOpen>,
    /// The state the tokenizer is to switch to after the start tag just
    /// read.
    next_state: Option<State>,

    /// Where each piece the tokenizer gave of the current text ends: (byte
    /// offset in the file, length of the decoded text so far). A character
    /// reference is one piece, which maps it exactly.
    text_cps: Vec<(usize, usize)>,
    text_len: usize,
    /// The same for the current attribute value.
    attr_cps: Vec<(usize, usize)>,
    attr_len: usize,

    /// Where the last tag, comment or doctype started (its `<`).
    markup_start: usize,
    /// The start tag being read: its name, where it starts, whether its
    /// `alt`/`title` are prose, whether it may declare the language.
    tag_name: Vec<u8>,
    tag_start: usize,
    in_start_tag: bool,
    tag_reads_attrs: bool,
    tag_may_declare_lang: bool,
    /// `alt`, `title` already seen on this tag: later duplicates are ignored
    /// as browsers do.
    seen_alt: bool,
    seen_title: bool,
    attr: Attr,
    lang_done: bool,

    /// Problems already reported, one of each kind.
    reported_comment: bool,
    reported_tag: bool,
}

impl<'a> Reader<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            b: Builder::new(src),
            line_start: true,
            pending_space: None,
            gap: None,
            space_after_gap: None,
            block_has_text: false,
            pending_line: None,
            deferred: Vec::new(),
            skipped: Skipped::default(),
            raw: None,
            next_state: None,
            text_cps: Vec::new(),
            text_len: 0,
            attr_cps: Vec::new(),
            attr_len: 0,
            markup_start: 0,
            tag_name: Vec::new(),
            tag_start: 0,
            in_start_tag: false,
            tag_reads_attrs: false,
            tag_may_declare_lang: false,
            seen_alt: false,
            seen_title: false,
            attributes_read: HashSet::new(),
            attr: Attr::Other,
            lang_done: false,
            reported_comment: false,
            reported_tag: false,
        }
    }

    /// The end of the file.
    fn finish(mut self) -> Prose<'a> {
        if let Some(r) = self.raw {
            let what = if r.kind.read {
                "read as the title"
            } else {
                "skipped as its content"
            };
            let message = format!("unclosed <{}>: the rest of the file is {what}", r.kind.name);
            self.b.problem(r.start, message, false);
        } else if let Some(open) = self.skipped.first() {
            let message = format!(
                "unclosed <{}>: the rest of the file is skipped",
                open.kind.name
            );
            self.b.problem(open.start, message, false);
        }
        self.block_end();
        self.b.finish(Format::Html)
    }

    /// Whether text here is prose.
    fn reading_text(&self) -> bool {
        self.skipped.is_empty() && self.raw.is_none_or(|r| r.kind.read)
    }

    /// Whether attributes here may be prose.
    fn reading_markup(&self) -> bool {
        self.skipped.is_empty() && self.raw.is_none()
    }

    /// A text node of `span` in the file, which the tokenizer decoded to
    /// `value`.
    fn on_text(&mut self, value: &[u8], span: Range<usize>) {
        let cps = std::mem::take(&mut self.text_cps);
        if self.reading_text() {
            align(self.src, span, value, &cps, |r, d| self.feed(r, d));
        }
        self.text_cps = cps;
        self.text_cps.clear();
        self.text_len = 0;
    }

    /// A piece of text: `original[range]` as it is, or `decoded`.
    fn feed(&mut self, range: Range<usize>, decoded: Option<&str>) {
        match decoded {
            Some(d) if !d.is_empty() && d.bytes().all(is_space) => self.space(range),
            Some(d) => self.word(range, Some(d)),
            None => {
                let bytes = self.src.as_bytes();
                let mut i = range.start;
                while i < range.end {
                    let space = bytes.get(i).copied().is_some_and(is_space);
                    let mut j = i + 1;
                    while j < range.end && bytes.get(j).copied().is_some_and(is_space) == space {
                        j += 1;
                    }
                    if space {
                        self.space(i..j);
                    } else {
                        self.word(i..j, None);
                    }
                    i = j;
                }
            }
        }
    }

    /// White space: kept for the next word, if one comes in this block.
    fn space(&mut self, range: Range<usize>) {
        if self.line_start {
            return;
        }
        let gap = self.gap;
        match &mut self.pending_space {
            // One run, in pieces (` &#10; `, `\r\n`): one space for all.
            Some(p) if p.end == range.start => p.end = range.end,
            // `a <code>x</code> b`: a space on each side of the gap.
            Some(p) if gap.is_some_and(|at| p.end <= at) => match &mut self.space_after_gap {
                Some(q) if q.end == range.start => q.end = range.end,
                Some(_) => {}
                None => self.space_after_gap = Some(range),
            },
            Some(_) => {}
            None => self.pending_space = Some(range),
        }
    }

    /// Text that is not white space.
    fn word(&mut self, range: Range<usize>, decoded: Option<&str>) {
        let text = match decoded {
            Some(d) => d,
            None => self.src.get(range.clone()).unwrap_or_default(),
        };
        if text.is_empty() {
            return;
        }
        if let Some(br) = self.pending_line.take() {
            self.b.line_break(br);
        }
        if !self.line_start {
            // A skipped element in the line (`code`, an image, a field) is
            // one neutral symbol to the rules, where it was: `a <code>x</code>,
            // <code>y</code>` reads `a ￼, ￼`, neither glued nor a run of
            // commas. It stands for no bytes, so no fix reaches into it.
            let after = self.space_after_gap.take();
            match (self.pending_space.take(), self.gap) {
                (Some(space), Some(at)) if space.start < at => {
                    self.b.decoded(space, " ");
                    self.b.placeholder(at..at);
                    if let Some(after) = after {
                        self.b.decoded(after, " ");
                    }
                }
                (Some(space), Some(at)) => {
                    self.b.placeholder(at..at);
                    self.b.decoded(space, " ");
                }
                (Some(space), None) => self.b.decoded(space, " "),
                (None, Some(at)) => self.b.placeholder(at..at),
                (None, None) => {}
            }
        }
        self.pending_space = None;
        self.gap = None;
        self.space_after_gap = None;
        self.line_start = false;
        self.block_has_text = true;
        match decoded {
            Some(d) => self.b.decoded(range, d),
            None => self.b.text(range),
        }
    }

    /// A skipped inline element starting at `at`.
    fn gap(&mut self, at: usize) {
        if !self.line_start && self.gap.is_none() {
            self.gap = Some(at);
        }
    }

    /// Forgets the white space and gap before the end of a line or block.
    fn line_done(&mut self) {
        self.line_start = true;
        self.pending_space = None;
        self.gap = None;
        self.space_after_gap = None;
    }

    /// The end of a block; the attributes read in it follow, each a
    /// paragraph.
    fn block_end(&mut self) {
        self.line_done();
        self.block_has_text = false;
        self.pending_line = None;
        self.b.end_block();
        if self.deferred.is_empty() {
            return;
        }
        let mut deferred = std::mem::take(&mut self.deferred);
        for a in &deferred {
            if !self.attributes_read.insert(a.value.trim().to_string()) {
                continue;
            }
            align(
                self.src,
                a.span.clone(),
                a.value.as_bytes(),
                &a.cps,
                |r, d| self.feed(r, d),
            );
            self.line_done();
            self.block_has_text = false;
            self.b.end_block();
        }
        deferred.clear();
        self.deferred = deferred;
    }

    /// `<br>`.
    fn line_break(&mut self, range: Range<usize>) {
        self.line_done();
        if self.block_has_text && self.pending_line.is_none() {
            self.pending_line = Some(range);
        }
    }

    /// A start tag, `<name …>`, ending at `end`.
    fn start_tag(&mut self, self_closing: bool, end: usize) {
        let kind = kind(&self.tag_name);
        let start = self.tag_start;
        if !self.skipped.is_empty() {
            if kind.is_block() && self.skipped.all_inline() {
                // Inline code left open: the block ends it.
                self.skipped.clear();
            } else {
                let foreign = self.skipped.in_foreign();
                match kind {
                    Kind::Skip(s) if !self_closing => self.skipped.push(Open { kind: s, start }),
                    // Raw text inside skipped HTML is still raw text to the
                    // tokenizer (but not in SVG or MathML).
                    Kind::Raw(r) if !self_closing && !foreign => {
                        self.next_state = Some(r.state);
                        self.raw = Some(RawOpen {
                            kind: RawKind { read: false, ..r },
                            start,
                        });
                    }
                    _ => {}
                }
                return;
            }
        }
        match kind {
            Kind::Block => self.block_end(),
            Kind::Br => self.line_break(start..end),
            Kind::Replaced => self.gap(start),
            Kind::Inline | Kind::Meta => {}
            Kind::Raw(r) => {
                if r.block {
                    self.block_end();
                } else if r.gap {
                    self.gap(start);
                }
                if !self_closing {
                    self.next_state = Some(r.state);
                    self.raw = Some(RawOpen { kind: r, start });
                }
            }
            Kind::Skip(s) => {
                if s.block {
                    self.block_end();
                } else if s.gap {
                    self.gap(start);
                }
                if !self_closing {
                    self.skipped.push(Open { kind: s, start });
                }
            }
        }
    }

    /// An end tag, `</name>`, at `range`.
    fn end_tag(&mut self, name: &[u8], range: Range<usize>) {
        let kind = kind(name);
        if let Some(r) = self.raw {
            // In raw text the tokenizer gives only the end tag that ends it.
            if r.kind.name.as_bytes() == name {
                self.raw = None;
                if r.kind.block && self.skipped.is_empty() {
                    self.block_end();
                }
            }
            return;
        }
        if !self.skipped.is_empty() {
            if let Some(open) = self.skipped.close(name) {
                if self.skipped.is_empty() && open.kind.block {
                    self.block_end();
                }
            } else if kind.is_block() && self.skipped.all_inline() {
                self.skipped.clear();
                self.block_end();
            }
            return;
        }
        match kind {
            Kind::Block => self.block_end(),
            // `</br>` is a `<br>` to browsers.
            Kind::Br => self.line_break(range),
            _ => {}
        }
    }

    /// A comment (or bogus comment: `<?xml …?>`, `<!x>`) at `range`.
    fn comment(&mut self, range: Range<usize>) {
        let real = self
            .src
            .get(range.clone())
            .is_some_and(|s| s.starts_with("<!--"));
        if real && self.reading_markup() {
            self.b.comment(range);
        }
    }

    /// A tokenizer error worth telling.
    fn error(&mut self, error: Error) {
        match error {
            Error::EofInComment if !self.reported_comment => {
                self.reported_comment = true;
                self.b.problem(
                    self.markup_start,
                    "unclosed comment: the rest of the file is read as a comment",
                    false,
                );
            }
            Error::EofInTag if !self.reported_tag => {
                self.reported_tag = true;
                self.b.problem(
                    self.markup_start,
                    "unclosed tag: the rest of the file is read as part of the tag",
                    false,
                );
            }
            _ => {}
        }
    }

    /// An attribute name of the current tag.
    fn attribute_name(&mut self, name: &[u8]) {
        self.attr = Attr::Other;
        if !self.in_start_tag {
            return;
        }
        if self.tag_reads_attrs {
            if name == b"alt" && !self.seen_alt {
                self.seen_alt = true;
                self.attr = Attr::Alt;
            } else if name == b"title" && !self.seen_title {
                self.seen_title = true;
                self.attr = Attr::Title;
            }
        }
        if self.tag_may_declare_lang && (name == b"lang" || name == b"xml:lang") {
            self.attr = Attr::Lang;
        }
    }

    /// The value of the current attribute, at `span`, decoded to `value`.
    fn attribute_value(&mut self, value: &[u8], span: Range<usize>) {
        match self.attr {
            Attr::Alt | Attr::Title => {
                let cps = std::mem::take(&mut self.attr_cps);
                self.deferred.push(Deferred {
                    span,
                    value: String::from_utf8_lossy(value).into_owned(),
                    cps,
                });
            }
            Attr::Lang if !self.lang_done => {
                self.lang_done = true;
                self.b.language(String::from_utf8_lossy(value));
            }
            _ => {}
        }
        self.attr = Attr::Other;
        self.attr_cps.clear();
        self.attr_len = 0;
    }
}

/// Splits the text of `span` in the file, which the tokenizer decoded to
/// `decoded`, into pieces for `f`: verbatim runs (`None`) and decoded
/// stand-ins (a character reference, `\r\n` read as `\n`, a NUL read as
/// U+FFFD). `cps` are where the tokenizer's pieces end (see
/// [`Reader::text_cps`]): a reference is always one, which gives its exact
/// extent as the tokenizer read it, with or without its `;`. Should the text
/// and its decoding ever disagree otherwise, the rest is one decoded piece.
fn align(
    src: &str,
    span: Range<usize>,
    decoded: &[u8],
    cps: &[(usize, usize)],
    mut f: impl FnMut(Range<usize>, Option<&str>),
) {
    let Some(raw) = src.get(span.clone()) else {
        debug_assert!(false, "a text span off the text: {span:?}");
        return;
    };
    if raw.as_bytes() == decoded {
        if !span.is_empty() {
            f(span, None);
        }
        return;
    }
    let bytes = src.as_bytes();
    let end = span.end;
    // `i` in the file, `j` in the decoded text, `run` where the verbatim run
    // being read started, `k` the next checkpoint.
    let (mut i, mut j, mut run, mut k) = (span.start, 0, span.start, 0);
    let mut agree = true;
    while i < end {
        let Some(&c) = bytes.get(i) else { break };
        match c {
            b'&' => {
                while cps.get(k).is_some_and(|&(p, _)| p <= i) {
                    k += 1;
                }
                let Some(&(p, d)) = cps.get(k) else {
                    agree = false;
                    break;
                };
                let (Some(from), Some(to)) = (bytes.get(i..p), decoded.get(j..d)) else {
                    agree = false;
                    break;
                };
                if p > end {
                    agree = false;
                    break;
                }
                if from != to {
                    // A reference: its whole text stands for its character.
                    let (Some(_), Ok(s)) = (src.get(i..p), std::str::from_utf8(to)) else {
                        agree = false;
                        break;
                    };
                    if run < i {
                        f(run..i, None);
                    }
                    f(i..p, Some(s));
                    run = p;
                }
                i = p;
                j = d;
            }
            b'\r' => {
                if decoded.get(j) != Some(&b'\n') {
                    agree = false;
                    break;
                }
                let n = if i + 1 < end && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                if run < i {
                    f(run..i, None);
                }
                f(i..i + n, Some("\n"));
                i += n;
                j += 1;
                run = i;
            }
            // `</>` is dropped by the tokenizer, which goes on with the same
            // text.
            b'<' if bytes.get(i..i + 3) == Some(b"</>")
                && i + 3 <= end
                && decoded.get(j..j + 3) != Some(b"</>") =>
            {
                if run < i {
                    f(run..i, None);
                }
                i += 3;
                run = i;
            }
            0 if decoded
                .get(j..)
                .is_some_and(|d| d.starts_with("\u{fffd}".as_bytes())) =>
            {
                if run < i {
                    f(run..i, None);
                }
                f(i..i + 1, Some("\u{fffd}"));
                i += 1;
                j += 3;
                run = i;
            }
            c => {
                if decoded.get(j) != Some(&c) {
                    agree = false;
                    break;
                }
                i += 1;
                j += 1;
            }
        }
    }
    if !agree {
        #[cfg(test)]
        tests::DISAGREED.with(|d| d.set(true));
        // Back to a character boundary: the bytes of the run agreed one for
        // one.
        while i > run && !src.is_char_boundary(i) {
            i -= 1;
            j = j.saturating_sub(1);
        }
    }
    if run < i {
        f(run..i, None);
    }
    let rest = decoded.get(j..).unwrap_or_default();
    if i < end || !rest.is_empty() {
        let rest = String::from_utf8_lossy(rest);
        f(i.min(end)..end, Some(&rest));
    }
}

/// The callback the tokenizer's events go to.
struct Events<'r, 'a>(&'r mut Reader<'a>);

impl Callback<Infallible, usize> for Events<'_, '_> {
    fn handle_event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) -> Option<Infallible> {
        let r = &mut *self.0;
        match event {
            CallbackEvent::OpenStartTag { name } => {
                r.tag_name.clear();
                r.tag_name.extend_from_slice(name);
                r.tag_start = span.start;
                r.in_start_tag = true;
                r.seen_alt = false;
                r.seen_title = false;
                r.attr = Attr::Other;
                let kind = kind(name);
                r.tag_reads_attrs = r.reading_markup()
                    && match kind {
                        Kind::Block | Kind::Inline | Kind::Replaced | Kind::Br => true,
                        // `<iframe title>` names what it shows.
                        Kind::Raw(raw) => raw.gap,
                        Kind::Meta | Kind::Skip(_) => false,
                    }
                    && !matches!(name, b"html" | b"head");
                r.tag_may_declare_lang = !r.lang_done && matches!(name, b"html" | b"body");
            }
            CallbackEvent::AttributeName { name } => r.attribute_name(name),
            CallbackEvent::AttributeValue { value } => {
                if r.in_start_tag {
                    r.attribute_value(value, span.start..span.end);
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                r.in_start_tag = false;
                r.start_tag(self_closing, span.end);
            }
            CallbackEvent::EndTag { name } => {
                r.in_start_tag = false;
                r.end_tag(name, span.start..span.end);
            }
            CallbackEvent::String { value } => r.on_text(value, span.start..span.end),
            CallbackEvent::Comment { .. } => r.comment(span.start..span.end),
            CallbackEvent::Doctype { .. } => {}
            CallbackEvent::Error(e) => r.error(e),
        }
        None
    }
}

/// The emitter: html5gum's callback emitter, watched to learn the byte
/// offsets where each piece of text or attribute value ends, and to switch
/// the tokenizer into raw text after `<script>`, `<title>`, ….
struct Spy<'r, 'a> {
    inner: CallbackEmitter<Events<'r, 'a>, Infallible, usize>,
    /// The tokenizer's position in the file.
    pos: usize,
}

impl<'a> Spy<'_, 'a> {
    fn reader(&mut self) -> &mut Reader<'a> {
        self.inner.callback_mut().0
    }
}

impl ForwardingEmitter for Spy<'_, '_> {
    type Token = Infallible;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn move_position(&mut self, offset: isize) {
        self.pos = self.pos.saturating_add_signed(offset);
        self.inner.move_position(offset);
    }

    fn emit_string(&mut self, s: &[u8]) {
        self.inner.emit_string(s);
        let pos = self.pos;
        let r = self.reader();
        r.text_len += s.len();
        let len = r.text_len;
        r.text_cps.push((pos, len));
    }

    fn init_attribute_value(&mut self) {
        let r = self.reader();
        r.attr_cps.clear();
        r.attr_len = 0;
        self.inner.init_attribute_value();
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        self.inner.push_attribute_value(s);
        let pos = self.pos;
        let r = self.reader();
        r.attr_len += s.len();
        let len = r.attr_len;
        r.attr_cps.push((pos, len));
    }

    fn start_open_tag(&mut self) {
        let pos = self.pos;
        self.reader().markup_start = pos.saturating_sub(1);
        self.inner.start_open_tag();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        let state = self.inner.emit_current_tag();
        let next = self.reader().next_state.take();
        if next.is_some() {
            // The raw text starts here (the callback emitter does the same
            // when it switches states itself).
            self.inner.init_string();
        }
        state.or(next)
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        // CDATA sections are text in SVG and MathML (skipped), bogus
        // comments elsewhere.
        self.reader().skipped.in_foreign()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cell::Cell;

    thread_local! {
        /// Set when [`align`] found a text and its decoding to disagree.
        pub(super) static DISAGREED: Cell<bool> = const { Cell::new(false) };
    }

    use crate::extract::testing::at;

    /// What the first `w` of the prose stands for in the file.
    fn orig<'s>(src: &'s str, p: &Prose, w: &str) -> &'s str {
        &src[p.to_original(at(p, w))]
    }

    /// What a fix of the first `w` may replace, if anything.
    fn fix<'s>(src: &'s str, p: &Prose, w: &str) -> Option<&'s str> {
        p.fix_range(at(p, w)).map(|r| &src[r])
    }

    #[test]
    fn blocks_become_paragraphs() {
        let src = "<!DOCTYPE html>\n<html>\n<body>\n<h1>Title</h1>\n<p>First one.</p>\n\
                   <ul><li>item one</li><li>item two</li></ul>\n<div>in a div</div>\n\
                   <table><tr><td>cell a</td><td>cell b</td></tr></table>\n</body>\n</html>\n";
        let p = extract(src);
        assert_eq!(
            p.text,
            "Title\n\nFirst one.\n\nitem one\n\nitem two\n\nin a div\n\ncell a\n\ncell b"
        );
        assert_eq!(orig(src, &p, "item two"), "item two");
        assert_eq!(p.format, Format::Html);
        assert!(p.problems.is_empty());
        // Across the blank line between two blocks: refused.
        assert_eq!(fix(src, &p, "one\n\nitem"), None);
    }

    #[test]
    fn inline_tags_leave_no_trace() {
        let src = "<p>It is un<b>believ</b>able, <a href=\"/x\">said</a> <em>the</em> man.</p>";
        let p = extract(src);
        assert_eq!(p.text, "It is unbelievable, said the man.");
        assert_eq!(orig(src, &p, "believ"), "believ");
        assert_eq!(orig(src, &p, "said"), "said");
        // A fix across a tag is refused, one inside a text node is accepted.
        assert_eq!(fix(src, &p, "unbelievable"), None);
        assert_eq!(fix(src, &p, "said the"), None);
        assert_eq!(fix(src, &p, "It is"), Some("It is"));
        assert_eq!(fix(src, &p, "able, "), Some("able, "));
    }

    #[test]
    fn code_and_scripts_are_skipped() {
        let src = "<p>before</p>\n<script>var s = \"<p>not prose</p>\";</script>\n\
                   <style>p { color: red }</style>\n<pre>let x  =  1 ;\n  y</pre>\n\
                   <template><p>not shown</p></template>\n<textarea>typed , text</textarea>\n\
                   <svg><title>icon</title><text>svg text</text></svg>\n\
                   <math><mi>x</mi></math>\n<p>after</p>";
        let p = extract(src);
        assert_eq!(p.text, "before\n\nafter");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(orig(src, &p, "after"), "after");
    }

    #[test]
    fn nested_skipped_elements() {
        let src = "<pre><code>a <pre>b</pre> c</code> d</pre><p>one</p>\
                   <svg><g><svg></svg> x</g></svg><p>two</p>\
                   <template><script>if (a < b) {}</script><code>z</code></template><p>three</p>";
        let p = extract(src);
        assert_eq!(p.text, "one\n\ntwo\n\nthree");
    }

    #[test]
    fn deep_nesting_stays_linear() {
        let n = 50_000;
        let src = format!(
            "<p>a</p><code>{}{}{}</code><p>b</p>",
            "<svg>".repeat(n),
            "</i><p>".repeat(n),
            "</math>".repeat(n)
        );
        let t = std::time::Instant::now();
        let p = extract(&src);
        assert_eq!(p.text, "a\n\nb");
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn noscript_is_read() {
        let p = extract("<noscript><p>Please enable JavaScript.</p></noscript>");
        assert_eq!(p.text, "Please enable JavaScript.");
    }

    #[test]
    fn inline_code_neither_glues_nor_spaces_punctuation() {
        let src = "<p>Call <code>f()</code>. Then <code>g</code> runs, a<code>x</code>b.</p>";
        let p = extract(src);
        // One neutral symbol where the code was: no word glued, no space
        // before the full stop.
        assert_eq!(p.text, "Call \u{FFFC}. Then \u{FFFC} runs, a\u{FFFC}b.");
        assert!(!p.text.contains(" ."));
        // It stands for nothing: no fix touches it.
        assert_eq!(p.fix_range(at(&p, "a\u{FFFC}b")), None);
        assert_eq!(p.fix_range(at(&p, "\u{FFFC} runs")), None);
        // A list of code is no run of commas.
        let p = extract("<p>Use <code>a</code>, <code>b</code>, <code>c</code>.</p>");
        assert_eq!(p.text, "Use \u{FFFC}, \u{FFFC}, \u{FFFC}.");
        // Inline code left open ends with its block.
        let p = extract("<p>see <code>x</p><p>next one</p>");
        assert_eq!(p.text, "see\n\nnext one");
        assert!(p.problems.is_empty());
    }

    #[test]
    fn a_repeated_tooltip_is_read_once() {
        let src = "<ul><li><span title=\"Stable since 1.0\">a</span></li>\
                   <li><span title=\"Stable since 1.0\">b</span></li>\
                   <li><img alt=\"Other\"></li></ul>";
        let p = extract(src);
        assert_eq!(
            p.text.matches("Stable since 1.0").count(),
            1,
            "{:?}",
            p.text
        );
        assert!(p.text.contains("Other"));
    }

    #[test]
    fn alt_and_title_are_paragraphs_after_their_block() {
        let src = "<p>A photo <img src=\"cat.jpg\" alt=\"A &amp; cat\"> of the \
                   <abbr title='World Health Organization'>WHO</abbr> staff.</p><p>Next</p>";
        let p = extract(src);
        assert_eq!(
            p.text,
            "A photo \u{FFFC} of the WHO staff.\n\nA & cat\n\nWorld Health Organization\n\nNext"
        );
        // The value inside the quotes, the reference mapped whole.
        assert_eq!(orig(src, &p, "A & cat"), "A &amp; cat");
        assert_eq!(orig(src, &p, "&"), "&amp;");
        assert_eq!(orig(src, &p, "World"), "World");
        assert_eq!(fix(src, &p, "Health"), Some("Health"));
        // The sentence around the image is one paragraph, but a fix across
        // the image is refused.
        assert_eq!(fix(src, &p, "photo \u{FFFC} of"), None);
        assert_eq!(fix(src, &p, "A photo"), Some("A photo"));
    }

    #[test]
    fn attributes_that_are_not_prose() {
        let src = "<head><meta name=\"description\" content=\"x\" title=\"meta\">\
                   <link rel=\"alternate stylesheet\" title=\"Big\" href=\"big.css\"></head>\
                   <p class=\"note\" id=\"a\" data-x=\"y\">Text<img alt=\"\"> \
                   <code title=\"code tip\">c</code><img alt=\"one\" alt=\"two\"></p>";
        let p = extract(src);
        assert_eq!(p.text, "Text\n\none");
    }

    #[test]
    fn references_are_decoded_and_mapped_exactly() {
        let src =
            "<p>Tom &amp; Jerry &lt;3 &#1575;&#x627; caf&eacute; &copy 2024 &notit; &foo; AT&T</p>";
        let p = extract(src);
        assert_eq!(p.text, "Tom & Jerry <3 اا café © 2024 ¬it; &foo; AT&T");
        assert_eq!(orig(src, &p, "&"), "&amp;");
        assert_eq!(orig(src, &p, "<"), "&lt;");
        assert_eq!(orig(src, &p, "ا"), "&#1575;");
        let second = at(&p, "اا").start + 'ا'.len_utf8();
        assert_eq!(&src[p.to_original(second..second + 2)], "&#x627;");
        assert_eq!(orig(src, &p, "é"), "&eacute;");
        assert_eq!(orig(src, &p, "café"), "caf&eacute;");
        assert_eq!(orig(src, &p, "©"), "&copy");
        assert_eq!(orig(src, &p, "¬"), "&not");
        assert_eq!(orig(src, &p, "it;"), "it;");
        assert_eq!(orig(src, &p, "&foo;"), "&foo;");
        assert_eq!(orig(src, &p, "AT&T"), "AT&T");
        // A fix covers a reference whole, with the text that touches it.
        assert_eq!(fix(src, &p, "Tom & Jerry"), Some("Tom &amp; Jerry"));
        assert_eq!(fix(src, &p, "&"), Some("&amp;"));
        let e = at(&p, "é");
        assert_eq!(
            p.fix_range(e.start..e.end + 1).map(|r| &src[r]),
            Some("&eacute; ")
        );
        // An insertion between two references: fine, they touch.
        assert_eq!(p.fix_range(second..second).map(|r| &src[r]), Some(""));
        // Part of a reference that decodes to two characters: refused.
        let src = "<p>a &NotEqualTilde; b</p>";
        let p = extract(src);
        assert_eq!(p.text, "a \u{2242}\u{338} b");
        let first = at(&p, "\u{2242}");
        assert_eq!(p.fix_range(first), None);
        assert_eq!(fix(src, &p, "\u{2242}\u{338}"), Some("&NotEqualTilde;"));
    }

    #[test]
    fn arabic_with_no_break_space() {
        let src = "<html lang=\"ar\" dir=\"rtl\"><body>\n<p dir=\"rtl\">قال الوزير&nbsp;إن \
                   الاجتماع ، كان مثمرا .</p>\n</body></html>";
        let p = extract(src);
        assert_eq!(p.text, "قال الوزير\u{a0}إن الاجتماع ، كان مثمرا .");
        assert_eq!(p.language.as_deref(), Some("ar"));
        assert_eq!(orig(src, &p, "\u{a0}"), "&nbsp;");
        assert_eq!(orig(src, &p, "الوزير"), "الوزير");
        // The space before the Arabic comma is the file's own: fixable.
        assert_eq!(fix(src, &p, " ،"), Some(" ،"));
        assert_eq!(fix(src, &p, "مثمرا ."), Some("مثمرا ."));
    }

    #[test]
    fn white_space_collapses() {
        let src =
            "<div>\n    <p>\n      Hello   world,\n      again\tand  again.\n    </p>\n</div>";
        let p = extract(src);
        assert_eq!(p.text, "Hello world, again and again.");
        assert_eq!(orig(src, &p, "Hello world"), "Hello   world");
        let sp = at(&p, "o w").start + 1;
        assert_eq!(&src[p.to_original(sp..sp + 1)], "   ");
        assert_eq!(orig(src, &p, "world, again"), "world,\n      again");
        // A single space stays as it is; a collapsed run is fixed whole.
        assert_eq!(fix(src, &p, "and again"), Some("and  again"));
        assert_eq!(fix(src, &p, "Hello world"), Some("Hello   world"));
        // CRLF and a space across an inline tag.
        let src = "<p>\r\nun\r\n  deux <b> trois</b></p>";
        let p = extract(src);
        assert_eq!(p.text, "un deux trois");
        let sp = at(&p, "un ").end - 1;
        assert_eq!(&src[p.to_original(sp..sp + 1)], "\r\n  ");
        // The original's single spaces are verbatim.
        assert_eq!(fix(src, &p, "deux "), Some("deux "));
    }

    #[test]
    fn line_breaks() {
        let src = "<p>line one<br>line two<br/>\n   line three<br></p><p>next</p>";
        let p = extract(src);
        assert_eq!(p.text, "line one\nline two\nline three\n\nnext");
        assert_eq!(orig(src, &p, "\n"), "<br>");
        // The line break stands for its tag, which a fix replaces whole.
        assert_eq!(fix(src, &p, "one\nline"), Some("one<br>line"));
        // The indentation after it is left out: no fix across it.
        assert_eq!(fix(src, &p, "two\nline"), None);
        // Nothing at the start or end of a block; two in a row are one.
        assert_eq!(extract("<p><br>a<br><br>\n b<br></p>c").text, "a\nb\n\nc");
    }

    #[test]
    fn title_is_read_and_head_skipped() {
        let src = "<html><head><meta charset=\"utf-8\"><title>My &amp; page</title>\
                   <style>body{}</style><script>x()</script></head><body><p>Hi</p></body></html>";
        let p = extract(src);
        assert_eq!(p.text, "My & page\n\nHi");
        assert_eq!(orig(src, &p, "&"), "&amp;");
        // No title, nothing.
        assert_eq!(extract("<head><meta charset=utf-8></head>").text, "");
    }

    #[test]
    fn comments_outside_code_are_recorded() {
        let src = "<p>a</p><!-- mtlint: ignore space-before-punctuation -->\
                   <script><!-- not a comment --></script><pre><!-- in code --></pre>\
                   <p>b<!--x-->c</p><?php echo 1 ?>";
        let p = extract(src);
        let comments: Vec<&str> = p
            .comments
            .as_ref()
            .unwrap()
            .iter()
            .map(|r| &src[r.clone()])
            .collect();
        assert_eq!(
            comments,
            [
                "<!-- mtlint: ignore space-before-punctuation -->",
                "<!--x-->"
            ]
        );
        // A comment joins what is around it, as a browser shows it.
        assert_eq!(p.text, "a\n\nbc");
    }

    #[test]
    fn language() {
        assert_eq!(
            extract("<html lang=\"ar\"><body lang=\"en\">x")
                .language
                .as_deref(),
            Some("ar")
        );
        assert_eq!(
            extract("<html><body lang=\"ar-EG\">x").language.as_deref(),
            Some("ar-EG")
        );
        assert_eq!(
            extract("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"fr\">x")
                .language
                .as_deref(),
            Some("fr")
        );
        assert_eq!(extract("<p lang=\"ar\">x</p>").language, None);
        assert_eq!(extract("<html lang=\"\"><p>x</p>").language, None);
    }

    #[test]
    fn problems_that_swallow_the_rest() {
        let src = "<p>a</p>\n<!-- oops <p>b</p>";
        let p = extract(src);
        assert_eq!(p.text, "a");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].offset, src.find("<!--").unwrap());
        assert!(p.problems[0].message.contains("unclosed comment"));
        assert!(!p.stopped());

        let src = "<p>a <img alt=\"x>b</p>";
        let p = extract(src);
        assert_eq!(p.text, "a");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].offset, src.find("<img").unwrap());
        assert!(p.problems[0].message.contains("unclosed tag"));

        for (src, name) in [
            ("<p>a</p><script>var x = 1;", "<script>"),
            ("<p>a</p><style>p {}", "<style>"),
            ("<p>a</p><pre>code", "<pre>"),
            ("<p>a</p><svg><g>", "<svg>"),
            ("<p>a</p><title>T", "<title>"),
        ] {
            let p = extract(src);
            assert_eq!(p.problems.len(), 1, "{src}");
            assert_eq!(p.problems[0].offset, src.find(name).unwrap(), "{src}");
            assert!(p.problems[0].message.starts_with("unclosed"), "{src}");
            assert!(!p.stopped());
        }
        // Unclosed title: its text is read all the same.
        assert_eq!(extract("<title>T <b>x").text, "T <b>x");
    }

    #[test]
    fn tag_soup_is_no_problem() {
        let src = "<p>one<p>two</div></span><li>three</b><td>four</table>";
        let p = extract(src);
        assert_eq!(p.text, "one\n\ntwo\n\nthree\n\nfour");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        // `</>` is dropped, as browsers do, and maps around.
        let src = "<p>الا</>جتماع</p>";
        let p = extract(src);
        assert_eq!(p.text, "الاجتماع");
        assert_eq!(orig(src, &p, "جتماع"), "جتماع");
        assert_eq!(p.fix_range(0..p.text.len()), None);
        // Stray `<` and `&` are text.
        let p = extract("<p>a < b && c > d</p>");
        assert_eq!(p.text, "a < b && c > d");
        assert!(p.problems.is_empty());
    }

    #[test]
    fn xhtml() {
        let src = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
                   <html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"ar\" lang=\"ar\">\n\
                   <head><title>عنوان</title><script src=\"a.js\"/><link rel=\"stylesheet\" href=\"s.css\"/></head>\n\
                   <body><p>نص<br/>سطر</p><![CDATA[ data ]]><p>آخر</p>\
                   <svg><![CDATA[ a </svg> b ]]></svg><p>بعد</p></body></html>";
        let p = extract(src);
        assert_eq!(p.text, "عنوان\n\nنص\nسطر\n\nآخر\n\nبعد");
        assert_eq!(p.language.as_deref(), Some("ar"));
        assert!(p.problems.is_empty(), "{:?}", p.problems);
    }

    #[test]
    fn empty_and_plain() {
        assert_eq!(extract("").text, "");
        let p = extract("just text, no tags");
        assert_eq!(p.text, "just text, no tags");
        assert_eq!(p.fix_range(0..4), Some(0..4));
        assert_eq!(extract("   \n\t ").text, "");
    }

    /// Checks the invariants of a prose read from `src`.
    fn check(src: &str) {
        DISAGREED.with(|d| d.set(false));
        let p = extract(src);
        // Every text mapped piece by piece, never by the fallback.
        assert!(!DISAGREED.with(Cell::get), "text and decoding disagree");
        let whole = p.to_original(0..p.text.len());
        assert!(src.get(whole).is_some());
        for (i, x) in p.pieces.iter().enumerate() {
            let end = p.piece_end(i);
            assert!(x.prose <= end && end <= p.text.len());
            let original = src.get(x.start..x.end).expect("a piece on char boundaries");
            if x.verbatim {
                assert_eq!(&p.text[x.prose..end], original);
            }
        }
        for r in p.comments.iter().flatten() {
            assert!(src.get(r.clone()).is_some_and(|c| c.starts_with("<!--")));
        }
        // Every word maps into the file, and its fix range, if any, too.
        let mut start = 0;
        for (i, c) in p.text.char_indices().chain([(p.text.len(), ' ')]) {
            if c.is_whitespace() {
                if start < i {
                    assert!(src.get(p.to_original(start..i)).is_some());
                    if let Some(r) = p.fix_range(start..i) {
                        assert!(src.get(r).is_some());
                    }
                }
                start = i + c.len_utf8();
            }
        }
        for pr in &p.problems {
            assert!(pr.offset <= src.len());
        }
    }

    const SAMPLE: &str = "<!DOCTYPE html>\r\n<html lang=\"ar\"><head><title>صفحة &amp; عنوان</title>\
        <style>p{}</style></head><body>\n<h1 title=\"t &quot;q&quot;\">عنوان</h1>\n\
        <p dir=\"rtl\">قال الوزير&nbsp;إن <b>الاجتماع</b> ، كان <code>x</code>.<br>سطر &#1575;&#x627;</p>\
        <!-- mtlint: ignore --><pre>  code </pre><img alt='صورة &lt;' src=x>\
        <script>if (a<b) {}</script><table><tr><td>a &copy b</td></tr></table></body></html>";

    #[test]
    fn sample_reads() {
        check(SAMPLE);
        let p = extract(SAMPLE);
        assert_eq!(
            p.text,
            "صفحة & عنوان\n\nt \"q\"\n\nعنوان\n\nقال الوزير\u{a0}إن الاجتماع ، كان \u{FFFC}.\nسطر اا\n\n\
             صورة <\n\na © b"
        );
    }

    /// A mutation of the sample: bytes cut, doubled or replaced by markup.
    fn mutate(src: &str, edits: &[(usize, u8, usize)]) -> String {
        const BITS: [&str; 24] = [
            "<",
            ">",
            "&",
            "&amp",
            "<!--",
            "-->",
            "\"",
            "'",
            "</p>",
            "<script>",
            "\r",
            "&#x",
            "</>",
            "\0",
            "&#",
            "<![CDATA[",
            "<?",
            "<!",
            "<br>",
            "<code>",
            "&nbsp",
            "&notit;",
            "\r\n",
            "</",
        ];
        let mut s = src.to_string();
        for &(at, what, len) in edits {
            let mut at = at % (s.len() + 1);
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            match what % 3 {
                0 => {
                    let mut end = (at + len % 16).min(s.len());
                    while !s.is_char_boundary(end) {
                        end += 1;
                    }
                    s.replace_range(at..end, "");
                }
                1 => s.insert_str(at, BITS[len % BITS.len()]),
                _ => {
                    let mut end = (at + len % 16).min(s.len());
                    while !s.is_char_boundary(end) {
                        end += 1;
                    }
                    let copy = s[at..end].to_string();
                    s.insert_str(at, &copy);
                }
            }
        }
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn never_panics_on_any_text(src in "\\PC*") {
            check(&src);
        }

        #[test]
        fn never_panics_on_markup_soup(
            src in "([<>&;#/=\"' \r\n\t!?x-]|amp|lt|nbsp|#1575|#x627|script|style|pre|code|svg|title|br|p|img alt=|ا|é|\u{0}|</>|CDATA\\[|\\]\\]){0,60}"
        ) {
            check(&src);
        }

        #[test]
        fn never_panics_on_a_mutated_page(
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..8)
        ) {
            check(&mutate(SAMPLE, &edits));
        }
    }
}
