//! `untranslated-term`: a name or word left in the source script inside a
//! translated sentence (`ذكرت Gerasimov`, `منطقة Kursk`), with the
//! document's own spelling of it when the document has one.

use std::collections::HashMap;
use std::ops::Range;

use rustc_hash::FxHashMap;
use unicode_script::Script;

use crate::analysis::foreign_runs::{foreign_runs, technical};
use crate::language::translit::{Match, Target, TargetWords, TermScript};
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::script::{compatible, family, letter_script};
use crate::text::{Document, TokenKind};

/// `untranslated-term`: a short run of foreign-script words in a sentence
/// of the document's script.
pub struct UntranslatedTerm;

static UNTRANSLATED_TERM: RuleMeta = RuleMeta {
    id: "untranslated-term",
    severity: Severity::Warning,
    harm: Harm::Untranslated,
    summary: "A name or word left in the source script inside a translated sentence",
    explanation: r#"## What it does
Flags a word or a short run of words (one to four) in Latin or Cyrillic
script inside a sentence of an Arabic document, or in Latin script inside a
Russian one, and looks for the document's own spelling of it: a
transliteration matcher compares it with every word of the document
(proclitics `و ب ل ف ك ال` stripped, hamza seats, `ى`/`ي`, `ة`/`ه` and
diacritics folded; Russian case endings allowed), so `Kursk` finds `كورسك`
and `Gerasimov` finds `جيراسيموف` elsewhere in the article, and `Putin` finds
`Путина`.

- When every word of the run has a spelling in the document, it is a
  **warning** with that spelling as the fix: the translation spelled the
  name elsewhere and forgot it here. In Arabic it is an **info** instead
  when the name is a product's, a service's or a company's, which Arabic
  writers keep in Latin beside the Arabic spelling (`Memoji` and `ميموجي`):
  after a noun such as `تطبيق`, `نظام`, `هاتف`, `شركة`, `منصة`, `ملصقات`
  (here, or before its Arabic spelling anywhere in the document), before a
  model number (`Galaxy S24`), or with its Arabic spelling right beside it;
  and when the match is loose (`Pinwood` and `بوند`).
- When it finds none, an Arabic document gets an **info** without a fix
  (`Telegram`, `Inrupt`): professional translations often keep a brand or a
  new name in Latin letters, so this is only worth a look. A Russian document
  gets nothing: Russian news writes brands and media in Latin (`Facebook`,
  `Reuters`) as a rule.

Never flagged: acronyms and all-capital words (`RT`, `NATO`, `COVID-19`),
words with digits, URLs, e-mail addresses, handles and hashtags, code
(`snake_case`, `camelCase`, `file.txt`, a call such as `fflush()`, the
name of an HTML entity such as `&amp;`, anything between backticks), units
after a number (`5 km`, `20 MHz`), single letters, a run inside brackets
(a gloss: `كورسك (Kursk)`), terms of the document's allowlist, and runs
that `foreign-script-run` reports.

## Why is this bad?
A reader of the translation may not read the source script at all, and a
name spelled two ways in one article (`كورسك` here, `Kursk` there) looks
like two places. Machine translation leaves names it did not recognise in
the source script, often in the same article where it transliterated them
elsewhere.

## Example
```text
ذكرت Gerasimov أن … من منطقة Kursk …  (the article writes جيراسيموف and كورسك elsewhere)
→ warning: untranslated "Gerasimov": the document writes it "جيراسيموف"
→ warning: untranslated "Kursk": the document writes it "كورسك"

قال في رسالة على تطبيق "Telegram"
→ info: "Telegram" is left in Latin script; the document has no Arabic spelling of it

Встреча Путина … Putin заявил …
→ warning: untranslated "Putin": the document writes it "Путина"
```

## Fix safety
The fix replaces the term with the document's spelling and is **unsafe**:
the spelling may be inflected (`Путина` is the genitive) or the matcher may
have found a similar but different word; a person must read it.

## Limits
- Only Latin and Cyrillic terms in Arabic text and Latin terms in Russian
  text are looked at; other pairs (Cyrillic in English, Latin in Greek or
  Hebrew text) are not seen, and text in the document's own script
  (an English name in French) is never foreign.
- The matcher finds only spellings present in the same document; a term the
  translation never spells is an info at most, whatever the reference
  spelling.
- It compares sounds by hand-written tables: a name translated rather than
  transliterated (`Germany`/`ألمانيا`, `Pope`/`البابا`) is not found, and a
  short name may meet an unrelated word that sounds alike (`Italy`/`تالي`);
  names of one or two consonants need a near-perfect match and are often
  left without one.
- Longer runs (five words and more, or those `foreign-script-run` reports)
  and words of the source script inside brackets are not its business.
- A long document with many distinct foreign terms (a glossary, a
  bilingual text) has only its first terms looked up (as many as a
  million divided by its distinct words, at least 16); the others are not
  reported.
"#,
};

/// Alignment cost per consonant above which a match is loose (`Pinwood`
/// and `بوند`): worth a note, not a warning.
const LOOSE: f32 = 0.12;

/// Arabic nouns that name a kind of product, service or company before its
/// name (`تطبيق ثريدز`, `نظام iOS`, `شركة بينوود`, `ملصقات Memoji`,
/// `مشتركو Netflix`), written without proclitics or hamza.
#[rustfmt::skip]
const PRODUCT_NOUNS: &[&str] = &[
    "تطبيق", "تطبيقات", "نظام", "هاتف", "هاتفها", "هاتفه", "هواتف", "جهاز", "اجهزه", "منصه",
    "خدمه", "خدمات", "ميزه", "خاصيه", "متصفح", "لعبه", "العاب", "موقع", "شبكه", "ساعه", "سياره",
    "سيارات", "شركه", "شركات", "علامه", "برنامج", "برامج", "حاسوب", "كمبيوتر", "كاميرا",
    "معالج", "شريحه", "متجر", "متاجر", "اصدار", "نسخه", "تحديث", "ملصقات", "شخصيات", "مستخدمو",
    "مستخدمي", "مشتركو", "مشتركي", "عملاء", "حساب", "حسابات", "اسهم", "سهم", "باقه", "روبوت",
    "مساعد", "مساعدها", "محرك", "طراز", "موديل", "سلسله", "بطاقه", "بطاقات", "قناه", "حزمه",
    "اداه", "مجموعه", "بنك", "مصرف", "ماركه", "منتجات", "منتج",
];

/// An Arabic word folded for comparison: diacritics and tatweel dropped,
/// hamza seats as bare alef, `ة` as `ه`, `ى` as `ي`, proclitics stripped
/// while three letters remain.
fn fold_arabic(word: &str) -> String {
    let folded: String = word
        .chars()
        .filter(|&c| !crate::text::normalize::is_arabic_mark(c) && c != 'ـ')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            c => c,
        })
        .collect();
    for p in crate::language::arabic::NAME_PROCLITICS {
        if let Some(rest) = folded.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return rest.to_string();
            }
        }
    }
    folded
}

/// Whether a noun of [`PRODUCT_NOUNS`] comes before token `i` on its line,
/// right before it or before up to two adjectives (`هاتفها الجديد جالاكسي`,
/// `مساعدها الذكي كوبايلوت`).
fn after_product_noun(doc: &Document, i: usize) -> bool {
    after_noun(doc, i, is_product_noun)
}

/// Whether `word` folds to one of [`PRODUCT_NOUNS`].
fn is_product_noun(word: &str) -> bool {
    PRODUCT_NOUNS.contains(&fold_arabic(word).as_str())
}

/// [`after_product_noun`], with `noun` telling a product noun.
fn after_noun<'d>(doc: &Document<'d>, i: usize, mut noun: impl FnMut(&'d str) -> bool) -> bool {
    let mut at = i;
    for _ in 0..3 {
        let Some(j) = doc.prev_non_space(at).filter(|&j| doc.tokens[j].is_word()) else {
            return false;
        };
        let word = doc.token_text(j);
        if noun(word) {
            return true;
        }
        // Only a definite adjective may stand between.
        if !word.starts_with("ال") {
            return false;
        }
        at = j;
    }
    false
}

/// Whether the run names a product: after a product noun (`هاتف Galaxy`),
/// or before a model number (`Galaxy S24`, `PlayStation 5`).
fn product(doc: &Document, run: &[usize]) -> bool {
    let model = doc.next_non_space(run[run.len() - 1]).is_some_and(|j| {
        let t = &doc.tokens[j];
        t.kind == TokenKind::Number
            || t.is_word() && t.text(doc.text).chars().any(|c| c.is_ascii_digit())
    });
    model || after_product_noun(doc, run[0])
}

/// Whether the document's spelling of the run stands right next to it, a
/// gloss without brackets (`ميموجي Memoji`, `Memoji ميموجي`).
fn glossed(doc: &Document, run: &[usize], spellings: &[String]) -> bool {
    let Some(first) = spellings.first().map(|s| fold_arabic(s)) else {
        return false;
    };
    let beside = [
        doc.prev_non_space(run[0]),
        doc.next_non_space(run[run.len() - 1]),
    ];
    beside
        .into_iter()
        .flatten()
        .any(|j| doc.tokens[j].is_word() && fold_arabic(doc.token_text(j)) == first)
}

/// The document's Arabic words that follow a noun of [`PRODUCT_NOUNS`],
/// folded: the names it gives products, services and companies.
fn brands(doc: &Document) -> std::collections::HashSet<String> {
    // Each distinct word folded once: every word of the document is asked.
    let mut nouns: FxHashMap<&str, bool> = FxHashMap::default();
    (0..doc.tokens.len())
        .filter(|&i| {
            let t = &doc.tokens[i];
            t.is_word()
                && t.script == Some(Script::Arabic)
                && after_noun(doc, i, |w| {
                    *nouns.entry(w).or_insert_with(|| is_product_noun(w))
                })
        })
        .map(|i| fold_arabic(doc.token_text(i)))
        .collect()
}

/// Most words a run may have: longer runs are `foreign-script-run`'s.
const MAX_RUN: usize = 4;

/// Unit symbols and abbreviations that follow numbers.
const UNITS: &[&str] = &[
    "km", "m", "cm", "mm", "nm", "kg", "g", "mg", "t", "l", "ml", "hz", "khz", "mhz", "ghz", "db",
    "w", "kw", "mw", "gw", "kwh", "mwh", "gwh", "v", "kv", "a", "ma", "mph", "kmh", "ft", "in",
    "lb", "lbs", "oz", "mi", "yd", "ha", "px", "pt", "kb", "mb", "gb", "tb", "bps", "mbps", "gbps",
    "am", "pm", "bc", "ad",
];

impl Rule for UntranslatedTerm {
    fn meta(&self) -> &'static RuleMeta {
        &UNTRANSLATED_TERM
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let target = match doc.script.map(family) {
            Some(Script::Arabic) => Target::Arabic,
            Some(Script::Cyrillic) => Target::Cyrillic,
            _ => return,
        };
        let main = doc.script.expect("checked above");
        let runs = candidate_runs(doc, target);
        if runs.is_empty() {
            return;
        }
        // Built only for documents with candidates: most have none.
        let lexicon = TargetWords::new(
            target,
            doc.tokens
                .iter()
                .filter(|t| t.is_word() && !t.mixed && t.script == Some(main))
                .map(|t| t.text(doc.text)),
        );
        let mut look = Lookup {
            lexicon,
            cache: HashMap::new(),
            counts: foreign_counts(doc),
            brands: None,
        };
        let long_runs = foreign_runs(doc);
        for run in runs {
            let range = doc.tokens[run[0]].range.start..doc.tokens[run[run.len() - 1]].range.end;
            if long_runs.0.iter().filter(|r| r.is_garble()).any(|r| {
                r.diagnostic.range.start < range.end && range.start < r.diagnostic.range.end
            }) {
                continue;
            }
            if let Some(d) = judge(doc, &run, range, target, &mut look) {
                out.push(d);
            }
        }
    }
}

/// Distinct terms looked up per document: each look-up aligns the term
/// with every stem of the document, so a long document full of foreign
/// words (a bilingual glossary) would otherwise cost terms × stems.
fn lookup_budget(lexicon: &TargetWords) -> usize {
    (1_000_000 / lexicon.len().max(1)).max(16)
}

/// The script of a term, when the matcher can look for it in `target`.
fn source_of(script: Option<Script>, target: Target) -> Option<TermScript> {
    match (script, target) {
        (Some(Script::Latin), _) => Some(TermScript::Latin),
        (Some(Script::Cyrillic), Target::Arabic) => Some(TermScript::Cyrillic),
        _ => None,
    }
}

/// Whether word token `i` may be an untranslated term on its own merits
/// (not an acronym, code, unit, number-like or one letter).
fn term_word(doc: &Document, i: usize, target: Target) -> bool {
    let t = &doc.tokens[i];
    if !t.is_word() || t.mixed || source_of(t.script, target).is_none() {
        return false;
    }
    // A script the configuration allows is expected here, not left over.
    if t.script.is_some_and(|s| doc.script_allowed(s)) {
        return false;
    }
    let w = t.text(doc.text);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    // Words with digits and file formats (`mp4, avi, mkv`) are no terms.
    if letters < 2 || w.chars().any(|c| c.is_numeric()) || technical(doc, i) {
        return false;
    }
    // Acronyms: `RT`, `NATO`, `BBCs`.
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    if upper >= 2 && upper * 2 >= letters {
        return false;
    }
    // camelCase and iPhone: a capital after a lowercase letter.
    let chars: Vec<char> = w.chars().collect();
    if chars
        .windows(2)
        .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
    {
        return false;
    }
    // Code and file names: glued to `_ . / \ @ # =` or a digit.
    let glued = |j: Option<usize>| {
        j.filter(|&j| j < doc.tokens.len()).is_some_and(|j| {
            let tok = &doc.tokens[j];
            matches!(
                tok.kind,
                TokenKind::Number | TokenKind::Url | TokenKind::Handle
            ) || (matches!(tok.kind, TokenKind::Punct | TokenKind::Symbol)
                && matches!(
                    tok.text(doc.text),
                    "_" | "." | "/" | "\\" | "@" | "#" | "=" | "<" | ">" | "`" | "$" | "%"
                ))
        })
    };
    let before = i.checked_sub(1);
    let after = Some(i + 1);
    // `config.toml`: a dot between two words with no space.
    let is_dot = |j: usize| doc.tokens.get(j).is_some_and(|d| d.text(doc.text) == ".");
    let is_word = |j: usize| doc.tokens.get(j).is_some_and(|d| d.is_word());
    let dot_then_word =
        (is_dot(i + 1) && is_word(i + 2)) || (i >= 2 && is_dot(i - 1) && is_word(i - 2));
    if glued(before) && !doc.tokens[i - 1].text(doc.text).eq(".") || dot_then_word {
        return false;
    }
    if glued(after) && doc.tokens[i + 1].text(doc.text) != "." {
        return false;
    }
    // Units after a number: `5 km`, `20 MHz`.
    let lower = w.to_lowercase();
    if UNITS.contains(&lower.as_str())
        && doc
            .prev_non_space(i)
            .is_some_and(|j| doc.tokens[j].kind == TokenKind::Number)
    {
        return false;
    }
    true
}

/// Runs of term words joined by single spaces or hyphens, of at most
/// [`MAX_RUN`] words, in a sentence of the document's script, outside
/// brackets and backticks, and not on the allowlist.
fn candidate_runs(doc: &Document, target: Target) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    // Line breaks and backticks, to tell code spans in linear time.
    let ticks: Vec<(usize, bool)> = doc
        .text
        .match_indices(['`', '\n'])
        .map(|(k, m)| (k, m == "`"))
        .collect();
    // Whether each sentence is mostly native, computed once.
    let mut native: HashMap<usize, bool> = HashMap::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !doc.tokens[i].is_word() || source_of(doc.tokens[i].script, target).is_none() {
            i += 1;
            continue;
        }
        // The whole run of foreign words, term words or not.
        let mut words = vec![i];
        let mut j = i + 1;
        while j < doc.tokens.len() {
            let t = &doc.tokens[j];
            let joiner = match t.kind {
                TokenKind::Space => true,
                TokenKind::Punct => matches!(t.text(doc.text), "-" | "‐" | "'" | "’"),
                _ => false,
            };
            if joiner {
                j += 1;
                continue;
            }
            if t.is_word() && source_of(t.script, target).is_some() {
                words.push(j);
                j += 1;
                continue;
            }
            break;
        }
        i = j;
        if words.len() > MAX_RUN || !words.iter().all(|&w| term_word(doc, w, target)) {
            continue;
        }
        if in_brackets_or_code(doc, words[0], words[words.len() - 1], &ticks)
            || !in_native_sentence(doc, words[0], &mut native)
            || allowed(doc, &words)
        {
            continue;
        }
        runs.push(words);
    }
    runs
}

/// Whether the run from token `first` to `last` is a gloss in brackets
/// (`كورسك (Kursk)`), code between backticks, or a call.
fn in_brackets_or_code(doc: &Document, first: usize, last: usize, ticks: &[(usize, bool)]) -> bool {
    let before = doc.prev_non_space(first).map(|j| doc.token_text(j));
    let after = doc.next_non_space(last).map(|j| doc.token_text(j));
    if matches!(before, Some("(" | "[" | "（")) || matches!(after, Some(")" | "]" | "）")) {
        return true;
    }
    // A call written onto the run (`fflush()`) is code. (An HTML entity,
    // `&amp;`, is a code token of its own.)
    let glued_after = doc
        .tokens
        .get(last + 1)
        .filter(|t| t.kind == TokenKind::Punct)
        .map(|t| t.text(doc.text));
    if glued_after == Some("(") {
        return true;
    }
    // An odd number of backticks before it on its line: walk back from the
    // run over the backticks (a code span is short) to the line break.
    let start = doc.tokens[first].range.start;
    let k = ticks.partition_point(|&(o, _)| o < start);
    let mut odd = false;
    for &(_, tick) in ticks[..k].iter().rev().take(64) {
        if !tick {
            break;
        }
        odd = !odd;
    }
    odd
}

/// Whether the sentence holding token `i` is mostly in the document's script.
fn in_native_sentence(doc: &Document, i: usize, cache: &mut HashMap<usize, bool>) -> bool {
    let Some(main) = doc.script else { return false };
    let Some(s) = doc.sentence_at(doc.tokens[i].range.start) else {
        return false;
    };
    *cache
        .entry(s)
        .or_insert_with(|| native_sentence(doc, s, main))
}

/// Whether sentence `s` has more letters of `main` than of other scripts.
fn native_sentence(doc: &Document, s: usize, main: Script) -> bool {
    let range = doc.sentences[s].range.clone();
    let (mut native, mut other) = (0usize, 0usize);
    for c in doc.text[range].chars() {
        match letter_script(c) {
            Some(sc) if compatible(sc, main) => native += 1,
            Some(_) => other += 1,
            None => {}
        }
    }
    native > other
}

/// Whether the run, or one of its words, is on the document's allowlist
/// (compared without case).
fn allowed(doc: &Document, words: &[usize]) -> bool {
    if doc.allowed_terms.is_empty() {
        return false;
    }
    let start = doc.tokens[words[0]].range.start;
    let end = doc.tokens[words[words.len() - 1]].range.end;
    let run = &doc.text[start..end];
    doc.allowed_terms.iter().any(|a| {
        a.eq_ignore_ascii_case(run)
            || a.to_lowercase() == run.to_lowercase()
            || words
                .iter()
                .any(|&w| a.to_lowercase() == doc.token_text(w).to_lowercase())
    })
}

/// What the look-ups of one document share.
struct Lookup<'d> {
    /// The document's words in its own script.
    lexicon: TargetWords,
    /// Each term looked up so far, with what was found.
    cache: HashMap<&'d str, Option<Match>>,
    /// Occurrences of each foreign word.
    counts: HashMap<&'d str, usize>,
    /// The document's Arabic words that it names as products, services or
    /// companies (after a noun of [`PRODUCT_NOUNS`]), folded; built on
    /// first need.
    brands: Option<std::collections::HashSet<String>>,
}

/// How often each word of a foreign script occurs in the document.
fn foreign_counts<'d>(doc: &Document<'d>) -> HashMap<&'d str, usize> {
    let mut counts = HashMap::new();
    for t in doc.tokens.iter().filter(|t| t.is_word()) {
        if t.script.is_some() && t.script != doc.script {
            *counts.entry(t.text(doc.text)).or_default() += 1;
        }
    }
    counts
}

/// The finding for one run: a warning with the document's spelling when
/// every word has one, an info (Arabic documents only) when none has.
fn judge<'d>(
    doc: &Document<'d>,
    run: &[usize],
    range: Range<usize>,
    target: Target,
    look: &mut Lookup<'d>,
) -> Option<Diagnostic> {
    let Lookup { lexicon, cache, .. } = look;
    let text = &doc.text[range.clone()];
    let mut spellings = Vec::with_capacity(run.len());
    let mut worst: f32 = 0.0;
    let mut fewest = usize::MAX;
    for &w in run {
        let source = source_of(doc.tokens[w].script, target)?;
        let word = doc.token_text(w);
        // A term is looked up once per document, however often it occurs,
        // and no more terms than the budget allows: past it, say nothing.
        let found = match cache.get(word) {
            Some(found) => found.clone(),
            None if cache.len() >= lookup_budget(lexicon) => return None,
            None => {
                let found = lexicon.find(word, source);
                cache.insert(word, found.clone());
                found
            }
        };
        match found {
            Some(m) => {
                worst = worst.max(m.distance);
                fewest = fewest.min(m.count);
                spellings.push(m.spelling);
            }
            None => {
                spellings.clear();
                break;
            }
        }
    }
    if !spellings.is_empty() {
        let spelling = spellings.join(" ");
        let message = format!("untranslated \"{text}\": the document writes it \"{spelling}\"");
        // The entries of a catalogue or the cues of subtitles are strings
        // of their own, often by other translators: a spelling in another
        // one is a question of consistent terms (`Java` in one entry,
        // `جافا` in the next), not a name left untranslated.
        let elsewhere = !doc.units.is_empty()
            && doc
                .units
                .iter()
                .find(|u| u.contains(&range.start))
                .is_none_or(|u| !doc.text[u.clone()].contains(spelling.as_str()));
        let mut d = Diagnostic::new(range.clone(), message)
            .confidence(0.9 - worst)
            .fix(range, spelling, Applicability::Unsafe);
        // Arabic writers keep a product's or a company's Latin name beside
        // its Arabic spelling (`Memoji` and `ميموجي`): a name the document
        // calls a product, one with a model number, one glossed by its
        // spelling next to it, or a loose match, is a note, not a slip.
        if target == Target::Arabic
            && (worst > LOOSE
                || product(doc, run)
                || glossed(doc, run, &spellings)
                || spellings.iter().all(|sp| {
                    look.brands
                        .get_or_insert_with(|| brands(doc))
                        .contains(&fold_arabic(sp))
                }))
        {
            d = d.severity(Severity::Info).confidence(0.4);
        }
        if elsewhere {
            d = d.severity(Severity::Info).confidence(0.4);
        }
        // Russian keeps many brands in Latin letters beside a Cyrillic
        // spelling of the person or place (`Thom Browne`, `Том Браун`): a
        // warning needs the Cyrillic form to be the document's usual one.
        if target == Target::Cyrillic
            && fewest
                < 2 * look
                    .counts
                    .get(doc.token_text(run[0]))
                    .copied()
                    .unwrap_or(1)
        {
            d = d.severity(Severity::Info).confidence(0.4);
        }
        return Some(d);
    }
    // Russian writes foreign brands and media in Latin letters as a rule.
    if target == Target::Cyrillic {
        return None;
    }
    let script = if doc.tokens[run[0]].script == Some(Script::Cyrillic) {
        "Cyrillic"
    } else {
        "Latin"
    };
    let message =
        format!("\"{text}\" is left in {script} script; the document has no Arabic spelling of it");
    Some(
        Diagnostic::new(range, message)
            .severity(Severity::Info)
            .confidence(0.3),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, flagged_in};

    const ARTICLE: &str = "وصل رئيس الأركان جيراسيموف إلى منطقة كورسك اليوم.\n\
        ذكرت Gerasimov أن القوات تقدمت في منطقة Kursk ، التي دخلها الجيش.\n";

    #[test]
    fn names_with_a_spelling_in_the_document_are_warnings_with_it() {
        let d = diagnostics(&UntranslatedTerm, ARTICLE, Some("ar"));
        assert_eq!(d.len(), 2, "{d:#?}");
        let fixes: Vec<&str> = d
            .iter()
            .map(|d| d.fix.as_ref().unwrap().replacement.as_str())
            .collect();
        assert_eq!(fixes, ["جيراسيموف", "كورسك"]);
        assert!(d.iter().all(|d| d.severity.is_none()));
        assert_eq!(
            d[1].message,
            "untranslated \"Kursk\": the document writes it \"كورسك\""
        );
        // Cyrillic in Arabic.
        let text = "التقى الرئيس بوتين بالوزراء، وقال Путин إن الاجتماع كان مثمرا.";
        let d = diagnostics(&UntranslatedTerm, text, Some("ar"));
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "بوتين");
        // Latin in Russian, with a case ending on the document's form.
        let text = "Встреча Путина и Макрона прошла в Париже. Путин приехал утром. \
            Putin заявил, что доволен.";
        let d = diagnostics(&UntranslatedTerm, text, Some("ru"));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].severity, None);
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "Путин");
        // Russian keeps brands in Latin beside a Cyrillic name: one each is info.
        let text = "Дизайнер Том Браун показал коллекцию. Бренд Thom Browne быстро вырос за год.";
        let d = diagnostics(&UntranslatedTerm, text, Some("ru"));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "Том Браун");
    }

    #[test]
    fn a_spelling_in_another_entry_of_a_catalogue_is_info() {
        let split = ARTICLE.find('\n').unwrap() + 1;
        // Each line an entry: the spellings are in the other one.
        let mut doc = Document::new(ARTICLE, Some("ar"));
        doc.units = vec![0..split, split..ARTICLE.len()];
        let mut d = Vec::new();
        UntranslatedTerm.check(&doc, &mut d);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(
            d.iter().all(|d| d.severity == Some(Severity::Info)),
            "{d:#?}"
        );
        // One entry holding both lines: its own spellings, warnings.
        let mut doc = Document::new(ARTICLE, Some("ar"));
        doc.units = std::iter::once(0..ARTICLE.len()).collect();
        let mut d = Vec::new();
        UntranslatedTerm.check(&doc, &mut d);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(d.iter().all(|d| d.severity.is_none()), "{d:#?}");
    }

    #[test]
    fn products_and_brands_beside_their_arabic_spelling_are_info() {
        for (text, term) in [
            (
                "أضافت آبل ميزات جديدة إلى ملصقات ميموجي.\n\
                 وبات بإمكان المستخدمين تصميم شخصيات Memoji بملامح أدق.\n",
                "Memoji",
            ),
            (
                "كشفت سامسونج عن هاتفها الجديد جالاكسي اليوم.\n\
                 ويأتي هاتف Galaxy بكاميرا محسنة.\n",
                "Galaxy",
            ),
            (
                "أطلقت شركة ميتا تطبيق ثريدز في مئة دولة.\n\
                 وسجل ملايين المستخدمين في Threads خلال يومه الأول.\n",
                "Threads",
            ),
            (
                "افتتحت شركة إيكيا متجرها الجديد.\nوقالت إيكيا Ikea إن المتجر كبير.\n",
                "Ikea",
            ),
        ] {
            let d = diagnostics(&UntranslatedTerm, text, Some("ar"));
            assert_eq!(d.len(), 1, "{text}: {d:#?}");
            assert_eq!(&text[d[0].range.clone()], term);
            assert_eq!(d[0].severity, Some(Severity::Info), "{text}");
        }
        // A person or place the document names beside no product noun is
        // still a warning (the seeds' `Gerasimov`, `Kursk`), even when a
        // product of the same document is a brand.
        let text = format!("{ARTICLE}وأطلقت شركة آبل تطبيق ميموجي.\n");
        let d = diagnostics(&UntranslatedTerm, &text, Some("ar"));
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(d.iter().all(|d| d.severity.is_none()), "{d:#?}");
    }

    #[test]
    fn terms_without_a_spelling_are_info_in_arabic_and_quiet_in_russian() {
        let text = "قال زيلينسكي في رسالة نشرت على حسابه في تطبيق \"Telegram\" اليوم.";
        let d = diagnostics(&UntranslatedTerm, text, Some("ar"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert!(d[0].fix.is_none());
        let text = "Компания Facebook сообщила о новых правилах для пользователей.";
        assert!(flagged_in(&UntranslatedTerm, text, Some("ru")).is_empty());
    }

    #[test]
    fn acronyms_code_units_glosses_and_allowed_terms_are_quiet() {
        for text in [
            "قال بوتين وفق موقع RT إن الوضع مستقر.",
            "انتشر فيروس COVID-19 في العالم.",
            "افتح الملف config.toml ثم عدل المتغير max_size في البرنامج.",
            "استخدم الدالة `parse` لقراءة الملف.",
            "يمتد الطريق مسافة 40 km شمال المدينة.",
            "وصل الجيش إلى كورسك (Kursk) في أغسطس.",
            "أعلن الرئيس عن هاتف iPhone الجديد.",
            "تابعونا على @mtlint و #كورسك و https://example.org/Kursk اليوم.",
            // A call and an entity name are code and markup, not terms, in
            // a text that writes `فلاش` and `امب`.
            "تحديث فلاش وامب: فشل fflush() وكتب &amp; في الملف.",
        ] {
            assert!(
                flagged_in(&UntranslatedTerm, text, Some("ar")).is_empty(),
                "{text}"
            );
        }
        let mut doc = Document::new("قال في رسالة على تطبيق Telegram اليوم.", Some("ar"));
        doc.allowed_terms = vec!["telegram".into()];
        let mut out = Vec::new();
        UntranslatedTerm.check(&doc, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn other_languages_and_long_runs_are_quiet() {
        for (text, lang) in [
            ("President Putin met Macron in Paris on Monday.", "en"),
            ("Le président Poutine a rencontré Macron à Paris.", "fr"),
            ("Президент Путин встретился с Макроном в Париже.", "ru"),
            ("The Kremlin said Путин would travel.", "en"),
        ] {
            assert!(
                flagged_in(&UntranslatedTerm, text, Some(lang)).is_empty(),
                "{text}"
            );
        }
        // Five words and more: foreign-script-run's business.
        let text = "وقال المتحدث إن the government will not accept this deal اليوم.";
        assert!(flagged_in(&UntranslatedTerm, text, Some("ar")).is_empty());
        // A Latin sentence in an Arabic document is not inside an Arabic sentence.
        let text = "قال الرئيس كلمته.\nThis is Kursk.\n";
        assert!(flagged_in(&UntranslatedTerm, text, Some("ar")).is_empty());
    }
}
