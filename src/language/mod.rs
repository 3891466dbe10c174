//! What mtlint knows about languages and writing: identification, lexicons
//! and dictionaries, character n-gram models, alphabets, transliteration,
//! the Arabic clitics, code pages, and the notices (provenance and licenses)
//! of the data embedded for them.

pub mod alphabet;
pub mod arabic;
pub mod codepage;
pub mod identify;
pub mod lexicon;
pub mod names_index;
pub mod ngram;
pub mod notices;
pub mod translit;
