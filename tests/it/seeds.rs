//! Snapshots of every seed article's report and marked-up text, and the
//! ordering of their scores.

use mtlint::{Report, Scanner};

fn scan_seed(path: &std::path::Path) -> Report {
    let text = std::fs::read_to_string(path).expect("seed is UTF-8");
    let name = format!("seeds/{}", path.file_name().unwrap().to_string_lossy());
    Scanner::default().scan(&name, &text)
}

#[test]
fn seed_reports_and_markup() {
    insta::glob!("../../seeds", "*.txt", |path| {
        let report = scan_seed(path);
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_yaml_snapshot!("report", report);
            insta::assert_snapshot!("marked", report.marked());
        });
    });
}

#[test]
fn machine_translated_seeds_score_below_human_ones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut scores = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy()[..3].to_string();
        scores.insert(name, scan_seed(&path).files[0].score);
    }
    for mt in ["000", "003"] {
        for human in ["001", "002", "004"] {
            assert!(
                scores[mt] < scores[human],
                "seed {mt} ({}) should score below seed {human} ({})",
                scores[mt],
                scores[human]
            );
        }
    }
}

#[test]
fn reports_are_deterministic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let first: Vec<String> = paths.iter().map(|p| scan_seed(p).to_json()).collect();
    let again: Vec<String> = paths
        .iter()
        .rev()
        .map(|p| scan_seed(p).to_json())
        .rev()
        .collect();
    assert_eq!(first, again);
    for json in &first {
        assert!(
            !json.contains(env!("CARGO_MANIFEST_DIR")),
            "absolute path in report"
        );
    }
}

/// The scan of the seed whose name starts with `prefix`.
fn seed(prefix: &str) -> mtlint::FileReport {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("seed exists");
    scan_seed(&path).files.remove(0)
}

/// The language rules of issue 3.
const LANGUAGE_RULES: [&str; 4] = [
    "wrong-language",
    "foreign-letters",
    "untranslated-term",
    "gibberish",
];

#[test]
fn seed_000_shows_its_cyrillic_line_and_latin_names() {
    let r = seed("000");
    let at_least_warning = |f: &&mtlint::Finding| f.severity >= mtlint::Severity::Warning;
    // The garbled Cyrillic line: one long run, seen as garble.
    let line = r
        .findings
        .iter()
        .filter(at_least_warning)
        .find(|f| f.rule == "gibberish" && f.text.contains("уирдаааа"))
        .expect("gibberish on the Cyrillic line");
    assert_eq!(line.severity, mtlint::Severity::Error, "{line:?}");
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "foreign-script-run" && f.text.starts_with("птин кре мид")));
    // The two Latin names, with the article's own spelling as the fix.
    for (name, arabic) in [("Gerasimov", "جيراسيموف"), ("Kursk", "كورسك")] {
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "untranslated-term" && f.text == name)
            .unwrap_or_else(|| panic!("{name} not flagged"));
        assert_eq!(f.severity, mtlint::Severity::Warning);
        let fix = f.fix.as_ref().expect("a fix");
        assert_eq!(fix.replacement, arabic);
    }
    // The Mongolian letters in Arabic text.
    assert!(r.findings.iter().any(|f| f.rule == "foreign-letters"));
}

#[test]
fn human_seeds_have_no_language_findings_above_info() {
    for prefix in ["001", "002", "004"] {
        let r = seed(prefix);
        let loud: Vec<_> = r
            .findings
            .iter()
            .filter(|f| {
                LANGUAGE_RULES.contains(&f.rule.as_str()) && f.severity > mtlint::Severity::Info
            })
            .collect();
        assert!(loud.is_empty(), "seed {prefix}: {loud:#?}");
    }
}
