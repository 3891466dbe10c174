//! The `variant-spelling` measurement on `../shared/data`, shared by
//! `tests/variants.rs` (firm bounds) and `examples/variants.rs` (the same
//! numbers, printed): findings per 1,000 clean sentences, and a synthetic
//! recall, where one occurrence of a name repeated three times or more in a
//! clean document is respelled by a variant operation.

use crate::corpus::XorShift;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::corpus;
use mtlint::language::translit::{Target, TargetWords, TermScript};
use mtlint::rules::spelling::VariantSpelling;
use mtlint::rules::Rule;
use mtlint::text::Document;
use mtlint::Diagnostic;

/// The figures of one language.
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Language code.
    pub lang: String,
    /// Sentences of the clean documents.
    pub sentences: usize,
    /// Findings on the clean documents: `doc: flagged → fix`.
    pub findings: Vec<String>,
    /// Documents where a name was respelled.
    pub respelled: usize,
    /// Of those, the ones where a finding covers the respelled word.
    pub found: usize,
    /// Respellings missed, by variant operation: `original → variant`.
    pub missed: BTreeMap<&'static str, Vec<String>>,
    /// Respellings made, by variant operation.
    pub by_op: BTreeMap<&'static str, (usize, usize)>,
}

impl Measure {
    /// Findings per 1,000 clean sentences.
    pub fn per_1000(&self) -> f64 {
        self.findings.len() as f64 * 1000.0 / self.sentences.max(1) as f64
    }

    /// Share of the respelled names found, in percent.
    pub fn recall_pct(&self) -> f64 {
        self.found as f64 * 100.0 / self.respelled.max(1) as f64
    }
}

fn findings<'a>(text: &'a str, lang: &str) -> (Document<'a>, Vec<Diagnostic>) {
    let doc = Document::new(text, Some(lang));
    let mut out = Vec::new();
    VariantSpelling.check(&doc, &mut out);
    out.sort_by_key(|d| d.range.start);
    (doc, out)
}

/// Whether a word looks like a name worth respelling: five letters or more;
/// in Arabic, the spelling of a Capitalized word of the aligned English
/// document (found by the transliteration matcher); in Latin and Cyrillic,
/// capitalized, lowercase after the first letter.
fn is_name(word: &str, lang: &str, arabic_names: &HashSet<String>) -> bool {
    let n = word.chars().count();
    if n < 5 || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    if lang == "ar" {
        arabic_names.contains(word)
    } else {
        let mut c = word.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
    }
}

/// The Arabic spellings of the names of an English document: every
/// Capitalized word of four letters or more (not first in its line) looked
/// up among the words of the aligned Arabic document.
fn arabic_names(english: &str, arabic: &Document) -> HashSet<String> {
    let words = arabic
        .tokens
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(arabic.text));
    let lexicon = TargetWords::new(Target::Arabic, words);
    let mut out = HashSet::new();
    for line in english.lines() {
        for w in line.split_whitespace().skip(1) {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            let mut c = w.chars();
            if w.chars().count() >= 4
                && c.next().is_some_and(char::is_uppercase)
                && c.all(char::is_lowercase)
            {
                if let Some(m) = lexicon.find(w, TermScript::Latin) {
                    out.insert(m.spelling);
                }
            }
        }
    }
    out
}

/// The variant operations that apply to `word`, each with its name and the
/// respelled word: the variants a translation system writes for a name.
fn variants(word: &str, lang: &str, rng: &mut XorShift) -> Vec<(&'static str, String)> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let with = |i: usize, c: Option<char>, insert: bool| -> String {
        let mut v = chars.clone();
        match (c, insert) {
            (Some(c), true) => v.insert(i, c),
            (Some(c), false) => v[i] = c,
            (None, _) => {
                v.remove(i);
            }
        }
        v.into_iter().collect()
    };
    if lang == "ar" {
        if chars[n - 1] == 'ي' {
            out.push(("final ي → ى", with(n - 1, Some('ى'), false)));
        }
        if chars[n - 1] == 'ة' {
            out.push(("final ة → ه", with(n - 1, Some('ه'), false)));
        }
        if let Some(i) = chars.iter().position(|c| matches!(c, 'أ' | 'إ' | 'آ')) {
            out.push(("hamza → ا", with(i, Some('ا'), false)));
        }
        // A long vowel added between two consonants or dropped, away from
        // the ends of the word, as transliterations of one name differ.
        let long = |c: char| matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'أ' | 'إ' | 'آ' | 'ة');
        let clusters: Vec<usize> = (1..n - 1)
            .filter(|&i| !long(chars[i - 1]) && !long(chars[i]))
            .collect();
        if !clusters.is_empty() {
            let i = clusters[rng.below(clusters.len())];
            let vowel = ['ا', 'و', 'ي'][rng.below(3)];
            out.push(("long vowel added", with(i, Some(vowel), true)));
        }
        let inside: Vec<usize> = (1..n - 2)
            .filter(|&i| matches!(chars[i], 'ا' | 'و' | 'ي'))
            .collect();
        if !inside.is_empty() {
            let i = inside[rng.below(inside.len())];
            out.push(("long vowel dropped", with(i, None, false)));
        }
    } else {
        if let Some(i) = chars.iter().rposition(|&c| c == 'y') {
            out.push(("y → i", with(i, Some('i'), false)));
        } else if lang != "ru" && chars[n - 1] == 'i' {
            out.push(("final i → y", with(n - 1, Some('y'), false)));
        }
        if let Some(i) = (1..n).find(|&i| chars[i] == chars[i - 1]) {
            out.push(("double letter single", with(i, None, false)));
        } else {
            let vowels = "aeiouyаеёиоуыэюя";
            let consonants: Vec<usize> =
                (1..n - 1).filter(|&i| !vowels.contains(chars[i])).collect();
            if !consonants.is_empty() {
                let i = consonants[rng.below(consonants.len())];
                out.push(("letter doubled", with(i, Some(chars[i]), true)));
            }
        }
        if lang == "ru" {
            if let Some(i) = (1..n).rev().find(|&i| chars[i] == 'е') {
                out.push(("е → э", with(i, Some('э'), false)));
            }
        }
    }
    out
}

/// Measures one language of the corpora in `dir`.
pub fn measure(dir: &Path, lang: &str) -> Measure {
    let mut m = Measure {
        lang: lang.to_string(),
        ..Measure::default()
    };
    let mut rng = XorShift::new(0x5EED_0004_7A21_A175);
    let english = if lang == "ar" {
        corpus::documents(dir, "en").expect("corpus is readable")
    } else {
        Vec::new()
    };
    for (k, doc) in corpus::documents(dir, lang)
        .expect("corpus is readable")
        .into_iter()
        .enumerate()
    {
        let (d, found) = findings(&doc.text, lang);
        let names_ar = match english.get(k) {
            Some(en) if en.name == doc.name => arabic_names(&en.text, &d),
            _ => HashSet::new(),
        };
        m.sentences += d.sentences.len();
        for f in &found {
            let fix = f.fix.as_ref().map_or("", |x| x.replacement.as_str());
            m.findings.push(format!(
                "{}: {} → {}",
                doc.name,
                &doc.text[f.range.clone()],
                fix
            ));
        }
        // Names repeated three times or more, in order of first occurrence.
        let mut seen: BTreeMap<&str, Vec<std::ops::Range<usize>>> = BTreeMap::new();
        let mut order = Vec::new();
        for t in d.tokens.iter().filter(|t| t.is_word()) {
            let w = t.text(&doc.text);
            if is_name(w, lang, &names_ar) {
                let e = seen.entry(w).or_default();
                if e.is_empty() {
                    order.push(w);
                }
                e.push(t.range.clone());
            }
        }
        let names: Vec<&str> = order.into_iter().filter(|w| seen[w].len() >= 3).collect();
        if names.is_empty() {
            continue;
        }
        let name = names[rng.below(names.len())];
        let ops = variants(name, lang, &mut rng);
        if ops.is_empty() {
            continue;
        }
        let (op, variant) = &ops[rng.below(ops.len())];
        // Skip a respelling that is already a word of the document.
        if seen.contains_key(variant.as_str()) || doc.text.contains(&format!(" {variant} ")) {
            continue;
        }
        let occurrences = &seen[name];
        let at = occurrences[rng.below(occurrences.len())].clone();
        let text = format!(
            "{}{}{}",
            &doc.text[..at.start],
            variant,
            &doc.text[at.end..]
        );
        let (_, after) = findings(&text, lang);
        let hit = after
            .iter()
            .any(|f| f.range.start <= at.start && at.start < f.range.end);
        m.respelled += 1;
        let e = m.by_op.entry(op).or_default();
        e.0 += 1;
        if hit {
            m.found += 1;
            e.1 += 1;
        } else {
            m.missed
                .entry(op)
                .or_default()
                .push(format!("{name} → {variant}"));
        }
    }
    m
}
