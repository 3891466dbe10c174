//! Document language: declared, or detected from the main script and then by
//! `whatlang` among that script's languages.

use unicode_script::Script;
use whatlang::{Detector, Lang};

use crate::segment::{Token, TokenKind};

/// ISO 639-3 codes of whatlang's languages, with their ISO 639-1 code.
const ISO_639_1: &[(&str, &str)] = &[
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
    ("hye", "hy"),
    // Bibliographic and macrolanguage codes users type.
    ("fre", "fr"),
    ("ger", "de"),
    ("per", "fa"),
    ("fas", "fa"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("mon", "mn"),
    ("khk", "mn"),
    ("arb", "ar"),
    ("kaz", "kk"),
];

/// The ISO 639-1 code for a language code (639-1 or 639-3, any case, with an
/// optional region such as `ar-EG`), else the code lowercased.
pub fn normalize_code(code: &str) -> String {
    let base = code
        .split(['-', '_'])
        .next()
        .unwrap_or(code)
        .to_ascii_lowercase();
    ISO_639_1
        .iter()
        .find(|(three, _)| *three == base)
        .map_or(base, |(_, two)| (*two).to_string())
}

/// The code to report for a whatlang language.
pub fn code_of(lang: Lang) -> String {
    normalize_code(lang.code())
}

/// Languages of scripts that only one of whatlang's languages is written in,
/// where no detection is needed.
fn single_language(script: Script) -> Option<&'static str> {
    Some(match script {
        Script::Greek => "el",
        Script::Hebrew => "he",
        Script::Hangul => "ko",
        Script::Thai => "th",
        Script::Georgian => "ka",
        Script::Armenian => "hy",
        Script::Ethiopic => "am",
        Script::Khmer => "km",
        Script::Myanmar => "my",
        Script::Sinhala => "si",
        Script::Tamil => "ta",
        Script::Telugu => "te",
        Script::Kannada => "kn",
        Script::Malayalam => "ml",
        Script::Gujarati => "gu",
        Script::Gurmukhi => "pa",
        Script::Oriya => "or",
        Script::Bengali => "bn",
        Script::Mongolian => "mn",
        _ => return None,
    })
}

/// Letters of the text's main script, with URLs, handles, numbers and words
/// of other scripts left out, for a language detector to read.
fn detection_sample(text: &str, tokens: &[Token], script: Script, limit: usize) -> String {
    let mut sample = String::new();
    for t in tokens {
        if t.kind == TokenKind::Word && t.script == Some(script) {
            if !sample.is_empty() {
                sample.push(' ');
            }
            sample.push_str(t.text(text));
            if sample.len() >= limit {
                break;
            }
        }
    }
    sample
}

/// Detects the language of a document whose main script is `script`.
pub fn detect_document(text: &str, tokens: &[Token], script: Option<Script>) -> Option<String> {
    let script = script?;
    if let Some(code) = single_language(script) {
        return Some(code.to_string());
    }
    let sample = detection_sample(text, tokens, script, 800);
    if script == Script::Arabic {
        if let Some(code) = arabic_script_language(&sample) {
            return Some(code.to_string());
        }
    }
    detect_text(&sample).map(code_of)
}

/// Persian and Urdu write `ی ک` where Arabic writes `ي ك ى`, and use letters
/// Arabic lacks (`پ چ ژ گ`, Urdu `ٹ ڈ ڑ ں ے`): when those outnumber the
/// Arabic forms, the text is Persian or Urdu, whatever a trigram model says
/// of a short sample. `None` when the sample has too few of either.
fn arabic_script_language(sample: &str) -> Option<&'static str> {
    let (mut arabic, mut persian, mut urdu) = (0, 0, 0);
    for c in sample.chars() {
        match c {
            'ي' | 'ك' | 'ى' | 'ة' => arabic += 1,
            'ی' | 'ک' | 'پ' | 'چ' | 'ژ' | 'گ' => persian += 1,
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' => urdu += 1,
            _ => {}
        }
    }
    if arabic + persian + urdu < 3 {
        None
    } else if persian + urdu <= arabic {
        Some("ar")
    } else if urdu * 4 >= persian {
        Some("ur")
    } else {
        Some("fa")
    }
}

/// whatlang's best guess for a text, or `None` when it is unsure.
pub fn detect_text(sample: &str) -> Option<Lang> {
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 12 {
        return None;
    }
    let info = Detector::new().detect(sample)?;
    if info.script() == whatlang::Script::Arabic {
        // Arabic script is whatlang's Arabic, Persian or Urdu; Arabic is by
        // far the most written, so another guess must be reliable to win.
        return Some(if info.is_reliable() {
            info.lang()
        } else {
            Lang::Ara
        });
    }
    // A guess at confidence 0.25 is right far more often than not on a
    // sentence or two (a 10-word French sentence scores 0.28).
    (info.is_reliable() || info.confidence() >= 0.25).then(|| info.lang())
}

/// The language of one sentence: the document's where the sentence is in the
/// document's script, else whatlang's guess among the sentence's script.
pub fn sentence_language(
    text: &str,
    tokens: &[Token],
    doc_script: Option<Script>,
    doc_lang: Option<&str>,
) -> Option<String> {
    let script =
        crate::segment::script::main_script(crate::segment::words_by_script(text, tokens))?;
    if Some(script) == doc_script {
        return doc_lang.map(str::to_string);
    }
    if let Some(code) = single_language(script) {
        return Some(code.to_string());
    }
    let sample = detection_sample(text, tokens, script, 1024);
    detect_text(&sample).map(code_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_normalise_to_639_1() {
        assert_eq!(normalize_code("ara"), "ar");
        assert_eq!(normalize_code("AR-eg"), "ar");
        assert_eq!(normalize_code("fre"), "fr");
        assert_eq!(normalize_code("mn"), "mn");
        assert_eq!(code_of(Lang::Rus), "ru");
    }

    #[test]
    fn arabic_script_languages_by_their_letters() {
        let detect = |text: &str| {
            let tokens = crate::segment::tokens::tokenize(text);
            detect_document(text, &tokens, Some(Script::Arabic))
        };
        assert_eq!(
            detect("دیروز به تهران رفتم و کتاب‌ها را خریدم.").as_deref(),
            Some("fa")
        );
        assert_eq!(
            detect("میں نے کل ایک کتاب خریدی اور وہ بہت اچھی ہے۔").as_deref(),
            Some("ur")
        );
        assert_eq!(
            detect("زار الرئيس الروسي منطقة كورسك يوم الأربعاء.").as_deref(),
            Some("ar")
        );
    }

    #[test]
    fn detects_by_script_then_whatlang() {
        let text = "Le président a déclaré hier que la réforme serait votée avant l'été.";
        let tokens = crate::segment::tokens::tokenize(text);
        assert_eq!(
            detect_document(text, &tokens, Some(Script::Latin)).as_deref(),
            Some("fr")
        );
    }
}
