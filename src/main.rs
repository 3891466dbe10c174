//! The `mtlint` command line: a thin layer that wires the read stage
//! ([`mtlint::input`]) to the [`Scanner`] and a renderer.
//!
//! Exit status: 0 when no shown finding reaches `--fail-level`, 1 when one
//! does, 2 for a usage error or a path that could not be read (2 wins).

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anstream::{AutoStream, ColorChoice};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use mtlint::fix;
use mtlint::input::{self, Input, InputError};
use mtlint::render::{self, Options};
use mtlint::rules::{self, Rule};
use mtlint::{Config, FileReport, Report, Scanner, Severity};

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
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or folders to scan (`-` for standard input). Folders are walked
    /// for .txt and .md files, honouring .gitignore and .mtlintignore.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,
    /// Language of the texts (ISO code: ar, en, fr…); detected when absent.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    select: Vec<String>,
    /// Never run these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Show only findings at or above this level.
    #[arg(long, value_enum, default_value_t = Severity::Info, value_name = "LEVEL")]
    min_level: Severity,
    /// Exit with 1 when a shown finding is at or above this level.
    #[arg(long, value_enum, default_value_t = Severity::Error, value_name = "LEVEL")]
    fail_level: Severity,
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
    };
    ExitCode::from(code)
}

/// `mtlint check`.
fn check(args: CheckArgs) -> u8 {
    let config = Config {
        language: match args.lang.as_deref().map(parse_lang).transpose() {
            Ok(l) => l,
            Err(m) => return usage_error(&m),
        },
        select: args.select.iter().map(|s| s.trim().to_string()).collect(),
        ignore: args.ignore.iter().map(|s| s.trim().to_string()).collect(),
    };
    for id in config.select.iter().chain(&config.ignore) {
        if rules::find(id).is_none() {
            return usage_error(&unknown_rule(id));
        }
    }
    let scanner = Scanner::new(config);

    let opts = input::Options {
        stdin_name: args.stdin_filename.clone(),
        ..input::Options::default()
    };
    let (inputs, mut errors) = input::collect(&args.paths, &opts);

    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => return usage_error(&format!("cannot start threads: {e}")),
    };
    if args.fix || args.diff {
        return fix_files(&args, &scanner, &inputs, errors, &pool);
    }
    if args.unsafe_fixes {
        return usage_error("--unsafe-fixes applies fixes only with --fix or --diff");
    }
    // Read and scan in parallel; `collect` keeps input order, so the output
    // does not depend on the scheduling.
    let results: Vec<Result<FileReport, InputError>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|i: &Input| input::read(i).map(|text| scanner.scan_file(&i.display, &text)))
            .collect()
    });
    let mut files = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(f) => files.push(f),
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

    // Keep only what is shown; the summary counts what is kept.
    for f in &mut files {
        f.findings.retain(|x| x.severity >= args.min_level);
    }
    let report = Report::new(files);
    let failed = report.max_severity().is_some_and(|s| s >= args.fail_level);

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
    scanner: &Scanner,
    inputs: &[Input],
    mut errors: Vec<InputError>,
    pool: &rayon::ThreadPool,
) -> u8 {
    let opts = fix::Options {
        unsafe_fixes: args.unsafe_fixes,
        ..fix::Options::default()
    };
    let write = !args.diff;
    let results: Vec<Result<fix::FileOutcome, InputError>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|i| fix::fix_input(scanner, i, &opts, write))
            .collect()
    });
    if write {
        // Temporary files of earlier runs that were killed mid-write.
        let dirs: std::collections::BTreeSet<PathBuf> = inputs
            .iter()
            .filter_map(|i| match &i.source {
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
    for (input, r) in inputs.iter().zip(results) {
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
    let failed = report.max_severity().is_some_and(|s| s >= args.fail_level);
    if failed_io {
        EXIT_ERROR
    } else {
        u8::from(failed)
    }
}

/// `mtlint rules`.
fn list_rules(format: ListFormat) -> u8 {
    let registry = rules::registry();
    let text = match format {
        ListFormat::Json => {
            let list: Vec<_> = registry
                .iter()
                .map(|r| {
                    let m = r.meta();
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
            let width = registry
                .iter()
                .map(|r| r.meta().id.len())
                .max()
                .unwrap_or(0);
            registry
                .iter()
                .map(|r| {
                    let m = r.meta();
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
    let Some(rule) = rules::find(id) else {
        return usage_error(&unknown_rule(id));
    };
    let m = rule.meta();
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

/// `--lang`: an ISO 639 code, optionally with a region (`ar-EG`).
fn parse_lang(code: &str) -> Result<String, String> {
    let base = code.split(['-', '_']).next().unwrap_or_default();
    if (2..=3).contains(&base.len()) && base.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(mtlint::lang::normalize_code(code))
    } else {
        Err(format!(
            "invalid language `{code}`: expected an ISO 639 code such as ar, en, fr"
        ))
    }
}

/// The message for a rule id that does not exist, with the nearest one.
fn unknown_rule(id: &str) -> String {
    let nearest = rules::registry()
        .iter()
        .map(|r: &&dyn Rule| r.meta().id)
        .map(|known| (edit_distance(id, known), known))
        .min();
    let mut m = format!("unknown rule `{id}`");
    if let Some((d, known)) = nearest {
        if d <= known.len().max(id.len()) / 2 || known.contains(id) {
            m.push_str(&format!("; did you mean `{known}`?"));
        }
    }
    m.push_str(" (see `mtlint rules`)");
    m
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
