//! Rules about the markup around the prose: what the reader of a file's
//! format (Markdown, HTML, subtitles, catalogues) could not read.

mod markup_error;

pub use markup_error::MarkupError;
