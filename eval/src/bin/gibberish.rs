//! The `gibberish` rule on `../shared/data`: false alarms per 2,000 clean
//! sentences and the share of letter-shuffled lines caught, per language.
//!
//! `cargo run --release -p mtlint-eval --bin gibberish [-- --show]` (`--show` lists the
//! false alarms and a few missed lines).

use mtlint_eval::measure::gibberish as measure;

use mtlint_eval::corpus;

fn main() {
    let Some((dir, show)) = corpus::bin_args() else {
        return;
    };
    println!(
        "| lang | sentences | false alarms | per 2,000 | shuffled lines (8+ words) | caught |"
    );
    println!("|---|---|---|---|---|---|");
    for (lang, _, _) in corpus::LANGUAGES {
        let m = measure::measure(&dir, lang);
        println!(
            "| {} | {} | {} | {:.2} | {} | {:.1}% |",
            m.lang,
            m.sentences,
            m.false_alarms.len(),
            m.per_2000(),
            m.shuffled,
            m.caught_pct()
        );
        if show {
            for f in &m.false_alarms {
                println!("    false alarm: {f}");
            }
            for f in &m.missed {
                println!("    missed: {f}");
            }
        }
    }
}
