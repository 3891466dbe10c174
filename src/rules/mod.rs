//! Rules: one small trait, one file per family, one registry listing every
//! rule once.
//!
//! A rule reads a [`Document`] and pushes [`Diagnostic`]s. It never prints,
//! reads files or knows about the command line; the scanner gives findings
//! their rule id, severity, lines and columns.

pub use crate::report::{Applicability, Diagnostic, Fix, Severity};
use crate::text::vocabulary::Vocabulary;
use crate::text::Document;

pub mod characters;
pub mod encoding;
pub mod markup;
pub mod punctuation;
pub mod repetition;
pub mod script;
pub mod spelling;
pub mod suggest;
pub mod suppression;
pub mod translation;
pub mod web;

/// What every rule declares about itself.
#[derive(Debug)]
#[non_exhaustive]
pub struct RuleMeta {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// What its findings mean for the text, which sets their weight in the
    /// score ([`Harm::weight`]).
    pub harm: Harm,
    /// One line, for `mtlint rules`.
    pub summary: &'static str,
    /// The user documentation printed by `mtlint explain`, in ruff's shape:
    /// what it does, why it matters, examples, fix safety, limits.
    pub explanation: &'static str,
}

/// What a rule's findings mean for the reader: how much of the text they
/// break. The score weighs a finding by its harm, its severity and its
/// confidence (see [`crate::check::score`]); this table is the one place
/// that says how much each harm weighs.
///
/// | harm | weight | what it means |
/// |---|---|---|
/// | `garble` | 1.0 | text in no language: mash, runs of another script |
/// | `corruption` | 1.0 | text decoded wrong or lost in decoding: mojibake, U+FFFD, control characters |
/// | `untranslated` | 0.8 | text left in another language than the document's |
/// | `loop` | 0.8 | words, phrases or sentences written over and over |
/// | `joined` | 0.5 | words or sentences run together: a space lost |
/// | `letters` | 0.5 | letters of another alphabet or language inside a word: look-alikes, keyboard layouts |
/// | `unbalanced` | 0.5 | a quotation mark or bracket without its partner: text cut or lost |
/// | `residue` | 0.4 | text that is not the document's: page furniture, embeds, repeated lines, escapes |
/// | `file` | 0.3 | the file rather than its text: its encoding, its markup |
/// | `habit` | 0.1 | a typographic habit: spacing, doubled marks, spelling variants, invisible characters |
/// | `none` | 0 | nothing about the text (a suppression comment) |
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Harm {
    /// Text in no language.
    Garble,
    /// Text decoded wrong, or lost in decoding.
    Corruption,
    /// Text left in another language.
    Untranslated,
    /// The same words over and over.
    Loop,
    /// Words or sentences run together.
    Joined,
    /// Letters of another alphabet or language inside a word.
    Letters,
    /// A quotation mark or bracket without its partner.
    Unbalanced,
    /// Text that is not the document's own.
    Residue,
    /// The file's encoding or markup.
    File,
    /// A typographic habit.
    Habit,
    /// Nothing about the text itself.
    None,
}

impl Harm {
    /// Every harm, heaviest first: the rows of the table above.
    pub const ALL: [Harm; 11] = [
        Harm::Garble,
        Harm::Corruption,
        Harm::Untranslated,
        Harm::Loop,
        Harm::Joined,
        Harm::Letters,
        Harm::Unbalanced,
        Harm::Residue,
        Harm::File,
        Harm::Habit,
        Harm::None,
    ];

    /// The share of a sentence that one fully confident error of this harm
    /// breaks (see the table of [`Harm`]).
    pub fn weight(self) -> f64 {
        match self {
            Harm::Garble | Harm::Corruption => 1.0,
            Harm::Untranslated | Harm::Loop => 0.8,
            Harm::Joined | Harm::Letters | Harm::Unbalanced => 0.5,
            Harm::Residue => 0.4,
            Harm::File => 0.3,
            Harm::Habit => 0.1,
            Harm::None => 0.0,
        }
    }

    /// Whether its findings break the text they cover. A typographic habit
    /// does not: the score counts it once a file, not once a sentence.
    pub fn breaks_text(self) -> bool {
        !matches!(self, Harm::Habit | Harm::None)
    }

    /// The kebab-case name, as in `mtlint rules --format json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Harm::Garble => "garble",
            Harm::Corruption => "corruption",
            Harm::Untranslated => "untranslated",
            Harm::Loop => "loop",
            Harm::Joined => "joined",
            Harm::Letters => "letters",
            Harm::Unbalanced => "unbalanced",
            Harm::Residue => "residue",
            Harm::File => "file",
            Harm::Habit => "habit",
            Harm::None => "none",
        }
    }

    /// What it means, one line (the last column of the table of [`Harm`]).
    pub fn meaning(self) -> &'static str {
        match self {
            Harm::Garble => "text in no language: mash, runs of another script",
            Harm::Corruption => {
                "text decoded wrong or lost in decoding: mojibake, U+FFFD, control characters"
            }
            Harm::Untranslated => "text left in another language than the document's",
            Harm::Loop => "words, phrases or sentences written over and over",
            Harm::Joined => "words or sentences run together: a space lost",
            Harm::Letters => {
                "letters of another alphabet or language inside a word: look-alikes, keyboard layouts"
            }
            Harm::Unbalanced => {
                "a quotation mark or bracket without its partner: text cut or lost"
            }
            Harm::Residue => {
                "text that is not the document's: page furniture, embeds, repeated lines, escapes"
            }
            Harm::File => "the file rather than its text: its encoding, its markup",
            Harm::Habit => {
                "a typographic habit: spacing, doubled marks, spelling variants, invisible characters"
            }
            Harm::None => "nothing about the text (a suppression comment)",
        }
    }
}

impl std::fmt::Display for Harm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a rule's findings are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// By [`Rule::check`], over the text of a document.
    Text,
    /// By the suppression stage ([`crate::check::suppress`]), after every
    /// text rule: about the suppression comments themselves.
    Suppressions,
}

/// A check over a segmented document.
///
/// Besides [`Rule::check`], a rule declares what else it needs or does, so
/// that the engine never names a rule: the words of the other files of a
/// scan ([`Rule::gather_words`]), the bytes the text was decoded from
/// ([`Rule::speaks_for_bytes`]), precedence over findings inside its own
/// ([`Rule::supersedes_inside`]), or another stage ([`Rule::stage`]).
pub trait Rule: Send + Sync {
    /// The rule's id, severity and documentation.
    fn meta(&self) -> &'static RuleMeta;

    /// Pushes a diagnostic for every problem found in `doc`.
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);

    /// When its findings are made; [`Stage::Text`] for all but a few.
    fn stage(&self) -> Stage {
        Stage::Text
    }

    /// Whether it weighs the words of every file of a scan of several: the
    /// batch scan then reads each file twice, gathering words with
    /// [`Rule::gather_words`] first, and gives them to
    /// [`Document::folder_words`].
    fn reads_folder_words(&self) -> bool {
        false
    }

    /// Adds the words of `doc` that the rule weighs to the vocabulary of
    /// the folder being scanned (see [`Rule::reads_folder_words`]). The
    /// document has its tokens, script and language, but no lines,
    /// paragraphs or sentences: the first pass over a folder does not
    /// make them.
    fn gather_words(&self, _doc: &Document, _into: &mut Vocabulary) {}

    /// Whether its findings are one error of which every other finding
    /// inside them is a symptom (the punctuation of mojibake): those are
    /// dropped.
    fn supersedes_inside(&self) -> bool {
        false
    }

    /// Whether it speaks for the bytes of the file, not its text: never
    /// dropped by [`Rule::supersedes_inside`], and converting the file to
    /// UTF-8 counts as its fix.
    fn speaks_for_bytes(&self) -> bool {
        false
    }
}

/// Every rule, in a fixed order: the order of `mtlint rules`.
pub fn registry() -> &'static [&'static dyn Rule] {
    &[
        &script::MixedScriptWord,
        &script::ForeignScriptRun,
        &translation::WrongLanguage,
        &script::ForeignLetters,
        &translation::Gibberish,
        &translation::UntranslatedTerm,
        &spelling::VariantSpelling,
        &spelling::JoinedWords,
        &punctuation::SpaceBeforePunctuation,
        &punctuation::MissingSpaceAfterPunctuation,
        &punctuation::RepeatedPunctuation,
        &punctuation::UnbalancedQuotes,
        &punctuation::UnbalancedBrackets,
        &repetition::RepeatedCharacters,
        &repetition::RepeatedWord,
        &repetition::TranslationLoop,
        &repetition::DuplicateLine,
        &repetition::RedundantParenthetical,
        &web::SocialEmbed,
        &web::Boilerplate,
        &characters::InvisibleCharacter,
        &characters::ControlCharacter,
        &characters::ReplacementCharacter,
        &encoding::EscapedText,
        &encoding::Mojibake,
        &encoding::InvalidEncoding,
        &markup::MarkupError,
        &suppression::UnusedSuppression,
    ]
}

/// The documentation of every rule, in the order of [`registry`]: what
/// `mtlint rules` lists and `--select`/`--ignore` accept.
pub fn all_meta() -> impl Iterator<Item = &'static RuleMeta> {
    registry().iter().map(|r| r.meta())
}

/// The message for a rule id that does not exist, with the nearest one:
/// ``unknown rule `x`; did you mean `y`? (see `mtlint rules`)``.
pub fn unknown_rule_message(id: &str) -> String {
    let mut m = format!("unknown rule `{id}`");
    if let Some(known) = suggest::nearest(id, all_meta().map(|m| m.id)) {
        m.push_str(&format!("; did you mean `{known}`?"));
    }
    m.push_str(" (see `mtlint rules`)");
    m
}

/// The documentation of the rule with this id.
pub fn find_meta(id: &str) -> Option<&'static RuleMeta> {
    all_meta().find(|m| m.id == id)
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    registry().iter().copied().find(|r| r.meta().id == id)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rules' own tests.
    use super::*;
    use crate::report::finding::apply_all;

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
        apply_all(text, fixes)
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
        assert_eq!(
            find_meta("invalid-encoding").map(|m| m.id),
            Some("invalid-encoding")
        );
    }
}
