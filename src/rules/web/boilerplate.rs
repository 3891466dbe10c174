//! `boilerplate`: page furniture left in the text: "read also" links, ad labels, share and follow prompts. Its documentation is the
//! `explanation` below, which `mtlint explain boilerplate` prints.

use super::*;

/// `boilerplate`: page furniture left in the text.
pub struct Boilerplate;

static BOILERPLATE: RuleMeta = RuleMeta {
    id: "boilerplate",
    severity: Severity::Warning,
    summary:
        "Page furniture left in the text: \"read also\" links, ad labels, share and follow prompts",
    explanation: r#"## What it does
Flags the words a news page prints around an article — `اقرأ أيضاً`,
`عرض الأخبار ذات الصلة`, `تابعونا على …`, `Read more`, `Advertisement`,
`Lire aussi`, `Читайте также`, `Подписывайтесь на наш канал` and a few
hundred more in Arabic, English, French, Russian, German, Spanish, Persian
and Turkish — when they are left in the text:

- as a whole line, possibly decorated with bullets, pipes, arrows, brackets,
  a trailing `:` or `…` (`| Advertisement |`, `اقرأ أيضاً:`);
- leading a line, followed by a separator (`:`, `|`, `»`, a dash) and a short
  headline: `Lire aussi : Le président en visite à Koursk`;
- at the end of a line, after a sentence end: `… on Monday. Read more`.

Matching ignores letter case, Arabic diacritics and tatweel, hamza/alef
variants (`اقرأ أيضاً` = `إقرأ ايضا`), and `ё`/`е`. The phrases live in
`data/boilerplate/{ar,en,fr,ru,de,es,fa,tr}.txt`.

## Why is this bad?
Scraped or copy-pasted articles carry the page's navigation with them. A
"related news" link in the middle of an article breaks the text, and after
machine translation it reads as a sentence that means nothing.

## Example
```text
وأضاف أن الجنود هم إرهابيون.
عرض الأخبار ذات الصلة
تلقى بوتين معلومات حول الوضع.
```
becomes
```text
وأضاف أن الجنود هم إرهابيون.
تلقى بوتين معلومات حول الوضع.
```
and `The talks resumed on Monday. Read more` becomes
`The talks resumed on Monday.`

## Fix safety
Unsafe: the fix deletes the line with its line break, or the tail after the
sentence end. A phrase can be a real part of the text (a heading called
"Advertisement" in an article about advertising), so a person should look.

## Limits
A phrase inside running prose is never flagged (`I'd like to read more about
it`), nor one that does not follow a sentence end. The headline under a
lone `اقرأ أيضاً:` line is on a line of its own and is not flagged. A tail
in a cased script must start with a capital letter. Phrases not in the lists
are not found: add them to the data files.
"#,
};

impl Rule for Boilerplate {
    fn meta(&self) -> &'static RuleMeta {
        &BOILERPLATE
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        let max_chars = PHRASES.max_chars;
        let mut scratch = Scratch::default();
        for l in 0..doc.lines.len() {
            let line = doc.lines.line_range(l);
            let s = &text[line.clone()];
            let core_start = line.start + (s.len() - s.trim_start_matches(is_decoration).len());
            let core_end = line.end - (s.len() - s.trim_end_matches(is_decoration).len());
            if core_start >= core_end {
                continue;
            }
            let flagged = trim_range(text, line.clone());
            if let Some(d) = whole_or_lead(doc, &mut scratch, core_start..core_end, max_chars) {
                let d = match d {
                    Placement::Whole => {
                        Diagnostic::new(flagged, "page furniture left in the text").confidence(0.9)
                    }
                    Placement::Lead => {
                        Diagnostic::new(flagged, "link to another article left in the text")
                            .confidence(0.8)
                    }
                };
                out.push(d.fix(line_with_break(doc, l), "", Applicability::Unsafe));
                continue;
            }
            if let Some((cut, start)) = tail(text, &mut scratch, core_start..core_end, max_chars) {
                out.push(
                    Diagnostic::new(start..flagged.end, "page furniture after the last sentence")
                        .confidence(0.8)
                        .fix(cut..flagged.end, "", Applicability::Unsafe),
                );
            }
        }
    }
}
