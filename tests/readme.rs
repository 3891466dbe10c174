//! The README documents every rule and the JSON contract; this keeps it from
//! drifting from the code.

#[test]
fn readme_lists_every_rule_with_its_severity() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    // Text rules and stage rules (`unused-suppression`) alike.
    for m in mtlint::rules::all_meta() {
        let row = format!("| `{}` | {} |", m.id, m.severity);
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
    for key in [
        "\"version\"",
        "\"files\"",
        "\"sentences\"",
        "\"findings\"",
        "\"summary\"",
        "\"by_rule\"",
    ] {
        assert!(
            readme.contains(key),
            "README.md lacks {key} in the JSON section"
        );
    }
}

#[test]
fn readme_documents_every_configuration_key() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("\n## Configuration")
        .nth(1)
        .expect("README.md has a Configuration section");
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
            "README.md's Configuration section lacks `{key}`"
        );
    }
}
