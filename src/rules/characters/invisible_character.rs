//! `invisible-character`: invisible characters: zero-width spaces, bidi controls, soft hyphens, stray joiners. Its documentation is the
//! `explanation` below, which `mtlint explain invisible-character` prints.

use super::*;

/// `invisible-character`: zero-width, bidi and other invisible characters.
pub struct InvisibleCharacter;

static INVISIBLE_CHARACTER: RuleMeta = RuleMeta {
    id: "invisible-character",
    severity: Severity::Warning,
    summary: "Invisible characters: zero-width spaces, bidi controls, soft hyphens, stray joiners",
    explanation: r#"## What it does
Flags characters that show nothing but change the text: zero-width space
U+200B, word joiner U+2060, bidirectional embeddings, overrides and isolates
(U+202A–U+202E, U+2066–U+2069), a byte-order mark U+FEFF after the start of
the file, soft hyphen U+00AD, invisible operators U+2061–U+2064, the
Mongolian vowel separator U+180E outside Mongolian, Hangul fillers, runs of
two or more tatweels `ـ`, and zero-width (non-)joiners where the script does
not use them. Marks LRM/RLM/ALM (U+200E, U+200F, U+061C) and no-break spaces
(U+00A0, U+202F) between ordinary words are reported as `info`. A run of the
same character is one finding; the message names each by code point.

## Why is this bad?
Invisible characters break search, spell-checking, word counts and
copy-paste: `pre<U+200B>sident` with a zero-width space is not `president`.
Bidirectional controls can reorder what a reader sees, so the displayed text
differs from the stored one. They are usually left over from a CMS, a PDF, a
web page or a translation tool, and never belong in clean copy.

## Example
```text
الرئيس<U+200C> الروسي   (ZWNJ in Arabic)           → الرئيس الروسي
الـــــرئيس        (4 tatweels)               → الرئيس
الـــ30            (prefix before a number)   → الـ30
pre<U+200B>sident         (U+200B inside the word)   → president
```

## Fix safety
Removal is **safe** for characters that show nothing: the visible text stays
the same. It is **unsafe** for bidi controls, because removing them changes
the displayed order of mixed-direction text (which may be what was wanted),
and for a ZWNJ between Arabic letters, which may stand for a missing space.
A no-break space is replaced by a plain space (or removed next to another
space). A run of tatweels after an Arabic prefix and before a number or a
Latin word keeps one tatweel (`الـ30`), as Arabic writes it.

## Limits
Quiet where the character is correct: ZWNJ in Persian, Urdu, Kurdish and
Pashto text and between letters of Indic scripts; ZWJ in emoji sequences
and Indic scripts (and `info` between Arabic letters, where it is
redundant); a zero-width space between Thai, Khmer, Lao, Myanmar, Tibetan
or CJK letters, where it marks word breaks; U+180E between Mongolian
letters; a BOM at the start of the file; one tatweel (`الـ`, `بـ`); a
no-break space between digit groups (`1 000`), next to a number (`10 km`),
before a dash, around a one- or two-letter word (`à Paris`, `14 h`), after
an abbreviation or a title (`M. Trump`, `Mme May`), between two capitalized
words (a name), at the start or end of a line (trailing white space), and
in French before `; : ! ? »` and after `«`. A zero-width
space next to a space is harmless residue and only `info`.
"#,
};

impl Rule for InvisibleCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &INVISIBLE_CHARACTER
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        let mut skip_to = 0;
        for (at, c) in non_ascii(text) {
            if at < skip_to {
                continue;
            }
            let Some(name) = invisible_name(c) else {
                continue;
            };
            let end = run_end(text, at, c);
            skip_to = end;
            if let Some(d) = judge_invisible(doc, c, name, at, end) {
                out.push(d);
            }
        }
    }
}
