//! The scan of one text: segment, run the rules, turn their diagnostics
//! into findings, apply suppression comments, score.

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::{Config, UnknownRule};
use crate::extract::Prose;
use crate::read::decode::Decoded;
use crate::report::Fix;
use crate::report::{Diagnostic, FileReport, Finding, Report, SentenceReport, Severity};
use crate::rules::{self, Harm, Rule, RuleMeta, Stage};
use crate::text::lines::{Cursor, LineIndex};
use crate::text::vocabulary::Vocabulary;
use crate::text::Document;

use super::{score, suppress};

/// Scans texts with a fixed set of rules. Cheap to share across threads.
pub struct Scanner {
    config: Config,
    /// The selected rules of [`Stage::Text`], in registry order.
    rules: Vec<&'static dyn Rule>,
    /// The selected rules of [`Stage::Suppressions`].
    suppression_rules: Vec<&'static dyn Rule>,
    /// The ids of the selected rules whose findings supersede the others
    /// inside them ([`Rule::supersedes_inside`]) and of those never
    /// superseded ([`Rule::speaks_for_bytes`]).
    superseding: Vec<&'static str>,
    never_superseded: Vec<&'static str>,
}

impl Default for Scanner {
    /// A scanner running every rule with its default severity, the
    /// language detected.
    fn default() -> Self {
        Self::build(Config::default())
    }
}

impl Scanner {
    /// A scanner running the rules that `config` selects; an error names a
    /// rule id of `select`, `ignore` or `severity` that does not exist.
    ///
    /// ```
    /// use mtlint::{Config, Scanner};
    /// assert!(Scanner::new(Config::default().select(["joined-words"])).is_ok());
    /// let e = Scanner::new(Config::default().ignore(["joined-word"])).err().unwrap();
    /// assert_eq!(e.to_string(), "unknown rule `joined-word` (see `mtlint rules`)");
    /// ```
    pub fn new(config: Config) -> Result<Self, UnknownRule> {
        config.validate()?;
        Ok(Self::build(config))
    }

    fn build(config: Config) -> Self {
        let selected = || {
            rules::registry()
                .iter()
                .copied()
                .filter(|r| config.runs(r.meta().id))
        };
        let rules: Vec<&'static dyn Rule> =
            selected().filter(|r| r.stage() == Stage::Text).collect();
        let suppression_rules = selected()
            .filter(|r| r.stage() == Stage::Suppressions)
            .collect();
        let ids = |keep: fn(&dyn Rule) -> bool| -> Vec<&'static str> {
            rules
                .iter()
                .filter(|r| keep(**r))
                .map(|r| r.meta().id)
                .collect()
        };
        let superseding = ids(|r| r.supersedes_inside());
        let never_superseded = ids(|r| r.supersedes_inside() || r.speaks_for_bytes());
        Self {
            rules,
            suppression_rules,
            superseding,
            never_superseded,
            config,
        }
    }

    /// The configuration this scanner runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Scans one text into a report of one file.
    ///
    /// ```
    /// use mtlint::{Config, Scanner};
    /// let report = Scanner::default().scan("note.txt", "قال بوتين ، اليوم.");
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

    /// Adds the words of `text`, the file at `path`, to the vocabulary of a
    /// folder, for the rules that weigh what the other files of a scan
    /// write (see [`Rule::reads_folder_words`]): call it on every file, then
    /// scan each with [`Scanner::scan_file_in`]. Only the prose of the file
    /// counts, as in the scan.
    pub fn gather_words(&self, path: &str, text: &str, into: &mut Vocabulary) {
        if self.gathers_words() {
            let prose = Prose::extract(self.config.format_for(path), text);
            let doc = Document::words_of(&prose.text, self.config.language.as_deref());
            for r in self.rules.iter().filter(|r| r.reads_folder_words()) {
                r.gather_words(&doc, into);
            }
        }
    }

    /// Whether [`Scanner::gather_words`] has anything to gather: a rule that
    /// weighs the folder's words runs. Callers skip the first pass otherwise.
    pub fn gathers_words(&self) -> bool {
        self.rules.iter().any(|r| r.reads_folder_words())
    }

    /// [`Scanner::scan_file`] with the vocabulary of the folder it is part of.
    pub fn scan_file_in(
        &self,
        path: &str,
        text: &str,
        folder_words: Option<&Arc<Vocabulary>>,
    ) -> FileReport {
        let mut report = self.scan_with(path, text, folder_words, None);
        report.source = text.to_string();
        report
    }

    /// Scans a file as the read stage decoded it (see
    /// [`crate::read::walk::read_decoded`]): the rules run on the decoded
    /// text, [`FileReport::encoding`] names the encoding when it is not
    /// UTF-8, and the rules that speak for the bytes (`invalid-encoding`)
    /// see where they stopped being valid UTF-8 (or UTF-16).
    ///
    /// ```
    /// use mtlint::{read::decode, Scanner};
    /// let bytes = decode::encode("قال الوزير إن القوات وصلت.", decode::Encoding::from_label("windows-1256").unwrap()).unwrap();
    /// let decoded = decode::decode(&bytes).unwrap();
    /// let file = Scanner::default().scan_decoded("ar.txt", &decoded);
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
        let mut report = self.scan_decoded_text(path, decoded, folder_words);
        report.source = decoded.text.clone();
        report
    }

    /// [`Scanner::scan_decoded_in`] that keeps the decoded text as the
    /// report's [`FileReport::source`] instead of a copy of it, so that a
    /// large file is held once.
    pub fn scan_decoded_owned(
        &self,
        path: &str,
        decoded: Decoded,
        folder_words: Option<&Arc<Vocabulary>>,
    ) -> FileReport {
        let mut report = self.scan_decoded_text(path, &decoded, folder_words);
        report.source = decoded.text;
        report
    }

    /// The report of a decoded file, without its source.
    fn scan_decoded_text(
        &self,
        path: &str,
        decoded: &Decoded,
        folder_words: Option<&Arc<Vocabulary>>,
    ) -> FileReport {
        let mut report = self.scan_with(path, &decoded.text, folder_words, Some(decoded));
        report.encoding =
            (!decoded.encoding.is_utf8()).then(|| decoded.encoding.name().to_string());
        report
    }

    /// Scans `text` (the whole file), decoded from `decoded` when the read
    /// stage did: reads the prose of its format, runs the rules on it, and
    /// gives every finding in offsets of the file. The report's `source` is
    /// left empty for the caller to fill.
    fn scan_with(
        &self,
        path: &str,
        text: &str,
        folder_words: Option<&Arc<Vocabulary>>,
        decoded: Option<&Decoded>,
    ) -> FileReport {
        let prose = Prose::extract(self.config.format_for(path), text);
        let declared = prose
            .language
            .as_deref()
            .map(crate::language::identify::normalize_code);
        let language = self.config.language.as_deref().or(declared.as_deref());
        let mut doc = Document::new(&prose.text, language);
        doc.original = text;
        doc.markup_problems.clone_from(&prose.problems);
        let own_lines;
        let lines = if prose.is_identity() {
            None
        } else {
            own_lines = LineIndex::new(text);
            doc.file_lines = (0..doc.lines.len())
                .map(|l| {
                    let at = doc.lines.line_range(l).start;
                    own_lines.line_of(prose.to_original(at..at).start) + 1
                })
                .collect();
            doc.units = prose.units.iter().map(|u| u.prose.clone()).collect();
            Some(&own_lines)
        };
        if let Some(d) = decoded {
            doc.encoding = d.encoding;
            doc.first_invalid.clone_from(&d.first_invalid);
        }
        doc.folder_words = folder_words.cloned();
        doc.allowed_terms.clone_from(&self.config.allowed_terms);
        doc.allowed_scripts.clone_from(&self.config.allowed_scripts);
        let mut findings = Vec::new();
        for rule in &self.rules {
            // A buffer of its own for each rule, freed before the next one
            // runs: on a large file one rule's diagnostics can take tens of
            // megabytes (`duplicate-line`, 13 MB on 20 MB of news).
            let mut diagnostics = Vec::new();
            rule.check(&doc, &mut diagnostics);
            for d in diagnostics {
                if let Some(f) = self.finding(&doc, &prose, rule.meta(), d) {
                    findings.push(f);
                }
            }
        }
        self.drop_superseded(&mut findings);
        // Lines of the file: those of the prose when it is the file itself.
        let lines = lines.unwrap_or(&doc.lines);
        // Suppression comments, before the score: what they silence costs nothing.
        let comments = match &prose.comments {
            Some(c) => Some(c.as_slice()),
            None if suppress::reads_comments(path) => None,
            None => Some(&[][..]),
        };
        if comments.is_none_or(|c| !c.is_empty()) {
            let ran = |id: &str| self.rules.iter().any(|r| r.meta().id == id);
            let file = suppress::File {
                text,
                lines,
                comments,
            };
            let unused = suppress::apply(&file, &mut findings, &ran);
            for rule in &self.suppression_rules {
                for d in &unused {
                    if let Some(f) = self.finding(&doc, &prose, rule.meta(), d.clone()) {
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
        let mut cursor = Cursor::new(text, lines);
        for f in &mut findings {
            (f.line, f.column) = cursor.line_col(f.start);
            (f.end_line, f.end_column) = if lines.line_of(f.end) + 1 == f.line {
                (f.line, f.column + f.text.chars().count())
            } else {
                lines.line_col(text, f.end)
            };
        }

        let spans: Vec<_> = doc
            .sentences
            .iter()
            .map(|s| (s.range.clone(), doc.text[s.range.clone()].chars().count()))
            .collect();
        // In markup the sentences need not follow the file's order: each
        // finding weighs on the sentence it starts in.
        let harm = |f: &Finding| rules::find_meta(&f.rule).map_or(Harm::None, |m| m.harm);
        let (sentence_scores, file_score) = if prose.is_identity() {
            score::score(&spans, &findings, harm)
        } else {
            let chars: Vec<usize> = spans.iter().map(|(_, n)| *n).collect();
            score::score_by_sentence(&chars, &findings, harm)
        };
        let languages = doc.sentence_languages();
        let sentences = doc
            .sentences
            .iter()
            .zip(sentence_scores)
            .enumerate()
            .map(|(index, (s, score))| {
                let r = prose.to_original(s.range.clone());
                SentenceReport {
                    index,
                    start: r.start,
                    end: r.end,
                    line: lines.line_of(r.start) + 1,
                    language: languages[index].clone(),
                    score,
                }
            })
            .collect();
        FileReport {
            path: path.to_string(),
            language: doc.language.clone(),
            score: file_score,
            sentences,
            findings,
            fixes: None,
            format: prose.format.name().to_string(),
            encoding: None,
            source: String::new(),
        }
    }
}

impl Scanner {
    /// Drops the findings of other rules inside the spans of a rule that
    /// [supersedes](Rule::supersedes_inside) them: the punctuation, quotes
    /// and letters of garbled text (`„` inside `Ù„`) are symptoms of the one
    /// error, whose repair removes them all. Never a rule that speaks for
    /// the bytes of the file (`invalid-encoding`): it alone can convert
    /// them, and a file read in a code page may well look garbled.
    fn drop_superseded(&self, findings: &mut Vec<Finding>) {
        let spans: Vec<(usize, usize)> = findings
            .iter()
            .filter(|f| self.superseding.contains(&f.rule.as_str()))
            .map(|f| (f.start, f.end))
            .collect();
        if spans.is_empty() {
            return;
        }
        findings.retain(|f| {
            self.never_superseded.contains(&f.rule.as_str())
                || !spans
                    .iter()
                    .any(|&(s, e)| s <= f.start && f.end <= e && f.start < e)
        });
    }

    /// Turns a rule's diagnostic into a finding, or drops it when its range is
    /// not a valid span of the text (a rule bug must never cut a character).
    fn finding(
        &self,
        doc: &Document,
        prose: &Prose,
        meta: &RuleMeta,
        d: Diagnostic,
    ) -> Option<Finding> {
        let severity = self
            .config
            .severity
            .get(meta.id)
            .copied()
            .unwrap_or(d.severity.unwrap_or(meta.severity));
        finding(doc, prose, meta, severity, d)
    }
}

/// [`Scanner::finding`] with the severity decided: the diagnostic's range
/// checked in the text it was given in (the prose, or the file for a rule
/// that speaks for its bytes), then mapped into the file. A fix that would
/// touch markup is dropped; the finding stays.
fn finding(
    doc: &Document,
    prose: &Prose,
    meta: &RuleMeta,
    severity: Severity,
    d: Diagnostic,
) -> Option<Finding> {
    let given = if d.in_original {
        doc.original
    } else {
        doc.text
    };
    let valid = |text: &str, s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let (start, end) = (d.range.start, d.range.end);
    if !valid(given, start, end) {
        debug_assert!(false, "{} gave a bad range {:?}", meta.id, d.range);
        return None;
    }
    let fix = d.fix.filter(|f| valid(given, f.start, f.end));
    let (range, fix, sentence, unit) = if d.in_original || prose.is_identity() {
        let unit = prose
            .units
            .iter()
            .find(|u| u.range.start <= start && start < u.range.end.max(u.range.start + 1));
        let sentence = if prose.is_identity() {
            doc.sentence_at(start)
        } else {
            None
        };
        (d.range.clone(), fix, sentence, unit)
    } else {
        let fix = fix.and_then(|f| {
            let r = prose.fix_range(f.start..f.end)?;
            Some(Fix {
                start: r.start,
                end: r.end,
                replacement: prose.format.escape(&f.replacement).into_owned(),
                applicability: f.applicability,
            })
        });
        let range = prose.to_original(d.range.clone());
        (range, fix, doc.sentence_at(start), prose.unit_at(start))
    };
    // Lines and columns are filled in once the findings are sorted.
    let (line, column, end_line, end_column) = (0, 0, 0, 0);
    Some(Finding {
        rule: meta.id.to_string(),
        severity,
        message: d.message,
        text: doc
            .original
            .get(range.clone())
            .unwrap_or_default()
            .to_string(),
        start: range.start,
        end: range.end,
        line,
        column,
        end_line,
        end_column,
        sentence,
        confidence: (f64::from(d.confidence) * 100.0).round() / 100.0,
        fix,
        unit: unit.cloned().map(Box::new),
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
    fn an_owned_decoded_file_gives_the_same_report() {
        let decoded = crate::read::decode::decode("قال بوتين ، اليوم.\n".as_bytes()).unwrap();
        let scanner = Scanner::default();
        let borrowed = scanner.scan_decoded_in("a.txt", &decoded, None);
        let owned = scanner.scan_decoded_owned("a.txt", decoded.clone(), None);
        assert_eq!(owned, borrowed);
        assert_eq!(owned.source, decoded.text);
        assert_eq!(scanner.scan_file("a.txt", &decoded.text), borrowed);
    }

    #[test]
    fn invalid_encoding_survives_mojibake() {
        // Found by the never-panic property test: Windows-1256 bytes that
        // read as garble at the file's first bad byte.
        let decoded = crate::read::decode::decode(&[146, 134, 145, 177, 1, 129]).unwrap();
        assert!(decoded.first_invalid.is_some());
        let file = Scanner::default().scan_decoded("a.txt", &decoded);
        let rules: Vec<&str> = file.findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(rules.contains(&"mojibake"), "{rules:?}");
        assert!(rules.contains(&"invalid-encoding"), "{rules:?}");
    }

    #[test]
    fn findings_inside_mojibake_are_dropped() {
        let text = garbled();
        let all = Scanner::default().scan_file("a.txt", &text);
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
        .expect("known rule ids")
        .scan_file("a.txt", &text);
        assert!(others
            .findings
            .iter()
            .any(|f| moji.iter().any(|m| m.start <= f.start && f.end <= m.end)));
    }
}

/// One scanner per distinct scanner configuration, built on first use.
#[derive(Default)]
pub struct Scanners(HashMap<Config, Arc<Scanner>>);

impl Scanners {
    /// The scanner for `config`, whose rule ids the configuration files and
    /// flags have checked already (see [`crate::config::Resolver`]).
    pub fn get(&mut self, config: &Config) -> Arc<Scanner> {
        self.0
            .entry(config.clone())
            .or_insert_with(|| Arc::new(Scanner::build(config.clone())))
            .clone()
    }

    /// How many distinct scanners were built.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none was built.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
