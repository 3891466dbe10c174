//! `mixed-script-word`: a word mixes letters of incompatible scripts (Cyrillic in Latin, Latin glued to Arabic). Its documentation is the
//! `explanation` below, which `mtlint explain mixed-script-word` prints.

use super::*;

/// `mixed-script-word`: one word whose letters come from incompatible scripts.
pub struct MixedScriptWord;

static MIXED_SCRIPT_WORD: RuleMeta = RuleMeta {
    id: "mixed-script-word",
    severity: Severity::Warning,
    summary:
        "A word mixes letters of incompatible scripts (Cyrillic in Latin, Latin glued to Arabic)",
    explanation: r#"## What it does
Flags a single word whose letters come from two or more scripts that are
never written together inside one word: Cyrillic and Arabic (`урррсافقة`),
Cyrillic and Latin (`ццрайнoid`, `cети` typed with a Latin `c`), Latin glued to
Arabic (`iPhoneالجديد`).

When every odd letter is a look-alike of a letter of the word's main script
(Latin `a c e o p x y` and Cyrillic `а с е о р х у`, capitals `A B C E H K M O P T X`
and their Cyrillic and Greek twins), it suggests the single-script spelling.
When a right-to-left script (Arabic, Hebrew) and another one share a word,
the words were glued together: it suggests the missing spaces. A Latin word
glued to Arabic is reported as `info` (a typo); Cyrillic or Greek glued to
Arabic is garble and stays a warning.

## Why is this bad?
A word with a letter from the wrong script looks right but is a different
string: search, spell-checking, sorting, hyphenation and screen readers all
fail on it, and it is a common sign of machine-translation garble, of text
typed with the wrong keyboard layout, or of deliberate spoofing.

## Example
```text
урррсافقة ... ццрайнoid          (Arabic article, garbled)
تحدث عن iPhoneالجديد              → تحدث عن iPhone الجديد   (info)
تسمحSolidللمستخدمين               → تسمح Solid للمستخدمين    (info)
قالت الCIA                         → قالت الـCIA               (info)
доступ к Wi-Fi cети               → доступ к Wi-Fi сети
the prοblem (Greek omicron)       → the problem
```

## Fix safety
The look-alike fix is **safe** when the word has a clear majority script
(at least twice as many letters as the odd ones) and every odd letter has an
exact twin in the main script (`с`→`c`): the word looks the same before and
after, only its bytes change. It is **unsafe** when a twin is only close
(`k`/`к`, `α`/`a`) or is a letter outside the Russian alphabet (`і`, `ј`, `һ`).
The missing-space fix is **safe**: an Arabic or Hebrew letter and a Latin or
Cyrillic one never belong to one word, and a space changes no letter; the
same holds for the tatweel after an Arabic prefix. Other words with odd
letters that have no twin get no fix.

## Limits
Stays quiet on words that legitimately mix scripts: Japanese, Chinese, Korean,
Thai and other unspaced scripts next to Latin (`Tシャツ`, `iPhone手机`,
`NATO는`); units and scientific names with a Greek letter at the edge
(`μm`, `μg`, `kΩ`, `TNFα`, `NF-κB`, `Aβ`); a foreign word with an inflection
after an apostrophe (`iPhone’ом`); and the Arabic convention of a prefix, a
tatweel and a Latin word (`الـCIA`, `بـFacebook`), or `و`/`ف` glued to
one (`وRT`). Words inside URLs, handles and hashtags are not words. It cannot see a whole word typed in the wrong
script (`сор` for `cop`): that is one script.
"#,
};

impl Rule for MixedScriptWord {
    fn meta(&self) -> &'static RuleMeta {
        &MIXED_SCRIPT_WORD
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for tok in doc.tokens.iter().filter(|t| t.mixed) {
            let word = tok.text(doc.text);
            if let Some(d) = check_mixed_word(word, tok.range.start, doc.script) {
                out.push(d);
            }
        }
    }
}
