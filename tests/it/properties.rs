//! Property tests: no input makes the scanner panic, and every finding and
//! fix lies on character boundaries with consistent lines and columns.

use mtlint::Scanner;
use proptest::prelude::*;

/// Characters that stress the segmenter and the rules.
const INTERESTING: &[char] = &[
    'ا', 'ل', 'ة', 'ـ', '،', '؛', '؟', 'ی', 'ک', 'ж', 'о', 'o', 'a', 'A', 'ö', 'é', '.', ',', '!',
    '?', ':', ';', '"', '“', '”', '«', '»', '(', ')', '[', ']', '\'', '-', '–', '—', '…', '@', '#',
    '/', '0', '٣', '7', ' ', ' ', '\u{a0}', '\n', '\r', '\t', '\u{200b}', '\u{200c}', '\u{200d}',
    '\u{202e}', '\u{2067}', '\u{feff}', '\u{fffd}', '\u{0}', '\u{1b}', '\u{85}', '\u{64b}',
    '\u{301}', '😀', '中', 'ア', '한',
];

fn text_strategy() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => proptest::sample::select(INTERESTING),
        1 => any::<char>(),
    ];
    let word = prop_oneof![
        Just("pic.twitter.com/abc".to_string()),
        Just("https://example.org/x?y=1".to_string()),
        Just("@handle".to_string()),
        Just("الناتو (الناتو)".to_string()),
        Just("عليها.الروس".to_string()),
        Just("3.5".to_string()),
        proptest::collection::vec(ch, 1..12).prop_map(|v| v.into_iter().collect()),
    ];
    proptest::collection::vec(word, 0..40).prop_map(|v| v.concat())
}

fn check_report(text: &str) {
    let report = Scanner::default().scan("p.txt", text);
    let file = &report.files[0];
    for f in &file.findings {
        assert!(f.start <= f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(f.text, &text[f.start..f.end]);
        assert!(f.line >= 1 && f.column >= 1 && (f.end_line, f.end_column) >= (f.line, f.column));
        assert!((0.0..=1.0).contains(&f.confidence));
        if let Some(fix) = &f.fix {
            assert!(fix.start <= fix.end && fix.end <= text.len());
            assert!(text.is_char_boundary(fix.start) && text.is_char_boundary(fix.end));
        }
    }
    for s in &file.sentences {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.start < s.end);
        assert!((0.0..=100.0).contains(&s.score));
    }
    assert!((0.0..=100.0).contains(&file.score));
    // The report always serializes, and identically twice.
    assert_eq!(
        report.to_json(),
        Scanner::default().scan("p.txt", text).to_json()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_valid(text in text_strategy()) {
        check_report(&text);
    }

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_report(&text);
    }
}
