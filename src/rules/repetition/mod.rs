//! Repetition: letters, words, lines and bracketed terms that say the same
//! thing twice.
//!
//! - `repeated-characters`: a letter three or more times in a row.
//! - `repeated-word`: the same word twice in a row.
//! - `duplicate-line`: a line repeating an earlier line of the file.
//! - `redundant-parenthetical`: a term followed by itself in brackets.
//! - `translation-loop`: a word, phrase or sentence written three or more
//!   times in a row, or a phrase twice.

mod duplicate_line;
mod redundant_parenthetical;
mod repeated_characters;
mod repeated_word;
mod translation_loop;
pub use duplicate_line::DuplicateLine;
pub use redundant_parenthetical::RedundantParenthetical;
pub use repeated_characters::RepeatedCharacters;
pub use repeated_word::RepeatedWord;
pub use translation_loop::TranslationLoop;

/// Words whose doubling is correct in some language, folded with
/// [`crate::text::normalize::fold`].
pub(super) const LEGITIMATE_DOUBLES: &[&str] = &[
    // Arabic: distributive and gradual doubling.
    "خطوه",
    "رويدا",
    "شيئا",
    "قليلا",
    "يوما",
    "بيت",
    "حرفا",
    "كلمه",
    "واحدا",
    "واحد",
    "اثنين",
    "شبرا",
    "ذراعا",
    "صفا",
    "دكا",
    "زوجا",
    "فردا",
    "حجرا",
    "باب",
    "شارع",
    "حي",
    "بابا",
    // Egyptian and Gulf: gradual doubling, and `كده كده` "anyway".
    "شوي",
    "شويه",
    "كده",
    "كدا",
    // English
    "that",
    "had",
    "bye",
    "no",
    "yes",
    "blah",
    "bla",
    "knock",
    "tut",
    "chop",
    "hush",
    "so",
    "pooh",
    "night",
    "cha",
    "ha",
    "ho",
    "la",
    "tsk",
    "boo",
    "dum",
    "okay",
    "ok",
    // French
    "nous",
    "vous",
    "si",
    "oui",
    "non",
    "bla",
    "pan",
    "tam",
    "allez",
    "bof",
    // A stressed pronoun before its clitic: `elle elle est partie`.
    "elle",
    "elles",
    // Russian
    "да",
    "нет",
    "так",
    "чуть",
    "еле",
    "вот",
    "ну",
    "ой",
    "ай",
    "ха",
    "тук",
    "бла",
    "мало",
    "давно",
    "точь",
    "крест",
    "давай",
    // German, Dutch, Spanish, Italian relatives and pronouns
    "sie",
    "die",
    "der",
    "das",
    "dat",
    "que",
    "che",
];

/// Arabic spellings of Latin letter names (folded), which spell acronyms:
/// `سي إن إن` (CNN), `بي بي سي` (BBC), `دبليو إس إم في في` (WSMV).
pub(super) const ARABIC_LETTER_NAMES: &[&str] = &[
    "ايه",
    "اي",
    "بي",
    "سي",
    "دي",
    "اف",
    "جي",
    "اتش",
    "جيه",
    "كيه",
    "كاي",
    "ام",
    "ان",
    "او",
    "كيو",
    "ار",
    "اس",
    "تي",
    "يو",
    "في",
    "فى",
    "دبليو",
    "اكس",
    "واي",
    "زد",
    "زي",
    "ال",
];

/// The letter names of [`ARABIC_LETTER_NAMES`] that are also common words
/// (`في`, `ان`): an acronym only beside other letter names.
pub(super) const COMMON_LETTER_NAMES: &[&str] = &["في", "فى", "ان", "او", "اي", "ال", "ام"];

/// Intensifiers whose doubling is informal emphasis rather than an error.
pub(super) const INTENSIFIERS: &[&str] = &[
    "very",
    "really",
    "much",
    "many",
    "more",
    "far",
    "long",
    "again",
    "très",
    "trop",
    "bien",
    "encore",
    "очень",
    "много",
    "долго",
    "جدا",
    "كثيرا",
    // Gulf and Egyptian `very`.
    "مره",
    "اوي",
    "sehr",
    "muy",
    "molto",
    "çok",
];

/// Interjections whose letters are stretched in informal writing: a run in
/// a word that folds to one of these is `info`, not garble.
pub(super) const INTERJECTIONS: &[&str] = &[
    "ah", "oh", "uh", "eh", "hm", "hmm", "mm", "mmm", "lol", "so", "no", "yes", "wow", "yay",
    "argh", "brr", "sh", "shh", "psst", "ooh", "aah", "boo", "whoa", "yeah", "ha", "aha", "oops",
    "ugh", "grr", "zz", "non", "nein", "oui", "nooon", "a", "o", "u", "e", "ax", "ox", "ух", "эх",
    "ах", "ох", "ну", "да", "ура", "хм", "ого", "ага", "угу", "ой", "ай", "брр", "тсс", "м", "мм",
    "а", "о", "у", "э", "ы", "нет", "لا", "يا", "اه", "آه", "اوه", "واو", "اي",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::Severity;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    #[test]
    fn repeated_characters_flags_garble() {
        // Cyrillic garble in an Arabic article.
        let text = "قال птин уирдаааа трввээ урррс ооогоссн في المتحدثثث.";
        assert_eq!(
            flagged_in(&RepeatedCharacters, text, Some("ar")),
            ["аааа", "ррр", "ооо", "ثثث"]
        );
        assert_eq!(
            flagged(&RepeatedCharacters, "The proooocxss failed."),
            ["oooo"]
        );
    }

    #[test]
    fn repeated_characters_reads_informal_text() {
        // Words of the text's language stretched for emphasis are info.
        for (lang, text) in [
            ("en", "that was a looong day"),
            ("ru", "Блиииин, уррааа"),
            ("fr", "je suis crevéééé"),
            ("ar", "وااااو الجو حلووو اممم"),
        ] {
            let d = diagnostics(&RepeatedCharacters, text, Some(lang));
            assert!(!d.is_empty(), "{text}");
            assert!(
                d.iter().all(|d| d.severity == Some(Severity::Info)),
                "{text}: {d:?}"
            );
        }
        // Acronyms and capitals spell letters.
        assert!(flagged_in(&RepeatedCharacters, "в СССР и WWWF", Some("ru")).is_empty());
        // Garble in another script stays a warning, even if it squeezes to a word.
        let d = diagnostics(&RepeatedCharacters, "قال уирдаааа في", Some("ar"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, None);
    }

    #[test]
    fn repeated_characters_stays_quiet_on_normal_text() {
        let quiet =
            "Louis XVIII (VIIIe siècle) visited www site; AAA rated, zzz. Schifffahrt is German. \
                     Скорость 1000 км. 中中中 ดีมากกก";
        let d = diagnostics(&RepeatedCharacters, quiet, Some("en"));
        assert!(
            d.iter().all(|d| d.severity == Some(Severity::Info)),
            "{d:?}"
        );
        assert!(flagged_in(
            &RepeatedCharacters,
            "Die Schifffahrt auf dem Rhein.",
            Some("de")
        )
        .is_empty());
        // `هههههه` is one letter repeated: quiet; stretched words are info.
        let laugh = diagnostics(&RepeatedCharacters, "هههههه جميل loooool Ahhh", Some("ar"));
        assert_eq!(laugh.len(), 2);
        assert!(laugh.iter().all(|d| d.severity == Some(Severity::Info)));
    }

    #[test]
    fn repeated_word_flags_and_fixes() {
        assert_eq!(flagged(&RepeatedWord, "птин кре мид и и крекийй"), ["и и"]);
        assert_eq!(flagged(&RepeatedWord, "تندرج في في الخطابة"), ["في في"]);
        assert_eq!(
            fixed(&RepeatedWord, "قال في في بيان", Some("ar")),
            "قال في بيان"
        );
        assert_eq!(
            fixed(&RepeatedWord, "He saw the The car.", Some("en")),
            "He saw the car."
        );
    }

    #[test]
    fn repeated_word_knows_legitimate_doubling() {
        for quiet in [
            "تقدموا خطوة خطوة نحو الهدف",
            "تعلم رويداً رويداً",
            "I said that that was wrong. She had had enough.",
            "Nous nous levons tôt.",
            "Да да, конечно.",
            "Haben Sie sie gesehen?",
            "Words, words.",
            "the\nthe",
            "1 1 2",
            "a so-so so result",
            "مراسلي سي إن إن اليوم",
            "شبكة بي بي سي",
            "ضابطاً في وحدات إس إس وقاد",
            "قنوات إيه بي سي وسي إن إن وفوكس",
            "It's a tragedy.\nIt's a tragedy.",
            // Copies in different clauses, and spoken doubles.
            "اللي هو فيها فيها مشاكل",
            "je l'ai vu vu que j'étais là",
            "What it is is a problem.",
            "Okay okay, fine. Allez allez, bof bof.",
            "شوي شوي يا حبيبي، هو قال كدة كدة",
            "Давай давай быстрее, вот-вот, еле-еле",
        ] {
            assert!(flagged(&RepeatedWord, quiet).is_empty(), "{quiet}");
        }
        // The same words where grammar does not double them.
        assert_eq!(flagged(&RepeatedWord, "The car is is red."), ["is is"]);
        assert_eq!(flagged(&RepeatedWord, "هو فى فى البيت"), ["فى فى"]);
        let d = diagnostics(
            &RepeatedWord,
            "It was very very good, Bora Bora too.",
            Some("en"),
        );
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|d| d.severity == Some(Severity::Info)));
    }

    #[test]
    fn duplicate_line_points_at_repeats() {
        let text = "بوتين في زيارة مفاجئة\n\nبوتين في زيارة مفاجئة\n\n  بوتين  في زيارة مفاجئة\nنص آخر هنا.";
        let d = diagnostics(&DuplicateLine, text, None);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].message, "line repeats line 1");
        assert_eq!(&text[d[1].range.clone()], "بوتين  في زيارة مفاجئة");
        assert_eq!(
            fixed(&DuplicateLine, "one two three\none two three", None),
            "one two three"
        );
        assert_eq!(
            fixed(&DuplicateLine, "a b c\r\nx\r\na b c\r\nend", None),
            "a b c\r\nx\r\nend"
        );
    }

    #[test]
    fn duplicate_line_ignores_short_lines_tables_and_numbers() {
        for quiet in [
            "Advertisement\nAdvertisement",
            "| a | b | c |\n| a | b | c |",
            "1 2 3\n1 2 3",
            "---\n---",
        ] {
            assert!(flagged(&DuplicateLine, quiet).is_empty(), "{quiet}");
        }
    }

    #[test]
    fn redundant_parenthetical_flags_translated_glosses() {
        let text = "لن تقبل أي وجود لقوات الناتو (الناتو) على الأراضي";
        assert_eq!(flagged(&RedundantParenthetical, text), ["الناتو (الناتو)"]);
        assert_eq!(
            fixed(&RedundantParenthetical, text, Some("ar")),
            "لن تقبل أي وجود لقوات الناتو على الأراضي"
        );
        assert_eq!(
            flagged(&RedundantParenthetical, "members of NATO (nato) agreed"),
            ["NATO (nato)"]
        );
        assert_eq!(
            flagged(&RedundantParenthetical, "حلف الأطلسي (الأطلسى) اليوم"),
            ["الأطلسي (الأطلسى)"]
        );
        let d = diagnostics(
            &RedundantParenthetical,
            "قوات ناتو (الناتو) هنا",
            Some("ar"),
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].confidence < 0.8);
    }

    #[test]
    fn redundant_parenthetical_keeps_real_glosses() {
        for quiet in [
            "قوات الناتو (NATO) على الأراضي",
            "منطقة كورسك (غرب روسيا) حيث",
            "the Institute (ISW) said",
            "in 2024 (2024)",
            "NATO (the alliance) agreed",
        ] {
            assert!(
                flagged(&RedundantParenthetical, quiet).is_empty(),
                "{quiet}"
            );
        }
    }
}
