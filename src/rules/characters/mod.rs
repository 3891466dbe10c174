//! Characters that should not be in published text: invisible format
//! characters (`invisible-character`), control characters
//! (`control-character`) and the replacement character U+FFFD
//! (`replacement-character`).
//!
//! These rules read the raw text, not words: a byte-level loop skips
//! printable ASCII and decodes only what may matter.

mod control_character;
mod invisible_character;
mod replacement_character;
pub use control_character::ControlCharacter;
pub use invisible_character::InvisibleCharacter;
pub use replacement_character::ReplacementCharacter;

/// Non-ASCII characters of `text` with their byte offsets, skipping ASCII
/// bytes without decoding them.
fn non_ascii(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && bytes[i] < 0x80 {
            i += 1;
        }
        let c = text[i..].chars().next()?;
        let at = i;
        i += c.len_utf8();
        Some((at, c))
    })
}

/// The byte end of the run of `c` that starts at `at`.
fn run_end(text: &str, at: usize, c: char) -> usize {
    let mut end = at;
    for d in text[at..].chars() {
        if d != c {
            break;
        }
        end += d.len_utf8();
    }
    end
}

/// `U+200B ZERO WIDTH SPACE`, with a count when there are several.
fn describe(c: char, count: usize, name: &str) -> String {
    let times = if count > 1 {
        format!("{count} × ")
    } else {
        String::new()
    };
    format!("{times}U+{:04X} {name}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::{Applicability, Severity};
    use crate::rules::testing::{diagnostics, fixed, flagged_in};

    #[test]
    fn zero_width_space_inside_a_word() {
        let d = diagnostics(
            &InvisibleCharacter,
            "the pre\u{200B}sident said",
            Some("en"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, None);
        assert!(
            d[0].message.contains("U+200B ZERO WIDTH SPACE"),
            "{}",
            d[0].message
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "the pre\u{200B}sident", Some("en")),
            "the president"
        );
        // A run is one finding, counted; next to a space it is info.
        let d = diagnostics(
            &InvisibleCharacter,
            "قال \u{200B}\u{200B}الوزير",
            Some("ar"),
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("2 × U+200B"), "{}", d[0].message);
        assert_eq!(d[0].severity, Some(Severity::Info));
        // Thai word breaks are correct.
        assert!(flagged_in(&InvisibleCharacter, "ภาษา\u{200B}ไทย", Some("th")).is_empty());
    }

    #[test]
    fn bidi_controls_are_unsafe_to_remove() {
        let d = diagnostics(&InvisibleCharacter, "file\u{202E}gpj.exe", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("reorder what a reader sees"));
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        let d = diagnostics(
            &InvisibleCharacter,
            "قال \u{2067}Trump\u{2069} إن",
            Some("ar"),
        );
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn marks_and_bom() {
        let d = diagnostics(
            &InvisibleCharacter,
            "\u{FEFF}قال\u{200F} الوزير",
            Some("ar"),
        );
        assert_eq!(d.len(), 1, "a BOM at offset 0 is fine");
        assert_eq!(d[0].severity, Some(Severity::Info));
        let d = diagnostics(&InvisibleCharacter, "one\n\u{FEFF}two", Some("en"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, None);
        assert_eq!(
            fixed(&InvisibleCharacter, "co\u{00AD}operate", Some("en")),
            "cooperate"
        );
        assert_eq!(fixed(&InvisibleCharacter, "a\u{3164}b", Some("ko")), "a b");
    }

    #[test]
    fn tatweel_runs() {
        assert_eq!(
            fixed(&InvisibleCharacter, "الـــــرئيس قال", Some("ar")),
            "الرئيس قال"
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "في الـــ30 يوما", Some("ar")),
            "في الـ30 يوما"
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "بــFacebook", Some("ar")),
            "بـFacebook"
        );
        for text in ["في الـ30 يوما", "بـ\"ريد\"", "الـ 12"] {
            assert!(
                flagged_in(&InvisibleCharacter, text, Some("ar")).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn zwnj_by_language() {
        // Persian uses ZWNJ: quiet.
        assert!(flagged_in(&InvisibleCharacter, "می\u{200C}خواهم", Some("fa")).is_empty());
        assert!(flagged_in(&InvisibleCharacter, "क्\u{200C}ष", Some("hi")).is_empty());
        // Arabic does not: flagged, unsafe.
        let d = diagnostics(&InvisibleCharacter, "الرئيس\u{200C}الروسي", Some("ar"));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        // Latin: flagged, safe.
        assert_eq!(
            fixed(&InvisibleCharacter, "Auf\u{200C}lage", Some("de")),
            "Auflage"
        );
    }

    #[test]
    fn zwj_outside_emoji() {
        assert!(flagged_in(
            &InvisibleCharacter,
            "👨\u{200D}👩\u{200D}👧 family",
            Some("en")
        )
        .is_empty());
        assert!(flagged_in(&InvisibleCharacter, "क्\u{200D}ष", Some("hi")).is_empty());
        assert_eq!(
            flagged_in(&InvisibleCharacter, "wo\u{200D}rd", Some("en")).len(),
            1
        );
        let d = diagnostics(&InvisibleCharacter, "س ڤ\u{200D}ي س", Some("ar"));
        assert_eq!(d[0].severity, Some(Severity::Info));
    }

    #[test]
    fn no_break_spaces() {
        let d = diagnostics(
            &InvisibleCharacter,
            "قال الرئيس\u{00A0}بأن الحرب",
            Some("ar"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert_eq!(
            fixed(&InvisibleCharacter, "قال الرئيس\u{00A0}بأن", Some("ar")),
            "قال الرئيس بأن"
        );
        assert_eq!(
            fixed(&InvisibleCharacter, "the \u{00A0}end", Some("en")),
            "the end"
        );
        for (text, lang) in [
            (
                "Il a dit\u{00A0}: «\u{00A0}Je pars\u{202F}!\u{00A0}»",
                Some("fr"),
            ),
            ("1\u{00A0}000 et 10\u{00A0}km", Some("fr")),
            (
                "M.\u{00A0}Trump, en\u{00A0}2019, Mme\u{00A0}May",
                Some("fr"),
            ),
            ("classe\u{00A0}A et Brett\u{00A0}Kavanaugh", Some("fr")),
            ("сказал он\u{00A0}— и ушел в\u{00A0}Москву", Some("ru")),
        ] {
            assert!(
                flagged_in(&InvisibleCharacter, text, lang).is_empty(),
                "{text}"
            );
        }
        // French punctuation spacing is French only.
        assert_eq!(
            flagged_in(&InvisibleCharacter, "he said\u{00A0}: yes", Some("en")).len(),
            1
        );
    }

    #[test]
    fn plain_text_is_quiet() {
        for (text, lang) in [
            ("قال الرئيس الروسي، اليوم.", Some("ar")),
            ("The president said, today.\tTab\r\n", Some("en")),
            ("Президент сказал сегодня.", Some("ru")),
        ] {
            assert!(flagged_in(&InvisibleCharacter, text, lang).is_empty());
            assert!(flagged_in(&ControlCharacter, text, lang).is_empty());
            assert!(flagged_in(&ReplacementCharacter, text, lang).is_empty());
        }
    }

    #[test]
    fn control_characters() {
        let d = diagnostics(&ControlCharacter, "قال\u{7} الوزير\u{0}\u{0}", Some("ar"));
        assert_eq!(d.len(), 2);
        assert!(d[0].message.contains("U+0007 BELL"));
        assert!(d[1].message.contains("2 × U+0000 NULL"));
        assert_eq!(
            fixed(&ControlCharacter, "page\u{c}two\u{7f}", Some("en")),
            "pagetwo"
        );
        assert_eq!(
            fixed(&ControlCharacter, "\u{1b}[31mred\u{1b}[0m text", Some("en")),
            "red text"
        );
    }

    #[test]
    fn c1_controls_are_mojibake() {
        // From ftfy's in-the-wild test cases.
        let text = "Direzione Pd, ok \u{e2}\u{80}\u{9c}senza modifiche\u{94} all'Italicum.";
        let d = diagnostics(&ControlCharacter, text, Some("it"));
        assert_eq!(d.len(), 2);
        assert!(d[0].message.contains("mojibake"));
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "“");
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        assert_eq!(d[1].fix.as_ref().unwrap().replacement, "”");
        assert_eq!(
            d[1].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        assert_eq!(
            fixed(
                &ControlCharacter,
                "He's Justin\u{e2}\u{9d}\u{a4}",
                Some("en")
            ),
            "He's Justin❤"
        );
        assert_eq!(fixed(&ControlCharacter, "a\u{81}b", Some("en")), "ab");
        // Encoded twice: one decoding leaves mojibake, so the fix is unsafe.
        let d = diagnostics(
            &ControlCharacter,
            "x \u{c3}\u{a2}\u{e2}\u{20ac}\u{9d}\u{e2}\u{20ac}\u{2122} y",
            Some("en"),
        );
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
    }

    #[test]
    fn replacement_characters() {
        let d = diagnostics(
            &ReplacementCharacter,
            "Asia, \u{FFFD}frica y قال \u{FFFD}\u{FFFD} إن",
            None,
        );
        assert_eq!(d.len(), 2);
        assert!(d[1].message.contains("2 × U+FFFD"));
        assert!(d.iter().all(|d| d.fix.is_none()));
        assert_eq!(
            flagged_in(&ReplacementCharacter, "lost ï¿½ï¿½ here", Some("en")),
            vec!["ï¿½ï¿½"]
        );
        assert!(flagged_in(&ReplacementCharacter, "naïve café", Some("fr")).is_empty());
    }
}
