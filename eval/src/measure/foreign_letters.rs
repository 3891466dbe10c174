//! Measurements of `foreign-letters` on the clean corpora of `../shared/data`,
//! shared by `tests/foreign_letters.rs` (firm bounds) and
//! `examples/foreign_letters.rs` (the same numbers, printed).

use std::path::Path;

use crate::corpus;
use mtlint::{Config, Scanner};

/// The scanner running only `foreign-letters`, in a declared language or not.
fn scanner(lang: Option<&str>) -> Scanner {
    let config = Config::default().select(["foreign-letters"]);
    Scanner::new(match lang {
        Some(l) => config.language(l),
        None => config,
    })
    .expect("known rule ids")
}

/// False alarms on one clean corpus.
#[derive(Debug)]
pub struct FalseAlarms {
    /// Sentences read.
    pub sentences: usize,
    /// Findings (every one a false alarm, unless it is an error of the corpus).
    pub findings: usize,
    /// `doc:line «text» message` of each finding.
    pub examples: Vec<String>,
}

impl FalseAlarms {
    /// Findings per 1,000 sentences.
    pub fn per_k(&self) -> f64 {
        self.findings as f64 * 1000.0 / self.sentences.max(1) as f64
    }
}

/// Findings on the clean documents of `lang`, the language declared or
/// (`declared` false) detected.
pub fn false_alarms(dir: &Path, lang: &str, declared: bool) -> FalseAlarms {
    let scanner = scanner(declared.then_some(lang));
    let mut fa = FalseAlarms {
        sentences: 0,
        findings: 0,
        examples: Vec::new(),
    };
    for doc in corpus::documents(dir, lang).expect("corpus is readable") {
        let r = scanner.scan_file(&doc.name, &doc.text);
        fa.sentences += r.sentences.len();
        for f in &r.findings {
            fa.findings += 1;
            fa.examples.push(format!(
                "{}:{} «{}» {}",
                doc.name, f.line, f.text, f.message
            ));
        }
    }
    fa
}

/// Recall on synthetic garble: one line of a clean document altered, the
/// rest left clean, the language detected.
#[derive(Debug, Default)]
pub struct Recall {
    /// Lines altered.
    pub lines: usize,
    /// Altered lines with at least one finding on an altered word.
    pub lines_found: usize,
    /// Words altered.
    pub words: usize,
    /// Altered words flagged.
    pub words_found: usize,
    /// Flagged words whose fix restores the original word exactly.
    pub fixes_right: usize,
    /// Flagged words with a fix that does not.
    pub fixes_wrong: usize,
    /// Findings on words that were not altered.
    pub other_findings: usize,
}

impl Recall {
    /// Share of altered lines found.
    pub fn line_recall(&self) -> f64 {
        self.lines_found as f64 / self.lines.max(1) as f64
    }
    /// Share of altered words found.
    pub fn word_recall(&self) -> f64 {
        self.words_found as f64 / self.words.max(1) as f64
    }
}

/// Alters lines of the clean documents of `lang` with `alter` (which must
/// keep every byte offset: it swaps letters of equal UTF-8 length), scans
/// each altered document and counts what the rule finds on the altered line.
fn recall(dir: &Path, lang: &str, alter: impl Fn(&str, usize) -> Option<String>) -> Recall {
    let scanner = scanner(None);
    let mut r = Recall::default();
    let mut seed = 0usize;
    for doc in corpus::documents(dir, lang).expect("corpus is readable") {
        let lines: Vec<&str> = doc.text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            seed += 1;
            let Some(altered) = alter(line, seed) else {
                continue;
            };
            assert_eq!(altered.len(), line.len(), "alterations keep offsets");
            let mut text = String::new();
            for (j, l) in lines.iter().enumerate() {
                text.push_str(if j == i { &altered } else { l });
                text.push('\n');
            }
            // Altered words: their byte ranges in the line.
            let changed: Vec<std::ops::Range<usize>> = words(line)
                .into_iter()
                .filter(|w| line[w.clone()] != altered[w.clone()])
                .collect();
            if changed.is_empty() {
                continue;
            }
            r.lines += 1;
            r.words += changed.len();
            let start: usize = lines[..i].iter().map(|l| l.len() + 1).sum();
            let report = scanner.scan_file(&doc.name, &text);
            let mut line_found = false;
            // A finding hits the altered words its token overlaps (a token
            // may hold a hyphen or an apostrophe: `кто-то`).
            let mut hit_words = vec![false; changed.len()];
            for f in &report.findings {
                let overlaps =
                    |w: &std::ops::Range<usize>| f.start < start + w.end && start + w.start < f.end;
                let mut hit = false;
                for (k, w) in changed.iter().enumerate() {
                    if overlaps(w) {
                        hit_words[k] = true;
                        hit = true;
                    }
                }
                if !hit {
                    r.other_findings += 1;
                    if std::env::var_os("MTLINT_DEBUG").is_some() {
                        eprintln!("elsewhere: {} «{}» {}", doc.name, f.text, f.message);
                    }
                    continue;
                }
                line_found = true;
                if let Some(fix) = &f.fix {
                    // Offsets are kept, so the original is at the fix's range.
                    if fix.replacement == text_original(&lines, fix.start..fix.end) {
                        r.fixes_right += 1;
                    } else {
                        r.fixes_wrong += 1;
                        if std::env::var_os("MTLINT_DEBUG").is_some() {
                            eprintln!("wrong fix: «{}» → «{}»", f.text, fix.replacement);
                        }
                    }
                }
            }
            r.words_found += hit_words.iter().filter(|h| **h).count();
            if line_found {
                r.lines_found += 1;
            } else if std::env::var_os("MTLINT_DEBUG").is_some() {
                eprintln!("missed: {} {altered}", doc.name);
            }
        }
    }
    r
}

/// The bytes `range` of the unaltered document made of `lines`.
fn text_original(lines: &[&str], range: std::ops::Range<usize>) -> String {
    let mut text = String::new();
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text.get(range).unwrap_or("").to_string()
}

/// Byte ranges of the alphabetic words of a line.
fn words(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        let inside = c.is_alphabetic() || ('\u{064B}'..='\u{0652}').contains(&c);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..line.len());
    }
    out
}

/// Arabic lines typed on a Persian keyboard: every `ي` → `ی`, `ك` → `ک`.
pub fn persian_keyboard_recall(dir: &Path) -> Recall {
    recall(dir, "ar", |line, _| {
        line.contains(['ي', 'ك']).then(|| {
            line.chars()
                .map(|c| match c {
                    'ي' => 'ی',
                    'ك' => 'ک',
                    c => c,
                })
                .collect()
        })
    })
}

/// Russian lines with two letters replaced by Kazakh, Mongolian or
/// Ukrainian ones (`о→ө`, `у→ү`, `а→ә`, `к→қ`, `н→ң`, `г→ғ`, `и→і`, `е→є`),
/// at positions picked by a fixed pseudo-random sequence.
pub fn cyrillic_recall(dir: &Path) -> Recall {
    const SWAPS: &[(char, char)] = &[
        ('о', 'ө'),
        ('у', 'ү'),
        ('а', 'ә'),
        ('к', 'қ'),
        ('н', 'ң'),
        ('г', 'ғ'),
        ('и', 'і'),
        ('е', 'є'),
    ];
    recall(dir, "ru", |line, seed| {
        let spots: Vec<usize> = line
            .char_indices()
            .filter(|(_, c)| SWAPS.iter().any(|(from, _)| from == c))
            .map(|(i, _)| i)
            .collect();
        if spots.len() < 10 {
            return None;
        }
        let mut x = seed.wrapping_mul(2_654_435_761) % 1_000_003;
        let mut picks = Vec::new();
        for _ in 0..2 {
            x = (x * 48_271 + 11) % 2_147_483_647;
            picks.push(spots[x % spots.len()]);
        }
        Some(
            line.char_indices()
                .map(|(i, c)| match SWAPS.iter().find(|(from, _)| *from == c) {
                    Some(&(_, to)) if picks.contains(&i) => to,
                    _ => c,
                })
                .collect(),
        )
    })
}
