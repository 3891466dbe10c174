//! `mojibake`: UTF-8 text that was read through a wrong single-byte code page
//! (`Ø§Ù„` for `ال`), with the exact repair as its fix. The detection and
//! repair engine is [`crate::language::codepage`].

use crate::language::codepage::{self, Repair};
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::Document;

/// `mojibake`: spans of UTF-8 decoded as Windows-1252, 1251, 1256 … .
pub struct Mojibake;

static MOJIBAKE: RuleMeta = RuleMeta {
    id: "mojibake",
    severity: Severity::Error,
    harm: Harm::Corruption,
    summary: "UTF-8 text read through a wrong code page (`Ø§Ù„`, `Ш§Щ„`, `ط§ظ„` for `ال`)",
    explanation: r#"## What it does
Finds spans of text whose characters are the bytes of UTF-8 text decoded
with a single-byte code page, names the code page, and offers the exact
repair: encode the span with that code page again and decode the bytes as
UTF-8. The code pages are Windows-1252 and Latin-1, Windows-1251, 1256,
1250, 1253, 1254, 1257, ISO-8859-2, Mac Roman and CP437. Text garbled twice
(`Ã¢â‚¬â„¢` for `’`) is repaired layer by layer. Spans inside otherwise good
text are found one by one: the check works on runs of characters within a
line, not on whole files.

A span is reported only when its repair is clearly better text: fewer odd
spots (symbols glued between letters as in `Ø§Ù`, a capital after a
lowercase letter as in `rÃ©`, letters of two scripts in one word), no
control or private-use characters, and letters that some language writes.

Findings of other rules inside a `mojibake` span (the `„` of `Ù„` taken
for a quotation mark) are dropped: they are symptoms of this one error,
and its repair removes them all. `invalid-encoding` stays: it is about the
file's bytes, which only its fix converts.

## Why is this bad?
No reader can read mojibake, and no other check sees through it: a whole
Arabic article read as Windows-1252 looks like Latin text with odd
accents. It happens when text passes through a system that guesses the
encoding wrong, and it spreads: the garbled text is saved as UTF-8 and
garbled again.

## Example
```text
Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©              → العربية   (UTF-8 read as Windows-1252)
Ш§Щ„Ш№Ш±ШЁЩЉШ©              → العربية   (Windows-1251)
ط§ظ„ط¹ط±ط¨ظٹط©              → العربية   (Windows-1256)
РґРѕСЂРѕРіРµ              → дороге    (Windows-1251)
un rÃ©gime Ã©quilibrÃ©  → un régime équilibré
doesnÃ¢â‚¬â„¢t          → doesn’t   (Windows-1252, twice)
```

## Fix safety
The fix is the exact repair, checked by garbling it again: the result
must give back the flagged text byte for byte. It is **safe** when that
holds, the span restores at least two characters, and the repair removes
at least two odd spots from its line and leaves none in itself; otherwise
(a single accented letter, a repair that still looks odd) it is
**unsafe**. A lone `Ã` before a space (`voilÃ le travail`, where the
non-breaking space of `à` became a space) is read as `à`: a guess, always
unsafe. A lone `à` of a Latin line read through Windows-1251, 1256 or Mac
Roman (`Г` or `أ` before a no-break space, `√†`) is found too, with an
unsafe fix: one pair of characters restores one letter.

## Limits
It does not catch mojibake that lost bytes on the way (characters
replaced by `?` or `�`, `Å veices` for `Šveices`), text encoded as CESU-8
or UTF-16, double-byte code pages (Shift-JIS, GBK), or single-byte text
read as UTF-8 (which gives `�`, see `replacement-character`). It leaves
alone spans whose repair looks no better than the garble: one accented
capital before a symbol (`NESTLÉ®`), a lone garbled letter on a line whose
other accents are fine, Greek letters inside Latin words (`IL2RÎ³cKO`),
ligatures and fullwidth punctuation, and lines of a single sequence with
nothing odd around it (`âœ”` alone). C1 controls that stand for
Windows-1252 punctuation without any UTF-8 (`\x93`) are
`control-character`'s. When two code pages give the same repair
(Windows-1252 and 1254 for Arabic) it names the more common one, and when
they give two repairs (`ĂźĂ¤` is `üä` through ISO-8859-2, `ßä` through
Windows-1250) it picks one by fewer capitals and marks, then by the more
common code page.
"#,
};

impl Rule for Mojibake {
    fn supersedes_inside(&self) -> bool {
        true
    }

    fn meta(&self) -> &'static RuleMeta {
        &MOJIBAKE
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for r in codepage::find(doc.text) {
            out.push(diagnostic(doc.text, r));
        }
    }
}

/// The span garbled again through the repair's code pages, innermost first:
/// equal to the flagged text when the repair is exact.
fn regarble(r: &Repair) -> Option<String> {
    let mut s = r.replacement.clone();
    for name in r.pages.iter().rev() {
        s = if *name == "Latin-1" {
            s.bytes().map(char::from).collect()
        } else {
            codepage::code_page(name)?.decode(s.as_bytes())
        };
    }
    Some(s)
}

fn diagnostic(text: &str, r: Repair) -> Diagnostic {
    let span = &text[r.range.clone()];
    let exact = regarble(&r).as_deref() == Some(span);
    let clean = codepage::oddness(&r.replacement) == 0;
    let applicability = if exact && clean && !r.guess && r.improvement >= 2 && r.restored >= 2 {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    let how = match r.pages.as_slice() {
        [one] => one.to_string(),
        [first, rest @ ..] if rest.iter().all(|p| p == first) => {
            let times = ["", "", "twice", "three times", "four times"];
            format!(
                "{first} {}",
                times.get(r.pages.len()).unwrap_or(&"repeatedly")
            )
        }
        pages => pages.join(", then as "),
    };
    let message = format!(
        "UTF-8 read as {how}: `{}` is `{}`",
        short(span),
        short(&r.replacement)
    );
    let confidence = 0.5 + 0.1 * r.improvement.min(5) as f32;
    Diagnostic::new(r.range.clone(), message)
        .confidence(confidence)
        .fix(r.range, r.replacement, applicability)
}

/// At most 30 characters of `s`, with an ellipsis when cut.
fn short(s: &str) -> String {
    match s.char_indices().nth(30) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged};

    fn garble(s: &str, page: &str) -> String {
        codepage::code_page(page).unwrap().decode(s.as_bytes())
    }

    #[test]
    fn arabic_through_three_pages() {
        let clean = "قال المتحدث باسم الحكومة إن المفاوضات ستستمر الأسبوع المقبل.";
        for (page, sample) in [
            ("Windows-1252", "Ø§Ù„"),
            ("Windows-1251", "Ш§Щ„"),
            ("Windows-1256", "ط§ظ„"),
        ] {
            let g = garble(clean, page);
            assert!(g.contains(sample), "{g}");
            let d = diagnostics(&Mojibake, &g, None);
            assert_eq!(d.len(), 1, "{page}: {d:?}");
            assert!(d[0].message.starts_with(&format!("UTF-8 read as {page}:")));
            let fix = d[0].fix.as_ref().unwrap();
            assert_eq!(fix.applicability, Applicability::Safe, "{page}");
            assert_eq!(fixed(&Mojibake, &g, None), clean, "{page}");
        }
    }

    #[test]
    fn english_french_russian_positives() {
        let cases = [
            (
                "The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.",
                "The Mona Lisa doesn’t have eyebrows.",
            ),
            (
                "Merci de tÃ©lÃ©charger le plug-in.",
                "Merci de télécharger le plug-in.",
            ),
            (
                "РґРѕСЂРѕРіРµ Р\u{98}Р·-РїРѕРґ #С„СѓС‚Р±РѕР»",
                "дороге Из-под #футбол",
            ),
            ("Слово «Ð¿Ñ€Ð¸Ð²ÐµÑ‚» в тексте", "Слово «привет» в тексте"),
        ];
        for (bad, good) in cases {
            assert!(!flagged(&Mojibake, bad).is_empty(), "{bad}");
            assert_eq!(fixed(&Mojibake, bad, None), good);
        }
        let d = diagnostics(&Mojibake, cases[0].0, None);
        assert!(
            d[0].message.contains("Windows-1252 twice"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn a_lone_a_grave_through_three_pages() {
        let clean = "Il est parti à Paris hier soir avec ses amis.";
        for (page, sample) in [
            ("Windows-1251", "Г\u{a0}"),
            ("Windows-1256", "أ\u{a0}"),
            ("Mac Roman", "√†"),
        ] {
            let g = garble(clean, page);
            assert!(g.contains(sample), "{g}");
            let d = diagnostics(&Mojibake, &g, None);
            assert_eq!(d.len(), 1, "{page}: {d:?}");
            assert!(
                d[0].message.starts_with(&format!("UTF-8 read as {page}:")),
                "{}",
                d[0].message
            );
            assert_eq!(fixed(&Mojibake, &g, None), clean, "{page}");
        }
        // A one-letter word before a no-break space is ordinary in Russian
        // and Arabic typography, and `√` is a root sign.
        for text in [
            "В\u{a0}Москве открылся новый магазин Apple.",
            "Г\u{a0}Иванов выступил с докладом.",
            "Он сказал: «В\u{a0}Google знают»",
            "أ\u{a0}ب ت ث هي أول حروف الهجاء",
            "x = √2 † see note",
        ] {
            assert!(flagged(&Mojibake, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn negatives_in_four_languages() {
        for text in [
            "قال المتحدث باسم الحكومة، إن «المفاوضات» ستستمر؟ نعم؛ طبعاً.",
            "The café’s “naïve” résumé costs £5 — or €6… © 2024 ™",
            "À l’hôtel, l’élève a dû payer 5 € : « Ça coûte très cher ! »",
            "Щука, щавель и Шишкин: «Щедрость» — ёлка № 5, 10 °C.",
        ] {
            assert!(flagged(&Mojibake, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn single_accent_is_unsafe() {
        let d = diagnostics(&Mojibake, "Hello NicolÃ¡s", None);
        assert_eq!(d.len(), 1);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.replacement, "á");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let d = diagnostics(&Mojibake, "voilÃ le travail", None);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(
            (fix.replacement.as_str(), fix.applicability),
            ("à", Applicability::Unsafe)
        );
    }
}
