//! Warning- and error-level findings on clean informal posts written for the
//! evaluation (`measure::informal`), per language and rule.
//!
//! `cargo run --release -p mtlint-eval --bin informal [-- --show]` (`--show`
//! lists every flagged text with its count). A second table gives the
//! error-level findings per 1,000 sentences of the same posts with the mixed
//! ones among them (`informal::mixed_documents`: technical tokens, titles and
//! slogans, dialect, onomatopoeia), where every error is a false alarm.

use std::collections::BTreeMap;

use mtlint_eval::corpus;
use mtlint_eval::measure::informal;

fn main() {
    let show = std::env::args().any(|a| a == "--show");
    println!("| lang | posts | warnings and errors | per 1,000 posts | by rule |");
    println!("|---|---|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let (posts, by) = informal::warnings(lang);
        let total: usize = by.values().sum();
        let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
        for (k, n) in &by {
            *rules.entry(k.split(':').next().unwrap_or(k)).or_default() += n;
        }
        println!(
            "| {lang} | {posts} | {total} | {:.1} | {rules:?} |",
            total as f64 * 1000.0 / posts.max(1) as f64
        );
        if show {
            for (k, n) in &by {
                println!("    {n:4} {k}");
            }
        }
    }
    println!();
    println!("| lang | sentences (with mixed posts) | errors | per 1,000 sentences |");
    println!("|---|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let (sentences, by) = informal::errors(lang);
        let total: usize = by.values().sum();
        println!(
            "| {lang} | {sentences} | {total} | {:.2} |",
            total as f64 * 1000.0 / sentences.max(1) as f64
        );
        if show {
            for (k, n) in &by {
                println!("    {n:4} {k}");
            }
        }
    }
}
