//! The streaming pipeline behind `mtlint check` and `mtlint score`: inputs
//! (files and folders, or JSON Lines documents) are read and scanned in
//! parallel and handed back one at a time in input order
//! ([`mtlint::pipeline::ordered`]), with a progress bar on a terminal, and
//! the output goes to standard output or, whole or not at all, to a file.

pub mod output;
pub mod progress;

use std::fs::File;
use std::io::{self, BufReader};
use std::path::PathBuf;

use mtlint::input::{self, Input, Source};
use mtlint::records::Records;
use mtlint::{FileReport, Scanner};

use progress::Progress;

/// An input that produced no report: an unreadable or undecodable file, a
/// malformed JSON Lines record. Reported on standard error.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The display path.
    pub path: String,
    /// `path: what went wrong`.
    pub text: String,
    /// Skipped on purpose (a binary file): a note, not an error.
    pub skip: bool,
}

impl From<input::InputError> for Failure {
    fn from(e: input::InputError) -> Self {
        Self {
            path: e.path.clone(),
            text: e.to_string(),
            skip: e.is_skip(),
        }
    }
}

/// Where the texts come from.
pub enum Sources {
    /// Text files, each one document.
    Files(Vec<Input>),
    /// JSON Lines files (or standard input), each line one document.
    Jsonl {
        /// The files.
        inputs: Vec<Input>,
        /// The field holding the text.
        text_field: String,
        /// The field holding the id; the line number when `None`.
        id_field: Option<String>,
    },
}

impl Sources {
    /// How many documents, when known before reading.
    fn len(&self) -> Option<u64> {
        match self {
            Sources::Files(i) => Some(i.len() as u64),
            Sources::Jsonl { .. } => None,
        }
    }
}

/// One unit of work for the pool.
enum Job {
    File(Input),
    Text { id: String, text: String },
    Failed(Failure),
}

/// Scans every document of `sources` on `threads` threads (all cores when
/// `None`) and calls `emit` with each result in input order; `emit` returns
/// `false` to stop early. Errors only when the threads cannot start.
pub fn scan(
    scanner: &Scanner,
    sources: Sources,
    threads: Option<usize>,
    show_progress: bool,
    mut emit: impl FnMut(Result<FileReport, Failure>) -> bool,
) -> Result<(), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))?;
    let window = mtlint::pipeline::window_for(pool.current_num_threads());
    let mut progress = Progress::new(sources.len(), show_progress);
    let jobs: Box<dyn Iterator<Item = Job>> = match sources {
        Sources::Files(inputs) => Box::new(inputs.into_iter().map(Job::File)),
        Sources::Jsonl {
            inputs,
            text_field,
            id_field,
        } => {
            let several = inputs.len() > 1;
            Box::new(
                inputs
                    .into_iter()
                    .flat_map(move |i| records(i, &text_field, id_field.as_deref(), several)),
            )
        }
    };
    let work = |job: Job| match job {
        Job::File(i) => input::read(&i)
            .map(|text| scanner.scan_file(&i.display, &text))
            .map_err(Failure::from),
        Job::Text { id, text } => Ok(scanner.scan_file(&id, &text)),
        Job::Failed(f) => Err(f),
    };
    mtlint::pipeline::ordered(&pool, window, jobs, work, |r| {
        let go_on = progress.suspend(|| emit(r));
        progress.inc();
        go_on
    });
    progress.finish();
    Ok(())
}

/// The documents of one JSON Lines input, as jobs. With `several` inputs,
/// ids made from line numbers are prefixed with the path (`a.jsonl:7`).
fn records(
    input: Input,
    text_field: &str,
    id_field: Option<&str>,
    several: bool,
) -> Box<dyn Iterator<Item = Job>> {
    let reader: Box<dyn io::BufRead> = match &input.source {
        Source::Stdin => Box::new(BufReader::new(io::stdin())),
        Source::File(p) => match File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                let failure = input::InputError {
                    path: input.display.clone(),
                    kind: io_kind(&e),
                };
                return Box::new(std::iter::once(Job::Failed(failure.into())));
            }
        },
    };
    let path = input.display;
    let prefix = several && id_field.is_none();
    Box::new(
        Records::new(reader, text_field, id_field).map(move |r| match r {
            Ok(rec) => Job::Text {
                id: if prefix {
                    format!("{path}:{}", rec.id)
                } else {
                    rec.id
                },
                text: rec.text,
            },
            Err(e) => Job::Failed(Failure {
                path: path.clone(),
                text: format!("{path}: {e}; skipped"),
                skip: false,
            }),
        }),
    )
}

fn io_kind(e: &io::Error) -> input::ErrorKind {
    if e.kind() == io::ErrorKind::NotFound {
        input::ErrorKind::NotFound
    } else {
        input::ErrorKind::Io(e.to_string())
    }
}

/// The inputs named by `paths`: for `--input jsonl`, folders are walked
/// for `.jsonl` files; otherwise for text files.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<String>,
    jsonl: bool,
) -> (Vec<Input>, Vec<input::InputError>) {
    let mut opts = input::Options {
        stdin_name,
        ..input::Options::default()
    };
    if jsonl {
        opts.extensions = vec!["jsonl".into(), "ndjson".into()];
    }
    input::collect(paths, &opts)
}
