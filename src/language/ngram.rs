//! Character trigram models of the words of a few dozen languages, for the
//! `gibberish` rule: how many bits per letter a word costs in a language.
//!
//! The models are trained by `scripts/train_ngrams.py` from the `wordfreq`
//! word lists (CC BY-SA 4.0, see `data/ngrams/README.md`) and embedded in
//! the binary, a few tens of KB per language. Each is decoded on first use
//! into a dense table of backed-off costs, so that scoring is one table load
//! per letter; a document that needs one script decodes that script's
//! models only.

use std::sync::OnceLock;

use unicode_script::Script;

/// A language with a model: its code, its script and its embedded data.
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// The script its words are written in.
    pub script: Script,
    data: &'static [u8],
    model: OnceLock<Option<Model>>,
}

impl Language {
    /// The decoded model (decoded on first use); `None` if the embedded
    /// data is malformed, which the tests rule out.
    pub fn model(&self) -> Option<&Model> {
        self.model.get_or_init(|| Model::decode(self.data)).as_ref()
    }
}

macro_rules! lang {
    ($code:literal, $script:ident) => {
        Language {
            code: $code,
            script: Script::$script,
            data: include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/ngrams/",
                $code,
                ".bin"
            )),
            model: OnceLock::new(),
        }
    };
}

/// Every modelled language, grouped by script, the most widely read first.
static LANGUAGES: [Language; 23] = [
    lang!("ar", Arabic),
    lang!("fa", Arabic),
    lang!("ur", Arabic),
    lang!("ru", Cyrillic),
    lang!("uk", Cyrillic),
    lang!("bg", Cyrillic),
    lang!("mk", Cyrillic),
    lang!("en", Latin),
    lang!("fr", Latin),
    lang!("de", Latin),
    lang!("es", Latin),
    lang!("it", Latin),
    lang!("pt", Latin),
    lang!("nl", Latin),
    lang!("pl", Latin),
    lang!("tr", Latin),
    lang!("cs", Latin),
    lang!("ro", Latin),
    lang!("sv", Latin),
    lang!("hu", Latin),
    lang!("id", Latin),
    lang!("el", Greek),
    lang!("he", Hebrew),
];

/// Every modelled language.
pub fn languages() -> &'static [Language] {
    &LANGUAGES
}

/// The modelled languages written in `script`.
pub fn languages_of(script: Script) -> impl Iterator<Item = &'static Language> {
    languages().iter().filter(move |l| l.script == script)
}

/// The modelled language with this code.
pub fn language(code: &str) -> Option<&'static Language> {
    languages().iter().find(|l| l.code == code)
}

/// Whether some language of `script` has a model.
pub fn has_models(script: Script) -> bool {
    languages_of(script).next().is_some()
}

/// Bits per letter under which a word is plausible without asking further
/// languages: most words of a text stop at the first model.
const PLAUSIBLE: f32 = 4.0;
/// Extra bits per letter for a language other than the document's, when
/// judging words of the document's script.
const OTHER_LANGUAGE: f32 = 0.5;

/// The lowest bits per letter of `word` over the models of `script`, asking
/// `first` (the document's language) first and stopping at the first model
/// that finds it plausible; `None` when the script has no model.
pub fn word_cost(word: &str, script: Script, first: Option<&'static Language>) -> Option<f32> {
    let mut best: Option<f32> = None;
    let first = first.filter(|l| l.script == script);
    let others = languages_of(script).filter(|l| first.is_none_or(|f| f.code != l.code));
    for l in first.into_iter().chain(others) {
        let Some(m) = l.model() else { continue };
        let mut bits = m.bits_per_symbol(word);
        // A word of the document's script is first a word of its language.
        if first.is_some_and(|f| f.code != l.code) {
            bits += OTHER_LANGUAGE;
        }
        best = Some(best.map_or(bits, |b: f32| b.min(bits)));
        if bits <= PLAUSIBLE {
            break;
        }
    }
    best
}

/// The letters of every model of one script.
pub struct LetterSet {
    /// Bit `c` set for letters below U+0800, the blocks of most modelled scripts.
    low: [u64; 32],
    /// The other letters, sorted.
    high: Vec<char>,
}

impl LetterSet {
    /// Whether some model of the script knows the lowercase letter `c`.
    pub fn contains(&self, c: char) -> bool {
        let n = c as usize;
        if n < 0x800 {
            self.low[n / 64] & (1 << (n % 64)) != 0
        } else {
            self.high.binary_search(&c).is_ok()
        }
    }
}

/// The letters of every model of `script`: a letter outside them belongs to
/// a language mtlint has no model for (Kazakh `ә`, Mongolian `ө`).
pub fn letter_set(script: Script) -> &'static LetterSet {
    static SETS: OnceLock<Vec<(Script, LetterSet)>> = OnceLock::new();
    static EMPTY: LetterSet = LetterSet {
        low: [0; 32],
        high: Vec::new(),
    };
    let sets = SETS.get_or_init(|| {
        let mut out = Vec::new();
        for l in languages() {
            if out.iter().any(|(s, _)| *s == l.script) {
                continue;
            }
            let mut set = LetterSet {
                low: [0; 32],
                high: Vec::new(),
            };
            for &c in letters_of(l.script) {
                let n = c as usize;
                if n < 0x800 {
                    set.low[n / 64] |= 1 << (n % 64);
                } else {
                    set.high.push(c);
                }
            }
            out.push((l.script, set));
        }
        out
    });
    sets.iter()
        .find(|(s, _)| *s == script)
        .map_or(&EMPTY, |(_, v)| v)
}

/// The letters of every model of `script`, sorted.
pub fn letters_of(script: Script) -> &'static [char] {
    static SETS: OnceLock<Vec<(Script, Vec<char>)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        let mut sets: Vec<(Script, Vec<char>)> = Vec::new();
        for l in languages() {
            let letters = header(l.data).map(|(_, a, _)| a).unwrap_or_default();
            match sets.iter_mut().find(|(s, _)| *s == l.script) {
                Some((_, v)) => v.extend(letters),
                None => sets.push((l.script, letters)),
            }
        }
        for (_, v) in &mut sets {
            v.sort_unstable();
            v.dedup();
        }
        sets
    });
    sets.iter()
        .find(|(s, _)| *s == script)
        .map_or(&[][..], |(_, v)| v.as_slice())
}

/// Costs are stored in eighths of a bit.
pub const UNIT: f32 = 8.0;
/// Extra cost, in eighths of a bit, of backing off from an unseen trigram to
/// the bigram, and from an unseen bigram to the letter.
const BACKOFF: u16 = 24;
/// Cost of a letter the language never uses (16 bits).
const OTHER_LETTER: u16 = 128;

/// One language's decoded model.
pub struct Model {
    /// The letters, sorted; letter `alphabet[i]` is symbol `i + 2`.
    alphabet: Vec<char>,
    /// Symbols of ASCII characters (1, "other letter", for those outside).
    ascii: [u8; 128],
    /// Number of symbols: boundary, other letter, and the letters.
    size: usize,
    /// Cost of symbol `c` after `a b`, at `(a * size + b) * size + c`, backed off.
    costs: Vec<u8>,
}

/// Boundary symbol: before and after a word.
const BOUNDARY: usize = 0;
/// A letter outside the model's alphabet.
const OTHER: usize = 1;

fn varint(data: &[u8], pos: &mut usize) -> Option<usize> {
    let mut n: usize = 0;
    for shift in (0..35).step_by(7) {
        let b = *data.get(*pos)?;
        *pos += 1;
        n |= usize::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

/// Symbol count, alphabet and the offset after them.
fn header(data: &[u8]) -> Option<(usize, Vec<char>, usize)> {
    if data.get(..4)? != b"NG3\x01" {
        return None;
    }
    let size = usize::from(*data.get(4)?);
    let n = usize::from(u16::from_le_bytes([*data.get(5)?, *data.get(6)?]));
    let alphabet: Vec<char> = std::str::from_utf8(data.get(7..7 + n)?)
        .ok()?
        .chars()
        .collect();
    (alphabet.len() + 2 == size && size <= 64).then_some((size, alphabet, 7 + n))
}

impl Model {
    /// Decodes the format written by `scripts/train_ngrams.py`, filling the
    /// unseen trigrams with the backed-off bigram and letter costs.
    fn decode(data: &[u8]) -> Option<Model> {
        let (size, alphabet, mut pos) = header(data)?;
        let uni: Vec<u16> = data
            .get(pos..pos + size)?
            .iter()
            .map(|&c| if c == 255 { OTHER_LETTER } else { u16::from(c) })
            .collect();
        pos += size;
        let mut sparse = |len: usize| -> Option<Vec<(usize, u8)>> {
            let k = varint(data, &mut pos)?;
            let mut out = Vec::with_capacity(k);
            let mut idx = 0;
            for _ in 0..k {
                idx += varint(data, &mut pos)?;
                let cost = *data.get(pos)?;
                pos += 1;
                if idx >= len {
                    return None;
                }
                out.push((idx, cost));
            }
            Some(out)
        };
        let bigrams = sparse(size * size)?;
        let trigrams = sparse(size * size * size)?;
        let mut bi: Vec<u16> = (0..size * size).map(|i| uni[i % size] + BACKOFF).collect();
        for (i, c) in bigrams {
            bi[i] = u16::from(c);
        }
        let mut costs: Vec<u8> = (0..size * size * size)
            .map(|i| (bi[i % (size * size)] + BACKOFF).min(254) as u8)
            .collect();
        for (i, c) in trigrams {
            costs[i] = c;
        }
        let mut ascii = [OTHER as u8; 128];
        for (i, &c) in alphabet.iter().enumerate() {
            if c.is_ascii() {
                ascii[c as usize] = (i + 2) as u8;
            }
        }
        Some(Model {
            alphabet,
            ascii,
            size,
            costs,
        })
    }

    /// The symbol of a lowercase letter.
    fn symbol(&self, c: char) -> usize {
        if c.is_ascii() {
            return usize::from(self.ascii[c as usize]);
        }
        self.alphabet.binary_search(&c).map_or(OTHER, |i| i + 2)
    }

    /// The cost of a word in eighths of a bit, and the number of symbols
    /// predicted (its letters but the first, and the end of each letter
    /// segment). Letters
    /// are lowercased, combining marks and tatweel skipped, and apostrophes,
    /// hyphens and digits split the word into segments scored apart.
    pub fn cost(&self, word: &str) -> (u32, u32) {
        let n = self.size;
        let (mut total, mut symbols) = (0u32, 0u32);
        let (mut a, mut b) = (BOUNDARY, BOUNDARY);
        let mut in_segment = false;
        let mut step = |a: &mut usize, b: &mut usize, c: usize| {
            // The first letter says little (any letter starts words) and
            // would weigh on short words: it counts only when the language
            // never uses it.
            if *b != BOUNDARY || c == OTHER {
                total += u32::from(self.costs[(*a * n + *b) * n + c]);
                symbols += 1;
            }
            *a = *b;
            *b = c;
        };
        for ch in word.chars() {
            if is_mark(ch) {
                continue;
            }
            if let Some(l) = lower_letter(ch) {
                step(&mut a, &mut b, self.symbol(l));
                in_segment = true;
            } else if in_segment {
                step(&mut a, &mut b, BOUNDARY);
                a = BOUNDARY;
                b = BOUNDARY;
                in_segment = false;
            }
        }
        if in_segment {
            step(&mut a, &mut b, BOUNDARY);
        }
        (total, symbols)
    }

    /// Bits per symbol of a word (0 for a word without letters).
    pub fn bits_per_symbol(&self, word: &str) -> f32 {
        let (total, symbols) = self.cost(word);
        if symbols == 0 {
            0.0
        } else {
            total as f32 / UNIT / symbols as f32
        }
    }
}

/// Decodes a model in the format of `scripts/train_ngrams.py` that is not
/// one of the languages above (`joined-words` embeds its own); `None` when
/// the data is malformed.
pub fn decode_model(data: &[u8]) -> Option<Model> {
    Model::decode(data)
}

/// The lowercase form of a letter, with fast paths for ASCII, Arabic and
/// Cyrillic (the general Unicode tables dominate scoring time otherwise);
/// `None` for anything that is not a letter. A letter whose lowercase form
/// is several characters keeps its first.
pub fn lower_letter(c: char) -> Option<char> {
    match c as u32 {
        0x41..=0x5A => Some(c.to_ascii_lowercase()),
        0x61..=0x7A => Some(c),
        0..=0x7F | 0xD7 | 0xF7 => None,
        0xC0..=0xDE => char::from_u32(c as u32 + 0x20),
        0xDF..=0xFF => Some(c),
        0x0621..=0x063A | 0x0641..=0x064A => Some(c),
        0x0430..=0x045F => Some(c),
        0x0410..=0x042F => char::from_u32(c as u32 + 0x20),
        0x0400..=0x040F => char::from_u32(c as u32 + 0x50),
        _ if c.is_alphabetic() => c.to_lowercase().next(),
        _ => None,
    }
}

/// Combining marks that the models never see (harakat, Hebrew points,
/// combining diacritics of NFD text) and the Arabic tatweel.
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x0640)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_decodes() {
        for l in languages() {
            let m = l
                .model()
                .unwrap_or_else(|| panic!("{} does not decode", l.code));
            assert!(m.size > 20, "{}: {} symbols", l.code, m.size);
            assert!(!letters_of(l.script).is_empty());
        }
        let mut codes: Vec<_> = languages().iter().map(|l| l.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), languages().len(), "a language is listed twice");
    }

    #[test]
    fn real_words_cost_less_than_garble() {
        for (lang, real, garble) in [
            ("en", "government", "gvnmnoeret"),
            ("fr", "gouvernement", "geenmvntoruo"),
            ("ru", "правительство", "вльропивтаест"),
            ("ar", "الحكومة", "ةمكوحلا"),
            ("de", "Regierung", "gnureigRe"),
        ] {
            let m = language(lang).unwrap().model().unwrap();
            let (r, g) = (m.bits_per_symbol(real), m.bits_per_symbol(garble));
            assert!(r + 1.5 < g, "{lang}: {real} {r} vs {garble} {g}");
        }
    }

    #[test]
    fn marks_and_case_do_not_change_the_cost() {
        let m = language("ar").unwrap().model().unwrap();
        assert_eq!(m.cost("الحكومة"), m.cost("الحُكُومَة"));
        assert_eq!(m.cost("الحكومة"), m.cost("الحكـومة"));
        let m = language("en").unwrap().model().unwrap();
        assert_eq!(m.cost("Paris"), m.cost("paris"));
        assert_eq!(m.cost(""), (0, 0));
        assert_eq!(m.cost("'-1"), (0, 0));
    }
}
