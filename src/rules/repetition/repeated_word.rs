//! `repeated-word`: the same word twice in a row. Its documentation is the
//! `explanation` below, which `mtlint explain repeated-word` prints.

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Rule, RuleMeta};
use crate::text::normalize::{fold, folded_chars};
use crate::text::{Document, TokenKind};

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
