//! Batch use end to end: `mtlint score`, `--input jsonl` on a large stream,
//! parallel determinism on a tree of 200 files, and exit codes.

use crate::support::mtlint;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Short texts in four languages, some garbled (an error, warnings), some clean.
const TEXTS: [&str; 8] = [
    "قال بوتين ، اليوم.الروس غادروا!!",
    "Hello world.",
    "Bonjour le monde.",
    "Привет\u{FFFD} мир.",
    "استعادت القوات السيطرة عليها.",
    "Hello , world.",
    "Le chat dort .",
    "Москва — столица России.",
];

fn tree(dir: &Path, n: usize) {
    for i in 0..n {
        let sub = dir.join(format!("d{}", i % 7));
        fs::create_dir_all(&sub).unwrap();
        let text = format!("{}\n{}\n", TEXTS[i % 8], TEXTS[(i * 3 + 1) % 8]);
        fs::write(sub.join(format!("f{i:03}.txt")), text).unwrap();
    }
}

#[test]
fn parallel_runs_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path(), 200);
    for format in ["full", "concise", "json", "jsonl", "sarif", "github"] {
        let run = |j: &str| {
            mtlint()
                .current_dir(dir.path())
                .args(["check", ".", "--format", format, "-j", j])
                .output()
                .unwrap()
        };
        let one = run("1");
        let four = run("4");
        assert_eq!(one.status.code(), Some(1), "{format}");
        assert_eq!(one.stdout, four.stdout, "{format}");
        assert_eq!(one.status.code(), four.status.code());
    }
    let score = |j: &str| {
        mtlint()
            .current_dir(dir.path())
            .args(["score", ".", "--format", "jsonl", "-j", j])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(score("1"), score("4"));
}

#[test]
fn score_sorts_worst_first_and_fails_under() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("clean.txt"), "Hello world.\n").unwrap();
    fs::write(dir.path().join("also-clean.txt"), "Bonjour le monde.\n").unwrap();
    fs::write(dir.path().join("bad.txt"), "Привет\u{FFFD} мир.\n").unwrap();
    fs::write(
        dir.path().join("ar.txt"),
        "قال بوتين ، اليوم.الروس غادروا!!\n",
    )
    .unwrap();
    let out = mtlint()
        .current_dir(dir.path())
        .args(["score", "."])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(out).unwrap();
    let files: Vec<&str> = table
        .lines()
        .skip(1)
        .take(4)
        .map(|l| l.split_whitespace().nth(5).unwrap())
        .collect();
    assert_eq!(files[2..], ["also-clean.txt", "clean.txt"], "{table}");
    assert!(table.contains("replacement-character 1"), "{table}");

    let json = mtlint()
        .current_dir(dir.path())
        .args(["score", ".", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let scores: Vec<f64> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    let worst = scores[0];
    assert!(worst < 100.0);
    // Under the worst score: fine; above it: exit 1, and the count on stderr.
    mtlint()
        .current_dir(dir.path())
        .args(["score", ".", "--fail-under", &format!("{}", worst)])
        .assert()
        .code(0);
    mtlint()
        .current_dir(dir.path())
        .args(["score", ".", "--fail-under", "99.99"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("below 99.99"));
    mtlint()
        .current_dir(dir.path())
        .args(["score", ".", "--fail-under", "101"])
        .assert()
        .code(2);
    // An unreadable path wins: exit 2.
    mtlint()
        .current_dir(dir.path())
        .args(["score", ".", "missing.txt"])
        .assert()
        .code(2);
    // --statistics adds the per-rule table.
    let stats = mtlint()
        .current_dir(dir.path())
        .args(["score", ".", "--statistics"])
        .output()
        .unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(stats.contains("count  rule"), "{stats}");
}

/// A JSON Lines corpus of `n` documents, with a malformed line every 1000.
fn corpus(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i % 1000 == 999 {
            s.push_str("{\"id\": broken\n");
            continue;
        }
        let text = serde_json::to_string(TEXTS[i % 8]).unwrap();
        let _ = writeln!(s, "{{\"doc\": \"d{i}\", \"body\": {text}}}");
    }
    s
}

#[test]
fn jsonl_input_streams_in_order_and_skips_bad_lines() {
    let n = 50_000;
    let data = corpus(n);
    let out = mtlint()
        .args(["check", "-", "--input", "jsonl", "--text-field", "body"])
        .args(["--id-field", "doc", "--format", "jsonl"])
        // Two cheap rules: this test is about the stream, not the rules.
        .args([
            "--lang",
            "ar",
            "--select",
            "space-before-punctuation,replacement-character",
        ])
        .write_stdin(data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "malformed lines are errors");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let bad: Vec<&str> = stderr.lines().collect();
    assert_eq!(bad.len(), n / 1000, "{}", &stderr[..stderr.len().min(500)]);
    assert!(
        bad[0].starts_with("mtlint: error: -: line 1000: malformed JSON"),
        "{}",
        bad[0]
    );
    let last = bad[bad.len() - 1];
    assert!(last.contains(&format!("line {n}: ")), "{last}");
    // One object a good line, in input order.
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Each malformed line is also a notice line of its own, in its place.
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let notices: Vec<&serde_json::Value> =
        lines.iter().filter(|v| v.get("kind").is_some()).collect();
    assert_eq!(notices.len(), n / 1000);
    assert!(notices
        .iter()
        .all(|v| v["kind"] == "malformed-record" && v["level"] == "error"));
    let ids: Vec<String> = lines
        .iter()
        .filter(|v| v.get("kind").is_none())
        .map(|v| v["path"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..n)
        .filter(|i| i % 1000 != 999)
        .map(|i| format!("d{i}"))
        .collect();
    assert_eq!(ids.len(), want.len());
    assert!(ids == want, "ids out of order");
}

#[test]
fn jsonl_input_from_files_with_line_numbers_as_ids() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.jsonl"),
        "{\"text\": \"Hello , world.\"}\n\n{\"text\": \"Bonjour.\"}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.jsonl"),
        "{\"text\": \"Привет\u{FFFD}.\"}\n",
    )
    .unwrap();
    let out = mtlint()
        .current_dir(dir.path())
        .args([
            "check", "a.jsonl", "--input", "jsonl", "--format", "concise",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1:1:6: warning[space-before-punctuation]"),
        "{text}"
    );
    assert!(text.contains("in 2 files.\n"), "{text}");
    // Several inputs: ids are path:line; folders are walked for .jsonl.
    let out = mtlint()
        .current_dir(dir.path())
        .args(["score", ".", "--input", "jsonl", "--format", "jsonl"])
        .output()
        .unwrap();
    let paths: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["path"].to_string())
        .collect();
    assert_eq!(paths, ["\"a.jsonl:1\"", "\"a.jsonl:3\"", "\"b.jsonl:1\""]);
}
