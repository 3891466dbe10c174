//! Rules about how the text was encoded: bytes that are not UTF-8, text
//! decoded in the wrong code page (mojibake), escapes left in the text.

mod escaped_text;
mod invalid_encoding;
mod mojibake;

pub use escaped_text::EscapedText;
pub use invalid_encoding::InvalidEncoding;
pub use mojibake::Mojibake;
