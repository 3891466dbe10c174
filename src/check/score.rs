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

/// [`score`] for a file whose sentences are not in the order of its bytes
/// (the prose of markup, where an image's `alt` text follows its
/// paragraph): each finding weighs on the sentence its start is in
/// ([`Finding::sentence`]), given the length in characters of every
/// sentence.
pub fn score_by_sentence(chars: &[usize], findings: &[Finding]) -> (Vec<f64>, f64) {
    let mut factors = vec![1.0f64; chars.len()];
    let mut outside = 1.0f64;
    for f in findings {
        match f.sentence.and_then(|i| factors.get_mut(i)) {
            Some(x) => *x *= factor(f),
            None => outside *= factor(f),
        }
    }
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
    let scores = factors.iter().map(|f| round1(100.0 * f)).collect();
    (scores, round1(100.0 * mean * outside))
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

#[cfg(test)]
mod tests {
    use crate::Scanner;

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
