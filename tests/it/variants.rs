//! `variant-spelling` on `../shared/data` (NTREX-128 and UD PUD): its info
//! findings per 1,000 clean sentences stay under a firm bound per language,
//! and names respelled once in clean documents (a variant operation on one of
//! three or more occurrences, seeded) are found. Skipped, saying so, where
//! `../shared` is absent. `cargo run --release -p mtlint-eval --bin variants` prints
//! the same figures; `-- --show` lists the findings.
//!
//! The clean corpora are not free of variants: NTREX's Arabic reference
//! writes `الذى`/`الذي`, `بشان`/`بشأن`, `فيرجينيا`/`فرجينيا` in one
//! document, so the bounds are not zero.

mod support {
    pub use mtlint_eval::measure::variants as variants_measure;
}

use mtlint::rules::spelling::VariantSpelling;
use mtlint::rules::Rule;
use mtlint::text::Document;
use support::variants_measure::measure;

/// Measured: ar 9.58, en 0, fr 0.31, ru 1.96 findings per 1,000 sentences;
/// recall 38.8%, 95.2%, 97.4%, 98.1%.
fn check(lang: &str, max_per_1000: f64, min_recall: f64) {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let m = measure(&dir, lang);
    eprintln!(
        "{}: {} sentences, {} findings ({:.2} per 1,000); {} names respelled, {:.1}% found",
        m.lang,
        m.sentences,
        m.findings.len(),
        m.per_1000(),
        m.respelled,
        m.recall_pct()
    );
    assert!(m.sentences > 2500, "{lang}: only {} sentences", m.sentences);
    assert!(m.respelled >= 60, "{lang}: only {} respelled", m.respelled);
    assert!(
        m.per_1000() <= max_per_1000,
        "{lang}: {:.2} findings per 1,000 sentences: {:#?}",
        m.per_1000(),
        m.findings
    );
    assert!(
        m.recall_pct() >= min_recall,
        "{lang}: {:.1}% of respelled names found; missed: {:#?}",
        m.recall_pct(),
        m.missed
    );
}

#[test]
fn arabic() {
    check("ar", 12.0, 35.0);
}

#[test]
fn english() {
    check("en", 1.0, 92.0);
}

#[test]
fn french() {
    check("fr", 1.0, 94.0);
}

#[test]
fn russian() {
    check("ru", 3.0, 95.0);
}

/// Seed 001 (human-written) names Vladimir Putin `فلاديمير` three times and
/// `فيلاديمير` once, and writes `الروسى` once for `الروسي`.
#[test]
fn seed_001_pairs() {
    let text = include_str!("../../seeds/001_0841d1d4e73fe94a.txt");
    let doc = Document::new(text, None);
    let mut out = Vec::new();
    VariantSpelling.check(&doc, &mut out);
    let found: Vec<(&str, &str)> = out
        .iter()
        .map(|d| {
            (
                &text[d.range.clone()],
                d.fix.as_ref().map_or("", |f| f.replacement.as_str()),
            )
        })
        .collect();
    for pair in [("فيلاديمير", "فلاديمير"), ("الروسى", "روسي")] {
        assert!(found.contains(&pair), "{pair:?} not in {found:?}");
    }
}
