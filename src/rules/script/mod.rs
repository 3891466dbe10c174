//! Script mixing: letters of one script inside a word of another
//! (`mixed-script-word`), runs of words in a script that is not the
//! document's (`foreign-script-run`), letters foreign to the language's
//! alphabet (`foreign-letters`).
//!
//! Both are typical of machine-translation garble: a system that hallucinates
//! in the wrong language (a Mongolian tweet in an Arabic article), or that
//! glues a Latin fragment to an Arabic word, or text that was typed with the
//! wrong keyboard layout (`cети` with a Latin `c`).

mod foreign_letters;
mod foreign_script_run;
mod mixed_script_word;
pub use foreign_letters::ForeignLetters;
pub use foreign_script_run::ForeignScriptRun;
pub use mixed_script_word::MixedScriptWord;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::{Applicability, Severity};
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    const SEED_LINE: &str = "أوضح رئيس الأركان الروسي أن القوات الأوكرانية في كورسك محاصرة ومعزولة وتعرض لتدمير مستمر ، بينما تواصل القوات الروسية تحرير الأراضي الروسية بهدف الوصول إلى الحدود في وقت مبكر.\nптин кре мид и и крекийй чөийн жилилараг уирдсан уирдаааа трввээ. урррсافقة ооогоссн давшилтгг ццрайнoid с сид үрээүүүэхалаварө өөөн бна. pic.twitter.com/ry1yyiqzki\n– энхэhy (@enkhee0369) 13 مارس 2025\nفي سياق ذي صلة ، أكد وزير الخارجية الروسي سيرجي لافروف أن بلاده لن تقبل أي وجود لقوات الناتو على الأراضي الأوكرانية تحت أي ظرف من الظروف.";

    // Arabic filler long enough to make Arabic the clear main script.
    const AR: &str = "قال المتحدث باسم الحكومة في مؤتمر صحفي عقده اليوم في العاصمة إن الوزارة ستواصل العمل مع الشركاء الدوليين لتحقيق الاستقرار في المنطقة وتعزيز التعاون الاقتصادي بين البلدين خلال السنوات المقبلة.";
    const RU: &str = "Президент заявил журналистам в четверг, что правительство продолжит работу с международными партнерами для обеспечения стабильности в регионе и укрепления экономического сотрудничества между странами.";

    #[test]
    fn mixed_words_in_the_seed() {
        let f = flagged(&MixedScriptWord, SEED_LINE);
        assert_eq!(f, vec!["урррсافقة", "ццрайнoid", "энхэhy"]);
        let d = diagnostics(&MixedScriptWord, SEED_LINE, None);
        assert!(
            d[0].message.contains("Cyrillic and Arabic"),
            "{}",
            d[0].message
        );
        assert!(d[1].fix.is_none(), "d has no Cyrillic twin");
        // h → һ is outside the Russian alphabet: unsafe.
        let fix = d[2].fix.as_ref().expect("fix");
        assert_eq!(fix.replacement, "энхэһу");
        assert_eq!(fix.applicability, Applicability::Unsafe);
    }

    #[test]
    fn look_alikes_are_respelled_safely() {
        assert_eq!(
            fixed(&MixedScriptWord, "Доступ к Wi-Fi cети платный.", Some("ru")),
            "Доступ к Wi-Fi сети платный."
        );
        assert_eq!(
            fixed(&MixedScriptWord, "the prοblem is solved", Some("en")),
            "the problem is solved"
        );
        let d = diagnostics(&MixedScriptWord, "Тhe end of the story", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("looks like Latin `T`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        // No clear majority: no fix.
        let d = diagnostics(&MixedScriptWord, "so аb is", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn glued_latin_and_arabic_get_spaces() {
        let text = "أعلنت الشركة عن iPhoneالجديد اليوم";
        assert_eq!(flagged(&MixedScriptWord, text), vec!["iPhoneالجديد"]);
        let d = diagnostics(&MixedScriptWord, text, Some("ar"));
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert!(
            d[0].message.contains("between `iPhone` and `الجديد`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            fixed(&MixedScriptWord, text, Some("ar")),
            "أعلنت الشركة عن iPhone الجديد اليوم"
        );
        for (word, want) in [
            ("تسمحSolidللمستخدمين", "تسمح Solid للمستخدمين"),
            ("علىBellengliseوLehaucourt", "على Bellenglise وLehaucourt"),
            ("موديلF125المشؤومة", "موديل F125 المشؤومة"),
            ("قالت الCIA إن", "قالت الـCIA إن"),
            ("عن بالFBI", "عن بالـFBI"),
        ] {
            assert_eq!(fixed(&MixedScriptWord, word, Some("ar")), want);
        }
        // Cyrillic glued to Arabic is garble: a warning, still split.
        let d = diagnostics(&MixedScriptWord, "كلمة урррсافقة هنا", Some("ar"));
        assert_eq!(d[0].severity, None);
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "урррс افقة");
    }

    #[test]
    fn legitimate_mixes_stay_quiet() {
        for (text, lang) in [
            ("قالت الـCIA إن بـFacebook والـNATO وRT فCNN", Some("ar")),
            (
                "a 5 μm filter and 10 μg/mL of TNFα, NF-κB and Aβ",
                Some("en"),
            ),
            ("a 4.7 kΩ resistor with αvβ3 integrin", Some("en")),
            ("Он купил новый iPhone’ом и Facebook'а", Some("ru")),
            ("新しいTシャツとiPhone手机、NATO는 발표했다", None),
            ("iPhoneรุ่นใหม่ ออกแล้ว", None),
            ("McDonald's, iPhone, eBay et PlayStation", Some("fr")),
            ("Новый iPhone и Wi-Fi сеть", Some("ru")),
        ] {
            assert!(
                flagged_in(&MixedScriptWord, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&MixedScriptWord, text, lang)
            );
        }
    }

    #[test]
    fn the_seed_run_is_one_finding_with_an_unsafe_deletion() {
        let d = diagnostics(&ForeignScriptRun, SEED_LINE, Some("ar"));
        assert_eq!(d.len(), 1, "{d:?}");
        let text = &SEED_LINE[d[0].range.clone()];
        assert!(text.starts_with("птин кре мид"), "{text}");
        assert!(text.ends_with("өөөн бна."), "{text}");
        assert_eq!(d[0].message, "run of 20 Cyrillic words in Arabic text");
        assert!(d[0].confidence >= 0.9);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let out = fixed(&ForeignScriptRun, SEED_LINE, Some("ar"));
        assert!(out.contains("مبكر.\npic.twitter.com/ry1yyiqzki\n"), "{out}");
    }

    #[test]
    fn latin_run_in_arabic_and_russian() {
        // Runs that read as a real language (`the government will not
        // accept this deal`) are `wrong-language`'s since that rule came;
        // these are garble no language claims.
        let text = format!("{AR} وقال الوزير xqzt vrkpl wmnxq bzzrt kkvvq اليوم.");
        let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(f, vec!["xqzt vrkpl wmnxq bzzrt kkvvq"]);
        let out = fixed(&ForeignScriptRun, &text, Some("ar"));
        assert!(out.ends_with("وقال الوزير اليوم."), "{out}");
        let text = format!("{AR} وقال الوزير the government will not accept this deal اليوم.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ar")).is_empty());

        let text = format!("{RU} Он добавил, thq tklx wrrq gqing wlkk. Потом ушел.");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].range.clone()], "thq tklx wrrq gqing wlkk.");
        assert_eq!(d[0].message, "run of 5 Latin words in Cyrillic text");
        let out = fixed(&ForeignScriptRun, &text, Some("ru"));
        assert!(out.ends_with("Он добавил, Потом ушел."), "{out}");
    }

    #[test]
    fn code_in_the_text_is_no_foreign_run() {
        // Identifiers, options, placeholders and paths of software
        // translations are code, not Latin words.
        let text = format!(
            "{RU} Задайте cfi_personality_id, --input-file-name или \
             system/proxy/socks, а затем %s pam_set_item."
        );
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
        // A hyphenated name is one word, not a run of three.
        let text = format!("{RU} Запустите gpg-check-pattern, а затем.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
        // The same letters as words are English words (`wrong-language`'s),
        // and garble of that shape is a run.
        let text = format!("{RU} Задайте cfi personality id input file name, а затем.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
        let text = format!("{RU} Задайте cfq prsnlwtq id inpqt fqle nmwe, а затем.");
        assert_eq!(
            flagged_in(&ForeignScriptRun, &text, Some("ru")),
            ["cfq prsnlwtq id inpqt fqle nmwe"]
        );
    }

    #[test]
    fn technical_tokens_titles_and_slogans_are_no_garble() {
        for (text, lang) in [
            (
                format!("{AR}\nحمل الملف report_final.pdf وافتح page.html#section7 بعدها"),
                "ar",
            ),
            (format!("{AR}\nالصيغ المدعومة mp4, avi, mkv, flv فقط"), "ar"),
            (format!("{AR}\nحول الفيديو الى webm او mov قبل الرفع"), "ar"),
            (
                format!("{RU}\nФайлы mp4, avi, mkv, flv не открываются."),
                "ru",
            ),
            (
                format!("{RU}\nОткрой docs/setup.html#install и читай."),
                "ru",
            ),
            (
                format!("{AR}\nسمعت اغنية we will rock you امبارح مع اصحابي"),
                "ar",
            ),
            (format!("{AR}\nشغلي أغنية Bohemian Rhapsody من فضلك"), "ar"),
            (
                format!("{RU}\nУ них был девиз \"Not afraid to change\" и все."),
                "ru",
            ),
            (
                format!("{RU}\nслоган у них был think outside the box"),
                "ru",
            ),
        ] {
            let f = flagged_in(&ForeignScriptRun, &text, Some(lang));
            assert!(f.is_empty(), "{text}: {f:?}");
        }
        // Garble in the same places is still an error.
        for (text, lang, run) in [
            (
                format!("{AR}\nسمعت اغنية xqzt vrkpl wmnxq bzzrt امبارح"),
                "ar",
                "xqzt vrkpl wmnxq bzzrt",
            ),
            (
                format!("{RU}\nФайлы mp4, xqzt vrkpl wmnxq не открываются."),
                "ru",
                "mp4, xqzt vrkpl wmnxq",
            ),
        ] {
            let d = diagnostics(&ForeignScriptRun, &text, Some(lang));
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            assert_eq!(&text[d[0].range.clone()], run);
            assert_eq!(d[0].severity, None);
        }
    }

    #[test]
    fn the_words_beside_a_run_are_not_part_of_it() {
        // A word of the document's script with Latin glued to it ends the
        // run: deleting the run keeps it.
        let text = format!("{AR}\nقال xqzt vrkpl wmnxq بالـHD bzzrt kkvvq qxxw اليوم");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ar"));
        let runs: Vec<&str> = d.iter().map(|d| &text[d.range.clone()]).collect();
        assert_eq!(runs, ["xqzt vrkpl wmnxq", "bzzrt kkvvq qxxw"], "{d:?}");
        let out = fixed(&ForeignScriptRun, &text, Some("ar"));
        assert!(out.ends_with("قال بالـHD اليوم"), "{out}");
    }

    #[test]
    fn a_short_complete_sentence_is_info() {
        // Garble shaped as a sentence (a real French one is
        // `wrong-language`'s, which keeps the same info level).
        let text = format!("{RU}\nXqzt vrkpl wmnxq bzzrt kkvvq.\n{RU}");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
        let text = format!("{RU}\nxqzt vrkpl wmnxq bzzrt kkvvq\n{RU}");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d[0].severity, None);
    }

    #[test]
    fn two_long_lowercase_words_are_a_warning() {
        let text = format!("{AR} تعتمد على tnsrqw nqtwrkz في التدريب.");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Warning));
        // Two words of English are a term left untranslated, not garble.
        let text = format!("{AR} تعتمد على tensor networks في التدريب.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ar")).is_empty());
    }

    #[test]
    fn names_quotes_glosses_and_short_runs_stay_quiet() {
        for tail in [
            "ذكرت صحيفة New York Times أن الرئيس Donald Trump التقى NATO وRT بشأن COVID-19.",
            "أفادت مؤسسة معهد دراسة الحرب (Institute for the Study of War) الأمريكية.",
            "حصل على جائزة Ballon d'Or ولقب Abu Bakr al Baghdadi وكتاب The Power of Now.",
            "غنى أغنية «I Love it» ثم \"the end of the world\" في الحفل.",
            "تابعونا على @enkhee0369 و#Kursk و https://example.com/the/path/of/the/file",
            "قال I Love it ثم Global citizen ثم seg id ثم Canada plus plus.",
        ] {
            let text = format!("{AR} {tail}");
            let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
            assert!(f.is_empty(), "{tail}: {f:?}");
        }
        let text =
            format!("{RU} Организаторы Global citizen и клиники Brigham and Women's Hospital.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
    }

    #[test]
    fn bilingual_and_single_script_documents_stay_quiet() {
        let text = "The minister said the talks were going well and would continue.\nقال الوزير إن المحادثات تسير بشكل جيد وستستمر.";
        assert!(flagged(&ForeignScriptRun, text).is_empty());
        assert!(flagged(&ForeignScriptRun, RU).is_empty());
        assert!(flagged(&ForeignScriptRun, AR).is_empty());
        assert!(flagged(&ForeignScriptRun, "").is_empty());
    }

    #[test]
    fn runs_stop_at_line_breaks() {
        let text = format!("{AR}\nxqzt vrkpl wmnxq bzzrt\nkkvvq zzpt qxxw vvrk\n{AR}");
        let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(f, vec!["xqzt vrkpl wmnxq bzzrt", "kkvvq zzpt qxxw vvrk"]);
    }

    #[test]
    fn uncased_scripts_need_four_words() {
        let en = "The minister said on Thursday that the government would continue to work with international partners to ensure stability in the region and to strengthen economic cooperation between the two countries in the coming years.";
        let f = flagged_in(
            &ForeignScriptRun,
            &format!("{en} He wrote محمد بن سلمان there."),
            Some("en"),
        );
        assert!(f.is_empty(), "{f:?}");
        // Four Arabic words that are no identifiable Arabic (real Arabic is
        // `wrong-language`'s).
        let f = flagged_in(
            &ForeignScriptRun,
            &format!("{en} He wrote ضصث قفغ عهخ حجد there."),
            Some("en"),
        );
        assert_eq!(f, vec!["ضصث قفغ عهخ حجد"]);
    }
}
