//! End-to-end tests of configuration files over temporary folder trees:
//! discovery (the nearest file wins), `--config`, `--isolated`, command-line
//! overrides, `[[per-file]]`, thresholds, walking options (`extensions`,
//! `include`, `exclude`, `--no-ignore`), `mtlint config --show`, and the
//! error messages (snapshots in `tests/snapshots/`).

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use mtlint::Report;

/// English with a doubled word: `repeated-word` (a warning) and nothing else.
const REPEATED: &str = "He said said it in the morning.\n";

fn mtlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("mtlint").unwrap();
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    c
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// Runs `mtlint check --format json ARGS` in `dir`: exit code and report.
fn check(dir: &Path, args: &[&str]) -> (i32, Report) {
    let out = mtlint(dir)
        .args(["check", "--format", "json", "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, report)
}

/// `path: rule severity` for every finding, in report order.
fn findings(r: &Report) -> Vec<String> {
    r.files
        .iter()
        .flat_map(|f| {
            f.findings
                .iter()
                .map(move |x| format!("{}: {} {}", f.path, x.rule, x.severity))
        })
        .collect()
}

fn paths(r: &Report) -> Vec<&str> {
    r.files.iter().map(|f| f.path.as_str()).collect()
}

/// stderr of a run expected to fail with exit code 2.
fn usage_error(dir: &Path, args: &[&str]) -> String {
    let out = mtlint(dir).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn the_nearest_configuration_wins() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "mtlint.toml", "ignore = [\"repeated-word\"]\n");
    write(d, "a.txt", REPEATED);
    write(d, "sub/b.txt", REPEATED);
    write(
        d,
        "sub/.mtlint.toml",
        "[severity]\nrepeated-word = \"error\"\n",
    );
    write(d, "sub/deeper/c.txt", REPEATED);
    let (code, r) = check(d, &["."]);
    // The nearest file replaces the one above (no merging): in sub/ the rule
    // runs again, as an error.
    assert_eq!(
        findings(&r),
        [
            "sub/b.txt: repeated-word error",
            "sub/deeper/c.txt: repeated-word error"
        ]
    );
    assert_eq!(code, 1);
    // Named directly, a file still finds its configuration.
    let (_, r) = check(d, &["a.txt", "sub/deeper/c.txt"]);
    assert_eq!(findings(&r), ["sub/deeper/c.txt: repeated-word error"]);
    // Scanned from inside a folder: the configuration above the current folder counts.
    let (_, r) = check(&d.join("sub/deeper"), &["c.txt"]);
    assert_eq!(findings(&r), ["c.txt: repeated-word error"]);
}

#[test]
fn config_flag_isolated_and_command_line_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "mtlint.toml", "ignore = [\"repeated-word\"]\n");
    write(d, "other.toml", "[severity]\nrepeated-word = \"info\"\n");
    write(d, "a.txt", REPEATED);
    let (code, r) = check(d, &["a.txt"]);
    assert_eq!((code, findings(&r).len()), (0, 0));
    let (_, r) = check(d, &["--config", "other.toml", "a.txt"]);
    assert_eq!(findings(&r), ["a.txt: repeated-word info"]);
    let (_, r) = check(d, &["--isolated", "a.txt"]);
    assert_eq!(findings(&r), ["a.txt: repeated-word warning"]);
    // The command line's select replaces the file's, and its ignore removes.
    let (_, r) = check(d, &["--select", "repeated-word", "a.txt"]);
    assert_eq!(findings(&r), ["a.txt: repeated-word warning"]);
    let (_, r) = check(d, &["--extend-select", "repeated-word", "a.txt"]);
    assert_eq!(findings(&r), ["a.txt: repeated-word warning"]);
    let (_, r) = check(
        d,
        &[
            "--config",
            "other.toml",
            "--ignore",
            "repeated-word",
            "a.txt",
        ],
    );
    assert!(findings(&r).is_empty());
    // --config and --isolated exclude each other.
    let err = usage_error(
        d,
        &["check", "--config", "other.toml", "--isolated", "a.txt"],
    );
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn per_file_tables_and_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "mtlint.toml",
        "fail-level = \"warning\"\n\n[[per-file]]\nfiles = [\"drafts\"]\nignore = [\"repeated-word\"]\n\n[[per-file]]\nfiles = [\"*.md\"]\nfail-level = \"error\"\n",
    );
    write(d, "a.txt", REPEATED);
    write(d, "drafts/x/b.txt", REPEATED);
    write(d, "c.md", REPEATED);
    let (code, r) = check(d, &["drafts", "c.md"]);
    assert_eq!(findings(&r), ["c.md: repeated-word warning"]);
    // c.md fails only at error: the warning does not fail the run.
    assert_eq!(code, 0);
    let (code, _) = check(d, &["a.txt"]);
    assert_eq!(code, 1, "fail-level = warning from the file");
    let (code, _) = check(d, &["--fail-level", "error", "a.txt"]);
    assert_eq!(code, 0, "the flag overrides the file");

    // fail-under: a file scoring below fails, whatever its findings' levels.
    write(d, "mtlint.toml", "fail-under = 99.5\n");
    let (code, r) = check(d, &["a.txt"]);
    assert!(r.files[0].score < 99.5);
    assert_eq!(code, 1);
    let (code, _) = check(d, &["--fail-under", "10", "a.txt"]);
    assert_eq!(code, 0);
}

#[test]
fn walking_extensions_include_exclude_and_no_ignore() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in [
        "a.txt",
        "b.md",
        "c.rst",
        "news/d.txt",
        "news/old/e.txt",
        "vendor/f.txt",
        "ignored/g.txt",
        ".hidden/h.txt",
    ] {
        write(d, f, "Fine text.\n");
    }
    write(d, ".gitignore", "ignored/\n");
    let (_, r) = check(d, &["."]);
    assert_eq!(
        paths(&r),
        [
            "a.txt",
            "b.md",
            "news/d.txt",
            "news/old/e.txt",
            "vendor/f.txt"
        ]
    );
    let (_, r) = check(d, &["--no-ignore", "."]);
    assert_eq!(
        paths(&r),
        [
            "a.txt",
            "b.md",
            "ignored/g.txt",
            "news/d.txt",
            "news/old/e.txt",
            "vendor/f.txt"
        ]
    );
    write(
        d,
        "mtlint.toml",
        "extensions = [\"txt\", \".rst\"]\nexclude = [\"vendor\", \"news/old/**\"]\n",
    );
    let (_, r) = check(d, &["."]);
    assert_eq!(paths(&r), ["a.txt", "c.rst", "news/d.txt"]);
    write(
        d,
        "mtlint.toml",
        "include = [\"news/**\"]\nexclude = [\"old\"]\n",
    );
    let (_, r) = check(d, &["."]);
    assert_eq!(paths(&r), ["news/d.txt"]);
    // A file named on the command line is always taken.
    let (_, r) = check(d, &["vendor/f.txt", "b.md"]);
    assert_eq!(paths(&r), ["b.md", "vendor/f.txt"]);
    // Globs are relative to the configuration's folder, wherever mtlint runs.
    let (_, r) = check(&d.join("news"), &["."]);
    assert_eq!(paths(&r), ["d.txt"]);
}

#[test]
fn allowed_terms_and_scripts_reach_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Seed 003's `Telegram`: info from untranslated-term, silenced by the allowlist.
    let text = "وقالت القناة على Telegram إن القوات الروسية تقدمت في المنطقة الشرقية اليوم.\n";
    write(d, "a.txt", text);
    // The rules that flag `a.txt` under these options.
    let rules_with = |args: &[&str]| {
        let out = mtlint(d)
            .args(["check", "--format", "json"])
            .args(args)
            .arg("a.txt")
            .output()
            .unwrap();
        let r: Report = serde_json::from_slice(&out.stdout).unwrap();
        r.files[0]
            .findings
            .iter()
            .map(|f| f.rule.clone())
            .collect::<Vec<_>>()
    };
    let before = rules_with(&["--isolated", "--lang", "ar"]);
    assert!(
        before.contains(&"untranslated-term".to_string()),
        "{before:?}"
    );
    write(d, "terms.toml", "allowed-terms = [\"telegram\"]\n");
    let rules = rules_with(&["--config", "terms.toml"]);
    assert!(
        !rules.contains(&"untranslated-term".to_string()),
        "{rules:?}"
    );
    write(d, "scripts.toml", "allowed-scripts = [\"Latin\"]\n");
    let rules = rules_with(&["--config", "scripts.toml"]);
    assert!(
        !rules.contains(&"untranslated-term".to_string()),
        "{rules:?}"
    );
}

#[test]
fn config_show_prints_the_settings_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "mtlint.toml",
        "language = \"ar\"\nselect = [\"repeated-word\", \"joined-words\"]\nallowed-scripts = [\"latn\"]\nexclude = [\"drafts\"]\n[severity]\njoined-words = \"warning\"\n[[per-file]]\nfiles = [\"en/**\"]\nlanguage = \"en\"\nfail-under = 75\n",
    );
    write(d, "en/a.md", "x");
    let show = |args: &[&str]| {
        let out = mtlint(d)
            .args(["config", "--show"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    // Snapshots live in the top-level `snapshots/` with the others.
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    let _guard = settings.bind_to_scope();
    insta::assert_snapshot!("show_root", show(&[]));
    insta::assert_snapshot!(
        "show_per_file_and_flags",
        show(&["en/a.md", "--ignore", "joined-words"])
    );
    insta::assert_snapshot!("show_isolated", show(&["--isolated", "en/a.md"]));
}

#[test]
fn errors_name_the_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", REPEATED);
    let cases = [
        ("unknown_key", "language = \"ar\"\nfail_level = \"error\"\n"),
        (
            "unknown_rule",
            "ignore = [\"joined-words\", \"repeted-word\"]\n",
        ),
        ("bad_level", "[severity]\nrepeated-word = \"fatal\"\n"),
        ("bad_type", "select = \"repeated-word\"\n"),
        ("bad_glob", "exclude = [\"drafts/[a\"]\n"),
        ("bad_language", "language = \"klingon\"\n"),
        (
            "per_file_without_files",
            "[[per-file]]\nlanguage = \"en\"\n",
        ),
        (
            "per_file_unknown_key",
            "[[per-file]]\nfiles = [\"*.md\"]\nexclude = []\n",
        ),
        ("syntax", "select = [\"repeated-word\"\n"),
    ];
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    let _guard = settings.bind_to_scope();
    for (name, text) in cases {
        write(d, "mtlint.toml", text);
        let err = usage_error(d, &["check", "a.txt"]);
        insta::assert_snapshot!(name, err);
        // The same error from `config --show` and when walking a folder.
        assert_eq!(usage_error(d, &["config", "--show", "a.txt"]), err);
        assert_eq!(usage_error(d, &["check", "."]), err);
    }
    // --config names a file that does not exist.
    let err = usage_error(d, &["check", "--config", "nope.toml", "a.txt"]);
    assert!(
        err.starts_with("mtlint: error: nope.toml: cannot read the configuration"),
        "{err}"
    );
}
