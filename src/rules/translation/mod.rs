//! Rules about text left untranslated or garbled into no language: a
//! passage in another language, an untranslated term, letter soup.

mod gibberish;
mod untranslated_term;
mod wrong_language;

pub use gibberish::Gibberish;
pub use untranslated_term::UntranslatedTerm;
pub use wrong_language::WrongLanguage;
