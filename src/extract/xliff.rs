//! XLIFF catalogues, versions 1.2 and 2.0.
//!
//! The prose is the translations: the text of each `<target>` of a
//! `<trans-unit>` (1.2) or of a `<segment>` of a `<unit>` (2.0), each its own
//! paragraph and its own [`Unit`] (named by the `id` of the trans-unit, or of
//! the unit followed by `/` and the segment's `id` when it has one), with
//! the `<source>` beside it as the unit's source and the `state` of the
//! target (1.2) or of the segment (2.0) as its state.
//!
//! Inside a target, inline elements (`<g>`, `<mrk>`, `<pc>`, `<x/>`,
//! `<bx/>`, `<ex/>`, `<sc/>`, `<ec/>`, `<ph/>`) leave no trace, and the
//! native code inside `<bpt>`, `<ept>`, `<ph>` and `<it>` is skipped; a
//! placeholder marked as a line break (`ctype="lb"` in 1.2,
//! `subType="xlf:lb"` in 2.0) is a line break, and a 2.0 `<cp hex="…"/>`
//! the character it names. Entity and character references are decoded;
//! a CDATA section is decoded as a whole (a fix replaces all of it, written
//! as escaped text, or nothing). Line endings `\r\n` read as `\n`.
//!
//! Skipped: everything else, among which the targets of `<alt-trans>`
//! (suggestions, not the translation) and of modules (`<mtc:match>`), the
//! `<note>`s, and the `<ignorable>` parts of 2.0 units. The file's
//! `target-language` (1.2) or `trgLang` (2.0) names its language. XML
//! comments outside targets are listed where a suppression may be written.
//!
//! XML that is not well-formed (a mismatched end tag, an element not closed
//! at the end of the file, an unknown entity) is a [`super::Problem`] that
//! stops the reader there; the units read so far are kept.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{Builder, Format, Prose, Unit, UnitKind};

/// The prose of an XLIFF file: its translations.
///
/// ```
/// use mtlint::extract::xliff::extract;
/// let xlf = r#"<xliff version="1.2"><file target-language="ar"><body>
/// <trans-unit id="t1"><source>Fish &amp; chips</source>
/// <target state="translated">سمك <g id="1">و</g>بطاطا</target></trans-unit>
/// </body></file></xliff>"#;
/// let prose = extract(xlf);
/// assert_eq!(prose.text, "سمك وبطاطا");
/// assert_eq!(prose.language.as_deref(), Some("ar"));
/// assert_eq!(prose.units[0].source.as_deref(), Some("Fish & chips"));
/// ```
pub fn extract(original: &str) -> Prose<'_> {
    let mut x = Xliff::new(original);
    x.run();
    x.b.finish(Format::Xliff)
}

/// What an open element is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `<trans-unit>` (1.2).
    TransUnit,
    /// `<unit>` (2.0).
    Unit,
    /// `<segment>` (2.0).
    Segment,
    /// The `<source>` of a unit.
    Source,
    /// The `<target>` of a unit: prose.
    Target,
    /// Native code inside a source or target: `<bpt>`, `<ept>`, `<ph>`,
    /// `<it>`.
    Code,
    /// Anything else.
    Other,
}

/// An open element.
#[derive(Debug, Clone, Copy)]
struct Frame {
    kind: Kind,
    /// Where its start tag starts.
    start: usize,
    /// The length of its name, which follows the `<`.
    name_len: usize,
}

/// The unit being read: a 1.2 trans-unit or a 2.0 segment.
#[derive(Debug)]
struct Current {
    id: String,
    start: usize,
    line: usize,
    source: Option<String>,
    state: Option<String>,
    prose_start: usize,
}

/// Malformed XML: where, and what quick-xml or the reader says.
struct NotWellFormed(usize, String);

struct Xliff<'a> {
    src: &'a str,
    b: Builder<'a>,
    stack: Vec<Frame>,
    /// The `id` of the 2.0 unit being read, and how many segments it had.
    unit_id: String,
    segments: usize,
    current: Option<Current>,
    /// The depth of the open target that is prose, and of the open source.
    target: Option<usize>,
    source: Option<usize>,
    /// How many code elements are open inside them.
    code: usize,
    language: bool,
    root: bool,
    /// A line count up to a byte offset, carried forward.
    line_at: (usize, usize),
}

impl<'a> Xliff<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            b: Builder::new(src),
            stack: Vec::with_capacity(16),
            unit_id: String::new(),
            segments: 0,
            current: None,
            target: None,
            source: None,
            code: 0,
            language: false,
            root: false,
            line_at: (0, 1),
        }
    }

    fn run(&mut self) {
        // quick-xml drops a byte order mark without counting it in its
        // positions: it is dropped here, and counted.
        let base = if self.src.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let mut reader = Reader::from_str(self.src.get(base..).unwrap_or(""));
        let position = |p: u64| usize::try_from(p).map_or(self.src.len(), |p| base + p);
        let mut before = base;
        let end = loop {
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(e) => {
                    let at = position(reader.error_position());
                    break Err(NotWellFormed(at, e.to_string()));
                }
            };
            let after = position(reader.buffer_position());
            let done = match event {
                Event::Start(e) => self.start(&e, before, after, false),
                Event::Empty(e) => self.start(&e, before, after, true),
                Event::End(_) => {
                    self.end(after);
                    Ok(())
                }
                Event::Text(t) => {
                    self.text(&t, before, after);
                    Ok(())
                }
                Event::GeneralRef(r) => self.reference(&r, before, after),
                Event::CData(_) => {
                    self.cdata(before, after);
                    Ok(())
                }
                Event::Comment(_) => {
                    if self.target.is_none() && self.source.is_none() {
                        self.b.comment(before..after);
                    }
                    Ok(())
                }
                Event::Eof => break Ok(()),
                Event::Decl(_) | Event::PI(_) | Event::DocType(_) => Ok(()),
            };
            if let Err(e) = done {
                break Err(e);
            }
            before = after;
        };
        match end {
            Err(NotWellFormed(at, message)) => {
                self.b
                    .problem(at, format!("not well-formed XML: {message}"), true);
                self.finish_unit(at);
            }
            Ok(()) => {
                if let Some(f) = self.stack.first().copied() {
                    let name = self.name(f);
                    let line = self.line(f.start);
                    self.b.problem(
                        self.src.len(),
                        format!(
                            "not well-formed XML: `<{name}>` of line {line} is not closed at the end of the file"
                        ),
                        true,
                    );
                    self.finish_unit(self.src.len());
                } else if !self.root {
                    self.b.problem(
                        0,
                        "no `<xliff>` element: not an XLIFF file, nothing read",
                        false,
                    );
                }
            }
        }
    }

    /// The name of an open element.
    fn name(&self, f: Frame) -> &'a str {
        self.src
            .get(f.start + 1..f.start + 1 + f.name_len)
            .unwrap_or("?")
    }

    /// The 1-based line of byte `offset`.
    fn line(&mut self, offset: usize) -> usize {
        let (from, line) = if offset >= self.line_at.0 {
            self.line_at
        } else {
            (0, 1)
        };
        // Line breaks as everywhere else in mtlint (see `text::lines::lines`):
        // the breaks between `from` and `offset`, both the start of a tag
        // (`<`), so never inside a `\r\n`.
        let to = offset.min(self.src.len());
        let more = self
            .src
            .get(from..to)
            .map_or(0, |s| crate::text::lines::lines(s).count() - 1);
        self.line_at = (offset, line + more);
        line + more
    }

    /// Whether text here is prose (`Some(true)`), source (`Some(false)`) or
    /// neither.
    fn reading(&self) -> Option<bool> {
        if self.code > 0 {
            return None;
        }
        if self.target.is_some() {
            Some(true)
        } else if self.source.is_some() {
            Some(false)
        } else {
            None
        }
    }

    /// A start tag or an empty element, `before..after` in the file.
    fn start(
        &mut self,
        e: &BytesStart<'_>,
        before: usize,
        after: usize,
        empty: bool,
    ) -> Result<(), NotWellFormed> {
        // Malformed attributes make the file ill-formed, wherever they are.
        for a in e.attributes() {
            if let Err(err) = a {
                return Err(NotWellFormed(before, err.to_string()));
            }
        }
        let local = e.local_name();
        let local: &str = local.as_ref();
        let parent = self.stack.last().map(|f| f.kind);
        let unit_parent = matches!(parent, Some(Kind::TransUnit | Kind::Segment));
        let in_text = self.target.is_some() || self.source.is_some();
        let kind = match local {
            "xliff" if !in_text => {
                self.root = true;
                self.declare_language(e, "trgLang");
                Kind::Other
            }
            "file" if !in_text => {
                self.declare_language(e, "target-language");
                Kind::Other
            }
            "trans-unit" if !in_text => {
                self.finish_unit(before);
                self.begin_unit(attr(e, "id").unwrap_or_default(), before, None);
                Kind::TransUnit
            }
            "unit" if !in_text => {
                self.finish_unit(before);
                self.unit_id = attr(e, "id").unwrap_or_default();
                self.segments = 0;
                Kind::Unit
            }
            "segment" if parent == Some(Kind::Unit) => {
                self.finish_unit(before);
                self.segments += 1;
                let id = match attr(e, "id") {
                    Some(seg) => format!("{}/{seg}", self.unit_id),
                    None if self.segments > 1 => format!("{}#{}", self.unit_id, self.segments),
                    None => self.unit_id.clone(),
                };
                self.begin_unit(id, before, attr(e, "state"));
                Kind::Segment
            }
            "source" if unit_parent && !empty => {
                self.source = Some(self.stack.len());
                if let Some(c) = &mut self.current {
                    c.source.get_or_insert_with(String::new);
                }
                Kind::Source
            }
            "target" if unit_parent => {
                if let (Some(state), Some(c)) = (attr(e, "state"), &mut self.current) {
                    c.state = Some(state);
                }
                if !empty {
                    self.target = Some(self.stack.len());
                }
                Kind::Target
            }
            "bpt" | "ept" | "ph" | "it" if in_text => {
                self.placeholder(e, before, after);
                if !empty {
                    self.code += 1;
                }
                Kind::Code
            }
            "x" | "bx" | "ex" | "sc" | "ec" if in_text && empty => {
                self.placeholder(e, before, after);
                Kind::Other
            }
            "cp" if in_text => {
                self.code_point(e, before, after)?;
                Kind::Other
            }
            _ => Kind::Other,
        };
        if empty {
            if matches!(kind, Kind::TransUnit | Kind::Segment) {
                self.finish_unit(after);
            }
        } else {
            self.stack.push(Frame {
                kind,
                start: before,
                name_len: e.name().as_ref().len(),
            });
        }
        Ok(())
    }

    /// An end tag, ending at `after`. quick-xml has checked that it matches
    /// the open element.
    fn end(&mut self, after: usize) {
        let Some(f) = self.stack.pop() else { return };
        let depth = self.stack.len();
        match f.kind {
            Kind::Target if self.target == Some(depth) => {
                self.target = None;
                self.code = 0;
                self.b.end_block();
            }
            Kind::Source if self.source == Some(depth) => {
                self.source = None;
                self.code = 0;
            }
            Kind::Code => self.code = self.code.saturating_sub(1),
            Kind::TransUnit | Kind::Segment => self.finish_unit(after),
            _ => {}
        }
    }

    fn declare_language(&mut self, e: &BytesStart<'_>, name: &str) {
        if self.language {
            return;
        }
        if let Some(code) = attr(e, name).filter(|c| !c.trim().is_empty()) {
            self.b.language(code);
            self.language = true;
        }
    }

    fn begin_unit(&mut self, id: String, start: usize, state: Option<String>) {
        let line = self.line(start);
        self.current = Some(Current {
            id,
            start,
            line,
            source: None,
            state,
            prose_start: self.b.prose_len(),
        });
    }

    /// Ends the unit being read, if any, at byte `end`.
    fn finish_unit(&mut self, end: usize) {
        self.target = None;
        self.source = None;
        self.code = 0;
        let Some(c) = self.current.take() else { return };
        let mut unit = Unit::new(UnitKind::Unit, c.id, c.line, c.start..end.max(c.start));
        if let Some(source) = c.source {
            unit = unit.with_source(source);
        }
        if let Some(state) = c.state {
            unit = unit.with_state(state);
        }
        self.b.unit(unit, c.prose_start);
        self.b.end_block();
    }

    /// Text `before..after`, without references (quick-xml gives those
    /// apart).
    fn text(&mut self, event: &str, before: usize, after: usize) {
        let Some(reading) = self.reading() else {
            return;
        };
        let Some(text) = self.src.get(before..after) else {
            return;
        };
        if text != event {
            // Positions that do not fall on the text: never written wrong.
            debug_assert!(false, "text event {event:?} is not at {before}..{after}");
            return;
        }
        if !reading {
            if let Some(c) = &mut self.current {
                let source = c.source.get_or_insert_with(String::new);
                source.push_str(&text.replace("\r\n", "\n"));
            }
            return;
        }
        // `\r\n` is a line ending that XML reads as `\n`.
        let mut run = before;
        for (i, _) in text.match_indices("\r\n") {
            let at = before + i;
            self.b.text(run..at);
            self.b.decoded(at..at + 2, "\n");
            run = at + 2;
        }
        self.b.text(run..after);
    }

    /// A reference `&name;` at `before..after`.
    fn reference(
        &mut self,
        r: &BytesRef<'_>,
        before: usize,
        after: usize,
    ) -> Result<(), NotWellFormed> {
        let c = match r.resolve_char_ref() {
            Ok(Some(c)) => c,
            Ok(None) => match &**r {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                name => {
                    return Err(NotWellFormed(
                        before,
                        format!(
                        "unknown entity `&{name};` (XML knows only &amp; &lt; &gt; &quot; &apos;)"
                    ),
                    ))
                }
            },
            Err(e) => return Err(NotWellFormed(before, e.to_string())),
        };
        self.character(c, before, after);
        Ok(())
    }

    /// Character `c`, standing for `before..after`.
    fn character(&mut self, c: char, before: usize, after: usize) {
        let mut buf = [0; 4];
        let s = c.encode_utf8(&mut buf);
        match self.reading() {
            Some(true) => self.b.decoded(before..after, s),
            Some(false) => {
                if let Some(source) = self.current.as_mut().and_then(|c| c.source.as_mut()) {
                    source.push_str(s);
                }
            }
            None => {}
        }
    }

    /// A CDATA section `before..after`: its content, as one decoded piece.
    fn cdata(&mut self, before: usize, after: usize) {
        let Some(content) = self
            .src
            .get(before..after)
            .and_then(|s| s.strip_prefix("<![CDATA["))
            .and_then(|s| s.strip_suffix("]]>"))
        else {
            return;
        };
        match self.reading() {
            // Replaced whole by a fix, the section is written back as
            // escaped text, which means the same.
            Some(true) => self.b.decoded(before..after, content),
            Some(false) => {
                if let Some(source) = self.current.as_mut().and_then(|c| c.source.as_mut()) {
                    source.push_str(content);
                }
            }
            None => {}
        }
    }

    /// A placeholder: a line break when it says so, else nothing.
    fn placeholder(&mut self, e: &BytesStart<'_>, before: usize, after: usize) {
        let lb = attr(e, "ctype").is_some_and(|t| t == "lb" || t == "x-lb")
            || attr(e, "subType").is_some_and(|t| t == "xlf:lb");
        if lb && self.reading() == Some(true) {
            self.b.line_break(before..after);
        }
    }

    /// A 2.0 `<cp hex="…"/>`: the character it names.
    fn code_point(
        &mut self,
        e: &BytesStart<'_>,
        before: usize,
        after: usize,
    ) -> Result<(), NotWellFormed> {
        let hex = attr(e, "hex").unwrap_or_default();
        match u32::from_str_radix(hex.trim(), 16)
            .ok()
            .and_then(char::from_u32)
        {
            Some(c) => {
                self.character(c, before, after);
                Ok(())
            }
            None => Err(NotWellFormed(
                before,
                format!("`<cp hex=\"{hex}\"/>` names no character"),
            )),
        }
    }
}

/// The value of attribute `name` of `e`, references decoded.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::extract::testing::at;

    fn check_mapping(src: &str, p: &Prose<'_>) {
        assert!(src.get(p.to_original(0..p.text.len())).is_some());
        for (i, _) in p.text.char_indices() {
            assert!(src.is_char_boundary(p.to_original(i..i).start));
        }
        for u in &p.units {
            assert!(src.get(u.range.clone()).is_some(), "{u:?}");
            assert!(p.text.get(u.prose.clone()).is_some(), "{u:?}");
        }
        for c in p.comments.iter().flatten() {
            assert!(src.get(c.clone()).is_some());
        }
    }

    const XLF12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="ar" datatype="plaintext" original="app">
    <body>
      <!-- mtlint: ignore repeated-word -->
      <trans-unit id="greeting">
        <source>Hello <g id="1">world</g>!</source>
        <target state="translated">مرحبا <g id="1">بالعالم</g>!<!-- inside --></target>
        <note>A greeting</note>
      </trans-unit>
      <trans-unit id="minister">
        <source>The minister said that &amp; <ph id="2">&lt;br/&gt;</ph>more</source>
        <target state="needs-review-translation">قال الوزير<x id="2"/> ، إن &amp; &#x627; <bpt id="3">&lt;b&gt;</bpt>نص<ept id="3">&lt;/b&gt;</ept></target>
        <alt-trans><target>اقتراح</target></alt-trans>
      </trans-unit>
      <trans-unit id="cdata">
        <source><![CDATA[a < b]]></source>
        <target><![CDATA[أ < ب]]></target>
      </trans-unit>
      <trans-unit id="empty"><source>Untranslated</source></trans-unit>
    </body>
  </file>
</xliff>
"#;

    #[test]
    fn xliff12_targets_are_the_prose() {
        let p = extract(XLF12);
        assert_eq!(p.text, "مرحبا بالعالم!\n\nقال الوزير ، إن & ا نص\n\nأ < ب");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        for skipped in [
            "Hello",
            "greeting",
            "اقتراح",
            "<b>",
            "Untranslated",
            "inside",
            "mtlint",
        ] {
            assert!(!p.text.contains(skipped), "{skipped}");
        }
        assert_eq!(p.language.as_deref(), Some("ar"));
        assert_eq!(p.format, Format::Xliff);
    }

    #[test]
    fn xliff12_units_with_source_and_state() {
        let p = extract(XLF12);
        let got: Vec<_> = p
            .units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
                    u.line,
                    u.source.as_deref(),
                    u.state.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("greeting", 6, Some("Hello world!"), Some("translated")),
                (
                    "minister",
                    11,
                    Some("The minister said that & more"),
                    Some("needs-review-translation")
                ),
                ("cdata", 16, Some("a < b"), None),
                ("empty", 20, Some("Untranslated"), None),
            ]
        );
        assert!(p.units.iter().all(|u| u.kind == UnitKind::Unit));
        let u = &p.units[1];
        assert!(XLF12[u.range.clone()].starts_with("<trans-unit id=\"minister\">"));
        assert!(XLF12[u.range.clone()].ends_with("</trans-unit>"));
        assert_eq!(&p.text[u.prose.clone()], "قال الوزير ، إن & ا نص");
        assert!(p.units[3].prose.is_empty());
        assert_eq!(
            p.unit_at(at(&p, "نص").start).map(|u| u.id.as_str()),
            Some("minister")
        );
    }

    #[test]
    fn xliff12_offsets_and_fixes() {
        let p = extract(XLF12);
        assert_eq!(&XLF12[p.to_original(at(&p, "بالعالم"))], "بالعالم");
        assert_eq!(&XLF12[p.to_original(at(&p, "&"))], "&amp;");
        assert_eq!(
            &XLF12[p.to_original(at(&p, "ا نص"))],
            "&#x627; <bpt id=\"3\">&lt;b&gt;</bpt>نص"
        );
        // Inside text, and a whole reference with its neighbours: accepted.
        assert_eq!(
            p.fix_range(at(&p, "الوزير")).map(|r| &XLF12[r]),
            Some("الوزير")
        );
        assert_eq!(
            p.fix_range(at(&p, " & ")).map(|r| &XLF12[r]),
            Some(" &amp; ")
        );
        // Across an inline tag, a placeholder, skipped code: refused.
        assert_eq!(p.fix_range(at(&p, "مرحبا بالعالم")), None);
        assert_eq!(p.fix_range(at(&p, "الوزير ،")), None);
        assert_eq!(p.fix_range(at(&p, "ا نص")), None);
        // A CDATA section is replaced whole or not at all.
        let cdata = at(&p, "أ < ب");
        assert_eq!(
            p.fix_range(cdata.clone()).map(|r| &XLF12[r]),
            Some("<![CDATA[أ < ب]]>")
        );
        assert_eq!(p.fix_range(cdata.start..cdata.start + 2), None);
    }

    #[test]
    fn comments_outside_targets_are_listed() {
        let p = extract(XLF12);
        let comments: Vec<_> = p
            .comments
            .iter()
            .flatten()
            .map(|c| &XLF12[c.clone()])
            .collect();
        assert_eq!(comments, ["<!-- mtlint: ignore repeated-word -->"]);
    }

    const XLF20: &str = r##"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">
 <file id="f1">
  <unit id="u1">
   <mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"><mtc:match ref="#s1"><source>x</source><target>مطابقة</target></mtc:match></mtc:matches>
   <segment id="s1" state="translated">
    <source>Press <pc id="1">Save</pc>.</source>
    <target>اضغط <pc id="1">حفظ</pc>.</target>
   </segment>
   <ignorable><source> </source><target> متجاهل </target></ignorable>
   <segment state="final">
    <source>Next<ph id="2"/>line</source>
    <target>التالي<ph id="2" subType="xlf:lb" type="fmt"/>سطر <sc id="3"/>غامق<ec startRef="3"/><cp hex="200F"/></target>
   </segment>
  </unit>
  <unit id="u2"><segment><source>Alone</source><target>وحيد</target></segment></unit>
 </file>
</xliff>"##;

    #[test]
    fn xliff20_segments_are_units() {
        let p = extract(XLF20);
        assert_eq!(p.text, "اضغط حفظ.\n\nالتالي\nسطر غامق\u{200f}\n\nوحيد");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.language.as_deref(), Some("ar"));
        let got: Vec<_> = p
            .units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
                    u.line,
                    u.source.as_deref(),
                    u.state.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("u1/s1", 5, Some("Press Save."), Some("translated")),
                ("u1#2", 10, Some("Nextline"), Some("final")),
                ("u2", 15, Some("Alone"), None),
            ]
        );
        assert_eq!(
            &XLF20[p.to_original(at(&p, "\u{200f}"))],
            "<cp hex=\"200F\"/>"
        );
        assert_eq!(&XLF20[p.to_original(at(&p, "حفظ"))], "حفظ");
        assert_eq!(p.fix_range(at(&p, "سطر")).map(|r| &XLF20[r]), Some("سطر"));
        assert_eq!(p.fix_range(at(&p, "سطر غامق")), None);
    }

    #[test]
    fn not_well_formed_stops_and_keeps_what_was_read() {
        let head = "<xliff version=\"1.2\"><file target-language=\"ar\"><body>\n<trans-unit id=\"a\"><target>أول</target></trans-unit>\n";
        let cases = [
            (
                "<trans-unit id=\"b\"><target>ثاني</source></trans-unit>",
                "not well-formed XML: ",
                "أول\n\nثاني",
            ),
            (
                "<trans-unit id=\"b\"><target>ثاني &nbsp; بعد</target></trans-unit>",
                "unknown entity `&nbsp;`",
                "أول\n\nثاني ",
            ),
            (
                "<trans-unit id=\"b\"><target>ثاني & بعد</target></trans-unit>",
                "not well-formed XML",
                "أول\n\nثاني ",
            ),
            (
                "<trans-unit id=\"b\"><target>ثاني",
                "`<xliff>` of line 1 is not closed",
                "أول\n\nثاني",
            ),
            (
                "<trans-unit id=\"b\" id=\"c\"><target>ثاني</target>",
                "not well-formed XML",
                "أول",
            ),
            (
                "<trans-unit id=\"b\"><target>ثاني<cp hex=\"zz\"/></target>",
                "names no character",
                "أول\n\nثاني",
            ),
        ];
        for (tail, message, text) in cases {
            let src = format!("{head}{tail}");
            let p = extract(&src);
            assert_eq!(p.text, text, "{tail}");
            assert_eq!(p.problems.len(), 1, "{tail}: {:?}", p.problems);
            assert!(p.problems[0].stopped);
            assert!(
                p.problems[0].message.contains(message),
                "{tail}: {:?}",
                p.problems
            );
            assert!(p.problems[0].message.starts_with("not well-formed XML: "));
            assert_eq!(p.language.as_deref(), Some("ar"));
            assert_eq!(p.units[0].id, "a");
            check_mapping(&src, &p);
        }
        // The mismatched end tag is where the problem is.
        let src = format!("{head}<trans-unit id=\"b\"><target>ثاني</source>");
        let p = extract(&src);
        assert_eq!(p.problems[0].offset, src.find("</source>").unwrap());
        assert_eq!(p.units.len(), 2);
    }

    #[test]
    fn not_xliff_at_all() {
        let p = extract("just some text, قال الوزير");
        assert_eq!(p.text, "");
        assert_eq!(p.problems.len(), 1);
        assert!(!p.stopped());
        assert!(p.problems[0].message.contains("no `<xliff>` element"));
    }

    #[test]
    fn crlf_and_bom() {
        let src = "\u{feff}<xliff version=\"2.0\" trgLang=\"ar\">\r\n<file><unit id=\"u\"><segment><target>سطر\r\nآخر</target></segment></unit></file></xliff>\r\n";
        let p = extract(src);
        assert_eq!(p.text, "سطر\nآخر");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(&src[p.to_original(at(&p, "\n"))], "\r\n");
        assert_eq!(&src[p.to_original(at(&p, "آخر"))], "آخر");
        assert_eq!(p.units[0].line, 2);
        check_mapping(src, &p);
    }

    #[test]
    fn xliff12_line_break_placeholders_and_empty_elements() {
        let src = r#"<xliff version="1.2"><file><body><trans-unit id="1"><source/><target>سطر<x id="1" ctype="lb"/>ثان<ph id="2" ctype="lb">&lt;br/&gt;</ph>ثالث</target></trans-unit><trans-unit id="2"/><trans-unit id="3"><target/></trans-unit></body></file></xliff>"#;
        let p = extract(src);
        assert_eq!(p.text, "سطر\nثان\nثالث");
        let ids: Vec<_> = p.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(p.units[0].source.as_deref(), None);
        assert_eq!(p.language, None);
    }

    proptest! {
        #[test]
        fn never_panics_on_random_text(s in "(?s).{0,300}") {
            check_mapping(&s, &extract(&s));
        }

        #[test]
        fn never_panics_on_xliff_like_text(
            s in "(<xliff>|</xliff>|<file target-language=\"ar\">|<trans-unit id=\"1\">|</trans-unit>|<unit id=\"u\">|<segment>|</segment>|<source>|</source>|<target>|</target>|<g>|</g>|<bpt>|</bpt>|<x/>|<cp hex=\"41\"/>|&amp;|&#x627;|&|<!\\[CDATA\\[|\\]\\]>|<!--|-->|قال|\r?\n| |a){0,40}"
        ) {
            check_mapping(&s, &extract(&s));
        }

        #[test]
        fn never_panics_on_mutated_samples(cut in 0usize..1400, len in 0usize..20, insert in "(?s).{0,4}") {
            for sample in [XLF12, XLF20] {
                let mut s = sample.to_string();
                let mut a = cut.min(s.len());
                while !s.is_char_boundary(a) { a -= 1; }
                let mut b = (a + len).min(s.len());
                while !s.is_char_boundary(b) { b -= 1; }
                s.replace_range(a..b, &insert);
                check_mapping(&s, &extract(&s));
            }
        }
    }
}
