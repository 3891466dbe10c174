//! `mojibake` measured with firm bounds: the ftfy test cases and clean
//! NTREX/PUD lines garbled through every code page (skipped, saying so, when
//! `../shared/data` is absent), and a property test over generated text.
//! `cargo run --release -p mtlint-eval --bin mojibake` prints the same figures.

use mtlint_eval::measure::mojibake as measure;

use mtlint::language::codepage;
use mtlint_eval::corpus;
use proptest::prelude::*;

#[test]
fn ftfy_cases() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    if !dir.join("ftfy").is_dir() {
        eprintln!("skipped: ../shared/data/ftfy not found");
        return;
    }
    let f = measure::ftfy(&dir);
    eprintln!("{:?}", f.cases);
    assert!(
        f.false_alarms.is_empty(),
        "false alarms on ftfy's clean strings: {:#?}",
        f.false_alarms
    );
    assert!(f.clean_strings >= 120, "{} clean strings", f.clean_strings);
    // (file, cases, detected, exact): bounds a little under the measured
    // 56/45 of 65 and at the measured 14/14 of 16, so that a regression fails.
    let bounds = [("in-the-wild", 65, 55, 44), ("synthetic", 16, 14, 14)];
    for ((file, n, found, exact), (bf, bn, bfound, bexact)) in f.cases.iter().zip(bounds) {
        assert_eq!((file.as_str(), *n), (bf, bn), "the ftfy case files changed");
        assert!(
            *found >= bfound && *exact >= bexact,
            "{file}: {found} detected, {exact} exact of {n}; misses: {:#?}",
            f.misses
        );
    }
    assert_eq!((f.not_encoding, f.c1_only), (18, 1));
}

#[test]
fn garbled_clean_lines() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    for lang in ["ar", "ru", "fr"] {
        let lines = measure::clean_lines(&dir, lang);
        for page in codepage::code_pages() {
            let g = measure::generated(&lines, lang, page.name);
            eprintln!(
                "{lang} {}: {} cases, {:.2}% found, {:.2}% exact",
                page.name,
                g.cases,
                g.found_pct(),
                g.exact_pct()
            );
            // Arabic through 1252, 1251 and 1256 is the target of issue 5
            // (≥ 98%); every pair is measured at 98.3% or more.
            let floor = match (lang, page.name) {
                ("ar", "Windows-1252" | "Windows-1251" | "Windows-1256") => 99.9,
                ("ar" | "ru", _) => 99.5,
                _ => 98.0,
            };
            assert!(g.cases >= 150, "{lang} {}: {} cases", page.name, g.cases);
            assert!(
                g.found_pct() >= floor && g.exact_pct() >= floor,
                "{lang} {}: {:.2}% found, {:.2}% exact: {:#?}",
                page.name,
                g.found_pct(),
                g.exact_pct(),
                g.misses
            );
        }
    }
}

#[test]
fn no_alarm_on_clean_text() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    for (lang, _, _) in corpus::LANGUAGES {
        let (lines, alarms) = measure::clean_alarms(&dir, lang);
        assert!(lines > 2500, "{lang}: {lines} lines");
        assert!(alarms.is_empty(), "{lang}: {alarms:#?}");
    }
}

/// Lowercase letters of a few alphabets: Arabic, Russian, Greek, Hebrew,
/// and French, German, Czech and Turkish with the ASCII letters they are
/// written among. Lowercase only, because random capitals inside words
/// (`äaÄ`) are as odd as mojibake itself, and the rule judges by oddness.
const ALPHABETS: &[&str] = &[
    "ابتثجحخدذرسشصضطظعغفقكلمنهوية",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
    "אבגדהוזחטיכלמנסעפצקרשת",
    "abcdefghilmnoprstuvéèêàâçôûîëœ",
    "abcdefghiklmnoprstuwzäöüß",
    "abcdeiklmnoprstuvzáčďéěíňóřšťúůýž",
    "abcdegiklmnoprstuyzçğıöşü",
];

/// Words of one alphabet, with at least three non-ASCII letters.
fn text() -> impl Strategy<Value = String> {
    (0..ALPHABETS.len()).prop_flat_map(|a| {
        let letters: Vec<char> = ALPHABETS[a].chars().collect();
        prop::collection::vec(
            prop::collection::vec(prop::sample::select(letters), 2..9),
            2..7,
        )
        .prop_map(|words| {
            words
                .iter()
                .map(|w| w.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .prop_filter("a few non-ASCII letters", |s| {
            s.chars().filter(|c| !c.is_ascii()).count() >= 3
        })
    })
}

proptest! {
    // A fixed seed: this is a quality bound on generated words, not an
    // invariant, so it runs the same 300 cases everywhere (CI included);
    // cases that once failed stay in `mojibake.proptest-regressions`.
    #![proptest_config(ProptestConfig {
        cases: 300,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6d6f_6a69),
        ..ProptestConfig::default()
    })]

    /// Generated text pushed through any code page that can carry its bytes
    /// is found and repaired exactly, or (where two code pages garble two
    /// texts alike: `ĂźĂ¤` is `üä` through ISO-8859-2 and `ßä` through
    /// Windows-1250) repaired into a text that garbles the same way.
    #[test]
    fn garbled_text_is_found_and_repaired(s in text(), page in 0..10usize) {
        let page = &codepage::code_pages()[page];
        if let Some(bad) = measure::garble(&s, page.name) {
            let d = measure::run(&bad, None);
            prop_assert!(!d.is_empty(), "{} not found: {bad:?} ({s:?})", page.name);
            let fixed = measure::apply(&bad, &d);
            let same_garble = codepage::code_pages()
                .iter()
                .any(|p| measure::garble(&fixed, p.name).as_deref() == Some(bad.as_str()));
            prop_assert!(
                fixed == s || same_garble,
                "{bad:?} via {} → {fixed:?}, want {s:?}",
                page.name
            );
        }
        prop_assert!(measure::run(&s, None).is_empty(), "clean text flagged: {s:?}");
    }
}
