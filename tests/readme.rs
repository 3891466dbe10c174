//! The README documents every rule and the JSON contract; this keeps it from
//! drifting from the code.

#[test]
fn readme_lists_every_rule_with_its_severity() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
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
