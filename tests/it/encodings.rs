//! End-to-end tests of files that are not UTF-8: legacy code pages are
//! decoded and scanned with an `invalid-encoding` finding, UTF-16 with a
//! byte order mark is read, binary files are skipped with a note; and
//! property tests that no bytes make the read stage panic.

use crate::support::mtlint;
use std::fs;
use std::path::Path;

use mtlint::read::decode::{decode, encode, Encoding};
use mtlint::{Report, Scanner};
use predicates::prelude::*;
use proptest::prelude::*;

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    fs::write(dir.join(rel), bytes).unwrap();
}

fn code_page(name: &str) -> Encoding {
    Encoding::from_label(name).unwrap()
}

/// Arabic with a space before the comma on line 2 (`space-before-punctuation`).
const ARABIC: &str =
    "قال الرئيس الروسي إن القوات استعادت السيطرة على المدينة.\nثم غادر ، إلى موسكو.\n";

#[test]
fn a_windows_1256_file_is_scanned_with_a_finding_at_its_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    // Two ASCII lines first, so the first bad byte is at byte 16, line 3.
    let text = format!("Moscow (AFP)\n--\n{ARABIC}");
    write(
        dir.path(),
        "ar.txt",
        encode(&text, code_page("windows-1256")).unwrap(),
    );
    write(dir.path(), "good.txt", "Hello world.\n");
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "ar.txt", "good.txt", "--format", "json"])
        .output()
        .unwrap();
    // Warnings only: exit 0 at the default fail level, not 2.
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let report: Report = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<_> = report.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["ar.txt", "good.txt"],
        "the other file is still scanned"
    );
    let ar = &report.files[0];
    assert_eq!(ar.encoding.as_deref(), Some("windows-1256"));
    assert_eq!(report.files[1].encoding, None);
    let bad = &ar.findings[0];
    assert_eq!(bad.rule, "invalid-encoding");
    assert_eq!((bad.line, bad.column), (3, 1));
    assert_eq!(bad.text, "ق");
    assert!(
        bad.message.contains("0xDE at byte 16") && bad.message.contains("windows-1256"),
        "{}",
        bad.message
    );
    // Other findings point at the right line and column of the decoded text.
    let space = ar
        .findings
        .iter()
        .find(|f| f.rule == "space-before-punctuation")
        .expect("the space before the comma");
    assert_eq!(
        (space.line, space.column, space.text.as_str()),
        (4, 8, " ،")
    );
    assert_eq!(&text[space.start..space.end], " ،");

    // The JSON of a UTF-8 file has no `encoding` key; the file read in
    // another encoding is named in the notices too.
    let json = String::from_utf8(out.stdout).unwrap();
    assert_eq!(json.matches("\"encoding\":").count(), 1, "{json}");
    let notices: Vec<_> = report
        .notices
        .iter()
        .map(|n| (n.path.as_str(), n.level, n.message.as_str()))
        .collect();
    assert_eq!(
        notices,
        [(
            "ar.txt",
            mtlint::NoticeLevel::Note,
            "not UTF-8: read as windows-1256"
        )]
    );

    // At --fail-level warning the finding fails the run with 1.
    mtlint()
        .current_dir(dir.path())
        .args(["check", "ar.txt", "--fail-level", "warning", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "ar.txt:3:1: warning[invalid-encoding] the file is not UTF-8 (0xDE at byte 16 of the file); read as windows-1256",
        ));
}

#[test]
fn utf16_files_with_a_bom_are_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{FEFF}{ARABIC}");
    for (name, enc, label) in [
        ("le.txt", Encoding::Utf16Le, "UTF-16LE"),
        ("be.txt", Encoding::Utf16Be, "UTF-16BE"),
    ] {
        write(dir.path(), name, encode(&text, enc).unwrap());
        let out = mtlint()
            .current_dir(dir.path())
            .args(["check", name, "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let report: Report = serde_json::from_slice(&out.stdout).unwrap();
        let f = &report.files[0];
        assert_eq!(f.encoding.as_deref(), Some(label));
        let rules: Vec<_> = f.findings.iter().map(|x| x.rule.as_str()).collect();
        assert_eq!(rules, ["space-before-punctuation"], "no invalid-encoding");
        assert_eq!((f.findings[0].line, f.findings[0].column), (2, 8));
    }
}

#[test]
fn binary_is_skipped_with_a_note_and_legacy_files_beside_it_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "blob.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(
        dir.path(),
        "fr.txt",
        encode(
            "Le président a déclaré que la réunion était terminée.\n",
            code_page("windows-1252"),
        )
        .unwrap(),
    );
    mtlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "concise"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "mtlint: note: blob.txt: skipped: binary file (NUL byte at offset 8)",
        ))
        .stdout(predicate::str::contains(
            "fr.txt:1:6: warning[invalid-encoding] the file is not UTF-8 (0xE9 at byte 5 of the file); read as windows-1252: \"é\"",
        ))
        .stdout(predicate::str::contains("in 1 file."));
}

#[test]
fn standard_input_in_windows_1251_is_read() {
    let text = "Президент России заявил , что войска вернули город после долгих боёв.\n";
    let out = mtlint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "ru.txt",
            "--format",
            "json",
        ])
        .write_stdin(encode(text, code_page("windows-1251")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let report: Report = serde_json::from_slice(&out.stdout).unwrap();
    let f = &report.files[0];
    assert_eq!(f.path, "ru.txt");
    assert_eq!(f.encoding.as_deref(), Some("windows-1251"));
    assert_eq!(f.language.as_deref(), Some("ru"));
    let rules: Vec<_> = f.findings.iter().map(|x| x.rule.as_str()).collect();
    assert_eq!(rules, ["invalid-encoding", "space-before-punctuation"]);
}

#[test]
fn invalid_encoding_can_be_selected_ignored_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ru.txt",
        encode("Привет , мир.\n", code_page("windows-1251")).unwrap(),
    );
    mtlint()
        .current_dir(dir.path())
        .args([
            "check",
            "ru.txt",
            "--select",
            "invalid-encoding",
            "--format",
            "concise",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[invalid-encoding]"))
        .stdout(predicate::str::contains("space-before").not());
    mtlint()
        .current_dir(dir.path())
        .args([
            "check",
            "ru.txt",
            "--ignore",
            "invalid-encoding",
            "--format",
            "concise",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("invalid-encoding").not())
        .stdout(predicate::str::contains("space-before-punctuation"));
    mtlint()
        .args(["explain", "invalid-encoding"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("# invalid-encoding\n"))
        .stdout(predicate::str::contains("## Limits"));
    mtlint()
        .arg("rules")
        .assert()
        .stdout(predicate::str::contains("invalid-encoding"));
}

/// Text made of pieces of several scripts, for the round-trip properties.
fn text_from(pieces: &[&str], picks: &[usize]) -> String {
    picks.iter().map(|&i| pieces[i % pieces.len()]).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No bytes make decoding or scanning panic; findings lie on character
    /// boundaries of the decoded text; a lossless decode encodes back to
    /// the same bytes.
    #[test]
    fn any_bytes_decode_scan_and_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(d) = decode(&bytes) {
            let scanner = Scanner::default();
            let f = scanner.scan_decoded("x.txt", &d);
            for x in &f.findings {
                prop_assert!(d.text.is_char_boundary(x.start) && d.text.is_char_boundary(x.end));
            }
            prop_assert_eq!(
                f.findings.iter().filter(|x| x.rule == "invalid-encoding").count(),
                usize::from(d.first_invalid.is_some())
            );
            if !d.lossy {
                prop_assert_eq!(encode(&d.text, d.encoding).unwrap(), bytes);
            }
        }
    }

    /// UTF-8 (with or without BOM) and UTF-16 with BOM give back the text
    /// and the bytes exactly.
    #[test]
    fn unicode_encodings_round_trip(picks in proptest::collection::vec(0usize..100, 0..40), bom in any::<bool>()) {
        let pieces = ["قال ", "Привет ", "café ", "\n", "😀", "\r\n", "a", "، ", "日本"];
        let text = format!("{}{}", if bom { "\u{FEFF}" } else { "" }, text_from(&pieces, &picks));
        let mut encodings = vec![Encoding::Utf8];
        if bom {
            encodings.extend([Encoding::Utf16Le, Encoding::Utf16Be]);
        }
        for enc in encodings {
            let bytes = encode(&text, enc).unwrap();
            let d = decode(&bytes).unwrap();
            prop_assert_eq!(&d.text, &text);
            prop_assert_eq!(d.encoding, enc);
            prop_assert_eq!(encode(&d.text, d.encoding).unwrap(), bytes);
        }
    }
}

#[test]
fn fix_keeps_a_legacy_file_in_its_code_page_unless_unsafe_fixes_converts_it() {
    let dir = tempfile::tempdir().unwrap();
    let cp = code_page("windows-1256");
    write(dir.path(), "ar.txt", encode(ARABIC, cp).unwrap());
    let fixed = ARABIC.replace("غادر ،", "غادر،");
    // `--fix`: the comma fix is written back in windows-1256.
    mtlint()
        .current_dir(dir.path())
        .args([
            "check",
            "--fix",
            "--select",
            "space-before-punctuation",
            "ar.txt",
        ])
        .assert()
        .code(0);
    let bytes = fs::read(dir.path().join("ar.txt")).unwrap();
    assert_eq!(bytes, encode(&fixed, cp).unwrap());
    // `--fix --unsafe-fixes`: converted to UTF-8, counted as the
    // `invalid-encoding` fix.
    mtlint()
        .current_dir(dir.path())
        .args(["check", "--fix", "--unsafe-fixes", "ar.txt"])
        .assert()
        .stderr(predicate::str::contains("invalid-encoding: 1"));
    let bytes = fs::read(dir.path().join("ar.txt")).unwrap();
    assert!(String::from_utf8(bytes).unwrap().starts_with("قال الرئيس"));
}

#[test]
fn fix_never_writes_a_file_with_bytes_it_could_not_decode() {
    let dir = tempfile::tempdir().unwrap();
    // Mostly UTF-8 with one stray byte: read with U+FFFD, never written back.
    let mut bytes = "ثم غادر ، إلى موسكو. ثم عاد ، إلى كييف.\n"
        .as_bytes()
        .to_vec();
    bytes.insert(0, 0xFF);
    write(dir.path(), "bad.txt", &bytes);
    mtlint()
        .current_dir(dir.path())
        .args(["check", "--fix", "bad.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt").and(predicate::str::contains("unchanged")));
    assert_eq!(fs::read(dir.path().join("bad.txt")).unwrap(), bytes);
}
