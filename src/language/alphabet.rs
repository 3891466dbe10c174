//! Per-language alphabets, derived from CLDR exemplar characters by
//! `scripts/build_alphabets.py` (`data/alphabets/`, Unicode License v3) and
//! embedded in the binary: which letters a language writes every day, and
//! which only in loanwords and names. Read by language identification
//! (`lang`) and by the `foreign-letters` rule.

use std::sync::OnceLock;

use unicode_script::Script;

/// The alphabet table, built by `scripts/build_alphabets.py` from CLDR.
const TABLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/alphabets/alphabets.tsv"
));

/// One language's alphabet.
#[derive(Debug)]
pub struct Alphabet {
    /// The language code (ISO 639-1 where one exists).
    pub code: &'static str,
    /// The script the alphabet is written in.
    pub script: Script,
    /// English name, for messages.
    pub name: &'static str,
    /// Whether whatlang can detect the language.
    pub whatlang: bool,
    /// The main letters (CLDR `exemplarCharacters`), lowercase, sorted.
    pub main: Vec<char>,
    /// Letters of loanwords and names (CLDR `auxiliary`), lowercase, sorted.
    pub aux: Vec<char>,
}

impl Alphabet {
    /// Whether `c` (lowercase) is one of the main letters.
    pub fn has_main(&self, c: char) -> bool {
        self.main.binary_search(&c).is_ok()
    }

    /// Whether `c` (lowercase) is a letter of loanwords and names.
    pub fn has_aux(&self, c: char) -> bool {
        self.aux.binary_search(&c).is_ok()
    }
}

/// Every alphabet of the table, in its order (the order in which messages
/// name the languages a letter belongs to).
pub fn alphabets() -> &'static [Alphabet] {
    static TABLES: OnceLock<Vec<Alphabet>> = OnceLock::new();
    TABLES.get_or_init(|| parse(TABLE))
}

fn parse(table: &'static str) -> Vec<Alphabet> {
    let letters = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&'static str> = l.split('\t').collect();
            let [code, script, name, whatlang, main, aux] = cols[..] else {
                return None;
            };
            Some(Alphabet {
                code,
                script: Script::from_short_name(script)?,
                name,
                whatlang: whatlang == "1",
                main: letters(main),
                aux: letters(aux),
            })
        })
        .collect()
}

/// The alphabet of a language code, if the table has it.
pub fn alphabet(code: &str) -> Option<&'static Alphabet> {
    alphabets().iter().find(|a| a.code == code)
}
