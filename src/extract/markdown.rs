//! Markdown: CommonMark with GitHub's extensions, read with `pulldown-cmark`.
//!
//! **Read** as prose, each block its own paragraph: paragraphs, headings
//! (without their `#`s and `{#id}` attributes), list items (the text of an
//! item before a nested list is a block of its own), block quotes (without a
//! GitHub `[!NOTE]` marker), table cells (each cell a paragraph), footnote
//! definitions, and inline the text of emphasis, strong emphasis,
//! strikethrough, links and images (an image's alt text). Entities and
//! backslash escapes are decoded (`&amp;` reads `&`, `\*` reads `*`), as
//! pieces that a fix replaces whole.
//!
//! **Skipped**: fenced and indented code blocks, inline code, front matter (a
//! YAML `---` or TOML `+++` block at the very start of the file), HTML blocks
//! and inline HTML tags (and the text of inline `<code>`, `<kbd>`, `<pre>`,
//! …), link targets and titles, reference definitions, autolinks
//! (`<https://…>`, `<a@b.c>`: their text is an address), math (`$x$`,
//! `$$…$$`), footnote references and task-list markers.
//!
//! Code, math, an autolink or a footnote reference inside a sentence is one
//! neutral symbol to the rules ([`super::PLACEHOLDER`]), with the spaces
//! around it as written: ``with `x`.`` reads `with ￼.` and `` `a`, `b` ``
//! reads `￼, ￼`, so that removing code never glues words, never makes a
//! space before punctuation and never makes a run of commas; no fix touches
//! it. A formatting tag (`<b>`, `<span>`) leaves no trace: the spaces around
//! it are kept once, and not before a mark that attaches to the word before
//! it.
//!
//! HTML comments outside code are listed for suppressions; a comment shown
//! inside a code block or inline code is not one. An unclosed code fence, an
//! unclosed HTML comment and unclosed front matter are reported as problems;
//! the reader never stops.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Builder, Format, Prose};

/// The prose of a Markdown file.
pub fn extract(original: &str) -> Prose<'_> {
    let mut r = Reader::new(original);
    // A byte-order mark is not text (pulldown-cmark would read it as such).
    let start = if original.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let body = r.front_matter(start);
    r.read(body);
    r.b.finish(Format::Markdown)
}

/// The extensions read: GitHub's (tables, strikethrough, task lists,
/// footnotes, `[!NOTE]` quotes), math and heading attributes. Front matter
/// is found by [`Reader::front_matter`] instead, since pulldown-cmark takes
/// a `---` line anywhere in the file for one (it would swallow a thematic
/// break and the setext heading after it). Smart punctuation stays off: the
/// prose must be the text as written.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
}

/// A code block being skipped.
struct Code {
    /// Where it starts (its opening fence).
    start: usize,
    /// Whether it is fenced (an indented block cannot be left open).
    fenced: bool,
    /// Where its content ends so far: after its opening line, then after
    /// each line of code. What follows is the closing fence, if any.
    content_end: usize,
}

/// Reads events into a [`Builder`], handling the spaces around skipped
/// inline elements.
struct Reader<'a> {
    original: &'a str,
    b: Builder<'a>,
    /// Spaces that ended the last text, not yet written: they are dropped if
    /// a skipped element follows and then a space, a closing mark or the end
    /// of the block.
    pending: Option<Range<usize>>,
    /// An inline element was skipped since the last text.
    gap: bool,
    /// No text yet in the current block.
    block_empty: bool,
    /// The code block being skipped.
    code: Option<Code>,
    /// For each open link, whether it is an autolink (its text is skipped).
    links: Vec<bool>,
    /// Open autolinks.
    autolinks: usize,
    /// Open inline HTML code elements (`<code>`, `<kbd>`, …).
    html_code: usize,
}

impl<'a> Reader<'a> {
    fn new(original: &'a str) -> Self {
        Self {
            original,
            b: Builder::new(original),
            pending: None,
            gap: false,
            block_empty: true,
            code: None,
            links: Vec::new(),
            autolinks: 0,
            html_code: 0,
        }
    }

    /// Skips the front matter at `start`, if any, and returns where the
    /// Markdown starts. Front matter opens with a `---` (YAML) or `+++`
    /// (TOML) line at the start of the file and closes with the same line
    /// (or `...` for YAML); as in pulldown-cmark its first line may not be
    /// blank, but it may be empty (`---` then `---`, as Jekyll allows).
    fn front_matter(&mut self, start: usize) -> usize {
        let src = self.original;
        // Lines as everywhere else in mtlint (see `text::lines::lines`), as
        // CommonMark counts them too.
        let mut lines = crate::text::lines::lines_from(src, start);
        let Some(first) = lines.next() else {
            return start;
        };
        let delim = match src[first.start..first.end].trim_end_matches([' ', '\t']) {
            "---" => "---",
            "+++" => "+++",
            _ => return start,
        };
        let closes = |line: &str| {
            let l = line.trim_end_matches(' ');
            l == delim || (delim == "---" && l == "...")
        };
        let mut first_line = None;
        for line in lines {
            let content = &src[line.start..line.end];
            if closes(content) {
                return line.next;
            }
            if first_line.is_none() {
                if content.trim().is_empty() {
                    return start; // a thematic break, then a blank line
                }
                first_line = Some(content);
            }
        }
        // Never closed: a thematic break, unless it goes on as front matter.
        if first_line.is_some_and(|l| looks_like_front_matter(l, delim)) {
            let kind = if delim == "---" { "YAML" } else { "TOML" };
            self.b.problem(
                start,
                format!("unclosed {kind} front matter opened here: it is read as Markdown"),
                false,
            );
        }
        start
    }

    /// Reads the Markdown from `body` to the end.
    fn read(&mut self, body: usize) {
        let Some(text) = self.original.get(body..) else {
            return;
        };
        for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
            let range = range.start + body..range.end + body;
            match event {
                Event::Start(tag) => self.start(tag, range),
                Event::End(tag) => self.end(tag, range),
                Event::Text(t) => {
                    if let Some(code) = &mut self.code {
                        code.content_end = code.content_end.max(range.end);
                    } else if self.autolinks > 0 || self.html_code > 0 {
                        self.gap = true;
                    } else {
                        self.text(range, &t);
                    }
                }
                Event::Code(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_)
                | Event::FootnoteReference(_) => self.placeholder(range),
                Event::TaskListMarker(_) => self.gap = true,
                // An HTML block's comments are found at its start.
                Event::Html(_) => {}
                Event::InlineHtml(tag) => self.inline_html(range, &tag),
                Event::SoftBreak | Event::HardBreak => {
                    self.pending = None;
                    self.gap = false;
                    self.b.line_break(range);
                }
                Event::Rule => self.end_block(),
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::CodeBlock(kind) => {
                self.end_block();
                let opening_end = self
                    .original
                    .get(range.clone())
                    .and_then(|s| s.find('\n'))
                    .map_or(range.end, |i| range.start + i + 1);
                self.code = Some(Code {
                    start: range.start,
                    fenced: matches!(kind, CodeBlockKind::Fenced(_)),
                    content_end: opening_end,
                });
            }
            Tag::HtmlBlock => {
                self.end_block();
                self.html_block(range);
            }
            Tag::Link { link_type, .. } => {
                let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.links.push(auto);
                if auto {
                    self.autolinks += 1;
                    self.placeholder(range);
                }
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Image { .. } => {}
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_) => self.end_block(),
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    self.check_fence(&code, range.end);
                }
                self.end_block();
            }
            TagEnd::Link => {
                if self.links.pop() == Some(true) {
                    self.autolinks = self.autolinks.saturating_sub(1);
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Image => {}
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::MetadataBlock(_) => self.end_block(),
        }
    }

    /// A piece of text, `t` as pulldown-cmark decoded `original[range]`.
    fn text(&mut self, range: Range<usize>, t: &str) {
        if std::mem::take(&mut self.gap) && t.starts_with(attaches) {
            // `with `x`.`, `the `f()` function`: one space at most, and
            // none before a mark that attaches to the word before it.
            self.pending = None;
        }
        if self.original.get(range.clone()) != Some(t) {
            // An entity or an escape: a piece of its own, kept whole.
            self.flush();
            self.b.decoded(range, t);
            self.block_empty = false;
            return;
        }
        let mut start = range.start;
        let mut s = t;
        if self.block_empty {
            // A block does not start with spaces (left by a skipped `code`).
            let trimmed = s.trim_start_matches([' ', '\t']);
            start += s.len() - trimmed.len();
            s = trimmed;
        }
        let body = s.trim_end_matches([' ', '\t']);
        if body.is_empty() {
            if !s.is_empty() {
                self.flush();
                self.pending = Some(start..start + s.len());
            }
            return;
        }
        self.flush();
        self.b.text(start..start + body.len());
        self.block_empty = false;
        if body.len() < s.len() {
            self.pending = Some(start + body.len()..start + s.len());
        }
    }

    /// Code, math, an autolink or a footnote reference, cut out of the
    /// prose: the rules read one neutral symbol in its place, with the
    /// spaces around it as written (see [`Builder::placeholder`]).
    fn placeholder(&mut self, range: Range<usize>) {
        self.flush();
        self.gap = false;
        self.b.placeholder(range);
        self.block_empty = false;
    }

    /// Writes the pending spaces.
    fn flush(&mut self) {
        if let Some(r) = self.pending.take() {
            self.b.text(r);
        }
    }

    fn end_block(&mut self) {
        self.pending = None;
        self.gap = false;
        self.block_empty = true;
        // An inline `<code>` left open does not hide the following blocks.
        self.html_code = 0;
        self.b.end_block();
    }

    /// An inline HTML tag or comment: a comment is listed; `<br>` breaks the
    /// line; a block element (`<p>`, `<div>`, `<li>`, …) ends the block; a
    /// code element (`<code>`, `<kbd>`, …) hides the text up to its end tag;
    /// any other tag is skipped.
    fn inline_html(&mut self, range: Range<usize>, tag: &str) {
        if tag.starts_with("<!--") {
            if self.html_code == 0 {
                self.b.comment(range);
            }
            self.gap = true;
            return;
        }
        let inner = tag.strip_prefix('<').unwrap_or(tag);
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name_len = inner
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(inner.len());
        let name = inner.get(..name_len).unwrap_or("");
        let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(name));
        if is(&["br"]) {
            self.pending = None;
            self.gap = false;
            self.b.line_break(range);
        } else if is(CODE_ELEMENTS) {
            if closing {
                self.html_code = self.html_code.saturating_sub(1);
            } else if !tag.ends_with("/>") {
                if self.html_code == 0 {
                    self.placeholder(range);
                }
                self.html_code += 1;
            }
        } else if is(BLOCK_ELEMENTS) {
            let code = self.html_code;
            self.end_block();
            self.html_code = code;
        } else {
            self.gap = true;
        }
    }

    /// Lists the comments of an HTML block, and reports one left open.
    fn html_block(&mut self, range: Range<usize>) {
        let Some(s) = self.original.get(range.clone()) else {
            return;
        };
        let mut at = 0;
        while let Some(i) = s.get(at..).and_then(|rest| rest.find("<!--")) {
            let open = at + i;
            let after = open + 4;
            let rest = s.get(after..).unwrap_or("");
            // `<!-->` and `<!--->` are (empty) comments too.
            let end = if rest.starts_with('>') {
                Some(after + 1)
            } else if rest.starts_with("->") {
                Some(after + 2)
            } else {
                rest.find("-->").map(|j| after + j + 3)
            };
            let Some(end) = end else {
                self.b.problem(
                    range.start + open,
                    "unclosed HTML comment opened here: the rest of the file is hidden as a comment",
                    false,
                );
                return;
            };
            self.b.comment(range.start + open..range.start + end);
            at = end;
        }
    }

    /// Reports a fenced code block that has no closing fence, which
    /// CommonMark reads as code to the end of the file (or of the list item
    /// or block quote holding it).
    fn check_fence(&mut self, code: &Code, end: usize) {
        if !code.fenced {
            return;
        }
        let rest = self.original.get(code.content_end..end).unwrap_or("");
        if rest.contains("```") || rest.contains("~~~") {
            return;
        }
        let to_the_end = self.original.get(end..).is_none_or(|r| r.trim().is_empty());
        let message = if to_the_end {
            "unclosed code fence opened here: the rest of the file is read as code"
        } else {
            "unclosed code fence opened here: the rest of its list item or block quote is read as code"
        };
        self.b.problem(code.start, message, false);
    }
}

/// Inline HTML elements whose text is code, not prose.
const CODE_ELEMENTS: &[&str] = &[
    "code", "kbd", "samp", "var", "tt", "pre", "script", "style", "math", "svg",
];

/// Inline HTML elements that start or end a block.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "hr",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "details",
    "summary",
    "figure",
    "figcaption",
];

/// Whether a character attaches to the word before it (or is a space), so
/// that a space left before it by a skipped element must go.
fn attaches(c: char) -> bool {
    c.is_whitespace() || ",.;:?!)]}»”’،؛؟…%".contains(c)
}

/// Whether the line after an unclosed `---` or `+++` is a `key: value`
/// (YAML) or `key = value` (TOML) line, so that front matter was meant.
fn looks_like_front_matter(line: &str, delim: &str) -> bool {
    let key_len = line
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .unwrap_or(line.len());
    if key_len == 0 {
        return delim == "+++" && line.starts_with('[');
    }
    let rest = line.get(key_len..).unwrap_or("");
    if delim == "---" {
        rest.starts_with(':')
    } else {
        rest.trim_start().starts_with('=')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn prose(md: &str) -> String {
        extract(md).text.into_owned()
    }

    use crate::extract::testing::at;

    /// `w`, found in the prose, maps back to `w` in the original.
    fn maps_back(md: &str, w: &str) {
        let p = extract(md);
        assert_eq!(&md[p.to_original(at(&p, w))], w, "in {md:?}");
    }

    /// The comments listed, as text.
    fn comments(md: &str) -> Vec<&str> {
        let p = extract(md);
        let ranges = p.comments.unwrap_or_default();
        ranges.into_iter().map(|r| &md[r]).collect()
    }

    fn problems(md: &str) -> Vec<(usize, String, bool)> {
        extract(md)
            .problems
            .into_iter()
            .map(|p| (p.offset, p.message, p.stopped))
            .collect()
    }

    #[test]
    fn paragraphs_and_headings_are_blocks() {
        let md = "# Title ##\n\nSome *fine* text.\nSecond line.\n\nSetext\n======\n";
        assert_eq!(
            prose(md),
            "Title\n\nSome fine text.\nSecond line.\n\nSetext"
        );
        maps_back(md, "Title");
        maps_back(md, "Setext");
        maps_back(md, "text.\nSecond");
        let p = extract(md);
        assert_eq!(p.format, Format::Markdown);
        assert!(p.problems.is_empty());
    }

    #[test]
    fn heading_attributes_are_not_prose() {
        let md = "## Heading {#id .cls}\n\ntext";
        assert_eq!(prose(md), "Heading\n\ntext");
        maps_back(md, "Heading");
    }

    #[test]
    fn inline_markup_never_glues_or_splits_words() {
        assert_eq!(prose("**Note**: text"), "Note: text");
        assert_eq!(prose("[the docs](https://x.y \"Title\")"), "the docs");
        assert_eq!(prose("un*believ*able"), "unbelievable");
        assert_eq!(prose("a <b>bold</b> word"), "a bold word");
        assert_eq!(prose("~~old~~ new and __strong__"), "old new and strong");
        maps_back("un*believ*able", "believ");
    }

    #[test]
    fn a_fix_inside_prose_is_accepted_and_across_markup_refused() {
        let md = "A *fine* text here.";
        let p = extract(md);
        assert_eq!(p.text, "A fine text here.");
        assert_eq!(
            p.fix_range(at(&p, "text here")).map(|r| &md[r]),
            Some("text here")
        );
        assert_eq!(p.fix_range(at(&p, "fine text")), None);
        assert_eq!(p.fix_range(at(&p, "A fine")), None);
    }

    #[test]
    fn inline_code_is_one_neutral_symbol() {
        assert_eq!(prose("with `code`."), "with \u{FFFC}.");
        assert_eq!(prose("the `foo()` function"), "the \u{FFFC} function");
        assert_eq!(prose("(`x`)"), "(\u{FFFC})");
        assert_eq!(prose("run `cargo test` now"), "run \u{FFFC} now");
        assert_eq!(
            prose("Run `make`, then `make install`."),
            "Run \u{FFFC}, then \u{FFFC}."
        );
        // A list of code is no run of commas.
        assert_eq!(prose("`a`, `b`, `c`"), "\u{FFFC}, \u{FFFC}, \u{FFFC}");
        assert_eq!(prose("`foo` is a function"), "\u{FFFC} is a function");
        assert_eq!(prose("call `a` `b` here"), "call \u{FFFC} \u{FFFC} here");
        assert_eq!(prose("ends with `code`\nnext"), "ends with \u{FFFC}\nnext");
        assert_eq!(prose("*with `x`*."), "with \u{FFFC}.");
        // A space the author put before a comma is still there to be found,
        // and its fix deletes just that space.
        let md = "Use `x` , then";
        let p = extract(md);
        assert_eq!(p.text, "Use \u{FFFC} , then");
        assert_eq!(p.fix_range(at(&p, " ,")).map(|r| &md[r]), Some(" ,"));
        // The code itself is never prose.
        assert_eq!(prose("a `b ,c` d"), "a \u{FFFC} d");
        // And no fix touches it.
        let p = extract("a `b` c");
        assert_eq!(p.fix_range(at(&p, "\u{FFFC}")), None);
        assert_eq!(p.fix_range(at(&p, " \u{FFFC} ")), None);
    }

    #[test]
    fn the_mod_doc_example() {
        let md = "# Title\n\nSome *fine* text with `code ,here`.\n";
        assert_eq!(prose(md), "Title\n\nSome fine text with \u{FFFC}.");
    }

    #[test]
    fn yaml_and_toml_front_matter_are_skipped() {
        let yaml = "---\ntitle: Hello\nlang: ar\n---\n\n# Body\n";
        assert_eq!(prose(yaml), "Body");
        maps_back(yaml, "Body");
        assert_eq!(prose("---\ntitle: x\n...\nBody"), "Body");
        let toml = "+++\ntitle = \"Hello\"\n+++\n\nBody text\n";
        assert_eq!(prose(toml), "Body text");
        maps_back(toml, "Body text");
        assert_eq!(prose("---\n---\nBody"), "Body");
        assert_eq!(prose("---\r\ntitle: x\r\n---\r\nBody\r\n"), "Body");
        assert!(problems(yaml).is_empty());
        // After a byte-order mark too, which is not prose either.
        assert_eq!(prose("\u{feff}---\na: b\n---\nBody"), "Body");
        assert_eq!(prose("\u{feff}# Title"), "Title");
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        // In the middle of a file: a break, then a setext heading.
        let md = "Para\n\n---\nSome text\n---\n\nend";
        assert_eq!(prose(md), "Para\n\nSome text\n\nend");
        // At the start, followed by a blank line.
        assert_eq!(prose("---\n\nText\n"), "Text");
        assert!(problems("---\n\nText\n").is_empty());
        // Never closed and not `key: value`: a break and a paragraph.
        assert_eq!(prose("---\nJust text\n"), "Just text");
        assert!(problems("---\nJust text\n").is_empty());
    }

    #[test]
    fn unclosed_front_matter_is_a_problem() {
        let md = "---\ntitle: x\n\nBody\n";
        assert_eq!(
            problems(md),
            [(
                0,
                "unclosed YAML front matter opened here: it is read as Markdown".to_string(),
                false
            )]
        );
        assert_eq!(prose(md), "title: x\n\nBody");
        let toml = "+++\ntitle = 1\n\nBody\n";
        assert_eq!(problems(toml).len(), 1);
        assert!(problems(toml)[0].1.contains("TOML"));
        assert!(!extract(toml).stopped());
    }

    #[test]
    fn code_blocks_are_skipped() {
        let md = "Before.\n\n```rust\nlet x = 1 ,2;\n```\n\n~~~\ntilde ,code\n~~~\n\n    indented ,code\n\nAfter.\n";
        assert_eq!(prose(md), "Before.\n\nAfter.");
        maps_back(md, "After.");
        assert!(problems(md).is_empty());
        // A longer fence holds a shorter one.
        let md = "````md\n```\ninner\n```\n````\n\nText";
        assert_eq!(prose(md), "Text");
        assert!(problems(md).is_empty());
        assert!(problems("```\n```\n").is_empty());
    }

    #[test]
    fn an_unclosed_fence_is_a_problem() {
        let md = "Text.\n\n```rust\nfn main() {}\n\nMore text.\n";
        assert_eq!(prose(md), "Text.");
        assert_eq!(
            problems(md),
            [(
                7,
                "unclosed code fence opened here: the rest of the file is read as code".into(),
                false
            )]
        );
        assert!(!extract(md).stopped());
        assert_eq!(problems("```").len(), 1);
        assert_eq!(problems("~~~\n").len(), 1);
        // Inside a block quote it ends with the quote.
        let md = "> ```\n> open\n\nafter\n";
        assert_eq!(prose(md), "after");
        let found = problems(md);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 2);
        assert!(found[0].1.contains("block quote"));
        // Closed inside a quote: fine.
        assert!(problems("> ```\n> code\n> ```\n").is_empty());
    }

    #[test]
    fn links_images_and_autolinks() {
        let md = "See <https://x.y> and [the docs](https://x.y \"title\"), ![a cat](c.png) and [ref][r] or <a@b.c>.\n\n[r]: https://r.s \"T\"\n";
        assert_eq!(
            prose(md),
            "See \u{FFFC} and the docs, a cat and ref or \u{FFFC}."
        );
        maps_back(md, "the docs");
        maps_back(md, "a cat");
        maps_back(md, "ref");
        assert_eq!(prose("[![Build](https://b.svg)](https://ci)"), "Build");
    }

    #[test]
    fn each_table_cell_is_a_paragraph() {
        let md = "| Name | Value |\n|---|:-:|\n| a \\| b | **2** |\n";
        let p = extract(md);
        assert_eq!(p.text, "Name\n\nValue\n\na | b\n\n2");
        maps_back(md, "Value");
        maps_back(md, "2");
        // The escaped pipe is markup between two pieces.
        assert_eq!(&md[p.to_original(at(&p, "| b"))], "| b");
        assert_eq!(p.fix_range(at(&p, "a | b")), None);
        assert_eq!(p.fix_range(at(&p, "Name\n\nValue")), None);
    }

    #[test]
    fn lists_nested_and_tasks() {
        let md = "- [ ] task one\n- [x] two\n  - nested\n  - more\n\n  para in item\n- three\n\n1. first\n2. second\n";
        assert_eq!(
            prose(md),
            "task one\n\ntwo\n\nnested\n\nmore\n\npara in item\n\nthree\n\nfirst\n\nsecond"
        );
        maps_back(md, "nested");
        maps_back(md, "second");
        // A tight item's text before its nested list is a block of its own.
        assert_eq!(prose("- parent\n  - child\n"), "parent\n\nchild");
    }

    #[test]
    fn block_quotes() {
        let md = "> [!NOTE]\n> quoted **text**\n> more\n\n> plain\n";
        let p = extract(md);
        assert_eq!(p.text, "quoted text\nmore\n\nplain");
        maps_back(md, "more");
        // Across the `> ` of the next line: refused.
        assert_eq!(p.fix_range(at(&p, "text\nmore")), None);
        assert!(p.fix_range(at(&p, "more")).is_some());
    }

    #[test]
    fn footnotes() {
        let md = "A claim[^1] and more [^n].\n\n[^1]: The *first* note.\n    Goes on.\n\n[^n]: Second.\n";
        assert_eq!(
            prose(md),
            "A claim\u{FFFC} and more \u{FFFC}.\n\nThe first note.\nGoes on.\n\nSecond."
        );
        maps_back(md, "Goes on.");
    }

    #[test]
    fn math_is_skipped_but_prices_are_not() {
        let md = "Energy $E = mc^2$ and $$\\int x$$ here.\n\n$$\nx ,y\n$$\n\nIt costs $5 and $10.";
        assert_eq!(
            prose(md),
            "Energy \u{FFFC} and \u{FFFC} here.\n\n\u{FFFC}\n\nIt costs $5 and $10."
        );
        maps_back(md, "It costs $5 and $10.");
    }

    #[test]
    fn html_comments_outside_code_are_listed() {
        let md = "<!-- mtlint: ignore-file -->\n\nText <!-- inline\nnote --> more.\n\n> <!-- a\n> b -->\n\n<div>\nHi <!-- x --> there\n</div>\n";
        assert_eq!(
            comments(md),
            [
                "<!-- mtlint: ignore-file -->",
                "<!-- inline\nnote -->",
                "<!-- a\n> b -->",
                "<!-- x -->"
            ]
        );
        assert_eq!(prose(md), "Text more.");
        assert!(problems(md).is_empty());
        assert_eq!(comments("a <!--> b <!---> c"), ["<!-->", "<!--->"]);
    }

    #[test]
    fn html_comments_inside_code_are_not() {
        let md = "```md\n<!-- mtlint: ignore-file -->\n```\n\n    <!-- indented -->\n\nSay `<!-- mtlint: ignore -->` and <code><!-- x --></code>.\n";
        assert!(comments(md).is_empty());
        assert_eq!(prose(md), "Say \u{FFFC} and \u{FFFC}.");
    }

    #[test]
    fn an_unclosed_html_comment_is_a_problem() {
        let md = "Text\n\n<!-- never closed\n\nhidden\n";
        assert_eq!(prose(md), "Text");
        let found = problems(md);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 6);
        assert!(found[0].1.starts_with("unclosed HTML comment"));
        assert!(comments(md).is_empty());
    }

    #[test]
    fn html_blocks_and_tags() {
        let md = "<div align=\"center\">\n<img src=\"x.png\">\n</div>\n\nLine one<br>line two<br/>three.\n\nA <kbd>Ctrl</kbd> key, a <code>x ,y</code> value.\n\nend<p>next";
        assert_eq!(
            prose(md),
            "Line one\nline two\nthree.\n\nA \u{FFFC} key, a \u{FFFC} value.\n\nend\n\nnext"
        );
        maps_back(md, "line two");
    }

    #[test]
    fn entities_and_escapes_are_decoded_pieces() {
        let md = "Tom &amp; Jerry \\*not emphasis\\* &#1575; &copy done";
        let p = extract(md);
        assert_eq!(p.text, "Tom & Jerry *not emphasis* ا &copy done");
        assert_eq!(&md[p.to_original(at(&p, "&"))], "&amp;");
        assert_eq!(&md[p.to_original(at(&p, "ا"))], "&#1575;");
        assert_eq!(&md[p.to_original(at(&p, "*not"))], "*not");
        assert_eq!(&md[p.to_original(at(&p, "Jerry"))], "Jerry");
        assert_eq!(&md[p.to_original(at(&p, "done"))], "done");
        // An entity is replaced whole or not at all.
        assert_eq!(
            p.fix_range(at(&p, "Tom & ")).map(|r| &md[r]),
            Some("Tom &amp; ")
        );
        let amp = at(&p, "&");
        assert_eq!(p.fix_range(amp.start..amp.start), Some(4..4));
        // The backslash is markup: a fix across it is refused.
        assert_eq!(p.fix_range(at(&p, "Jerry *")), None);
        let md = "Title &amp; more\n===\n";
        assert_eq!(prose(md), "Title & more");
        maps_back(md, "more");
    }

    #[test]
    fn line_breaks() {
        let md = "a  \nb\\\nc \nd\r\ne";
        let p = extract(md);
        assert_eq!(p.text, "a\nb\nc\nd\ne");
        assert_eq!(&md[p.to_original(at(&p, "a\n"))], "a  \n");
        assert_eq!(&md[p.to_original(at(&p, "d\ne"))], "d\r\ne");
    }

    #[test]
    fn arabic_with_markup() {
        let md = "## مقدمة\n\nهذا **نص** عربي، مع [رابط](https://x.y) و`كود` في السطر.\n\n- عنصر *أول*\n- عنصر ثانٍ\n";
        let p = extract(md);
        assert_eq!(
            p.text,
            // The conjunction written against the code stays a word.
            "مقدمة\n\nهذا نص عربي، مع رابط و\u{FFFC} في السطر.\n\nعنصر أول\n\nعنصر ثانٍ"
        );
        maps_back(md, "نص");
        maps_back(md, "رابط");
        maps_back(md, "عنصر ثانٍ");
        assert_eq!(
            p.fix_range(at(&p, " عربي،")).map(|r| &md[r]),
            Some(" عربي،")
        );
        assert_eq!(p.fix_range(at(&p, "هذا نص")), None);
    }

    /// A README as found in the wild.
    const README: &str = r#"---
title: mtlint
---

# mtlint [![CI](https://ci.example/badge.svg)](https://ci.example)

<p align="center"><img src="logo.png" width="120"></p>

**mtlint** finds *machine-translation* garble before it is published.
See the [guide](docs/guide.md "Guide") or <https://mtlint.example>.

<!-- mtlint: ignore space-before-punctuation -->

## Install

```sh
cargo install mtlint   # <!-- not a comment -->
```

Then run `mtlint check docs/`, which prints:

| Rule | Severity |
|------|----------|
| `space-before-punctuation` | warning |
| mixed &amp; script | error[^1] |

> [!TIP]
> Use `--fix` to apply safe fixes.

- [x] Arabic
- [ ] French
  1. later

[^1]: Errors fail the build.

[guide]: https://example.org
"#;

    #[test]
    fn a_realistic_readme() {
        let p = extract(README);
        assert_eq!(
            p.text,
            "mtlint CI\n\n\
             mtlint finds machine-translation garble before it is published.\n\
             See the guide or \u{FFFC}.\n\n\
             Install\n\n\
             Then run \u{FFFC}, which prints:\n\n\
             Rule\n\nSeverity\n\n\u{FFFC}\n\nwarning\n\nmixed & script\n\nerror\u{FFFC}\n\n\
             Use \u{FFFC} to apply safe fixes.\n\n\
             Arabic\n\nFrench\n\nlater\n\n\
             Errors fail the build."
        );
        let comments: Vec<&str> = p
            .comments
            .iter()
            .flatten()
            .map(|r| &README[r.clone()])
            .collect();
        assert_eq!(
            comments,
            ["<!-- mtlint: ignore space-before-punctuation -->"]
        );
        assert!(p.problems.is_empty());
        for w in [
            "machine-translation",
            "published.\nSee",
            "which prints:",
            "Errors",
        ] {
            assert_eq!(&README[p.to_original(at(&p, w))], w);
        }
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert_eq!(prose(""), "");
        assert_eq!(prose("\n\n  \n"), "");
        assert_eq!(prose("\u{feff}"), "");
        assert!(extract("").problems.is_empty());
    }

    /// Checks what must hold of any input: ranges on char boundaries, each
    /// verbatim piece a copy of its original bytes, comments that are
    /// comments.
    fn check_invariants(md: &str) {
        let p = extract(md);
        let n = p.text.len();
        for (i, x) in p.pieces.iter().enumerate() {
            assert!(x.start <= x.end && x.end <= md.len());
            assert!(md.is_char_boundary(x.start) && md.is_char_boundary(x.end));
            let end = p.pieces.get(i + 1).map_or(n, |y| y.prose);
            if x.verbatim {
                assert_eq!(&p.text[x.prose..end], &md[x.start..x.end]);
            }
        }
        let r = p.to_original(0..n);
        assert!(md.get(r).is_some());
        for c in p.comments.iter().flatten() {
            let s = md.get(c.clone()).unwrap();
            assert!(s.starts_with("<!--") && s.ends_with('>'), "{s:?}");
        }
        for q in &p.problems {
            assert!(!q.stopped && md.is_char_boundary(q.offset));
        }
    }

    proptest! {
        #[test]
        fn random_strings_never_panic(s in "\\PC*") {
            check_invariants(&s);
        }

        #[test]
        fn markdown_like_strings_never_panic(
            s in "[-#*_`~>|!\\[\\]()<>{}:=+$&;\\\\ \n\tab1.,ا ]{0,200}"
        ) {
            check_invariants(&s);
        }

        #[test]
        fn mutated_readmes_never_panic(
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..8, "[-#*_`~>|!\\[\\]()<>:+$&\\\\\n ا]{0,3}"), 1..6)
        ) {
            let mut md = README.to_string();
            for (at, cut, insert) in edits {
                let mut i = at.index(md.len() + 1);
                while !md.is_char_boundary(i) {
                    i -= 1;
                }
                let mut j = (i + cut).min(md.len());
                while !md.is_char_boundary(j) {
                    j -= 1;
                }
                md.replace_range(i..j, &insert);
            }
            check_invariants(&md);
        }
    }
}
