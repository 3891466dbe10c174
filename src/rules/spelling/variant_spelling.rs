//! `variant-spelling`: one word or name spelled two ways in the same
//! document, where one spelling is an orthographic or transliteration
//! variant of the other (`فلاديمير` / `فيلاديمير`, `الروسي` / `الروسى`,
//! `Zelensky` / `Zelenskyy`).
//!
//! Machine translation spells a name the way each source sentence suggests,
//! so one article ends up with two or three spellings of the same person; a
//! human editor would have made them agree. The rule counts the spellings of
//! every word in the document and points at the minority ones.
//!
//! Only a few variant operations count, because most words that differ by
//! one letter are different words (`قال`/`قيل`, `form`/`from`):
//!
//! - Arabic: one bare `ا` against a hamza seat `أ إ آ`, `ؤ` against `ئ`, a
//!   final `ى` against `ي` and `ة` against `ه` (stems of 4 letters or more;
//!   the final letters only where the article or the length rules out a
//!   verb or a pronoun), and one long vowel `ا و ي` more inside a stem
//!   whose shorter spelling keeps 4 consonants without its suffixes (never
//!   in the first letter, never an `ا` third, never in the last two letters
//!   before the suffixes: there Arabic inflects). Clitics (`و ف ب ل ك`,
//!   `ال`) are stripped first.
//! - Latin and Cyrillic: capitalized words (names) of 5 letters or more
//!   whose spellings agree once `y` is read as `i` (Latin), `э` as `е`
//!   (Cyrillic) and doubled letters as single ones.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_script::Script;

use crate::language::arabic;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::normalize::is_arabic_mark;
use crate::text::script::family;
use crate::text::Document;

/// `variant-spelling`: a word spelled two ways in one document.
pub struct VariantSpelling;

static VARIANT_SPELLING: RuleMeta = RuleMeta {
    id: "variant-spelling",
    severity: Severity::Info,
    harm: Harm::Habit,
    summary: "A word or name is spelled two ways in the same document (فلاديمير / فيلاديمير)",
    explanation: r#"## What it does
Finds a word or a name spelled two ways in one document, where one spelling
is an orthographic or transliteration variant of the other, and points at the
occurrences of the less frequent spelling, suggesting the document's
majority spelling.

Variants it knows:
- Arabic, after stripping the article `ال` (with `و ف ب ك ل` before it)
  and, when what remains is a word of the document, the clitics `و ف ب ل
  ك`: one bare `ا` against a hamza seat `أ إ آ` (`تاثير` / `تأثير`), `ؤ`
  against `ئ` (`مسئول` / `مسؤول`), on stems of 4 letters or more; a final
  `ى` against `ي` (`الروسى` / `الروسي`) when the stem has 5 letters or the
  `ى` spelling takes the article somewhere (`تولى`, a verb, and `تولي`, a
  noun, are two words); a final `ه` against `ة` only when the `ه` spelling
  takes the article (else it is a pronoun: `وحده` / `وحدة`); and one long
  vowel `ا و ي` more or less inside a stem (`فيلاديمير` / `فلاديمير`,
  `فيرجينيا` / `فرجينيا`) whose shorter spelling keeps 4 consonants once
  its suffixes (`ون ين ات ها هم ة ي ت …`) are set aside; never in the first
  letter, never an `ا` third (`مراكز`, `خنازير`, `يشاهد` are plurals and
  verb forms), never in the last two letters before the suffixes.
- Latin and Cyrillic: capitalized words (names) of 5 letters or more that
  agree once `y` is read as `i`, `э` as `е` and doubled letters as single
  (`Zelensky` / `Zelenskiy` / `Zelenskyy`, `Russell` / `Russel`).

When two spellings are equally frequent, the standard Arabic one is the
reference (hamza written, final `ي` rather than `ى`, `ة` rather than `ه`),
and otherwise the one that comes first in the document.

## Why is this bad?
A machine translation spells a name the way each source sentence suggests,
so one article ends up naming the same person two or three ways. Readers
wonder whether two people are meant, search and indexing miss half of the
mentions, and an editor would have made them agree.

## Example
```text
الرئيس الروسي فلاديمير بوتين ... الرئيس الروسى فيلاديمير بوتين ... الرئيس الروسي فلاديمير بوتين
                                       ^^^^^^ → الروسي  ^^^^^^^^^ → فلاديمير
President Zelensky ... Zelenskyy said ... Zelensky added
                       ^^^^^^^^^ → Zelensky
```

## Fix safety
The fix replaces the minority spelling by the majority one (clitics and a
possessive `'s` are kept) and is always **unsafe**: the majority is not
always the right spelling (`الذى` may outnumber `الذي`), and two spellings
can, rarely, be two different words or people (`موسيقي`, a musician, and
`موسيقى`, music).

## Limits
It compares spellings within one document, never against a dictionary: a
name misspelled the same way every time, or spelled once, is not found.
It does not report:
- `ё` against `е` in Russian: writing `ё` is optional by convention, so
  `Горбачёв` and `Горбачев` in one text are both correct;
- diacritics (harakat) and tatweel in Arabic, which are optional; accents
  in Latin script (`Etat` / `État`, optional on French capitals);
- `أ` against `إ` or `آ` (`أمام` / `إمام`, `أمن` / `آمن` are different
  words), two hamza differences in one word (`الأم` / `آلام`), short words
  (`الى` / `إلى`, `على` / `علي` are left alone);
- a long vowel in a name of three consonants (`باريس` / `بريس`, `روسيا` /
  `رسيا`) or as third letter (`ترمب` / `ترامب`): Arabic's own patterns
  make such pairs of real words (`قتل` / `قاتل`, `مركز` / `مراكز`), and
  without a dictionary the rule cannot tell them apart; nor long vowels
  near the end of a word (`الدول` / `الدولي` are inflections);
- renamings and transliterations that differ by more than these operations
  (`Kiev` / `Kyiv`, `Zelensky` / `Selenskyj`);
- lowercase Latin and Cyrillic words (`travelled` / `traveled`, `later` /
  `latter`), and German and Luxembourgish text, whose nouns are all
  capitalized;
- Arabic-script variants in languages other than Arabic (Persian, Urdu).
"#,
};

impl Rule for VariantSpelling {
    fn meta(&self) -> &'static RuleMeta {
        &VARIANT_SPELLING
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let found = collect(doc);
        let words = &found.words;
        if words.len() < 2 {
            return;
        }
        // The document's spellings, each with its occurrences counted and
        // its first one (for ties and for the text of the replacement). A
        // form always has the same spelling: it is looked up once a form.
        let mut ids: FxHashMap<(Kind, &str), u32> = FxHashMap::default();
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut id_of_form: Vec<u32> = vec![u32::MAX; found.forms.len()];
        for (i, w) in words.iter().enumerate() {
            let form = &found.forms[w.form as usize];
            let mut id = id_of_form[w.form as usize];
            if id == u32::MAX {
                let text = found.spelling(form);
                id = *ids.entry((form.kind, text)).or_insert_with(|| {
                    spellings.push(Spelling {
                        kind: form.kind,
                        text,
                        count: 0,
                        first: i,
                        article: false,
                    });
                    (spellings.len() - 1) as u32
                });
                id_of_form[w.form as usize] = id;
            }
            let s = &mut spellings[id as usize];
            s.count += 1;
            s.article |= form.article;
        }
        let related = related_spellings(&spellings, &ids);
        // A spelling's rank: more occurrences first; between equals, the
        // standard Arabic spelling (hamza written, final `ي` and `ة`), then
        // the one that comes first in the document.
        let rank = |id: u32| {
            let s = &spellings[id as usize];
            (s.count, standardness(s), std::cmp::Reverse(s.first))
        };
        // The spelling that each minority spelling gives way to.
        let mut yields_to: FxHashMap<u32, u32> = FxHashMap::default();
        for (id, others) in &related {
            let best = *others
                .iter()
                .max_by_key(|&&k| rank(k))
                .expect("related spellings are never empty");
            if rank(best) > rank(*id) {
                yields_to.insert(*id, best);
            }
        }
        if yields_to.is_empty() {
            return;
        }
        for w in words {
            let id = id_of_form[w.form as usize];
            let Some(&best) = yields_to.get(&id) else {
                continue;
            };
            let (best, mine) = (&spellings[best as usize], &spellings[id as usize]);
            let replacement = &doc.text[found.stem(&words[best.first])];
            let (token, stem) = (found.token(w), found.stem(w));
            let message = format!(
                "spelled «{}{}{}» {} elsewhere in this document",
                &doc.text[token.start..stem.start],
                replacement,
                &doc.text[stem.end..token.end],
                times(best.count)
            );
            let tie = best.count == mine.count;
            out.push(
                Diagnostic::new(token, message)
                    .confidence(if tie { 0.4 } else { 0.7 })
                    .fix(stem, replacement, Applicability::Unsafe),
            );
        }
    }
}

/// One spelling of a document.
struct Spelling<'a> {
    kind: Kind,
    text: &'a str,
    /// How many times the document writes it.
    count: usize,
    /// The index of its first occurrence among the words.
    first: usize,
    /// Whether the Arabic article stands before it somewhere.
    article: bool,
}

/// How standard an Arabic spelling is: hamza seats written, final `ي` and
/// `ة` rather than `ى` and `ه`. Only breaks ties between equally frequent
/// spellings.
fn standardness(s: &Spelling) -> usize {
    if s.kind != Kind::Arabic {
        return 0;
    }
    let hamzas = s
        .text
        .chars()
        .filter(|c| matches!(c, 'أ' | 'إ' | 'آ' | 'ؤ'))
        .count();
    hamzas + usize::from(s.text.ends_with(['ي', 'ة']))
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// The alphabets whose variants the rule knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Arabic,
    Latin,
    Cyrillic,
}

/// One word occurrence that takes part in the comparison: where its token
/// starts, and its form. A large file holds millions of them, so what only
/// depends on the word's text is kept once a form: 16 bytes an occurrence
/// (a test checks), where the ranges of token, stem and spelling took 56,
/// or 117 MB for the 1.3 million long Arabic words of 20 MB of news.
#[derive(Debug)]
struct Word {
    /// The first byte of the token.
    start: usize,
    /// The index of its [`Form`] in [`Found::forms`].
    form: u32,
}

/// A distinct word of the document (the text of a token) that takes part
/// in the comparison.
#[derive(Debug)]
struct Form {
    kind: Kind,
    /// The length of the token, in bytes.
    len: usize,
    /// The stem, clitics and possessive endings left out: bytes of the token.
    stem: Range<usize>,
    /// The stem as compared (without Arabic marks, `ё` as `е`): a range of
    /// [`Found::spellings`].
    spelling: Range<usize>,
    /// Whether the Arabic article stands before the stem (or begins it).
    article: bool,
}

/// The words of a document that may have variants, their distinct forms,
/// and the forms' spellings written end to end in one string: a large file
/// holds hundreds of thousands of words and a few thousand spellings.
struct Found {
    spellings: String,
    forms: Vec<Form>,
    words: Vec<Word>,
}

impl Found {
    fn spelling(&self, f: &Form) -> &str {
        &self.spellings[f.spelling.clone()]
    }

    /// The bytes of the document of a word's token.
    fn token(&self, w: &Word) -> Range<usize> {
        w.start..w.start + self.forms[w.form as usize].len
    }

    /// The bytes of the document of a word's stem.
    fn stem(&self, w: &Word) -> Range<usize> {
        let stem = &self.forms[w.form as usize].stem;
        w.start + stem.start..w.start + stem.end
    }
}

/// The words of `doc` that may have variants, with their stems.
fn collect(doc: &Document) -> Found {
    let arabic = doc.lang() == Some("ar");
    // German and Luxembourgish capitalize every noun: capitals are no sign of a name.
    let latin = !matches!(doc.lang(), Some("de" | "lb"));
    let mut found = Found {
        spellings: String::new(),
        forms: Vec::new(),
        words: Vec::new(),
    };
    // Each distinct token text, with its form (`NONE` when it takes no
    // part): a word's script, and so whether and how it takes part, only
    // depends on its text.
    const NONE: u32 = u32::MAX;
    let mut forms: FxHashMap<&str, u32> = FxHashMap::default();
    // The distinct Arabic words of four letters or more, with their forms:
    // the stems are worked out once a word, when every word of the
    // document is known.
    let mut arabic_forms: Vec<u32> = Vec::new();
    let mut form_texts: Vec<&str> = Vec::new();
    for tok in doc.tokens.iter().filter(|t| t.is_word() && !t.mixed) {
        let text = tok.text(doc.text);
        let form = match forms.get(text) {
            Some(&f) => f,
            None => {
                let form = match tok.script.map(family) {
                    Some(Script::Arabic)
                        if arabic
                            && text
                                .chars()
                                .filter(|&c| !is_arabic_mark(c))
                                .nth(3)
                                .is_some() =>
                    {
                        arabic_forms.push(found.forms.len() as u32);
                        form_texts.push(text);
                        Some(Form {
                            kind: Kind::Arabic,
                            len: text.len(),
                            stem: 0..text.len(),
                            spelling: 0..0,
                            article: false,
                        })
                    }
                    Some(Script::Latin) if latin => {
                        name_word(text, Kind::Latin, &mut found.spellings)
                    }
                    Some(Script::Cyrillic) => name_word(text, Kind::Cyrillic, &mut found.spellings),
                    _ => None,
                };
                let f = match form {
                    Some(form) => {
                        found.forms.push(form);
                        (found.forms.len() - 1) as u32
                    }
                    None => NONE,
                };
                forms.insert(text, f);
                f
            }
        };
        if form != NONE {
            found.words.push(Word {
                start: tok.range.start,
                form,
            });
        }
    }
    if !form_texts.is_empty() {
        let stems = arabic_stems(&form_texts, &mut found.spellings);
        for (form, stem) in arabic_forms.into_iter().zip(stems) {
            let f = &mut found.forms[form as usize];
            f.stem.start = stem.offset;
            f.spelling = stem.spelling;
            f.article = stem.article;
        }
    }
    found
}

/// A capitalized Latin or Cyrillic word of five letters or more, without a
/// French elided article (`l'`, `d'`) or an English possessive (`'s`); its
/// spelling is written at the end of `spellings`.
fn name_word(text: &str, kind: Kind, spellings: &mut String) -> Option<Form> {
    let mut s = 0;
    let mut e = text.len();
    for elided in ["l'", "d'", "l’", "d’", "L'", "D'", "L’", "D’"] {
        if text.starts_with(elided) {
            s = elided.len();
            break;
        }
    }
    for possessive in ["'s", "’s", "'", "’"] {
        if text[s..].ends_with(possessive) {
            e -= possessive.len();
            break;
        }
    }
    let stem = text.get(s..e)?;
    let mut chars = stem.chars();
    let first = chars.next()?;
    // A name: a capital then lowercase letters only (no acronyms, no
    // apostrophes or digits inside).
    if !first.is_uppercase() || !chars.all(|c| c.is_lowercase()) {
        return None;
    }
    if stem.chars().count() < 5 {
        return None;
    }
    let at = spellings.len();
    match kind {
        Kind::Cyrillic => spellings.extend(stem.chars().map(|c| match c {
            'ё' => 'е',
            'Ё' => 'Е',
            c => c,
        })),
        _ => spellings.push_str(stem),
    }
    Some(Form {
        kind,
        len: text.len(),
        stem: s..e,
        spelling: at..spellings.len(),
        article: false,
    })
}

/// The stem of a distinct Arabic word.
struct Stem {
    /// Where the stem starts in the word, in bytes.
    offset: usize,
    /// Its spelling: a range of the spellings.
    spelling: Range<usize>,
    /// Whether the article stands before the stem (or begins it).
    article: bool,
}

/// The stems of the distinct Arabic words of a document, in the order of
/// `forms`; their letters (marks and tatweel left out) are written at the
/// end of `spellings`. The article is always stripped (when at least three
/// letters remain); a bare clitic `و ف ب ل ك` only when what remains is a
/// word of the document on its own, since many words begin with these
/// letters (`فلاديمير`, `واشنطن`, `بوتين`).
fn arabic_stems(forms: &[&str], spellings: &mut String) -> Vec<Stem> {
    // The chains as letters, counted once.
    let chains: Vec<Vec<char>> = arabic::ARTICLE_CHAINS
        .iter()
        .map(|a| a.chars().collect())
        .collect();
    let strip_article = |letters: &[char]| -> usize {
        chains
            .iter()
            .find(|a| letters.len() >= a.len() + 3 && letters[..a.len()] == a[..])
            .map_or(0, Vec::len)
    };
    // Each word's letters, written once; `letters` holds those of one word.
    let mut letters: Vec<char> = Vec::new();
    let mut ranges: Vec<(Range<usize>, usize)> = Vec::with_capacity(forms.len());
    for form in forms {
        letters.clear();
        letters.extend(form.chars().filter(|&c| !is_arabic_mark(c)));
        let at = spellings.len();
        spellings.extend(&letters);
        ranges.push((at..spellings.len(), strip_article(&letters)));
    }
    let spellings: &str = spellings;
    // Byte length of the first `n` letters of `s`.
    let prefix = |s: &str, n: usize| s.char_indices().nth(n).map_or(s.len(), |(b, _)| b);
    // What stands without the article: words of the document on their own.
    let standalone: FxHashSet<&str> = ranges
        .iter()
        .map(|(r, k)| {
            let s = &spellings[r.clone()];
            &s[prefix(s, *k)..]
        })
        .collect();
    let mut loose = String::new();
    let mut loose_ranges = Vec::with_capacity(standalone.len());
    for s in &standalone {
        let at = loose.len();
        loose_into(s, &mut loose);
        loose_ranges.push(at..loose.len());
    }
    let standalone_loose: FxHashSet<&str> = loose_ranges.into_iter().map(|r| &loose[r]).collect();
    let mut folded = String::new();
    forms
        .iter()
        .zip(&ranges)
        .map(|(form, (range, article_letters))| {
            let word = &spellings[range.clone()];
            letters.clear();
            letters.extend(word.chars());
            let by_article = *article_letters > 0;
            let mut k = *article_letters;
            if k == 0 {
                // Up to two bare clitics: a conjunction, then a preposition.
                for n in [2, 1] {
                    if letters.len() < n + 3 {
                        continue;
                    }
                    let ok = letters[..n].iter().enumerate().all(|(i, &c)| {
                        if n == 2 && i == 0 {
                            matches!(c, 'و' | 'ف')
                        } else {
                            matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
                        }
                    });
                    if !ok {
                        continue;
                    }
                    let rest = &word[prefix(word, n)..];
                    // Short remainders must stand alone exactly: `بانكر` is not
                    // `ب` + `أنكر`.
                    let alone = if letters.len() - n >= 5 {
                        folded.clear();
                        loose_into(rest, &mut folded);
                        standalone_loose.contains(folded.as_str())
                    } else {
                        standalone.contains(rest)
                    };
                    if alone {
                        k = n;
                        break;
                    }
                }
            }
            // The stem starts at the word's `k`th letter that is no mark.
            let offset = form
                .char_indices()
                .filter(|&(_, c)| !is_arabic_mark(c))
                .nth(k)
                .map_or(form.len(), |(b, _)| b);
            let start = range.start + prefix(word, k);
            Stem {
                offset,
                spelling: start..range.end,
                article: by_article || spellings[start..range.end].starts_with("ال"),
            }
        })
        .collect()
}

/// For every spelling (by index in `spellings`), the other spellings of the
/// document that are its variants.
fn related_spellings(
    spellings: &[Spelling],
    ids: &FxHashMap<(Kind, &str), u32>,
) -> FxHashMap<u32, Vec<u32>> {
    let mut related: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut link = |a: u32, b: u32| {
        related.entry(a).or_default().push(b);
        related.entry(b).or_default().push(a);
    };
    // Spellings that share a loose key, compared pairwise (groups are
    // tiny): the keys written end to end, then grouped, each group as a
    // chain of spellings from its first one.
    let mut keys = String::new();
    let mut key_ranges: Vec<Option<Range<usize>>> = Vec::with_capacity(spellings.len());
    for s in spellings {
        let at = keys.len();
        match s.kind {
            Kind::Arabic if s.text.chars().nth(3).is_some() => {
                keys.extend(s.text.chars().map(arabic_fold));
            }
            Kind::Arabic => {
                key_ranges.push(None);
                continue;
            }
            Kind::Latin => collapse_into(s.text, |c| if c == 'y' { 'i' } else { c }, &mut keys),
            Kind::Cyrillic => collapse_into(s.text, |c| if c == 'э' { 'е' } else { c }, &mut keys),
        }
        key_ranges.push(Some(at..keys.len()));
    }
    let mut heads: FxHashMap<(Kind, &str), u32> = FxHashMap::default();
    let mut next: Vec<u32> = vec![u32::MAX; spellings.len()];
    let mut shared = false;
    for (id, r) in key_ranges.iter().enumerate() {
        let Some(r) = r else { continue };
        let id = id as u32;
        match heads.entry((spellings[id as usize].kind, &keys[r.clone()])) {
            std::collections::hash_map::Entry::Occupied(mut e) => {
                // Chained newest first: the order of a group does not matter.
                next[id as usize] = *e.get();
                e.insert(id);
                shared = true;
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id);
            }
        }
    }
    if shared {
        let mut group = Vec::new();
        for &head in heads.values() {
            group.clear();
            let mut at = head;
            while at != u32::MAX {
                group.push(at);
                at = next[at as usize];
            }
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    let (sa, sb) = (&spellings[a as usize], &spellings[b as usize]);
                    if sa.kind != Kind::Arabic
                        || arabic_orthographic(sa.text, sb.text, sa.article, sb.article)
                    {
                        link(a, b);
                    }
                }
            }
        }
    }
    // Arabic: one long vowel more inside a long stem.
    let (mut chars, mut short, mut text) = (Vec::new(), Vec::new(), String::new());
    for (id, s) in spellings.iter().enumerate() {
        if s.kind != Kind::Arabic {
            continue;
        }
        chars.clear();
        chars.extend(s.text.chars());
        if chars.len() < 5 {
            continue;
        }
        // Never in the first letter, nor in the last two of the word without
        // its suffixes: that is where Arabic inflects (`استخدمها` / `استخدامها`).
        let core = core_len(&chars);
        for i in 1..core.saturating_sub(2) {
            if !matches!(chars[i], 'ا' | 'و' | 'ي') {
                continue;
            }
            short.clear();
            short.extend(chars[..i].iter().chain(&chars[i + 1..]));
            // Native patterns on three root consonants (`يقتلون` /
            // `يقاتلون`) are not variants; nor an `ا` third, the broken
            // plurals and derived verbs `مفاعل فعالل تفاعل يفاعل`
            // (`مركزها` / `مراكزها`, `خنزير` / `خنازير`, `يشهد` / `يشاهد`),
            // though `ترمب` / `ترامب` is then missed.
            if consonants(&short[..core_len(&short)]) < 4 || (i == 2 && chars[i] == 'ا') {
                continue;
            }
            text.clear();
            text.extend(short.iter());
            if let Some(&other) = ids.get(&(Kind::Arabic, text.as_str())) {
                link(id as u32, other);
            }
        }
    }
    for v in related.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    related
}

/// An Arabic letter folded so that orthographic variants meet.
fn arabic_fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'ئ',
        c => c,
    }
}

/// Whether two Arabic stems of the same length differ only by the known
/// orthographic variants: one hamza seat, and a final `ى`/`ي` or `ة`/`ه`.
///
/// The final letter counts only where the `ى` or `ه` spelling takes the
/// article somewhere in the document: without it, `تولى` (a verb) and
/// `تولي` (a noun), `وحده` (alone) and `وحدة` (a unit) are different words,
/// but no verb and no word with a pronoun takes the article. Two hamza
/// differences are two words (`الأم` / `آلام`, `ألان` / `الآن`).
/// `a_article` and `b_article`: whether each spelling takes the article
/// somewhere in the document.
fn arabic_orthographic(a: &str, b: &str, a_article: bool, b_article: bool) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.len() != cb.len() || ca == cb {
        return false;
    }
    let last = ca.len() - 1;
    let hamza = |c: char| matches!(c, 'أ' | 'إ' | 'آ');
    let mut seats = 0;
    for (i, (&x, &y)) in ca.iter().zip(&cb).enumerate() {
        if x == y {
            continue;
        }
        if (x == 'ا' && hamza(y))
            || (y == 'ا' && hamza(x))
            || matches!((x, y), ('ؤ', 'ئ') | ('ئ', 'ؤ'))
        {
            seats += 1;
            continue;
        }
        let loose_end_article = match (x, y) {
            ('ى', 'ي') | ('ه', 'ة') => a_article,
            ('ي', 'ى') | ('ة', 'ه') => b_article,
            _ => return false,
        };
        // Long stems ending in `ى` are nouns and names (`زيلينسكى`), but
        // the `ه` of a long stem may still be a pronoun.
        let long_enough = x != 'ه' && y != 'ه' && ca.len() >= 5;
        if i != last || !(long_enough || loose_end_article) {
            return false;
        }
    }
    seats <= 1
}

/// Letters of an Arabic stem that are not long vowels or hamza seats.
fn consonants(s: &[char]) -> usize {
    s.iter()
        .filter(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'أ' | 'إ' | 'آ' | 'ؤ' | 'ئ'))
        .count()
}

/// Arabic suffixes: pronouns, plurals, duals, the feminine and the nisba.
const SUFFIXES: &[&[char]] = &[
    &['ه', 'م', 'ا'],
    &['ه', 'م'],
    &['ه', 'ا'],
    &['ه', 'ن'],
    &['ك', 'م'],
    &['ك', 'ن'],
    &['ن', 'ا'],
    &['و', 'ن'],
    &['ي', 'ن'],
    &['و', 'ا'],
    &['ا', 'ت'],
    &['ا', 'ن'],
    &['ت', 'م'],
    &['ت'],
    &['ه'],
    &['ة'],
    &['ي'],
];

/// The length of an Arabic stem without up to two suffixes, keeping at
/// least three letters (`يقاتلونهم` → `يقاتل`).
fn core_len(chars: &[char]) -> usize {
    let mut n = chars.len();
    for _ in 0..2 {
        match SUFFIXES
            .iter()
            .find(|s| chars[..n].ends_with(s) && n >= s.len() + 3)
        {
            Some(s) => n -= s.len(),
            None => break,
        }
    }
    n
}

/// Appends to `out` an Arabic stem with its orthographic variants folded
/// and its inner long vowels left out: close enough to decide whether a
/// clitic may be stripped (`وزيلنسكي` when `زيلينسكي` stands alone).
fn loose_into(s: &str, out: &mut String) {
    let n = s.chars().count();
    out.extend(
        s.chars()
            .map(arabic_fold)
            .enumerate()
            .filter(|&(i, c)| i == 0 || i + 2 >= n || !matches!(c, 'ا' | 'و' | 'ي'))
            .map(|(_, c)| c),
    );
}

/// Appends `s` lowercased with doubled letters single, after `map`, to
/// `out`: Latin names folded so that transliteration variants meet with `y`
/// as `i` (`Zelenskyy` → `zelenski`), Cyrillic ones with `э` as `е`.
fn collapse_into(s: &str, map: impl Fn(char) -> char, out: &mut String) {
    let mut prev = None;
    for c in s.chars().flat_map(char::to_lowercase).map(map) {
        if prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged_in};

    #[test]
    fn an_occurrence_takes_16_bytes() {
        // A large file has a word for every dozen bytes: the occurrences
        // must stay small (see `Word`).
        assert_eq!(std::mem::size_of::<Word>(), 16);
    }

    #[test]
    fn every_occurrence_of_a_form_is_flagged_with_its_own_offsets() {
        // Each occurrence finds its own token and stem, with its clitics,
        // though the form is worked out once.
        let text = "قال فلاديمير وفلاديمير لفلاديمير ثم فيلاديمير وفيلاديمير هنا.";
        let found = flagged_in(&VariantSpelling, text, Some("ar"));
        assert_eq!(found, ["فيلاديمير", "وفيلاديمير"]);
        assert_eq!(
            fixed(&VariantSpelling, text, Some("ar")),
            "قال فلاديمير وفلاديمير لفلاديمير ثم فلاديمير وفلاديمير هنا."
        );
    }

    #[test]
    fn finds_arabic_name_and_nisba_variants() {
        let text = "قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة.\n\
                    وأكد الرئيس الروسى فيلاديمير بوتين ذلك.\n\
                    وكان الرئيس الروسي فلاديمير بوتين قد أعلن عن الاتفاق.\n";
        assert_eq!(
            flagged_in(&VariantSpelling, text, Some("ar")),
            ["الروسى", "فيلاديمير"]
        );
        let fixed = fixed(&VariantSpelling, text, Some("ar"));
        assert!(
            fixed.contains("وأكد الرئيس الروسي فلاديمير بوتين"),
            "{fixed}"
        );
    }

    #[test]
    fn strips_clitics_and_keeps_them_in_the_fix() {
        let text = "التقى زيلينسكي بالوزراء. وقال لزيلينسكي إن الحرب طويلة. \
                    ثم غادر وزيلنسكي القاعة.";
        assert_eq!(flagged_in(&VariantSpelling, text, Some("ar")), ["وزيلنسكي"]);
        assert!(fixed(&VariantSpelling, text, Some("ar")).contains("غادر وزيلينسكي"));
        // Hamza seats and `ؤ`/`ئ`.
        let text = "المسؤول قال إن التأثير كبير. المسؤول أكد التأثير. المسئول نفى التاثير.";
        assert_eq!(
            flagged_in(&VariantSpelling, text, Some("ar")),
            ["المسئول", "التاثير"]
        );
    }

    #[test]
    fn ignores_different_arabic_words() {
        for text in [
            // قال / قيل, كان / كانت: one letter, but different words.
            "قال الوزير إن الوضع صعب. وقيل إن الوزير كان غائبا، وكانت الحكومة صامتة.",
            // Broken plurals and inflections: مصدر / مصادر, الدول / الدولي.
            "قال مصدر إن المصادر متفقة. وقالت الدول إن المجتمع الدولي صامت. المصادر تؤكد.",
            // أمام / إمام: two hamza seats are two words.
            "وقف الإمام أمام المسجد. ثم خطب الإمام أمام الناس.",
            // فاعل / فعل on a short root: يقتلون / يقاتلون.
            "إنهم يقاتلون في الشمال. وهم يقاتلون هناك. ولا يقتلون المدنيين.",
            "ذبح الخنزير. الخنازير كثيرة هنا، والخنازير جائعة. قال إن خنزيرها مريض.",
            // A verb and a noun (تولى / تولي), a pronoun and a feminine (وحده / وحدة).
            "تولى المنصب عام 2010. وجاء تولي الوزير بعد أزمة. تولى الحكم.",
            "جاء وحده إلى الوحدة. قال إنه وحده يعرف. وحدة الجيش قوية.",
            // Two hamza seats; a clitic is stripped only before a word of the document.
            "الأم قالت إن آلام الحرب كبيرة. الأم تبكي. وقال بلاير إن الريال والآير واحد. بلاير غادر.",
        ] {
            assert!(
                flagged_in(&VariantSpelling, text, Some("ar")).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn finds_latin_and_cyrillic_name_variants() {
        let text = "President Zelensky met Biden. Zelensky said the war goes on. \
                    Later, Zelenskyy's office denied it.";
        assert_eq!(
            flagged_in(&VariantSpelling, text, Some("en")),
            ["Zelenskyy's"]
        );
        assert!(fixed(&VariantSpelling, text, Some("en")).contains("Zelensky's office"));
        let text = "Le président Zelenskiy a parlé. Zelensky a répondu à Zelensky.";
        assert_eq!(
            flagged_in(&VariantSpelling, text, Some("fr")),
            ["Zelenskiy"]
        );
        let text = "Рассел сказал, что Рассел прав. Позже Расселл уехал.";
        assert_eq!(flagged_in(&VariantSpelling, text, Some("ru")), ["Расселл"]);
    }

    #[test]
    fn ignores_yo_inflections_and_lowercase_words() {
        for (text, lang) in [
            // ё is optional in Russian.
            ("Горбачёв приехал. Горбачев уехал. Горбачёв вернулся.", "ru"),
            // Case endings are different words, not variants.
            (
                "Зеленский сказал. Зеленского спросили. Зеленскому ответили.",
                "ru",
            ),
            (
                "The form was sent from Paris. Later, the latter form was lost.",
                "en",
            ),
            ("Clinton met the Clintons. Clinton left.", "en"),
            ("Die Masse und die Maße, die Ratten und die Raten.", "de"),
        ] {
            assert!(
                flagged_in(&VariantSpelling, text, Some(lang)).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn ties_go_to_the_first_spelling() {
        let d = diagnostics(
            &VariantSpelling,
            "Zelenskiy arrived. Zelensky left.",
            Some("en"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "Zelenskiy");
        assert!(d[0].confidence < 0.5);
        // Arabic: the hamza wins a tie, wherever it comes.
        let text = "افادت الوكالة بأن الاجتماع انتهى. وأفادت مصادر أخرى بالعكس.";
        assert_eq!(flagged_in(&VariantSpelling, text, Some("ar")), ["افادت"]);
        assert!(fixed(&VariantSpelling, text, Some("ar")).starts_with("أفادت"));
    }
}
