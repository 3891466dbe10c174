//! The command line's arguments, as clap reads them. The library's types
//! (severities, formats) have mirrors here, so that the library needs no
//! clap.

use std::path::PathBuf;

use clap::ValueEnum;

use mtlint::render::stream::Format;
use mtlint::Severity;

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print the settings in force for PATH, as TOML.
    #[arg(long, required = true)]
    pub show: bool,
    /// The file or folder whose settings to show.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub settings: SettingsArgs,
}

/// The flags that override the configuration files.
#[derive(Debug, clap::Args)]
pub struct SettingsArgs {
    /// Use this configuration file for every path, instead of the nearest
    /// mtlint.toml or .mtlint.toml above each one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    pub isolated: bool,
    /// Language of the texts: an ISO 639-1 or 639-3 code or an English
    /// name (ar, ara, arabic…); detected when absent.
    #[arg(long, value_name = "LANGUAGE")]
    pub lang: Option<String>,
    /// Read every file in this format instead of the one its extension
    /// names: text, markdown, html, srt, vtt, po, xliff.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Run these rules too (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Never run these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit with 1 when a shown finding is at or above this level [default: error].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_level: Option<Level>,
    /// Exit with 1 when a file scores below this (0 to 100).
    #[arg(long, value_name = "SCORE")]
    pub fail_under: Option<f64>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to scan (`-` for standard input). Folders are walked
    /// for .txt and .md files (or the configuration's extensions), honouring
    /// .gitignore and .mtlintignore.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Full)]
    pub format: FormatArg,
    /// Show only findings at or above this level.
    #[arg(long, value_enum, default_value_t = Level::Info, value_name = "LEVEL")]
    pub min_level: Level,
    /// Walk folders without reading .gitignore, .ignore or .mtlintignore
    /// (hidden files are still skipped).
    #[arg(long)]
    pub no_ignore: bool,
    /// Apply the configuration's `exclude` to files named on the command
    /// line too (as pre-commit names them), not only to folders walked.
    #[arg(long)]
    pub force_exclude: bool,
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// When to use colours (`auto`: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
    /// Do not wrap quoted right-to-left text in Unicode isolates (FSI …
    /// PDI) in the full and concise formats, for tools that cannot take
    /// invisible characters.
    #[arg(long)]
    pub no_bidi_isolates: bool,
    /// Name shown for standard input (`-`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Number of threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print findings and errors only: no summary line, no notes.
    #[arg(short, long)]
    pub quiet: bool,
    /// Count findings per rule instead of listing them (full, concise, json).
    #[arg(long)]
    pub statistics: bool,
    /// Write the output to FILE: whole once the run is done, or not at all.
    /// With --format html, a folder (existing, or ending in `/`) gets an
    /// index.html and pages of 200 files.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Apply the safe fixes to the files (standard input: print the fixed
    /// text), then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: apply the unsafe fixes too.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; write nothing.
    /// Exit code 1 when something would change. With --format json, jsonl
    /// or sarif: the report with its fixes instead of the diff.
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Files or folders to score (`-` for standard input).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
    /// Add the count of findings per rule to the table.
    #[arg(long)]
    pub statistics: bool,
    /// Walk folders without reading .gitignore, .ignore or .mtlintignore.
    #[arg(long)]
    pub no_ignore: bool,
    /// Apply the configuration's `exclude` to files named on the command
    /// line too, not only to folders walked.
    #[arg(long)]
    pub force_exclude: bool,
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Name shown for standard input (`-`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Number of threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// No notes on standard error, no progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the output to FILE: whole once the run is done, or not at all.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Where the documents come from.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// `files`: each path a text file or a folder of them; `jsonl`: JSON
    /// Lines files (or `-`), one document a line.
    #[arg(long = "input", value_enum, default_value_t = InputKind::Files, value_name = "KIND")]
    pub kind: InputKind,
    /// With `--input jsonl`: the field holding the text (a JSON pointer
    /// such as `/body/text` for a nested one).
    #[arg(long, value_name = "FIELD", default_value = "text")]
    pub text_field: String,
    /// With `--input jsonl`: the field holding each document's id (default:
    /// its line number).
    #[arg(long, value_name = "FIELD")]
    pub id_field: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// Text files and folders.
    Files,
    /// JSON Lines documents.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// An aligned table, worst first.
    Table,
    /// The rows as JSON, worst first, with a summary.
    Json,
    /// One JSON object a file, in input order, as each is done.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned table.
    Text,
    /// A JSON array.
    Json,
    /// The Markdown reference page, `docs/rules.md`.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// A severity, as `--min-level` and `--fail-level` take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// Worth a look; never fails a run by default.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: text that must not be published.
    Error,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Self {
        match l {
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

/// An output format of `mtlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Each finding with its source line, for people.
    Full,
    /// One line a finding.
    Concise,
    /// The report as JSON.
    Json,
    /// One JSON object a file (JSON Lines), written as each file is done.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other review tools.
    Sarif,
    /// GitHub Actions annotations, each file also in the full format.
    Github,
    /// One self-contained HTML page: the texts with their findings marked.
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Full => Format::Full,
            FormatArg::Concise => Format::Concise,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Html => Format::Html,
        }
    }
}
