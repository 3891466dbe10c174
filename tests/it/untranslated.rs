//! The transliteration matcher of `untranslated-term` on name lists built
//! from the parallel corpora of `../shared/data` (NTREX-128 and UD PUD), and
//! the rule's findings on the clean corpora. Skipped, saying so, where
//! `../shared` is absent. `cargo run --release -p mtlint-eval --bin untranslated`
//! prints the same figures.
//!
//! Every Capitalized word of the source side (not first in its line) is
//! looked up among the words of the aligned target document. A proposal is
//! judged right when its stem is in a target line aligned with a source line
//! holding the term; the same term is also looked up in an unaligned
//! document that does not hold it, where every proposal is wrong.

use mtlint::language::translit::{Target, TermScript};
use mtlint::{Config, Scanner, Severity};
use mtlint_eval::corpus;
use mtlint_eval::translit as eval;

fn texts(dir: &std::path::Path, lang: &str) -> Vec<String> {
    corpus::documents(dir, lang)
        .expect("corpus is readable")
        .into_iter()
        .map(|d| d.text)
        .collect()
}

#[test]
fn matcher_precision_recall_and_false_matches() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let (en, ar, ru) = (texts(&dir, "en"), texts(&dir, "ar"), texts(&dir, "ru"));
    for (name, src, tgt, s, t) in [
        ("en→ar", &en, &ar, TermScript::Latin, Target::Arabic),
        ("ru→ar", &ru, &ar, TermScript::Cyrillic, Target::Arabic),
        ("en→ru", &en, &ru, TermScript::Latin, Target::Cyrillic),
    ] {
        let r = eval::run(src, tgt, s, t);
        eprintln!(
            "{name}: {} terms, {} proposals, precision {:.3}, recall {:.3}, false matches {:.4}",
            r.terms,
            r.proposals,
            r.precision(),
            r.recall(),
            r.false_match_rate()
        );
        assert!(r.terms > 3000, "{name}: only {} terms", r.terms);
        assert!(r.precision() >= 0.96, "{name}: {:?}", r.unconfirmed);
        assert!(r.recall() >= 0.34, "{name}: recall {:.3}", r.recall());
        assert!(r.false_match_rate() <= 0.02, "{name}: {:?}", r.spurious);
    }
}

#[test]
fn rule_warnings_on_clean_text_are_near_zero() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    for (lang, _, _) in corpus::LANGUAGES {
        let scanner = Scanner::new(
            Config::default()
                .language(*lang)
                .select(["untranslated-term"]),
        )
        .expect("known rule ids");
        let (mut sentences, mut warnings, mut infos) = (0, Vec::new(), 0);
        for doc in corpus::documents(&dir, lang).expect("corpus is readable") {
            let r = scanner.scan_file(&doc.name, &doc.text);
            sentences += r.sentences.len();
            for f in r.findings {
                match f.severity {
                    Severity::Info => infos += 1,
                    _ => warnings.push(format!("{}: {}", doc.name, f.message)),
                }
            }
        }
        let per_k = |n: usize| n as f64 * 1000.0 / sentences as f64;
        eprintln!(
            "{lang}: {:.2} warnings/1k, {:.2} info/1k",
            per_k(warnings.len()),
            per_k(infos)
        );
        assert!(per_k(warnings.len()) <= 1.5, "{lang}: {warnings:#?}");
        // Latin names kept by professional translators are info in Arabic.
        assert!(per_k(infos) <= 25.0, "{lang}: {:.2} info/1k", per_k(infos));
    }
}

/// Native Arabic tech news written for the evaluation (`measure::native`),
/// where writers keep a product's Latin name beside its Arabic spelling: 7
/// warnings in 45 sentences before issue 20 (`Memoji`, `Netflix`, `Tesla`,
/// `Copilot`, `Threads`, `Careem`, `Pinwood`), none now. The same document
/// shapes with a person's or a place's name stay warnings (the seed's
/// `Gerasimov` and `Kursk`, in the rule's own tests).
#[test]
fn native_news_keeps_brand_names_in_latin() {
    let (sentences, warnings) = mtlint_eval::measure::native::warnings();
    assert!(sentences >= 40, "{sentences} sentences");
    assert!(warnings.is_empty(), "{warnings:#?}");
}
