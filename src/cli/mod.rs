//! The commands of the `mtlint` binary: each resolves the settings of its
//! inputs, runs the library's batch scan ([`mtlint::batch::run`]) and
//! renders what comes back, with a progress bar on a terminal; the output
//! goes to standard output or, whole or not at all, to a file.

pub mod args;
pub mod check;
pub mod output;
pub mod progress;
pub mod rules;
pub mod score;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anstream::ColorChoice;

use mtlint::batch::{Failure, Job, Sources};
use mtlint::check::scanner::Scanners;
use mtlint::config::{self, Discovery, Layer, Resolver};
use mtlint::extract::Format;
use mtlint::read::walk;
use mtlint::NoticeKind;

use args::{ConfigArgs, InputArgs, InputKind, SettingsArgs};
use output::{AtomicFile, Sink};

/// Exit status for a usage or I/O error.
pub const EXIT_ERROR: u8 = 2;

/// What to scan, and how: the inputs, the scanner and settings of each one
/// (from the configuration files and the flags), and whether a path could
/// not be read (reported here, on standard error).
pub struct Plan {
    pub sources: Sources,
    /// For each input, in order: its scanner and settings.
    pub jobs: Vec<Job>,
    pub failed_io: bool,
    /// Paths that could not be read (already reported on standard error):
    /// the structured outputs list them.
    pub failures: Vec<Failure>,
    /// Files named on the command line left out by `--force-exclude`.
    pub excluded: usize,
}

/// The inputs of a command and their settings.
pub struct Inputs<'a> {
    pub paths: &'a [PathBuf],
    pub stdin_name: Option<String>,
    pub input: &'a InputArgs,
    pub settings: &'a SettingsArgs,
    pub no_ignore: bool,
    /// `--force-exclude`: the configuration's `exclude` applies to files
    /// named on the command line too.
    pub force_exclude: bool,
    pub quiet: bool,
}

/// Resolves the settings of every input, or returns the exit code of a
/// usage error (reported).
pub fn plan(i: Inputs) -> Result<Plan, u8> {
    let resolver = Arc::new(resolver(i.settings)?);
    let jsonl = i.input.kind == InputKind::Jsonl;
    let mut opts = walk::Options {
        stdin_name: i.stdin_name,
        no_ignore: i.no_ignore,
        ..walk::Options::default()
    };
    if jsonl {
        opts.extensions = vec!["jsonl".into(), "ndjson".into()];
    } else {
        let walker = resolver.clone();
        opts.filter = Some(walk::WalkFilter(Arc::new(move |p: &Path, dir: bool| {
            walker.walk_takes(p, dir)
        })));
    }
    let (mut inputs, errors) = walk::collect(i.paths, &opts);
    let found = inputs.len();
    if i.force_exclude {
        // Files named on the command line; walked files were filtered already.
        inputs.retain(|input| match &input.source {
            walk::Origin::File(p) => !resolver.excludes(p),
            walk::Origin::Stdin => true,
        });
    }
    let excluded = found - inputs.len();
    if let Some(e) = resolver.first_error() {
        return Err(usage_error(&e.to_string()));
    }
    // One scanner per distinct configuration.
    let mut scanners = Scanners::default();
    let mut jobs = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let path = match &input.source {
            walk::Origin::File(p) => p.clone(),
            // Standard input: the configuration of the current folder, and
            // `--stdin-filename` for per-file globs.
            walk::Origin::Stdin => PathBuf::from(&input.display),
        };
        match resolver.settings(&path) {
            Ok(mut s) => {
                // A JSON Lines document is plain text unless a format is
                // named: its id is no file name to take a format from.
                if jsonl && s.scanner.input_format.is_none() {
                    s.scanner.input_format = Some(Format::Text);
                }
                jobs.push(Job::with_settings(scanners.get(&s.scanner), s));
            }
            Err(e) => return Err(usage_error(&e.to_string())),
        }
    }
    let failures: Vec<Failure> = errors.into_iter().map(Failure::from).collect();
    let mut failed_io = false;
    for f in &failures {
        failed_io |= report_failure(f, i.quiet);
    }
    let sources = if jsonl {
        Sources::Jsonl {
            inputs,
            text_field: i.input.text_field.clone(),
            id_field: i.input.id_field.clone(),
        }
    } else {
        Sources::Files(inputs)
    };
    Ok(Plan {
        sources,
        jobs,
        failed_io,
        failures,
        excluded,
    })
}

/// Standard output, or `-o FILE` through a temporary file.
pub fn open_output(path: Option<&Path>, color: ColorChoice) -> Result<Sink, String> {
    match path {
        None => Ok(Sink::stdout(color)),
        Some(p) => AtomicFile::create(p)
            .map(|f| Sink::File(Box::new(f)))
            .map_err(|e| format!("cannot write {}: {e}", p.display())),
    }
}

/// Reports a notice on standard error (`mtlint: error: …`, `warning`,
/// `note`; only errors when `quiet`); returns whether it is an error.
pub fn report_failure(f: &Failure, quiet: bool) -> bool {
    if f.is_error() || !quiet {
        eprintln!("mtlint: {}: {f}", f.level);
    }
    f.is_error()
}

/// What a run scanned, to tell a run that scanned nothing.
pub struct Scanned<'a> {
    /// Files or documents scanned.
    pub files: usize,
    /// The paths given.
    pub paths: &'a [PathBuf],
    /// The notices so far.
    pub notices: &'a [Failure],
    /// `--input jsonl`.
    pub jsonl: bool,
    /// Files named on the command line left out by `--force-exclude`.
    pub excluded: usize,
}

/// The warning of a scan that scanned nothing although every path was read
/// (an empty folder, only binary, excluded or ignored files, an empty JSON
/// Lines input), reported on standard error unless `quiet`; `None` when
/// something was scanned or an error already says why not.
pub fn nothing_scanned(s: &Scanned, quiet: bool) -> Option<Failure> {
    if s.files > 0 || s.notices.iter().any(Failure::is_error) {
        return None;
    }
    let names: Vec<String> = s.paths.iter().map(|p| p.display().to_string()).collect();
    let names = names.join(", ");
    let binaries = s
        .notices
        .iter()
        .filter(|n| n.kind == NoticeKind::Binary)
        .count();
    let files = |n: usize| if n == 1 { "file" } else { "files" };
    let message = if binaries > 0 || s.excluded > 0 {
        let mut why = Vec::new();
        if binaries > 0 {
            why.push(format!("{binaries} binary {} skipped", files(binaries)));
        }
        if s.excluded > 0 {
            let n = s.excluded;
            why.push(format!("{n} {} excluded (--force-exclude)", files(n)));
        }
        format!("nothing scanned in {names}: {}", why.join(", "))
    } else if s.jsonl {
        format!("nothing scanned: no document in {names}")
    } else {
        format!(
            "nothing scanned: no file to read in {names} (folders are walked for the extensions \
             mtlint reads, without excluded, ignored and hidden files)"
        )
    };
    let notice = Failure::new("", NoticeKind::NoInputs, message);
    report_failure(&notice, quiet);
    Some(notice)
}

/// Ends a run: makes the output final. A closed pipe is not an error.
pub fn close_output(written: io::Result<Sink>) -> Result<(), u8> {
    match written.and_then(Sink::commit) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("mtlint: error: cannot write the output: {e}");
            Err(EXIT_ERROR)
        }
        _ => Ok(()),
    }
}

/// The configuration resolver for the settings flags, or the exit code of
/// a usage error (reported).
pub fn resolver(args: &SettingsArgs) -> Result<Resolver, u8> {
    let language = match args.lang.as_deref().map(config::parse_language).transpose() {
        Ok(l) => l,
        Err(m) => return Err(usage_error(&m)),
    };
    let input_format = match args
        .input_format
        .as_deref()
        .map(config::parse_input_format)
        .transpose()
    {
        Ok(f) => f,
        Err(m) => return Err(usage_error(&format!("invalid --input-format: {m}"))),
    };
    let trim = |v: &[String]| -> Vec<String> { v.iter().map(|s| s.trim().to_string()).collect() };
    let cli = Layer {
        language,
        input_format,
        select: (!args.select.is_empty()).then(|| trim(&args.select)),
        extend_select: trim(&args.extend_select),
        ignore: trim(&args.ignore),
        fail_level: args.fail_level.map(Into::into),
        fail_under: args.fail_under,
        ..Layer::default()
    };
    cli.validate_flags().map_err(|m| usage_error(&m))?;
    let discovery = match (&args.config, args.isolated) {
        (_, true) => Discovery::Isolated,
        (Some(f), false) => Discovery::File(f.clone()),
        (None, false) => Discovery::Walk,
    };
    Resolver::new(discovery, cli).map_err(|e| usage_error(&e.to_string()))
}

/// `mtlint config --show PATH`.
pub fn show_config(args: &ConfigArgs) -> u8 {
    let resolver = match resolver(&args.settings) {
        Ok(r) => r,
        Err(code) => return code,
    };
    match resolver.settings(&args.path) {
        Ok(s) => print_out(&format!(
            "# settings for {}\n{}",
            args.path.to_string_lossy(),
            s.to_toml()
        )),
        Err(e) => usage_error(&e.to_string()),
    }
}

/// Writes to standard output; a closed pipe (`mtlint rules | head`) is not an error.
pub fn print_out(text: &str) -> u8 {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("mtlint: error: cannot write the output: {e}");
            EXIT_ERROR
        }
        _ => 0,
    }
}

/// Reports a usage error; returns its exit code.
pub fn usage_error(message: &str) -> u8 {
    eprintln!("mtlint: error: {message}");
    EXIT_ERROR
}

/// The message for a rule id that does not exist, with the nearest one.
pub fn unknown_rule(id: &str) -> String {
    mtlint::rules::unknown_rule_message(id)
}
