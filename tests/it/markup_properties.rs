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
        prop::sample::select(&[
            "foo(a ,b)",
            "print(\"hello\"+\"world\")",
            "<!-- mtlint: ignore-file -->",
            "x = 1 ;",
            "قال ، هنا",
            "the the",
            "a.b",
        ][..]),
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
        (sentence(), sentence()).prop_map(|(a, b)| format!("| {a} | {b} |\n|---|---|\n| {b} | {a} |")),
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
