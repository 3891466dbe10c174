//! How well the file score separates clean text from the same text with
//! one artifact injected, on `../shared/data`: for every clean document of a
//! language (NTREX documents, PUD chunks of 25 lines), one copy per kind of
//! artifact with one line of it broken, all scanned with every rule and the
//! language detected, as `mtlint score` does. The ROC AUC is the chance
//! that a broken copy scores below a clean document (ties count half).
//! Printed by `cargo run --release -p mtlint-eval --bin score_auc`.

use std::path::Path;

use crate::corpus::{self, XorShift};
use crate::measure::{gibberish, loops, mojibake};
use mtlint::Scanner;

/// The kinds of artifact, each injected into one line of a document.
///
/// - `garble`: the parallel line of a language of another script, its
///   letters shuffled in every word (the mash of seed 000);
/// - `mojibake`: the line's UTF-8 read through Windows-1252;
/// - `wrong-language`: the parallel line of another language (English, or
///   French in English text), left untranslated;
/// - `loop`: a word, phrase, chain, glued piece or sentence repeated
///   (`measure::loops`);
/// - `glued`: the line glued to the next one, no space after its full stop;
/// - `joined`: the space between two words of the line removed;
/// - `lost`: two to four letters of a word lost in decoding (U+FFFD each).
pub const KINDS: &[&str] = &[
    "garble",
    "mojibake",
    "wrong-language",
    "loop",
    "glued",
    "joined",
    "lost",
];

/// The scores of one language.
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Language code.
    pub lang: String,
    /// The clean documents' scores.
    pub clean: Vec<f64>,
    /// Per kind (index into [`KINDS`]): the broken copies' scores.
    pub broken: Vec<Vec<f64>>,
    /// The lowest-scoring clean documents and the highest-scoring broken
    /// copies, for `--show`.
    pub examples: Vec<String>,
}

impl Measure {
    /// The ROC AUC of one kind, or of every kind (`None`).
    pub fn auc(&self, kind: Option<usize>) -> f64 {
        let broken: Vec<f64> = match kind {
            Some(k) => self.broken[k].clone(),
            None => self.broken.concat(),
        };
        auc(&self.clean, &broken)
    }

    /// How many broken copies were made, over every kind.
    pub fn broken_count(&self) -> usize {
        self.broken.iter().map(Vec::len).sum()
    }
}

/// The chance that a score of `broken` is below one of `clean`, ties
/// counting half (the Mann-Whitney form of the ROC AUC); 0.5 when either is
/// empty.
pub fn auc(clean: &[f64], broken: &[f64]) -> f64 {
    if clean.is_empty() || broken.is_empty() {
        return 0.5;
    }
    let mut sorted = clean.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut wins = 0.0;
    for b in broken {
        let below = sorted.partition_point(|c| c < b);
        let tied = sorted.partition_point(|c| c <= b) - below;
        wins += (sorted.len() - below - tied) as f64 + tied as f64 / 2.0;
    }
    wins / (clean.len() * broken.len()) as f64
}

/// The language whose parallel line is a wrong-language artifact in `lang`.
fn other_language(lang: &str) -> &'static str {
    if lang == "en" {
        "fr"
    } else {
        "en"
    }
}

/// The language of another script whose shuffled line is garble in `lang`.
fn other_script(lang: &str) -> &'static str {
    if lang == "ru" {
        "ar"
    } else {
        "ru"
    }
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// `line` with a space between two words of letters removed.
fn join_words(line: &str, rng: &mut XorShift) -> Option<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let plain = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
    let at: Vec<usize> = (1..words.len())
        .filter(|&i| plain(words[i - 1]) && plain(words[i]))
        .collect();
    let i = *at.get(rng.below(at.len().max(1)))?;
    Some(
        format!(
            "{} {}{} {}",
            words[..i - 1].join(" "),
            words[i - 1],
            words[i],
            words[i + 1..].join(" ")
        )
        .trim()
        .to_string(),
    )
}

/// `line` with two to four letters inside a word of five or more lost.
fn lose_letters(line: &str, rng: &mut XorShift) -> Option<String> {
    let words: Vec<(usize, &str)> = line
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic))
        .collect();
    let (start, word) = *words.get(rng.below(words.len().max(1)))?;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let n = 2 + rng.below(3).min(chars.len() - 4);
    let from = 1 + rng.below(chars.len() - n - 1);
    let a = start + chars[from].0;
    let b = start + chars.get(from + n).map_or(word.len(), |c| c.0);
    Some(format!(
        "{}{}{}",
        &line[..a],
        "\u{FFFD}".repeat(n),
        &line[b..]
    ))
}

/// The document `lines` with artifact `kind` injected at line `i`; `guest`
/// and `script` are the parallel lines of the wrong-language and garble
/// sources. `None` when the line cannot carry it.
fn inject(
    lines: &[&str],
    i: usize,
    kind: &str,
    guest: &[&str],
    script: &[&str],
    rng: &mut XorShift,
) -> Option<String> {
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let line = lines[i];
    match kind {
        "garble" => {
            let g = script.get(i).filter(|g| word_count(g) >= 6)?;
            out[i] = gibberish::shuffle_letters(g, rng);
        }
        "mojibake" => {
            out[i] = mojibake::garble(line, "Windows-1252").filter(|m| m != line)?;
        }
        "wrong-language" => {
            out[i] = guest.get(i).filter(|g| word_count(g) >= 6)?.to_string();
        }
        "loop" => {
            let kind = rng.below(loops::KINDS.len());
            out[i] = loops::inject(line, kind, rng)?.0;
        }
        "glued" => {
            let next = lines.get(i + 1).filter(|n| !n.trim().is_empty())?;
            if !line.trim_end().ends_with(['.', '!', '?', '؟']) {
                return None;
            }
            out[i] = format!("{}{}", line.trim_end(), next.trim_start());
            out.remove(i + 1);
        }
        "joined" => out[i] = join_words(line, rng)?,
        _ => out[i] = lose_letters(line, rng)?,
    }
    Some(out.iter().map(|l| format!("{l}\n")).collect())
}

/// Scores the clean documents of `lang` and one broken copy of each per
/// kind, with `scanner`.
pub fn measure_with(dir: &Path, lang: &str, scanner: &Scanner) -> Measure {
    let docs = corpus::documents(dir, lang).expect("corpus is readable");
    let guests = corpus::documents(dir, other_language(lang)).expect("corpus is readable");
    let scripts = corpus::documents(dir, other_script(lang)).expect("corpus is readable");
    let mut m = Measure {
        lang: lang.to_string(),
        broken: vec![Vec::new(); KINDS.len()],
        ..Measure::default()
    };
    let mut rng = XorShift::new(0x5C0_7E5);
    let mut worst_clean = Vec::new();
    let mut best_broken = Vec::new();
    for ((doc, guest), script) in docs.iter().zip(&guests).zip(&scripts) {
        let score = |text: &str| scanner.scan_file(&doc.name, text).score;
        let clean = score(&doc.text);
        m.clean.push(clean);
        worst_clean.push((clean, doc.name.clone()));
        let lines: Vec<&str> = doc.text.lines().collect();
        let guest: Vec<&str> = guest.text.lines().collect();
        let script: Vec<&str> = script.text.lines().collect();
        let candidates: Vec<usize> = (0..lines.len())
            .filter(|&i| word_count(lines[i]) >= 6)
            .collect();
        for (k, kind) in KINDS.iter().enumerate() {
            // The first line, from a random one, that can carry the artifact.
            let start = rng.below(candidates.len().max(1));
            let broken = (0..candidates.len()).find_map(|j| {
                let i = candidates[(start + j) % candidates.len()];
                inject(&lines, i, kind, &guest, &script, &mut rng).map(|t| (i, t))
            });
            if let Some((i, text)) = broken {
                let s = score(&text);
                m.broken[k].push(s);
                best_broken.push((s, format!("{kind} {}:{}", doc.name, i + 1)));
            }
        }
    }
    worst_clean.sort_by(|a, b| a.0.total_cmp(&b.0));
    best_broken.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (s, name) in worst_clean.iter().take(8) {
        m.examples.push(format!("clean {s:5.1} {name}"));
    }
    for (s, name) in best_broken.iter().take(12) {
        m.examples.push(format!("broken {s:5.1} {name}"));
    }
    m
}

/// [`measure_with`] the default scanner: every rule, the language detected.
pub fn measure(dir: &Path, lang: &str) -> Measure {
    measure_with(dir, lang, &Scanner::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_counts_wins_and_half_ties() {
        assert_eq!(auc(&[100.0, 90.0], &[50.0]), 1.0);
        assert_eq!(auc(&[100.0], &[100.0]), 0.5);
        assert_eq!(auc(&[80.0, 100.0], &[90.0, 100.0]), 0.375);
        assert_eq!(auc(&[], &[1.0]), 0.5);
    }

    #[test]
    fn injections_break_one_line() {
        let mut rng = XorShift::new(7);
        let joined = join_words("the minister said that talks go on", &mut rng).unwrap();
        assert_eq!(joined.split(' ').count(), 6, "{joined}");
        let lost = lose_letters("the minister said that talks", &mut rng).unwrap();
        assert!(lost.contains("\u{FFFD}\u{FFFD}"), "{lost}");
        assert_eq!(
            lost.chars().count(),
            "the minister said that talks".chars().count()
        );
        let lines = [
            "One two three four five six.",
            "Seven eight nine ten eleven.",
        ];
        let glued = inject(&lines, 0, "glued", &[], &[], &mut rng).unwrap();
        assert_eq!(
            glued,
            "One two three four five six.Seven eight nine ten eleven.\n"
        );
    }
}
