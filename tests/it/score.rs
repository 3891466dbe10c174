//! The score tracks garble: the machine-translated seeds below the human
//! ones before and after `--fix`; one garble line below any amount of
//! punctuation slips in real clean text; and on the clean corpora of
//! `../shared/data`, clean documents above copies with one artifact
//! injected (ROC AUC per language, `measure::score`).

use mtlint::Scanner;
use mtlint_eval::corpus::{self, XorShift};
use mtlint_eval::measure::{gibberish, score};

use crate::support::mtlint;

/// The scores of `mtlint score` on a copy of the seeds, fixed first with
/// `fix` (`[]`, `["--fix"]` or `["--fix", "--unsafe-fixes"]`), by the
/// seed's number.
fn seed_scores(fix: &[&str]) -> std::collections::BTreeMap<String, f64> {
    let dir = tempfile::tempdir().unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    if !fix.is_empty() {
        mtlint()
            .arg("check")
            .args(fix)
            .arg(dir.path())
            .output()
            .unwrap();
    }
    let out = mtlint()
        .args(["score", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let path = r["path"].as_str().unwrap();
            let name = std::path::Path::new(path).file_name().unwrap();
            let number = name.to_string_lossy()[..3].to_string();
            (number, r["score"].as_f64().unwrap())
        })
        .collect()
}

#[test]
fn machine_translated_seeds_score_below_human_ones_before_and_after_fixes() {
    for fix in [&[][..], &["--fix"], &["--fix", "--unsafe-fixes"]] {
        let scores = seed_scores(fix);
        assert_eq!(scores.len(), 5, "{scores:?}");
        for human in ["001", "002", "004"] {
            assert!(
                scores["003"] < scores[human],
                "{fix:?}: seed 003 should score below {human}: {scores:?}"
            );
            // The unsafe fixes remove seed 000's garble line, embeds and
            // furniture: nothing is left to find, and it ties at 100.
            let unsafe_fixed = fix.len() == 2;
            assert!(
                scores["000"] < scores[human] || unsafe_fixed && scores["000"] == scores[human],
                "{fix:?}: seed 000 should score below {human}: {scores:?}"
            );
        }
    }
}

/// Twenty clean lines of PUD in `lang`.
fn clean_lines(dir: &std::path::Path, lang: &str) -> Vec<String> {
    let docs = corpus::documents(dir, lang).expect("corpus is readable");
    let pud = docs
        .iter()
        .find(|d| d.name == "pud/03")
        .expect("a PUD chunk");
    pud.text.lines().take(20).map(str::to_string).collect()
}

/// Punctuation slips of every kind, `n` of each, through the lines.
fn with_slips(lines: &[String], n: usize) -> String {
    let mut out = String::new();
    let mut made = 0;
    for line in lines {
        let mut l = line.clone();
        if made < n {
            // A space before the first comma and the full stop, the stop
            // doubled, and no space after the second comma.
            l = l.replacen(",", " ,", 1).replacen("،", " ،", 1);
            if let Some(stripped) = l.strip_suffix('.') {
                l = format!("{stripped} ..");
            }
            if let Some(at) = l.match_indices([',', '،']).nth(1).map(|(i, c)| i + c.len()) {
                if l[at..].starts_with(' ') {
                    l.replace_range(at..at + 1, "");
                }
            }
            made += 1;
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

#[test]
fn one_garble_line_scores_below_any_amount_of_punctuation_slips() {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let scanner = Scanner::default();
    let mut rng = XorShift::new(0x6A8B);
    for lang in ["ar", "en", "fr", "ru"] {
        let lines = clean_lines(&dir, lang);
        let other = clean_lines(&dir, if lang == "ru" { "ar" } else { "ru" });
        let slips: Vec<f64> = [1, 5, 20]
            .iter()
            .map(|&n| scanner.scan_file("slips.txt", &with_slips(&lines, n)).score)
            .collect();
        let mut garbled = lines.clone();
        garbled[7] = gibberish::shuffle_letters(&other[7], &mut rng);
        let text: String = garbled.iter().map(|l| format!("{l}\n")).collect();
        let report = scanner.scan_file("garble.txt", &text);
        assert!(
            report.findings.iter().any(|f| f.line == 8),
            "{lang}: the garble line is found: {text}"
        );
        let worst_slips = slips.iter().copied().fold(f64::INFINITY, f64::min);
        eprintln!("{lang}: garble {}, slips {slips:?}", report.score);
        assert!(
            report.score < worst_slips,
            "{lang}: one garble line scores {}, punctuation slips {slips:?}",
            report.score
        );
        assert!(slips[2] < slips[0] && slips[0] < 100.0, "{lang}: {slips:?}");
    }
}

/// The ROC AUC of the score, clean documents against copies with one
/// artifact injected, at least this in each language: on the clean news,
/// and with every other document given a space before every comma (the
/// habit of much web text). Measured: 0.997, 0.984, 0.984, 0.975 and with
/// the habit 0.994, 0.979, 0.983, 0.969 (the score before this model: 0.671,
/// 0.654, 0.643, 0.629). Russian was 0.941 (0.935 with the habit) before
/// `joined-words` took Russian one-letter words, rare inflections and
/// capitals for pieces (85 of 150 copies with three joins found, now 128)
/// and `missing-space-after-punctuation` found sentences glued before a
/// one-letter word or a quotation and after a number or an acronym (112 of
/// 150 glued copies, now 143).
const AUC: &[(&str, f64, f64)] = &[
    ("ar", 0.99, 0.99),
    ("en", 0.975, 0.97),
    ("fr", 0.975, 0.975),
    ("ru", 0.965, 0.96),
];

fn check(lang: &str) {
    let Some(dir) = crate::support::shared_data() else {
        return;
    };
    let (_, bound, with_habit) = AUC.iter().find(|a| a.0 == lang).copied().unwrap();
    for (habits, bound) in [(false, bound), (true, with_habit)] {
        let m = score::measure(&dir, lang, habits);
        let auc = m.auc(None);
        eprintln!(
            "{lang} (habits: {habits}): AUC {auc:.3} (at least {bound}), before {:.3}",
            m.auc_before()
        );
        assert!(
            m.clean.len() >= 80,
            "{lang}: {} clean documents",
            m.clean.len()
        );
        assert!(
            auc >= bound,
            "{lang} (habits: {habits}): AUC {auc:.3} < {bound}"
        );
        // Every kind but the two the rules miss at times is separated
        // almost perfectly: the score weighs what the rules find.
        for (k, kind) in score::KINDS.iter().enumerate() {
            if !matches!(*kind, "glued" | "joined") && !m.broken[k].is_empty() {
                assert!(
                    m.auc(Some(k)) >= 0.94,
                    "{lang} {kind}: {:.3}",
                    m.auc(Some(k))
                );
            }
        }
        if habits {
            // Weights by severity alone ranked a comma habit with garble.
            assert!(
                auc > m.auc_before() + 0.2,
                "{lang}: {auc:.3}, before {:.3}",
                m.auc_before()
            );
        }
    }
}

crate::per_language!(check);

#[test]
fn explain_score_prints_the_model_and_every_harm() {
    let out = mtlint().args(["explain", "score"]).output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    let parts = ["# score\n", "## The model", "cap    = 100 − 60 × c"];
    let missing: Vec<_> = parts.iter().filter(|p| !page.contains(**p)).collect();
    assert!(
        missing.is_empty() && page.contains("| `garble` | 1 |"),
        "{missing:?}: {page}"
    );
    let out = mtlint().args(["explain", "gibberish"]).output().unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Harm: garble"));
    let out = mtlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules[0]["harm"], "letters", "{}", rules[0]);
}
