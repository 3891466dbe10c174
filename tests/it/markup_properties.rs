//! Property tests of the markup readers: on generated documents full of
//! errors inside and outside code, `--fix --unsafe-fixes` changes prose
//! only. What is not prose is found here independently of mtlint's
//! readers (with `pulldown-cmark`'s events, `html5gum`'s tokens and the PO
//! syntax), and must come out byte for byte, in the same structure.

use proptest::prelude::*;

use mtlint::fix::{self, Options};
use mtlint::Scanner;

/// Words and errors the rules fix: spaces before punctuation, sentences
/// glued at a full stop, repeated words, Latin commas in Arabic.
const PIECES: &[&str] = &[
    "قال الوزير",
    " ، ",
    "عليها.الروس",
    "the the",
    "word ,other",
    "Hello , world",
    "«نص»",
    "إن",
    "القوات القوات",
    "!!",
    " ;",
    "\"quoted\"",
    "a&b",
    "x < y",
    "done.Next",
    "كييف",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..8).prop_map(|v| v.join(" "))
}

fn code() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "foo(a ,b)",
                "print(\"hello\"+\"world\")",
                "<!-- mtlint: ignore-file -->",
                "x = 1 ;",
                "قال ، هنا",
                "the the",
                "a.b",
            ][..],
        ),
        1..4,
    )
    .prop_map(|v| v.join(" "))
}

/// One Markdown block, with inline markup inside prose.
fn md_block() -> impl Strategy<Value = String> {
    prop_oneof![
        sentence(),
        sentence().prop_map(|s| format!("# {s}")),
        (sentence(), sentence()).prop_map(|(a, b)| format!("- {a}\n- **{b}**")),
        (sentence(), code()).prop_map(|(a, c)| format!("{a} `{c}` {a}")),
        (sentence(), code()).prop_map(|(a, c)| format!("[{a}](https://x.org/{c}) {a}")),
        (sentence(), sentence())
            .prop_map(|(a, b)| format!("| {a} | {b} |\n|---|---|\n| {b} | {a} |")),
        code().prop_map(|c| format!("```\n{c}\n```")),
        code().prop_map(|c| format!("    {c}")),
        sentence().prop_map(|s| format!("> {s}")),
        (sentence(), code()).prop_map(|(a, c)| format!("{a} <span title=\"{c}\">{a}</span>")),
        sentence().prop_map(|s| format!("{s} &amp; {s}")),
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    (
        prop::option::of(code()),
        prop::collection::vec(md_block(), 1..8),
    )
        .prop_map(|(front, blocks)| {
            let mut s = String::new();
            if let Some(f) = front {
                s.push_str(&format!("---\ntitle: {f}\n---\n\n"));
            }
            s.push_str(&blocks.join("\n\n"));
            s.push('\n');
            s
        })
}

/// What Markdown shows as other than prose, in order: code, HTML, front
/// matter, link targets; and the shape of the document (its tags).
fn md_markup(text: &str) -> (Vec<String>, Vec<String>) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let mut markup = Vec::new();
    let mut shape = Vec::new();
    let mut in_code = false;
    for ev in Parser::new_ext(text, opts) {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if in_code => markup.push(format!("code:{t}")),
            Event::Text(t) if t.contains('\n') => {}
            Event::Code(c) => markup.push(format!("inline:{c}")),
            Event::Html(h) | Event::InlineHtml(h) => markup.push(format!("html:{h}")),
            Event::Start(Tag::Link { dest_url, .. }) => {
                markup.push(format!("link:{dest_url}"));
                shape.push("link".into());
            }
            Event::Start(Tag::MetadataBlock(_)) => shape.push("front".into()),
            Event::Start(t) => shape.push(format!("{t:?}").chars().take(12).collect()),
            Event::End(t) => shape.push(format!("/{t:?}")),
            _ => {}
        }
    }
    (markup, shape)
}

fn unsafe_fixes() -> Options {
    Options {
        unsafe_fixes: true,
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn markdown_fixes_change_prose_only(doc in markdown()) {
        let fixed = fix::fix_text(&Scanner::default(), "doc.md", &doc, &unsafe_fixes());
        prop_assert_eq!(md_markup(&doc), md_markup(&fixed.text), "{}\n---\n{}", doc, fixed.text);
        // Fixing again changes nothing: what one run leaves, it leaves.
        let again = fix::fix_text(&Scanner::default(), "doc.md", &fixed.text, &unsafe_fixes());
        prop_assert_eq!(&again.text, &fixed.text);
    }
}

#[test]
fn generated_markdown_has_errors_that_get_fixed() {
    // The property above is only worth something if fixes happen.
    let doc = "قال الوزير ، إن القوات عليها.الروس\n\n```\nfoo(a ,b)\n```\n";
    let fixed = fix::fix_text(&Scanner::default(), "doc.md", doc, &unsafe_fixes());
    assert_ne!(fixed.text, doc);
    assert_eq!(md_markup(doc), md_markup(&fixed.text));
    assert!(fixed.text.contains("foo(a ,b)"));
}

/// The byte ranges of code blocks, inline code, HTML and front matter, by
/// `pulldown-cmark`'s offsets.
fn md_code_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    Parser::new_ext(text, opts)
        .into_offset_iter()
        .filter(|(ev, _)| {
            matches!(
                ev,
                Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock)
                    | Event::Code(_)
                    | Event::InlineHtml(_)
                    | Event::Html(_)
            )
        })
        .map(|(_, r)| r)
        .collect()
}

/// The READMEs of the crates this repository builds with, from cargo's
/// registry (every machine that builds mtlint has them), sorted, one per
/// crate version.
fn registry_readmes(limit: usize) -> Vec<std::path::PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cargo")));
    let Some(src) = home.map(|h| h.join("registry").join("src")) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for index in std::fs::read_dir(src).into_iter().flatten().flatten() {
        for krate in std::fs::read_dir(index.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let readme = krate.path().join("README.md");
            if readme.is_file() {
                found.push(readme);
            }
        }
    }
    found.sort();
    found.truncate(limit);
    found
}

#[test]
fn real_readmes_keep_their_code_and_markup_when_fixed() {
    let readmes = registry_readmes(300);
    if readmes.len() < 10 {
        eprintln!("skipped: fewer than 10 READMEs in cargo's registry");
        return;
    }
    let scanner = Scanner::default();
    let mut changed = 0;
    for path in &readmes {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let name = path.display().to_string();
        let fixed = fix::fix_text(&scanner, &name, &text, &unsafe_fixes());
        changed += usize::from(fixed.text != text);
        assert_eq!(md_markup(&text), md_markup(&fixed.text), "{name}");
        // And nothing is reported inside code, HTML or front matter.
        let report = scanner.scan_file(&name, &text);
        let code = md_code_ranges(&text);
        for f in &report.findings {
            let inside = code.iter().any(|r| r.start <= f.start && f.end <= r.end);
            assert!(f.rule == "markup-error" || !inside, "{name}: {f:?}");
        }
    }
    assert!(
        changed > 0,
        "some of {} READMEs have prose to fix",
        readmes.len()
    );
}

/// A PO catalogue whose msgids hold the same errors as its msgstrs, some
/// entries fuzzy, some strings continued on a second line.
fn po() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), sentence(), any::<bool>(), any::<bool>()), 1..6).prop_map(
        |entries| {
            let mut s = String::from("msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n\n");
            for (i, (id, text, fuzzy, split)) in entries.into_iter().enumerate() {
                let esc = |t: &str| t.replace('\\', "\\\\").replace('"', "\\\"");
                if fuzzy {
                    s.push_str("#, fuzzy\n");
                }
                s.push_str(&format!("#: src/a.c:{i}\nmsgid \"{} {i}\"\n", esc(&id)));
                if split {
                    let cut = text
                        .char_indices()
                        .nth(text.chars().count() / 2)
                        .map_or(0, |(b, _)| b);
                    s.push_str(&format!(
                        "msgstr \"\"\n\"{}\"\n\"{}\"\n\n",
                        esc(&text[..cut]),
                        esc(&text[cut..])
                    ));
                } else {
                    s.push_str(&format!("msgstr \"{}\"\n\n", esc(&text)));
                }
            }
            s
        },
    )
}

/// What a PO file holds besides its translations: every line that is not
/// a `msgstr` string, in order.
fn po_markup(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_msgstr = false;
    for line in text.lines() {
        if line.starts_with("msgstr") {
            in_msgstr = true;
            out.push("msgstr");
        } else if line.starts_with('"') && in_msgstr {
            out.push("\"");
        } else {
            in_msgstr = false;
            out.push(line);
        }
    }
    out
}

/// SubRip cues with tags, errors in the text, and timings.
fn srt() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), sentence(), any::<bool>()), 1..6).prop_map(|cues| {
        let mut s = String::new();
        for (i, (a, b, italic)) in cues.into_iter().enumerate() {
            let a = if italic { format!("<i>{a}</i>") } else { a };
            s.push_str(&format!(
                "{}\n00:00:{:02},000 --> 00:00:{:02},500\n{a}\n{b}\n\n",
                i + 1,
                i,
                i + 1
            ));
        }
        s
    })
}

/// What a subtitle file holds besides its text: numbers, timings, tags.
fn srt_markup(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.contains("-->") || line.chars().all(|c| c.is_ascii_digit()) {
            out.push(line.to_string());
        }
        out.extend(line.match_indices("<i>").map(|(i, _)| format!("tag@{i}")));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn po_fixes_change_translations_only(doc in po()) {
        let fixed = fix::fix_text(&Scanner::default(), "ar.po", &doc, &unsafe_fixes());
        prop_assert_eq!(po_markup(&doc), po_markup(&fixed.text), "{}\n---\n{}", doc, fixed.text);
        // Still a catalogue mtlint reads whole.
        prop_assert!(!mtlint::extract::Prose::extract(mtlint::extract::Format::Po, &fixed.text).stopped());
    }

    #[test]
    fn subtitle_fixes_change_cue_text_only(doc in srt()) {
        let fixed = fix::fix_text(&Scanner::default(), "film.srt", &doc, &unsafe_fixes());
        let tags = |t: &str| t.matches("<i>").count() + t.matches("</i>").count();
        prop_assert_eq!(tags(&doc), tags(&fixed.text));
        let timings = |t: &str| srt_markup(t).into_iter().filter(|l| !l.starts_with("tag@")).collect::<Vec<_>>();
        prop_assert_eq!(timings(&doc), timings(&fixed.text), "{}\n---\n{}", doc, fixed.text);
    }
}

/// One piece of an HTML page: prose in inline and block elements, code and
/// scripts holding the same errors, attributes, entities.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        sentence().prop_map(|s| format!("<p>{}</p>", s.replace('&', "&amp;").replace('<', "&lt;"))),
        (sentence(), sentence()).prop_map(|(a, b)| format!("<li><b>{a}</b> {b}</li>")
            .replace(" & ", " &amp; ")
            .replace(" < ", " &lt; ")),
        code().prop_map(|c| format!("<pre>{}</pre>", c.replace('<', "&lt;"))),
        code().prop_map(|c| format!("<script>var s = '{c}';</script>")),
        code().prop_map(|c| format!("<style>/* {c} */</style>")),
        (sentence(), code()).prop_map(|(a, c)| format!(
            "<p>{a} <code>{}</code> {a}</p>",
            c.replace('<', "&lt;")
        )
        .replace(" & ", " &amp; ")),
        (sentence(), code()).prop_map(|(a, c)| format!(
            "<img src=\"{}.png\" alt=\"{}\">",
            c.replace('"', "'"),
            a.replace('"', "&quot;").replace('&', "&amp;")
        )),
        sentence().prop_map(|s| format!("<!-- {} -->", s.replace("--", "- -"))),
    ]
}

fn html_page() -> impl Strategy<Value = String> {
    prop::collection::vec(html_piece(), 1..8).prop_map(|v| {
        format!(
            "<!DOCTYPE html>\n<html lang=\"ar\"><body>\n{}\n</body></html>\n",
            v.join("\n")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn html_fixes_change_text_only(doc in html_page()) {
        use mtlint_eval::measure::markup::html;
        // `alt` and `title` are prose: their values may be fixed.
        let prose_attrs = regex::Regex::new(r#"\b(alt|title)="[^"]*""#).unwrap();
        let items = |t: &str| -> Vec<String> {
            html(t)
                .items
                .into_iter()
                .map(|(k, v)| format!("{k:?} {}", prose_attrs.replace_all(&v, "$1=…")))
                .collect()
        };
        let fixed = fix::fix_text(&Scanner::default(), "page.html", &doc, &unsafe_fixes());
        prop_assert_eq!(items(&doc), items(&fixed.text), "{}\n---\n{}", doc, fixed.text);
    }
}

#[test]
fn html_alt_text_is_fixed_in_place() {
    let page = "<p>قال الوزير إن القوات <img src=\"a ,b.png\" alt=\"صورة ، هنا\"> وصلت.</p>\n";
    let fixed = fix::fix_text(&Scanner::default(), "p.html", page, &Options::default());
    assert_eq!(
        fixed.text,
        "<p>قال الوزير إن القوات <img src=\"a ,b.png\" alt=\"صورة، هنا\"> وصلت.</p>\n"
    );
}

/// An XLIFF 1.2 file whose sources hold the same errors as its targets,
/// with inline elements and entities in both.
fn xliff() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), sentence(), any::<bool>()), 1..6).prop_map(|units| {
        let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\">\n\
             <file source-language=\"en\" target-language=\"ar\" datatype=\"plaintext\" original=\"a\"><body>\n",
        );
        for (i, (src, tgt, inline)) in units.into_iter().enumerate() {
            let tgt = if inline {
                format!("<g id=\"1\">{}</g> {}", esc(&tgt), esc(&src))
            } else {
                esc(&tgt)
            };
            s.push_str(&format!(
                "<trans-unit id=\"u{i}\"><source>{}</source><target state=\"translated\">{tgt}</target></trans-unit>\n",
                esc(&src)
            ));
        }
        s.push_str("</body></file></xliff>\n");
        s
    })
}

/// What an XLIFF file holds besides its targets' text: every tag with its
/// attributes, and the sources, in order.
fn xliff_markup(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut reader = quick_xml::Reader::from_str(text);
    let mut in_source = false;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                in_source = e.name().as_ref() == "source";
                out.push(format!("<{:?}", e));
            }
            Ok(quick_xml::events::Event::End(e)) => {
                in_source = false;
                out.push(format!("</{:?}", e.name()));
            }
            Ok(quick_xml::events::Event::Text(t)) if in_source => {
                out.push(format!("source:{:?}", t));
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Err(e) => {
                out.push(format!("error:{e}"));
                break;
            }
            _ => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn xliff_fixes_change_targets_only(doc in xliff()) {
        let fixed = fix::fix_text(&Scanner::default(), "app.xlf", &doc, &unsafe_fixes());
        prop_assert_eq!(xliff_markup(&doc), xliff_markup(&fixed.text), "{}\n---\n{}", doc, fixed.text);
    }
}
