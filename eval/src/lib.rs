//! The evaluation of mtlint on clean and corrupted text: the loader of the
//! corpora in `../shared/data` (NTREX-128, UD PUD, ftfy's cases), the
//! measurements the tests bound and the programs in `src/bin` print as
//! tables. Never published: it reads files outside the repository and is
//! no part of the library.
//!
//! `cargo run --release -p mtlint-eval --bin eval` prints the false alarms
//! per 1,000 sentences of every rule; the other programs measure one rule,
//! but `markup`, which measures the markup readers on files of this machine
//! ([`markup_corpus`], [`measure::markup`]).

pub mod corpus;
pub mod markup_corpus;
pub mod measure;
pub mod translit;
