//! Scripts of letters and words, with the few families of scripts that one
//! language writes together (Japanese kanji and kana, Korean hangul and hanja).

use unicode_script::{Script, UnicodeScript};

/// The script of a letter, or `None` for digits, punctuation, symbols and
/// combining marks (which take the script of the letter they follow).
pub fn letter_script(c: char) -> Option<Script> {
    // Fast paths for the scripts of most text mtlint reads.
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => return Some(Script::Latin),
        0..=0x7F => return None,
        0x0621..=0x063A | 0x0641..=0x064A | 0x0671..=0x06D3 => return Some(Script::Arabic),
        0x0400..=0x0481 | 0x048A..=0x04FF => return Some(Script::Cyrillic),
        _ => {}
    }
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

/// Weighs each word's main script family by its length and returns the
/// heaviest, or `None` when there are no words with letters.
pub fn main_script(words: impl Iterator<Item = (Option<Script>, usize)>) -> Option<Script> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for (script, len) in words {
        if let Some(s) = script {
            match counts.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += len,
                None => counts.push((s, len)),
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
        let words = [
            (Some(Script::Latin), 3),
            (Some(Script::Cyrillic), 4),
            (Some(Script::Latin), 2),
        ];
        assert_eq!(main_script(words.into_iter()), Some(Script::Latin));
    }
}
