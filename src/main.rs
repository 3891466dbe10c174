//! The `mtlint` command line: a thin layer that wires the read stage
//! ([`mtlint::input`]) to the [`Scanner`] and a renderer, streaming through
//! [`cli`].
//!
//! Exit status: 0 when no shown finding reaches `--fail-level` (for `score`:
//! no file under `--fail-under`), 1 when one does, 2 for a usage error or a
//! path that could not be read (2 wins).

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anstream::{AutoStream, ColorChoice};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use mtlint::config::{self, Discovery, Layer, Resolver, Scanners};
use mtlint::fix;
use mtlint::input::{self, Input, InputError};
use mtlint::render::scores::{self, ScoreRow};
use mtlint::render::stream::{Format, Stream};
use mtlint::render::Options;
use mtlint::rules::{self, RuleMeta};
use mtlint::Severity;

use cli::output::{AtomicFile, Sink};
use cli::Sources;

/// Find machine-translation garble in text before it is published.
#[derive(Debug, Parser)]
#[command(name = "mtlint", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Scan files, folders or standard input.
    Check(CheckArgs),
    /// Score files, folders or standard input: a table, worst first.
    Score(ScoreArgs),
    /// List every rule: id, default severity, summary.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show a rule's documentation.
    Explain {
        /// The rule id, as listed by `mtlint rules`.
        rule: String,
    },
    /// Show the settings in force for a path (configuration and flags).
    Config(ConfigArgs),
    /// Show the sources and licenses of the data built into mtlint.
    Licenses,
}

#[derive(Debug, clap::Args)]
struct ConfigArgs {
    /// Print the settings in force for PATH, as TOML.
    #[arg(long, required = true)]
    show: bool,
    /// The file or folder whose settings to show.
    #[arg(default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    settings: SettingsArgs,
}

/// The flags that override the configuration files.
#[derive(Debug, clap::Args)]
struct SettingsArgs {
    /// Use this configuration file for every path, instead of the nearest
    /// mtlint.toml or .mtlint.toml above each one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    isolated: bool,
    /// Language of the texts (ISO code: ar, en, fr…); detected when absent.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    select: Vec<String>,
    /// Run these rules too (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Never run these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Exit with 1 when a shown finding is at or above this level [default: error].
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_level: Option<Severity>,
    /// Exit with 1 when a file scores below this (0 to 100).
    #[arg(long, value_name = "SCORE")]
    fail_under: Option<f64>,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or folders to scan (`-` for standard input). Folders are walked
    /// for .txt and .md files (or the configuration's extensions), honouring
    /// .gitignore and .mtlintignore.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,
    /// Show only findings at or above this level.
    #[arg(long, value_enum, default_value_t = Severity::Info, value_name = "LEVEL")]
    min_level: Severity,
    /// Walk folders without reading .gitignore, .ignore or .mtlintignore
    /// (hidden files are still skipped).
    #[arg(long)]
    no_ignore: bool,
    #[command(flatten)]
    settings: SettingsArgs,
    /// When to use colours (`auto`: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    color: ColorWhen,
    /// Name shown for standard input (`-`).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Number of threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Print findings and errors only: no summary line, no notes.
    #[arg(short, long)]
    quiet: bool,
    /// Count findings per rule instead of listing them (full, concise, json).
    #[arg(long)]
    statistics: bool,
    /// Write the output to FILE: whole once the run is done, or not at all.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Apply the safe fixes to the files (standard input: print the fixed
    /// text), then report what remains.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff: apply the unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; write nothing.
    /// Exit code 1 when something would change.
    #[arg(long)]
    diff: bool,
}

#[derive(Debug, clap::Args)]
struct ScoreArgs {
    /// Files or folders to score (`-` for standard input).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    format: ScoreFormat,
    /// Add the count of findings per rule to the table.
    #[arg(long)]
    statistics: bool,
    /// Walk folders without reading .gitignore, .ignore or .mtlintignore.
    #[arg(long)]
    no_ignore: bool,
    #[command(flatten)]
    settings: SettingsArgs,
    /// Name shown for standard input (`-`).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Number of threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// No notes on standard error, no progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Write the output to FILE: whole once the run is done, or not at all.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

/// Where the documents come from.
#[derive(Debug, clap::Args)]
struct InputArgs {
    /// `files`: each path a text file or a folder of them; `jsonl`: JSON
    /// Lines files (or `-`), one document a line.
    #[arg(long = "input", value_enum, default_value_t = InputKind::Files, value_name = "KIND")]
    kind: InputKind,
    /// With `--input jsonl`: the field holding the text (a JSON pointer
    /// such as `/body/text` for a nested one).
    #[arg(long, value_name = "FIELD", default_value = "text")]
    text_field: String,
    /// With `--input jsonl`: the field holding each document's id (default:
    /// its line number).
    #[arg(long, value_name = "FIELD")]
    id_field: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// Text files and folders.
    Files,
    /// JSON Lines documents.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScoreFormat {
    /// An aligned table, worst first.
    Table,
    /// The rows as JSON, worst first, with a summary.
    Json,
    /// One JSON object a file, in input order, as each is done.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    /// An aligned table.
    Text,
    /// A JSON array.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// Exit status for a usage or I/O error.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(args),
        Command::Score(args) => score(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Config(args) => show_config(&args),
        Command::Licenses => print_out(&mtlint::notices::text()),
    };
    ExitCode::from(code)
}

/// What to scan, and how: the inputs, the scanner and settings of each one
/// (from the configuration files and the flags), and whether a path could
/// not be read (reported here, on standard error).
struct Plan {
    sources: Sources,
    /// For each input, in order: its scanner and settings.
    jobs: Vec<cli::Job>,
    failed_io: bool,
    /// Paths that could not be read (already reported): SARIF lists them.
    failures: Vec<InputError>,
}

/// Resolves the settings of every input, or returns the exit code of a
/// usage error (reported).
fn plan(
    paths: &[PathBuf],
    stdin_name: Option<String>,
    input: &InputArgs,
    settings: &SettingsArgs,
    no_ignore: bool,
    quiet: bool,
) -> Result<Plan, u8> {
    let resolver = Arc::new(resolver(settings)?);
    let jsonl = input.kind == InputKind::Jsonl;
    let mut opts = input::Options {
        stdin_name,
        no_ignore,
        ..input::Options::default()
    };
    if jsonl {
        opts.extensions = vec!["jsonl".into(), "ndjson".into()];
    } else {
        let walk = resolver.clone();
        opts.filter = Some(input::WalkFilter(Arc::new(move |p: &Path, dir: bool| {
            walk.walk_takes(p, dir)
        })));
    }
    let (inputs, errors) = input::collect(paths, &opts);
    if let Some(e) = resolver.first_error() {
        return Err(usage_error(&e.to_string()));
    }
    // One scanner per distinct configuration.
    let mut scanners = Scanners::default();
    let mut jobs = Vec::with_capacity(inputs.len());
    for i in &inputs {
        let path = match &i.source {
            input::Source::File(p) => p.clone(),
            // Standard input: the configuration of the current folder, and
            // `--stdin-filename` for per-file globs.
            input::Source::Stdin => PathBuf::from(&i.display),
        };
        match resolver.settings(&path) {
            Ok(s) => jobs.push(cli::Job {
                scanner: scanners.get(&s.scanner),
                settings: s,
            }),
            Err(e) => return Err(usage_error(&e.to_string())),
        }
    }
    let mut failed_io = false;
    let mut err = io::stderr().lock();
    for e in &errors {
        if e.is_skip() {
            if !quiet {
                let _ = writeln!(err, "mtlint: note: {e}");
            }
        } else {
            failed_io = true;
            let _ = writeln!(err, "mtlint: error: {e}");
        }
    }
    let sources = if jsonl {
        Sources::Jsonl {
            inputs,
            text_field: input.text_field.clone(),
            id_field: input.id_field.clone(),
        }
    } else {
        Sources::Files(inputs)
    };
    let failures = errors.into_iter().filter(|e| !e.is_skip()).collect();
    Ok(Plan {
        sources,
        jobs,
        failed_io,
        failures,
    })
}

/// Standard output, or `-o FILE` through a temporary file.
fn open_output(path: Option<&Path>, color: ColorChoice) -> Result<Sink, String> {
    match path {
        None => Ok(Sink::stdout(color)),
        Some(p) => AtomicFile::create(p)
            .map(Sink::File)
            .map_err(|e| format!("cannot write {}: {e}", p.display())),
    }
}

/// Reports a failed input on standard error, between progress-bar redraws.
fn report_failure(f: &cli::Failure, quiet: bool) -> bool {
    if f.skip {
        if !quiet {
            eprintln!("mtlint: note: {}", f.text);
        }
        false
    } else {
        eprintln!("mtlint: error: {}", f.text);
        true
    }
}

/// Ends a run: makes the output final. A closed pipe is not an error.
fn close_output(written: io::Result<Sink>) -> Result<(), u8> {
    let done = written.and_then(Sink::commit);
    match done {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("mtlint: error: cannot write the output: {e}");
            Err(EXIT_ERROR)
        }
        _ => Ok(()),
    }
}

/// `mtlint check`.
fn check(args: CheckArgs) -> u8 {
    let Plan {
        sources,
        jobs,
        mut failed_io,
        failures,
    } = match plan(
        &args.paths,
        args.stdin_filename.clone(),
        &args.input,
        &args.settings,
        args.no_ignore,
        args.quiet,
    ) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if args.fix || args.diff {
        let Sources::Files(inputs) = sources else {
            return usage_error("--fix and --diff work on files, not on --input jsonl");
        };
        return fix_files(&args, &inputs, &jobs, failed_io);
    }
    if args.unsafe_fixes {
        return usage_error("--unsafe-fixes applies fixes only with --fix or --diff");
    }
    if args.statistics && !Stream::<Vec<u8>>::supports_statistics(args.format) {
        return usage_error("--statistics works with --format full, concise or json");
    }

    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let choice = match args.color {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto if args.output.is_some() => ColorChoice::Never,
        ColorWhen::Auto => AutoStream::choice(&io::stdout()),
    };
    let color = choice != ColorChoice::Never;
    let render_opts = Options {
        color,
        // Isolates only where a terminal lays the text out (see render::quote).
        isolate_rtl: to_terminal,
        quiet: args.quiet,
    };
    let sink = match open_output(args.output.as_deref(), choice) {
        Ok(s) => s,
        Err(m) => return usage_error(&m),
    };

    let mut stream = Stream::new(sink, args.format, render_opts).statistics(args.statistics);
    let mut write_error: Option<io::Error> = stream.begin().err();
    for e in &failures {
        stream.failure(&e.path, &e.to_string());
    }
    let progress = io::stderr().is_terminal() && !args.quiet;
    let mut failed = false;
    let scanned = cli::scan(&jobs, sources, args.threads, progress, |job, r| match r {
        Ok(mut file) => {
            // Keep only what is shown; the summary counts what is kept.
            file.findings.retain(|x| x.severity >= args.min_level);
            // Each file is judged by its own settings.
            failed |= job.settings.fails(&file, args.min_level);
            if write_error.is_none() {
                write_error = stream.file(&file).err();
            }
            // Stop scanning once the output is gone (`| head`).
            write_error.is_none()
        }
        Err(f) => {
            failed_io |= report_failure(&f, args.quiet);
            stream.failure(&f.path, &f.text);
            true
        }
    });
    if let Err(m) = scanned {
        return usage_error(&m);
    }
    let written = match write_error {
        Some(e) => Err(e),
        None => stream.finish().map(|(sink, _)| sink),
    };
    if let Err(code) = close_output(written) {
        return code;
    }
    if failed_io {
        EXIT_ERROR
    } else {
        u8::from(failed)
    }
}

/// `mtlint score`.
fn score(args: ScoreArgs) -> u8 {
    let Plan {
        sources,
        jobs,
        mut failed_io,
        ..
    } = match plan(
        &args.paths,
        args.stdin_filename.clone(),
        &args.input,
        &args.settings,
        args.no_ignore,
        args.quiet,
    ) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut sink = match open_output(args.output.as_deref(), ColorChoice::Never) {
        Ok(s) => s,
        Err(m) => return usage_error(&m),
    };
    let mut rows = Vec::new();
    let mut summary = mtlint::Summary::default();
    let mut write_error: Option<io::Error> = None;
    let progress = io::stderr().is_terminal() && !args.quiet;
    // Files under their `fail-under` (the flag or the configuration).
    let mut below = Vec::new();
    let scanned = cli::scan(&jobs, sources, args.threads, progress, |job, r| match r {
        Ok(file) => {
            summary.add(&file);
            if let Some(u) = job.settings.fail_under.filter(|&u| file.score < u) {
                below.push(u);
            }
            let row = ScoreRow::new(&file);
            if args.format == ScoreFormat::Jsonl {
                // Streamed in input order, for pipelines.
                write_error = sink
                    .write_all(scores::json_line(&row).as_bytes())
                    .and_then(|()| sink.flush())
                    .err();
            }
            rows.push(row);
            write_error.is_none()
        }
        Err(f) => {
            failed_io |= report_failure(&f, args.quiet);
            true
        }
    });
    if let Err(m) = scanned {
        return usage_error(&m);
    }
    scores::sort(&mut rows);
    let text = match args.format {
        ScoreFormat::Table => {
            let mut t = scores::table(&rows, &summary);
            if args.statistics {
                t.push('\n');
                t.push_str(&scores::statistics(&summary.by_rule));
            }
            t
        }
        ScoreFormat::Json => scores::json(&rows, &summary),
        ScoreFormat::Jsonl => String::new(),
    };
    let written = match write_error {
        Some(e) => Err(e),
        None => sink.write_all(text.as_bytes()).map(|()| sink),
    };
    if let Err(code) = close_output(written) {
        return code;
    }
    if !below.is_empty() && !args.quiet {
        let n = below.len();
        let plural = if n == 1 { " scores" } else { "s score" };
        match args.settings.fail_under {
            Some(u) => eprintln!("mtlint: {n} file{plural} below {u}"),
            None => eprintln!("mtlint: {n} file{plural} below their fail-under"),
        }
    }
    if failed_io {
        EXIT_ERROR
    } else {
        u8::from(!below.is_empty())
    }
}

/// The configuration resolver for the settings flags, or the exit code of
/// a usage error (reported).
fn resolver(args: &SettingsArgs) -> Result<Resolver, u8> {
    let language = match args.lang.as_deref().map(config::parse_language).transpose() {
        Ok(l) => l,
        Err(m) => return Err(usage_error(&m)),
    };
    let trim = |v: &[String]| -> Vec<String> { v.iter().map(|s| s.trim().to_string()).collect() };
    let cli = Layer {
        language,
        select: (!args.select.is_empty()).then(|| trim(&args.select)),
        extend_select: trim(&args.extend_select),
        ignore: trim(&args.ignore),
        fail_level: args.fail_level,
        fail_under: args.fail_under,
        ..Layer::default()
    };
    for id in cli
        .select
        .iter()
        .flatten()
        .chain(&cli.extend_select)
        .chain(&cli.ignore)
    {
        if rules::find_meta(id).is_none() {
            return Err(usage_error(&unknown_rule(id)));
        }
    }
    if let Some(u) = args.fail_under {
        if !(0.0..=100.0).contains(&u) {
            return Err(usage_error(&format!(
                "invalid --fail-under {u}: expected a score from 0 to 100"
            )));
        }
    }
    let discovery = match (&args.config, args.isolated) {
        (_, true) => Discovery::Isolated,
        (Some(f), false) => Discovery::File(f.clone()),
        (None, false) => Discovery::Walk,
    };
    Resolver::new(discovery, cli).map_err(|e| usage_error(&e.to_string()))
}

/// `mtlint config --show PATH`.
fn show_config(args: &ConfigArgs) -> u8 {
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

/// `mtlint check --fix` and `--diff`: fix every input (in parallel, output
/// in input order), write the files back or print the diff, then report.
///
/// `--diff` prints the diffs on standard output and writes nothing; exit 1
/// when something would change. `--fix` writes each changed file atomically
/// and renders the report of what remains, like `check`; the fixed text of
/// standard input goes to standard output, and then the report goes to
/// standard error (as `ruff check --fix -` does). The fix counts go to
/// standard error and into the JSON report (`fixes`).
fn fix_files(args: &CheckArgs, inputs: &[Input], jobs: &[cli::Job], mut failed_io: bool) -> u8 {
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => return usage_error(&format!("cannot start threads: {e}")),
    };
    let jobs: Vec<(&Input, &cli::Job)> = inputs.iter().zip(jobs).collect();
    let mut errors: Vec<InputError> = Vec::new();
    let opts = fix::Options {
        unsafe_fixes: args.unsafe_fixes,
        ..fix::Options::default()
    };
    let write = !args.diff;
    let results: Vec<Result<fix::FileOutcome, InputError>> = pool.install(|| {
        jobs.par_iter()
            .map(|(i, job)| fix::fix_input(&job.scanner, i, &opts, write))
            .collect()
    });
    if write {
        // Temporary files of earlier runs that were killed mid-write.
        let dirs: std::collections::BTreeSet<PathBuf> = jobs
            .iter()
            .filter_map(|(i, _)| match &i.source {
                input::Source::File(p) => std::fs::canonicalize(p).ok()?.parent().map(Into::into),
                input::Source::Stdin => None,
            })
            .collect();
        for d in dirs {
            fix::write::remove_stale_temps(&d);
        }
    }

    let mut out = io::stdout().lock();
    let mut files = Vec::new();
    let mut changed = false;
    let mut stdin_fixed = false;
    let mut written = Ok(());
    let mut failed = false;
    for ((input, job), r) in jobs.iter().zip(results) {
        let settings = &job.settings;
        let o = match r {
            Ok(o) => o,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        changed |= o.changed();
        if args.diff {
            let d = fix::unified_diff(&input.display, &o.original, &o.fixed.text);
            written = written.and_then(|()| out.write_all(d.as_bytes()));
        } else if input.source == input::Source::Stdin {
            stdin_fixed = true;
            written = written.and_then(|()| out.write_all(o.fixed.text.as_bytes()));
        }
        // Judged on what is shown, as `check` does.
        failed |= settings.fails(&o.fixed.report, args.min_level);
        files.push(o.fixed.report);
    }
    written = written.and_then(|()| out.flush());
    drop(out);
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    for e in &errors {
        if e.is_skip() {
            if !args.quiet {
                eprintln!("mtlint: note: {e}");
            }
        } else {
            failed_io = true;
            eprintln!("mtlint: error: {e}");
        }
    }
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("mtlint: error: cannot write the output: {e}");
            return EXIT_ERROR;
        }
    }

    for f in &mut files {
        f.findings.retain(|x| x.severity >= args.min_level);
    }
    let mut summary = mtlint::Summary::default();
    for f in &files {
        summary.add(f);
    }
    if !args.quiet {
        let fixes = summary.fixes.clone().unwrap_or_default();
        eprintln!("mtlint: {}", fixes.describe(args.diff));
    }
    if args.diff {
        return if failed_io {
            EXIT_ERROR
        } else {
            u8::from(changed)
        };
    }

    // The report of what remains, on standard error when standard output
    // holds fixed text; `-o FILE` as for `check`.
    let to_stderr = stdin_fixed && args.output.is_none();
    let terminal = args.output.is_none()
        && if to_stderr {
            io::stderr().is_terminal()
        } else {
            io::stdout().is_terminal()
        };
    let color = match args.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let render_opts = Options {
        color,
        isolate_rtl: terminal,
        quiet: args.quiet,
    };
    let mut stream = Stream::new(Vec::new(), args.format, render_opts).statistics(args.statistics);
    let rendered = stream
        .begin()
        .and_then(|()| files.iter().try_for_each(|f| stream.file(f)))
        .and_then(|()| stream.finish().map(|(bytes, _)| bytes));
    let choice = if color {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    };
    let shown = rendered.and_then(|bytes| match &args.output {
        Some(p) => {
            let mut file = AtomicFile::create(p)?;
            file.write_all(&bytes)?;
            file.commit()
        }
        None if to_stderr => {
            let mut w = AutoStream::new(io::stderr().lock(), choice);
            w.write_all(&bytes).and_then(|()| w.flush())
        }
        None => {
            let mut w = AutoStream::new(io::stdout().lock(), choice);
            w.write_all(&bytes).and_then(|()| w.flush())
        }
    });
    if let Err(e) = shown {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("mtlint: error: cannot write the output: {e}");
            return EXIT_ERROR;
        }
    }
    if failed_io {
        EXIT_ERROR
    } else {
        u8::from(failed)
    }
}

/// `mtlint rules`.
fn list_rules(format: ListFormat) -> u8 {
    let metas: Vec<&RuleMeta> = rules::all_meta().collect();
    let text = match format {
        ListFormat::Json => {
            let list: Vec<_> = metas
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "id": m.id,
                        "severity": m.severity,
                        "summary": m.summary,
                        "explanation": m.explanation,
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Text => {
            let width = metas.iter().map(|m| m.id.len()).max().unwrap_or(0);
            metas
                .iter()
                .map(|m| {
                    format!(
                        "{:width$}  {:7}  {}\n",
                        m.id,
                        m.severity.as_str(),
                        m.summary
                    )
                })
                .collect()
        }
    };
    print_out(&text)
}

/// `mtlint explain RULE`.
fn explain(id: &str) -> u8 {
    let Some(m) = rules::find_meta(id) else {
        return usage_error(&unknown_rule(id));
    };
    let text = format!(
        "# {}\n\nSeverity: {}\n\n{}\n\n{}\n",
        m.id,
        m.severity,
        m.summary,
        m.explanation.trim_end()
    );
    print_out(&text)
}

/// Writes to standard output; a closed pipe (`mtlint rules | head`) is not an error.
fn print_out(text: &str) -> u8 {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("mtlint: error: cannot write the output: {e}");
            EXIT_ERROR
        }
        _ => 0,
    }
}

fn usage_error(message: &str) -> u8 {
    eprintln!("mtlint: error: {message}");
    EXIT_ERROR
}

/// The message for a rule id that does not exist, with the nearest one.
fn unknown_rule(id: &str) -> String {
    let mut m = format!("unknown rule `{id}`");
    if let Some(known) = mtlint::suggest::nearest(id, rules::all_meta().map(|m| m.id)) {
        m.push_str(&format!("; did you mean `{known}`?"));
    }
    m.push_str(" (see `mtlint rules`)");
    m
}
