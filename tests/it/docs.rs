//! Keeps the documentation true to the code: the configuration reference
//! names every key the parser accepts, the JSON contract names its keys,
//! the rules reference names every rule, every relative link points to a
//! file that exists, and the README stays a short page for newcomers.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// README.md and every Markdown page of docs/, as (path relative to the
/// repository root, text).
fn pages() -> Vec<(PathBuf, String)> {
    let mut pages = vec![(PathBuf::from("README.md"), read("README.md"))];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    for p in docs {
        let rel = p.strip_prefix(root()).unwrap().to_path_buf();
        let text = std::fs::read_to_string(&p).unwrap();
        pages.push((rel, text));
    }
    pages
}

/// The targets of the Markdown links `[text](target)` of a page, outside
/// code blocks.
fn link_targets(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            rest = &rest[i + 2..];
            let Some(end) = rest.find(')') else { break };
            targets.push(rest[..end].trim().to_string());
            rest = &rest[end + 1..];
        }
    }
    targets
}

#[test]
fn configuration_reference_documents_every_key() {
    let page = read("docs/configuration.md");
    let section = page
        .split("\n## Configuration")
        .nth(1)
        .expect("docs/configuration.md has a `## Configuration` section");
    // Every key the parser accepts (`per-file` is written as its table).
    let keys =
        mtlint::config::TOP_KEYS
            .iter()
            .map(|&k| if k == "per-file" { "[[per-file]]" } else { k });
    let others = [
        "--config",
        "--isolated",
        "--no-ignore",
        "mtlint config --show",
        "<!-- mtlint: ignore",
        "<!-- mtlint: disable",
        "<!-- mtlint: enable",
        "<!-- mtlint: ignore-file -->",
    ];
    for key in keys.chain(others) {
        assert!(
            section.contains(&format!("`{key}")),
            "docs/configuration.md's Configuration section lacks `{key}`"
        );
    }
}

#[test]
fn formats_page_documents_the_json_keys() {
    let page = read("docs/formats.md");
    for key in [
        "\"version\"",
        "\"files\"",
        "\"sentences\"",
        "\"findings\"",
        "\"summary\"",
        "\"by_rule\"",
    ] {
        assert!(
            page.contains(key),
            "docs/formats.md lacks {key} in its JSON format"
        );
    }
}

#[test]
fn rules_reference_is_generated_from_the_rules() {
    // docs/rules.md is what `mtlint rules --format markdown` prints: every
    // rule's summary and documentation, from the rules' own metadata.
    let page = read("docs/rules.md");
    let metas: Vec<_> = mtlint::rules::all_meta().collect();
    let expected = mtlint::render::rules::markdown(&metas);
    if page != expected {
        let at = page
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| page.lines().count().min(expected.lines().count()));
        panic!(
            "docs/rules.md differs from the rules' metadata from line {}; regenerate it with \
             `cargo run -- rules --format markdown > docs/rules.md`",
            at + 1
        );
    }
}

#[test]
fn relative_links_point_to_existing_files() {
    let mut broken = Vec::new();
    for (page, text) in pages() {
        let dir = page.parent().unwrap_or(Path::new(""));
        for target in link_targets(&text) {
            // Only links into the repository: no URLs, no anchors of the same page.
            if target.is_empty() || target.starts_with('#') || target.contains("://") {
                continue;
            }
            if target.starts_with("mailto:") {
                continue;
            }
            let file = target.split('#').next().unwrap();
            if !root().join(dir).join(file).exists() {
                broken.push(format!("{}: ({target})", page.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to missing files:\n{}",
        broken.join("\n")
    );
}

#[test]
fn readme_links_the_reference_pages() {
    let readme = read("README.md");
    for page in [
        "docs/cli.md",
        "docs/rules.md",
        "docs/configuration.md",
        "docs/formats.md",
        "docs/language.md",
        "docs/library.md",
        "docs/python.md",
        "docs/measurements.md",
        "docs/architecture.md",
    ] {
        assert!(
            readme.contains(&format!("]({page})")),
            "README.md does not link {page}"
        );
    }
}

#[test]
fn readme_is_short_and_free_of_history() {
    let readme = read("README.md");
    let lines = readme.lines().count();
    assert!(lines <= 200, "README.md has {lines} lines; at most 200");
    assert!(
        !readme.contains("OWNER"),
        "README.md has an OWNER placeholder"
    );
    let lower = readme.to_lowercase();
    for (i, _) in lower.match_indices("issue ") {
        let after: String = lower[i..].chars().take(12).collect();
        assert!(
            !after["issue ".len()..].starts_with(|c: char| c.is_ascii_digit()),
            "README.md refers to an issue number: {after:?}"
        );
    }
    // `.ci/run` runs "the README's test command".
    assert!(
        readme.contains("cargo test"),
        "README.md does not give the test command"
    );
}

/// The lines of section `[name]` of `Cargo.toml`, without comments.
fn cargo_section(name: &str) -> Vec<String> {
    let manifest = read("Cargo.toml");
    let header = format!("[{name}]");
    manifest
        .lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .map(|l| l.split('#').next().unwrap_or_default().replace(' ', ""))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_release_binary_is_stripped_and_profiling_keeps_debug_information() {
    let release = cargo_section("profile.release");
    assert!(
        release.contains(&"strip=true".to_string()) && release.contains(&"debug=false".to_string()),
        "{release:?}"
    );
    let profiling = cargo_section("profile.profiling");
    for want in ["inherits=\"release\"", "debug=true", "strip=false"] {
        assert!(profiling.contains(&want.to_string()), "{profiling:?}");
    }
    assert!(read("docs/measurements.md").contains("--profile profiling"));
}
