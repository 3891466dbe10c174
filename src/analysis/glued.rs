//! Words that glue a right-to-left script (Arabic, Hebrew) to another one
//! (`iPhoneالجديد`, `урррсافقة`): words of two such scripts never share a
//! word, so every switch is a missing space, except after an Arabic
//! proclitic (`الـCIA`, `وRT`). `mixed-script-word` suggests the spaces;
//! `foreign-script-run` counts the foreign piece at the edge of a run as a
//! word of the run, so that its deletion covers the same text before and
//! after the spaces are added.

use std::ops::Range;

use unicode_script::Script;

use crate::language::arabic;
use crate::text::script::{family, letter_script};

/// Right-to-left scripts: a Latin or Cyrillic word glued to one of them is a
/// missing space, never a look-alike letter.
pub fn is_rtl(s: Script) -> bool {
    matches!(
        s,
        Script::Arabic | Script::Hebrew | Script::Syriac | Script::Thaana | Script::Nko
    )
}

/// Scripts written without spaces between words, or that glue particles to
/// foreign words (`iPhone手机`, `Tシャツ`, `NATO는`, `iPhoneรุ่นใหม่`): a Latin
/// word inside them is ordinary text, not a mixed word.
pub fn is_unspaced(s: Script) -> bool {
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

/// The pieces of one script of `word`: (script family, byte start), in
/// order. Non-letters stay with the piece they follow (`F125المشؤومة`
/// splits before `ال`).
pub fn segments(word: &str) -> Vec<(Script, usize)> {
    let mut segments: Vec<(Script, usize)> = Vec::new();
    for (i, c) in word.char_indices() {
        if let Some(s) = letter_script(c).map(family) {
            if segments.last().is_none_or(|&(k, _)| k != s) {
                segments.push((s, i));
            }
        }
    }
    segments
}

/// Whether segment `k` of `word` follows an Arabic proclitic, written
/// glued to a foreign word by convention (with a tatweel, or none after
/// `و`/`ف`): not a missing space. Returns the proclitic without its
/// tatweel.
pub fn proclitic_before<'w>(
    word: &'w str,
    segments: &[(Script, usize)],
    k: usize,
) -> Option<&'w str> {
    let (s, from) = *segments.get(k)?;
    let &(prev_script, prev_from) = segments.get(k.checked_sub(1)?)?;
    let bare = word[prev_from..from].trim_end_matches('ـ');
    (prev_script == Script::Arabic && !is_rtl(s) && arabic::TATWEEL_PROCLITICS.contains(&bare))
        .then_some(bare)
}

/// For a word of exactly two script families, one right-to-left and the
/// other a spaced script (Latin, Cyrillic, Greek, …), whose first (`last`
/// false) or last (`last` true) piece starts or ends at a missing space: that
/// piece's byte range in the word and its script. `None` for any other
/// word, and for a piece joined by a proclitic convention.
pub fn edge_piece(word: &str, last: bool) -> Option<(Range<usize>, Script)> {
    let segments = segments(word);
    let mut scripts: Vec<Script> = Vec::with_capacity(2);
    for &(s, _) in &segments {
        if !scripts.contains(&s) {
            scripts.push(s);
        }
    }
    if scripts.len() != 2
        || is_rtl(scripts[0]) == is_rtl(scripts[1])
        || scripts
            .iter()
            .any(|&s| is_unspaced(s) || s == Script::Greek)
        || word.contains(['\'', '’', 'ʼ'])
    {
        return None;
    }
    let n = segments.len();
    let (k, range) = if last {
        (n - 1, segments[n - 1].1..word.len())
    } else {
        (0, 0..segments[1].1)
    };
    // The boundary that would get a space: between piece 0 and 1, or
    // between the last two.
    let boundary = if last { n - 1 } else { 1 };
    if proclitic_before(word, &segments, boundary).is_some() {
        return None;
    }
    Some((range, segments[k].0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edge_pieces_of_glued_words() {
        let w = "اليومптин";
        assert_eq!(edge_piece(w, true), Some((10..w.len(), Script::Cyrillic)));
        assert_eq!(edge_piece(w, false), Some((0..10, Script::Arabic)));
        assert_eq!(
            edge_piece("урррсافقة", false),
            Some((0..10, Script::Cyrillic))
        );
        // A proclitic convention, a word of one script, an unspaced script.
        assert_eq!(edge_piece("الـCIA", true), None);
        assert_eq!(edge_piece("وRT", true), None);
        assert_eq!(edge_piece("птин", true), None);
        assert_eq!(edge_piece("iPhone手机", true), None);
    }
}
