//! Any output format written file by file, as a scan goes on. A
//! [`Stream`] keeps only the summary counters, never the files, so the
//! memory of a long scan does not grow with the number of files; each
//! format's bytes are those of rendering the whole [`Report`] at once.
//!
//! ```
//! use mtlint::render::stream::{Format, Stream};
//! use mtlint::{Config, Report, Scanner};
//! let file = Scanner::default().scan_file("a.txt", "Hello , world.\n");
//! let mut s = Stream::new(Vec::new(), Format::Json, Default::default());
//! s.begin().unwrap();
//! s.file(&file).unwrap();
//! let (bytes, _summary) = s.finish().unwrap();
//! assert_eq!(String::from_utf8(bytes).unwrap(), Report::new(vec![file]).to_json());
//! ```
//!
//! [`Report`]: crate::report::Report

use std::io::{self, Write};

use super::scores::ScoreRow;
use super::{concise, full, github, html, jsonl, sarif, scores, Options};
use crate::report::finding::Severity;
use crate::report::{FileReport, Notice, Summary};

/// An output format of `mtlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Each finding with its source line, for people.
    Full,
    /// One line a finding.
    Concise,
    /// The report as JSON.
    Json,
    /// One JSON object a file (JSON Lines), written as each file is done.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other review tools.
    Sarif,
    /// GitHub Actions annotations, each file also in the full format.
    Github,
    /// One self-contained HTML page (see [`html`]).
    Html,
}

/// Where [`Stream::paged`] writes each page: (file name, page).
pub type PageSink = Box<dyn FnMut(&str, &str) -> io::Result<()>>;

/// Writes one format to `W` file by file.
pub struct Stream<W: Write> {
    out: W,
    format: Format,
    opts: Options,
    statistics: bool,
    summary: Summary,
    max: Option<Severity>,
    /// What the scan said about its inputs so far (see [`Notice`]).
    notices: Vec<Notice>,
    /// SARIF results written so far.
    results: usize,
    /// HTML: each file's score row and rank, for the table at the end.
    rows: Vec<(ScoreRow, usize)>,
    /// HTML in pages, and where they go.
    pages: Option<(html::Pages, PageSink)>,
}

impl<W: Write> Stream<W> {
    /// A stream of `format` to `out`.
    pub fn new(out: W, format: Format, opts: Options) -> Self {
        Self {
            out,
            format,
            opts,
            statistics: false,
            summary: Summary::default(),
            max: None,
            notices: Vec::new(),
            results: 0,
            rows: Vec::new(),
            pages: None,
        }
    }

    /// `--format html` as an index and pages of files ([`html::Pages`]),
    /// each handed to `write` as it is done, the index last, instead of one
    /// page written to `W` (which then gets nothing). Other formats ignore it.
    pub fn paged(mut self, write: PageSink) -> Self {
        if self.format == Format::Html {
            self.pages = Some((html::Pages::new(), write));
        }
        self
    }

    /// `--statistics`: instead of the findings, a count per rule at the end
    /// (a table in `full` and `concise`, an array in `json`; other formats
    /// are not changed).
    pub fn statistics(mut self, on: bool) -> Self {
        self.statistics = on;
        self
    }

    /// Whether [`Stream::statistics`] changes this format.
    pub fn supports_statistics(format: Format) -> bool {
        matches!(format, Format::Full | Format::Concise | Format::Json)
    }

    fn counting_only(&self) -> bool {
        self.statistics && Self::supports_statistics(self.format)
    }

    /// Writes what comes before the first file.
    pub fn begin(&mut self) -> io::Result<()> {
        let head = match self.format {
            _ if self.counting_only() || self.pages.is_some() => return Ok(()),
            Format::Json => jsonl::json_head(),
            Format::Sarif => sarif::head(),
            Format::Html => html::head(),
            _ => return Ok(()),
        };
        self.out.write_all(head.as_bytes())
    }

    /// Writes one file and counts it, then flushes, so that a reader of a
    /// pipe sees each file as soon as it is done.
    pub fn file(&mut self, file: &FileReport) -> io::Result<()> {
        let first = self.summary.files == 0;
        self.summary.add(file);
        if let Some(m) = file.findings.iter().map(|f| f.severity).max() {
            self.max = self.max.max(Some(m));
        }
        if self.counting_only() {
            return Ok(());
        }
        if let Some((pages, write)) = &mut self.pages {
            if let Some((name, page)) = pages.file(file) {
                write(&name, &page)?;
            }
            return Ok(());
        }
        let text = match self.format {
            Format::Full => full::render_file(file, &self.opts),
            Format::Concise => concise::render_file(file, &self.opts),
            // Written as they serialize: a large file's JSON is several
            // times its size.
            Format::Json => {
                jsonl::write_json_file(&mut self.out, file, first)?;
                String::new()
            }
            Format::Jsonl => {
                jsonl::write_line(&mut self.out, file)?;
                String::new()
            }
            Format::Sarif => {
                let s = sarif::results(file, self.results == 0);
                self.results += file.findings.len();
                s
            }
            Format::Github => {
                let mut s = github::annotations(file);
                s.push_str(&full::render_file(file, &self.opts));
                s
            }
            Format::Html => {
                let n = self.summary.files;
                self.rows.push((ScoreRow::new(file), n));
                html::file(file, n)
            }
        };
        self.out.write_all(text.as_bytes())?;
        if let Some(n) = file.notice() {
            return self.notice(n);
        }
        self.out.flush()
    }

    /// Records what the scan says about an input (not read, skipped, read
    /// in another encoding; [`Stream::file`] adds the last itself): JSON
    /// lists it in `notices` and SARIF in its invocation at the end, JSON
    /// Lines writes it as a line of its own and `github` as an annotation
    /// now. The text formats leave it to the caller (standard error).
    pub fn notice(&mut self, notice: Notice) -> io::Result<()> {
        let now = match self.format {
            _ if self.counting_only() => None,
            Format::Jsonl => Some(jsonl::notice_line(&notice)),
            Format::Github => Some(github::notice(&notice)),
            _ => None,
        };
        self.notices.push(notice);
        if let Some(text) = now {
            self.out.write_all(text.as_bytes())?;
        }
        self.out.flush()
    }

    /// The notices so far.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The highest severity written so far.
    pub fn max_severity(&self) -> Option<Severity> {
        self.max
    }

    /// The counters so far.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Writes what comes after the last file and gives back the writer and
    /// the counters.
    pub fn finish(mut self) -> io::Result<(W, Summary)> {
        if let Some((pages, mut write)) = self.pages.take() {
            for (name, page) in pages.finish(&self.notices) {
                write(&name, &page)?;
            }
            self.out.flush()?;
            return Ok((self.out, self.summary));
        }
        let tail = if self.counting_only() {
            let mut s = match self.format {
                Format::Json => scores::statistics_json(&self.summary.by_rule_severity),
                _ => scores::statistics(&self.summary.by_rule_severity),
            };
            if self.format != Format::Json && !self.opts.quiet {
                s.push_str(&full::render_summary(&self.summary, &self.opts));
            }
            s
        } else {
            match self.format {
                Format::Full | Format::Github if !self.opts.quiet => {
                    full::render_summary(&self.summary, &self.opts)
                }
                Format::Concise if !self.opts.quiet => {
                    concise::render_summary(&self.summary, &self.opts)
                }
                Format::Json => jsonl::json_tail(&self.summary, &self.notices, self.summary.files),
                Format::Sarif => sarif::tail(self.results, &self.notices),
                Format::Html => {
                    let mut rows = std::mem::take(&mut self.rows);
                    html::sort_rows(&mut rows);
                    html::tail(&rows, &self.summary, &self.notices)
                }
                _ => String::new(),
            }
        };
        self.out.write_all(tail.as_bytes())?;
        self.out.flush()?;
        Ok((self.out, self.summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render;
    use crate::{Report, Scanner};

    fn files() -> Vec<FileReport> {
        let scanner = Scanner::default();
        [
            ("a/ar.txt", "قال بوتين ، اليوم.الروس غادروا!!\n"),
            ("b/en.txt", "Hello , world.\n"),
            ("c/fr.txt", "Bonjour le monde.\n"),
            ("d/ru.txt", "Привет\u{FFFD} мир.\n"),
        ]
        .iter()
        .map(|(p, t)| scanner.scan_file(p, t))
        .collect()
    }

    fn streamed(format: Format, opts: Options, files: &[FileReport]) -> String {
        let mut s = Stream::new(Vec::new(), format, opts);
        s.begin().unwrap();
        for f in files {
            s.file(f).unwrap();
        }
        String::from_utf8(s.finish().unwrap().0).unwrap()
    }

    #[test]
    fn streamed_formats_match_the_whole_report_renderings() {
        let files = files();
        let report = Report::new(files.clone());
        for quiet in [false, true] {
            let opts = Options {
                quiet,
                ..Options::default()
            };
            assert_eq!(
                streamed(Format::Full, opts, &files),
                render::full::render(&report, &opts)
            );
            assert_eq!(
                streamed(Format::Concise, opts, &files),
                render::concise::render(&report, &opts)
            );
        }
        assert_eq!(
            streamed(Format::Json, Options::default(), &files),
            report.to_json()
        );
        let lines = streamed(Format::Jsonl, Options::default(), &files);
        assert_eq!(lines.lines().count(), 4);
        let sarif: serde_json::Value =
            serde_json::from_str(&streamed(Format::Sarif, Options::default(), &files)).unwrap();
        assert_eq!(
            sarif["runs"][0]["results"].as_array().unwrap().len(),
            report.summary.findings
        );
        assert_eq!(
            streamed(Format::Html, Options::default(), &files),
            render::html::render(&report)
        );
        let gh = streamed(Format::Github, Options::default(), &files);
        assert!(gh.contains("::error file=d/ru.txt"));
        assert!(gh.ends_with(&render::full::render_summary(
            &report.summary,
            &Options::default()
        )));
    }

    #[test]
    fn paged_html_hands_out_pages_then_the_index() {
        let files = files();
        let got = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = got.clone();
        let mut s = Stream::new(Vec::new(), Format::Html, Options::default()).paged(Box::new(
            move |name: &str, page: &str| {
                sink.borrow_mut().push((name.to_string(), page.to_string()));
                Ok(())
            },
        ));
        s.begin().unwrap();
        for _ in 0..(html::PAGE_FILES / files.len() + 1) {
            for f in &files {
                s.file(f).unwrap();
            }
        }
        let (bytes, summary) = s.finish().unwrap();
        assert!(bytes.is_empty());
        let got = got.borrow();
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["page-0001.html", "page-0002.html", "index.html"]);
        assert_eq!(
            got[0].1.matches("<section class=\"file\"").count(),
            html::PAGE_FILES
        );
        assert!(got[0].1.contains("href=\"page-0002.html\">next page"));
        assert!(!got[1].1.contains("next page"));
        // The index links each file on its page, and the page has its id.
        let last = summary.files;
        assert!(got[2]
            .1
            .contains(&format!("href=\"page-0002.html#f{last}\"")));
        assert!(got[1].1.contains(&format!("id=\"f{last}\"")));
    }

    #[test]
    fn empty_streams_are_valid() {
        let v: serde_json::Value =
            serde_json::from_str(&streamed(Format::Sarif, Options::default(), &[])).unwrap();
        assert_eq!(v["runs"][0]["results"], serde_json::json!([]));
        assert_eq!(
            streamed(Format::Json, Options::default(), &[]),
            Report::new(vec![]).to_json()
        );
        assert_eq!(streamed(Format::Jsonl, Options::default(), &[]), "");
    }

    #[test]
    fn statistics_replace_the_findings() {
        let files = files();
        let s = Stream::new(Vec::new(), Format::Concise, Options::default()).statistics(true);
        let mut s = s;
        for f in &files {
            s.file(f).unwrap();
        }
        let text = String::from_utf8(s.finish().unwrap().0).unwrap();
        assert!(text.starts_with("count  rule"), "{text}");
        assert!(text.contains("replacement-character"));
        assert!(!text.contains("d/ru.txt"));
        assert!(text.contains("in 4 files.\n"), "{text}");
    }
}
