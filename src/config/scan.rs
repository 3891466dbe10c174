//! The settings of one scan: its language, its rules and their severities,
//! the terms and scripts it allows.

use std::collections::BTreeMap;

use unicode_script::Script;

use crate::extract::Format;
use crate::report::Severity;

/// What a scan looks at. Built from the command line and the configuration
/// files (see [`crate::config::Resolver`]), or with the builder methods;
/// equal configurations make equal scanners. Rule ids are checked when a
/// [`crate::Scanner`] is made from it.
///
/// ```
/// use mtlint::Config;
/// let c = Config::default().language("ar").ignore(["joined-words"]);
/// assert!(!c.runs("joined-words") && c.runs("mojibake"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Config {
    /// The document language (`ar`, `en`, …); detected when `None`.
    pub language: Option<String>,
    /// The format texts are read in; by each path's extension when `None`
    /// (see [`Format::from_path`]).
    pub input_format: Option<Format>,
    /// Only these rule ids (all when empty).
    pub select: Vec<String>,
    /// Never these rule ids.
    pub ignore: Vec<String>,
    /// A severity per rule id, replacing the one the rule gives.
    pub severity: BTreeMap<String, Severity>,
    /// Terms that are never untranslated (see [`crate::text::Document::allowed_terms`]).
    pub allowed_terms: Vec<String>,
    /// Scripts expected besides the main one (see [`crate::text::Document::allowed_scripts`]).
    pub allowed_scripts: Vec<Script>,
}

impl Config {
    /// The document language (`ar`, `en`, …), instead of detecting it.
    pub fn language(mut self, code: impl Into<String>) -> Self {
        self.language = Some(code.into());
        self
    }

    /// Reads every text in `format`, whatever its path.
    pub fn input_format(mut self, format: Format) -> Self {
        self.input_format = Some(format);
        self
    }

    /// The format a text of this path is read in.
    pub fn format_for(&self, path: &str) -> Format {
        self.input_format.unwrap_or_else(|| Format::from_path(path))
    }

    /// Only these rules.
    pub fn select<S: Into<String>>(mut self, ids: impl IntoIterator<Item = S>) -> Self {
        self.select = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Never these rules.
    pub fn ignore<S: Into<String>>(mut self, ids: impl IntoIterator<Item = S>) -> Self {
        self.ignore = ids.into_iter().map(Into::into).collect();
        self
    }

    /// This severity for the rule `id`, instead of the one it gives.
    pub fn severity(mut self, id: impl Into<String>, severity: Severity) -> Self {
        self.severity.insert(id.into(), severity);
        self
    }

    /// Terms that are never untranslated.
    pub fn allowed_terms<S: Into<String>>(mut self, terms: impl IntoIterator<Item = S>) -> Self {
        self.allowed_terms = terms.into_iter().map(Into::into).collect();
        self
    }

    /// Scripts expected besides the main one.
    pub fn allowed_scripts(mut self, scripts: impl IntoIterator<Item = Script>) -> Self {
        self.allowed_scripts = scripts.into_iter().collect();
        self
    }

    /// The first rule id of `select`, `ignore` or `severity` that names no
    /// rule, as an error.
    pub fn validate(&self) -> Result<(), UnknownRule> {
        let ids = self
            .select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.keys());
        for id in ids {
            if crate::rules::find_meta(id).is_none() {
                return Err(UnknownRule(id.clone()));
            }
        }
        Ok(())
    }

    /// Whether the rule with this id runs under this configuration.
    pub fn runs(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == id))
            && !self.ignore.iter().any(|s| s == id)
    }
}

/// An error in a [`Config`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule `{}` (see `mtlint rules`)", self.0)
    }
}

impl std::error::Error for UnknownRule {}
