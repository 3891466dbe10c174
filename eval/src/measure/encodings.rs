//! How often the encoding of a file that is not UTF-8 is guessed right,
//! measured on `../shared/data`: clean Arabic, Russian and French sentences
//! written in Windows-1256, Windows-1251 and Windows-1252 with `encoding_rs`,
//! one sentence a file and ten consecutive sentences a file. Shared by
//! `tests/encoding_detection.rs` (firm bounds) and `examples/encodings.rs`
//! (the same numbers, printed).

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus;
use mtlint::read::decode::{decode, encode, Encoding};

/// The language, its code page, and the corpus lines.
pub const CASES: &[(&str, &str)] = &[
    ("ar", "windows-1256"),
    ("ru", "windows-1251"),
    ("fr", "windows-1252"),
    // Other code pages of the same languages: the tie-break towards the
    // three above must not take them over.
    ("ar", "ISO-8859-6"),
    ("ru", "KOI8-R"),
    ("ru", "IBM866"),
];

/// The figures of one language and file size.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// Language code.
    pub lang: String,
    /// The code page the files were written in.
    pub code_page: String,
    /// Sentences per file (1 or 10).
    pub size: usize,
    /// Files that are not UTF-8 once written in the code page.
    pub files: usize,
    /// Files skipped: pure ASCII (valid UTF-8, nothing to detect) or a
    /// character the code page cannot write.
    pub skipped: usize,
    /// Files whose encoding was guessed right.
    pub right: usize,
    /// Of those, files decoded back to the exact original text.
    pub exact: usize,
    /// Wrong guesses that still decoded to the original text (the code
    /// pages agree on every byte of the file).
    pub same_text: usize,
    /// The wrong guesses that garbled the text, by encoding name.
    pub wrong: BTreeMap<String, usize>,
}

impl Row {
    /// Share of the files read back as their original text (the right
    /// code page, or one that agrees with it on every byte of the file), in
    /// percent.
    pub fn rate(&self) -> f64 {
        100.0 * (self.exact + self.same_text) as f64 / self.files.max(1) as f64
    }
}

/// The lines of one language's clean corpora (NTREX and PUD), in order.
fn lines(dir: &Path, lang: &str) -> Vec<String> {
    let docs = corpus::documents(dir, lang).expect("the corpus reads");
    docs.iter()
        .flat_map(|d| d.text.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// Measures every language at 1 and 10 sentences a file.
pub fn measure(dir: &Path) -> Vec<Row> {
    let mut rows = Vec::new();
    for (lang, code_page) in CASES {
        let enc = Encoding::from_label(code_page).expect("a known code page");
        let lines = lines(dir, lang);
        for size in [1, 10] {
            let mut row = Row {
                lang: lang.to_string(),
                code_page: code_page.to_string(),
                size,
                ..Row::default()
            };
            for chunk in lines.chunks(size) {
                let text: String = chunk.iter().map(|l| format!("{l}\n")).collect();
                let Ok(bytes) = encode(&text, enc) else {
                    row.skipped += 1;
                    continue;
                };
                if text.is_ascii() {
                    row.skipped += 1;
                    continue;
                }
                row.files += 1;
                let d = decode(&bytes).expect("text is never binary");
                if d.encoding == enc {
                    row.right += 1;
                    row.exact += usize::from(d.text == text);
                } else {
                    if d.text == text {
                        row.same_text += 1;
                        continue;
                    }
                    if std::env::var_os("SHOW_WRONG").is_some() {
                        eprintln!("{} {lang}: {}", d.encoding.name(), text.trim_end());
                    }
                    *row.wrong.entry(d.encoding.name().to_string()).or_default() += 1;
                }
            }
            rows.push(row);
        }
    }
    rows
}
