//! The `gibberish` measurement on `../shared/data`, shared by
//! `tests/gibberish.rs` and `examples/gibberish.rs`: false alarms on the
//! clean corpora, and how much garble made by shuffling the letters inside
//! every word of clean lines is caught.

use crate::corpus::XorShift;
use std::path::Path;

use crate::corpus;
use mtlint::rules::translation::Gibberish;
use mtlint::rules::Rule;
use mtlint::text::Document;
use mtlint::Diagnostic;

/// The figures of one language.
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Language code.
    pub lang: String,
    /// Sentences of the clean documents.
    pub sentences: usize,
    /// Findings on the clean documents, with their text.
    pub false_alarms: Vec<String>,
    /// Clean lines of eight words or more that were shuffled.
    pub shuffled: usize,
    /// Shuffled lines with a finding.
    pub caught: usize,
    /// A few shuffled lines that were missed.
    pub missed: Vec<String>,
}

impl Measure {
    /// False alarms per 2,000 clean sentences.
    pub fn per_2000(&self) -> f64 {
        self.false_alarms.len() as f64 * 2000.0 / self.sentences.max(1) as f64
    }

    /// Share of the shuffled lines caught, in percent.
    pub fn caught_pct(&self) -> f64 {
        self.caught as f64 * 100.0 / self.shuffled.max(1) as f64
    }
}

fn findings<'a>(text: &'a str, lang: &str) -> (Document<'a>, Vec<Diagnostic>) {
    let doc = Document::new(text, Some(lang));
    let mut out = Vec::new();
    Gibberish.check(&doc, &mut out);
    (doc, out)
}

/// `text` with the letters of every word shuffled in place (Fisher-Yates);
/// other characters stay where they are.
pub fn shuffle_letters(text: &str, rng: &mut XorShift) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String, rng: &mut XorShift| {
        let pos: Vec<usize> = (0..word.len())
            .filter(|&i| word[i].is_alphabetic())
            .collect();
        let mut letters: Vec<char> = pos.iter().map(|&i| word[i]).collect();
        for i in (1..letters.len()).rev() {
            letters.swap(i, rng.below(i + 1));
        }
        for (&p, l) in pos.iter().zip(letters) {
            word[p] = l;
        }
        out.extend(word.drain(..));
    };
    for c in text.chars() {
        if c.is_alphanumeric() || mtlint::language::ngram::is_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, rng);
    out
}

/// Measures one language of the corpora in `dir`.
pub fn measure(dir: &Path, lang: &str) -> Measure {
    let mut m = Measure {
        lang: lang.to_string(),
        ..Measure::default()
    };
    let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
    for doc in corpus::documents(dir, lang).expect("corpus is readable") {
        let (d, found) = findings(&doc.text, lang);
        m.sentences += d.sentences.len();
        for f in found {
            m.false_alarms
                .push(format!("{}: {}", doc.name, &doc.text[f.range]));
        }
        for line in doc.text.lines() {
            let words = Document::new(line, Some(lang))
                .tokens
                .iter()
                .filter(|t| t.is_word())
                .count();
            if words < 8 {
                continue;
            }
            let garbled = shuffle_letters(line, &mut rng);
            m.shuffled += 1;
            if findings(&garbled, lang).1.is_empty() {
                if m.missed.len() < 5 {
                    m.missed.push(garbled);
                }
            } else {
                m.caught += 1;
            }
        }
    }
    m
}
