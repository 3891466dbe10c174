//! Measuring the matcher on parallel text: every Capitalized word of the
//! source side (not first in its line) is looked up among the words of the
//! aligned target document. Used by the untranslated-term test
//! and `bin/untranslated.rs`; nothing here reads files.
use mtlint::language::translit::{fold_target, Target, TargetWords, TermScript};

/// What the matcher did on one corpus.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Distinct (document, term) pairs looked up.
    pub terms: usize,
    /// Terms given a spelling from the aligned document.
    pub proposals: usize,
    /// Proposals whose spelling is in a target line aligned with a
    /// source line holding the term: judged right.
    pub confirmed: usize,
    /// Terms looked up in an unaligned document that does not hold them.
    pub control_terms: usize,
    /// Spellings proposed there: all wrong.
    pub control_proposals: usize,
    /// Proposals judged wrong: (term, spelling).
    pub unconfirmed: Vec<(String, String)>,
    /// Spurious control proposals: (term, spelling).
    pub spurious: Vec<(String, String)>,
}

impl Tally {
    /// Share of proposals judged right.
    pub fn precision(&self) -> f64 {
        self.confirmed as f64 / self.proposals.max(1) as f64
    }
    /// Share of terms given a right spelling (many terms are translated,
    /// not transliterated: `Monday`, `Democrats`, so this is a floor).
    pub fn recall(&self) -> f64 {
        self.confirmed as f64 / self.terms.max(1) as f64
    }
    /// Share of unaligned look-ups that proposed a spelling.
    pub fn false_match_rate(&self) -> f64 {
        self.control_proposals as f64 / self.control_terms.max(1) as f64
    }
}

/// Words of a line: runs of letters and Arabic marks.
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| {
        !(c.is_alphabetic()
            || mtlint::text::normalize::is_arabic_mark(c)
            || matches!(c, '\'' | '’'))
    })
    .map(|w| w.trim_matches(['\'', '’']))
    .filter(|w| !w.is_empty())
}

/// Capitalized words of the source script, not first in their line and
/// not all capitals, of three letters or more.
fn terms(line: &str, source: TermScript) -> Vec<&str> {
    let is_source = |c: char| match source {
        TermScript::Latin => {
            c.is_ascii_alphabetic()
                || mtlint::language::translit::fold_latin(c.to_ascii_lowercase()).is_some()
        }
        TermScript::Cyrillic => matches!(c, 'А'..='я' | 'Ё' | 'ё'),
    };
    let mut out = Vec::new();
    for (k, w) in words(line).enumerate() {
        let mut chars = w.chars();
        let first = chars.next().unwrap_or(' ');
        if k == 0
            || !first.is_uppercase()
            || !w.chars().all(is_source)
            || !w.chars().any(char::is_lowercase)
            || w.chars().count() < 3
        {
            continue;
        }
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Runs the matcher over parallel documents (line-aligned texts, the
/// same number of lines on each side). The control document of
/// document `i` is document `i + n/2`.
pub fn run(sources: &[String], targets: &[String], source: TermScript, target: Target) -> Tally {
    let mut t = Tally::default();
    let n = sources.len().min(targets.len());
    let lexicons: Vec<TargetWords> = targets[..n]
        .iter()
        .map(|d| TargetWords::new(target, d.lines().flat_map(words)))
        .collect();
    for i in 0..n {
        let src_lines: Vec<&str> = sources[i].lines().collect();
        let tgt_lines: Vec<&str> = targets[i].lines().collect();
        let mut seen: Vec<&str> = Vec::new();
        for line in &src_lines {
            for term in terms(line, source) {
                if seen.contains(&term) {
                    continue;
                }
                seen.push(term);
                t.terms += 1;
                if let Some(m) = lexicons[i].find(term, source) {
                    t.proposals += 1;
                    // Right when the spelling's stem is in a target line
                    // aligned with a line holding the term.
                    let ok = src_lines.iter().zip(&tgt_lines).any(|(s, g)| {
                        words(s).any(|w| w == term)
                            && words(g).any(|w| fold_target(w, target).contains(&m.key))
                    });
                    if ok {
                        t.confirmed += 1;
                    } else {
                        t.unconfirmed.push((term.to_string(), m.spelling));
                    }
                }
                let k = (i + n / 2) % n;
                if k != i && !words(&sources[k]).any(|w| w == term) {
                    t.control_terms += 1;
                    if let Some(m) = lexicons[k].find(term, source) {
                        t.control_proposals += 1;
                        t.spurious.push((term.to_string(), m.spelling));
                    }
                }
            }
        }
    }
    t
}
