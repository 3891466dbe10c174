//! `joined-words`: two words that lost the space between them
//! (`كييفالتصرف`, `المراكزمنذ`, `inthe`).
//!
//! A token that the language's lexicon does not know (or knows only from
//! its rare tail, where such joins live) is split by a Viterbi search over
//! word costs (`−log` frequency from [`crate::language::lexicon`], unknown pieces
//! paying a length penalty); when every piece is a known word and the split
//! is clearly cheaper than the whole, the split is the finding and its fix.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use unicode_script::Script;

use crate::language::arabic;
use crate::language::lexicon::{self, normalize, normalize_into, Lexicon};
use crate::language::translit;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::normalize::is_arabic_mark;
use crate::text::vocabulary::Vocabulary;
use crate::text::{Document, TokenKind};

/// `joined-words`: a word made of two or more words without a space.
pub struct JoinedWords;

static META: RuleMeta = RuleMeta {
    id: "joined-words",
    // Info: its weights were chosen on one corpus (NTREX and PUD), and
    // foreign names that no list holds are still split in two.
    severity: Severity::Info,
    harm: Harm::Joined,
    summary: "Two words written as one, without the space between them (`المراكزمنذ`, `inthe`)",
    explanation: r#"## What it does
Flags a word that the language's word list does not know and that splits
into two or more known words at a clearly lower cost, and suggests the
split: `المراكزمنذ` → `المراكز منذ`, `أمسلا` → `أمس لا`, `inthe` → `in the`.
The cost of a piece is minus the log of its frequency in the lexicon (the
`wordfreq` lists); an unknown piece pays by its length. Arabic clitics stay
on their word (`و ف ب ل ك س`, `ال`, `وبال`, `لل`), and a `و` or `ف` at the
boundary goes to the next word (`خاركيفوتراجع` → `خاركيف وتراجع`). A `ة`
inside a word is strong evidence, since `ة` only ends a word. Pieces that
stand alone elsewhere in the same document count as words, which is how
names missing from the lexicon are split (`كييفالتصرف` → `كييف التصرف`).
When several files are scanned together, a split whose rare pieces stand
alone in other files of the scan gets a higher confidence. An Arabic word cut
in two after a short word must beat a name-likeness term: foreign names spell
their vowels with `ا و ي`, and two character models learned from `wordfreq`
(single words, rare tail included, against two words written together) say
whether the letters around the cut read as one word (`لاجون` is not
`لا جون`). An Arabic piece spelled without the hamza of its usual spelling
(`او` for `أو`) is no word unless the document writes it so alone: text
that writes its hamzas writes them in its joins too (`فيناو` is a name).
A word that transliterates a foreign name of mtlint's list (104,951 proper
names of SCOWL and GeoNames, in Latin letters) is left whole:
`كريستيانساند` is Kristiansand, not `كريستيان ساند`. A word that is a
typo of a frequent word, two letters swapped or one dropped, is left whole
when the typo is likelier than the join (a noisy channel with the odds of
a dropped space over a typo measured on Arabic news, about 150 to 1):
`مستقلبنا` is `مستقبلنا`, `beteen` is `between`. A word of a
spell checker's dictionary (SCOWL for English, the Hunspell dictionaries
of Dicollecte for French, of Alexander Lebedev for Russian and of RLA-ES
for Spanish) is a word however rare: `megrim` is no `me grim`, `coinça` no
`coin ça`. So is a Spanish infinitive with its pronouns (`definirlos`).

In Russian the one-letter words `в с к о у и а я` are pieces too
(`вкачестве` → `в качестве`), but never in a cut of three or more and
never a vowel ending a word after a consonant (`карильона` is no
`карильон а`); a preposition that is also a prefix is a piece only before
no verb or participle (`обегали` is a verb), `не` only before a verb or a
function word (`нехотят`, `небыло`, but `неанглийской` is one word), and
`со`, `во`, `ко` only before two consonants (`со счетом`, but
`соведущим`). A piece of five letters or more that the lexicon knows
only as rare (Zipf 2.5 to 3.5: most inflected forms, `водителям`) is a
word beside a function word, two pieces in all. A capital inside a word
after a known word of four letters or more is a join (`ЧленыАссамблеи`),
and a sentence's capitalised first word is searched like any other, in a
sentence of three words or more, when every piece is a word of the lexicon.

Runs on Arabic, Persian, Urdu, English, French, Spanish and Russian text,
in the document's language.

Reported as `info` for now: on clean Arabic news it still cuts some foreign
names that no list holds in two (`مادوم`, Maddow → `ما دوم`), so it is a
suggestion to review, not a warning.

## Why is this bad?
Machine translation and copy-paste drop spaces between words. Arabic
letters change shape when joined, so a reader sees one long word and the
error survives review; spell-checkers rarely propose a split.

## Example
```text
وتابع أنه يجب على كييفالتصرف بطريقة لا تشعر روسيا بالتهديد
```
Use instead:
```text
وتابع أنه يجب على كييف التصرف بطريقة لا تشعر روسيا بالتهديد
```

## Fix safety
The fix inserts spaces. It is safe only when the word splits in two, both
pieces are frequent words and the whole is no word of the lexicon at all,
and, in Arabic, no piece has fewer than three letters (that is where names
are cut: `هيمارس` is not `هي مارس`) or three letters and a frequency below
Zipf 5.5 (`ستار لين`), unless a `ة` inside proves the join. It is unsafe
too when another cut gives two known words at about the same cost
(`personnesont`: `personne sont` or `personnes ont`; `ashot`: `as hot` or
`a shot`), when a preposition that is also a prefix comes before a content
word (`sobreescribir`, a compound, not `sobre escribir`; `over`, `sur`,
`entre` and the like), and when a piece is rare, known only from the
document, or the whole is in the lexicon's rare tail. On clean Arabic news
neither of the 2 false splits carries a safe fix, but two middling words
side by side can (`كييف التصرف` is one, and so would a name that no list
holds be): review `--fix` diffs of Arabic text.

## Limits
- Only the languages above: German, Dutch and other compounding languages
  are not checked, since their long words are legitimately made of words.
- A join whose pieces are rare or unknown words (two names) is not found,
  nor one whose whole happens to be a frequent word (`no thing` → `nothing`).
- Capitalised words inside a sentence and words in capitals are taken for
  names and skipped (in Russian, a sentence's first word is searched, and
  a capital inside a word marks a join); mixed-script words, URLs, handles
  and words with digits are left to other rules.
- Words of another language than the document's are not checked.
- The words of other files raise the confidence of a split but never make
  one: on NTREX scanned as one folder they cut more names than they found
  joins.
- A word that the document writes again is taken for a name, unless it
  splits into frequent words one of which is a function word; a word glued
  through punctuation to the next one is left to
  `missing-space-after-punctuation`.
- In Latin and Cyrillic text a join is found only when one piece is a very
  frequent (function) word, and a word cut in three or more only when one
  piece alone is a content word, so joins of content words are missed
  (`широкуюподдержку`); in Russian, splits after a prefix that is no
  preposition (`под`, `пере`, `вы`, `без`) are refused, and so are those
  before a verb after a preposition, so about three Russian joins in five
  are still unfound (recall 39.7% on NTREX and PUD, one space removed per
  line).
- Common joins that the lexicon lists as words (`ماكان`, `فيظل`) are missed,
  except a negation written onto a verb in the imperfect (`لايزال`), and so
  are joins that spell a rare word of the spelling dictionaries (`enlignes`,
  a form of `enligner`; `насесть`) or a Spanish infinitive with a pronoun
  (`definir los` written `definirlos`). Spanish is measured only on the
  gettext catalogues of the development machine, not on news.
- In Arabic, a foreign name that no list holds and that reads as a short
  word and a known word (`مادوم` → `ما دوم`) is still split (0.7 per 1,000
  clean sentences); a join that spells a listed name is left whole unless
  both pieces are frequent words (`في بيان` reads as Phoebean: 1 join in
  2,690 on NTREX); and a real join of a short word with a name-like
  word (`إنتسونامي`) is now and then left alone. A name that the lexicon's
  far tail holds often enough (`تشينغهاي`), or that the document repeats
  and that is made of short words (`إليفي`), is left alone.
"#,
};

/// Below this value (Zipf × 10) a whole word of the lexicon may still be a
/// join from the lexicon's rare tail (`ofthe` is 33 in English).
const KNOWN_WHOLE: u8 = 40;
/// Words of the lexicon below this value (Zipf 3) are its rare tail.
const JUNK_TAIL: u8 = 30;
/// A piece is a known word at or above this value (Zipf × 10).
const KNOWN_PIECE: u8 = 25;
/// The same in Latin and Cyrillic, where affixes and compound parts are
/// words of their own (`under`, `para`, `само`).
const KNOWN_PIECE_CASED: u8 = 35;
/// Arabic endings that look like words (pronouns, plural and dual endings):
/// never a piece on their own (`يكفلهم` is not `يكفل هم`).
const SUFFIXES: &[&str] = &[
    "هم", "ها", "نا", "كم", "كن", "هن", "هما", "ني", "تان", "تين", "ين", "ون", "ات", "ية", "ان",
    // The feminine plural with a pronoun (`علاجاتهم` is not `علاج اتهم`),
    // and the genitive plural with one (`مورديهم`).
    "اتهم", "اتها", "اتنا", "اتكم", "اتهن", "اته", "يهم",
];
/// A Russian piece of [`RU_RARE_LETTERS`] or more is a word from this value
/// (Zipf 2.5) beside a function word, two pieces in all: the lexicon knows
/// most inflected forms only as rare (`ошеломлены`, `водителям`).
const RU_RARE_PIECE: u8 = 25;
/// See [`RU_RARE_PIECE`].
const RU_RARE_LETTERS: usize = 5;
/// A function word (`the`, `في`, `в`) from this value (Zipf 6): Latin and
/// Cyrillic joins need one.
const FUNCTION_WORD: u8 = 60;
/// English particles that prefix verbs and nouns (`upsize`, `outrun`).
const EN_PREFIXES: &[&str] = &["up", "over", "under", "out", "down", "off", "back", "by"];
/// French future and conditional endings that are also words (`ont`, `a`).
const FR_FUTURE_ENDINGS: &[&str] = &["ai", "as", "a", "ons", "ont", "ez", "ais", "ait", "aient"];
/// A piece of three letters is a word at this value (Zipf 4.5) ...
const THREE: u8 = 45;
/// ... and in Arabic, beside a word of at least [`BESIDE_WEAK`], from
/// this one (Zipf 4).
const WEAK_THREE: u8 = 40;
/// An Arabic piece of [`RARE_LETTERS`] or more is a word from this value
/// (Zipf 1.5), beside a word of at least [`BESIDE_RARE`], two pieces in
/// all: an inflected form (`تستبدله`) or a name (`ماكغريغور`) the lexicon
/// knows only as rare.
const RARE_PIECE: u8 = 15;
/// See [`RARE_PIECE`].
const RARE_LETTERS: usize = 5;
/// See [`RARE_PIECE`]: Zipf 3. On NTREX any bar from 2.5 to 4.5 gave the
/// same false splits, and recall rose as it fell (89.8% at 4.5, 90.2% at 3).
const BESIDE_RARE: u8 = 30;
/// See [`WEAK_THREE`].
const BESIDE_WEAK: u8 = 50;
/// An Arabic piece of two letters is a word from this value beside a word
/// of at least [`BESIDE_WEAK_TWO`] (`إلى حد`, `رد فعل`).
const WEAK_TWO: u8 = 50;
/// See [`WEAK_TWO`].
const BESIDE_WEAK_TWO: u8 = 60;
/// A repeated whole splits into long pieces this frequent (Zipf 4.5).
const REPEATED_PIECE: u8 = 45;
/// An Arabic piece of three letters this frequent (Zipf 5.5) makes a safe
/// fix: rarer ones are syllables of names (`ستار لين`, `بيني ستون`).
const SAFE_THREE: u8 = 55;
/// A piece this frequent (Zipf 4) makes a safe fix.
const SAFE_PIECE: u8 = 40;
/// Cost of one more piece.
const SPLIT: f32 = 1.5;
/// A split must be cheaper than the whole by at least this.
const MARGIN: f32 = 2.0;
/// The value of a word the lexicon lacks (below its far tail).
const TAIL_FLOOR: u8 = 10;
/// How far (Zipf × 10) above the value of its pieces as a pair a whole of
/// the lexicon must be to be taken for a word.
const TAIL_EXCESS: i32 = 10;
/// The longest token searched, in characters.
const MAX_CHARS: usize = 40;
/// The longest piece, in characters.
const MAX_PIECE: usize = 24;

/// Whether the rule runs for `lang`, and the script of its words.
fn script_of(lang: &str) -> Option<Script> {
    match lang {
        "ar" | "fa" | "ur" => Some(Script::Arabic),
        "en" | "fr" | "es" => Some(Script::Latin),
        "ru" => Some(Script::Cyrillic),
        _ => None,
    }
}

impl Rule for JoinedWords {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reads_folder_words(&self) -> bool {
        true
    }

    fn gather_words(&self, doc: &Document, into: &mut Vocabulary) {
        add_folder_words(doc, into);
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(lang) = doc.lang() else { return };
        let Some(script) = script_of(lang) else {
            return;
        };
        let Some(lex) = lexicon::lexicon(lang) else {
            return;
        };
        let mut own: Option<Words> = None;
        // The verdict on each distinct word that needs the document, at
        // offset 0: an article repeats its names and words.
        let mut verdicts: FxHashMap<&str, Option<Diagnostic>> = FxHashMap::default();
        // The first word of each sentence, whose capital says nothing of a
        // name (Russian: `Вэтом`); a sentence of a word or two is a name
        // or a label of a list (`Кремона`).
        let mut starts = doc
            .sentences
            .iter()
            .filter(|s| {
                script == Script::Cyrillic
                    && doc.tokens[s.tokens.clone()]
                        .iter()
                        .filter(|t| t.is_word())
                        .nth(2)
                        .is_some()
            })
            .map(|s| s.tokens.start)
            .peekable();
        MEMO.with_borrow_mut(|memo| {
            let memo = memo.entry(lex.code).or_default();
            for (i, tok) in doc.tokens.iter().enumerate() {
                while starts.next_if(|&s| s < i).is_some() {}
                if !tok.is_word() || tok.mixed || tok.script != Some(script) {
                    continue;
                }
                let word = doc.token_text(i);
                if glued_to_punctuation(doc, i) {
                    continue;
                }
                let at = tok.range.start;
                if script == Script::Cyrillic && word.chars().any(char::is_uppercase) {
                    if let Some(d) = case_join(lex, word) {
                        out.push(shifted(d, at));
                        continue;
                    }
                    // Only a sentence's first word may be capitalised.
                    if starts.peek() != Some(&i) || !title_case(word) {
                        continue;
                    }
                }
                if memo.len() >= MEMO_WORDS && !memo.contains_key(word) {
                    memo.clear();
                }
                let entry = match memo.get_mut(word) {
                    Some(entry) => entry,
                    None => memo
                        .entry(word.into())
                        .or_insert_with(|| decided(lex, script, word)),
                };
                let open = match entry {
                    Memo::Word => continue,
                    Memo::Join(d) => {
                        out.push(shifted((**d).clone(), at));
                        continue;
                    }
                    Memo::Open(open) => open,
                };
                if let Some(v) = verdicts.get(word) {
                    out.extend(v.clone().map(|d| shifted(d, at)));
                    continue;
                }
                let key = &*open.key;
                let own = own.get_or_insert_with(|| Words::new(doc, script));
                // A whole that the document writes again, alone or under clitics
                // (`إيزيوم`, `وبالاكليا` beside `بالاكليا`), is a word of the
                // document, usually a name, unless its pieces are all frequent
                // words (a join repeated by the same system: `علىمدار`).
                let repeated = !inner_ta_marbuta(key)
                    && (own.in_document(key) >= 2
                        || (script == Script::Arabic
                            && arabic_stems(key).any(|s| own.in_document(s) >= 2)));
                let searches = &mut open.by_repeated[usize::from(repeated)];
                if searches.is_empty() {
                    let alone = Words::recording(key, script);
                    let verdict = searched(lex, &alone, script, word, key, repeated);
                    searches.push(Searched {
                        verdict,
                        asked: alone.asked.into_inner(),
                    });
                }
                // The verdict of a document that answers a search's
                // questions as that search's document did is that search's;
                // any other document is searched, and its search kept for
                // the documents that answer like it (large documents hold
                // most pieces: they answer alike, and unlike the word alone).
                let known = searches
                    .iter()
                    .find(|m| m.asked.iter().all(|q| own.agree(q)));
                let verdict = match known {
                    Some(m) => m.verdict.clone(),
                    None => {
                        own.recording = true;
                        let verdict = searched(lex, own, script, word, key, repeated);
                        own.recording = false;
                        let asked = own.asked.take();
                        if searches.len() < SEARCHES_KEPT {
                            searches.push(Searched {
                                verdict: verdict.clone(),
                                asked,
                            });
                        }
                        verdict
                    }
                };
                out.extend(verdict.clone().map(|d| shifted(d, at)));
                verdicts.insert(word, verdict);
            }
        });
    }
}

/// How many searches of one word (in documents that answered its
/// questions differently) a memo keeps.
const SEARCHES_KEPT: usize = 4;

/// How many distinct words a thread's memo of one language keeps before it
/// starts over: about 50 MB at most, far more words than an article or a
/// folder of articles holds.
const MEMO_WORDS: usize = 200_000;

thread_local! {
    /// The verdicts on words seen before in this run, by lexicon: a corpus
    /// pays for its vocabulary, not its length. Each thread keeps its own,
    /// so none waits for a lock; a verdict is the same wherever it was made.
    static MEMO: RefCell<FxHashMap<&'static str, FxHashMap<Box<str>, Memo>>> =
        RefCell::default();
}

thread_local! {
    /// Whether a normalised word is a frequent word of the lexicon, for the
    /// folder's words: one look-up a word of the run, not one a token.
    static FREQUENT: RefCell<FxHashMap<&'static str, FxHashMap<Box<str>, bool>>> =
        RefCell::default();
}

/// Forgets every verdict of this thread, so that a test sees what a
/// first look at a word gives.
#[cfg(test)]
fn forget() {
    MEMO.with_borrow_mut(|m| m.clear());
    FREQUENT.with_borrow_mut(|m| m.clear());
}

/// What is known of a word of a language before any document is read.
/// Small, since most entries are words.
enum Memo {
    /// A word, or no candidate: never a finding.
    Word,
    /// A join whatever the document: a negation written onto its verb.
    Join(Box<Diagnostic>),
    /// Needs a search, whose verdict depends on the document.
    Open(Box<Open>),
}

/// A word that needs a search.
struct Open {
    /// The word, normalised.
    key: Box<str>,
    /// The searches made for a whole the document does not repeat, and
    /// for one it does: first in a document of the word alone, then in
    /// documents that answered those questions otherwise.
    by_repeated: [Vec<Searched>; 2],
}

/// The verdict of a search made in a document of the word alone, and the
/// questions it asked of the document's words with their answers: it holds
/// in any document that answers them the same.
struct Searched {
    verdict: Option<Diagnostic>,
    asked: Vec<Asked>,
}

/// The part of a word's verdict that needs no document.
fn decided(lex: &Lexicon, script: Script, word: &str) -> Memo {
    if !candidate(word, script) {
        return Memo::Word;
    }
    let key = &*normalize(word);
    // Arabic grammar, not Persian or Urdu (`ما` is "we" in Persian).
    if lex.code == "ar" {
        if let Some(cut) = negation_join(lex, word, key) {
            return Memo::Join(Box::new(finding(
                0..word.len(),
                format!("{} {}", &word[..cut], &word[cut..]),
                0.7,
                false,
            )));
        }
    }
    let whole = lex.zipf10_normalized(key);
    // A word of the spelling dictionary is a word, however rare
    // (`validator` is no `valid at or`).
    if whole.is_some_and(|z| z >= KNOWN_WHOLE) && !inner_ta_marbuta(key)
        || script == Script::Arabic && known_with_clitics(lex, key)
        || lex.in_dictionary(key)
        // Spanish writes an infinitive's pronouns onto it.
        || lex.code == "es" && spanish_infinitive_with_pronouns(lex, key)
    {
        return Memo::Word;
    }
    Memo::Open(Box::new(Open {
        key: key.into(),
        by_repeated: [Vec::new(), Vec::new()],
    }))
}

/// The verdict of the split search on a word that [`decided`] left open.
fn searched(
    lex: &Lexicon,
    own: &Words,
    script: Script,
    word: &str,
    key: &str,
    repeated: bool,
) -> Option<Diagnostic> {
    let whole = lex.zipf10_normalized(key);
    split(lex, own, script, word, key, whole, repeated, 0)
        // Asked of findings only: most words never get that far.
        .filter(|_| !(script == Script::Arabic && known_with_affixes(lex, key)))
}

/// Spanish object pronouns written onto an infinitive (`definirlos`,
/// `dárselo`), one or two of them.
const ENCLITICS: &[&str] = &[
    "me", "te", "se", "nos", "os", "lo", "la", "los", "las", "le", "les",
];

/// Whether a Spanish word is an infinitive that the lexicon knows with its
/// enclitic pronouns (`definirlos`: `definir` + `los`, `truncarlo`). It
/// reads as the infinitive and a function word, but spelling writes the
/// two together, so the form is no join even where they were meant apart
/// (`definir los valores`): no spell checker could tell. Measured on the
/// Spanish gettext catalogues of the development machine (there is no
/// Spanish news in `../shared/data`): 7 false splits fewer on the clean
/// strings, 10 of 41,766 joins made by removing a space lost, all of them
/// such forms.
fn spanish_infinitive_with_pronouns(lex: &Lexicon, key: &str) -> bool {
    // The lexicon's and the dictionary's words, not the document's: its
    // own joins would vouch for each other.
    let known = |w: &str| lex.zipf10_normalized(w).is_some() || lex.in_dictionary(w);
    let infinitive =
        |stem: &str| ["ar", "er", "ir", "ír"].iter().any(|e| stem.ends_with(e)) && known(stem);
    // One pronoun after the infinitive as it is spelled alone, with no
    // other accent than that of `-ír` (`oírlo`; `carácter` + `se` is a
    // join), and of four letters at least (`par` + `se` is English).
    let one = |stem: &str| {
        let plain = stem.strip_suffix("ír").unwrap_or(stem);
        stem.chars().count() >= 4 && !plain.chars().any(|c| "áéíóú".contains(c)) && infinitive(stem)
    };
    // Two pronouns, the first of `me te se nos os`, stress the infinitive's
    // last syllable: `dárselo`, `decírtelo`.
    // (`reír` keeps its accent alone).
    let two = |stem: &str| {
        ["ár", "ér", "ír"].iter().any(|e| stem.ends_with(e)) && {
            let plain = stem.replace('á', "a").replace('é', "e").replace('í', "i");
            infinitive(&plain) || infinitive(stem)
        }
    };
    ENCLITICS.iter().any(|last| {
        key.strip_suffix(last).is_some_and(|rest| {
            one(rest)
                || ENCLITICS[..5]
                    .iter()
                    .any(|first| rest.strip_suffix(first).is_some_and(two))
        })
    })
}

/// The junction models of Arabic: single words and two words written
/// together (`scripts/train_junctions.py`).
fn junctions() -> Option<&'static (crate::language::ngram::Model, crate::language::ngram::Model)> {
    static MODELS: std::sync::OnceLock<
        Option<(crate::language::ngram::Model, crate::language::ngram::Model)>,
    > = std::sync::OnceLock::new();
    MODELS
        .get_or_init(|| {
            Some((
                crate::language::ngram::decode_model(include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/junctions/ar.single.bin"
                )))?,
                crate::language::ngram::decode_model(include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/junctions/ar.pair.bin"
                )))?,
            ))
        })
        .as_ref()
}

/// Whether a word is glued through punctuation to another word
/// (`هيمارس”أمريكية`, `عليها.الروس`): `missing-space-after-punctuation`
/// explains that token, and a glued quote often marks a name.
fn glued_to_punctuation(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens;
    let glued =
        |p: usize, w: usize| t[p].kind == TokenKind::Punct && t.get(w).is_some_and(|x| x.is_word());
    (i + 2 < t.len() && glued(i + 1, i + 2)) || (i >= 2 && glued(i - 1, i - 2))
}

/// Whether a token is worth a search: letters only, long enough, and not a
/// name (a capitalised word inside a sentence, or capitals).
fn candidate(word: &str, script: Script) -> bool {
    let n = word.chars().filter(|c| !is_arabic_mark(*c)).count();
    if !(4..=MAX_CHARS).contains(&n)
        || !word.chars().all(|c| c.is_alphabetic() || is_arabic_mark(c))
    {
        return false;
    }
    if script != Script::Arabic {
        // Capitalised words are mostly names (`Gendon`), even at the start
        // of a sentence; a Russian one is searched there (see `check`).
        if word.chars().any(char::is_uppercase) && !(script == Script::Cyrillic && title_case(word))
        {
            return false;
        }
        if n < 5 {
            return false;
        }
    }
    true
}

/// Whether a word is a capital and lowercase letters (`Вэтом`).
fn title_case(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

/// A Russian word with a capital inside, after a lowercase letter, that
/// is a known word and a capitalised one (`ЧленыАссамблеи`,
/// `ПрезидентДжоко`): Russian writes no word so, brand names aside
/// (`МегаФон`), whose first part is rarely a word of the lexicon. The
/// diagnostic at offset 0.
fn case_join(lex: &Lexicon, word: &str) -> Option<Diagnostic> {
    let mut prev = None;
    let cut = word.char_indices().find_map(|(b, c)| {
        let cut = prev.is_some_and(char::is_lowercase) && c.is_uppercase();
        prev = Some(c);
        cut.then_some(b)
    })?;
    let (left, right) = word.split_at(cut);
    let letters = |w: &str| w.chars().count();
    // Three letters are the particle of a name (`МакГрегор`).
    if letters(left) < 4 || letters(right) < 3 || !title_case(right) {
        return None;
    }
    if !left.chars().skip(1).all(char::is_lowercase) {
        return None;
    }
    let known = lex
        .zipf10_normalized(&normalize(left))
        .is_some_and(|z| z >= KNOWN_WHOLE);
    known.then(|| finding(0..word.len(), format!("{left} {right}"), 0.9, false))
}

/// Whether `key` holds a `ة` before its last letter: no Arabic word does.
fn inner_ta_marbuta(key: &str) -> bool {
    key.trim_end_matches('ة').contains('ة')
}

/// A diagnostic computed at offset 0, moved to byte `at`.
fn shifted(mut d: Diagnostic, at: usize) -> Diagnostic {
    d.range = d.range.start + at..d.range.end + at;
    if let Some(f) = d.fix.as_mut() {
        f.start += at;
        f.end += at;
    }
    d
}

/// Function words of three letters or more, which never take the article.
const NO_ARTICLE: &[&str] = &[
    "كلا",
    "لكن",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هؤلاء",
    "حتى",
    "إذا",
    "اذا",
    "إلا",
    "الا",
    "نحن",
    "أنت",
    "أنا",
    "انا",
    "هنا",
    "هناك",
    "لدى",
    "لدي",
    "منذ",
    "كما",
    "لما",
    "إنما",
    "ليس",
    "لقد",
    "سوف",
    "هما",
    "أنتم",
    "متى",
    "أين",
    "كيف",
    "ماذا",
    "لماذا",
];

/// The stems of an Arabic word with a prefix clitic removed (stems of at
/// least two letters, three after the article).
fn arabic_stems(key: &str) -> impl Iterator<Item = &str> {
    arabic::CLITICS.iter().filter_map(move |p| {
        key.strip_prefix(p).filter(|rest| {
            // The article takes a stem of three letters or more: the
            // two-letter nouns it takes are words of the lexicon themselves
            // (`الأب`, `الدم`), and `الدا`, `والكلا` are pieces of names.
            rest.chars().count() >= if p.ends_with("ال") || p.ends_with("لل") { 3 } else { 2 }
                // Nor does it take a particle or a pronoun (`والكلا` is no
                // `و` + `ال` + `كلا`).
                && !((p.ends_with("ال") || p.ends_with("لل")) && NO_ARTICLE.contains(rest))
                // The future `س` goes only on a verb in the imperfect
                // (`سأنجلوس` is no `س` + `أنجلوس`, `سفيغاس` none at all).
                && (!p.ends_with('س') || rest.starts_with(['ي', 'ت', 'ن', 'أ']))
        })
    })
}

/// Whether an Arabic piece can be a word as written (`raw`, normalised
/// `p`): a tanween ends its word, which only the tanween's alif may follow
/// (`وفقًال` + `ما` is no reading of `وفقًا لما`), and no word starts on a
/// letter that carries one (`مساعد` + `اًلكبير`); `ل` with the article is
/// written `لل`, never `لال` (`عما` + `لالنسيج` is `عمال النسيج`); and an
/// alif with hamza that ends a piece is the next word's first letter
/// (`لمأ` + `تنازل` is `لم أتنازل`) unless the piece is a word as it
/// stands (`بدأ`), not only through its loose key (`لما`).
fn arabic_piece_possible(lex: &Lexicon, own: &Words, raw: &str, p: &str) -> bool {
    let tanween = |c: char| matches!(c, '\u{064B}'..='\u{064D}');
    if let Some(at) = raw.find(tanween) {
        let mut after = raw[at..].chars().filter(|c| !is_arabic_mark(*c));
        if !matches!((after.next(), after.next()), (None | Some('ا'), None)) {
            return false;
        }
        let mut chars = raw.chars().skip_while(|c| is_arabic_mark(*c));
        chars.next();
        if chars.take_while(|c| is_arabic_mark(*c)).any(tanween) {
            return false;
        }
    }
    let as_written = || lex.exact(p).is_some() || own.contains(p);
    let after_conjunction = p.strip_prefix(['و', 'ف']).unwrap_or(p);
    if (after_conjunction.starts_with("لال") || after_conjunction.starts_with("للل"))
        && !as_written()
    {
        return false;
    }
    !p.ends_with(['أ', 'إ', 'آ']) || as_written()
}

/// Whether the Arabic piece `p` (normalised) is a word whose alif is
/// written without the hamza its usual spelling carries (`او` for `أو`,
/// `راسي` for `رأسي`, `الا` for `إلا`), in a document that does not write
/// it so alone. Text that writes its hamzas does so in its joins too; a
/// hamza-less piece there is a syllable of a name (`فين او`, `بيت راسي`,
/// `دونغ الا`). Measured on NTREX: false splits 25 → 20, and 3 of the
/// joins found lost (all three cut names: `برنارد فان`); the seats `ئ` and
/// `ؤ` changed nothing and are not looked at.
fn hamza_dropped(lex: &Lexicon, own: &Words, p: &str) -> bool {
    if !p.contains('ا') {
        return false;
    }
    let written = lex.exact(p).unwrap_or(0);
    // The loose key folds `أ إ آ` into `ا`: when no word of the piece's key
    // is more frequent than the piece as written, no hamza spelling is
    // either. One look-up decides for most pieces, before the document's
    // words are asked (see `Words::recording`).
    if lex.loose(p).is_none_or(|z| z <= written) || own.contains(p) {
        return false;
    }
    p.char_indices().filter(|&(_, c)| c == 'ا').any(|(at, _)| {
        ['أ', 'إ', 'آ'].iter().any(|&h| {
            let mut v = String::with_capacity(p.len() + 1);
            v.push_str(&p[..at]);
            v.push(h);
            v.push_str(&p[at + 'ا'.len_utf8()..]);
            lex.exact(&v).is_some_and(|z| z >= written)
        })
    })
}

/// The largest transliteration distance (see [`translit::distance`]) at
/// which an Arabic word is taken for a listed foreign name. Measured on
/// NTREX and PUD (`examples/joined_words.rs`): 0.05 leaves 7 false splits,
/// 0.08 leaves 4, 0.1 also 4 but loses 7 joins more (recall 89.9%).
const NAME_DISTANCE: f32 = 0.08;

/// A piece at least this frequent is a word, whatever name the whole may
/// spell (`في يوم` is no Faiyum).
const NAME_PIECE: u8 = 50;

/// Whether an Arabic word split into `pieces` is rather the transliteration
/// of a foreign name (`كريستيانساند` Kristiansand, `وهارتلبول` and
/// Hartlepool, `بريكزيت` Brexit), itself or after `ال`, `و`, `ب`, `ل`.
/// Word frequencies cannot tell such a name from two rare words side by
/// side; the list of names can.
fn foreign_name(word: &str, pieces: &[Piece]) -> bool {
    if pieces.iter().all(|p| p.zipf10 >= NAME_PIECE) {
        return false;
    }
    // A hamza, `آ`, `ى` or a short vowel after the first letter, or a `ة`,
    // is Arabic spelling, which transliterations of Latin names do not
    // write there (`فيأن`, `والآنهو`, `جزءٌمن`, `أنقلة`).
    if word.chars().skip(1).any(|c| {
        matches!(
            c,
            'أ' | 'إ' | 'آ' | 'ؤ' | 'ئ' | 'ء' | 'ى' | 'ة' | '\u{064B}'..='\u{0652}'
        )
    }) {
        return false;
    }
    // Only these proclitics, and stems of four letters: with all those of
    // the document matcher (`ف`, `ك`, `ول` …), `فيماساتشوستس` left
    // `يماساتشوستس`, a name, and two joins were lost.
    let folded = translit::fold_target(word, translit::Target::Arabic);
    let names = translit::latin_names();
    let is_name = |w: &str| names.closest(w, NAME_DISTANCE).is_some();
    is_name(&folded)
        || ["ال", "وال", "و", "ب", "ل"].iter().any(|c| {
            folded
                .strip_prefix(c)
                .is_some_and(|rest| rest.chars().count() >= 4 && is_name(rest))
        })
}

/// The value (Zipf × 10) of `pieces` as a sequence of words taken
/// independently: the sum of their values less 9 Zipf per further piece,
/// a Zipf value being the log of a frequency per billion words.
fn pair_value(pieces: &[Piece]) -> i32 {
    pieces
        .iter()
        .map(|p| i32::from(p.zipf10.max(TAIL_FLOOR)))
        .sum::<i32>()
        - 90 * (pieces.len() as i32 - 1)
}

/// How much likelier (Zipf × 10) a dropped space is than one given typo of
/// a letter: a swap of two adjacent letters or a dropped one. Estimated on
/// the Arabic NTREX reference (53,754 words): 328 confirmed joins, against
/// about 12 swaps that leave no word (`العكسري`, `بالبطع`, `مستقلبنا`) and
/// about 15 dropped letters (`الديموقرطية`, `أوتاريو`), i.e. 6.1 joins
/// per 1,000 word boundaries and, a word having about six places for each
/// typo, 0.04 typos of a kind per 1,000 places: a ratio of about 150, 2.2
/// in Zipf. On NTREX any value from 1.9 to 3.3 gives the same figures
/// (`مستقلبنا` and `البولونيو` not split, no join lost); 1.8 loses `لا
/// مسلسل`.
const TYPO_ODDS: i32 = 22;

/// Whether the unknown `key` is better read as a typo of a known word
/// than as `pieces` joined: two adjacent letters swapped (`مستقلبنا` is
/// `مستقبلنا`, not `مستقل بنا`) or one letter of the language's alphabet
/// dropped (`البولونيو` is `البولونيوم`, `beteen` is `between`). A noisy
/// channel: the word's frequency weighs against the pieces' as a pair,
/// times the odds of a join over a typo ([`TYPO_ODDS`]). Only exact forms
/// count, as the loose key would turn a moved hamza into a word (`يمكننأ`
/// into `يمكننا`).
fn typo_reading(lex: &Lexicon, key: &str, pieces: &[Piece]) -> bool {
    let pair = pair_value(pieces);
    // No word of any lexicon reaches Zipf 8: frequent pieces (`في أن`)
    // need no look-up.
    if pair + TYPO_ODDS > 80 {
        return false;
    }
    thread_local! {
        /// The answers for this run: a word searched again in another
        /// document asks again, and each answer takes hundreds of look-ups.
        static TYPOS: RefCell<FxHashMap<TypoQuestion, bool>> = RefCell::default();
    }
    let at = (lex.code, Box::<str>::from(key), pair);
    if let Some(known) = TYPOS.with_borrow(|t| t.get(&at).copied()) {
        return known;
    }
    let typo = typo_candidates(lex, key, pair);
    TYPOS.with_borrow_mut(|t| {
        if t.len() >= MEMO_WORDS {
            t.clear();
        }
        t.insert(at, typo);
    });
    typo
}

/// A question of [`typo_reading`]: the lexicon, the word and its pieces'
/// value as a pair.
type TypoQuestion = (&'static str, Box<str>, i32);

/// [`typo_reading`] without its memory.
fn typo_candidates(lex: &Lexicon, key: &str, pair: i32) -> bool {
    // One buffer for every candidate: a finding asks hundreds of them.
    let mut word = String::with_capacity(key.len() + 4);
    let min = u8::try_from((pair + TYPO_ODDS).max(0)).unwrap_or(u8::MAX);
    let mut likelier = |parts: &[&str]| {
        word.clear();
        parts.iter().for_each(|p| word.push_str(p));
        lex.exact(&word).is_some_and(|z| z >= min)
    };
    let bounds: Vec<usize> = key
        .char_indices()
        .map(|(b, _)| b)
        .chain([key.len()])
        .collect();
    // Two adjacent letters swapped: `a b` at bounds[i-1]..bounds[i+1].
    let swapped = (1..bounds.len().saturating_sub(1)).any(|i| {
        let (a, b) = (
            &key[bounds[i - 1]..bounds[i]],
            &key[bounds[i]..bounds[i + 1]],
        );
        a != b && likelier(&[&key[..bounds[i - 1]], b, a, &key[bounds[i + 1]..]])
    });
    swapped
        || crate::language::alphabet::alphabet(lex.code)
            .is_some_and(|alphabet| lex.one_letter_more(key, &alphabet.main, min))
}

/// Whether an Arabic word is a clitic plus a known word (`وتراجع`,
/// `للتصرف` from `التصرف`).
fn known_with_clitics(lex: &Lexicon, key: &str) -> bool {
    arabic_stems(key).any(|s| {
        lex.zipf10_normalized(s).is_some_and(|z| z >= KNOWN_WHOLE)
            || (key.starts_with("لل")
                && lex
                    .zipf10_normalized(&format!("ال{s}"))
                    .is_some_and(|z| z >= KNOWN_WHOLE))
    })
}

/// Short words that no preposition written onto the next word follows:
/// prepositions, the negations `ما` and `لا`, and `لي`. Measured on NTREX:
/// 5 false splits fewer, no join lost.
const PREPOSITIONS: &[&str] = &["في", "من", "عن", "على", "إلى", "الى", "ما", "لا", "لي"];

/// Pronoun, plural and dual endings that [`known_with_affixes`] strips.
const ENDINGS: &[&str] = &[
    "هما", "هم", "هن", "ها", "ه", "كما", "كم", "كن", "نا", "ين", "ون", "ان", "ات", "اتهم", "اتها",
    "اته", "يها", "يه", "يهم",
];
/// The pronoun endings alone: plural and dual endings also end names
/// (`برينين`), so a piece needs a pronoun to count as a stem with an
/// ending.
const PRONOUNS: &[&str] = &["هما", "هم", "هن", "ها", "ه", "كما", "كم", "كن", "نا"];
/// A stem under clitics and an ending is a word at this value (Zipf 3.5).
const AFFIX_STEM: u8 = 35;
/// What a piece known only as a stem with an ending is worth less than it.
const AFFIX_DISCOUNT: u8 = 10;

/// Whether an Arabic word is a known stem with an ending, and clitics or
/// not (`تقلباتهم`, `لمعمله`, `بهوسنا`, `مصرحين`): a valid form the lexicon
/// lacks, which a split would read as two words (`تقل باتهم`). Never with
/// an inner `ة`, which proves a join.
fn known_with_affixes(lex: &Lexicon, key: &str) -> bool {
    if inner_ta_marbuta(key) {
        return false;
    }
    affixed_stems(key, ENDINGS).any(|stem| {
        let ta = stem
            .strip_suffix('ت')
            .and_then(|t| lex.zipf10_normalized(&format!("{t}ة")));
        lex.zipf10_normalized(stem)
            .max(ta)
            .is_some_and(|z| z >= AFFIX_STEM)
    })
}

/// The stems of an Arabic word under an ending and clitics or none, of at
/// least three letters (`تقلباتهم` → `تقلب`, `لمعمله` → `معمل`).
fn affixed_stems<'k>(
    key: &'k str,
    endings: &'static [&'static str],
) -> impl Iterator<Item = &'k str> {
    std::iter::once("")
        .chain(arabic::CLITICS.iter().copied())
        .filter_map(move |p| key.strip_prefix(p))
        .flat_map(move |rest| endings.iter().filter_map(move |e| rest.strip_suffix(e)))
        .filter(|stem| stem.chars().count() >= 3)
}

/// The words of the document, and of the folder when the scan covers one:
/// a piece that stands alone there is a word, even if the lexicon lacks it
/// (a name).
struct Words<'d> {
    /// Keyed by the document's own text where normalising leaves a word
    /// as it is (most words): no allocation a word.
    own: FxHashMap<Cow<'d, str>, usize>,
    folder: Option<&'d Vocabulary>,
    /// Every question asked and its answer, when they are recorded for
    /// the memo.
    asked: RefCell<Vec<Asked>>,
    recording: bool,
}

/// A question the split search asked of a document's words, with the
/// answer it got.
#[derive(Clone, PartialEq, Eq)]
enum Asked {
    Contains(Box<str>, bool),
    InFolder(Box<str>, bool),
}

impl<'d> Words<'d> {
    /// The words of `doc` and of its folder.
    fn new(doc: &'d Document, script: Script) -> Self {
        Words {
            own: own_words(doc, script),
            folder: doc.folder_words.as_deref(),
            asked: RefCell::default(),
            recording: false,
        }
    }

    /// The words of a document of the one word `key` (normalised), alone
    /// in its folder, recording what is asked of them.
    fn recording(key: &str, script: Script) -> Self {
        let mut own = FxHashMap::default();
        word_and_stems(key, script, &mut |w: &str| count(&mut own, w, None, 1));
        Words {
            own,
            folder: None,
            asked: RefCell::default(),
            recording: true,
        }
    }

    fn record(&self, q: impl FnOnce() -> Asked) {
        if self.recording {
            self.asked.borrow_mut().push(q());
        }
    }

    /// Whether these words answer `q` as it was answered.
    fn agree(&self, q: &Asked) -> bool {
        match q {
            Asked::Contains(w, a) => self.own.contains_key(&**w) == *a,
            Asked::InFolder(w, a) => self.folder_has(w) == *a,
        }
    }

    /// How often `w` (normalised) occurs in the document itself.
    fn in_document(&self, w: &str) -> usize {
        self.own.get(w).copied().unwrap_or(0)
    }

    /// Whether `w` stands alone in the document: the evidence that decides.
    fn contains(&self, w: &str) -> bool {
        let a = self.own.contains_key(w);
        self.record(|| Asked::Contains(w.into(), a));
        a
    }

    /// Whether `w` occurs in the folder, outside the document too: it
    /// raises the confidence in a split, but does not decide one, since
    /// measured on NTREX as one folder it added more false splits (names cut
    /// at a word of another article) than it found joins.
    fn in_folder(&self, w: &str) -> bool {
        let a = self.folder_has(w);
        self.record(|| Asked::InFolder(w.into(), a));
        a
    }

    fn folder_has(&self, w: &str) -> bool {
        self.folder
            .is_some_and(|f| f.count(w) as usize > self.in_document(w))
    }
}

/// Each word of `doc` in `script`, normalised, passed to `add`; Arabic
/// words also under their clitic-free stems (`وبالاكليا` counts for
/// `بالاكليا`), but only for the article and `و`: a name that starts with
/// `ف ب ل ك` would make a false stem (`فلاديمير` is not `ف` + `لاديمير`).
/// Each distinct spelling is normalised once and passed with its count.
/// A word is passed with the same text borrowed from the document too,
/// when normalising leaves it as it is.
fn each_word<'d>(
    doc: &'d Document,
    script: Script,
    mut add: impl FnMut(&str, Option<&'d str>, u32),
) {
    let mut distinct: FxHashMap<&str, u32> = FxHashMap::default();
    for t in &doc.tokens {
        if t.is_word() && t.script == Some(script) && !t.mixed {
            *distinct.entry(t.text(doc.text)).or_default() += 1;
        }
    }
    let mut w = String::new();
    for (raw, n) in distinct {
        w.clear();
        normalize_into(raw, &mut w);
        if w == raw {
            word_and_stems(raw, script, &mut |s| add(s, Some(s), n));
        } else {
            word_and_stems(&w, script, &mut |s| add(s, None, n));
        }
    }
}

/// `w` (normalised), and its stems as [`each_word`] counts them.
fn word_and_stems<'w>(w: &'w str, script: Script, add: &mut impl FnMut(&'w str)) {
    for p in arabic::STEM_PREFIXES
        .iter()
        .filter(|_| script == Script::Arabic)
    {
        if let Some(s) = w.strip_prefix(p).filter(|s| s.chars().count() >= 3) {
            add(s);
        }
    }
    add(w);
}

/// Counts `n` more of `w`, allocating only for a new word.
/// `borrowed` is `w` in the document's text, if it is there.
fn count<'d>(
    counts: &mut FxHashMap<Cow<'d, str>, usize>,
    w: &str,
    borrowed: Option<&'d str>,
    n: u32,
) {
    let n = n as usize;
    match counts.get_mut(w) {
        Some(m) => *m += n,
        None => {
            let key = borrowed.map_or_else(|| Cow::Owned(w.to_string()), Cow::Borrowed);
            counts.insert(key, n);
        }
    }
}

/// The document's words, normalised, with their counts.
fn own_words<'d>(doc: &'d Document, script: Script) -> FxHashMap<Cow<'d, str>, usize> {
    let mut counts = FxHashMap::default();
    each_word(doc, script, |w, b, n| count(&mut counts, w, b, n));
    counts
}

/// Adds the words of `doc` that this rule may need as evidence to a
/// folder's vocabulary: those its lexicon does not know as frequent words
/// (names, rare words), so the vocabulary stays small. The scanner builds
/// it over every file of a scan and hands it back through
/// [`Document::folder_words`].
fn add_folder_words(doc: &Document, into: &mut Vocabulary) {
    let Some(lang) = doc.lang() else { return };
    let (Some(script), Some(lex)) = (script_of(lang), lexicon::lexicon(lang)) else {
        return;
    };
    FREQUENT.with_borrow_mut(|frequent| {
        let frequent = frequent.entry(lex.code).or_default();
        each_word(doc, script, |w, _, n| {
            if frequent.len() >= MEMO_WORDS {
                frequent.clear();
            }
            let known = match frequent.get(w) {
                Some(&known) => known,
                None => {
                    let known = lex.zipf10_normalized(w).is_some_and(|z| z >= KNOWN_WHOLE);
                    frequent.insert(w.into(), known);
                    known
                }
            };
            if !known {
                into.add_n(w, n);
            }
        });
    });
}

/// What the search knows of one piece.
#[derive(Clone, Copy)]
struct Piece {
    cost: f32,
    /// A word of the lexicon or of the document.
    known: bool,
    /// Value in the lexicon, 0 when absent.
    zipf10: u8,
    /// Known only because the document has it alone.
    own: bool,
}

fn unknown_cost(chars: usize) -> f32 {
    8.0 + 0.5 * chars as f32
}

fn lex_cost(z: u8) -> f32 {
    (80.0 - f32::from(z)).max(0.0) / 10.0
}

/// The cost of one piece (a normalised string of `chars` characters).
/// `whole` is set for the piece that is the whole token, which the document
/// holds but which is no evidence for itself.
fn piece(
    zipf: &dyn Fn(&str) -> Option<u8>,
    own: &Words,
    script: Script,
    p: &str,
    chars: usize,
    whole: bool,
    weak: bool,
) -> Piece {
    let unknown = Piece {
        cost: unknown_cost(chars),
        known: false,
        zipf10: 0,
        own: false,
    };
    // One letter is a piece only as a Russian function word (`в`, `с`,
    // `и`, `к`): elsewhere it is a letter of a word.
    if chars < 2
        && !(script == Script::Cyrillic
            && RU_ONE_LETTER.contains(p)
            && zipf(p).is_some_and(|z| z >= FUNCTION_WORD))
    {
        return Piece {
            cost: 50.0,
            ..unknown
        };
    }
    if script == Script::Arabic {
        if arabic::CLITICS.contains(&p) || p.starts_with('ة') || inner_ta_marbuta(p) {
            return Piece {
                cost: 50.0,
                ..unknown
            };
        }
        if SUFFIXES.contains(&p) {
            return Piece {
                cost: 50.0,
                ..unknown
            };
        }
    }
    // Short pieces only as very common words (`in`, `of`, `لا`, `أمس`):
    // rarer ones are affixes and fragments of names (`ers`, `ير`).
    // Arabic three-letter words between the two bars (`تظل`, `نصب`) are
    // pieces too, but only beside a frequent word (see `split`).
    let short_min = match chars {
        2 if script == Script::Arabic && weak => WEAK_TWO,
        2 => 55,
        3 if script == Script::Arabic && weak => WEAK_THREE,
        3 => THREE,
        _ => 0,
    };
    if zipf(p).unwrap_or(0) < short_min {
        return unknown;
    }
    let mut z = zipf(p).unwrap_or(0);
    if script == Script::Arabic && z < KNOWN_PIECE {
        // A clitic on a known word: the word's value, a little less.
        for s in arabic_stems(p) {
            if let Some(v) = zipf(s) {
                z = z.max(v.saturating_sub(5));
            }
        }
        // A known stem with an ending (`تستبدله`, `يتسببان`): less again.
        if z < KNOWN_PIECE && chars >= 4 && PRONOUNS.iter().any(|e| p.ends_with(e)) {
            for s in affixed_stems(p, PRONOUNS) {
                // `ة` is written `ت` before an ending (`مزحته` from `مزحة`).
                let ta = s.strip_suffix('ت').and_then(|t| zipf(&format!("{t}ة")));
                if let Some(v) = zipf(s).max(ta).filter(|&v| v >= AFFIX_STEM) {
                    z = z.max(v.saturating_sub(AFFIX_DISCOUNT));
                }
            }
        }
    }
    let min = if script == Script::Arabic {
        KNOWN_PIECE
    } else if script == Script::Cyrillic && weak && chars >= RU_RARE_LETTERS {
        // A rare Russian inflection (`ошеломлены`), beside a function word.
        RU_RARE_PIECE
    } else {
        KNOWN_PIECE_CASED
    };
    if z >= min {
        return Piece {
            cost: lex_cost(z),
            known: true,
            zipf10: z,
            own: false,
        };
    }
    let alone = !whole
        && (own.contains(p)
            || script == Script::Arabic && arabic_stems(p).any(|s| own.contains(s)));
    if alone {
        return Piece {
            cost: lex_cost(30),
            known: true,
            zipf10: z,
            own: true,
        };
    }
    // A long rare word, never the whole, since the rare tail holds joins
    // (`عنطريق`). It costs as much as when unknown, so that any split into
    // known words goes first (`ما يكونون`, not `مايكونون`).
    if script == Script::Arabic && chars >= RARE_LETTERS && !whole && weak && z >= RARE_PIECE {
        return Piece {
            cost: lex_cost(z) + 1.0,
            known: true,
            zipf10: z,
            own: false,
        };
    }
    if z > 0 {
        return Piece {
            cost: lex_cost(z) + 1.0,
            ..unknown
        };
    }
    unknown
}

/// A split found by the Viterbi search: its cost, each piece's range of
/// letters, and the pieces.
type Cheapest = (f32, Vec<(usize, usize)>, Vec<Piece>);

/// The best split of a token, as a diagnostic when it is clearly better
/// than the whole; `repeated` when the document writes the whole again,
/// which then needs frequent pieces.
#[allow(clippy::too_many_arguments)]
fn split(
    lex: &Lexicon,
    own: &Words,
    script: Script,
    word: &str,
    key: &str,
    whole: Option<u8>,
    repeated: bool,
    offset: usize,
) -> Option<Diagnostic> {
    // Cut points: byte offsets in `word` before a letter (never before a mark).
    let mut cuts: Vec<usize> = word
        .char_indices()
        .filter(|(_, c)| !is_arabic_mark(*c) && !matches!(c, '\u{0300}'..='\u{036F}'))
        .map(|(b, _)| b)
        .collect();
    cuts.push(word.len());
    let n = cuts.len() - 1;
    let segs: Vec<String> = (0..n)
        .map(|c| normalize(&word[cuts[c]..cuts[c + 1]]))
        .collect();
    // The normalised word, and where each letter's segment starts in it.
    let norm = segs.concat();
    let offs: Vec<usize> = std::iter::once(0)
        .chain(segs.iter().scan(0, |o, s| {
            *o += s.len();
            Some(*o)
        }))
        .collect();
    // Every piece's value from one walk of the maps per start, when each
    // letter normalises to one letter (a ligature or a dropped letter
    // breaks the count: then each piece is looked up).
    let table = segs
        .iter()
        .all(|s| s.chars().count() == 1)
        .then(|| lex.pieces(&segs, MAX_PIECE));
    // The alif after a tanween is the tanween's (`وفقًا لما`, never
    // `وفقً المجلة`): no cut between them.
    let tied: Vec<bool> = (0..=n)
        .map(|c| {
            c > 0
                && c < n
                && word[cuts[c - 1]..cuts[c]].ends_with('\u{064B}')
                && word[cuts[c]..].starts_with('ا')
        })
        .collect();
    // The piece of letters `i..j`, `None` where Arabic spelling rules it
    // out (see `arabic_piece_possible`).
    let piece_at = |i: usize, j: usize, weak: bool| -> Option<Piece> {
        let p = &norm[offs[i]..offs[j]];
        let whole_piece = i == 0 && j == n;
        if script == Script::Arabic
            && !whole_piece
            && !arabic_piece_possible(lex, own, &word[cuts[i]..cuts[j]], p)
        {
            return None;
        }
        // The piece and its stems (clitics or endings removed) are slices
        // of it, so pieces of the table: found by their place in `p`.
        // Anything else is looked up.
        let zipf = |q: &str| {
            let at = (q.as_ptr() as usize).wrapping_sub(p.as_ptr() as usize);
            let cached = table
                .as_ref()
                .filter(|_| at + q.len() <= p.len() && p.is_char_boundary(at))
                .and_then(|t| {
                    let start = i + p[..at].chars().count();
                    t[start].get(q.chars().count()).copied()
                });
            cached.unwrap_or_else(|| lex.zipf10_normalized(q))
        };
        let pc = piece(&zipf, own, script, p, j - i, whole_piece, weak);
        if script == Script::Arabic
            && pc.known
            && !pc.own
            && !whole_piece
            && hamza_dropped(lex, own, p)
        {
            return None;
        }
        Some(pc)
    };
    // The cheapest split, with the weak pieces (see `needs` below) or
    // without them.
    let viterbi = |weak: bool| -> Option<Cheapest> {
        let mut best = vec![f32::INFINITY; n + 1];
        let mut back = vec![(0usize, None::<Piece>); n + 1];
        best[0] = 0.0;
        for j in 1..=n {
            if tied[j] {
                continue;
            }
            for i in j.saturating_sub(MAX_PIECE)..j {
                if !best[i].is_finite() {
                    continue;
                }
                let Some(pc) = piece_at(i, j, weak) else {
                    continue;
                };
                let c = best[i] + pc.cost + if i > 0 { SPLIT } else { 0.0 };
                if c < best[j] {
                    best[j] = c;
                    back[j] = (i, Some(pc));
                }
            }
        }
        let mut bounds = Vec::new();
        let mut pieces = Vec::new();
        let mut j = n;
        while j > 0 {
            let (i, pc) = back[j];
            bounds.push((i, j));
            pieces.push(pc?);
            j = i;
        }
        bounds.reverse();
        pieces.reverse();
        Some((best[n], bounds, pieces))
    };
    // A weak piece (two or three letters of middling frequency, a rare
    // long word) needs a frequent neighbour and no other piece: the value
    // that neighbour needs (0 for any other piece).
    let needs = |bounds: &[(usize, usize)], pieces: &[Piece], k: usize| {
        let len = bounds[k].1 - bounds[k].0;
        if pieces[k].own {
            0
        } else if len == 3 && pieces[k].zipf10 < THREE {
            BESIDE_WEAK
        } else if len == 2 && pieces[k].zipf10 < 55 {
            BESIDE_WEAK_TWO
        } else if script == Script::Arabic && len >= RARE_LETTERS && pieces[k].zipf10 < KNOWN_PIECE
        {
            BESIDE_RARE
        } else if script == Script::Cyrillic && pieces[k].zipf10 < KNOWN_PIECE_CASED {
            FUNCTION_WORD
        } else {
            0
        }
    };
    let weak_ok = |bounds: &[(usize, usize)], pieces: &[Piece]| {
        let weak = (0..pieces.len()).any(|k| needs(bounds, pieces, k) > 0);
        !weak
            || pieces.len() == 2 && (0..2).all(|k| pieces[1 - k].zipf10 >= needs(bounds, pieces, k))
    };
    // When the cheapest split leans on a weak piece without its neighbour,
    // the cheapest split without weak pieces stands in for it.
    let (best_n, bounds, pieces) = match viterbi(true)? {
        v if weak_ok(&v.1, &v.2) => v,
        _ => viterbi(false)?,
    };
    let weak_three = (0..pieces.len()).any(|k| needs(&bounds, &pieces, k) > 0);
    if pieces.len() < 2 || pieces.iter().any(|p| !p.known) {
        return None;
    }
    if lex.code == "ar" {
        // A preposition, with or without a conjunction, is not followed by a
        // preposition written onto a word (`في ل+تيري`, `ما ك+فول`, `وما
        // ل+منارة`): such a split cuts a name, unless the lexicon has the
        // piece as it stands (`في لبنان`, `وما لديهم`).
        for k in 1..bounds.len() {
            let a = normalize(&word[cuts[bounds[k - 1].0]..cuts[bounds[k - 1].1]]);
            let b = normalize(&word[cuts[bounds[k].0]..cuts[bounds[k].1]]);
            let particle = |w: &str| PREPOSITIONS.contains(&w);
            if (particle(&a) || a.strip_prefix(['و', 'ف']).is_some_and(particle))
                && b.starts_with(['ل', 'ب', 'ك'])
                && !pieces[k].own
                && lex.zipf10_normalized(&b).is_none_or(|z| z < KNOWN_PIECE)
            {
                return None;
            }
            // `لم`, `لن` and `سوف` take a verb in the imperfect
            // (`لم يكن`), never a noun (`لمكنوننا` is `ل` + `مكنوننا`).
            if matches!(a.as_str(), "لم" | "لن" | "سوف")
                && !b.starts_with(['ي', 'ت', 'ن', 'أ', 'ا'])
            {
                return None;
            }
        }
    }
    if script == Script::Arabic {
        // `ه` + `ما` is the dual pronoun `هما` (`هزيمتهما`), not `ما`.
        for k in 1..bounds.len() {
            let (a, b) = (bounds[k - 1], bounds[k]);
            if word[cuts[a.0]..cuts[a.1]].ends_with('ه')
                && normalize(&word[cuts[b.0]..cuts[b.1]]) == "ما"
            {
                return None;
            }
        }
    }
    if script != Script::Arabic {
        // Compounds join content words (`fourballs`, `самострелами`); the
        // joins of translation nearly always hold a function word, and a
        // word cut in three or more holds only one content word (`in the
        // city`, not `disc or dance`).
        let function_words = pieces.iter().filter(|p| p.zipf10 >= FUNCTION_WORD).count();
        if function_words == 0 || pieces.len() > 2 && function_words + 1 < pieces.len() {
            return None;
        }
        let (i, j) = bounds[0];
        let first = normalize(&word[cuts[i]..cuts[j]]);
        // A stem with a linking vowel starts a compound (`само` +
        // `стрелами`) cut in three, but a function word that ends in one
        // does not (`этого озера`), and beside a function word it is a
        // word (`примерно как`, `глубоко на`).
        if lex.code == "ru"
            && j - i >= 4
            && pieces.len() > 2
            && pieces[0].zipf10 < FUNCTION_WORD
            && (first.ends_with('о') || first.ends_with('е'))
        {
            return None;
        }
        if lex.code == "ru" {
            let parts: Vec<&str> = bounds
                .iter()
                .map(|&(i, j)| &norm[offs[i]..offs[j]])
                .collect();
            let values: Vec<u8> = pieces.iter().map(|p| p.zipf10).collect();
            if russian_compound(&parts, &values) {
                return None;
            }
            // A capitalised word ending in a one-letter word is a name
            // (`Джейнс`), not a sentence's first word joined to `с`.
            if title_case(word) && parts.last().is_some_and(|p| p.chars().count() == 1) {
                return None;
            }
            // So is one whose pieces are not all words of the lexicon
            // (`Кайван` is no `К айван`); and a rare word, known only
            // from the lexicon's tail, takes no one-letter word after it
            // (`сонин к`).
            let rare = |k: usize| pieces[k].zipf10 < KNOWN_PIECE_CASED;
            if title_case(word) && (0..pieces.len()).any(rare)
                || parts.len() == 2 && parts[1].chars().count() == 1 && rare(0)
            {
                return None;
            }
        }
        // English particles prefixed to a content word are compounds
        // (`upsize`, `overdeliver`), not joins (`inthe` ends in `the`).
        if lex.code == "en"
            && pieces.len() == 2
            && pieces[1].zipf10 < 60
            && EN_PREFIXES.contains(&first.as_str())
        {
            return None;
        }
        // French inflection that spells a word: the future and conditional
        // are the infinitive and an ending (`concentrer` + `ont`), the
        // feminine of `-en` doubles its `n` (`cananéen` + `ne`).
        if lex.code == "fr" {
            let (i, j) = bounds[bounds.len() - 1];
            let last = normalize(&word[cuts[i]..cuts[j]]);
            let before = normalize(&word[cuts[bounds[bounds.len() - 2].0]..cuts[i]]);
            if (before.ends_with('r') && FR_FUTURE_ENDINGS.contains(&last.as_str()))
                || (before.ends_with("en") && last.starts_with("ne"))
            {
                return None;
            }
        }
    }
    // The rare tail of the lexicon holds joins itself (`عنطريق`, `tothe`):
    // a whole from there costs as much as an unknown word.
    let mut whole_cost = match whole {
        Some(z) if z >= JUNK_TAIL || script != Script::Arabic => lex_cost(z),
        _ => unknown_cost(n),
    };
    let ta = script == Script::Arabic && inner_ta_marbuta(key);
    if ta {
        whole_cost += 10.0;
    }
    // A rare whole that the lexicon knows in other forms too is a word: a
    // perfect verb by its imperfect (`هيمن` by `يهيمن`, `تهيمن`), a noun by
    // its feminine. Measured on NTREX: 1 false split of 5 (`هيمن`), and the
    // one join of `هي من` made in the corrupted copies; no other join.
    if lex.code == "ar" && !ta && whole.is_some() {
        let known = |w: String| lex.zipf10_normalized(&w).is_some_and(|z| z >= JUNK_TAIL);
        if known(format!("ي{key}")) || known(format!("ت{key}")) || known(format!("{key}ة")) {
            return None;
        }
    }
    if whole_cost - best_n < MARGIN {
        return None;
    }
    // A whole that the far tail of the lexicon holds is a word (a name, a
    // rare form) when it is written as one far more often than a typo could
    // join its pieces: such a join is about as rare as a pair of its pieces
    // times a small error rate, so it stays below what the pieces' values
    // make of a pair (`a + b - 9` in Zipf). Measured on NTREX, every join in
    // the tail sits below that bound, and names far above it.
    if !ta && script == Script::Arabic {
        if let Some(v) = whole.or_else(|| lex.far_tail(key)) {
            if i32::from(v) - pair_value(&pieces) >= TAIL_EXCESS {
                return None;
            }
        }
    }
    if script == Script::Arabic && !ta && foreign_name(word, &pieces) {
        return None;
    }
    if !ta && typo_reading(lex, key, &pieces) {
        return None;
    }
    let mut texts: Vec<String> = bounds
        .iter()
        .map(|&(i, j)| word[cuts[i]..cuts[j]].to_string())
        .collect();
    if script == Script::Arabic {
        boundary_conjunctions(lex, own, &mut texts);
        pronoun_kaf(lex, own, &mut texts);
        // Tanween marks a noun's ending: a short piece that carries it is
        // the end of the word before (`تصورياً`, `أعزلاً`), not a particle.
        if texts.iter().any(|t| {
            t.chars().filter(|c| !is_arabic_mark(*c)).count() <= 2
                && t.chars().any(|c| matches!(c, '\u{064B}'..='\u{064D}'))
        }) {
            return None;
        }
        // An unknown whole that looks like one word, a transliterated name
        // above all, is likelier than its length alone says. Names are cut
        // in two, next to a short word (`في لتيري`, `بولي في`); a longer
        // run of words is rarely one name.
        let short_piece = texts
            .iter()
            .any(|t| t.chars().filter(|c| !is_arabic_mark(*c)).count() <= 3);
        if !ta && texts.len() == 2 && short_piece && whole.is_none_or(|z| z < JUNK_TAIL) {
            let bonus = name_likeness(word, key, &texts, n);
            if whole_cost - bonus - best_n < MARGIN {
                return None;
            }
        }
    }
    // A repeated whole is split only into frequent words one of which is a
    // function word (`على مدار`, not the name `بيلا وسوف`), or into long
    // frequent words (`الاتحاد الأوروبي`), which names are not; never when
    // all its pieces are short (`إليفي`, `لاجون`): those are the syllables
    // of a name.
    let long_and_frequent = bounds
        .iter()
        .zip(&pieces)
        .all(|(&(i, j), p)| j - i >= 5 && p.zipf10 >= REPEATED_PIECE && !p.own);
    if repeated
        && (pieces.iter().any(|p| p.zipf10 < SAFE_PIECE)
            || pieces.iter().all(|p| p.zipf10 < 60) && !long_and_frequent
            || script == Script::Arabic && bounds.iter().all(|&(i, j)| j - i <= 3))
    {
        return None;
    }
    // An Arabic piece of one or two letters is where names are cut (`إليفي`
    // → `إلي في`, `هيمارس` → `هي مارس`), and a word cut in three is rarely
    // a plain join (`discordance` → `disc or dance`): those need a reader,
    // unless a `ة` inside proves the join.
    let short = script == Script::Arabic
        && bounds
            .iter()
            .zip(&pieces)
            .any(|(&(i, j), p)| j - i <= 2 || j - i == 3 && p.zipf10 < SAFE_THREE)
        || weak_three;
    // Another cut into two known words about as cheap (`personne sont` and
    // `personnes ont`, `أصبح تكلفة` and `أصبحت كلفة`) leaves the choice to a
    // reader. Short Latin and Cyrillic words count here as the lexicon has
    // them (`a shot` beside `as hot`, `в отеле` beside `во теле`); Arabic
    // ones, letters of clitics among them, as pieces.
    let ambiguous = || {
        let cost = |i: usize, j: usize| -> Option<f32> {
            let short = match j - i {
                _ if script == Script::Arabic => None,
                1 => Some(60),
                2 => Some(40),
                _ => None,
            };
            match short {
                Some(min) => lex
                    .zipf10_normalized(&norm[offs[i]..offs[j]])
                    .filter(|&z| z >= min)
                    .map(lex_cost),
                None => piece_at(i, j, false).filter(|p| p.known).map(|p| p.cost),
            }
        };
        (1..n)
            .filter(|&c| !tied[c] && c != bounds[0].1)
            .any(|c| match (cost(0, c), cost(c, n)) {
                (Some(a), Some(b)) => a + b + SPLIT - best_n < MARGIN,
                _ => false,
            })
    };
    // A preposition that is also a prefix before a content word may be a
    // compound the lexicon lacks (`sobreescribir`, `surcouche`,
    // `overclock`): a reader decides.
    let prefix_compound = pieces.len() == 2
        && pieces[1].zipf10 < 60
        && PREFIX_PREPOSITIONS.iter().any(|&(code, words)| {
            code == lex.code && words.contains(&texts[0].to_lowercase().as_str())
        });
    let safe = whole.is_none()
        && (ta || (!short && pieces.len() == 2))
        && pieces.iter().all(|p| !p.own && p.zipf10 >= SAFE_PIECE)
        && !prefix_compound
        && !ambiguous();
    // Every piece that is no frequent word stands alone in other files of
    // the folder (the folder keeps only such words).
    let from_folder: Vec<bool> = texts.iter().map(|t| own.in_folder(&normalize(t))).collect();
    let elsewhere = from_folder.iter().any(|&f| f)
        && pieces
            .iter()
            .zip(&from_folder)
            .all(|(p, &f)| f || p.zipf10 >= KNOWN_WHOLE);
    let confidence = if elsewhere {
        0.95
    } else if ta || pieces.iter().any(|p| p.own) || whole.is_none() {
        0.9
    } else {
        0.7
    };
    Some(finding(
        offset..offset + word.len(),
        texts.join(" "),
        confidence,
        safe,
    ))
}

/// The Russian words of one letter: prepositions, conjunctions and `я`.
const RU_ONE_LETTER: &str = "вскоуиая";
/// Russian prefixes that are no preposition on their own, or whose
/// compounds outnumber their joins (`подпроцесс`, `переписали`,
/// `выделали`): a split after one is a prefixed word, not a join.
const RU_PREFIXES: &[&str] = &[
    "под", "над", "пред", "пере", "рас", "раз", "вы", "об", "обо", "без",
];
/// Russian prepositions whose vowel is there only before a cluster of
/// consonants (`со счетом`, `во время`, `ко мне`): before anything else
/// they are the prefixes of compounds (`соведущий`, `соавтор`).
const RU_VOWEL_PREPOSITIONS: &[&str] = &["со", "во", "ко"];
/// Endings of Russian verb forms that no noun has in the news often:
/// infinitives, the past tense, reflexives. A preposition is never
/// followed by a verb, so such a split is a prefixed verb (`обегал`,
/// `заночевали`).
const RU_VERB_ENDINGS: &[&str] = &[
    "ть", "ться", "тись", "ся", "сь", "ла", "ли", "лся", "лась", "лось", "лись",
];
/// Endings of the present tense, which `не` is written apart from
/// (`не хотят`, `не имеет`), together with [`RU_VERB_ENDINGS`] and `л`.
const RU_PRESENT_ENDINGS: &[&str] = &[
    "ет", "ит", "ут", "ют", "ат", "ят", "ешь", "ишь", "ете", "ите", "ло", "л",
];

/// Whether a Russian split into `parts` (normalised) is rather one word:
/// a prefix and its stem, an inflection cut off its stem, or a word cut
/// into syllables around a one-letter word. Russian writes `не` onto
/// adjectives, participles and nouns (`неанглийский`) but apart from
/// verbs; a preposition precedes nouns, never a verb or a participle.
/// `values` are the parts' values in the lexicon (Zipf × 10).
fn russian_compound(parts: &[&str], values: &[u8]) -> bool {
    let one = |p: &str| p.chars().count() == 1;
    // A one-letter word beside another, or in a cut of three pieces or
    // more, is a letter of a word (`маппет о в`, `с у детских`).
    if parts.iter().any(|p| one(p)) && parts.len() > 2 {
        return true;
    }
    // Short pieces only are the syllables of a word (`вид же том`).
    if parts.len() > 2 && parts.iter().all(|p| p.chars().count() <= 3) {
        return true;
    }
    // A vowel at the end is an inflection (`карильон а`, `сокет у`), but
    // `и` after a word that ends in a vowel is the conjunction (`года и`).
    if let [.., before, last] = parts {
        let vowel_end = before.ends_with(['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ё']);
        if matches!(*last, "а" | "о" | "у" | "я") || *last == "и" && !vowel_end {
            return true;
        }
    }
    let [first, rest, ..] = parts else {
        return false;
    };
    // Nouns in `-ость` end like an infinitive (`активность`).
    let ends = |list: &[&str]| list.iter().any(|e| rest.ends_with(e)) && !rest.ends_with("ость");
    let participle = rest
        .char_indices()
        .rev()
        .take(8)
        .any(|(b, _)| rest[b..].starts_with('щ') || rest[b..].starts_with("вш"));
    let consonant = |c: Option<char>| c.is_some_and(|c| !"аеёиоуыэюяйъь".contains(c));
    match *first {
        p if RU_PREFIXES.contains(&p) => true,
        p if RU_VOWEL_PREPOSITIONS.contains(&p) => {
            let mut cs = rest.chars();
            !(consonant(cs.next()) && consonant(cs.next()))
        }
        // `не` with a function word (`не было`, `не только`) or a verb.
        "не" => {
            (parts.len() > 2 || values.get(1).is_none_or(|&v| v < FUNCTION_WORD))
                && (!(ends(RU_VERB_ENDINGS) || ends(RU_PRESENT_ENDINGS)) || participle)
        }
        _ => PREPOSITIONS_RU.contains(first) && (ends(RU_VERB_ENDINGS) || participle),
    }
}

/// Russian prepositions that are also verbal prefixes.
const PREPOSITIONS_RU: &[&str] = &[
    "в", "с", "к", "о", "у", "по", "на", "за", "от", "до", "из", "при", "про",
];

/// Prepositions that are also prefixes of compounds, by language.
const PREFIX_PREPOSITIONS: &[(&str, &[&str])] = &[
    ("es", &["sobre", "entre", "contra", "ante", "tras", "sin"]),
    ("fr", &["sur", "sous", "entre", "contre", "avant"]),
    ("en", &["over", "under", "out", "up", "down", "off"]),
];

/// The finding on `range`, with `replacement` as its fix.
fn finding(range: Range<usize>, replacement: String, confidence: f32, safe: bool) -> Diagnostic {
    Diagnostic::new(
        range.clone(),
        format!("words joined without a space: `{replacement}`"),
    )
    .confidence(confidence)
    .fix(
        range,
        replacement,
        if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        },
    )
}

/// The negations that stand before a verb, and a conjunction before them.
const NEGATIONS: &[&str] = &["ولا", "فلا", "وما", "فما", "لا", "ما"];
/// A verb after a negation is a word at this value (Zipf 4.5).
const NEGATED_VERB: u8 = 45;

/// A negation written onto the verb it negates (`لايزال`, `ولايمكن`,
/// `مايمكن`): Arabic writes `لا` and `ما` apart, but the lexicon lists
/// these joins as words, web text being full of them. The verb must be a
/// frequent word in the imperfect (`ي ت ن أ` first), and the whole must
/// not read as a clitic and a known word (`لانتاج` is `ل` + `انتاج`). The
/// byte offset of the cut, if any.
fn negation_join(lex: &Lexicon, word: &str, key: &str) -> Option<usize> {
    let neg = NEGATIONS.iter().find(|n| key.starts_with(*n))?;
    let verb = &key[neg.len()..];
    // Without the conjunction, which `known_with_clitics` would strip to
    // find the join itself in the lexicon.
    let negated = key
        .strip_prefix(['و', 'ف'])
        .filter(|_| neg.chars().count() == 3);
    if verb.chars().count() < 3
        || !verb.starts_with(['ي', 'ت', 'ن', 'أ'])
        || lex.zipf10_normalized(verb).is_none_or(|z| z < NEGATED_VERB)
        || known_with_clitics(lex, negated.unwrap_or(key))
    {
        return None;
    }
    // The cut in `word`, which may carry marks the key lacks: after as
    // many letters as the negation has.
    let letters = neg.chars().count();
    word.char_indices()
        .filter(|(_, c)| !is_arabic_mark(*c))
        .nth(letters)
        .map(|(b, _)| b)
}

/// Weight of the junction log-odds (bits) in [`name_likeness`].
const JUNCTION_WEIGHT: f32 = 0.5;
/// Weight of the share of vowel letters in [`name_likeness`].
const VOWEL_WEIGHT: f32 = 12.0;
/// The share of vowel letters (`ا و ي`) of an ordinary Arabic word: above
/// it a word looks transliterated.
const VOWEL_SHARE: f32 = 0.38;

/// How much likelier an unknown Arabic word is as one word than its split
/// into `texts` (a cost, 0 or more), from two signs of a single word:
/// - the junction models: how much better the models of single words
///   than of two words written together explain the letters around each
///   cut (`scripts/train_junctions.py`);
/// - transliteration: foreign names spell their vowels with `ا و ي`
///   (`فيلتيري`, `لاجون`) far more often than native words do.
fn name_likeness(word: &str, key: &str, texts: &[String], letters: usize) -> f32 {
    let junction = junctions().map_or(0.0, |(single, pair)| {
        // Each model's cost of the cuts: the whole minus its pieces.
        let at_cuts = |m: &crate::language::ngram::Model| {
            let pieces: u32 = texts.iter().map(|t| m.cost(&normalize(t)).0).sum();
            (m.cost(key).0 as f32 - pieces as f32) / crate::language::ngram::UNIT
        };
        at_cuts(pair) - at_cuts(single)
    });
    let vowels = word
        .chars()
        .filter(|c| matches!(c, 'ا' | 'و' | 'ي'))
        .count();
    let share = vowels as f32 / letters.max(1) as f32;
    (JUNCTION_WEIGHT * junction + VOWEL_WEIGHT * (share - VOWEL_SHARE)).max(0.0)
}

/// `كان` and its sisters, whose predicate is often "like the …" (`كان
/// كالبحر`, not `كانك البحر`).
const KANA: &[&str] = &[
    "كان",
    "كانت",
    "كانوا",
    "يكون",
    "تكون",
    "يكن",
    "تكن",
    "أصبح",
    "أصبحت",
    "صار",
    "صارت",
    "بات",
    "باتت",
    "ظل",
    "ظلت",
    "ليس",
    "ليست",
    "أمسى",
    "أضحى",
    "بدا",
    "بدت",
];

/// A `ك` between a word and the article is the pronoun "your" that ends
/// the word (`قدرتك الكاملة`) far more often than "like" on the next one
/// (`قدرت كالكاملة`): it goes back when both sides are then words, and the
/// word before is not `كان` or a sister of it.
fn pronoun_kaf(lex: &Lexicon, own: &Words, texts: &mut [String]) {
    let known = |s: &str| {
        let p = normalize(s);
        let z = |q: &str| lex.zipf10_normalized(q).is_some_and(|z| z >= KNOWN_PIECE);
        z(&p) || arabic_stems(&p).any(z) || own.contains(&p)
    };
    for k in 0..texts.len().saturating_sub(1) {
        let Some(rest) = texts[k + 1].strip_prefix('ك') else {
            continue;
        };
        let before = normalize(&texts[k]);
        let verb = before.strip_prefix(['و', 'ف']).unwrap_or(&before);
        if normalize(rest).starts_with("ال") && known(rest) && !KANA.contains(&verb) {
            let with = format!("{}ك", texts[k]);
            if known(&with) {
                texts[k + 1] = rest.to_string();
                texts[k] = with;
            }
        }
    }
}

/// A `و` or `ف` that ends a piece goes to the next one when both sides are
/// then words: `خاركيفو تراجع` → `خاركيف وتراجع`.
fn boundary_conjunctions(lex: &Lexicon, own: &Words, texts: &mut [String]) {
    for k in 0..texts.len().saturating_sub(1) {
        let Some(last) = texts[k].chars().last() else {
            continue;
        };
        if last != 'و' && last != 'ف' {
            continue;
        }
        let head = &texts[k][..texts[k].len() - last.len_utf8()];
        let known = |s: &str| {
            let p = normalize(s);
            lex.zipf10_normalized(&p).is_some_and(|z| z >= KNOWN_PIECE) || own.contains(&p)
        };
        // Only when the piece with the letter is no word itself (`آلاف`).
        if head.chars().count() >= 2 && known(head) && !known(&texts[k]) {
            let head = head.to_string();
            texts[k + 1].insert(0, last);
            texts[k] = head;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fixed, flagged_in};

    #[test]
    fn arabic_joins_are_split() {
        let text = "وتابع أنه يجب على كييفالتصرف بطريقة لا تشعر روسيا بالتهديد. وقال الكرملين أمسلا تزال الطموحات قائمة. وصلت القوات إلى كييف وخاركيف.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ar")),
            ["كييفالتصرف", "أمسلا"]
        );
        let f = fixed(&JoinedWords, text, Some("ar"));
        assert!(f.contains("كييف التصرف") && f.contains("أمس لا"), "{f}");
    }

    #[test]
    fn boundary_waw_goes_to_the_next_word() {
        let text = "سقطت قذائف على خاركيفوتراجع الجيش عن المراكزمنذ أيام، وقطع آلافكيلومترات. وفي خاركيف هدوء.";
        let f = fixed(&JoinedWords, text, Some("ar"));
        assert!(f.contains("خاركيف وتراجع"), "{f}");
        assert!(f.contains("المراكز منذ"), "{f}");
        assert!(f.contains("آلاف كيلومترات"), "{f}");
    }

    #[test]
    fn valid_arabic_forms_are_quiet() {
        let text = "وتراجع الجيش، ونقل الجرحى بالمستشفيات، ولا بد للتصرف والاستراتيجية من عبدالله وزيلينسكي والمستشفى.";
        assert!(flagged_in(&JoinedWords, text, Some("ar")).is_empty());
    }

    #[test]
    fn names_and_glued_punctuation_are_left_alone() {
        // A name repeated under clitics, one that only looks like `في` +
        // a stem of the document, and a word glued to a quote mark.
        let text = "وصلت القوات إلى بالاكليا ثم غادرت وبالاكليا. قال فيلاديمير إن فلاديمير بوتين وصل. منظومة “هيمارس”أمريكية. قال بيلاوسوف إن الوزير بيلاوسوف وصل.";
        assert!(
            flagged_in(&JoinedWords, text, Some("ar")).is_empty(),
            "{:?}",
            flagged_in(&JoinedWords, text, Some("ar"))
        );
    }

    #[test]
    fn a_repeated_join_of_frequent_words_is_still_found() {
        let text = "استمر القتال علىمدار الأسبوع، واستمر القصف علىمدار اليوم.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ar")),
            ["علىمدار", "علىمدار"]
        );
    }

    #[test]
    fn inflections_and_prefixed_words_are_not_joins() {
        // English particle + content word: a compound.
        let en = "They plan to upsize the fleet and overdeliver on the promise, inthe end.";
        assert_eq!(flagged_in(&JoinedWords, en, Some("en")), ["inthe"]);
        // French future (infinitive + ending) and feminine `-enne`.
        let fr = "Les élèves se concentreront sur la cité cananéenne, dansla matinée.";
        assert_eq!(flagged_in(&JoinedWords, fr, Some("fr")), ["dansla"]);
    }

    #[test]
    fn latin_joins_in_english_and_french() {
        let en = "He was inthe room with most ofthe staff.";
        assert_eq!(flagged_in(&JoinedWords, en, Some("en")), ["inthe", "ofthe"]);
        assert_eq!(
            fixed(&JoinedWords, en, Some("en")),
            "He was in the room with most of the staff."
        );
        let fr = "Il est arrivé dansla maison avec les enfants.";
        assert_eq!(flagged_in(&JoinedWords, fr, Some("fr")), ["dansla"]);
    }

    #[test]
    fn clean_text_and_other_languages_are_quiet() {
        for (text, lang) in [
            (
                "Nevertheless, the Goodwin family bought a newspaper stand downtown.",
                "en",
            ),
            (
                "Néanmoins, le gouvernement a présenté aujourd'hui un porte-parole.",
                "fr",
            ),
            (
                "Железнодорожный вокзал и пятиэтажный дом стояли рядом.",
                "ru",
            ),
            (
                "Die Bundesverkehrsministerin besuchte den Hauptbahnhof.",
                "de",
            ),
            ("東京は日本の首都です。", "ja"),
        ] {
            assert!(
                flagged_in(&JoinedWords, text, Some(lang)).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn words_of_other_files_raise_confidence_but_do_not_decide() {
        let text = "قال المسؤول إن بيلوكاتالتصرف كان سريعا.";
        let alone = |folder: Option<Vocabulary>| {
            let mut doc = Document::new(text, Some("ar"));
            doc.folder_words = folder.map(std::sync::Arc::new);
            let mut out = Vec::new();
            JoinedWords.check(&doc, &mut out);
            out
        };
        // In the document alone, the unknown name gives no split.
        assert!(alone(None).is_empty());
        // Another file writes the name alone: still no split (the folder
        // does not decide), but a split that the document explains gets a
        // higher confidence when the folder has its pieces too.
        let other = "وصل بيلوكات أمس، ثم التصرف.";
        let mut v = Vocabulary::new();
        add_folder_words(&Document::new(other, Some("ar")), &mut v);
        assert!(v.count("بيلوكات") >= 1);
        assert!(alone(Some(v.clone())).is_empty());
        let text = "قال بيلوكات إن بيلوكاتالتصرف كان سريعا.";
        // The folder's words hold the document's own, as in a scan.
        add_folder_words(&Document::new(text, Some("ar")), &mut v);
        let with = |folder: Option<Vocabulary>| {
            let mut doc = Document::new(text, Some("ar"));
            doc.folder_words = folder.map(std::sync::Arc::new);
            let mut out = Vec::new();
            JoinedWords.check(&doc, &mut out);
            out
        };
        let (plain, folder) = (with(None), with(Some(v)));
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].fix.as_ref().unwrap().replacement, "بيلوكات التصرف");
        assert!(folder[0].confidence > plain[0].confidence);
    }

    /// The findings of `text` (Arabic) with the folder's words `folder`.
    fn findings_in(text: &str, folder: Option<&Vocabulary>) -> Vec<Diagnostic> {
        let mut doc = Document::new(text, Some("ar"));
        doc.folder_words = folder.cloned().map(std::sync::Arc::new);
        let mut out = Vec::new();
        JoinedWords.check(&doc, &mut out);
        out
    }

    #[test]
    fn a_remembered_verdict_is_the_verdict_the_document_would_get() {
        // The same unknown word in documents whose own words decide
        // differently, in every order: each gets what a first look gives.
        let word = "بيلوكاتالتصرف";
        let texts = [
            format!("قال المسؤول إن {word} كان سريعا."),
            format!("قال بيلوكات إن {word} كان سريعا."),
            format!("وصل {word} ثم {word} أمس."),
            format!("قال بيلوكات إن {word} كان سريعا، و{word} أيضا."),
        ];
        let mut folder = Vocabulary::new();
        add_folder_words(
            &Document::new("وصل بيلوكات أمس، ثم التصرف.", Some("ar")),
            &mut folder,
        );
        let first = |t: &str, f: Option<&Vocabulary>| {
            forget();
            findings_in(t, f)
        };
        let fresh: Vec<_> = texts
            .iter()
            .flat_map(|t| [first(t, None), first(t, Some(&folder))])
            .collect();
        assert!(fresh.iter().any(Vec::is_empty) && fresh.iter().any(|f| !f.is_empty()));
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]] {
            forget();
            for _ in 0..2 {
                for &i in &order {
                    assert_eq!(findings_in(&texts[i], None), fresh[2 * i], "{}", texts[i]);
                    assert_eq!(
                        findings_in(&texts[i], Some(&folder)),
                        fresh[2 * i + 1],
                        "{} with the folder",
                        texts[i]
                    );
                }
            }
        }
    }

    #[test]
    fn transliterated_names_are_not_cut_after_a_short_word() {
        // Made-up names that split into a function word and a known word
        // (`لا بيرو`, `ما رومي`), beside real joins with a short word.
        let text = "وقال لابيرو إن الفريق جاهز، وقال مارومي إن الوضع صعب. وصل الوفد فيالصباح، وهذا أمرلا يمكن قبوله.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ar")),
            ["فيالصباح", "أمرلا"]
        );
    }

    #[test]
    fn a_piece_without_its_hamza_is_no_word_unless_the_text_writes_it_so() {
        // `او` and `واين` are `أو` and `وأين` without their hamza: in text
        // that writes hamzas, `فيناو` is a name and `عنواين` a typo of
        // `عناوين`, while the join `فيأن` keeps its hamza and is split.
        let text = "قال فيناو إن عنواين الصحف تغيرت، ولا شك فيأن الأمر صعب.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ar")), ["فيأن"]);
        // A text that writes `او` alone writes it so in its joins too.
        let text = "جاء الوزير او نائبه، ثم قال فيناو كلمته.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ar")), ["فيناو"]);
    }

    #[test]
    fn foreign_names_are_not_cut() {
        // `كريستيانساند` is Kristiansand, `وهارتلبول` and Hartlepool, not
        // `كريستيان ساند` and `وهارت لبول`; the join of two rare words
        // beside them, which spells no name, is split.
        let text = "سافر كريستيانساند إلى وهارتلبول، ثم الأمرصعب اليوم.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ar")), ["الأمرصعب"]);
        // Frequent words side by side are a join whatever name they spell
        // (`في يوم`, Faiyum), and so is a word with Arabic spelling inside
        // (`فيأن`).
        let text = "وصل الوفد فييوم الأحد، ولا شك فيأن الأمر صعب.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ar")),
            ["فييوم", "فيأن"]
        );
    }

    #[test]
    fn a_swap_of_two_letters_of_a_frequent_word_is_a_typo_not_a_join() {
        // `مستقلبنا` is `مستقبلنا` with two letters swapped, far likelier
        // than `مستقل بنا` joined; `لامسلسل` reads as `المسلسل` swapped
        // too, but `لا` and `مسلسل` are frequent enough for the join to win,
        // and `منتلك` is `من تلك` rather than `نمتلك`.
        let text = "نحن نبني مستقلبنا معًا. لامسلسل اليوم، ولم يبق منتلك الأيام شيء.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ar")),
            ["لامسلسل", "منتلك"]
        );
    }

    #[test]
    fn a_frequent_word_with_a_dropped_letter_is_a_typo_not_a_join() {
        // `البولونيو` is `البولونيوم` without its last letter, not `البول
        // ونيو`; `لايزال` could be `ولايزال` without its `و`, but `لا
        // يزال` is far likelier.
        let text = "تسمم بمادة البولونيو المشعة، ولكنه لايزال حيا.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ar")), ["لايزال"]);
        // The same in English: `beteen` is `between`, `inthe` no word.
        let text = "It fell beteen the chairs, inthe end.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("en")), ["inthe"]);
    }

    #[test]
    fn words_of_the_spelling_dictionary_are_words() {
        // Below the frequency list's Zipf 2 but in SCOWL: `megrim` is no
        // `me grim`, `accessor` no `access or`; `ofthe` is in neither.
        let text = "The megrim passed, the accessor returned insecurely, ofthe rest nothing.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("en")), ["ofthe"]);
        let en = lexicon::lexicon("en").unwrap();
        assert!(en.in_dictionary("megrim") && !en.in_dictionary("ofthe"));
        // Only words the rule could cut are stored: `the` is in the
        // frequency list, `xylophonist` holds no function word.
        assert!(!en.in_dictionary("the") && !en.in_dictionary("xylophonist"));
    }

    #[test]
    fn rare_inflections_of_the_hunspell_dictionaries_are_words() {
        // Forms below Zipf 2 that the French, Russian and Spanish
        // dictionaries inflect: past tenses, adjectives, a genitive plural,
        // a future.
        let text = "Il coinça la porte de l'opérateur unaire, puis dansle jardin.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("fr")), ["dansle"]);
        let text = "Счета водоканалов в топологическом смысле, и чтоон сказал.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ru")), ["чтоон"]);
        let fr = lexicon::lexicon("fr").unwrap();
        assert!(fr.in_dictionary("coinça") && !fr.in_dictionary("dansle"));
        // Forms that `unmunch` writes but `hunspell` rejects are left out.
        assert!(!fr.in_dictionary("quele"));
        let ru = lexicon::lexicon("ru").unwrap();
        assert!(ru.in_dictionary("водоканалов") && !ru.in_dictionary("чтоон"));
        // `sincrónicas` was `sin crónicas` with a safe fix.
        let text = "Las señales sincrónicas, supondremos, y sepuede ver.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("es")), ["sepuede"]);
        // The future subjunctive is left out: `buscaren` is `buscar en`.
        let es = lexicon::lexicon("es").unwrap();
        assert!(es.in_dictionary("supondremos") && !es.in_dictionary("buscaren"));
    }

    #[test]
    fn a_spanish_infinitive_with_its_pronouns_is_a_word() {
        let text = "Hay que definirlos, truncarlo y decírtelo, pero elnombre falta.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("es")), ["elnombre"]);
        let es = lexicon::lexicon("es").unwrap();
        for word in ["definirlos", "truncarlo", "dárselo", "decírtelo", "reírse"] {
            assert!(spanish_infinitive_with_pronouns(es, word), "{word}");
        }
        // A noun in `-er` is no infinitive, two pronouns need the accent,
        // and `par` + `se` is too short to be one.
        for word in ["carácterse", "darselo", "parse", "elnombre"] {
            assert!(!spanish_infinitive_with_pronouns(es, word), "{word}");
        }
    }

    #[test]
    fn a_rare_word_known_in_other_forms_is_a_word() {
        // `هيمن` is rare, but `يهيمن` and `هيمنة` are not: a verb, not
        // `هي من`.
        assert!(flagged_in(&JoinedWords, "هيمن الجيش على المدينة.", Some("ar")).is_empty());
        assert_eq!(
            flagged_in(&JoinedWords, "قالت إنهاهي من بدأ.", Some("ar")),
            ["إنهاهي"]
        );
    }

    #[test]
    fn words_of_the_far_tail_are_words_but_its_joins_are_not() {
        // `دبلوماسيان` and `تشينغهاي` are written as one far more often
        // than a typo of `دبلوم اسيان` or `تشينغ هاي` could be; the tail's
        // `أكثرمن` is no more frequent than such a typo.
        let text = "وصل دبلوماسيان إلى تشينغهاي، وهذا أكثرمن المتوقع.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ar")), ["أكثرمن"]);
        assert!(lexicon::lexicon("ar")
            .and_then(|l| l.far_tail("دبلوماسيان"))
            .is_some());
    }

    #[test]
    fn a_repeated_word_of_short_pieces_is_a_name() {
        let once = "قال إليفي كلاما.";
        assert_eq!(flagged_in(&JoinedWords, once, Some("ar")), ["إليفي"]);
        let twice = "قال إليفي كلاما. ثم عاد إليفي إلى البيت.";
        assert!(flagged_in(&JoinedWords, twice, Some("ar")).is_empty());
    }

    #[test]
    fn stems_with_endings_are_words_and_pieces() {
        // Valid forms with a pronoun or plural ending are quiet ...
        let valid = "تقلباتهم كثيرة في لمعمله الجديد وبهوسنا القديم.";
        assert!(flagged_in(&JoinedWords, valid, Some("ar")).is_empty());
        // ... and count as pieces, `ة` written `ت` before the ending.
        let text = "إنه لمتستبدله بعد، وكانت مزحتهكبيرة.";
        let f = fixed(&JoinedWords, text, Some("ar"));
        assert!(f.contains("لم تستبدله") && f.contains("مزحته كبيرة"), "{f}");
    }

    #[test]
    fn rare_long_words_and_weak_short_ones_join_frequent_words() {
        let text = "لكنماكغريغور فاز، والأسعار تظلغير مستقرة.";
        let f = fixed(&JoinedWords, text, Some("ar"));
        assert!(f.contains("لكن ماكغريغور") && f.contains("تظل غير"), "{f}");
        // A weak three-letter word beside a less frequent one is not
        // enough: `تظل` (Zipf 4.3) and `مستقرة` (4.2).
        assert!(flagged_in(&JoinedWords, "الأسعار تظلمستقرة.", Some("ar")).is_empty());
    }

    #[test]
    fn weak_two_letter_words_join_only_very_frequent_ones() {
        let f = fixed(&JoinedWords, "ارتفعت الأسعار إلىحد كبير.", Some("ar"));
        assert!(f.contains("إلى حد كبير"), "{f}");
        // `دي` and `سي` (Zipf 5 to 5.5) beside rarer words are syllables
        // of names and the future prefix, not words.
        for w in ["فاز ديشامبو باللقب.", "قال إنه سيلاحقهما غدا."]
        {
            assert!(flagged_in(&JoinedWords, w, Some("ar")).is_empty(), "{w}");
        }
    }

    #[test]
    fn pieces_are_cut_where_arabic_spelling_allows() {
        let cases = [
            // Tanween ends a word: only its alif follows, no word starts on it.
            ("قال وفقًالتقرير الشرطة.", "وفقًا لتقرير"),
            ("عمل مساعداًلكبير المدربين.", "مساعداً لكبير"),
            ("شكرًالكم جميعا.", "شكرًا لكم"),
            // `ل` + `ال` is `لل`: no piece starts with `لال`.
            ("أضرب عمالالنسيج أمس.", "عمال النسيج"),
            // A final alif with hamza starts the next word unless the
            // piece is a word as written.
            ("قال إنه لمأتنازل عن حقي.", "لم أتنازل"),
            ("وخطرإفلاسها كبير.", "وخطر إفلاسها"),
            ("ثم بدأالعمل في المصنع.", "بدأ العمل"),
            // `ك` before the article is the pronoun of the word before ...
            ("أثق في قدرتكالكاملة على النجاح.", "قدرتك الكاملة"),
            // ... unless that word with it is no word.
            ("أصبحكالمجنون في الشارع.", "أصبح كالمجنون"),
            ("كانكالبحر الواسع.", "كان كالبحر"),
        ];
        for (text, want) in cases {
            let f = fixed(&JoinedWords, text, Some("ar"));
            assert!(f.contains(want), "{text} → {f}");
        }
    }

    #[test]
    fn a_negation_written_onto_its_verb_is_a_join() {
        let text = "قال إن الوضع لايزال صعبا ولايمكن قبوله ومايمكن فعله قليل.";
        let f = fixed(&JoinedWords, text, Some("ar"));
        assert!(
            f.contains("لا يزال") && f.contains("ولا يمكن") && f.contains("وما يمكن"),
            "{f}"
        );
        // Words that start like a negation: a clitic and a noun, nouns.
        let words = "وصل لاعب لانتاج فيلم في مايو عن لاتيني ولاجئ ولانتاج.";
        assert!(flagged_in(&JoinedWords, words, Some("ar")).is_empty());
    }

    #[test]
    fn a_tanween_ends_the_word_before() {
        assert!(flagged_in(&JoinedWords, "كان تصورياً وأعزلاً.", Some("ar")).is_empty());
        // The alif of a tanween stays with it.
        let f = fixed(
            &JoinedWords,
            "قال إن ذلك سبب صداعًالرئيس الوزراء.",
            Some("ar"),
        );
        assert!(f.contains("صداعًا لرئيس"), "{f}");
    }

    #[test]
    fn the_future_prefix_goes_only_on_a_verb() {
        // `سفيغاس` is no `س` + `فيغاس`: the name is not cut after `لا`.
        let f = fixed(&JoinedWords, "سافر إلى لاسفيغاس أمس.", Some("ar"));
        assert!(!f.contains("لا سفيغاس"), "{f}");
        // Before a verb it is the future (`لا سيتحقق` is a join).
        let f = fixed(&JoinedWords, "قال إن الحلم لاسيتحقق أبدا.", Some("ar"));
        assert!(f.contains("لا سيتحقق"), "{f}");
    }

    #[test]
    fn a_repeated_join_of_long_frequent_words_is_found() {
        let text = "وقال الاتحادالأوروبي إنه قلق. ورد الاتحادالأوروبي على المطالب.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ar")),
            ["الاتحادالأوروبي", "الاتحادالأوروبي"]
        );
    }

    #[test]
    fn no_preposition_written_onto_a_word_after_a_preposition() {
        // `في ل+تيري`, `لا ب+روكا`, `وما ل+منارة`: names; `في لبنان`, `وما
        // لديهم`: joins.
        let text = "قال فيلتيري إن لابروكا وصل إلى ومالمنارة، وكان ذلك فيلبنان ومالديهم.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ar")),
            ["فيلبنان", "ومالديهم"]
        );
    }

    #[test]
    fn a_negation_of_the_past_takes_a_verb() {
        // `ل` + `مكنوننا` (for what we hide), not `لم` + a noun.
        assert!(flagged_in(&JoinedWords, "هذا انعكاس لمكنوننا.", Some("ar")).is_empty());
        let f = fixed(&JoinedWords, "قال إنه لميكن هناك أحد.", Some("ar"));
        assert!(f.contains("لم يكن"), "{f}");
    }

    #[test]
    fn the_article_takes_a_stem_of_three_letters() {
        assert!(flagged_in(&JoinedWords, "خطة لعبة الداما الجديدة.", Some("ar")).is_empty());
        // ... and a noun: `كلا` is a particle, so `والكلا` is no word.
        let text = "المنطقة الملكية البولية والكلابرية.";
        assert!(flagged_in(&JoinedWords, text, Some("ar")).is_empty());
        let f = fixed(&JoinedWords, "ذهبوا إلى والكتابرائع.", Some("ar"));
        assert!(f.contains("والكتاب رائع"), "{f}");
    }

    #[test]
    fn a_rare_three_letter_piece_makes_no_safe_fix() {
        assert_eq!(
            applicabilities("وقال إن الأمرصعب اليوم.", "ar"),
            [Some(Applicability::Unsafe)]
        );
        // A frequent three-letter word still makes one: `كان`.
        assert_eq!(
            applicabilities("وقال إن الوضع كانذلك اليوم صعبا.", "ar"),
            [Some(Applicability::Safe)]
        );
    }

    /// The applicability of each finding's fix.
    fn applicabilities(text: &str, lang: &str) -> Vec<Option<Applicability>> {
        crate::rules::testing::diagnostics(&JoinedWords, text, Some(lang))
            .iter()
            .map(|d| d.fix.as_ref().map(|f| f.applicability))
            .collect()
    }

    #[test]
    fn a_latin_word_cut_in_three_holds_one_content_word() {
        let f = fixed(&JoinedWords, "They met inthecity yesterday.", Some("en"));
        assert!(f.contains("in the city"), "{f}");
        let text = "A discordance between the two reports.";
        assert!(flagged_in(&JoinedWords, text, Some("en")).is_empty());
    }

    #[test]
    fn a_prefix_before_a_content_word_makes_no_safe_fix() {
        let cases = [
            // `sobre` + a verb may be a compound (`sobreescribir`, a
            // variant of `sobrescribir`), not `sobre escribir`.
            (
                "Desea sobreescribir el archivo.",
                "es",
                Applicability::Unsafe,
            ),
            // Before a function word it is a plain join.
            ("Lo dejó sobrela mesa.", "es", Applicability::Safe),
            ("Il vit entreles murs.", "fr", Applicability::Safe),
            ("It fell underthe table.", "en", Applicability::Safe),
        ];
        for (text, lang, want) in cases {
            assert_eq!(applicabilities(text, lang), [Some(want)], "{text}");
        }
    }

    #[test]
    fn an_ambiguous_cut_makes_no_safe_fix() {
        let cases = [
            // `personne sont` or `personnes ont`, `as hot` or `a shot`.
            ("Les personnesont dit non.", "fr", Applicability::Unsafe),
            ("It was ashot in the dark.", "en", Applicability::Unsafe),
            // One cut only: `dans la`, `house was`.
            ("Il est dansla maison.", "fr", Applicability::Safe),
            ("The housewas empty.", "en", Applicability::Safe),
        ];
        for (text, lang, want) in cases {
            assert_eq!(applicabilities(text, lang), [Some(want)], "{text}");
        }
    }

    #[test]
    fn name_likeness_favours_names_over_joins() {
        assert!(junctions().is_some());
        let score = |w: &str, pieces: &[&str]| {
            let texts: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
            name_likeness(w, &normalize(w), &texts, w.chars().count())
        };
        assert!(score("لابيرو", &["لا", "بيرو"]) > 1.0);
        assert_eq!(score("أمرلا", &["أمر", "لا"]), 0.0);
        assert_eq!(score("المراكزمنذ", &["المراكز", "منذ"]), 0.0);
    }

    #[test]
    fn russian_joins_are_found() {
        let text = "Президент заявил, чтоэто решение было принято вчера.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ru")), ["чтоэто"]);
    }

    #[test]
    fn russian_one_letter_words_and_prepositions_are_pieces() {
        // A one-letter preposition, a preposition before a noun, `не`
        // before a verb, `и` after a word that ends in a vowel.
        let text = "Он выступил вкачестве эксперта, и они нехотят ехать, а до конца годаи дальше.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ru")),
            ["вкачестве", "нехотят", "годаи"]
        );
        assert_eq!(
            fixed(&JoinedWords, "Это было вкачестве примера.", Some("ru")),
            "Это было в качестве примера."
        );
    }

    #[test]
    fn russian_prefixes_and_endings_are_no_joins() {
        // `со` before a vowel and `не` before an adjective are prefixes of
        // compounds; `под` prefixes nouns; an inflection is no `а` or `у`;
        // one-letter words in a cut of three are letters of a word.
        let text = "Карильон звонил: соведущим неанглийской программы о подпроцессе \
                    карильона и маппет маппетов сказали.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ru")), [""; 0]);
        assert!(russian_compound(&["карильон", "а"], &[30, 60]));
        assert!(russian_compound(&["маппет", "о", "в"], &[30, 67, 76]));
        assert!(russian_compound(&["со", "ведущим"], &[61, 40]));
        assert!(russian_compound(&["не", "английской"], &[72, 40]));
        assert!(russian_compound(&["о", "бегали"], &[67, 35]));
        assert!(!russian_compound(&["со", "счетом"], &[61, 41]));
        assert!(!russian_compound(&["не", "имела"], &[72, 46]));
        assert!(!russian_compound(&["не", "было"], &[72, 64]));
        assert!(!russian_compound(&["года", "и"], &[62, 75]));
    }

    #[test]
    fn russian_rare_inflections_and_words_in_o_beside_a_function_word() {
        // `водителям` and `тираном` are rare in the lexicon, `примерно`
        // and `глубоко` end like the stem of a compound (`само` +
        // `стрелами`).
        let text = "Это касается кводителям такси, еготираном считают, и примернокак \
                    всегда глубокона юге.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ru")),
            ["кводителям", "еготираном", "примернокак", "глубокона"]
        );
        // A participle after `не`, a name first in its sentence, a rare
        // word before a one-letter one.
        let text = "Там несформировавшиеся рынки.\nКайван сказал это вчера.\nЯзык сонинк у них.";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ru")), [""; 0]);
    }

    #[test]
    fn russian_capitals_inside_a_word_or_first_in_a_sentence() {
        let text = "ЧленыАссамблеи Уэльса спорят. Вэтом году они решили иначе.";
        assert_eq!(
            flagged_in(&JoinedWords, text, Some("ru")),
            ["ЧленыАссамблеи", "Вэтом"]
        );
        assert_eq!(
            fixed(&JoinedWords, text, Some("ru")),
            "Члены Ассамблеи Уэльса спорят. В этом году они решили иначе."
        );
        // A name's particle (`Мак`), a capitalised word inside a sentence,
        // a name before `с`, and a sentence of one word (a list's label).
        let text = "МакГрегор и Вэтом спорят.\nДжейнс сказала это вчера.\nКремона";
        assert_eq!(flagged_in(&JoinedWords, text, Some("ru")), [""; 0]);
    }
}
