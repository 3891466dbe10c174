//! `mtlint check`, with `--fix` and `--diff`: every input goes through the
//! library's batch scan ([`mtlint::batch::run`]), in [`Mode::Check`] or
//! [`Mode::Fix`], and the report streams out in input order.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anstream::{AutoStream, ColorChoice};

use mtlint::batch::{self, Mode, Outcome, Sources};
use mtlint::fix;
use mtlint::read::{atomic, walk};
use mtlint::render::stream::{Format, Stream};
use mtlint::render::Options;
use mtlint::{FileReport, Severity};

use super::args::{CheckArgs, ColorWhen, FormatArg, InputKind};
use super::output::{self, AtomicFile};
use super::progress::Progress;
use super::{
    close_output, nothing_scanned, open_output, plan, report_failure, usage_error, Failure, Inputs,
    Plan, Scanned, EXIT_ERROR,
};

/// Files in one HTML page above which `check` suggests `-o DIR/`: headless
/// Chromium loads a page of 1,000 news files in about 3 s on a busy 2-core
/// machine, one of 200 in under 0.5 s.
const HTML_PAGE_MAX: usize = 1000;

/// `mtlint check`.
pub fn run(args: &CheckArgs) -> u8 {
    let Plan {
        sources,
        jobs,
        mut failed_io,
        failures,
        excluded,
    } = match plan(Inputs {
        paths: &args.paths,
        stdin_name: args.stdin_filename.clone(),
        input: &args.input,
        settings: &args.settings,
        no_ignore: args.no_ignore,
        force_exclude: args.force_exclude,
        quiet: args.quiet,
    }) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let format = Format::from(args.format);
    let min_level = Severity::from(args.min_level);
    if args.fix || args.diff {
        if !matches!(sources, Sources::Files(_)) {
            return usage_error("--fix and --diff work on files, not on --input jsonl");
        }
        return fix_files(args, sources, &jobs, failed_io, failures, excluded);
    }
    if args.unsafe_fixes {
        return usage_error("--unsafe-fixes applies fixes only with --fix or --diff");
    }
    if args.statistics && !Stream::<Vec<u8>>::supports_statistics(format) {
        return usage_error("--statistics works with --format full, concise or json");
    }

    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let choice = match args.color {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto if args.output.is_some() => ColorChoice::Never,
        ColorWhen::Auto => AutoStream::choice(&io::stdout()),
    };
    let render_opts = Options {
        color: choice != ColorChoice::Never,
        // Isolates whatever the output (see render::quote).
        isolate_rtl: !args.no_bidi_isolates,
        quiet: args.quiet,
        width: output::width(to_terminal, false),
    };
    // `--format html -o DIR`: an index and pages of files, for large scans.
    let pages_dir = args
        .output
        .as_deref()
        .filter(|p| format == Format::Html && output::is_folder(p));
    let (sink, pages) = match pages_dir {
        Some(dir) => match output::page_writer(dir) {
            Ok(w) => (output::Sink::Null, Some(w)),
            Err(e) => return usage_error(&format!("cannot write {}: {e}", dir.display())),
        },
        None => match open_output(args.output.as_deref(), choice) {
            Ok(s) => (s, None),
            Err(m) => return usage_error(&m),
        },
    };

    let mut stream = Stream::new(sink, format, render_opts).statistics(args.statistics);
    if let Some(w) = pages {
        stream = stream.paged(w);
    }
    let mut write_error: Option<io::Error> = stream.begin().err();
    for f in failures {
        write_error = write_error.or(stream.notice(f).err());
    }
    let mut progress = Progress::new(sources.len(), io::stderr().is_terminal() && !args.quiet);
    let mut failed = false;
    let scanned = batch::run(&jobs, sources, &Mode::Check, args.threads, |job, r| {
        let go_on = progress.suspend(|| match r {
            Ok(outcome) => {
                let mut file = outcome.into_report();
                // Keep only what is shown; the summary counts what is kept.
                file.findings.retain(|x| x.severity >= min_level);
                // Each file is judged by its own settings.
                failed |= job.settings.fails(&file, min_level);
                if write_error.is_none() {
                    write_error = stream.file(&file).err();
                }
                // Stop scanning once the output is gone (`| head`).
                write_error.is_none()
            }
            Err(f) => {
                failed_io |= report_failure(&f, args.quiet);
                if write_error.is_none() {
                    write_error = stream.notice(f).err();
                }
                write_error.is_none()
            }
        });
        progress.inc();
        go_on
    });
    progress.finish();
    if let Err(m) = scanned {
        return usage_error(&m);
    }
    let scanned = Scanned {
        files: stream.summary().files,
        paths: &args.paths,
        notices: stream.notices(),
        jsonl: args.input.kind == InputKind::Jsonl,
        excluded,
    };
    if let Some(n) = nothing_scanned(&scanned, args.quiet) {
        failed_io |= n.is_error();
        write_error = write_error.or(stream.notice(n).err());
    }
    // Browsers take seconds over a page of thousands of files (docs/measurements.md).
    let files = stream.summary().files;
    if format == Format::Html && pages_dir.is_none() && files > HTML_PAGE_MAX && !args.quiet {
        eprintln!(
            "mtlint: note: {files} files in one HTML page, slow to open; -o DIR/ writes an index \
             and pages of {} files",
            mtlint::render::html::PAGE_FILES
        );
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

/// `mtlint check --fix` and `--diff`: fix every input through the batch
/// scan (output in input order), write the files back or print the diff,
/// then report what remains.
///
/// `--diff` prints the diffs on standard output and writes nothing; exit 1
/// when something would change. With a structured format (json, jsonl,
/// sarif) it renders the report of what would remain, with its `fixes`,
/// instead of the diffs. `--fix` writes each changed file atomically
/// and renders the report of what remains, like `check`; the fixed text of
/// standard input goes to standard output, and then the report goes to
/// standard error (as `ruff check --fix -` does). The fix counts go to
/// standard error and into the JSON report (`fixes`).
fn fix_files(
    args: &CheckArgs,
    sources: Sources,
    jobs: &[batch::Job],
    mut failed_io: bool,
    mut notices: Vec<Failure>,
    excluded: usize,
) -> u8 {
    let write = !args.diff;
    // `--diff` with a structured format gives the report with its `fixes`
    // (as `--fix` does), not a unified diff.
    let structured = matches!(
        args.format,
        FormatArg::Json | FormatArg::Jsonl | FormatArg::Sarif
    );
    let print_diff = args.diff && !structured;
    let min_level = Severity::from(args.min_level);
    if write {
        // Temporary files of earlier runs that were killed mid-write.
        if let Sources::Files(inputs) = &sources {
            let dirs: std::collections::BTreeSet<PathBuf> = inputs
                .iter()
                .filter_map(|i| match &i.source {
                    walk::Origin::File(p) => {
                        std::fs::canonicalize(p).ok()?.parent().map(Into::into)
                    }
                    walk::Origin::Stdin => None,
                })
                .collect();
            for d in dirs {
                atomic::remove_stale_temps(&d);
            }
        }
    }
    let mode = Mode::Fix {
        options: fix::Options {
            unsafe_fixes: args.unsafe_fixes,
            ..fix::Options::default()
        },
        write,
    };
    let mut out = io::stdout().lock();
    let mut files: Vec<FileReport> = Vec::new();
    let mut changed = false;
    let mut stdin_fixed = false;
    let mut written = Ok(());
    let mut failed = false;
    let mut progress = Progress::new(sources.len(), io::stderr().is_terminal() && !args.quiet);
    let scanned = batch::run(jobs, sources, &mode, args.threads, |job, r| {
        progress.suspend(|| match r {
            Ok(outcome) => {
                if let Outcome::Fixed(o) = &outcome {
                    changed |= o.changed();
                    // After a failed write (a closed pipe), nothing more is written.
                    if print_diff {
                        let d = fix::unified_diff(&o.fixed.report.path, &o.original, &o.fixed.text);
                        if written.is_ok() {
                            written = out.write_all(d.as_bytes());
                        }
                    } else if o.stdin && write {
                        stdin_fixed = true;
                        if written.is_ok() {
                            written = out.write_all(o.fixed.text.as_bytes());
                        }
                    }
                }
                let report = outcome.into_report();
                // Judged on what is shown, as `check` does.
                failed |= job.settings.fails(&report, min_level);
                files.push(report);
            }
            Err(f) => {
                failed_io |= report_failure(&f, args.quiet);
                notices.push(f);
            }
        });
        progress.inc();
        true
    });
    progress.finish();
    if let Err(m) = scanned {
        return usage_error(&m);
    }
    written = written.and_then(|()| out.flush());
    drop(out);
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("mtlint: error: cannot write the output: {e}");
            return EXIT_ERROR;
        }
    }

    for f in &mut files {
        f.findings.retain(|x| x.severity >= min_level);
    }
    let mut summary = mtlint::Summary::default();
    for f in &files {
        summary.add(f);
    }
    if !args.quiet {
        let fixes = summary.fixes.clone().unwrap_or_default();
        eprintln!("mtlint: {}", fix::describe(&fixes, args.diff));
    }
    let scanned = Scanned {
        files: files.len(),
        paths: &args.paths,
        notices: &notices,
        jsonl: false,
        excluded,
    };
    let nothing = nothing_scanned(&scanned, args.quiet);
    failed_io |= nothing.as_ref().is_some_and(Failure::is_error);
    notices.extend(nothing);
    // What `--diff` and `--fix` say, once the output is written.
    let code = match (failed_io, args.diff) {
        (true, _) => EXIT_ERROR,
        (false, true) => u8::from(changed),
        (false, false) => u8::from(failed),
    };
    if print_diff {
        return code;
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
        isolate_rtl: !args.no_bidi_isolates,
        quiet: args.quiet,
        width: output::width(terminal, to_stderr),
    };
    let mut stream =
        Stream::new(Vec::new(), Format::from(args.format), render_opts).statistics(args.statistics);
    let rendered = stream
        .begin()
        .and_then(|()| notices.into_iter().try_for_each(|n| stream.notice(n)))
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
    code
}
