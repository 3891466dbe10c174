//! The integration tests: one binary, one module per subject, so that the
//! crate and its dependencies are linked once (`cargo test --test it`).

mod support;

mod architecture;
mod batch;
mod bidi;
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
mod furniture;
// The fuzz targets' checks, shared with the fuzz crate (`fuzz/`), which
// the workspace leaves out.
#[path = "../../fuzz/src/checks.rs"]
mod fuzz_checks;
mod fuzz_regressions;
mod gibberish;
mod html;
mod joined_words;
mod lines;
mod loops;
mod markup;
mod markup_properties;
mod mojibake;
mod notices;
mod outputs;
mod properties;
mod score;
mod seeds;
mod suppressions;
mod untranslated;
mod variants;
mod wrong_language;
