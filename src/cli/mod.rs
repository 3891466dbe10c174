//! The streaming pipeline behind `mtlint check` and `mtlint score`: inputs
//! (files and folders, or JSON Lines documents) are read and scanned in
//! parallel and handed back one at a time in input order
//! ([`mtlint::pipeline::ordered`]), with a progress bar on a terminal, and
//! the output goes to standard output or, whole or not at all, to a file.

pub mod output;
pub mod progress;

use std::fs::File;
use std::io::{self, BufReader};
use std::sync::Arc;

use rayon::prelude::*;

use mtlint::config::Settings;
use mtlint::input::{self, Input, Source};
use mtlint::records::Records;
use mtlint::segment::vocabulary::Vocabulary;
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

/// How one input is scanned: with the scanner and settings that the
/// configuration gives its path.
pub struct Job {
    /// The scanner for its configuration.
    pub scanner: Arc<Scanner>,
    /// Its settings (fail level, fail-under…).
    pub settings: Settings,
}

/// One unit of work for the pool, with the index of its input's [`Job`].
enum Work {
    File(Input, usize),
    Text {
        id: String,
        text: String,
        job: usize,
    },
    Failed(Failure, Option<usize>),
}

/// Scans every document of `sources` on `threads` threads (all cores when
/// `None`) and calls `emit` with each result in input order, with the
/// [`Job`] of its input (`jobs[i]` for the `i`-th input); `emit` returns
/// `false` to stop early. Errors only when the threads cannot start.
///
/// Files are read in the encoding they are in (see
/// [`mtlint::input::read_decoded`]). When there are several, a first pass
/// gathers the words of all of them (see [`Scanner::gather_words`]).
pub fn scan(
    jobs: &[Job],
    sources: Sources,
    threads: Option<usize>,
    show_progress: bool,
    mut emit: impl FnMut(&Job, Result<FileReport, Failure>) -> bool,
) -> Result<(), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))?;
    let window = mtlint::pipeline::window_for(pool.current_num_threads());
    let folder = match &sources {
        Sources::Files(inputs) => folder_words(&pool, inputs, jobs),
        Sources::Jsonl { .. } => None,
    };
    let mut progress = Progress::new(sources.len(), show_progress);
    let work_items: Box<dyn Iterator<Item = Work>> =
        match sources {
            Sources::Files(inputs) => Box::new(
                inputs
                    .into_iter()
                    .enumerate()
                    .map(|(k, i)| Work::File(i, k)),
            ),
            Sources::Jsonl {
                inputs,
                text_field,
                id_field,
            } => {
                let several = inputs.len() > 1;
                Box::new(inputs.into_iter().enumerate().flat_map(move |(k, i)| {
                    records(i, k, &text_field, id_field.as_deref(), several)
                }))
            }
        };
    let work = |w: Work| match w {
        Work::File(i, k) => (
            Some(k),
            input::read_decoded(&i)
                .map(|d| {
                    jobs[k]
                        .scanner
                        .scan_decoded_in(&i.display, &d, folder.as_ref())
                })
                .map_err(Failure::from),
        ),
        Work::Text { id, text, job } => (Some(job), Ok(jobs[job].scanner.scan_file(&id, &text))),
        Work::Failed(f, k) => (k, Err(f)),
    };
    mtlint::pipeline::ordered(&pool, window, work_items, work, |(k, r)| {
        let go_on = match k.and_then(|k| jobs.get(k)) {
            Some(job) => progress.suspend(|| emit(job, r)),
            // A failure before any input was matched to a job: report it
            // with the first job's settings (they do not judge failures).
            None => match jobs.first() {
                Some(job) => progress.suspend(|| emit(job, r)),
                None => true,
            },
        };
        progress.inc();
        go_on
    });
    progress.finish();
    Ok(())
}

/// The words of every file of a scan of several files, read in a first
/// pass, for the rules that weigh what the other files write. Standard input
/// is left out: it can be read only once. Memory stays bounded: see
/// [`Vocabulary`].
fn folder_words(
    pool: &rayon::ThreadPool,
    inputs: &[Input],
    jobs: &[Job],
) -> Option<Arc<Vocabulary>> {
    let files: Vec<(&Input, &Job)> = inputs
        .iter()
        .zip(jobs)
        .filter(|(i, job)| matches!(i.source, Source::File(_)) && job.scanner.gathers_words())
        .collect();
    // Without a rule that weighs them, the folder's words are not worth
    // reading every file twice.
    if files.len() < 2 {
        return None;
    }
    let words = pool.install(|| {
        files
            .par_iter()
            .fold(Vocabulary::new, |mut v, (i, job)| {
                if let Ok(d) = input::read_decoded(i) {
                    job.scanner.gather_words(&d.text, &mut v);
                }
                v
            })
            .reduce(Vocabulary::new, |mut a, b| {
                a.merge(b);
                a
            })
    });
    Some(Arc::new(words))
}

/// The documents of one JSON Lines input, as jobs. With `several` inputs,
/// ids made from line numbers are prefixed with the path (`a.jsonl:7`).
fn records(
    input: Input,
    job: usize,
    text_field: &str,
    id_field: Option<&str>,
    several: bool,
) -> Box<dyn Iterator<Item = Work>> {
    let reader: Box<dyn io::BufRead> = match &input.source {
        Source::Stdin => Box::new(BufReader::new(io::stdin())),
        Source::File(p) => match File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                let failure = input::InputError::io(input.display.clone(), &e);
                return Box::new(std::iter::once(Work::Failed(failure.into(), Some(job))));
            }
        },
    };
    let path = input.display;
    let prefix = several && id_field.is_none();
    Box::new(
        Records::new(reader, text_field, id_field).map(move |r| match r {
            Ok(rec) => Work::Text {
                id: if prefix {
                    format!("{path}:{}", rec.id)
                } else {
                    rec.id
                },
                text: rec.text,
                job,
            },
            Err(e) => Work::Failed(
                Failure {
                    path: path.clone(),
                    text: format!("{path}: {e}; skipped"),
                    skip: false,
                },
                Some(job),
            ),
        }),
    )
}
