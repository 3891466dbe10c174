//! Repetition: letters, words, lines and bracketed terms that say the same
//! thing twice.
//!
//! - `repeated-characters`: a letter three or more times in a row.
//! - `repeated-word`: the same word twice in a row.
//! - `duplicate-line`: a line repeating an earlier line of the file.
//! - `redundant-parenthetical`: a term followed by itself in brackets.

mod duplicate_line;
mod redundant_parenthetical;
mod repeated_characters;
mod repeated_word;
pub use duplicate_line::DuplicateLine;
pub use redundant_parenthetical::RedundantParenthetical;
pub use repeated_characters::RepeatedCharacters;
pub use repeated_word::RepeatedWord;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::Severity;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    #[test]
    fn repeated_characters_flags_garble() {
        let text = "قال птин уирдаааа трввээ урррс ооогоссн في المتحدثثث.";
        assert_eq!(
            flagged(&RepeatedCharacters, text),
            ["аааа", "ррр", "ооо", "ثثث"]
        );
        assert_eq!(
            flagged(&RepeatedCharacters, "The proooocess failed."),
            ["oooo"]
        );
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
        ] {
            assert!(flagged(&RepeatedWord, quiet).is_empty(), "{quiet}");
        }
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
