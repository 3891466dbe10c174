//! What a report says about its inputs beside their findings: a file that
//! could not be read, was skipped as binary or was read in another encoding,
//! a malformed JSON Lines line, a scan that found nothing to scan. Every
//! output names them (the JSON `notices`, a JSON Lines line each, SARIF
//! notifications, standard error for the text formats), and the exit code
//! follows their level: an error makes it 2, a warning or a note leaves it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How much a [`Notice`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoticeLevel {
    /// Said for the record: a binary file skipped, a file read in a legacy
    /// code page. The exit code does not change.
    Note,
    /// Probably not what was meant: nothing to scan. The exit code does not
    /// change.
    Warning,
    /// An input that should have been scanned and was not: exit code 2.
    Error,
}

impl fmt::Display for NoticeLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoticeLevel::Note => "note",
            NoticeLevel::Warning => "warning",
            NoticeLevel::Error => "error",
        })
    }
}

/// What a [`Notice`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NoticeKind {
    /// A path that does not exist.
    NotFound,
    /// A file or folder that could not be read.
    Unreadable,
    /// A file skipped as binary (a NUL byte near its start).
    Binary,
    /// A file read in another encoding than UTF-8.
    Encoding,
    /// A JSON Lines line that is no document.
    MalformedRecord,
    /// A JSON Lines field that no line of the input has.
    MissingField,
    /// Nothing was scanned: an empty folder, only binary or excluded files.
    NoInputs,
}

impl NoticeKind {
    /// The level a notice of this kind has.
    pub fn level(self) -> NoticeLevel {
        match self {
            NoticeKind::Binary | NoticeKind::Encoding => NoticeLevel::Note,
            NoticeKind::NoInputs => NoticeLevel::Warning,
            NoticeKind::NotFound
            | NoticeKind::Unreadable
            | NoticeKind::MalformedRecord
            | NoticeKind::MissingField => NoticeLevel::Error,
        }
    }
}

/// One thing the report says about an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notice {
    /// The display path of the input (empty for the whole scan).
    pub path: String,
    /// How much it matters; decides the exit code.
    pub level: NoticeLevel,
    /// What it is about.
    pub kind: NoticeKind,
    /// What happened, without the path.
    pub message: String,
}

impl Notice {
    /// A notice of `kind` on `path`, at the level of its kind.
    pub fn new(path: impl Into<String>, kind: NoticeKind, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            level: kind.level(),
            kind,
            message: message.into(),
        }
    }

    /// Whether it makes the exit code 2.
    pub fn is_error(&self) -> bool {
        self.level == NoticeLevel::Error
    }
}

impl fmt::Display for Notice {
    /// `PATH: message`, or the message alone for the whole scan.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}
