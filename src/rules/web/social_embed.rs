//! `social-embed`: residue of embedded social-media posts: pic.twitter.com and t.co links, attribution lines. Its documentation is the
//! `explanation` below, which `mtlint explain social-embed` prints.

use std::sync::LazyLock;

use regex::Regex;

use crate::report::finding::{Applicability, Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::{Document, TokenKind};

use super::{line_with_break, trim_range};

/// `social-embed`: links and attribution lines left by embedded posts.
pub struct SocialEmbed;

static SOCIAL_EMBED: RuleMeta = RuleMeta {
    id: "social-embed",
    severity: Severity::Warning,
    harm: Harm::Residue,
    summary:
        "Residue of embedded social-media posts: pic.twitter.com and t.co links, attribution lines",
    explanation: r#"## What it does
Flags what an embedded tweet or Instagram post leaves behind when a page is
copied or scraped:

- links that only an embed prints: `pic.twitter.com/…`, `pic.x.com/…`,
  `t.co/…`, tweet permalinks `twitter.com/<user>/status/<id>` and
  `x.com/<user>/status/<id>`, Instagram post links `instagram.com/p/…`;
- the attribution line under the post: a line that starts with a dash
  (`-`, `–`, `—`), then a name, a handle in parentheses (with or without
  `@`), then a date and nothing else. Month names are recognised in Arabic
  (both the `مارس` and the Levantine `آذار` series, and the Maghreb names),
  English, French, Russian (genitive `марта`), German, Spanish, Persian and
  Turkish; digits in ASCII, Arabic-Indic `٠-٩` or Persian `۰-۹`.

## Why is this bad?
The embedded post was a widget on the source page. In the copied text its
body becomes a paragraph out of nowhere (often in another language, or
machine-translated into garble), followed by a bare link and a signature
line. Readers see debris, and a translation engine makes it worse.

## Example
```text
وقال بوتين إن القوات تتقدم. pic.twitter.com/ry1yyiqzki
– إيفان العظيم (profpreobrajen) 12 مارس 2025
```
becomes
```text
وقال بوتين إن القوات تتقدم.
```
and
```text
We will win. pic.twitter.com/AbC123
— Jane Doe (@janedoe) December 4, 2016
```
becomes
```text
We will win.
```

## Fix safety
Unsafe: the fix deletes the link with the space before it, or the whole
attribution line with its line break. The post's own text above the link is
left alone (it may be a quotation the article needs), so a person should
decide what remains.

## Limits
Only the residue is flagged, not the text of the embedded post itself. A
profile link (`twitter.com/user`) or a link to a news site is not residue.
Attribution lines must hold the handle in parentheses and end with the date;
a signature without a date, or "A post shared by …" captions of Instagram
embeds, are not recognised.
"#,
};

impl Rule for SocialEmbed {
    fn meta(&self) -> &'static RuleMeta {
        &SOCIAL_EMBED
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind != TokenKind::Url || !EMBED_URL.is_match(t.text(text)) {
                continue;
            }
            let l = doc.lines.line_of(t.range.start);
            let line = trim_range(text, doc.lines.line_range(l));
            let fix = if line == t.range {
                line_with_break(doc, l)
            } else if i > 0 && doc.tokens[i - 1].kind == TokenKind::Space {
                doc.tokens[i - 1].range.start..t.range.end
            } else if doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Space)
            {
                t.range.start..doc.tokens[i + 1].range.end
            } else {
                t.range.clone()
            };
            out.push(
                Diagnostic::new(
                    t.range.clone(),
                    "link left by an embedded social-media post",
                )
                .confidence(0.9)
                .fix(fix, "", Applicability::Unsafe),
            );
        }
        for l in 0..doc.lines.len() {
            let range = doc.lines.line_range(l);
            let line = &text[range.clone()];
            if !starts_with_dash(line) || !ATTRIBUTION.is_match(line) {
                continue;
            }
            let flagged = trim_range(text, range);
            out.push(
                Diagnostic::new(flagged, "attribution line of an embedded social-media post")
                    .confidence(0.95)
                    .fix(line_with_break(doc, l), "", Applicability::Unsafe),
            );
        }
    }
}

/// Month names of the dates that embedded posts print, in every language the
/// attribution line is recognised in. Matched case-insensitively; a trailing
/// `.` after an abbreviation is allowed by the pattern.
const MONTHS: &[&str] = &[
    // Arabic: Egyptian/Gulf series, Levantine/Iraqi series, Maghreb series.
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "أغسطس",
    "اغسطس",
    "سبتمبر",
    "أكتوبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون الثاني",
    "شباط",
    "آذار",
    "اذار",
    "نيسان",
    "أيار",
    "ايار",
    "حزيران",
    "تموز",
    "آب",
    "اب",
    "أيلول",
    "ايلول",
    "تشرين الأول",
    "تشرين الاول",
    "تشرين الثاني",
    "كانون الأول",
    "كانون الاول",
    "جانفي",
    "فيفري",
    "أفريل",
    "افريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "اوت",
    "يوليوز",
    "غشت",
    "شتنبر",
    "نونبر",
    "دجنبر",
    // English, with the abbreviations embeds use.
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    // French.
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    // Russian, genitive as in dates.
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    // German.
    "Januar",
    "Jänner",
    "Februar",
    "März",
    "Maerz",
    "Juni",
    "Juli",
    "Oktober",
    "Dezember",
    // Spanish.
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    // Persian: Gregorian months as Persian writes them, then the solar months.
    "ژانویه",
    "فوریه",
    "آوریل",
    "مه",
    "می",
    "ژوئن",
    "ژوئیه",
    "ژوییه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
    // Turkish.
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
];

/// Links that only an embedded post leaves behind: tweet image and short
/// links, tweet permalinks, Instagram post links. Matched on `Url` tokens.
static EMBED_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:https?://)?(?:",
        r"(?:pic\.twitter\.com|pic\.x\.com|t\.co)/[A-Za-z0-9]+",
        r"|(?:www\.|mobile\.)?(?:twitter|x)\.com/[A-Za-z0-9_]{1,30}/status(?:es)?/[0-9]+",
        r"|(?:www\.)?instagram\.com/(?:p|reel|tv)/[A-Za-z0-9_-]+",
        r")",
    ))
    .expect("valid embed URL regex")
});

/// The attribution line under an embedded post:
/// `— Name (@handle) December 4, 2016`, `– اسم (handle) 12 مارس 2025`.
/// A dash, a name, a handle in parentheses (the `@` is optional: some sites
/// drop it), a date in any digit system, and nothing else.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let mut months: Vec<&str> = MONTHS.to_vec();
    // Longest first, so that `Sept` is tried before `Sep`.
    months.sort_by_key(|m| std::cmp::Reverse(m.len()));
    let months = months
        .iter()
        .map(|m| regex::escape(m))
        .collect::<Vec<_>>()
        .join("|");
    let d = "[0-9٠-٩۰-۹]";
    let sp = r"[\s\p{Cf}]";
    let pattern = format!(
        concat!(
            r"(?i)^{sp}*[-–—―‒]{sp}*[^()\s][^()]{{0,79}}?{sp}*\(@?[A-Za-z0-9_]{{1,30}}\){sp}*",
            r"(?:{d}{{1,2}}\.?{sp}+(?:de{sp}+)?(?:{m})\.?[,،]?{sp}+(?:de{sp}+)?{d}{{4}}",
            r"|(?:{m})\.?{sp}+{d}{{1,2}}[,،]?{sp}+{d}{{4}})",
            r"(?:{sp}*(?:г\.?|م|هـ))?{sp}*$",
        ),
        sp = sp,
        d = d,
        m = months
    );
    Regex::new(&pattern).expect("valid attribution regex")
});

/// Whether the trimmed line starts with a dash, the cheap test before the regex.
fn starts_with_dash(line: &str) -> bool {
    line.trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .starts_with(['-', '–', '—', '―', '‒'])
}
