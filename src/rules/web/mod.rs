//! Web page residue copied along with an article: embedded social-media posts
//! (`social-embed`) and page furniture such as "read also" links and ad labels
//! (`boilerplate`).
//!
//! Both rules work on lines, since scraping leaves residue as lines of its
//! own or as line tails; neither ever flags a phrase inside running prose.

mod boilerplate;
mod social_embed;
pub use boilerplate::Boilerplate;
pub use social_embed::SocialEmbed;

use std::ops::Range;

use crate::text::Document;

/// The bytes of line `l` with its line break, for deleting the whole line.
/// The last line has no break of its own: its content alone is deleted.
fn line_with_break(doc: &Document, l: usize) -> Range<usize> {
    let r = doc.lines.line_range(l);
    if l + 1 < doc.lines.len() {
        r.start..doc.lines.line_range(l + 1).start
    } else {
        r
    }
}

/// The bytes of `range` without leading and trailing white space.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::Applicability;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};
    use crate::rules::Rule;

    #[test]
    fn embed_links_are_flagged_with_the_space_before() {
        let text = "We will win. pic.twitter.com/AbC123\nNext line.";
        assert_eq!(flagged(&SocialEmbed, text), ["pic.twitter.com/AbC123"]);
        assert_eq!(fixed(&SocialEmbed, text, None), "We will win.\nNext line.");
        let ar = "وقال إن القوات تتقدم. https://t.co/xYz987\nسطر";
        assert_eq!(flagged(&SocialEmbed, ar), ["https://t.co/xYz987"]);
        let status = "Il a écrit https://x.com/jdoe/status/1234567890 hier";
        assert_eq!(
            flagged_in(&SocialEmbed, status, Some("fr")),
            ["https://x.com/jdoe/status/1234567890"]
        );
        assert_eq!(fixed(&SocialEmbed, status, Some("fr")), "Il a écrit hier");
        let d = diagnostics(&SocialEmbed, text, None);
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
    }

    #[test]
    fn a_link_alone_on_its_line_takes_the_line() {
        let text = "Первая строка.\npic.twitter.com/ry1yyiqzki\nВторая.";
        assert_eq!(fixed(&SocialEmbed, text, None), "Первая строка.\nВторая.");
    }

    #[test]
    fn ordinary_links_are_quiet() {
        for text in [
            "See https://twitter.com/jdoe for more.",
            "Source: https://www.reuters.com/world/europe/status/123",
            "Visit example.com/t.co today",
            "زوروا موقع aljazeera.net للمزيد",
            "Подробнее на https://tass.ru/politika/1234",
        ] {
            assert!(flagged(&SocialEmbed, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn attribution_lines_in_many_languages() {
        for line in [
            "– энхэhy (@enkhee0369) 13 مارس 2025",
            "– إيفان العظيم 🙋 (profpreobrajen) 12 مارس 2025",
            "— Donald J. Trump (@realDonaldTrump) December 4, 2016",
            "- Jane (@jane_d) Dec. 4, 2016",
            "— وزارة الدفاع (@mod_sy) ١٢ آذار ٢٠٢٥",
            "— محمد (@m) 3 تشرين الأول 2024",
            "— Emmanuel Macron (@EmmanuelMacron) 14 juillet 2023",
            "— Дмитрий (@dmitry) 13 марта 2025 г.",
            "— Olaf (@olaf) 3. März 2024",
            "— Pedro (@pedro) 12 de marzo de 2025",
            "— علی (@ali) ۱۲ مارس ۲۰۲۵",
            "— Ahmet (@ahmet) 12 Şubat 2025",
        ] {
            let text = format!("Texte avant.\n{line}\nTexte après.");
            assert_eq!(flagged(&SocialEmbed, &text), [line], "{line}");
            assert_eq!(
                fixed(&SocialEmbed, &text, None),
                "Texte avant.\nTexte après.",
                "{line}"
            );
        }
    }

    #[test]
    fn dash_lines_that_are_not_attributions_are_quiet() {
        for text in [
            "- وزارة الدفاع (روسيا) أعلنت في 12 مارس 2025 أن القوات تقدمت",
            "— John Smith (Reuters) said on March 4, 2016 that talks failed.",
            "– Paris (AFP) 12 mars 2025, le président a déclaré",
            "- John (@john) is here",
            "Jane Doe (@janedoe) December 4, 2016",
            "— 12 мая 2024 года (@x)",
        ] {
            assert!(flagged(&SocialEmbed, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn seed_like_embed_block() {
        let text = "وأضاف.\nтекст поста. pic.twitter.com/ry1yyiqzki\n– энхэhy (@enkhee0369) 13 مارس 2025\n– إيفان العظيم 🙋 (profpreobrajen) 12 مارس 2025\nفي سياق ذي صلة.";
        assert_eq!(flagged(&SocialEmbed, text).len(), 3);
        assert_eq!(
            fixed(&SocialEmbed, text, None),
            "وأضاف.\nтекст поста.\nفي سياق ذي صلة."
        );
    }

    #[test]
    fn whole_furniture_lines() {
        let text = "وأضاف أن الجنود إرهابيون.\nعرض الأخبار ذات الصلة\nتلقى بوتين معلومات.";
        assert_eq!(flagged(&Boilerplate, text), ["عرض الأخبار ذات الصلة"]);
        assert_eq!(
            fixed(&Boilerplate, text, None),
            "وأضاف أن الجنود إرهابيون.\nتلقى بوتين معلومات."
        );
        for line in [
            "اقرأ أيضاً:",
            "إقرأ ايضا",
            "اقـرأ أيضًا …",
            "• شاهد أيضا",
            "تابعونا على",
            "| Advertisement |",
            "READ MORE »",
            "[Advertisement]",
            "Share this article",
            "Sign up for our newsletter",
            "À lire aussi",
            "Publicité",
            "ЧИТАЙТЕ ТАКЖЕ:",
            "Реклама",
            "Подписывайтесь на наш канал",
            "Lesen Sie auch",
            "Lee también:",
            "بیشتر بخوانید:",
            "İlgili haberler",
        ] {
            let text = format!("Line one.\n{line}\nLine two.");
            assert_eq!(flagged(&Boilerplate, &text), [line], "{line}");
        }
    }

    #[test]
    fn lead_phrases_with_a_headline() {
        let text = "Первый абзац.\nЧитайте также: Путин посетил Курск\nВторой абзац.";
        assert_eq!(
            flagged(&Boilerplate, text),
            ["Читайте также: Путин посетил Курск"]
        );
        assert_eq!(
            fixed(&Boilerplate, text, None),
            "Первый абзац.\nВторой абзац."
        );
        let ar = "اقرأ أيضاً: بوتين يزور كورسك وسط مفاوضات\nنص.";
        assert_eq!(flagged(&Boilerplate, ar).len(), 1);
        let fr = "Lire aussi | Le président en visite à Koursk";
        assert_eq!(flagged_in(&Boilerplate, fr, Some("fr")).len(), 1);
    }

    #[test]
    fn tails_after_a_sentence_end() {
        let text = "The talks resumed on Monday. Read more\nNext.";
        assert_eq!(flagged(&Boilerplate, text), ["Read more"]);
        assert_eq!(
            fixed(&Boilerplate, text, None),
            "The talks resumed on Monday.\nNext."
        );
        let ar = "وقال بوتين إن القوات تتقدم. اقرأ أيضا:";
        assert_eq!(flagged(&Boilerplate, ar), ["اقرأ أيضا:"]);
        assert_eq!(fixed(&Boilerplate, ar, None), "وقال بوتين إن القوات تتقدم.");
        let ru = "Переговоры продолжились «в понедельник». Читайте также";
        assert_eq!(flagged(&Boilerplate, ru), ["Читайте также"]);
    }

    #[test]
    fn calls_to_action_on_no_list_are_furniture() {
        for line in [
            "اضغط هنا للمزيد",
            "وتابعوا قناتنا على يوتيوب",
            "👈 لقراءة التقرير كاملا اضغط هنا",
            "Tap to read the full story",
            "» Download our free app",
            "Find out more.",
            "Suivez notre direct",
            "Abonnez-vous à notre chaîne YouTube",
            "Скачайте наше приложение",
            "Жмите на фото, чтобы увеличить",
            "Folgen Sie uns auf Mastodon",
            "Síguenos en Instagram",
            "ما را در اینستاگرام دنبال کنید",
            "Bizi Instagram'da takip edin",
        ] {
            let text = format!("The talks resumed on Monday.\n{line}\nBoth sides agreed.");
            let f = flagged(&Boilerplate, &text);
            assert_eq!(f, [line], "{line}");
        }
        // Imperatives inside prose, long lines, questions and quotations
        // are the text's own.
        for line in [
            "Read the label carefully before you take the medicine, doctors say.",
            "Watch out, he shouted. The car stopped.",
            "Share prices fell sharply on Monday",
            "Смотрите, сказал он.",
            "«Читайте больше книг», — советует учитель.",
            "Suivez-vous l'actualité?",
            "تابع الوزير حديثه قائلا إن المفاوضات مستمرة منذ أسابيع طويلة",
            "شاهد عيان قال إن الانفجار وقع ليلا.",
        ] {
            let text = format!("The talks resumed on Monday.\n{line}\nBoth sides agreed.");
            assert!(flagged(&Boilerplate, &text).is_empty(), "{line}");
        }
    }

    #[test]
    fn buttons_and_links_of_a_page_are_furniture() {
        // Infinitives, verbal nouns and navigation, as the translators of
        // web software write them.
        for line in [
            "عرض الكل",
            "تسجيل الدخول",
            "عد إلى الأعلى",
            "أكمل القراءة",
            "Show more results",
            "Skip to content",
            "Back to top",
            "Keep reading",
            "Afficher le commentaire",
            "Se connecter",
            "Aller au contenu",
            "Поделиться в Telegram",
            "Показать все",
            "Перейти к содержанию",
        ] {
            let text = format!("The talks resumed on Monday.\n{line}\nBoth sides agreed.");
            assert_eq!(flagged(&Boilerplate, &text), [line], "{line}");
        }
        // The same words as prose: a verbal noun before a word that is not
        // a page's, a headline, one word alone, an instruction before a colon.
        for line in [
            "عرض عسكري في العاصمة",
            "تسجيل إصابات جديدة بالفيروس",
            "عودة إلى المفاوضات",
            "Back to school",
            "Show business",
            "Send",
            "Save the token for the default registry:",
        ] {
            let text = format!("The talks resumed on Monday.\n{line}\nBoth sides agreed.");
            assert!(flagged(&Boilerplate, &text).is_empty(), "{line}");
        }
    }

    #[test]
    fn a_call_to_action_in_markup_or_a_catalogue_is_the_content() {
        let text = "The talks resumed on Monday.\nShow more results\nBoth sides agreed.";
        for (file_lines, units) in [(vec![1, 2, 3], vec![]), (vec![], vec![0..28, 29..46])] {
            let mut doc = Document::new(text, None);
            doc.file_lines = file_lines;
            doc.units = units;
            let mut out = Vec::new();
            Boilerplate.check(&doc, &mut out);
            assert!(out.is_empty(), "{out:?}");
        }
    }

    #[test]
    fn running_prose_is_quiet() {
        for text in [
            "I'd like to read more about it.",
            "Read more books, the teacher said, and you will learn.",
            "He said it. read more",
            "The company spent millions on advertisement campaigns.",
            "Advertisement revenue fell by 3% in the quarter.",
            "Read more: the minister said the talks were over. Both sides agreed to meet again in May.",
            "وقال إنه يريد أن يقرأ أيضا الكتب القديمة.",
            "أعلنت الوزارة عن إعلان جديد للوظائف.",
            "اضغط هنا قالها المذيع مازحا.",
            "Il faut lire aussi les petites lignes du contrat.",
            "Реклама на телевидении дорожает.",
            "Он попросил читать также и газеты.",
            "Voir aussi les annexes du rapport, qui précisent les montants.",
        ] {
            assert!(flagged(&Boilerplate, text).is_empty(), "{text}");
        }
    }
}
