//! Clean informal text: short social posts, chat and speech written for
//! this evaluation in Egyptian and Gulf Arabic, English, French and Russian
//! (none of it machine-translated, none copied from a corpus). Each
//! language's lines are built from openers, bodies and closers, so a few
//! dozen phrases give a few hundred posts; what every rule finds on them at
//! warning level or above is a false alarm. Printed by
//! `cargo run --release -p mtlint-eval --bin informal`.

use std::collections::BTreeMap;

use mtlint::{Config, Scanner, Severity};

/// Openers: interjections, greetings, elongated words, handles.
const AR_OPEN: &[&str] = &[
    "اممم",
    "وااااو",
    "ههههههه",
    "يا جماعة",
    "والله",
    "يلا",
    "ياااه",
    "طيب",
    "هلا والله",
    "يا شباب",
    "ياربي",
    "لاااا",
];
/// Bodies: dialect sentences, doubled words grammar allows.
const AR_BODY: &[&str] = &[
    "اللي هو فيها فيها مشاكل بس احنا مع بعض",
    "انا مش فاهم حاجة خالص",
    "الجو النهارده حلو اوي",
    "شفت الماتش امبارح؟ كان تحفة",
    "وش رايكم نطلع البر بكرة",
    "ابغى اروح المول الحين",
    "الموضوع ده كبير كبير يعني",
    "مره مره حلو الفيلم",
    "خطوة خطوة هنوصل",
    "شوي شوي يا حبيبي",
    "الاكل عندهم حلوو بشكل",
    "ما عندي وقت والله العظيم",
    "هو قال كدة كدة مش هيجي",
    "بصراحة بصراحة انا زعلان",
    "فيه فيه ناس كتير هناك",
    "تابعوا حسابي @ahmed_99 على تويتر",
    "كلموني على @sara@mastodon.social",
    "ياخي الدنيا زحمة",
];
/// Closers: emphasis, laughter, emoji.
const AR_CLOSE: &[&str] = &[
    "😂😂",
    "ههههه",
    "!!",
    "صح؟",
    "جدا جدا",
    "يا عم",
    "🙏",
    "خلاص",
];

const EN_OPEN: &[&str] = &[
    "sooo",
    "Ummm",
    "Wowww",
    "lol",
    "OMG",
    "Hmmm",
    "Yesss",
    "Noooo",
    "Ugh",
    "Aww",
    "Hey guys",
    "Okay okay",
];
const EN_BODY: &[&str] = &[
    "I had had enough of that show",
    "I know that that was a bad idea",
    "the NASA livestream was sooo good",
    "we waited and waited for the bus",
    "my mom said no no no to the trip",
    "this is so so good",
    "that cake was really really nice",
    "the FBI and the CIA were in the movie",
    "it is what it is is what I always say",
    "bye bye summer",
    "follow me at @tom@mastodon.social for more",
    "ping @jane_doe about the party",
    "can't wait for the weekend",
    "the USSR fell in 1991, my grandpa says",
    "whatever you want, whenever you want",
    "dinner was yummm",
    "I'm sooo tired rn",
    "that was a looong day",
];
const EN_CLOSE: &[&str] = &["haha", "lmao", "!!!", "😂", "xoxo", "ttyl", "idk", "hahaha"];

const FR_OPEN: &[&str] = &[
    "Ouais",
    "Bon bah",
    "Ohhh",
    "Mdr",
    "Pfff",
    "Euhhh",
    "Allez allez",
    "Bref",
    "Ahhh",
    "Coucou",
    "Ouiii",
    "Non non",
];
const FR_BODY: &[&str] = &[
    "nous nous sommes bien amusés hier soir",
    "vous vous rendez compte",
    "c'est trop trop bien",
    "la SNCF est encore en retard",
    "il fait super beau aujourd'hui",
    "je suis crevéééé",
    "on se voit ce soir ou pas",
    "t'as vu le match",
    "c'est grave cool",
    "suivez moi sur @marie@mastodon.social",
    "merci @paul_dupont pour la soirée",
    "j'ai trop mangé",
    "elle elle est partie tôt",
    "ils se sont dit que que c'était fini",
    "le film était bof bof",
    "je l'ai vu vu que j'étais là",
    "c'était génial",
    "les JO de Paris étaient top",
];
const FR_CLOSE: &[&str] = &["mdr", "lol", "!!!", "😂", "bisous", "ptdr", "hihi", "jpp"];

const RU_OPEN: &[&str] = &[
    "Ммм",
    "Ураааа",
    "Ну",
    "Ого",
    "Блиииин",
    "Хм",
    "Ааааа",
    "Ой",
    "Да да",
    "Слушай",
    "Короче",
    "Эх",
];
const RU_BODY: &[&str] = &[
    "вот-вот начнётся дождь",
    "еле-еле успели на поезд",
    "в СССР такого не было",
    "мы долго-долго ждали",
    "это очень очень круто",
    "я так так устал сегодня",
    "уррааа наконец-то пятница",
    "пишите мне @ivan@mastodon.social",
    "спасибо @olga_petrova за вечер",
    "погода сегодня супер",
    "кто-кто, а он знает",
    "ну да ну да конечно",
    "все все пришли на праздник",
    "МГУ лучший университет",
    "ну такое себе кино",
    "иду иду уже",
    "давай давай быстрее",
    "купил новый телефон",
];
const RU_CLOSE: &[&str] = &["ахаха", "лол", "!!!", "😂", "))", "хахаха", "ну вот", "ага"];

/// The informal posts of one language: every opener with every body, and a
/// closer chosen in turn, one post a line, in documents of 20 lines.
pub fn documents(lang: &str) -> Vec<String> {
    let (open, body, close) = match lang {
        "ar" => (AR_OPEN, AR_BODY, AR_CLOSE),
        "en" => (EN_OPEN, EN_BODY, EN_CLOSE),
        "fr" => (FR_OPEN, FR_BODY, FR_CLOSE),
        "ru" => (RU_OPEN, RU_BODY, RU_CLOSE),
        _ => return Vec::new(),
    };
    let mut lines = Vec::new();
    for (i, o) in open.iter().enumerate() {
        for (j, b) in body.iter().enumerate() {
            let c = close[(i + j) % close.len()];
            let sep = if (i + j) % 3 == 0 { "،" } else { "," };
            let sep = if lang == "ar" { sep } else { "," };
            lines.push(format!("{o}{sep} {b} {c}"));
        }
    }
    lines.chunks(20).map(|c| c.join("\n") + "\n").collect()
}

/// The findings at warning level or above on one language's informal posts,
/// by `rule: text`, and the number of posts.
pub fn warnings(lang: &str) -> (usize, BTreeMap<String, usize>) {
    let scanner = Scanner::new(Config::default().language(lang)).expect("known rule ids");
    let mut posts = 0;
    let mut by = BTreeMap::new();
    for (i, doc) in documents(lang).iter().enumerate() {
        posts += doc.lines().count();
        let r = scanner.scan_file(&format!("{lang}/{i}"), doc);
        for f in r
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
        {
            *by.entry(format!("{}: {}", f.rule, f.text)).or_default() += 1;
        }
    }
    (posts, by)
}
