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

/// A line that is no document, or a field that the input lacks. Reading
/// goes on at the next line, except after an I/O error and after an error
/// about the whole input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line number; 0 for an error about the whole input (a field
    /// that its first record lacks).
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
/// The first JSON object of the input shows its fields: when it lacks the
/// text or the id field (a typo in the field's name), the input gives one
/// error naming the field and the object's fields, at once, and nothing
/// more, instead of an error a line after reading all of it. A later line
/// that lacks a field is an error of its own.
pub struct Records<R> {
    reader: R,
    text_field: String,
    id_field: Option<String>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    /// Whether a JSON object has been read: the first one decides.
    first_read: bool,
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
            first_read: false,
        }
    }

    fn name(&self, field: Field) -> &str {
        match field {
            Field::Text => &self.text_field,
            Field::Id => self.id_field.as_deref().unwrap_or_default(),
        }
    }

    /// The record of one non-blank line; the error about the whole input
    /// when it is the first object and lacks a field.
    fn parse(&mut self, bytes: &[u8]) -> Result<Record, RecordError> {
        let line = self.line;
        let first = !self.first_read;
        let (record, keys) = match self.parse_line(bytes) {
            Ok(record) => return Ok(record),
            Err((bad, keys)) => (bad, keys),
        };
        let message = match record {
            Bad::Other(message) => message,
            Bad::Missing(field) if first => {
                let which = match field {
                    Field::Text => "--text-field",
                    Field::Id => "--id-field",
                };
                let keys = keys.join("`, `");
                let message = format!(
                    "the first record (line {line}) has no field `{}` ({which}); its fields are `{keys}`",
                    self.name(field)
                );
                return Err(RecordError { line: 0, message });
            }
            Bad::Missing(field) => format!("no field `{}`", self.name(field)),
        };
        Err(RecordError { line, message })
    }

    /// The record of one line, or why it is none with the line's top-level
    /// keys when it is an object.
    fn parse_line(&mut self, bytes: &[u8]) -> Result<Record, (Bad, Vec<String>)> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let m = format!("invalid UTF-8 at byte {}", e.valid_up_to());
            (Bad::Other(m), Vec::new())
        })?;
        let value: Value = serde_json::from_str(text)
            .map_err(|e| (Bad::Other(format!("malformed JSON: {e}")), Vec::new()))?;
        let Some(object) = value.as_object() else {
            return Err((Bad::Other("not a JSON object".into()), Vec::new()));
        };
        self.first_read = true;
        let keys = || object.keys().cloned().collect::<Vec<_>>();
        let text = match field(&value, &self.text_field) {
            Some(Value::String(s)) => s.clone(),
            Some(_) => {
                let m = format!("field `{}` is not a string", self.text_field);
                return Err((Bad::Other(m), Vec::new()));
            }
            None => return Err((Bad::Missing(Field::Text), keys())),
        };
        let id = match self.id_field.as_deref().map(|name| field(&value, name)) {
            None => self.line.to_string(),
            Some(Some(Value::String(s))) => s.clone(),
            Some(Some(v @ (Value::Number(_) | Value::Bool(_)))) => v.to_string(),
            Some(Some(_)) => {
                let m = format!("field `{}` is not a string or number", self.name(Field::Id));
                return Err((Bad::Other(m), Vec::new()));
            }
            Some(None) => return Err((Bad::Missing(Field::Id), keys())),
        };
        Ok(Record {
            line: self.line,
            id,
            text,
        })
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
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        line: self.line,
                        message: format!("cannot read: {e}"),
                    }));
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
            if bytes.iter().all(u8::is_ascii_whitespace) {
                self.buf = buf;
                continue;
            }
            let parsed = self.parse(bytes);
            self.buf = buf;
            // An error about the whole input is its last word.
            self.done = parsed.as_ref().is_err_and(RecordError::is_whole_input);
            return Some(parsed);
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
    fn a_field_the_first_record_lacks_is_one_error_at_once() {
        use std::io::Read;
        let data = "not json\n\n{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2, \"text\": \"b\"}\n";
        let got = read(data, Some("url"));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].as_ref().unwrap_err().line, 1);
        let e = got[1].as_ref().unwrap_err();
        assert!(e.is_whole_input());
        assert_eq!(
            e.to_string(),
            "the first record (line 3) has no field `url` (--id-field); its fields are `id`, `text`"
        );
        // Nothing after it is read: an endless input fails as fast.
        let endless = std::io::BufReader::new(std::io::repeat(b'\n'));
        let lines = "{\"text\": \"a\"}\n".as_bytes().chain(endless);
        let mut records = Records::new(lines, "body", None);
        let e = records.next().unwrap().unwrap_err();
        assert!(e.message.contains("`body` (--text-field)"), "{e}");
        assert!(records.next().is_none());
        // A later line that lacks it: an error each, in order.
        let data = "{\"text\": \"a\", \"url\": \"u\"}\n{\"text\": \"b\"}\n{\"text\": \"c\", \"url\": \"v\"}\n";
        let got: Vec<_> = read(data, Some("url"))
            .into_iter()
            .map(|r| r.map(|r| r.id).map_err(|e| e.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                Ok("u".to_string()),
                Err("line 2: no field `url`".to_string()),
                Ok("v".to_string()),
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
