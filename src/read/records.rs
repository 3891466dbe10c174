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

/// A line that is no document. Reading goes on at the next line, except
/// after an I/O error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for RecordError {
    /// `line N: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for RecordError {}

/// Reads [`Record`]s from JSON Lines. Blank lines are skipped.
pub struct Records<R> {
    reader: R,
    text_field: String,
    id_field: Option<String>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
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
        }
    }

    fn parse(&self, bytes: &[u8]) -> Result<Record, String> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
        if !value.is_object() {
            return Err("not a JSON object".into());
        }
        let text = match field(&value, &self.text_field) {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(format!("field `{}` is not a string", self.text_field)),
            None => return Err(format!("no field `{}`", self.text_field)),
        };
        let id = match &self.id_field {
            None => self.line.to_string(),
            Some(name) => match field(&value, name) {
                Some(Value::String(s)) => s.clone(),
                Some(v @ (Value::Number(_) | Value::Bool(_))) => v.to_string(),
                Some(_) => return Err(format!("field `{name}` is not a string or number")),
                None => return Err(format!("no field `{name}`")),
            },
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
            let mut bytes = self.buf.as_slice();
            while let [rest @ .., b'\n' | b'\r'] = bytes {
                bytes = rest;
            }
            // A byte order mark before the first record.
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = self.line;
            return Some(
                self.parse(bytes)
                    .map_err(|message| RecordError { line, message }),
            );
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
    fn json_pointer_reaches_nested_fields() {
        let data = "{\"meta\": {\"id\": \"x\"}, \"body\": {\"ar\": \"نص\"}}\n";
        let got: Vec<_> = Records::new(data.as_bytes(), "/body/ar", Some("/meta/id")).collect();
        let r = got[0].as_ref().unwrap();
        assert_eq!((r.id.as_str(), r.text.as_str()), ("x", "نص"));
    }
}
