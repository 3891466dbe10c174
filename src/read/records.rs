//! Documents read from JSON Lines (`--input jsonl`): one JSON object a line,
//! the text in one field and, optionally, an id in another. Lines are read
//! one at a time, so a corpus of any size flows through in the memory of
//! its longest line.
//!
//! ```
//! use mtlint::read::records::Records;
//! let data = "{\"id\": \"a\", \"text\": \"Hello.\"}\nnot json\n{\"text\": \"Bye.\"}\n";
//! let got: Vec<_> = Records::new(data.as_bytes(), "text", None).collect();
//! assert_eq!(got[0].as_ref().unwrap().text, "Hello.");
//! assert_eq!(got[0].as_ref().unwrap().id, "1");
//! assert_eq!(got[1].as_ref().unwrap_err().line, 2);
//! assert_eq!(got[2].as_ref().unwrap().id, "3");
//! ```

use std::fmt;
use std::io::BufRead;

use serde_json::Value;

/// One document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line number in its input.
    pub line: usize,
    /// The id field's value (a string as is, a number or boolean as JSON
    /// writes it), or the line number when no id field is asked for.
    pub id: String,
    /// The text to scan.
    pub text: String,
}

/// A line that is no document, or a field that no line has. Reading goes on
/// at the next line, except after an I/O error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line number; 0 for an error about the whole input (a field
    /// that no line has).
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl RecordError {
    /// Whether it is about the whole input rather than one line.
    pub fn is_whole_input(&self) -> bool {
        self.line == 0
    }
}

impl fmt::Display for RecordError {
    /// `line N: message`, or the message alone for the whole input.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole_input() {
            f.write_str(&self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for RecordError {}

/// The two fields a document is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Id,
}

/// Why a line is no document.
enum Bad {
    /// It lacks a field.
    Missing(Field),
    /// Anything else.
    Other(String),
}

/// Reads [`Record`]s from JSON Lines. Blank lines are skipped.
///
/// A line that lacks the text or id field is an error of its own when
/// another line has that field; when no line has it (a typo in the field's
/// name), the input gives one error naming the field instead of one a
/// line. Until a line shows the field exists, the lines that lack it are
/// kept as runs of line numbers, so memory stays small.
pub struct Records<R> {
    reader: R,
    text_field: String,
    id_field: Option<String>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    /// Whether some line had the text field, the id field.
    seen: [bool; 2],
    /// Lines lacking a field not seen yet: runs of consecutive lines.
    held: Vec<(std::ops::Range<usize>, Field)>,
    /// The top-level keys of the first object, for the message of a field
    /// that no line has.
    first_keys: Option<Vec<String>>,
    /// Results ready to be handed out, in order.
    ready: std::collections::VecDeque<Result<Record, RecordError>>,
}

impl<R: BufRead> Records<R> {
    /// Documents of `reader` with their text in `text_field` and their id in
    /// `id_field`. A field name starting with `/` is a JSON pointer into
    /// nested objects (`/meta/id`).
    pub fn new(reader: R, text_field: &str, id_field: Option<&str>) -> Self {
        Self {
            reader,
            text_field: text_field.to_string(),
            id_field: id_field.map(str::to_string),
            line: 0,
            buf: Vec::new(),
            done: false,
            seen: [false, id_field.is_none()],
            held: Vec::new(),
            first_keys: None,
            ready: std::collections::VecDeque::new(),
        }
    }

    fn name(&self, field: Field) -> &str {
        match field {
            Field::Text => &self.text_field,
            Field::Id => self.id_field.as_deref().unwrap_or_default(),
        }
    }

    fn parse(&mut self, bytes: &[u8]) -> Result<Record, Bad> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| Bad::Other(format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| Bad::Other(format!("malformed JSON: {e}")))?;
        let Some(object) = value.as_object() else {
            return Err(Bad::Other("not a JSON object".into()));
        };
        if self.first_keys.is_none() {
            self.first_keys = Some(object.keys().cloned().collect());
        }
        let text = field(&value, &self.text_field);
        let id = self.id_field.as_deref().map(|name| field(&value, name));
        self.seen[0] |= text.is_some();
        self.seen[1] |= id.is_none_or(|v| v.is_some());
        let text = match text {
            Some(Value::String(s)) => s.clone(),
            Some(_) => {
                let m = format!("field `{}` is not a string", self.text_field);
                return Err(Bad::Other(m));
            }
            None => return Err(Bad::Missing(Field::Text)),
        };
        let id = match id {
            None => self.line.to_string(),
            Some(Some(Value::String(s))) => s.clone(),
            Some(Some(v @ (Value::Number(_) | Value::Bool(_)))) => v.to_string(),
            Some(Some(_)) => {
                let m = format!("field `{}` is not a string or number", self.name(Field::Id));
                return Err(Bad::Other(m));
            }
            Some(None) => return Err(Bad::Missing(Field::Id)),
        };
        Ok(Record {
            line: self.line,
            id,
            text,
        })
    }

    /// The error of line `line` lacking `field`.
    fn missing(&self, line: usize, field: Field) -> RecordError {
        RecordError {
            line,
            message: format!("no field `{}`", self.name(field)),
        }
    }

    /// Hands out the held lines whose field some line had since, one error
    /// a line; at the end of the input (`end`), one error for each field
    /// that no line had.
    fn release(&mut self, end: bool) {
        let held = std::mem::take(&mut self.held);
        let mut never = Vec::new();
        for (lines, field) in held {
            let seen = self.seen[field as usize];
            if seen {
                for l in lines {
                    let e = self.missing(l, field);
                    self.ready.push_back(Err(e));
                }
            } else if end {
                if !never.contains(&field) {
                    never.push(field);
                }
            } else {
                self.held.push((lines, field));
            }
        }
        for field in never {
            let which = match field {
                Field::Text => "--text-field",
                Field::Id => "--id-field",
            };
            let keys = self.first_keys.as_deref().unwrap_or_default().join("`, `");
            let message = format!(
                "no line has the field `{}` ({which}); the first line's fields are `{keys}`",
                self.name(field)
            );
            self.ready.push_back(Err(RecordError { line: 0, message }));
        }
    }

    /// Keeps line `line`, which lacks `field`, until some line has it.
    fn hold(&mut self, line: usize, field: Field) {
        match self.held.last_mut() {
            Some((run, f)) if *f == field && run.end == line => run.end += 1,
            _ => self.held.push((line..line + 1, field)),
        }
    }
}

/// A top-level key, or a JSON pointer when `name` starts with `/`.
fn field<'a>(value: &'a Value, name: &str) -> Option<&'a Value> {
    if name.starts_with('/') {
        value.pointer(name)
    } else {
        value.get(name)
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.ready.pop_front() {
                return Some(r);
            }
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    self.release(true);
                    continue;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    self.release(true);
                    self.ready.push_back(Err(RecordError {
                        line: self.line,
                        message: format!("cannot read: {e}"),
                    }));
                    continue;
                }
            }
            let buf = std::mem::take(&mut self.buf);
            let mut bytes = buf.as_slice();
            while let [rest @ .., b'\n' | b'\r'] = bytes {
                bytes = rest;
            }
            // A byte order mark before the first record.
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let blank = bytes.iter().all(u8::is_ascii_whitespace);
            let parsed = (!blank).then(|| self.parse(bytes));
            self.buf = buf;
            let line = self.line;
            match parsed {
                None => {}
                Some(Err(Bad::Missing(field))) if !self.seen[field as usize] => {
                    self.hold(line, field);
                }
                Some(r) => {
                    self.release(false);
                    let r = r.map_err(|bad| match bad {
                        Bad::Missing(field) => self.missing(line, field),
                        Bad::Other(message) => RecordError { line, message },
                    });
                    self.ready.push_back(r);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str, id: Option<&str>) -> Vec<Result<Record, RecordError>> {
        Records::new(data.as_bytes(), "text", id).collect()
    }

    #[test]
    fn reads_text_and_ids_in_several_languages() {
        let data = "{\"id\": 7, \"text\": \"قال بوتين.\"}\r\n\n{\"id\": \"fr-1\", \"text\": \"Bonjour.\"}\n{\"id\": true, \"text\": \"Привет.\"}";
        let got = read(data, Some("id"));
        let ok: Vec<_> = got.into_iter().map(Result::unwrap).collect();
        assert_eq!(
            ok.iter()
                .map(|r| (r.line, r.id.as_str()))
                .collect::<Vec<_>>(),
            [(1, "7"), (3, "fr-1"), (4, "true")]
        );
        assert_eq!(ok[0].text, "قال بوتين.");
    }

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let data = "{\"text\": 1}\n[1]\n{\"txt\": \"a\"}\n{\"text\": \"a\"\n\u{FEFF}x\n{\"text\": \"ok\"}\n";
        let got = read(data, None);
        let lines: Vec<_> = got
            .iter()
            .map(|r| match r {
                Ok(r) => (r.line, r.id.clone()),
                Err(e) => (e.line, e.message.clone()),
            })
            .collect();
        assert_eq!(lines.len(), 6, "{lines:?}");
        assert!(lines[0].1.contains("not a string"));
        assert!(lines[1].1.contains("not a JSON object"));
        assert!(lines[2].1.contains("no field `text`"));
        assert!(lines[3].1.contains("malformed JSON"));
        assert_eq!(lines[5], (6, "6".to_string()));
        let invalid = Records::new(&b"\xFF\n{\"text\": \"a\"}\n"[..], "text", None)
            .map(|r| r.is_ok())
            .collect::<Vec<_>>();
        assert_eq!(invalid, [false, true]);
    }

    #[test]
    fn a_field_no_line_has_is_one_error() {
        let data = "{\"id\": 1, \"text\": \"a\"}\n\n{\"id\": 2, \"text\": \"b\"}\n{\"id\": 3, \"text\": \"c\"}\n";
        let got = read(data, Some("url"));
        assert_eq!(got.len(), 1, "{got:?}");
        let e = got[0].as_ref().unwrap_err();
        assert!(e.is_whole_input());
        assert_eq!(
            e.to_string(),
            "no line has the field `url` (--id-field); the first line's fields are `id`, `text`"
        );
        let got: Vec<_> = Records::new(data.as_bytes(), "body", None).collect();
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("`body` (--text-field)"));
        // Lines that lack it while a later line has it: an error each, in order.
        let data = "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c\", \"url\": \"u\"}\n{\"text\": \"d\"}\n";
        let got: Vec<_> = read(data, Some("url"))
            .into_iter()
            .map(|r| r.map(|r| r.id).map_err(|e| e.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                Err("line 1: no field `url`".to_string()),
                Err("line 2: no field `url`".to_string()),
                Ok("u".to_string()),
                Err("line 4: no field `url`".to_string()),
            ]
        );
    }

    #[test]
    fn json_pointer_reaches_nested_fields() {
        let data = "{\"meta\": {\"id\": \"x\"}, \"body\": {\"ar\": \"نص\"}}\n";
        let got: Vec<_> = Records::new(data.as_bytes(), "/body/ar", Some("/meta/id")).collect();
        let r = got[0].as_ref().unwrap();
        assert_eq!((r.id.as_str(), r.text.as_str()), ("x", "نص"));
    }
}
