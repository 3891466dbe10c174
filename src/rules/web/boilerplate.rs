//! `boilerplate`: page furniture left in the text: "read also" links, ad labels, share and follow prompts. Its documentation is the
//! `explanation` below, which `mtlint explain boilerplate` prints.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::Document;

use super::{line_with_break, trim_range};

/// `boilerplate`: page furniture left in the text.
pub struct Boilerplate;

static BOILERPLATE: RuleMeta = RuleMeta {
    id: "boilerplate",
    severity: Severity::Warning,
    harm: Harm::Residue,
    summary:
        "Page furniture left in the text: \"read also\" links, ad labels, share and follow prompts",
    explanation: r#"## What it does
Flags the words a news page prints around an article — `اقرأ أيضاً`,
`عرض الأخبار ذات الصلة`, `تابعونا على …`, `Read more`, `Advertisement`,
`Lire aussi`, `Читайте также`, `Подписывайтесь на наш канал` and a few
hundred more in Arabic, English, French, Russian, German, Spanish, Persian
and Turkish — when they are left in the text:

- as a whole line, possibly decorated with bullets, pipes, arrows, brackets,
  a trailing `:` or `…` (`| Advertisement |`, `اقرأ أيضاً:`);
- leading a line, followed by a separator (`:`, `|`, `»`, a dash) and a short
  headline: `Lire aussi : Le président en visite à Koursk`;
- at the end of a line, after a sentence end: `… on Monday. Read more`.

Matching ignores letter case, Arabic diacritics and tatweel, hamza/alef
variants (`اقرأ أيضاً` = `إقرأ ايضا`), and `ё`/`е`. The phrases live in
`data/boilerplate/{ar,en,fr,ru,de,es,fa,tr}.txt`.

Furniture that no list holds is found in plain text by what it is: a call
to action, a short line on its own (two to eight words, four at most when it
ends with a full stop) opened by an imperative to read, watch, click, tap,
share, follow, subscribe, join, download or listen in any of those languages
(`اضغط هنا للمزيد`, `تابعوا قناتنا على يوتيوب`, `Tap to read the full
story`, `Suivez notre direct`, `Скачайте наше приложение`), or by a button or
link of a page: show more, skip or go to, back to top, keep reading, sign in,
with the infinitives and verbal nouns that interfaces use (`Afficher le
commentaire`, `Показать все`, `عرض الكل`, `تسجيل الدخول`). No sentence may be
around it: no sentence end followed by more text, no question, no quotation,
no colon at the end (`Save the token:` introduces what follows).

## Why is this bad?
Scraped or copy-pasted articles carry the page's navigation with them. A
"related news" link in the middle of an article breaks the text, and after
machine translation it reads as a sentence that means nothing.

## Example
```text
وأضاف أن الجنود هم إرهابيون.
عرض الأخبار ذات الصلة
تلقى بوتين معلومات حول الوضع.
```
becomes
```text
وأضاف أن الجنود هم إرهابيون.
تلقى بوتين معلومات حول الوضع.
```
and `The talks resumed on Monday. Read more` becomes
`The talks resumed on Monday.`

## Fix safety
Unsafe: the fix deletes the line with its line break, or the tail after the
sentence end. A phrase can be a real part of the text (a heading called
"Advertisement" in an article about advertising), so a person should look.

## Limits
A phrase inside running prose is never flagged (`I'd like to read more about
it`), nor one that does not follow a sentence end. The headline under a
lone `اقرأ أيضاً:` line is on a line of its own and is not flagged. A tail
in a cased script must start with a capital letter. Furniture that is
neither on the lists nor opened by an imperative (`Related: …` in a
language without a list, a bare headline of another article) is not found:
add it to the data files. A short imperative line of the text itself (a
step of instructions, `Read the label`) is taken for furniture. A call to
action alone on its line is looked for in plain text only: in HTML and
Markdown the page's own buttons are in their place, and in catalogues and
subtitles a short imperative is what the entry says. One word alone
(`Subscribe`, `Войти`) is as often a heading or a name, and is not flagged.
"#,
};

impl Rule for Boilerplate {
    fn meta(&self) -> &'static RuleMeta {
        &BOILERPLATE
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        let max_chars = PHRASES.max_chars;
        let mut scratch = Scratch::default();
        for l in 0..doc.lines.len() {
            let line = doc.lines.line_range(l);
            let s = &text[line.clone()];
            let core_start = line.start + (s.len() - s.trim_start_matches(is_decoration).len());
            let core_end = line.end - (s.len() - s.trim_end_matches(is_decoration).len());
            if core_start >= core_end {
                continue;
            }
            let flagged = trim_range(text, line.clone());
            if let Some(d) = whole_or_lead(doc, &mut scratch, core_start..core_end, max_chars) {
                let d = match d {
                    Placement::Whole => {
                        Diagnostic::new(flagged, "page furniture left in the text").confidence(0.9)
                    }
                    Placement::Lead => {
                        Diagnostic::new(flagged, "link to another article left in the text")
                            .confidence(0.8)
                    }
                };
                out.push(d.fix(line_with_break(doc, l), "", Applicability::Unsafe));
                continue;
            }
            if let Some((cut, start)) = tail(text, &mut scratch, core_start..core_end, max_chars) {
                out.push(
                    Diagnostic::new(start..flagged.end, "page furniture after the last sentence")
                        .confidence(0.8)
                        .fix(cut..flagged.end, "", Applicability::Unsafe),
                );
                continue;
            }
            // Only in plain text, where articles are pasted with their page:
            // in HTML the page's own buttons are in their place, in a
            // catalogue or subtitles a short imperative is the content.
            if doc.units.is_empty()
                && doc.file_lines.is_empty()
                && call_to_action(s.trim(), &text[core_start..core_end], &mut scratch)
            {
                out.push(
                    Diagnostic::new(flagged, "call to action left in the text (page furniture)")
                        .confidence(0.7)
                        .fix(line_with_break(doc, l), "", Applicability::Unsafe),
                );
            }
        }
    }
}

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
        // Most letters (Arabic, lowercase) stay as they are: no case table.
        if crate::text::case::lowercases_to_itself(c) {
            out.push(c);
            map.extend(std::iter::repeat_n(at, c.len_utf8()));
            continue;
        }
        for lc in c.to_lowercase() {
            out.push(lc);
            map.extend(std::iter::repeat_n(at, lc.len_utf8()));
        }
    }
}

/// Imperatives that open a call to action, in every language of the phrase
/// lists: read, watch, click, tap or press, share, follow, subscribe, sign
/// up or join, download, listen, see, visit or discover; and Arabic `ل` with
/// the verbal noun (`لقراءة`, `للاشتراك`: "to read", "to subscribe").
/// Matched as whole words after normalisation (see [`normalize_into`]),
/// an Arabic `و` or `ف` before them stripped.
#[rustfmt::skip]
const IMPERATIVES: &[&str] = &[
    // Arabic
    "اقرأ", "اقرأوا", "اقرئي", "طالع", "طالعوا", "شاهد", "شاهدوا", "شاهدي", "اضغط", "اضغطوا",
    "اضغطي", "انقر", "انقروا", "انقري", "شارك", "شاركوا", "شاركي", "شاركونا", "تابع", "تابعوا",
    "تابعي", "تابعونا", "تابعنا", "اشترك", "اشتركوا", "اشتركي", "حمل", "حملوا", "نزل", "استمع",
    "استمعوا", "اطلع", "اطلعوا", "زوروا", "زر", "انضم", "انضموا", "اكتشف", "اكتشفوا", "تعرف",
    "تعرفوا", "للمزيد", "لمزيد", "لقراءة", "لمشاهدة", "للاشتراك", "للمتابعة", "لمتابعة",
    "للتحميل", "لتحميل", "للاطلاع", "للاستماع",
    // English
    "read", "watch", "click", "tap", "press", "share", "follow", "subscribe", "join",
    "download", "listen", "view", "visit", "swipe", "see", "discover", "explore", "sign",
    "check", "like", "learn", "find", "get",
    // the buttons and links of a page: show more, skip or go to, keep or
    // continue reading, back to top, send, pin, save
    "show", "skip", "go", "keep", "continue", "back", "send", "pin", "save",
    // French
    "lire", "lisez", "lis", "regardez", "regarder", "regarde", "cliquez", "cliquer", "clique",
    "appuyez", "partagez", "partager", "partage", "suivez", "suivez-nous", "suivre",
    "abonnez-vous", "abonne-toi", "inscrivez-vous", "téléchargez", "télécharger", "écoutez",
    "écouter", "voir", "voyez", "découvrez", "découvrir", "rejoignez", "rejoignez-nous",
    "retrouvez", "retrouvez-nous", "visitez", "consultez",
    // the infinitive of buttons and links (`Afficher le commentaire`)
    "afficher", "affichez", "continuer", "continuez", "poursuivre", "retour", "retourner",
    "revenir", "aller", "allez", "envoyer", "envoyez", "enregistrer", "rejoindre", "consulter",
    "s'inscrire", "s'abonner", "s'identifier",
    // Russian
    "читайте", "читай", "прочитайте", "прочтите", "прочти", "читать", "смотрите", "смотри",
    "посмотрите", "смотреть", "нажмите", "нажми", "жмите", "кликните", "кликни", "поделитесь",
    "делитесь", "подписывайтесь", "подпишитесь", "подпишись", "подписаться", "следите",
    "скачайте", "скачать", "слушайте", "послушайте", "слушать", "переходите", "перейдите",
    "присоединяйтесь", "узнайте", "ставьте", "оставьте", "листайте", "откройте",
    // the infinitive of buttons and links (`Показать все`, `Поделиться в …`)
    "показать", "покажите", "продолжить", "вернуться", "вернитесь", "перейти", "войти",
    "войдите", "выйти", "зарегистрироваться", "зарегистрируйтесь", "поделиться", "отправить",
    "отправьте", "сохранить", "сохраните", "присоединиться", "посмотреть", "просмотреть",
    "прочитать", "узнать", "открыть",
    // German
    "lesen", "lies", "sehen", "schauen", "klicken", "klicke", "tippen", "teilen", "teile",
    "folgen", "folge", "abonnieren", "abonniere", "herunterladen", "hören", "entdecken",
    // Spanish
    "lee", "leer", "lea", "mira", "mire", "ver", "vea", "haz", "pulsa", "pulse", "comparte",
    "compartir", "sigue", "síguenos", "siga", "suscríbete", "suscríbase", "descarga",
    "descargue", "escucha", "escuche", "únete", "descubre", "visita",
    // Persian
    "بخوانید", "بخوان", "ببینید", "تماشا", "کلیک", "دنبال", "مشترک", "دانلود", "بشنوید",
    // Turkish
    "oku", "okuyun", "izle", "izleyin", "tıkla", "tıklayın", "paylaş", "paylaşın", "takip",
    "abone", "indir", "indirin", "dinle", "dinleyin", "keşfet",
];

/// Arabic words of buttons and links that are also common words of prose:
/// verbal nouns (`عرض` "show" and "offer", `تسجيل` "sign" and "record") and
/// imperatives that read as past tenses (`أكمل`, `عد`). They open a call to
/// action only before a word of a page's interface ([`ARABIC_UI_OBJECTS`]),
/// directly or after `إلى` (`عرض الكل`, `عد إلى الأعلى`).
#[rustfmt::skip]
const ARABIC_UI_VERBS: &[&str] = &[
    "أكمل", "اذهب", "أظهر", "انتقل", "عد", "ارجع", "قم", "أرسل", "عرض", "تسجيل", "الرجوع",
    "رجوع", "العودة", "عودة", "متابعة", "إنشاء", "مشاركة", "إظهار",
];
/// Words of a page's interface that follow [`ARABIC_UI_VERBS`].
#[rustfmt::skip]
const ARABIC_UI_OBJECTS: &[&str] = &[
    "الدخول", "الخروج", "الكل", "المزيد", "المصدر", "مصدر", "التعليقات", "التعليق", "تعليق",
    "القراءة", "الاشتراك", "حساب", "الحساب", "الصفحة", "النتائج", "الأعلى", "المحتوى",
    "الفهرس", "الخطط", "الفيديو", "الصور", "بالتسجيل", "تسجيل", "الرئيسية", "المقال",
];

/// What an English `Back to` link leads to.
const BACK_TO: &[&str] = &[
    "top", "index", "home", "homepage", "menu", "main", "log", "login", "list", "results",
    "search", "content", "contents", "article", "articles", "news",
];

/// Imperatives that end a call to action in the verb-final languages
/// (Persian, Turkish): the verb alone, or the light verb after its noun.
#[rustfmt::skip]
const FINAL_IMPERATIVES: &[&str] = &[
    "بخوانید", "ببینید", "بشنوید", "okuyun", "izleyin", "tıklayın", "paylaşın", "indirin",
    "dinleyin", "keşfedin",
];
/// Light verbs (`کنید`, `شوید`, `edin`, `olun`) and the nouns that make
/// them a call to action (`دنبال کنید`, `takip edin`, `abone olun`).
const LIGHT_VERBS: &[&str] = &["کنید", "شوید", "edin", "olun"];
#[rustfmt::skip]
const LIGHT_NOUNS: &[&str] = &[
    "دنبال", "کلیک", "دانلود", "تماشا", "مشترک", "عضو", "takip", "abone", "üye",
];

/// Words that may follow an imperative of a Latin-script language in a call
/// to action: determiners, pronouns, prepositions and adverbs (`Share
/// this`, `Download our app`, `Suivez notre direct`). A noun there makes
/// the verb a noun (`Share prices fell`).
#[rustfmt::skip]
const AFTER_IMPERATIVE: &[&str] = &[
    "the", "a", "an", "our", "this", "these", "that", "us", "me", "it", "them", "to", "on",
    "for", "in", "at", "with", "here", "more", "now", "up", "out", "all", "below", "above",
    "next", "full", "latest", "live", "free", "your", "my", "and", "or", "from", "via", "back",
    "today", "by", "reading", "comments", "comment", "results", "content", "top", "index",
    "source", "le", "la", "les", "un", "une", "des", "du", "de", "notre", "nos", "votre", "vos",
    "ce", "cet", "cette", "ces", "sur", "à", "pour", "ici", "plus", "nous", "tout", "toute",
    "tous", "toutes", "en", "au", "aux", "dans", "par", "maintenant", "gratuitement", "aussi", "également", "uns",
    "unseren", "unsere", "unser", "den", "die", "das", "der", "hier", "mehr", "jetzt", "auf",
    "sie", "zu", "alle", "nuestro", "nuestra", "nuestros", "nuestras", "el", "los", "las",
    "aquí", "más", "ahora", "al", "este", "esta", "todo", "todas",
];

/// A list of words, normalised (see [`normalize_into`]).
fn normalized_set(words: &[&str]) -> std::collections::HashSet<String> {
    words
        .iter()
        .map(|w| {
            let (mut out, mut map) = (String::new(), Vec::new());
            normalize_into(w, 0, &mut out, &mut map);
            out
        })
        .collect()
}

/// The word lists of a call to action, normalised.
struct CallWords {
    imperatives: std::collections::HashSet<String>,
    finals: std::collections::HashSet<String>,
    light_verbs: std::collections::HashSet<String>,
    light_nouns: std::collections::HashSet<String>,
    after: std::collections::HashSet<String>,
    arabic_ui_verbs: std::collections::HashSet<String>,
    arabic_ui_objects: std::collections::HashSet<String>,
}

static CALL: LazyLock<CallWords> = LazyLock::new(|| CallWords {
    imperatives: normalized_set(IMPERATIVES),
    finals: normalized_set(FINAL_IMPERATIVES),
    light_verbs: normalized_set(LIGHT_VERBS),
    light_nouns: normalized_set(LIGHT_NOUNS),
    after: normalized_set(AFTER_IMPERATIVE),
    arabic_ui_verbs: normalized_set(ARABIC_UI_VERBS),
    arabic_ui_objects: normalized_set(ARABIC_UI_OBJECTS),
});

/// Most words of a call to action: a line of furniture is short.
const CALL_WORDS: usize = 8;
/// Most words of a call to action that ends with a full stop, which a
/// short instruction in prose may also do.
const CALL_WORDS_WITH_STOP: usize = 4;

/// Whether a line (`core`: with its decoration trimmed) is a call to action: a short
/// line on its own opened by an imperative to read, watch, click, share,
/// follow or subscribe (see [`IMPERATIVES`]), with no sentence around it:
/// no sentence end followed by more text, no question, no quotation.
fn call_to_action(line: &str, core: &str, scratch: &mut Scratch) -> bool {
    let words = core.split_whitespace().count();
    // One word alone is as often a heading or a name (`Send`, `Read`).
    if !(2..=CALL_WORDS).contains(&words) {
        return false;
    }
    let last = line.chars().next_back().unwrap_or(' ');
    // A colon at the end introduces what follows: an instruction (`Save the
    // token:`), not a link.
    if matches!(last, '?' | '؟' | ':') || (last == '.' && words > CALL_WORDS_WITH_STOP) {
        return false;
    }
    let sentence_inside = core
        .char_indices()
        .any(|(i, c)| is_sentence_end(c) && core[i + c.len_utf8()..].starts_with(' '));
    let quoted = core
        .chars()
        .any(|c| matches!(c, '"' | '«' | '»' | '“' | '”' | '„'));
    if sentence_inside || quoted {
        return false;
    }
    let words: Vec<String> = core
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
            scratch.norm.clear();
            scratch.map.clear();
            normalize_into(w, 0, &mut scratch.norm, &mut scratch.map);
            scratch.norm.clone()
        })
        .collect();
    let call = &*CALL;
    // Verb-final languages end with the imperative.
    let n = words.len();
    if call.finals.contains(&words[n - 1])
        || n >= 2
            && call.light_verbs.contains(&words[n - 1])
            && call.light_nouns.contains(&words[n - 2])
    {
        return true;
    }
    let object_at = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| call.arabic_ui_objects.contains(w))
    };
    if call.arabic_ui_verbs.contains(&words[0])
        && (object_at(1) || words.get(1).is_some_and(|w| w == "الي") && object_at(2))
    {
        return true;
    }
    // French reflexive infinitives: `Se connecter`, `Se déconnecter`.
    let first = match words.as_slice() {
        [se, verb, ..] if se == "se" => verb.as_str(),
        _ => words[0].as_str(),
    };
    let imperative = call.imperatives.contains(first)
        || matches!(first, "connecter" | "déconnecter") && words[0] == "se"
        || ["و", "ف"].iter().any(|p| {
            first
                .strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 3 && call.imperatives.contains(rest))
        });
    let head = core.split_whitespace().next().unwrap_or_default();
    // An imperative followed by a comma is said to someone (`Смотрите,
    // сказал он`), not printed by a page.
    if !imperative || head.ends_with([',', '،']) {
        return false;
    }
    // In a Latin-script language a noun is often its verb's twin (`Share
    // prices`): the word after the imperative must be one that follows
    // verbs, or a colon must close it (`Watch: …`).
    // `Back to school` is a headline, `Back to top` a link.
    if first == "back"
        && !(words.get(1).is_some_and(|w| w == "to")
            && words.get(2).is_some_and(|w| BACK_TO.contains(&w.as_str())))
    {
        return false;
    }
    let latin = first.chars().any(|c| c.is_ascii_alphabetic());
    let next = words
        .get(if words[0] == "se" { 2 } else { 1 })
        .map(String::as_str);
    !latin
        || head.ends_with(':')
        || next.is_none_or(|w| {
            call.after.contains(w)
                || w.starts_with("l'")
                || w.starts_with("d'")
                // `Show 1 more reply`, `Afficher 2 réponses`
                || !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
        })
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

    #[test]
    fn normalisation_folds_variants() {
        let mut out = String::new();
        let mut map = Vec::new();
        normalize_into("إقـرأ  أيضاً Ё", 0, &mut out, &mut map);
        assert_eq!(out, "اقرا ايضا е");
        assert_eq!(map.len(), out.len());
    }
}
