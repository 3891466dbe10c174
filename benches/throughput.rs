//! Throughput of the scanner in MB/s, single-threaded and on all cores, over
//! at least 50 MB of article-sized documents built from the clean corpora in
//! `../shared/data` (Arabic, English, French, Russian) and the seeds.
//!
//! `cargo bench --bench throughput` (set `MTLINT_BENCH_MB` to change the size).

use std::time::Instant;

use mtlint::Scanner;
use mtlint_eval::corpus;
use rayon::prelude::*;

fn main() {
    let Some(dir) = corpus::data_dir() else {
        eprintln!("skipped: ../shared/data not found");
        return;
    };
    let target_mb: usize = std::env::var("MTLINT_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let mut base: Vec<String> = Vec::new();
    for (lang, _, _) in corpus::LANGUAGES {
        base.extend(
            corpus::documents(&dir, lang)
                .unwrap()
                .into_iter()
                .map(|d| d.text),
        );
    }
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seed_paths: Vec<_> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seed_paths.sort();
    for p in seed_paths {
        base.push(std::fs::read_to_string(p).unwrap());
    }
    let base_bytes: usize = base.iter().map(String::len).sum();
    let mut docs: Vec<&str> = Vec::new();
    let mut total = 0;
    while total < target_mb * 1_000_000 {
        for d in &base {
            docs.push(d);
            total += d.len();
        }
    }
    let mb = total as f64 / 1e6;
    let scanner = Scanner::default();
    println!(
        "corpus: {mb:.1} MB in {} documents ({} distinct, {:.1} MB), {} cores",
        docs.len(),
        base.len(),
        base_bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // Warm up once so lazy tables are built outside the timings.
    let _ = scanner.scan_file("warm", &base[0]);

    let t = Instant::now();
    let mut findings = 0;
    for (i, d) in docs.iter().enumerate() {
        findings += scanner.scan_file(&i.to_string(), d).findings.len();
    }
    let single = t.elapsed().as_secs_f64();
    println!(
        "single thread: {:.2} MB/s ({single:.2} s, {findings} findings)",
        mb / single
    );

    let t = Instant::now();
    let parallel_findings: usize = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| scanner.scan_file(&i.to_string(), d).findings.len())
        .sum();
    let all = t.elapsed().as_secs_f64();
    assert_eq!(findings, parallel_findings);
    println!(
        "all cores ({}): {:.2} MB/s ({all:.2} s)",
        rayon::current_num_threads(),
        mb / all
    );

    // One paragraph of 2 MB on a single line, with glued sentences: costs
    // that grow with the square of a line or paragraph show up here.
    let mut line = String::new();
    for d in base.iter().cycle() {
        line.push_str(&d.replace('\n', "."));
        if line.len() > 2_000_000 {
            break;
        }
    }
    let t = Instant::now();
    let n = scanner.scan_file("line", &line).findings.len();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "one {:.1} MB line: {:.2} MB/s ({secs:.2} s, {n} findings)",
        line.len() as f64 / 1e6,
        line.len() as f64 / 1e6 / secs
    );
}
