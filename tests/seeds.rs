//! Snapshots of every seed article's report and marked-up text, and the
//! ordering of their scores.

use mtlint::{Config, Report, Scanner};

fn scan_seed(path: &std::path::Path) -> Report {
    let text = std::fs::read_to_string(path).expect("seed is UTF-8");
    let name = format!("seeds/{}", path.file_name().unwrap().to_string_lossy());
    Scanner::new(Config::default()).scan(&name, &text)
}

#[test]
fn seed_reports_and_markup() {
    insta::glob!("../seeds", "*.txt", |path| {
        let report = scan_seed(path);
        insta::with_settings!({
            snapshot_path => "../snapshots",
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
