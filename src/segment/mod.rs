//! Segmentation: lines, paragraphs, sentences, tokens and their scripts.
//!
//! A [`Document`] is built once per file and read by every rule; nothing
//! here knows about rules or output.

pub mod script;
pub mod sentences;
pub mod tokens;

use unicode_script::Script;

use crate::lang;
use crate::source::LineIndex;
pub use sentences::{Paragraph, Sentence};
pub use tokens::{Token, TokenKind};

/// A segmented text, with its main script and language.
#[derive(Debug)]
pub struct Document<'a> {
    /// The whole text.
    pub text: &'a str,
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
}

/// Each word's script with its length in bytes, for [`script::main_script`].
pub fn words_by_script(tokens: &[Token]) -> impl Iterator<Item = (Option<Script>, usize)> + '_ {
    tokens
        .iter()
        .filter(|t| t.is_word())
        .map(|t| (t.script, t.range.len()))
}

impl<'a> Document<'a> {
    /// Segments `text`; `language` is the declared language, if any.
    pub fn new(text: &'a str, language: Option<&str>) -> Self {
        let tokens = tokens::tokenize(text);
        let lines = LineIndex::new(text);
        let paragraphs = sentences::paragraphs(text, &lines, &tokens);
        let sentences = sentences::sentences(text, &tokens, &paragraphs);
        let script = script::main_script(words_by_script(&tokens));
        let language = match language {
            Some(code) => Some(lang::normalize_code(code)),
            None => lang::detect_document(text, &tokens, script),
        };
        Self {
            text,
            lines,
            tokens,
            paragraphs,
            sentences,
            script,
            language,
        }
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
