//! The encoding a text was read in: what the read stage found in a file's
//! bytes, kept with the [`Document`](super::Document) so that the rule about
//! it (`invalid-encoding`) reads it like any other property of the text.

use std::fmt;

/// The encoding a text was read in, and is written back in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark (the mark, when there is
    /// one, is the first character of the text).
    Utf8,
    /// UTF-16 little endian (read only with a byte order mark, kept in the text).
    Utf16Le,
    /// UTF-16 big endian (read only with a byte order mark, kept in the text).
    Utf16Be,
    /// A legacy code page, e.g. windows-1256, windows-1251, windows-1252.
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// The WHATWG name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1256`, ….
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Legacy(e) => e.name(),
        }
    }

    /// Whether this is UTF-8.
    pub fn is_utf8(&self) -> bool {
        matches!(self, Encoding::Utf8)
    }

    /// The encoding with this WHATWG name or label (`utf-8`, `cp1256`,
    /// `windows-1251`, `latin1`, …).
    pub fn from_label(label: &str) -> Option<Encoding> {
        let e = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
        Some(Self::from_encoding_rs(e))
    }

    /// The encoding for an `encoding_rs` one.
    pub fn from_encoding_rs(e: &'static encoding_rs::Encoding) -> Encoding {
        if e == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else if e == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else if e == encoding_rs::UTF_16BE {
            Encoding::Utf16Be
        } else {
            Encoding::Legacy(e)
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The first bytes that are not valid in the file's assumed encoding
/// (UTF-8, or UTF-16 for a file with a UTF-16 byte order mark).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// Byte offset in the file.
    pub offset: usize,
    /// The offending bytes (at most 4).
    pub bytes: Vec<u8>,
    /// Byte offset of the same place in the decoded text (on a character
    /// boundary).
    pub text_offset: usize,
}
