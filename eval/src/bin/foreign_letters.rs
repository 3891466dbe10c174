//! `foreign-letters` on the clean corpora of `../shared/data`: false alarms
//! per 1,000 sentences per language (each one listed), and recall on
//! synthetic garble. The numbers `tests/foreign_letters.rs` bounds.
//!
//! `cargo run --release -p mtlint-eval --bin foreign_letters`

use mtlint_eval::measure::foreign_letters as measure;

use mtlint_eval::corpus;

fn main() {
    let Some(dir) = corpus::data_dir() else {
        eprintln!("../shared/data not found: skipped");
        return;
    };
    println!("| lang | language | sentences | findings | per 1k |");
    println!("|---|---|---|---|---|");
    let mut all = Vec::new();
    for (lang, _, _) in corpus::LANGUAGES {
        for declared in [true, false] {
            let fa = measure::false_alarms(&dir, lang, declared);
            println!(
                "| {lang} | {} | {} | {} | {:.2} |",
                if declared { "declared" } else { "detected" },
                fa.sentences,
                fa.findings,
                fa.per_k()
            );
            all.extend(fa.examples);
        }
    }
    for e in &all {
        println!("  {e}");
    }
    for (name, r) in [
        (
            "Arabic, ي→ی ك→ک (Persian keyboard)",
            measure::persian_keyboard_recall(&dir),
        ),
        (
            "Russian, 2 letters → ө ү ә қ ң ғ і є",
            measure::cyrillic_recall(&dir),
        ),
    ] {
        println!(
            "{name}: {} lines, line recall {:.4}, {} words, word recall {:.4}, \
             fixes right {} wrong {}, findings elsewhere {}",
            r.lines,
            r.line_recall(),
            r.words,
            r.word_recall(),
            r.fixes_right,
            r.fixes_wrong,
            r.other_findings
        );
    }
}
