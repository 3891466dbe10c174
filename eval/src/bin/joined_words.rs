//! Prints the `joined-words` measurement on `../shared/data` (see
//! `mtlint_eval::measure::joined`): per language, false alarms on clean
//! sentences, and recall, precision and exact splits on copies with one space
//! removed per line. `cargo run --release -p mtlint-eval --bin joined_words [-- -v [--found]]`.

use mtlint_eval::measure::joined as joined_measure;

use mtlint_eval::corpus;

fn main() {
    let Some(dir) = corpus::data_dir() else {
        eprintln!("skipped: ../shared/data not found");
        return;
    };
    let verbose = std::env::args().any(|a| a == "-v");
    println!("| lang | sentences | findings/1k | false splits/1k | joined | recall % | precision % | precision (all joins) % | precision (confirmed) % | exact % |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut all = Vec::new();
    for (lang, _, _) in corpus::LANGUAGES {
        let m = joined_measure::measure_listing(
            &dir,
            lang,
            if verbose { usize::MAX } else { 0 },
            !std::env::args().any(|a| a == "--no-folder"),
        );
        println!(
            "| {} | {} | {:.2} ({}) | {:.2} ({}) | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            m.lang,
            m.sentences,
            m.per_1000(),
            m.false_alarms.len(),
            m.false_splits_per_1000(),
            m.false_splits.len(),
            m.joined,
            m.recall(),
            m.precision(),
            m.precision_all_joins(),
            m.precision_confirmed(),
            m.exact_pct()
        );
        println!(
            "{}: corrupted copies: {} findings = {} inserted joins + {} joins of the reference + {} others",
            m.lang,
            m.findings,
            m.found,
            m.reference_joins,
            m.stray.len()
        );
        all.push(m);
    }
    for m in &all {
        println!(
            "{}: safe fixes: {} of {} joins found ({} not the original text), {} of {} false splits",
            m.lang,
            m.safe_found,
            m.found,
            m.safe_wrong,
            m.safe_false,
            m.false_splits.len()
        );
    }
    if verbose {
        for m in all {
            println!("\n## {}", m.lang);
            for f in &m.false_splits {
                println!("false: {f}");
            }
            for f in &m.stray {
                println!("stray: {f}");
            }
            for f in &m.missed {
                println!("{f}");
            }
            if std::env::args().any(|a| a == "--found") {
                for f in &m.found_list {
                    println!("found: {f}");
                }
            }
        }
    }
}
