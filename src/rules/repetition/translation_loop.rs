//! `translation-loop`: a word, phrase or sentence written over and over. Its
//! documentation is the `explanation` below, which `mtlint explain
//! translation-loop` prints.

use super::{
    ARABIC_LETTER_NAMES, COMMON_LETTER_NAMES, INTENSIFIERS, INTERJECTIONS, LEGITIMATE_DOUBLES,
};
use crate::analysis::loops::{loops, Loop, LoopKind, MAX_PERIOD};
use crate::language::lexicon;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::normalize::folded_chars;
use crate::text::{Document, TokenKind};

/// `translation-loop`.
pub struct TranslationLoop;

static TRANSLATION_LOOP: RuleMeta = RuleMeta {
    id: "translation-loop",
    severity: Severity::Error,
    harm: Harm::Loop,
    summary: "A word, phrase or sentence written over and over in a row",
    explanation: r#"## What it does
Flags a loop: the same words written again and again in a row inside one line. A phrase of up to
about ten words repeated twice or more (`the minister said that the minister said that`,
`في المدينة في المدينة في المدينة`), a word three or more times (`и и и`, `في في في`),
a chain of one piece joined by hyphens or slashes (`Sony DMC-DMC-DMC-DMC`), one piece glued to
itself (`WhiteWhiteWhiteWhite`, `المدينةالمدينة`), and a sentence repeated on one line. One
finding covers every copy of a loop. Words compare without case, Arabic diacritics or letter
variants.

## Why is this bad?
Neural machine translation oscillates: when its decoder loses track of the source it writes the
same words until it runs out of length. A loop is not a slip of style but text the system made up
in place of a translation, and the sentence around it is usually damaged too.

## Example
```text
the minister said that the minister said that the minister said that  →  the minister said that
وقال في المدينة في المدينة في المدينة                                →  وقال في المدينة
Sony DMC-DMC-DMC-DMC                                                  →  Sony DMC
WhiteWhiteWhiteWhite                                                  →  White
```

## Fix safety
The fix keeps the first copy and deletes the others, leaving the punctuation after the last. It is
unsafe: the translation around a loop usually lost words that only the source can give back, and
some repetitions are meant.

## Limits
A word twice in a row is `repeated-word`'s, and two copies joined by a hyphen are quiet
(`вот-вот`, `bye-bye`, `Baden-Baden`): languages reduplicate. Copies that each end with a comma or
semicolon, of one word or of a phrase of up to three words written twice, are a writer repeating
on purpose (`No, no, no`, `Pump it out, pump it out`) and are quiet (three copies or more of such
a phrase are `info`), as is a phrase opened by a conjunction written twice in a list that goes on
with the same head (`وسمك موسى وسمك موسى المفلطح وسمك المغريم`). Three or more copies of a word
whose repetition is normal in speech (`да да да`, `very very very`, `ha-ha-ha`, `blablabla`),
phrases of such words (`ну да ну да`), a call said twice (`يا عم يا عم`), a sound written over
(`мяу мяу мяу`, `طق طق طق`: one short word, rare in the language, not in capitals, five copies
at most) and the stutter `I-I-I` are `info`; spelled acronyms (`دبليو
دبليو دبليو`) are quiet. A word glued to itself is quiet when the language knows it (`chercher`,
`couscous`), and twice is a warning only when the piece has four letters or more. Loops across
line breaks are `duplicate-line`'s; phrases longer than about ten words are found only when they
are whole sentences or the whole line."#,
};

/// Pieces that words of some language double (`couscous`).
const DOUBLED_WORDS: &[&str] = &["cous", "beri", "mahi", "chow", "kuskus"];

/// Laughter and babble written as a piece repeated (`hahaha`, `ха-ха-ха`, `blablabla`).
const LAUGHTER: &[&str] = &[
    "ha", "he", "hi", "ho", "hu", "ja", "je", "ji", "ah", "eh", "ха", "хе", "хи", "хо", "ах", "ой",
    "ها", "هه", "هي", "bla", "blah", "lol", "la", "na", "tra", "ля", "ла", "бла", "тра",
];

impl Rule for TranslationLoop {
    fn meta(&self) -> &'static RuleMeta {
        &TRANSLATION_LOOP
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for l in &loops(doc).0 {
            let one_word = l.words == 1;
            let piece = l.piece.as_str();
            // Spelled acronyms (`دبليو دبليو دبليو`), but for the letter
            // names that are common words (`في في في` is a loop).
            let letter_name =
                ARABIC_LETTER_NAMES.contains(&piece) && !COMMON_LETTER_NAMES.contains(&piece);
            if one_word && (letter_name || DOUBLED_WORDS.contains(&piece)) {
                continue;
            }
            // Commas between the copies of a word, or of a short phrase
            // written twice, show a writer repeating on purpose (`No, no,
            // no`, `Pump it out, pump it out`); more copies of the phrase
            // are a chant or a loop (`pompe-le, pompe-le, pompe-le`).
            let chant = l.punctuated && l.words <= 3;
            if (chant && (one_word || l.copies == 2)) || enumerates(doc, l) {
                continue;
            }
            // A word glued to itself that the language knows (`chercher`).
            if l.kind == LoopKind::Glued && known(doc, &doc.text[l.range.clone()]) {
                continue;
            }
            // Words repeated in speech (`да да да`, `ну да ну да`), stutters (`I-I-I`).
            let spoken = piece == "i"
                || piece.split(' ').all(|w| {
                    [LEGITIMATE_DOUBLES, INTENSIFIERS, INTERJECTIONS, LAUGHTER]
                        .iter()
                        .any(|list| list.contains(&w))
                });
            // A call said twice (`يا عم يا عم`, `oh no oh no`, `эй ты эй ты`).
            let call = l.words == 2
                && l.copies == 2
                && piece
                    .split(' ')
                    .next()
                    .is_some_and(|w| VOCATIVES.contains(&w));
            let spoken = spoken || call;
            let first = &doc.text[l.range.start..l.delete.start];
            let sound = one_word && sound(doc, l, first);
            let shown: String = first.chars().take(40).collect();
            let ellipsis = if shown.len() < first.len() { "…" } else { "" };
            let mut d = Diagnostic::new(
                l.range.clone(),
                format!("`{shown}{ellipsis}` written {} times in a row", l.copies),
            )
            .confidence(0.9)
            .fix(l.delete.clone(), "", Applicability::Unsafe);
            if spoken || chant || sound {
                d = d.severity(Severity::Info).confidence(0.4);
            } else if l.kind == LoopKind::Glued && l.copies == 2 {
                d = d.severity(Severity::Warning).confidence(0.7);
            }
            out.push(d);
        }
    }
}

/// Vocative particles and calls that open a phrase said twice in speech.
const VOCATIVES: &[&str] = &["يا", "oh", "hey", "ô", "eh", "эй", "ой", "о"];

/// Most letters of a sound word (`мяу`, `vroom`, `طق`).
const SOUND_LETTERS: usize = 5;
/// Ten times the Zipf frequency under which a word is rare enough to be a
/// sound rather than a word machine translation repeats (`في`, `the`, `в`
/// are all above 60).
const SOUND_ZIPF10: u8 = 40;

/// Whether a loop of one word is a sound written over in speech or in
/// comics (`мяу мяу мяу`, `طق طق طق`, `Vroom vroom vroom`): a short word,
/// not in capitals, rare or unknown in the document's language, a few
/// copies apart. Machine translation loops on the words it uses most and
/// on acronyms and names (`DMC-DMC-DMC`).
fn sound(doc: &Document, l: &Loop, first: &str) -> bool {
    let letters = l.piece.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = first.chars().any(char::is_uppercase) && !first.chars().any(char::is_lowercase);
    let frequent = doc
        .lang()
        .and_then(lexicon::lexicon)
        .and_then(|lex| lex.zipf10(&l.piece))
        .is_some_and(|z| z >= SOUND_ZIPF10);
    l.kind == LoopKind::Words
        && l.copies <= 5
        && (2..=SOUND_LETTERS).contains(&letters)
        && !capitals
        && !frequent
}

/// Whether `word` is a word of the document's language.
fn known(doc: &Document, word: &str) -> bool {
    doc.lang()
        .and_then(lexicon::lexicon)
        .is_some_and(|lex| lex.zipf10(word).is_some())
}

/// Conjunctions that open an item of a list.
const CONJUNCTIONS: &[&str] = &["and", "or", "et", "ou", "и", "или", "و", "او"];

/// Whether a phrase written twice is two items of a list, each opened by a
/// conjunction, with another item of the same head after it (`وسمك موسى
/// وسمك موسى المفلطح وسمك المغريم`: sole, then flat sole, then megrim).
fn enumerates(doc: &Document, l: &Loop) -> bool {
    let Some(head) = l.piece.split(' ').next() else {
        return false;
    };
    let conjunction =
        CONJUNCTIONS.contains(&head) || (head.starts_with('و') && head.chars().count() >= 4);
    if l.copies != 2 || l.words < 2 || !conjunction {
        return false;
    }
    let next = doc.token_at(l.range.end);
    doc.tokens[next..]
        .iter()
        .take_while(|t| t.kind != TokenKind::Newline)
        .filter(|t| t.is_word())
        .take(MAX_PERIOD)
        .any(|t| folded_chars(t.text(doc.text)).eq(head.chars()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::repetition::RepeatedWord;
    use crate::rules::testing::{diagnostics, fixed, flagged_in};

    fn severities(text: &str, lang: &str) -> Vec<(String, Option<Severity>)> {
        diagnostics(&TranslationLoop, text, Some(lang))
            .into_iter()
            .map(|d| (text[d.range].to_string(), d.severity))
            .collect()
    }

    #[test]
    fn sounds_and_calls_said_over_are_info() {
        for (lang, text, sound) in [
            ("ru", "Мяу мяу мяу, сказала кошка.", "Мяу мяу мяу"),
            ("ru", "Буль-буль-буль", "Буль-буль-буль"),
            (
                "fr",
                "Vroum vroum vroum, la moto démarre.",
                "Vroum vroum vroum",
            ),
            ("ar", "طق طق طق مين على الباب", "طق طق طق"),
            ("ar", "تعال هنا يا عم يا عم", "يا عم يا عم"),
        ] {
            assert_eq!(
                severities(text, lang),
                [(sound.to_string(), Some(Severity::Info))],
                "{lang}: {text}"
            );
        }
        // Frequent words, acronyms and phrases stay errors.
        for (lang, text) in [
            ("ru", "Это было и и и плохо."),
            ("en", "The new Sony DMC DMC DMC camera"),
            ("ar", "قال إن في في في المدينة"),
            ("en", "we went to the the the shop"),
        ] {
            let f = severities(text, lang);
            assert!(f.iter().all(|(_, s)| s.is_none()), "{lang}: {text}: {f:?}");
            assert_eq!(f.len(), 1, "{lang}: {text}: {f:?}");
        }
    }

    #[test]
    fn finds_loops_in_every_language() {
        for (lang, text, loop_) in [
            ("en", "He said the minister said that the minister said that the minister said that on Monday.",
             "the minister said that the minister said that the minister said that"),
            ("ar", "وقال إن الاجتماع في المدينة في المدينة في المدينة كان ناجحا.",
             "في المدينة في المدينة في المدينة"),
            ("fr", "Le président a dit que le pays le pays le pays va bien.",
             "le pays le pays le pays"),
            ("ru", "Он сказал, что в городе в городе прошли выборы.", "в городе в городе"),
            ("en", "The new Sony DMC-DMC-DMC-DMC camera", "DMC-DMC-DMC-DMC"),
            ("en", "a WhiteWhiteWhiteWhite car", "WhiteWhiteWhiteWhite"),
            ("ar", "قال المدينةالمدينةالمدينة اليوم", "المدينةالمدينةالمدينة"),
            ("ru", "Это было очень очень очень странно и и и плохо.", "и и и"),
        ] {
            let f = severities(text, lang);
            assert!(
                f.iter().any(|(t, s)| t == loop_ && *s != Some(Severity::Info)),
                "{lang}: {text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_phrase_or_three_copies_is_an_error_two_glued_a_warning() {
        let d = diagnostics(&TranslationLoop, "в городе в городе", Some("ru"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, None);
        assert_eq!(TRANSLATION_LOOP.severity, Severity::Error);
        let d = diagnostics(&TranslationLoop, "the WhiteWhite house", Some("en"));
        assert_eq!(d[0].severity, Some(Severity::Warning));
        assert_eq!(d[0].message, "`White` written 2 times in a row");
    }

    #[test]
    fn stays_quiet_on_normal_text() {
        for (lang, quiet) in [
            (
                "en",
                "She had had enough, and that that was wrong is clear.",
            ),
            ("en", "We ate couscous in Bora Bora, step by step."),
            ("fr", "Nous nous levons tôt; vous vous couchez tard."),
            ("ru", "Вот-вот начнётся дождь, еле-еле успели, да да."),
            ("ar", "اللي هو فيها فيها مشاكل كثيرة، خطوة خطوة."),
            ("ar", "زار موقع دبليو دبليو دبليو اليوم"),
            ("en", "again and again, more and more, one by one"),
            ("en", "1 1 1 1 and 2-2-2"),
            (
                "en",
                "The chorus: pump it out, pump it out, I'm feeding them. No, no, no!",
            ),
            ("fr", "Je vais chercher mon chouchou."),
            (
                "ar",
                "انخفاض في سمك القد وسمك موسى وسمك موسى المفلطح وسمك المغريم",
            ),
        ] {
            assert!(
                flagged_in(&TranslationLoop, quiet, Some(lang)).is_empty(),
                "{quiet}"
            );
        }
    }

    #[test]
    fn speech_repeats_are_info() {
        for (lang, text) in [
            ("ru", "Да да да, конечно."),
            ("en", "No no no! Ha-ha-ha. Hahaha. I-I-I don't know."),
            ("fr", "Oui oui oui, bla bla bla."),
            (
                "fr",
                "Le refrain : pompe-le, pompe-le, pompe-le, je nourris les bébés.",
            ),
            ("ru", "Ну да ну да, конечно."),
        ] {
            let f = severities(text, lang);
            assert!(!f.is_empty(), "{text}");
            assert!(f.iter().all(|(_, s)| *s == Some(Severity::Info)), "{f:?}");
        }
    }

    #[test]
    fn fix_keeps_one_copy() {
        for (lang, text, want) in [
            (
                "en",
                "He said that the minister said that the minister said that today.",
                "He said that the minister said that today.",
            ),
            (
                "ar",
                "وقال في المدينة في المدينة في المدينة أمس",
                "وقال في المدينة أمس",
            ),
            ("en", "Sony DMC-DMC-DMC-DMC camera", "Sony DMC camera"),
            ("en", "a WhiteWhiteWhite car", "a White car"),
            (
                "en",
                "He said: the minister said, the minister said, the minister said.",
                "He said: the minister said.",
            ),
            (
                "ru",
                "Мы пошли домой. Мы пошли домой. Мы пошли домой.",
                "Мы пошли домой.",
            ),
        ] {
            assert_eq!(fixed(&TranslationLoop, text, Some(lang)), want, "{text}");
        }
    }

    #[test]
    fn never_reports_a_span_with_repeated_word() {
        for (lang, text) in [
            ("ar", "قال في في في بيان ثم في في المدينة"),
            ("en", "the the the car and the the bus"),
            ("fr", "le le le pays et le le pays"),
            ("ru", "и и и потом и и"),
        ] {
            let loops = diagnostics(&TranslationLoop, text, Some(lang));
            let words = diagnostics(&RepeatedWord, text, Some(lang));
            assert!(!loops.is_empty() && !words.is_empty(), "{text}");
            for l in &loops {
                for w in &words {
                    assert!(
                        l.range.end <= w.range.start || w.range.end <= l.range.start,
                        "{text}: {l:?} and {w:?}"
                    );
                }
            }
        }
    }
}
