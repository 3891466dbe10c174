//! The markup readers measured on real files: an independent definition of
//! the bytes of a Markdown, HTML or PO file that are not prose, and the
//! figures of one file scanned and fixed twice, as plain text and in its
//! format.
//!
//! The definition here shares nothing with [`mtlint::extract`]: it is made
//! from pulldown-cmark's events, html5gum's tokens and a reading of PO
//! lines, so that it can judge the readers. For each format it gives the
//! byte ranges that are not prose ([`NonProse::spans`]) and what a fix must
//! leave as it was ([`NonProse::items`]):
//!
//! * **Markdown**: code blocks, inline code, math, HTML blocks and inline
//!   HTML, front matter, and of every link or image the bytes that are not
//!   its text (`[`, `](url "title")`), and link reference definitions. The
//!   items are the code blocks' info and text, the inline code, the math,
//!   the HTML, the front matter and every link's destination and title.
//! * **HTML**: every start tag, end tag, comment and doctype (from `<` to
//!   `>`), and everything between the start and end tags of `script`,
//!   `style`, `pre` and `code`. The items are the tags (name and
//!   attributes), comments, doctypes and those elements' contents.
//! * **PO**: every byte that is not inside the quotes of a `msgstr` string:
//!   comments (obsolete entries included), `msgctxt`, `msgid` and
//!   `msgid_plural` lines, the keywords and quotes of `msgstr` lines. The
//!   items are those lines, the `msgstr` lines without their strings'
//!   content; so the number of entries is kept too.
//!
//! A finding is *inside* non-prose ([`NonProse::inside`]) when its range
//! touches non-prose and every byte of it that is not non-prose is white
//! space: it holds no prose character at all.
//!
//! The `markup` program (`cargo run --release -p mtlint-eval --bin markup`)
//! prints these figures on the READMEs of the cargo registry, the Rust
//! documentation and the system's gettext catalogues.

use std::collections::BTreeMap;
use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use mtlint::extract::Format;
use mtlint::fix::{self, Options};
use mtlint::Scanner;
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

/// What a piece of non-prose is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A fenced or indented code block (Markdown).
    CodeBlock,
    /// Inline code (Markdown).
    Code,
    /// Inline or display math (Markdown).
    Math,
    /// An HTML block or inline HTML (Markdown).
    Html,
    /// Front matter: a YAML or TOML metadata block (Markdown).
    Metadata,
    /// The markup of a link or image around its text (its destination and
    /// title), or a link reference definition (Markdown).
    Link,
    /// A start or end tag (HTML).
    Tag,
    /// A comment (HTML, PO).
    Comment,
    /// A doctype (HTML).
    Doctype,
    /// The content of a `script`, `style`, `pre` or `code` element (HTML).
    Raw,
    /// A `msgctxt`, `msgid` or `msgid_plural` line or its continuation (PO).
    Msgid,
    /// A `msgstr` line or its continuation, its string's content left out
    /// (PO).
    Msgstr,
    /// Another line: blank, or not understood (PO).
    Other,
}

impl Kind {
    /// A short lowercase name for tables.
    pub fn name(self) -> &'static str {
        match self {
            Kind::CodeBlock => "code-block",
            Kind::Code => "code",
            Kind::Math => "math",
            Kind::Html => "html",
            Kind::Metadata => "metadata",
            Kind::Link => "link",
            Kind::Tag => "tag",
            Kind::Comment => "comment",
            Kind::Doctype => "doctype",
            Kind::Raw => "raw",
            Kind::Msgid => "msgid",
            Kind::Msgstr => "msgstr",
            Kind::Other => "other",
        }
    }
}

/// The non-prose of one file, by the definition of this module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NonProse {
    /// The pieces of non-prose with their kind, sorted by start; they may
    /// overlap or nest (a code span in a link).
    pub spans: Vec<(Kind, Range<usize>)>,
    /// The same bytes as sorted ranges that neither overlap nor touch.
    pub ranges: Vec<Range<usize>>,
    /// What a fix must keep exactly, in order of the file.
    pub items: Vec<(Kind, String)>,
}

impl NonProse {
    fn new(mut spans: Vec<(Kind, Range<usize>)>, items: Vec<(Kind, String)>) -> Self {
        spans.retain(|(_, r)| r.start < r.end);
        spans.sort_by_key(|(k, r)| (r.start, std::cmp::Reverse(r.end), *k));
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(spans.len());
        for (_, r) in &spans {
            match ranges.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => ranges.push(r.clone()),
            }
        }
        Self {
            spans,
            ranges,
            items,
        }
    }

    /// How many bytes are not prose.
    pub fn bytes(&self) -> usize {
        self.ranges.iter().map(|r| r.len()).sum()
    }

    /// The merged ranges that overlap `range` (those holding `range.start`
    /// strictly inside, for an empty one).
    fn touching(&self, range: &Range<usize>) -> &[Range<usize>] {
        if range.is_empty() {
            let i = self.ranges.partition_point(|r| r.end <= range.start);
            let hit = self
                .ranges
                .get(i)
                .is_some_and(|r| r.start < range.start && range.start < r.end);
            return if hit { &self.ranges[i..=i] } else { &[] };
        }
        let first = self.ranges.partition_point(|r| r.end <= range.start);
        let last = self.ranges.partition_point(|r| r.start < range.end);
        &self.ranges[first..last.max(first)]
    }

    /// Whether `range` of `text` shares at least one byte with non-prose.
    pub fn overlaps(&self, range: Range<usize>) -> bool {
        !self.touching(&range).is_empty()
    }

    /// Whether a finding over `range` of `text` (the file this was computed
    /// from) is inside non-prose: it touches non-prose, and every byte of
    /// it outside non-prose is white space. An empty range is inside when
    /// it lies strictly within a range of non-prose.
    pub fn inside(&self, text: &str, range: Range<usize>) -> bool {
        let touching = self.touching(&range);
        if touching.is_empty() {
            return false;
        }
        if range.is_empty() {
            return true;
        }
        let mut at = range.start;
        for r in touching {
            if r.start > at && !blank(text, at..r.start) {
                return false;
            }
            at = at.max(r.end);
        }
        at >= range.end || blank(text, at..range.end)
    }

    /// The kind of the innermost span that overlaps `range` most, if any.
    pub fn kind_at(&self, range: Range<usize>) -> Option<Kind> {
        let probe = if range.is_empty() {
            range.start..range.start + 1
        } else {
            range
        };
        self.spans
            .iter()
            .filter(|(_, r)| r.start < probe.end && probe.start < r.end)
            .max_by_key(|(_, r)| {
                let shared = r.end.min(probe.end) - r.start.max(probe.start);
                (shared, std::cmp::Reverse(r.len()))
            })
            .map(|(k, _)| *k)
    }
}

/// Whether `text[range]` is all white space (a range off the text is not).
fn blank(text: &str, range: Range<usize>) -> bool {
    text.as_bytes()
        .get(range.clone())
        .is_some_and(|b| match std::str::from_utf8(b) {
            Ok(s) => s.chars().all(char::is_whitespace),
            Err(_) => b.iter().all(u8::is_ascii_whitespace),
        })
}

/// The non-prose of `text` read as `format`, for the formats this module
/// defines (Markdown, HTML, PO); `None` for the others.
pub fn non_prose(format: Format, text: &str) -> Option<NonProse> {
    match format {
        Format::Markdown => Some(markdown(text)),
        Format::Html => Some(html(text)),
        Format::Po => Some(po(text)),
        _ => None,
    }
}

/// The options of pulldown-cmark for the Markdown of READMEs: GitHub's
/// extensions, front matter and math.
pub fn markdown_options() -> MdOptions {
    MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_FOOTNOTES
        | MdOptions::ENABLE_STRIKETHROUGH
        | MdOptions::ENABLE_TASKLISTS
        | MdOptions::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | MdOptions::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | MdOptions::ENABLE_MATH
        | MdOptions::ENABLE_GFM
}

/// A link or image being read: its range and the ranges of the text
/// inside it.
struct OpenLink {
    range: Range<usize>,
    texts: Vec<Range<usize>>,
}

/// `outer` less the `holes` inside it (sorted or not), as ranges.
fn difference(outer: Range<usize>, mut holes: Vec<Range<usize>>) -> Vec<Range<usize>> {
    holes.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut at = outer.start;
    for h in holes {
        if h.start > at {
            out.push(at..h.start.min(outer.end));
        }
        at = at.max(h.end);
    }
    if at < outer.end {
        out.push(at..outer.end);
    }
    out
}

/// The non-prose of a Markdown file (see the module's documentation).
pub fn markdown(text: &str) -> NonProse {
    let parser = Parser::new_ext(text, markdown_options());
    let mut refdefs: Vec<(String, String, Range<usize>)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| {
            let title = def.title.as_deref().unwrap_or("");
            (
                label.to_string(),
                format!("{} {title}", def.dest),
                def.span.clone(),
            )
        })
        .collect();
    let mut spans = Vec::new();
    let mut items = Vec::new();
    let mut links: Vec<OpenLink> = Vec::new();
    // The code block or front matter being read: its item, which gathers
    // its text.
    let mut block: Option<(Kind, String)> = None;
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.to_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                spans.push((Kind::CodeBlock, range));
                block = Some((Kind::CodeBlock, format!("{info}\n")));
            }
            Event::Start(Tag::MetadataBlock(_)) => {
                spans.push((Kind::Metadata, range));
                block = Some((Kind::Metadata, String::new()));
            }
            Event::Start(Tag::HtmlBlock) => spans.push((Kind::Html, range)),
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => {
                items.extend(block.take());
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            })
            | Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                items.push((Kind::Link, format!("{dest_url} {title}")));
                links.push(OpenLink {
                    range,
                    texts: Vec::new(),
                });
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(link) = links.pop() {
                    for r in difference(link.range.clone(), link.texts.clone()) {
                        spans.push((Kind::Link, r));
                    }
                    // An image's alt text in a link is the link's text too.
                    if let Some(parent) = links.last_mut() {
                        parent.texts.extend(link.texts);
                    }
                }
            }
            Event::Text(t) => match &mut block {
                Some((_, gathered)) => gathered.push_str(&t),
                None => {
                    if let Some(link) = links.last_mut() {
                        link.texts.push(range);
                    }
                }
            },
            Event::Code(t) => {
                spans.push((Kind::Code, range));
                items.push((Kind::Code, t.to_string()));
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                spans.push((Kind::Math, range));
                items.push((Kind::Math, t.to_string()));
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                spans.push((Kind::Html, range));
                items.push((Kind::Html, t.to_string()));
            }
            _ => {}
        }
    }
    // Unclosed at the end (pulldown-cmark closes everything; kept safe).
    items.extend(block.take());
    refdefs.sort_by_key(|(_, _, span)| span.start);
    for (label, dest, span) in refdefs {
        spans.push((Kind::Link, span));
        items.push((Kind::Link, format!("[{label}]: {dest}")));
    }
    NonProse::new(spans, items)
}

/// The elements whose content is not prose in HTML.
const OPAQUE: [&[u8]; 4] = [b"script", b"style", b"pre", b"code"];

/// Attributes whose values are prose, not markup.
const PROSE_ATTRIBUTES: [&[u8]; 2] = [b"alt", b"title"];

/// The range of a start tag without the quoted values of its `alt` and
/// `title` attributes, which are prose.
fn without_prose_attributes(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    static VALUE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let value = VALUE.get_or_init(|| {
        regex::Regex::new(r#"(?i)\s(?:alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid")
    });
    let Some(raw) = text.get(range.clone()) else {
        return vec![range];
    };
    let mut out = Vec::new();
    let mut at = range.start;
    for c in value.captures_iter(raw) {
        if let Some(v) = c.get(1).or_else(|| c.get(2)) {
            out.push(at..range.start + v.start());
            at = range.start + v.end();
        }
    }
    out.push(at..range.end);
    out
}

/// The non-prose of an HTML file (see the module's documentation).
pub fn html(text: &str) -> NonProse {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut spans = Vec::new();
    let mut items = Vec::new();
    // The opaque elements open, outermost first, and where the outermost's
    // content starts.
    let mut open: Vec<Vec<u8>> = Vec::new();
    let mut content_start = 0;
    let clamp = |s: usize, e: usize| s.min(text.len())..e.min(text.len());
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let range = clamp(tag.span.start, tag.span.end);
                let mut item = String::from_utf8_lossy(&tag.name).into_owned();
                for (k, v) in &tag.attributes {
                    item.push(' ');
                    item.push_str(&String::from_utf8_lossy(k));
                    item.push_str("=\"");
                    // `alt` and `title` are prose (what a fix may change).
                    if PROSE_ATTRIBUTES.contains(&k.to_ascii_lowercase().as_slice()) {
                        item.push('…');
                    } else {
                        item.push_str(&String::from_utf8_lossy(v));
                    }
                    item.push('"');
                }
                if tag.self_closing {
                    item.push_str(" /");
                }
                if open.is_empty() {
                    items.push((Kind::Tag, item));
                }
                let name = tag.name.to_ascii_lowercase();
                if !tag.self_closing && OPAQUE.contains(&name.as_slice()) {
                    if open.is_empty() {
                        content_start = range.end;
                    }
                    open.push(name);
                }
                spans.extend(
                    without_prose_attributes(text, range)
                        .into_iter()
                        .map(|r| (Kind::Tag, r)),
                );
            }
            Token::EndTag(tag) => {
                let range = clamp(tag.span.start, tag.span.end);
                let name = tag.name.to_ascii_lowercase();
                if let Some(i) = open.iter().rposition(|n| *n == name) {
                    open.truncate(i);
                    if open.is_empty() {
                        let content = content_start..range.start.max(content_start);
                        let raw = text.get(content.clone()).unwrap_or_default();
                        items.push((Kind::Raw, raw.to_string()));
                        spans.push((Kind::Raw, content));
                    }
                }
                if open.is_empty() {
                    items.push((Kind::Tag, format!("/{}", String::from_utf8_lossy(&name))));
                }
                spans.push((Kind::Tag, range));
            }
            Token::Comment(c) => {
                spans.push((Kind::Comment, clamp(c.span.start, c.span.end)));
                if open.is_empty() {
                    items.push((Kind::Comment, String::from_utf8_lossy(&c).into_owned()));
                }
            }
            Token::Doctype(d) => {
                spans.push((Kind::Doctype, clamp(d.span.start, d.span.end)));
                items.push((Kind::Doctype, String::from_utf8_lossy(&d.name).into_owned()));
            }
            Token::String(_) | Token::Error(_) => {}
        }
    }
    if !open.is_empty() {
        // Unclosed to the end of the file.
        let content = content_start.min(text.len())..text.len();
        let raw = text.get(content.clone()).unwrap_or_default();
        items.push((Kind::Raw, raw.to_string()));
        spans.push((Kind::Raw, content));
    }
    NonProse::new(spans, items)
}

/// Where the string of a PO line ends: the index of its closing quote
/// (after unescaping), given the index of its opening one; the line's end
/// when it is not closed.
fn closing_quote(line: &str, open: usize) -> usize {
    let bytes = line.as_bytes();
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    line.len()
}

/// The non-prose of a PO file (see the module's documentation).
pub fn po(text: &str) -> NonProse {
    #[derive(PartialEq)]
    enum State {
        None,
        Msgid,
        Msgstr,
    }
    let mut spans = Vec::new();
    let mut items = Vec::new();
    let mut state = State::None;
    let mut at = 0;
    for full in text.split_inclusive('\n') {
        let start = at;
        let end = at + full.len();
        at = end;
        let line = full.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let kind = if trimmed.starts_with('#') {
            state = State::None;
            Kind::Comment
        } else if trimmed.starts_with('"') {
            match state {
                State::Msgid => Kind::Msgid,
                State::Msgstr => Kind::Msgstr,
                State::None => Kind::Other,
            }
        } else {
            let word = trimmed
                .split(|c: char| c.is_whitespace() || c == '"')
                .next()
                .unwrap_or("");
            if word.starts_with("msgstr") {
                state = State::Msgstr;
                Kind::Msgstr
            } else if matches!(word, "msgid" | "msgid_plural" | "msgctxt") {
                state = State::Msgid;
                Kind::Msgid
            } else {
                state = State::None;
                Kind::Other
            }
        };
        let open = (kind == Kind::Msgstr).then(|| line.find('"')).flatten();
        match open {
            Some(q) => {
                let close = closing_quote(line, q);
                spans.push((Kind::Msgstr, start..start + q + 1));
                spans.push((Kind::Msgstr, start + close..end));
                items.push((Kind::Msgstr, format!("{}{}", &line[..=q], &line[close..])));
            }
            None => {
                spans.push((kind, start..end));
                items.push((kind, line.to_string()));
            }
        }
    }
    NonProse::new(spans, items)
}

/// The figures of one file read one way (as plain text, or in its format).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Side {
    /// Sentences of the scan.
    pub sentences: usize,
    /// Findings of the scan.
    pub findings: usize,
    /// Findings inside non-prose ([`NonProse::inside`]).
    pub inside: usize,
    /// Findings that share a byte with non-prose.
    pub overlapping: usize,
    /// Findings inside non-prose by rule.
    pub inside_by_rule: BTreeMap<String, usize>,
    /// Findings inside non-prose by the kind of non-prose.
    pub inside_by_kind: BTreeMap<Kind, usize>,
    /// A few findings inside non-prose, one line each, for people.
    pub examples: Vec<String>,
    /// Whether the fix (unsafe fixes on) changed the file.
    pub fixed: bool,
    /// Whether the fix changed the file's non-prose ([`NonProse::items`]).
    pub non_prose_changed: bool,
}

/// The figures of one file: read as plain text, then in its format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileFigures {
    /// As plain text.
    pub before: Side,
    /// In its format.
    pub after: Side,
}

/// Scans and fixes `text` (the file at `path`, in `format`) with each of
/// the two scanners, `plain` reading it as plain text and `formatted` in
/// its format, and judges the findings and fixes by the non-prose of this
/// module. Keeps up to `examples` findings inside non-prose for people.
pub fn measure_file(
    plain: &Scanner,
    formatted: &Scanner,
    format: Format,
    path: &str,
    text: &str,
    examples: usize,
) -> FileFigures {
    let np = non_prose(format, text).unwrap_or_default();
    let side = |scanner: &Scanner| {
        let opts = Options {
            unsafe_fixes: true,
            ..Options::default()
        };
        let fixed = fix::fix_text(scanner, path, text, &opts);
        // With no pass applied, the fix's report is the scan of the input.
        let report = if fixed.summary.passes == 0 {
            fixed.report
        } else {
            scanner.scan_file(path, text)
        };
        let mut s = Side {
            sentences: report.sentences.len(),
            findings: report.findings.len(),
            fixed: fixed.text != text,
            ..Side::default()
        };
        if s.fixed {
            let again = non_prose(format, &fixed.text).unwrap_or_default();
            s.non_prose_changed = again.items != np.items;
        }
        for f in &report.findings {
            let range = f.start..f.end;
            if np.overlaps(range.clone()) {
                s.overlapping += 1;
            }
            if np.inside(text, range.clone()) {
                s.inside += 1;
                *s.inside_by_rule.entry(f.rule.clone()).or_default() += 1;
                if let Some(k) = np.kind_at(range) {
                    *s.inside_by_kind.entry(k).or_default() += 1;
                }
                if s.examples.len() < examples {
                    let shown: String = f.text.chars().take(60).collect();
                    s.examples.push(format!(
                        "{path}:{}:{} {} «{}»",
                        f.line,
                        f.column,
                        f.rule,
                        shown.replace('\n', "⏎")
                    ));
                }
            }
        }
        s
    };
    FileFigures {
        before: side(plain),
        after: side(formatted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of every merged range.
    fn pieces<'a>(text: &'a str, np: &NonProse) -> Vec<&'a str> {
        np.ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    const MD: &str = "---\ntitle: Été\n---\n\n# Ünïcode title\n\nSome text with `a code` and a [link *here*](https://example.com/x \"T\").\n\n```rust\nfn main() {}\n```\n\nMath $x+1$ and <b>bold</b> and ![alt](img.png).\n\n[ref]: https://example.org\n";

    #[test]
    fn markdown_covers_code_front_matter_links_and_html() {
        let np = markdown(MD);
        assert_eq!(
            pieces(MD, &np),
            [
                "---\ntitle: Été\n---",
                "`a code`",
                "[",
                "*",
                "*](https://example.com/x \"T\")",
                "```rust\nfn main() {}\n```",
                "$x+1$",
                "<b>",
                "</b>",
                "![",
                "](img.png)",
                "[ref]: https://example.org",
            ]
        );
        let kinds: Vec<Kind> = np.items.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            [
                Kind::Metadata,
                Kind::Code,
                Kind::Link,
                Kind::CodeBlock,
                Kind::Math,
                Kind::Html,
                Kind::Html,
                Kind::Link,
                Kind::Link,
            ]
        );
        assert_eq!(np.items[0].1, "title: Été\n");
        assert_eq!(np.items[2].1, "https://example.com/x T");
        assert_eq!(np.items[3].1, "rust\nfn main() {}\n");
        assert_eq!(np.items[8].1, "[ref]: https://example.org ");
    }

    #[test]
    fn markdown_prose_is_not_inside() {
        let np = markdown(MD);
        let at = |s: &str| {
            let i = MD.find(s).unwrap();
            i..i + s.len()
        };
        assert!(np.inside(MD, at("fn main")));
        assert!(np.inside(MD, at("example.com")));
        assert!(np.inside(MD, at("`a code` ")), "white space after is fine");
        assert!(!np.inside(MD, at("with `a code`")));
        assert!(!np.inside(MD, at("Some text")));
        assert!(!np.inside(MD, at("link")));
        assert!(np.overlaps(at("with `a code`")));
        assert!(!np.overlaps(at("Some text")));
        assert_eq!(np.kind_at(at("example.com")), Some(Kind::Link));
        assert_eq!(np.kind_at(at("main")), Some(Kind::CodeBlock));
        // An insertion point: inside only strictly within.
        let c = at("a code").start + 2;
        assert!(np.inside(MD, c..c));
        let t = at("Some").start;
        assert!(!np.inside(MD, t..t));
    }

    #[test]
    fn markdown_items_ignore_prose_edits() {
        let edited = MD.replace("Some text with", "Some  text,with");
        assert_eq!(markdown(MD).items, markdown(&edited).items);
        let broken = MD.replace("fn main", "fn  main");
        assert_ne!(markdown(MD).items, markdown(&broken).items);
        let url = MD.replace("example.com/x", "example.com/ x");
        assert_ne!(markdown(MD).items, markdown(&url).items);
    }

    const HTML: &str = "<!DOCTYPE html>\n<html lang=\"fr\"><head><style>p > a { color: red }</style></head>\n<body><!-- note --><p class=\"x\">Déjà vu &amp; <code>a < b</code>, then <pre><code>fn f() {}\n</code></pre><script>if (a<b) {}</script></p></body></html>\n";

    #[test]
    fn html_covers_tags_comments_and_code() {
        let np = html(HTML);
        assert_eq!(
            pieces(HTML, &np),
            [
                "<!DOCTYPE html>",
                "<html lang=\"fr\"><head><style>p > a { color: red }</style></head>",
                "<body><!-- note --><p class=\"x\">",
                "<code>a < b</code>",
                "<pre><code>fn f() {}\n</code></pre><script>if (a<b) {}</script></p></body></html>",
            ]
        );
        let raw: Vec<&str> = np
            .items
            .iter()
            .filter(|(k, _)| *k == Kind::Raw)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(
            raw,
            [
                "p > a { color: red }",
                "a < b",
                "<code>fn f() {}\n</code>",
                "if (a<b) {}"
            ]
        );
        assert!(np.items.contains(&(Kind::Tag, "p class=\"x\"".to_string())));
        assert!(np.items.contains(&(Kind::Comment, " note ".to_string())));
        let at = |s: &str| {
            let i = HTML.find(s).unwrap();
            i..i + s.len()
        };
        assert!(!np.inside(HTML, at("Déjà vu")));
        assert!(np.inside(HTML, at("class=\"x\"")));
        assert!(np.inside(HTML, at("fn f()")));
        assert_eq!(np.kind_at(at("fn f()")), Some(Kind::Raw));
        assert_eq!(np.kind_at(at("class")), Some(Kind::Tag));
    }

    #[test]
    fn html_items_ignore_text_edits() {
        let edited = HTML.replace("Déjà vu", "Deja  vu");
        assert_eq!(html(HTML).items, html(&edited).items);
        let attr = HTML.replace("class=\"x\"", "class=\"y\"");
        assert_ne!(html(HTML).items, html(&attr).items);
        let code = HTML.replace("a < b", "a <b");
        assert_ne!(html(HTML).items, html(&code).items);
    }

    #[test]
    fn html_survives_odd_input() {
        for odd in [
            "",
            "<",
            "<pre>never closed",
            "</code>",
            "<a href='x",
            "a < b > c",
        ] {
            let np = html(odd);
            assert!(np.ranges.iter().all(|r| r.end <= odd.len()), "{odd:?}");
        }
        assert_eq!(pieces("x<pre>y", &html("x<pre>y")), ["<pre>y"]);
    }

    const PO: &str = "# Translator comment\n#, c-format\nmsgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\nmsgctxt \"menu\"\nmsgid \"Open %s\"\nmsgstr \"Ouvrir « %s » \\\"ici\\\"\"\n\nmsgid \"one file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"un fichier\"\nmsgstr[1] \"\"\n\"%d fichiers\"\n#~ msgid \"old\"\n#~ msgstr \"vieux\"\n";

    #[test]
    fn po_leaves_only_msgstr_contents() {
        let np = po(PO);
        let prose: Vec<&str> = {
            let mut out = Vec::new();
            let mut at = 0;
            for r in &np.ranges {
                if r.start > at {
                    out.push(&PO[at..r.start]);
                }
                at = r.end;
            }
            out
        };
        assert_eq!(
            prose,
            [
                "Language: fr\\n",
                "Ouvrir « %s » \\\"ici\\\"",
                "un fichier",
                "%d fichiers"
            ]
        );
        assert_eq!(np.ranges.last().map(|r| r.end), Some(PO.len()));
        let at = |s: &str| {
            let i = PO.find(s).unwrap();
            i..i + s.len()
        };
        assert!(np.inside(PO, at("Open %s")));
        assert!(np.inside(PO, at("vieux")), "obsolete entries are comments");
        assert!(!np.inside(PO, at("Ouvrir")));
        assert!(np.inside(PO, at("msgstr[0]")));
        assert_eq!(np.kind_at(at("Open")), Some(Kind::Msgid));
        let entries = np
            .items
            .iter()
            .filter(|(k, s)| *k == Kind::Msgid && s.starts_with("msgid "))
            .count();
        assert_eq!(entries, 3);
    }

    #[test]
    fn po_items_ignore_msgstr_edits_only() {
        let edited = PO.replace("Ouvrir « %s »", "Ouvrir «%s»");
        assert_eq!(po(PO).items, po(&edited).items);
        let msgid = PO.replace("Open %s", "Open  %s");
        assert_ne!(po(PO).items, po(&msgid).items);
        let comment = PO.replace("Translator comment", "Translator  comment");
        assert_ne!(po(PO).items, po(&comment).items);
        let joined = PO.replace("\"\n\"%d fichiers", "%d fichiers");
        assert_ne!(po(PO).items, po(&joined).items);
    }

    #[test]
    fn markdown_indented_code_autolinks_and_references() {
        let md = "Text:\n\n    indented code\n    more\n\nSee <https://a.example> and [the docs][d].\n\n[d]: https://b.example \"B\"\n";
        let np = markdown(md);
        assert_eq!(
            pieces(md, &np),
            [
                // pulldown-cmark starts the block after its first indent.
                "indented code\n    more\n",
                "<",
                ">",
                "[",
                "][d]",
                "[d]: https://b.example \"B\""
            ]
        );
        assert_eq!(
            np.items[0],
            (Kind::CodeBlock, "\nindented code\nmore\n".into())
        );
        assert_eq!(np.items[2], (Kind::Link, "https://b.example B".into()));
    }

    #[test]
    fn other_formats_have_no_definition() {
        assert!(non_prose(Format::Text, "x").is_none());
        assert!(non_prose(Format::Po, "").is_some_and(|n| n.ranges.is_empty()));
    }
}
