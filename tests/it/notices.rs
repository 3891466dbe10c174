//! Every failure visible where the user looks: inputs that could not be
//! read, binary files skipped, files read in another encoding, malformed
//! JSON Lines lines and scans of nothing are named in JSON (`notices`),
//! JSON Lines (a line each) and SARIF (tool execution notifications), and
//! the exit code agrees: 2 for an error, unchanged for a note or a warning.
//! Also the command line's other rough edges of issue 19: `--diff` in JSON,
//! `--force-exclude`, `--lang` names, a field no JSON Lines line has, long
//! quotes.

use std::fs;
use std::path::Path;

use mtlint::{NoticeKind, NoticeLevel, Report};
use serde_json::Value;

use crate::support::mtlint;

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

/// Runs `mtlint` in `dir`: exit code, standard output, standard error.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = mtlint().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// (path, level, kind) of each notice.
fn notices(r: &Report) -> Vec<(&str, NoticeLevel, NoticeKind)> {
    r.notices
        .iter()
        .map(|n| (n.path.as_str(), n.level, n.kind))
        .collect()
}

/// The tool execution notifications of a SARIF log, as (level, uri), and
/// whether the invocation succeeded.
/// The exit code, the notices of `--format json` and standard error of `args`.
fn json_notices(d: &Path, args: &[&str]) -> (i32, Vec<(String, NoticeLevel, NoticeKind)>, String) {
    let args: Vec<&str> = args.iter().copied().chain(["--format", "json"]).collect();
    let (code, json, err) = run(d, &args);
    let r: Report = serde_json::from_str(&json).unwrap();
    let found = notices(&r)
        .into_iter()
        .map(|(p, l, k)| (p.to_string(), l, k))
        .collect();
    (code, found, err)
}

fn sarif_notes(log: &str) -> (Vec<(String, String)>, bool) {
    let v: Value = serde_json::from_str(log).expect("SARIF is JSON");
    let inv = &v["runs"][0]["invocations"][0];
    let notes = inv["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let uri = &n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            (
                n["level"].as_str().unwrap().to_string(),
                uri.as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (notes, inv["executionSuccessful"].as_bool().unwrap())
}

#[test]
fn a_skipped_binary_is_a_note_in_every_format_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "news/blob.txt", b"PK\x03\x04\0\0");
    write(d, "news/ar.txt", "قال بوتين اليوم إن الجيش تقدم.\n");
    let (code, json, _) = run(d, &["check", "news", "--format", "json"]);
    assert_eq!(code, 0);
    let r: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(
        notices(&r),
        [("news/blob.txt", NoticeLevel::Note, NoticeKind::Binary)]
    );
    assert!(r.notices[0].message.contains("binary file"));
    let (code, sarif, _) = run(d, &["check", "news", "--format", "sarif"]);
    assert_eq!(code, 0);
    let (notes, ok) = sarif_notes(&sarif);
    assert_eq!(notes, [("note".to_string(), "news/blob.txt".to_string())]);
    assert!(ok, "a skipped binary is no failed run");
    let (code, lines, _) = run(d, &["check", "news", "--format", "jsonl"]);
    assert_eq!(code, 0);
    let kinds: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["kind"].clone())
        .collect();
    assert_eq!(kinds, [Value::Null, Value::from("binary")]);
}

#[test]
fn an_unreadable_path_is_an_error_in_every_format_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "ar.txt", "قال بوتين اليوم إن الجيش تقدم.\n");
    let (code, json, err) = run(d, &["check", "ar.txt", "gone.txt", "--format", "json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("mtlint: error: gone.txt: no such file or folder"),
        "{err}"
    );
    let r: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(r.files.len(), 1, "the other file is still scanned");
    assert_eq!(
        notices(&r),
        [("gone.txt", NoticeLevel::Error, NoticeKind::NotFound)]
    );
    let (code, sarif, _) = run(d, &["check", "ar.txt", "gone.txt", "--format", "sarif"]);
    assert_eq!(code, 2);
    assert_eq!(
        sarif_notes(&sarif),
        (vec![("error".to_string(), "gone.txt".to_string())], false)
    );
    let (code, lines, _) = run(d, &["check", "gone.txt", "--format", "jsonl"]);
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(lines.trim()).unwrap();
    assert_eq!(
        (v["path"].as_str(), v["level"].as_str()),
        (Some("gone.txt"), Some("error"))
    );
}

#[test]
fn a_legacy_encoding_is_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("قال بوتين اليوم إن الجيش تقدم.\n");
    write(d, "ar.txt", &bytes);
    let (code, sarif, _) = run(d, &["check", "ar.txt", "--format", "sarif"]);
    assert_eq!(code, 0);
    assert_eq!(
        sarif_notes(&sarif),
        (vec![("note".to_string(), "ar.txt".to_string())], true)
    );
    let (_, lines, _) = run(d, &["check", "ar.txt", "--format", "jsonl"]);
    let last: Value = serde_json::from_str(lines.lines().last().unwrap()).unwrap();
    assert_eq!(last["kind"], "encoding");
    assert_eq!(last["message"], "not UTF-8: read as windows-1256");
}

#[test]
fn nothing_to_scan_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("empty")).unwrap();
    write(d, "bin/a.txt", b"\0\0\0");
    write(d, "bin/b.txt", b"\0\0\0");
    let (code, out, err) = run(d, &["check", "empty"]);
    assert_eq!(
        code, 2,
        "a scan of nothing fails: CI pointed at the wrong folder"
    );
    assert_eq!(out, "No files scanned.\n");
    assert!(
        err.starts_with("mtlint: error: nothing scanned: no file to read in empty"),
        "{err}"
    );
    let (code, json, err) = run(d, &["check", "bin", "--format", "json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("nothing scanned in bin: 2 binary files skipped"),
        "{err}"
    );
    let r: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(
        notices(&r),
        [
            ("bin/a.txt", NoticeLevel::Note, NoticeKind::Binary),
            ("bin/b.txt", NoticeLevel::Note, NoticeKind::Binary),
            ("", NoticeLevel::Error, NoticeKind::NoInputs),
        ]
    );
    let (_, sarif, _) = run(d, &["check", "empty", "--format", "sarif"]);
    assert_eq!(
        sarif_notes(&sarif),
        (vec![("error".to_string(), String::new())], false)
    );
    // An empty JSON Lines input (an empty shard of a corpus) only warns;
    // `score` fails as `check` does.
    write(d, "none.jsonl", "\n");
    let (code, found, err) = json_notices(d, &["check", "none.jsonl", "--input", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(
        found,
        [(String::new(), NoticeLevel::Warning, NoticeKind::NoDocuments)]
    );
    assert!(
        err.contains("nothing scanned: no document in none.jsonl"),
        "{err}"
    );
    let (code, _, err) = run(d, &["score", "empty"]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing scanned"), "{err}");
}

#[test]
fn a_field_the_first_record_lacks_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines: String = (0..204)
        .map(|i| format!("{{\"url\": \"u{i}\", \"text\": \"Hello , world.\"}}\n"))
        .collect();
    write(d, "c.jsonl", &lines);
    let (code, json, err) = run(
        d,
        &[
            "check",
            "c.jsonl",
            "--input",
            "jsonl",
            "--id-field",
            "urll",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "mtlint: error: c.jsonl: the first record (line 1) has no field `urll` (--id-field); \
         its fields are `text`, `url`\n"
    );
    let r: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(
        notices(&r),
        [("c.jsonl", NoticeLevel::Error, NoticeKind::MissingField)]
    );
    // A later line that lacks it: an error of its own; the others are read.
    write(d, "c.jsonl", format!("{lines}{{\"text\": \"a\"}}\n{lines}"));
    let (code, _, err) = run(
        d,
        &["check", "c.jsonl", "--input", "jsonl", "--id-field", "url"],
    );
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("c.jsonl: line 205: no field `url`; skipped"),
        "{err}"
    );
}

#[test]
fn malformed_lines_are_named_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "c.jsonl", "{\"text\": \"Hello.\"}\n{oops\n");
    let (code, json, _) = run(
        d,
        &["check", "c.jsonl", "--input", "jsonl", "--format", "json"],
    );
    assert_eq!(code, 2);
    let r: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(
        notices(&r),
        [("c.jsonl", NoticeLevel::Error, NoticeKind::MalformedRecord)]
    );
    assert!(r.notices[0].message.starts_with("line 2: malformed JSON"));
}

#[test]
fn diff_in_json_gives_the_fixes_object() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "قال بوتين ، اليوم.\n";
    write(d, "ar.txt", text);
    let (code, json, _) = run(d, &["check", "--diff", "ar.txt", "--format", "json"]);
    assert_eq!(code, 1, "something would change");
    let v: Value = serde_json::from_str(&json).expect("JSON, not a unified diff");
    let fixes = &v["files"][0]["fixes"];
    assert_eq!(fixes["files_changed"], 1, "{json}");
    assert_eq!(fixes["applied"]["space-before-punctuation"], 1, "{json}");
    assert_eq!(v["summary"]["fixes"]["files_changed"], 1);
    assert_eq!(
        fs::read_to_string(d.join("ar.txt")).unwrap(),
        text,
        "--diff writes nothing"
    );
    // The text formats still print the diff.
    let (code, diff, _) = run(d, &["check", "--diff", "ar.txt"]);
    assert_eq!(code, 1);
    assert!(diff.starts_with("--- ar.txt"), "{diff}");
}

#[test]
fn force_exclude_applies_the_configuration_to_named_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "mtlint.toml", "exclude = [\"drafts\"]\n");
    write(d, "drafts/a.md", "قال بوتين \u{FFFD} اليوم.\n");
    write(d, "b.md", "قال بوتين اليوم إن الجيش تقدم.\n");
    // Named on the command line, an excluded file is scanned by default.
    let (code, _, _) = run(d, &["check", "drafts/a.md"]);
    assert_eq!(code, 1);
    let (code, out, err) = run(d, &["check", "--force-exclude", "drafts/a.md"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("1 file excluded (--force-exclude)"), "{err}");
    // Only excluded files: a pre-commit hook passes, with a warning.
    let (code, found, _) = json_notices(d, &["check", "--force-exclude", "drafts/a.md"]);
    assert_eq!(code, 0);
    assert_eq!(
        found,
        [(String::new(), NoticeLevel::Warning, NoticeKind::AllExcluded)]
    );
    let (code, json, _) = run(
        d,
        &[
            "check",
            "--force-exclude",
            "drafts/a.md",
            "b.md",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0);
    let r: Report = serde_json::from_str(&json).unwrap();
    let paths: Vec<_> = r.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["b.md"]);
}

#[test]
fn lang_takes_codes_and_english_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Hello , world.\n");
    for lang in ["en", "eng", "english", "English", "en-GB"] {
        let (code, json, err) = run(d, &["check", "--lang", lang, "a.txt", "--format", "json"]);
        assert_eq!(code, 0, "{lang}: {err}");
        let r: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(r.files[0].language.as_deref(), Some("en"), "{lang}");
    }
    for lang in ["xx", "englisch"] {
        let (code, out, err) = run(d, &["check", "--lang", lang, "a.txt"]);
        assert_eq!(code, 2, "{lang}");
        assert!(out.is_empty());
        assert!(
            err.starts_with(&format!("mtlint: error: unknown language `{lang}`"))
                && err.contains("ar (Arabic)")
                && err.contains("ru (Russian)"),
            "{err}"
        );
    }
}

#[test]
fn long_spans_are_shortened_in_text_formats_and_whole_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let tatweels = "ـ".repeat(500_000);
    write(d, "ar.txt", format!("قال{tatweels} بوتين اليوم.\n"));
    for format in ["concise", "full", "github"] {
        let (_, out, _) = run(d, &["check", "ar.txt", "--format", format]);
        let longest = out.lines().map(str::len).max().unwrap_or(0);
        assert!(longest < 2_000, "{format}: a line of {longest} bytes");
        assert!(out.contains(" characters]…"), "{format}: {out}");
    }
    let (_, json, _) = run(d, &["check", "ar.txt", "--format", "json"]);
    let r: Report = serde_json::from_str(&json).unwrap();
    assert!(
        r.files[0]
            .findings
            .iter()
            .any(|f| f.text.chars().filter(|&c| c == 'ـ').count() >= 500_000),
        "JSON keeps the flagged text whole"
    );
}
