//! The checks of the fuzz targets, one function a target. The fuzz crate
//! runs them on what libFuzzer generates; the integration tests
//! (`tests/it/fuzz_regressions.rs`) run them on the inputs that once
//! failed (`tests/fuzz_regressions/<target>/`), so that `cargo test` on
//! stable keeps every crash fixed. They panic on a broken invariant.

use std::path::Path;
use std::sync::LazyLock;

use mtlint::config;
use mtlint::extract::{Format, Prose};
use mtlint::fix::{self, Options};
use mtlint::read::decode;
use mtlint::read::records::Records;
use mtlint::render::{self, concise, full, github, html, jsonl, sarif, scores};
use mtlint::{FileReport, Report, Scanner};

/// Every rule, with its default severity: `Config::default()` selects all.
static SCANNER: LazyLock<Scanner> = LazyLock::new(Scanner::default);

/// The targets, by name: the folders of `fuzz/corpus/` and of
/// `tests/fuzz_regressions/`.
pub const TARGETS: &[&str] = &[
    "scan",
    "config",
    "jsonl",
    "suppressions",
    "markdown",
    "html",
    "subtitles",
    "po",
    "xliff",
];

/// Loads the language data that the scanner loads on first use, so that
/// the first input is not charged for it (libFuzzer's `-timeout`).
pub fn warm_up() {
    // Built when `joined-words` first meets a word it cannot split: about a
    // second in an instrumented build, which a plain scan of these lines
    // does not reach.
    let _ = mtlint::language::translit::latin_names();
    for text in [
        "قال بوتين ، اليوم إن القوات وصلت.",
        "The army took the town.",
        "L'armée a pris la ville.",
        "Армия взяла город.",
    ] {
        let _ = fix::fix_text(
            &SCANNER,
            "w.txt",
            text,
            &Options {
                unsafe_fixes: true,
                ..Options::default()
            },
        );
    }
}

/// Runs the checks of `target` on `data`.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "scan" => scan(data),
        "config" => config(data),
        "jsonl" => jsonl(data),
        "suppressions" => suppressions(data),
        "markdown" => markup(Format::Markdown, data),
        "html" => markup(Format::Html, data),
        "subtitles" => subtitles(data),
        "po" => markup(Format::Po, data),
        "xliff" => markup(Format::Xliff, data),
        other => panic!("unknown fuzz target `{other}`"),
    }
}

/// Arbitrary bytes: decode, scan with every rule, render every output,
/// fix (safe, then unsafe too) and fix again.
pub fn scan(data: &[u8]) {
    let Ok(decoded) = decode::decode(data) else {
        return;
    };
    let file = SCANNER.scan_decoded("fuzz.txt", &decoded);
    check_file(&file, &decoded.text);
    render_all(&file);
    for unsafe_fixes in [false, true] {
        let opts = Options {
            unsafe_fixes,
            ..Options::default()
        };
        let fixed = fix::fix_decoded(&SCANNER, "fuzz.txt", &decoded, None, &opts);
        check_file(&fixed.report, &fixed.text);
        if unsafe_fixes {
            render_all(&fixed.report);
        }
        check_settled(&fixed, "fuzz.txt", &opts);
    }
}

/// Text in a markup format: read its prose, scan, fix; every offset maps
/// into the file on character boundaries and fixes change prose only.
pub fn markup(format: Format, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = format!("fuzz.{}", format.extensions()[0]);
    let prose = Prose::extract(format, text);
    // Every prose offset maps into the file, on character boundaries.
    for i in (0..=prose.text.len()).filter(|&i| prose.text.is_char_boundary(i)) {
        let r = prose.to_original(i..i);
        assert!(
            r.start <= text.len() && text.is_char_boundary(r.start),
            "{r:?}"
        );
        if let Some(f) = prose.fix_range(i..i) {
            assert!(
                f.end <= text.len() && text.is_char_boundary(f.start),
                "{f:?}"
            );
        }
    }
    let file = SCANNER.scan_file(&path, text);
    check_file(&file, text);
    render_all(&file);
    let whole = !prose.stopped();
    let markup = prose.markup(text);
    for unsafe_fixes in [false, true] {
        let opts = Options {
            unsafe_fixes,
            ..Options::default()
        };
        let fixed = fix::fix_text(&SCANNER, &path, text, &opts);
        check_file(&fixed.report, &fixed.text);
        if !whole {
            assert_eq!(fixed.text, text, "a file read in part is never fixed");
            continue;
        }
        // Fixes changed prose only: the markup is the same, byte for byte.
        let after = Prose::extract(format, &fixed.text);
        assert_eq!(after.markup(&fixed.text), markup, "the markup changed");
        assert!(Prose::same_markup(format, text, &fixed.text));
        check_settled(&fixed, &path, &opts);
    }
}

/// SRT or WebVTT, by the first byte: both subtitle readers on one corpus.
pub fn subtitles(data: &[u8]) {
    match data.split_first() {
        Some((b, rest)) if b % 2 == 0 => markup(Format::Srt, rest),
        Some((_, rest)) => markup(Format::Vtt, rest),
        None => {}
    }
}

/// A configuration file: parsed or refused, never a panic; what parses
/// resolves for a few paths and prints back as TOML.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = config::parse(Path::new("mtlint.toml"), text) else {
        return;
    };
    for path in ["a.txt", "docs/b.md", "po/ar.po", "x"] {
        let settings = config::resolve(Some(&file), Path::new(path), &config::Layer::default());
        let _ = settings.to_toml();
        if let Ok(scanner) = Scanner::new(settings.scanner.clone()) {
            let file = scanner.scan_file(path, "قال بوتين ، اليوم.الروس the the");
            check_file(&file, "قال بوتين ، اليوم.الروس the the");
        }
    }
}

/// JSON Lines: every line a document or an error with its line number;
/// the documents scan.
pub fn jsonl(data: &[u8]) {
    let fields: [(&str, Option<&str>); 3] =
        [("text", None), ("text", Some("id")), ("/a/b", Some("/id"))];
    // Documents and errors come in line order; an error about the whole
    // input (the first record lacks a field) is the last item.
    let lines = data.split(|&b| b == b'\n').count();
    for (text_field, id_field) in fields {
        let mut last = 0;
        let mut ended = false;
        for r in Records::new(data, text_field, id_field) {
            assert!(!ended, "nothing after an error about the whole input");
            let line = match &r {
                Ok(rec) => rec.line,
                Err(e) if e.is_whole_input() => {
                    ended = true;
                    continue;
                }
                Err(e) => e.line,
            };
            assert!(line > last, "in order: line {line} after {last}");
            assert!(line <= lines, "line {line} of {lines}");
            last = line;
            if let Ok(rec) = r {
                let file = SCANNER.scan_file(&rec.id, &rec.text);
                check_file(&file, &rec.text);
                let _ = jsonl::line(&file);
            }
        }
    }
}

/// Text with suppression comments: the fuzzer's bytes, with the
/// dictionary's `<!-- mtlint: … -->` pieces, as plain text and Markdown.
pub fn suppressions(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for path in ["fuzz.txt", "fuzz.md"] {
        let file = SCANNER.scan_file(path, text);
        check_file(&file, text);
        for f in file
            .findings
            .iter()
            .filter(|f| f.rule == "unused-suppression")
        {
            assert!(text[f.start..f.end].contains("mtlint"), "{f:?}");
        }
        let opts = Options::default();
        let fixed = fix::fix_text(&SCANNER, path, text, &opts);
        check_file(&fixed.report, &fixed.text);
    }
}

/// Every finding, fix and sentence of `file` lies inside `text` on
/// character boundaries, with lines and columns in order.
pub fn check_file(file: &FileReport, text: &str) {
    assert_eq!(file.source, text, "the report carries the text it read");
    let on_boundaries = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for f in &file.findings {
        assert!(on_boundaries(f.start, f.end), "{f:?}");
        assert_eq!(f.text, text[f.start..f.end], "{f:?}");
        assert!(f.line >= 1 && f.column >= 1, "{f:?}");
        assert!((f.end_line, f.end_column) >= (f.line, f.column), "{f:?}");
        assert!((0.0..=1.0).contains(&f.confidence), "{f:?}");
        if let Some(x) = &f.fix {
            assert!(on_boundaries(x.start, x.end), "{f:?}");
        }
    }
    for s in &file.sentences {
        assert!(on_boundaries(s.start, s.end), "{s:?}");
        assert!((0.0..=100.0).contains(&s.score), "{s:?}");
    }
    assert!((0.0..=100.0).contains(&file.score));
}

/// Renders `file` in every output format.
pub fn render_all(file: &FileReport) {
    let report = Report::new(vec![file.clone()]);
    for color in [false, true] {
        let opts = render::Options {
            color,
            isolate_rtl: color,
            quiet: false,
            // A narrow terminal too: windows of long lines.
            width: if color { 30 } else { 80 },
        };
        let _ = full::render(&report, &opts);
        let _ = concise::render(&report, &opts);
    }
    let json = report.to_json();
    let back: Report = serde_json::from_str(&json).expect("the JSON report reads back");
    assert_eq!(back.files.len(), 1);
    let line = jsonl::line(file);
    assert!(!line.trim_end().contains('\n'), "one line a file");
    let _: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
    let sarif = format!(
        "{}{}{}",
        sarif::head(),
        sarif::results(file, true),
        sarif::tail(file.findings.len(), &[])
    );
    let _: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    let _ = github::annotations(file);
    let _ = html::file(file, 1);
    let _ = file.marked();
    let _ = report.marked();
    let rows = vec![scores::ScoreRow::new(file)];
    let _ = scores::table(&rows, &report.summary);
    let _ = scores::json(&rows, &report.summary);
}

/// Fixing settled: when the loop converged, fixing the result again changes
/// nothing, and in plain text no fix the mode applies is left (in markup,
/// fixes the markup refused are left, by design).
pub fn check_settled(fixed: &fix::Fixed, path: &str, opts: &Options) {
    if fixed.summary.unresolved > 0 {
        return;
    }
    if SCANNER.config().format_for(path) == Format::Text {
        let left = fix::plan(&fixed.report.findings, &fixed.text, opts).applied;
        assert!(
            left.is_empty(),
            "a converged fix left fixes to apply: {left:?}"
        );
    }
    let again = fix::fix_text(&SCANNER, path, &fixed.text, opts);
    assert_eq!(again.text, fixed.text, "fixing a fixed text changed it");
}
