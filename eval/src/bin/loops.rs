//! Loops injected into the clean corpora of `../shared/data`: recall of the
//! repetition rules (a loop counts as found when one finding covers all its
//! copies), findings per injected loop, and the findings of those rules per
//! 1,000 clean sentences, per language.
//!
//! `cargo run --release -p mtlint-eval --bin loops [-- --show]` (`--show`
//! lists the clean findings and a few missed loops).

use mtlint_eval::corpus;
use mtlint_eval::measure::loops::{self as measure, KINDS};

fn main() {
    let Some((dir, show)) = corpus::bin_args() else {
        return;
    };
    let mut head = String::from("| lang | sentences | clean findings/1k |");
    let mut rule = String::from("|---|---|---|");
    for k in KINDS {
        head.push_str(&format!(" {k}: found/injected (findings each) |"));
        rule.push_str("---|");
    }
    println!("{head} recall | by copies (2, 3, 4, 5) | clean findings by rule |");
    println!("{rule}---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let m = measure::measure(&dir, lang);
        let mut row = format!("| {} | {} | {:.2} |", m.lang, m.sentences, m.clean_per_k());
        for (n, found, overlapping) in &m.kinds {
            row.push_str(&format!(
                " {found}/{n} ({:.2}) |",
                *overlapping as f64 / (*n).max(1) as f64
            ));
        }
        let copies: Vec<String> = m
            .by_copies
            .values()
            .map(|(n, f)| format!("{:.2}", *f as f64 / (*n).max(1) as f64))
            .collect();
        println!(
            "{row} {:.3} | {} | {:?} |",
            m.recall(),
            copies.join(", "),
            m.clean
        );
        if show {
            for f in &m.clean_texts {
                println!("    clean: {f}");
            }
            for f in &m.missed {
                println!("    missed: {f}");
            }
        }
    }
}
