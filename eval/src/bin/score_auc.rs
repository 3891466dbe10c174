//! How well the file score separates clean text from the same text with one
//! artifact injected (garble, mojibake, a wrong-language line, a loop, glued
//! sentences, joined words, lost letters): the ROC AUC per language and
//! kind, and over every language, beside the AUC of the score before issue
//! 20 (weights by severity alone).
//!
//! `cargo run --release -p mtlint-eval --bin score_auc [-- --show] [--habits]`
//! (`--show` lists the lowest clean and the highest broken scores and a few
//! artifacts no rule found; `--habits` gives every other document, clean
//! and broken alike, a space before every comma).

use mtlint_eval::corpus;
use mtlint_eval::measure::score::{self as measure, KINDS};

fn main() {
    let habits = std::env::args().any(|a| a == "--habits");
    let Some((dir, show)) = corpus::bin_args() else {
        return;
    };
    let mut head = String::from("| lang | clean | broken | AUC before | AUC |");
    let mut rule = String::from("|---|---|---|---|---|");
    for k in KINDS {
        head.push_str(&format!(" {k} |"));
        rule.push_str("---|");
    }
    println!("{head} clean mean | broken mean |");
    println!("{rule}---|---|");
    let mut all = measure::Measure {
        lang: "all".into(),
        broken: vec![Vec::new(); KINDS.len()],
        broken_before: vec![Vec::new(); KINDS.len()],
        seen: vec![0; KINDS.len()],
        ..Default::default()
    };
    let mut rows = Vec::new();
    for (lang, _, _) in corpus::LANGUAGES {
        let m = measure::measure(&dir, lang, habits);
        all.clean.extend(&m.clean);
        all.clean_before.extend(&m.clean_before);
        for (a, b) in all.broken_before.iter_mut().zip(&m.broken_before) {
            a.extend(b);
        }
        for (a, b) in all.broken.iter_mut().zip(&m.broken) {
            a.extend(b);
        }
        for (a, b) in all.seen.iter_mut().zip(&m.seen) {
            *a += b;
        }
        rows.push(m);
    }
    rows.push(all);
    for m in &rows {
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        let mut row = format!(
            "| {} | {} | {} | {:.3} | {:.3} |",
            m.lang,
            m.clean.len(),
            m.broken_count(),
            m.auc_before(),
            m.auc(None)
        );
        for k in 0..KINDS.len() {
            row.push_str(&format!(" {:.3} |", m.auc(Some(k))));
        }
        println!(
            "{row} {:.1} | {:.1} |",
            mean(&m.clean),
            mean(&m.broken.concat())
        );
        if show {
            let seen: Vec<String> = KINDS
                .iter()
                .zip(&m.seen)
                .zip(&m.broken)
                .map(|((k, s), b)| format!("{k} {s}/{}", b.len()))
                .collect();
            println!("    seen: {}", seen.join(", "));
            for e in m.missed.iter().chain(&m.examples) {
                println!("    {e}");
            }
        }
    }
}
