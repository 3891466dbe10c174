//! Warning- and error-level findings on clean informal posts written for the
//! evaluation (`measure::informal`), per language and rule.
//!
//! `cargo run --release -p mtlint-eval --bin informal [-- --show]` (`--show`
//! lists every flagged text with its count).

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
}
