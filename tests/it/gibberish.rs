//! `gibberish` on `../shared/data` (NTREX-128 and UD PUD): at most 1 false
//! alarm per 2,000 clean sentences per language, and at least 95% of the
//! lines of eight words or more caught once the letters of every word are
//! shuffled. Skipped, saying so, where `../shared` is absent.

mod support {
    pub use mtlint_eval::measure::gibberish as gibberish_measure;
}

use support::gibberish_measure::measure;

fn check(lang: &str) {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let m = measure(&dir, lang);
    eprintln!(
        "{}: {} sentences, {} false alarms ({:.2} per 2,000); {} shuffled lines, {:.1}% caught",
        m.lang,
        m.sentences,
        m.false_alarms.len(),
        m.per_2000(),
        m.shuffled,
        m.caught_pct()
    );
    assert!(m.sentences > 2500, "{lang}: only {} sentences", m.sentences);
    assert!(
        m.shuffled > 1500,
        "{lang}: only {} shuffled lines",
        m.shuffled
    );
    assert!(
        m.per_2000() <= 1.0,
        "{lang}: {:.2} false alarms per 2,000 sentences: {:#?}",
        m.per_2000(),
        m.false_alarms
    );
    assert!(
        m.caught_pct() >= 95.0,
        "{lang}: {:.1}% of shuffled lines caught; missed e.g. {:#?}",
        m.caught_pct(),
        m.missed
    );
}

crate::per_language!(check);
