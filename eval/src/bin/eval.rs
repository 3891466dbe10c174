//! False alarms on the clean corpora of `../shared/data`, per language and
//! rule, per 1,000 sentences.
//!
//! `cargo run --release -p mtlint-eval --bin eval [-- --show RULE]` prints the table,
//! and with `--show` every finding of that rule (or `all`). `-- --errata`
//! prints every warning and error not yet in `tests/errata/` as errata lines,
//! for a person to confirm by reading before adding them. `-- --splice`
//! measures `wrong-language` instead: recall on lines of each language
//! spliced into documents of each other one, and its false alarms on the
//! clean corpora.

use std::collections::BTreeMap;

use mtlint::{Config, Scanner, Severity};
use mtlint_eval::corpus;

fn main() {
    let show: Option<String> = std::env::args().skip_while(|a| a != "--show").nth(1);
    let candidates = std::env::args().any(|a| a == "--errata");
    let Some(dir) = corpus::data_dir() else {
        eprintln!("../shared/data not found: skipped");
        return;
    };
    if std::env::args().any(|a| a == "--splice") {
        splice(&dir);
        return;
    }
    println!("| lang | sentences | errata | errors/1k | warnings/1k | info/1k | by rule (count) |");
    println!("|---|---|---|---|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let scanner = Scanner::new(Config::default().language(*lang)).expect("known rule ids");
        let mut sentences = 0;
        let mut sev: BTreeMap<Severity, usize> = BTreeMap::new();
        let mut rules: BTreeMap<String, usize> = BTreeMap::new();
        let errata = corpus::errata(lang).expect("errata");
        let mut excused = 0;
        for doc in corpus::documents(&dir, lang).expect("corpus") {
            let r = scanner.scan_file(&doc.name, &doc.text);
            sentences += r.sentences.len();
            for f in &r.findings {
                let known = errata.iter().any(|e| {
                    e.doc == doc.name && e.line == f.line && e.rule == f.rule && e.text == f.text
                });
                if known {
                    excused += 1;
                    continue;
                }
                if candidates && f.severity >= Severity::Warning {
                    let line = r.source.lines().nth(f.line - 1).unwrap_or("");
                    println!(
                        "{lang}\t{}\t{}\t{}\t{}\t{}",
                        doc.name,
                        f.line,
                        f.rule,
                        corpus::escape(&f.text),
                        line
                    );
                }
                *sev.entry(f.severity).or_default() += 1;
                *rules
                    .entry(format!("{}:{}", f.rule, f.severity))
                    .or_default() += 1;
                if show.as_deref().is_some_and(|s| s == "all" || s == f.rule) {
                    let line = r.source.lines().nth(f.line - 1).unwrap_or("");
                    println!(
                        "  {lang} {}:{}:{} {} «{}» {}\n      {}",
                        doc.name, f.line, f.column, f.rule, f.text, f.message, line
                    );
                }
            }
        }
        let per_k = |s: Severity| *sev.get(&s).unwrap_or(&0) as f64 * 1000.0 / sentences as f64;
        println!(
            "| {lang} | {sentences} | {excused} | {:.2} | {:.2} | {:.2} | {:?} |",
            per_k(Severity::Error),
            per_k(Severity::Warning),
            per_k(Severity::Info),
            rules
        );
    }
}

/// Recall of `wrong-language` per pair of languages and its false alarms.
fn splice(dir: &std::path::Path) {
    println!("| document | spliced | lines of 8+ words | found | recall | stray findings |");
    println!("|---|---|---|---|---|---|");
    for (host, _, _) in corpus::LANGUAGES {
        for (guest, _, _) in corpus::LANGUAGES {
            if host == guest {
                continue;
            }
            let s = corpus::splice_score(dir, host, guest).expect("corpus");
            println!(
                "| {host} | {guest} | {} | {} | {:.1}% | {} |",
                s.spliced,
                s.found,
                100.0 * s.found as f64 / s.spliced.max(1) as f64,
                s.stray
            );
        }
    }
    println!();
    println!("| language | sentences | false alarms | per 1,000 |");
    println!("|---|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let (sentences, alarms) = corpus::wrong_language_alarms(dir, lang).expect("corpus");
        println!(
            "| {lang} | {sentences} | {} | {:.2} |",
            alarms.len(),
            alarms.len() as f64 * 1000.0 / sentences as f64
        );
        for (doc, line, what) in &alarms {
            println!("  {doc}:{line}: {what}");
        }
    }
}
