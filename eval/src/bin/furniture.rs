//! Page furniture written for the evaluation and on none of the phrase
//! lists, inserted into the clean documents of `../shared/data`: recall of
//! `boilerplate` by its phrase lists alone (the rule before issue 20) and
//! with the lines it recognises by shape, and its findings on the clean
//! documents per 1,000 sentences.
//!
//! `cargo run --release -p mtlint-eval --bin furniture [-- --show]` (`--show`
//! lists the misses and the findings on clean text).

use std::collections::BTreeSet;

use mtlint_eval::corpus;
use mtlint_eval::measure::furniture;

fn main() {
    let Some((dir, show)) = corpus::bin_args() else {
        return;
    };
    for (title, third) in [
        ("Written for the evaluation (`measure::furniture`)", false),
        ("Written by other people: mkdocs-material, Ghost and Shariff translations (`eval/data/furniture_thirdparty.tsv`)", true),
    ] {
        println!("\n{title}\n");
        table(&dir, third, show);
    }
}

/// One table: a row per language.
fn table(dir: &std::path::Path, third: bool, show: bool) {
    println!("| lang | furniture lines | recall, lists only | recall, lists and shape | clean sentences | findings/1k, lists only | findings/1k, lists and shape |");
    println!("|---|---|---|---|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let held = if third {
            furniture::third_party(lang)
        } else {
            furniture::lines(lang).to_vec()
        };
        if held.is_empty() {
            continue;
        }
        let m = furniture::measure(dir, lang, &held);
        let pct = |n: usize| 100.0 * n as f64 / m.inserted.max(1) as f64;
        let per_k = |n: usize| 1000.0 * n as f64 / m.sentences.max(1) as f64;
        println!(
            "| {lang} | {} | {:.1}% | {:.1}% | {} | {:.2} | {:.2} |",
            m.inserted,
            pct(m.by_list),
            pct(m.by_list + m.by_shape),
            m.sentences,
            per_k(m.clean_by_list),
            per_k(m.clean_by_list + m.clean_by_shape),
        );
        if show {
            for miss in m.misses.iter().collect::<BTreeSet<_>>() {
                println!("    missed: {miss}");
            }
            for f in &m.false_alarms {
                println!("    on clean text: {f}");
            }
        }
    }
}
