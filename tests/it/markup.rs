//! Markdown, HTML, subtitles and catalogues end to end: the rules see only
//! prose, findings name the format and the unit, `--fix` never touches
//! markup, broken markup is reported and never written back.

use std::fs;

use serde_json::Value;

use crate::support::mtlint;
use mtlint::extract::{Format, Prose};
use mtlint::fix::{self, Options};
use mtlint::{Config, Scanner};

/// A Markdown page of the kind a documentation repository holds: front
/// matter, code that an over-eager fix would break, a suppression shown as
/// an example, and prose with real errors.
const PAGE: &str = r#"---
title: Kursk guide
tags: [news , ar]
---

# دليل الاستخدام

قال الوزير ، إن القوات استعادت السيطرة عليها.الروس غادروا.

```python
foo(a ,b)
print("hello"+"world")
```

<!-- mtlint: ignore-file -->

Run `foo(a ,b)` or see [the docs](https://example.com/a ,b) and ![صورة ، هنا](img.png).

    indented(code ,here)

| العمود | القيمة |
|---|---|
| قال ، هنا | 3 |
"#;

fn json(args: &[&str], stdin: &str) -> Value {
    let out = mtlint()
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The byte ranges of `text` that Markdown does not show as prose, found
/// independently of mtlint's reader: code, front matter, HTML.
fn code_and_markup(text: &str) -> Vec<std::ops::Range<usize>> {
    [
        "---\n",
        "```python",
        "<!--",
        "`foo",
        "(https",
        "(img.png)",
        "    indented",
    ]
    .iter()
    .filter_map(|needle| {
        let start = text.find(needle)?;
        let end = match *needle {
            "---\n" => text[4..].find("---\n")? + 8,
            "```python" => start + text[start + 3..].find("```")? + 6,
            "<!--" => start + text[start..].find("-->")? + 3,
            "`foo" => start + text[start + 1..].find('`')? + 2,
            "(https" | "(img.png)" => start + text[start..].find(')')? + 1,
            _ => start + text[start..].find('\n')?,
        };
        Some(start..end)
    })
    .collect()
}

#[test]
fn markdown_findings_are_in_prose_only() {
    let report = Scanner::default().scan_file("guide.md", PAGE);
    assert_eq!(report.format, "markdown");
    let skipped = code_and_markup(PAGE);
    assert_eq!(skipped.len(), 7, "{skipped:?}");
    for f in &report.findings {
        for r in &skipped {
            assert!(
                f.end <= r.start || f.start >= r.end,
                "{} inside markup {:?}: {f:?}",
                f.rule,
                &PAGE[r.clone()]
            );
        }
        assert_eq!(&PAGE[f.start..f.end], f.text);
    }
    // The suppression shown in a code block silences nothing; the real one
    // (an HTML comment outside code) does: with it, nothing is left.
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.is_empty(), "{rules:?}");
    let without = PAGE.replace("<!-- mtlint: ignore-file -->", "");
    let report = Scanner::default().scan_file("guide.md", &without);
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"space-before-punctuation"), "{rules:?}");
    assert!(
        rules.contains(&"missing-space-after-punctuation"),
        "{rules:?}"
    );
    let fenced = format!("```\n<!-- mtlint: ignore-file -->\n```\n\n{without}");
    let report = Scanner::default().scan_file("guide.md", &fenced);
    assert!(!report.findings.is_empty());
    // The table cell, the image's text and the heading are prose.
    let texts: Vec<&str> = report.findings.iter().map(|f| f.text.as_str()).collect();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.start > without.find("| قال").unwrap()),
        "{texts:?}"
    );
}

#[test]
fn markdown_fixes_never_touch_code() {
    let without = PAGE.replace("<!-- mtlint: ignore-file -->", "");
    let opts = Options {
        unsafe_fixes: true,
        ..Options::default()
    };
    let fixed = fix::fix_text(&Scanner::default(), "guide.md", &without, &opts);
    assert_ne!(fixed.text, without, "the prose has safe fixes");
    let (before, after) = (code_and_markup(&without), code_and_markup(&fixed.text));
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(&without[b.clone()], &fixed.text[a.clone()]);
    }
    assert!(fixed.text.contains("قال الوزير، إن"), "{}", fixed.text);
    assert!(fixed.text.contains("عليها. الروس"), "{}", fixed.text);
    // The same file read as plain text is "fixed" inside its code: what
    // this reader exists to prevent.
    let plain = Scanner::new(Config::default().input_format(Format::Text)).unwrap();
    let broken = fix::fix_text(&plain, "guide.md", &without, &opts);
    assert!(broken.text.contains("foo(a,b)"), "{}", broken.text);
}

#[test]
fn html_is_read_from_folders_and_written_back_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html>\n<html lang=\"ar\"><head><title>الأخبار</title>\
        <style>p { margin: 0 ,1em }</style></head>\n<body>\n<p>قال الوزير ، إن &amp; القوات \
        <b>استعادت</b> السيطرة.</p>\n<pre>x ,y</pre>\n<script>if (a ,b) {}</script>\n\
        <img src=\"a.png\" alt=\"صورة ، هنا\">\n</body></html>\n";
    fs::write(dir.path().join("page.html"), page).unwrap();
    let out = mtlint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "HTML is taken from folders");
    assert_eq!(files[0]["format"], "html");
    assert_eq!(files[0]["language"], "ar");
    let findings = files[0]["findings"].as_array().unwrap();
    let texts: Vec<&str> = findings
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&" ،"), "{texts:?}");
    for f in findings {
        let start = f["start"].as_u64().unwrap() as usize;
        for skipped in ["<style>", "<pre>", "<script>"] {
            let s = page.find(skipped).unwrap();
            let e = s + page[s..].find("</").unwrap();
            assert!(!(s..e).contains(&start), "{f}");
        }
    }
    let out = mtlint()
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Fixed 2 findings in 1 file"), "{said}");
    let fixed = fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert!(fixed.contains("قال الوزير، إن &amp; القوات"), "{fixed}");
    assert!(fixed.contains("<pre>x ,y</pre>"), "{fixed}");
    assert!(fixed.contains("if (a ,b) {}"), "{fixed}");
    assert!(fixed.contains("margin: 0 ,1em"), "{fixed}");
}

#[test]
fn po_entries_are_units_in_the_catalogue_language() {
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
        #: src/main.c:10\nmsgid \"Open , file\"\nmsgstr \"افتح الملف ، الآن\"\n\n\
        #, fuzzy\nmsgid \"Save\"\nmsgstr \"احفظ ، الملف\"\n";
    let v = json(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "ar.po",
            "-",
        ],
        po,
    );
    let file = &v["files"][0];
    assert_eq!(file["format"], "po");
    assert_eq!(file["language"], "ar");
    let findings = file["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert_eq!(findings[0]["unit"]["kind"], "entry");
    assert_eq!(findings[0]["unit"]["id"], "7");
    assert_eq!(findings[0]["unit"]["source"], "Open , file");
    assert!(findings[0]["unit"].get("state").is_none());
    assert_eq!(findings[1]["unit"]["state"], "fuzzy");
    // Nothing in the msgid, though it has a space before a comma too.
    assert!(findings
        .iter()
        .all(|f| f["start"].as_u64().unwrap() as usize > po.find("msgstr \"افتح").unwrap()));
    // The concise format names the format and the entry.
    let out = mtlint()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "ar.po",
            "-",
        ])
        .write_stdin(po)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("(po entry 11, fuzzy)"), "{text}");
}

#[test]
fn subtitle_cues_are_units_and_timings_are_not_text() {
    let srt = "1\n00:00:01,000 --> 00:00:04,000\n<i>قال الوزير ، إن</i>\n\n2\n00:00:05,000 --> 00:00:07,500\nالقوات وصلت.الروس غادروا.\n";
    let report = Scanner::default().scan_file("film.ar.srt", srt);
    assert_eq!(report.format, "srt");
    let units: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.unit.as_ref().unwrap().id.as_str())
        .collect();
    assert_eq!(units, ["1", "2"], "{:?}", report.findings);
    for f in &report.findings {
        assert!(!f.text.contains("-->") && !f.text.contains('<'), "{f:?}");
    }
    let fixed = fix::fix_text(&Scanner::default(), "film.ar.srt", srt, &Options::default());
    assert_eq!(
        fixed.text,
        srt.replace("الوزير ، إن", "الوزير، إن")
            .replace("وصلت.الروس", "وصلت. الروس")
    );
}

#[test]
fn broken_catalogues_are_reported_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let xlf = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"ar\">\
        <body><trans-unit id=\"a\"><source>Hello</source><target>مرحبا ، بكم</target></trans-unit>\n\
        <trans-unit id=\"b\"><source>Bye</source><target>وداعا</targe></trans-unit></body></file></xliff>\n";
    let path = dir.path().join("app.xlf");
    fs::write(&path, xlf).unwrap();
    let out = mtlint()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an error finding fails the run");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    let broken = findings
        .iter()
        .find(|f| f["rule"] == "markup-error")
        .expect("the XML error is reported");
    assert_eq!(broken["severity"], "error");
    assert_eq!(broken["line"], 3);
    // What could be read was linted.
    assert!(findings
        .iter()
        .any(|f| f["rule"] == "space-before-punctuation" && f["unit"]["id"] == "a"));
    // And the file is left as it is by --fix.
    mtlint()
        .args(["check", "--fix"])
        .arg(&path)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&path).unwrap(), xlf);
}

#[test]
fn an_unclosed_fence_is_a_warning_and_the_rest_is_code() {
    let md = "قال الوزير ، إن.\n\n```\nfoo(a ,b)\n";
    let report = Scanner::default().scan_file("a.md", md);
    let rules: Vec<(&str, usize)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.line))
        .collect();
    assert_eq!(
        rules,
        [("space-before-punctuation", 1), ("markup-error", 3)],
        "{:?}",
        report.findings
    );
}

#[test]
fn the_input_format_comes_from_the_flag_or_the_configuration() {
    let md = "Run `foo(a ,b)` now.\n";
    let as_md = json(
        &[
            "check",
            "--format",
            "json",
            "--input-format",
            "markdown",
            "-",
        ],
        md,
    );
    assert_eq!(as_md["files"][0]["format"], "markdown");
    assert_eq!(as_md["files"][0]["findings"].as_array().unwrap().len(), 0);
    let as_text = json(&["check", "--format", "json", "-"], md);
    assert_eq!(as_text["files"][0]["format"], "text");
    assert_eq!(as_text["files"][0]["findings"].as_array().unwrap().len(), 1);

    let out = mtlint()
        .args(["check", "--input-format", "markdwn", "-"])
        .write_stdin(md)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown input format `markdwn`") && err.contains("did you mean `markdown`?"),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("mtlint.toml"),
        "[[per-file]]\nfiles = [\"*.tmpl\"]\ninput-format = \"html\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.tmpl"),
        "<p>قال ، هنا</p><pre>a ,b</pre>\n",
    )
    .unwrap();
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "a.tmpl"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["format"], "html");
    let n = v["files"][0]["findings"].as_array().unwrap().len();
    assert_eq!(n, 1, "{v}");
}

#[test]
fn prose_of_every_format_maps_back_into_the_file() {
    let samples = [
        (Format::Markdown, "# عنوان\n\nنص *مهم* هنا.\n"),
        (Format::Html, "<p>نص <b>مهم</b> &amp; هنا.</p>"),
        (Format::Srt, "1\n00:00:01,000 --> 00:00:02,000\nنص مهم هنا.\n"),
        (Format::Vtt, "WEBVTT\n\n00:01.000 --> 00:02.000\nنص &amp; هنا.\n"),
        (Format::Po, "msgid \"a\"\nmsgstr \"نص \\\"مهم\\\" هنا.\"\n"),
        (
            Format::Xliff,
            "<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"ar\"><file id=\"f\"><unit id=\"u\"><segment><source>a</source><target>نص &amp; هنا.</target></segment></unit></file></xliff>",
        ),
    ];
    for (format, text) in samples {
        let prose = Prose::extract(format, text);
        assert!(prose.text.contains("هنا."), "{format}: {:?}", prose.text);
        let at = prose.text.find("هنا").unwrap();
        let r = prose.to_original(at..at + "هنا".len());
        assert_eq!(&text[r], "هنا", "{format}");
        assert!(!prose.stopped(), "{format}: {:?}", prose.problems);
    }
}

#[test]
fn json_lines_documents_are_text_whatever_their_id() {
    let docs = "{\"id\": \"page.html\", \"text\": \"<b>قال</b> هنا ، الآن\"}\n";
    let v = json(
        &[
            "check",
            "--format",
            "jsonl",
            "--input",
            "jsonl",
            "--id-field",
            "id",
            "-",
        ],
        docs,
    );
    assert_eq!(v["format"], "text", "{v}");
    assert_eq!(v["path"], "page.html");
    let v = json(
        &[
            "check",
            "--format",
            "jsonl",
            "--input",
            "jsonl",
            "--input-format",
            "html",
            "-",
        ],
        docs,
    );
    assert_eq!(v["format"], "html", "{v}");
}

#[test]
fn scores_name_the_format() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "قال الوزير ، إن `x ,y` هنا.\n").unwrap();
    let out = mtlint()
        .args(["score", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["format"], "markdown", "{v}");
    let out = mtlint().arg("score").arg(dir.path()).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("a.md (markdown)"), "{table}");
}

#[test]
fn a_fix_that_would_change_the_markup_is_refused_once() {
    // Deleting the invisible word joiner between two code spans would make
    // them one: `«``»`.
    let md = "Pairs are `«`&#8288;`»`, and so on.\n";
    let report = Scanner::default().scan_file("a.md", md);
    assert!(report
        .findings
        .iter()
        .any(|f| f.rule == "invisible-character" && f.fix.is_some()));
    let opts = Options {
        unsafe_fixes: true,
        ..Options::default()
    };
    let fixed = fix::fix_text(&Scanner::default(), "a.md", md, &opts);
    assert_eq!(fixed.text, md);
    assert_eq!(fixed.summary.passes, 0);
    assert!(fixed.summary.applied.is_empty());
}

#[test]
fn repeated_lines_across_units_are_no_loop_and_lines_are_the_files() {
    // One translation for two entries: normal in a catalogue.
    let line = "تعذر فتح الملف المطلوب الآن";
    let po = format!(
        "msgid \"Cannot open\"\nmsgstr \"{line}\"\n\nmsgid \"Could not open\"\nmsgstr \"{line}\"\n\n\
         msgid \"Twice\"\nmsgstr \"\"\n\"{line}\\n\"\n\"{line}\"\n"
    );
    let report = Scanner::default().scan_file("ar.po", &po);
    let dups: Vec<(usize, &str)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "duplicate-line")
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    // Only the loop inside the third entry, which names the file's line.
    assert_eq!(dups, [(10, "line repeats line 9")], "{:?}", report.findings);

    let md =
        "# Title\n\n```\ncode\n```\n\nThe same heading line here\n\n- The same heading line here\n";
    let report = Scanner::default().scan_file("a.md", md);
    let dup = report
        .findings
        .iter()
        .find(|f| f.rule == "duplicate-line")
        .expect("a repeated line");
    assert_eq!((dup.line, dup.message.as_str()), (9, "line repeats line 7"));
}
