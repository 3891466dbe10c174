//! Page furniture (`boilerplate`) written for this evaluation and on none of
//! the rule's phrase lists: navigation lines and calls to action ("click
//! here for more", `اضغط هنا للمزيد`), one inserted after the third line of
//! every clean document of `../shared/data`. Recall counts the inserted
//! lines found, split by how: by a phrase of the lists, or by what the line
//! is (a short imperative line on its own); false alarms are the findings on
//! the clean documents. Printed by
//! `cargo run --release -p mtlint-eval --bin furniture`.

use std::path::Path;

use mtlint::{Config, Scanner};

use crate::corpus;

/// Navigation lines and calls to action that no phrase list holds.
const AR: &[&str] = &[
    "اضغط هنا للمزيد",
    "اضغط على الرابط لمتابعة البث المباشر",
    "شاهد الفيديو كاملا من هنا",
    "تابعوا قناتنا على يوتيوب",
    "اشتركوا في قناتنا ليصلكم كل جديد",
    "حمل تطبيقنا الآن",
    "شاركوا المقال مع أصدقائكم",
    "لقراءة التقرير كاملا اضغط هنا",
    "انقر هنا لمشاهدة الصور",
    "استمع إلى الحلقة كاملة",
    "تابعونا عبر تطبيق نبض",
    "انضموا إلى مجموعتنا على تيليجرام",
    "اقرأ التفاصيل كاملة",
    "للاشتراك في خدمة الأخبار العاجلة",
    "طالع المزيد من الصور",
    "زوروا موقعنا لمزيد من التفاصيل",
    "اكتشف المزيد",
    "حمّل النسخة الكاملة بصيغة PDF",
    "تعرف على المزيد",
    "▶ شاهد البث المباشر",
    "👈 اقرأ المزيد عن الموضوع",
    "شارك برأيك في التعليقات",
    "اطلع على آخر الأخبار",
    "وتابعوا تغطيتنا المستمرة",
];
const EN: &[&str] = &[
    "Click here for more",
    "Tap to read the full story",
    "Watch the full interview below",
    "Subscribe to our YouTube channel",
    "Follow our live coverage",
    "Share this with your friends",
    "Download our free app",
    "Listen to the full episode",
    "Join our WhatsApp group",
    "Sign up for breaking news alerts",
    "Read the full report here",
    "Read next: Markets rally after rate cut",
    "Watch: Firefighters battle the blaze",
    "Click to enlarge",
    "See the full gallery",
    "Visit our website for updates",
    "Explore more stories",
    "Like us on Facebook",
    "Press play to listen",
    "Get the latest headlines in your inbox",
    "Swipe up for more",
    "Learn more about our coverage",
    "» Check out our podcast",
    "Find out more.",
];
const FR: &[&str] = &[
    "Cliquez ici pour en savoir plus",
    "Regardez la vidéo complète",
    "Abonnez-vous à notre chaîne YouTube",
    "Suivez notre direct",
    "Partagez cet article avec vos proches",
    "Téléchargez notre application",
    "Écoutez l'épisode en entier",
    "Rejoignez notre groupe WhatsApp",
    "Lisez le rapport complet",
    "Découvrez nos offres",
    "Retrouvez-nous sur Instagram",
    "Consultez notre dossier spécial",
    "Appuyez pour agrandir",
    "Lire l'entretien intégral",
    "Voir la galerie photo",
    "Visitez notre site",
    "Inscrivez-vous gratuitement",
    "Écouter le podcast",
    "Regarder le replay",
    "Cliquez pour agrandir",
    "► Suivez toute l'actualité en direct",
    "Partagez sur LinkedIn",
];
const RU: &[&str] = &[
    "Нажмите здесь, чтобы узнать больше",
    "Смотрите полное видео ниже",
    "Подписывайтесь на наш YouTube-канал",
    "Следите за нашей трансляцией",
    "Поделитесь статьей с друзьями",
    "Скачайте наше приложение",
    "Слушайте выпуск полностью",
    "Присоединяйтесь к нашей группе ВКонтакте",
    "Читайте полный текст доклада",
    "Узнайте больше на нашем сайте",
    "Перейдите по ссылке",
    "Жмите на фото, чтобы увеличить",
    "Посмотрите фотогалерею",
    "Ставьте лайк и делитесь с друзьями",
    "Прочитайте интервью целиком",
    "Скачать приложение",
    "Подпишитесь на уведомления",
    "Листайте дальше",
    "Оставьте комментарий ниже",
    "Смотреть трансляцию",
    "→ Читайте нас в Дзене",
    "Подписывайтесь на наши соцсети!",
];

/// The held-out furniture lines of one language.
pub fn lines(lang: &str) -> &'static [&'static str] {
    match lang {
        "ar" => AR,
        "en" => EN,
        "fr" => FR,
        "ru" => RU,
        _ => &[],
    }
}

/// Furniture that three web projects ship, as their translators wrote it
/// (mkdocs-material, Ghost and Shariff; MIT licences): the calls to action
/// and navigation lines of `eval/data/furniture_thirdparty.tsv`, made by
/// `scripts/furniture_strings.py`. Nobody on this project wrote them, and
/// the rule was not tuned on them before they were first measured.
pub fn third_party(lang: &str) -> Vec<&'static str> {
    const TSV: &str = include_str!("../../data/furniture_thirdparty.tsv");
    TSV.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (_source, _english, l_lang, text) =
                (cols.next()?, cols.next()?, cols.next()?, cols.next()?);
            (l_lang == lang).then_some(text)
        })
        .collect()
}

/// The message of the findings made by what a line is, not by a list.
pub const BY_SHAPE: &str = "call to action left in the text (page furniture)";

/// What one language gives.
#[derive(Debug, Default, Clone)]
pub struct Furniture {
    /// Furniture lines inserted.
    pub inserted: usize,
    /// Of them, found by a phrase of the lists.
    pub by_list: usize,
    /// Of them, found by what the line is.
    pub by_shape: usize,
    /// Sentences of the clean documents.
    pub sentences: usize,
    /// Findings on the clean documents by a phrase, and by shape.
    pub clean_by_list: usize,
    pub clean_by_shape: usize,
    /// Furniture lines missed, and clean lines flagged.
    pub misses: Vec<String>,
    pub false_alarms: Vec<String>,
}

/// Recall on the furniture lines `held` (one inserted after the third line
/// of each clean document, in turn) and false alarms on the clean news of
/// one language.
pub fn measure(dir: &Path, lang: &str, held: &[&str]) -> Furniture {
    let scanner = Scanner::new(Config::default().language(lang).select(["boilerplate"]))
        .expect("known rule id");
    let mut m = Furniture::default();
    for (i, doc) in corpus::documents(dir, lang)
        .expect("corpus")
        .into_iter()
        .enumerate()
    {
        let r = scanner.scan_file(&doc.name, &doc.text);
        m.sentences += r.sentences.len();
        for f in &r.findings {
            if f.message == BY_SHAPE {
                m.clean_by_shape += 1;
            } else {
                m.clean_by_list += 1;
            }
            m.false_alarms
                .push(format!("{}:{}: {}", doc.name, f.line, f.text));
        }
        let mut text: Vec<&str> = doc.text.lines().collect();
        if text.len() < 4 || held.is_empty() {
            continue;
        }
        let furniture = held[i % held.len()];
        text.insert(3, furniture);
        let r = scanner.scan_file(&doc.name, &(text.join("\n") + "\n"));
        m.inserted += 1;
        match r.findings.iter().find(|f| f.line == 4) {
            Some(f) if f.message == BY_SHAPE => m.by_shape += 1,
            Some(_) => m.by_list += 1,
            None => m.misses.push(furniture.to_string()),
        }
    }
    m
}
