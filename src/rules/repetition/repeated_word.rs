//! `repeated-word`: the same word twice in a row. Its documentation is the
//! `explanation` below, which `mtlint explain repeated-word` prints.

use super::{ARABIC_LETTER_NAMES, COMMON_LETTER_NAMES, INTENSIFIERS, LEGITIMATE_DOUBLES};
use crate::analysis::loops::loops;
use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::normalize::{fold, folded_chars};
use crate::text::{Document, TokenKind};

/// `repeated-word`.
pub struct RepeatedWord;

static REPEATED_WORD: RuleMeta = RuleMeta {
    id: "repeated-word",
    severity: Severity::Warning,
    harm: Harm::Loop,
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
`да да`, `так так`, `чуть чуть`, `давай давай`; German `sie sie`, `die die`; spoken
doubles (`okay okay`, `allez allez`, `bof bof`, Egyptian and Gulf `شوي شوي`, `كده كده`). So are
copies that belong to different clauses: an Arabic preposition with its pronoun ends one clause
and opens the next (`اللي هو فيها فيها مشاكل`), the second copy opens a conjunction (`vu vu
que`), a free relative ends before its verb (`what it is is`). Three copies or more, and a pair
inside a repeated phrase, are `translation-loop`'s. Intensifiers (`very very`, `très très`,
`очень очень`, `جدا جدا`, `مره مره`) and capitalised names (`Bora Bora`) are `info`. Words
separated by punctuation or a line break are not compared."#,
};

impl Rule for RepeatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATED_WORD
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let tokens = &doc.tokens;
        let loops = loops(doc);
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
            if clause_boundary(doc, i, &fa) {
                continue;
            }
            // Three copies or more, or a pair inside a repeated phrase, are
            // one loop: `translation-loop` reports it whole.
            if loops.overlaps(a.range.start..b.range.end) {
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
            let common_word = COMMON_LETTER_NAMES.contains(&fa.as_str());
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

/// Whether the copies of a word doubled at token `i` (the second copy)
/// belong to different clauses, where grammar doubles it: an Arabic
/// preposition with its pronoun ends one clause and opens an existential
/// one (`اللي هو فيها فيها مشاكل`), the second copy opens a conjunction (`vu
/// vu que`), or a free relative ends before the verb (`what it is is`).
fn clause_boundary(doc: &Document, i: usize, folded: &str) -> bool {
    if CLAUSE_EDGES.contains(&folded) {
        return true;
    }
    let next = doc.next_non_space(i).map(|j| fold(doc.token_text(j)));
    if next.is_some_and(|n| CONJUNCTIONS.contains(&(folded, n.as_str()))) {
        return true;
    }
    if !matches!(folded, "is" | "was") {
        return false;
    }
    let Some(s) = doc.sentence_at(doc.tokens[i].range.start) else {
        return false;
    };
    let start = doc.sentences[s].tokens.start;
    (start..i)
        .rev()
        .filter(|&j| doc.tokens[j].is_word())
        .take(12)
        .any(|j| {
            matches!(
                fold(doc.token_text(j)).as_str(),
                "what" | "all" | "thing" | "where" | "how" | "why" | "who"
            )
        })
}

/// Arabic prepositions with a pronoun (folded), which end a clause and open
/// the next (`فيه ناس` "there are people").
const CLAUSE_EDGES: &[&str] = &[
    "فيه",
    "فيها",
    "فيهم",
    "عليه",
    "عليها",
    "عليهم",
    "له",
    "لها",
    "لهم",
    "منه",
    "منها",
    "عنده",
    "عندها",
    "عندهم",
    "عندي",
    "بيه",
    "بيها",
];

/// A word and the word after its second copy that together open a clause.
const CONJUNCTIONS: &[(&str, &str)] = &[
    ("vu", "que"),
    ("bien", "que"),
    ("alors", "que"),
    ("pendant", "que"),
    ("so", "that"),
    ("now", "that"),
    ("given", "that"),
    ("так", "как"),
    ("потому", "что"),
    ("то", "что"),
];
