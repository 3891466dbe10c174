//! Prints how often mtlint guesses the code page of a file that is not
//! UTF-8 (the measurement of `mtlint_eval::measure::encodings`):
//! `cargo run --release -p mtlint-eval --bin encodings`.

use mtlint_eval::measure::encodings as encodings_measure;

fn main() {
    let Some(dir) = mtlint_eval::corpus::data_dir() else {
        eprintln!("../shared/data is absent: nothing to measure");
        return;
    };
    println!("| language | code page | sentences a file | files | right code page | another, same text | read right | skipped | misread as |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for r in encodings_measure::measure(&dir) {
        let wrong: Vec<String> = r.wrong.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.1}% | {} | {} |",
            r.lang,
            r.code_page,
            r.size,
            r.files,
            r.right,
            r.same_text,
            r.rate(),
            r.skipped,
            wrong.join(", ")
        );
    }
}
