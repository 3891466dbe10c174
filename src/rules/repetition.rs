//! Repetition: letters, words, lines and bracketed terms that say the same
//! thing twice.
//!
//! - `repeated-characters`: a letter three or more times in a row.
//! - `repeated-word`: the same word twice in a row.
//! - `duplicate-line`: a line repeating an earlier line of the file.
//! - `redundant-parenthetical`: a term followed by itself in brackets.

use std::collections::HashMap;

use unicode_script::Script;

use super::{Rule, RuleMeta};
use crate::finding::{Applicability, Diagnostic, Severity};
use crate::segment::normalize::{fold, folded_chars, strip_arabic_article};
use crate::segment::script::letter_script;
use crate::segment::{Document, TokenKind};

// ---------------------------------------------------------------------------
// repeated-characters

/// `repeated-characters`.
pub struct RepeatedCharacters;

static REPEATED_CHARACTERS: RuleMeta = RuleMeta {
    id: "repeated-characters",
    severity: Severity::Warning,
    summary: "A letter three or more times in a row",
    explanation: r#"## What it does
Flags a letter written three or more times in a row inside a word (`уирдаааа`, `урррс`,
`ооогоссн`, `ممممكن`).

## Why is this bad?
No word of Arabic, Russian, English or French spells a letter three times in a row. Runs like these
are garble from a broken translation or a bad decoding step, and readers take them for noise.

## Example
```text
уирдаааа трввээ        (garble in an Arabic article)
وقال المتحدثثث إن      →  وقال المتحدث إن
```

## Fix safety
No fix: the intended word is unknown, so mtlint only points at it.

## Limits
Quiet on Roman numerals (`XXX`, `VIII`), `www`, tokens made of one letter (`AAA` ratings, `zzz`),
and scripts whose writing repeats characters normally (Chinese, Japanese, Korean, Thai). Exactly
three letters in a long Latin-script word is `info` (German `Schifffahrt`, `Kaffeeersatz`) and
quiet in German text. Spelled-out laughter and interjections of informal text (`ههههه`,
`loooool`, `Ahhh`, `ммм`) are `info`."#,
};

/// Interjections whose letters are stretched in informal writing: a run in
/// a word that folds to one of these is `info`, not garble.
const INTERJECTIONS: &[&str] = &[
    "ah", "oh", "uh", "eh", "hm", "hmm", "mm", "mmm", "lol", "so", "no", "yes", "wow", "yay",
    "argh", "brr", "sh", "shh", "psst", "ooh", "aah", "boo", "whoa", "yeah", "ha", "aha", "oops",
    "ugh", "grr", "zz", "non", "nein", "oui", "nooon", "a", "o", "u", "e", "ax", "ox", "ух", "эх",
    "ах", "ох", "ну", "да", "ура", "хм", "ого", "ага", "угу", "ой", "ай", "брр", "тсс", "м", "мм",
    "а", "о", "у", "э", "ы", "нет", "لا", "يا", "اه", "آه", "اوه", "واو", "اي",
];

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Scripts whose words never hold a letter three times in a row.
fn checked_script(s: Script) -> bool {
    matches!(
        s,
        Script::Latin
            | Script::Cyrillic
            | Script::Greek
            | Script::Arabic
            | Script::Hebrew
            | Script::Armenian
            | Script::Georgian
    )
}

/// The word with every run of three or more equal letters cut to `keep`.
fn squeeze(word: &str, keep: usize) -> String {
    let mut out = String::new();
    let mut prev = None;
    let mut n = 0;
    for c in word.chars().map(lower) {
        n = if Some(c) == prev { n + 1 } else { 1 };
        prev = Some(c);
        if n <= keep {
            out.push(c);
        }
    }
    out
}

/// Whether a letter occurs three times in a row, ignoring ASCII and Russian
/// case: a cheap test that lets the rule skip almost every word.
fn has_triple(word: &str) -> bool {
    let quick = |c: char| match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    };
    let (mut prev, mut n) = ('\0', 0);
    for c in word.chars().map(quick) {
        n = if c == prev { n + 1 } else { 1 };
        if n == 3 {
            return true;
        }
        prev = c;
    }
    false
}

/// `XVIII`, and ordinals written with one (`VIIIe`, `XIIIth`, `XIX-й`).
fn is_roman_numeral(word: &str) -> bool {
    let numeral = word.trim_end_matches(|c: char| c.is_lowercase() || c == '-');
    !numeral.is_empty()
        && word.len() - numeral.len() <= 6
        && numeral.chars().all(|c| "IVXLCDM".contains(c))
}

impl Rule for RepeatedCharacters {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATED_CHARACTERS
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for t in doc.tokens.iter().filter(|t| t.is_word()) {
            let word = t.text(doc.text);
            if word.len() < 3
                || !has_triple(word)
                || is_roman_numeral(word)
                || word.eq_ignore_ascii_case("www")
            {
                continue;
            }
            let first = word.chars().next().map(lower);
            if word.chars().all(|c| Some(lower(c)) == first) {
                continue; // `AAA`, `zzz`: one letter repeated is a token of its own kind.
            }
            // Find runs of three or more equal letters.
            let mut runs: Vec<(usize, usize, char, usize)> = Vec::new(); // (start, end, char, count)
            let mut iter = word.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                let mut end = i + c.len_utf8();
                let mut n = 1;
                while let Some(&(j, d)) = iter.peek() {
                    if lower(d) != lower(c) {
                        break;
                    }
                    end = j + d.len_utf8();
                    n += 1;
                    iter.next();
                }
                if n >= 3 && c.is_alphabetic() {
                    runs.push((i, end, c, n));
                }
            }
            if runs.is_empty() {
                continue;
            }
            let Some(script) = letter_script(runs[0].2) else {
                continue;
            };
            if !checked_script(script) {
                continue;
            }
            let longest = runs.iter().map(|r| r.3).max().unwrap_or(3);
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            // Laughter and stretched interjections belong to informal text.
            let laughter = runs.iter().all(|r| matches!(lower(r.2), 'ه' | 'h' | 'х'))
                && word
                    .chars()
                    .all(|c| matches!(lower(c), 'ه' | 'h' | 'х' | 'a' | 'а' | 'e' | 'i' | 'o'));
            let interjection = INTERJECTIONS.contains(&squeeze(word, 1).as_str())
                || INTERJECTIONS.contains(&squeeze(word, 2).as_str());
            let compound =
                script == Script::Latin && longest == 3 && runs.len() == 1 && letters >= 8;
            if compound && doc.lang() == Some("de") {
                continue;
            }
            let mild = laughter || interjection || compound;
            let start = t.range.start;
            let (rs, re, c, n) = runs[0];
            let message = if runs.len() == 1 {
                format!("`{c}` written {n} times in a row in `{word}`")
            } else {
                format!("letters repeated three or more times in `{word}`")
            };
            let mut d = Diagnostic::new(t.range.clone(), message)
                .confidence((0.6 + 0.1 * (longest as f32 - 3.0)).min(0.95));
            if runs.len() == 1 && !mild {
                // Point at the run itself when there is one.
                d.range = start + rs..start + re;
            }
            if mild {
                d = d.severity(Severity::Info).confidence(0.5);
            }
            out.push(d);
        }
    }
}

// ---------------------------------------------------------------------------
// repeated-word

/// `repeated-word`.
pub struct RepeatedWord;

static REPEATED_WORD: RuleMeta = RuleMeta {
    id: "repeated-word",
    severity: Severity::Warning,
    summary: "The same word twice in a row",
    explanation: r#"## What it does
Flags a word repeated right after itself, with only white space between (`и и`, `the the`,
`في في`), inside one line.

## Why is this bad?
A doubled word is a classic slip of writers and a common artifact of machine translation and of
text joined from two sources. Readers stumble over it; spell-checkers accept each word alone.

## Example
```text
قال في في بيان      →  قال في بيان
He said the the car →  He said the car
```

## Fix safety
The fix deletes the second word and the space before it. It is unsafe: some doublings are meant.

## Limits
Legitimate doublings are quiet: Arabic `خطوة خطوة`, `رويدا رويدا`, `شيئا شيئا`, `قليلا قليلا`,
`يوما يوما`; English `that that`, `had had`, `bye bye`; French `nous nous`, `vous vous`; Russian
`да да`, `так так`, `чуть чуть`; German `sie sie`, `die die`. Intensifiers (`very very`,
`très très`, `очень очень`, `جدا جدا`) and capitalised names (`Bora Bora`) are `info`. Words
separated by punctuation or a line break are not compared."#,
};

/// Words whose doubling is correct in some language, folded with [`fold`].
const LEGITIMATE_DOUBLES: &[&str] = &[
    // Arabic: distributive and gradual doubling.
    "خطوه",
    "رويدا",
    "شيئا",
    "قليلا",
    "يوما",
    "بيت",
    "حرفا",
    "كلمه",
    "واحدا",
    "واحد",
    "اثنين",
    "شبرا",
    "ذراعا",
    "صفا",
    "دكا",
    "زوجا",
    "فردا",
    "حجرا",
    "باب",
    "شارع",
    "حي",
    "بابا",
    // English
    "that",
    "had",
    "bye",
    "no",
    "yes",
    "blah",
    "bla",
    "knock",
    "tut",
    "chop",
    "hush",
    "so",
    "pooh",
    "night",
    "cha",
    "ha",
    "ho",
    "la",
    "tsk",
    "boo",
    "dum",
    // French
    "nous",
    "vous",
    "si",
    "oui",
    "non",
    "bla",
    "pan",
    "tam",
    // Russian
    "да",
    "нет",
    "так",
    "чуть",
    "еле",
    "вот",
    "ну",
    "ой",
    "ай",
    "ха",
    "тук",
    "бла",
    "мало",
    "давно",
    "точь",
    "крест",
    // German, Dutch, Spanish, Italian relatives and pronouns
    "sie",
    "die",
    "der",
    "das",
    "dat",
    "que",
    "che",
];

/// Arabic spellings of Latin letter names (folded), which spell acronyms:
/// `سي إن إن` (CNN), `بي بي سي` (BBC), `دبليو إس إم في في` (WSMV).
const ARABIC_LETTER_NAMES: &[&str] = &[
    "ايه",
    "اي",
    "بي",
    "سي",
    "دي",
    "اف",
    "جي",
    "اتش",
    "جيه",
    "كيه",
    "كاي",
    "ام",
    "ان",
    "او",
    "كيو",
    "ار",
    "اس",
    "تي",
    "يو",
    "في",
    "فى",
    "دبليو",
    "اكس",
    "واي",
    "زد",
    "زي",
    "ال",
];

/// Intensifiers whose doubling is informal emphasis rather than an error.
const INTENSIFIERS: &[&str] = &[
    "very",
    "really",
    "much",
    "many",
    "more",
    "far",
    "long",
    "again",
    "très",
    "trop",
    "bien",
    "encore",
    "очень",
    "много",
    "долго",
    "جدا",
    "كثيرا",
    "sehr",
    "muy",
    "molto",
    "çok",
];

impl Rule for RepeatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATED_WORD
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let tokens = &doc.tokens;
        for i in 2..tokens.len() {
            let (a, gap, b) = (&tokens[i - 2], &tokens[i - 1], &tokens[i]);
            if !(a.is_word() && b.is_word() && gap.kind == TokenKind::Space) {
                continue;
            }
            let (wa, wb) = (a.text(doc.text), b.text(doc.text));
            if wa != wb && !folded_chars(wa).eq(folded_chars(wb)) {
                continue;
            }
            let fa = fold(wa);
            if !fa.chars().any(char::is_alphabetic) {
                continue;
            }
            // A word glued to a hyphen or apostrophe belongs to a compound (`so-so`).
            let next = tokens.get(i + 1).map(|t| t.text(doc.text));
            let prev = (i >= 3).then(|| tokens[i - 3].text(doc.text));
            if next.is_some_and(|n| n.starts_with(['-', '‐', '\'']))
                || prev.is_some_and(|p| p.ends_with('-'))
            {
                continue;
            }
            if LEGITIMATE_DOUBLES.contains(&fa.as_str()) {
                continue;
            }
            // Letter names next to other letter names spell an acronym.
            let letter_name = |j: Option<usize>| {
                j.is_some_and(|j| {
                    let w = fold(doc.token_text(j));
                    // A conjunction or preposition may be glued on: `وسي إن إن`.
                    let bare = w
                        .strip_prefix(['و', 'ب', 'ل', 'ف'])
                        .filter(|r| r.chars().count() >= 2);
                    ARABIC_LETTER_NAMES.contains(&w.as_str())
                        || bare.is_some_and(|b| ARABIC_LETTER_NAMES.contains(&b))
                })
            };
            // Letter names that are also common words (`في`, `ان`) need a neighbour to show it.
            let common_word = matches!(fa.as_str(), "في" | "فى" | "ان" | "او" | "اي" | "ال" | "ام");
            if ARABIC_LETTER_NAMES.contains(&fa.as_str())
                && (!common_word
                    || letter_name(doc.prev_non_space(i - 2))
                    || letter_name(doc.next_non_space(i)))
            {
                continue;
            }
            let capitalised = |w: &str| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
            };
            let mut d = Diagnostic::new(a.range.start..b.range.end, format!("`{wb}` is repeated"))
                .confidence(0.9)
                .fix(gap.range.start..b.range.end, "", Applicability::Unsafe);
            if INTENSIFIERS.contains(&fa.as_str()) {
                d = d.severity(Severity::Info).confidence(0.5);
            } else if capitalised(wa) && capitalised(wb) {
                // `Bora Bora`, `Walla Walla`: place names double their word.
                d = d.severity(Severity::Info).confidence(0.4);
            }
            out.push(d);
        }
    }
}

// ---------------------------------------------------------------------------
// duplicate-line

/// `duplicate-line`.
pub struct DuplicateLine;

static DUPLICATE_LINE: RuleMeta = RuleMeta {
    id: "duplicate-line",
    severity: Severity::Warning,
    summary: "A line of three or more words repeating an earlier line",
    explanation: r#"## What it does
Flags a line of three or more words that repeats an earlier line of the file, after trimming and
collapsing white space (a title pasted three times, a paragraph copied twice).

## Why is this bad?
Scrapers and content systems duplicate titles and paragraphs; machine translation keeps them. A
reader sees the same headline twice and takes the page for broken.

## Example
```text
بوتين في زيارة مفاجئة إلى كورسك        (line 1)

بوتين في زيارة مفاجئة إلى كورسك        (line 3: repeats line 1, deleted by the fix)
```

## Fix safety
The fix deletes the repeated line with its line break. It is unsafe: a repeated line may be a
deliberate refrain or a table row.

## Limits
Lines under three words, lines without letters, and table rows (`| a | b |`) are not compared.
Near-duplicates (one word changed) are not found."#,
};

impl Rule for DuplicateLine {
    fn meta(&self) -> &'static RuleMeta {
        &DUPLICATE_LINE
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for l in 0..doc.lines.len() {
            let range = doc.lines.line_range(l);
            let line = &doc.text[range.clone()];
            let trimmed = line.trim();
            if trimmed.starts_with('|') || !trimmed.chars().any(char::is_alphabetic) {
                continue;
            }
            let words: Vec<&str> = trimmed.split_whitespace().collect();
            let wordy = words
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            // Short sentences recur in quotes and dialogue (`It's a tragedy.`);
            // a repeated title or heading has no final stop.
            let sentence = trimmed.ends_with(['.', '!', '?', '؟', '…', '"', '”', '»']);
            if wordy < 3 || (sentence && wordy < 5) {
                continue;
            }
            let key = words.join(" ");
            let Some(&first) = seen.get(&key) else {
                seen.insert(key, l);
                continue;
            };
            let lead = line.len() - line.trim_start().len();
            let start = range.start + lead;
            let end = start + trimmed.len();
            // Delete the line with its break; the last line takes the break before it.
            let fix = if l + 1 < doc.lines.len() {
                range.start..doc.lines.line_range(l + 1).start
            } else {
                doc.lines.line_range(l - 1).end..range.end
            };
            out.push(
                Diagnostic::new(start..end, format!("line repeats line {}", first + 1))
                    .confidence(0.9)
                    .fix(fix, "", Applicability::Unsafe),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// redundant-parenthetical

/// `redundant-parenthetical`.
pub struct RedundantParenthetical;

static REDUNDANT_PARENTHETICAL: RuleMeta = RuleMeta {
    id: "redundant-parenthetical",
    severity: Severity::Warning,
    summary: "A term followed by itself in brackets",
    explanation: r#"## What it does
Flags a term followed by the same term in brackets: `الناتو (الناتو)`, `NATO (NATO)`. Words are
compared after folding case, Arabic diacritics, tatweel and letter variants (`أ إ آ → ا`,
`ى → ي`, `ة → ه`); a difference of the Arabic article alone (`ناتو (الناتو)`) counts with lower
confidence.

## Why is this bad?
Translators gloss a term with its original: `حلف شمال الأطلسي (NATO)`. Machine translation
translates the gloss too, leaving the term twice.

## Example
```text
لقوات الناتو (الناتو) على الأراضي   →  لقوات الناتو على الأراضي
members of NATO (NATO) agreed       →  members of NATO agreed
```

## Fix safety
The fix deletes the bracketed repeat and the space before it. It is unsafe, since the gloss may
have been meant to be in another form.

## Limits
A gloss in another script or language (`الناتو (NATO)`) is what brackets are for and is quiet.
Brackets holding more than six words are not compared."#,
};

impl Rule for RedundantParenthetical {
    fn meta(&self) -> &'static RuleMeta {
        &REDUNDANT_PARENTHETICAL
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let tokens = &doc.tokens;
        for open in 0..tokens.len() {
            let c = doc.token_text(open);
            let close_char = match c {
                "(" => ")",
                "[" => "]",
                _ => continue,
            };
            // Words inside, up to the closing bracket on the same line.
            let mut inside = Vec::new();
            let mut close = None;
            for (j, t) in tokens.iter().enumerate().skip(open + 1) {
                match t.kind {
                    TokenKind::Word => inside.push(j),
                    TokenKind::Space => {}
                    TokenKind::Punct if t.text(doc.text) == close_char => {
                        close = Some(j);
                        break;
                    }
                    _ => break,
                }
                if inside.len() > 6 {
                    break;
                }
            }
            let Some(close) = close else { continue };
            let k = inside.len();
            if k == 0 || k > 6 {
                continue;
            }
            // The same number of words right before the bracket, separated by spaces only.
            let mut before = Vec::new();
            let mut j = open;
            while before.len() < k && j > 0 {
                j -= 1;
                match tokens[j].kind {
                    TokenKind::Word => before.push(j),
                    TokenKind::Space => {}
                    _ => break,
                }
            }
            if before.len() < k {
                continue;
            }
            before.reverse();
            let folded = |ix: &[usize]| -> Vec<String> {
                ix.iter().map(|&i| fold(doc.token_text(i))).collect()
            };
            let (a, b) = (folded(&before), folded(&inside));
            let confidence = if a == b {
                0.95
            } else if a
                .iter()
                .zip(&b)
                .all(|(x, y)| strip_arabic_article(x) == strip_arabic_article(y))
            {
                0.7
            } else {
                continue;
            };
            let last_before = before[k - 1];
            let start = tokens[last_before].range.end;
            let end = tokens[close].range.end;
            let span = tokens[before[0]].range.start..end;
            let term = &doc.text[tokens[before[0]].range.start..tokens[last_before].range.end];
            out.push(
                Diagnostic::new(span, format!("`{term}` is followed by itself in brackets"))
                    .confidence(confidence)
                    .fix(start..end, "", Applicability::Unsafe),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fixed, flagged, flagged_in};

    #[test]
    fn repeated_characters_flags_garble() {
        let text = "قال птин уирдаааа трввээ урррс ооогоссн في المتحدثثث.";
        assert_eq!(
            flagged(&RepeatedCharacters, text),
            ["аааа", "ррр", "ооо", "ثثث"]
        );
        assert_eq!(
            flagged(&RepeatedCharacters, "The proooocess failed."),
            ["oooo"]
        );
    }

    #[test]
    fn repeated_characters_stays_quiet_on_normal_text() {
        let quiet =
            "Louis XVIII (VIIIe siècle) visited www site; AAA rated, zzz. Schifffahrt is German. \
                     Скорость 1000 км. 中中中 ดีมากกก";
        let d = diagnostics(&RepeatedCharacters, quiet, Some("en"));
        assert!(
            d.iter().all(|d| d.severity == Some(Severity::Info)),
            "{d:?}"
        );
        assert!(flagged_in(
            &RepeatedCharacters,
            "Die Schifffahrt auf dem Rhein.",
            Some("de")
        )
        .is_empty());
        // `هههههه` is one letter repeated: quiet; stretched words are info.
        let laugh = diagnostics(&RepeatedCharacters, "هههههه جميل loooool Ahhh", Some("ar"));
        assert_eq!(laugh.len(), 2);
        assert!(laugh.iter().all(|d| d.severity == Some(Severity::Info)));
    }

    #[test]
    fn repeated_word_flags_and_fixes() {
        assert_eq!(flagged(&RepeatedWord, "птин кре мид и и крекийй"), ["и и"]);
        assert_eq!(flagged(&RepeatedWord, "تندرج في في الخطابة"), ["في في"]);
        assert_eq!(
            fixed(&RepeatedWord, "قال في في بيان", Some("ar")),
            "قال في بيان"
        );
        assert_eq!(
            fixed(&RepeatedWord, "He saw the The car.", Some("en")),
            "He saw the car."
        );
    }

    #[test]
    fn repeated_word_knows_legitimate_doubling() {
        for quiet in [
            "تقدموا خطوة خطوة نحو الهدف",
            "تعلم رويداً رويداً",
            "I said that that was wrong. She had had enough.",
            "Nous nous levons tôt.",
            "Да да, конечно.",
            "Haben Sie sie gesehen?",
            "Words, words.",
            "the\nthe",
            "1 1 2",
            "a so-so so result",
            "مراسلي سي إن إن اليوم",
            "شبكة بي بي سي",
            "ضابطاً في وحدات إس إس وقاد",
            "قنوات إيه بي سي وسي إن إن وفوكس",
            "It's a tragedy.\nIt's a tragedy.",
        ] {
            assert!(flagged(&RepeatedWord, quiet).is_empty(), "{quiet}");
        }
        let d = diagnostics(
            &RepeatedWord,
            "It was very very good, Bora Bora too.",
            Some("en"),
        );
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|d| d.severity == Some(Severity::Info)));
    }

    #[test]
    fn duplicate_line_points_at_repeats() {
        let text = "بوتين في زيارة مفاجئة\n\nبوتين في زيارة مفاجئة\n\n  بوتين  في زيارة مفاجئة\nنص آخر هنا.";
        let d = diagnostics(&DuplicateLine, text, None);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].message, "line repeats line 1");
        assert_eq!(&text[d[1].range.clone()], "بوتين  في زيارة مفاجئة");
        assert_eq!(
            fixed(&DuplicateLine, "one two three\none two three", None),
            "one two three"
        );
        assert_eq!(
            fixed(&DuplicateLine, "a b c\r\nx\r\na b c\r\nend", None),
            "a b c\r\nx\r\nend"
        );
    }

    #[test]
    fn duplicate_line_ignores_short_lines_tables_and_numbers() {
        for quiet in [
            "Advertisement\nAdvertisement",
            "| a | b | c |\n| a | b | c |",
            "1 2 3\n1 2 3",
            "---\n---",
        ] {
            assert!(flagged(&DuplicateLine, quiet).is_empty(), "{quiet}");
        }
    }

    #[test]
    fn redundant_parenthetical_flags_translated_glosses() {
        let text = "لن تقبل أي وجود لقوات الناتو (الناتو) على الأراضي";
        assert_eq!(flagged(&RedundantParenthetical, text), ["الناتو (الناتو)"]);
        assert_eq!(
            fixed(&RedundantParenthetical, text, Some("ar")),
            "لن تقبل أي وجود لقوات الناتو على الأراضي"
        );
        assert_eq!(
            flagged(&RedundantParenthetical, "members of NATO (nato) agreed"),
            ["NATO (nato)"]
        );
        assert_eq!(
            flagged(&RedundantParenthetical, "حلف الأطلسي (الأطلسى) اليوم"),
            ["الأطلسي (الأطلسى)"]
        );
        let d = diagnostics(
            &RedundantParenthetical,
            "قوات ناتو (الناتو) هنا",
            Some("ar"),
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].confidence < 0.8);
    }

    #[test]
    fn redundant_parenthetical_keeps_real_glosses() {
        for quiet in [
            "قوات الناتو (NATO) على الأراضي",
            "منطقة كورسك (غرب روسيا) حيث",
            "the Institute (ISW) said",
            "in 2024 (2024)",
            "NATO (the alliance) agreed",
        ] {
            assert!(
                flagged(&RedundantParenthetical, quiet).is_empty(),
                "{quiet}"
            );
        }
    }
}
