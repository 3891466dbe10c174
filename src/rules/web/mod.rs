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
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use regex::Regex;

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Rule, RuleMeta};
use crate::text::{Document, TokenKind};

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

// ---------------------------------------------------------------------------
// social-embed
// ---------------------------------------------------------------------------

/// Month names of the dates that embedded posts print, in every language the
/// attribution line is recognised in. Matched case-insensitively; a trailing
/// `.` after an abbreviation is allowed by the pattern.
const MONTHS: &[&str] = &[
    // Arabic: Egyptian/Gulf series, Levantine/Iraqi series, Maghreb series.
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "أغسطس",
    "اغسطس",
    "سبتمبر",
    "أكتوبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون الثاني",
    "شباط",
    "آذار",
    "اذار",
    "نيسان",
    "أيار",
    "ايار",
    "حزيران",
    "تموز",
    "آب",
    "اب",
    "أيلول",
    "ايلول",
    "تشرين الأول",
    "تشرين الاول",
    "تشرين الثاني",
    "كانون الأول",
    "كانون الاول",
    "جانفي",
    "فيفري",
    "أفريل",
    "افريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "اوت",
    "يوليوز",
    "غشت",
    "شتنبر",
    "نونبر",
    "دجنبر",
    // English, with the abbreviations embeds use.
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    // French.
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    // Russian, genitive as in dates.
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    // German.
    "Januar",
    "Jänner",
    "Februar",
    "März",
    "Maerz",
    "Juni",
    "Juli",
    "Oktober",
    "Dezember",
    // Spanish.
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    // Persian: Gregorian months as Persian writes them, then the solar months.
    "ژانویه",
    "فوریه",
    "آوریل",
    "مه",
    "می",
    "ژوئن",
    "ژوئیه",
    "ژوییه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
    // Turkish.
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
];

/// Links that only an embedded post leaves behind: tweet image and short
/// links, tweet permalinks, Instagram post links. Matched on `Url` tokens.
static EMBED_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:https?://)?(?:",
        r"(?:pic\.twitter\.com|pic\.x\.com|t\.co)/[A-Za-z0-9]+",
        r"|(?:www\.|mobile\.)?(?:twitter|x)\.com/[A-Za-z0-9_]{1,30}/status(?:es)?/[0-9]+",
        r"|(?:www\.)?instagram\.com/(?:p|reel|tv)/[A-Za-z0-9_-]+",
        r")",
    ))
    .expect("valid embed URL regex")
});

/// The attribution line under an embedded post:
/// `— Name (@handle) December 4, 2016`, `– اسم (handle) 12 مارس 2025`.
/// A dash, a name, a handle in parentheses (the `@` is optional: some sites
/// drop it), a date in any digit system, and nothing else.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let mut months: Vec<&str> = MONTHS.to_vec();
    // Longest first, so that `Sept` is tried before `Sep`.
    months.sort_by_key(|m| std::cmp::Reverse(m.len()));
    let months = months
        .iter()
        .map(|m| regex::escape(m))
        .collect::<Vec<_>>()
        .join("|");
    let d = "[0-9٠-٩۰-۹]";
    let sp = r"[\s\p{Cf}]";
    let pattern = format!(
        concat!(
            r"(?i)^{sp}*[-–—―‒]{sp}*[^()\s][^()]{{0,79}}?{sp}*\(@?[A-Za-z0-9_]{{1,30}}\){sp}*",
            r"(?:{d}{{1,2}}\.?{sp}+(?:de{sp}+)?(?:{m})\.?[,،]?{sp}+(?:de{sp}+)?{d}{{4}}",
            r"|(?:{m})\.?{sp}+{d}{{1,2}}[,،]?{sp}+{d}{{4}})",
            r"(?:{sp}*(?:г\.?|م|هـ))?{sp}*$",
        ),
        sp = sp,
        d = d,
        m = months
    );
    Regex::new(&pattern).expect("valid attribution regex")
});

/// Whether the trimmed line starts with a dash, the cheap test before the regex.
fn starts_with_dash(line: &str) -> bool {
    line.trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .starts_with(['-', '–', '—', '―', '‒'])
}

// ---------------------------------------------------------------------------
// boilerplate
// ---------------------------------------------------------------------------

/// The phrase lists, one per language, in `data/boilerplate/`.
const PHRASE_FILES: &[(&str, &str)] = &[
    (
        "ar",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/ar.txt"
        )),
    ),
    (
        "en",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/en.txt"
        )),
    ),
    (
        "fr",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/fr.txt"
        )),
    ),
    (
        "ru",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/ru.txt"
        )),
    ),
    (
        "de",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/de.txt"
        )),
    ),
    (
        "es",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/es.txt"
        )),
    ),
    (
        "fa",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/fa.txt"
        )),
    ),
    (
        "tr",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/tr.txt"
        )),
    ),
];

/// Every phrase, normalised, in one automaton.
struct Phrases {
    automaton: AhoCorasick,
    /// The longest normalised phrase, in characters: no candidate is longer.
    max_chars: usize,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut map = Vec::new();
    for (_, file) in PHRASE_FILES {
        for line in file.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut norm = String::new();
            normalize_into(line, 0, &mut norm, &mut map);
            patterns.push(norm);
        }
    }
    let max_chars = patterns
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0);
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(&patterns)
        .expect("valid boilerplate automaton");
    Phrases {
        automaton,
        max_chars,
    }
});

/// Appends the matching form of `s` to `out`: lowercase, Arabic diacritics,
/// tatweel and joiners dropped, alef/yeh/teh marbuta/kaf variants folded,
/// `ё` as `е`, curly apostrophes straight, white space collapsed. `map` gets
/// the byte offset in the original text (`s` starts at `base`) of the
/// character each output byte comes from.
fn normalize_into(s: &str, base: usize, out: &mut String, map: &mut Vec<usize>) {
    for (i, c) in s.char_indices() {
        let at = base + i;
        let c = match c {
            c if crate::text::normalize::is_arabic_mark(c) => continue,
            '\u{200C}'..='\u{200F}' | '\u{061C}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ی' => 'ي',
            'ة' => 'ه',
            'ک' => 'ك',
            'ё' | 'Ё' => 'е',
            '’' | '‘' | 'ʼ' => '\'',
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                    map.push(at);
                }
                continue;
            }
            c => c,
        };
        for lc in c.to_lowercase() {
            out.push(lc);
            map.extend(std::iter::repeat_n(at, lc.len_utf8()));
        }
    }
}

/// Characters that decorate a furniture line around the phrase: bullets,
/// pipes, arrows, colons, ellipses, brackets, pointing emoji.
fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ':' | '：'
                | '…'
                | '.'
                | '»'
                | '«'
                | '›'
                | '‹'
                | '>'
                | '<'
                | '|'
                | '¦'
                | '•'
                | '·'
                | '●'
                | '▪'
                | '■'
                | '►'
                | '▶'
                | '◄'
                | '◀'
                | '-'
                | '–'
                | '—'
                | '*'
                | '['
                | ']'
                | '('
                | ')'
                | '"'
                | '“'
                | '”'
                | '='
                | '~'
                | '←'
                | '→'
                | '⬅'
                | '⬇'
                | '👇'
                | '👈'
                | '👉'
                | '🔻'
                | '🔗'
                | '📌'
        )
        || c.is_control()
        || ('\u{200B}'..='\u{200F}').contains(&c)
}

/// Separators between a leading phrase and the headline it links to.
fn is_lead_separator(c: char) -> bool {
    matches!(
        c,
        ':' | '：' | '|' | '»' | '›' | '>' | '-' | '–' | '—' | '←' | '→'
    )
}

/// Ends of sentences, after which a line tail may be furniture.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '。' | '۔')
}

/// Closing quotes and brackets that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '’' | '\'' | ')' | ']' | '›')
}

/// Reused buffers for normalising candidates.
#[derive(Default)]
struct Scratch {
    norm: String,
    map: Vec<usize>,
}

impl Scratch {
    /// Normalises `text[range]`; returns the end of the longest phrase that
    /// starts the candidate (in normalised bytes) and the normalised length.
    fn phrase_at_start(&mut self, text: &str, range: Range<usize>) -> Option<(usize, usize)> {
        self.norm.clear();
        self.map.clear();
        normalize_into(
            &text[range.clone()],
            range.start,
            &mut self.norm,
            &mut self.map,
        );
        self.map.push(range.end);
        let input = Input::new(&self.norm).anchored(Anchored::Yes);
        let m = PHRASES.automaton.find(input)?;
        Some((m.end(), self.norm.len()))
    }
}

/// How a phrase sits on its line.
enum Placement {
    /// The phrase is the whole line.
    Whole,
    /// The phrase leads the line, then a separator and a short headline.
    Lead,
}

/// Whether the line core `core` is a phrase, or starts with one followed by
/// a separator and a short headline.
fn whole_or_lead(
    doc: &Document,
    scratch: &mut Scratch,
    core: Range<usize>,
    max_chars: usize,
) -> Option<Placement> {
    let text = doc.text;
    // Only the head of a long line can hold the phrase: normalise that much.
    let head_end = text[core.clone()]
        .char_indices()
        .nth(max_chars + 2)
        .map_or(core.end, |(i, _)| core.start + i);
    let (end, len) = scratch.phrase_at_start(text, core.start..head_end)?;
    if end == len && head_end == core.end {
        return Some(Placement::Whole);
    }
    // A separator must follow the phrase; a dash only after a space, since
    // `Поделиться-то` is one word.
    let after = scratch.map[end];
    let rest = &text[after..core.end];
    let trimmed = rest.trim_start();
    let sep = trimmed.chars().next().filter(|&c| is_lead_separator(c))?;
    if trimmed.len() == rest.len() && !matches!(sep, ':' | '：' | '»' | '|') {
        return None;
    }
    let headline = &trimmed[sep.len_utf8()..];
    let words = headline.split_whitespace().count();
    // A headline is short and holds no sentence end followed by more text.
    let sentence_inside = headline
        .trim_end()
        .char_indices()
        .any(|(i, c)| is_sentence_end(c) && headline[i + c.len_utf8()..].starts_with(' '));
    ((1..=20).contains(&words) && !sentence_inside).then_some(Placement::Lead)
}

/// A phrase ending the line core after a sentence end: returns where the fix
/// starts (right after the sentence end and its closers) and where the phrase
/// starts.
fn tail(
    text: &str,
    scratch: &mut Scratch,
    core: Range<usize>,
    max_chars: usize,
) -> Option<(usize, usize)> {
    let s = &text[core.clone()];
    // Candidates start after white space that follows a sentence end, within
    // the last `max_chars` characters.
    for (i, c) in s.char_indices().rev().take(max_chars + 1) {
        if !c.is_whitespace() {
            continue;
        }
        let before = s[..i].trim_end();
        let ends = before.trim_end_matches(is_closer);
        if !ends.chars().next_back().is_some_and(is_sentence_end) {
            continue;
        }
        let start = core.start + i + c.len_utf8();
        let start =
            start + (text[start..core.end].len() - text[start..core.end].trim_start().len());
        let first = text[start..].chars().next()?;
        if first.is_lowercase() {
            continue;
        }
        if let Some((end, len)) = scratch.phrase_at_start(text, start..core.end) {
            if end == len {
                return Some((core.start + before.len(), start));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

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

    #[test]
    fn normalisation_folds_variants() {
        let mut out = String::new();
        let mut map = Vec::new();
        normalize_into("إقـرأ  أيضاً Ё", 0, &mut out, &mut map);
        assert_eq!(out, "اقرا ايضا е");
        assert_eq!(map.len(), out.len());
    }
}
