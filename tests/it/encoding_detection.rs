//! How often the code page of a file that is not UTF-8 is read right, on
//! clean sentences of `../shared/data` written in legacy code pages (see
//! `tests/support/encodings_measure.rs`; `cargo run --release --example
//! encodings` prints the table).

use mtlint_eval::measure::encodings as encodings_measure;

/// Least share read right, in percent, per (language, code page, size).
const BOUNDS: &[(&str, &str, usize, f64)] = &[
    ("ar", "windows-1256", 1, 99.5),
    ("ar", "windows-1256", 10, 99.5),
    ("ru", "windows-1251", 1, 99.5),
    ("ru", "windows-1251", 10, 99.5),
    ("fr", "windows-1252", 1, 98.5),
    ("fr", "windows-1252", 10, 99.5),
    ("ar", "ISO-8859-6", 1, 99.0),
    ("ar", "ISO-8859-6", 10, 99.5),
    ("ru", "KOI8-R", 1, 99.5),
    ("ru", "KOI8-R", 10, 99.5),
    ("ru", "IBM866", 1, 99.5),
    ("ru", "IBM866", 10, 99.5),
];

#[test]
fn legacy_code_pages_are_read_right() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let rows = encodings_measure::measure(&dir);
    assert_eq!(rows.len(), BOUNDS.len());
    for r in &rows {
        let &(_, _, _, least) = BOUNDS
            .iter()
            .find(|b| (b.0, b.1, b.2) == (r.lang.as_str(), r.code_page.as_str(), r.size))
            .expect("a bound for every row");
        eprintln!(
            "{} {} x{}: {:.1}% of {} files",
            r.lang,
            r.code_page,
            r.size,
            r.rate(),
            r.files
        );
        // Enough files that the rate means something.
        assert!(r.files >= 25, "{r:?}");
        assert!(r.rate() >= least, "{r:?} below {least}%");
        // Every right guess decodes without loss.
        assert_eq!(r.right, r.exact, "{r:?}");
    }
}
