//! Word-frequency lexicons: how common a word is in a language.
//!
//! The lexicons are `fst` maps from a normalised word to ten times its Zipf
//! frequency (`log10` of its occurrences per billion words: 70 for `the`, 30
//! for a word seen once per million), built by `scripts/build_lexicons.py`
//! from the `wordfreq` 3.1.1 lists (CC BY-SA 4.0, see
//! `data/lexicons/README.md`) and embedded in the binary. Each language is
//! opened on first use; a run that needs one language pays for one. A small
//! hash map of the most frequent words sits in front of the map, so a common
//! word costs one hash lookup.
//!
//! Arabic-script lexicons also have a loose map, keyed by
//! [`normalize::fold`](crate::text::normalize::fold) (`أ إ آ ٱ → ا`,
//! `ى → ي`, `ة → ه`): a lookup tries the exact form first, the loose key
//! second. Arabic also keeps its far tail apart ([`Lexicon::far_tail`]).
//!
//! English, French, Russian and Spanish also carry the words of a spelling
//! dictionary that the frequency list lacks and that `joined-words` could
//! cut ([`Lexicon::in_dictionary`]: `validator` is no `valid at or`,
//! `coinça` no `coin ça`), built by `scripts/build_dictionary.py`
//! (`data/dictionary/README.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

use fst::{Map, Set};
use rustc_hash::FxHashMap;

use crate::text::normalize::{fold, is_arabic_mark};

/// One language's lexicon.
pub struct Lexicon {
    /// ISO 639-1 code.
    pub code: &'static str,
    map: Map<&'static [u8]>,
    loose: Option<Map<&'static [u8]>>,
    tail: Option<Map<&'static [u8]>>,
    dictionary: Option<Set<&'static [u8]>>,
    /// The frequent words (Zipf 4.5 and above, a few thousand), in a hash
    /// map in front of the fst: most tokens are one of them.
    hot: FxHashMap<&'static str, u8>,
}

struct Entry {
    code: &'static str,
    data: &'static [u8],
    loose: Option<&'static [u8]>,
    tail: Option<&'static [u8]>,
    dictionary: Option<&'static [u8]>,
    /// The frequent words of `data`, listed by `build.rs`.
    hot: &'static [u8],
    cell: OnceLock<Option<Lexicon>>,
}

/// The bytes of `data/lexicons/<code><suffix>`.
macro_rules! map_file {
    ($code:literal, $suffix:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicons/",
            $code,
            $suffix
        ))
    };
}

/// A language's entry: its map, and its loose and far-tail maps if named.
macro_rules! entry {
    ($code:literal $(, $map:ident)*) => {{
        #[allow(unused_mut)]
        let mut e = Entry {
            code: $code,
            data: map_file!($code, ".fst"),
            loose: None,
            tail: None,
            dictionary: None,
            hot: include_bytes!(concat!(env!("OUT_DIR"), "/hot_", $code, ".bin")),
            cell: OnceLock::new(),
        };
        $(entry!(@ e, $code, $map);)*
        e
    }};
    (@ $e:ident, $code:literal, loose) => {
        $e.loose = Some(map_file!($code, ".loose.fst"));
    };
    (@ $e:ident, $code:literal, tail) => {
        $e.tail = Some(map_file!($code, ".tail.fst"));
    };
    (@ $e:ident, $code:literal, dictionary) => {
        $e.dictionary = Some(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/dictionary/", $code, ".fst")));
    };
}

static ENTRIES: [Entry; 8] = [
    entry!("ar", loose, tail),
    entry!("fa", loose),
    entry!("ur", loose),
    entry!("en", dictionary),
    entry!("fr", dictionary),
    entry!("de"),
    entry!("es", dictionary),
    entry!("ru", dictionary),
];

/// The codes of the languages that have a lexicon.
pub fn languages() -> impl Iterator<Item = &'static str> {
    ENTRIES.iter().map(|e| e.code)
}

/// The lexicon of `code`, opened on first use; `None` for a language without
/// one (or malformed data, which the tests rule out).
pub fn lexicon(code: &str) -> Option<&'static Lexicon> {
    let e = ENTRIES.iter().find(|e| e.code == code)?;
    e.cell
        .get_or_init(|| {
            let map = Map::new(e.data).ok()?;
            let loose = match e.loose {
                Some(d) => Some(Map::new(d).ok()?),
                None => None,
            };
            let tail = match e.tail {
                Some(d) => Some(Map::new(d).ok()?),
                None => None,
            };
            let dictionary = match e.dictionary {
                Some(d) => Some(Set::new(d).ok()?),
                None => None,
            };
            let hot = hot_words(e.hot)?;
            Some(Lexicon {
                code: e.code,
                map,
                loose,
                tail,
                dictionary,
                hot,
            })
        })
        .as_ref()
}

/// The frequent words of a lexicon, from the list `build.rs` made of them:
/// `None` when the list is malformed.
fn hot_words(mut list: &'static [u8]) -> Option<FxHashMap<&'static str, u8>> {
    let mut hot = FxHashMap::default();
    while let [a, b, rest @ ..] = list {
        let len = usize::from(u16::from_le_bytes([*a, *b]));
        let (word, rest) = (rest.get(..len)?, rest.get(len..)?);
        let (&value, rest) = rest.split_first()?;
        hot.insert(std::str::from_utf8(word).ok()?, value);
        list = rest;
    }
    list.is_empty().then_some(hot)
}

impl Lexicon {
    /// Ten times the Zipf frequency of `word`, after [`normalize`]: the exact
    /// form first, then (Arabic script) the loose key; `None` when unknown.
    pub fn zipf10(&self, word: &str) -> Option<u8> {
        let key = normalize(word);
        self.zipf10_normalized(&key)
    }

    /// [`Lexicon::zipf10`] of a word already normalised with [`normalize`].
    pub fn zipf10_normalized(&self, key: &str) -> Option<u8> {
        if let Some(&v) = self.hot.get(key) {
            return Some(v);
        }
        if let Some(v) = self.map.get(key) {
            return Some(v.min(255) as u8);
        }
        let loose = self.loose.as_ref()?;
        loose.get(fold(key)).map(|v| v.min(255) as u8)
    }

    /// The value [`Lexicon::zipf10_normalized`] gives every piece
    /// `segments[i..j]` of a word (`segments` are its letters, each
    /// [`normalize`]d) with `j - i <= max`, as `table[i][j - i]`: one walk of
    /// each map per start instead of one look-up per piece.
    pub fn pieces(&self, segments: &[String], max: usize) -> Vec<Vec<Option<u8>>> {
        let folded: Vec<String> = match self.loose {
            Some(_) => segments.iter().map(|s| fold(s)).collect(),
            None => Vec::new(),
        };
        let n = segments.len();
        (0..=n)
            .map(|i| {
                let end = (i + max).min(n);
                let mut row = vec![None; end - i + 1];
                walk(self.map.as_fst(), &segments[i..end], &mut row);
                // The loose key only where the exact form is unknown.
                if let Some(loose) = &self.loose {
                    walk(loose.as_fst(), &folded[i..end], &mut row);
                }
                row
            })
            .collect()
    }

    /// The exact form only, no loose key (`key` normalised).
    pub fn exact(&self, key: &str) -> Option<u8> {
        if let Some(&v) = self.hot.get(key) {
            return Some(v);
        }
        self.map.get(key).map(|v| v.min(255) as u8)
    }

    /// Whether writing one of `letters` into `key` (normalised), at any
    /// place, makes a word whose exact form has a value of at least `min`
    /// (a dropped letter: `البولونيو` for `البولونيوم`). One walk of the map
    /// for the letters before each place, shared by every letter put there,
    /// instead of a look-up per candidate: a word has hundreds of them.
    pub fn one_letter_more(&self, key: &str, letters: &[char], min: u8) -> bool {
        let fst = self.map.as_fst();
        let (mut node, mut out) = (fst.root(), fst::raw::Output::zero());
        let mut letter = [0u8; 4];
        let mut at = 0;
        loop {
            for &c in letters {
                let found = follow(fst, node, out, c.encode_utf8(&mut letter).as_bytes())
                    .and_then(|(n, o)| follow(fst, n, o, &key.as_bytes()[at..]));
                if let Some((n, o)) = found {
                    if n.is_final() && value(o.cat(n.final_output())) >= min {
                        return true;
                    }
                }
            }
            let Some(c) = key[at..].chars().next() else {
                return false;
            };
            let next = at + c.len_utf8();
            match follow(fst, node, out, &key.as_bytes()[at..next]) {
                Some(state) => (node, out) = state,
                // No word starts as the key does up to here.
                None => return false,
            }
            at = next;
        }
    }

    /// The value of the loose key of `key` (normalised): the highest value
    /// of the words that share it; `None` without a loose map or match.
    pub fn loose(&self, key: &str) -> Option<u8> {
        let loose = self.loose.as_ref()?;
        loose.get(fold(key)).map(|v| v.min(255) as u8)
    }

    /// The far tail (Arabic: Zipf 1.0 to 1.5), which the other look-ups
    /// leave out: the value of `key` (normalised) there, `None` when it is
    /// not in it. Such a word is written as one too rarely to count as
    /// known, but often enough to tell a name or rare form from a typo
    /// that joined two words (`joined-words`).
    pub fn far_tail(&self, key: &str) -> Option<u8> {
        self.tail.as_ref()?.get(key).map(|v| v.min(255) as u8)
    }

    /// Whether a spelling dictionary of the language has the normalised
    /// `key` as a word that the frequency list lacks (`validator`,
    /// `megrim`); only words that `joined-words` could cut are stored, and
    /// only for English, French, Russian and Spanish.
    pub fn in_dictionary(&self, key: &str) -> bool {
        self.dictionary.as_ref().is_some_and(|d| d.contains(key))
    }

    /// How many words the lexicon holds.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the lexicon is empty (never, for the embedded ones).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The state of `fst` after `bytes` from `node` with output `out`, or
/// `None` where no key goes on so.
fn follow<'f>(
    fst: &'f fst::raw::Fst<&'static [u8]>,
    mut node: fst::raw::Node<'f>,
    mut out: fst::raw::Output,
    bytes: &[u8],
) -> Option<(fst::raw::Node<'f>, fst::raw::Output)> {
    for &b in bytes {
        let tr = node.transition(node.find_input(b)?);
        out = out.cat(tr.out);
        node = fst.node(tr.addr);
    }
    Some((node, out))
}

/// A value of the maps as the look-ups give it.
fn value(out: fst::raw::Output) -> u8 {
    out.value().min(255) as u8
}

/// Walks `segments` down an fst, filling `row[k]` (when still empty) with
/// the value of the key made of the first `k` segments, if it is one.
fn walk(fst: &fst::raw::Fst<&'static [u8]>, segments: &[String], row: &mut [Option<u8>]) {
    let mut node = fst.root();
    let mut out = fst::raw::Output::zero();
    for (k, seg) in segments.iter().enumerate() {
        for &b in seg.as_bytes() {
            let Some(t) = node.find_input(b) else {
                return;
            };
            let tr = node.transition(t);
            out = out.cat(tr.out);
            node = fst.node(tr.addr);
        }
        if node.is_final() && row[k + 1].is_none() {
            row[k + 1] = Some(out.cat(node.final_output()).value().min(255) as u8);
        }
    }
}

/// The Arabic presentation forms and their base letters.
fn presentation() -> &'static HashMap<char, &'static str> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicons/arabic_presentation.tsv"
        ))
        .lines()
        .filter_map(|l| {
            let (a, b) = l.split_once('\t')?;
            let mut cs = a.chars();
            let c = cs.next()?;
            cs.next().is_none().then_some((c, b))
        })
        .collect()
    })
}

/// The lookup key of a word, as `scripts/build_lexicons.py` makes it:
/// lowercase, Arabic presentation forms to base letters, combining marks
/// (harakat) and tatweel removed, `’` to `'`.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

/// [`normalize`], appended to `out`: a loop over many words reuses one
/// buffer.
pub fn normalize_into(word: &str, out: &mut String) {
    for c in word.chars() {
        // The letters of the Arabic block have no case and are no marks:
        // most characters of an Arabic text stop here.
        if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
            out.push(c);
            continue;
        }
        if ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c) {
            if let Some(base) = presentation().get(&c) {
                out.push_str(base);
                continue;
            }
        }
        if is_arabic_mark(c) || is_combining_mark(c) {
            continue;
        }
        if c == '\u{2019}' {
            out.push('\'');
            continue;
        }
        crate::text::case::push_lowercase(c, out);
    }
}

/// Combining marks outside Arabic that the lexicon drops (stress marks in
/// Russian, combining diacritics left by decomposed text).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frequent_words_listed_at_build_time_are_those_of_the_fst() {
        use fst::Streamer;
        for e in &ENTRIES {
            let lex = lexicon(e.code).expect("opens");
            let map = Map::new(e.data).unwrap();
            let mut stream = map.stream();
            let mut frequent: Vec<(String, u8)> = Vec::new();
            while let Some((k, v)) = stream.next() {
                if v >= 45 {
                    frequent.push((String::from_utf8(k.to_vec()).unwrap(), v as u8));
                }
            }
            let mut listed: Vec<(String, u8)> =
                lex.hot.iter().map(|(k, v)| (k.to_string(), *v)).collect();
            listed.sort();
            assert!(frequent.len() > 500, "{}: {}", e.code, frequent.len());
            assert_eq!(listed, frequent, "{}", e.code);
        }
    }

    #[test]
    fn a_letter_more_is_found_as_each_candidate_would_be() {
        for (code, keys) in [
            (
                "ar",
                &["البولونيو", "الحكومه", "قال", "مستقلبنا", "ب", ""][..],
            ),
            ("en", &["beteen", "goverment", "the", "xqz", "a"][..]),
            ("ru", &["правительств", "скзал", "и"][..]),
        ] {
            let lex = lexicon(code).unwrap();
            let letters = &crate::language::alphabet::alphabet(code).unwrap().main;
            for key in keys {
                for min in [0, 20, 35, 50, 70] {
                    let places = key.char_indices().map(|(b, _)| b).chain([key.len()]);
                    let each = places.clone().any(|at| {
                        letters.iter().any(|c| {
                            let word = format!("{}{c}{}", &key[..at], &key[at..]);
                            lex.exact(&word).is_some_and(|z| z >= min)
                        })
                    });
                    assert_eq!(
                        lex.one_letter_more(key, letters, min),
                        each,
                        "{code} {key} {min}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_lexicon_opens_and_knows_its_common_words() {
        for (code, word) in [
            ("ar", "منذ"),
            ("fa", "است"),
            ("ur", "ہے"),
            ("en", "the"),
            ("fr", "les"),
            ("de", "und"),
            ("es", "los"),
            ("ru", "что"),
        ] {
            let lex = lexicon(code).unwrap_or_else(|| panic!("{code}"));
            assert!(lex.len() > 10_000, "{code}");
            assert!(lex.zipf10(word).unwrap() >= 50, "{code} {word}");
            assert_eq!(lex.zipf10("qqqzzzxxx"), None, "{code}");
        }
        assert!(lexicon("xx").is_none());
    }

    #[test]
    fn arabic_lookups_normalise_then_fold() {
        let ar = lexicon("ar").unwrap();
        let plain = ar.zipf10("التصرف").unwrap();
        // Diacritics, tatweel and presentation forms.
        assert_eq!(ar.zipf10("التَّصَرُّف"), Some(plain));
        assert_eq!(ar.zipf10("التـصرف"), Some(plain));
        assert_eq!(normalize("\u{FEDF}\u{FE8E}"), "لا");
        // Loose key: a missing hamza, final ى for ي.
        assert_eq!(ar.exact("ألمراكز"), None);
        assert_eq!(ar.zipf10("ألمراكز"), ar.zipf10("المراكز"));
        assert!(ar.zipf10("المراكز").is_some());
        // Junk of the rare tail is filtered out.
        assert_eq!(ar.zipf10("كرةالقدم"), None);
        assert_eq!(ar.zipf10("الولاياتالمتحدة"), None);
    }

    #[test]
    fn case_and_curly_apostrophes_are_folded() {
        let en = lexicon("en").unwrap();
        assert_eq!(en.zipf10("The"), en.zipf10("the"));
        assert_eq!(en.zipf10("don’t"), en.zipf10("don't"));
        let ru = lexicon("ru").unwrap();
        assert!(ru.zipf10("Москва").is_some());
    }
}
