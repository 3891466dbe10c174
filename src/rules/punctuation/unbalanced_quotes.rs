//! `unbalanced-quotes`: a quotation mark that opens without closing, or closes without opening, in a paragraph. Its documentation is the
//! `explanation` below, which `mtlint explain unbalanced-quotes` prints.

use crate::analysis::quote_marks::{partner, quote_marks, Role};
use crate::rules::{Diagnostic, Harm, Rule, RuleMeta, Severity};
use crate::text::Document;

/// `unbalanced-quotes`.
pub struct UnbalancedQuotes;

static UNBALANCED_QUOTES: RuleMeta = RuleMeta {
    id: "unbalanced-quotes",
    severity: Severity::Warning,
    harm: Harm::Unbalanced,
    summary:
        "A quotation mark that opens without closing, or closes without opening, in a paragraph",
    explanation: r#"## What it does
Pairs the quotation marks `" “ ” „ « »` of every paragraph and flags each mark
that has no partner, saying whether it opens a quotation that is never closed,
closes one that was never opened, or (for a lone `"`) cannot be paired at all.

Typographic marks pair by nesting: `“…”`, `„…“`, `„…”`, `«…»`. The direction of
guillemets is read per paragraph, so German `»…«` pairs too, and a paragraph
that only uses `»` (Swedish `»…»`) pairs them by alternation. The straight `"`,
and `”` in a paragraph without `“` or `„` (Swedish and some Arabic typesetting
use `”` both ways, often mixed with `"`), pair by alternation guided by spacing:
an opening mark follows a space and precedes text, a closing mark does the
reverse. When their number is odd, the mark whose removal best fits that
spacing is the one reported.

## Why is this bad?
Machine translation and careless copy-editing move, drop or duplicate quotation
marks: the quoted words end up somewhere else, or the reader cannot tell where
a quotation stops. It is one of the most visible signs of unreviewed
machine-translated text.

## Example
```text
وأضاف "وعليه يبقى الخطر الأكبر على البلاد"موجود ، وفي الواقع يصبح أكثر موضوعية ".
```
The third `"` has no partner. Use instead:
```text
وأضاف: "وعليه يبقى الخطر الأكبر على البلاد موجودًا، وفي الواقع يصبح أكثر موضوعية".
```
```text
He called it “a disaster and left.
```
Use instead:
```text
He called it “a disaster” and left.
```

## Fix safety
There is no fix: which side of the quotation is wrong, and where the missing
mark belongs, cannot be known from the text.

## Limits
- Paragraphs are checked one by one. A quotation that opens in one paragraph
  and closes in one of the next ten is not reported, nor is a paragraph that
  opens a quotation when the next paragraph opens again (English convention
  for quoted speech running over paragraphs).
- The apostrophes and single quotes `' ‘ ’` are not checked: they are too
  often apostrophes.
- Nested straight quotes (`"he said "no" twice"`) cannot be told from
  consecutive ones; an even number of `"` is always taken as balanced.
- Quotation marks inside URLs are part of the URL and are not checked.
"#,
};

impl Rule for UnbalancedQuotes {
    fn meta(&self) -> &'static RuleMeta {
        &UNBALANCED_QUOTES
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for m in quote_marks(doc) {
            if m.paired || m.excused {
                continue;
            }
            let range = doc.tokens[m.token].range.clone();
            let (message, confidence) = match m.role {
                Role::Open => (
                    format!(
                        "`{}` opens a quotation that is not closed in this paragraph (missing `{}`)",
                        m.ch,
                        partner(&m)
                    ),
                    0.8,
                ),
                Role::Close => (
                    format!(
                        "`{}` closes a quotation that was not opened in this paragraph (missing `{}`)",
                        m.ch,
                        partner(&m)
                    ),
                    0.8,
                ),
                Role::Unknown => (
                    format!(
                        "`{}` has no partner: this paragraph has an odd number of quotation marks",
                        m.ch
                    ),
                    0.7,
                ),
            };
            let mut d = Diagnostic::new(range, message).confidence(confidence);
            if m.at_edge {
                // Possibly a quotation cut by the paragraph split: worth a look only.
                d = d.severity(Severity::Info).confidence(0.5);
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quote_marks::*;
    use crate::rules::punctuation::UnbalancedBrackets;
    use crate::rules::testing::{diagnostics, flagged, flagged_in};

    fn roles(text: &str) -> Vec<(char, Role, bool)> {
        let doc = Document::new(text, None);
        quote_marks(&doc)
            .into_iter()
            .map(|m| (m.ch, m.role, m.paired))
            .collect()
    }

    #[test]
    fn straight_quotes_pair_by_spacing() {
        assert_eq!(
            roles("He said \"yes\" and \"no\"."),
            [
                ('"', Role::Open, true),
                ('"', Role::Close, true),
                ('"', Role::Open, true),
                ('"', Role::Close, true)
            ]
        );
        let r = roles("قال\"نعم\" ثم رحل.");
        assert_eq!(r[0].1, Role::Open);
        assert_eq!(r[1].1, Role::Close);
    }

    #[test]
    fn odd_straight_quotes_flag_the_unpairable_one() {
        let text =
            "وأضاف \"وعليه يبقى الخطر الأكبر على البلاد\"موجود ، وفي الواقع يصبح أكثر موضوعية \".";
        let d = diagnostics(&UnbalancedQuotes, text, None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].range.start, text.rfind('"').unwrap());
        let text = "He said \"yes\" and \"left.";
        let d = diagnostics(&UnbalancedQuotes, text, None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].range.start, text.rfind('"').unwrap());
        assert!(d[0].message.contains("opens"));
    }

    #[test]
    fn seed_garble_is_flagged() {
        let text = "شارك زيلينسكي في الاحتفال ، و \"شكر الجنود على تحرير الأراضي\".أوكراني \"، اللواء المتنقل الخامس والعشرون على\" فيسبوك \".";
        assert_eq!(flagged(&UnbalancedQuotes, text).len(), 1);
    }

    #[test]
    fn typographic_quotes_pair_by_nesting() {
        assert_eq!(
            flagged(&UnbalancedQuotes, "He called it “a disaster and left."),
            ["“"]
        );
        assert_eq!(
            flagged(&UnbalancedQuotes, "هم “إرهابيون وفقًا للقانون الروسي."),
            ["“"]
        );
        assert_eq!(
            flagged(&UnbalancedQuotes, "It was a disaster” he said."),
            ["”"]
        );
        assert_eq!(
            flagged(&UnbalancedQuotes, "Il a dit « non et il est parti."),
            ["«"]
        );
        let d = diagnostics(&UnbalancedQuotes, "Он сказал: «нет и ушёл.", None);
        assert!(d[0].message.contains("missing `»`"), "{}", d[0].message);
    }

    #[test]
    fn balanced_and_conventional_quotes_stay_quiet() {
        for text in [
            "He called it “a disaster” and left.",
            "وأضاف أنهم “إرهابيون” وفقًا للقانون.",
            "Il a dit « non » et il est parti.",
            "«Я закричал: „Здесь акула!“», — рассказывает Хаммел.",
            "Er sagte »Hallo« und ging.",
            "Han sa ”hej” och gick.",
            "Han sa »hej» och gick.",
            "قال ”نعم” ثم رحل.",
            "وصرحت الشركة بأنها عجزت عن العثور على ”ذكر\" من الركاب.",
            "Polish „tak” works.",
            "He said \"I will go\" and \"we\" agreed.",
        ] {
            assert!(flagged(&UnbalancedQuotes, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn quotations_over_paragraphs_stay_quiet() {
        // English convention: each paragraph of a quotation opens again.
        let text = "\"First paragraph of the speech.\n\n\"Second paragraph, the end.\"\n";
        assert!(flagged(&UnbalancedQuotes, text).is_empty());
        // One sentence a line: the quotation closes two lines later.
        let text = "\"No, no, no.\nWe will not go.\nNever,\" he said.\n";
        assert!(flagged(&UnbalancedQuotes, text).is_empty());
        // But a quotation left open at the end of the text is reported.
        let text = "First.\n\n\"Second paragraph that never closes.\n";
        assert_eq!(flagged(&UnbalancedQuotes, text), ["\""]);
    }

    #[test]
    fn apostrophes_typed_as_quotes_are_not_quotes() {
        for text in [
            "He staged a coup d\"état against them.",
            "\"It will be more than 48,\" said Walton on the Lakers\" official website.",
        ] {
            assert!(flagged(&UnbalancedQuotes, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn quotations_cut_at_the_paragraph_edge_are_info() {
        // Could run on in the next paragraph: reported, but mildly.
        let d = diagnostics(&UnbalancedQuotes, "Он сказал: «нет и ушёл.", None);
        assert_eq!(d[0].severity, Some(Severity::Info));
        // A stray closing mark in the middle of pairs is a warning.
        let d = diagnostics(&UnbalancedQuotes, "« un » deux » et « trois ».", Some("fr"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, None);
    }

    #[test]
    fn brackets_pair() {
        assert_eq!(
            flagged(
                &UnbalancedBrackets,
                "زار الرئيس كورسك (غرب روسيا، حيث تدور المعارك."
            ),
            ["("]
        );
        assert_eq!(
            flagged(
                &UnbalancedBrackets,
                "The company founded in 1998) announced a loss."
            ),
            [")"]
        );
        assert_eq!(
            flagged_in(
                &UnbalancedBrackets,
                "Компания (основана в 1998 объявила.",
                Some("ru")
            ),
            ["("]
        );
        let d = diagnostics(&UnbalancedBrackets, "x [y z.", None);
        assert!(d[0].message.contains("missing `]`"));
        // A bracket that ends a line after a word is no smile.
        assert_eq!(
            flagged(&UnbalancedBrackets, "он сказал это)\nи ушёл"),
            [")"]
        );
    }

    #[test]
    fn brackets_stay_quiet_where_normal() {
        for text in [
            "زار الرئيس منطقة كورسك (غرب روسيا) ، حيث تدور المعارك.",
            "Choose a) the first or b) the second.",
            "1) first item\n2) second item",
            "أ) البند الأول\nب) البند الثاني",
            "Great news :) and more :-( and ;-))",
            "Спасибо за вечер))\nНу вот )\nкупил телефон)))",
            "See https://en.wikipedia.org/wiki/Foo_(bar) now.",
            "The interval [0, 1) is half open.",
            "He left (for good.\nHe never came back.)\n",
            "Il est parti [sic] hier (mardi).",
        ] {
            assert!(flagged(&UnbalancedBrackets, text).is_empty(), "{text}");
        }
    }
}
