//! Where the time goes: seconds spent segmenting, identifying sentence
//! languages and in each rule, over three passes of the clean corpora in
//! `../shared/data` with the document language detected.
//!
//! `cargo run --release -p mtlint-eval --bin rule_times`
use mtlint::{rules, text::Document};
use mtlint_eval::corpus;
use std::time::{Duration, Instant};
fn main() {
    let Some(dir) = corpus::data_dir() else {
        eprintln!("skipped: ../shared/data not found");
        return;
    };
    let mut docs = Vec::new();
    for (lang, _, _) in corpus::LANGUAGES {
        docs.extend(
            corpus::documents(&dir, lang)
                .unwrap()
                .into_iter()
                .map(|d| d.text),
        );
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let reg = rules::registry();
    let mut times = vec![Duration::ZERO; reg.len()];
    let (mut seg, mut sl) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..3 {
        for t in &docs {
            let s = Instant::now();
            let doc = Document::new(t, None);
            seg += s.elapsed();
            let s = Instant::now();
            let _ = doc.sentence_languages();
            sl += s.elapsed();
            for (i, r) in reg.iter().enumerate() {
                let s = Instant::now();
                let mut out = Vec::new();
                r.check(&doc, &mut out);
                times[i] += s.elapsed();
            }
        }
    }
    let mb = 3.0 * bytes as f64 / 1e6;
    println!(
        "segment+doclang {:.3}s, sentence langs {:.3}s over {mb:.1} MB",
        seg.as_secs_f64(),
        sl.as_secs_f64()
    );
    for (i, r) in reg.iter().enumerate() {
        println!("{:32} {:.3}s", r.meta().id, times[i].as_secs_f64());
    }
}
