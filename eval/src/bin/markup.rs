//! The markup readers measured on real files of this machine: the READMEs
//! of the crates in the cargo registry (Markdown), the HTML documentation
//! installed with the Rust toolchain, and the system's gettext catalogues of
//! a few languages turned into PO files (with `msgunfmt`).
//!
//! Each file is scanned and fixed (unsafe fixes on) twice with the default
//! rules: as plain text (before) and in its format (after). The program
//! prints, as Markdown tables: findings per 1,000 sentences, findings inside
//! non-prose by the independent definition of
//! `mtlint_eval::measure::markup`, files whose non-prose a fix changed, and
//! the throughput of `Prose::extract` against a whole scan on one thread.
//!
//! `cargo run --release -p mtlint-eval --bin markup [-- OPTIONS]`, with
//!
//! * `--corpus markdown,html,po`: the corpora to measure (all by default);
//! * `--max-mb 8`, `--max-files 3000`, `--max-file-kb 1000`: the caps of
//!   each corpus (bytes and files read, and files left out for their size);
//! * `--langs ar,fr,ru,es,de`: the catalogues' languages;
//! * `--registry DIR`, `--html-dir DIR`, `--locale-dir DIR`: where the
//!   corpora are (`~/.cargo/registry/src`, `$(rustc --print
//!   sysroot)/share/doc/rust/html`, `/usr/share/locale`);
//! * `--threads N`: threads for the scans and fixes (all cores by default;
//!   the throughput is always measured on one);
//! * `--examples N`: print up to N findings inside non-prose of each file,
//!   read in its format.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use mtlint::extract::{Format, Prose};
use mtlint::{Config, Scanner};
use mtlint_eval::markup_corpus::{self, Corpus, Limits};
use mtlint_eval::measure::markup::{self, FileFigures, Kind, Side};
use rayon::prelude::*;

/// The command line.
struct Args {
    corpora: Vec<String>,
    limits: Limits,
    langs: Vec<String>,
    registry: Option<PathBuf>,
    html_dir: Option<PathBuf>,
    locale_dir: PathBuf,
    threads: Option<usize>,
    examples: usize,
    same_prose: bool,
}

const USAGE: &str = "usage: markup [--corpus markdown,html,po] [--max-mb 8] [--max-files 3000] \
[--max-file-kb 1000] [--langs ar,fr,ru,es,de] [--registry DIR] [--html-dir DIR] \
[--locale-dir DIR] [--threads N] [--examples N] [--same-prose yes|no]";

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        corpora: vec!["markdown".into(), "html".into(), "po".into()],
        limits: Limits::default(),
        langs: ["ar", "fr", "ru", "es", "de"].map(String::from).to_vec(),
        registry: None,
        html_dir: None,
        locale_dir: PathBuf::from("/usr/share/locale"),
        threads: None,
        examples: 0,
        same_prose: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            println!("{USAGE}");
            std::process::exit(0);
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = |v: &str| {
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .ok_or_else(|| format!("{flag}: not a number: {v}"))
        };
        let list = |v: &str| -> Vec<String> {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        match flag.as_str() {
            "--corpus" => a.corpora = list(&value),
            "--max-mb" => a.limits.max_bytes = (number(&value)? * 1e6) as u64,
            "--max-files" => a.limits.max_files = number(&value)? as usize,
            "--max-file-kb" => a.limits.max_file_bytes = (number(&value)? * 1e3) as u64,
            "--langs" => a.langs = list(&value),
            "--registry" => a.registry = Some(value.into()),
            "--html-dir" => a.html_dir = Some(value.into()),
            "--locale-dir" => a.locale_dir = value.into(),
            "--threads" => a.threads = Some((number(&value)? as usize).max(1)),
            "--examples" => a.examples = number(&value)? as usize,
            "--same-prose" => a.same_prose = value != "no",
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    if let Some(c) = a
        .corpora
        .iter()
        .find(|c| !["markdown", "html", "po"].contains(&c.as_str()))
    {
        return Err(format!("unknown corpus {c} (markdown, html, po)"));
    }
    Ok(a)
}

/// Builds one corpus, or says why it was skipped.
fn build(name: &str, args: &Args) -> Result<Corpus, String> {
    match name {
        "markdown" => {
            let dir = args
                .registry
                .clone()
                .or_else(markup_corpus::default_registry)
                .ok_or("no cargo home: pass --registry")?;
            markup_corpus::readmes(&dir, &args.limits)
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))
        }
        "html" => {
            let dir = args
                .html_dir
                .clone()
                .or_else(markup_corpus::default_rust_docs)
                .ok_or("the toolchain's HTML documentation is absent: pass --html-dir")?;
            Ok(markup_corpus::rust_docs(&dir, &args.limits))
        }
        _ => {
            let langs: Vec<&str> = args.langs.iter().map(String::as_str).collect();
            markup_corpus::catalogues(&args.locale_dir, &langs, &args.limits)
        }
    }
}

/// The sum of the figures of a corpus's files, one side.
#[derive(Default)]
struct Totals {
    sentences: usize,
    findings: usize,
    inside: usize,
    overlapping: usize,
    fixed: usize,
    non_prose_changed: usize,
    by_rule: BTreeMap<String, usize>,
    by_kind: BTreeMap<Kind, usize>,
}

impl Totals {
    fn add(&mut self, s: &Side) {
        self.sentences += s.sentences;
        self.findings += s.findings;
        self.inside += s.inside;
        self.overlapping += s.overlapping;
        self.fixed += usize::from(s.fixed);
        self.non_prose_changed += usize::from(s.non_prose_changed);
        for (r, n) in &s.inside_by_rule {
            *self.by_rule.entry(r.clone()).or_default() += n;
        }
        for (k, n) in &s.inside_by_kind {
            *self.by_kind.entry(*k).or_default() += n;
        }
    }

    fn per_k(&self) -> f64 {
        self.findings as f64 * 1000.0 / self.sentences.max(1) as f64
    }

    /// The most frequent rules inside non-prose: `rule n, …`.
    fn top_rules(&self) -> String {
        let mut v: Vec<(&String, &usize)> = self.by_rule.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = v.iter().take(5).map(|(r, n)| format!("{r} {n}")).collect();
        if shown.is_empty() {
            "–".into()
        } else {
            shown.join(", ")
        }
    }

    fn kinds(&self) -> String {
        let shown: Vec<String> = self
            .by_kind
            .iter()
            .map(|(k, n)| format!("{} {n}", k.name()))
            .collect();
        if shown.is_empty() {
            "–".into()
        } else {
            shown.join(", ")
        }
    }
}

/// What was measured of one corpus.
struct Measured {
    corpus: Corpus,
    before: Totals,
    after: Totals,
    non_prose_bytes: usize,
    examples: Vec<String>,
    /// Time of `Prose::extract` and of the whole scan, one thread.
    extract: Duration,
    scan: Duration,
    /// Time of the scans and fixes, all threads.
    wall: Duration,
}

fn scanner(format: Format) -> Scanner {
    Scanner::new(Config::default().input_format(format)).expect("the default rules")
}

/// The best of three passes of `Prose::extract` over the files, and one
/// pass of the whole scan, on this thread.
fn throughput(corpus: &Corpus, formatted: &Scanner) -> (Duration, Duration) {
    let mut extract = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        for f in &corpus.files {
            std::hint::black_box(Prose::extract(corpus.format, std::hint::black_box(&f.text)));
        }
        extract = extract.min(start.elapsed());
    }
    let start = Instant::now();
    for f in &corpus.files {
        std::hint::black_box(formatted.scan_file(&f.path, &f.text));
    }
    (extract, start.elapsed())
}

fn measure(corpus: Corpus, examples: usize) -> Measured {
    let plain = scanner(Format::Text);
    let formatted = scanner(corpus.format);
    let start = Instant::now();
    let figures: Vec<(FileFigures, usize)> = corpus
        .files
        .par_iter()
        .map(|f| {
            let np = markup::non_prose(corpus.format, &f.text).map_or(0, |n| n.bytes());
            let fig = markup::measure_file(
                &plain,
                &formatted,
                corpus.format,
                &f.path,
                &f.text,
                examples,
            );
            (fig, np)
        })
        .collect();
    let wall = start.elapsed();
    let (mut before, mut after) = (Totals::default(), Totals::default());
    let mut non_prose_bytes = 0;
    let mut shown = Vec::new();
    for (fig, np) in &figures {
        before.add(&fig.before);
        after.add(&fig.after);
        non_prose_bytes += np;
        shown.extend(fig.after.examples.iter().cloned());
    }
    let (extract, scan) = throughput(&corpus, &formatted);
    Measured {
        corpus,
        before,
        after,
        non_prose_bytes,
        examples: shown,
        extract,
        scan,
        wall,
    }
}

/// The k of every k-th file taken: one number, or its range over the
/// groups.
fn strides(c: &Corpus) -> String {
    let lo = c.strides.values().min().copied().unwrap_or(1);
    let hi = c.strides.values().max().copied().unwrap_or(1);
    if lo == hi {
        format!("{lo}")
    } else {
        format!("{lo}–{hi} over {} groups", c.strides.len())
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The clean news of `../shared/data` (ar, en, fr, ru), each document as
/// plain text with its segments as paragraphs, and the same prose as
/// Markdown and as HTML: a heading, the first word of each paragraph in
/// bold, the last one a link.
fn same_prose() -> Option<[(Format, Vec<String>); 3]> {
    let dir = mtlint_eval::corpus::data_dir()?;
    let mut plain = Vec::new();
    let mut md = Vec::new();
    let mut html = Vec::new();
    for lang in ["ar", "en", "fr", "ru"] {
        for d in mtlint_eval::corpus::documents(&dir, lang).ok()? {
            let lines: Vec<&str> = d.text.lines().filter(|l| !l.trim().is_empty()).collect();
            let Some((title, body)) = lines.split_first() else {
                continue;
            };
            let dress = |l: &str, bold: (&str, &str), link: (&str, &str)| -> String {
                let words: Vec<&str> = l.split(' ').collect();
                match words.as_slice() {
                    [first, middle @ .., last] => format!(
                        "{}{first}{} {}{}{last}{}",
                        bold.0,
                        bold.1,
                        middle.iter().map(|w| format!("{w} ")).collect::<String>(),
                        link.0,
                        link.1
                    ),
                    _ => l.to_string(),
                }
            };
            let mut p = format!("{title}\n");
            let mut m = format!("# {title}\n");
            let mut h = format!(
                "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"></head>\n<body>\n<h1>{}</h1>\n",
                escape_html(title)
            );
            for l in body {
                p.push_str(&format!("\n{l}\n"));
                m.push_str(&format!(
                    "\n{}\n",
                    dress(l, ("**", "**"), ("[", "](https://example.org/a)"))
                ));
                let e = escape_html(l);
                h.push_str(&format!(
                    "<p>{}</p>\n",
                    dress(
                        &e,
                        ("<b>", "</b>"),
                        ("<a href=\"https://example.org/a\">", "</a>")
                    )
                ));
            }
            h.push_str("</body></html>\n");
            plain.push(p);
            md.push(m);
            html.push(h);
        }
    }
    Some([
        (Format::Text, plain),
        (Format::Markdown, md),
        (Format::Html, html),
    ])
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The best of three single-thread scans of `texts` read as `format`, and
/// of three passes of the reader alone.
fn time_scans(format: Format, texts: &[String]) -> (Duration, Duration) {
    let scanner = scanner(format);
    let path = format!("doc.{}", format.extensions().first().unwrap_or(&"txt"));
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let scan = best(&|| {
        for t in texts {
            std::hint::black_box(scanner.scan_file(&path, t));
        }
    });
    let read = best(&|| {
        for t in texts {
            std::hint::black_box(Prose::extract(format, std::hint::black_box(t)));
        }
    });
    (scan, read)
}

fn print_same_prose() {
    let Some(sets) = same_prose() else {
        println!("\n## The same prose as text, Markdown and HTML\n\nSkipped: `../shared/data` is absent.");
        return;
    };
    println!("\n## The same prose as text, Markdown and HTML (one thread, release)\n");
    println!(
        "The clean news of `../shared/data` (NTREX-128 and UD PUD; ar, en, fr, ru), {} documents, \
         each written three ways with the same prose: plain text, Markdown (a heading, the first \
         word of each paragraph in bold, the last a link) and HTML (the same in tags). Best of \
         three passes.\n",
        sets[0].1.len()
    );
    println!("| format | MB | scan s | MB/s | reader alone s | reader's share of the scan | scan time against plain text |");
    println!("|---|---|---|---|---|---|---|");
    let mut plain_scan = None;
    for (format, texts) in &sets {
        let bytes = mb(texts.iter().map(String::len).sum());
        let (scan, read) = time_scans(*format, texts);
        let base = *plain_scan.get_or_insert(scan);
        println!(
            "| {format} | {bytes:.2} | {:.2} | {:.2} | {:.3} | {:.1}% | {:+.1}% |",
            scan.as_secs_f64(),
            bytes / scan.as_secs_f64().max(1e-9),
            read.as_secs_f64(),
            100.0 * read.as_secs_f64() / scan.as_secs_f64().max(1e-9),
            100.0 * (scan.as_secs_f64() / base.as_secs_f64().max(1e-9) - 1.0)
        );
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if let Some(n) = args.threads {
        // Only fails when a pool exists already: then that one is used.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let started = Instant::now();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rest: Vec<String> = std::env::args().skip(1).collect();
    println!("# The markup readers on this machine's files\n");
    println!(
        "`cargo run --release -p mtlint-eval --bin markup{}{}`\n",
        if rest.is_empty() { "" } else { " -- " },
        rest.join(" ")
    );
    println!(
        "Cores: {cores} (`available_parallelism`); scans and fixes on {} thread(s), \
         throughput on one. Default rules, language detected. Before: each file read as \
         plain text; after: in its format.\n",
        rayon::current_num_threads()
    );

    let mut done = Vec::new();
    for name in &args.corpora {
        match build(name, &args) {
            Ok(c) if c.files.is_empty() => {
                println!(
                    "- {name}: no file found under {}: skipped",
                    c.root.display()
                )
            }
            Ok(c) => {
                eprintln!(
                    "{name}: {} files, {:.1} MB: measuring…",
                    c.files.len(),
                    mb(c.bytes())
                );
                done.push(measure(c, args.examples));
            }
            Err(e) => println!("- {name}: skipped: {e}"),
        }
    }
    if done.is_empty() {
        return;
    }

    println!("\n## Corpora\n");
    println!("| corpus | from | files found | too big | every k-th | files read | MB | unreadable or not UTF-8 | non-prose share |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for m in &done {
        let c = &m.corpus;
        println!(
            "| {} | `{}` | {} | {} | {} | {} | {:.2} | {} | {:.1}% |",
            c.name,
            c.root.display(),
            c.candidates,
            c.too_big,
            strides(c),
            c.files.len(),
            mb(c.bytes()),
            c.unreadable,
            100.0 * m.non_prose_bytes as f64 / c.bytes().max(1) as f64
        );
    }

    println!("\n## Findings\n");
    println!("| corpus | files | MB | sentences before | after | findings before | after | per 1,000 sentences before | after |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for m in &done {
        println!(
            "| {} | {} | {:.2} | {} | {} | {} | {} | {:.1} | {:.1} |",
            m.corpus.name,
            m.corpus.files.len(),
            mb(m.corpus.bytes()),
            m.before.sentences,
            m.after.sentences,
            m.before.findings,
            m.after.findings,
            m.before.per_k(),
            m.after.per_k()
        );
    }

    println!("\n## Findings inside non-prose (target after: 0)\n");
    println!(
        "Non-prose by `mtlint_eval::measure::markup`, independent of the readers. A finding is \
         inside when its range touches non-prose and holds no prose character (every byte of it \
         outside non-prose is white space); overlapping: it shares a byte with non-prose.\n"
    );
    println!("| corpus | inside before | after | overlapping before | after | after, by rule | after, by kind | before, by rule |");
    println!("|---|---|---|---|---|---|---|---|");
    for m in &done {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            m.corpus.name,
            m.before.inside,
            m.after.inside,
            m.before.overlapping,
            m.after.overlapping,
            m.after.top_rules(),
            m.after.kinds(),
            m.before.top_rules()
        );
    }

    println!("\n## Fix safety (target after: 0)\n");
    println!(
        "`fix::fix_text` with unsafe fixes on; non-prose changed: the sequence of code, HTML, \
         front matter and link destinations (Markdown), of tags, comments and \
         script/style/pre/code contents (HTML), of comments, msgid and msgstr keyword lines \
         (PO) differs after the fix.\n"
    );
    println!("| corpus | files | files changed by the fix, before | after | files with non-prose changed, before | after |");
    println!("|---|---|---|---|---|---|");
    for m in &done {
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            m.corpus.name,
            m.corpus.files.len(),
            m.before.fixed,
            m.after.fixed,
            m.before.non_prose_changed,
            m.after.non_prose_changed
        );
    }

    println!("\n## Throughput (one thread, release)\n");
    println!("| corpus | MB | `Prose::extract` s | MB/s | `scan_file` s | MB/s | read share of the scan (target ≤ 10%) |");
    println!("|---|---|---|---|---|---|---|");
    for m in &done {
        let bytes = mb(m.corpus.bytes());
        let (e, s) = (m.extract.as_secs_f64(), m.scan.as_secs_f64());
        println!(
            "| {} | {bytes:.2} | {e:.3} | {:.0} | {s:.2} | {:.2} | {:.1}% |",
            m.corpus.name,
            bytes / e.max(1e-9),
            bytes / s.max(1e-9),
            100.0 * e / s.max(1e-9)
        );
    }

    if args.same_prose {
        print_same_prose();
    }

    let examples: Vec<&String> = done.iter().flat_map(|m| &m.examples).collect();
    if !examples.is_empty() {
        println!("\n## Findings inside non-prose, read in the format\n");
        for e in examples {
            println!("- {e}");
        }
    }
    let walls: Vec<String> = done
        .iter()
        .map(|m| format!("{} {:.0} s", m.corpus.name, m.wall.as_secs_f64()))
        .collect();
    println!(
        "\nRun time: {:.0} s (scans and fixes: {}).",
        started.elapsed().as_secs_f64(),
        walls.join(", ")
    );
}
