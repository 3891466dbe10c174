//! Spacing around punctuation, and doubled punctuation: `بوتين ،`,
//! `عليها.الروس`, `end.The`, `ميدانياً..`.

mod missing_space_after_punctuation;
mod repeated_punctuation;
mod space_before_punctuation;
mod unbalanced_brackets;
mod unbalanced_quotes;
pub use missing_space_after_punctuation::MissingSpaceAfterPunctuation;
pub use repeated_punctuation::RepeatedPunctuation;
pub use space_before_punctuation::SpaceBeforePunctuation;
pub use unbalanced_brackets::UnbalancedBrackets;
pub use unbalanced_quotes::UnbalancedQuotes;

use crate::text::{Document, TokenKind};

/// The single character of a punctuation token, if it is one.
fn punct_char(doc: &Document, i: usize) -> Option<char> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Punct {
        return None;
    }
    doc.text[t.range.clone()].chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::{Applicability, Severity};
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    #[test]
    fn space_before_arabic_and_latin_marks() {
        let text = "زار الرئيس الروسي فلاديمير بوتين ، يوم الأربعاء ، منطقة كورسك .";
        assert_eq!(flagged(&SpaceBeforePunctuation, text), [" ،", " ،", " ."]);
        assert_eq!(
            fixed(&SpaceBeforePunctuation, text, None),
            "زار الرئيس الروسي فلاديمير بوتين، يوم الأربعاء، منطقة كورسك."
        );
        let text = "No , no, The Clarion Ledger reported . Why ? Stop !";
        assert_eq!(
            flagged_in(&SpaceBeforePunctuation, text, Some("en")),
            [" ,", " .", " ?", " !"]
        );
        assert_eq!(
            flagged_in(&SpaceBeforePunctuation, "Он сказал « нет » .", Some("ru")),
            [" »", " ."]
        );
        let d = diagnostics(&SpaceBeforePunctuation, "بوتين ، زار", None);
        assert!(d[0].confidence > 0.9);
    }

    #[test]
    fn space_before_closing_quotes_and_brackets() {
        assert_eq!(
            flagged(
                &SpaceBeforePunctuation,
                "هم “إرهابيون ” وفقًا للقانون الروسي."
            ),
            [" ”"]
        );
        assert_eq!(
            flagged(
                &SpaceBeforePunctuation,
                "He visited Kursk (west of Russia ) today."
            ),
            [" )"]
        );
        // Padded on both sides: a style, reported as info.
        let d = diagnostics(&SpaceBeforePunctuation, "كورسك ( غرب روسيا ) اليوم.", None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
    }

    #[test]
    fn space_before_stays_quiet_where_correct() {
        for (text, lang) in [
            (
                "Il a dit : « Non ! » Pourquoi ? Parce que ; voilà.",
                Some("fr"),
            ),
            ("He said\u{00A0}: yes\u{202F}!", Some("en")),
            ("Written in .NET with .5 more and wait ...", Some("en")),
            ("Great :) and ;-) and :D", Some("en")),
            ("a ) first\nb ) second", Some("en")),
            (", starts the line\n. also", Some("en")),
            ("Name\t: value", Some("en")),
            ("Han sa ”hej” och ” gick.", Some("sv")),
            ("Er sagte »Hallo« und ging.", Some("de")),
            ("use !important here", Some("en")),
            (
                "قال بوتين، يوم الأربعاء، إن القوات (الروسية) تقدمت.",
                Some("ar"),
            ),
            ("Also 0 ,5 percent", Some("en")),
        ] {
            assert!(
                flagged_in(&SpaceBeforePunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&SpaceBeforePunctuation, text, lang)
            );
        }
    }

    #[test]
    fn missing_space_after_marks_in_arabic() {
        let text = "استعادت القوات السيطرة عليها.الروس في كورسك،اليوم وفي الماضي.الشمال";
        assert_eq!(
            flagged(&MissingSpaceAfterPunctuation, text),
            ["عليها.الروس", "كورسك،اليوم", "الماضي.الشمال"]
        );
        assert_eq!(
            fixed(&MissingSpaceAfterPunctuation, text, None),
            "استعادت القوات السيطرة عليها. الروس في كورسك، اليوم وفي الماضي. الشمال"
        );
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "قال بوتين:هناك حاجة ماسة للمزيد."
            ),
            ["بوتين:هناك"]
        );
    }

    #[test]
    fn missing_space_after_marks_in_cased_scripts() {
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "و \"شكر الجنود على تحرير الأراضي\".أوكراني"
            ),
            ["الأراضي\".أوكراني"]
        );
        // A `;` after a word that no `&` opens is glue, entity name or not.
        let text = "The talks came to an end.The delegates left this,that behind, nbsp;said.";
        assert_eq!(
            flagged_in(&MissingSpaceAfterPunctuation, text, Some("en")),
            ["end.The", "this,that", "nbsp;said"]
        );
        assert_eq!(
            flagged_in(
                &MissingSpaceAfterPunctuation,
                "Переговоры закончились.Делегаты уехали.",
                Some("ru")
            ),
            ["закончились.Делегаты"]
        );
    }

    #[test]
    fn missing_space_after_a_sentence_glued_to_the_next() {
        // A one-letter word, a number, an acronym, closing marks, or an
        // opening quotation (French with its no-break space) after the mark.
        for (glued, lang, text) in [
            ("ослаб.В", "ru", "Рынок ослаб.В интервью он сказал."),
            ("outside.A", "en", "He stayed outside.A man came."),
            ("2018.وفي", "ar", "وقع ذلك في عام 2018.وفي العام التالي"),
            ("2030.The", "en", "The plan runs to 2030.The rest waits."),
            ("EU.The", "en", "Talks with the EU.The rest waits."),
            ("said.SNL", "en", "Comedy show said.SNL stars left."),
            (
                "Почему?».Сторонник",
                "ru",
                "Он спросил «Почему?».Сторонник ушёл.",
            ),
            ("сказал.«Все", "ru", "Он сказал.«Все ушли», — добавил он."),
            (
                "dit.«\u{a0}Le",
                "fr",
                "Il a dit.«\u{a0}Le vote aura lieu.\u{a0}»",
            ),
            ("said.\"Last", "en", "He said.\"Last year was hard.\""),
            ("vrai ?Il", "fr", "Est-ce vrai ?Il part demain."),
            ("Craiglang.ووفقًا", "ar", "in Craiglang.ووفقًا للشرطة"),
        ] {
            let found = flagged_in(&MissingSpaceAfterPunctuation, text, Some(lang));
            assert_eq!(found, [glued], "{text}");
        }
        assert_eq!(
            fixed(
                &MissingSpaceAfterPunctuation,
                "Он сказал.«Все ушли».",
                Some("ru")
            ),
            "Он сказал. «Все ушли»."
        );
    }

    #[test]
    fn missing_space_after_a_sentence_stays_quiet() {
        // Initials, a numbered list, versions and decimals, dotted
        // headings, abbreviations before a quotation, an ellipsis, and a
        // one-letter word that is not one (`Г-н`, `vitamin.C`).
        for (text, lang) in [
            ("Памятник А.С.Пушкину и им.В.И.Ленина стоят.", "ru"),
            ("1.Введение\n2.Методы", "ru"),
            ("Version 1.2 of v2.5.1 rose 3.5 points.", "en"),
            ("See section 2.3.Title for more.", "en"),
            ("Это т.е.«так называемый» спор.", "ru"),
            ("Он ждал...«Нет», — сказал он.", "ru"),
            ("Take vitamin.C daily and Plan.B too.", "en"),
            ("Open report.PDF and ASP.NET now.", "en"),
        ] {
            let found = flagged_in(&MissingSpaceAfterPunctuation, text, Some(lang));
            assert_eq!(found, [""; 0], "{text}");
        }
    }

    #[test]
    fn missing_space_after_quotes_and_brackets() {
        let text =
            "وأضاف \"وعليه يبقى الخطر الأكبر على البلاد\"موجود ، وفي الواقع يصبح أكثر موضوعية \".";
        let d = diagnostics(&MissingSpaceAfterPunctuation, text, None);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&text[d[0].range.clone()], "البلاد\"موجود");
        assert_eq!(
            fixed(
                &MissingSpaceAfterPunctuation,
                "و6 صواريخ “هيمارس”أمريكية الصنع.",
                None
            ),
            "و6 صواريخ “هيمارس” أمريكية الصنع."
        );
        assert_eq!(
            fixed(&MissingSpaceAfterPunctuation, "قال\"نعم\" ثم رحل.", None),
            "قال \"نعم\" ثم رحل."
        );
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "قوات حلف الناتو (الناتو)على الأراضي."
            ),
            ["الناتو)على"]
        );
    }

    #[test]
    fn missing_space_after_stays_quiet() {
        for (text, lang) in [
            (
                "See pic.twitter.com/abc and العربية.نت or mail a.b@example.com.",
                None,
            ),
            (
                "It rose 3.5 points at 10:30 to 1,100 in v1.2 of the app.",
                Some("en"),
            ),
            ("محطة كورسك-2 للطاقة النووية", Some("ar")),
            (
                "The U.S. and e.g. Ph.D. and J.K. Rowling at 9 a.m. today.",
                Some("en"),
            ),
            ("т.е. всё и т.д. и т.п.", Some("ru")),
            (
                "Open report.pdf and java.util.List or node.js now.",
                Some("en"),
            ),
            ("قال د.أحمد إن ذلك حدث عام 300 ق.م في المنطقة.", Some("ar")),
            ("A.B testing and x,y coordinates.", Some("en")),
            // HTML entities are `escaped-text`'s: `&nbsp;said` is no glue.
            ("The minister&nbsp;said so, &amp;amp;then left.", Some("en")),
            ("قال الوزير&nbsp;إن المحادثات انتهت.", Some("ar")),
            ("He said \"yes\", then left. She said «non».", Some("en")),
            ("My friend(s) will (re)build it.", Some("en")),
            ("Er sagte »Hallo« und ging.", Some("de")),
            ("وقال \"نعم\"، ثم رحل.", Some("ar")),
            ("Bonjour l'«ami».", Some("fr")),
            (
                "مواقع مثل \"ريديت\" و\"تويتر\" وغيرها، وبدل كوليبالي بـ\"ريان كينت\".",
                Some("ar"),
            ),
            (
                "\"He said, \"Because he makes me laugh,\"\" Ms. Scovell told me.",
                Some("en"),
            ),
        ] {
            assert!(
                flagged_in(&MissingSpaceAfterPunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&MissingSpaceAfterPunctuation, text, lang)
            );
        }
    }

    #[test]
    fn repeated_marks() {
        let text = "ميدانياً.. أعلنت وزارة الدفاع،، أن قواتها حسنت مواقعها؟؟";
        assert_eq!(flagged(&RepeatedPunctuation, text), ["..", "،،", "؟؟"]);
        let d = diagnostics(&RepeatedPunctuation, text, None);
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        assert_eq!(
            d[1].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        assert_eq!(
            flagged_in(
                &RepeatedPunctuation,
                "Really?? He said so,, twice!!",
                Some("en")
            ),
            ["??", ",,", "!!"]
        );
        assert_eq!(
            flagged_in(&RepeatedPunctuation, "Он ушёл,. Потом;;", Some("ru")),
            [",.", ";;"]
        );
        assert_eq!(
            fixed(&RepeatedPunctuation, "He said so,, twice,.", Some("en")),
            "He said so, twice."
        );
    }

    #[test]
    fn repeated_marks_mild_and_quiet_cases() {
        let d = diagnostics(
            &RepeatedPunctuation,
            "Wait.... What!!! Really?!?",
            Some("en"),
        );
        assert_eq!(d.len(), 3);
        assert!(d.iter().all(|d| d.severity == Some(Severity::Info)));
        for (text, lang) in [
            ("Wait... and then… what?! Really!? هل هذا صحيح؟!", None),
            (
                "cd ../src and 1..10 and std::io::Result and x ::= y",
                Some("en"),
            ),
            ("It was etc., and the U.S., too.", Some("en")),
            ("\"Why?,\" he asked.", Some("en")),
        ] {
            assert!(
                flagged_in(&RepeatedPunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&RepeatedPunctuation, text, lang)
            );
        }
        assert_eq!(
            flagged_in(&RepeatedPunctuation, "انتهى الاجتماع.، ثم رحل", Some("ar")),
            [".،"]
        );
    }
}
