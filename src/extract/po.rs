//! Gettext catalogues: PO and POT files.
//!
//! The prose is the translations: the strings of each `msgstr` (each plural
//! form `msgstr[N]` its own paragraph), with the C escapes of the format
//! decoded (`\"`, `\\`, `\n` as a line break, `\t`, octal and hex escapes of
//! ASCII characters) so that a fix replaces an escape whole or not at all.
//! The string lines of one `msgstr` are joined as gettext joins them, with
//! nothing between them: the quotes and the line ending between two lines
//! are skipped markup, so no fix crosses them.
//!
//! Skipped: comments (`#`, `#.`, `#:`, `#,` flags, `#|` previous strings),
//! `msgctxt`, `msgid` and `msgid_plural` (the `msgid` is kept as the
//! [`Unit`]'s source), the keywords and quotes, and the header entry
//! (`msgid ""`), whose `Language:` field names the language of the
//! catalogue. Each entry is a [`Unit`] named by the line of its `msgid`,
//! marked `fuzzy` when its flags say so and `obsolete` for `#~` entries,
//! whose translations are read too (they come back when the message does).
//! An entry without a translation gives no prose; a POT file gives none.
//!
//! A line that is none of the above, a string without its closing quote, an
//! unknown escape or an entry without a `msgstr` is a syntax error: a
//! [`super::Problem`] that stops `--fix` from writing the file (it could not
//! be read whole); the reader goes on from the next entry.

use super::{snippet, Builder, Format, Prose, Unit, UnitKind};

/// The prose of a PO or POT file: its translations.
///
/// ```
/// use mtlint::extract::po::extract;
/// let po = "msgid \"\"\nmsgstr \"Language: ar\\n\"\n\n#, fuzzy\nmsgid \"Hello\"\nmsgstr \"\"\n\"مرحبا \"\n\"بكم\\n\"\n";
/// let prose = extract(po);
/// assert_eq!(prose.text, "مرحبا بكم\n");
/// assert_eq!(prose.language.as_deref(), Some("ar"));
/// assert_eq!(prose.units[0].source.as_deref(), Some("Hello"));
/// assert_eq!(prose.units[0].state.as_deref(), Some("fuzzy"));
/// ```
pub fn extract(original: &str) -> Prose<'_> {
    let mut r = Reader::new(original);
    r.run();
    r.b.finish(Format::Po)
}

/// What a string line adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Context,
    Id,
    Plural,
    Translation,
}

/// The entry being read.
#[derive(Debug, Default)]
struct Entry {
    /// Whether any line of it was read.
    started: bool,
    /// Its bytes in the file so far.
    start: usize,
    end: usize,
    context: bool,
    /// The line of its `msgid`, if one was read.
    id_line: Option<usize>,
    id: String,
    /// Whether a `msgstr` was read.
    translated: bool,
    fuzzy: bool,
    obsolete: bool,
    /// The header entry: its translation is metadata, not prose.
    header: bool,
    header_text: String,
    /// Where its prose starts.
    prose_start: usize,
}

/// A part of a string: text copied as it is, or an escape and what it
/// stands for.
#[derive(Debug, Clone, Copy)]
enum Part {
    Text(usize, usize),
    Escape(usize, usize, char),
}

struct Reader<'a> {
    src: &'a str,
    b: Builder<'a>,
    entry: Entry,
    field: Field,
    /// After a syntax error: lines are skipped up to the next entry.
    skipping: bool,
    /// The parts of the strings of the current line, kept to be written
    /// only once the whole line has been read.
    parts: Vec<Part>,
}

/// A syntax error: where, and what.
struct SyntaxError(usize, String);

impl<'a> Reader<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            b: Builder::new(src),
            entry: Entry::default(),
            field: Field::None,
            skipping: false,
            parts: Vec::with_capacity(16),
        }
    }

    fn run(&mut self) {
        let src = self.src;
        let from = if src.starts_with('\u{feff}') { 3 } else { 0 };
        // Lines as everywhere else in mtlint (see `text::lines::lines`), so
        // that an entry's line is the line its findings name.
        for (i, l) in crate::text::lines::lines_from(src, from).enumerate() {
            if let Err(SyntaxError(at, message)) = self.line(l.start, l.end, i + 1) {
                self.b.problem(
                    at,
                    format!("{message}; the rest of the entry is skipped"),
                    true,
                );
                self.abandon();
            }
        }
        self.end_entry();
    }

    /// One line, `start..end` without its line ending.
    fn line(&mut self, start: usize, end: usize, number: usize) -> Result<(), SyntaxError> {
        let line = self.src.get(start..end).unwrap_or("");
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let mut at = start + indent;
        let mut rest = line.get(indent..).unwrap_or("");
        if rest.trim_end().is_empty() {
            // Blank lines part entries, and end the skipping after an error.
            self.skipping = false;
            if self.entry.translated {
                self.end_entry();
            }
            return Ok(());
        }
        let mut obsolete = false;
        if let Some(after) = rest.strip_prefix("#~") {
            if !after.starts_with('|') && !after.trim().is_empty() {
                // An obsolete entry: its lines are read behind the `#~`.
                obsolete = true;
                let blank = after.len() - after.trim_start_matches([' ', '\t']).len();
                at += 2 + blank;
                rest = after.get(blank..).unwrap_or("");
            }
        }
        if !obsolete && rest.starts_with('#') {
            if self.skipping {
                self.skipping = false;
            }
            self.begin_if_done(start);
            if let Some(flags) = rest.strip_prefix("#,") {
                if flags.split(',').any(|f| f.trim() == "fuzzy") {
                    self.entry.fuzzy = true;
                }
            }
            self.entry.end = end;
            return Ok(());
        }
        let keyword = Keyword::of(rest);
        if self.skipping {
            if !matches!(keyword, Some(Keyword::Context | Keyword::Id)) {
                return Ok(());
            }
            self.skipping = false;
        }
        let strings_at = at + keyword.map_or(0, Keyword::len);
        let Some(keyword) = keyword else {
            if rest.starts_with('"') {
                return self.continuation(at, end);
            }
            return Err(SyntaxError(
                at,
                format!(
                    "expected a keyword (msgid, msgstr, …), a string or a comment, found `{}`",
                    snippet(rest, 30)
                ),
            ));
        };
        match keyword {
            Keyword::Context | Keyword::Id => {
                if self.entry.translated || self.entry.id_line.is_some() {
                    // The entry before ends here (a problem if it has no
                    // translation); this one is read all the same.
                    self.end_entry();
                }
                self.begin_if_done(start);
                if obsolete {
                    self.entry.obsolete = true;
                }
                if keyword == Keyword::Context {
                    if self.entry.context {
                        return Err(SyntaxError(at, "a second msgctxt in one entry".into()));
                    }
                    self.entry.context = true;
                    self.field = Field::Context;
                } else {
                    self.entry.id_line = Some(number);
                    self.field = Field::Id;
                }
            }
            Keyword::Plural => {
                self.entry.obsolete |= obsolete;
                if self.entry.id_line.is_none() || self.entry.translated {
                    return Err(SyntaxError(
                        at,
                        "msgid_plural without a msgid before it".into(),
                    ));
                }
                self.field = Field::Plural;
            }
            Keyword::Translation | Keyword::PluralTranslation(_) => {
                self.entry.obsolete |= obsolete;
                if self.entry.id_line.is_none() {
                    return Err(SyntaxError(at, "msgstr without a msgid before it".into()));
                }
                if let Keyword::PluralTranslation(Err(())) = keyword {
                    return Err(SyntaxError(
                        at,
                        format!("expected `msgstr[N]`, found `{}`", snippet(rest, 30)),
                    ));
                }
                if self.entry.translated {
                    // The next plural form: a paragraph of its own.
                    self.b.end_block();
                } else {
                    self.entry.translated = true;
                    self.entry.header =
                        self.entry.id.is_empty() && !self.entry.context && !self.entry.obsolete;
                    self.entry.prose_start = self.b.prose_len();
                }
                self.field = Field::Translation;
            }
        }
        self.entry.end = end;
        let name = keyword.name();
        self.strings(strings_at, end, Some(name))
    }

    /// A line of strings continuing the field before it.
    fn continuation(&mut self, at: usize, end: usize) -> Result<(), SyntaxError> {
        if self.field == Field::None {
            return Err(SyntaxError(
                at,
                "a string with no msgid or msgstr before it".into(),
            ));
        }
        self.entry.end = end;
        self.strings(at, end, None)
    }

    /// Starts an entry at `start` unless one is being read.
    fn begin_if_done(&mut self, start: usize) {
        if self.entry.translated {
            self.end_entry();
        }
        if !self.entry.started {
            self.entry.started = true;
            self.entry.start = start;
        }
    }

    /// The strings of a line from `at` to `end`, added to the current field:
    /// written only if the whole line reads well.
    fn strings(&mut self, at: usize, end: usize, keyword: Option<&str>) -> Result<(), SyntaxError> {
        self.parts.clear();
        let bytes = self.src.as_bytes();
        let mut i = at;
        let mut found = false;
        loop {
            while matches!(bytes.get(i), Some(b' ' | b'\t')) && i < end {
                i += 1;
            }
            if i >= end {
                break;
            }
            if bytes.get(i) != Some(&b'"') {
                let found_text = self.src.get(i..end).map_or("", |l| snippet(l, 30));
                return Err(SyntaxError(
                    i,
                    match keyword {
                        Some(k) if !found => {
                            format!("expected a string in quotes after `{k}`, found `{found_text}`")
                        }
                        _ => format!("expected a string in quotes, found `{found_text}`"),
                    },
                ));
            }
            i = self.string(i, end)?;
            found = true;
        }
        if !found {
            let k = keyword.unwrap_or("the keyword");
            return Err(SyntaxError(
                end,
                format!("expected a string in quotes after `{k}`, found the end of the line"),
            ));
        }
        self.write_parts();
        Ok(())
    }

    /// One string whose opening quote is at `open`: its parts, and where it
    /// ends (after its closing quote).
    fn string(&mut self, open: usize, end: usize) -> Result<usize, SyntaxError> {
        let bytes = self.src.as_bytes();
        let mut i = open + 1;
        let mut run = i;
        while i < end {
            match bytes.get(i) {
                Some(b'"') => {
                    self.push_text(run, i);
                    return Ok(i + 1);
                }
                Some(b'\\') => {
                    self.push_text(run, i);
                    let (next, c) = self.escape(i, end)?;
                    self.parts
                        .push(c.map_or(Part::Text(i, next), |c| Part::Escape(i, next, c)));
                    i = next;
                    run = i;
                }
                _ => i += 1,
            }
        }
        Err(SyntaxError(
            open,
            "a string without its closing quote".into(),
        ))
    }

    fn push_text(&mut self, from: usize, to: usize) {
        if from < to {
            self.parts.push(Part::Text(from, to));
        }
    }

    /// The escape at `i` (its `\`): where it ends, and the character it
    /// stands for (`None`: an octal or hex escape of a byte that is no
    /// character alone, kept as it is written).
    fn escape(&self, i: usize, end: usize) -> Result<(usize, Option<char>), SyntaxError> {
        let bytes = self.src.as_bytes();
        let Some(&c) = bytes.get(i + 1).filter(|_| i + 1 < end) else {
            return Err(SyntaxError(
                i,
                "a string without its closing quote (it ends with `\\`)".into(),
            ));
        };
        let simple = match c {
            b'n' => Some('\n'),
            b't' => Some('\t'),
            b'r' => Some('\r'),
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'a' => Some('\u{7}'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'v' => Some('\u{b}'),
            b'\'' => Some('\''),
            b'?' => Some('?'),
            _ => None,
        };
        if let Some(s) = simple {
            return Ok((i + 2, Some(s)));
        }
        let (digits_start, radix, max) = match c {
            b'0'..=b'7' => (i + 1, 8, 3),
            b'x' => (i + 2, 16, 2),
            _ => {
                let shown = self
                    .src
                    .get(i + 1..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or('\\');
                return Err(SyntaxError(
                    i,
                    format!("unknown escape `\\{shown}` in a string"),
                ));
            }
        };
        let mut j = digits_start;
        let mut value: u32 = 0;
        while j < end && j < digits_start + max {
            let Some(d) = bytes.get(j).and_then(|&d| char::from(d).to_digit(radix)) else {
                break;
            };
            value = value * radix + d;
            j += 1;
        }
        if j == digits_start {
            return Err(SyntaxError(
                i,
                "`\\x` without hex digits in a string".into(),
            ));
        }
        // A byte above ASCII is part of a character written byte by byte:
        // kept as it is written.
        Ok((j, char::from_u32(value).filter(char::is_ascii)))
    }

    /// Writes the parts of the line just read to the current field.
    fn write_parts(&mut self) {
        let field = self.field;
        let header = self.entry.header;
        for k in 0..self.parts.len() {
            let Some(&part) = self.parts.get(k) else {
                break;
            };
            match (field, header) {
                (Field::Translation, false) => match part {
                    Part::Text(a, b) => self.b.text(a..b),
                    Part::Escape(a, b, c) => {
                        let mut buf = [0; 4];
                        self.b.decoded(a..b, c.encode_utf8(&mut buf));
                    }
                },
                (Field::Translation, true) => {
                    push_part(&mut self.entry.header_text, self.src, part)
                }
                (Field::Id, _) => push_part(&mut self.entry.id, self.src, part),
                _ => {}
            }
        }
    }

    /// After a syntax error: the entry is kept as far as it was read, and
    /// lines are skipped up to the next entry.
    fn abandon(&mut self) {
        let translated = self.entry.translated;
        self.entry.translated = true; // no second "no msgstr" problem
        if self.entry.id_line.is_some() && !translated {
            self.entry.prose_start = self.b.prose_len();
        }
        self.end_entry();
        self.skipping = true;
    }

    /// Ends the entry being read: a unit, or the header's language.
    fn end_entry(&mut self) {
        let entry = std::mem::take(&mut self.entry);
        self.field = Field::None;
        let Some(id_line) = entry.id_line else {
            return;
        };
        if !entry.translated {
            self.b.problem(
                entry.end,
                format!("the entry of line {id_line} has no msgstr"),
                true,
            );
        }
        if entry.header {
            for line in entry.header_text.lines() {
                if let Some(code) = line.strip_prefix("Language:") {
                    self.b.language(code);
                }
            }
            return;
        }
        let prose_start = if entry.translated {
            entry.prose_start
        } else {
            self.b.prose_len()
        };
        let mut unit = Unit::new(
            UnitKind::Entry,
            id_line.to_string(),
            id_line,
            entry.start..entry.end.max(entry.start),
        )
        .with_source(entry.id);
        if entry.obsolete {
            unit = unit.with_state("obsolete");
        } else if entry.fuzzy {
            unit = unit.with_state("fuzzy");
        }
        self.b.unit(unit, prose_start);
        self.b.end_block();
    }
}

/// Appends what a part stands for to `out`.
fn push_part(out: &mut String, src: &str, part: Part) {
    match part {
        Part::Text(a, b) => out.push_str(src.get(a..b).unwrap_or("")),
        Part::Escape(_, _, c) => out.push(c),
    }
}

/// The keywords of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    Context,
    Id,
    Plural,
    Translation,
    /// `msgstr[N]`: the length of `[N]`, or an error when it is malformed.
    PluralTranslation(Result<usize, ()>),
}

impl Keyword {
    /// The keyword `line` starts with, if it is followed by white space, a
    /// quote or the end of the line.
    fn of(line: &str) -> Option<Self> {
        let ends = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t', '"']);
        for (word, k) in [
            ("msgctxt", Keyword::Context),
            ("msgid_plural", Keyword::Plural),
            ("msgid", Keyword::Id),
        ] {
            if line.strip_prefix(word).is_some_and(ends) {
                return Some(k);
            }
        }
        let rest = line.strip_prefix("msgstr")?;
        if ends(rest) {
            return Some(Keyword::Translation);
        }
        let index = rest.strip_prefix('[')?;
        let digits = index.bytes().take_while(u8::is_ascii_digit).count();
        let ok = digits > 0
            && index
                .get(digits..)
                .is_some_and(|r| r.strip_prefix(']').is_some_and(ends));
        Some(Keyword::PluralTranslation(if ok {
            Ok(digits + 2)
        } else {
            Err(())
        }))
    }

    /// Its length in the line.
    fn len(self) -> usize {
        match self {
            Keyword::Context => 7,
            Keyword::Id => 5,
            Keyword::Plural => 12,
            Keyword::Translation => 6,
            Keyword::PluralTranslation(r) => 6 + r.unwrap_or(0),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Keyword::Context => "msgctxt",
            Keyword::Id => "msgid",
            Keyword::Plural => "msgid_plural",
            Keyword::Translation => "msgstr",
            Keyword::PluralTranslation(_) => "msgstr[N]",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::extract::testing::at;

    /// Every prose offset maps back to a char boundary, and units to ranges
    /// of the file and of the prose.
    fn check_mapping(src: &str, p: &Prose<'_>) {
        assert!(src.get(p.to_original(0..p.text.len())).is_some());
        for (i, _) in p.text.char_indices() {
            let r = p.to_original(i..i);
            assert!(src.is_char_boundary(r.start));
        }
        for u in &p.units {
            assert!(src.get(u.range.clone()).is_some(), "{u:?}");
            assert!(p.text.get(u.prose.clone()).is_some(), "{u:?}");
        }
        for pb in &p.problems {
            assert!(pb.offset <= src.len());
        }
    }

    const PO: &str = r#"# Arabic translation of the app.
# Copyright (C) 2024
msgid ""
msgstr ""
"Project-Id-Version: app 1.0\n"
"Language: ar\n"
"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\n"

#. A note for translators
#: src/main.c:12
msgid "The minister said that"
msgstr "قال الوزير ، إن"

#: src/main.c:20
#, c-format, fuzzy
#| msgid "Old text"
msgctxt "menu"
msgid "Say \"hi\"\tnow"
msgstr ""
"قل \"مرحبا\" "
"الآن\n"
"ثم\\اذهب"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "لا ملفات"
msgstr[1] "ملف واحد"
msgstr[2] ""

msgid "Untranslated"
msgstr ""

#~ msgid "Gone"
#~ msgstr "ذهب"
"#;

    #[test]
    fn translations_are_the_prose() {
        let p = extract(PO);
        assert_eq!(
            p.text,
            "قال الوزير ، إن\n\nقل \"مرحبا\" الآن\nثم\\اذهب\n\nلا ملفات\n\nملف واحد\n\nذهب"
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        for skipped in [
            "minister",
            "Project",
            "menu",
            "src/main",
            "Copyright",
            "msgstr",
            "Plural",
        ] {
            assert!(!p.text.contains(skipped), "{skipped}");
        }
        assert_eq!(p.format, Format::Po);
    }

    #[test]
    fn header_language_and_no_header_unit() {
        let p = extract(PO);
        assert_eq!(p.language.as_deref(), Some("ar"));
        assert!(p.units.iter().all(|u| u.source.as_deref() != Some("")));
        let p = extract("msgid \"\"\nmsgstr \"Language: pt_BR\\nX-Generator: x\\n\"\n");
        assert_eq!(p.language.as_deref(), Some("pt_BR"));
        assert_eq!(p.text, "");
        assert!(p.units.is_empty());
        // No `Language:`: none.
        let p = extract("msgid \"\"\nmsgstr \"Language: \\n\"\n");
        assert_eq!(p.language, None);
    }

    #[test]
    fn units_name_entries_by_msgid_line_with_source_and_state() {
        let p = extract(PO);
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
                ("11", 11, Some("The minister said that"), None),
                ("18", 18, Some("Say \"hi\"\tnow"), Some("fuzzy")),
                ("24", 24, Some("One file"), None),
                ("30", 30, Some("Untranslated"), None),
                ("33", 33, Some("Gone"), Some("obsolete")),
            ]
        );
        assert!(p.units.iter().all(|u| u.kind == UnitKind::Entry));
        // The unit's range runs from its first comment to its last string.
        let u = &p.units[1];
        assert!(PO[u.range.clone()].starts_with("#: src/main.c:20"));
        assert!(PO[u.range.clone()].ends_with(r#""ثم\\اذهب""#));
        assert_eq!(&p.text[u.prose.clone()], "قل \"مرحبا\" الآن\nثم\\اذهب");
        // Both plural forms belong to their entry; the untranslated one has
        // no prose.
        assert_eq!(&p.text[p.units[2].prose.clone()], "لا ملفات\n\nملف واحد");
        assert!(p.units[3].prose.is_empty());
        assert_eq!(
            p.unit_at(at(&p, "ملف واحد").start).map(|u| u.line),
            Some(24)
        );
    }

    #[test]
    fn escapes_are_decoded_and_map_back_whole() {
        let p = extract(PO);
        let quote = at(&p, "\"");
        assert_eq!(&PO[p.to_original(quote.clone())], "\\\"");
        assert_eq!(p.fix_range(quote).map(|r| &PO[r]), Some("\\\""));
        let nl = at(&p, "الآن\n");
        assert_eq!(&PO[p.to_original(nl.end - 1..nl.end)], "\\n");
        let back = at(&p, "\\");
        assert_eq!(&PO[p.to_original(back)], "\\\\");
        // Half of an escape cannot be fixed: `"مرحبا"` is fine whole.
        assert_eq!(
            p.fix_range(at(&p, "\"مرحبا\"")).map(|r| &PO[r]),
            Some("\\\"مرحبا\\\"")
        );
    }

    #[test]
    fn continuation_lines_join_without_separator_and_fixes_stop_at_the_gap() {
        let p = extract(PO);
        let joined = at(&p, "\" الآن");
        // Mapped back, the range spans the quotes between the lines...
        assert_eq!(&PO[p.to_original(joined.clone())], "\\\" \"\n\"الآن");
        // ...which a fix may not touch.
        assert_eq!(p.fix_range(joined), None);
        assert_eq!(p.fix_range(at(&p, "الآن")).map(|r| &PO[r]), Some("الآن"));
        assert_eq!(
            p.fix_range(at(&p, "الوزير ، إن")).map(|r| &PO[r]),
            Some("الوزير ، إن")
        );
        // Nor cross from one entry or plural form to the next.
        assert_eq!(p.fix_range(at(&p, "ملفات\n\nملف")), None);
        let p = extract("msgid \"a\"\nmsgstr \"abc \"\n\"def\"\n");
        assert_eq!(p.text, "abc def");
        assert_eq!(p.fix_range(at(&p, "c d")), None);
    }

    #[test]
    fn octal_hex_and_other_escapes() {
        let src = "msgid \"x\"\nmsgstr \"a\\101\\x42\\tc\\r\\'\\?\\303\\251\"\n";
        let p = extract(src);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        // A byte above ASCII is kept as it is written.
        assert_eq!(p.text, "aAB\tc\r'?\\303\\251");
        assert_eq!(&src[p.to_original(at(&p, "A"))], "\\101");
        assert_eq!(&src[p.to_original(at(&p, "B"))], "\\x42");
    }

    #[test]
    fn fuzzy_only_from_the_flags_line() {
        let src = "# fuzzy in a comment\n#, c-format\nmsgid \"a\"\nmsgstr \"ب\"\n\n#,fuzzy\nmsgid \"b\"\nmsgstr \"ت\"\n";
        let p = extract(src);
        assert_eq!(p.units[0].state, None);
        assert_eq!(p.units[1].state.as_deref(), Some("fuzzy"));
    }

    #[test]
    fn entries_without_blank_lines_between_them() {
        let src = "msgid \"a\"\nmsgstr \"أ\"\nmsgid \"b\"\nmsgstr \"ب\"\n#, fuzzy\nmsgid \"c\"\nmsgstr \"ت\"";
        let p = extract(src);
        assert_eq!(p.text, "أ\n\nب\n\nت");
        let lines: Vec<_> = p.units.iter().map(|u| u.line).collect();
        assert_eq!(lines, [1, 3, 6]);
        assert_eq!(p.units[1].state, None);
        assert_eq!(p.units[2].state.as_deref(), Some("fuzzy"));
        assert!(p.problems.is_empty());
    }

    #[test]
    fn crlf_bom_and_indented_lines() {
        let src = "\u{feff}msgid \"\"\r\nmsgstr \"Language: ar\\n\"\r\n\r\n  msgid \"a\"\r\n  msgstr \"قال الوزير ، إن\"\r\n";
        let p = extract(src);
        assert_eq!(p.text, "قال الوزير ، إن");
        assert_eq!(p.language.as_deref(), Some("ar"));
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(&src[p.to_original(at(&p, "الوزير"))], "الوزير");
        check_mapping(src, &p);
    }

    #[test]
    fn pot_files_give_no_prose() {
        let src = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n#: a.c:1\nmsgid \"Open\"\nmsgstr \"\"\n\nmsgid \"%d file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n";
        let p = extract(src);
        assert_eq!(p.text, "");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let sources: Vec<_> = p.units.iter().map(|u| u.source.as_deref()).collect();
        assert_eq!(sources, [Some("Open"), Some("%d file")]);
    }

    #[test]
    fn syntax_error_stops_and_the_rest_is_read() {
        let src = "msgid \"a\"\nmsgstr \"أول\"\n\nmsgid \"b\"\nmsgstr oops\n\"lost\"\n\nmsgid \"c\"\nmsgstr \"ثالث\"\n";
        let p = extract(src);
        assert_eq!(p.text, "أول\n\nثالث");
        assert_eq!(p.problems.len(), 1);
        let pb = &p.problems[0];
        assert!(pb.stopped);
        assert!(p.stopped());
        assert_eq!(pb.offset, src.find("oops").unwrap());
        assert_eq!(
            pb.message,
            "expected a string in quotes after `msgstr`, found `oops`; the rest of the entry is skipped"
        );
        let lines: Vec<_> = p.units.iter().map(|u| u.line).collect();
        assert_eq!(lines, [1, 4, 8]);
    }

    #[test]
    fn each_kind_of_syntax_error_is_a_stopping_problem() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "msgid \"a\"\nmsgstr \"غير مغلق\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "without its closing quote",
                "ب",
            ),
            (
                "msgid \"a\"\nmsgstr \"bad \\q\"\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "unknown escape `\\q`",
                "ب",
            ),
            (
                "msgid \"a\"\nmsgstr \"x\\é\"\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "unknown escape `\\é`",
                "ب",
            ),
            (
                "msgid \"a\"\nmsgstr \"ok\" junk\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "expected a string in quotes, found `junk`",
                "ب",
            ),
            (
                "what is this\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "expected a keyword",
                "ب",
            ),
            (
                "msgstr \"x\"\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "msgstr without a msgid",
                "ب",
            ),
            (
                "\"stray\"\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "a string with no msgid or msgstr",
                "ب",
            ),
            (
                "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "the entry of line 1 has no msgstr",
                "ب",
            ),
            (
                "msgid \"b\"\nmsgstr \"ب\"\n\nmsgid \"a\"\n",
                "the entry of line 4 has no msgstr",
                "ب",
            ),
            (
                "msgid \"a\"\nmsgstr[x] \"c\"\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "expected `msgstr[N]`",
                "ب",
            ),
            (
                "msgid \"a\"\nmsgstr\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "found the end of the line",
                "ب",
            ),
            (
                "msgid \"a\"\nmsgstr \"x\\\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "ends with `\\`",
                "ب",
            ),
            (
                "msgid \"a\"\nmsgstr \"a\"\nmsgid_plural \"p\"\n\nmsgid \"b\"\nmsgstr \"ب\"\n",
                "msgid_plural without",
                "a\n\nب",
            ),
        ];
        for (src, message, text) in cases {
            let p = extract(src);
            assert!(p.stopped(), "{src:?}");
            assert!(
                p.problems.iter().any(|pb| pb.message.contains(message)),
                "{src:?}: {:?}",
                p.problems
            );
            assert_eq!(p.text, *text, "{src:?}");
            check_mapping(src, &p);
        }
    }

    #[test]
    fn a_broken_line_writes_nothing() {
        // The good first string of the line is not written when the line
        // ends badly.
        let p = extract("msgid \"a\"\nmsgstr \"good\" \"bad\n");
        assert_eq!(p.text, "");
        assert_eq!(p.problems.len(), 1);
    }

    #[test]
    fn obsolete_entries_are_read_and_marked() {
        let src = "msgid \"a\"\nmsgstr \"أ\"\n\n#~ msgctxt \"c\"\n#~ msgid \"old\"\n#~ msgstr \"\"\n#~ \"قديم\"\n#~| msgid \"older\"\n";
        let p = extract(src);
        assert_eq!(p.text, "أ\n\nقديم");
        assert_eq!(p.units[0].state, None);
        assert_eq!(p.units[1].state.as_deref(), Some("obsolete"));
        assert_eq!(p.units[1].source.as_deref(), Some("old"));
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(&src[p.to_original(at(&p, "قديم"))], "قديم");
    }

    #[test]
    fn the_quotes_and_keywords_are_markup() {
        let src = "msgid \"a\"\nmsgstr \"كلمة\"\n";
        let p = extract(src);
        let w = at(&p, "كلمة");
        assert_eq!(p.fix_range(w.clone()).map(|r| &src[r]), Some("كلمة"));
        // An insertion at the start of the string goes inside the quotes.
        assert_eq!(p.to_original(w.start..w.start), 18..18);
        assert_eq!(p.fix_range(0..0), None);
    }

    proptest! {
        #[test]
        fn never_panics_on_random_text(s in "(?s).{0,300}") {
            check_mapping(&s, &extract(&s));
        }

        #[test]
        fn never_panics_on_po_like_text(
            s in "(msgid|msgstr|msgstr\\[[0-9x]\\]|msgctxt|msgid_plural|#~|#,|# fuzzy| fuzzy|#|\"|\\\\[ntx0-7\"\\\\qé]?|قال|\r?\n| |a){0,60}"
        ) {
            check_mapping(&s, &extract(&s));
        }

        #[test]
        fn never_panics_on_mutated_samples(cut in 0usize..700, len in 0usize..20, insert in "(?s).{0,4}") {
            let mut s = PO.to_string();
            let mut a = cut.min(s.len());
            while !s.is_char_boundary(a) { a -= 1; }
            let mut b = (a + len).min(s.len());
            while !s.is_char_boundary(b) { b -= 1; }
            s.replace_range(a..b, &insert);
            check_mapping(&s, &extract(&s));
        }
    }
}
