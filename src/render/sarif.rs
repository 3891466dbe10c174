//! SARIF 2.1.0, the format GitHub code scanning and other code review tools
//! read, written file by file.
//!
//! One run whose tool lists every rule (id, name, short and full
//! description, help text and Markdown from `mtlint explain`, default
//! level); one result a finding with its rule, level, message, location
//! (1-based lines, columns in Unicode code points, as the run's
//! `columnKind` says), a `partialFingerprints` entry and the fix as a SARIF
//! fix. Paths are relative URI references, as given on the command line.
//!
//! The fingerprint `mtlint/v1` hashes the rule, the path, the flagged text
//! with its white space collapsed, and how many times the same rule flagged
//! the same text earlier in the file: it survives edits elsewhere in the
//! file (lines moving up or down), so code scanning keeps an alert open
//! rather than closing it and opening a new one.

use serde_json::{json, Value};

use super::jsonl::pretty_nested;
use super::quote;
use crate::report::finding::{Finding, Severity};
use crate::report::{FileReport, Notice, NoticeLevel};
use crate::rules::{self, RuleMeta};
use crate::text::lines::{Cursor, LineIndex};

/// The published schema of the format written here.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// SARIF's level for a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The log up to the first result: the tool with every rule.
pub fn head() -> String {
    // Text rules and stage rules (`invalid-encoding`, `unused-suppression`).
    let rules: Vec<Value> = rules::all_meta().map(descriptor).collect();
    let tool = json!({
        "driver": {
            "name": "mtlint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }
    });
    format!(
        "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \
         \"tool\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
        pretty_nested(&tool, 6)
    )
}

/// The results of one file, each preceded by its separator; `first` when
/// no result was written before.
pub fn results(file: &FileReport, first: bool) -> String {
    let mut out = String::new();
    let mut first = first;
    let lines = LineIndex::new(&file.source);
    let mut cursor = Cursor::new(&file.source, &lines);
    // How often each (rule, text) was seen before, for the fingerprints.
    let mut seen = std::collections::HashMap::new();
    for f in &file.findings {
        let norm = normalize(&f.text);
        let n = seen
            .entry((f.rule.as_str(), norm.clone()))
            .or_insert(0usize);
        let print = fingerprint(&f.rule, &file.path, &norm, *n);
        *n += 1;
        let r = result(file, f, print, &mut cursor);
        out.push_str(if first { "\n        " } else { ",\n        " });
        out.push_str(&pretty_nested(&r, 8));
        first = false;
    }
    out
}

/// The log after the last result. `notices` are what the scan says about
/// its inputs (not read, skipped, read in another encoding), as tool
/// execution notifications at their level; the invocation failed when one
/// is an error, as the exit code 2 says.
pub fn tail(results_written: usize, notices: &[Notice]) -> String {
    let close = if results_written == 0 {
        "]"
    } else {
        "\n      ]"
    };
    let notes: Vec<Value> = notices
        .iter()
        .map(|n| {
            let level = match n.level {
                NoticeLevel::Error => "error",
                NoticeLevel::Warning => "warning",
                NoticeLevel::Note => "note",
            };
            let mut v = json!({
                "level": level,
                "message": {"text": n.to_string()},
                "descriptor": {"id": n.kind},
            });
            if !n.path.is_empty() {
                v["locations"] =
                    json!([{"physicalLocation": {"artifactLocation": {"uri": uri(&n.path)}}}]);
            }
            v
        })
        .collect();
    let invocation = json!([{
        "executionSuccessful": !notices.iter().any(Notice::is_error),
        "toolExecutionNotifications": notes,
    }]);
    format!(
        "{close},\n      \"invocations\": {}\n    }}\n  ]\n}}\n",
        pretty_nested(&invocation, 6)
    )
}

/// A rule's `reportingDescriptor`.
fn descriptor(m: &RuleMeta) -> Value {
    json!({
        "id": m.id,
        "name": pascal_case(m.id),
        "shortDescription": {"text": m.summary},
        "fullDescription": {"text": what_it_does(m)},
        "help": {"text": m.explanation.trim(), "markdown": m.explanation.trim()},
        "defaultConfiguration": {"level": level(m.severity)},
        "properties": {"tags": ["machine-translation"]},
    })
}

/// The `## What it does` section of a rule's explanation, else its summary.
fn what_it_does(m: &RuleMeta) -> String {
    let text = m.explanation;
    let Some(start) = text.find("## What it does") else {
        return m.summary.to_string();
    };
    let body = &text[start + "## What it does".len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    let s = body[..end].trim();
    if s.is_empty() {
        m.summary.to_string()
    } else {
        s.to_string()
    }
}

/// `foreign-script-run` → `ForeignScriptRun`.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// One `result`.
fn result(file: &FileReport, f: &Finding, print: String, cursor: &mut Cursor) -> Value {
    let uri = uri(&file.path);
    let mut message = format!("{}: {}", f.message, quote(&f.text, false));
    if let Some((_, after)) = super::before_after(&file.source, f) {
        message.push_str(&format!(" → {}", quote(&after, false)));
    }
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": {
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endLine": f.end_line,
                    "endColumn": f.end_column,
                    "snippet": {"text": f.text},
                }
            }
        }],
        "partialFingerprints": {"mtlint/v1": print},
        "properties": {"confidence": f.confidence, "format": file.format},
    });
    if let Some(u) = &f.unit {
        r["properties"]["unit"] = json!(u);
    }
    if let Some(i) = rules::all_meta().position(|m| m.id == f.rule) {
        r["ruleIndex"] = json!(i);
    }
    if let Some(fix) = &f.fix {
        let src = &file.source;
        let valid = |o: usize| o <= src.len() && src.is_char_boundary(o);
        if fix.start <= fix.end && valid(fix.start) && valid(fix.end) {
            let (sl, sc) = cursor.line_col(fix.start);
            let (el, ec) = cursor.line_col(fix.end);
            let applicability = match fix.applicability {
                crate::report::finding::Applicability::Safe => "safe",
                crate::report::finding::Applicability::Unsafe => "unsafe",
            };
            r["fixes"] = json!([{
                "description": {"text": format!("{} fix of {}", applicability, f.rule)},
                "artifactChanges": [{
                    "artifactLocation": {"uri": uri},
                    "replacements": [{
                        "deletedRegion": {
                            "startLine": sl, "startColumn": sc,
                            "endLine": el, "endColumn": ec,
                        },
                        "insertedContent": {"text": fix.replacement},
                    }]
                }]
            }]);
        }
    }
    r
}

/// The flagged text with runs of white space made one space, trimmed.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a (64 bits) of the fields, each ended by a NUL, as 16 hex digits.
/// Written out here so that it never changes with a library's version.
fn fingerprint(rule: &str, path: &str, text: &str, occurrence: usize) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let occurrence = occurrence.to_string();
    for part in [rule, path, text, &occurrence] {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A display path as a relative URI reference: `/` kept, every byte outside
/// RFC 3986's unreserved set percent-encoded (spaces, Arabic letters).
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    fn log(files: &[FileReport]) -> Value {
        let mut s = head();
        let mut n = 0;
        for f in files {
            s.push_str(&results(f, n == 0));
            n += f.findings.len();
        }
        s.push_str(&tail(n, &[]));
        serde_json::from_str(&s).expect("SARIF is JSON")
    }

    #[test]
    fn results_carry_rule_location_fingerprint_and_fix() {
        let scanner = Scanner::default();
        let ar = scanner.scan_file("أخبار/ar.txt", "قال بوتين ، اليوم.\n");
        let en = scanner.scan_file("en.txt", "Hello , world.\n");
        let fr = scanner.scan_file("fr.txt", "Bonjour le monde.\n");
        let ru = scanner.scan_file("ru.txt", "Привет мир.\n");
        let v = log(&[ar, en, fr, ru]);
        let run = &v["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), rules::all_meta().count());
        let results = run["results"].as_array().unwrap();
        let ar = results
            .iter()
            .find(|r| r["ruleId"] == "space-before-punctuation")
            .expect("the Arabic comma");
        let loc = &ar["locations"][0]["physicalLocation"];
        assert_eq!(
            loc["artifactLocation"]["uri"],
            "%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/ar.txt"
        );
        assert_eq!(loc["region"]["startLine"], 1);
        assert_eq!(loc["region"]["startColumn"], 10);
        let idx = ar["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], "space-before-punctuation");
        let rep = &ar["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(rep["deletedRegion"]["startColumn"], 10);
        assert_eq!(rep["insertedContent"]["text"], "");
        // French and Russian clean: nothing from them.
        assert!(results.iter().all(|r| {
            let uri = &r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            uri != "fr.txt" && uri != "ru.txt"
        }));
        assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    }

    #[test]
    fn fingerprints_do_not_depend_on_lines() {
        let scanner = Scanner::default();
        let a = scanner.scan_file("a.txt", "Hello , world.\n");
        let b = scanner.scan_file("a.txt", "\n\nSome text first.\n\nHello , world.\n");
        let print = |f: &FileReport| {
            let v: Value = serde_json::from_str(&format!("[{}]", &results(f, true))).unwrap();
            v[0]["partialFingerprints"]["mtlint/v1"].clone()
        };
        assert_eq!(print(&a), print(&b));
        let other = scanner.scan_file("b.txt", "Hello , world.\n");
        assert_ne!(print(&a), print(&other));
        assert_ne!(fingerprint("r", "p", "t", 0), fingerprint("r", "p", "t", 1));
    }

    #[test]
    fn names_descriptions_and_failures() {
        assert_eq!(pascal_case("foreign-script-run"), "ForeignScriptRun");
        let m = rules::find("foreign-script-run").unwrap().meta();
        let d = what_it_does(m);
        assert!(!d.is_empty() && !d.contains("## "), "{d}");
        use crate::report::NoticeKind;
        let gone = Notice::new("a b.txt", NoticeKind::NotFound, "no such file or folder");
        let s = tail(0, std::slice::from_ref(&gone));
        assert!(s.contains("\"executionSuccessful\": false") && s.contains("a%20b.txt"));
        // A skipped binary is a note: the run still succeeded.
        let blob = Notice::new("blob.txt", NoticeKind::Binary, "skipped: binary file");
        let log = format!("{{\"runs\": [{{\"results\": [{}", tail(0, &[blob]));
        let v: Value = serde_json::from_str(&log).unwrap();
        let inv = &v["runs"][0]["invocations"][0];
        assert_eq!(inv["executionSuccessful"], true);
        assert_eq!(inv["toolExecutionNotifications"][0]["level"], "note");
    }
}
