//! `gibberish`: runs of words that are no plausible word of any language
//! of their script: hallucinated garble (`уирдаааа трввээ ццрайн`), random
//! letters, keyboard mash, shuffled letters.
//!
//! Each word is scored with the character trigram models of [`crate::language::ngram`]
//! (bits per letter, the cheapest over the languages of its script, the
//! document's language first). Names and rare words cost more than common
//! words but far less than garble, and a finding needs most words of a
//! sentence to be implausible, so a single odd word never is one.

use std::borrow::Cow;
use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_script::Script;

use crate::analysis::foreign_runs::technical;
use crate::language::lexicon::{self, Lexicon};
use crate::language::ngram::{self, word_cost, Language};
use crate::report::finding::{Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::script::{family, name};
use crate::text::{case, Document, TokenKind};

/// `gibberish`: a run of implausible words.
pub struct Gibberish;

static GIBBERISH: RuleMeta = RuleMeta {
    id: "gibberish",
    severity: Severity::Warning,
    harm: Harm::Garble,
    summary: "Words that are no plausible word of any language of their script (garble, mash)",
    explanation: r#"## What it does
Scores every word of three letters or more with character trigram models of
23 languages (Arabic, Persian, Urdu; Russian, Ukrainian, Bulgarian,
Macedonian; English, French, German, Spanish, Italian, Portuguese, Dutch,
Polish, Turkish, Czech, Romanian, Swedish, Hungarian, Indonesian; Greek;
Hebrew), trained on the `wordfreq` word lists. A word is implausible when even
the language of its script that likes it best finds it far costlier than
real words, names and rare words. When most words of a sentence (or of a run
of words in one script inside it) are implausible, the run is reported once,
with how many of its words are implausible. Adjacent garbled sentences of one
line are one finding. It is a warning, and an error when it holds eight
implausible words or more, or four filling a whole line.

## Why is this bad?
Machine translation sometimes hallucinates strings that are no language at
all, typically in another script than the document's (a line of Cyrillic
garble in an Arabic article), and broken pipelines shuffle or corrupt
letters. Nobody can read such text and it must not be published.

## Example
```text
… في وقت مبكر.
птин кре мид и и крекийй чөийн жилилараг уирдсан уирдаааа трввээ.
урррсافقة ооогоссн давшилтгг ццрайнoid с сид үрээүүүэхалаварө өөөн бна.
→ error: 11 of 15 Cyrillic words are no plausible word of Russian,
  Ukrainian, Bulgarian or Macedonian (one finding for the two sentences)

The mnisetir disa hatt eth ksalt rewe ongig llew dna lwodu ctiunneo.
→ error (four or more implausible words filling their line)
asdfgh qwerty zxcvbn hjkl
→ warning: 3 of 4 Latin words are no plausible word of any of 14 languages
```

## Fix safety
There is no fix: the text may be a quotation in a language mtlint has no
model for, and what it should say is for a person to find.

## Limits
- Scripts and languages without a model are not judged: a sentence of
  Chinese, Hindi or Georgian, and text in the document's own script when the
  document's language has no model (Kazakh, Mongolian, Serbian, Vietnamese,
  Swahili: a declared or detected language without a model, or a text where
  letters outside every model are common, `ә ө ү ң ђ ơ`). A run in another
  script than the document's is judged against all the models of that
  script: real Mongolian or Kazakh in an Arabic article is reported, as the
  garble it cannot be told from.
- Words of one or two letters, words with digits, ALLCAPS acronyms,
  mixed-script words (`mixed-script-word`'s business), Arabic-script
  words of more than 13 letters (words glued together), technical tokens
  (file formats, pieces of file names), Latin and Cyrillic words without a
  vowel of three letters, or four with one doubled (sounds and chat words:
  `pfft`, `zzz`, `mdr`, `спс`) and words stretched in speech (`sooo`, `Brrr`: a word of the
  language, or under three letters, once their repeated letters are cut)
  are not judged. A word repeated in a sentence is judged once, so a sound
  written over (`Кап, кап, кап.`) is not garble. A
  sentence needs at least three implausible words, more than half of those
  judged (or a quarter, when its judged words together cost far more than
  real text). One garbled word among real ones (`the gvnmnoeret said`) is
  not reported, nor garble made of short words, nor two garbled words alone.
  Capitalized words inside a sentence get some leeway as names.
- Garble that happens to be plausible letter sequences (real words in a
  senseless order, a word repeated, letters swapped into another real word)
  is not seen: the models know words, not sentences.
- A sentence made mostly of foreign names (a list of Chinese or Vietnamese
  names in an English text) can look implausible.
"#,
};

impl Rule for Gibberish {
    fn meta(&self) -> &'static RuleMeta {
        &GIBBERISH
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut judge = Judge::new(doc);
        let mut i = 0;
        while i < doc.tokens.len() {
            let t = &doc.tokens[i];
            match t.script.map(family) {
                Some(s) if t.kind == TokenKind::Word && ngram::has_models(s) => {
                    let end = run_end(doc, i, s);
                    judge.run(doc, s, i, end, out);
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
}

/// Bits per letter above which a word is implausible in a language, and
/// (next) that of a sentence's judged words together above which it is
/// garble when two fifths of them are implausible on their own; Arabic
/// script, uncased and written without short vowels, gets more room.
fn thresholds(script: Script) -> (f32, f32) {
    match script {
        Script::Arabic => (4.5, 4.2),
        _ => (4.3, 4.0),
    }
}
/// Extra bits per letter allowed to a Capitalized word inside a sentence:
/// a name, which may come from any language.
const NAME_SLACK: f32 = 0.7;
/// Arabic-script words with more letters are words glued together: not
/// judged, and a sentence with two of them lost its spaces, which is another
/// rule's business.
const GLUED_ARABIC: usize = 13;
/// Words with fewer letters are not judged.
const MIN_LETTERS: usize = 3;
/// Share of a document's words, in its main script, holding letters outside
/// every model, above which its language is taken as one without a model.
const UNMODELLED_DOC_SHARE: f32 = 0.05;
/// The same share within one sentence of the main script.
const UNMODELLED_SENTENCE_SHARE: f32 = 0.25;
/// Implausible words a finding needs: fewer are names or rare words.
const MIN_IMPLAUSIBLE: usize = 3;
/// Implausible words that make a finding an error.
const LONG: usize = 8;
/// Implausible words that make a finding filling its line an error.
const LONG_LINE: usize = 4;

/// The token index after the run of words of `script` starting at word `i`:
/// the run ends at a line break or a word of another script.
fn run_end(doc: &Document, i: usize, script: Script) -> usize {
    let mut end = i + 1;
    for j in i + 1..doc.tokens.len() {
        let t = &doc.tokens[j];
        match t.kind {
            TokenKind::Newline => break,
            TokenKind::Word => {
                if t.script.map(family) != Some(script) {
                    break;
                }
                end = j + 1;
            }
            _ => {}
        }
    }
    end
}

/// A word's verdict: not judged (too short, an acronym, with digits, or
/// no model), or its bits per letter and the number of symbols scored.
type Verdict = Option<(f32, u32)>;

/// What the rule knows about a document: its languages and whether its own
/// script is written in a language without a model.
struct Judge {
    main: Option<Script>,
    /// The document's language, if it has a model.
    lang: Option<&'static Language>,
    /// Whether the document's main script is written in a language without
    /// a model (declared, detected, or seen in its letters); the letters are
    /// only counted when a sentence of the main script looks like garble.
    main_unmodelled: Option<bool>,
    /// The lexicon of the document's language, for stretched words.
    lexicon: Option<&'static Lexicon>,
    /// Flagged pieces waiting to be merged: (first token, last token, implausible, judged, words).
    pending: Vec<(usize, usize, usize, usize, usize)>,
}

impl Judge {
    fn new(doc: &Document) -> Self {
        let main = doc.script.map(family);
        let lang = doc.lang().and_then(ngram::language);
        // A declared or detected language without a model decides at once.
        let main_unmodelled = match (main, doc.lang()) {
            (Some(s), Some(code))
                if ngram::has_models(s) && lang.is_none_or(|l| l.script != s) && code != "und" =>
            {
                Some(true)
            }
            _ => None,
        };
        Self {
            main,
            lang,
            lexicon: doc.lang().and_then(lexicon::lexicon),
            main_unmodelled,
            pending: Vec::new(),
        }
    }

    /// Whether letters outside every model are common in the words of the
    /// document's main script (counted once, on first need).
    fn main_unmodelled(&mut self, doc: &Document) -> bool {
        let Some(main) = self.main else { return false };
        *self.main_unmodelled.get_or_insert_with(|| {
            let (mut words, mut odd) = (0usize, 0usize);
            for t in doc.tokens.iter().filter(|t| t.is_word()) {
                if t.script.map(family) == Some(main) {
                    words += 1;
                    odd += usize::from(has_unmodelled_letter(t.text(doc.text), main));
                }
            }
            odd as f32 > UNMODELLED_DOC_SHARE * words as f32
        })
    }

    /// Judges the run of `script` words in tokens `start..end`, sentence by
    /// sentence, and reports the flagged pieces, adjacent ones merged.
    fn run(
        &mut self,
        doc: &Document,
        script: Script,
        start: usize,
        end: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let own = Some(script) == self.main;
        if own && self.main_unmodelled == Some(true) {
            return;
        }
        self.pending.clear();
        let mut piece_start = start;
        while piece_start < end {
            // The piece ends with the sentence holding its first token.
            let offset = doc.tokens[piece_start].range.start;
            let piece_end = match doc.sentence_at(offset) {
                Some(k) => doc.sentences[k].tokens.end.clamp(piece_start + 1, end),
                None => piece_start + 1,
            };
            self.piece(doc, script, own, piece_start, piece_end);
            piece_start = piece_end;
        }
        self.flush(doc, script, start, end, out);
    }

    /// Judges one piece of a run (within one sentence), remembering it when flagged.
    fn piece(&mut self, doc: &Document, script: Script, own: bool, start: usize, end: usize) {
        let (mut judged, mut implausible, mut words, mut glued) = (0, 0, 0, 0);
        // A set, not a list: a sentence may be a megabyte of distinct words.
        let mut seen: FxHashSet<Cow<str>> = FxHashSet::default();
        // Bits and symbols of the judged words together.
        let (mut cost, mut scored) = (0f32, 0u32);
        let (implausible_bits, mean_bits) = thresholds(script);
        // The first word of the sentence is capitalized whether or not it is a name.
        let sentence_first = doc
            .sentence_at(doc.tokens[start].range.start)
            .map_or(start, |k| doc.sentences[k].tokens.start);
        let sentence_first = (sentence_first..end)
            .find(|&j| doc.tokens[j].is_word())
            .unwrap_or(start);
        let (mut first, mut last) = (None, None);
        let (lang, lexicon) = if own {
            (self.lang, self.lexicon)
        } else {
            (None, None)
        };
        // The verdicts of this script and language, looked up once a piece.
        VERDICTS.with_borrow_mut(|memo| {
            let memo = memo
                .entry((script as u8, lang.map(|l| l.code), lexicon.map(|l| l.code)))
                .or_default();
            for i in start..end {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Word || t.script.map(family) != Some(script) {
                    continue;
                }
                let w = t.text(doc.text);
                words += 1;
                first.get_or_insert(i);
                last = Some(i);
                // Mixed-script words are `mixed-script-word`'s business.
                if t.mixed {
                    continue;
                }
                // No more letters than characters, counted faster.
                if script == Script::Arabic
                    && w.chars().count() > GLUED_ARABIC
                    && letter_count(w) > GLUED_ARABIC
                {
                    glued += 1;
                    continue;
                }
                // A word repeated is judged once: onomatopoeia and chants
                // (`Кап, кап, кап`, `طق طق طق`) repeat one sound, garble does not.
                // Lowercased only when that changes it: most words are.
                let lower = w.chars().all(case::lowercases_to_itself);
                let key: Cow<str> = if lower {
                    w.into()
                } else {
                    w.to_lowercase().into()
                };
                if !seen.insert(key) || technical(doc, i) {
                    continue;
                }
                if let Some((bits, symbols)) = remembered(memo, w, script, lang, lexicon) {
                    judged += 1;
                    let slack = if is_name(w) && i != sentence_first {
                        NAME_SLACK
                    } else {
                        0.0
                    };
                    implausible += usize::from(bits > implausible_bits + slack);
                    cost += bits * symbols as f32;
                    scored += symbols;
                }
            }
        });
        if let (Some(f), Some(l)) = (first, last) {
            let mean = cost / scored.max(1) as f32;
            if implausible >= MIN_IMPLAUSIBLE
                && glued < 2
                && (2 * implausible > judged || (mean > mean_bits && 4 * implausible >= judged))
            {
                // Text of the document's script in a language without a model.
                if own && (self.main_unmodelled(doc) || unmodelled(doc, script, start, end)) {
                    return;
                }
                self.pending.push((f, l, implausible, judged, words));
            }
        }
    }

    /// Reports the pending pieces, merging those that follow each other.
    fn flush(
        &mut self,
        doc: &Document,
        script: Script,
        run_start: usize,
        run_end: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let mut merged: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
        for &(f, l, imp, judged, words) in &self.pending {
            match merged.last_mut() {
                // Adjacent: nothing but the previous piece's words between them.
                Some(m) if no_word_between(doc, m.1, f) => {
                    m.1 = l;
                    m.2 += imp;
                    m.3 += judged;
                    m.4 += words;
                }
                _ => merged.push((f, l, imp, judged, words)),
            }
        }
        for (f, l, imp, judged, words) in merged {
            let mut end_tok = l;
            // Keep the sentence punctuation glued to the last word (`бна.`).
            while let Some(t) = doc.tokens.get(end_tok + 1) {
                if t.kind == TokenKind::Punct
                    && matches!(t.text(doc.text), "." | "!" | "?" | "…" | "؟" | "۔")
                {
                    end_tok += 1;
                } else {
                    break;
                }
            }
            let range = doc.tokens[f].range.start..doc.tokens[end_tok].range.end;
            let whole_line =
                f == run_start && l + 1 >= run_end && words >= 3 && fills_line(doc, f, l);
            let langs: Vec<&str> = ngram::languages_of(script)
                .map(|l| language_name(l.code))
                .collect();
            let message = format!(
                "{imp} of {judged} {} words are no plausible word of {}",
                name(script),
                or_list(&langs)
            );
            let share = imp as f32 / judged.max(1) as f32;
            let mut d = Diagnostic::new(range, message).confidence(0.5 + 0.45 * share);
            if imp >= LONG || (whole_line && imp >= LONG_LINE) {
                d = d.severity(Severity::Error);
            }
            out.push(d);
        }
    }
}

/// Whether letters outside every model are common in the `script` words of
/// tokens `start..end`: a sentence in a language without a model.
fn unmodelled(doc: &Document, script: Script, start: usize, end: usize) -> bool {
    let (mut words, mut odd) = (0usize, 0usize);
    for t in &doc.tokens[start..end] {
        if t.is_word() && t.script.map(family) == Some(script) {
            words += 1;
            odd += usize::from(has_unmodelled_letter(t.text(doc.text), script));
        }
    }
    odd as f32 > UNMODELLED_SENTENCE_SHARE * words as f32
}

/// Whether no word lies between tokens `a` and `b`.
fn no_word_between(doc: &Document, a: usize, b: usize) -> bool {
    doc.tokens[a + 1..b].iter().all(|t| !t.is_word())
}

/// Whether tokens `f..=l` hold every word of their line: no word before
/// them or after them on it (each side stops at the first word it meets).
fn fills_line(doc: &Document, f: usize, l: usize) -> bool {
    let word_before = doc.tokens[..f]
        .iter()
        .rev()
        .take_while(|t| t.kind != TokenKind::Newline)
        .any(|t| t.is_word());
    let word_after = doc.tokens[l + 1..]
        .iter()
        .take_while(|t| t.kind != TokenKind::Newline)
        .any(|t| t.is_word());
    !word_before && !word_after
}

/// Whether a word holds a letter of `script` that no model of it knows.
fn has_unmodelled_letter(word: &str, script: Script) -> bool {
    let letters = ngram::letter_set(script);
    word.chars()
        .filter_map(ngram::lower_letter)
        .any(|l| !ngram::is_mark(l) && !letters.contains(l))
}

/// Whether a word is Capitalized like a name: an uppercase first letter and
/// no other uppercase letter (`Пебе`, not `dailP` or `hWat`).
fn is_name(word: &str) -> bool {
    let mut letters = word
        .chars()
        .filter_map(|c| ngram::lower_letter(c).map(|l| l != c));
    letters.next() == Some(true) && !letters.any(|upper| upper)
}

/// Letters of a word, combining marks left out.
fn letter_count(word: &str) -> usize {
    word.chars()
        .filter(|&c| ngram::lower_letter(c).is_some() && !ngram::is_mark(c))
        .count()
}

/// The verdicts on the words seen, for one script and first language.
type Verdicts = FxHashMap<Box<str>, Verdict>;

/// A script, the first language's code and the lexicon's code.
type MemoKey = (u8, Option<&'static str>, Option<&'static str>);

/// How many words a thread keeps verdicts of, for one script and first
/// language, before it starts over: a few megabytes.
const MEMO_WORDS: usize = 100_000;

thread_local! {
    /// Verdicts on the words seen before in this run, by script and first
    /// language, which is all a verdict depends on: a corpus pays for its
    /// vocabulary, not its length. Each thread keeps its own, without locks.
    static VERDICTS: RefCell<FxHashMap<MemoKey, Verdicts>> = RefCell::default();
}

/// [`verdict`], remembered in `memo` (the verdicts of `script` and
/// `first`, see [`VERDICTS`]), `None` for an interjection or a stretched
/// word (see [`interjection`], [`stretched_word`] with `lexicon`).
fn remembered(
    memo: &mut Verdicts,
    word: &str,
    script: Script,
    first: Option<&'static Language>,
    lexicon: Option<&'static Lexicon>,
) -> Verdict {
    if let Some(&v) = memo.get(word) {
        return v;
    }
    if memo.len() >= MEMO_WORDS {
        memo.clear();
    }
    let v = if interjection(word, script) || stretched_word(word, script, lexicon) {
        None
    } else {
        verdict(word, script, first)
    };
    memo.insert(word.into(), v);
    v
}

/// Most letters of a word without a vowel that is an interjection, a sound
/// or a chat abbreviation (`pfft`, `zzz`, `mdr`, `хз`, `спс`).
const INTERJECTION_LETTERS: usize = 4;

/// Whether a short word of a cased script has no vowel: an interjection, a
/// sound or a chat abbreviation (see [`INTERJECTION_LETTERS`]), which no
/// word model judges.
fn interjection(word: &str, script: Script) -> bool {
    const VOWELS: &str = "aeiouyàâäéèêëîïôöùûüÿœæáíóúãõåаеёиоуыэюяіїє";
    if !matches!(script, Script::Latin | Script::Cyrillic) {
        return false;
    }
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    // Four letters need one of them doubled (`pfft`, `psst`): `hjkl` is mash.
    let doubled = letters.windows(2).any(|w| w[0] == w[1]);
    (letters.len() < INTERJECTION_LETTERS || letters.len() == INTERJECTION_LETTERS && doubled)
        && !letters.iter().any(|c| VOWELS.contains(*c))
}

/// Whether a Latin or Cyrillic word with a letter written two times or
/// more in a row is a word stretched in speech (`sooo`, `Wowww`, `Aww`, `Brrr`): with every
/// run cut to one letter it is a word of the document's language, or too
/// short to judge. Garble keeps its runs (`уирдаааа` is no `уирда`).
fn stretched_word(word: &str, script: Script, lexicon: Option<&Lexicon>) -> bool {
    // Arabic script doubles letters in spelling, not in voice (`مدد`).
    if !matches!(script, Script::Latin | Script::Cyrillic) {
        return false;
    }
    let mut cut = String::new();
    let (mut run, mut longest) = (0, 0);
    for c in word.chars().flat_map(char::to_lowercase) {
        if cut.ends_with(c) && c.is_alphabetic() {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 1;
            cut.push(c);
        }
    }
    let letters = cut.chars().filter(|c| c.is_alphabetic()).count();
    // A letter doubled is spelling (`llew` may be garble of `well`); three
    // in a row, or a doubled letter in a word of three, is a voice.
    if longest < 2 || (longest == 2 && letters > 2) {
        return false;
    }
    letters < MIN_LETTERS || lexicon.is_some_and(|l| l.zipf10(&cut).is_some())
}

/// The verdict on one word of `script`, its language `first` asked first.
fn verdict(word: &str, script: Script, first: Option<&'static Language>) -> Verdict {
    let (mut letters, mut upper) = (0, 0);
    for c in word.chars() {
        match ngram::lower_letter(c) {
            Some(_) if ngram::is_mark(c) => {}
            Some(l) => {
                letters += 1;
                upper += usize::from(l != c);
            }
            // Words with digits are codes and numbers.
            None if c.is_numeric() => return None,
            None => {}
        }
    }
    // Acronyms (`NATO`, `ФСБ`) are not words of a language.
    if letters < MIN_LETTERS || upper == letters {
        return None;
    }
    // A letter and the word's end per letter: the symbols the models predict.
    word_cost(word, script, first).map(|bits| (bits, letters as u32 + 1))
}

/// English names of the modelled languages, for messages.
fn language_name(code: &str) -> &'static str {
    match code {
        "ar" => "Arabic",
        "fa" => "Persian",
        "ur" => "Urdu",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "bg" => "Bulgarian",
        "mk" => "Macedonian",
        "en" => "English",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "pl" => "Polish",
        "tr" => "Turkish",
        "cs" => "Czech",
        "ro" => "Romanian",
        "sv" => "Swedish",
        "hu" => "Hungarian",
        "id" => "Indonesian",
        "el" => "Greek",
        "he" => "Hebrew",
        _ => "a modelled language",
    }
}

/// `a`, `a or b`, `a, b or c`; more than four names read "any of N languages".
fn or_list(names: &[&str]) -> String {
    match names {
        [] => "any modelled language".to_string(),
        [a] => (*a).to_string(),
        _ if names.len() > 4 => format!("any of {} languages", names.len()),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, flagged_in};

    const SEED_LINE: &str = "أوضح رئيس الأركان الروسي أن القوات الأوكرانية في كورسك محاصرة ومعزولة وتعرض لتدمير مستمر ، بينما تواصل القوات الروسية تحرير الأراضي الروسية بهدف الوصول إلى الحدود في وقت مبكر.\nптин кре мид и и крекийй чөийн жилилараг уирдсан уирдаааа трввээ. урррсافقة ооогоссн давшилтгг ццрайнoid с сид үрээүүүэхалаварө өөөн бна. pic.twitter.com/ry1yyiqzki\n";

    #[test]
    fn the_seed_garble_line_is_one_error() {
        let d = diagnostics(&Gibberish, SEED_LINE, Some("ar"));
        assert_eq!(d.len(), 1, "{d:?}");
        let text = &SEED_LINE[d[0].range.clone()];
        assert!(text.starts_with("птин"), "{text}");
        assert!(text.ends_with("бна."), "{text}");
        assert_eq!(d[0].severity, Some(Severity::Error));
        assert!(d[0].message.contains("Cyrillic words"), "{}", d[0].message);
    }

    #[test]
    fn sounds_interjections_stretched_words_and_formats_are_quiet() {
        for (text, lang) in [
            ("Кап, кап, кап.", "ru"),
            ("Кап кап кап кап кап.", "ru"),
            ("Кхе-кхе, кхе-кхе.", "ru"),
            ("Brrr, zzz, pfft, grr.", "en"),
            ("Aww, Brrr, zzz, pfft.", "en"),
            (
                "sooo, the clip only plays as mov, webm, ogg or wmv lmao",
                "en",
            ),
            ("хз, спс, пжлст, норм", "ru"),
        ] {
            let d = diagnostics(&Gibberish, text, Some(lang));
            assert!(d.is_empty(), "{text}: {d:?}");
        }
        // Québécois slang with chat words is at most a warning.
        let d = diagnostics(
            &Gibberish,
            "Mdr, j'ai pogné mon char, c'est ben l'fun ptdr",
            Some("fr"),
        );
        assert!(d.iter().all(|d| d.severity.is_none()), "{d:?}");
        // The same shapes made of garble are still found: stretched
        // letters that make no word, and words without vowels that are long.
        for (text, lang) in [
            ("Кврх, твжщ, пфцк, шрдлщ, гмвкр.", "ru"),
            ("Ууурдаааа, трвввээ, ооогосссн, ккррайн.", "ru"),
            ("Xqztvr wmnxqb, bzzrtk kkvvqp lmnrtz.", "en"),
        ] {
            let d = diagnostics(&Gibberish, text, Some(lang));
            assert_eq!(d.len(), 1, "{text}: {d:?}");
        }
    }

    #[test]
    fn shuffled_letters_are_found_in_four_languages() {
        for (lang, text) in [
            (
                "en",
                "The mnisetir disa hatt eth ksalt rewe ongig llew dna lwodu ctiunneo.",
            ),
            (
                "fr",
                "Le mtsiiren a éacrdlé equ sel tpsrnrcoeaiis se oniuoptrsn bine.",
            ),
            (
                "ru",
                "Мтниирс ваялиз, отч ерпвгрооеры щдтуи оршхое и бдтуу пжрлоаетьдс.",
            ),
            (
                "ar",
                "وقلا يرزولا نإ تاثداحملا ريست لكشب ديج فوسو رمتست للاخ عوبسلأا.",
            ),
        ] {
            let f = flagged_in(&Gibberish, text, Some(lang));
            assert_eq!(f.len(), 1, "{lang}: {f:?}");
        }
    }

    #[test]
    fn random_letters_and_keyboard_mash() {
        for (lang, text) in [
            ("en", "asdfgh qwerty zxcvbn hjkl poiuy"),
            ("en", "Xqzj wvkpt rrnbq ghhjz qqwx lkmv."),
            ("ru", "йцукен фывапр ячсмит щшгнек"),
            ("ar", "ضصثقف شسيبل ئءؤرلا ظطزوة ضثقفغ"),
            ("fr", "azerty qsdfgh wxcvbn ytreza mlkjhg"),
        ] {
            let d = diagnostics(&Gibberish, text, Some(lang));
            assert_eq!(d.len(), 1, "{lang}: {text}: {d:?}");
            assert_eq!(d[0].severity, Some(Severity::Error), "{text}: {d:?}");
        }
    }

    #[test]
    fn real_text_is_quiet() {
        for (lang, text) in [
            ("en", "The minister said that the negotiations were going well and would continue next week in Geneva."),
            ("en", "Zbigniew Brzezinski met Nguyen Xuan Phuc and Mkhitaryan in Tbilisi on Tuesday."),
            ("fr", "Le ministre a déclaré que les négociations se poursuivaient bien et reprendraient la semaine prochaine."),
            ("ru", "Министр заявил, что переговоры идут хорошо и продолжатся на следующей неделе в Женеве."),
            ("ar", "قال الوزير إن المحادثات تسير بشكل جيد وسوف تستمر خلال الأسبوع المقبل في جنيف."),
            ("de", "Der Minister sagte, die Verhandlungen verliefen gut und würden in der nächsten Woche in Genf fortgesetzt. Die Opposition kritisierte die Regierung scharf."),
            ("es", "El ministro dijo que las negociaciones avanzaban bien y que continuarían la próxima semana en Ginebra. La oposición criticó duramente al Gobierno."),
            ("fa", "وزیر گفت که مذاکرات به خوبی پیش می‌رود و هفته آینده در ژنو ادامه خواهد یافت. مخالفان دولت را به شدت مورد انتقاد قرار دادند."),
            ("ru", "Крекийй сказал, что переговоры идут хорошо."),
        ] {
            let f = flagged_in(&Gibberish, text, Some(lang));
            assert!(f.is_empty(), "{lang}: {f:?}");
            // Detected rather than declared, too.
            assert!(flagged_in(&Gibberish, text, None).is_empty(), "{text}");
        }
    }

    #[test]
    fn languages_without_a_model_are_quiet() {
        // Kazakh and Mongolian, in their own documents and inside Russian text.
        let kk = "Қазақстан Республикасының Президенті бүгін Астанада шетелдік инвесторлармен кездесіп, елдің экономикалық әлеуетін талқылады.";
        let mn = "Монгол Улсын Ерөнхийлөгч өнөөдөр гадаадын хөрөнгө оруулагчидтай уулзаж, эдийн засгийн хамтын ажиллагааг хэлэлцэв.";
        for text in [kk, mn] {
            assert!(flagged_in(&Gibberish, text, None).is_empty(), "{text}");
            assert!(
                flagged_in(&Gibberish, text, Some("kk")).is_empty(),
                "{text}"
            );
            let in_ru =
                format!("Министр заявил, что переговоры идут хорошо. {text} Потом он уехал.");
            assert!(
                flagged_in(&Gibberish, &in_ru, Some("ru")).is_empty(),
                "{text}"
            );
        }
        // Scripts without a model.
        assert!(flagged_in(
            &Gibberish,
            "ეს არის ქართული ტექსტი რომელიც კარგად იკითხება",
            None
        )
        .is_empty());
        assert!(flagged_in(&Gibberish, "", None).is_empty());
    }

    #[test]
    fn one_odd_word_names_and_acronyms_are_quiet() {
        for (lang, text) in [
            (
                "en",
                "The gvnmnoeret said the talks with NATO and the OSCE would continue.",
            ),
            (
                "ru",
                "Представители ФСБ, МВД и МЧС встретились с Чжан Сяоцином в Урумчи.",
            ),
            ("ar", "التقى الوزير نظيره شي جين بينغ في بكين يوم الثلاثاء."),
        ] {
            let f = flagged_in(&Gibberish, text, Some(lang));
            assert!(f.is_empty(), "{lang}: {f:?}");
        }
    }

    #[test]
    fn word_costs_put_names_between_words_and_garble() {
        let en = ngram::language("en");
        let cost = |w: &str| word_cost(w, Script::Latin, en).unwrap();
        assert!(cost("government") < cost("Brzezinski"));
        assert!(cost("Brzezinski") + 1.0 < cost("qxzvbnkjh"));
        assert!(word_cost("слово", Script::Georgian, None).is_none());
    }
}
