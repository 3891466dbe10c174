//! Prints the `escaped-text` measurement of `mtlint_eval::measure::escapes`:
//! `cargo run --release -p mtlint-eval --bin escapes`.

use mtlint_eval::measure::escapes as escapes_measure;

fn main() {
    let Some(dir) = mtlint_eval::corpus::data_dir() else {
        eprintln!("../shared/data is absent: nothing to measure");
        return;
    };
    println!("| language | escaped as | lines | found | restored exactly | findings on the clean lines |");
    println!("|---|---|---|---|---|---|");
    for r in escapes_measure::measure(&dir, usize::MAX) {
        let pct = |n: usize| 100.0 * n as f64 / r.lines.max(1) as f64;
        println!(
            "| {} | {} | {} | {:.1}% | {:.1}% | {} |",
            r.lang,
            r.how,
            r.lines,
            pct(r.found),
            pct(r.restored),
            r.clean_findings
        );
    }
}
