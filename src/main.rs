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

use anstream::{AutoStream, ColorChoice};
use clap::{Parser, Subcommand, ValueEnum};

use mtlint::render::scores::{self, ScoreRow};
use mtlint::render::stream::{Format, Stream};
use mtlint::render::Options;
use mtlint::rules::{self, Rule};
use mtlint::{Config, Scanner, Severity};

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
    /// Count findings per rule instead of listing them (full, concise, json).
    #[arg(long)]
    statistics: bool,
    /// Write the output to FILE: whole once the run is done, or not at all.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, clap::Args)]
struct ScoreArgs {
    /// Files or folders to score (`-` for standard input).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    format: ScoreFormat,
    /// Exit with 1 when any file scores below SCORE (0 to 100).
    #[arg(long, value_name = "SCORE")]
    fail_under: Option<f64>,
    /// Add the count of findings per rule to the table.
    #[arg(long)]
    statistics: bool,
    /// Language of the texts (ISO code: ar, en, fr…); detected when absent.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    select: Vec<String>,
    /// Never run these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    ignore: Vec<String>,
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
    };
    ExitCode::from(code)
}

/// A scanner for `--lang`, `--select` and `--ignore`, or the usage error.
fn scanner(lang: Option<&str>, select: &[String], ignore: &[String]) -> Result<Scanner, String> {
    let config = Config {
        language: lang.map(parse_lang).transpose()?,
        select: select.iter().map(|s| s.trim().to_string()).collect(),
        ignore: ignore.iter().map(|s| s.trim().to_string()).collect(),
    };
    for id in config.select.iter().chain(&config.ignore) {
        if rules::find(id).is_none() {
            return Err(unknown_rule(id));
        }
    }
    Ok(Scanner::new(config))
}

/// The inputs to scan, and whether a path could not be read (the errors of
/// such paths are reported here, on standard error).
fn sources(
    paths: &[PathBuf],
    stdin_name: Option<String>,
    input: &InputArgs,
    quiet: bool,
) -> (Sources, bool) {
    let jsonl = input.kind == InputKind::Jsonl;
    let (inputs, errors) = cli::collect(paths, stdin_name, jsonl);
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
    (sources, failed_io)
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
    let scanner = match scanner(args.lang.as_deref(), &args.select, &args.ignore) {
        Ok(s) => s,
        Err(m) => return usage_error(&m),
    };
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
    let (sources, mut failed_io) = sources(
        &args.paths,
        args.stdin_filename.clone(),
        &args.input,
        args.quiet,
    );

    let mut stream = Stream::new(sink, args.format, render_opts).statistics(args.statistics);
    let mut write_error: Option<io::Error> = stream.begin().err();
    let progress = io::stderr().is_terminal() && !args.quiet;
    let scanned = cli::scan(&scanner, sources, args.threads, progress, |r| match r {
        Ok(mut file) => {
            // Keep only what is shown; the summary counts what is kept.
            file.findings.retain(|x| x.severity >= args.min_level);
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
    let failed = stream.max_severity().is_some_and(|s| s >= args.fail_level);
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
    let scanner = match scanner(args.lang.as_deref(), &args.select, &args.ignore) {
        Ok(s) => s,
        Err(m) => return usage_error(&m),
    };
    if let Some(s) = args.fail_under {
        if !(0.0..=100.0).contains(&s) {
            return usage_error(&format!("--fail-under {s}: expected a score from 0 to 100"));
        }
    }
    let mut sink = match open_output(args.output.as_deref(), ColorChoice::Never) {
        Ok(s) => s,
        Err(m) => return usage_error(&m),
    };
    let (sources, mut failed_io) = sources(
        &args.paths,
        args.stdin_filename.clone(),
        &args.input,
        args.quiet,
    );
    let mut rows = Vec::new();
    let mut summary = mtlint::Summary::default();
    let mut write_error: Option<io::Error> = None;
    let progress = io::stderr().is_terminal() && !args.quiet;
    let scanned = cli::scan(&scanner, sources, args.threads, progress, |r| match r {
        Ok(file) => {
            summary.add(&file);
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
    let below = args
        .fail_under
        .map_or(0, |s| rows.iter().filter(|r| r.score < s).count());
    if below > 0 && !args.quiet {
        eprintln!(
            "mtlint: {below} file{} below {}",
            if below == 1 { " scores" } else { "s score" },
            args.fail_under.unwrap_or_default()
        );
    }
    if failed_io {
        EXIT_ERROR
    } else {
        u8::from(below > 0)
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
