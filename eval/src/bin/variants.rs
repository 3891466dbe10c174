//! `variant-spelling` on `../shared/data`: findings per 1,000 clean
//! sentences, and the share of names respelled once (a variant operation on
//! one of three or more occurrences) that the rule finds, per language.
//!
//! `cargo run --release -p mtlint-eval --bin variants [-- --show]` (`--show` lists
//! the findings on the clean corpora and the missed respellings).

use mtlint_eval::measure::variants as measure;

use mtlint_eval::corpus;

fn main() {
    let Some((dir, show)) = corpus::bin_args() else {
        return;
    };
    println!(
        "| lang | sentences | findings (info) | per 1,000 | respelled names | found | recall |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut all = Vec::new();
    for (lang, _, _) in corpus::LANGUAGES {
        let m = measure::measure(&dir, lang);
        println!(
            "| {} | {} | {} | {:.2} | {} | {} | {:.1}% |",
            m.lang,
            m.sentences,
            m.findings.len(),
            m.per_1000(),
            m.respelled,
            m.found,
            m.recall_pct()
        );
        all.push(m);
    }
    println!();
    println!("| lang | operation | respelled | found |");
    println!("|---|---|---|---|");
    for m in &all {
        for (op, (n, found)) in &m.by_op {
            println!("| {} | {op} | {n} | {found} |", m.lang);
        }
    }
    if show {
        for m in &all {
            println!("\n## {}: findings on the clean corpora", m.lang);
            for f in &m.findings {
                println!("  {f}");
            }
            println!("\n## {}: missed respellings", m.lang);
            for (op, missed) in &m.missed {
                for x in missed {
                    println!("  {op}: {x}");
                }
            }
        }
    }
}
