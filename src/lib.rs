//! mtlint finds machine-translation garble in text before it is published:
//! script mixing, untranslated words, punctuation and spacing artifacts,
//! repeated lines and words, and residue of the web page.
//!
//! The data flows one way, one folder per stage, each depending only on
//! those before it in this list:
//! [`report`] (the data model: diagnostics, findings, reports) →
//! [`text`] (the document: lines, tokens, sentences, scripts) →
//! [`language`] (identification, lexicons, models) → [`read`] (walk and
//! decode) → [`extract`] (the prose of Markdown, HTML, subtitles and
//! catalogues) → [`analysis`] (what several rules share) → [`rules`] →
//! [`config`] → [`check`] (the scan of one text: findings, suppressions,
//! scores) → [`fix`] → [`batch`] (the scan of many inputs) → [`render`].
//!
//! ```
//! use mtlint::{Config, Scanner};
//! let scanner = Scanner::default();
//! let report = scanner.scan("article.txt", "استعادت القوات السيطرة عليها.الروس غادروا.");
//! let rules: Vec<&str> = report.files[0].findings.iter().map(|f| f.rule.as_str()).collect();
//! assert_eq!(rules, ["missing-space-after-punctuation"]);
//! ```

pub mod analysis;
pub mod batch;
pub mod check;
pub mod config;
pub mod extract;
pub mod fix;
pub mod language;
pub mod read;
pub mod render;
pub mod report;
pub mod rules;
pub mod text;

pub use check::Scanner;
pub use config::Config;
pub use report::{
    Applicability, Diagnostic, FileReport, Finding, Fix, Notice, NoticeKind, NoticeLevel, Report,
    SentenceReport, Severity, Summary,
};
pub use rules::{Rule, RuleMeta};
