//! Line bookkeeping over a decoded text: byte offsets to 1-based lines and
//! columns counted in Unicode scalar values.

use std::ops::Range;

/// One line of a text, as [`lines`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte offset where its content starts.
    pub start: usize,
    /// Byte offset where its content ends, before its line break.
    pub end: usize,
    /// Byte offset after its line break: where the next line starts (the
    /// text's length for the last line).
    pub next: usize,
}

/// The lines of `text`: the one definition of a line in mtlint, which every
/// stage that counts, splits or names lines uses (positions in reports,
/// renderers, suppressions, fixes, the readers of markup). `\n`, `\r\n` and a
/// bare `\r` each end a line. A text ending in a line break, and the empty
/// text, end with an empty line, so a text has one line more than breaks.
///
/// ```
/// use mtlint::text::lines::lines;
/// let starts: Vec<usize> = lines("a\r\nb\rc\n").map(|l| l.start).collect();
/// assert_eq!(starts, [0, 3, 5, 7]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let Some(n) = bytes[from..].iter().position(|&b| b == b'\n' || b == b'\r') else {
            start = None;
            return Some(Line {
                start: from,
                end: bytes.len(),
                next: bytes.len(),
            });
        };
        let end = from + n;
        let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        start = Some(next);
        Some(Line {
            start: from,
            end,
            next,
        })
    })
}

/// The lines of `text` from byte `from` on (a character boundary at or
/// below it), with offsets in `text`, as [`lines`] finds them, without the
/// empty line after a final line break: for readers that go line by line.
pub fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line> + '_ {
    let from = floor_char_boundary(text, from);
    let rest = &text[from..];
    lines(rest)
        .take_while(move |l| l.start < rest.len())
        .map(move |l| Line {
            start: from + l.start,
            end: from + l.end,
            next: from + l.next,
        })
}

/// The start of every line of a text (see [`lines`]), for turning byte
/// offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line's content starts.
    starts: Vec<usize>,
    /// Byte offset where each line's content ends (before its terminator).
    ends: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> Self {
        let (starts, ends) = lines(text).map(|l| (l.start, l.end)).unzip();
        Self { starts, ends }
    }

    /// Number of lines (a text ending in a newline has an empty last line).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the index holds no line; never true, since an empty text has one empty line.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Byte range of line `line` (0-based), without its terminator.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        self.starts[line]..self.ends[line]
    }

    /// Byte range of line `line` (0-based) with its line break; the last
    /// line, which has none, takes the break before it instead, so that
    /// deleting the range deletes the line.
    pub fn line_with_break(&self, line: usize) -> Range<usize> {
        let range = self.line_range(line);
        match (self.starts.get(line + 1), line.checked_sub(1)) {
            (Some(&next), _) => range.start..next,
            (None, Some(before)) => self.ends[before]..range.end,
            (None, None) => range,
        }
    }

    /// 0-based line holding byte `offset`. An offset inside a line terminator
    /// belongs to the line it ends.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l - 1,
        }
    }

    /// 1-based line and column of byte `offset`; the column counts Unicode
    /// scalar values from the start of the line.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = text[start..offset].chars().count() + 1;
        (line + 1, col)
    }
}

/// Turns byte offsets into 1-based lines and columns, cheaply when the
/// offsets come in increasing order: a column is counted from the previous
/// offset on the same line, not from the line start, so a long line with
/// many findings costs one pass instead of one pass per finding.
#[derive(Debug)]
pub struct Cursor<'a> {
    text: &'a str,
    index: &'a LineIndex,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str, index: &'a LineIndex) -> Self {
        Self {
            text,
            index,
            offset: 0,
            line: 0,
            col: 0,
        }
    }

    /// 1-based line and column (in Unicode scalar values) of byte `offset`.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let line = self.index.line_of(offset);
        if line == self.line && offset >= self.offset {
            self.col += self.text[self.offset..offset].chars().count();
        } else if line == self.line {
            self.col -= self.text[offset..self.offset].chars().count();
        } else {
            self.col = self.text[self.index.starts[line]..offset].chars().count();
        }
        self.line = line;
        self.offset = offset;
        (line + 1, self.col + 1)
    }
}

/// Largest char boundary of `text` at or below `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_scalar_values() {
        let text = "ab\r\nعليها.الروس\rx\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 4);
        let dot = text.find('.').unwrap();
        assert_eq!(idx.line_col(text, dot), (2, 6));
        assert_eq!(idx.line_col(text, text.find('x').unwrap()), (3, 1));
        assert_eq!(
            idx.line_range(1),
            4..text.find('\r').map(|_| 4 + "عليها.الروس".len()).unwrap()
        );
        assert_eq!(idx.line_of(text.len()), 3);
        let mut cursor = Cursor::new(text, &idx);
        for offset in [0, dot, dot - 2, text.find('x').unwrap(), 1, text.len()] {
            assert_eq!(
                cursor.line_col(offset),
                idx.line_col(text, offset),
                "{offset}"
            );
        }
    }
}
