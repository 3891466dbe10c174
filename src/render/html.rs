//! The HTML report: one self-contained page (inline CSS and script, no
//! external asset, a Content-Security-Policy that forbids the network) for
//! people who read the text, right-to-left included.
//!
//! Each file is a `<section>` written as soon as it is scanned: a list of
//! its findings, each linking to its span, then the file's text line by
//! line, each line a bidi paragraph (`<p dir="auto">`, so that an Arabic
//! paragraph reads right to left), the flagged spans as `<mark>` elements
//! carrying the severity, the rule, the message, the confidence and the fix
//! in data attributes. A mark
//! takes the keyboard focus (`tabindex`) and shows its finding in a popup
//! on hover or focus. After the last file come the filters (by rule and by
//! severity) and the table of files by score, worst first (the rows of
//! `mtlint score`); the style sheet places them above the files. So a
//! stream keeps only the score rows, never the files. [`Pages`] splits a
//! large scan into an index and pages of [`PAGE_FILES`] files.
//!
//! Everything that comes from the input (text, paths, messages, rule ids)
//! goes through [`escape`]; invisible and bidi control characters in the
//! text are shown as `<U+XXXX>`, as the text formats do.

use std::fmt::Write;

use super::scores::ScoreRow;
use super::{
    before_after, escape_invisible, is_invisible_or_control, is_rtl, isolate_message, summary_text,
};
use crate::report::finding::{Applicability, Finding};
use crate::report::{FileReport, Notice, Report, Summary};

/// The style sheet: screen and print.
const CSS: &str = include_str!("html/report.css");
/// The script: the popup, the filters, and the computed direction of each
/// paragraph when the page's address asks for it (`?directions`, for tests).
const JS: &str = include_str!("html/report.js");

/// Escapes text for HTML content and quoted attribute values: `&`, `<`,
/// `>`, `"` and `'` become character references, so no input can open a
/// tag, close an attribute or start an entity.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// [`escape`] after [`escape_invisible`]: for one-line text (paths,
/// messages, quoted text) that must neither reorder the page nor hide.
fn esc_line(s: &str) -> String {
    escape(&escape_invisible(s))
}

/// A message, escaped, each `` `quoted` `` piece of right-to-left text in a
/// `<bdi>` so that it does not pull the English words around it into its run.
fn esc_message(message: &str) -> String {
    // The only isolates left after `isolate_message` are its own: the
    // message's own controls are escaped as `<U+XXXX>`.
    escape(&isolate_message(message, true))
        .replace('\u{2068}', "<bdi>")
        .replace('\u{2069}', "</bdi>")
}

/// Text of the file as content: escaped, line breaks kept, and each
/// invisible or control character (bidi controls included) shown as a
/// `<U+XXXX>` badge that cannot act on the text around it.
fn text_into(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        if c != '\n' && c != '\r' && is_invisible_or_control(c) {
            escape_into(out, &s[from..i]);
            let _ = write!(out, "<span class=\"cc\">&lt;U+{:04X}&gt;</span>", c as u32);
            from = i + c.len_utf8();
        }
    }
    escape_into(out, &s[from..]);
}

/// The page of a whole report: what [`stream`](super::stream) writes file
/// by file.
pub fn render(report: &Report) -> String {
    let mut out = head();
    let mut rows = Vec::with_capacity(report.files.len());
    for (i, f) in report.files.iter().enumerate() {
        out.push_str(&file(f, i + 1));
        rows.push((ScoreRow::new(f), i + 1));
    }
    sort_rows(&mut rows);
    out.push_str(&tail(&rows, &report.summary, &report.notices));
    out
}

/// Sorts the score rows of [`tail`] worst first, as `mtlint score` does.
pub fn sort_rows(rows: &mut [(ScoreRow, usize)]) {
    rows.sort_by(|a, b| super::scores::worst_first(&a.0, &b.0).then(a.1.cmp(&b.1)));
}

/// The start of the page, before the first file.
pub fn head() -> String {
    page_head("mtlint report", "")
}

/// The start of a page titled `title` (escaped here), `nav` (markup) under
/// its heading.
fn page_head(title: &str, nav: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header><h1>{title}</h1>{nav}</header>\n\
         <div id=\"tip\" role=\"tooltip\" hidden></div>\n<main id=\"files\">\n",
        title = escape(title),
    )
}

/// The id of the `n`th file's section (1-based, in output order).
fn file_id(n: usize) -> String {
    format!("f{n}")
}

/// `safe` or `unsafe`.
fn applicability(a: Applicability) -> &'static str {
    match a {
        Applicability::Safe => "safe",
        Applicability::Unsafe => "unsafe",
    }
}

/// One file's section; `n` is its 1-based rank in the output, which names
/// its ids (`f3`, `f3-1` for its first finding).
pub fn file(file: &FileReport, n: usize) -> String {
    let id = file_id(n);
    let mut out = String::new();
    let count = file.findings.len();
    let _ = write!(
        out,
        "<section class=\"file\" id=\"{id}\" data-score=\"{:.1}\">\n<h2><a href=\"#{id}\" \
         dir=\"auto\">{}</a></h2>\n<p class=\"meta\">score {:.1} · {} · {} · {}</p>\n",
        file.score,
        esc_line(&file.path),
        file.score,
        escape(file.language.as_deref().unwrap_or("language unknown")),
        escape(&file.format),
        plural(count, "finding"),
    );
    if let Some(n) = file.notice() {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc_line(&n.message));
    }
    if count > 0 {
        out.push_str("<ol class=\"findings\">\n");
        for (k, f) in file.findings.iter().enumerate() {
            finding_item(&mut out, file, f, &id, k + 1);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("<div class=\"text\">\n");
    text(&mut out, file, &id);
    out.push_str("</div>\n</section>\n");
    out
}

/// One entry of a file's list of findings: a link to its mark, then what
/// the popup says, for print and for readers without the script.
fn finding_item(out: &mut String, file: &FileReport, f: &Finding, id: &str, k: usize) {
    let _ = write!(
        out,
        "<li id=\"{id}-{k}-d\" class=\"{sev}\" data-rule=\"{rule}\" data-severity=\"{sev}\">\
         <a href=\"#{id}-{k}\">{line}:{col}</a> <span class=\"sev\">{sev}</span>[<code>{rule}\
         </code>] {msg}: <q><bdi>{text}</bdi></q>",
        sev = f.severity,
        rule = escape(&f.rule),
        line = f.line,
        col = f.column,
        msg = esc_message(&f.message),
        text = esc_line(&f.text),
    );
    if let Some(fix) = &f.fix {
        let (before, after) = before_after(&file.source, f)
            .unwrap_or_else(|| (f.text.clone(), fix.replacement.clone()));
        let _ = write!(
            out,
            " <span class=\"fix\">fix ({}): <q><bdi>{}</bdi></q> → <q><bdi>{}</bdi></q></span>",
            applicability(fix.applicability),
            esc_line(&before),
            esc_line(&after),
        );
    }
    let _ = writeln!(
        out,
        " <span class=\"conf\">confidence {:.2}</span></li>",
        f.confidence
    );
}

/// The attributes of a finding's marks: what the popup shows.
fn mark_attrs(file: &FileReport, f: &Finding, id: &str, k: usize) -> String {
    let mut a = format!(
        " class=\"{sev}\" data-finding=\"{k}\" data-rule=\"{rule}\" data-severity=\"{sev}\" \
         data-message=\"{msg}\" data-confidence=\"{conf:.2}\" tabindex=\"0\" \
         aria-describedby=\"{id}-{k}-d\"",
        sev = f.severity,
        rule = escape(&f.rule),
        msg = esc_line(&f.message),
        conf = f.confidence,
    );
    if let Some(fix) = &f.fix {
        let (before, after) = before_after(&file.source, f)
            .unwrap_or_else(|| (f.text.clone(), fix.replacement.clone()));
        let _ = write!(
            a,
            " data-fix=\"{}\" data-before=\"{}\" data-after=\"{}\"",
            applicability(fix.applicability),
            esc_line(&before),
            esc_line(&after)
        );
    }
    a
}

/// Where paragraphs end: after each line break, as the bidi algorithm ends
/// a paragraph (UAX #9, BD7), so that each line takes its own direction.
/// The break stays in its line: the page keeps every byte of the file, and
/// a span over a break keeps its text.
fn paragraph_ends(s: &str) -> Vec<usize> {
    let mut ends: Vec<usize> = s.match_indices('\n').map(|(i, _)| i + 1).collect();
    if ends.last() != Some(&s.len()) || s.is_empty() {
        ends.push(s.len());
    }
    ends
}

/// The file's text, paragraph by paragraph, with a `<mark>` for each
/// finding. Marks nest when spans nest; a mark that crosses the end of
/// another mark or of a paragraph is closed there and continued after it
/// (the continuation has no id), so the marks of a finding hold its text.
fn text(out: &mut String, file: &FileReport, id: &str) {
    let src = file.source.as_str();
    // Findings the source can show, as (start, end, index), outer first.
    let mut spans: Vec<(usize, usize, usize)> = file
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.start <= f.end
                && f.end <= src.len()
                && src.is_char_boundary(f.start)
                && src.is_char_boundary(f.end)
        })
        .map(|(k, f)| (f.start, f.end, k))
        .collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut attrs: Vec<Option<String>> = vec![None; file.findings.len()];
    for s in &spans {
        attrs[s.2] = Some(mark_attrs(file, &file.findings[s.2], id, s.2 + 1));
    }
    let paras = paragraph_ends(src);
    // Every place where something opens or closes, in order.
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.0, s.1]).collect();
    cuts.extend(&paras);
    cuts.push(0);
    cuts.sort_unstable();
    cuts.dedup();

    let mut open: Vec<usize> = Vec::new(); // finding indices, outermost first
    let mut next = 0; // into `spans`
    let mut para = paras.iter().peekable();
    out.push_str("<p dir=\"auto\">");
    for w in 0..cuts.len() {
        let at = cuts[w];
        // Close what ends here; reopen, as continuations, what was inside.
        if let Some(pos) = open.iter().position(|&k| file.findings[k].end <= at) {
            let reopen: Vec<usize> = open[pos..]
                .iter()
                .copied()
                .filter(|&k| file.findings[k].end > at)
                .collect();
            for _ in pos..open.len() {
                out.push_str("</mark>");
            }
            open.truncate(pos);
            for k in reopen {
                continuation(out, &attrs, k);
                open.push(k);
            }
        }
        if para.peek() == Some(&&at) && at < src.len() {
            para.next();
            out.push_str(&"</mark>".repeat(open.len()));
            out.push_str("</p>\n<p dir=\"auto\">");
            for &k in &open {
                continuation(out, &attrs, k);
            }
        }
        while next < spans.len() && spans[next].0 == at {
            let k = spans[next].2;
            let _ = write!(out, "<mark id=\"{id}-{}\"", k + 1);
            out.push_str(attrs[k].as_deref().unwrap_or_default());
            out.push('>');
            if spans[next].1 == at {
                // An empty span (an insertion point) is a mark of no text.
                out.push_str("</mark>");
            } else {
                open.push(k);
            }
            next += 1;
        }
        if let Some(&end) = cuts.get(w + 1) {
            text_into(out, &src[at..end]);
        }
    }
    out.push_str(&"</mark>".repeat(open.len()));
    out.push_str("</p>\n");
}

/// Reopens finding `k`'s mark after a cut: the same data, no id.
fn continuation(out: &mut String, attrs: &[Option<String>], k: usize) {
    let a = attrs[k].as_deref().unwrap_or_default();
    // The first piece alone takes the focus and the description.
    let a = a
        .replace(" tabindex=\"0\"", "")
        .replacen(" class=\"", " class=\"cont ", 1);
    let _ = write!(out, "<mark{a}>");
}

/// `n word`, with an `s` unless `n` is 1.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The end of the page: the summary, the notices, the filters, the table
/// of files by score (`rows` sorted worst first, each with the rank of its
/// file in the output), and the script.
pub fn tail(rows: &[(ScoreRow, usize)], summary: &Summary, notices: &[Notice]) -> String {
    overview(rows, summary, notices, &|n| format!("#{}", file_id(n)), "")
}

/// [`tail`], each file linked at `link(rank)`, `nav` (markup) after the
/// table; no filters on a page without files.
fn overview(
    rows: &[(ScoreRow, usize)],
    summary: &Summary,
    notices: &[Notice],
    link: &dyn Fn(usize) -> String,
    nav: &str,
) -> String {
    let mut out = String::from("</main>\n<section id=\"overview\">\n");
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        escape(&summary_text(summary))
    );
    if let Some(fixable) = super::fixable_text(summary) {
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", escape(&fixable));
    }
    if !notices.is_empty() {
        out.push_str("<ul class=\"notices\">\n");
        for n in notices {
            let _ = writeln!(
                out,
                "<li class=\"{}\">{}</li>",
                n.level,
                esc_line(&n.to_string())
            );
        }
        out.push_str("</ul>\n");
    }
    if summary.findings > 0 && link(1).starts_with('#') {
        filters(&mut out, summary);
    }
    score_table(&mut out, rows, link);
    let _ = write!(
        out,
        "{nav}</section>\n<script>\n{JS}</script>\n</body>\n</html>\n"
    );
    out
}

/// Files a page of a paged report ([`Pages`]): a page that headless
/// Chromium loads in well under two seconds (docs/measurements.md).
pub const PAGE_FILES: usize = 200;

/// The report as an index page and pages of [`PAGE_FILES`] files, for a
/// scan too large for one page: `index.html` holds the summary and the
/// table of every file by score, each row linking to its file on its page
/// (`page-0001.html`, …); each page holds its files, its own filters and
/// scores, and links to the index and to the pages before and after. The
/// pages are handed out as they fill, so this too keeps only the score rows.
#[derive(Default)]
pub struct Pages {
    page: String,
    number: usize,
    files: usize,
    rows: Vec<(ScoreRow, usize)>,
    page_rows: Vec<(ScoreRow, usize)>,
    page_summary: Summary,
    summary: Summary,
}

impl Pages {
    /// No page yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The file name of page `n` (1-based).
    pub fn page_name(n: usize) -> String {
        format!("page-{n:04}.html")
    }

    /// Adds a file; gives back the page it completed, as (file name, page),
    /// when it starts a new one.
    pub fn file(&mut self, file: &FileReport) -> Option<(String, String)> {
        let done =
            (self.files > 0 && self.files.is_multiple_of(PAGE_FILES)).then(|| self.close(true));
        self.files += 1;
        let n = self.files;
        if self.page.is_empty() {
            self.number += 1;
            let title = format!("mtlint report, page {}", self.number);
            let mut nav = String::from("<nav><a href=\"index.html\">index</a>");
            if self.number > 1 {
                let _ = write!(
                    nav,
                    " · <a href=\"{}\">previous page</a>",
                    Self::page_name(self.number - 1)
                );
            }
            nav.push_str("</nav>");
            self.page = page_head(&title, &nav);
        }
        self.page.push_str(&self::file(file, n));
        let row = (ScoreRow::new(file), n);
        self.page_rows.push(row.clone());
        self.rows.push(row);
        self.page_summary.add(file);
        self.summary.add(file);
        done
    }

    /// Ends the current page, with a link to the next when `more`.
    fn close(&mut self, more: bool) -> (String, String) {
        let mut rows = std::mem::take(&mut self.page_rows);
        sort_rows(&mut rows);
        let nav = if more {
            format!(
                "<nav><a href=\"{}\">next page</a></nav>\n",
                Self::page_name(self.number + 1)
            )
        } else {
            String::new()
        };
        let summary = std::mem::take(&mut self.page_summary);
        let tail = overview(&rows, &summary, &[], &|n| format!("#{}", file_id(n)), &nav);
        let mut page = std::mem::take(&mut self.page);
        page.push_str(&tail);
        (Self::page_name(self.number), page)
    }

    /// The last page, if any, and the index (`index.html`), last, with the
    /// notices of the scan.
    pub fn finish(mut self, notices: &[Notice]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !self.page.is_empty() {
            out.push(self.close(false));
        }
        let mut rows = std::mem::take(&mut self.rows);
        sort_rows(&mut rows);
        let link = |n: usize| {
            format!(
                "{}#{}",
                Self::page_name((n - 1) / PAGE_FILES + 1),
                file_id(n)
            )
        };
        let pages = (1..=self.number)
            .map(|p| format!("<a href=\"{}\">{p}</a>", Self::page_name(p)))
            .collect::<Vec<_>>()
            .join(" ");
        let nav = format!("<nav>pages: {pages}</nav>");
        let mut index = page_head("mtlint report", &nav);
        index.push_str(&overview(&rows, &self.summary, notices, &link, ""));
        out.push(("index.html".into(), index));
        out
    }
}

/// A check box a severity and a rule; unchecking one hides its findings.
fn filters(out: &mut String, summary: &Summary) {
    out.push_str(
        "<form id=\"filters\" aria-label=\"filters\">\n<fieldset><legend>severity</legend>",
    );
    for sev in ["error", "warning", "info"] {
        let n = summary.by_severity.get(sev).copied().unwrap_or(0);
        if n > 0 {
            let _ = write!(
                out,
                "<label class=\"{sev}\"><input type=\"checkbox\" name=\"severity\" \
                 value=\"{sev}\" checked> {sev} ({n})</label> "
            );
        }
    }
    out.push_str("</fieldset>\n<fieldset><legend>rule</legend>");
    for (rule, n) in &summary.by_rule {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"rule\" value=\"{r}\" checked> \
             <code>{r}</code> ({n})</label> ",
            r = escape(rule)
        );
    }
    out.push_str("</fieldset>\n</form>\n");
}

/// The files by score, worst first, each linking to its section.
fn score_table(out: &mut String, rows: &[(ScoreRow, usize)], link: &dyn Fn(usize) -> String) {
    if rows.is_empty() {
        return;
    }
    out.push_str(
        "<table id=\"scores\">\n<caption>Files by score, worst first</caption>\n<thead><tr>\
         <th>score</th><th>sentences</th><th>errors</th><th>warnings</th><th>info</th>\
         <th>file</th><th>top rules</th></tr></thead>\n<tbody>\n",
    );
    for (r, n) in rows {
        let top: Vec<String> = r
            .top_rules(super::scores::TOP_RULES)
            .iter()
            .map(|(rule, c)| format!("{} {c}", escape(rule)))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{:.1}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a \
             href=\"{}\"{}>{}</a></td><td>{}</td></tr>",
            r.score,
            r.sentences,
            r.errors,
            r.warnings,
            r.info,
            link(*n),
            // Plain rows: the table of a large scan has a row a file, and
            // each element more costs a browser time (docs/measurements.md).
            if r.path.chars().any(is_rtl) {
                " dir=\"auto\""
            } else {
                ""
            },
            esc_line(&r.path),
            top.join(", ")
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        let mut s = String::new();
        text_into(&mut s, "a\u{202E}b<\n");
        assert_eq!(s, "a<span class=\"cc\">&lt;U+202E&gt;</span>b&lt;\n");
    }

    #[test]
    fn paragraphs_keep_every_byte() {
        assert_eq!(paragraph_ends("one\r\ntwo\n\nfour"), vec![5, 9, 10, 14]);
        assert_eq!(paragraph_ends("one\n"), vec![4]);
        assert_eq!(paragraph_ends(""), vec![0]);
    }

    #[test]
    fn marks_nest_and_continue_across_paragraphs() {
        let scanner = Scanner::default();
        let mut file = scanner.scan_file(
            "a.txt",
            "قال بوتين ، اليوم.الروس غادروا!!\n\nHello , world.\n",
        );
        assert!(!file.findings.is_empty());
        // A span over the paragraph break, overlapping the others.
        let mut wide = file.findings[0].clone();
        wide.start = 4;
        wide.end = file.source.find("Hello").unwrap() + 3;
        wide.text = file.source[wide.start..wide.end].to_string();
        file.findings.push(wide);
        let html = super::file(&file, 1);
        let opened = html.matches("<mark").count();
        assert_eq!(opened, html.matches("</mark>").count(), "{html}");
        assert!(opened > file.findings.len(), "continued marks: {html}");
        for k in 1..=file.findings.len() {
            assert_eq!(html.matches(&format!("id=\"f1-{k}\"")).count(), 1, "{html}");
        }
        assert_eq!(html.matches("<p dir=\"auto\">").count(), 3);
    }
}
