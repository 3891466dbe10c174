//! A transliteration matcher: finds, among the words of a document, the
//! spelling of a foreign term in the document's script: `Kursk` → `كورسك`,
//! `Gerasimov` → `جيراسيموف`, `Путин` → `بوتين`, `Putin` → `Путина`.
//!
//! A term is read as a sequence of sound units (`sh`, `kh`, `ts`, `ov`
//! are units of their letters), each with the letters that may write it in
//! the target script and a cost per choice. A candidate word is aligned with
//! the units by dynamic programming: a unit may be written by one of its
//! choices, left out (short vowels, which Arabic does not write, cost almost
//! nothing; consonants cost a whole point), or replaced by another letter;
//! long-vowel letters of the target may be added cheaply. The cost, divided
//! by the number of consonants, is the distance; a match needs a small
//! distance and a clear lead over every unrelated word of the document.
//!
//! Pairs covered: Latin and Cyrillic to Arabic, Latin to Cyrillic. The
//! tables are written by hand from the usual conventions of Arabic and
//! Russian news for foreign names.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use fst::Streamer;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::language::arabic;
use crate::text::normalize::is_arabic_mark;

/// The script a term is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Arabic script (Arabic, with the Persian letters some writers use for
    /// `p v g zh ch`).
    Arabic,
    /// Cyrillic script, as Russian writes it.
    Cyrillic,
}

/// The script of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermScript {
    /// Latin letters (accents are folded).
    Latin,
    /// Cyrillic letters.
    Cyrillic,
}

/// A spelling found for a term.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The document's word, as written there, without its proclitics (`و ب ل ال`).
    pub spelling: String,
    /// The folded stem that matched.
    pub key: String,
    /// Alignment cost per consonant: 0 is a perfect transliteration.
    pub distance: f32,
    /// How many words of the document are written with this stem.
    pub count: usize,
}

/// Distances at or under this are matches, for names of four consonants or
/// more; shorter ones must be closer (see [`max_distance`]).
pub const MAX_DISTANCE: f32 = 0.25;

/// The largest distance accepted for a name of `consonants` consonants:
/// short names meet unrelated words by chance (`York` ترك, `Capt` سبت).
pub fn max_distance(consonants: usize) -> f32 {
    match consonants {
        0..=2 => 0.1,
        3 => 0.2,
        _ => MAX_DISTANCE,
    }
}
/// The best match must beat every unrelated candidate by this much.
pub const MIN_LEAD: f32 = 0.2;

/// The largest distance [`TargetWords::find`] can keep: the bar of a long
/// name, its lead, and a margin for rounding.
const FIND_LIMIT: f32 = MAX_DISTANCE + MIN_LEAD + 0.01;

/// One way to write a unit: target letters (folded) and a cost.
type Choice = (&'static str, f32);

/// A sound unit of a term.
#[derive(Debug, Clone, Copy)]
struct Unit {
    choices: &'static [Choice],
    /// Cost of writing nothing for it.
    drop: f32,
    /// Whether it counts as a consonant for the normalisation.
    consonant: bool,
}

const fn c(choices: &'static [Choice]) -> Unit {
    Unit {
        choices,
        drop: 1.0,
        consonant: true,
    }
}

const fn v(choices: &'static [Choice], drop: f32) -> Unit {
    Unit {
        choices,
        drop,
        consonant: false,
    }
}

const fn soft(choices: &'static [Choice], drop: f32) -> Unit {
    Unit {
        choices,
        drop,
        consonant: true,
    }
}

// ---------------------------------------------------------------------------
// Latin → Arabic
// ---------------------------------------------------------------------------

/// Latin graphemes (lowercase, accents folded) and their Arabic spellings,
/// longest first within each starting letter. Short vowels may be dropped.
static LATIN_ARABIC: &[(&str, Unit)] = &[
    ("shch", c(&[("تش", 0.0), ("ش", 0.0), ("شتش", 0.0)])),
    ("sch", c(&[("ش", 0.0)])),
    ("tch", c(&[("تش", 0.0), ("ش", 0.2), ("چ", 0.0)])),
    ("dzh", c(&[("ج", 0.0)])),
    ("sh", c(&[("ش", 0.0)])),
    (
        "ch",
        c(&[("تش", 0.0), ("ش", 0.0), ("چ", 0.0), ("ك", 0.2), ("خ", 0.2)]),
    ),
    ("kh", c(&[("خ", 0.0), ("ك", 0.3)])),
    ("gh", soft(&[("غ", 0.0), ("ج", 0.2), ("ق", 0.3)], 0.5)),
    ("th", c(&[("ث", 0.0), ("ت", 0.0), ("ذ", 0.0), ("س", 0.3)])),
    ("zh", c(&[("ج", 0.0), ("ژ", 0.0), ("ز", 0.2)])),
    ("ts", c(&[("تس", 0.0), ("ز", 0.3)])),
    ("tz", c(&[("تس", 0.0), ("ز", 0.2)])),
    ("ph", c(&[("ف", 0.0)])),
    ("ck", c(&[("ك", 0.0), ("ق", 0.2)])),
    ("dj", c(&[("ج", 0.0)])),
    ("qu", c(&[("كو", 0.0), ("ك", 0.1), ("ق", 0.1), ("قو", 0.0)])),
    ("ou", v(&[("و", 0.0)], 0.3)),
    ("oo", v(&[("و", 0.0)], 0.3)),
    ("ee", v(&[("ي", 0.0)], 0.3)),
    ("ea", v(&[("ي", 0.0), ("يا", 0.0)], 0.2)),
    ("ie", v(&[("ي", 0.0)], 0.2)),
    ("ai", v(&[("اي", 0.0), ("ي", 0.0), ("ا", 0.1)], 0.2)),
    ("ay", v(&[("اي", 0.0), ("ي", 0.0)], 0.3)),
    ("ei", v(&[("اي", 0.0), ("ي", 0.0)], 0.2)),
    ("ey", v(&[("اي", 0.0), ("ي", 0.0)], 0.3)),
    ("oi", v(&[("وي", 0.0), ("وا", 0.2)], 0.3)),
    ("oy", v(&[("وي", 0.0)], 0.3)),
    ("au", v(&[("او", 0.0), ("و", 0.0)], 0.2)),
    ("aw", v(&[("او", 0.0), ("و", 0.0)], 0.3)),
    ("eu", v(&[("يو", 0.0), ("و", 0.0)], 0.2)),
    ("ya", v(&[("يا", 0.0), ("ي", 0.1)], 0.4)),
    ("yo", v(&[("يو", 0.0)], 0.4)),
    ("yu", v(&[("يو", 0.0)], 0.4)),
    ("ia", v(&[("يا", 0.0), ("ي", 0.1)], 0.2)),
    ("io", v(&[("يو", 0.0), ("و", 0.1)], 0.2)),
    (
        "a",
        v(&[("ا", 0.0), ("ه", 0.1), ("ع", 0.3), ("ي", 0.3)], 0.1),
    ),
    (
        "e",
        v(&[("ي", 0.0), ("ا", 0.1), ("ه", 0.3), ("ع", 0.4)], 0.1),
    ),
    ("i", v(&[("ي", 0.0), ("ا", 0.3), ("ع", 0.3)], 0.1)),
    ("o", v(&[("و", 0.0), ("ا", 0.3), ("ع", 0.3)], 0.1)),
    (
        "u",
        v(&[("و", 0.0), ("ا", 0.3), ("ي", 0.4), ("ع", 0.3)], 0.1),
    ),
    ("y", v(&[("ي", 0.0)], 0.2)),
    ("w", soft(&[("و", 0.0), ("ف", 0.3)], 0.3)),
    ("b", c(&[("ب", 0.0), ("پ", 0.0)])),
    // `c` before `e i y` is soft: see `units`.
    ("c", c(&[("ك", 0.0), ("ق", 0.1), ("تش", 0.3), ("س", 0.5)])),
    ("d", c(&[("د", 0.0), ("ض", 0.2)])),
    ("f", c(&[("ف", 0.0)])),
    (
        "g",
        c(&[("ج", 0.0), ("غ", 0.0), ("ق", 0.0), ("گ", 0.0), ("ك", 0.3)]),
    ),
    ("h", soft(&[("ه", 0.0), ("ح", 0.0), ("خ", 0.3)], 0.4)),
    ("j", c(&[("ج", 0.0), ("ي", 0.2), ("خ", 0.2), ("ه", 0.3)])),
    ("k", c(&[("ك", 0.0), ("ق", 0.0)])),
    ("l", c(&[("ل", 0.0)])),
    ("m", c(&[("م", 0.0)])),
    ("n", c(&[("ن", 0.0)])),
    ("p", c(&[("ب", 0.0), ("پ", 0.0)])),
    ("q", c(&[("ك", 0.0), ("ق", 0.0)])),
    ("r", c(&[("ر", 0.0)])),
    ("s", c(&[("س", 0.0), ("ص", 0.1), ("ز", 0.2), ("ش", 0.5)])),
    ("t", c(&[("ت", 0.0), ("ط", 0.1)])),
    ("v", c(&[("ف", 0.0), ("ڤ", 0.0), ("و", 0.3)])),
    ("x", c(&[("كس", 0.0), ("كز", 0.2), ("س", 0.3)])),
    (
        "z",
        c(&[("ز", 0.0), ("س", 0.2), ("تس", 0.2), ("ظ", 0.3), ("ذ", 0.3)]),
    ),
];

// ---------------------------------------------------------------------------
// Cyrillic → Arabic
// ---------------------------------------------------------------------------

/// Russian letters and their Arabic spellings.
static CYRILLIC_ARABIC: &[(&str, Unit)] = &[
    ("ий", v(&[("ي", 0.0)], 0.2)),
    ("ый", v(&[("ي", 0.0)], 0.2)),
    ("а", v(&[("ا", 0.0), ("ه", 0.1)], 0.1)),
    ("б", c(&[("ب", 0.0)])),
    ("в", c(&[("ف", 0.0), ("ڤ", 0.0), ("و", 0.2)])),
    (
        "г",
        c(&[("ج", 0.0), ("غ", 0.0), ("ق", 0.1), ("ك", 0.3), ("ه", 0.3)]),
    ),
    ("д", c(&[("د", 0.0), ("ض", 0.2)])),
    ("е", v(&[("ي", 0.0), ("ا", 0.2)], 0.1)),
    ("ж", c(&[("ج", 0.0), ("ژ", 0.0), ("ز", 0.2)])),
    ("з", c(&[("ز", 0.0), ("س", 0.2)])),
    ("и", v(&[("ي", 0.0)], 0.1)),
    ("й", v(&[("ي", 0.0)], 0.1)),
    ("к", c(&[("ك", 0.0), ("ق", 0.0)])),
    ("л", c(&[("ل", 0.0)])),
    ("м", c(&[("م", 0.0)])),
    ("н", c(&[("ن", 0.0)])),
    ("о", v(&[("و", 0.0), ("ا", 0.3)], 0.1)),
    ("п", c(&[("ب", 0.0), ("پ", 0.0)])),
    ("р", c(&[("ر", 0.0)])),
    ("с", c(&[("س", 0.0), ("ص", 0.1)])),
    ("т", c(&[("ت", 0.0), ("ط", 0.1)])),
    ("у", v(&[("و", 0.0)], 0.1)),
    ("ф", c(&[("ف", 0.0)])),
    ("х", c(&[("خ", 0.0), ("ه", 0.2), ("ح", 0.2)])),
    ("ц", c(&[("تس", 0.0), ("س", 0.2), ("ز", 0.3)])),
    ("ч", c(&[("تش", 0.0), ("ش", 0.0), ("چ", 0.0)])),
    ("ш", c(&[("ش", 0.0)])),
    ("щ", c(&[("ش", 0.0), ("شت", 0.0)])),
    ("ъ", v(&[], 0.0)),
    ("ы", v(&[("ي", 0.0)], 0.1)),
    ("ь", v(&[("ي", 0.2)], 0.0)),
    ("э", v(&[("ي", 0.0), ("ا", 0.0)], 0.1)),
    ("ю", v(&[("يو", 0.0), ("و", 0.0)], 0.2)),
    ("я", v(&[("يا", 0.0), ("ا", 0.1)], 0.2)),
];

// ---------------------------------------------------------------------------
// Latin → Cyrillic
// ---------------------------------------------------------------------------

/// Latin graphemes and their Russian spellings (`ё` folded to `е`). Russian
/// writes its vowels, so dropping one costs more than in Arabic.
static LATIN_CYRILLIC: &[(&str, Unit)] = &[
    ("shch", c(&[("щ", 0.0), ("шч", 0.1)])),
    ("sch", c(&[("ш", 0.0), ("щ", 0.0)])),
    ("tch", c(&[("ч", 0.0)])),
    ("dzh", c(&[("дж", 0.0)])),
    ("sh", c(&[("ш", 0.0), ("щ", 0.2)])),
    ("ch", c(&[("ч", 0.0), ("ш", 0.1), ("к", 0.2), ("х", 0.2)])),
    ("kh", c(&[("х", 0.0)])),
    ("gh", soft(&[("г", 0.0)], 0.5)),
    ("th", c(&[("т", 0.0), ("с", 0.2), ("з", 0.3)])),
    ("zh", c(&[("ж", 0.0)])),
    ("ts", c(&[("ц", 0.0), ("тс", 0.0)])),
    ("tz", c(&[("ц", 0.0)])),
    ("ph", c(&[("ф", 0.0)])),
    ("ck", c(&[("к", 0.0)])),
    ("dj", c(&[("дж", 0.0)])),
    ("qu", c(&[("кв", 0.0), ("к", 0.1)])),
    ("ou", v(&[("у", 0.0), ("ау", 0.2)], 0.5)),
    ("oo", v(&[("у", 0.0)], 0.5)),
    ("ee", v(&[("и", 0.0)], 0.5)),
    ("ea", v(&[("и", 0.0), ("е", 0.1), ("еа", 0.1)], 0.5)),
    ("ie", v(&[("и", 0.0), ("ие", 0.0), ("ье", 0.1)], 0.5)),
    (
        "ai",
        v(&[("ай", 0.0), ("эй", 0.0), ("е", 0.1), ("аи", 0.0)], 0.5),
    ),
    ("ay", v(&[("ай", 0.0), ("эй", 0.0), ("ей", 0.0)], 0.5)),
    ("ei", v(&[("ей", 0.0), ("ай", 0.0), ("эй", 0.0)], 0.5)),
    ("ey", v(&[("ей", 0.0), ("эй", 0.0), ("и", 0.2)], 0.5)),
    ("oi", v(&[("ой", 0.0), ("уа", 0.2)], 0.5)),
    ("oy", v(&[("ой", 0.0)], 0.5)),
    ("au", v(&[("ау", 0.0), ("о", 0.1)], 0.5)),
    ("aw", v(&[("о", 0.1), ("ау", 0.1)], 0.5)),
    ("eu", v(&[("ей", 0.0), ("ю", 0.1), ("е", 0.1)], 0.5)),
    ("ya", v(&[("я", 0.0), ("йа", 0.1)], 0.5)),
    ("yo", v(&[("е", 0.0), ("йо", 0.0)], 0.5)),
    ("yu", v(&[("ю", 0.0)], 0.5)),
    ("ia", v(&[("ия", 0.0), ("я", 0.1), ("иа", 0.1)], 0.5)),
    ("io", v(&[("ио", 0.0), ("е", 0.1)], 0.5)),
    ("iu", v(&[("ию", 0.0), ("ю", 0.1)], 0.5)),
    (
        "a",
        v(
            &[("а", 0.0), ("я", 0.1), ("э", 0.2), ("ей", 0.2), ("о", 0.3)],
            0.5,
        ),
    ),
    (
        "e",
        v(&[("е", 0.0), ("э", 0.0), ("и", 0.2), ("а", 0.3)], 0.3),
    ),
    (
        "i",
        v(&[("и", 0.0), ("ай", 0.1), ("ы", 0.1), ("е", 0.3)], 0.5),
    ),
    ("o", v(&[("о", 0.0), ("а", 0.2), ("у", 0.3)], 0.5)),
    ("u", v(&[("у", 0.0), ("ю", 0.1), ("а", 0.2)], 0.5)),
    (
        "y",
        v(&[("и", 0.0), ("й", 0.0), ("ы", 0.0), ("ай", 0.1)], 0.3),
    ),
    ("w", soft(&[("в", 0.0), ("у", 0.2)], 0.3)),
    ("b", c(&[("б", 0.0)])),
    ("c", c(&[("к", 0.0), ("с", 0.5), ("ц", 0.5)])),
    ("d", c(&[("д", 0.0)])),
    ("f", c(&[("ф", 0.0)])),
    ("g", c(&[("г", 0.0), ("ж", 0.1), ("дж", 0.1), ("х", 0.3)])),
    ("h", soft(&[("х", 0.0), ("г", 0.0)], 0.3)),
    ("j", c(&[("дж", 0.0), ("ж", 0.0), ("й", 0.1), ("х", 0.2)])),
    ("k", c(&[("к", 0.0)])),
    ("l", c(&[("л", 0.0)])),
    ("m", c(&[("м", 0.0)])),
    ("n", c(&[("н", 0.0)])),
    ("p", c(&[("п", 0.0)])),
    ("q", c(&[("к", 0.0)])),
    ("r", c(&[("р", 0.0)])),
    ("s", c(&[("с", 0.0), ("з", 0.1), ("ш", 0.3)])),
    ("t", c(&[("т", 0.0)])),
    ("v", c(&[("в", 0.0)])),
    ("x", c(&[("кс", 0.0), ("х", 0.2)])),
    ("z", c(&[("з", 0.0), ("ц", 0.1)])),
];

/// Soft `c` (before `e i y`): in Arabic, then in Russian.
static SOFT_C: [Unit; 2] = [
    c(&[("س", 0.0), ("ص", 0.1), ("تش", 0.3), ("ك", 0.5)]),
    c(&[("с", 0.0), ("ц", 0.0), ("ч", 0.3), ("к", 0.5)]),
];

/// Russian case endings a name may take (`Путина`, `Курской`).
const RUSSIAN_ENDINGS: &[&str] = &[
    "а",
    "я",
    "у",
    "ю",
    "е",
    "ы",
    "и",
    "ом",
    "ем",
    "ой",
    "ей",
    "ым",
    "им",
    "ах",
    "ях",
    "ам",
    "ям",
    "ами",
    "ями",
    "ого",
    "его",
    "ому",
    "ему",
    "ая",
    "ую",
    "ий",
    "ый",
    "ое",
    "ые",
    "ых",
    "ов",
    "ев",
    "ская",
    "ской",
    "скую",
    "ский",
    "ского",
    "ском",
    "ские",
    "ских",
];

/// Folds a Latin letter's accent away (`é` → `e`); `None` for what is not a
/// Latin letter.
pub fn fold_latin(ch: char) -> Option<&'static str> {
    Some(match ch {
        'a'..='z' => {
            const L: &str = "abcdefghijklmnopqrstuvwxyz";
            let i = ch as usize - 'a' as usize;
            &L[i..i + 1]
        }
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ğ' => "g",
        _ => return None,
    })
}

/// The term's letters in the table's alphabet: lowercase, accents folded,
/// apostrophes and hyphens dropped. `None` when a letter is outside it.
fn letters_of(term: &str, source: TermScript) -> Option<String> {
    let mut out = String::with_capacity(term.len());
    let mut push = |ch: char| -> Option<()> {
        if matches!(ch, '\'' | '’' | 'ʼ' | '-' | '‐') {
            return Some(());
        }
        match source {
            TermScript::Latin => out.push_str(fold_latin(ch)?),
            TermScript::Cyrillic => match ch {
                'ё' => out.push('е'),
                'а'..='я' => out.push(ch),
                _ => return None,
            },
        }
        Some(())
    };
    for ch in term.chars() {
        // ASCII first: most names are, and `to_lowercase` is slow.
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase())?;
        } else {
            for l in ch.to_lowercase() {
                push(l)?;
            }
        }
    }
    Some(out)
}

/// A table's entries grouped by their first letter, in the table's order
/// (longest first), sorted by that letter: the entries to try at a letter
/// are found by a binary search instead of a scan of the whole table.
type ByFirst = Vec<(char, Vec<(&'static str, Unit)>)>;

fn by_first(table: &'static [(&'static str, Unit)]) -> ByFirst {
    let mut out: ByFirst = Vec::new();
    for &(g, unit) in table {
        let Some(first) = g.chars().next() else {
            continue;
        };
        match out.iter_mut().find(|e| e.0 == first) {
            Some(e) => e.1.push((g, unit)),
            None => out.push((first, vec![(g, unit)])),
        }
    }
    out.sort_by_key(|e| e.0);
    out
}

/// Splits a term into sound units; doubled consonants are one unit.
fn units(term: &str, source: TermScript, target: Target) -> Option<Vec<Unit>> {
    static BY_FIRST: OnceLock<[ByFirst; 3]> = OnceLock::new();
    let tables =
        BY_FIRST.get_or_init(|| [LATIN_ARABIC, CYRILLIC_ARABIC, LATIN_CYRILLIC].map(by_first));
    let table = match (source, target) {
        (TermScript::Latin, Target::Arabic) => &tables[0],
        (TermScript::Cyrillic, Target::Arabic) => &tables[1],
        (TermScript::Latin, Target::Cyrillic) => &tables[2],
        (TermScript::Cyrillic, Target::Cyrillic) => return None,
    };
    let letters = letters_of(term, source)?;
    let mut out = Vec::new();
    let mut rest = letters.as_str();
    let mut prev = "";
    let mut last_vowel = "";
    while !rest.is_empty() {
        let first = rest.chars().next()?;
        let at = table.binary_search_by_key(&first, |e| e.0).ok()?;
        let (g, mut unit) = *table[at].1.iter().find(|(g, _)| rest.starts_with(g))?;
        rest = &rest[g.len()..];
        // `c` before `e i y` sounds `s` (`Cecil`, `Nice`).
        if g == "c" && rest.starts_with(['e', 'i', 'y']) {
            unit = SOFT_C[usize::from(target == Target::Cyrillic)];
        }
        // `ll`, `ss`, `tt`: one sound, one letter (Arabic writes a shadda).
        if g != prev || !unit.consonant {
            out.push(unit);
        }
        last_vowel = if unit.consonant { "" } else { g };
        prev = g;
    }
    // A final vowel is written in both scripts (`Turkey` تركيا, `Kanye`
    // كاني), but for the silent `e` of `Rose`.
    if let Some(u) = out.last_mut() {
        if !u.consonant && !matches!(last_vowel, "e" | "ь" | "ъ" | "й") {
            u.drop = u.drop.max(0.6);
        }
    }
    Some(out)
}

/// Whether `c` is a long-vowel letter (or a silent sign) of the target,
/// which a transliteration may add without a letter of the source.
fn insert_cost(ch: char, target: Target) -> f32 {
    match target {
        Target::Arabic => match ch {
            'ا' | 'و' | 'ي' => 0.4,
            'ه' | 'ع' => 0.7,
            _ => 1.0,
        },
        Target::Cyrillic => match ch {
            'ь' | 'ъ' => 0.1,
            'й' => 0.3,
            'а' | 'е' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' => 0.6,
            _ => 1.0,
        },
    }
}

/// Whether a target letter is a vowel letter (not counted as a consonant).
fn is_vowel_letter(ch: char, target: Target) -> bool {
    match target {
        Target::Arabic => matches!(ch, 'ا' | 'و' | 'ي' | 'ه' | 'ع'),
        Target::Cyrillic => matches!(
            ch,
            'а' | 'е' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'ь' | 'ъ' | 'й'
        ),
    }
}

/// Folds a word of the target script for comparison: Arabic diacritics,
/// tatweel and hamza seats go (`أ إ آ → ا`, `ؤ → و`, `ئ ى → ي`, `ة → ه`);
/// Cyrillic is lowercased with `ё → е`.
pub fn fold_target(word: &str, target: Target) -> String {
    let mut out = String::with_capacity(word.len());
    fold_target_into(word, target, &mut out);
    out
}

/// [`fold_target`], appended to `out`.
fn fold_target_into(word: &str, target: Target, out: &mut String) {
    for ch in word.chars() {
        match target {
            Target::Arabic => {
                if is_arabic_mark(ch) || ch == 'ء' {
                    continue;
                }
                out.push(match ch {
                    'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                    'ى' | 'ی' | 'ئ' => 'ي',
                    'ؤ' => 'و',
                    'ة' => 'ه',
                    'ک' => 'ك',
                    c => c,
                });
            }
            Target::Cyrillic => {
                for l in ch.to_lowercase() {
                    out.push(if l == 'ё' { 'е' } else { l });
                }
            }
        }
    }
}

/// Function words (folded): pronouns, prepositions, particles and the
/// commonest verbs of saying and being. They are never a name's spelling,
/// and short ones meet short names by chance (`Alan` الآن, `Kanye` كان).
const FUNCTION_WORDS: &[&str] = &[
    // Arabic
    "من",
    "في",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "بين",
    "بعد",
    "قبل",
    "حتي",
    "عند",
    "كل",
    "قد",
    "لقد",
    "لم",
    "لن",
    "ما",
    "ماذا",
    "لا",
    "هو",
    "هي",
    "هم",
    "نحن",
    "انا",
    "انت",
    "الان",
    "ايضا",
    "غير",
    "حيث",
    "ثم",
    "او",
    "ام",
    "بل",
    "لكن",
    "منذ",
    "خلال",
    "حول",
    "ضد",
    "دون",
    "عبر",
    "لدي",
    "نحو",
    "كما",
    "مثل",
    "قال",
    "قالت",
    "اي",
    "اذا",
    "لو",
    "ليس",
    "وقت",
    "الذي",
    "كيف",
    "اين",
    "متي",
    "هناك",
    "هنا",
    "ذات",
    "انه",
    "انها",
    "لها",
    "له",
    "لهم",
    "بها",
    "به",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "عليه",
    "عليها",
    "اكثر",
    "اقل",
    "احد",
    "بعض",
    "جميع",
    // Russian
    "был",
    "была",
    "было",
    "были",
    "быть",
    "это",
    "этот",
    "эта",
    "эти",
    "того",
    "тот",
    "там",
    "тут",
    "где",
    "когда",
    "если",
    "как",
    "так",
    "что",
    "чтобы",
    "уже",
    "еще",
    "его",
    "ее",
    "их",
    "они",
    "она",
    "оно",
    "мы",
    "вы",
    "все",
    "всех",
    "для",
    "при",
    "без",
    "под",
    "над",
    "после",
    "перед",
    "между",
    "через",
    "про",
    "или",
    "но",
    "лишь",
    "только",
    "также",
    "тоже",
    "может",
];

/// Whether a folded word is one of [`FUNCTION_WORDS`]: a hash look-up, as
/// every distinct word of a document asks.
fn is_function_word(folded: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect())
        .contains(folded)
}

/// The stems a folded word may stand for: itself and, in Arabic, the word
/// without each proclitic that leaves at least three letters. Each comes
/// with the number of letters removed.
fn each_stem<'f>(folded: &'f str, target: Target, mut add: impl FnMut(&'f str, usize)) {
    add(folded, 0);
    if target == Target::Arabic {
        // Each proclitic leaves another number of letters: no remainder twice.
        for p in arabic::NAME_PROCLITICS {
            if let Some(rest) = folded.strip_prefix(p) {
                if rest.chars().count() >= 3 {
                    add(rest, p.chars().count());
                }
            }
        }
    }
}

/// The alignment cost of `units` with `word` (folded target letters), or
/// `None` when it exceeds `limit`. In Russian a case ending after the name
/// is free but for a small cost.
fn align(units: &[Unit], word: &[char], target: Target, limit: f32) -> Option<f32> {
    let n = units.len();
    let m = word.len();
    const INF: f32 = f32::INFINITY;
    // dp[i][j]: cost of writing the first i units as the first j letters,
    // in a buffer of the thread: a document aligns thousands of pairs.
    thread_local! {
        static DP: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut dp = DP.take();
    dp.clear();
    dp.resize((n + 1) * (m + 1), INF);
    let at = |i: usize, j: usize| i * (m + 1) + j;
    dp[0] = 0.0;
    for i in 0..=n {
        // Whether a cell of this row is within the limit: costs are never
        // negative, so once a whole row is above it, so is every later cell
        // and the result: the rows left need not be walked.
        let mut within = false;
        for j in 0..=m {
            let here = dp[at(i, j)];
            if here == INF || here > limit {
                continue;
            }
            within = true;
            if j < m {
                // A letter with no unit; names rarely gain a first consonant.
                let first = if i == 0 && !is_vowel_letter(word[j], target) {
                    2.0
                } else {
                    1.0
                };
                let cost = here + insert_cost(word[j], target) * first;
                if cost < dp[at(i, j + 1)] {
                    dp[at(i, j + 1)] = cost;
                }
            }
            if i == n {
                continue;
            }
            let u = &units[i];
            // The unit left unwritten; names rarely lose their first consonant.
            let cost = here
                + if i == 0 && u.consonant {
                    2.0 * u.drop
                } else {
                    u.drop
                };
            if cost < dp[at(i + 1, j)] {
                dp[at(i + 1, j)] = cost;
            }
            for &(letters, k) in u.choices {
                let mut jj = j;
                let mut ok = true;
                for l in letters.chars() {
                    if jj < m && word[jj] == l {
                        jj += 1;
                    } else {
                        ok = false;
                        break;
                    }
                }
                if ok && here + k < dp[at(i + 1, jj)] {
                    dp[at(i + 1, jj)] = here + k;
                }
            }
            // The unit written with another letter.
            if j < m {
                // A consonant written as a vowel letter is worse than another consonant.
                let sub = match (u.consonant, is_vowel_letter(word[j], target)) {
                    (true, true) => 1.2,
                    (true, false) | (false, false) => 1.0,
                    (false, true) => 0.4,
                } * if i == 0 && j == 0 { 2.0 } else { 1.0 };
                let cost = here + sub;
                if cost < dp[at(i + 1, j + 1)] {
                    dp[at(i + 1, j + 1)] = cost;
                }
            }
        }
        if !within {
            DP.set(dp);
            return None;
        }
    }
    let mut best = dp[at(n, m)];
    if target == Target::Cyrillic {
        for e in RUSSIAN_ENDINGS {
            let k = e.chars().count();
            if k < m && word[m - k..].iter().copied().eq(e.chars()) {
                best = best.min(dp[at(n, m - k)] + 0.1);
            }
        }
    }
    DP.set(dp);
    (best <= limit).then_some(best)
}

/// The distance between a term and a folded target stem: alignment cost
/// per consonant (of the term or of the stem, whichever has more), or
/// `None` when they cannot be the same name.
pub fn distance(term: &str, source: TermScript, stem: &str, target: Target) -> Option<f32> {
    let units = units(term, source, target)?;
    let word: Vec<char> = stem.chars().collect();
    distance_units(&units, &word, target).map(|(d, _)| d)
}

/// The distance and the consonant count it was divided by.
fn distance_units(units: &[Unit], word: &[char], target: Target) -> Option<(f32, usize)> {
    distance_within(units, word, target, 0.75)
}

/// [`distance_units`] when it is at most `max` (the alignment gives up on
/// paths that cost more, so a small `max` makes it fast).
fn distance_within(
    units: &[Unit],
    word: &[char],
    target: Target,
    max: f32,
) -> Option<(f32, usize)> {
    distance_within_written(units, None, word, target, max)
}

/// [`distance_within`], given the letters the units write (see
/// [`written_letters`]) when it is called for many words: a floor under
/// the alignment's cost (see [`unwritten_floor`]) then spares most of them
/// the alignment.
fn distance_within_written(
    units: &[Unit],
    written: Option<u64>,
    word: &[char],
    target: Target,
    max: f32,
) -> Option<(f32, usize)> {
    let consonants = units.iter().filter(|u| u.consonant).count();
    let word_consonants = word
        .iter()
        .filter(|&&c| !is_vowel_letter(c, target))
        .count();
    // Names of one consonant (`Roa`, `Io`) match too many words.
    if consonants < 2 || word.len() < 3 {
        return None;
    }
    // A Russian word may carry a case ending the term lacks: only the
    // term's consonants count there.
    let n = match target {
        Target::Arabic => consonants.max(word_consonants),
        Target::Cyrillic => consonants,
    };
    let norm = n as f32;
    // Cheap length filter before the alignment.
    if word_consonants > 2 * consonants + 1 || consonants > 2 * word_consonants + 1 {
        return None;
    }
    if written.is_some_and(|w| unwritten_floor(w, word, target) > max * norm) {
        return None;
    }
    let cost = align(units, word, target, max * norm)?;
    Some((cost / norm, n)).filter(|&(d, _)| d <= max)
}

/// The letters that some choice of some unit writes, as a set made by
/// [`letter_set`].
fn written_letters(units: &[Unit]) -> u64 {
    units
        .iter()
        .flat_map(|u| u.choices)
        .flat_map(|(letters, _)| letters.chars())
        .fold(0u64, |set, l| set | letter_set(l))
}

/// The least that [`align`] can pay for the letters of `word` outside
/// `written` (see [`written_letters`]), which no choice of any unit writes:
/// each is inserted or stands for another unit's sound, at the cheaper of
/// the two costs at least. A Russian ending the alignment may drop is left
/// out of the count.
fn unwritten_floor(written: u64, word: &[char], target: Target) -> f32 {
    let counted = match target {
        Target::Arabic => word.len(),
        Target::Cyrillic => word.len().saturating_sub(MAX_ENDING),
    };
    word[..counted]
        .iter()
        .filter(|&&c| letter_set(c) & written == 0)
        .map(|&c| {
            let other = if is_vowel_letter(c, target) { 0.4 } else { 1.0 };
            insert_cost(c, target).min(other)
        })
        .sum()
}

/// The letters of the longest of [`RUSSIAN_ENDINGS`].
const MAX_ENDING: usize = 5;

/// The words of a document in the target script, folded, with their stems,
/// ready to be searched for terms.
#[derive(Debug)]
pub struct TargetWords {
    target: Target,
    /// The stems' texts, end to end, in the order of `stems`.
    text: String,
    /// The stems' letters, end to end.
    letters: Vec<char>,
    /// The stems, sorted by their text.
    stems: Vec<StemEntry>,
    /// Indices of the stems by their first letter.
    by_first: Vec<(char, Vec<usize>)>,
}

/// One folded stem of a [`TargetWords`].
#[derive(Debug)]
struct StemEntry {
    /// Its text: a range of [`TargetWords::text`].
    text: Range<usize>,
    /// Its letters: a range of [`TargetWords::letters`].
    letters: Range<usize>,
    /// Its most frequent spelling as written (the first in text order
    /// between equals): a range of the text too.
    spelling: Range<usize>,
    /// How often the document writes it, in any spelling.
    count: usize,
}

impl TargetWords {
    /// A lexicon of `words` (words of the target script, as written).
    pub fn new<'w>(target: Target, words: impl IntoIterator<Item = &'w str>) -> Self {
        // Each distinct word is folded and stemmed once, with its count:
        // an article repeats most of its words.
        let mut distinct: FxHashMap<&str, usize> = FxHashMap::default();
        for w in words {
            *distinct.entry(w).or_default() += 1;
        }
        // The folded words end to end, so that every stem is a slice.
        let mut folded = String::new();
        let mut ranges: Vec<(&str, usize, Range<usize>)> = Vec::with_capacity(distinct.len());
        for (w, n) in distinct {
            let at = folded.len();
            fold_target_into(w, target, &mut folded);
            ranges.push((w, n, at..folded.len()));
        }
        // (stem, spelling without the stripped proclitic, count).
        let mut found: Vec<(&str, &str, usize)> = Vec::with_capacity(ranges.len() * 2);
        for (w, n, r) in ranges {
            let f = &folded[r];
            if is_function_word(f) {
                continue;
            }
            each_stem(f, target, |stem, cut| {
                if !is_function_word(stem) {
                    found.push((stem, surface_after(w, cut), n));
                }
            });
        }
        // Grouped by stem, and within a stem by spelling, whose counts add up.
        found.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut out = Self {
            target,
            text: String::new(),
            letters: Vec::new(),
            stems: Vec::new(),
            by_first: Vec::new(),
        };
        let mut k = 0;
        while k < found.len() {
            let stem = found[k].0;
            let (mut best, mut best_n, mut total) = ("", 0, 0);
            while k < found.len() && found[k].0 == stem {
                let spelling = found[k].1;
                let mut n = 0;
                while k < found.len() && found[k].0 == stem && found[k].1 == spelling {
                    n += found[k].2;
                    k += 1;
                }
                total += n;
                // Spellings come in text order: a tie keeps the first.
                if n > best_n {
                    (best, best_n) = (spelling, n);
                }
            }
            let at = out.text.len();
            out.text.push_str(stem);
            let text = at..out.text.len();
            out.text.push_str(best);
            let spelling = text.end..out.text.len();
            let first = out.letters.len();
            out.letters.extend(stem.chars());
            out.stems.push(StemEntry {
                text,
                letters: first..out.letters.len(),
                spelling,
                count: total,
            });
        }
        for (i, e) in out.stems.iter().enumerate() {
            let Some(&first) = out.letters[e.letters.clone()].first() else {
                continue;
            };
            match out.by_first.iter_mut().find(|(c, _)| *c == first) {
                Some((_, list)) => list.push(i),
                None => out.by_first.push((first, vec![i])),
            }
        }
        out
    }

    /// The text of stem `i`.
    fn stem(&self, i: usize) -> &str {
        &self.text[self.stems[i].text.clone()]
    }

    /// How many distinct stems the lexicon holds.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Whether the lexicon holds no word.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The document's spelling of `term`, if one word of the document is a
    /// close transliteration and clearly closer than any unrelated word.
    pub fn find(&self, term: &str, source: TermScript) -> Option<Match> {
        let units = units(term, source, self.target)?;
        // Only stems that begin as the term may begin: with a letter of
        // its first units (up to the first consonant that must be written)
        // or with a vowel letter. Changing a name's first consonant costs
        // double, so little is lost, and long documents stay fast.
        let firsts: Vec<char> = opening(&units).flat_map(first_letters).collect();
        let written = written_letters(&units);
        let mut candidates: Vec<usize> = Vec::new();
        for (first, list) in &self.by_first {
            if firsts.contains(first) || is_vowel_letter(*first, self.target) {
                candidates.extend(list);
            }
        }
        let mut scored: Vec<(f32, usize, usize)> = candidates
            .into_iter()
            .filter_map(|i| {
                let chars = &self.letters[self.stems[i].letters.clone()];
                // The alignment gives up above what the filter below keeps
                // (with a margin for rounding): the same candidates, found
                // without exploring the paths that could not be kept.
                let (d, n) =
                    distance_within_written(&units, Some(written), chars, self.target, FIND_LIMIT)?;
                // Below the bar of its length, or close enough to be a rival.
                (d <= max_distance(n) + MIN_LEAD).then_some((d, i, n))
            })
            .collect();
        scored.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let &(best_d, best_i, best_n) = scored.first()?;
        if best_d > max_distance(best_n) {
            return None;
        }
        let best = self.stem(best_i);
        // Variants of the best (a longer or shorter form of the same stem,
        // `كورسك`/`كورسكي`) are not rivals; any other close word is.
        let rival = scored[1..].iter().find(|&&(_, i, _)| {
            let s = self.stem(i);
            !(s.starts_with(best) || best.starts_with(s))
        });
        if let Some(&(d, _, _)) = rival {
            if d - best_d < MIN_LEAD {
                return None;
            }
        }
        // Occurrences of the best stem and its variants (`Путин`, `Путина`).
        let count = scored
            .iter()
            .filter(|&&(_, i, _)| {
                let s = self.stem(i);
                s.starts_with(best) || best.starts_with(s)
            })
            .map(|&(_, i, _)| self.stems[i].count)
            .sum();
        Some(Match {
            spelling: self.text[self.stems[best_i].spelling.clone()].to_string(),
            key: best.to_string(),
            distance: best_d,
            count,
        })
    }
}

/// A list of foreign names (Latin script), ready to tell whether a word of
/// the target script is the transliteration of one of them: `كريستيانساند`
/// is `Kristiansand`. Names are indexed by their consonant count and the
/// letters their first consonant may be written with, and carry the set of
/// letters they may be written with, so a word is aligned only with the few
/// names that can come close to it.
#[derive(Debug)]
pub struct Names {
    target: Target,
    /// The names, one after the other.
    text: String,
    /// Each name: where it ends in `text`, and the sets (see [`letter_set`])
    /// of the letters its first sound may be written with, of those any of
    /// its sounds may be written with, and of the consonant letters it may
    /// end with.
    names: Vec<(u32, u64, u64, u64)>,
    /// (first consonant letter, consonant count) → indices into `names`.
    index: HashMap<(char, usize), Vec<u32>>,
}

impl Names {
    /// The index of `names` (Latin script) for words of `target`; names the
    /// tables cannot read are left out.
    pub fn new<'n>(target: Target, names: impl IntoIterator<Item = &'n str>) -> Self {
        let mut out = Self {
            target,
            text: String::new(),
            names: Vec::new(),
            index: HashMap::new(),
        };
        let mut names = names.into_iter().peekable();
        let mut chunk: Vec<&str> = Vec::with_capacity(CHUNK);
        while names.peek().is_some() {
            chunk.clear();
            chunk.extend(names.by_ref().take(CHUNK));
            // Reading the names is most of the work: in parallel, in order,
            // a chunk at a time to keep memory low. Plain scoped threads,
            // not rayon: this runs inside a `OnceLock` that rayon's workers
            // may be waiting on, and they would never take its jobs.
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let per = chunk.len().div_ceil(threads).max(1);
            let read: Vec<Option<NameKeys>> = std::thread::scope(|scope| {
                let parts: Vec<_> = chunk
                    .chunks(per)
                    .map(|part| {
                        let handle = scope.spawn(move || {
                            part.iter()
                                .map(|name| name_keys(name, target))
                                .collect::<Vec<_>>()
                        });
                        (part.len(), handle)
                    })
                    .collect();
                // A part whose thread failed counts as unreadable names, so
                // the others keep their place.
                parts
                    .into_iter()
                    .flat_map(|(len, h)| h.join().unwrap_or_else(|_| vec![None; len]))
                    .collect()
            });
            for (name, keys) in chunk.iter().zip(read) {
                if !out.push(name, keys) {
                    return out;
                }
            }
        }
        out
    }

    /// The index as bytes, for [`Names::from_bytes`]: the text; each
    /// name's end and letter sets; the index's groups sorted by key. All
    /// little-endian; the same names give the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let len = |out: &mut Vec<u8>, n: usize| {
            out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
        };
        len(&mut out, self.text.len());
        out.extend_from_slice(self.text.as_bytes());
        len(&mut out, self.names.len());
        for &(end, firsts, letters, lasts) in &self.names {
            out.extend_from_slice(&end.to_le_bytes());
            for w in [firsts, letters, lasts] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut groups: Vec<_> = self.index.iter().collect();
        groups.sort_by_key(|(k, _)| **k);
        len(&mut out, groups.len());
        for ((c, n), list) in groups {
            len(&mut out, *c as usize);
            len(&mut out, *n);
            len(&mut out, list.len());
            for i in list {
                out.extend_from_slice(&i.to_le_bytes());
            }
        }
        out
    }

    /// The index that [`Names::to_bytes`] wrote; `None` if `bytes` is not
    /// one whole, well-formed index.
    pub fn from_bytes(target: Target, bytes: &[u8]) -> Option<Self> {
        let mut at: usize = 0;
        let mut take = |n: usize| {
            let part = bytes.get(at..at.checked_add(n)?)?;
            at += n;
            Some(part)
        };
        let u32_at = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or_default());
        let u64_at = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let text_len = u32_at(take(4)?) as usize;
        let text = std::str::from_utf8(take(text_len)?).ok()?.to_string();
        let count = u32_at(take(4)?) as usize;
        let mut names = Vec::with_capacity(count.min(bytes.len() / 28));
        for _ in 0..count {
            let r = take(28)?;
            let end = u32_at(&r[..4]);
            if end as usize > text.len() {
                return None;
            }
            names.push((
                end,
                u64_at(&r[4..12]),
                u64_at(&r[12..20]),
                u64_at(&r[20..28]),
            ));
        }
        let groups = u32_at(take(4)?) as usize;
        let mut index = HashMap::with_capacity(groups.min(4096));
        for _ in 0..groups {
            let c = char::from_u32(u32_at(take(4)?))?;
            let n = u32_at(take(4)?) as usize;
            let len = u32_at(take(4)?) as usize;
            let list: Vec<u32> = take(len.checked_mul(4)?)?
                .chunks_exact(4)
                .map(u32_at)
                .collect();
            if list.iter().any(|&i| i as usize >= names.len()) {
                return None;
            }
            index.insert((c, n), list);
        }
        (at == bytes.len()).then_some(Self {
            target,
            text,
            names,
            index,
        })
    }

    /// Adds a name and its keys (none: the tables cannot read it, left
    /// out); `false` when the text outgrows its `u32` offsets.
    fn push(&mut self, name: &str, keys: Option<NameKeys>) -> bool {
        let Some((n, keys, firsts, letters, lasts)) = keys else {
            return true;
        };
        let Ok(end) = u32::try_from(self.text.len() + name.len()) else {
            return false;
        };
        let at = self.names.len() as u32;
        for k in letters_in(keys, self.target) {
            self.index.entry((k, n)).or_default().push(at);
        }
        self.text.push_str(name);
        self.names.push((end, firsts, letters, lasts));
        true
    }

    /// How many names the list holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the list holds no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The name of the list closest to `folded` (a word folded with
    /// [`fold_target`]) and its distance (see [`distance`]), when that is
    /// at most `max`, which must be small: a consonant left out or added is
    /// not looked for.
    pub fn closest(&self, folded: &str, max: f32) -> Option<(&str, f32)> {
        let word: Vec<char> = folded.chars().collect();
        let first = letter_set(*word.first()?);
        let consonant = |c: &&char| !is_vowel_letter(**c, self.target);
        let key = *word.iter().find(consonant)?;
        let last = letter_set(*word.iter().rev().find(consonant)?);
        let consonants = word.iter().filter(consonant).count();
        // A consonant letter that no sound of the name is written with costs
        // a whole point, more than a small `max` allows.
        let needed = word
            .iter()
            .filter(consonant)
            .fold(0, |set, &c| set | letter_set(c));
        let vowel_first = is_vowel_letter(word[0], self.target);
        let mut best: Option<(usize, f32)> = None;
        // A unit written with two letters (`x` كس) makes the name up to two
        // consonants shorter than the word; one left out, longer.
        for n in consonants.saturating_sub(2)..=consonants + 1 {
            let Some(list) = self.index.get(&(key, n)) else {
                continue;
            };
            for &i in list {
                let (_, firsts, letters, lasts) = self.names[i as usize];
                if needed & !letters != 0
                    || lasts & last == 0
                    || firsts & first == 0 && !vowel_first
                {
                    continue;
                }
                let Some(units) = units(self.name(i as usize), TermScript::Latin, self.target)
                else {
                    continue;
                };
                if let Some((d, _)) = distance_within(&units, &word, self.target, max) {
                    // The first name of the list wins a tie: same input,
                    // same answer.
                    if best.is_none_or(|(b, bd)| d < bd || d == bd && (i as usize) < b) {
                        best = Some((i as usize, d));
                    }
                }
            }
        }
        best.map(|(i, d)| (self.name(i), d))
    }

    fn name(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.names[i - 1].0 as usize
        };
        &self.text[start..self.names[i].0 as usize]
    }
}

/// The names of `data/names/latin.fst` (SCOWL's proper nouns and the
/// words of GeoNames' city names, see `scripts/build_names.py`) indexed for
/// Arabic: what `build.rs` embeds (see [`latin_names`]).
pub fn latin_names_index() -> Names {
    let mut all = String::new();
    if let Ok(set) = fst::Set::new(
        &include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/names/latin.fst"))[..],
    ) {
        let mut stream = set.stream();
        while let Some(name) = stream.next() {
            if let Ok(name) = std::str::from_utf8(name) {
                all.push_str(name);
                all.push('\n');
            }
        }
    }
    Names::new(Target::Arabic, all.lines())
}

/// The foreign names of [`latin_names_index`], read on first use from the
/// index the build made (`build.rs`, 3 ms), or built here (70 ms on two
/// cores) if that is missing or unreadable.
pub fn latin_names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        crate::language::names_index::bytes()
            .and_then(|b| Names::from_bytes(Target::Arabic, b))
            .unwrap_or_else(latin_names_index)
    })
}

/// How many names [`Names::new`] reads at a time.
const CHUNK: usize = 8192;

/// What [`Names`] keeps of a name: its consonant count, and the letter sets
/// (see [`letter_set`]) of the first letters its first consonant may be
/// written with, of its first sound, of all its sounds, and of the last
/// consonant letters it may be written with.
type NameKeys = (usize, u64, u64, u64, u64);

fn name_keys(name: &str, target: Target) -> Option<NameKeys> {
    let units = units(name, TermScript::Latin, target)?;
    let n = units.iter().filter(|u| u.consonant).count();
    let set = |letters: &mut dyn Iterator<Item = char>| letters.fold(0, |s, c| s | letter_set(c));
    let firsts = set(&mut opening(&units).flat_map(first_letters));
    // The letters the first consonant that must be written may start with
    // (a softer one before it may be left out).
    let mut keys = 0;
    for u in units.iter().filter(|u| u.consonant) {
        keys |= set(&mut first_letters(u).filter(|&c| !is_vowel_letter(c, target)));
        if u.drop >= 1.0 {
            break;
        }
    }
    let letters = set(&mut units
        .iter()
        .flat_map(|u| u.choices.iter().flat_map(|(l, _)| l.chars())));
    // The last consonant letter a writing of it may have: a consonant left
    // out or added at the end costs a whole point, more than `closest`
    // allows, so the word's last consonant letter must be one of these.
    let mut lasts = 0;
    for u in units.iter().rev() {
        lasts |= set(&mut u
            .choices
            .iter()
            .filter_map(|(l, _)| l.chars().rev().find(|&c| !is_vowel_letter(c, target))));
        if u.consonant && u.drop >= 1.0 {
            break;
        }
    }
    Some((n, keys, firsts, letters, lasts))
}

/// The units a writing of a term may start with: up to the first
/// consonant that must be written, which names rarely lose.
fn opening(units: &[Unit]) -> impl Iterator<Item = &Unit> {
    let end = units
        .iter()
        .position(|u| u.consonant && u.drop >= 1.0)
        .map_or(units.len(), |i| i + 1);
    units[..end].iter()
}

/// The first letter of each way to write a unit.
fn first_letters(u: &Unit) -> impl Iterator<Item = char> + '_ {
    u.choices.iter().filter_map(|(l, _)| l.chars().next())
}

/// A bit for each letter of the Arabic block (U+0620..U+065F) and of the
/// basic Cyrillic one (U+0430..U+046F), for quick tests of which letters a
/// name can be written with; other characters share the top bit.
fn letter_set(c: char) -> u64 {
    let at = match c as u32 {
        x @ 0x0620..=0x065F => x - 0x0620,
        x @ 0x0430..=0x046F => x - 0x0430,
        _ => 63,
    };
    1 << at.min(63)
}

/// The letters of `target` in a set made by [`letter_set`].
fn letters_in(set: u64, target: Target) -> impl Iterator<Item = char> {
    let base = match target {
        Target::Arabic => 0x0620,
        Target::Cyrillic => 0x0430,
    };
    (0..63u32)
        .filter(move |i| set & (1 << i) != 0)
        .filter_map(move |i| char::from_u32(base + i))
}

/// `word` without its first `letters` letters (and the marks after them).
fn surface_after(word: &str, letters: usize) -> &str {
    if letters == 0 {
        return word;
    }
    let mut seen = 0;
    for (i, ch) in word.char_indices() {
        if is_arabic_mark(ch) || ch == 'ء' {
            continue;
        }
        if seen == letters {
            return &word[i..];
        }
        seen += 1;
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_of_unwritten_letters_is_never_above_the_alignment() {
        assert!(RUSSIAN_ENDINGS
            .iter()
            .all(|e| e.chars().count() <= MAX_ENDING));
        let terms = [
            "Kursk",
            "Zelensky",
            "Biden",
            "Macron",
            "Washington",
            "Shakira",
            "NATO",
        ];
        let arabic = [
            "كورسك",
            "زيلينسكي",
            "بايدن",
            "ماكرون",
            "واشنطن",
            "شاكيرا",
            "الناتو",
            "الحكومة",
            "قال",
            "المتحدة",
            "استعادت",
            "كييف",
            "الرئيس",
            "والمدينة",
            "ظظظظ",
        ];
        let russian = [
            "курск",
            "зеленского",
            "байдена",
            "макроном",
            "вашингтоне",
            "шакира",
            "нато",
            "правительство",
            "сказал",
            "киев",
            "ъъъ",
        ];
        for term in terms {
            for (target, words) in [
                (Target::Arabic, &arabic[..]),
                (Target::Cyrillic, &russian[..]),
            ] {
                let units = units(term, TermScript::Latin, target).expect("a Latin term");
                for w in words {
                    let word: Vec<char> = fold_target(w, target).chars().collect();
                    let floor = unwritten_floor(written_letters(&units), &word, target);
                    let cost = align(&units, &word, target, f32::INFINITY).expect("no limit");
                    assert!(floor <= cost + 1e-4, "{term} {w}: {floor} > {cost}");
                }
            }
        }
    }

    fn d(term: &str, source: TermScript, word: &str, target: Target) -> Option<f32> {
        distance(term, source, &fold_target(word, target), target)
    }

    #[test]
    fn close_transliterations_are_near() {
        use Target::Arabic as A;
        use TermScript::*;
        for (term, src, word) in [
            ("Kursk", Latin, "كورسك"),
            ("Gerasimov", Latin, "جيراسيموف"),
            ("Gerasimov", Latin, "غيراسيموف"),
            ("Putin", Latin, "بوتين"),
            ("Путин", Cyrillic, "بوتين"),
            ("Zelensky", Latin, "زيلينسكي"),
            ("Washington", Latin, "واشنطن"),
            ("Shoigu", Latin, "شويغو"),
            ("Khrushchev", Latin, "خروتشوف"),
            ("Telegram", Latin, "تيليغرام"),
        ] {
            let got = d(term, src, word, A);
            assert!(
                got.is_some_and(|x| x <= MAX_DISTANCE),
                "{term} {word} {got:?}"
            );
        }
        for (term, word) in [
            ("Putin", "Путина"),
            ("Kursk", "Курской"),
            ("Zelensky", "Зеленский"),
        ] {
            let got = d(term, Latin, word, Target::Cyrillic);
            assert!(
                got.is_some_and(|x| x <= MAX_DISTANCE),
                "{term} {word} {got:?}"
            );
        }
    }

    #[test]
    fn unrelated_words_are_far() {
        use TermScript::*;
        for (term, word) in [
            ("Kursk", "كرسي"),
            ("Kursk", "روسيا"),
            ("Gerasimov", "الرسمية"),
            ("Putin", "بيت"),
            ("Telegram", "تلفزيون"),
        ] {
            let got = d(term, Latin, word, Target::Arabic);
            assert!(
                got.is_none_or(|x| x > MAX_DISTANCE),
                "{term} {word} {got:?}"
            );
        }
        assert!(d("Putin", Latin, "путь", Target::Cyrillic).is_none_or(|x| x > MAX_DISTANCE));
    }

    #[test]
    fn the_lexicon_strips_clitics_and_wants_a_clear_best() {
        let words = "وصل بوتين إلى منطقة كورسك وقال لكورسك إن الرئيس فلاديمير";
        let lex = TargetWords::new(Target::Arabic, words.split(' '));
        let m = lex.find("Kursk", TermScript::Latin).unwrap();
        assert_eq!(m.spelling, "كورسك");
        assert_eq!(
            lex.find("Vladimir", TermScript::Latin).unwrap().spelling,
            "فلاديمير"
        );
        assert!(lex.find("Merkel", TermScript::Latin).is_none());
        assert!(
            lex.find("Kursk", TermScript::Cyrillic).is_none(),
            "not Cyrillic letters"
        );
        let ru = TargetWords::new(Target::Cyrillic, "Встреча Путина с Макроном".split(' '));
        assert_eq!(
            ru.find("Putin", TermScript::Latin).unwrap().spelling,
            "Путина"
        );
        assert_eq!(
            ru.find("Macron", TermScript::Latin).unwrap().spelling,
            "Макроном"
        );
    }

    #[test]
    fn names_are_found_by_their_transliteration() {
        let names = Names::new(Target::Arabic, ["Hartlepool", "Kristiansand", "Kursk"]);
        assert_eq!(names.len(), 3);
        let find = |w: &str| names.closest(&fold_target(w, Target::Arabic), 0.08);
        assert_eq!(find("كريستيانساند").map(|m| m.0), Some("Kristiansand"));
        assert_eq!(find("هارتلبول").map(|m| m.0), Some("Hartlepool"));
        // Unrelated words, and a name's spelling one consonant off, are not.
        assert_eq!(find("التصرف"), None);
        assert_eq!(find("كريستيانسان"), None);
        assert_eq!(find(""), None);
        // The list built into the binary.
        let all = latin_names();
        assert!(all.len() > 100_000, "{}", all.len());
        for w in ["كريستيانساند", "بريكزيت", "كاستلفرانكو"] {
            assert!(
                all.closest(&fold_target(w, Target::Arabic), 0.08).is_some(),
                "{w}"
            );
        }
    }

    #[test]
    fn the_index_built_into_the_binary_is_the_one_the_tables_make() {
        let built = crate::language::names_index::bytes().expect("build.rs wrote it");
        let made = latin_names_index().to_bytes();
        assert_eq!(built.len(), made.len());
        assert!(built == made.as_slice(), "build.rs and the tables disagree");
        let read = Names::from_bytes(Target::Arabic, built).expect("well-formed");
        assert_eq!(read.to_bytes(), made);
        // Anything cut short or with bytes added is refused, not read.
        let small = Names::new(Target::Arabic, ["Hartlepool", "Kristiansand", "Kursk"]).to_bytes();
        for cut in 0..small.len() {
            assert!(
                Names::from_bytes(Target::Arabic, &small[..cut]).is_none(),
                "{cut}"
            );
        }
        let mut longer = small.clone();
        longer.push(0);
        assert!(Names::from_bytes(Target::Arabic, &longer).is_none());
        let read = Names::from_bytes(Target::Arabic, &small).expect("well-formed");
        let w = fold_target("كريستيانساند", Target::Arabic);
        assert_eq!(read.closest(&w, 0.08).map(|m| m.0), Some("Kristiansand"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in ["", "x", "ß", "Ÿ", "'", "a-b", "Ǆ", "İstanbul"] {
            let _ = distance(t, TermScript::Latin, "ا", Target::Arabic);
            let _ = distance(t, TermScript::Latin, "", Target::Cyrillic);
            let _ = Names::new(Target::Arabic, [t]).closest("ا", 0.1);
        }
    }
}
