//! `wrong-language`: a sentence, or a run of several words, confidently in
//! another language than the document's.
//!
//! Two ways in. Across scripts, the runs that `foreign-script-run` collects
//! (an English or Russian sentence in an Arabic article) are reported here
//! instead when they are confidently a real language whose alphabet has all
//! their letters; garble and hallucinated text stay `foreign-script-run`.
//! Within the document's script (French in English text), each sentence's
//! language from [`Document::sentence_languages`] decides.

use crate::analysis::foreign_runs::foreign_runs;
use crate::language::identify::{close_languages, language_name};
use crate::report::finding::{Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::script::{main_script, name};
use crate::text::{words_by_script, Document, TokenKind};

/// `wrong-language`: text in another language than the document's.
pub struct WrongLanguage;

static WRONG_LANGUAGE: RuleMeta = RuleMeta {
    id: "wrong-language",
    severity: Severity::Warning,
    harm: Harm::Untranslated,
    summary: "A sentence or run of words confidently in another language than the document's",
    explanation: r#"## What it does
Flags a sentence, or a run of several words, that is confidently in another
language than the document's: an English or Russian sentence inside an Arabic
article, an English sentence in a Russian one, a French sentence inside
English text.

Across scripts, it takes the runs of foreign-script words that
`foreign-script-run` would report and identifies their language with
`whatlang` among the languages of their script, with names (Capitalized words
not at a sentence start, ALLCAPS acronyms), URLs, handles, e-mails, hashtags,
code (`--input-file`, `pam_set_item`, `%s`) and numbers masked. When the language is identified reliably and its alphabet
has every letter of the run, the run is a `wrong-language` warning, and no
longer a `foreign-script-run` error. Within the document's script, a sentence
of five words or more (after masking) is judged unless one word in six is a
function word of the document's language (lists for English, French, German,
Spanish and Russian): another listed language's function words, or from
eight words whatlang among the script's languages, name a candidate, which is
reported only when it also beats the document's language head to head.

## Why is this bad?
A segment the machine translation left untranslated, or copied from the
source, is unreadable to the audience of the translation, and it is easy to
miss when it is in the same alphabet.

## Example
```text
قال الوزير إن المحادثات مستمرة. The minister said the talks would continue next week.
→ English sentence in Arabic text

The minister said the talks would continue. Le ministre a déclaré que les discussions se poursuivraient la semaine prochaine.
→ French sentence in English text
```

## Fix safety
Across scripts, the fix deletes the run and the white space around it, as
`foreign-script-run` does: it is **unsafe**, since the text may be a
quotation to keep, or should be translated rather than dropped. Within the
document's script there is no fix: the sentence needs translating.

## Limits
- Short text is not judged: a sentence needs five words after masking, a
  cross-script run three words and fifteen letters; shorter runs stay with
  `foreign-script-run`, which has its own thresholds.
- Languages close to each other are not told apart within one script:
  Russian, Ukrainian, Belarusian, Bulgarian, Macedonian and Serbian; Spanish,
  Portuguese, Italian, Catalan, Romanian and Latin; Danish, Norwegian and
  Swedish; Czech and Slovak; Croatian, Serbian and Slovenian; Malay-family
  languages; Hindi, Marathi and Nepali; Arabic, Persian and Urdu (see
  `foreign-letters` for their letters); Dutch and Afrikaans.
- A sentence in a language that shares many function words with the
  document's (Spanish `de la que en` in French text) can pass for the
  document's language and be missed.
- A foreign phrase inside a sentence of the document's script and language
  (a French clause in an English sentence) is not seen: the unit is the
  sentence. Across scripts, runs of any length inside a sentence are.
- Names, titles and acronyms are masked. A sentence wholly inside
  quotation marks is taken as a quotation: left alone under eight words,
  reported as `info` from eight; a short complete foreign-script sentence
  (up to eight words) is `info` too.
- Languages whatlang does not know (Mongolian, Kazakh, …), and text with a
  letter outside the identified language's alphabet, are not identified:
  that stays `foreign-script-run`. Scripts with a single language (Greek,
  Hebrew as used here, Thai …) are left to `foreign-script-run` too.
- Garble that happens to read as a real language to a trigram model is
  reported here rather than as garble.
"#,
};

/// Words from which a quoted foreign sentence is reported (as info).
const QUOTED_WORDS: usize = 8;

/// Opening and closing quotation marks around a quoted sentence.
const OPEN_QUOTES: &[&str] = &["\"", "“", "„", "«", "‹", "'", "‘", "(", "["];
const CLOSE_QUOTES: &[&str] = &["\"", "”", "“", "»", "›", "'", "’", ")", "]"];

impl Rule for WrongLanguage {
    fn meta(&self) -> &'static RuleMeta {
        &WRONG_LANGUAGE
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let doc_name = doc
            .lang()
            .map(language_name)
            .or_else(|| doc.script.map(|s| format!("{}-script", name(s))))
            .unwrap_or_else(|| "this".to_string());
        // Across scripts: the identified runs.
        for run in &foreign_runs(doc).0 {
            let Some(code) = &run.language else { continue };
            if doc.lang().is_some_and(|d| close_languages(d, code)) {
                continue;
            }
            let mut d = run.diagnostic.clone();
            let range = d.range.clone();
            let whole = doc.sentences[doc.sentences_overlapping(range.clone())]
                .iter()
                .any(|s| range.start <= s.range.start && s.range.end <= range.end);
            let what = if whole {
                "sentence".to_string()
            } else {
                format!("run of {} words", run.words)
            };
            d.message = if run.guessed {
                // A word model's best guess is no identification.
                let script = doc.tokens[doc.token_at(range.start)]
                    .script
                    .map_or("foreign", name);
                format!("{script}-script {what} in {doc_name} text")
            } else {
                format!("{} {what} in {doc_name} text", language_name(code))
            };
            if run.quoted {
                // A long quotation left in its language is worth a look,
                // a short one is usually kept on purpose.
                if run.words < QUOTED_WORDS {
                    continue;
                }
                d.message.push_str(": quoted, maybe a quotation to keep");
                d = d.severity(Severity::Info);
            } else if run.guessed {
                // Only a word model vouches for the language: a title, a
                // slogan or a phrase too short to identify for sure.
                d.message.push_str(&format!(
                    ": words of a language (maybe {}), too short to identify: \
                     a title, a slogan or a name?",
                    language_name(code)
                ));
                d = d.severity(Severity::Info);
            } else if run.quotation {
                d.message
                    .push_str(": a short complete sentence, maybe a quotation to keep");
                d = d.severity(Severity::Info);
            } else {
                d = d.severity(Severity::Warning);
            }
            out.push(d);
        }

        // Within the document's script: sentence by sentence.
        let (Some(doc_lang), Some(doc_script)) = (doc.lang(), doc.script) else {
            return;
        };
        for (s, lang) in doc.sentences.iter().zip(doc.sentence_languages()) {
            let Some(lang) = lang.as_deref() else {
                continue;
            };
            if close_languages(lang, doc_lang) {
                continue;
            }
            let tokens = &doc.tokens[s.tokens.clone()];
            if main_script(words_by_script(doc.text, tokens)) != Some(doc_script) {
                continue;
            }
            let mut d = Diagnostic::new(
                s.range.clone(),
                format!("{} sentence in {doc_name} text", language_name(lang)),
            )
            .confidence(0.8);
            if quoted(doc, s.tokens.clone()) {
                let words = tokens.iter().filter(|t| t.is_word()).count();
                if words < QUOTED_WORDS {
                    continue;
                }
                d.message.push_str(": quoted, maybe a quotation to keep");
                d = d.severity(Severity::Info);
            }
            out.push(d);
        }
    }
}

/// Whether a sentence is wholly inside quotation marks or brackets.
fn quoted(doc: &Document, tokens: std::ops::Range<usize>) -> bool {
    let mut first = tokens.start;
    let last = tokens.end.saturating_sub(1);
    if tokens.is_empty() {
        return false;
    }
    let is = |i: usize, set: &[&str]| {
        doc.tokens[i].kind == TokenKind::Punct && set.contains(&doc.token_text(i))
    };
    // A quotation may start with a dash or a colon's leftovers; skip them.
    while first < last && doc.tokens[first].kind == TokenKind::Space {
        first += 1;
    }
    let opens = is(first, OPEN_QUOTES)
        || doc
            .prev_non_space(first)
            .is_some_and(|j| is(j, OPEN_QUOTES));
    // The closer may follow the full stop, or be the last token.
    let closes = (tokens.start..=last)
        .rev()
        .take(3)
        .any(|j| is(j, CLOSE_QUOTES))
        || doc
            .next_non_space(last)
            .is_some_and(|j| is(j, CLOSE_QUOTES));
    opens && closes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::finding::Applicability;
    use crate::rules::script::ForeignScriptRun;
    use crate::rules::testing::{diagnostics, flagged_in};

    const AR: &str = "قال المتحدث باسم الحكومة في مؤتمر صحفي عقده اليوم في العاصمة إن الوزارة ستواصل العمل مع الشركاء الدوليين لتحقيق الاستقرار في المنطقة وتعزيز التعاون الاقتصادي بين البلدين خلال السنوات المقبلة.";
    const EN: &str = "The minister said on Thursday that the government would continue to work with its partners to bring stability to the region and to strengthen economic ties between the two countries in the coming years.";
    const FR: &str = "Le ministre a déclaré jeudi que le gouvernement continuerait à travailler avec ses partenaires pour apporter la stabilité dans la région et renforcer les liens économiques entre les deux pays.";
    const RU: &str = "Министр заявил в четверг, что правительство продолжит работу с партнерами, чтобы обеспечить стабильность в регионе и укрепить экономические связи между двумя странами в ближайшие годы.";

    #[test]
    fn short_titles_and_slogans_are_info() {
        for (text, lang, run) in [
            (
                format!("{AR}\nسمعت اغنية we will rock you امبارح مع اصحابي"),
                "ar",
                "we will rock you",
            ),
            (
                format!("{RU}\nслоган у них был think outside the box"),
                "ru",
                "think outside the box",
            ),
        ] {
            let d = diagnostics(&WrongLanguage, &text, Some(lang));
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            assert_eq!(&text[d[0].range.clone()], run);
            assert_eq!(d[0].severity, Some(Severity::Info));
            assert!(
                d[0].message.starts_with("Latin-script run"),
                "{}",
                d[0].message
            );
        }
        // Garble is no language: `foreign-script-run`'s.
        let text = format!("{AR}\nسمعت اغنية xqzt vrkpl wmnxq bzzrt امبارح");
        assert!(diagnostics(&WrongLanguage, &text, Some("ar")).is_empty());
    }

    #[test]
    fn cross_script_sentences_are_wrong_language() {
        for (text, lang, want) in [
            (
                format!("{AR}\n{EN}\n{AR}"),
                "ar",
                "English sentence in Arabic text",
            ),
            (
                format!("{AR} {RU} {AR}"),
                "ar",
                "Russian sentence in Arabic text",
            ),
            (
                format!("{RU}\n{EN}\n{RU}"),
                "ru",
                "English sentence in Russian text",
            ),
            (
                format!("{EN}\n{AR}\n{EN}"),
                "en",
                "Arabic sentence in English text",
            ),
            (
                format!("{FR}\n{RU}\n{FR}"),
                "fr",
                "Russian sentence in French text",
            ),
        ] {
            let d = diagnostics(&WrongLanguage, &text, Some(lang));
            assert_eq!(d.len(), 1, "{want}: {d:?}");
            assert_eq!(d[0].message, want);
            assert_eq!(d[0].severity, Some(Severity::Warning));
            assert_eq!(
                d[0].fix.as_ref().map(|f| f.applicability),
                Some(Applicability::Unsafe)
            );
            // Disjoint: foreign-script-run leaves it to wrong-language.
            assert!(flagged_in(&ForeignScriptRun, &text, Some(lang)).is_empty());
        }
    }

    #[test]
    fn same_script_sentences_are_wrong_language() {
        for (text, lang, want) in [
            (
                format!("{EN} {FR} {EN}"),
                "en",
                "French sentence in English text",
            ),
            (
                format!("{FR}\n{EN}\n{FR}"),
                "fr",
                "English sentence in French text",
            ),
        ] {
            let d = diagnostics(&WrongLanguage, &text, Some(lang));
            assert_eq!(d.len(), 1, "{want}: {d:?}");
            assert_eq!(d[0].message, want);
            assert!(d[0].fix.is_none());
        }
        // Detected document language works as well as a declared one.
        let text = format!("{EN} {EN} {FR} {EN}");
        assert_eq!(
            flagged_in(&WrongLanguage, &text, None),
            vec![FR.to_string()]
        );
    }

    #[test]
    fn a_short_complete_foreign_sentence_is_info() {
        let text = format!("{RU}\nIl faut bien le faire.\n{RU}");
        let d = diagnostics(&WrongLanguage, &text, Some("ru"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert!(d[0].message.starts_with("French sentence in Russian text"));
    }

    #[test]
    fn garble_stays_foreign_script_run() {
        let text = format!("{AR}\nптин кре мид и и крекийй чөийн жилилараг уирдсан уирдаааа трввээ. ооогоссн давшилтгг с сид үрээүүүэхалаварө өөөн бна.\n{AR}");
        assert!(flagged_in(&WrongLanguage, &text, Some("ar")).is_empty());
        assert_eq!(flagged_in(&ForeignScriptRun, &text, Some("ar")).len(), 1);
    }

    #[test]
    fn clean_monolingual_text_and_names_stay_quiet() {
        for (text, lang) in [
            (format!("{AR} {AR}"), "ar"),
            (format!("{EN} {EN}"), "en"),
            (format!("{FR} {FR}"), "fr"),
            (format!("{RU} {RU}"), "ru"),
            // Names, titles and a quotation in another language.
            (
                format!("{EN} He read Le Monde and La Nouvelle République du Centre-Ouest every day. {EN}"),
                "en",
            ),
            (
                format!("{FR} Il a cité « The quick brown fox jumps over the lazy dog every morning ». {FR}"),
                "fr",
            ),
            (format!("{AR} ذكرت صحيفة New York Times أن الرئيس Donald Trump التقى NATO. {AR}"), "ar"),
            (format!("{RU} Он сказал: «Привет». {RU}"), "ru"),
            // Short sentences are not judged.
            (format!("{EN} C'est la vie. {EN}"), "en"),
            // Close languages are not told apart.
            (format!("{RU} Міністр заявив у четвер, що уряд продовжить роботу з партнерами для стабільності в регіоні. {RU}"), "ru"),
        ] {
            let f = flagged_in(&WrongLanguage, &text, Some(lang));
            assert!(f.is_empty(), "{lang}: {f:?}");
        }
    }
}
