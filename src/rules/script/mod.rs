//! Script mixing: letters of one script inside a word of another
//! (`mixed-script-word`), runs of words in a script that is not the
//! document's (`foreign-script-run`), letters foreign to the language's
//! alphabet (`foreign-letters`).
//!
//! Both are typical of machine-translation garble: a system that hallucinates
//! in the wrong language (a Mongolian tweet in an Arabic article), or that
//! glues a Latin fragment to an Arabic word, or text that was typed with the
//! wrong keyboard layout (`cети` with a Latin `c`).

mod foreign_letters;
mod foreign_script_run;
mod mixed_script_word;
pub use foreign_letters::ForeignLetters;
pub use foreign_script_run::ForeignScriptRun;
pub use mixed_script_word::MixedScriptWord;

use unicode_script::Script;

use crate::language::arabic;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Rule, RuleMeta};
use crate::text::script::{compatible, family, letter_script, name};
use crate::text::Document;

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// Scripts written without spaces between words, or that glue particles to
/// foreign words (`iPhone手机`, `Tシャツ`, `NATO는`, `iPhoneรุ่นใหม่`): a Latin
/// word inside them is ordinary text, not a mixed word.
fn is_unspaced(s: Script) -> bool {
    matches!(
        family(s),
        Script::Han
            | Script::Hangul
            | Script::Thai
            | Script::Lao
            | Script::Khmer
            | Script::Myanmar
            | Script::Tibetan
            | Script::Yi
    )
}

/// Right-to-left scripts: a Latin or Cyrillic word glued to one of them is a
/// missing space, never a look-alike letter.
fn is_rtl(s: Script) -> bool {
    matches!(
        s,
        Script::Arabic | Script::Hebrew | Script::Syriac | Script::Thaana | Script::Nko
    )
}

// ---------------------------------------------------------------------------
// mixed-script-word
// ---------------------------------------------------------------------------

/// How closely a look-alike letter matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Likeness {
    /// The same glyph in ordinary fonts, and a letter of the target
    /// language's everyday alphabet.
    Exact,
    /// Close, or a letter outside the everyday alphabet (Ukrainian `і`).
    Near,
}

/// Groups of letters that look the same, across Latin, Cyrillic and Greek.
const EXACT_TWINS: &[&str] = &[
    "aа", "cс", "eе", "oоο", "pр", "xх", "yу", "ëё", "AАΑ", "BВΒ", "CС", "EЕΕ", "ËЁ", "HНΗ", "KКΚ",
    "MМΜ", "OОΟ", "PРΡ", "TТΤ", "XХΧ", "NΝ", "ZΖ", "YΥ", "IΙ",
];
/// Close look-alikes, and exact ones outside the everyday Russian alphabet.
const NEAR_TWINS: &[&str] = &[
    "iіι", "jј", "sѕ", "hһ", "IІ", "JЈ", "SЅ", "YҮ", "kкκ", "aα", "vν", "uυ", "pρ", "xχ",
];

/// The twin of `c` in script `target`, if any.
fn twin(c: char, target: Script) -> Option<(char, Likeness)> {
    for (groups, likeness) in [(EXACT_TWINS, Likeness::Exact), (NEAR_TWINS, Likeness::Near)] {
        for g in groups {
            if g.contains(c) {
                if let Some(t) = g.chars().find(|&t| letter_script(t) == Some(target)) {
                    return Some((t, likeness));
                }
            }
        }
    }
    None
}

/// Letter counts per script family of a word, in order of first appearance.
fn letter_counts(word: &str) -> Vec<(Script, usize)> {
    let mut counts: Vec<(Script, usize)> = Vec::with_capacity(3);
    for c in word.chars() {
        if let Some(s) = letter_script(c).map(family) {
            match counts.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    counts
}

/// Whether the Greek letters of a Latin or Cyrillic word are a scientific
/// symbol or unit rather than look-alikes: `μm`, `kΩ`, `TNFα`, `κB`, `αvβ3`.
fn greek_is_symbol(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_greek = |c: char| letter_script(c) == Some(Script::Greek);
    // Greek letters only in a leading and a trailing run.
    let lead = letters.iter().take_while(|&&c| is_greek(c)).count();
    let trail = letters.iter().rev().take_while(|&&c| is_greek(c)).count();
    let inner_greek = letters[lead..letters.len().saturating_sub(trail).max(lead)]
        .iter()
        .any(|&c| is_greek(c));
    let rest: Vec<char> = letters.iter().copied().filter(|&c| !is_greek(c)).collect();
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    // Inner Greek next to a digit (`αvβ3`) is still a symbol.
    let inner_ok = !inner_greek || has_digit;
    let unit_prefix =
        letters.iter().any(|&c| matches!(c, 'μ' | 'µ' | 'Ω' | 'ω')) && rest.len() <= 3;
    let acronym = rest.iter().any(|c| c.is_uppercase()) || has_digit;
    inner_ok && (lead > 0 || trail > 0) && (unit_prefix || acronym)
}

/// Whether every apostrophe-separated part of the word is in one script:
/// a foreign word with a native inflection (`iPhone’ом`, `Facebook'а`).
fn inflected_foreign_word(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['\'', '’', 'ʼ']).collect();
    parts.len() > 1 && parts.iter().all(|p| letter_counts(p).len() <= 1)
}

/// The finding for one mixed word at byte `start`, if it is not a legitimate mix.
fn check_mixed_word(word: &str, start: usize, doc_script: Option<Script>) -> Option<Diagnostic> {
    let counts = letter_counts(word);
    if counts.len() < 2 || counts.iter().any(|&(s, _)| is_unspaced(s)) {
        return None;
    }
    let has = |s: Script| counts.iter().any(|&(k, _)| k == s);
    if has(Script::Greek) && counts.len() == 2 && greek_is_symbol(word) {
        return None;
    }
    if inflected_foreign_word(word) {
        return None;
    }

    // Main script: the most frequent; ties go to the document's script.
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| (Some(b.0) == doc_script).cmp(&(Some(a.0) == doc_script)))
    });
    let (main, main_n) = sorted[0];
    let odd_n: usize = sorted[1..].iter().map(|&(_, n)| n).sum();
    let scripts = sorted
        .iter()
        .map(|&(s, _)| name(s))
        .collect::<Vec<_>>()
        .join(" and ");
    let range = start..start + word.len();
    let mut message = format!("word mixes {scripts} letters");

    // 1. Look-alikes: rewrite the odd letters in the main script.
    if let Some((fixed, likeness, pairs)) = respell(word, main) {
        let clear = main_n >= 2 * odd_n;
        message.push_str(&format!(
            " ({} look{} like {} {})",
            pairs
                .iter()
                .map(|(from, _)| format!("`{from}` U+{:04X}", *from as u32))
                .collect::<Vec<_>>()
                .join(", "),
            if pairs.len() == 1 { "s" } else { "" },
            name(main),
            pairs
                .iter()
                .map(|(_, to)| format!("`{to}`"))
                .collect::<Vec<_>>()
                .join(", "),
        ));
        let d = Diagnostic::new(range.clone(), message).confidence(0.95);
        return Some(if clear {
            let applicability = match likeness {
                Likeness::Exact => Applicability::Safe,
                Likeness::Near => Applicability::Unsafe,
            };
            d.fix(range, fixed, applicability)
        } else {
            d.confidence(0.9)
        });
    }

    // 2. A Latin or Cyrillic word glued to an Arabic or Hebrew one.
    if counts.len() == 2 && is_rtl(counts[0].0) != is_rtl(counts[1].0) {
        let scripts = [counts[0].0, counts[1].0];
        return match glued(word, start, &scripts, &message) {
            Glued::Convention => None,
            Glued::Finding(d) => Some(d),
        };
    }
    Some(Diagnostic::new(range, message).confidence(0.9))
}

/// A respelled word, the worst likeness of its replacements, and the
/// replaced pairs.
type Respelled = (String, Likeness, Vec<(char, char)>);

/// The word respelled in `target` when every letter of another script has a
/// twin there, with the worst likeness and the replaced pairs.
fn respell(word: &str, target: Script) -> Option<Respelled> {
    let mut out = String::with_capacity(word.len());
    let mut worst = Likeness::Exact;
    let mut pairs: Vec<(char, char)> = Vec::new();
    for c in word.chars() {
        match letter_script(c).map(family) {
            Some(s) if !compatible(s, target) => {
                let (t, likeness) = twin(c, target)?;
                worst = worst.max(likeness);
                if !pairs.contains(&(c, t)) {
                    pairs.push((c, t));
                }
                out.push(t);
            }
            _ => out.push(c),
        }
    }
    Some((out, worst, pairs))
}

/// What to make of a word that glues a right-to-left script to another one.
enum Glued {
    /// A written convention (`الـCIA`, `وRT`): no finding.
    Convention,
    /// Missing spaces (and tatweels): the finding.
    Finding(Diagnostic),
}

/// Proclitics that take a tatweel before a Latin word (`الـCIA`, `بـFacebook`);
/// `و` and `ف` alone are glued without one (`وRT`).
fn wants_tatweel(proclitic: &str) -> bool {
    !matches!(proclitic, "و" | "ف")
}

/// A word whose letters switch between a right-to-left script and another
/// one: words of two such scripts never share a word, so every switch is a
/// missing space (`iPhoneالجديد`, `تسمحSolidللمستخدمين`), except after an
/// Arabic proclitic (`الـCIA`, `وRT`), which takes a tatweel or nothing.
fn glued(word: &str, start: usize, scripts: &[Script], message: &str) -> Glued {
    // Segments of one script: (script, byte start); non-letters stay with
    // the segment they follow (`F125المشؤومة` splits before `ال`).
    let mut segments: Vec<(Script, usize)> = Vec::new();
    for (i, c) in word.char_indices() {
        if let Some(s) = letter_script(c).map(family) {
            if segments.last().is_none_or(|&(k, _)| k != s) {
                segments.push((s, i));
            }
        }
    }
    let mut out = String::with_capacity(word.len() + 4);
    let mut spaces = 0;
    let mut tatweels = 0;
    let mut last_gap = ("", "");
    for (k, &(s, from)) in segments.iter().enumerate() {
        let to = segments.get(k + 1).map_or(word.len(), |&(_, i)| i);
        let seg = &word[from..to];
        if k > 0 {
            let prev = &word[segments[k - 1].1..from];
            let bare = prev.trim_end_matches('ـ');
            let proclitic = segments[k - 1].0 == Script::Arabic
                && !is_rtl(s)
                && arabic::TATWEEL_PROCLITICS.contains(&bare);
            if proclitic {
                if bare.len() == prev.len() && wants_tatweel(bare) {
                    out.push('ـ');
                    tatweels += 1;
                }
            } else {
                out.push(' ');
                spaces += 1;
                last_gap = (prev, seg);
            }
        }
        out.push_str(seg);
    }
    if spaces + tatweels == 0 {
        return Glued::Convention;
    }
    let range = start..start + word.len();
    let detail = match (spaces, tatweels) {
        (1, 0) => format!(
            ": a space is missing between `{}` and `{}`",
            last_gap.0, last_gap.1
        ),
        (n, 0) => format!(": {n} spaces are missing"),
        (0, _) => ": an Arabic prefix before a Latin word takes a tatweel (`الـCIA`)".to_string(),
        _ => ": spaces and a tatweel are missing".to_string(),
    };
    let mut d = Diagnostic::new(range.clone(), format!("{message}{detail}"))
        .confidence(0.85)
        .fix(range, out, Applicability::Safe);
    // A Latin name glued to Arabic is a typo; Cyrillic glued to Arabic is garble.
    if scripts.iter().all(|&s| is_rtl(s) || s == Script::Latin) {
        d = d.severity(Severity::Info);
    }
    Glued::Finding(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    const SEED_LINE: &str = "أوضح رئيس الأركان الروسي أن القوات الأوكرانية في كورسك محاصرة ومعزولة وتعرض لتدمير مستمر ، بينما تواصل القوات الروسية تحرير الأراضي الروسية بهدف الوصول إلى الحدود في وقت مبكر.\nптин кре мид и и крекийй чөийн жилилараг уирдсан уирдаааа трввээ. урррсافقة ооогоссн давшилтгг ццрайнoid с сид үрээүүүэхалаварө өөөн бна. pic.twitter.com/ry1yyiqzki\n– энхэhy (@enkhee0369) 13 مارس 2025\nفي سياق ذي صلة ، أكد وزير الخارجية الروسي سيرجي لافروف أن بلاده لن تقبل أي وجود لقوات الناتو على الأراضي الأوكرانية تحت أي ظرف من الظروف.";

    // Arabic filler long enough to make Arabic the clear main script.
    const AR: &str = "قال المتحدث باسم الحكومة في مؤتمر صحفي عقده اليوم في العاصمة إن الوزارة ستواصل العمل مع الشركاء الدوليين لتحقيق الاستقرار في المنطقة وتعزيز التعاون الاقتصادي بين البلدين خلال السنوات المقبلة.";
    const RU: &str = "Президент заявил журналистам в четверг, что правительство продолжит работу с международными партнерами для обеспечения стабильности в регионе и укрепления экономического сотрудничества между странами.";

    #[test]
    fn mixed_words_in_the_seed() {
        let f = flagged(&MixedScriptWord, SEED_LINE);
        assert_eq!(f, vec!["урррсافقة", "ццрайнoid", "энхэhy"]);
        let d = diagnostics(&MixedScriptWord, SEED_LINE, None);
        assert!(
            d[0].message.contains("Cyrillic and Arabic"),
            "{}",
            d[0].message
        );
        assert!(d[1].fix.is_none(), "d has no Cyrillic twin");
        // h → һ is outside the Russian alphabet: unsafe.
        let fix = d[2].fix.as_ref().expect("fix");
        assert_eq!(fix.replacement, "энхэһу");
        assert_eq!(fix.applicability, Applicability::Unsafe);
    }

    #[test]
    fn look_alikes_are_respelled_safely() {
        assert_eq!(
            fixed(&MixedScriptWord, "Доступ к Wi-Fi cети платный.", Some("ru")),
            "Доступ к Wi-Fi сети платный."
        );
        assert_eq!(
            fixed(&MixedScriptWord, "the prοblem is solved", Some("en")),
            "the problem is solved"
        );
        let d = diagnostics(&MixedScriptWord, "Тhe end of the story", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("looks like Latin `T`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        // No clear majority: no fix.
        let d = diagnostics(&MixedScriptWord, "so аb is", Some("en"));
        assert_eq!(d.len(), 1);
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn glued_latin_and_arabic_get_spaces() {
        let text = "أعلنت الشركة عن iPhoneالجديد اليوم";
        assert_eq!(flagged(&MixedScriptWord, text), vec!["iPhoneالجديد"]);
        let d = diagnostics(&MixedScriptWord, text, Some("ar"));
        assert_eq!(d[0].severity, Some(Severity::Info));
        assert!(
            d[0].message.contains("between `iPhone` and `الجديد`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            fixed(&MixedScriptWord, text, Some("ar")),
            "أعلنت الشركة عن iPhone الجديد اليوم"
        );
        for (word, want) in [
            ("تسمحSolidللمستخدمين", "تسمح Solid للمستخدمين"),
            ("علىBellengliseوLehaucourt", "على Bellenglise وLehaucourt"),
            ("موديلF125المشؤومة", "موديل F125 المشؤومة"),
            ("قالت الCIA إن", "قالت الـCIA إن"),
            ("عن بالFBI", "عن بالـFBI"),
        ] {
            assert_eq!(fixed(&MixedScriptWord, word, Some("ar")), want);
        }
        // Cyrillic glued to Arabic is garble: a warning, still split.
        let d = diagnostics(&MixedScriptWord, "كلمة урррсافقة هنا", Some("ar"));
        assert_eq!(d[0].severity, None);
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "урррс افقة");
    }

    #[test]
    fn legitimate_mixes_stay_quiet() {
        for (text, lang) in [
            ("قالت الـCIA إن بـFacebook والـNATO وRT فCNN", Some("ar")),
            (
                "a 5 μm filter and 10 μg/mL of TNFα, NF-κB and Aβ",
                Some("en"),
            ),
            ("a 4.7 kΩ resistor with αvβ3 integrin", Some("en")),
            ("Он купил новый iPhone’ом и Facebook'а", Some("ru")),
            ("新しいTシャツとiPhone手机、NATO는 발표했다", None),
            ("iPhoneรุ่นใหม่ ออกแล้ว", None),
            ("McDonald's, iPhone, eBay et PlayStation", Some("fr")),
            ("Новый iPhone и Wi-Fi сеть", Some("ru")),
        ] {
            assert!(
                flagged_in(&MixedScriptWord, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&MixedScriptWord, text, lang)
            );
        }
    }

    #[test]
    fn the_seed_run_is_one_finding_with_an_unsafe_deletion() {
        let d = diagnostics(&ForeignScriptRun, SEED_LINE, Some("ar"));
        assert_eq!(d.len(), 1, "{d:?}");
        let text = &SEED_LINE[d[0].range.clone()];
        assert!(text.starts_with("птин кре мид"), "{text}");
        assert!(text.ends_with("өөөн бна."), "{text}");
        assert_eq!(d[0].message, "run of 20 Cyrillic words in Arabic text");
        assert!(d[0].confidence >= 0.9);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let out = fixed(&ForeignScriptRun, SEED_LINE, Some("ar"));
        assert!(out.contains("مبكر.\npic.twitter.com/ry1yyiqzki\n"), "{out}");
    }

    #[test]
    fn latin_run_in_arabic_and_russian() {
        // Runs that read as a real language (`the government will not
        // accept this deal`) are `wrong-language`'s since that rule came;
        // these are garble no language claims.
        let text = format!("{AR} وقال الوزير xqzt vrkpl wmnxq bzzrt kkvvq اليوم.");
        let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(f, vec!["xqzt vrkpl wmnxq bzzrt kkvvq"]);
        let out = fixed(&ForeignScriptRun, &text, Some("ar"));
        assert!(out.ends_with("وقال الوزير اليوم."), "{out}");
        let text = format!("{AR} وقال الوزير the government will not accept this deal اليوم.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ar")).is_empty());

        let text = format!("{RU} Он добавил, thq tklx wrrq gqing wlkk. Потом ушел.");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].range.clone()], "thq tklx wrrq gqing wlkk.");
        assert_eq!(d[0].message, "run of 5 Latin words in Cyrillic text");
        let out = fixed(&ForeignScriptRun, &text, Some("ru"));
        assert!(out.ends_with("Он добавил, Потом ушел."), "{out}");
    }

    #[test]
    fn code_in_the_text_is_no_foreign_run() {
        // Identifiers, options, placeholders and paths of software
        // translations are code, not Latin words.
        let text = format!(
            "{RU} Задайте cfi_personality_id, --input-file-name или \
             system/proxy/socks, а затем %s pam_set_item."
        );
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
        // A hyphenated name is one word, not a run of three.
        let text = format!("{RU} Запустите gpg-check-pattern, а затем.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
        // The same letters as words are a run.
        let text = format!("{RU} Задайте cfi personality id input file name, а затем.");
        assert_eq!(
            flagged_in(&ForeignScriptRun, &text, Some("ru")),
            ["cfi personality id input file name"]
        );
    }

    #[test]
    fn a_short_complete_sentence_is_info() {
        // Garble shaped as a sentence (a real French one is
        // `wrong-language`'s, which keeps the same info level).
        let text = format!("{RU}\nXqzt vrkpl wmnxq bzzrt kkvvq.\n{RU}");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
        let text = format!("{RU}\nxqzt vrkpl wmnxq bzzrt kkvvq\n{RU}");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ru"));
        assert_eq!(d[0].severity, None);
    }

    #[test]
    fn two_long_lowercase_words_are_a_warning() {
        let text = format!("{AR} تعتمد على tensor networks في التدريب.");
        let d = diagnostics(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Warning));
    }

    #[test]
    fn names_quotes_glosses_and_short_runs_stay_quiet() {
        for tail in [
            "ذكرت صحيفة New York Times أن الرئيس Donald Trump التقى NATO وRT بشأن COVID-19.",
            "أفادت مؤسسة معهد دراسة الحرب (Institute for the Study of War) الأمريكية.",
            "حصل على جائزة Ballon d'Or ولقب Abu Bakr al Baghdadi وكتاب The Power of Now.",
            "غنى أغنية «I Love it» ثم \"the end of the world\" في الحفل.",
            "تابعونا على @enkhee0369 و#Kursk و https://example.com/the/path/of/the/file",
            "قال I Love it ثم Global citizen ثم seg id ثم Canada plus plus.",
        ] {
            let text = format!("{AR} {tail}");
            let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
            assert!(f.is_empty(), "{tail}: {f:?}");
        }
        let text =
            format!("{RU} Организаторы Global citizen и клиники Brigham and Women's Hospital.");
        assert!(flagged_in(&ForeignScriptRun, &text, Some("ru")).is_empty());
    }

    #[test]
    fn bilingual_and_single_script_documents_stay_quiet() {
        let text = "The minister said the talks were going well and would continue.\nقال الوزير إن المحادثات تسير بشكل جيد وستستمر.";
        assert!(flagged(&ForeignScriptRun, text).is_empty());
        assert!(flagged(&ForeignScriptRun, RU).is_empty());
        assert!(flagged(&ForeignScriptRun, AR).is_empty());
        assert!(flagged(&ForeignScriptRun, "").is_empty());
    }

    #[test]
    fn runs_stop_at_line_breaks() {
        let text = format!("{AR}\nxqzt vrkpl wmnxq bzzrt\nkkvvq zzpt qxxw vvrk\n{AR}");
        let f = flagged_in(&ForeignScriptRun, &text, Some("ar"));
        assert_eq!(f, vec!["xqzt vrkpl wmnxq bzzrt", "kkvvq zzpt qxxw vvrk"]);
    }

    #[test]
    fn uncased_scripts_need_four_words() {
        let en = "The minister said on Thursday that the government would continue to work with international partners to ensure stability in the region and to strengthen economic cooperation between the two countries in the coming years.";
        let f = flagged_in(
            &ForeignScriptRun,
            &format!("{en} He wrote محمد بن سلمان there."),
            Some("en"),
        );
        assert!(f.is_empty(), "{f:?}");
        // Four Arabic words that are no identifiable Arabic (real Arabic is
        // `wrong-language`'s).
        let f = flagged_in(
            &ForeignScriptRun,
            &format!("{en} He wrote ضصث قفغ عهخ حجد there."),
            Some("en"),
        );
        assert_eq!(f, vec!["ضصث قفغ عهخ حجد"]);
    }
}
