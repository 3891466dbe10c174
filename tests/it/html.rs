//! `--format html`: untrusted text stays text in the page's DOM, a snapshot
//! of one seed's page, and the page as headless Chromium renders it
//! (paragraph directions, one mark a finding holding the flagged text).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command as Process;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use mtlint::render::is_invisible_or_control;
use mtlint::Report;

fn mtlint() -> assert_cmd::Command {
    let mut c = crate::support::mtlint();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// What the tests read of a page, as a WHATWG tokenizer reads it (the
/// script and style contents as raw text, as a browser does).
#[derive(Default, Debug)]
struct Page {
    /// Every start tag, with its attributes.
    tags: Vec<(String, BTreeMap<String, String>)>,
    /// The tokenizer's parse errors.
    errors: Vec<String>,
    /// The text of the page's body outside scripts and styles.
    text: String,
    /// Each paragraph of a file's text: (file rank, `data-direction`, text).
    paragraphs: Vec<(usize, Option<String>, String)>,
    /// The text of each finding's marks, pieces joined: (file rank, finding
    /// rank) → text.
    marks: BTreeMap<(usize, usize), String>,
    /// The cells of each table row.
    rows: Vec<Vec<String>>,
}

fn parse(html: &str) -> Page {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut page = Page::default();
    let mut file = 0;
    let mut open_marks: Vec<(usize, usize)> = Vec::new();
    let mut in_text = false;
    let mut raw = false;
    let s = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        match token.unwrap() {
            Token::StartTag(t) => {
                let name = s(&t.name);
                let attrs: BTreeMap<String, String> = t
                    .attributes
                    .iter()
                    .map(|(k, v)| (s(k), s(&v.value)))
                    .collect();
                let id = attrs.get("id").cloned().unwrap_or_default();
                match name.as_str() {
                    "section" if id.starts_with('f') => file = id[1..].parse().unwrap(),
                    "div" if attrs.get("class").is_some_and(|c| c == "text") => in_text = true,
                    "p" if in_text => page.paragraphs.push((
                        file,
                        attrs.get("data-direction").cloned(),
                        String::new(),
                    )),
                    "mark" => {
                        let k = attrs["data-finding"].parse().unwrap();
                        page.marks.entry((file, k)).or_default();
                        open_marks.push((file, k));
                    }
                    "script" | "style" => raw = true,
                    "tr" => page.rows.push(Vec::new()),
                    "td" => {
                        if let Some(r) = page.rows.last_mut() {
                            r.push(String::new());
                        }
                    }
                    _ => {}
                }
                page.tags.push((name, attrs));
            }
            Token::EndTag(t) => match s(&t.name).as_str() {
                "mark" => {
                    open_marks.pop();
                }
                "div" => in_text = false,
                "section" => file = 0,
                "tr" => page.rows.push(Vec::new()),
                "script" | "style" => raw = false,
                _ => {}
            },
            Token::String(text) => {
                let text = s(&text.value);
                if raw {
                    continue;
                }
                page.text.push_str(&text);
                if let Some(cell) = page.rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&text);
                }
                for m in &open_marks {
                    page.marks.get_mut(m).unwrap().push_str(&text);
                }
                if in_text {
                    if let Some(p) = page.paragraphs.last_mut() {
                        p.2.push_str(&text);
                    }
                }
            }
            Token::Error(e) => page.errors.push(format!("{e:?}")),
            Token::Comment(_) | Token::Doctype(_) => {}
        }
    }
    page
}

/// A finding's text as the page shows it: invisible and control characters
/// as `<U+XXXX>`, line breaks as an HTML parser normalises them.
fn shown(text: &str) -> String {
    let mut out = String::new();
    for c in text.replace("\r\n", "\n").replace('\r', "\n").chars() {
        if c != '\n' && is_invisible_or_control(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The page's marks hold every finding of `report`, each its flagged text.
fn assert_marks(page: &Page, report: &Report) {
    for (n, file) in report.files.iter().enumerate() {
        for (k, f) in file.findings.iter().enumerate() {
            let got = page.marks.get(&(n + 1, k + 1));
            assert_eq!(
                got.map(String::as_str),
                Some(shown(&f.text).as_str()),
                "{}: finding {} ({}) at {}:{}",
                file.path,
                k + 1,
                f.rule,
                f.line,
                f.column
            );
        }
    }
    let findings: usize = report.files.iter().map(|f| f.findings.len()).sum();
    assert_eq!(page.marks.len(), findings, "one mark a finding");
}

const HOSTILE_TEXT: &str =
    "Le titre <script>alert(1)</script> , puis \"><img src=x onerror=alert(2)> , \
     et \u{202E}txt.exe\u{202C} , </p></div><!-- <b onclick=alert(3)>&amp;&#0;]]> ,  fin.\n\n\
     قال بوتين ، <svg onload=alert(4)> اليوم.الروس\n";
const HOSTILE_NAME: &str = "x\"><img src=y onerror=alert(5)><script>alert(6)<\u{202E}.txt";

#[test]
fn untrusted_text_and_paths_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("<script>alert(7)<");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join(HOSTILE_NAME), HOSTILE_TEXT).unwrap();
    let run = |format: &str| {
        let out = mtlint()
            .current_dir(dir.path())
            .args(["check", ".", "--isolated", "--format", format])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let html = run("html");
    let report: Report = serde_json::from_str(&run("json")).unwrap();
    assert!(
        report.files[0].findings.len() >= 4,
        "the hostile text has findings: {report:?}"
    );
    let page = parse(&html);
    assert_eq!(page.errors, Vec::<String>::new(), "the page is valid HTML");
    let names: Vec<&str> = page.tags.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names.iter().filter(|n| **n == "script").count(),
        1,
        "ours only"
    );
    for tag in ["img", "svg", "b"] {
        assert!(!names.contains(&tag), "<{tag}> from the input: {names:?}");
    }
    for (name, attrs) in &page.tags {
        for (k, v) in attrs {
            assert!(!k.starts_with("on"), "<{name} {k}={v}>");
            assert!(!v.contains('\u{202E}'), "a bidi control in <{name} {k}>");
        }
    }
    // What the input said is there, as text, its bidi controls shown.
    for piece in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "<U+202E>txt.exe<U+202C>",
        "</p></div><!-- <b onclick=alert(3)>&amp;&#0;]]>",
        "<script>alert(7)<",
        "x\"><img src=y onerror=alert(5)><script>alert(6)<<U+202E>.txt",
    ] {
        assert!(page.text.contains(piece), "{piece} not in the text");
    }
    assert!(!page.text.contains('\u{202E}'), "no live bidi control");
    assert_marks(&page, &report);
}

#[test]
fn html_of_a_seed() {
    let out = mtlint()
        .args([
            "check",
            "seeds/003_99122e89d40735f6.txt",
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(parse(&html).errors.is_empty());
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("format@html", html);
    });
}

/// `mtlint check seeds --format html`.
fn seeds_page() -> String {
    let out = mtlint()
        .args(["check", "seeds", "--format", "html"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_score_table_is_that_of_mtlint_score() {
    let html = seeds_page();
    let table =
        String::from_utf8(mtlint().args(["score", "seeds"]).output().unwrap().stdout).unwrap();
    // Rows of the table: score, then the path, worst first.
    let want: Vec<(String, String)> = table
        .lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols.len() > 5 && cols[5].starts_with("seeds/"))
                .then(|| (cols[0].to_string(), cols[5].to_string()))
        })
        .collect();
    assert_eq!(want.len(), 5, "{table}");
    let got: Vec<(String, String)> = parse(&html)
        .rows
        .iter()
        .filter(|r| r.len() == 7)
        .map(|r| (r[0].clone(), r[5].clone()))
        .collect();
    assert_eq!(got, want);
}

/// Renders `page` (a file) in headless Chromium and returns the DOM after
/// the page's script ran, with each paragraph's computed direction.
fn chromium_dom(chromium: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}?directions", page.display());
    let out = Process::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn chromium_shows_each_finding_on_its_words_and_arabic_right_to_left() {
    let Some(chromium) = crate::support::program("chromium", "chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let english = dir.path().join("en.txt");
    fs::write(
        &english,
        "He said  hello , to them.\n\nقال بوتين ، اليوم.\n",
    )
    .unwrap();
    let page = dir.path().join("report.html");
    let args = |format: &str| {
        vec![
            "check".to_string(),
            format!("{root}/seeds"),
            english.display().to_string(),
            "--format".into(),
            format.into(),
        ]
    };
    mtlint()
        .args(args("html"))
        .arg("-o")
        .arg(&page)
        .assert()
        .code(1);
    let json = mtlint().args(args("json")).output().unwrap().stdout;
    let report: Report = serde_json::from_slice(&json).unwrap();
    let dom = parse(&chromium_dom(&chromium, &page));
    assert_marks(&dom, &report);
    let mut directions = BTreeMap::new();
    for (file, direction, text) in &dom.paragraphs {
        let first = text.chars().find(|c| c.is_alphabetic());
        let Some(first) = first else { continue };
        let want = if mtlint::render::is_rtl(first) {
            "rtl"
        } else {
            "ltr"
        };
        assert_eq!(
            direction.as_deref(),
            Some(want),
            "file {file}: paragraph {text:?}"
        );
        *directions.entry(want).or_insert(0) += 1;
    }
    assert!(
        directions["rtl"] >= 5 && directions["ltr"] >= 1,
        "{directions:?}"
    );
}

#[test]
fn a_folder_gets_an_index_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report");
    fs::create_dir(&target).unwrap();
    let out = mtlint()
        .args(["check", "seeds", "--format", "html", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let mut names: Vec<String> = fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["index.html", "page-0001.html"]);
    let index = fs::read_to_string(target.join("index.html")).unwrap();
    let page = fs::read_to_string(target.join("page-0001.html")).unwrap();
    let index_dom = parse(&index);
    assert!(index_dom.errors.is_empty() && parse(&page).errors.is_empty());
    // Every row of the index opens its file on the page.
    let links: Vec<&String> = index_dom
        .tags
        .iter()
        .filter_map(|(n, a)| (n == "a").then(|| a.get("href")).flatten())
        .filter(|h| h.contains('#'))
        .collect();
    assert_eq!(links.len(), 5, "{links:?}");
    for l in links {
        let id = l.strip_prefix("page-0001.html#").unwrap();
        assert!(
            page.contains(&format!("<section class=\"file\" id=\"{id}\"")),
            "{l}"
        );
    }
    // The single page of the same scan holds the same sections.
    let single = seeds_page();
    let sections = |h: &str| h.matches("<section class=\"file\"").count();
    assert_eq!(sections(&single), sections(&page));
}
