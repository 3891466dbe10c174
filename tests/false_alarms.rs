//! False alarms on clean, professionally translated and human-written news
//! (NTREX-128 and the parallel UD PUD treebanks in `../shared/data`): at most
//! 1 error-level and 5 warning-level findings per 1,000 sentences per
//! language. Skipped, saying so, where `../shared` is absent.

use std::collections::BTreeMap;

use mtlint::{corpus, Config, Scanner, Severity};

fn rates(lang: &str) -> Option<(usize, f64, f64, BTreeMap<String, usize>)> {
    let Some(dir) = corpus::data_dir() else {
        eprintln!("skipped: ../shared/data not found");
        return None;
    };
    let scanner = Scanner::new(Config {
        language: Some(lang.to_string()),
        ..Config::default()
    });
    let (mut sentences, mut errors, mut warnings) = (0, 0, 0);
    let mut by_rule = BTreeMap::new();
    for doc in corpus::documents(&dir, lang).expect("corpus is readable") {
        let r = scanner.scan_file(&doc.name, &doc.text);
        sentences += r.sentences.len();
        for f in &r.findings {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => continue,
            }
            *by_rule
                .entry(format!("{}: {}", f.rule, f.text))
                .or_insert(0) += 1;
        }
    }
    assert!(sentences > 2500, "{lang}: only {sentences} sentences");
    let per_k = |n: usize| n as f64 * 1000.0 / sentences as f64;
    Some((sentences, per_k(errors), per_k(warnings), by_rule))
}

fn check(lang: &str) {
    let Some((sentences, errors, warnings, by_rule)) = rates(lang) else {
        return;
    };
    eprintln!("{lang}: {sentences} sentences, {errors:.2} errors/1k, {warnings:.2} warnings/1k");
    assert!(
        errors <= 1.0,
        "{lang}: {errors:.2} errors per 1,000 sentences: {by_rule:#?}"
    );
    assert!(
        warnings <= 5.0,
        "{lang}: {warnings:.2} warnings per 1,000 sentences: {by_rule:#?}"
    );
}

#[test]
fn arabic() {
    check("ar");
}

#[test]
fn english() {
    check("en");
}

#[test]
fn french() {
    check("fr");
}

#[test]
fn russian() {
    check("ru");
}

/// Without a declared language, detection must find each corpus's language.
#[test]
fn detects_each_language() {
    let Some(dir) = corpus::data_dir() else {
        eprintln!("skipped: ../shared/data not found");
        return;
    };
    let scanner = Scanner::new(Config::default());
    for (lang, _, _) in corpus::LANGUAGES {
        let docs = corpus::documents(&dir, lang).unwrap();
        let right = docs
            .iter()
            .filter(|d| scanner.scan_file(&d.name, &d.text).language.as_deref() == Some(lang))
            .count();
        assert!(
            right * 100 >= docs.len() * 98,
            "{lang}: {right} of {} documents detected",
            docs.len()
        );
    }
}
