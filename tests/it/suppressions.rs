//! End-to-end tests of suppression comments through the command line:
//! every form (`ignore` next line, `disable`/`enable`, `ignore-file`, with
//! and without rules), `unused-suppression`, the score, standard input,
//! formats that do not read comments, and selection of the stage rule.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use mtlint::Report;

const LINE: &str = "He said said it in the morning.";

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, Report) {
    let mut c = Command::cargo_bin("mtlint").unwrap();
    c.current_dir(dir)
        .args(["check", "--isolated", "--format", "json", "--lang", "en"])
        .args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let out = c.output().unwrap();
    let r = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), r)
}

/// `line rule` of every finding of the one file scanned.
fn scan(name: &str, text: &str) -> (Vec<String>, f64) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    let (_, r) = run(dir.path(), &[name], None);
    let f = &r.files[0];
    (
        f.findings
            .iter()
            .map(|x| format!("{} {}", x.line, x.rule))
            .collect(),
        f.score,
    )
}

#[test]
fn every_form() {
    let cases: &[(&str, String, &[&str])] = &[
        (
            "ignore one rule, next line",
            format!("{LINE}\n<!-- mtlint: ignore repeated-word -->\n{LINE}\n{LINE}\n"),
            &["1 repeated-word", "4 repeated-word"],
        ),
        (
            "ignore every rule, next line",
            format!("<!-- mtlint: ignore -->\n{LINE}\n{LINE}\n"),
            &["3 repeated-word"],
        ),
        (
            "disable … enable one rule",
            format!(
                "{LINE}\n<!-- mtlint: disable repeated-word -->\n{LINE}\n\n{LINE}\n<!-- mtlint: enable repeated-word -->\n{LINE}\n"
            ),
            &["1 repeated-word", "7 repeated-word"],
        ),
        (
            "disable every rule to the end",
            format!("{LINE}\n<!--   mtlint: disable   -->\n{LINE}\n{LINE}\n"),
            &["1 repeated-word"],
        ),
        (
            "ignore-file one rule",
            format!("{LINE}\n{LINE}\n<!-- mtlint: ignore-file repeated-word -->\n"),
            &[],
        ),
        (
            "ignore-file every rule",
            format!("<!-- mtlint: ignore-file -->\n{LINE} It is here , ok.\n"),
            &[],
        ),
        (
            "rules separated by commas",
            format!("<!-- mtlint: ignore repeated-word, space-before-punctuation -->\n{LINE} It is here , ok.\n"),
            &[],
        ),
        (
            "not on its own line: not a suppression",
            format!("{LINE} <!-- mtlint: ignore -->\n"),
            &["1 repeated-word"],
        ),
    ];
    for (what, text, want) in cases {
        // Each line its own words, so that `duplicate-line` stays out of it.
        let mut text = text.clone();
        let mut n = 0;
        while let Some(i) = text.find(LINE) {
            n += 1;
            text.replace_range(i..i + LINE.len(), &format!("He said said it on day {n}."));
        }
        let (got, _) = scan("a.md", &text);
        assert_eq!(&got, want, "{what}:\n{text}");
    }
}

#[test]
fn unused_suppressions_are_info_with_a_safe_deletion() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Fine text here.\n<!-- mtlint: ignore repeated-word -->\nAnother fine line.\n<!-- mtlint: disable -->\nNothing wrong.\n<!-- mtlint: enable -->\n<!-- mtlint: ignore repeted-word -->\nLast line.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let (code, r) = run(dir.path(), &["a.txt"], None);
    assert_eq!(code, 0, "info never fails by default");
    let f = &r.files[0];
    let got: Vec<(usize, &str, &str)> = f
        .findings
        .iter()
        .map(|x| (x.line, x.rule.as_str(), x.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                2,
                "unused-suppression",
                "`repeated-word` finds nothing to silence in the next line"
            ),
            (
                4,
                "unused-suppression",
                "this suppression silences nothing in its range"
            ),
            (
                7,
                "unused-suppression",
                "unknown rule `repeted-word` in a suppression; did you mean `repeated-word`?"
            ),
        ]
    );
    assert!(f
        .findings
        .iter()
        .all(|x| x.severity == mtlint::Severity::Info));
    let fix = f.findings[0].fix.as_ref().unwrap();
    assert_eq!(fix.applicability, mtlint::Applicability::Safe);
    assert_eq!(
        &text[fix.start..fix.end],
        "<!-- mtlint: ignore repeated-word -->\n"
    );
    // Ignored like any rule; not produced when other rules are selected.
    let (_, r) = run(
        dir.path(),
        &["--ignore", "unused-suppression", "a.txt"],
        None,
    );
    assert!(r.files[0].findings.is_empty());
    let (_, r) = run(dir.path(), &["--select", "repeated-word", "a.txt"], None);
    assert!(r.files[0].findings.is_empty());
    // A suppression of a rule left out is never called unused.
    let (_, r) = run(
        dir.path(),
        &[
            "--ignore",
            "repeated-word",
            "--select",
            "unused-suppression,repeated-word",
            "a.txt",
        ],
        None,
    );
    let lines: Vec<usize> = r.files[0].findings.iter().map(|x| x.line).collect();
    assert_eq!(lines, [4, 7]);
}

#[test]
fn suppressed_findings_leave_the_score() {
    let (found, raw) = scan("a.md", &format!("{LINE}\n"));
    assert_eq!(found, ["1 repeated-word"]);
    assert!(raw < 100.0);
    let (found, quiet) = scan(
        "a.md",
        &format!("<!-- mtlint: ignore repeated-word -->\n{LINE}\n"),
    );
    assert!(found.is_empty());
    assert_eq!(quiet, 100.0);
}

#[test]
fn comments_count_in_text_and_in_markup_outside_code() {
    let text = format!("<!-- mtlint: ignore-file -->\n{LINE}\n");
    assert!(scan("a.txt", &text).0.is_empty());
    assert!(scan("NOTES", &text).0.is_empty());
    assert!(scan("a.md", &text).0.is_empty());
    assert!(scan("a.html", &text).0.is_empty());
    // Shown as an example inside code, it silences nothing.
    let fenced = format!("```\n<!-- mtlint: ignore-file -->\n```\n\n{LINE}\n");
    assert_eq!(scan("a.md", &fenced).0, ["5 repeated-word"]);
    let pre = format!("<pre>\n&lt;!-- mtlint: ignore-file --&gt;\n</pre>\n<p>{LINE}</p>\n");
    assert_eq!(scan("a.html", &pre).0, ["4 repeated-word"]);
    // Formats without such comments never read them.
    let srt = format!("<!-- mtlint: ignore-file -->\n\n1\n00:00:01,000 --> 00:00:02,000\n{LINE}\n");
    assert_eq!(
        scan("a.srt", &srt)
            .0
            .iter()
            .filter(|f| f.ends_with("repeated-word"))
            .count(),
        1
    );
    let dir = tempfile::tempdir().unwrap();
    let (_, r) = run(dir.path(), &["-"], Some(&text));
    assert!(r.files[0].findings.is_empty());
    let (_, r) = run(
        dir.path(),
        &["--stdin-filename", "page.log", "-"],
        Some(&text),
    );
    assert_eq!(r.files[0].findings.len(), 1);
}

#[test]
fn arabic_with_suppressions_stays_quiet_about_the_comments() {
    // The comment is Latin text in an Arabic article: no rule may report it.
    let text = "<!-- mtlint: ignore space-before-punctuation -->\nقال بوتين ، اليوم إن القوات تقدمت.\nوقال الرئيس إن المفاوضات مستمرة.\n";
    let (found, score) = scan("a.md", text);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(score, 100.0);
}
