//! The pipeline for one text: segment, run the rules, turn diagnostics into
//! findings, score.

use std::collections::BTreeMap;
use std::sync::Arc;

use unicode_script::Script;

use crate::decode::{Decoded, Encoding};
use crate::finding::{Diagnostic, Finding, Severity};
use crate::report::{FileReport, Report, SentenceReport};
use crate::rules::{self, Rule, RuleMeta};
use crate::segment::vocabulary::Vocabulary;
use crate::segment::Document;
use crate::source::{floor_char_boundary, Cursor};
use crate::{score, suppress};

/// What a scan looks at. Built from the command line and the configuration
/// files (see [`crate::config`]); equal configurations make equal scanners.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Config {
    /// The document language (`ar`, `en`, …); detected when `None`.
    pub language: Option<String>,
    /// Only these rule ids (all when empty).
    pub select: Vec<String>,
    /// Never these rule ids.
    pub ignore: Vec<String>,
    /// A severity per rule id, replacing the one the rule gives.
    pub severity: BTreeMap<String, Severity>,
    /// Terms that are never untranslated (see [`Document::allowed_terms`]).
    pub allowed_terms: Vec<String>,
    /// Scripts expected besides the main one (see [`Document::allowed_scripts`]).
    pub allowed_scripts: Vec<Script>,
}

impl Config {
    /// Whether the rule with this id runs under this configuration.
    pub fn runs(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == id))
            && !self.ignore.iter().any(|s| s == id)
    }
}

/// An error in a [`Config`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule `{}` (see `mtlint rules`)", self.0)
    }
}

impl std::error::Error for UnknownRule {}

/// Scans texts with a fixed set of rules. Cheap to share across threads.
pub struct Scanner {
    config: Config,
    rules: Vec<&'static dyn Rule>,
    /// Whether `invalid-encoding` (a read-stage rule) is selected.
    encoding_rule: bool,
}

impl Scanner {
    /// A scanner running the rules that `config` selects. Unknown rule ids
    /// are ignored here; use [`Scanner::try_new`] to reject them.
    pub fn new(config: Config) -> Self {
        let rules = rules::registry()
            .iter()
            .copied()
            .filter(|r| config.runs(r.meta().id))
            .collect();
        let encoding_rule = config.runs(rules::encoding::ID);
        Self {
            config,
            rules,
            encoding_rule,
        }
    }

    /// The configuration this scanner runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Like [`Scanner::new`], but fails on a rule id that does not exist.
    pub fn try_new(config: Config) -> Result<Self, UnknownRule> {
        for id in config.select.iter().chain(&config.ignore) {
            if rules::find_meta(id).is_none() {
                return Err(UnknownRule(id.clone()));
            }
        }
        Ok(Self::new(config))
    }

    /// Scans one text into a report of one file.
    ///
    /// ```
    /// use mtlint::{Config, Scanner};
    /// let report = Scanner::new(Config::default()).scan("note.txt", "قال بوتين ، اليوم.");
    /// assert_eq!(report.files[0].findings[0].rule, "space-before-punctuation");
    /// insta::assert_yaml_snapshot!(report.files[0].findings[0].fix, @r#"
    /// start: 17
    /// end: 18
    /// replacement: ""
    /// applicability: safe
    /// "#);
    /// ```
    pub fn scan(&self, path: &str, text: &str) -> Report {
        Report::new(vec![self.scan_file(path, text)])
    }

    /// Scans one text into the report of one file.
    pub fn scan_file(&self, path: &str, text: &str) -> FileReport {
        self.scan_file_in(path, text, None)
    }

    /// Adds the words of `text` to the vocabulary of a folder, for the rules
    /// that weigh what the other files of a scan write (`joined-words`):
    /// call it on every file, then scan each with [`Scanner::scan_file_in`].
    pub fn gather_words(&self, text: &str, into: &mut Vocabulary) {
        if self.gathers_words() {
            let doc = Document::new(text, self.config.language.as_deref());
            rules::joined_words::add_folder_words(&doc, into);
        }
    }

    /// Whether [`Scanner::gather_words`] has anything to gather: a rule that
    /// weighs the folder's words runs. Callers skip the first pass otherwise.
    pub fn gathers_words(&self) -> bool {
        self.rules.iter().any(|r| r.meta().id == "joined-words")
    }

    /// [`Scanner::scan_file`] with the vocabulary of the folder it is part of.
    pub fn scan_file_in(
        &self,
        path: &str,
        text: &str,
        folder_words: Option<&Arc<Vocabulary>>,
    ) -> FileReport {
        self.scan_with(path, text, folder_words, None)
    }

    /// Scans a file as the read stage decoded it (see
    /// [`crate::input::read_decoded`]): the rules run on the decoded text,
    /// [`FileReport::encoding`] names the encoding when it is not UTF-8,
    /// and a file that was not valid UTF-8 (or UTF-16) gets one
    /// `invalid-encoding` finding at its first bad byte.
    ///
    /// ```
    /// use mtlint::{decode, Config, Scanner};
    /// let bytes = decode::encode("قال الوزير إن القوات وصلت.", decode::Encoding::from_label("windows-1256").unwrap()).unwrap();
    /// let decoded = decode::decode(&bytes).unwrap();
    /// let file = Scanner::new(Config::default()).scan_decoded("ar.txt", &decoded);
    /// assert_eq!(file.encoding.as_deref(), Some("windows-1256"));
    /// assert_eq!(file.findings[0].rule, "invalid-encoding");
    /// assert_eq!((file.findings[0].line, file.findings[0].column), (1, 1));
    /// ```
    pub fn scan_decoded(&self, path: &str, decoded: &Decoded) -> FileReport {
        self.scan_decoded_in(path, decoded, None)
    }

    /// [`Scanner::scan_decoded`] with the vocabulary of the folder it is part of.
    pub fn scan_decoded_in(
        &self,
        path: &str,
        decoded: &Decoded,
        folder_words: Option<&Arc<Vocabulary>>,
    ) -> FileReport {
        let extra = decoded
            .first_invalid
            .as_ref()
            .filter(|_| self.encoding_rule)
            .map(|bad| {
                let text = &decoded.text;
                let start = crate::source::floor_char_boundary(text, bad.text_offset);
                let end = text[start..]
                    .chars()
                    .next()
                    .map_or(start, |c| start + c.len_utf8());
                let hex: Vec<String> = bad.bytes.iter().map(|b| format!("0x{b:02X}")).collect();
                let hex = hex.join(" ");
                let at = bad.offset;
                let message = match decoded.encoding {
                    Encoding::Utf8 => format!(
                        "invalid UTF-8 ({hex} at byte {at} of the file); \
                         read as UTF-8 with U+FFFD for each bad sequence"
                    ),
                    Encoding::Utf16Le | Encoding::Utf16Be => format!(
                        "malformed {} ({hex} at byte {at} of the file); read with U+FFFD for it",
                        decoded.encoding
                    ),
                    Encoding::Legacy(_) => format!(
                        "the file is not UTF-8 ({hex} at byte {at} of the file); read as {}",
                        decoded.encoding
                    ),
                };
                let d = Diagnostic::new(start..end, message);
                (&rules::encoding::INVALID_ENCODING, d)
            });
        let mut report = self.scan_with(path, &decoded.text, folder_words, extra);
        report.encoding =
            (!decoded.encoding.is_utf8()).then(|| decoded.encoding.name().to_string());
        report
    }

    /// Scans `text`, with one more diagnostic from the read stage.
    fn scan_with(
        &self,
        path: &str,
        text: &str,
        folder_words: Option<&Arc<Vocabulary>>,
        extra: Option<(&'static RuleMeta, Diagnostic)>,
    ) -> FileReport {
        let mut doc = Document::new(text, self.config.language.as_deref());
        doc.folder_words = folder_words.cloned();
        doc.allowed_terms.clone_from(&self.config.allowed_terms);
        doc.allowed_scripts.clone_from(&self.config.allowed_scripts);
        let mut findings = Vec::new();
        if let Some((meta, d)) = extra {
            findings.extend(self.finding(&doc, meta, d));
        }
        let mut diagnostics = Vec::new();
        for rule in &self.rules {
            diagnostics.clear();
            rule.check(&doc, &mut diagnostics);
            for d in diagnostics.drain(..) {
                if let Some(f) = self.finding(&doc, rule.meta(), d) {
                    findings.push(f);
                }
            }
        }
        superseded_by_mojibake(&mut findings);
        // Suppression comments, before the score: what they silence costs nothing.
        if suppress::reads_comments(path) {
            let ran = |id: &str| self.rules.iter().any(|r| r.meta().id == id);
            let unused = suppress::apply(&doc, &mut findings, &ran);
            let meta = &suppress::UNUSED_SUPPRESSION;
            if self.config.runs(meta.id) {
                for d in unused {
                    if let Some(f) = self.finding(&doc, meta, d) {
                        findings.push(f);
                    }
                }
            }
        }
        findings.sort_by(|a, b| {
            (a.start, a.end, &a.rule, &a.message).cmp(&(b.start, b.end, &b.rule, &b.message))
        });
        findings.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.rule == b.rule);
        // Lines and columns in one forward pass over the sorted findings.
        let mut cursor = Cursor::new(text, &doc.lines);
        for f in &mut findings {
            (f.line, f.column) = cursor.line_col(f.start);
            (f.end_line, f.end_column) = if doc.lines.line_of(f.end) + 1 == f.line {
                (f.line, f.column + f.text.chars().count())
            } else {
                doc.lines.line_col(text, f.end)
            };
        }

        let spans: Vec<_> = doc
            .sentences
            .iter()
            .map(|s| (s.range.clone(), text[s.range.clone()].chars().count()))
            .collect();
        let (sentence_scores, file_score) = score::score(&spans, &findings);
        let languages = doc.sentence_languages();
        let sentences = doc
            .sentences
            .iter()
            .zip(sentence_scores)
            .enumerate()
            .map(|(index, (s, score))| SentenceReport {
                index,
                start: s.range.start,
                end: s.range.end,
                line: doc.lines.line_of(s.range.start) + 1,
                language: languages[index].clone(),
                score,
            })
            .collect();
        FileReport {
            path: path.to_string(),
            language: doc.language.clone(),
            score: file_score,
            sentences,
            findings,
            fixes: None,
            encoding: None,
            source: text.to_string(),
        }
    }
}

impl Scanner {
    /// Turns a rule's diagnostic into a finding, or drops it when its range is
    /// not a valid span of the text (a rule bug must never cut a character).
    fn finding(&self, doc: &Document, meta: &RuleMeta, d: Diagnostic) -> Option<Finding> {
        let severity = self
            .config
            .severity
            .get(meta.id)
            .copied()
            .unwrap_or(d.severity.unwrap_or(meta.severity));
        finding(doc, meta, severity, d)
    }
}

/// Drops the findings of other rules inside a `mojibake` span: the
/// punctuation, quotes and letters of garbled text (`„` inside `Ù„`) are
/// symptoms of the one error, whose repair removes them all. Not
/// `invalid-encoding`: it speaks for the whole file, whose bytes it alone
/// can convert, and a file read in a code page may well look garbled.
fn superseded_by_mojibake(findings: &mut Vec<Finding>) {
    let id = rules::mojibake::ID;
    let spans: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f.rule == id)
        .map(|f| (f.start, f.end))
        .collect();
    if spans.is_empty() {
        return;
    }
    findings.retain(|f| {
        f.rule == id
            || f.rule == rules::encoding::ID
            || !spans
                .iter()
                .any(|&(s, e)| s <= f.start && f.end <= e && f.start < e)
    });
}

/// [`Scanner::finding`] with the severity decided.
fn finding(doc: &Document, meta: &RuleMeta, severity: Severity, d: Diagnostic) -> Option<Finding> {
    let text = doc.text;
    let (start, end) = (d.range.start, d.range.end);
    let valid = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    if !valid(start, end) {
        debug_assert!(false, "{} gave a bad range {:?}", meta.id, d.range);
        return None;
    }
    let fix = d
        .fix
        .filter(|f| valid(f.start, f.end) && floor_char_boundary(text, f.start) == f.start);
    // Lines and columns are filled in once the findings are sorted.
    let (line, column, end_line, end_column) = (0, 0, 0, 0);
    Some(Finding {
        rule: meta.id.to_string(),
        severity,
        message: d.message,
        text: text[start..end].to_string(),
        start,
        end,
        line,
        column,
        end_line,
        end_column,
        sentence: doc.sentence_at(start),
        confidence: (f64::from(d.confidence) * 100.0).round() / 100.0,
        fix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arabic news read as Windows-1252, inside a clean line.
    fn garbled() -> String {
        let (text, _, _) = encoding_rs::WINDOWS_1252
            .decode("قال الوزير “إن القوات وصلت إلى المدينة” أمس.".as_bytes());
        format!("Breaking: {text}\n")
    }

    #[test]
    fn invalid_encoding_survives_mojibake() {
        // Found by the never-panic property test: Windows-1256 bytes that
        // read as garble at the file's first bad byte.
        let decoded = crate::decode::decode(&[146, 134, 145, 177, 1, 129]).unwrap();
        assert!(decoded.first_invalid.is_some());
        let file = Scanner::new(Config::default()).scan_decoded("a.txt", &decoded);
        let rules: Vec<&str> = file.findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(rules.contains(&"mojibake"), "{rules:?}");
        assert!(rules.contains(&"invalid-encoding"), "{rules:?}");
    }

    #[test]
    fn findings_inside_mojibake_are_dropped() {
        let text = garbled();
        let all = Scanner::new(Config::default()).scan_file("a.txt", &text);
        let moji: Vec<_> = all
            .findings
            .iter()
            .filter(|f| f.rule == "mojibake")
            .collect();
        assert!(!moji.is_empty(), "{:?}", all.findings);
        for f in &all.findings {
            let inside = moji.iter().any(|m| m.start <= f.start && f.end <= m.end);
            assert!(f.rule == "mojibake" || !inside, "{f:?}");
        }
        // Without `mojibake`, other rules do flag the garble: the policy,
        // not their silence, keeps the report to one finding.
        let others = Scanner::new(Config {
            ignore: vec!["mojibake".into()],
            ..Config::default()
        })
        .scan_file("a.txt", &text);
        assert!(others
            .findings
            .iter()
            .any(|f| moji.iter().any(|m| m.start <= f.start && f.end <= m.end)));
    }
}
