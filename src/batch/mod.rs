//! The scan of many inputs: files and folders, or JSON Lines documents.
//!
//! Inputs are read and decoded, a first pass gathers the words of every
//! file for the rules that weigh them (see
//! [`crate::rules::Rule::reads_folder_words`]), then each input is checked,
//! or fixed, on a thread pool; the results come back one at a time, in
//! input order ([`ordered`]), in memory bounded by a few files. `mtlint
//! check`, `check --fix`, `--diff` and `score` all go through [`run`], so
//! they report the same findings with the same confidences.
//!
//! ```
//! use std::sync::Arc;
//! use mtlint::batch::{self, Job, Mode, Sources};
//! use mtlint::read::walk::{self, Options};
//! use mtlint::Scanner;
//!
//! let (inputs, errors) = walk::collect(&["seeds".into()], &Options::default());
//! assert!(errors.is_empty());
//! let job = Job::new(Arc::new(Scanner::default()));
//! let jobs = vec![job; inputs.len()];
//! let mut scores = Vec::new();
//! batch::run(&jobs, Sources::Files(inputs), &Mode::Check, None, |_, r| {
//!     scores.push(r.unwrap().report().score);
//!     true
//! })
//! .unwrap();
//! assert_eq!(scores.len(), 5);
//! ```

pub mod ordered;

use std::fs::File;
use std::io::{self, BufReader};
use std::sync::Arc;

use rayon::prelude::*;

use crate::check::Scanner;
use crate::config::Settings;
use crate::fix::{self, FileOutcome};
use crate::read::records::Records;
use crate::read::walk::{self, Input, InputError, Origin};
use crate::report::{FileReport, Notice, NoticeKind};
use crate::text::vocabulary::Vocabulary;

/// An input that produced no report: an unreadable file, a binary file
/// skipped, a malformed JSON Lines record. It is the report's [`Notice`]
/// for it: an error, or a note for a file skipped on purpose.
pub type Failure = Notice;

impl From<InputError> for Notice {
    fn from(e: InputError) -> Self {
        let kind = match e.kind {
            walk::ErrorKind::NotFound => NoticeKind::NotFound,
            walk::ErrorKind::Io(_) => NoticeKind::Unreadable,
            walk::ErrorKind::Binary { .. } => NoticeKind::Binary,
        };
        Notice::new(e.path.clone(), kind, e.message())
    }
}

/// Where the texts come from.
#[non_exhaustive]
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
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> Option<u64> {
        match self {
            Sources::Files(i) => Some(i.len() as u64),
            Sources::Jsonl { .. } => None,
        }
    }
}

/// How one input is scanned: with the scanner and settings that the
/// configuration gives its path.
#[derive(Clone)]
#[non_exhaustive]
pub struct Job {
    /// The scanner for its configuration.
    pub scanner: Arc<Scanner>,
    /// Its settings (fail level, fail-under…).
    pub settings: Settings,
}

impl Job {
    /// A job with `scanner` and the settings of its configuration.
    pub fn new(scanner: Arc<Scanner>) -> Self {
        let settings = Settings::for_config(scanner.config().clone());
        Self { scanner, settings }
    }

    /// A job with `scanner` and these settings.
    pub fn with_settings(scanner: Arc<Scanner>, settings: Settings) -> Self {
        Self { scanner, settings }
    }
}

/// What to do with each input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Scan it.
    Check,
    /// Fix it (see [`fix::fix_file`]), writing files back when `write` is
    /// set; standard input and JSON Lines documents are never written.
    Fix {
        /// Which fixes.
        options: fix::Options,
        /// Write the changed files.
        write: bool,
    },
}

/// The result of one input.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Outcome {
    /// In [`Mode::Check`]: the report of the text as it is.
    Checked(FileReport),
    /// In [`Mode::Fix`]: what fixing did, with the report of what remains
    /// (`fixed.report`).
    Fixed(FileOutcome),
}

impl Outcome {
    /// The report: of the text as it is, or of what remains after fixing.
    pub fn report(&self) -> &FileReport {
        match self {
            Outcome::Checked(r) => r,
            Outcome::Fixed(o) => &o.fixed.report,
        }
    }

    /// [`Outcome::report`], owned.
    pub fn into_report(self) -> FileReport {
        match self {
            Outcome::Checked(r) => r,
            Outcome::Fixed(o) => o.fixed.report,
        }
    }
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

/// Scans (or fixes) every document of `sources` on `threads` threads (all
/// cores when `None`) and calls `emit` with each result in input order,
/// with the [`Job`] of its input (`jobs[i]` for the `i`-th input); `emit`
/// returns `false` to stop early. Errors only when the threads cannot
/// start.
///
/// Files are read in the encoding they are in (see
/// [`walk::read_decoded`]). When there are several, a first pass gathers
/// the words of all of them (see [`Scanner::gather_words`]).
pub fn run(
    jobs: &[Job],
    sources: Sources,
    mode: &Mode,
    threads: Option<usize>,
    mut emit: impl FnMut(&Job, Result<Outcome, Failure>) -> bool,
) -> Result<(), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))?;
    let window = ordered::window_for(pool.current_num_threads());
    let folder = match &sources {
        Sources::Files(inputs) => folder_words(&pool, inputs, jobs),
        Sources::Jsonl { .. } => None,
    };
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
        Work::File(i, k) => (Some(k), scan_file(&jobs[k], &i, folder.as_ref(), mode)),
        Work::Text { id, text, job } => {
            let scanner = &jobs[job].scanner;
            let outcome = match mode {
                Mode::Check => Outcome::Checked(scanner.scan_file(&id, &text)),
                Mode::Fix { options, .. } => {
                    let fixed = fix::fix_text(scanner, &id, &text, options);
                    Outcome::Fixed(FileOutcome::unwritten(text, fixed))
                }
            };
            (Some(job), Ok(outcome))
        }
        Work::Failed(f, k) => (k, Err(f)),
    };
    ordered::ordered(&pool, window, work_items, work, |(k, r)| {
        match k.and_then(|k| jobs.get(k)).or_else(|| jobs.first()) {
            Some(job) => emit(job, r),
            // A failure before any input was matched to a job, and no job
            // at all: nothing to judge it by.
            None => true,
        }
    });
    Ok(())
}

/// Reads, decodes and checks or fixes one file.
fn scan_file(
    job: &Job,
    input: &Input,
    folder: Option<&Arc<Vocabulary>>,
    mode: &Mode,
) -> Result<Outcome, Failure> {
    let decoded = walk::read_decoded(input)?;
    match mode {
        Mode::Check => Ok(Outcome::Checked(job.scanner.scan_decoded_owned(
            &input.display,
            decoded,
            folder,
        ))),
        Mode::Fix { options, write } => Ok(Outcome::Fixed(fix::fix_file(
            &job.scanner,
            input,
            &decoded,
            folder,
            options,
            *write,
        )?)),
    }
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
        .filter(|(i, job)| matches!(i.source, Origin::File(_)) && job.scanner.gathers_words())
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
                if let Ok(d) = walk::read_decoded(i) {
                    job.scanner.gather_words(&i.display, &d.text, &mut v);
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

/// The documents of one JSON Lines input, as work. With `several` inputs,
/// ids made from line numbers are prefixed with the path (`a.jsonl:7`).
fn records(
    input: Input,
    job: usize,
    text_field: &str,
    id_field: Option<&str>,
    several: bool,
) -> Box<dyn Iterator<Item = Work>> {
    let reader: Box<dyn io::BufRead> = match &input.source {
        Origin::Stdin => Box::new(BufReader::new(io::stdin())),
        Origin::File(p) => match File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                let failure = InputError::io(input.display.clone(), &e);
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
            Err(e) if e.is_whole_input() => Work::Failed(
                Notice::new(path.clone(), NoticeKind::MissingField, e.to_string()),
                Some(job),
            ),
            Err(e) => Work::Failed(
                Notice::new(
                    path.clone(),
                    NoticeKind::MalformedRecord,
                    format!("{e}; skipped"),
                ),
                Some(job),
            ),
        }),
    )
}
