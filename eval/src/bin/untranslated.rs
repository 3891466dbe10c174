//! The transliteration matcher of `untranslated-term` measured on the
//! parallel corpora of `../shared/data` (NTREX-128 and UD PUD), and the
//! rule's findings per 1,000 clean sentences per language.
//!
//! `cargo run --release -p mtlint-eval --bin untranslated [-- --show]`; `--show` lists
//! the proposals judged wrong and the spurious control proposals.

use mtlint::language::translit::{Target, TermScript};
use mtlint::{Config, Scanner, Severity};
use mtlint_eval::corpus;
use mtlint_eval::measure::native;
use mtlint_eval::translit as eval;

fn main() {
    let Some((dir, show)) = corpus::bin_args() else {
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

    native(&dir, show);
    catalogues(show);
}

/// `untranslated-term` warnings on the gettext catalogues of this machine
/// (`/usr/share/locale`, turned into PO with `msgunfmt`): text written by
/// translators, with the Latin names of software and formats that they
/// keep (`Java`, `GTK`) beside Arabic and Cyrillic spellings.
fn catalogues(show: bool) {
    use mtlint_eval::markup_corpus::{self, Limits};
    let limits = Limits {
        max_bytes: 200_000_000,
        max_files: 10_000,
        max_file_bytes: 20_000_000,
    };
    println!();
    println!("| gettext catalogues | files | sentences | warnings | warnings/1k |");
    println!("|---|---|---|---|---|");
    for lang in ["ar", "ru"] {
        let corpus = match markup_corpus::catalogues(
            std::path::Path::new("/usr/share/locale"),
            &[lang],
            &limits,
        ) {
            Ok(c) => c,
            Err(e) => {
                println!("| {lang} | {e} | | | |");
                continue;
            }
        };
        let scanner = Scanner::new(
            Config::default()
                .language(lang)
                .select(["untranslated-term"]),
        )
        .expect("known rule ids");
        let (mut files, mut sentences, mut warnings) = (0, 0, Vec::new());
        // The ISO code tables are lists of names, not text.
        for f in corpus.files.iter().filter(|f| !f.path.contains("/iso_")) {
            files += 1;
            let r = scanner.scan_file(&f.path, &f.text);
            sentences += r.sentences.len();
            warnings.extend(
                r.findings
                    .iter()
                    .filter(|x| x.severity >= Severity::Warning)
                    .map(|x| format!("{}:{}: {}", f.path, x.line, x.message)),
            );
        }
        warning_row(&format!("{lang} | {files}"), sentences, &warnings, show);
    }
}

/// A table row: `label`, sentences, warnings and warnings per 1,000
/// sentences; with `show`, the warnings under it.
fn warning_row(label: &str, sentences: usize, warnings: &[String], show: bool) {
    println!(
        "| {label} | {sentences} | {} | {:.2} |",
        warnings.len(),
        warnings.len() as f64 * 1000.0 / sentences.max(1) as f64
    );
    if show {
        for w in warnings {
            println!("    {w}");
        }
    }
}

/// `untranslated-term` warnings on native Arabic news: the documents of
/// `measure::native` and the human-written seeds; and the machine-translated
/// seeds' names, which must still be warnings.
fn native(dir: &std::path::Path, show: bool) {
    let (sentences, warnings) = native::warnings();
    println!();
    println!("| native Arabic news | sentences | warnings | warnings/1k |");
    println!("|---|---|---|---|");
    warning_row("written for the evaluation", sentences, &warnings, show);
    let Some(seeds) = dir.parent().map(|p| p.join("seeds")) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        return;
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let scanner = Scanner::new(
        Config::default()
            .language("ar")
            .select(["untranslated-term"]),
    )
    .expect("known rule ids");
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let r = scanner.scan_file(&name, &text);
        let found: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.text.as_str())
            .collect();
        println!(
            "| seed {name} | {} | {} | {:?} |",
            r.sentences.len(),
            found.len(),
            found
        );
    }
}
