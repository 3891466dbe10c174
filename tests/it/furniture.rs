//! `boilerplate` on page furniture that no phrase list holds (navigation
//! lines and calls to action written for the evaluation,
//! `measure::furniture`), inserted into the clean documents of
//! `../shared/data`: found by what the lines are, with no finding on the
//! clean documents. Skipped, saying so, where `../shared` is absent.
//! `cargo run --release -p mtlint-eval --bin furniture` prints the figures.

use mtlint_eval::measure::furniture;

fn check(lang: &str) {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let m = furniture::measure(&dir, lang, furniture::lines(lang));
    let found = m.by_list + m.by_shape;
    eprintln!(
        "{lang}: {found} of {} furniture lines found ({} by the lists), {} findings on {} clean sentences",
        m.inserted,
        m.by_list,
        m.false_alarms.len(),
        m.sentences
    );
    assert!(m.inserted > 100, "{lang}: {} documents", m.inserted);
    // Recall was 0 with the phrase lists alone: none of these is on them.
    assert!(
        found * 100 >= m.inserted * 95,
        "{lang}: {found} of {} found; missed {:#?}",
        m.inserted,
        m.misses
    );
    assert!(
        m.false_alarms.len() as f64 * 1000.0 / m.sentences as f64 <= 0.5,
        "{lang}: {:#?}",
        m.false_alarms
    );
}

crate::per_language!(check);

/// The buttons and links that three web projects ship, as their translators
/// wrote them (`eval/data/furniture_thirdparty.tsv`): before this check's
/// rule knew interfaces' infinitives and verbal nouns, recall was 19% (ar),
/// 56% (en), 44% (fr) and 7% (ru).
#[test]
fn furniture_written_by_other_people() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    for (lang, floor) in [("ar", 90), ("en", 90), ("fr", 90), ("ru", 70)] {
        let held = furniture::third_party(lang);
        let m = furniture::measure(&dir, lang, &held);
        let found = m.by_list + m.by_shape;
        assert!(
            found * 100 >= m.inserted * floor,
            "{lang}: {found} of {} found; missed {:#?}",
            m.inserted,
            m.misses
        );
        assert!(m.false_alarms.is_empty(), "{lang}: {:#?}", m.false_alarms);
    }
}
