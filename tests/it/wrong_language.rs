//! `wrong-language` measured on `../shared/data`: lines of each of Arabic,
//! English, French and Russian spliced into documents of each other one
//! (NTREX and UD PUD are line-aligned), and the clean corpora for false
//! alarms. Targets (issue 3): at least 95% of spliced lines of eight words
//! or more found, per pair; at most 1 false alarm per 1,000 clean sentences
//! per language. Skipped, saying so, where `../shared` is absent.
//! `cargo run --release -p mtlint-eval --bin eval -- --splice` prints the same figures.

use mtlint_eval::corpus;

#[test]
fn spliced_sentences_are_found() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let mut failures = Vec::new();
    for (host, _, _) in corpus::LANGUAGES {
        for (guest, _, _) in corpus::LANGUAGES {
            if host == guest {
                continue;
            }
            let s = corpus::splice_score(&dir, host, guest).expect("corpus is readable");
            assert!(
                s.spliced > 150,
                "{guest} in {host}: only {} lines",
                s.spliced
            );
            let recall = s.found as f64 / s.spliced as f64;
            eprintln!(
                "{guest} in {host}: {}/{} found ({:.1}%), {} stray",
                s.found,
                s.spliced,
                100.0 * recall,
                s.stray
            );
            if recall < 0.95 {
                failures.push(format!("{guest} in {host}: {:.1}%", 100.0 * recall));
            }
        }
    }
    assert!(failures.is_empty(), "recall below 95%: {failures:?}");
}

#[test]
fn few_false_alarms_on_clean_text() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    for (lang, _, _) in corpus::LANGUAGES {
        let (sentences, alarms) = corpus::wrong_language_alarms(&dir, lang).expect("corpus");
        assert!(sentences > 2500, "{lang}: only {sentences} sentences");
        let per_k = alarms.len() as f64 * 1000.0 / sentences as f64;
        eprintln!(
            "{lang}: {} false alarms in {sentences} sentences ({per_k:.2}/1k)",
            alarms.len()
        );
        assert!(per_k <= 1.0, "{lang}: {per_k:.2} per 1,000: {alarms:#?}");
    }
}

/// Every sentence of the clean corpora gets its language, with the
/// document's language detected: the right one for at least 90% of them,
/// `null` (too short or unsure) for the rest but a handful, and another
/// language for at most 1 in 1,000 (the French sentence NTREX's Russian
/// reference really holds).
#[test]
fn clean_sentences_get_their_language() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    for (lang, _, _) in corpus::LANGUAGES {
        let (mut right, mut null, mut wrong) = (0usize, 0usize, Vec::new());
        for doc in corpus::documents(&dir, lang).expect("corpus is readable") {
            let d = mtlint::text::Document::new(&doc.text, None);
            for (s, l) in d.sentences.iter().zip(d.sentence_languages()) {
                match l.as_deref() {
                    Some(l) if l == *lang => right += 1,
                    None => null += 1,
                    Some(l) => wrong.push(format!(
                        "{} ({l}): {}",
                        doc.name,
                        &doc.text[s.range.clone()]
                    )),
                }
            }
        }
        let total = (right + null + wrong.len()) as f64;
        eprintln!("{lang}: {right} right, {null} null, {} other", wrong.len());
        assert!(right as f64 >= 0.9 * total, "{lang}: {right} of {total}");
        assert!(wrong.len() as f64 <= total / 1000.0, "{lang}: {wrong:#?}");
    }
}
