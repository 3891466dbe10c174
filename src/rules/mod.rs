//! Rules: one small trait, one file per family, one registry listing every
//! rule once.
//!
//! A rule reads a [`Document`] and pushes [`Diagnostic`]s. It never prints,
//! reads files or knows about the command line; the scanner gives findings
//! their rule id, severity, lines and columns.

use crate::finding::{Diagnostic, Severity};
use crate::segment::Document;

pub mod alphabets;
pub mod characters;
pub mod encoding;
pub mod escapes;
pub mod gibberish;
pub mod joined_words;
pub mod language;
pub mod mojibake;
pub mod punctuation;
pub mod quotes;
pub mod repetition;
pub mod script_mixing;
pub mod untranslated;
pub mod variants;
pub mod web_residue;

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line, for `mtlint rules`.
    pub summary: &'static str,
    /// The user documentation printed by `mtlint explain`, in ruff's shape:
    /// what it does, why it matters, examples, fix safety, limits.
    pub explanation: &'static str,
}

/// A check over a segmented document.
pub trait Rule: Send + Sync {
    /// The rule's id, severity and documentation.
    fn meta(&self) -> &'static RuleMeta;
    /// Pushes a diagnostic for every problem found in `doc`.
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);
}

/// Every rule, in a fixed order.
pub fn registry() -> &'static [&'static dyn Rule] {
    &[
        &script_mixing::MixedScriptWord,
        &script_mixing::ForeignScriptRun,
        &language::WrongLanguage,
        &alphabets::ForeignLetters,
        &gibberish::Gibberish,
        &untranslated::UntranslatedTerm,
        &variants::VariantSpelling,
        &joined_words::JoinedWords,
        &punctuation::SpaceBeforePunctuation,
        &punctuation::MissingSpaceAfterPunctuation,
        &punctuation::RepeatedPunctuation,
        &quotes::UnbalancedQuotes,
        &quotes::UnbalancedBrackets,
        &repetition::RepeatedCharacters,
        &repetition::RepeatedWord,
        &repetition::DuplicateLine,
        &repetition::RedundantParenthetical,
        &web_residue::SocialEmbed,
        &web_residue::Boilerplate,
        &characters::InvisibleCharacter,
        &characters::ControlCharacter,
        &characters::ReplacementCharacter,
        &escapes::EscapedText,
        &mojibake::Mojibake,
    ]
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    registry().iter().copied().find(|r| r.meta().id == id)
}

/// Rules that no text [`Rule`] produces: the read stage reports how a
/// file's bytes decoded (see [`crate::Scanner::scan_decoded`]), and the
/// suppression stage the comments that silence nothing (see
/// [`crate::suppress`]). They are selected, ignored, listed and explained
/// like the others.
pub fn stage_rules() -> &'static [&'static RuleMeta] {
    static STAGES: [&RuleMeta; 2] = [
        &encoding::INVALID_ENCODING,
        &crate::suppress::UNUSED_SUPPRESSION,
    ];
    &STAGES
}

/// The documentation of every rule: the registry's, then the stages'. What
/// `mtlint rules` lists and `--select`/`--ignore` accept.
pub fn all_meta() -> impl Iterator<Item = &'static RuleMeta> {
    registry()
        .iter()
        .map(|r| r.meta())
        .chain(stage_rules().iter().copied())
}

/// The documentation of the rule with this id, text rule or stage rule.
pub fn find_meta(id: &str) -> Option<&'static RuleMeta> {
    all_meta().find(|m| m.id == id)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rules' own tests.
    use super::*;

    /// Runs one rule over `text` (language detected) and returns the flagged texts.
    pub fn flagged(rule: &dyn Rule, text: &str) -> Vec<String> {
        flagged_in(rule, text, None)
    }

    /// Runs one rule over `text` in a declared language.
    pub fn flagged_in(rule: &dyn Rule, text: &str, lang: Option<&str>) -> Vec<String> {
        diagnostics(rule, text, lang)
            .into_iter()
            .map(|d| text[d.range].to_string())
            .collect()
    }

    /// Runs one rule and returns its diagnostics, sorted.
    pub fn diagnostics(rule: &dyn Rule, text: &str, lang: Option<&str>) -> Vec<Diagnostic> {
        let doc = Document::new(text, lang);
        let mut out = Vec::new();
        rule.check(&doc, &mut out);
        out.sort_by_key(|d| (d.range.start, d.range.end));
        out
    }

    /// Applies every fix of one rule to `text`, right to left.
    pub fn fixed(rule: &dyn Rule, text: &str, lang: Option<&str>) -> String {
        let fixes = diagnostics(rule, text, lang)
            .into_iter()
            .filter_map(|d| d.fix)
            .collect();
        crate::fix::apply_all(text, fixes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for m in all_meta() {
            assert!(seen.insert(m.id), "duplicate id {}", m.id);
            assert!(
                m.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                m.id
            );
            assert!(!m.summary.is_empty() && m.summary.len() < 100, "{}", m.id);
            for section in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(m.explanation.contains(section), "{} lacks {section}", m.id);
            }
        }
        assert_eq!(
            find("duplicate-line").map(|r| r.meta().id),
            Some("duplicate-line")
        );
        assert!(find("invalid-encoding").is_none());
        assert_eq!(
            find_meta("invalid-encoding").map(|m| m.id),
            Some("invalid-encoding")
        );
    }
}
