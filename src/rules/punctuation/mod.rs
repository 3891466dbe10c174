//! Spacing around punctuation, and doubled punctuation: `بوتين ،`,
//! `عليها.الروس`, `end.The`, `ميدانياً..`.

mod missing_space_after_punctuation;
mod repeated_punctuation;
mod space_before_punctuation;
mod unbalanced_brackets;
mod unbalanced_quotes;
pub use missing_space_after_punctuation::MissingSpaceAfterPunctuation;
pub use repeated_punctuation::RepeatedPunctuation;
pub use space_before_punctuation::SpaceBeforePunctuation;
pub use unbalanced_brackets::UnbalancedBrackets;
pub use unbalanced_quotes::UnbalancedQuotes;

use crate::analysis::quote_marks::{bracket_marks, quote_marks, BracketMark, QuoteMark, Role};
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Rule, RuleMeta};
use crate::text::{Document, TokenKind};
use unicode_script::Script;

/// The single character of a punctuation token, if it is one.
fn punct_char(doc: &Document, i: usize) -> Option<char> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Punct {
        return None;
    }
    doc.text[t.range.clone()].chars().next()
}

fn char_after(doc: &Document, i: usize) -> Option<char> {
    doc.text[doc.tokens[i].range.end..].chars().next()
}

/// Letters of a word, not counting tatweel and combining marks.
fn letters(word: &str) -> usize {
    word.chars()
        .filter(|&c| c.is_alphabetic() && c != 'ـ')
        .count()
}

/// Spaces that French typography (and careful typesetting elsewhere) puts
/// before `; : ! ? »` on purpose.
fn is_typographic_space(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2006}'))
}

fn quote_at(quotes: &[QuoteMark], i: usize) -> Option<&QuoteMark> {
    quotes
        .binary_search_by_key(&i, |m| m.token)
        .ok()
        .map(|k| &quotes[k])
}

fn bracket_at(brackets: &[BracketMark], i: usize) -> Option<usize> {
    brackets.binary_search_by_key(&i, |b| b.token).ok()
}

/// Common file extensions, which follow a dot without a space (`report.pdf`).
const EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "txt", "html", "htm", "xml", "json", "csv", "xls", "xlsx", "ppt", "pptx",
    "jpg", "jpeg", "png", "gif", "svg", "webp", "mp3", "mp4", "avi", "mov", "wav", "zip", "rar",
    "exe", "php", "asp", "aspx", "js", "py", "rs", "md", "odt", "rtf", "epub", "tar", "gz",
];

/// Whether a word is written in a script with upper and lower case.
fn cased(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
}

/// Why the mark at token `i`, between words `p` and `n`, lacks a space after
/// it: a confidence, or `None` when the glue is normal.
/// `pi` is the word before the mark: `i - 1`, or `i - 2` across a closing
/// quotation mark or bracket (`الأراضي".أوكراني`).
fn glued_between_words(doc: &Document, pi: usize, i: usize, c: char) -> Option<f32> {
    let (p, n) = (&doc.tokens[pi], &doc.tokens[i + 1]);
    let (pt, nt) = (doc.token_text(pi), doc.token_text(i + 1));
    // Dotted chains: `U.S.A`, `e.g.`, `a.m.`, `java.util.List`, `т.е.`.
    if pi >= 1 && punct_char(doc, pi - 1).is_some_and(|d| d == '.' || d == c) {
        return None;
    }
    if punct_char(doc, i + 2) == Some(c)
        && doc
            .tokens
            .get(i + 3)
            .is_some_and(|t| t.is_word() || t.kind == TokenKind::Number)
    {
        return None;
    }
    let arabic = |s: Option<Script>| s == Some(Script::Arabic);
    let (pl, nl) = (letters(pt), letters(nt));
    if arabic(p.script) && arabic(n.script) {
        // `د.أحمد`, `ق.م`, `ص.ب`: one letter is an abbreviation.
        if pl <= 1 || nl <= 1 {
            return None;
        }
        return Some(if c == '،' { 0.95 } else { 0.9 });
    }
    if matches!(c, '،' | '؛' | '؟') && (arabic(p.script) || arabic(n.script)) {
        return (pl > 1 && nl > 1).then_some(0.9);
    }
    if !(cased(pt) && cased(nt)) || p.mixed || n.mixed || pl < 2 || nl < 2 {
        return None;
    }
    let p_lower_end = pt.chars().rev().find(|c| c.is_alphabetic())?.is_lowercase();
    let mut nc = nt.chars().filter(|c| c.is_alphabetic());
    let n_capital = nc.next()?.is_uppercase() && nc.next().is_some_and(char::is_lowercase);
    match c {
        '.' | '!' | '?' | ':' if p_lower_end && n_capital => Some(0.85),
        '.' if p_lower_end
            && pl >= 4
            && nl >= 4
            && nt.chars().all(char::is_lowercase)
            && !EXTENSIONS.contains(&nt) =>
        {
            Some(0.6)
        }
        ',' | ';' if p_lower_end => Some(0.8),
        _ => None,
    }
}

/// Whether an Arabic word is a one-letter proclitic (`و` and, `ف`, `ب`, `ل`,
/// `ك`, `س`, with `و`/`ف` before another: `وب`, `فل`, and tatweel: `بـ`),
/// which attaches to the next word even when that word is quoted: `و"تويتر"`.
fn is_proclitic(word: &str) -> bool {
    let core: Vec<char> = word.chars().filter(|&c| c != 'ـ').collect();
    match core.as_slice() {
        [c] => matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س'),
        [a, b] => matches!(a, 'و' | 'ف') && matches!(b, 'ب' | 'ل' | 'ك' | 'س'),
        _ => false,
    }
}

/// The span of punctuation token `i` with the words glued to it on either
/// side, so a finding quotes `البلاد"موجود` rather than a lone `"`.
fn glued_span(doc: &Document, i: usize) -> std::ops::Range<usize> {
    let t = &doc.tokens;
    let start = if i > 0 && t[i - 1].is_word() {
        t[i - 1].range.start
    } else {
        t[i].range.start
    };
    let end = match t.get(i + 1) {
        Some(n) if n.is_word() => n.range.end,
        _ => t[i].range.end,
    };
    start..end
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '،' | ';' | '؛')
}

fn is_question_or_bang(c: char) -> bool {
    matches!(c, '?' | '؟' | '!')
}

/// The diagnostic for one run of adjacent marks, if it is one.
fn judge_run(
    run: &str,
    count: usize,
    before: Option<char>,
    after: Option<char>,
    prev_script: Option<Script>,
    range: std::ops::Range<usize>,
) -> Option<Diagnostic> {
    let first = run.chars().next()?;
    let last = run.chars().next_back()?;
    let same = run.chars().all(|c| c == first);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let single = first.to_string();
    let warn = |msg: String, confidence: f32, fix: &str, app: Applicability| {
        Diagnostic::new(range.clone(), msg)
            .confidence(confidence)
            .fix(range.clone(), fix, app)
    };
    if same {
        return match first {
            '.' if count == 2 => {
                // `../`, `1..10`, `..` at the start of a token.
                if after == Some('/') || before == Some('/') || (digit(before) && digit(after)) {
                    return None;
                }
                Some(warn(
                    "`..`: two full stops (one, or an ellipsis `...`)".into(),
                    0.85,
                    ".",
                    Applicability::Unsafe,
                ))
            }
            '.' if count == 3 => None,
            '.' => Some(
                warn(
                    format!("{count} full stops: an ellipsis has three"),
                    0.6,
                    "...",
                    Applicability::Unsafe,
                )
                .severity(Severity::Info),
            ),
            ':' => {
                // `std::io`, `::=`, `::1`, `:::` separators.
                if count > 2 || word(after) || after == Some('=') || !word(before) {
                    return None;
                }
                Some(warn(
                    "`::`: doubled colon".into(),
                    0.8,
                    ":",
                    Applicability::Safe,
                ))
            }
            c if is_comma(c) => Some(warn(
                format!("`{run}`: doubled `{c}`"),
                0.9,
                &single,
                Applicability::Safe,
            )),
            _ if count == 2 => Some(warn(
                format!("`{run}`: doubled `{first}`"),
                0.7,
                &single,
                Applicability::Unsafe,
            )),
            _ => Some(
                warn(
                    format!("`{run}`: emphatic punctuation, informal in published text"),
                    0.5,
                    &single,
                    Applicability::Unsafe,
                )
                .severity(Severity::Info),
            ),
        };
    }
    if run.chars().all(is_question_or_bang) {
        // `?!`, `؟!` are emphatic questions; longer mixes are informal.
        return (count >= 3).then(|| {
            Diagnostic::new(
                range.clone(),
                format!("`{run}`: emphatic punctuation, informal in published text"),
            )
            .confidence(0.5)
            .severity(Severity::Info)
        });
    }
    if run.chars().all(is_comma) {
        return Some(warn(
            format!("`{run}`: two commas"),
            0.9,
            &single,
            Applicability::Safe,
        ));
    }
    if is_comma(first) {
        // `,.` `،.` `,؟`: keep the last mark, which usually ends the clause.
        let rest: String = run.chars().skip_while(|&c| is_comma(c)).collect();
        if rest.is_empty() || rest.contains(':') {
            return None;
        }
        return Some(warn(
            format!("`{run}`: a comma before `{last}`"),
            0.8,
            &rest,
            Applicability::Unsafe,
        ));
    }
    if first == '.' && count == 2 && (last == '،' || last == '؛') {
        // In cased scripts `.,` follows abbreviations (`etc.,`); Arabic has none.
        if prev_script == Some(Script::Arabic) {
            return Some(warn(
                format!("`{run}`: a full stop before `{last}`"),
                0.8,
                ".",
                Applicability::Unsafe,
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    #[test]
    fn space_before_arabic_and_latin_marks() {
        let text = "زار الرئيس الروسي فلاديمير بوتين ، يوم الأربعاء ، منطقة كورسك .";
        assert_eq!(flagged(&SpaceBeforePunctuation, text), [" ،", " ،", " ."]);
        assert_eq!(
            fixed(&SpaceBeforePunctuation, text, None),
            "زار الرئيس الروسي فلاديمير بوتين، يوم الأربعاء، منطقة كورسك."
        );
        let text = "No , no, The Clarion Ledger reported . Why ? Stop !";
        assert_eq!(
            flagged_in(&SpaceBeforePunctuation, text, Some("en")),
            [" ,", " .", " ?", " !"]
        );
        assert_eq!(
            flagged_in(&SpaceBeforePunctuation, "Он сказал « нет » .", Some("ru")),
            [" »", " ."]
        );
        let d = diagnostics(&SpaceBeforePunctuation, "بوتين ، زار", None);
        assert!(d[0].confidence > 0.9);
    }

    #[test]
    fn space_before_closing_quotes_and_brackets() {
        assert_eq!(
            flagged(
                &SpaceBeforePunctuation,
                "هم “إرهابيون ” وفقًا للقانون الروسي."
            ),
            [" ”"]
        );
        assert_eq!(
            flagged(
                &SpaceBeforePunctuation,
                "He visited Kursk (west of Russia ) today."
            ),
            [" )"]
        );
        // Padded on both sides: a style, reported as info.
        let d = diagnostics(&SpaceBeforePunctuation, "كورسك ( غرب روسيا ) اليوم.", None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
    }

    #[test]
    fn space_before_stays_quiet_where_correct() {
        for (text, lang) in [
            (
                "Il a dit : « Non ! » Pourquoi ? Parce que ; voilà.",
                Some("fr"),
            ),
            ("He said\u{00A0}: yes\u{202F}!", Some("en")),
            ("Written in .NET with .5 more and wait ...", Some("en")),
            ("Great :) and ;-) and :D", Some("en")),
            ("a ) first\nb ) second", Some("en")),
            (", starts the line\n. also", Some("en")),
            ("Name\t: value", Some("en")),
            ("Han sa ”hej” och ” gick.", Some("sv")),
            ("Er sagte »Hallo« und ging.", Some("de")),
            ("use !important here", Some("en")),
            (
                "قال بوتين، يوم الأربعاء، إن القوات (الروسية) تقدمت.",
                Some("ar"),
            ),
            ("Also 0 ,5 percent", Some("en")),
        ] {
            assert!(
                flagged_in(&SpaceBeforePunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&SpaceBeforePunctuation, text, lang)
            );
        }
    }

    #[test]
    fn missing_space_after_marks_in_arabic() {
        let text = "استعادت القوات السيطرة عليها.الروس في كورسك،اليوم وفي الماضي.الشمال";
        assert_eq!(
            flagged(&MissingSpaceAfterPunctuation, text),
            ["عليها.الروس", "كورسك،اليوم", "الماضي.الشمال"]
        );
        assert_eq!(
            fixed(&MissingSpaceAfterPunctuation, text, None),
            "استعادت القوات السيطرة عليها. الروس في كورسك، اليوم وفي الماضي. الشمال"
        );
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "قال بوتين:هناك حاجة ماسة للمزيد."
            ),
            ["بوتين:هناك"]
        );
    }

    #[test]
    fn missing_space_after_marks_in_cased_scripts() {
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "و \"شكر الجنود على تحرير الأراضي\".أوكراني"
            ),
            ["الأراضي\".أوكراني"]
        );
        // A `;` after a word that no `&` opens is glue, entity name or not.
        let text = "The talks came to an end.The delegates left this,that behind, nbsp;said.";
        assert_eq!(
            flagged_in(&MissingSpaceAfterPunctuation, text, Some("en")),
            ["end.The", "this,that", "nbsp;said"]
        );
        assert_eq!(
            flagged_in(
                &MissingSpaceAfterPunctuation,
                "Переговоры закончились.Делегаты уехали.",
                Some("ru")
            ),
            ["закончились.Делегаты"]
        );
    }

    #[test]
    fn missing_space_after_quotes_and_brackets() {
        let text =
            "وأضاف \"وعليه يبقى الخطر الأكبر على البلاد\"موجود ، وفي الواقع يصبح أكثر موضوعية \".";
        let d = diagnostics(&MissingSpaceAfterPunctuation, text, None);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&text[d[0].range.clone()], "البلاد\"موجود");
        assert_eq!(
            fixed(
                &MissingSpaceAfterPunctuation,
                "و6 صواريخ “هيمارس”أمريكية الصنع.",
                None
            ),
            "و6 صواريخ “هيمارس” أمريكية الصنع."
        );
        assert_eq!(
            fixed(&MissingSpaceAfterPunctuation, "قال\"نعم\" ثم رحل.", None),
            "قال \"نعم\" ثم رحل."
        );
        assert_eq!(
            flagged(
                &MissingSpaceAfterPunctuation,
                "قوات حلف الناتو (الناتو)على الأراضي."
            ),
            ["الناتو)على"]
        );
    }

    #[test]
    fn missing_space_after_stays_quiet() {
        for (text, lang) in [
            (
                "See pic.twitter.com/abc and العربية.نت or mail a.b@example.com.",
                None,
            ),
            (
                "It rose 3.5 points at 10:30 to 1,100 in v1.2 of the app.",
                Some("en"),
            ),
            ("محطة كورسك-2 للطاقة النووية", Some("ar")),
            (
                "The U.S. and e.g. Ph.D. and J.K. Rowling at 9 a.m. today.",
                Some("en"),
            ),
            ("т.е. всё и т.д. и т.п.", Some("ru")),
            (
                "Open report.pdf and java.util.List or node.js now.",
                Some("en"),
            ),
            ("قال د.أحمد إن ذلك حدث عام 300 ق.م في المنطقة.", Some("ar")),
            ("A.B testing and x,y coordinates.", Some("en")),
            // HTML entities are `escaped-text`'s: `&nbsp;said` is no glue.
            ("The minister&nbsp;said so, &amp;amp;then left.", Some("en")),
            ("قال الوزير&nbsp;إن المحادثات انتهت.", Some("ar")),
            ("He said \"yes\", then left. She said «non».", Some("en")),
            ("My friend(s) will (re)build it.", Some("en")),
            ("Er sagte »Hallo« und ging.", Some("de")),
            ("وقال \"نعم\"، ثم رحل.", Some("ar")),
            ("Bonjour l'«ami».", Some("fr")),
            (
                "مواقع مثل \"ريديت\" و\"تويتر\" وغيرها، وبدل كوليبالي بـ\"ريان كينت\".",
                Some("ar"),
            ),
            (
                "\"He said, \"Because he makes me laugh,\"\" Ms. Scovell told me.",
                Some("en"),
            ),
        ] {
            assert!(
                flagged_in(&MissingSpaceAfterPunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&MissingSpaceAfterPunctuation, text, lang)
            );
        }
    }

    #[test]
    fn repeated_marks() {
        let text = "ميدانياً.. أعلنت وزارة الدفاع،، أن قواتها حسنت مواقعها؟؟";
        assert_eq!(flagged(&RepeatedPunctuation, text), ["..", "،،", "؟؟"]);
        let d = diagnostics(&RepeatedPunctuation, text, None);
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        assert_eq!(
            d[1].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        assert_eq!(
            flagged_in(
                &RepeatedPunctuation,
                "Really?? He said so,, twice!!",
                Some("en")
            ),
            ["??", ",,", "!!"]
        );
        assert_eq!(
            flagged_in(&RepeatedPunctuation, "Он ушёл,. Потом;;", Some("ru")),
            [",.", ";;"]
        );
        assert_eq!(
            fixed(&RepeatedPunctuation, "He said so,, twice,.", Some("en")),
            "He said so, twice."
        );
    }

    #[test]
    fn repeated_marks_mild_and_quiet_cases() {
        let d = diagnostics(
            &RepeatedPunctuation,
            "Wait.... What!!! Really?!?",
            Some("en"),
        );
        assert_eq!(d.len(), 3);
        assert!(d.iter().all(|d| d.severity == Some(Severity::Info)));
        for (text, lang) in [
            ("Wait... and then… what?! Really!? هل هذا صحيح؟!", None),
            (
                "cd ../src and 1..10 and std::io::Result and x ::= y",
                Some("en"),
            ),
            ("It was etc., and the U.S., too.", Some("en")),
            ("\"Why?,\" he asked.", Some("en")),
        ] {
            assert!(
                flagged_in(&RepeatedPunctuation, text, lang).is_empty(),
                "{text}: {:?}",
                flagged_in(&RepeatedPunctuation, text, lang)
            );
        }
        assert_eq!(
            flagged_in(&RepeatedPunctuation, "انتهى الاجتماع.، ثم رحل", Some("ar")),
            [".،"]
        );
    }
}
