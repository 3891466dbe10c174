//! Document language: declared, or detected from the main script and then by
//! `whatlang` among that script's languages.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_script::Script;
use whatlang::{Detector, Lang};

use crate::text::{case, Document, Token, TokenKind};

/// ISO 639-3 codes of whatlang's languages, with their ISO 639-1 code.
const ISO_639_1: &[(&str, &str)] = &[
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
    ("hye", "hy"),
    // Bibliographic and macrolanguage codes users type.
    ("fre", "fr"),
    ("ger", "de"),
    ("per", "fa"),
    ("fas", "fa"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("mon", "mn"),
    ("khk", "mn"),
    ("arb", "ar"),
    ("kaz", "kk"),
];

/// The ISO 639-1 code for a language code (639-1 or 639-3, any case, with an
/// optional region such as `ar-EG`), else the code lowercased.
pub fn normalize_code(code: &str) -> String {
    let base = code
        .split(['-', '_'])
        .next()
        .unwrap_or(code)
        .to_ascii_lowercase();
    ISO_639_1
        .iter()
        .find(|(three, _)| *three == base)
        .map_or(base, |(_, two)| (*two).to_string())
}

/// The code to report for a whatlang language.
pub fn code_of(lang: Lang) -> String {
    normalize_code(lang.code())
}

/// Languages of scripts that only one of whatlang's languages is written in,
/// where no detection is needed.
fn single_language(script: Script) -> Option<&'static str> {
    Some(match script {
        Script::Greek => "el",
        Script::Hebrew => "he",
        Script::Hangul => "ko",
        Script::Thai => "th",
        Script::Georgian => "ka",
        Script::Armenian => "hy",
        Script::Ethiopic => "am",
        Script::Khmer => "km",
        Script::Myanmar => "my",
        Script::Sinhala => "si",
        Script::Tamil => "ta",
        Script::Telugu => "te",
        Script::Kannada => "kn",
        Script::Malayalam => "ml",
        Script::Gujarati => "gu",
        Script::Gurmukhi => "pa",
        Script::Oriya => "or",
        Script::Bengali => "bn",
        Script::Mongolian => "mn",
        _ => return None,
    })
}

/// whatlang's languages written in a script: the candidates a detector
/// chooses among once the script is known.
pub fn script_languages(script: Script) -> &'static [Lang] {
    use Lang::*;
    match script {
        Script::Latin => &[
            Spa, Eng, Por, Ind, Fra, Deu, Jav, Vie, Ita, Tur, Pol, Ron, Hrv, Nld, Uzb, Hun, Aze,
            Ces, Zul, Swe, Aka, Sna, Afr, Fin, Slk, Tgl, Tuk, Dan, Nob, Cat, Lit, Slv, Epo, Lav,
            Est, Lat,
        ],
        Script::Cyrillic => &[Rus, Ukr, Srp, Bel, Bul, Mkd],
        Script::Arabic => &[Ara, Urd, Pes],
        Script::Devanagari => &[Hin, Mar, Nep],
        Script::Hebrew => &[Heb, Yid],
        _ => &[],
    }
}

/// One detector per script with several languages, restricted to them, so
/// a stray word of another script cannot pull the guess elsewhere.
fn detector(script: Script) -> Option<&'static Detector> {
    static LATIN: OnceLock<Detector> = OnceLock::new();
    static CYRILLIC: OnceLock<Detector> = OnceLock::new();
    static ARABIC: OnceLock<Detector> = OnceLock::new();
    static DEVANAGARI: OnceLock<Detector> = OnceLock::new();
    static HEBREW: OnceLock<Detector> = OnceLock::new();
    let cell = match script {
        Script::Latin => &LATIN,
        Script::Cyrillic => &CYRILLIC,
        Script::Arabic => &ARABIC,
        Script::Devanagari => &DEVANAGARI,
        Script::Hebrew => &HEBREW,
        _ => return None,
    };
    Some(cell.get_or_init(|| Detector::with_allowlist(script_languages(script).to_vec())))
}

/// The whatlang language of an ISO 639-1 (or 639-3) code.
pub fn lang_of(code: &str) -> Option<Lang> {
    let three = ISO_639_1
        .iter()
        .find(|(_, two)| *two == code)
        .map_or(code, |(three, _)| *three);
    Lang::from_code(three)
}

/// The English name of a language code, for messages (`en` → `English`).
pub fn language_name(code: &str) -> String {
    match code {
        "mn" => "Mongolian".to_string(),
        "kk" => "Kazakh".to_string(),
        _ => lang_of(code).map_or_else(|| code.to_string(), |l| l.eng_name().to_string()),
    }
}

/// Full stops and other marks after which a capital starts a sentence.
fn ends_sentence(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "؟" | "۔" | ":" | "\u{3002}")
}

/// A sample for a detector: the words of `script`, with what says nothing
/// of a language left out. URLs, handles, e-mails, hashtags and numbers are
/// tokens of their own and never words; words of other scripts and
/// mixed-script words are skipped; names are masked: Capitalized words
/// not at a sentence start and ALLCAPS acronyms (`Donald Trump`, `NATO`).
/// Returns the sample and the number of its words.
pub fn masked_sample<'t>(
    text: &str,
    tokens: impl IntoIterator<Item = &'t Token>,
    script: Script,
    limit: usize,
) -> (String, usize) {
    let mut sample = String::new();
    let mut words = 0;
    let mut at_start = true;
    for t in tokens {
        match t.kind {
            TokenKind::Punct if ends_sentence(t.text(text)) => at_start = true,
            TokenKind::Newline => at_start = true,
            TokenKind::Word => {
                let first = at_start;
                at_start = false;
                if t.script != Some(script) || t.mixed {
                    continue;
                }
                let w = t.text(text);
                let mut letters = w.chars().filter(|&c| case::is_alphabetic(c));
                let initial = letters.next().is_some_and(case::is_uppercase);
                let caps = initial
                    && w.chars().filter(|&c| case::is_alphabetic(c)).count() >= 2
                    && !w.chars().any(case::is_lowercase);
                if caps || (initial && !first) {
                    continue;
                }
                if !sample.is_empty() {
                    sample.push(' ');
                }
                sample.push_str(w);
                words += 1;
                if sample.len() >= limit {
                    break;
                }
            }
            _ => {}
        }
    }
    (sample, words)
}

/// Detects the language of a document whose main script is `script`.
///
/// For Latin and Cyrillic, the function words of the languages that have a
/// list vote first, and whatlang reads the masked sample (see
/// [`masked_sample`]) only when no language clearly wins.
pub fn detect_document(text: &str, tokens: &[Token], script: Option<Script>) -> Option<String> {
    let script = script?;
    if let Some(code) = single_language(script) {
        return Some(code.to_string());
    }
    if script == Script::Arabic {
        let (sample, _) = masked_sample(text, tokens, script, 800);
        if let Some(code) = arabic_script_language(&sample) {
            return Some(code.to_string());
        }
        return detect_text_in(&sample, script).map(code_of);
    }
    let (sample, words) = masked_sample(text, tokens, script, 800);
    // Function words vote first: one detection over a mixed sample is
    // pulled towards the language with the largest alphabet (a third of
    // French in English text reads as French to whatlang), a count is not.
    let hits = function_word_counts(&sample);
    let mut counts: Vec<(&str, usize)> = FUNCTION_WORDS
        .iter()
        .zip(hits)
        .map(|((code, _), n)| (*code, n))
        .collect();
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    if let [(code, first), (_, second), ..] = counts[..] {
        if first >= 5 && first * 5 >= words && first >= 2 * second {
            return Some(code.to_string());
        }
    }
    detect_text_in(&sample, script).map(code_of)
}

/// Letters only Persian and Urdu write (Arabic has none of them).
const PERSIAN_LETTERS: &[char] = &['پ', 'چ', 'ژ', 'گ'];
/// Letters only Urdu writes.
const URDU_LETTERS: &[char] = &['ٹ', 'ڈ', 'ڑ', 'ں', 'ے'];
/// Frequent Persian function words.
const PERSIAN_WORDS: &[&str] = &[
    "است",
    "این",
    "را",
    "که",
    "می",
    "از",
    "با",
    "برای",
    "های",
    "ها",
    "آن",
    "شد",
    "بود",
    "نیز",
    "کرد",
    "شده",
    "خود",
    "یک",
    "هم",
    "اما",
    "تا",
    "بر",
    "هستند",
    "باید",
];
/// Frequent Urdu function words.
const URDU_WORDS: &[&str] = &[
    "ہے", "کے", "میں", "کی", "سے", "اور", "کو", "نے", "ہیں", "کا", "یہ", "پر", "ہو", "تھا", "گیا",
];
/// Frequent Arabic function words, with `ي ك` (a Persian keyboard's `ی ک`
/// are folded to them before the lookup).
const ARABIC_WORDS: &[&str] = &[
    "في", "من", "على", "التي", "الذي", "أن", "إلى", "عن", "مع", "هذا", "هذه", "كان", "أو", "إن",
    "لا", "ما", "قد", "بين", "بعد", "حيث", "وقال", "كما", "ذلك", "أنه", "عام", "منذ", "إلا",
];

/// Arabic, Persian or Urdu, from what only one of them writes: Persian and
/// Urdu letters (`پ چ ژ گ`, Urdu `ٹ ڈ ڑ ں ے`) and frequent function words
/// (`است این را که می`, `ہے کے میں`) against Arabic ones (`في من على التي
/// أن`, words with the article `ال`, `ة`). Arabic typed with a Persian
/// keyboard's `ی ک` stays Arabic: those letters decide nothing. `None` when
/// the sample has too little of either.
fn arabic_script_language(sample: &str) -> Option<&'static str> {
    // The word lists as sets: every word of the sample is looked up.
    static SETS: OnceLock<[FxHashSet<&str>; 3]> = OnceLock::new();
    let [urdu_words, persian_words, arabic_words] = SETS.get_or_init(|| {
        [URDU_WORDS, PERSIAN_WORDS, ARABIC_WORDS].map(|w| w.iter().copied().collect())
    });
    let (mut arabic, mut persian, mut urdu) = (0usize, 0usize, 0usize);
    // Persian joins suffixes with a zero-width non-joiner (`کتاب‌ها`).
    for word in sample.split(|c: char| c.is_whitespace() || c == '\u{200C}') {
        let word = word.trim_matches(|c: char| !case::is_alphabetic(c));
        if urdu_words.contains(word) {
            urdu += 2;
        } else if persian_words.contains(word) {
            persian += 2;
        }
        let folded: Cow<str> = if word.contains(['ی', 'ک']) {
            word.chars()
                .map(|c| match c {
                    'ی' => 'ي',
                    'ک' => 'ك',
                    c => c,
                })
                .collect::<String>()
                .into()
        } else {
            word.into()
        };
        if arabic_words.contains(&*folded) {
            arabic += 2;
        }
        if folded.chars().count() > 3 && (folded.starts_with("ال") || folded.starts_with("وال"))
        {
            arabic += 1;
        }
        for c in word.chars() {
            if PERSIAN_LETTERS.contains(&c) {
                persian += 1;
            } else if URDU_LETTERS.contains(&c) {
                urdu += 1;
            } else if c == 'ة' {
                arabic += 1;
            }
        }
    }
    if arabic + persian + urdu < 2 {
        None
    } else if persian + urdu <= arabic {
        Some("ar")
    } else if urdu * 2 >= persian {
        Some("ur")
    } else {
        Some("fa")
    }
}

/// whatlang's best guess for a text in `script`, among that script's
/// languages, or `None` when it is unsure. The confidence only decides
/// whether to name a language, never how good the text is.
fn detect_text_in(sample: &str, script: Script) -> Option<Lang> {
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 12 {
        return None;
    }
    let info = detector(script)?.detect(sample)?;
    if script == Script::Arabic {
        // Arabic script is whatlang's Arabic, Persian or Urdu; Arabic is by
        // far the most written, so another guess must be reliable to win.
        return Some(if info.is_reliable() {
            info.lang()
        } else {
            Lang::Ara
        });
    }
    // A guess at confidence 0.25 is right far more often than not on a
    // sentence or two (a 10-word French sentence scores 0.28).
    (info.is_reliable() || info.confidence() >= 0.25).then(|| info.lang())
}

/// Words a sample needs before a sentence's language is detected.
pub const MIN_SENTENCE_WORDS: usize = 5;

/// Words a sample in the document's script needs before whatlang looks for
/// its language among all the script's languages, when no function words
/// decide (headlines, lists of names).
const FULL_DETECTION_WORDS: usize = 8;

/// The confidence below which whatlang's guess among a script's languages
/// is no guess at all: a clear six-word Russian sentence scores 0.25 among
/// the six Cyrillic languages, five words of Latin-letter garble 0.13.
/// (Cyrillic garble can score 0.5: whatlang is no garble detector.)
const MIN_GUESS_CONFIDENCE: f64 = 0.2;

/// Whether `sample` is confidently in `lang` rather than in `other`, head
/// to head: both must be among whatlang's languages.
fn beats(sample: &str, lang: Lang, other: &str) -> bool {
    let Some(other) = lang_of(other) else {
        return false;
    };
    if other == lang {
        return false;
    }
    Detector::with_allowlist(vec![lang, other])
        .detect(sample)
        .is_some_and(|i| i.lang() == lang && i.is_reliable())
}

/// The language of one sentence (`tokens` are its tokens).
///
/// A script with one language decides alone. A sentence in the document's
/// script takes the document's language unless the script is Latin or
/// Cyrillic, where many languages share it: there whatlang reads the
/// masked sample (see [`masked_sample`]) among the script's languages, and
/// another language than the document's must also win head to head against
/// it. A sentence in another script is identified as [`identify_run`]
/// does (its language's alphabet must have every letter) and is `None` when
/// too short (fewer than [`MIN_SENTENCE_WORDS`] words after masking) or
/// unsure. In Latin and Cyrillic, a sentence of the document's script is
/// also `None` when it is too short or unsure, unless function words of the
/// document's language settle it.
pub fn sentence_language(
    text: &str,
    tokens: &[Token],
    doc_script: Option<Script>,
    doc_lang: Option<&str>,
) -> Option<String> {
    let script = crate::text::script::main_script(crate::text::words_by_script(text, tokens))?;
    if let Some(code) = single_language(script) {
        return Some(code.to_string());
    }
    let same = Some(script) == doc_script;
    if same && !matches!(script, Script::Latin | Script::Cyrillic) {
        // Arabic, Hebrew, Devanagari …: the script and the document decide.
        return doc_lang.map(str::to_string);
    }
    let (sample, words) = masked_sample(text, tokens, script, 1024);
    // The function words of every listed language, in one pass.
    let hits = function_word_counts(&sample);
    let has_function_words = |code: &str| {
        let n = FUNCTION_WORDS
            .iter()
            .position(|(c, _)| *c == code)
            .map_or(0, |i| hits[i]);
        full_of_function_words(n, words)
    };
    if let Some(d) = doc_lang.filter(|_| same) {
        // Two function words of the document's language settle even a
        // short sentence (`It was the end.`).
        if has_function_words(d) {
            return Some(d.to_string());
        }
    }
    // From here on, a short or unsure sentence has no language.
    if words < MIN_SENTENCE_WORDS {
        return None;
    }
    if !same {
        // Another script: a real language whose alphabet has all the
        // letters, or nothing (the Mongolian garble of a hallucination).
        return identify_run(text, tokens, script);
    }
    // whatlang costs about 0.1 ms a call among the 36 Latin languages,
    // whatever the length: a sentence full of the document language's
    // function words needs none of it, and one full of another listed
    // language's needs only a match of the two.
    if let Some(d) = doc_lang {
        let other = FUNCTION_WORDS
            .iter()
            .find(|(c, _)| *c != d && has_function_words(c));
        if let Some((code, _)) = other {
            let sure = lang_of(code).is_some_and(|l| beats(&sample, l, d));
            return if sure { Some(code.to_string()) } else { None };
        }
        if words < FULL_DETECTION_WORDS {
            return None;
        }
    }
    let info = detector(script).and_then(|d| d.detect(&sample))?;
    let code = code_of(info.lang());
    if Some(code.as_str()) == doc_lang {
        return Some(code);
    }
    // Among the many languages of a script, whatlang's confidence is low
    // even on clear text (close languages share trigrams): a guess that
    // differs from the document's must win head to head against it.
    let sure = match doc_lang {
        Some(d) => beats(&sample, info.lang(), d),
        None => info.confidence() >= MIN_GUESS_CONFIDENCE,
    };
    if sure {
        Some(code)
    } else {
        None
    }
}

/// Very frequent function words of some languages written in Latin and
/// Cyrillic letters, leaving out most of those another listed language
/// writes the same (`a` and `on` are French too). French elisions count by
/// their first part (`qu’il` → `qu`). Hand-made from the most frequent
/// words of each language; they only let a sentence skip whatlang.
#[rustfmt::skip]
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    ("en", &[
        "the", "of", "and", "to", "in", "is", "that", "for", "with", "was", "were", "said", "by",
        "it", "as", "at", "he", "from", "his", "be", "have", "has", "are", "this", "which", "but",
        "not", "they", "their", "had", "been", "will", "would", "who", "or", "we", "she", "her",
        "its", "there", "after", "about", "more", "when", "also", "than", "i", "you", "an",
    ]),
    ("fr", &[
        "le", "la", "les", "de", "des", "du", "un", "une", "que", "qu", "d", "l", "n", "s", "c",
        "j", "en", "à", "et", "est", "dans", "pour", "pas", "sur", "au", "aux", "avec", "il",
        "elle", "ils", "ont", "été", "cette", "son", "ses", "mais", "par", "plus", "qui", "ce",
        "ne", "se", "nous", "vous", "leur", "sont", "était", "être", "comme", "où", "y", "lui",
        "tout",
    ]),
    ("de", &[
        "der", "die", "und", "das", "ist", "nicht", "sich", "mit", "auf", "für", "dem", "den",
        "ein", "eine", "einer", "auch", "wird", "wurde", "sind", "von", "zu", "hat", "nach",
        "bei", "aus", "wie", "oder", "noch",
    ]),
    ("es", &[
        "el", "los", "las", "del", "y", "por", "con", "para", "una", "es", "su", "al", "lo",
        "como", "más", "pero", "sus", "le", "ya", "fue", "este", "ha", "también", "está",
    ]),
    ("ru", &[
        "в", "что", "с", "не", "по", "для", "к", "из", "от", "о", "это", "как", "а", "но", "его",
        "он", "она", "они", "был", "была", "были", "также", "при", "который", "которые", "года",
        "ее", "её", "их", "уже", "бы", "того", "после", "более", "было", "чтобы", "только",
        "если", "и", "на", "за", "до", "же", "все", "так", "или", "то", "у", "со", "об", "году",
        "этом", "этого", "может", "есть", "себя", "будет", "мы", "вы", "я", "когда", "где",
        "там", "тоже",
    ]),
];

/// Whether a masked sample of `words` words with `hits` function words of
/// a language is full of them (one word in six, two at least): it is in
/// that language, whatever else it holds.
fn full_of_function_words(hits: usize, words: usize) -> bool {
    hits >= 2 && hits * 6 >= words
}

/// How many words of `sample` are function words of each language of
/// [`FUNCTION_WORDS`], in its order: one look-up a word for all of them.
fn function_word_counts(sample: &str) -> [usize; FUNCTION_WORDS.len()] {
    const _: () = assert!(FUNCTION_WORDS.len() <= 32, "one bit a language");
    // Each word with the languages that list it, one bit a language.
    static WORDS: OnceLock<FxHashMap<&str, u32>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut m: FxHashMap<&str, u32> = FxHashMap::default();
        for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            for w in *list {
                *m.entry(w).or_default() |= 1 << i;
            }
        }
        m
    });
    let mut counts = [0; FUNCTION_WORDS.len()];
    let mut lower = String::new();
    for w in sample.split(' ') {
        // `qu’il` counts as `qu`, `it's` as `it`.
        let w = w.split(['\'', '’']).next().unwrap_or(w);
        // No function word is longer than 9 letters (18 bytes in Cyrillic).
        if w.is_empty() || w.len() > 20 {
            continue;
        }
        let key = if w.chars().all(|c| !case::is_uppercase(c)) {
            w
        } else {
            lower.clear();
            w.chars().for_each(|c| case::push_lowercase(c, &mut lower));
            lower.as_str()
        };
        if let Some(&langs) = words.get(key) {
            for (i, n) in counts.iter_mut().enumerate() {
                *n += usize::from(langs & (1 << i) != 0);
            }
        }
    }
    counts
}

/// Whether every letter of `sample` is in the alphabet of language `code`
/// (its main letters and those of its loanwords and names, from CLDR);
/// `false` for a language without a table.
fn alphabet_covers(code: &str, sample: &str) -> bool {
    let Some(alphabet) = crate::language::alphabet::alphabet(code) else {
        return false;
    };
    sample
        .chars()
        .filter(|&c| crate::text::script::letter_script(c).is_some())
        .flat_map(char::to_lowercase)
        .all(|c| alphabet.has_main(c) || alphabet.has_aux(c))
}

/// The language of a run of words in a script foreign to the document
/// (`tokens` from its first to its last word), when it is confidently a
/// real language whose alphabet has every letter of the run: an English or
/// Russian sentence in Arabic text. `None` for garble, for hallucinated
/// text in a language whatlang does not know (Mongolian `ө ү` are in no
/// Cyrillic alphabet it knows), and for runs too short to tell.
pub fn identify_run(text: &str, tokens: &[Token], script: Script) -> Option<String> {
    let (sample, words) = masked_sample(text, tokens, script, 1024);
    if words < 3 || sample.chars().filter(|c| c.is_alphabetic()).count() < 15 {
        return None;
    }
    if script == Script::Arabic {
        let code = arabic_script_language(&sample)?;
        return alphabet_covers(code, &sample).then(|| code.to_string());
    }
    // The alphabets choose the candidates, whatlang among them: its first
    // guess among all the script's languages is often a neighbour whose
    // alphabet lacks a letter of the text (Bulgarian for Russian with `ы`).
    let candidates: Vec<Lang> = script_languages(script)
        .iter()
        .copied()
        .filter(|&l| alphabet_covers(&code_of(l), &sample))
        .collect();
    let info = match candidates.len() {
        0 => return None,
        1 => return Some(code_of(candidates[0])),
        _ => Detector::with_allowlist(candidates).detect(&sample)?,
    };
    (info.confidence() >= MIN_GUESS_CONFIDENCE).then(|| code_of(info.lang()))
}

/// Groups of languages so close that whatlang often takes one for the
/// other on a sentence: a sentence of one in a document of another is not
/// reported.
const CLOSE: &[&[&str]] = &[
    &["ru", "uk", "be", "bg", "mk", "sr"],
    &["es", "pt", "it", "ca", "gl", "ro", "la"],
    &["da", "nb", "sv"],
    &["cs", "sk"],
    &["hr", "sr", "sl", "bs"],
    &["id", "ms", "jv", "tl"],
    &["hi", "mr", "ne"],
    &["ar", "fa", "ur"],
    &["nl", "af"],
];

/// Whether two languages are close enough to be confused on a sentence.
pub fn close_languages(a: &str, b: &str) -> bool {
    a == b || CLOSE.iter().any(|g| g.contains(&a) && g.contains(&b))
}

impl<'a> Document<'a> {
    /// Segments `text` (see [`Document::segment`]) and names its language:
    /// `language` when declared, else the one identified from the text.
    pub fn new(text: &'a str, language: Option<&str>) -> Self {
        Document::segment(text).named(language)
    }

    /// [`Document::new`] with tokens and language only (see
    /// [`Document::tokens_only`]).
    pub(crate) fn words_of(text: &'a str, language: Option<&str>) -> Self {
        Document::tokens_only(text).named(language)
    }

    /// The document with its language: `language` when declared, else the
    /// one identified from the text.
    fn named(mut self, language: Option<&str>) -> Self {
        self.language = match language {
            Some(code) => Some(normalize_code(code)),
            None => detect_document(self.text, &self.tokens, self.script),
        };
        self
    }

    /// The language of every sentence, in order (see
    /// [`sentence_language`]): computed once, on first use, so the rules and
    /// the report share it and scans that need none skip it.
    pub fn sentence_languages(&self) -> &[Option<String>] {
        self.sentence_languages_with(|doc| {
            doc.sentences
                .iter()
                .map(|s| {
                    sentence_language(
                        doc.text,
                        &doc.tokens[s.tokens.clone()],
                        doc.script,
                        doc.lang(),
                    )
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_normalise_to_639_1() {
        assert_eq!(normalize_code("ara"), "ar");
        assert_eq!(normalize_code("AR-eg"), "ar");
        assert_eq!(normalize_code("fre"), "fr");
        assert_eq!(normalize_code("mn"), "mn");
        assert_eq!(code_of(Lang::Rus), "ru");
    }

    #[test]
    fn arabic_script_languages_by_their_letters() {
        let detect = |text: &str| {
            let tokens = crate::text::tokens::tokenize(text);
            detect_document(text, &tokens, Some(Script::Arabic))
        };
        assert_eq!(
            detect("دیروز به تهران رفتم و کتاب‌ها را خریدم.").as_deref(),
            Some("fa")
        );
        assert_eq!(
            detect("میں نے کل ایک کتاب خریدی اور وہ بہت اچھی ہے۔").as_deref(),
            Some("ur")
        );
        assert_eq!(
            detect("زار الرئيس الروسي منطقة كورسك يوم الأربعاء.").as_deref(),
            Some("ar")
        );
    }

    #[test]
    fn arabic_typed_on_a_persian_keyboard_stays_arabic() {
        let detect = |text: &str| {
            let tokens = crate::text::tokens::tokenize(text);
            detect_document(text, &tokens, Some(Script::Arabic))
        };
        // `ی ک` for `ي ك`: still Arabic, by its words.
        assert_eq!(
            detect("قال الرئیس الروسی إن القوات فی منطقة کورسک تواصل التقدم علی الجبهة الشرقیة.")
                .as_deref(),
            Some("ar")
        );
        // Persian with no letter Arabic lacks: its function words decide.
        assert_eq!(
            detect("او گفت که این کار را انجام داده است.").as_deref(),
            Some("fa")
        );
        assert_eq!(
            detect("وزیر امور خارجه دیروز در تهران با همتای خود دیدار کرد.").as_deref(),
            Some("fa")
        );
    }

    #[test]
    fn names_and_acronyms_are_masked() {
        let text = "Yesterday the NATO chief met Donald Trump in Brussels, and he said so.";
        let tokens = crate::text::tokens::tokenize(text);
        let (sample, words) = masked_sample(text, &tokens, Script::Latin, 1000);
        assert_eq!(sample, "Yesterday the chief met in and he said so");
        assert_eq!(words, 9);
    }

    #[test]
    fn sentence_languages() {
        let lang = |text: &str, script: Script, doc: &str| {
            let tokens = crate::text::tokens::tokenize(text);
            sentence_language(text, &tokens, Some(script), Some(doc))
        };
        let en = "The minister said on Thursday that the talks with the union would go on.";
        let fr =
            "Le ministre a déclaré jeudi que les discussions avec le syndicat allaient continuer.";
        let ru = "Министр заявил в четверг, что переговоры с профсоюзом будут продолжены.";
        let ar = "قال الوزير يوم الخميس إن المحادثات مع النقابة ستستمر.";
        assert_eq!(lang(en, Script::Arabic, "ar").as_deref(), Some("en"));
        assert_eq!(lang(en, Script::Latin, "fr").as_deref(), Some("en"));
        assert_eq!(lang(fr, Script::Latin, "en").as_deref(), Some("fr"));
        assert_eq!(lang(en, Script::Latin, "en").as_deref(), Some("en"));
        assert_eq!(lang(ru, Script::Arabic, "ar").as_deref(), Some("ru"));
        assert_eq!(lang(ar, Script::Latin, "en").as_deref(), Some("ar"));
        // Arabic in an Arabic document needs no detection.
        assert_eq!(lang(ar, Script::Arabic, "ar").as_deref(), Some("ar"));
        // Too short to say, in another script or in the document's.
        assert_eq!(lang("He said so.", Script::Arabic, "ar"), None);
        assert_eq!(lang("Thank you, Minister.", Script::Latin, "en"), None);
        assert_eq!(lang("Il l'a dit.", Script::Latin, "en"), None);
        // Unless the document language's function words settle it.
        assert_eq!(
            lang("It was the end of it.", Script::Latin, "en").as_deref(),
            Some("en")
        );
    }

    #[test]
    fn run_identification_needs_a_covering_alphabet() {
        let id = |text: &str, script: Script| {
            let tokens = crate::text::tokens::tokenize(text);
            identify_run(text, &tokens, script)
        };
        assert_eq!(
            id("the government will not accept this deal", Script::Latin).as_deref(),
            Some("en")
        );
        assert_eq!(
            id(
                "правительство не примет эту сделку никогда",
                Script::Cyrillic
            )
            .as_deref(),
            Some("ru")
        );
        // Mongolian letters `ө ү` are in no alphabet whatlang knows.
        assert_eq!(
            id(
                "чөийн жилилараг уирдсан сид үрээүүүэхалаварө өөөн бна",
                Script::Cyrillic
            ),
            None
        );
        assert_eq!(id("the deal", Script::Latin), None);
    }

    #[test]
    fn detects_by_script_then_whatlang() {
        let text = "Le président a déclaré hier que la réforme serait votée avant l'été.";
        let tokens = crate::text::tokens::tokenize(text);
        assert_eq!(
            detect_document(text, &tokens, Some(Script::Latin)).as_deref(),
            Some("fr")
        );
    }
}
