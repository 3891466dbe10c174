//! `foreign-letters` on `../shared/data`: false alarms per 1,000 clean
//! sentences per language (declared and detected), and recall on synthetic garble (Arabic typed on
//! a Persian keyboard; Russian with Kazakh, Mongolian and Ukrainian letters).
//! Skipped, saying so, where `../shared` is absent.

use mtlint_eval::measure::foreign_letters as measure;

fn no_false_alarms(lang: &str) {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    for declared in [true, false] {
        let fa = measure::false_alarms(&dir, lang, declared);
        eprintln!(
            "{lang} (declared: {declared}): {} sentences, {} findings, {:.2}/1k: {:#?}",
            fa.sentences,
            fa.findings,
            fa.per_k(),
            fa.examples
        );
        assert!(
            fa.sentences > 2500,
            "{lang}: only {} sentences",
            fa.sentences
        );
        assert!(
            fa.per_k() <= 1.0,
            "{lang} (declared: {declared}): {:.2} per 1,000 sentences: {:#?}",
            fa.per_k(),
            fa.examples
        );
    }
}

#[test]
fn arabic_false_alarms() {
    no_false_alarms("ar");
}

#[test]
fn english_false_alarms() {
    no_false_alarms("en");
}

#[test]
fn french_false_alarms() {
    no_false_alarms("fr");
}

#[test]
fn russian_false_alarms() {
    no_false_alarms("ru");
}

#[test]
fn persian_keyboard_in_arabic_is_found_and_fixed() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let r = measure::persian_keyboard_recall(&dir);
    eprintln!("{r:?}");
    assert!(r.lines > 1000, "{r:?}");
    assert!(r.line_recall() >= 0.99, "{r:?}");
    assert!(r.word_recall() >= 0.99, "{r:?}");
    assert!(r.fixes_wrong * 100 <= r.words_found, "{r:?}");
}

#[test]
fn kazakh_mongolian_ukrainian_letters_in_russian_are_found() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let r = measure::cyrillic_recall(&dir);
    eprintln!("{r:?}");
    assert!(r.lines > 1000, "{r:?}");
    assert!(r.line_recall() >= 0.99, "{r:?}");
    assert!(r.word_recall() >= 0.99, "{r:?}");
}
