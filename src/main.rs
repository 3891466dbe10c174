//! The `mtlint` command line: a thin layer that wires the read stage
//! ([`mtlint::input`]) to the [`Scanner`] and a renderer.
//!
//! Exit status: 0 when no shown finding reaches `--fail-level`, 1 when one
//! does, 2 for a usage error or a path that could not be read (2 wins).

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
use mtlint::render::{self, Options};
use mtlint::rules::{self, RuleMeta};
use mtlint::segment::vocabulary::Vocabulary;
use mtlint::{FileReport, Report, Scanner, Severity};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Each finding with its source line, for people.
    Full,
    /// One line a finding.
    Concise,
    /// The report as JSON.
    Json,
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
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Config(args) => show_config(&args),
    };
    ExitCode::from(code)
}

/// `mtlint check`.
fn check(args: CheckArgs) -> u8 {
    let resolver = match resolver(&args.settings) {
        Ok(r) => Arc::new(r),
        Err(code) => return code,
    };
    let walk = resolver.clone();
    let opts = input::Options {
        stdin_name: args.stdin_filename.clone(),
        no_ignore: args.no_ignore,
        filter: Some(input::WalkFilter(Arc::new(move |p: &Path, dir: bool| {
            walk.walk_takes(p, dir)
        }))),
        ..input::Options::default()
    };
    let (inputs, mut errors) = input::collect(&args.paths, &opts);
    if let Some(e) = resolver.first_error() {
        return usage_error(&e.to_string());
    }
    // The settings of each file; one scanner per distinct configuration.
    let mut scanners = Scanners::default();
    let mut jobs: Vec<(&Input, Arc<Scanner>, config::Settings)> = Vec::with_capacity(inputs.len());
    for i in &inputs {
        let path = match &i.source {
            input::Source::File(p) => p.clone(),
            // Standard input: the configuration of the current folder, and
            // `--stdin-filename` for per-file globs.
            input::Source::Stdin => PathBuf::from(&i.display),
        };
        match resolver.settings(&path) {
            Ok(s) => jobs.push((i, scanners.get(&s.scanner), s)),
            Err(e) => return usage_error(&e.to_string()),
        }
    }

    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => return usage_error(&format!("cannot start threads: {e}")),
    };
    if args.fix || args.diff {
        return fix_files(&args, &jobs, errors, &pool);
    }
    if args.unsafe_fixes {
        return usage_error("--unsafe-fixes applies fixes only with --fix or --diff");
    }
    let folder = folder_words(&pool, &jobs);
    // Read and scan in parallel; `collect` keeps input order, so the output
    // does not depend on the scheduling.
    let results: Vec<Result<FileReport, InputError>> = pool.install(|| {
        jobs.par_iter()
            .map(|(i, scanner, _)| {
                input::read_decoded(i)
                    .map(|d| scanner.scan_decoded_in(&i.display, &d, folder.as_ref()))
            })
            .collect()
    });
    let mut files = Vec::with_capacity(results.len());
    let mut failed = false;
    for (r, (_, _, settings)) in results.into_iter().zip(&jobs) {
        match r {
            Ok(mut f) => {
                // Keep only what is shown; the summary counts what is kept.
                f.findings.retain(|x| x.severity >= args.min_level);
                failed |= f.findings.iter().any(|x| x.severity >= settings.fail_level)
                    || settings.fail_under.is_some_and(|u| f.score < u);
                files.push(f);
            }
            Err(e) => errors.push(e),
        }
    }
    errors.sort_by(|a, b| a.path.cmp(&b.path));

    let mut failed_io = false;
    {
        let mut err = io::stderr().lock();
        for e in &errors {
            if e.is_skip() {
                if !args.quiet {
                    let _ = writeln!(err, "mtlint: note: {e}");
                }
            } else {
                failed_io = true;
                let _ = writeln!(err, "mtlint: error: {e}");
            }
        }
    }

    let report = Report::new(files);

    let stdout = io::stdout();
    let choice = match args.color {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto => AutoStream::choice(&stdout),
    };
    let render_opts = Options {
        color: choice != ColorChoice::Never,
        // Isolates only where a terminal lays the text out (see render::quote).
        isolate_rtl: stdout.is_terminal(),
        quiet: args.quiet,
    };
    let text = match args.format {
        Format::Json => report.to_json(),
        Format::Full => render::full::render(&report, &render_opts),
        Format::Concise => render::concise::render(&report, &render_opts),
    };
    // Without colour the text holds no escapes: skip anstream's stripping
    // pass, which costs a scan of every byte of a large JSON report.
    let written = if render_opts.color {
        let mut out = AutoStream::new(stdout.lock(), choice);
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    } else {
        let mut out = stdout.lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    };
    if let Err(e) = written {
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

/// The words of every file of a scan of several files, read in a first
/// pass, for the rules that weigh what the other files write. Standard input
/// is left out: it can be read only once.
fn folder_words(
    pool: &rayon::ThreadPool,
    jobs: &[(&Input, Arc<Scanner>, config::Settings)],
) -> Option<Arc<Vocabulary>> {
    let files: Vec<_> = jobs
        .iter()
        .filter(|(i, _, _)| matches!(i.source, input::Source::File(_)))
        .collect();
    if files.len() < 2 {
        return None;
    }
    let words = pool.install(|| {
        files
            .par_iter()
            .fold(Vocabulary::new, |mut v, (i, scanner, _)| {
                if let Ok(text) = input::read_decoded(i).map(|d| d.text) {
                    scanner.gather_words(&text, &mut v);
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
fn fix_files(
    args: &CheckArgs,
    jobs: &[(&Input, Arc<Scanner>, config::Settings)],
    mut errors: Vec<InputError>,
    pool: &rayon::ThreadPool,
) -> u8 {
    let opts = fix::Options {
        unsafe_fixes: args.unsafe_fixes,
        ..fix::Options::default()
    };
    let write = !args.diff;
    let results: Vec<Result<fix::FileOutcome, InputError>> = pool.install(|| {
        jobs.par_iter()
            .map(|(i, scanner, _)| fix::fix_input(scanner, i, &opts, write))
            .collect()
    });
    if write {
        // Temporary files of earlier runs that were killed mid-write.
        let dirs: std::collections::BTreeSet<PathBuf> = jobs
            .iter()
            .filter_map(|(i, _, _)| match &i.source {
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
    for ((input, _, settings), r) in jobs.iter().zip(results) {
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
        let f = &o.fixed.report;
        failed |= f
            .findings
            .iter()
            .any(|x| x.severity >= args.min_level && x.severity >= settings.fail_level)
            || settings.fail_under.is_some_and(|u| f.score < u);
        files.push(o.fixed.report);
    }
    written = written.and_then(|()| out.flush());
    drop(out);
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    let mut failed_io = false;
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
    let report = Report::new(files);
    if !args.quiet {
        let summary = report.summary.fixes.clone().unwrap_or_default();
        eprintln!("mtlint: {}", summary.describe(args.diff));
    }
    if args.diff {
        return if failed_io {
            EXIT_ERROR
        } else {
            u8::from(changed)
        };
    }

    // The report of what remains, on standard error when standard output
    // holds fixed text.
    let to_stderr = stdin_fixed;
    let terminal = if to_stderr {
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
    let text = match args.format {
        Format::Json => report.to_json(),
        Format::Full => render::full::render(&report, &render_opts),
        Format::Concise => render::concise::render(&report, &render_opts),
    };
    let choice = if color {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    };
    let shown = if to_stderr {
        let mut w = AutoStream::new(io::stderr().lock(), choice);
        w.write_all(text.as_bytes()).and_then(|()| w.flush())
    } else {
        let mut w = AutoStream::new(io::stdout().lock(), choice);
        w.write_all(text.as_bytes()).and_then(|()| w.flush())
    };
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
