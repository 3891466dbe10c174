//! Lookup time of the word-frequency lexicons (`src/lexicon.rs`): a common
//! word (answered by the hash map in front of the fst), a rare word (the
//! fst), an unknown word (the fst, then the loose map for Arabic), and the
//! time to open a lexicon. `cargo bench --bench lexicon`.

use std::hint::black_box;
use std::time::Instant;

use mtlint::language::lexicon::{self, normalize};

fn time(label: &str, words: &[&str], lex: &lexicon::Lexicon) {
    let keys: Vec<String> = words.iter().map(|w| normalize(w)).collect();
    let rounds = 200_000;
    let start = Instant::now();
    let mut hits = 0usize;
    for _ in 0..rounds {
        for k in &keys {
            hits += usize::from(lex.zipf10_normalized(black_box(k)).is_some());
        }
    }
    let ns = start.elapsed().as_nanos() as f64 / (rounds * keys.len()) as f64;
    println!(
        "{:>3} {label:<8} {ns:7.1} ns/lookup ({hits} hits)",
        lex.code
    );
}

fn main() {
    for (code, common, rare, unknown) in [
        (
            "ar",
            ["في", "من", "على", "الرئيس"],
            ["كيلومترات", "خاركيف", "بالمستشفيات", "والاستراتيجية"],
            ["كييفالتصرف", "المراكزمنذ", "أمسلا", "آلافكيلومترات"],
        ),
        (
            "en",
            ["the", "of", "and", "people"],
            ["goodwin", "forthwith", "paragliders", "megrim"],
            ["inthe", "qqqzzz", "fourballsx", "homewearz"],
        ),
    ] {
        let start = Instant::now();
        let lex = lexicon::lexicon(code).expect("lexicon");
        println!(
            "{code}: opened in {:.1} ms ({} words)",
            start.elapsed().as_secs_f64() * 1e3,
            lex.len()
        );
        time("common", &common, lex);
        time("rare", &rare, lex);
        time("unknown", &unknown, lex);
    }
}
