//! The `mojibake` rule measured: detection and exact repair on the ftfy test
//! cases and on clean NTREX/PUD lines garbled through every code page, and
//! false alarms on clean text.
//!
//! `cargo run --release -p mtlint-eval --bin mojibake [-- --show]` (`--show` lists the
//! misses and false alarms).

use mtlint_eval::measure::mojibake as measure;

use measure::pct;
use mtlint::language::codepage;
use mtlint_eval::corpus;

fn main() {
    let Some((dir, show)) = corpus::bin_args() else {
        return;
    };
    let f = measure::ftfy(&dir);
    println!("ftfy test cases (encoding errors only):\n");
    println!("| file | cases | detected | exact repair |");
    println!("|---|---|---|---|");
    for (file, n, found, exact) in &f.cases {
        println!(
            "| {file} | {n} | {found} ({:.1}%) | {exact} ({:.1}%) |",
            pct(*found, *n),
            pct(*exact, *n)
        );
    }
    println!(
        "\nleft out: {} not encoding errors, {} C1 controls only; \
         false alarms: {} of {} clean strings (negatives, non-encoding cases, every fixed string)",
        f.not_encoding,
        f.c1_only,
        f.false_alarms.len(),
        f.clean_strings
    );
    if show {
        for m in &f.misses {
            println!("    miss: {m}");
        }
        for a in &f.false_alarms {
            println!("    false alarm: {a}");
        }
    }
    println!("\nclean lines garbled through each code page (one line a document):\n");
    println!(
        "| lang | code page | cases | all-ASCII | not representable | detected | exact repair |"
    );
    println!("|---|---|---|---|---|---|---|");
    for lang in ["ar", "ru", "fr", "en"] {
        let lines = measure::clean_lines(&dir, lang);
        for page in codepage::code_pages() {
            let g = measure::generated(&lines, lang, page.name);
            println!(
                "| {} | {} | {} | {} | {} | {:.2}% | {:.2}% |",
                g.lang,
                g.page,
                g.cases,
                g.ascii,
                g.unrepresentable,
                g.found_pct(),
                g.exact_pct()
            );
            if show {
                for m in &g.misses {
                    println!("    miss: {m}");
                }
            }
        }
    }
    println!("\nfalse alarms on the clean documents:\n");
    println!("| lang | lines | findings |");
    println!("|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let (lines, alarms) = measure::clean_alarms(&dir, lang);
        println!("| {lang} | {lines} | {} |", alarms.len());
        if show {
            for a in &alarms {
                println!("    false alarm: {a}");
            }
        }
    }
}
