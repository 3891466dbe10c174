//! End-to-end tests of the `mtlint` binary: exit codes, formats, standard
//! input, folder walking, `rules`, `explain` and `licenses`.
//!
//! These tests hold whichever rules exist. Where a test needs a finding it
//! relies on `replacement-character` (U+FFFD, an error) and first checks
//! through the library that the rule reports it; while the rule is still a
//! placeholder those tests skip their finding-dependent part and say so.
//! Other tests check that exit code, JSON, concise and full output agree,
//! which holds for any set of rules.

use crate::support::mtlint;
use std::fs;
use std::path::Path;

use mtlint::{Config, Report, Scanner, Severity};
use predicates::prelude::*;

/// Clean English that no rule may flag.
const CLEAN: &str = "Hello world.\n";
/// Text with U+FFFD, flagged by `replacement-character` (error).
const GARBLED: &str = "text\u{FFFD}\n";

/// Whether `replacement-character` flags [`GARBLED`] (false while it is a placeholder).
fn replacement_rule_live() -> bool {
    let scanner =
        Scanner::new(Config::default().select(["replacement-character"])).expect("known rule ids");
    let live = !scanner.scan("x.txt", GARBLED).files[0].findings.is_empty();
    if !live {
        eprintln!("replacement-character reports nothing yet: skipping the finding checks");
    }
    live
}

fn json_report(out: &[u8]) -> Report {
    serde_json::from_slice(out).expect("--format json parses into mtlint::Report")
}

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

#[test]
fn clean_text_exits_zero_at_every_fail_level() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.txt", CLEAN);
    for level in ["info", "warning", "error"] {
        mtlint()
            .current_dir(dir.path())
            .args(["check", "clean.txt", "--fail-level", level])
            .assert()
            .code(0)
            .stdout("No findings in 1 file.\n");
    }
}

#[test]
fn replacement_character_fails_with_one() {
    // Relies on replacement-character (error).
    if !replacement_rule_live() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.txt", GARBLED);
    mtlint()
        .current_dir(dir.path())
        .args(["check", "bad.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[replacement-character]"))
        .stdout(predicate::str::contains(" --> bad.txt:1:5"))
        .stdout(predicate::str::contains("= text: \"\u{FFFD}\""))
        .stdout(predicate::str::contains("= fix"));
    // Ignored wins over selected: no rule runs, nothing fails.
    mtlint()
        .current_dir(dir.path())
        .args(["check", "bad.txt", "--ignore", "replacement-character"])
        .args(["--select", "replacement-character"])
        .assert()
        .code(0);
    mtlint()
        .current_dir(dir.path())
        .args([
            "check",
            "bad.txt",
            "--format",
            "concise",
            "--fail-level",
            "info",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "bad.txt:1:5: error[replacement-character] ",
        ))
        .stdout(predicate::str::contains(": \"\u{FFFD}\""));
}

#[test]
fn exit_code_agrees_with_the_json_report() {
    // Holds for any rules: exit 1 exactly when a shown finding reaches the fail level.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GARBLED);
    write(dir.path(), "b.txt", "قال بوتين ، اليوم.الروس غادروا!!\n");
    for fail in ["info", "warning", "error"] {
        for min in ["info", "warning", "error"] {
            let out = mtlint()
                .current_dir(dir.path())
                .args(["check", ".", "--format", "json"])
                .args(["--fail-level", fail, "--min-level", min])
                .output()
                .unwrap();
            let report = json_report(&out.stdout);
            let min: Severity = serde_json::from_str(&format!("\"{min}\"")).unwrap();
            let fail: Severity = serde_json::from_str(&format!("\"{fail}\"")).unwrap();
            let all: Vec<_> = report.files.iter().flat_map(|f| &f.findings).collect();
            assert!(all.iter().all(|f| f.severity >= min), "--min-level filters");
            assert_eq!(
                report.summary.findings,
                all.len(),
                "summary counts what is kept"
            );
            let want = i32::from(all.iter().any(|f| f.severity >= fail));
            assert_eq!(out.status.code(), Some(want));
        }
    }
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.txt", CLEAN);
    mtlint()
        .current_dir(dir.path())
        .args(["check", "missing.txt", "clean.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mtlint: error: missing.txt: no such file or folder",
        ))
        // The other file is still scanned.
        .stdout("No findings in 1 file.\n");
}

#[test]
fn unknown_rule_is_a_usage_error_with_a_suggestion() {
    for flag in ["--select", "--ignore"] {
        mtlint()
            .args(["check", "-", flag, "replacment-character"])
            .write_stdin(CLEAN)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(
                "unknown rule `replacment-character`",
            ))
            .stderr(predicate::str::contains("`replacement-character`"));
    }
    mtlint()
        .args(["check", "-", "--lang", "not a language"])
        .write_stdin(CLEAN)
        .assert()
        .code(2);
    mtlint().args(["check", "--format", "xml"]).assert().code(2);
}

// Files that are not UTF-8 are scanned: see tests/encodings.rs.

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "blob.txt", b"PK\x03\x04\0\0");
    mtlint()
        .current_dir(dir.path())
        .args(["check", "blob.txt"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "mtlint: note: blob.txt: skipped: binary",
        ))
        .stderr(predicate::str::contains(
            "mtlint: warning: nothing scanned in blob.txt: 1 binary file skipped",
        ))
        .stdout("No files scanned.\n");
    mtlint()
        .current_dir(dir.path())
        .args(["check", "blob.txt", "--quiet"])
        .assert()
        .code(0)
        .stderr("")
        .stdout("");
}

#[test]
fn json_parses_and_keeps_paths_relative() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/ar.txt", "قال بوتين ، اليوم.\n");
    write(dir.path(), "news/en.md", CLEAN);
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "news", "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let report = json_report(&out.stdout);
    assert_eq!(report.version, 1);
    let paths: Vec<_> = report.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["news/ar.txt", "news/en.md"]);
    assert_eq!(report.files[0].language.as_deref(), Some("ar"));
    assert_eq!(report.summary.files, 2);
    let abs = dir.path().canonicalize().unwrap();
    for p in [dir.path(), abs.as_path()] {
        assert!(
            !stdout.contains(p.to_str().unwrap()),
            "absolute path in output"
        );
    }
}

#[test]
fn concise_is_one_line_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GARBLED);
    write(
        dir.path(),
        "b.txt",
        "قال بوتين ، اليوم.الروس غادروا!!\n\u{200B}x\n",
    );
    let json = mtlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let report = json_report(&json.stdout);
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    // The summary, then what the fixes would do.
    let (fixable, lines) = lines.split_last().unwrap();
    assert!(fixable.starts_with("[*] "), "{fixable}");
    let (summary, findings) = lines.split_last().unwrap();
    assert_eq!(findings.len(), report.summary.findings, "{stdout}");
    let re = regex::Regex::new(r#"^[ab]\.txt:\d+:\d+: (error|warning|info)\[[a-z-]+\] .*: ".*""#)
        .unwrap();
    for (line, f) in findings
        .iter()
        .zip(report.files.iter().flat_map(|f| &f.findings))
    {
        assert!(re.is_match(line), "{line}");
        assert!(line.contains(&format!(
            ":{}:{}: {}[{}]",
            f.line, f.column, f.severity, f.rule
        )));
        // Each line says whether its fix is safe (`[*]`) or unsafe (`[~]`).
        let applicability = f.fix.as_ref().map(|x| x.applicability);
        assert_eq!(
            line.contains("] [*] "),
            applicability == Some(mtlint::Applicability::Safe),
            "{line}"
        );
        assert_eq!(
            line.contains("] [~] "),
            applicability == Some(mtlint::Applicability::Unsafe),
            "{line}"
        );
    }
    assert!(summary.starts_with("Found ") || summary.starts_with("No findings"));
    // Invisible characters never reach the output raw.
    assert!(!stdout.contains('\u{200B}'));
}

#[test]
fn full_shows_location_and_quoted_text_for_every_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GARBLED);
    write(dir.path(), "b.txt", "قال بوتين ، اليوم.الروس غادروا!!\n");
    let json = mtlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let report = json_report(&json.stdout);
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches(" --> ").count(), report.summary.findings);
    assert_eq!(
        stdout.matches("= text: \"").count(),
        report.summary.findings
    );
    for file in &report.files {
        for f in &file.findings {
            assert!(stdout.contains(&format!("--> {}:{}:{}", file.path, f.line, f.column)));
        }
    }
    assert!(!stdout.contains('\u{1b}'), "no colour when piped");
    if replacement_rule_live() {
        // Relies on replacement-character.
        assert!(stdout.contains("= text: \"\u{FFFD}\""), "{stdout}");
    }
}

#[test]
fn stdin_is_read_with_dash() {
    let out = mtlint()
        .args(["check", "-", "--format", "json"])
        .write_stdin("قال بوتين اليوم إن المحادثات ستستمر.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report = json_report(&out.stdout);
    assert_eq!(report.files[0].path, "-");
    assert_eq!(report.files[0].language.as_deref(), Some("ar"));
    mtlint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "article.md",
            "--lang",
            "ar",
        ])
        .write_stdin(CLEAN)
        .assert()
        .code(0)
        .stdout("No findings in 1 file.\n");
    if replacement_rule_live() {
        // Relies on replacement-character.
        mtlint()
            .args([
                "check",
                "-",
                "--stdin-filename",
                "article.md",
                "--format",
                "concise",
            ])
            .write_stdin(GARBLED)
            .assert()
            .code(1)
            .stdout(predicate::str::starts_with("article.md:1:5: error"));
    }
}

#[test]
fn folders_are_walked_sorted_filtered_and_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in [
        "z.txt",
        "b/a.md",
        "a/deep/x.txt",
        "notes.rst",
        "data.json",
        "build/out.txt",
        "drafts/d.txt",
        ".hidden/h.txt",
    ] {
        write(d, f, CLEAN);
    }
    write(d, ".gitignore", "build/\n");
    write(d, ".mtlintignore", "drafts/\n");
    let run = |args: &[&str]| {
        let out = mtlint()
            .current_dir(d)
            .args(["check", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        json_report(&out.stdout)
            .files
            .into_iter()
            .map(|f| f.path)
            .collect::<Vec<_>>()
    };
    // No path means the current folder.
    assert_eq!(run(&[]), ["a/deep/x.txt", "b/a.md", "z.txt"]);
    assert_eq!(run(&["."]), ["a/deep/x.txt", "b/a.md", "z.txt"]);
    assert_eq!(run(&["b/", "a"]), ["a/deep/x.txt", "b/a.md"]);
    // A file named explicitly is scanned whatever its extension or ignore files.
    assert_eq!(
        run(&["notes.rst", "build/out.txt", "z.txt", "."]),
        [
            "a/deep/x.txt",
            "b/a.md",
            "build/out.txt",
            "notes.rst",
            "z.txt"
        ]
    );
}

#[test]
fn output_is_deterministic_across_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        write(
            dir.path(),
            &format!("f{i:02}.txt"),
            format!("نص رقم {i} ، فيه\u{FFFD} أخطاء.\nLine {i}  here .\n"),
        );
    }
    let run = |j: &str| {
        mtlint()
            .current_dir(dir.path())
            .args(["check", "--format", "concise", "-j", j])
            .output()
            .unwrap()
    };
    let (one, four) = (run("1"), run("4"));
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(one.status.code(), four.status.code());
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let run = |args: &[&str], no_color: bool| {
        let mut c = mtlint();
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c
            .args(["check", "-"])
            .args(args)
            .write_stdin(CLEAN)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run(&["--color", "always"], false).contains('\u{1b}'));
    assert!(!run(&["--color", "never"], false).contains('\u{1b}'));
    assert!(!run(&[], false).contains('\u{1b}'), "auto: not a terminal");
    assert!(!run(&["--color", "auto"], true).contains('\u{1b}'));
}

#[test]
fn quiet_leaves_out_the_summary() {
    mtlint()
        .args(["check", "-", "--quiet"])
        .write_stdin(CLEAN)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn rules_lists_every_rule() {
    let out = mtlint().arg("rules").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Text rules and stage rules (`unused-suppression`).
    let registry: Vec<_> = mtlint::rules::all_meta().collect();
    assert_eq!(stdout.lines().count(), registry.len());
    // Aligned: the severity column starts at the same place on every line.
    let col = |l: &str| {
        l.find("  ")
            .map(|i| i + l[i..].len() - l[i..].trim_start().len())
    };
    let first = col(stdout.lines().next().unwrap());
    for (line, m) in stdout.lines().zip(&registry) {
        assert!(
            line.starts_with(m.id) && line.ends_with(m.summary),
            "{line}"
        );
        assert!(line.contains(m.severity.as_str()));
        assert_eq!(col(line), first, "{line}");
    }

    let out = mtlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), registry.len());
    assert_eq!(list[0]["id"], registry[0].id);
    assert!(list
        .iter()
        .all(|r| r["severity"].is_string() && r["summary"].is_string()));
}

#[test]
fn explain_prints_the_documentation() {
    mtlint()
        .args(["explain", "replacement-character"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("# replacement-character\n"))
        .stdout(predicate::str::contains("Severity: error"))
        .stdout(predicate::str::contains("## What it does"));
    mtlint()
        .args(["explain", "space-befor-punctuation"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("`space-before-punctuation`"));
}

#[test]
fn licenses_give_every_embedded_data_folder_and_license() {
    let out = mtlint()
        .arg("licenses")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    // Every folder of `data/` is embedded, so every one must be listed, and
    // every license text beside the data must be printed in full.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            text.contains(&format!("==== data/{name} ====")),
            "data/{name} is not listed"
        );
        for file in fs::read_dir(&path).unwrap() {
            let file = file.unwrap().path();
            let fname = file.file_name().unwrap().to_string_lossy().into_owned();
            if fname.starts_with("LICENSE") {
                let license = fs::read_to_string(&file).unwrap();
                assert!(
                    text.contains(license.trim_end()),
                    "{} is not printed",
                    file.display()
                );
            }
        }
    }
    // The notices the licenses ask a binary to carry.
    for notice in [
        "Alexander I. Lebedev",
        "Kevin Atkinson",
        "wordfreq",
        "GeoNames",
    ] {
        assert!(text.contains(notice), "{notice}");
    }
}
