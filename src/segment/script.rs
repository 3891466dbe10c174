//! Scripts of letters and words, with the few families of scripts that one
//! language writes together (Japanese kanji and kana, Korean hangul and hanja).

use unicode_script::{Script, UnicodeScript};

/// The script of a letter, or `None` for digits, punctuation, symbols and
/// combining marks (which take the script of the letter they follow).
pub fn letter_script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(s),
    }
}

/// The script that stands for a family of scripts written together by one
/// language: kana and hanja count as Han, so Japanese and Korean text is one
/// script to every rule.
pub fn family(s: Script) -> Script {
    match s {
        Script::Hiragana | Script::Katakana | Script::Bopomofo => Script::Han,
        other => other,
    }
}

/// Whether two scripts can share one word without that being an error.
pub fn compatible(a: Script, b: Script) -> bool {
    let (a, b) = (family(a), family(b));
    a == b
        || matches!(
            (a, b),
            (Script::Han, Script::Hangul) | (Script::Hangul, Script::Han)
        )
}

/// Whether `c` belongs to the Arabic script by its Script_Extensions
/// (`،` `؛` `؟` and tatweel do, though their Script is Common).
pub fn is_arabic_extension(c: char) -> bool {
    let ext = c.script_extension();
    !ext.is_common() && !ext.is_inherited() && ext.contains_script(Script::Arabic)
}

/// Short human name of a script, for messages.
pub fn name(s: Script) -> &'static str {
    s.full_name()
}

/// Counts letters per script family in `text` and returns the most frequent
/// family, or `None` when the text has no letters.
pub fn main_script<'a>(words: impl Iterator<Item = &'a str>) -> Option<Script> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for w in words {
        for c in w.chars() {
            if let Some(s) = letter_script(c) {
                let s = family(s);
                match counts.iter_mut().find(|(k, _)| *k == s) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((s, 1)),
                }
            }
        }
    }
    // Ties go to the script seen first, which keeps the result deterministic.
    let mut best: Option<(Script, usize)> = None;
    for (s, n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((s, n));
        }
    }
    best.map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_families() {
        assert!(is_arabic_extension('،'));
        assert!(is_arabic_extension('ـ'));
        assert!(!is_arabic_extension(','));
        assert_eq!(letter_script('ж'), Some(Script::Cyrillic));
        assert_eq!(letter_script('7'), None);
        assert!(compatible(Script::Hiragana, Script::Han));
        assert!(!compatible(Script::Latin, Script::Cyrillic));
        assert_eq!(main_script(["abc", "да"].into_iter()), Some(Script::Latin));
    }
}
