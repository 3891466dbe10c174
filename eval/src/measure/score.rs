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
/// - `joined`: the space between two words removed in three lines, from
///   this one on ([`JOINS`]);
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

/// How many lines of a copy of kind `joined` lose a space: one join alone
/// is a slip that people make too (human seed 002 has one), a few are the
/// trace of machine translation (seed 003 has five in 21 sentences).
pub const JOINS: usize = 3;

/// The scores of one language.
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Language code.
    pub lang: String,
    /// The clean documents' scores.
    pub clean: Vec<f64>,
    /// Per kind (index into [`KINDS`]): the broken copies' scores.
    pub broken: Vec<Vec<f64>>,
    /// [`Measure::clean`] and [`Measure::broken`] by the score before issue
    /// 20 ([`severity_score`]).
    pub clean_before: Vec<f64>,
    /// The broken copies' scores before issue 20, per kind.
    pub broken_before: Vec<Vec<f64>>,
    /// Per kind: how many broken copies have a finding their clean
    /// document lacks (the artifact was seen at all).
    pub seen: Vec<usize>,
    /// Documents left out for a confirmed defect of their own (`eval/errata`).
    pub defective: usize,
    /// A few broken copies with no new finding, for `--show`.
    pub missed: Vec<String>,
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

    /// The ROC AUC of the score before issue 20, over every kind.
    pub fn auc_before(&self) -> f64 {
        auc(&self.clean_before, &self.broken_before.concat())
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

/// The score before issue 20, for comparison: every finding takes
/// `weight(severity) × confidence` (error 0.5, warning 0.2, info 0.02) off
/// each sentence it touches, and the file scores the length-weighted mean
/// of its sentences times the same product over the findings outside
/// every sentence. Plain text only (sentences in the file's byte order).
pub fn severity_score(file: &mtlint::FileReport) -> f64 {
    let weight = |f: &mtlint::Finding| {
        let w = match f.severity {
            mtlint::Severity::Error => 0.5,
            mtlint::Severity::Warning => 0.2,
            mtlint::Severity::Info => 0.02,
        };
        1.0 - w * f.confidence.clamp(0.0, 1.0)
    };
    let mut factors = vec![1.0f64; file.sentences.len()];
    let mut outside = 1.0;
    for f in &file.findings {
        let end = f.end.max(f.start + 1);
        let mut touched = false;
        for (i, s) in file.sentences.iter().enumerate() {
            if s.start < end && f.start < s.end {
                factors[i] *= weight(f);
                touched = true;
            }
        }
        if !touched {
            outside *= weight(f);
        }
    }
    let chars: Vec<usize> = file
        .sentences
        .iter()
        .map(|s| file.source[s.start..s.end].chars().count())
        .collect();
    let total: usize = chars.iter().sum();
    let mean = if total == 0 {
        1.0
    } else {
        chars
            .iter()
            .zip(&factors)
            .map(|(n, f)| *n as f64 * f)
            .sum::<f64>()
            / total as f64
    };
    (1000.0 * mean * outside).round() / 10.0
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
        "joined" => {
            // Three lines from this one on, each with two words joined.
            let mut joined = 0;
            for j in i..lines.len() {
                if joined < JOINS && word_count(lines[j]) >= 6 {
                    if let Some(l) = join_words(lines[j], rng) {
                        out[j] = l;
                        joined += 1;
                    }
                }
            }
            if joined < JOINS {
                return None;
            }
        }
        _ => out[i] = lose_letters(line, rng)?,
    }
    Some(out.iter().map(|l| format!("{l}\n")).collect())
}

/// `text` with a typographic habit of people's writing: a space before
/// every comma (`word , word`), as much Arabic web text has.
pub fn with_habit(text: &str) -> String {
    text.replace(", ", " , ").replace("، ", " ، ")
}

/// Scores the clean documents of `lang` and one broken copy of each per
/// kind, with `scanner`. With `habits`, every other document, clean and
/// broken copies alike, has a space before every comma ([`with_habit`]):
/// a habit must not weigh like an artifact.
pub fn measure_with(dir: &Path, lang: &str, scanner: &Scanner, habits: bool) -> Measure {
    let docs = corpus::documents(dir, lang).expect("corpus is readable");
    let guests = corpus::documents(dir, other_language(lang)).expect("corpus is readable");
    let scripts = corpus::documents(dir, other_script(lang)).expect("corpus is readable");
    let mut m = Measure {
        lang: lang.to_string(),
        broken: vec![Vec::new(); KINDS.len()],
        broken_before: vec![Vec::new(); KINDS.len()],
        seen: vec![0; KINDS.len()],
        ..Measure::default()
    };
    let mut rng = XorShift::new(0x5C0_7E5);
    let mut worst_clean = Vec::new();
    let mut best_broken = Vec::new();
    let errata = corpus::errata(lang).expect("errata are readable");
    for ((doc, guest), script) in docs.iter().zip(&guests).zip(&scripts) {
        // A document with a confirmed defect of its own is not clean text.
        if errata.iter().any(|e| e.doc == doc.name) {
            m.defective += 1;
            continue;
        }
        let habit = habits && m.clean.len() % 2 == 1;
        let scan = |text: &str| {
            let text = if habit {
                with_habit(text)
            } else {
                text.to_string()
            };
            scanner.scan_file(&doc.name, &text)
        };
        let report = scan(&doc.text);
        let clean = report.score;
        m.clean_before.push(severity_score(&report));
        let key = |f: &mtlint::Finding| format!("{} {}", f.rule, f.text);
        let known: std::collections::HashSet<String> = report.findings.iter().map(key).collect();
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
                let r = scan(&text);
                let s = r.score;
                let seen = r.findings.iter().any(|f| !known.contains(&key(f)));
                m.seen[k] += usize::from(seen);
                if !seen && m.missed.iter().filter(|x| x.starts_with(kind)).count() < 4 {
                    let line = text.lines().nth(i).unwrap_or_default();
                    m.missed
                        .push(format!("{kind} {}:{} {line}", doc.name, i + 1));
                }
                m.broken[k].push(s);
                m.broken_before[k].push(severity_score(&r));
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
pub fn measure(dir: &Path, lang: &str, habits: bool) -> Measure {
    measure_with(dir, lang, &Scanner::default(), habits)
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
