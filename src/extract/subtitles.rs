//! Placeholder until the reader lands.

use super::{Builder, Format, Prose};

/// SRT.
pub fn extract_srt(original: &str) -> Prose<'_> {
    let mut b = Builder::new(original);
    b.text(0..original.len());
    b.finish(Format::Srt)
}

/// VTT.
pub fn extract_vtt(original: &str) -> Prose<'_> {
    let mut b = Builder::new(original);
    b.text(0..original.len());
    b.finish(Format::Vtt)
}
