//! Quality scores from 0 to 100: how much of a text is broken (100:
//! nothing found).
//!
//! A finding's damage is `d = harm weight × severity factor × confidence`:
//! the weight of its rule's [`Harm`] (garble and corruption 1.0 down to a
//! typographic habit 0.1, see the table of [`Harm`]), the factor of its
//! severity (error 1, warning 0.5, info 0.2).
//!
//! - A **sentence** scores `100 × Π (1 − d)` over the findings that touch it.
//! - A **file** scores `100 × extent × presence`, at most the cap of its
//!   errors:
//!   - *extent*: the mean over its sentences, weighted by their length in
//!     characters, of `Π (1 − d)` over the findings that break text (every
//!     harm but `habit` and `none`): the share of the text left whole;
//!   - *presence*: `Π over harms (1 − ½ × D)`, where a harm's findings,
//!     sorted by damage `d₁ ≥ d₂ ≥ …`, give `D = 1 − Π (1 − dₖ × ½^(k−1))`:
//!     each kind of harm counts in full once, and each further finding of
//!     it half as much as the one before, so a habit repeated through a
//!     file weighs about twice one slip, never fifty;
//!   - *cap*: a file with an error scores at most `100 − 60 × c`, `c` the
//!     highest confidence of its errors (43 for a confident error).
//!
//! Scores are rounded to one decimal. `mtlint explain score` prints this
//! model.

use std::ops::Range;

use crate::report::finding::{Finding, Severity};
use crate::rules::Harm;

/// The documentation of the score, which `mtlint explain score` prints
/// after a table of the harms and their rules.
pub const EXPLANATION: &str = r#"## What it measures
How much of a text is broken, from 0 to 100: 100 when nothing is found. It
ranks files for review (`mtlint score`) and fails CI under a threshold
(`--fail-under`). A finding weighs by what it means, not by how often a
habit repeats: one line of garble weighs more than a comma slip in every
sentence.

## The model
Each finding has a damage, from 0 to 1:

```text
d = weight(harm of its rule) × factor(severity) × confidence
factor: error 1, warning 0.5, info 0.2
```

A sentence scores `100 × Π (1 − d)` over the findings that touch it.

A file scores

```text
score  = min(cap, 100 × extent × presence)
extent = Σ (sentence length × Π (1 − d) over its findings that break text)
         / Σ sentence lengths
presence = Π over harms (1 − ½ × D),  D = 1 − Π_k (1 − d_k × ½^(k−1))
cap    = 100 − 60 × c, c the highest confidence of the file's errors
         (100 without an error)
```

- *extent* is the share of the text left whole, lengths in characters.
  Every harm breaks text but `habit` and `none`: a space before a comma
  breaks nothing.
- *presence* counts each kind of harm once: its findings sorted by damage,
  `d_1 ≥ d_2 ≥ …`, the first in full, each next one half the weight of the
  one before. A habit repeated through a file weighs about twice one slip,
  never fifty slips; one line of garble halves the score.
- *cap*: an error means garble; no file with a confident error scores
  above 43, whatever its length.

Scores are rounded to one decimal. Suppressed findings do not count; a
rule given another severity in the configuration (`[severity]`) weighs at
that severity.

## Example
`mtlint score seeds/`: the machine-translated seed 000 (a line of Cyrillic
garble, errors) scores 16.8 and seed 003 (a space before every comma, glued
sentences, joined words, unpaired quotes) 58.0, below the human-written 002
(83.8), 004 (86.8) and 001 (97.1); after `--fix` they score 16.9, 74.7,
91.8, 86.8 and 98.8.

## Limits
- The score sees what the rules find: an artifact no rule finds costs
  nothing. On clean news with one artifact injected (`score_auc`, see
  docs/measurements.md) it separates what the rules find almost perfectly;
  a single pair of joined words or glued sentences is often not found.
- Text repaired by the unsafe fixes scores as clean text: machine
  translation without a visible defect is not broken text.
"#;

/// How much of its harm's weight a finding of this severity carries.
pub fn severity_factor(severity: Severity) -> f64 {
    match severity {
        Severity::Error => 1.0,
        Severity::Warning => 0.5,
        Severity::Info => 0.2,
    }
}

/// The share of the sentences it touches that a finding breaks:
/// `harm weight × severity factor × confidence`, from 0 to 1.
pub fn damage(harm: Harm, severity: Severity, confidence: f64) -> f64 {
    harm.weight() * severity_factor(severity) * confidence.clamp(0.0, 1.0)
}

/// How much of the file score the presence of a harm can take away, at
/// most (one finding of damage 1 takes this share).
pub const PRESENCE: f64 = 0.5;

/// Each further finding of a harm weighs this share of the one before.
pub const REPEAT: f64 = 0.5;

/// A file with an error of confidence `c` scores at most `100 − CAP × c`.
pub const CAP: f64 = 60.0;

/// Rounds a score to one decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// One finding as the score reads it: the sentences it touches (indices;
/// empty when it lies outside every sentence), its harm, severity and
/// confidence.
struct Weighed {
    sentences: Range<usize>,
    harm: Harm,
    severity: Severity,
    confidence: f64,
}

impl Weighed {
    fn new(f: &Finding, harm: Harm, sentences: Range<usize>) -> Self {
        Self {
            sentences,
            harm,
            severity: f.severity,
            confidence: f.confidence.clamp(0.0, 1.0),
        }
    }

    fn damage(&self) -> f64 {
        damage(self.harm, self.severity, self.confidence)
    }
}

/// The sentence scores and the file score of the model in the module's
/// documentation, `chars` giving each sentence's length in characters.
fn model(chars: &[usize], findings: &[Weighed]) -> (Vec<f64>, f64) {
    let mut whole = vec![1.0f64; chars.len()];
    let mut unbroken = vec![1.0f64; chars.len()];
    let mut by_harm: Vec<Vec<f64>> = vec![Vec::new(); Harm::ALL.len()];
    let mut cap = 100.0f64;
    for f in findings {
        let d = f.damage();
        for i in f.sentences.clone() {
            whole[i] *= 1.0 - d;
            if f.harm.breaks_text() {
                unbroken[i] *= 1.0 - d;
            }
        }
        if let Some(k) = Harm::ALL.iter().position(|h| *h == f.harm) {
            by_harm[k].push(d);
        }
        if f.severity == Severity::Error {
            cap = cap.min(100.0 - CAP * f.confidence);
        }
    }
    let total: usize = chars.iter().sum();
    let extent = if total == 0 {
        1.0
    } else {
        chars
            .iter()
            .zip(&unbroken)
            .map(|(n, u)| *n as f64 * u)
            .sum::<f64>()
            / total as f64
    };
    let presence: f64 = by_harm
        .iter_mut()
        .map(|ds| {
            ds.sort_by(|a, b| b.total_cmp(a));
            let mut left = 1.0;
            let mut share = 1.0;
            for d in ds.iter() {
                left *= 1.0 - d * share;
                share *= REPEAT;
            }
            1.0 - PRESENCE * (1.0 - left)
        })
        .product();
    let scores = whole.iter().map(|w| round1(100.0 * w)).collect();
    (scores, round1((100.0 * extent * presence).min(cap)))
}

/// [`score`] for a file whose sentences are not in the order of its bytes
/// (the prose of markup, where an image's `alt` text follows its
/// paragraph): each finding weighs on the sentence its start is in
/// ([`Finding::sentence`]), given the length in characters of every
/// sentence and the harm of each finding's rule.
pub fn score_by_sentence(
    chars: &[usize],
    findings: &[Finding],
    harm: impl Fn(&Finding) -> Harm,
) -> (Vec<f64>, f64) {
    let weighed: Vec<Weighed> = findings
        .iter()
        .map(|f| {
            let touched = match f.sentence.filter(|i| *i < chars.len()) {
                Some(i) => i..i + 1,
                None => 0..0,
            };
            Weighed::new(f, harm(f), touched)
        })
        .collect();
    model(chars, &weighed)
}

/// Scores sentences and the file. `sentences` gives each sentence's byte
/// range and length in characters; `findings` are sorted by start; `harm`
/// gives the harm of a finding's rule.
pub fn score(
    sentences: &[(Range<usize>, usize)],
    findings: &[Finding],
    harm: impl Fn(&Finding) -> Harm,
) -> (Vec<f64>, f64) {
    let weighed: Vec<Weighed> = findings
        .iter()
        .map(|f| {
            let first = sentences.partition_point(|(r, _)| r.end <= f.start);
            let end = f.end.max(f.start + 1);
            let last = first + sentences[first..].partition_point(|(r, _)| r.start < end);
            Weighed::new(f, harm(f), first..last)
        })
        .collect();
    let chars: Vec<usize> = sentences.iter().map(|(_, n)| *n).collect();
    model(&chars, &weighed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    /// A finding of `rule` over `range`, at `severity` with confidence 0.9.
    fn finding(rule: &str, range: Range<usize>, severity: Severity) -> Finding {
        let mut f = Scanner::default()
            .scan_file("a.txt", "قال بوتين ، اليوم.")
            .findings
            .remove(0);
        (f.rule, f.start, f.end, f.severity, f.confidence) =
            (rule.into(), range.start, range.end, severity, 0.9);
        f
    }

    fn harm(f: &Finding) -> Harm {
        crate::rules::find_meta(&f.rule).map_or(Harm::None, |m| m.harm)
    }

    /// Fifty sentences of 40 bytes and characters each.
    fn sentences() -> Vec<(Range<usize>, usize)> {
        (0..50).map(|i| (i * 40..i * 40 + 40, 40)).collect()
    }

    #[test]
    fn a_habit_counts_once_not_once_a_sentence() {
        let slip = |i: usize| {
            finding(
                "space-before-punctuation",
                i * 40..i * 40 + 1,
                Severity::Warning,
            )
        };
        let one = score(&sentences(), &[slip(0)], harm).1;
        let fifty: Vec<Finding> = (0..50).map(slip).collect();
        let all = score(&sentences(), &fifty, harm).1;
        assert!(one < 100.0 && all < one, "{one} {all}");
        // Fifty slips weigh no more than twice one (give or take rounding).
        assert!(100.0 - all <= 2.0 * (100.0 - one) + 0.1, "{one} {all}");
        assert!(all > 95.0, "{all}");
    }

    #[test]
    fn one_garble_line_weighs_more_than_every_habit_and_an_error_caps() {
        let mut habits = Vec::new();
        for i in 0..50 {
            for rule in [
                "space-before-punctuation",
                "repeated-punctuation",
                "variant-spelling",
            ] {
                habits.push(finding(rule, i * 40 + 2..i * 40 + 3, Severity::Warning));
            }
        }
        let habits = score(&sentences(), &habits, harm).1;
        let garble = [finding("gibberish", 400..440, Severity::Warning)];
        let garble_warning = score(&sentences(), &garble, harm).1;
        assert!(garble_warning < habits, "{garble_warning} {habits}");
        let error = [finding("foreign-script-run", 400..440, Severity::Error)];
        let (sentence_scores, capped) = score(&sentences(), &error, harm);
        assert_eq!(capped, round1(100.0 - CAP * 0.9));
        assert_eq!(sentence_scores[10], 10.0);
        assert_eq!(sentence_scores[11], 100.0);
        // Even a typographic rule set to error caps the file.
        let strict = [finding("space-before-punctuation", 0..1, Severity::Error)];
        assert_eq!(
            score(&sentences(), &strict, harm).1,
            round1(100.0 - CAP * 0.9)
        );
    }

    #[test]
    fn the_extent_grows_with_the_broken_share_of_the_text() {
        let lines = |n: usize| -> Vec<Finding> {
            (0..n)
                .map(|i| finding("wrong-language", i * 40..i * 40 + 40, Severity::Warning))
                .collect()
        };
        let s: Vec<f64> = [1, 5, 25, 50]
            .iter()
            .map(|&n| score(&sentences(), &lines(n), harm).1)
            .collect();
        assert!(s.windows(2).all(|w| w[1] < w[0]), "{s:?}");
        // Findings outside every sentence count once, by their harm.
        let outside = [finding("markup-error", 5000..5001, Severity::Warning)];
        assert!(score(&sentences(), &outside, harm).1 < 100.0);
        assert_eq!(score(&sentences(), &[], harm), (vec![100.0; 50], 100.0));
    }

    #[test]
    fn markup_sentences_out_of_file_order_are_scored_by_index() {
        // The `alt` text, a sentence after its paragraph, holds the error.
        let page = "<p>قال الوزير إن القوات <img src=\"a.png\" alt=\"صورة ، هنا\"> وصلت.</p>";
        let file = Scanner::default().scan_file("p.html", page);
        let scores: Vec<f64> = file.sentences.iter().map(|s| s.score).collect();
        assert_eq!(scores.len(), 2, "{:?}", file.sentences);
        assert_eq!(scores[0], 100.0);
        assert!(scores[1] < 100.0, "{scores:?}");
        assert!(file.score < 100.0 && file.score > scores[1]);
    }
}
