//! Alphabets: letters of the right script but the wrong language
//! (`foreign-letters`), from per-language alphabet tables derived from CLDR
//! exemplar characters (`data/alphabets/`).
//!
//! A Persian keyboard types `ی ک` where Arabic has `ي ك`; a system that
//! hallucinates Mongolian writes `ө ү` among Russian letters. Both look
//! almost right and are invisible to whatlang, which has no Mongolian.

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use unicode_script::Script;

use crate::language::alphabet::{alphabet, alphabets, Alphabet};
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::script::{family, letter_script};
use crate::text::{case, Document, TokenKind};

/// How the letters of one script are judged in a document.
#[derive(Clone, Copy)]
enum Policy {
    /// Words in the document language's own script: its main letters, and
    /// its auxiliary letters unless they belong to the main alphabet of
    /// another language whatlang knows (Arabic lists `ی ک` as auxiliary,
    /// but they are Persian and Urdu letters).
    Language(&'static Alphabet),
    /// Words of another script, or of a document in an unknown language:
    /// the letters of every whatlang language of the script.
    Script,
    /// Latin: names and loanwords keep their letters (`Gdańsk`, `Erdoğan`),
    /// so only letters of no Latin alphabet at all are flagged.
    Latin,
}

fn policy(script: Script, doc_lang: Option<&'static Alphabet>) -> Policy {
    match doc_lang {
        _ if script == Script::Latin => Policy::Latin,
        Some(a) if a.script == script => Policy::Language(a),
        _ => Policy::Script,
    }
}

/// The lowercase form of a letter, when it is one character.
fn lower(c: char) -> char {
    // Most letters are lowercase already, or ASCII.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if case::is_lowercase(c) || matches!(c as u32, 0x0600..=0x06FF) {
        return c;
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// Whether `c` (lowercase, of `script`) is a letter the policy accepts.
fn allowed(c: char, script: Script, policy: Policy) -> bool {
    let same = || alphabets().iter().filter(move |a| a.script == script);
    match policy {
        Policy::Language(own) => {
            own.has_main(c)
                || (own.has_aux(c)
                    && !same().any(|a| a.whatlang && a.code != own.code && a.has_main(c)))
        }
        Policy::Script => same().any(|a| a.whatlang && (a.has_main(c) || a.has_aux(c))),
        Policy::Latin => same().any(|a| a.has_main(c) || a.has_aux(c)),
    }
}

/// Languages of `script` other than `except` whose main alphabet has every
/// letter of `letters`, in table order.
fn owners(letters: &[char], script: Script, except: Option<&str>) -> Vec<&'static Alphabet> {
    alphabets()
        .iter()
        .filter(|a| a.script == script && Some(a.code) != except)
        .filter(|a| letters.iter().all(|&c| a.has_main(c)))
        .collect()
}

/// `Mongolian/Kazakh`: the first two owners, those whatlang knows first
/// (`ك` is Arabic, though Uyghur writes it too).
fn owner_names(owners: &[&Alphabet]) -> String {
    let known = owners.iter().any(|a| a.whatlang);
    owners
        .iter()
        .filter(|a| a.whatlang || !known)
        .take(2)
        .map(|a| a.name)
        .collect::<Vec<_>>()
        .join("/")
}

/// `foreign-letters`: letters of the right script but another language.
pub struct ForeignLetters;

static FOREIGN_LETTERS: RuleMeta = RuleMeta {
    id: "foreign-letters",
    severity: Severity::Warning,
    harm: Harm::Letters,
    summary:
        "Letters of the right script but another language (Persian ی ک in Arabic, Mongolian ө ү)",
    explanation: r#"## What it does
Flags words with letters of the document's script that the document's
language does not use, by per-language alphabets taken from CLDR exemplar
characters: Persian and Urdu letters in Arabic (`فی`, `کان`, `گ`, `ٹ`),
Mongolian and Kazakh letters among Cyrillic (`ө ү ә қ ң`), Ukrainian and
Belarusian letters in Russian (`і ї є ґ ў`), Russian letters in Ukrainian
(`ы э ъ ё`), and the like for every Arabic-script and Cyrillic language
whatlang knows. A language's auxiliary letters (CLDR's letters of loanwords)
are accepted unless another language whatlang knows has them in its main
alphabet: Arabic accepts `ڤ` (for V) but not `ی`.

Words of another script than the document language's are judged by all the
languages whatlang knows in that script: a Cyrillic word in an Arabic
article may be Russian, Ukrainian or Serbian, but `ө` and `ү` are none of
those, so `чөийн` is flagged as Mongolian/Kazakh. One finding a word; the
message names the letters and the languages they belong to.

When whatlang's guess for a Cyrillic document is plainly contradicted by its
letters (Russian taken for Ukrainian because of two `і`: one word in twenty
or more has letters the guess lacks, and another language explains four
times as many words), the letters decide; when whatlang has no guess, the
Cyrillic language whatlang knows that fits all but one word in twenty is
used.

In Latin-script text it flags only letters that no Latin alphabet of the
table has, main or auxiliary (IPA letters such as `ʃ`, `ɣ`).

## Why is this bad?
A Persian `ی` inside an Arabic word looks like Arabic `ي`/`ى` but is
another character: search, spell-checking and sorting miss the word, and it
shows the text was typed on the wrong keyboard or came through a Persian
system. Mongolian or Kazakh letters in Russian or Arabic text are a sign of
machine-translation garble: whatlang has no Mongolian, so this rule is how
mtlint sees it.

## Example
```text
وقال الرئیس فی کلمته          → وقال الرئيس في كلمته
птин кре мид чөийн жилилараг  (Mongolian/Kazakh letter ө in a Cyrillic word)
Он приехал у Київ вчера        (Ukrainian letter ї in Russian text)
```

## Fix safety
Only Arabic-script words get a fix. `ک`→`ك` and `ی` before another letter →
`ي` are **safe**: the same letter of another keyboard. `ی` (and Urdu `ے`, `ہ`,
Persian `ۀ`) at the end of a word is `ي` or `ى` (`ه` or `ة`): the rule picks
the spelling the document itself uses most (`في` and not `فى`) and marks the
fix **unsafe**; when the document uses neither, there is no fix. `ھ`→`ه`,
`ں`→`ن` and Sindhi `ڪ`→`ك` are **unsafe**. In Persian and Urdu text, Arabic
`ي ى ك` become `ی ک` (**safe**). Letters with no Arabic counterpart (`پ چ ژ گ ٹ`)
get no fix, nor does any Cyrillic or Latin word.

## Limits
It does not judge Latin-script text by language: names and loanwords keep
their letters in news (`Gdańsk`, `Erdoğan`, `Müller`), so a Polish or Turkish
letter in English or French text is never flagged, nor is a wrong-keyboard
letter such as Turkish `ı` in an English word. It covers only the Arabic,
Cyrillic and Latin scripts (not Greek, Hebrew, Devanagari…), only
precomposed letters (a letter built from a base and a combining mark is read
as its base), and only letters: Persian digits (`۱۲۳`) and `ه‍` with a joiner
are not its business. A foreign letter that the document language also has
(`і` is Ukrainian and Kazakh; in Kazakh text it is right) is only seen when
the document language is right: declare it with `--lang` for Kazakh,
Mongolian or other languages whatlang does not know. Quoted names in their
own spelling (a Ukrainian `Київ` in Russian text) are flagged too. A whole
article typed on a Persian keyboard is detected as Persian and then has
nothing to flag (declare `--lang ar`); a whole Mongolian or Kazakh article
read as Russian gets a finding on most words.
"#,
};

impl Rule for ForeignLetters {
    fn meta(&self) -> &'static RuleMeta {
        &FOREIGN_LETTERS
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let doc_lang = match doc.lang() {
            Some(code) => alphabet(code).map(|a| letters_language(doc, a)),
            None => doc.script.and_then(|s| guess_language(doc, s)),
        };
        let mut counts: Option<HashMap<&str, usize>> = None;
        // Whether each letter of the Cyrillic and Arabic blocks is foreign
        // on its own (2) or not (1), worked out on first sight: a word of
        // letters that are not has none (see `letters_of`), and most words
        // are such, so they skip the memo's look-up.
        let mut foreign = [0u8; 512];
        let mut quiet = |c: char| {
            let i = match c as u32 {
                u @ 0x0400..=0x04FF => u - 0x0400,
                u @ 0x0600..=0x06FF => u - 0x0600 + 256,
                _ => return false,
            } as usize;
            if foreign[i] == 0 {
                foreign[i] = if letters_of(c.encode_utf8(&mut [0; 4]), doc_lang).is_some() {
                    2
                } else {
                    1
                };
            }
            foreign[i] == 1
        };
        for tok in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = tok.text(doc.text);
            // Fast path: ASCII words have no foreign letters, nor do words
            // of letters that are not foreign one by one.
            if word.chars().all(|c| c.is_ascii() || quiet(c)) {
                continue;
            }
            let Some((script, letters)) = foreign_letters(word, doc_lang) else {
                continue;
            };
            let policy = policy(script, doc_lang);
            let range = tok.range.clone();
            let mut d = Diagnostic::new(range.clone(), message(&letters, script, policy, doc))
                .confidence(match policy {
                    Policy::Latin => 0.6,
                    _ => 0.9,
                });
            if script == Script::Arabic {
                if let Policy::Language(own) = policy {
                    let counts = counts.get_or_insert_with(|| word_counts(doc));
                    if let Some((fixed, applicability)) = arabic_fix(word, own.code, counts) {
                        d = d.fix(range, fixed, applicability);
                    }
                }
            }
            out.push(d);
        }
    }
}

/// The document's language, or another language whatlang knows of the same
/// script when the letters of the text say so: whatlang takes Russian for
/// Bulgarian or Ukrainian now and then (a few Ukrainian letters are enough),
/// and a finding on every `ы` is then no help. When more than one word in
/// twenty of the script has letters the language lacks, and another
/// language lacks letters of a quarter as many words or fewer, that one is
/// the language. Not for Arabic script, which `lang` already tells from
/// Persian and Urdu by these very letters, nor for Latin, judged by no
/// single language.
fn letters_language(doc: &Document, own: &'static Alphabet) -> &'static Alphabet {
    if matches!(own.script, Script::Arabic | Script::Latin) {
        return own;
    }
    let words = script_words(doc, own.script);
    let n_own = foreign_words(&words, own);
    if n_own < 3 || n_own * 20 <= words.len() {
        return own;
    }
    match best_language(&words, own.script, Some(own.code)) {
        Some((n, a)) if n * 4 <= n_own => a,
        _ => own,
    }
}

/// For a document in no known language (too short or too unsure for
/// whatlang), the language whatlang knows in a Cyrillic-like script whose
/// alphabet fits all but one word in twenty; none for Arabic and Latin,
/// where the letters decide nothing.
fn guess_language(doc: &Document, script: Script) -> Option<&'static Alphabet> {
    if matches!(script, Script::Arabic | Script::Latin) {
        return None;
    }
    let words = script_words(doc, script);
    match best_language(&words, script, None) {
        Some((n, a)) if n * 20 <= words.len() => Some(a),
        _ => None,
    }
}

/// The non-ASCII words of `script` in the document.
fn script_words<'a>(doc: &Document<'a>, script: Script) -> Vec<&'a str> {
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.script.map(family) == Some(script))
        .map(|t| t.text(doc.text))
        .filter(|w| !w.is_ascii())
        .collect()
}

/// How many of `words` have letters the language `a` lacks.
fn foreign_words(words: &[&str], a: &'static Alphabet) -> usize {
    words
        .iter()
        .filter(|w| foreign_letters(w, Some(a)).is_some())
        .count()
}

/// The language whatlang knows in `script` (other than `except`) that
/// lacks letters of the fewest words, first in table order on a tie.
fn best_language(
    words: &[&str],
    script: Script,
    except: Option<&str>,
) -> Option<(usize, &'static Alphabet)> {
    alphabets()
        .iter()
        .filter(|a| a.whatlang && a.script == script && Some(a.code) != except)
        .map(|a| (foreign_words(words, a), a))
        .min_by_key(|&(n, _)| n)
}

/// What [`foreign_letters`] found in a word.
type Found = Option<(Script, Vec<char>)>;

/// What was found in each word seen, for one alphabet.
type Seen = FxHashMap<Box<str>, Found>;

/// How many words a thread keeps the letters of, for one language, before
/// it starts over.
const MEMO_WORDS: usize = 100_000;

thread_local! {
    /// [`letters_of`] of the words seen before in this run, by the
    /// document's alphabet, which is all it depends on: each distinct word
    /// is looked at once, not each token.
    static SEEN: RefCell<FxHashMap<Option<&'static str>, Seen>> = RefCell::default();
}

/// The script and the distinct foreign letters (lowercase, in order) of the
/// first script of `word` that has any (remembered: see [`SEEN`]).
fn foreign_letters(word: &str, doc_lang: Option<&'static Alphabet>) -> Found {
    SEEN.with_borrow_mut(|seen| {
        let seen = seen.entry(doc_lang.map(|a| a.code)).or_default();
        if let Some(found) = seen.get(word) {
            return found.clone();
        }
        if seen.len() >= MEMO_WORDS {
            seen.clear();
        }
        let found = letters_of(word, doc_lang);
        seen.insert(word.into(), found.clone());
        found
    })
}

/// [`foreign_letters`], worked out.
fn letters_of(word: &str, doc_lang: Option<&'static Alphabet>) -> Found {
    let mut found: Option<(Script, Vec<char>)> = None;
    for c in word.chars() {
        if c.is_ascii() {
            continue;
        }
        let Some(script) = letter_script(c).map(family) else {
            continue;
        };
        if !matches!(script, Script::Arabic | Script::Cyrillic | Script::Latin) {
            continue;
        }
        if found.as_ref().is_some_and(|(s, _)| *s != script) {
            continue;
        }
        let policy = policy(script, doc_lang);
        let l = lower(c);
        if allowed(l, script, policy) {
            continue;
        }
        // Outside Latin, only letters that some other language writes:
        // a letter of no alphabet (Quranic `ٱ`) is not a wrong keyboard.
        let except = match policy {
            Policy::Language(a) => Some(a.code),
            _ => None,
        };
        if script != Script::Latin && owners(&[l], script, except).is_empty() {
            continue;
        }
        let (_, letters) = found.get_or_insert_with(|| (script, Vec::new()));
        if !letters.contains(&l) {
            letters.push(l);
        }
    }
    found
}

fn message(letters: &[char], script: Script, policy: Policy, doc: &Document) -> String {
    let list = letters
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let plural = if letters.len() == 1 { "" } else { "s" };
    let (except, place) = match policy {
        Policy::Language(a) => (Some(a.code), format!("in {} text", a.name)),
        _ => {
            let of = doc
                .lang()
                .and_then(alphabet)
                .map(|a| format!(" of {} text", a.name))
                .unwrap_or_default();
            (None, format!("in a {} word{of}", script.full_name()))
        }
    };
    if policy_is_latin(policy) {
        return format!("letter{plural} {list} of no Latin alphabet mtlint knows");
    }
    let all = owners(letters, script, except);
    if !all.is_empty() {
        return format!("{} letter{plural} {list} {place}", owner_names(&all));
    }
    let each = letters
        .iter()
        .map(|&c| format!("{c} ({})", owner_names(&owners(&[c], script, except))))
        .collect::<Vec<_>>()
        .join(", ");
    format!("letters {each} {place}")
}

fn policy_is_latin(p: Policy) -> bool {
    matches!(p, Policy::Latin)
}

/// How often each word occurs in the document, for picking the document's
/// own spelling of an ambiguous final letter.
fn word_counts<'a>(doc: &Document<'a>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        *counts.entry(t.text(doc.text)).or_insert(0) += 1;
    }
    counts
}

/// The word respelled in the alphabet of `target` (Arabic, Persian or
/// Urdu), and whether that is safe; `None` when a letter has no counterpart
/// or an ambiguous final letter finds no spelling in the document.
fn arabic_fix(
    word: &str,
    target: &str,
    counts: &HashMap<&str, usize>,
) -> Option<(String, Applicability)> {
    let chars: Vec<char> = word.chars().collect();
    // Index of the last letter: a final form is ambiguous there.
    let last = chars.iter().rposition(|c| letter_script(*c).is_some());
    let mut out = String::with_capacity(word.len());
    let mut safe = true;
    let mut ambiguous: Option<(usize, [char; 2])> = None;
    for (i, &c) in chars.iter().enumerate() {
        let final_letter = Some(i) == last;
        let to = match (target, c) {
            ("ar", 'ک') => 'ك',
            ("ar", 'ی') if !final_letter => 'ي',
            ("ar", 'ی' | 'ے') => {
                ambiguous = Some((out.len(), ['ي', 'ى']));
                'ي'
            }
            ("ar", 'ۀ' | 'ہ') if final_letter => {
                ambiguous = Some((out.len(), ['ة', 'ه']));
                'ة'
            }
            ("ar", 'ۀ' | 'ہ' | 'ھ') => {
                safe = false;
                'ه'
            }
            ("ar", 'ں') => {
                safe = false;
                'ن'
            }
            ("ar", 'ڪ') => {
                safe = false;
                'ك'
            }
            ("fa" | "ur", 'ي' | 'ى') => 'ی',
            ("fa" | "ur", 'ك') => 'ک',
            (_, c) if letter_script(c) == Some(Script::Arabic) => {
                // Every other letter must be one the target accepts.
                let own = alphabet(target)?;
                if !allowed(c, Script::Arabic, Policy::Language(own)) {
                    return None;
                }
                c
            }
            (_, c) => c,
        };
        out.push(to);
    }
    if let Some((at, options)) = ambiguous {
        // The spelling the document uses most; none, or a tie: no fix.
        let spelled = |o: char| {
            let mut s = out.clone();
            s.replace_range(at..at + o.len_utf8(), "");
            s.insert(at, o);
            s
        };
        let [a, b] = options.map(spelled);
        let n = |s: &String| counts.get(s.as_str()).copied().unwrap_or(0);
        let (na, nb) = (n(&a), n(&b));
        if na == nb {
            return None;
        }
        return Some((if na > nb { a } else { b }, Applicability::Unsafe));
    }
    if out == word {
        return None;
    }
    let applicability = if safe {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Some((out, applicability))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged_in};

    const AR: &str = "زار الرئيس الروسي منطقة كورسك يوم الأربعاء في أول زيارة له إلى المنطقة، وقال إن القوات تقدمت على الجبهة.";
    const RU: &str =
        "Президент России посетил Курскую область в среду и заявил, что войска продвигаются.";

    #[test]
    fn table_is_complete() {
        let ar = alphabet("ar").unwrap();
        assert!(ar.has_main('ي') && ar.has_aux('ی') && !ar.has_main('ی'));
        assert_eq!(alphabet("ru").unwrap().script, Script::Cyrillic);
        assert!(alphabet("mn").unwrap().has_main('ө'));
        assert!(alphabets().len() > 50);
    }

    #[test]
    fn persian_letters_in_arabic() {
        let text = format!("{AR} وقال الرئیس فی کلمته إن الحرب علی وشك الانتهاء.");
        let d = diagnostics(&ForeignLetters, &text, Some("ar"));
        let f: Vec<&str> = d.iter().map(|d| &text[d.range.clone()]).collect();
        assert_eq!(f, ["الرئیس", "فی", "کلمته", "علی"]);
        assert_eq!(d[0].message, "Persian/Urdu letter ی in Arabic text");
        assert_eq!(d[2].message, "Persian/Urdu letter ک in Arabic text");
        // Medial ی and ک: safe; final ی: the document's own spelling, unsafe.
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        assert_eq!(d[1].fix.as_ref().unwrap().replacement, "في");
        assert_eq!(
            d[1].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        assert_eq!(d[3].fix.as_ref().unwrap().replacement, "على");
        let out = fixed(&ForeignLetters, &text, Some("ar"));
        assert!(
            out.ends_with("وقال الرئيس في كلمته إن الحرب على وشك الانتهاء."),
            "{out}"
        );
    }

    #[test]
    fn ambiguous_final_letter_without_evidence_has_no_fix() {
        let d = diagnostics(&ForeignLetters, "قال مصطفی إن الأمر انتهى.", Some("ar"));
        assert_eq!(d.len(), 1);
        assert!(d[0].fix.is_none());
        let d = diagnostics(&ForeignLetters, "ذهب إلى گرجستان.", Some("ar"));
        assert_eq!(d[0].message, "Persian/Urdu letter گ in Arabic text");
        assert!(d[0].fix.is_none());
        let d = diagnostics(&ForeignLetters, "قال ٹم.", Some("ar"));
        assert_eq!(d[0].message, "Urdu letter ٹ in Arabic text");
    }

    #[test]
    fn mongolian_and_ukrainian_letters_in_russian() {
        let text = format!("{RU} Он сказал өөөн и үрээ в Київ.");
        let d = diagnostics(&ForeignLetters, &text, Some("ru"));
        let f: Vec<&str> = d.iter().map(|d| &text[d.range.clone()]).collect();
        assert_eq!(f, ["өөөн", "үрээ", "Київ"]);
        assert_eq!(d[0].message, "Mongolian/Kazakh letter ө in Russian text");
        assert_eq!(d[2].message, "Ukrainian letter ї in Russian text");
        assert!(d.iter().all(|d| d.fix.is_none()));
        let d = diagnostics(&ForeignLetters, "үрээүүүэхалаварө", Some("ru"));
        assert_eq!(
            d[0].message,
            "Mongolian/Kazakh letters ү, ө in Russian text"
        );
        let d = diagnostics(&ForeignLetters, "Він сказав, що ы", Some("uk"));
        assert_eq!(
            d[0].message,
            "Russian/Belarusian letter ы in Ukrainian text"
        );
    }

    #[test]
    fn cyrillic_words_in_an_arabic_document() {
        let text = format!("{AR}\nптин кре мид чөийн жилилараг уирдсан. Слава Україні.");
        let d = diagnostics(&ForeignLetters, &text, Some("ar"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&text[d[0].range.clone()], "чөийн");
        assert_eq!(
            d[0].message,
            "Mongolian/Kazakh letter ө in a Cyrillic word of Arabic text"
        );
    }

    #[test]
    fn clean_text_in_every_language_stays_quiet() {
        for (text, lang) in [
            (AR, Some("ar")),
            ("فيلم ڤيديو عن ڤلاديمير بوتين في الجزائر.", Some("ar")),
            ("دیروز به تهران رفتم و کتاب‌ها را خریدم.", Some("fa")),
            (RU, Some("ru")),
            (
                "Съешь же ещё этих мягких французских булок, да выпей чаю.",
                Some("ru"),
            ),
            ("Київ — столиця України, а Біла Церква поруч.", Some("uk")),
            (
                "Қазақстан Республикасы өз тәуелсіздігін жариялады.",
                Some("kk"),
            ),
            (
                "Erdoğan met Müller in Gdańsk and Łódź, then Kılıçdaroğlu.",
                Some("en"),
            ),
            (
                "Le président Erdoğan a rencontré M. Müller à Gdańsk.",
                Some("fr"),
            ),
            ("Nguyễn Phú Trọng và Trần Đại Quang.", Some("en")),
            ("Putin said Москва and Київ in English text.", Some("en")),
            ("", None),
        ] {
            let f = flagged_in(&ForeignLetters, text, lang);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_misdetected_language_gives_way_to_the_letters() {
        // Russian with two Ukrainian letters, declared (or detected) Ukrainian:
        // the letters say Russian, and only the Ukrainian letters are flagged.
        let text = "Съешь же ещё этих мягких французских булок, да выпей чаю. \
            Мы были в этом городе, и мы вышли из дома, когда объявили посадку. \
            Это нєобоснованное утверждение является полной ложью, — пішет он.";
        let f = flagged_in(&ForeignLetters, text, Some("uk"));
        assert_eq!(f, ["нєобоснованное", "пішет"]);
        // Detection unsure (no language): the letters pick Russian.
        let one = text.replace("нєобоснованное", "необоснованное");
        let doc = Document::new(&one, None);
        assert_eq!(
            guess_language(&doc, Script::Cyrillic).map(|a| a.code),
            Some("ru")
        );
        // Genuine Ukrainian stays Ukrainian.
        let text = "Київ — столиця України, і тут живуть мільйони людей. Вони сказали: ыы.";
        assert_eq!(flagged_in(&ForeignLetters, text, Some("uk")), ["ыы"]);
    }

    #[test]
    fn persian_text_with_arabic_letters() {
        let d = diagnostics(
            &ForeignLetters,
            "دیروز به تهران رفتم و كتاب را خريدم.",
            Some("fa"),
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].message, "Arabic letter ك in Persian text");
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "کتاب");
    }

    #[test]
    fn latin_flags_only_letters_of_no_alphabet() {
        let d = diagnostics(&ForeignLetters, "The ʃip sailed away today.", Some("en"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "letter ʃ of no Latin alphabet mtlint knows");
    }
}
