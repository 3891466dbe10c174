//! `mtlint score`: a table of files, worst first, through the library's
//! batch scan.

use std::io::{self, IsTerminal, Write};

use anstream::ColorChoice;

use mtlint::batch::{self, Mode};
use mtlint::render::scores::{self, ScoreRow};

use super::args::{InputKind, ScoreArgs, ScoreFormat};
use super::progress::Progress;
use super::{
    close_output, nothing_scanned, open_output, plan, report_failure, usage_error, Inputs, Plan,
    Scanned, EXIT_ERROR,
};

/// `mtlint score`.
pub fn run(args: &ScoreArgs) -> u8 {
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
    let mut sink = match open_output(args.output.as_deref(), ColorChoice::Never) {
        Ok(s) => s,
        Err(m) => return usage_error(&m),
    };
    let mut rows = Vec::new();
    let mut summary = mtlint::Summary::default();
    let mut write_error: Option<io::Error> = None;
    let mut progress = Progress::new(sources.len(), io::stderr().is_terminal() && !args.quiet);
    // Files under their `fail-under` (the flag or the configuration).
    let mut below = Vec::new();
    let mut notices = failures;
    let scanned = batch::run(&jobs, sources, &Mode::Check, args.threads, |job, r| {
        let go_on = progress.suspend(|| match r {
            Ok(outcome) => {
                let file = outcome.into_report();
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
                notices.push(f);
                true
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
        files: summary.files,
        paths: &args.paths,
        notices: &notices,
        jsonl: args.input.kind == InputKind::Jsonl,
        excluded,
    };
    // Said on standard error: the score table has no place for it.
    nothing_scanned(&scanned, args.quiet);
    scores::sort(&mut rows);
    let text = match args.format {
        ScoreFormat::Table => {
            let mut t = scores::table(&rows, &summary);
            if args.statistics {
                t.push('\n');
                t.push_str(&scores::statistics(&summary.by_rule_severity));
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
