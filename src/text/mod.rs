//! The document: lines and columns, tokens, paragraphs and sentences,
//! scripts, normalisation.
//!
//! A [`Document`] is built once per file and read by every rule; nothing
//! here knows about languages, rules or output. Its constructor,
//! [`Document::new`], lives with language identification
//! ([`crate::language::identify`]), which it needs to name the document's
//! language.

pub mod case;
pub mod encoding;
pub mod lines;
pub mod markup;
pub mod normalize;
pub mod script;
pub mod sentences;
pub mod tokens;
pub mod vocabulary;

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use unicode_script::Script;

use lines::LineIndex;
pub use sentences::{Paragraph, Sentence};
pub use tokens::{Token, TokenKind};

/// A segmented text, with its main script and language.
#[derive(Debug)]
pub struct Document<'a> {
    /// The whole text: the prose the rules read.
    pub text: &'a str,
    /// The file the text was read from: the same as `text` for plain text,
    /// the whole file with its markup otherwise. Offsets into it are what
    /// reports give; only rules that speak for the file's bytes read it.
    pub original: &'a str,
    /// What the reader of the file's format found wrong in its markup.
    pub markup_problems: Vec<markup::Problem>,
    /// For the prose of markup: the 1-based line of the file where each
    /// line of `text` starts (see [`Document::file_line`]); empty for plain
    /// text, whose lines are the file's.
    pub file_lines: Vec<usize>,
    /// For the prose of catalogues and subtitles: the byte range of `text`
    /// of each unit (entry, cue), in order; empty otherwise.
    pub units: Vec<std::ops::Range<usize>>,
    /// Line starts and ends.
    pub lines: LineIndex,
    /// Tokens covering the text, in order.
    pub tokens: Vec<Token>,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// The script family of most of the text's letters.
    pub script: Option<Script>,
    /// The document's language (ISO 639-1 where one exists), declared or detected.
    pub language: Option<String>,
    /// Each sentence's language, computed on first use (see
    /// [`Document::sentence_languages`]).
    sentence_languages: OnceLock<Vec<Option<String>>>,
    /// Terms that are never untranslated (`untranslated-term`'s allowlist),
    /// compared without case; empty until the scanner fills it from the
    /// configuration.
    pub allowed_terms: Vec<String>,
    /// The words of every file of the scan, when the scan covers a folder
    /// (see [`vocabulary`]): evidence beyond this one document.
    pub folder_words: Option<Arc<vocabulary::Vocabulary>>,
    /// Scripts expected in this text besides its main one (the
    /// configuration's `allowed-scripts`): their words are never foreign
    /// runs or untranslated terms. Read through [`Document::script_allowed`].
    pub allowed_scripts: Vec<Script>,
    /// The encoding the text was read in; UTF-8 unless the scanner was
    /// given the decoded bytes of a file (see
    /// [`crate::Scanner::scan_decoded`]).
    pub encoding: encoding::Encoding,
    /// Where the file's bytes stopped being valid UTF-8 (or UTF-16), when
    /// they did and the scanner was given them.
    pub first_invalid: Option<encoding::Invalid>,
    /// Analyses that several rules share, computed once (see
    /// [`Document::shared`]).
    shared: Shared,
}

/// A per-document store of analyses, one per type.
#[derive(Default)]
struct Shared(Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Shared")
    }
}

/// Each word's script with its length in characters, for [`script::main_script`].
pub fn words_by_script<'t>(
    text: &'t str,
    tokens: &'t [Token],
) -> impl Iterator<Item = (Option<Script>, usize)> + 't {
    tokens
        .iter()
        .filter(|t| t.is_word())
        .map(move |t| (t.script, t.text(text).chars().count()))
}

impl<'a> Document<'a> {
    /// Segments `text` without naming its language: the parts of
    /// [`Document::new`] that need no language identification.
    pub fn segment(text: &'a str) -> Self {
        let mut doc = Self::tokens_only(text);
        doc.lines = LineIndex::new(text);
        doc.paragraphs = sentences::paragraphs(text, &doc.lines, &doc.tokens);
        doc.sentences = sentences::sentences(text, &doc.tokens, &doc.paragraphs);
        doc
    }

    /// The tokens of `text` and its main script, with no lines, paragraphs
    /// or sentences: what [`crate::rules::Rule::gather_words`] reads, for
    /// the first pass over a folder.
    pub(crate) fn tokens_only(text: &'a str) -> Self {
        let tokens = tokens::tokenize(text);
        let lines = LineIndex::new("");
        let (paragraphs, sentences) = (Vec::new(), Vec::new());
        let script = script::main_script(words_by_script(text, &tokens));
        Self {
            text,
            original: text,
            markup_problems: Vec::new(),
            file_lines: Vec::new(),
            units: Vec::new(),
            lines,
            tokens,
            paragraphs,
            sentences,
            script,
            language: None,
            sentence_languages: OnceLock::new(),
            allowed_terms: Vec::new(),
            folder_words: None,
            allowed_scripts: Vec::new(),
            encoding: encoding::Encoding::Utf8,
            first_invalid: None,
            shared: Shared::default(),
        }
    }

    /// The language of every sentence, computed by `compute` on first use
    /// and kept: see [`Document::sentence_languages`].
    pub fn sentence_languages_with(
        &self,
        compute: impl FnOnce(&Self) -> Vec<Option<String>>,
    ) -> &[Option<String>] {
        self.sentence_languages.get_or_init(|| compute(self))
    }

    /// An analysis of the document that several rules need (the runs of
    /// foreign script, say), computed by `compute` the first time any rule
    /// asks for its type and shared afterwards. The type identifies it: wrap
    /// the result in a type of its own.
    pub fn shared<T: Any + Send + Sync>(&self, compute: impl FnOnce(&Self) -> T) -> Arc<T> {
        let key = TypeId::of::<T>();
        let found = self
            .shared
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        if let Some(v) = found.and_then(|v| v.downcast::<T>().ok()) {
            return v;
        }
        // Computed outside the lock: `compute` may ask for other analyses.
        let v = Arc::new(compute(self));
        self.shared
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, v.clone());
        v
    }

    /// Whether words of script `s` are allowed in this text by the
    /// configuration, so no rule calls them foreign (kana and hanja count as
    /// Han, as everywhere).
    pub fn script_allowed(&self, s: Script) -> bool {
        self.allowed_scripts
            .iter()
            .any(|&a| script::family(a) == script::family(s))
    }

    /// The 1-based line of the file where 0-based line `line` of the text
    /// starts: what a message that names a line says.
    pub fn file_line(&self, line: usize) -> usize {
        self.file_lines.get(line).copied().unwrap_or(line + 1)
    }

    /// The unit (catalogue entry, subtitle cue) holding byte `offset` of the
    /// text, if the text has units.
    pub fn unit_at(&self, offset: usize) -> Option<usize> {
        let i = self.units.partition_point(|u| u.end <= offset);
        self.units.get(i).filter(|u| u.start <= offset).map(|_| i)
    }

    /// The text of a token.
    pub fn token_text(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].range.clone()]
    }

    /// The document's language code, if known.
    pub fn lang(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// Index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.range.start <= offset)
            .map(|_| i)
    }

    /// Indices of the sentences that a byte range overlaps.
    pub fn sentences_overlapping(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let first = self
            .sentences
            .partition_point(|s| s.range.end <= range.start);
        let last = self
            .sentences
            .partition_point(|s| s.range.start < range.end.max(range.start + 1));
        first..last.max(first)
    }

    /// The script of token `i`: its own for words and for punctuation whose
    /// Script_Extensions name one script (`،` is Arabic); for neutral tokens
    /// (digits, other punctuation, symbols), the script of the words on both
    /// sides within the line when they agree, else the document's.
    pub fn resolved_script(&self, i: usize) -> Option<Script> {
        if let Some(s) = self.tokens[i].script {
            return Some(s);
        }
        let on_line = |j: &usize| self.tokens[*j].kind != TokenKind::Newline;
        let before = (0..i)
            .rev()
            .take_while(on_line)
            .find_map(|j| self.tokens[j].script);
        let after = (i + 1..self.tokens.len())
            .take_while(on_line)
            .find_map(|j| self.tokens[j].script);
        match (before, after) {
            (Some(a), Some(b)) if a == b => Some(a),
            (Some(a), None) | (None, Some(a)) => Some(a),
            _ => self.script,
        }
    }

    /// Index of the first token at or after byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.range.end <= offset)
    }

    /// The non-space token before token `i`, within its line.
    pub fn prev_non_space(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .take_while(|&j| self.tokens[j].kind != TokenKind::Newline)
            .find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// The non-space token after token `i`, within its line.
    pub fn next_non_space(&self, i: usize) -> Option<usize> {
        (i + 1..self.tokens.len())
            .take_while(|&j| self.tokens[j].kind != TokenKind::Newline)
            .find(|&j| self.tokens[j].kind != TokenKind::Space)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_analyses_are_computed_once_per_type() {
        struct Words(usize);
        struct Lines(usize);
        let doc = Document::new("one two three.\nfour.", Some("en"));
        let calls = std::cell::Cell::new(0);
        let count = |d: &Document| {
            calls.set(calls.get() + 1);
            Words(d.tokens.iter().filter(|t| t.is_word()).count())
        };
        assert_eq!(doc.shared(count).0, 4);
        assert_eq!(doc.shared(count).0, 4);
        assert_eq!(calls.get(), 1);
        assert_eq!(doc.shared(|d| Lines(d.lines.len())).0, 2);
    }

    #[test]
    fn neutral_tokens_take_their_neighbours_script() {
        let doc = Document::new("قال 12 شخصا ، then left 3 times.", None);
        let idx = |s: &str| {
            doc.tokens
                .iter()
                .position(|t| t.text(doc.text) == s)
                .unwrap()
        };
        assert_eq!(doc.resolved_script(idx("12")), Some(Script::Arabic));
        assert_eq!(doc.resolved_script(idx("،")), Some(Script::Arabic));
        assert_eq!(doc.resolved_script(idx("3")), Some(Script::Latin));
        assert_eq!(doc.script, Some(Script::Latin));
        assert_eq!(doc.sentence_at(doc.text.len() - 1), Some(0));
    }
}
