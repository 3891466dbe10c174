//! Rules about words: words run together, one name spelt several ways.

mod joined_words;
mod variant_spelling;

pub use joined_words::JoinedWords;
pub use variant_spelling::VariantSpelling;
