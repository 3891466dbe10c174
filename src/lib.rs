//! mtlint finds machine-translation garble in text before it is published:
//! script mixing, untranslated words, punctuation and spacing artifacts,
//! repeated lines and words, and residue of the web page.
//!
//! The data flows one way, one module per stage:
//! [`source`] (lines and columns) → [`segment`] (paragraphs, sentences,
//! tokens, scripts) and [`lang`] → [`rules`] → [`finding`]s → [`score`] →
//! [`report`] → [`render`].
//!
//! ```
//! use mtlint::{Config, Scanner};
//! let scanner = Scanner::new(Config::default());
//! let report = scanner.scan("article.txt", "استعادت القوات السيطرة عليها.الروس غادروا.");
//! let rules: Vec<&str> = report.files[0].findings.iter().map(|f| f.rule.as_str()).collect();
//! assert_eq!(rules, ["missing-space-after-punctuation"]);
//! ```

pub mod alphabet;
pub mod codepage;
pub mod config;
pub mod corpus;
pub mod decode;
pub mod finding;
pub mod fix;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod ngram;
pub mod notices;
pub mod pipeline;
pub mod records;
pub mod render;
pub mod report;
pub mod rules;
pub mod scanner;
pub mod score;
pub mod segment;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod translit;

pub use finding::{Applicability, Diagnostic, Finding, Fix, Severity};
pub use report::{FileReport, Report, SentenceReport, Summary};
pub use rules::{Rule, RuleMeta};
pub use scanner::{Config, Scanner};
