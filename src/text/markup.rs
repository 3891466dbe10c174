//! What the reader of a markup format found wrong in a file.

/// Something wrong with the markup of a file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the original file.
    pub offset: usize,
    /// What is wrong, for people (`unclosed code fence`, …).
    pub message: String,
    /// Whether the reader stopped there: the rest of the file was read as
    /// far as it could be, or as plain text, and `--fix` leaves the file
    /// alone.
    pub stopped: bool,
}
