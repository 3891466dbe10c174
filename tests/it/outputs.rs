//! Every output format of `mtlint check` end to end: snapshots of each on the
//! seeds, SARIF validated against the published SARIF 2.1.0 schema, GitHub
//! annotations, JSON Lines against the JSON format, `--statistics`, and
//! `-o FILE`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use mtlint::{FileReport, Report};

fn mtlint() -> Command {
    let mut c = crate::support::mtlint();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// `mtlint check seeds --format FORMAT`, its standard output and exit code.
fn seeds(format: &str, extra: &[&str]) -> (String, i32) {
    let out = mtlint()
        .args(["check", "seeds", "--format", format])
        .args(extra)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn every_format_on_the_seeds() {
    for format in ["full", "concise", "json", "jsonl", "sarif", "github"] {
        let (out, code) = seeds(format, &[]);
        // Seed 000 holds an error-level finding.
        assert_eq!(code, 1, "{format}");
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("format@{format}"), out);
        });
    }
}

#[test]
fn sarif_is_valid_against_the_published_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/sarif/sarif-schema-2.1.0.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("the schema compiles");
    let check = |sarif: &str| {
        let v: serde_json::Value = serde_json::from_str(sarif).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        v
    };
    let (out, _) = seeds("sarif", &[]);
    let v = check(&out);
    let run = &v["runs"][0];
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        for key in ["shortDescription", "fullDescription"] {
            assert!(rule[key]["text"].as_str().is_some_and(|s| !s.is_empty()));
        }
        assert!(rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Limits"));
        assert!(rule["defaultConfiguration"]["level"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    let json: Report = serde_json::from_str(&seeds("json", &[]).0).unwrap();
    assert_eq!(results.len(), json.summary.findings);
    assert!(results
        .iter()
        .all(|r| r["partialFingerprints"]["mtlint/v1"].is_string()));
    assert!(results
        .iter()
        .any(|r| r["fixes"][0]["artifactChanges"].is_array()));
    // Fingerprints are unique within the log.
    let mut prints: Vec<_> = results
        .iter()
        .map(|r| r["partialFingerprints"]["mtlint/v1"].as_str().unwrap())
        .collect();
    prints.sort_unstable();
    let n = prints.len();
    prints.dedup();
    assert_eq!(prints.len(), n);

    // Unreadable inputs and odd paths (spaces, Arabic, a comma) stay valid.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("مقال 1,a.txt"), "قال بوتين ، اليوم.\n").unwrap();
    fs::write(dir.path().join("bad.txt"), b"\xC7\xE4\n").unwrap();
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", ".", "missing.txt", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v = check(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], false);
    // An empty run.
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "-", "--format", "sarif"])
        .write_stdin("Hello world.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    check(&String::from_utf8(out.stdout).unwrap());
}

#[test]
fn jsonl_lines_are_the_json_files() {
    let json: Report = serde_json::from_str(&seeds("json", &[]).0).unwrap();
    let (lines, _) = seeds("jsonl", &[]);
    let files: Vec<FileReport> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(files, json.files);
}

#[test]
fn github_annotations_and_the_full_report() {
    let (out, _) = seeds("github", &[]);
    let (full, _) = seeds("full", &[]);
    let annotations: Vec<_> = out.lines().filter(|l| l.starts_with("::")).collect();
    let json: Report = serde_json::from_str(&seeds("json", &[]).0).unwrap();
    assert_eq!(annotations.len(), json.summary.findings);
    for a in &annotations {
        let (cmd, rest) = a[2..].split_once(' ').unwrap();
        assert!(["error", "warning", "notice"].contains(&cmd), "{a}");
        let (props, message) = rest.split_once("::").unwrap();
        assert!(props.starts_with("file=seeds/") && props.contains(",endColumn="));
        assert!(!message.is_empty() && !message.contains('\n'));
    }
    // What is left once GitHub hides the commands is the full report.
    let rest: String = out
        .lines()
        .filter(|l| !l.starts_with("::"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(rest, full);
}

#[test]
fn statistics_count_per_rule() {
    let json: Report = serde_json::from_str(&seeds("json", &[]).0).unwrap();
    let (table, code) = seeds("concise", &["--statistics"]);
    assert_eq!(code, 1, "the exit code still follows the findings");
    // A row per rule and the severity its findings were reported at, not
    // the rule's default severity (`unbalanced-quotes` comes as info and
    // as warning on the seeds).
    let mut want = std::collections::BTreeMap::new();
    for f in json.files.iter().flat_map(|f| &f.findings) {
        *want
            .entry((f.rule.clone(), f.severity.to_string()))
            .or_insert(0) += 1;
    }
    assert!(
        want.keys()
            .any(|(r, s)| mtlint::rules::find_meta(r)
                .is_some_and(|m| m.severity.as_str() != s.as_str())),
        "the seeds hold findings at a severity other than their rule's default"
    );
    let rows: std::collections::BTreeMap<(String, String), usize> = table
        .lines()
        .skip(1)
        .filter_map(|l| match l.split_whitespace().collect::<Vec<_>>()[..] {
            [n, rule, severity] => Some(((rule.into(), severity.into()), n.parse().ok()?)),
            _ => None,
        })
        .collect();
    assert_eq!(rows, want, "{table}");
    let (arr, _) = seeds("json", &["--statistics"]);
    let arr: Vec<serde_json::Value> = serde_json::from_str(&arr).unwrap();
    assert_eq!(arr.len(), want.len());
    mtlint()
        .args(["check", "seeds", "--format", "sarif", "--statistics"])
        .assert()
        .code(2);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.sarif");
    for format in [
        "json", "sarif", "full", "concise", "jsonl", "github", "html",
    ] {
        let out = mtlint()
            .args(["check", "seeds", "--format", format, "-o"])
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout.is_empty(), "nothing on standard output");
        let (stdout, _) = seeds(format, &[]);
        assert_eq!(fs::read_to_string(&target).unwrap(), stdout, "{format}");
    }
    // No temporary file is left beside it.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["report.sarif"]);
    // A folder that does not exist: an error, and nothing written.
    let bad = dir.path().join("no/such/folder/out.json");
    mtlint()
        .args(["check", "seeds", "--format", "json", "-o"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot write"));
    assert!(!Path::new(&bad).exists());
    // A run killed before the end leaves the old file as it was.
    fs::write(&target, "old").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["check", "-", "--format", "json", "-o"])
        .arg(&target)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
}

#[test]
fn isolates_whatever_the_output_unless_turned_off() {
    let (out, _) = seeds("concise", &[]);
    let isolated = out.lines().filter(|l| l.contains("\"\u{2068}")).count();
    assert!(isolated > 50, "{isolated} lines with isolated quotes");
    let (out, _) = seeds("concise", &["--no-bidi-isolates"]);
    assert!(
        !out.contains('\u{2068}') && !out.contains('\u{2069}'),
        "{out}"
    );
}

#[test]
fn source_lines_fit_the_columns() {
    let widest = |columns: &str| {
        let out = mtlint()
            .env("COLUMNS", columns)
            .args(["check", "seeds"])
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        // Source lines: `12 | text`.
        out.lines()
            .filter(|l| {
                l.split_once(" | ")
                    .is_some_and(|(n, _)| n.trim().parse::<usize>().is_ok())
            })
            .map(|l| {
                l.chars()
                    .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
                    .count()
            })
            .max()
            .unwrap()
    };
    assert_eq!(widest("80"), 80);
    assert_eq!(widest("150"), 150);
    assert_eq!(widest("40"), 40);
}
