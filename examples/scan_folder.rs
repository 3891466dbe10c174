//! Scores every text file of a folder with the library's batch scan, the
//! one `mtlint check` and `mtlint score` use: files walked (honouring
//! `.gitignore`), decoded, the folder's words gathered, each file scanned
//! on a thread pool, results in order.
//!
//! `cargo run --example scan_folder -- seeds`

use std::path::PathBuf;
use std::sync::Arc;

use mtlint::batch::{self, Job, Mode, Sources};
use mtlint::read::walk::{self, Options};
use mtlint::Scanner;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let (inputs, errors) = walk::collect(&[dir], &Options::default());
    for e in &errors {
        eprintln!("{e}");
    }
    // One scanner for every file; a configuration per file would give each
    // its own `Job`.
    let jobs = vec![Job::new(Arc::new(Scanner::default())); inputs.len()];
    let result = batch::run(&jobs, Sources::Files(inputs), &Mode::Check, None, |_, r| {
        match r {
            Ok(outcome) => {
                let file = outcome.into_report();
                let worst = file.findings.iter().map(|f| f.severity).max();
                println!(
                    "{:5.1}  {:3} findings  {:8}  {}",
                    file.score,
                    file.findings.len(),
                    worst.map_or("-", |s| s.as_str()),
                    file.path
                );
            }
            Err(failure) => eprintln!("{failure}"),
        }
        true
    });
    if let Err(e) = result {
        eprintln!("{e}");
        std::process::exit(2);
    }
}
