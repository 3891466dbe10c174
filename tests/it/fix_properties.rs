//! Property tests of fixing: random edits on random text apply exactly, and
//! the fixes of the real rules on (corrupted) documents of `../shared/data`
//! apply without panics, touch no byte outside their spans, leave valid
//! UTF-8, and settle: a second fix changes nothing.

use mtlint::fix::{self, Options};
use mtlint::{Applicability, Finding, Fix, Scanner, Severity};
use mtlint_eval::corpus::{self, XorShift};
use proptest::prelude::*;

const CHARS: &[char] = &[
    'ا', 'ل', 'ة', '،', 'ж', 'a', 'é', '.', ' ', '\n', '\r', '\u{feff}', '\u{200b}', '😀', '中',
];

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![3 => proptest::sample::select(CHARS), 1 => any::<char>()],
        0..60,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// A finding carrying only a fix, for [`fix::select`].
fn finding(fix: Fix, confidence: f64) -> Finding {
    Finding {
        rule: "r".into(),
        severity: Severity::Warning,
        message: String::new(),
        text: String::new(),
        start: fix.start,
        end: fix.end,
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
        sentence: None,
        confidence,
        fix: Some(fix),
        unit: None,
    }
}

/// The character boundaries of `text`, end included.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// `text` with the sorted, disjoint `fixes` applied the slow way: char by
/// char, so it shares no code with [`fix::apply`].
fn naive(text: &str, fixes: &[Fix]) -> String {
    let mut out = String::new();
    let mut it = fixes.iter().peekable();
    let mut skip_to = 0;
    for (i, c) in text.char_indices().chain([(text.len(), '\0')]) {
        while let Some(f) = it.peek() {
            if f.start == i {
                out.push_str(&f.replacement);
                skip_to = f.end;
                it.next();
            } else {
                break;
            }
        }
        if i >= skip_to && i < text.len() {
            out.push(c);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Random non-overlapping, non-touching edits on random text apply
    /// exactly, and `select` keeps them all.
    #[test]
    fn random_disjoint_edits_apply_exactly(
        text in text_strategy(),
        picks in proptest::collection::vec((any::<usize>(), 0usize..3, "[a-z،. ]{0,3}"), 0..8),
    ) {
        let b = boundaries(&text);
        // Sorted distinct boundary indices, spaced so that spans never touch.
        let mut cuts: Vec<(usize, usize, String)> = Vec::new();
        let mut next = 0;
        let mut idx: Vec<_> = picks.iter().map(|(i, len, r)| (i % b.len(), *len, r.clone())).collect();
        idx.sort();
        for (i, len, r) in idx {
            if i < next { continue; }
            let j = (i + len).min(b.len() - 1);
            cuts.push((b[i], b[j], r));
            next = j + 2;
        }
        let fixes: Vec<Fix> = cuts.into_iter().map(|(start, end, replacement)| Fix {
            start, end, replacement, applicability: Applicability::Safe,
        }).collect();
        let applied = fix::apply(&text, &fixes);
        prop_assert_eq!(&applied, &naive(&text, &fixes));

        let findings: Vec<Finding> = fixes.iter().cloned().map(|f| finding(f, 0.9)).collect();
        let (kept, aside) = fix::select(&findings, &text, &Options::default());
        let noops = fixes.iter().filter(|f| text[f.start..f.end] == f.replacement).count();
        prop_assert_eq!(kept.len() + noops, fixes.len());
        prop_assert_eq!(aside, 0);
    }

    /// Whatever fixes come in, overlapping or not, `select` keeps a set that
    /// neither overlaps nor touches, and applying it keeps the other bytes.
    #[test]
    fn select_always_yields_disjoint_fixes(
        text in text_strategy(),
        picks in proptest::collection::vec((any::<usize>(), any::<usize>(), 0u8..10, "[a-z ]{0,2}"), 0..10),
    ) {
        let b = boundaries(&text);
        let findings: Vec<Finding> = picks.iter().map(|(x, y, c, r)| {
            let (s, e) = { let (s, e) = (b[x % b.len()], b[y % b.len()]); (s.min(e), s.max(e)) };
            finding(Fix { start: s, end: e, replacement: r.clone(), applicability: Applicability::Safe }, f64::from(*c) / 10.0)
        }).collect();
        let (kept, _) = fix::select(&findings, &text, &Options::default());
        let kept: Vec<Fix> = kept.iter().filter_map(|f| f.fix.clone()).collect();
        for w in kept.windows(2) {
            prop_assert!(w[0].end < w[1].start, "{:?}", w);
        }
        prop_assert_eq!(fix::apply(&text, &kept), naive(&text, &kept));
    }
}

/// Garble of the kinds the rules fix, put at random places of a clean
/// document: spaces before punctuation, lost spaces after it, doubled words
/// and lines, invisible characters, doubled punctuation, Persian letters.
fn corrupt(text: &str, rng: &mut XorShift) -> String {
    let mut out = String::with_capacity(text.len() + 200);
    let mut last_line = "";
    for line in text.split_inclusive('\n') {
        for (i, c) in line.char_indices() {
            let roll = rng.below(400);
            match (c, roll) {
                (',' | '.' | '،' | ':' | ';', 0..=20) => {
                    out.push(' ');
                    out.push(c);
                }
                (' ', 0..=4) if i > 0 && line[..i].ends_with(['.', ',', '،']) => {}
                (' ', 5..=8) => out.push_str(" \u{200b}"),
                ('.' | ',', 21..=27) => {
                    out.push(c);
                    out.push(c);
                }
                ('ي', 15..=40) => out.push('ی'),
                ('ك', 15..=60) => out.push('ک'),
                (' ', 41..=44) => {
                    // A doubled word.
                    let word = line[i + 1..].split(' ').next().unwrap_or("");
                    out.push(' ');
                    out.push_str(word);
                    out.push(' ');
                }
                _ => out.push(c),
            }
        }
        if rng.below(12) == 0 && !last_line.is_empty() {
            out.push_str(last_line);
        }
        last_line = line;
    }
    out
}

/// Checks one pass of real fixes: a random subset of the findings' fixes
/// (safe and unsafe), resolved and applied, changes nothing outside the
/// kept spans.
fn check_random_subset(text: &str, findings: &[Finding], rng: &mut XorShift) {
    let subset: Vec<Finding> = findings
        .iter()
        .filter(|_| rng.below(3) != 0)
        .cloned()
        .collect();
    let all = Options {
        unsafe_fixes: true,
        ..Options::default()
    };
    let (kept, _) = fix::select(&subset, text, &all);
    let fixes: Vec<&Fix> = kept.iter().filter_map(|f| f.fix.as_ref()).collect();
    let out = fix::apply(text, fixes.iter().copied());
    let (mut at_old, mut at_new) = (0, 0);
    for f in &fixes {
        assert!(f.start >= at_old, "sorted and disjoint");
        let keep = &text[at_old..f.start];
        assert_eq!(&out[at_new..at_new + keep.len()], keep);
        assert_eq!(
            &out[at_new + keep.len()..at_new + keep.len() + f.replacement.len()],
            f.replacement
        );
        at_new += keep.len() + f.replacement.len();
        at_old = f.end;
    }
    assert_eq!(&out[at_new..], &text[at_old..]);
}

#[test]
fn real_fixes_on_corpus_documents_apply_cleanly_and_settle() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let scanner = Scanner::default();
    let mut rng = XorShift::new(0xf1c5);
    let mut applied = 0;
    let mut docs_checked = 0;
    for (lang, _, _) in corpus::LANGUAGES {
        let docs = corpus::documents(&dir, lang).unwrap();
        // Every 12th document keeps a debug build quick: about 20 a language.
        for doc in docs.iter().step_by(12) {
            let text = corrupt(&doc.text, &mut rng);
            let report = scanner.scan_file(&doc.name, &text);
            check_random_subset(&text, &report.findings, &mut rng);
            for unsafe_fixes in [false, true] {
                let opts = Options {
                    unsafe_fixes,
                    ..Options::default()
                };
                let fixed = fix::fix_text(&scanner, &doc.name, &text, &opts);
                assert_eq!(fixed.summary.unresolved, 0, "{}", doc.name);
                let left = fix::plan(&fixed.report.findings, &fixed.text, &opts).applied;
                assert!(left.is_empty(), "{}: {left:?}", doc.name);
                let again = fix::fix_text(&scanner, &doc.name, &fixed.text, &opts);
                assert_eq!(again.text, fixed.text, "{}: not idempotent", doc.name);
                applied += fixed.summary.applied_total();
            }
            docs_checked += 1;
        }
    }
    eprintln!("{docs_checked} corrupted documents, {applied} fixes applied");
    assert!(docs_checked >= 40, "{docs_checked}");
    assert!(
        applied >= 20 * docs_checked,
        "the corruption gives fixes to apply: {applied}"
    );
}

/// Clean text in several scripts, and the garble of the seeds, for
/// [`garbled_text`].
/// Clean lines, by language: a document is written in one of them.
const CLEAN: &[&[&str]] = &[
    &[
        "قال الوزير اليوم إن القوات وصلت إلى المدينة.",
        "استعادت القوات السيطرة على المدينة يوم الاثنين.",
        "وأضاف أن الجيش سيبقى هناك حتى نهاية العام.",
    ],
    &[
        "The army took the town on Monday.",
        "The minister said the troops would stay there.",
        "Talks are due to resume next week in Geneva.",
    ],
    &[
        "Армия взяла город в понедельник.",
        "Министр сказал, что войска останутся там.",
        "Переговоры возобновятся на следующей неделе.",
    ],
    &[
        "L'armée a pris la ville lundi.",
        "Le ministre a dit que les troupes resteraient.",
        "Les négociations reprendront la semaine prochaine.",
    ],
];
const GARBLE: &[&str] = &[
    "урррсافقة",
    "ццрайнoid",
    "энхэhy",
    "птин кре мид и и крекийй чөийн жилилараг уирдсан уирдаааа трввээ.",
    "ооогоссн давшилтгг с сид үрээүүүэхалаварө өөөн бна.",
    "pic.twitter.com/ry1yyiqzki",
    "عرض الأخبار ذات الصلة",
    "الناتو (الناتو)",
    "في في",
    "کورسک",
    " ،",
    " .",
    "\u{200b}",
];

/// Lines of clean text in one language (Arabic, English, Russian or
/// French), each with at most one piece of the seeds' garble put between
/// its words, spaced or glued, and some lines repeated as a title is. One
/// language a document: in a text of several languages in equal parts, a
/// deleted repeated line can change which language the rest is read in,
/// and with it what the next pass of a fix finds.
fn garbled_text() -> impl Strategy<Value = String> {
    proptest::sample::select(CLEAN).prop_flat_map(text_in)
}

/// [`garbled_text`] in the language of `clean`.
fn text_in(clean: &'static [&'static str]) -> impl Strategy<Value = String> {
    let line = (
        proptest::sample::select(clean),
        proptest::collection::vec(
            (
                any::<usize>(),
                proptest::sample::select(GARBLE),
                any::<bool>(),
            ),
            0..2,
        ),
    )
        .prop_map(|(clean, garble)| {
            let mut words: Vec<String> = clean.split(' ').map(str::to_string).collect();
            for (at, piece, glued) in garble {
                let at = at % words.len();
                // A link glued to a word is left out: `social-embed` reads
                // `قالpic.twitter.com/…` as a word and a shorter link.
                if glued && !piece.contains('/') {
                    words[at].push_str(piece);
                } else {
                    words.insert(at, piece.to_string());
                }
            }
            words.join(" ")
        });
    proptest::collection::vec((line, 0u8..6), 1..6).prop_map(|lines| {
        let mut text = String::new();
        for (l, roll) in lines {
            text.push_str(&l);
            text.push('\n');
            if roll == 0 {
                text.push_str(&l);
                text.push('\n');
            }
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// `--fix` then `--fix --unsafe-fixes` gives the text that
    /// `--fix --unsafe-fixes` gives at once.
    #[test]
    fn safe_then_unsafe_fixes_give_the_unsafe_text(text in garbled_text()) {
        let scanner = Scanner::default();
        let unsafe_too = Options { unsafe_fixes: true, ..Options::default() };
        let safe = fix::fix_text(&scanner, "g.txt", &text, &Options::default());
        let then = fix::fix_text(&scanner, "g.txt", &safe.text, &unsafe_too);
        let at_once = fix::fix_text(&scanner, "g.txt", &text, &unsafe_too);
        prop_assert_eq!(then.text, at_once.text, "safe: {:?}", safe.text);
    }
}
