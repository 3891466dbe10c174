//! Runs of words in a script foreign to the document: garble, or a passage
//! left in another language. Computed once per document and shared by
//! `foreign-script-run`, `wrong-language` and `untranslated-term`.

use unicode_script::Script;

use crate::report::finding::{Applicability, Diagnostic, Severity};
use std::ops::Range;

use crate::analysis::glued;
use crate::language::ngram;
use crate::text::script::{compatible, family, letter_script, name};
use crate::text::{Document, TokenKind};

/// A run of words in a script foreign to the document that is worth
/// reporting: names, quotations, glosses and short runs are already left out.
pub struct ForeignRun {
    /// The `foreign-script-run` finding for it, with its deletion fix.
    pub diagnostic: Diagnostic,
    /// Its language, when it is confidently a real language whose alphabet
    /// has all its letters (see [`crate::language::identify::identify_run`]).
    pub language: Option<String>,
    /// Its number of words.
    pub words: usize,
    /// Whether it is a short complete sentence, maybe a quotation.
    pub quotation: bool,
    /// Whether it is wholly inside quotation marks or brackets: a quotation
    /// or a gloss, which `foreign-script-run` leaves alone.
    pub quoted: bool,
    /// Whether [`ForeignRun::language`] is only the language whose word
    /// model finds the run's words plausible (a title, a slogan or a phrase
    /// too short for the identifier), not an identification.
    pub guessed: bool,
}

impl ForeignRun {
    /// Whether `foreign-script-run` reports it: no language explains it,
    /// and it is not a quotation or a gloss.
    pub fn is_garble(&self) -> bool {
        self.language.is_none() && !self.quoted
    }
}

/// The foreign runs of a document, as [`Document::shared`] keeps them.
pub struct ForeignRuns(pub Vec<ForeignRun>);

/// Every run of words in a script foreign to the document that is worth
/// reporting, in order; shared by `foreign-script-run`, `wrong-language`
/// and `untranslated-term`, and computed once per document (identifying a
/// run's language runs whatlang).
pub fn foreign_runs(doc: &Document) -> std::sync::Arc<ForeignRuns> {
    doc.shared(|doc| ForeignRuns(compute_foreign_runs(doc)))
}

fn compute_foreign_runs(doc: &Document) -> Vec<ForeignRun> {
    let mut out = Vec::new();
    let Some(main) = doc.script else {
        return out;
    };
    let mut stats = None;
    let mut i = 0;
    while i < doc.tokens.len() {
        match foreign_word(doc, i, main) {
            Some(_) => {
                let run = collect_run(doc, i, main);
                i = run.last_word + 1;
                let stats = stats.get_or_insert_with(|| script_stats(doc));
                if let Some(r) = judge_run(doc, &run, main, stats) {
                    out.push(r);
                }
            }
            None => i += 1,
        }
    }
    out
}

/// Letters of one script family over the document's words, and the number
/// of lines holding at least [`SUBSTANTIAL`] of them.
#[derive(Debug, Clone, Copy)]
struct ScriptStat {
    script: Script,
    letters: usize,
    lines: usize,
}

/// Letters of a script that make a line count as written in it.
const SUBSTANTIAL: usize = 20;

/// Letter and line counts per script family.
fn script_stats(doc: &Document) -> Vec<ScriptStat> {
    let mut stats: Vec<ScriptStat> = Vec::new();
    // Letters per script on the current line.
    let mut line: Vec<(Script, usize)> = Vec::new();
    let flush = |line: &mut Vec<(Script, usize)>, stats: &mut Vec<ScriptStat>| {
        for &(s, n) in line.iter() {
            let i = match stats.iter().position(|st| st.script == s) {
                Some(i) => i,
                None => {
                    stats.push(ScriptStat {
                        script: s,
                        letters: 0,
                        lines: 0,
                    });
                    stats.len() - 1
                }
            };
            stats[i].letters += n;
            stats[i].lines += usize::from(n >= SUBSTANTIAL);
        }
        line.clear();
    };
    for t in &doc.tokens {
        match t.kind {
            TokenKind::Newline => flush(&mut line, &mut stats),
            TokenKind::Word => {
                for c in t.text(doc.text).chars() {
                    if let Some(s) = letter_script(c).map(family) {
                        match line.iter_mut().find(|(k, _)| *k == s) {
                            Some((_, n)) => *n += 1,
                            None => line.push((s, 1)),
                        }
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut line, &mut stats);
    stats
}

/// Whether the document is bilingual in `main` and `other`: the other
/// script has nearly as many letters, or a good share spread over lines.
fn bilingual(stats: &[ScriptStat], main: Script, other: Script) -> bool {
    let get = |s: Script| stats.iter().find(|st| st.script == s).copied();
    let (Some(m), Some(o)) = (get(main), get(other)) else {
        return false;
    };
    o.letters * 3 > m.letters * 2 || (o.letters * 5 > m.letters * 2 && o.lines >= 2)
}

/// The script of token `i` if it is a word whose main script is foreign to
/// the document (mixed words count by their main script).
fn foreign_word(doc: &Document, i: usize, main: Script) -> Option<Script> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    t.script
        .filter(|&s| !compatible(s, main) && !doc.script_allowed(s))
}

/// A run of foreign words: token indices of its first and last word, and
/// the indices of its words.
struct Run {
    first_word: usize,
    last_word: usize,
    words: Vec<usize>,
    /// The foreign piece that ends a glued word just before the first
    /// word (`птин` of `اليومптин кре мид`), and the one that starts a
    /// glued word just after the last: bytes of the document and script.
    /// `mixed-script-word` splits those words, and each piece is then a
    /// word of the run, so the run counts them and its deletion covers them
    /// already, whichever fix comes first.
    head: Option<(Range<usize>, Script)>,
    tail: Option<(Range<usize>, Script)>,
}

/// The foreign piece at the end (`last`) or start of the glued word at
/// token `j`, when it is foreign to `main` (see [`Run::head`]).
fn glued_piece(
    doc: &Document,
    j: usize,
    main: Script,
    last: bool,
) -> Option<(Range<usize>, Script)> {
    let t = &doc.tokens[j];
    if t.kind != TokenKind::Word || !t.mixed || foreign_word(doc, j, main).is_some() {
        return None;
    }
    let (piece, script) = glued::edge_piece(t.text(doc.text), last)?;
    let foreign = !compatible(script, main) && !doc.script_allowed(script);
    foreign.then(|| {
        (
            t.range.start + piece.start..t.range.start + piece.end,
            script,
        )
    })
}

/// The glued piece separated from word `i` by white space only, before it
/// (`last` true: the piece ending the word before) or after it.
fn piece_beside(
    doc: &Document,
    i: usize,
    main: Script,
    before: bool,
) -> Option<(Range<usize>, Script)> {
    let space = if before { i.checked_sub(1)? } else { i + 1 };
    if doc.tokens.get(space)?.kind != TokenKind::Space {
        return None;
    }
    let j = if before {
        space.checked_sub(1)?
    } else {
        space + 1
    };
    doc.tokens.get(j)?;
    glued_piece(doc, j, main, before)
}

/// Extends a run from the foreign word at `start` until a line break, a word
/// of the main script (mixed with letters of another or not), or a URL,
/// address, handle or hashtag (code is no word, and neither breaks nor
/// extends a run).
fn collect_run(doc: &Document, start: usize, main: Script) -> Run {
    let mut words = vec![start];
    let mut last = start;
    for j in start + 1..doc.tokens.len() {
        let t = &doc.tokens[j];
        match t.kind {
            TokenKind::Newline
            | TokenKind::Url
            | TokenKind::Email
            | TokenKind::Handle
            | TokenKind::Hashtag => break,
            TokenKind::Word => {
                if foreign_word(doc, j, main).is_some() {
                    // A compound is one word (`gpg-check-pattern`,
                    // `well-known`): hyphens join the names of software.
                    let hyphenated = last + 2 == j && doc.token_text(j - 1) == "-";
                    if !hyphenated {
                        words.push(j);
                    }
                    last = j;
                } else {
                    // A word of the main script ends the run, mixed or not
                    // (`لـQueen`, `بالـHD`): the words beside a title or a
                    // passage are the text's own, never part of its run.
                    break;
                }
            }
            _ => {}
        }
    }
    Run {
        first_word: start,
        last_word: last,
        words,
        head: piece_beside(doc, start, main, true),
        tail: piece_beside(doc, last, main, false),
    }
}

/// Lowercase particles of names and titles (`Ballon d'Or`, `Institute for
/// the Study of War`, `Abu Bakr al Baghdadi`, `Plaza de las Victorias`).
const PARTICLES: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as",
    "is", "vs", "de", "du", "des", "la", "le", "les", "et", "en", "au", "aux", "sur", "pour", "d",
    "l", "del", "della", "dei", "di", "da", "dos", "das", "do", "e", "y", "el", "las", "los",
    "con", "por", "van", "von", "der", "den", "die", "das", "und", "zu", "zum", "zur", "im", "am",
    "het", "ten", "ter", "al", "bin", "ibn", "bint", "abu", "ben", "bou", "ould", "st", "и", "де",
    "да", "фон", "ван", "аль", "ибн", "бин",
];

/// Opening and closing quotation marks and brackets.
const OPENERS: &[&str] = &[
    "(", "[", "{", "«", "‹", "\"", "“", "„", "'", "‘", "‚", "「", "『", "（",
];
const CLOSERS: &[&str] = &[
    ")", "]", "}", "»", "›", "\"", "”", "“", "'", "’", "‘", "」", "』", "）",
];

/// Decides whether a run is foreign text to report, and builds the finding.
fn judge_run(doc: &Document, run: &Run, main: Script, stats: &[ScriptStat]) -> Option<ForeignRun> {
    // Scripts of the run, most frequent first.
    let mut scripts: Vec<(Script, usize)> = Vec::new();
    let pieces = run.head.iter().chain(&run.tail);
    let word_scripts = run
        .words
        .iter()
        .filter_map(|&w| doc.tokens[w].script)
        .chain(pieces.clone().map(|(_, s)| *s));
    for s in word_scripts {
        match scripts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => scripts.push((s, 1)),
        }
    }
    scripts.sort_by_key(|s| std::cmp::Reverse(s.1));
    let run_script = scripts[0].0;

    // Bilingual text: the run's script is not clearly rarer than the main one.
    if bilingual(stats, main, run_script) {
        return None;
    }

    // Names, titles and acronyms: every word Capitalized, ALLCAPS or a particle.
    let mut lower: Vec<String> = Vec::new();
    let mut long_lower = 0;
    let mut cased = false;
    let mut letters = 0;
    let texts = run
        .words
        .iter()
        .map(|&w| (doc.token_text(w), technical(doc, w)))
        .chain(pieces.map(|(r, _)| (&doc.text[r.clone()], false)));
    for (text, technical) in texts {
        let word_cased = text.chars().any(|c| c.is_uppercase() || c.is_lowercase());
        cased |= word_cased;
        // File names, formats and codes are no words of any language.
        if technical {
            continue;
        }
        let first = text.chars().next().unwrap_or(' ');
        let n = text.chars().filter(|c| c.is_alphabetic()).count();
        letters += n;
        let lowercase = if word_cased {
            first.is_lowercase() && !text.chars().any(char::is_uppercase)
        } else {
            true
        };
        if !lowercase || n < 2 {
            continue;
        }
        let key = text.to_lowercase();
        let key = key.trim_end_matches(['\'', '’']);
        if PARTICLES.contains(&key) {
            continue;
        }
        if n >= 5 {
            long_lower += 1;
        }
        if !lower.iter().any(|l| l == key) {
            lower.push(key.to_string());
        }
    }
    let n_words =
        run.words.len() + usize::from(run.head.is_some()) + usize::from(run.tail.is_some());
    let (enough, two_word) = if cased {
        let long = n_words >= 3 && lower.len() >= 2;
        let short = n_words == 2 && long_lower >= 2 && lower.len() >= 2;
        (long || short, short)
    } else {
        (n_words >= 4 || (n_words == 3 && letters >= 15), false)
    };
    if !enough {
        return None;
    }

    // Byte range: first word to last word, with the sentence punctuation
    // glued to the last word (`бна.`).
    let start = match &run.head {
        Some((r, _)) => r.start,
        None => doc.tokens[run.first_word].range.start,
    };
    let mut end_tok = run.last_word;
    while let Some(t) = doc.tokens.get(end_tok + 1) {
        let text = t.text(doc.text);
        if t.kind == TokenKind::Punct && matches!(text, "." | "!" | "?" | "…") {
            end_tok += 1;
        } else {
            break;
        }
    }
    let end = match &run.tail {
        // Punctuation glued to the last word then stays with the glued word.
        Some((r, _)) if end_tok == run.last_word => r.end,
        _ => doc.tokens[end_tok].range.end,
    };

    // A run wholly inside quotation marks or brackets is a quotation or a gloss.
    let before = doc.prev_non_space(run.first_word);
    let after = doc.next_non_space(run.last_word).map(|mut j| {
        // Skip punctuation that ends the quoted text before its closer.
        while doc.tokens[j].kind == TokenKind::Punct
            && matches!(doc.token_text(j), "." | "," | "!" | "?" | "…" | ";" | ":")
        {
            match doc.next_non_space(j) {
                Some(k) => j = k,
                None => break,
            }
        }
        j
    });
    let quoted = matches!((before, after), (Some(b), Some(a))
        if OPENERS.contains(&doc.token_text(b)) && CLOSERS.contains(&doc.token_text(a)));

    let foreign_names = scripts
        .iter()
        .filter(|&&(_, n)| n * 3 >= n_words)
        .map(|&(s, _)| name(s))
        .collect::<Vec<_>>()
        .join(" and ");
    let mut message = format!(
        "run of {n_words} {foreign_names} words in {} text",
        name(main)
    );
    // A short, well-formed sentence (capital, full stop) is more often a
    // quotation left in its language than garble.
    let first_text = match &run.head {
        Some((r, _)) => &doc.text[r.clone()],
        None => doc.token_text(run.first_word),
    };
    let quotation = n_words <= 8
        && end_tok > run.last_word
        && first_text.chars().next().is_some_and(char::is_uppercase);
    let confidence = (0.5 + 0.06 * n_words as f32).min(0.95);
    let mut d = Diagnostic::new(start..end, String::new()).confidence(confidence);
    if quotation {
        message.push_str(": a short complete sentence, maybe a quotation to keep");
        d = d.severity(Severity::Info).confidence(0.4);
    } else if two_word {
        d = d.severity(Severity::Warning);
    }
    d.message = message;
    let fix = deletion(doc, start, end);
    let language = crate::language::identify::identify_run(
        doc.text,
        &doc.tokens[run.first_word..=end_tok],
        run_script,
    );
    // Too short for the identifier, or mixed with names: a run whose words
    // are words of a language is a title, a slogan or a phrase left
    // untranslated, not garble.
    let guess = match language {
        Some(_) => None,
        None => plausible_language(doc, run, run_script),
    };
    Some(ForeignRun {
        diagnostic: d.fix(fix, "", Applicability::Unsafe),
        guessed: guess.is_some(),
        language: language.or(guess.map(str::to_string)),
        words: n_words,
        quotation,
        quoted,
    })
}

/// Bits per letter above which a word is no plausible word of a language,
/// as `gibberish` judges it.
const IMPLAUSIBLE_BITS: f32 = 4.3;

/// Among the modelled languages of `script` that find most of the run's
/// words plausible (three in four of those of three letters or more,
/// acronyms, mixed words and technical tokens left out; at least two such
/// words), the one that finds them cheapest.
fn plausible_language(doc: &Document, run: &Run, script: Script) -> Option<&'static str> {
    let words: Vec<&str> = run
        .words
        .iter()
        .filter(|&&w| !technical(doc, w) && !doc.tokens[w].mixed)
        .map(|&w| doc.token_text(w))
        .filter(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            letters >= 3 && upper < letters
        })
        .collect();
    if words.len() < 2 {
        return None;
    }
    // The language that finds the words cheapest among those that find
    // enough of them plausible.
    let mut best: Option<(&'static str, f32)> = None;
    for l in ngram::languages_of(family(script)) {
        let Some(m) = l.model() else { continue };
        let (mut plausible, mut bits) = (0, 0.0);
        for w in &words {
            let b = m.bits_per_symbol(w);
            plausible += usize::from(b <= IMPLAUSIBLE_BITS);
            bits += b;
        }
        if 4 * plausible >= 3 * words.len() && best.is_none_or(|(_, b)| bits < b) {
            best = Some((l.code, bits));
        }
    }
    best.map(|(code, _)| code)
}

/// Common file formats and extensions, named alone in lists (`mp4, avi,
/// mkv`) as well as after a file name.
const FORMATS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "txt", "csv", "tsv",
    "json", "xml", "yaml", "yml", "toml", "html", "htm", "css", "js", "ts", "php", "py", "rs",
    "sh", "exe", "msi", "apk", "dmg", "iso", "zip", "rar", "tar", "gz", "tgz", "bz2", "7z", "jpg",
    "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "svg", "heic", "raw", "mp3", "mp4", "m4a",
    "wav", "flac", "ogg", "opus", "aac", "wma", "ape", "alac", "avi", "mkv", "flv", "mov", "wmv",
    "webm", "mpeg", "mpg", "srt", "vtt", "epub", "mobi", "djvu", "psd", "ai", "eps", "ttf", "otf",
    "woff", "sql", "db", "log", "ini", "cfg", "md",
];

/// Whether `text`, lowercased, is one of [`FORMATS`]. Only ASCII letters
/// and the Kelvin sign lowercase to ASCII, so other words are never
/// lowercased (most words of most texts).
fn format(text: &str) -> bool {
    // No format is longer than four letters (the Kelvin sign takes three
    // bytes, and lowercases to one).
    if text.len() > 4 * 3 {
        return false;
    }
    if text.is_ascii() {
        if text.len() > 4 {
            return false;
        }
        FORMATS.iter().any(|f| f.eq_ignore_ascii_case(text))
    } else {
        text.chars().all(|c| c.is_ascii() || c == '\u{212A}')
            && FORMATS.contains(&text.to_lowercase().as_str())
    }
}

/// Whether word `w` is a technical token rather than a word: a format
/// (`mp4`, `mkv`), a word with digits (`x64`), or a piece of a file name,
/// anchor or address glued to its neighbours by `.`, `#`, `/`, `=`, `?`,
/// `&` or `:` (`page.html#section7`, `report_final.pdf`).
pub fn technical(doc: &Document, w: usize) -> bool {
    let text = doc.token_text(w);
    if text.chars().any(|c| c.is_ascii_digit()) || format(text) {
        return true;
    }
    let joiner = |j: usize| {
        matches!(
            doc.token_text(j),
            "." | "#" | "/" | "=" | "?" | "&" | ":" | "_" | "\\"
        )
    };
    let glued = |j: usize| {
        doc.tokens.get(j).is_some_and(|t| {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Code | TokenKind::Hashtag | TokenKind::Url
            )
        })
    };
    let before = w >= 2 && joiner(w - 1) && glued(w - 2);
    let after = doc.tokens.get(w + 1).is_some_and(|_| joiner(w + 1)) && glued(w + 2);
    before || after
}

/// The bytes to delete to remove `start..end` and the white space that
/// separated it from the rest of its line.
pub fn deletion(doc: &Document, start: usize, end: usize) -> std::ops::Range<usize> {
    let first = doc.token_at(start);
    let last = doc.token_at(end.saturating_sub(1));
    // An edge inside a glued word (see [`Run::head`]): the rest of the word
    // stays, and so does the white space on that side, as it would once
    // `mixed-script-word` splits the word.
    let inside = |i: usize, at: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.range.start < at && at < t.range.end)
    };
    if inside(first, start) || inside(last, end) {
        return start..end;
    }
    let space_before = first
        .checked_sub(1)
        .map(|j| &doc.tokens[j])
        .filter(|t| t.kind == TokenKind::Space);
    let space_after = doc
        .tokens
        .get(last + 1)
        .filter(|t| t.kind == TokenKind::Space);
    // What follows the space after: punctuation attaches to what precedes.
    let next_is_punct = doc
        .next_non_space(last)
        .is_some_and(|j| doc.tokens[j].kind == TokenKind::Punct);
    let next_is_eol = doc.next_non_space(last).is_none()
        || doc
            .tokens
            .get(last + 1)
            .is_some_and(|t| t.kind == TokenKind::Newline);
    match (space_before, space_after) {
        (Some(b), _) if next_is_punct || next_is_eol => b.range.start..end,
        (_, Some(a)) => start..a.range.end,
        (Some(b), None) => b.range.start..end,
        (None, None) => start..end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_short_ascii_and_found_in_any_case() {
        assert!(FORMATS.iter().all(|f| f.len() <= 4 && f.is_ascii()));
        assert!(format("MP4") && format("pdf") && format("M\u{212A}V"));
        assert!(!format("pdfs") && !format("document") && !format("ملف"));
    }
}
