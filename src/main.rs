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

use mtlint::input::{self, Input, InputError};
use mtlint::render::{self, Options};
use mtlint::rules;
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
        if rules::find_meta(id).is_none() {
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
    // Read and scan in parallel; `collect` keeps input order, so the output
    // does not depend on the scheduling.
    let results: Vec<Result<FileReport, InputError>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|i: &Input| input::read_decoded(i).map(|d| scanner.scan_decoded(&i.display, &d)))
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

/// `mtlint rules`.
fn list_rules(format: ListFormat) -> u8 {
    let metas: Vec<_> = rules::all_meta().collect();
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
    let nearest = rules::all_meta()
        .map(|m| m.id)
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
