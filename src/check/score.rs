//! Quality scores from 0 to 100 (100: nothing found).
//!
//! Each finding takes away a share of what is left of the score of every
//! sentence it touches: `weight(severity) × confidence`, with weights
//! error 0.5, warning 0.2, info 0.02. A sentence's score is
//! `100 × Π (1 − weight × confidence)`. A file's score is the mean of its
//! sentences' scores weighted by their length in characters, times the same
//! product over the findings that lie outside every sentence. Scores are
//! rounded to one decimal.

use crate::report::finding::{Finding, Severity};

/// The share of the score that a finding of this severity, fully confident, takes away.
pub fn weight(severity: Severity) -> f64 {
    match severity {
        Severity::Error => 0.5,
        Severity::Warning => 0.2,
        Severity::Info => 0.02,
    }
}

fn factor(f: &Finding) -> f64 {
    1.0 - weight(f.severity) * f.confidence.clamp(0.0, 1.0)
}

/// Rounds a score to one decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Scores sentences and the file. `sentences` gives each sentence's byte
/// range and length in characters; `findings` are sorted by start.
pub fn score(
    sentences: &[(std::ops::Range<usize>, usize)],
    findings: &[Finding],
) -> (Vec<f64>, f64) {
    let mut factors = vec![1.0f64; sentences.len()];
    let mut outside = 1.0f64;
    for f in findings {
        let first = sentences.partition_point(|(r, _)| r.end <= f.start);
        let mut touched = false;
        let end = f.end.max(f.start + 1);
        for (i, (r, _)) in sentences.iter().enumerate().skip(first) {
            if r.start >= end {
                break;
            }
            factors[i] *= factor(f);
            touched = true;
        }
        if !touched {
            outside *= factor(f);
        }
    }
    let total: usize = sentences.iter().map(|(_, n)| *n).sum();
    let mean = if total == 0 {
        1.0
    } else {
        sentences
            .iter()
            .zip(&factors)
            .map(|((_, n), f)| *n as f64 * f)
            .sum::<f64>()
            / total as f64
    };
    let scores = factors.iter().map(|f| round1(100.0 * f)).collect();
    (scores, round1(100.0 * mean * outside))
}
