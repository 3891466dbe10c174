//! Line bookkeeping over a decoded text: byte offsets to 1-based lines and
//! columns counted in Unicode scalar values.

use std::ops::Range;

/// The start of every line of a text, for turning byte offsets into lines and
/// columns. `\n`, `\r\n` and a lone `\r` all end a line.
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
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut ends = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    ends.push(i);
                    starts.push(i + 1);
                }
                b'\r' => {
                    ends.push(i);
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        ends.push(bytes.len());
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
