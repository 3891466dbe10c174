//! Tokens: words, numbers, punctuation, symbols, white space, and the spans
//! that must never be split or read as prose (URLs, domains, e-mail
//! addresses, handles, hashtags, code).

use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use unicode_script::Script;

use super::case;
use super::script::{compatible, family, is_arabic_extension, letter_script};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters and combining marks, possibly with digits and inner apostrophes.
    Word,
    /// Digits, with inner decimal, thousands and time separators.
    Number,
    /// One punctuation character.
    Punct,
    /// One other character: emoji, signs, format and control characters.
    Symbol,
    /// A run of white space within a line.
    Space,
    /// A line break (`\n`, `\r\n` or `\r`).
    Newline,
    /// A URL or a bare domain (`pic.twitter.com/…`, `العربية.نت`).
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle (`@name`).
    Handle,
    /// A hashtag (`#name`).
    Hashtag,
    /// Code written into the text, which no rule reads as words: an
    /// identifier with underscores (`cfi_personality_id`), a command-line
    /// option (`--input-file`), a format placeholder (`%s`, `%1$d`), a
    /// variable (`$HOME`), a path (`/usr/bin`, `system/proxy/socks`), an
    /// HTML entity (`&nbsp;`, which `escaped-text` reads in the raw text).
    Code,
}

/// One token of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// UTF-8 byte range in the document.
    pub range: Range<usize>,
    /// What the token is.
    pub kind: TokenKind,
    /// For words, the script family of most of its letters; for punctuation,
    /// the script its Script_Extensions give (Arabic for `،`); else `None`.
    pub script: Option<Script>,
    /// For words, whether letters of incompatible scripts share the word.
    pub mixed: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        &doc_text[self.range.clone()]
    }

    /// Whether the token is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether the token is white space or a line break.
    pub fn is_space(&self) -> bool {
        matches!(self.kind, TokenKind::Space | TokenKind::Newline)
    }
}

/// One regex for every span that is a token of its own. No capture groups
/// and no Unicode `\b`, so the regex crate can run its fast DFA; the kind and
/// the word boundaries are checked on each (short) match afterwards.
static SPECIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?i:https?://|ftp://|www\.)[^\s<>{q}]+",
            r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
            r"|(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:{tlds})(?:/[^\s<>{q}]*)?",
            r"|\p{{Arabic}}+\.(?:نت|كوم|اورغ|أورغ|اورج|أورج)",
            // A handle, with its server on the fediverse (`@user@instance.social`).
            r"|@[A-Za-z0-9_]{{1,30}}(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?",
            r"|#[\p{{L}}\p{{N}}_]*\p{{L}}[\p{{L}}\p{{N}}_]*",
            // Code: identifiers with underscores, options, placeholders,
            // variables, paths (ASCII: code is).
            r"|_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*",
            r"|--?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*",
            r"|%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:hh|ll|[hlLqjzt])?[A-Za-z]",
            r"|%\([A-Za-z_][A-Za-z0-9_]*\)[A-Za-z]",
            r"|\$\{{?[A-Za-z_][A-Za-z0-9_]*\}}?",
            // An entity, escaped once more or not (`&amp;amp;`).
            r"|&(?:amp;)*(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",
            r"|(?:~|\.\.?)?/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*/?",
            r"|[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+){{2,}}/?",
        ),
        q = "\"“”«»",
        tlds = TLDS
    ))
    .expect("valid token regex")
});

/// The longest piece between white space that [`special_spans`] searches
/// by anchored searches (see there); a longer one is searched as usual.
const ANCHORED_PIECE: usize = 256;

/// Top-level domains that make `name.tld` a domain; lowercase only, so that
/// glued sentences such as `over.It` are not read as domains.
const TLDS: &str = "com|net|org|gov|edu|mil|int|info|biz|io|co|me|tv|ly|ai|app|dev|news|online|site|ru|su|uk|us|fr|de|es|it|eg|sa|ae|ma|dz|tn|jo|lb|iq|qa|kw|bh|om|ye|sy|sd|ps|ir|tr|ua|by|kz|cn|jp|in|ca|au|ch|nl|be|pl|se|no|fi|dk|at|cz|gr|pt|br|mx|ar";

/// Finds the spans that are tokens of their own: URLs, domains, e-mails,
/// handles, hashtags and code, left to right and never overlapping.
fn special_spans(text: &str) -> Vec<(Range<usize>, TokenKind)> {
    let mut out = Vec::new();
    // Every match of [`SPECIAL`] holds one of these bytes and no white
    // space, and the regex has no anchors or look-around: searching only
    // the pieces between white space that hold one finds what a search of
    // the whole text finds, without running the regex over every word.
    let trigger = |b: u8| {
        matches!(
            b,
            b'.' | b'@' | b'#' | b'_' | b'-' | b'%' | b'$' | b'/' | b'&'
        )
    };
    let bytes = text.as_bytes();
    let mut searched = 0;
    while let Some(k) = bytes[searched..].iter().position(|&b| trigger(b)) {
        let t = searched + k;
        let start = text[searched..t]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(searched, |(j, c)| searched + j + c.len_utf8());
        let end = text[t..]
            .find(char::is_whitespace)
            .map_or(text.len(), |j| t + j);
        let hay = &text[start..end];
        if hay.len() > ANCHORED_PIECE {
            for m in SPECIAL.find_iter(hay) {
                out.extend(special(text, start + m.start()..start + m.end()));
            }
        } else {
            // The leftmost match is the anchored match at the first place
            // that has one. An unanchored search would find its start with
            // the reverse lazy DFA, whose states (the Unicode classes read
            // backwards) took most of the tokenizer's time on Latin and
            // Cyrillic text; the forward DFA's are cheap.
            let mut p = 0;
            while let Some(m) = (p..hay.len())
                .filter(|&q| hay.is_char_boundary(q))
                .find_map(|q| SPECIAL.find(Input::new(hay).range(q..).anchored(Anchored::Yes)))
            {
                out.extend(special(text, start + m.start()..start + m.end()));
                // No alternative matches nothing; were one to, go on.
                p = m.end().max(p + 1);
            }
        }
        searched = end;
    }
    out
}

/// The token that the match `range` of [`SPECIAL`] in `text` is, if its
/// kind and its neighbours allow it to be one.
fn special(text: &str, mut range: Range<usize>) -> Option<(Range<usize>, TokenKind)> {
    let s = &text[range.clone()];
    let first = s.as_bytes()[0];
    let kind = if first == b'@' {
        TokenKind::Handle
    } else if first == b'#' {
        TokenKind::Hashtag
    } else if let Some(code) = code_kind(s) {
        code
    } else if s.contains('@') && !s.contains('/') {
        TokenKind::Email
    } else {
        TokenKind::Url
    };
    if kind == TokenKind::Code && !is_code(text, range.clone()) {
        return None;
    }
    if kind == TokenKind::Url && !s.contains("://") {
        // A bare domain ends at a word boundary: `example.community` is not `example.com`.
        let after = text[range.end..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
    }
    if kind == TokenKind::Url || kind == TokenKind::Code && s.contains('/') {
        range.end = trim_url_end(text, range.clone());
    }
    // Handles, hashtags and domains start a word: `a@b` and `x#y` are
    // not. An entity may follow a word (`minister&nbsp;said`).
    let prev = text[..range.start].chars().next_back();
    if !s.starts_with('&')
        && prev.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '@')
    {
        return None;
    }
    if range.is_empty() {
        return None;
    }
    Some((range, kind))
}

/// Whether a match of [`SPECIAL`] is one of its code alternatives, not a
/// URL, a domain (a dot before the first slash: `pic.twitter.com/…`) or an
/// e-mail address.
fn code_kind(s: &str) -> Option<TokenKind> {
    if s.contains("://") || s.contains('@') || s.starts_with("www.") {
        return None;
    }
    let head = s.split('/').next().unwrap_or_default();
    if head.contains('.') && head != "." && head != ".." {
        return None;
    }
    let code = s.contains('/')
        || s.bytes()
            .any(|b| matches!(b, b'_' | b'-' | b'%' | b'$' | b'&'));
    code.then_some(TokenKind::Code)
}

/// Whether the code match `range` stands on its own: a letter in it (`1/2/3`
/// is a date), nothing glued on after a placeholder (`%do` is no `%d`), and
/// for an option, space or an opening bracket before it (`e-mail` is
/// prose; `--input-file` is an option).
fn is_code(text: &str, range: Range<usize>) -> bool {
    let s = &text[range.clone()];
    if s.starts_with('&') {
        return true;
    }
    if !s.bytes().any(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let after = text[range.end..].chars().next();
    if s.starts_with('%') && after.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let before = text[..range.start].chars().next_back();
    if s.starts_with('-') {
        return before
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\'' | '`'));
    }
    // A path ends where the next word starts, not inside one.
    !(s.contains('/') && after.is_some_and(char::is_alphanumeric))
}

/// Trailing punctuation belongs to the sentence, not the URL, unless it closes
/// a bracket the URL opened.
fn trim_url_end(text: &str, range: Range<usize>) -> usize {
    let s = &text[range.clone()];
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        let drop = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '،' | '؛' | '؟' => true,
            ')' => s[..end].matches('(').count() < s[..end].matches(')').count(),
            ']' => s[..end].matches('[').count() < s[..end].matches(']').count(),
            _ => false,
        };
        if !drop {
            break;
        }
        end -= c.len_utf8();
    }
    range.start + end
}

/// Whether `c` is punctuation (as opposed to a symbol or a letter).
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
            | '،' | '؛' | '؟' | '٪' | '٫' | '٬' | '۔' | '«' | '»' | '¡' | '¿' | '·' | '§' | '¶'
            | '、' | '。' | '，' | '！' | '？' | '：' | '；' | '（' | '）' | '「' | '」' | '『' | '』'
            | '《' | '》' | '〈' | '〉' | '【' | '】')
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || is_mark(c)
}

/// `char::is_alphanumeric` with fast paths for ASCII, Arabic and Cyrillic,
/// since the general lookup dominates tokenizing time.
fn is_alnum(c: char) -> bool {
    match c as u32 {
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        0x0621..=0x064A | 0x0660..=0x0669 | 0x0400..=0x0481 | 0x048A..=0x04FF => true,
        _ => c.is_alphanumeric(),
    }
}

/// Combining marks and joiners, which never start a word but continue one.
fn is_mark(c: char) -> bool {
    use unicode_script::UnicodeScript;
    !c.is_ascii() && !c.is_alphanumeric() && c.script() == Script::Inherited
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits `text` into tokens that cover it completely, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let specials = special_spans(text);
    // About a token every five bytes in Arabic, more in Latin text; the
    // spare capacity goes back at the end, since a large file's tokens are
    // most of its memory.
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut next_special = specials.into_iter().peekable();
    let mut i = 0;
    while i < text.len() {
        if let Some((range, kind)) = next_special.peek() {
            if range.start == i {
                tokens.push(Token {
                    range: range.clone(),
                    kind: *kind,
                    script: None,
                    mixed: false,
                });
                i = range.end;
                next_special.next();
                continue;
            }
        }
        let limit = next_special.peek().map_or(text.len(), |(r, _)| r.start);
        // The script of a word that `plain_word` read.
        let mut known_script: Option<Option<Script>> = None;
        let rest = &text[i..limit];
        let c = rest.chars().next().expect("non-empty");
        let (len, kind) = if c == '\r' || c == '\n' {
            let len = if rest.starts_with("\r\n") { 2 } else { 1 };
            (len, TokenKind::Newline)
        } else if c.is_whitespace() {
            let len = rest
                .char_indices()
                .find(|&(_, c)| !c.is_whitespace() || c == '\r' || c == '\n')
                .map_or(rest.len(), |(j, _)| j);
            (len, TokenKind::Space)
        } else if is_alnum(c) {
            match plain_word(rest) {
                Some((len, kind, script)) => {
                    known_script = Some(script);
                    (len, kind)
                }
                None => word_len(rest),
            }
        } else if is_punct(c) {
            (c.len_utf8(), TokenKind::Punct)
        } else {
            (c.len_utf8(), TokenKind::Symbol)
        };
        let range = i..i + len;
        let (script, mixed) = match kind {
            TokenKind::Word if known_script.is_some() => (known_script.take().flatten(), false),
            TokenKind::Word => word_script(&text[range.clone()]),
            TokenKind::Punct if is_arabic_extension(c) => (Some(Script::Arabic), false),
            _ => (None, false),
        };
        if tokens.len() == tokens.capacity() {
            // A quarter more, not twice as many: the peak stays near the
            // size of the tokens.
            tokens.reserve_exact((tokens.len() / 4).max(1024));
        }
        tokens.push(Token {
            range,
            kind,
            script,
            mixed,
        });
        i += len;
    }
    tokens.shrink_to_fit();
    tokens
}

/// [`word_len`] and [`word_script`] in one pass over the bytes, for the
/// words of most text: ASCII letters and digits, or the basic letters of
/// one of Arabic and Cyrillic, and digits, up to a character that cannot
/// continue any word. `None` for any other word, which the general path
/// reads. Tokenizing is a large share of a scan, and most words are plain.
fn plain_word(s: &str) -> Option<(usize, TokenKind, Option<Script>)> {
    let b = s.as_bytes();
    let mut end = 0;
    // The scripts seen: bit 0 Latin, 1 Arabic, 2 Cyrillic.
    let mut seen = 0u8;
    while end < b.len() {
        let (len, script) = match b[end] {
            b'a'..=b'z' | b'A'..=b'Z' => (1, 1),
            b'0'..=b'9' => (1, 0),
            // U+0621–U+063A and U+0641–U+064A: Arabic letters (not the
            // tatweel U+0640, whose script is Common).
            0xD8 if b.get(end + 1).is_some_and(|&n| (0xA1..=0xBA).contains(&n)) => (2, 2),
            0xD9 if b.get(end + 1).is_some_and(|&n| (0x81..=0x8A).contains(&n)) => (2, 2),
            // U+0410–U+044F: the Russian alphabet but `ё`.
            0xD0 if b.get(end + 1).is_some_and(|&n| (0x90..=0xBF).contains(&n)) => (2, 4),
            0xD1 if b.get(end + 1).is_some_and(|&n| (0x80..=0x8F).contains(&n)) => (2, 4),
            _ => break,
        };
        seen |= script;
        end += len;
    }
    // What follows must end any word: else the general path decides.
    if let Some(c) = s[end..].chars().next() {
        if is_word_char(c)
            || is_apostrophe(c)
            || matches!(c, '\u{200C}' | '\u{200D}' | '.' | ',' | ':' | '٫' | '٬')
        {
            return None;
        }
    }
    let script = match seen {
        0 => return Some((end, TokenKind::Number, None)),
        1 => Script::Latin,
        2 => Script::Arabic,
        4 => Script::Cyrillic,
        _ => return None,
    };
    Some((end, TokenKind::Word, Some(script)))
}

/// Length and kind of the word or number at the start of `s`.
fn word_len(s: &str) -> (usize, TokenKind) {
    let mut end = 0;
    let mut has_letter = false;
    let mut chars = s.char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let keep = if is_word_char(c) {
            true
        } else if is_apostrophe(c) || c == '\u{200C}' || c == '\u{200D}' {
            // Inner apostrophes and joiners: `don't`, `l'homme`, Persian ZWNJ.
            end > 0 && next.is_some_and(case::is_alphabetic)
        } else if matches!(c, '.' | ',' | ':' | '٫' | '٬') {
            // Decimal, thousands and time separators between digits.
            !has_letter
                && s[..j].chars().next_back().is_some_and(|p| p.is_numeric())
                && next.is_some_and(|n| n.is_numeric())
        } else {
            false
        };
        if !keep {
            break;
        }
        has_letter |= case::is_alphabetic(c);
        end = j + c.len_utf8();
    }
    let kind = if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    (end, kind)
}

/// The main script family of a word and whether incompatible scripts mix in it.
fn word_script(word: &str) -> (Option<Script>, bool) {
    let mut counts: [(Option<Script>, usize); 4] = [(None, 0); 4];
    let mut mixed = false;
    for c in word.chars() {
        let Some(s) = letter_script(c) else { continue };
        let s = family(s);
        if let Some(slot) = counts
            .iter_mut()
            .find(|(k, _)| *k == Some(s) || k.is_none())
        {
            slot.0 = Some(s);
            slot.1 += 1;
        }
    }
    // The slots fill in order, so the scripts present are a prefix.
    let present = counts.iter().take_while(|(s, _)| s.is_some()).count();
    let present = &counts[..present];
    for (i, &(a, _)) in present.iter().enumerate() {
        for &(b, _) in &present[i + 1..] {
            if let (Some(a), Some(b)) = (a, b) {
                mixed |= !compatible(a, b);
            }
        }
    }
    let main = present
        .iter()
        .fold(
            None::<(Option<Script>, usize)>,
            |best, &(s, n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((s, n)),
            },
        )
        .and_then(|(s, _)| s);
    (main, mixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .into_iter()
            .filter(|t| !t.is_space())
            .map(|t| (&text[t.range], t.kind))
            .collect()
    }

    #[test]
    fn special_spans_are_those_of_a_search_of_the_whole_text() {
        let pieces = [
            "see https://example.com/a?b=1.",
            "mail me@example.org,",
            "www.bbc.co.uk/news",
            "الموقع الجزيرة.نت اليوم",
            "@user@mastodon.social",
            "#وسم_عربي",
            "call snake_case_name()",
            "--dry-run",
            "%1$s %(name)s ${HOME}",
            "&amp;amp; &#x41;",
            "./src/main.rs a/b/c/",
            "word.",
            "a.b.c",
            "e-mail",
            "x\u{A0}www.example.com\u{2003}y",
            "\u{A0}/usr/bin\u{A0}",
            "1/2/3",
            "over.It",
            "well-known e-mail-address --flag",
            "a-b_c%d$e&f;/g@h.com#i",
            "",
            " ",
        ];
        // A piece longer than the anchored searches take.
        let long = format!("{}/usr/bin/x.com{}", "a-".repeat(200), "_b".repeat(100));
        let whole = |text: &str| {
            SPECIAL
                .find_iter(text)
                .filter_map(|m| special(text, m.range()))
                .collect::<Vec<_>>()
        };
        for a in pieces.iter().copied().chain([long.as_str()]) {
            for b in pieces {
                let text = format!("{a} {b}{a}\n{b}");
                assert_eq!(special_spans(&text), whole(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn plain_words_read_as_the_general_path_reads_them() {
        // Every pair of pieces, so that each piece meets every neighbour.
        let pieces = [
            "abc",
            "Abc9",
            "42",
            "3.5",
            "كتاب",
            "الكتابـ",
            "كِتاب",
            "книга",
            "ёлка",
            "don't",
            "l’homme",
            "x،",
            "a-b",
            "مرحباabc",
            "abcкнига",
            "٣٤",
            "پدر",
            "ok.",
            "a,b",
            "1,5",
            " ",
            "\n",
            "«",
            "é",
            "zwnj\u{200C}x",
            "١٢:٣٠",
            "",
        ];
        for a in pieces {
            for b in pieces {
                let text = format!("{a}{b} {b}{a}");
                let mut at = 0;
                while at < text.len() {
                    let rest = &text[at..];
                    let c = rest.chars().next().unwrap();
                    if is_alnum(c) {
                        if let Some((len, kind, script)) = plain_word(rest) {
                            let (slow_len, slow_kind) = word_len(rest);
                            assert_eq!((len, kind), (slow_len, slow_kind), "{rest:?}");
                            let slow_script = match kind {
                                TokenKind::Word => word_script(&rest[..len]),
                                _ => (None, false),
                            };
                            assert_eq!((script, false), slow_script, "{rest:?}");
                        }
                    }
                    at += c.len_utf8();
                }
            }
        }
    }

    #[test]
    fn urls_domains_and_handles_are_single_tokens() {
        let k = kinds("бна. pic.twitter.com/ry1yyiqzki (@enkhee0369) موقع العربية.نت");
        assert!(k.contains(&("pic.twitter.com/ry1yyiqzki", TokenKind::Url)));
        assert!(k.contains(&("@enkhee0369", TokenKind::Handle)));
        assert!(k.contains(&("العربية.نت", TokenKind::Url)));
        let k = kinds("تابعوا @sara@mastodon.social. و @tom.");
        assert!(
            k.contains(&("@sara@mastodon.social", TokenKind::Handle)),
            "{k:?}"
        );
        assert!(k.contains(&("@tom", TokenKind::Handle)), "{k:?}");
        let k = kinds("see https://example.org/a_(b)). ok");
        assert!(k.contains(&("https://example.org/a_(b)", TokenKind::Url)));
    }

    #[test]
    fn code_is_one_token() {
        let text = "Задайте --input-file или -q, cfi_personality_id, %s, %1$d, %(name)s, \
                    ${HOME}, /usr/bin, ./configure и system/proxy/socks.";
        let code: Vec<&str> = kinds(text)
            .into_iter()
            .filter(|k| k.1 == TokenKind::Code)
            .map(|k| k.0)
            .collect();
        assert_eq!(
            code,
            [
                "--input-file",
                "-q",
                "cfi_personality_id",
                "%s",
                "%1$d",
                "%(name)s",
                "${HOME}",
                "/usr/bin",
                "./configure",
                "system/proxy/socks"
            ]
        );
        // An HTML entity, glued to words or not (`escaped-text` reads it).
        let k = kinds("the minister&nbsp;said &#39;x&#x27; AT&T &amp;amp;then");
        assert!(k.contains(&("&amp;amp;", TokenKind::Code)), "{k:?}");
        assert!(k.contains(&("&nbsp;", TokenKind::Code)), "{k:?}");
        assert!(k.contains(&("&#39;", TokenKind::Code)), "{k:?}");
        assert!(k.contains(&("said", TokenKind::Word)), "{k:?}");
        assert!(k.contains(&("T", TokenKind::Word)), "{k:?}");
        // Prose, numbers and URLs are not code.
        let text = "e-mail, non-stop, 50%, 13/03/2025, and/or, a %do, pic.twitter.com/ry1 x";
        let k = kinds(text);
        assert!(k.iter().all(|k| k.1 != TokenKind::Code), "{k:?}");
        assert!(k.contains(&("pic.twitter.com/ry1", TokenKind::Url)));
    }

    #[test]
    fn numbers_keep_separators_and_glued_sentences_split() {
        let k = kinds("3.5 and 1,100 at 10:30 عليها.الروس");
        assert!(k.contains(&("3.5", TokenKind::Number)));
        assert!(k.contains(&("1,100", TokenKind::Number)));
        assert!(k.contains(&("10:30", TokenKind::Number)));
        assert!(k.contains(&("عليها", TokenKind::Word)));
        assert!(k.contains(&(".", TokenKind::Punct)));
    }

    #[test]
    fn words_carry_scripts() {
        let t = tokenize("урррсافقة don't");
        assert!(t[0].mixed);
        assert_eq!(t[0].script, Some(Script::Cyrillic));
        assert_eq!(&"урррсافقة don't"[t[2].range.clone()], "don't");
        let t = tokenize("، x");
        assert_eq!(t[0].script, Some(Script::Arabic));
    }

    #[test]
    fn tokens_cover_the_text() {
        let text = "a\r\nb  c…«d»\u{200B}e";
        let t = tokenize(text);
        let mut pos = 0;
        for tok in &t {
            assert_eq!(tok.range.start, pos);
            pos = tok.range.end;
        }
        assert_eq!(pos, text.len());
    }
}
