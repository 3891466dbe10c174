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

/// Posts that mix in what is not garble: technical tokens (file names,
/// formats, anchors, commands), titles and slogans quoted or not, dialect
/// sentences and onomatopoeia. Written for issue 20 (part 2): errors on them
/// are false alarms.
const AR_MIXED: &[&str] = &[
    "ابعتلي ملف الميزانية budget_2024_v3.xlsx على الايميل",
    "الفيديو عندي بصيغة mov او webm والموبايل مش بيشغله",
    "حملت الاغاني بكل الصيغ wav, mp3, ogg, flac وبرضه الصوت واطي",
    "الصور لازم تكون png او jpeg او webp مش غير كده",
    "افتح صفحة docs/index.html#install وهتلاقي الشرح",
    "نزل setup_win64.exe من الموقع وشغله كمسؤول",
    "حط الكود في main.py وبعدين شغل run.sh",
    "السيرفر بيرجع error 404 not found من الصبح",
    "اكتب في التيرمنال git pull وبعدين npm install",
    "سمعت اغنية shape of you مليون مرة",
    "شغل لنا اغنية Hotel California يا عم",
    "شفت فيلم the lord of the rings كله في يوم واحد",
    "شعار الشركة \"think different\" عاجبني اوي",
    "كان مكتوب على التيشيرت «keep calm and carry on» ههه",
    "مسلسل breaking bad احسن مسلسل شفته",
    "حطيت ستوري مكتوب فيها good vibes only",
    "المدرب دايما يقول no pain no gain",
    "شلونك اليوم؟ وش سويت امس",
    "واش نتا مزيان؟ بزاف ديال الخدمة هاد السيمانة",
    "شو عم تعمل هلق؟ تعا نطلع سوا",
    "ازيك يا معلم عامل ايه النهارده",
    "هسه اجي يمك بس خلي اخلص شغلي",
    "ليش ما رديت علي البارح",
    "طق طق طق مين على الباب",
    "تك تك تك الساعة مش بتقف",
    "بوم! ووش! والعربية طارت",
    "ززززز الناموسة مش سايباني انام",
    "هههه كخ كخ كخ",
];
const EN_MIXED: &[&str] = &[
    "just send me budget_2024_v3.xlsx when you can",
    "the clip only plays as mov, webm, ogg or wmv",
    "open docs/setup.html#install and scroll down",
    "run setup_win64.exe as admin and reboot",
    "rename it notes_final_v2.docx before you upload",
    "my grandma's favourite song is Подмосковные вечера",
    "the sign said مرحبا بكم في دبي and nothing else",
    "we blasted Группа крови by Kino all night",
    "the shop was called «Вкусно и точка» lol",
    "y'all ain't gonna believe this",
    "gonna grab sum grub brb",
    "och aye it's pure baltic the day",
    "wanna hang out tmrw or nah",
    "innit bruv, proper mint that was",
    "fixin' to head out, holler at me",
    "Drip, drip, drip.",
    "Tick tock, tick tock.",
    "Brrr, zzz, pfft.",
    "Boom! Bang! Crash!",
    "Knock knock knock.",
    "Vroom vroom vroom",
    "Achoo! Achoo!",
];
const FR_MIXED: &[&str] = &[
    "envoie-moi budget_2024_v3.xlsx stp",
    "la vidéo passe en mov, webm, ogg ou wmv seulement",
    "va sur docs/aide.html#installation c'est expliqué",
    "lance setup_win64.exe en admin",
    "ma chanson préférée c'est Группа крови de Kino",
    "y avait écrit ما شاء الله عليك sur la voiture",
    "elle chante Калинка калинка моя tout le temps",
    "wesh gros ça dit quoi",
    "chuis pas là ce soir frérot",
    "t'inquiète ça va l'faire",
    "j'ai pogné mon char, c'est ben l'fun",
    "chu tanné d'attendre le bus",
    "il fait frette en esti à matin",
    "on s'capte au tieks vers 18h",
    "Toc, toc, toc.",
    "Plouf, plouf, plouf.",
    "Miaou miaou miaou",
    "Vroum vroum vroum",
    "Atchoum ! Atchoum !",
    "Boum ! Paf ! Crac !",
    "Tic-tac, tic-tac.",
    "Glouglou glouglou",
];
const RU_MIXED: &[&str] = &[
    "скинь файл budget_2024_v3.xlsx в телегу",
    "видео открывается только в mov, webm, ogg или wmv",
    "открой docs/setup.html#install там всё есть",
    "запусти setup_win64.exe от админа",
    "у меня форматы flac, wav, ape, alac не открываются",
    "сделай git pull потом npm install",
    "в консоли опять пишет permission denied",
    "его любимая песня smells like teen spirit",
    "на футболке написано \"just keep swimming\"",
    "посмотрели сериал the office, угар",
    "девиз нашей команды «work hard play hard»",
    "слоган у них был think outside the box",
    "включи песню we are the champions",
    "на стене было написано الله معنا دائما وأبدا",
    "чё, куды пошёл-то?",
    "шо ты там гонишь",
    "щас приду, ваще без проблем",
    "ничо не знаю, сам разбирайся",
    "надысь ходили по грибы",
    "ихний дом вона там стоит",
    "Тук-тук, тук-тук.",
    "Мяу мяу мяу",
    "Бум! Бах! Трах!",
    "Кхе-кхе, кхе-кхе.",
    "Ку-ку, ку-ку, ку-ку",
    "Буль-буль-буль",
    "Тик-так, тик-так.",
    "Хрум хрум хрум",
    "Дзынь, дзынь, дзынь!",
    "Жжжжж, жжжжж",
];

/// The informal posts of one language: every opener with every body, and a
/// closer chosen in turn, one post a line, in documents of 20 lines.
pub fn documents(lang: &str) -> Vec<String> {
    posts(lang)
        .chunks(20)
        .map(|c| c.join("\n") + "\n")
        .collect()
}

/// The phrases of one language: openers, bodies, closers and mixed bodies.
type Phrases = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

fn phrases(lang: &str) -> Option<Phrases> {
    Some(match lang {
        "ar" => (AR_OPEN, AR_BODY, AR_CLOSE, AR_MIXED),
        "en" => (EN_OPEN, EN_BODY, EN_CLOSE, EN_MIXED),
        "fr" => (FR_OPEN, FR_BODY, FR_CLOSE, FR_MIXED),
        "ru" => (RU_OPEN, RU_BODY, RU_CLOSE, RU_MIXED),
        _ => return None,
    })
}

/// The posts of [`documents`], one a line.
fn posts(lang: &str) -> Vec<String> {
    let Some((open, body, close, _)) = phrases(lang) else {
        return Vec::new();
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
    lines
}

/// The posts of [`documents`] with the mixed posts among them (technical
/// tokens, titles and slogans, dialect, onomatopoeia): each mixed body alone
/// on its line and after every third opener, with a closer; three plain
/// posts, then two mixed ones, in documents of 20 lines.
pub fn mixed_documents(lang: &str) -> Vec<String> {
    let Some((open, _, close, mixed)) = phrases(lang) else {
        return Vec::new();
    };
    let mut extra = Vec::new();
    for (j, b) in mixed.iter().enumerate() {
        extra.push(b.to_string());
        for (i, o) in open.iter().enumerate().step_by(3) {
            let c = close[(i + j) % close.len()];
            extra.push(format!("{o}, {b} {c}"));
        }
    }
    let plain = posts(lang);
    let mut lines = Vec::new();
    let (mut p, mut e) = (plain.iter(), extra.iter());
    loop {
        let before = lines.len();
        lines.extend(p.by_ref().take(3).cloned());
        lines.extend(e.by_ref().take(2).cloned());
        if lines.len() == before {
            break;
        }
    }
    lines.chunks(20).map(|c| c.join("\n") + "\n").collect()
}

/// Error-level findings on one language's posts with the mixed ones
/// ([`mixed_documents`]): the number of sentences, and the errors by
/// `rule: text`.
pub fn errors(lang: &str) -> (usize, BTreeMap<String, usize>) {
    let scanner = Scanner::new(Config::default().language(lang)).expect("known rule ids");
    let mut sentences = 0;
    let mut by = BTreeMap::new();
    for (i, doc) in mixed_documents(lang).iter().enumerate() {
        let r = scanner.scan_file(&format!("{lang}/{i}"), doc);
        sentences += r.sentences.len();
        for f in r.findings.iter().filter(|f| f.severity == Severity::Error) {
            *by.entry(format!("{}: {}", f.rule, f.text)).or_default() += 1;
        }
    }
    (sentences, by)
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
