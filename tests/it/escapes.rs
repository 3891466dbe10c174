//! `escaped-text` on clean lines of `../shared/data` escaped as HTML, as
//! JSON and joined by a literal `\n` (see `tests/support/escapes_measure.rs`;
//! `cargo run --release -p mtlint-eval --bin escapes` prints the table).

use mtlint_eval::measure::escapes as escapes_measure;

#[test]
fn escaped_lines_are_found_and_restored_and_clean_lines_are_quiet() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let rows = escapes_measure::measure(&dir, usize::MAX);
    assert_eq!(rows.len(), 12);
    for r in &rows {
        eprintln!("{} {}: {r:?}", r.lang, r.how);
        assert!(r.lines >= 100, "{r:?}");
        assert_eq!(r.clean_findings, 0, "{r:?}");
        let found = r.found as f64 / r.lines as f64;
        let restored = r.restored as f64 / r.lines as f64;
        assert!(found >= 0.99, "{r:?}");
        assert!(restored >= 0.98, "{r:?}");
    }
}
