//! Paragraphs and sentences over the token stream.
//!
//! A sentence ends at `. ! ? ؟ …` (with the closing quotes and brackets that
//! follow) or at a line break, never inside a number, URL, domain, e-mail
//! address, abbreviation, initial or ellipsis that the sentence continues
//! after.

use std::ops::Range;

use super::tokens::{Token, TokenKind};
use crate::text::lines::LineIndex;

/// A paragraph: lines that belong together, split at blank lines and at line
/// breaks that follow a finished sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range, from the first character of its first line to the end of its last line.
    pub range: Range<usize>,
    /// Indices of its tokens.
    pub tokens: Range<usize>,
}

/// A sentence, trimmed of surrounding white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range.
    pub range: Range<usize>,
    /// Indices of its tokens (no leading or trailing white space).
    pub tokens: Range<usize>,
    /// Index of the paragraph holding it.
    pub paragraph: usize,
}

const TERMINAL: &[char] = &['.', '!', '?', '؟', '…', '۔', '。', '！', '？'];
const CLOSERS: &[char] = &['"', '”', '’', '»', ')', ']', '\'', '›', '」', '』'];

/// Abbreviations that a full stop follows without ending the sentence, for
/// the languages whose text mtlint is tested on; single letters (initials,
/// `e.g.`, `т.е.`) are handled apart.
const ABBREVIATIONS: &[&str] = &[
    // English
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "etc", "al", "no", "nos",
    "vol", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "dept", "est", "fig", "min", "max", "govt", "ft", "cf", // French
    "mme", "mlle", "mm", "pr", "ste", "av", "apr", "env", "hab", "cie", // Russian
    "г", "гг", "др", "им", "ул", "д", "стр", "рис", "см", "тыс", "млн", "млрд", "руб", "коп", "вв",
    "проф", "акад", "пр", "ст", "обл", "р", "н", "т", "п", "гос", "тел",
    // German, Spanish
    "bzw", "ca", "evtl", "ggf", "nr", "usw", "vgl", "sra", "sres", "ud", "uds",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase()
}

/// Splits the lines of a text into paragraphs.
pub fn paragraphs(text: &str, lines: &LineIndex, tokens: &[Token]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut prev_ends_sentence = false;
    let mut prev_long = false;
    for l in 0..lines.len() {
        let r = lines.line_range(l);
        let line = &text[r.clone()];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                out.push(Paragraph {
                    range: p,
                    tokens: 0..0,
                });
            }
            continue;
        }
        let starts_block = trimmed.starts_with(['-', '–', '—', '*', '•', '#', '>', '|'])
            || trimmed.chars().next().is_some_and(|c| c.is_ascii_digit()) && trimmed.contains(". ");
        match current.as_mut() {
            Some(p) if !(prev_ends_sentence || prev_long || starts_block) => p.end = r.end,
            _ => {
                if let Some(p) = current.take() {
                    out.push(Paragraph {
                        range: p,
                        tokens: 0..0,
                    });
                }
                current = Some(r.clone());
            }
        }
        let last = trimmed.trim_end_matches(CLOSERS).chars().next_back();
        prev_ends_sentence = last.is_some_and(|c| TERMINAL.contains(&c) || c == ':');
        // Lines much longer than a hard-wrapped text's are paragraphs of their own.
        prev_long = trimmed.chars().count() > 100;
    }
    if let Some(p) = current {
        out.push(Paragraph {
            range: p,
            tokens: 0..0,
        });
    }
    // Attach token ranges.
    let mut t = 0;
    for p in &mut out {
        while t < tokens.len() && tokens[t].range.start < p.range.start {
            t += 1;
        }
        let start = t;
        while t < tokens.len() && tokens[t].range.end <= p.range.end {
            t += 1;
        }
        p.tokens = start..t;
    }
    out
}

/// Splits each paragraph into sentences.
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut start: Option<usize> = None;
        let mut i = p.tokens.start;
        while i < p.tokens.end {
            let tok = &tokens[i];
            if tok.kind == TokenKind::Newline {
                if let Some(s) = start.take() {
                    push(&mut out, tokens, s, i, pi);
                }
                i += 1;
                continue;
            }
            if tok.kind != TokenKind::Space && start.is_none() {
                start = Some(i);
            }
            let c = first_char(tok.text(text)).unwrap_or(' ');
            if tok.kind == TokenKind::Punct && TERMINAL.contains(&c) {
                // Take the whole cluster of terminal marks and closers.
                let mut j = i + 1;
                while j < p.tokens.end && tokens[j].kind == TokenKind::Punct {
                    let d = first_char(tokens[j].text(text)).unwrap_or(' ');
                    if TERMINAL.contains(&d) || CLOSERS.contains(&d) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                if is_boundary(text, tokens, i, j, p.tokens.end) {
                    if let Some(s) = start.take() {
                        push(&mut out, tokens, s, j, pi);
                    }
                }
                i = j;
                continue;
            }
            i += 1;
        }
        if let Some(s) = start {
            push(&mut out, tokens, s, p.tokens.end, pi);
        }
    }
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], start: usize, end: usize, paragraph: usize) {
    let mut e = end;
    while e > start && tokens[e - 1].is_space() {
        e -= 1;
    }
    if e > start {
        out.push(Sentence {
            range: tokens[start].range.start..tokens[e - 1].range.end,
            tokens: start..e,
            paragraph,
        });
    }
}

/// Whether the cluster of terminal marks `tokens[i..j]` ends a sentence.
fn is_boundary(text: &str, tokens: &[Token], i: usize, j: usize, end: usize) -> bool {
    let cluster: String = tokens[i..j].iter().map(|t| t.text(text)).collect();
    let dots = cluster.chars().filter(|&c| c == '.').count();
    let ellipsis = dots >= 2 || cluster.contains('…');
    let prev = (i > 0).then(|| &tokens[i - 1]);
    // A full stop after an abbreviation or an initial does not end a sentence.
    if cluster.starts_with('.') && dots == 1 {
        if let Some(p) = prev.filter(|p| p.is_word()) {
            let w = p.text(text);
            let single = w.chars().count() == 1 && w.chars().all(is_cased);
            if single || is_abbreviation(w) {
                return false;
            }
        }
    }
    let Some(next) = tokens.get(j).filter(|_| j < end) else {
        return true;
    };
    match next.kind {
        TokenKind::Newline => true,
        TokenKind::Space => {
            let Some(n) = tokens[j..end].iter().find(|t| !t.is_space()) else {
                return true;
            };
            let c = first_char(n.text(text)).unwrap_or(' ');
            if n.is_word() && c.is_lowercase() {
                return false; // `approx. two`, `... and then`
            }
            // A mid-sentence ellipsis before a caseless word continues it.
            !(ellipsis && n.is_word() && !is_cased(c))
        }
        TokenKind::Word => {
            // Glued sentences (`عليها.الروس`, `end.The`) are split; `a.b` is not.
            let c = first_char(next.text(text)).unwrap_or(' ');
            let prev_word = prev.is_some_and(|p| p.is_word());
            prev_word && (c.is_uppercase() || !is_cased(c))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let lines = LineIndex::new(text);
        let paras = paragraphs(text, &lines, &tokens);
        sentences(text, &tokens, &paras)
            .into_iter()
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn splits_at_terminals_and_line_breaks() {
        assert_eq!(
            split("One. Two! Three?\nFour"),
            ["One.", "Two!", "Three?", "Four"]
        );
        assert_eq!(split("هل هذا صحيح؟ نعم."), ["هل هذا صحيح؟", "نعم."]);
        assert_eq!(
            split("He said \"stop.\" Then left."),
            ["He said \"stop.\"", "Then left."]
        );
    }

    #[test]
    fn never_inside_numbers_urls_abbreviations_or_ellipses() {
        assert_eq!(
            split("It rose 3.5 points. Dr. Smith and J. K. Rowling agreed."),
            ["It rose 3.5 points.", "Dr. Smith and J. K. Rowling agreed."]
        );
        assert_eq!(
            split("See pic.twitter.com/abc and موقع العربية.نت اليوم."),
            ["See pic.twitter.com/abc and موقع العربية.نت اليوم."]
        );
        assert_eq!(
            split("Wait... and then, e.g. this."),
            ["Wait... and then, e.g. this."]
        );
        assert_eq!(
            split("Mail a.b@example.com now."),
            ["Mail a.b@example.com now."]
        );
    }

    #[test]
    fn glued_sentences_split() {
        assert_eq!(
            split("استعادت السيطرة عليها.الروس هنا"),
            ["استعادت السيطرة عليها.", "الروس هنا"]
        );
    }

    #[test]
    fn paragraphs_follow_blank_lines_and_finished_lines() {
        let text = "Title\n\nA wrapped line\nthat goes on.\nNext one.\n- item";
        let tokens = tokenize(text);
        let lines = LineIndex::new(text);
        let paras: Vec<&str> = paragraphs(text, &lines, &tokens)
            .into_iter()
            .map(|p| &text[p.range])
            .collect();
        assert_eq!(
            paras,
            [
                "Title",
                "A wrapped line\nthat goes on.",
                "Next one.",
                "- item"
            ]
        );
    }
}
