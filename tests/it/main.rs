//! The integration tests: one binary, one module per subject, so that the
//! crate and its dependencies are linked once (`cargo test --test it`).

mod support;

mod architecture;
mod batch;
mod cli;
mod config;
mod docs;
mod encoding_detection;
mod encodings;
mod escapes;
mod false_alarms;
mod fix;
mod fix_properties;
mod foreign_letters;
mod gibberish;
mod joined_words;
mod loops;
mod markup;
mod markup_properties;
mod mojibake;
mod outputs;
mod properties;
mod seeds;
mod suppressions;
mod untranslated;
mod variants;
mod wrong_language;
