//! Quotation marks and brackets, paired per paragraph: which way each mark
//! points and whether it has a partner. Shared by the punctuation rules,
//! which need to know whether a `”` or a `"` opens or closes before judging
//! the spaces around it, and by `unbalanced-quotes` and `unbalanced-brackets`.

use crate::text::{Document, TokenKind};

/// Which way a quotation mark points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// It opens a quotation.
    Open,
    /// It closes a quotation.
    Close,
    /// Its direction cannot be told (a lone `"` with spaces on both sides).
    Unknown,
}

/// Quotation marks that pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `"`, and `”` when a paragraph has no `“` or `„` (Swedish and some
    /// Arabic typesetting use `”` both ways, and often mix it with `"`).
    Straight,
    /// `“ ”` (English) and `„ “` / `„ ”` (German, Russian, Polish).
    Curly,
    /// `« »`, either way round (`»…«` in German), or `»…»` (Swedish).
    Guillemet,
}

/// One quotation mark and what the pairing made of it.
#[derive(Debug, Clone)]
pub struct QuoteMark {
    /// Index of its token.
    pub token: usize,
    /// The character.
    pub ch: char,
    /// The family it pairs within.
    pub family: Family,
    /// Its direction.
    pub role: Role,
    /// Whether it found a partner in its paragraph.
    pub paired: bool,
    /// Whether its imbalance is normal (a quotation running over several
    /// paragraphs) and must not be reported.
    pub excused: bool,
    /// Whether it is unpaired at the edge of its paragraph (an opening mark
    /// after every other mark of its family, a closing one before them), where
    /// a quotation cut by the paragraph split would leave it.
    pub at_edge: bool,
    /// Whether the spaces around it point the other way than its role
    /// (`␣"word` read as closing): nested straight quotes, or a misreading.
    pub against_spacing: bool,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// One bracket and what the pairing made of it.
#[derive(Debug, Clone)]
pub struct BracketMark {
    /// Index of its token.
    pub token: usize,
    /// The character: `(`, `)`, `[` or `]`.
    pub ch: char,
    /// Whether it opens.
    pub open: bool,
    /// Whether it found a partner in its paragraph.
    pub paired: bool,
    /// Whether it is not a bracket of prose (`1)`, `:)`) or its imbalance
    /// is normal (a parenthesis running over a line break that ends a paragraph).
    pub excused: bool,
    /// Index of its paragraph.
    pub paragraph: usize,
}

const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»'];

/// The single character of a punctuation token, if it is one.
fn punct_char(doc: &Document, i: usize) -> Option<char> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Punct {
        return None;
    }
    doc.text[t.range.clone()].chars().next()
}

/// Whether the `"` at token `i` stands for an apostrophe, as broken
/// conversions write it: between two letters of a cased script (`d"état`,
/// `don"t`), or after a plural `s` before a word (`the Lakers" coach`).
fn is_apostrophe_substitute(doc: &Document, i: usize, para: std::ops::Range<usize>) -> bool {
    let r = &doc.tokens[i].range;
    let before = doc.text[..r.start].chars().next_back();
    let mut rest = doc.text[r.end..].chars();
    let after = rest.next();
    let cased = |c: Option<char>| c.is_some_and(|c| c.is_lowercase() || c.is_uppercase());
    if cased(before) && cased(after) {
        return true;
    }
    // `the Lakers" official website`, but not `"the bosses" said`: only
    // when the paragraph has an odd number of `"` and none is open before it.
    before == Some('s')
        && after == Some(' ')
        && rest
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
        && doc.text[para.clone()].matches('"').count() % 2 == 1
        && doc.text[para.start..r.start]
            .matches('"')
            .count()
            .is_multiple_of(2)
}

/// Where a mark sits between its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spacing {
    /// Space (or an opening mark) before, text after: `␣"word`.
    Open,
    /// Text before, space or punctuation after: `word"␣`.
    Close,
    /// Space on both sides: `␣"␣`, `␣".`.
    Both,
    /// Glued on both sides: `word"word`.
    Neither,
}

fn left_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | ':'
                        | '/'
                        | '“'
                        | '«'
                        | '„'
                        | '"'
                        | '\u{200F}'
                )
        }
    }
}

fn right_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | '،'
                        | '؛'
                        | '؟'
                        | ')'
                        | ']'
                        | '}'
                        | '…'
                        | '—'
                        | '–'
                        | '”'
                        | '"'
                        | '»'
                        | '\u{200F}'
                )
        }
    }
}

fn spacing(doc: &Document, i: usize) -> Spacing {
    let r = &doc.tokens[i].range;
    let before = doc.text[..r.start].chars().next_back();
    let after = doc.text[r.end..].chars().next();
    match (left_boundary(before), right_boundary(after)) {
        (true, false) => Spacing::Open,
        (false, true) => Spacing::Close,
        (true, true) => Spacing::Both,
        (false, false) => Spacing::Neither,
    }
}

/// How badly a mark's spacing contradicts a role.
fn cost(s: Spacing, role: Role) -> u32 {
    match (s, role) {
        (Spacing::Close, Role::Open) | (Spacing::Open, Role::Close) => 2,
        _ => 0,
    }
}

/// Resolves marks whose direction is not written in the character (`"`,
/// `”` alone, `»` alone) by alternation, choosing, when their number is odd,
/// the mark whose removal best fits the spacing around the others; that
/// mark takes the role its spacing says, or `odd_default`. `marks` holds (index into `out`, spacing) in text order.
fn resolve_ambiguous(marks: &[(usize, Spacing)], odd_default: Role, out: &mut [QuoteMark]) {
    let n = marks.len();
    if n == 0 {
        return;
    }
    let alt = |j: usize| {
        if j.is_multiple_of(2) {
            Role::Open
        } else {
            Role::Close
        }
    };
    let flip = |j: usize| {
        if j.is_multiple_of(2) {
            Role::Close
        } else {
            Role::Open
        }
    };
    // Cost of the plain alternation up to j, and of the shifted one after j.
    let mut pre = vec![0u32; n + 1];
    let mut post_shift = vec![0u32; n + 1];
    for j in 0..n {
        pre[j + 1] = pre[j] + cost(marks[j].1, alt(j));
    }
    for j in (0..n).rev() {
        // After a removed mark, mark j takes the role of position j - 1.
        post_shift[j] = post_shift[j + 1] + cost(marks[j].1, flip(j));
    }
    let mut assign = |j: usize, role: Role, paired: bool| {
        let m = &mut out[marks[j].0];
        m.role = role;
        m.paired = paired;
    };
    if n.is_multiple_of(2) {
        let plain = pre[n];
        // A paragraph may also close a quotation opened before it and open
        // one that goes on after it: `end." Then "start`.
        let shifted = cost(marks[0].1, Role::Close)
            + (1..n - 1).map(|j| cost(marks[j].1, flip(j))).sum::<u32>()
            + cost(marks[n - 1].1, Role::Open);
        if n >= 2 && shifted < plain {
            assign(0, Role::Close, false);
            for j in 1..n - 1 {
                assign(j, flip(j), true);
            }
            assign(n - 1, Role::Open, false);
        } else {
            for j in 0..n {
                assign(j, alt(j), true);
            }
        }
        return;
    }
    // Odd: one mark has no partner. Prefer the cheapest removal; on ties,
    // the mark with the oddest spacing (space on both sides, then glued on
    // both sides), then the last one.
    let rank = |s: Spacing| match s {
        Spacing::Both => 0,
        Spacing::Neither => 1,
        _ => 2,
    };
    let best = (0..n)
        .min_by_key(|&k| {
            (
                pre[k] + post_shift[k + 1],
                rank(marks[k].1),
                std::cmp::Reverse(k),
            )
        })
        .expect("n > 0");
    for j in 0..n {
        if j < best {
            assign(j, alt(j), true);
        } else if j > best {
            assign(j, flip(j), true);
        }
    }
    let role = match marks[best].1 {
        Spacing::Open => Role::Open,
        Spacing::Close => Role::Close,
        _ => odd_default,
    };
    assign(best, role, false);
}

/// Pairs every quotation mark of `doc`, paragraph by paragraph.
pub fn quote_marks(doc: &Document) -> Vec<QuoteMark> {
    let mut out: Vec<QuoteMark> = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let first = out.len();
        let (mut has_low, mut has_left, mut has_lg, mut has_rg) = (false, false, false, false);
        for i in p.tokens.clone() {
            let Some(c) = punct_char(doc, i).filter(|c| QUOTES.contains(c)) else {
                continue;
            };
            if c == '"' && is_apostrophe_substitute(doc, i, p.range.clone()) {
                continue;
            }
            match c {
                '„' => has_low = true,
                '“' => has_left = true,
                '«' => has_lg = true,
                '»' => has_rg = true,
                _ => {}
            }
            out.push(QuoteMark {
                token: i,
                ch: c,
                family: Family::Straight,
                role: Role::Unknown,
                paired: false,
                excused: false,
                at_edge: false,
                against_spacing: false,
                paragraph: pi,
            });
        }
        let marks = &mut out[first..];
        if marks.is_empty() {
            continue;
        }
        // German `»…«` when the first guillemet is a `»` that opens.
        let reversed = has_lg
            && has_rg
            && marks
                .iter()
                .find(|m| m.ch == '«' || m.ch == '»')
                .is_some_and(|m| m.ch == '»' && spacing(doc, m.token) == Spacing::Open);
        let mut straight = Vec::new();
        let mut lone_guillemets = Vec::new();
        for (k, m) in marks.iter_mut().enumerate() {
            let (family, role) = match m.ch {
                '"' => (Family::Straight, None),
                '„' => (Family::Curly, Some(Role::Open)),
                '“' if has_low => (Family::Curly, Some(Role::Close)),
                '“' => (Family::Curly, Some(Role::Open)),
                '”' if has_low || has_left => (Family::Curly, Some(Role::Close)),
                '”' => (Family::Straight, None),
                '»' if !has_lg => (Family::Guillemet, None),
                '«' => (
                    Family::Guillemet,
                    Some(if reversed { Role::Close } else { Role::Open }),
                ),
                _ => (
                    Family::Guillemet,
                    Some(if reversed { Role::Open } else { Role::Close }),
                ),
            };
            m.family = family;
            match role {
                Some(r) => m.role = r,
                None if family == Family::Straight => {
                    straight.push((first + k, spacing(doc, m.token)))
                }
                None => lone_guillemets.push((first + k, spacing(doc, m.token))),
            }
        }
        // Fixed-direction marks: a counter per family.
        for family in [Family::Curly, Family::Guillemet] {
            let mut stack: Vec<usize> = Vec::new();
            for k in first..out.len() {
                let m = &out[k];
                if m.family != family || m.role == Role::Unknown {
                    continue;
                }
                match m.role {
                    Role::Open => stack.push(k),
                    _ => {
                        if let Some(o) = stack.pop() {
                            out[o].paired = true;
                            out[k].paired = true;
                        }
                    }
                }
            }
        }
        let straight: Vec<(usize, Spacing)> =
            straight.into_iter().map(|(k, s)| (k - first, s)).collect();
        let lone: Vec<(usize, Spacing)> = lone_guillemets
            .into_iter()
            .map(|(k, s)| (k - first, s))
            .collect();
        resolve_ambiguous(&straight, Role::Unknown, &mut out[first..]);
        // A single `»` without `«` most often closes a quotation opened in
        // an earlier paragraph.
        resolve_ambiguous(&lone, Role::Close, &mut out[first..]);
        for m in &mut out[first..] {
            m.against_spacing = cost(spacing(doc, m.token), m.role) > 0;
        }
    }
    excuse_quotes(doc, &mut out);
    out
}

/// Whether paragraph `p` starts with a quotation mark of `family`.
fn starts_with_quote(doc: &Document, marks: &[QuoteMark], p: usize, family: Family) -> bool {
    let Some(para) = doc.paragraphs.get(p) else {
        return false;
    };
    let first = para
        .tokens
        .clone()
        .find(|&i| !doc.tokens[i].is_space() && doc.tokens[i].kind != TokenKind::Symbol);
    // Marks are in token order.
    first.is_some_and(|i| {
        marks
            .binary_search_by_key(&i, |m| m.token)
            .is_ok_and(|k| marks[k].family == family)
    })
}

/// How many paragraphs a quotation may run over: quoted speech in news runs
/// over many one-sentence paragraphs.
const SPAN: usize = 10;

/// How many paragraphs a parenthesis may run over.
const BRACKET_SPAN: usize = 3;

/// Quotations may run over paragraphs: an opening mark without partner is
/// normal when a later paragraph closes it, or when the next paragraph opens
/// again (the English convention for quoted speech over paragraphs).
fn excuse_quotes(doc: &Document, marks: &mut [QuoteMark]) {
    let unpaired: Vec<usize> = (0..marks.len()).filter(|&k| !marks[k].paired).collect();
    for (n, &k) in unpaired.iter().enumerate() {
        let m = &marks[k];
        if m.role == Role::Close || m.excused {
            continue;
        }
        let next = unpaired[n + 1..]
            .iter()
            .copied()
            .find(|&j| marks[j].family == m.family);
        if let Some(j) = next {
            let c = &marks[j];
            // An opening mark, then a closing one (or one that may be either)
            // some paragraphs later; never two marks of unknown direction.
            let closes = c.role == Role::Close || (c.role == Role::Unknown && m.role == Role::Open);
            if closes && c.paragraph > m.paragraph && c.paragraph <= m.paragraph + SPAN {
                marks[k].excused = true;
                marks[j].excused = true;
                continue;
            }
        }
        if m.role == Role::Open && starts_with_quote(doc, marks, m.paragraph + 1, m.family) {
            marks[k].excused = true;
        }
    }
    // Unpaired marks at the edge of their paragraph may belong to a
    // quotation that the paragraph split cut (hard-wrapped text, one
    // sentence a line): an opening mark after the paragraph's last pair,
    // a closing mark before its first pair.
    // First opening and last closing mark per paragraph and family, so each
    // question is answered without scanning the paragraph again.
    let mut bounds: std::collections::HashMap<(usize, Family), (usize, usize)> =
        std::collections::HashMap::new();
    for (k, m) in marks.iter().enumerate() {
        let b = bounds
            .entry((m.paragraph, m.family))
            .or_insert((usize::MAX, 0));
        match m.role {
            Role::Open => b.0 = b.0.min(k),
            Role::Close => b.1 = b.1.max(k + 1),
            Role::Unknown => {}
        }
    }
    for (k, m) in marks.iter_mut().enumerate() {
        if m.paired || m.excused {
            continue;
        }
        let (first_open, last_close_end) = bounds[&(m.paragraph, m.family)];
        // Nothing in the paragraph contradicts a quotation running to its
        // end (from its start): no closing mark after the opening one (no
        // opening mark before the closing one).
        m.at_edge = match m.role {
            Role::Open => last_close_end <= k + 1,
            Role::Close => first_open >= k,
            Role::Unknown => false,
        };
    }
}

/// Whether the bracket at token `i` is part of an emoticon: `:)`, `:-(`, `;-))`.
fn is_emoticon(doc: &Document, i: usize, ch: char) -> bool {
    let start = doc.tokens[i].range.start;
    let mut before = doc.text[..start].chars().rev().skip_while(|&c| c == ch);
    let mut c = before.next();
    if matches!(c, Some('-' | '\'' | '^' | 'o')) {
        c = before.next();
    }
    matches!(c, Some(':' | ';' | '=' | '8' | 'x' | 'X')) && {
        // `8)` and `x)` only with a nose: `8-)`, not `item 8)`.
        let nose = doc.text[..start]
            .trim_end_matches(ch)
            .ends_with(['-', '\'', '^', 'o']);
        matches!(c, Some(':' | ';' | '=')) || nose
    }
}

/// Whether the `)` at token `i` is a smile without eyes, as Russian chat
/// writes it: a run of `)` that ends its line, of two or more or after a
/// space (`спасибо))`, `ну вот )`).
fn is_bare_smile(doc: &Document, i: usize) -> bool {
    let range = doc.tokens[i].range.clone();
    if doc.text[range.clone()] != *")" {
        return false;
    }
    let before = &doc.text[..range.start];
    let run_start = before.trim_end_matches(')');
    let after = &doc.text[range.end..];
    let rest = after.trim_start_matches(')');
    let ends_line = rest
        .chars()
        .take_while(|&c| c != '\n' && c != '\r')
        .all(char::is_whitespace);
    let run = before.len() - run_start.len() + 1 + after.len() - rest.len();
    ends_line && (run >= 2 || run_start.ends_with(char::is_whitespace))
}

/// Whether the `)` at token `i` ends an enumeration label: `1)`, `a)`, `iv)`, `ب)`.
fn is_enumeration(doc: &Document, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let label = &doc.tokens[i - 1];
    let text = doc.token_text(i - 1);
    let short = match label.kind {
        TokenKind::Number => text.len() <= 3,
        TokenKind::Word => {
            let n = text.chars().count();
            n == 1 || (n <= 5 && text.chars().all(|c| "ivxlcIVXLC".contains(c)))
        }
        _ => false,
    };
    short && (i < 2 || doc.tokens[i - 2].is_space())
}

/// Pairs every bracket of `doc`, paragraph by paragraph.
pub fn bracket_marks(doc: &Document) -> Vec<BracketMark> {
    let mut out: Vec<BracketMark> = Vec::new();
    // The last bracket: where it ends, what it is, whether it is part of
    // an emoticon. A run of one bracket (`:-)))`) is an emoticon or not as
    // a whole: asked once, not once a bracket of the run, which would look
    // back over the whole run each time (100,000 nested brackets).
    let mut last: Option<(usize, char, bool)> = None;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let mut stack: Vec<usize> = Vec::new();
        for i in p.tokens.clone() {
            let Some(ch) = punct_char(doc, i).filter(|c| matches!(c, '(' | ')' | '[' | ']')) else {
                continue;
            };
            let open = matches!(ch, '(' | '[');
            let start = doc.tokens[i].range.start;
            let emoticon = match last {
                Some((end, c, e)) if end == start && c == ch => e,
                _ => is_emoticon(doc, i, ch),
            };
            last = Some((doc.tokens[i].range.end, ch, emoticon));
            let k = out.len();
            out.push(BracketMark {
                token: i,
                ch,
                open,
                paired: false,
                excused: emoticon,
                paragraph: pi,
            });
            if out[k].excused {
                continue;
            }
            if open {
                stack.push(k);
            } else if let Some(o) = stack.pop() {
                // `(` and `[` close each other: interval notation `[0, 1)`.
                out[o].paired = true;
                out[k].paired = true;
            } else if is_enumeration(doc, i) || is_bare_smile(doc, i) {
                out[k].excused = true;
            }
        }
    }
    // A parenthesis may run over a line that ends a paragraph.
    let unpaired: Vec<usize> = (0..out.len())
        .filter(|&k| !out[k].paired && !out[k].excused)
        .collect();
    for w in unpaired.windows(2) {
        let (a, b) = (&out[w[0]], &out[w[1]]);
        if a.open
            && !b.open
            && b.paragraph > a.paragraph
            && b.paragraph <= a.paragraph + BRACKET_SPAN
        {
            out[w[0]].excused = true;
            out[w[1]].excused = true;
        }
    }
    out
}

/// The mark that would pair with `m`.
pub fn partner(m: &QuoteMark) -> char {
    match (m.family, m.ch, m.role) {
        (Family::Curly, '„', _) => '“',
        (Family::Curly, '“', Role::Open) => '”',
        (Family::Curly, '“', _) => '„',
        (Family::Curly, _, _) => '“',
        (Family::Guillemet, '«', _) => '»',
        (Family::Guillemet, '»', _) => '«',
        (_, c, _) => c,
    }
}
