//! Lines mean the same thing everywhere (`\n`, `\r\n` and a bare `\r`, as
//! `mtlint::text::lines::lines` defines them): the two inputs a fuzzer found
//! crashing the marked rendering, through decode, scan and every renderer
//! and the command line; and a property test that, for any text with mixed
//! line endings, no renderer panics and every line and column shown is the
//! one the definition gives.

use std::collections::BTreeMap;

use mtlint::read::decode;
use mtlint::render::stream::{Format, Stream};
use mtlint::render::Options;
use mtlint::text::lines::LineIndex;
use mtlint::{FileReport, Scanner};
use proptest::prelude::*;

use crate::support::mtlint;

/// The inputs of issue 19 that made the marked rendering slice out of range.
const CRASHERS: [&str; 2] = [
    "ff0dc58cc26f",
    "ffffff0dc598c27d7d7d7d7db1c598c582c598c24f3a511d7f613a67c2a9",
];

/// Bytes from hex.
fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

/// Every streamed format of `file`, by name.
fn renderings(file: &FileReport) -> BTreeMap<&'static str, String> {
    let formats = [
        ("full", Format::Full),
        ("concise", Format::Concise),
        ("json", Format::Json),
        ("jsonl", Format::Jsonl),
        ("sarif", Format::Sarif),
        ("github", Format::Github),
    ];
    let mut out: BTreeMap<&str, String> = formats
        .into_iter()
        .map(|(name, format)| {
            let mut s = Stream::new(Vec::new(), format, Options::default());
            s.begin().unwrap();
            s.file(file).unwrap();
            let bytes = s.finish().unwrap().0;
            (name, String::from_utf8(bytes).expect("UTF-8 output"))
        })
        .collect();
    out.insert("marked", file.marked());
    out
}

#[test]
fn the_fuzzers_inputs_render_in_every_format() {
    for hex in CRASHERS {
        let decoded = decode::decode(&bytes(hex)).expect("text, not binary");
        let file = Scanner::default().scan_decoded("a.txt", &decoded);
        assert!(!file.findings.is_empty(), "{hex}");
        check_positions(&file);
        let out = renderings(&file);
        assert_eq!(
            out["marked"].matches('⟦').count(),
            file.findings.len(),
            "{}",
            out["marked"]
        );
    }
}

#[test]
fn the_fuzzers_inputs_pass_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    for (i, hex) in CRASHERS.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), bytes(hex)).unwrap();
    }
    for format in ["full", "concise", "json", "jsonl", "sarif", "github"] {
        let out = mtlint()
            .current_dir(dir.path())
            .args(["check", "--format", format, "."])
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "{format}: {code:?}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Every finding's line and column are those [`LineIndex`] gives its offsets.
fn check_positions(file: &FileReport) {
    let src = &file.source;
    let lines = LineIndex::new(src);
    for f in &file.findings {
        assert_eq!((f.line, f.column), lines.line_col(src, f.start), "{f:?}");
        assert_eq!(
            (f.end_line, f.end_column),
            lines.line_col(src, f.end),
            "{f:?}"
        );
    }
}

/// Every renderer shows each finding at the line and column of the report.
fn check_renderings(file: &FileReport) {
    let out = renderings(file);
    let path = &file.path;
    let mut concise = out["concise"].lines();
    for f in &file.findings {
        let at = format!("{path}:{}:{}:", f.line, f.column);
        assert!(
            concise.any(|l| l.starts_with(&at)),
            "concise lacks {at}\n{}",
            out["concise"]
        );
        let arrow = format!("--> {}", at.trim_end_matches(':'));
        assert!(
            out["full"].lines().any(|l| {
                let l = l.trim_start();
                l == arrow || l.starts_with(&format!("{arrow} ("))
            }),
            "full lacks {arrow}\n{}",
            out["full"]
        );
        let gh = format!(
            "line={},col={},endLine={},endColumn={},",
            f.line, f.column, f.end_line, f.end_column
        );
        assert!(out["github"].contains(&gh), "github lacks {gh}");
    }
    let sarif: serde_json::Value = serde_json::from_str(&out["sarif"]).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), file.findings.len());
    for (r, f) in results.iter().zip(&file.findings) {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        let got = [
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"],
        ];
        assert_eq!(
            got.map(|v| v.as_u64().unwrap() as usize),
            [f.line, f.column, f.end_line, f.end_column]
        );
    }
    let json: serde_json::Value = serde_json::from_str(&out["json"]).expect("JSON");
    for (j, f) in json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&file.findings)
    {
        assert_eq!(j["line"].as_u64().unwrap() as usize, f.line);
        assert_eq!(j["column"].as_u64().unwrap() as usize, f.column);
    }
    // The marked text: one row a line of the file (notes start with
    // `    [`), each finding's note under the row of its line.
    let mut row = 0;
    let mut noted = Vec::new();
    for l in out["marked"].lines() {
        if l.starts_with("    [") {
            let rule = l.split_whitespace().nth(1).unwrap_or_default().to_string();
            noted.push((row, rule));
        } else {
            row += 1;
        }
    }
    assert_eq!(row, LineIndex::new(&file.source).len(), "{}", out["marked"]);
    let mut want: Vec<_> = file
        .findings
        .iter()
        .map(|f| (f.line, f.rule.clone()))
        .collect();
    noted.sort();
    want.sort();
    assert_eq!(noted, want, "{}", out["marked"]);
}

/// Lines that draw findings, with every kind of line ending between them.
fn text_strategy() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("قال بوتين ، اليوم.الروس غادروا!!"),
        Just("урррсافقة في الخبر"),
        Just("Hello , world  again."),
        Just("بوتين في زيارة مفاجئة إلى كورسك"),
        Just("الناتو (الناتو) اليوم"),
        Just("a\u{FFFD}b \u{200B}c"),
        Just("<!-- mtlint: ignore -->"),
        Just("---"),
        Just("ــــــــــــــــ"),
        Just("   "),
        Just(""),
        Just("x"),
    ];
    let ending = prop_oneof![
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just("\r\r\n"),
        Just("\n\r"),
    ];
    proptest::collection::vec((line, ending), 0..12)
        .prop_map(|v| v.into_iter().flat_map(|(l, e)| [l, e]).collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_renderer_agrees_on_lines_and_columns(
        text in text_strategy(),
        cut in any::<bool>(),
        path in proptest::sample::select(vec!["a.txt", "a.md"]),
    ) {
        // Sometimes no final line break.
        let text = if cut { text.trim_end_matches(['\n', '\r']) } else { &text };
        let file = Scanner::default().scan_file(path, text);
        check_positions(&file);
        check_renderings(&file);
    }
}

#[test]
fn units_of_subtitles_and_catalogues_count_lines_as_findings_do() {
    // Bare carriage returns end lines in WebVTT, and in every file mtlint
    // reads: the cue and the entry start on the line their findings name.
    let srt = "1\r00:00:01,000 --> 00:00:02,000\rقال بوتين ، اليوم.\r\r2\r00:00:03,000 --> 00:00:04,000\rHello , world.\r";
    let po =
        "msgid \"a\"\rmsgstr \"قال بوتين ، اليوم.\"\r\rmsgid \"b\"\rmsgstr \"Hello , world.\"\r";
    for (path, text, unit_lines) in [("a.srt", srt, [1, 5]), ("a.po", po, [1, 4])] {
        let file = Scanner::default().scan_file(path, text);
        check_positions(&file);
        let found: Vec<(usize, usize)> = file
            .findings
            .iter()
            .filter(|f| f.rule == "space-before-punctuation")
            .map(|f| (f.unit.as_ref().map_or(0, |u| u.line), f.line))
            .collect();
        let want = match path {
            "a.srt" => [(unit_lines[0], 3), (unit_lines[1], 7)],
            _ => [(unit_lines[0], 2), (unit_lines[1], 5)],
        };
        assert_eq!(found, want, "{path}: {:?}", file.findings);
    }
}
