//! Mojibake: UTF-8 text that was decoded through a single-byte code page, found
//! and undone exactly.
//!
//! When the bytes of UTF-8 text are read as Windows-1252, every non-ASCII
//! character becomes two to four characters of that code page: Arabic `ال`
//! becomes `Ø§Ù„`, through Windows-1251 `Ш§Щ„`, through Windows-1256 `ط§ظ„`.
//! Encoding those characters back to bytes with the same code page and
//! decoding the bytes as UTF-8 gives back the text, byte for byte.
//!
//! [`find`] looks, in each code page, for runs of characters whose bytes are
//! valid multi-byte UTF-8 sequences, groups them into spans within a line,
//! and keeps a span when its repair is clearly better text: fewer odd
//! characters ([`oddness`]), letters that some language writes, and no
//! control or private-use characters. Spans garbled twice are repaired
//! again, while that still improves them.
//!
//! The code pages come from `encoding_rs` (the WHATWG tables), except CP437,
//! which the WHATWG standard lacks: its table is `data/codepages/cp437.txt`,
//! written by `scripts/cp437.py` from Python's `cp437` codec. Bytes a code
//! page leaves undefined are read as the Latin-1 character of the same value,
//! as lenient decoders do; Windows-1252 read that way is Latin-1.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_script::Script;

use crate::text::script::{compatible, letter_script};

/// CP437's characters for bytes 0x80–0xFF, in byte order.
const CP437: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/codepages/cp437.txt"
));

/// One single-byte code page.
#[derive(Debug)]
pub struct CodePage {
    /// The name used in messages (`Windows-1256`).
    pub name: &'static str,
    /// The characters of bytes 0x80–0xFF.
    high: [char; 128],
}

impl CodePage {
    /// The character of byte `b` in this code page.
    pub fn decode_byte(&self, b: u8) -> char {
        if b < 0x80 {
            char::from(b)
        } else {
            self.high[usize::from(b - 0x80)]
        }
    }

    /// Decodes bytes with this code page (the way a wrong reader garbles
    /// UTF-8): every byte is one character.
    pub fn decode(&self, bytes: &[u8]) -> String {
        bytes.iter().map(|&b| self.decode_byte(b)).collect()
    }

    /// The byte of `c` in this code page, if it has one.
    pub fn encode_char(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        let i = index_of(self)?;
        lookup(c).map(|bytes| bytes[i]).filter(|&b| b != 0)
    }

    /// Encodes text with this code page, or `None` when a character has no
    /// byte in it.
    pub fn encode(&self, s: &str) -> Option<Vec<u8>> {
        s.chars().map(|c| self.encode_char(c)).collect()
    }
}

/// Every code page [`find`] tries, in the order it prefers them when two give
/// the same repair.
pub fn code_pages() -> &'static [CodePage] {
    static PAGES: OnceLock<Vec<CodePage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let from_whatwg = |name, enc: &'static encoding_rs::Encoding| {
            let mut high = ['\u{FFFD}'; 128];
            for b in 0x80u8..=0xFF {
                let byte = [b];
                let (s, _) = enc.decode_without_bom_handling(&byte);
                high[usize::from(b - 0x80)] = s.chars().next().unwrap_or('\u{FFFD}');
            }
            finish(name, high)
        };
        let mut cp437 = ['\u{FFFD}'; 128];
        for (slot, c) in cp437.iter_mut().zip(CP437.trim_end_matches('\n').chars()) {
            *slot = c;
        }
        vec![
            from_whatwg("Windows-1252", encoding_rs::WINDOWS_1252),
            from_whatwg("Windows-1251", encoding_rs::WINDOWS_1251),
            from_whatwg("Windows-1256", encoding_rs::WINDOWS_1256),
            from_whatwg("Windows-1250", encoding_rs::WINDOWS_1250),
            from_whatwg("ISO-8859-2", encoding_rs::ISO_8859_2),
            from_whatwg("Windows-1253", encoding_rs::WINDOWS_1253),
            from_whatwg("Windows-1254", encoding_rs::WINDOWS_1254),
            from_whatwg("Windows-1257", encoding_rs::WINDOWS_1257),
            from_whatwg("Mac Roman", encoding_rs::MACINTOSH),
            finish("CP437", cp437),
        ]
    })
}

/// The code page called `name` (as in [`CodePage::name`]).
pub fn code_page(name: &str) -> Option<&'static CodePage> {
    code_pages()
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

/// Fills undefined bytes with the Latin-1 character of the same value, unless
/// the page already has that character elsewhere.
fn finish(name: &'static str, mut high: [char; 128]) -> CodePage {
    for b in 0x80u8..=0xFF {
        let i = usize::from(b - 0x80);
        if high[i] == '\u{FFFD}' && !high.contains(&char::from(b)) {
            high[i] = char::from(b);
        }
    }
    CodePage { name, high }
}

/// How many code pages there are.
const PAGES: usize = 10;

/// Every non-ASCII character of any code page, sorted, with its byte in each
/// page (0 where it has none).
fn table() -> &'static [(char, [u8; PAGES])] {
    static TABLE: OnceLock<Vec<(char, [u8; PAGES])>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = std::collections::BTreeMap::<char, [u8; PAGES]>::new();
        for (i, page) in code_pages().iter().enumerate() {
            for b in 0x80u8..=0xFF {
                let c = page.decode_byte(b);
                if c != '\u{FFFD}' && !c.is_ascii() {
                    let slot = &mut map.entry(c).or_insert([0; PAGES])[i];
                    if *slot == 0 {
                        *slot = b;
                    }
                }
            }
        }
        // Latin-1 readers turn bytes 0x80–0x9F into C1 controls where
        // Windows-1252 has `€ ‚ ƒ …`: both readings map back to the bytes.
        for b in 0x80u8..=0x9F {
            let slot = &mut map.entry(char::from(b)).or_insert([0; PAGES])[0];
            if *slot == 0 {
                *slot = b;
            }
        }
        map.into_iter().collect()
    })
}

fn lookup(c: char) -> Option<&'static [u8; PAGES]> {
    index(c).map(|i| &table()[i].1)
}

/// Where `c` is in [`table`]: Latin, Greek, Cyrillic, Hebrew and Arabic
/// (U+0080–U+07FF) by a direct index, punctuation and symbols by binary
/// search.
fn index(c: char) -> Option<usize> {
    static DIRECT: OnceLock<Vec<Option<u16>>> = OnceLock::new();
    let u = c as usize;
    if (0x80..0x800).contains(&u) {
        let direct = DIRECT.get_or_init(|| {
            let mut d = vec![None; 0x800 - 0x80];
            for (i, (ch, _)) in table().iter().enumerate() {
                if let Some(slot) = d.get_mut((*ch as usize).wrapping_sub(0x80)) {
                    *slot = u16::try_from(i).ok();
                }
            }
            d
        });
        return direct[u - 0x80].map(usize::from);
    }
    table().binary_search_by_key(&c, |e| e.0).ok()
}

/// For each entry of [`table`], the pages where it is a UTF-8 lead byte and
/// those where it is a continuation byte (bit `i` for page `i`).
fn roles() -> &'static [(u16, u16)] {
    static ROLES: OnceLock<Vec<(u16, u16)>> = OnceLock::new();
    ROLES.get_or_init(|| {
        table()
            .iter()
            .map(|(_, bytes)| {
                let mut lead = 0u16;
                let mut cont = 0u16;
                for (i, &b) in bytes.iter().enumerate() {
                    lead |= u16::from((0xC2..=0xF4).contains(&b)) << i;
                    cont |= u16::from((0x80..=0xBF).contains(&b)) << i;
                }
                (lead, cont)
            })
            .collect()
    })
}

fn index_of(page: &CodePage) -> Option<usize> {
    code_pages().iter().position(|p| std::ptr::eq(p, page))
}

// ---------------------------------------------------------------------------
// Oddness: how unlike ordinary text a string is
// ---------------------------------------------------------------------------

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

/// A combining mark (the tatweel `ـ` is a letter here: it stands alone).
fn is_mark(c: char) -> bool {
    c != '\u{640}' && crate::language::ngram::is_mark(c)
}

/// Punctuation or a symbol outside ASCII (not a letter, decimal digit, mark
/// or space); fractions and superscripts (`½ ²`) count as symbols.
fn is_symbolish(c: char) -> bool {
    let fraction = matches!(
        c,
        '²' | '³' | '¹' | '¼' | '½' | '¾' | '\u{2070}'..='\u{218F}'
    );
    let digit = c.is_numeric() && !fraction;
    !c.is_ascii() && !c.is_alphabetic() && !digit && !c.is_whitespace() && !is_mark(c)
}

/// White space, but not NEL (U+0085): a C1 control is a byte of mojibake.
fn is_space(c: char) -> bool {
    c.is_whitespace() && !is_c1(c)
}

fn is_quote(c: char) -> bool {
    matches!(c, '‘' | '’' | '“' | '”' | '\'' | '"')
}

/// Continuation characters of Windows-1252 that follow `â` only in mojibake
/// of the punctuation block U+2000–U+206F (`â€™`, `â€œ`, `âœ”` …).
fn after_a_circumflex(c: char) -> bool {
    matches!(
        c,
        '€' | 'œ'
            | '„'
            | '†'
            | '‡'
            | 'ˆ'
            | '‰'
            | 'Š'
            | '‹'
            | 'Œ'
            | 'Ž'
            | 'š'
            | '›'
            | 'ž'
            | 'Ÿ'
            | '™'
    )
}

/// How many odd spots `s` has: C1 controls (two each), a symbol or
/// punctuation mark glued between letters (`Ø§Ù`, `r√©`), a lowercase letter
/// followed by a capital where one of them is not ASCII (`rÃ©`, `РґРѕ`),
/// two letters of incompatible scripts side by side (`Bront녔`) or capitals
/// of no one alphabet (`ÄŸ`), and the
/// most common mojibake leads followed by a symbol (`Ã™`, `â€`).
/// Ordinary text in any language scores 0 on most words.
pub fn oddness(s: &str) -> u32 {
    let chars: Vec<char> = s.chars().collect();
    let mut odd = 0;
    let mut latin_line = None;
    for (i, &c) in chars.iter().enumerate() {
        let p = i.checked_sub(1).map(|j| chars[j]);
        let n = chars.get(i + 1).copied();
        let p_letter = p.is_some_and(char::is_alphabetic);
        if is_c1(c) {
            odd += 2;
            continue;
        }
        // An apostrophe between letters is ordinary (`don’t`, `l’État`).
        if is_symbolish(c)
            && c != '’'
            && p_letter
            && n.is_some_and(|n| n.is_alphabetic() || is_symbolish(n) || is_c1(n))
        {
            odd += 1;
        }
        // Three symbols in a row, not all the same (`×‘×”`, `╨╡╤`); `★★★`
        // and `...` are ordinary.
        if i >= 2
            && is_symbolish(c)
            && is_symbolish(chars[i - 1])
            && is_symbolish(chars[i - 2])
            && !(c == chars[i - 1] && c == chars[i - 2])
        {
            odd += 1;
        }
        // Two different symbols glued to the start of a word (`√§a` for `ä`).
        if i >= 1
            && is_symbolish(c)
            && is_symbolish(chars[i - 1])
            && c != chars[i - 1]
            && n.is_some_and(char::is_alphabetic)
        {
            odd += 1;
        }
        if matches!(c, 'Ã' | 'Â')
            && n.is_some_and(|n| {
                !is_quote(n) && lookup(n).is_some_and(|b| (0x80..=0xBF).contains(&b[0]))
            })
        {
            odd += 1;
        }
        if c == 'â' && n.is_some_and(after_a_circumflex) {
            odd += 1;
        }
        // `à` (C3 A0) read through Mac Roman.
        if c == '√' && n == Some('†') {
            odd += 1;
        }
        // `à` read through Windows-1251 or 1256: a lone letter of another
        // script before a no-break space (`Г\u{a0}`, `أ\u{a0}`) in a Latin
        // line. In a Russian or Arabic line a one-letter word before a
        // no-break space is ordinary typography (`В\u{a0}Москве`).
        if n == Some('\u{a0}')
            && !p_letter
            && letter_script(c).is_some_and(|sc| sc != Script::Latin)
            && *latin_line.get_or_insert_with(|| mostly_latin(&chars))
        {
            odd += 1;
        }
        if let Some(p) = p {
            if c.is_alphabetic() && p.is_alphabetic() {
                if p.is_lowercase() && c.is_uppercase() && !(p.is_ascii() && c.is_ascii()) {
                    odd += 1;
                }
                if let (Some(a), Some(b)) = (letter_script(p), letter_script(c)) {
                    if !compatible(a, b) || a == b && odd_capitals(p, c) {
                        odd += 1;
                    }
                }
            }
        }
    }
    odd
}

/// Whether most letters of `chars` are Latin.
fn mostly_latin(chars: &[char]) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for &c in chars {
        match letter_script(c) {
            Some(Script::Latin) => latin += 1,
            Some(_) => other += 1,
            None => {}
        }
    }
    latin > 2 * other
}

/// Whether two non-ASCII capitals side by side belong to no one alphabet:
/// no language has `Ä` and `Ÿ` (`ğ` through Windows-1252), and an
/// all-capital `ÄŸÄŸ` has no other odd spot. Capitals only: names mix
/// alphabets (ftfy's `Āø`).
fn odd_capitals(a: char, b: char) -> bool {
    !a.is_ascii() && !b.is_ascii() && a.is_uppercase() && b.is_uppercase() && !one_alphabet(a, b)
}

/// Whether the main letters of some alphabet hold both (each of them a
/// main letter somewhere). Not the auxiliary letters, which list every
/// loanword's (`naïve` in English).
fn one_alphabet(a: char, b: char) -> bool {
    let (a, b) = (
        a.to_lowercase().next().unwrap_or(a),
        b.to_lowercase().next().unwrap_or(b),
    );
    let has = |al: &crate::language::alphabet::Alphabet, c: char| al.has_main(c);
    let alphabets = crate::language::alphabet::alphabets();
    if !alphabets.iter().any(|al| has(al, a)) || !alphabets.iter().any(|al| has(al, b)) {
        return true;
    }
    alphabets.iter().any(|al| has(al, a) && has(al, b))
}

/// Whether a character may come out of a repair: no controls, private use
/// or noncharacters, no IPA or rare scripts that mojibake of ordinary text
/// produces by accident (`Ʌ`, `ɒ`, NKo, Syriac), and letters only if some
/// language writes them (CLDR alphabets, for the scripts the table has).
fn plausible(c: char) -> bool {
    let u = c as u32;
    if (c.is_control() && !is_c1(c))
        || (0xE000..=0xF8FF).contains(&u)
        || u >= 0xF0000
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
        || (0x0180..=0x024F).contains(&u) && !latin_extended_b_ok(c)
        || (0x0250..=0x02AF).contains(&u)
        || c == 'ſ'
        || (0x0700..=0x08FF).contains(&u)
        // Quranic annotation marks and rare Hebrew punctuation.
        || (0x06D6..=0x06ED).contains(&u)
        || (0x0610..=0x061A).contains(&u)
        || (0x05C0..=0x05CF).contains(&u) && !matches!(u, 0x05C1 | 0x05C2)
        // Combining marks that no precomposed Latin, Greek or Cyrillic
        // letter decomposes to: `Ã¢` after a letter is `â` through
        // Windows-1252, not U+0322 through Mac Roman.
        || (0x0300..=0x036F).contains(&u) && !decomposed_mark(c)
    {
        return false;
    }
    if !c.is_alphabetic() {
        return true;
    }
    let Some(script) = letter_script(c) else {
        return true;
    };
    let alphabets = crate::language::alphabet::alphabets();
    if !alphabets.iter().any(|a| a.script == script) {
        return true;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    alphabets
        .iter()
        .filter(|a| a.script == script)
        .any(|a| a.has_main(lower) || a.has_aux(lower))
}

/// The combining marks of decomposed (NFD) letters of the European
/// alphabets: accents, diaeresis, ring, caron, cedilla, ogonek, horn, dot
/// and macron below, and the like.
fn decomposed_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x0308 | 0x030A..=0x030C | 0x030F | 0x0311 | 0x0313 | 0x0314 | 0x031B
            | 0x0323..=0x0328 | 0x032D | 0x032E | 0x0330 | 0x0331 | 0x0342 | 0x0345
    )
}

/// Latin Extended-B letters that languages write (Vietnamese `ơ ư`, Romanian
/// `ș ț`, Pinyin and African letters are judged by the alphabets).
fn latin_extended_b_ok(c: char) -> bool {
    matches!(c, 'ƒ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | 'Ș' | 'ș' | 'Ț' | 'ț')
}

// ---------------------------------------------------------------------------
// Finding mojibake
// ---------------------------------------------------------------------------

/// A span of mojibake and its repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// Bytes of the garbled span in the text.
    pub range: Range<usize>,
    /// The repaired text.
    pub replacement: String,
    /// The code pages the text went through, outermost first (two or more
    /// when it was garbled more than once). `Latin-1` where Windows-1252
    /// bytes 0x80–0x9F appear as C1 control characters.
    pub pages: Vec<&'static str>,
    /// Odd spots removed by the repair (see [`oddness`]), in the words
    /// around the span.
    pub improvement: u32,
    /// Multi-byte UTF-8 characters restored in the outermost layer.
    pub restored: usize,
    /// Whether a byte had to be guessed: a lone `Ã` before a space, whose
    /// second byte (a non-breaking space) was lost, is read as `à`.
    pub guess: bool,
}

/// One valid multi-byte UTF-8 sequence found in some code page.
#[derive(Debug, Clone)]
struct Seq {
    range: Range<usize>,
    ch: char,
    /// Whether a C1 control stands for a byte that the page itself
    /// decodes otherwise (Windows-1252 read as Latin-1).
    c1: bool,
    /// Whether a lost byte was guessed (see [`Repair::guess`]).
    guess: bool,
}

/// The code pages (bit `i` for page `i`) in which `text` has a lead byte
/// followed by a continuation byte; bit 0 also for `Ã` before a space.
fn page_mask(text: &str) -> u16 {
    if text.is_ascii() {
        return 0;
    }
    let roles = roles();
    let mut mask = 0u16;
    let mut lead = 0u16;
    let mut prev_char = '\0';
    for c in text.chars() {
        if c == ' ' && prev_char == 'Ã' {
            mask |= 1;
        }
        prev_char = c;
        let (l, cont) = if c.is_ascii() {
            (0, 0)
        } else {
            index(c).map_or((0, 0), |i| roles[i])
        };
        mask |= lead & cont;
        lead = l;
    }
    mask
}

/// Finds the mojibake of `text`, outermost layer first then repaired again
/// while that helps. Spans never overlap and are sorted.
pub fn find(text: &str) -> Vec<Repair> {
    // In pieces of whole lines: a repair never crosses a line, and each
    // line is judged on its own, so the pieces find what the whole would,
    // in memory that does not grow with the file (the search holds a few
    // words of memory for each character). A line longer than a piece is
    // cut at a space, and judged in parts.
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = piece_end(text, start);
        out.extend(find_once(&text[start..end], 0).into_iter().map(|mut r| {
            r.range = r.range.start + start..r.range.end + start;
            r
        }));
        start = end;
    }
    out
}

/// How many bytes of text [`find`] searches at once, about.
const PIECE: usize = 256 * 1024;

/// Where the piece of `text` that starts at `start` ends: after the last
/// line break within [`PIECE`] bytes, or else after the last space, or
/// else at a character boundary.
fn piece_end(text: &str, start: usize) -> usize {
    if text.len() - start <= PIECE {
        return text.len();
    }
    let mut limit = start + PIECE;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    match window.rfind('\n').or_else(|| window.rfind(' ')) {
        Some(i) if i > 0 => start + i + 1,
        _ => limit,
    }
}

/// How many times a span is repaired at most (text garbled three times is
/// still seen in the wild; four is not).
const MAX_LAYERS: usize = 3;

/// `s` repaired again while that finds more mojibake (text garbled twice):
/// the result and the code pages of the inner layers.
fn deepen(s: String, depth: usize) -> (String, Vec<&'static str>) {
    if depth + 1 >= MAX_LAYERS {
        return (s, Vec::new());
    }
    let inner = find_once(&s, depth + 1);
    let Some(first) = inner.first() else {
        return (s, Vec::new());
    };
    let pages = first.pages.clone();
    let mut out = s;
    for r in inner.iter().rev() {
        out.replace_range(r.range.clone(), &r.replacement);
    }
    (out, pages)
}

/// A repair of [`find_once`] with what ranks it against the others.
type Candidate = (usize, usize, (usize, usize, usize), Repair);

/// One layer of repairs, without looking at the repaired text again.
fn find_once(text: &str, depth: usize) -> Vec<Repair> {
    let mask = page_mask(text);
    if mask == 0 {
        return Vec::new();
    }
    let chars: Vec<(usize, char, Option<&[u8; PAGES]>)> = text
        .char_indices()
        .map(|(i, c)| (i, c, if c.is_ascii() { None } else { lookup(c) }))
        .collect();
    // (page, restored on the line, (C1 controls read as Latin-1, combining
    // marks and capitals in the repair), repair)
    let mut candidates: Vec<Candidate> = Vec::new();
    for (pi, page) in code_pages().iter().enumerate() {
        if mask & (1 << pi) == 0 {
            continue;
        }
        let seqs = sequences(text, &chars, pi);
        let mut start = 0;
        while start < seqs.len() {
            // The sequences of one line, judged together: mojibake is
            // consistent along a line, so a weak span rides on strong ones.
            let line_end = text[seqs[start].range.end..]
                .find('\n')
                .map_or(text.len(), |i| seqs[start].range.end + i);
            let end = start + seqs[start..].partition_point(|s| s.range.start < line_end);
            let line = &seqs[start..end];
            let restored = line.len();
            // Latin-1 is a code page of its own: only other pages pay for
            // reading C1 controls as bytes they do not define.
            let c1 = if pi == 0 {
                0
            } else {
                line.iter().filter(|s| s.c1).count()
            };
            for r in judge_line(text, &chars, pi, page, line, depth) {
                let capitals = r.replacement.chars().filter(|c| c.is_uppercase()).count();
                let marks = r.replacement.chars().filter(|&c| is_mark(c)).count();
                candidates.push((pi, restored, (c1, marks, capitals), r));
            }
            start = end;
        }
    }
    // Best first: most improvement, most characters restored on the line,
    // fewest C1 controls taken for bytes (ISO-8859-2 has them as its own
    // characters, Windows-1252 only when read as Latin-1), fewest combining
    // marks (`Ã™` is `Ù` in Windows-1252, U+032A in Mac Roman), capitals
    // (`ĂŠa` is `éa` in ISO-8859-2, `Êa` in Windows-1250), preferred page.
    candidates.sort_by(|(pa, ra, ca, a), (pb, rb, cb, b)| {
        b.improvement
            .cmp(&a.improvement)
            .then(rb.cmp(ra))
            .then(ca.cmp(cb))
            .then(pa.cmp(pb))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut chosen: Vec<Repair> = Vec::new();
    for (_, _, _, r) in candidates {
        if chosen
            .iter()
            .all(|c| c.range.end <= r.range.start || r.range.end <= c.range.start)
        {
            chosen.push(r);
        }
    }
    chosen.sort_by_key(|r| r.range.start);
    chosen
}

/// The valid multi-byte UTF-8 sequences of `text` read through page `pi`,
/// whose characters are plausible.
fn sequences(text: &str, chars: &[(usize, char, Option<&[u8; PAGES]>)], pi: usize) -> Vec<Seq> {
    let byte = |k: usize| chars[k].2.map(|b| b[pi]).filter(|&b| b != 0);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let Some(lead) = byte(k) else {
            k += 1;
            continue;
        };
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if len == 0 || k + len > chars.len() {
            k += 1;
            continue;
        }
        let mut bytes = [0u8; 4];
        bytes[0] = lead;
        let mut ok = true;
        for (j, slot) in bytes.iter_mut().enumerate().take(len).skip(1) {
            match byte(k + j) {
                Some(b) if (0x80..=0xBF).contains(&b) => *slot = b,
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        let decoded = ok
            .then(|| std::str::from_utf8(&bytes[..len]).ok())
            .flatten()
            .and_then(|s| s.chars().next());
        match decoded {
            // A combining mark needs a character to sit on.
            Some(ch)
                if plausible(ch)
                    && !(is_mark(ch) && k.checked_sub(1).is_none_or(|p| is_space(chars[p].1))) =>
            {
                let end = chars.get(k + len).map_or(text.len(), |c| c.0);
                let page = &code_pages()[pi];
                let c1 = chars[k..k + len]
                    .iter()
                    .any(|c| is_c1(c.1) && page.decode_byte(c.1 as u8) != c.1);
                out.push(Seq {
                    range: chars[k].0..end,
                    ch,
                    c1,
                    guess: false,
                });
                k += len;
            }
            // `à` is C3 A0: the A0 (a non-breaking space) is often turned
            // into a space or merged with the one after it (`voilÃ le`).
            // When two spaces follow, the first one was that byte.
            _ if pi == 0 && chars[k].1 == 'Ã' && chars.get(k + 1).is_some_and(|c| c.1 == ' ') => {
                let two = chars.get(k + 2).is_some_and(|c| c.1 == ' ');
                out.push(Seq {
                    range: chars[k].0..chars[k + 1 + usize::from(two)].0,
                    ch: 'à',
                    c1: false,
                    guess: true,
                });
                k += 1 + usize::from(two);
            }
            _ => k += 1,
        }
    }
    out
}

/// Groups of sequences (index ranges into `seqs`) separated only by short
/// ASCII gaps: one finding each.
fn groups(text: &str, seqs: &[Seq]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=seqs.len() {
        let split = i == seqs.len() || {
            let gap = &text[seqs[i - 1].range.end..seqs[i].range.start];
            !gap.is_ascii() || gap.contains('\n') || gap.len() > 64
        };
        if split {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// `text[range]` with the sequences of `seqs` inside it replaced.
fn replaced(text: &str, range: Range<usize>, seqs: &[Seq]) -> String {
    let mut out = String::new();
    let mut at = range.start;
    for s in seqs
        .iter()
        .filter(|s| range.start <= s.range.start && s.range.end <= range.end)
    {
        out.push_str(&text[at..s.range.start]);
        out.push(s.ch);
        at = s.range.end;
    }
    out.push_str(&text[at..range.end]);
    out
}

/// The words around `range`: from the whitespace before it to the
/// whitespace after it.
fn words_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_space(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .find(is_space)
        .map_or(text.len(), |i| range.end + i);
    start..end
}

/// The repairs of the sequences of one line in one code page, if the line
/// is clearly better text with all of them repaired.
fn judge_line(
    text: &str,
    chars: &[(usize, char, Option<&[u8; PAGES]>)],
    pi: usize,
    page: &'static CodePage,
    seqs: &[Seq],
    depth: usize,
) -> Vec<Repair> {
    let first = &seqs[0].range;
    let last = &seqs[seqs.len() - 1].range;
    let line = text[..first.start].rfind('\n').map_or(0, |i| i + 1)
        ..text[last.end..]
            .find('\n')
            .map_or(text.len(), |i| last.end + i);
    // Characters of this page the sequences leave alone: many of them
    // (`Bremer/Mccoy – DrÃ¥ber`, real Arabic with one odd pair) mean the
    // line is real text, not consistent mojibake.
    let covered: usize = seqs
        .iter()
        .map(|s| text[s.range.clone()].chars().count())
        .sum();
    let mut k = 0;
    let from = chars.partition_point(|c| c.0 < line.start);
    let to = chars.partition_point(|c| c.0 < line.end);
    let leftover = chars[from..to]
        .iter()
        .filter(|&&(i, c, b)| {
            while k < seqs.len() && seqs[k].range.end <= i {
                k += 1;
            }
            line.contains(&i)
                && !(k < seqs.len() && seqs[k].range.contains(&i))
                && !c.is_whitespace()
                && b.is_some_and(|b| b[pi] >= 0x80)
        })
        .count();
    if leftover > covered || (seqs.len() == 1 && leftover > 0) {
        return Vec::new();
    }
    // A line with nothing odd cannot get better (and most clean lines that
    // reach this point stop here, before any repair is tried).
    let before = oddness(&text[line.clone()]);
    if before == 0 {
        return Vec::new();
    }
    // Each span's repair, repaired again while that helps, and the line
    // with all of them: judged against the line as it is.
    let mut spans = Vec::new();
    for g in groups(text, seqs) {
        let members = &seqs[g];
        let span = members[0].range.start..members[members.len() - 1].range.end;
        let (replacement, inner) = deepen(replaced(text, span.clone(), members), depth);
        // A C1 control may come out of a layer (`Â\u{9d}` in text garbled
        // twice) but never out of the whole repair.
        if replacement.chars().any(is_c1) {
            continue;
        }
        spans.push((span, members, replacement, inner));
    }
    let with = |range: Range<usize>, only: Option<usize>| {
        let mut s = String::new();
        let mut at = range.start;
        for (i, (span, _, rep, _)) in spans.iter().enumerate() {
            if only.is_some_and(|o| o != i) || span.start < range.start || span.end > range.end {
                continue;
            }
            s.push_str(&text[at..span.start]);
            s.push_str(rep);
            at = span.end;
        }
        s.push_str(&text[at..range.end]);
        s
    };
    let after = oddness(&with(line.clone(), None));
    if after >= before {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, (span, members, replacement, inner)) in spans.iter().enumerate() {
        // A span that makes its own words worse stays out (`Brontë…”` →
        // `Bront녔` next to real mojibake).
        let around = words_around(text, span);
        if oddness(&with(around.clone(), Some(i))) > oddness(&text[around]) {
            continue;
        }
        let latin1 = pi == 0 && members.iter().any(|s| s.c1);
        let mut pages = vec![if latin1 { "Latin-1" } else { page.name }];
        pages.extend(inner);
        out.push(Repair {
            replacement: replacement.clone(),
            range: span.clone(),
            pages,
            improvement: before - after,
            restored: members.len(),
            guess: members.iter().any(|s| s.guess),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Garbles `s` through a code page, as a wrong reader would.
    fn garble(s: &str, page: &str) -> String {
        code_page(page).unwrap().decode(s.as_bytes())
    }

    fn repaired(text: &str) -> String {
        let mut s = text.to_string();
        for r in find(text).iter().rev() {
            s.replace_range(r.range.clone(), &r.replacement);
        }
        s
    }

    #[test]
    fn a_long_text_is_searched_in_pieces_that_find_what_each_line_does() {
        let lines = [
            format!(
                "قال الوزير {} أمس.",
                garble("إن القوات وصلت", "Windows-1256")
            ),
            format!(
                "The {} said it was fine.",
                garble("café owner", "Windows-1252")
            ),
            "Plain line with nothing wrong in it at all.".to_string(),
            format!("Он сказал: {}", garble("привет мир", "Windows-1252")),
        ];
        let mut text = String::new();
        let mut expected = Vec::new();
        let mut k = 0;
        while text.len() < 3 * PIECE + 1000 {
            let line = &lines[k % lines.len()];
            expected.extend(find_once(line, 0).into_iter().map(|mut r| {
                r.range = r.range.start + text.len()..r.range.end + text.len();
                (r.range, r.replacement)
            }));
            text.push_str(line);
            text.push('\n');
            k += 1;
        }
        let found: Vec<_> = find(&text)
            .into_iter()
            .map(|r| (r.range, r.replacement))
            .collect();
        assert!(found.len() > 1000);
        assert_eq!(found, expected);
        // One long line: cut at spaces, never inside a character.
        let line = lines[0].repeat(PIECE / lines[0].len() * 3);
        assert!(find(&line).len() > 100);
    }

    #[test]
    fn tables_round_trip() {
        for page in code_pages() {
            for b in 0x80u8..=0xFF {
                let c = page.decode_byte(b);
                if c != '\u{FFFD}' {
                    assert_eq!(page.encode_char(c), Some(b), "{} {b:#x}", page.name);
                }
            }
        }
        assert_eq!(code_page("CP437").unwrap().decode(&[0xC9, 0xCD]), "╔═");
        assert_eq!(
            code_page("Windows-1256").unwrap().decode("ال".as_bytes()),
            "ط§ظ„"
        );
        assert_eq!(
            code_page("Windows-1251").unwrap().decode("ال".as_bytes()),
            "Ш§Щ„"
        );
        assert_eq!(
            code_page("Windows-1252").unwrap().decode("ال".as_bytes()),
            "Ø§Ù„"
        );
    }

    #[test]
    fn every_page_and_direction() {
        let samples = [
            ("ar", "قالت الحكومة إن المفاوضات ستستمر"),
            ("ru", "Правительство заявило, что переговоры продолжатся"),
            (
                "fr",
                "Le gouvernement a déclaré que les négociations continueront à Genève",
            ),
            (
                "el",
                "Η κυβέρνηση δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν",
            ),
            ("he", "הממשלה הודיעה כי המשא ומתן יימשך"),
        ];
        for page in code_pages() {
            for (lang, s) in samples {
                let g = garble(s, page.name);
                if g.contains('\u{FFFD}') {
                    continue;
                }
                let found = find(&g);
                assert!(!found.is_empty(), "{lang} via {}: {g}", page.name);
                assert_eq!(repaired(&g), s, "{lang} via {}: {g}", page.name);
                // And the other direction: the repair is itself clean.
                assert!(find(s).is_empty(), "{lang}: {s}");
            }
        }
    }

    #[test]
    fn capitals_of_no_one_alphabet_are_odd() {
        // `ğ` through Windows-1252 is `ÄŸ`: all capitals, found by the pair.
        let r = find("aa ÄŸÄŸÄŸ");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].replacement, "ğğğ");
        // A name that mixes alphabets in lowercase is left alone.
        assert!(find("Connect with Āø on Facebook").is_empty());
    }

    #[test]
    fn rare_combining_marks_are_no_repair() {
        // `âœé` through Windows-1252 after a letter, not U+0322 and U+0329
        // through Mac Roman.
        let r = find("aa aÃ¢Å“Ã©");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].replacement, "âœé");
    }

    #[test]
    fn names_the_code_page() {
        let r = find("ط§ظ„ط¹ط±ط¨ظٹط©");
        assert_eq!(r[0].pages, ["Windows-1256"]);
        assert_eq!(r[0].replacement, "العربية");
        let r = find("Ð¿Ñ€Ð¸Ð²ÐµÑ‚");
        assert_eq!(r[0].pages, ["Windows-1252"]);
        let r = find("Р\u{a0}С—РЎР‚Р\u{a0}С‘РЎРЏРЎвЂљР\u{a0}Р…Р\u{a0}С•РЎРѓРЎвЂљР\u{a0}С‘");
        assert_eq!(r[0].pages, ["Windows-1251", "Windows-1251"]);
        assert_eq!(r[0].replacement, "приятности");
        let r = find("Ecuador\u{e2}\u{80}\u{99}s");
        assert_eq!(r[0].pages, ["Latin-1"]);
    }

    #[test]
    fn spans_inside_good_text() {
        let text = "Le médecin conseille des gÃ¢teaux et un rÃ©gime Ã©quilibrÃ©.";
        let r = find(text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            &text[r[0].range.clone()],
            "Ã¢teaux et un rÃ©gime Ã©quilibrÃ©"
        );
        assert_eq!(
            repaired(text),
            "Le médecin conseille des gâteaux et un régime équilibré."
        );
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in [
            "Щука и щавель: Шишкин пишет «Щедрость».",
            "قال المتحدث، وأضاف: «هذا مهم».",
            "مع،وقال",
            "Ça coûte 5 € — très cher… « Oui » à l’hôtel, naïve Noël.",
            "Tại sao giá hạt sầu riêng lại lên giá?",
            "Hırsızı Büyü Korkuttu İstanbul’da",
            "Η κυβέρνηση «δήλωσε» ότι…",
            "Prices: £35, ¥200, © 2024, ™, ±5 °C, ½ × ¼",
            "MARQUÉ… VOCÊ… NESTLÉ® ZZAJÉ’s",
            "ВІКІ is Ukrainian for WIKI",
        ] {
            assert!(find(s).is_empty(), "{s}: {:?}", find(s));
        }
    }
}
