//! The transliteration matcher of `untranslated-term` measured on the
//! parallel corpora of `../shared/data` (NTREX-128 and UD PUD), and the
//! rule's findings per 1,000 clean sentences per language.
//!
//! `cargo run --release -p mtlint-eval --bin untranslated [-- --show]`; `--show` lists
//! the proposals judged wrong and the spurious control proposals.

use mtlint::language::translit::{Target, TermScript};
use mtlint::{Config, Scanner, Severity};
use mtlint_eval::corpus;
use mtlint_eval::translit as eval;

fn main() {
    let show = std::env::args().any(|a| a == "--show");
    let Some(dir) = corpus::data_dir() else {
        eprintln!("../shared/data not found: skipped");
        return;
    };
    let texts = |lang: &str| -> Vec<String> {
        corpus::documents(&dir, lang)
            .expect("corpus")
            .into_iter()
            .map(|d| d.text)
            .collect()
    };
    let (en, ar, ru) = (texts("en"), texts("ar"), texts("ru"));
    println!("| pair | terms | proposals | right | precision | recall (floor) | control look-ups | false matches | false-match rate |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, src, tgt, s, t) in [
        ("en→ar", &en, &ar, TermScript::Latin, Target::Arabic),
        ("ru→ar", &ru, &ar, TermScript::Cyrillic, Target::Arabic),
        ("en→ru", &en, &ru, TermScript::Latin, Target::Cyrillic),
    ] {
        let r = eval::run(src, tgt, s, t);
        println!(
            "| {name} | {} | {} | {} | {:.1}% | {:.1}% | {} | {} | {:.2}% |",
            r.terms,
            r.proposals,
            r.confirmed,
            100.0 * r.precision(),
            100.0 * r.recall(),
            r.control_terms,
            r.control_proposals,
            100.0 * r.false_match_rate()
        );
        if show {
            for (term, spelling) in &r.unconfirmed {
                println!("  {name} unconfirmed: {term} → {spelling}");
            }
            for (term, spelling) in &r.spurious {
                println!("  {name} spurious: {term} → {spelling}");
            }
        }
    }

    println!();
    println!("| lang | sentences | warnings/1k | info/1k |");
    println!("|---|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let scanner = Scanner::new(
            Config::default()
                .language(*lang)
                .select(["untranslated-term"]),
        )
        .expect("known rule ids");
        let (mut sentences, mut warnings, mut infos) = (0, 0, 0);
        for doc in corpus::documents(&dir, lang).expect("corpus") {
            let r = scanner.scan_file(&doc.name, &doc.text);
            sentences += r.sentences.len();
            for f in &r.findings {
                match f.severity {
                    Severity::Info => infos += 1,
                    _ => warnings += 1,
                }
                if show {
                    println!(
                        "  {lang} {} {}: {} ({})",
                        doc.name, f.line, f.text, f.message
                    );
                }
            }
        }
        let per_k = |n: usize| n as f64 * 1000.0 / sentences as f64;
        println!(
            "| {lang} | {sentences} | {:.2} | {:.2} |",
            per_k(warnings),
            per_k(infos)
        );
    }
}
