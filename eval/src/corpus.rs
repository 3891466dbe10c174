//! Loading the clean evaluation corpora of `../shared/data` (NTREX-128 and
//! the parallel UD PUD treebanks) as documents, for false-alarm tests and the
//! `eval` example. Nothing here is used by the scanner itself.

use std::path::{Path, PathBuf};

/// The languages of the clean corpora, with their NTREX and PUD file stems.
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    (
        "ar",
        "newstest2019-ref.arb.txt",
        "ar_pud-ud-test.sentences.txt",
    ),
    (
        "en",
        "newstest2019-src.eng.txt",
        "en_pud-ud-test.sentences.txt",
    ),
    (
        "fr",
        "newstest2019-ref.fra.txt",
        "fr_pud-ud-test.sentences.txt",
    ),
    (
        "ru",
        "newstest2019-ref.rus.txt",
        "ru_pud-ud-test.sentences.txt",
    ),
];

/// `../shared/data` beside the crate, if it is there (`MTLINT_DATA` overrides).
pub fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MTLINT_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    dir.join("ntrex").is_dir().then_some(dir)
}

/// What an evaluation binary starts with: [`data_dir`] and whether
/// `--show` was given; `None` (saying so on stderr) without the data.
pub fn bin_args() -> Option<(PathBuf, bool)> {
    let show = std::env::args().any(|a| a == "--show");
    let Some(dir) = data_dir() else {
        eprintln!("../shared/data not found: skipped");
        return None;
    };
    Some((dir, show))
}

/// One clean document: a name and its text.
#[derive(Debug, Clone)]
pub struct Doc {
    /// `ntrex/<document id>` or `pud/<chunk>`.
    pub name: String,
    /// The text, one segment a line.
    pub text: String,
}

/// The clean documents of one language: NTREX lines grouped by their
/// document, PUD sentences in chunks of 25 lines.
pub fn documents(dir: &Path, lang: &str) -> std::io::Result<Vec<Doc>> {
    let (_, ntrex, pud) = LANGUAGES
        .iter()
        .find(|(l, _, _)| *l == lang)
        .ok_or_else(|| std::io::Error::other(format!("no corpus for {lang}")))?;
    let ids = std::fs::read_to_string(dir.join("ntrex/DOCUMENT_IDS.tsv"))?;
    let lines = std::fs::read_to_string(dir.join("ntrex").join(ntrex))?;
    let mut docs: Vec<Doc> = Vec::new();
    for (id, line) in ids.lines().zip(lines.lines()) {
        match docs.last_mut() {
            Some(d) if d.name == format!("ntrex/{id}") => {
                d.text.push_str(line);
                d.text.push('\n');
            }
            _ => docs.push(Doc {
                name: format!("ntrex/{id}"),
                text: format!("{line}\n"),
            }),
        }
    }
    let pud = std::fs::read_to_string(dir.join("ud-pud").join(pud))?;
    let pud: Vec<&str> = pud.lines().collect();
    for (i, chunk) in pud.chunks(25).enumerate() {
        docs.push(Doc {
            name: format!("pud/{i:02}"),
            text: chunk.iter().map(|l| format!("{l}\n")).collect(),
        });
    }
    Ok(docs)
}

/// A defect of the "clean" corpora themselves, found by a rule and confirmed
/// by reading: NTREX's Arabic reference in particular glues commas and
/// quotes to words and lost the spaces of whole segments. Such findings are
/// true positives, so the false-alarm tests excuse them, and the tests also
/// require each of them to be found, so the list cannot hide a rule that
/// stopped working.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Erratum {
    /// Document name, as in [`Doc::name`].
    pub doc: String,
    /// 1-based line in the document.
    pub line: usize,
    /// The rule that finds it.
    pub rule: String,
    /// The flagged text.
    pub text: String,
}

/// The errata of one language, from `tests/errata/<lang>.tsv` (columns: doc,
/// line, rule, text, why; `#` starts a comment).
pub fn errata(lang: &str) -> std::io::Result<Vec<Erratum>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("errata/{lang}.tsv"));
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [doc, n, rule, flagged, ..] = cols[..] else {
            return Err(std::io::Error::other(format!("bad errata line: {line}")));
        };
        out.push(Erratum {
            doc: doc.to_string(),
            line: n.parse().map_err(std::io::Error::other)?,
            rule: rule.to_string(),
            text: unescape(flagged),
        });
    }
    Ok(out)
}

/// Errata texts escape tabs and line breaks as `\t` and `\n`.
pub fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A clean document with lines of another language spliced in, for
/// measuring `wrong-language`.
#[derive(Debug, Clone)]
pub struct Spliced {
    /// The host document's name.
    pub name: String,
    /// The text, one segment a line.
    pub text: String,
    /// Byte ranges of the spliced lines, with their number of words.
    pub spans: Vec<(std::ops::Range<usize>, usize)>,
}

/// The documents of `host` with every tenth line, from the fourth, replaced
/// by the parallel line of `guest` (NTREX and PUD are line-aligned across
/// languages): an untranslated segment left in a translation.
pub fn spliced(dir: &Path, host: &str, guest: &str) -> std::io::Result<Vec<Spliced>> {
    let hosts = documents(dir, host)?;
    let guests = documents(dir, guest)?;
    let mut out = Vec::new();
    for (h, g) in hosts.iter().zip(&guests) {
        let (hl, gl): (Vec<&str>, Vec<&str>) = (h.text.lines().collect(), g.text.lines().collect());
        if hl.len() != gl.len() {
            return Err(std::io::Error::other(format!("{} is not aligned", h.name)));
        }
        let mut text = String::new();
        let mut spans = Vec::new();
        for (i, (a, b)) in hl.iter().zip(&gl).enumerate() {
            if i % 10 == 3 && !b.trim().is_empty() {
                spans.push((
                    text.len()..text.len() + b.len(),
                    b.split_whitespace().count(),
                ));
                text.push_str(b);
            } else {
                text.push_str(a);
            }
            text.push('\n');
        }
        out.push(Spliced {
            name: h.name.clone(),
            text,
            spans,
        });
    }
    Ok(out)
}

/// How `wrong-language` does on one pair of languages: spliced lines of
/// eight words or more, how many of them a finding overlaps, and the
/// findings on the unspliced lines (false alarms).
#[derive(Debug, Clone, Copy, Default)]
pub struct SpliceScore {
    /// Spliced lines of eight words or more.
    pub spliced: usize,
    /// Of those, the ones a `wrong-language` finding overlaps.
    pub found: usize,
    /// Findings that overlap no spliced line.
    pub stray: usize,
}

/// Scans the documents of `host` with lines of `guest` spliced in, with
/// `wrong-language` alone and the host language declared.
pub fn splice_score(dir: &Path, host: &str, guest: &str) -> std::io::Result<SpliceScore> {
    let scanner = mtlint::Scanner::new(
        mtlint::Config::default()
            .language(host)
            .select(["wrong-language"]),
    )
    .expect("known rule ids");
    let mut score = SpliceScore::default();
    for doc in spliced(dir, host, guest)? {
        let report = scanner.scan_file(&doc.name, &doc.text);
        let overlaps =
            |r: &std::ops::Range<usize>, f: &mtlint::Finding| f.start < r.end && r.start < f.end;
        for (range, words) in &doc.spans {
            if *words >= 8 {
                score.spliced += 1;
                score.found += usize::from(report.findings.iter().any(|f| overlaps(range, f)));
            }
        }
        score.stray += report
            .findings
            .iter()
            .filter(|f| !doc.spans.iter().any(|(r, _)| overlaps(r, f)))
            .count();
    }
    Ok(score)
}

/// A finding on clean text: document, line, message and text.
pub type Alarm = (String, usize, String);

/// `wrong-language` findings on the clean documents of `lang` (declared):
/// the sentences read and every finding.
pub fn wrong_language_alarms(dir: &Path, lang: &str) -> std::io::Result<(usize, Vec<Alarm>)> {
    let scanner = mtlint::Scanner::new(
        mtlint::Config::default()
            .language(lang)
            .select(["wrong-language"]),
    )
    .expect("known rule ids");
    let mut sentences = 0;
    let mut alarms = Vec::new();
    for doc in documents(dir, lang)? {
        let report = scanner.scan_file(&doc.name, &doc.text);
        sentences += report.sentences.len();
        for f in &report.findings {
            alarms.push((
                doc.name.clone(),
                f.line,
                format!("{} «{}»", f.message, f.text),
            ));
        }
    }
    Ok((sentences, alarms))
}

/// A deterministic xorshift64* generator for the evaluations that corrupt
/// clean text (shuffled letters, removed spaces, respelled names): the
/// same seed gives the same corpus on every run and machine.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    /// A generator from a seed (0 is taken as 1).
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// The next number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}
