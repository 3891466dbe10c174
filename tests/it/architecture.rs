//! The layout keeps its promises: each folder of `src/` imports only the
//! folders below it in the data flow (so there is no import cycle), rules
//! never import other rules nor print or read files, the engine never names
//! a rule, and `main.rs` stays a thin layer.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The library's folders, lowest first: each may import only those before it.
const LAYERS: &[&str] = &[
    "report", "text", "language", "read", "extract", "analysis", "rules", "config", "check", "fix",
    "batch", "render",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments and its test modules, which
/// may reach anywhere.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.trim() == "#[cfg(test)]" {
            break;
        }
        if !line.trim_start().starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The top-level modules `code` names through `crate::`, including those
/// of a grouped import (`use crate::{a, b::c}`).
fn crate_refs(code: &str) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                refs.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            refs.insert(name);
        }
    }
    refs
}

fn layer_of(path: &Path) -> Option<&'static str> {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?;
    LAYERS.iter().copied().find(|l| *l == first)
}

#[test]
fn every_folder_imports_only_the_folders_below_it() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut wrong = Vec::new();
    for path in &all {
        let Some(layer) = layer_of(path) else {
            continue;
        };
        let rank = LAYERS.iter().position(|l| *l == layer).unwrap();
        for r in crate_refs(&code(path)) {
            if let Some(other) = LAYERS.iter().position(|l| *l == r) {
                if other > rank {
                    wrong.push(format!("{} imports {r}", path.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up a layer:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_top_level_module_is_a_layer() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    declared.sort_unstable();
    let mut layers = LAYERS.to_vec();
    layers.sort_unstable();
    assert_eq!(
        declared, layers,
        "lib.rs declares the layers and nothing else"
    );
}

#[test]
fn rules_never_import_other_rules_print_or_read_files() {
    let rules = src().join("rules");
    let families: Vec<String> = std::fs::read_dir(&rules)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(families.len() >= 8, "{families:?}");
    let mut all = Vec::new();
    files(&rules, &mut all);
    let mut wrong = Vec::new();
    let mut rule_files = 0;
    for path in &all {
        let code = code(path);
        for banned in [
            "println!",
            "print!(",
            "eprintln!",
            "std::fs",
            "File::open",
            "stdin()",
            "clap",
        ] {
            if code.contains(banned) {
                wrong.push(format!("{}: {banned}", path.display()));
            }
        }
        let Some(family) = path
            .parent()
            .filter(|p| *p != rules)
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().into_owned())
        else {
            continue;
        };
        if path.file_name().unwrap() == "mod.rs" {
            continue;
        }
        rule_files += 1;
        // A rule file names its rule: `rules/…/untranslated_term.rs` holds
        // `untranslated-term`.
        let id = path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .replace('_', "-");
        assert!(
            code.contains(&format!("id: \"{id}\"")),
            "{} does not hold the rule `{id}`",
            path.display()
        );
        for other in &families {
            if code.contains(&format!("crate::rules::{other}")) {
                wrong.push(format!("{} imports the rules of {other}", path.display()));
            }
        }
        let siblings = std::fs::read_dir(path.parent().unwrap()).unwrap();
        for s in siblings {
            let stem = s
                .unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if stem != "mod" && code.contains(&format!("super::{stem}")) {
                wrong.push(format!("{} imports {family}/{stem}", path.display()));
            }
        }
    }
    assert_eq!(
        rule_files,
        mtlint::rules::all_meta().count(),
        "one file per rule"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_engine_never_names_a_rule() {
    let mut all = Vec::new();
    for dir in [
        "check", "fix", "batch", "config", "read", "report", "render", "analysis", "extract",
    ] {
        files(&src().join(dir), &mut all);
    }
    let mut wrong = Vec::new();
    for path in &all {
        let code = code(path);
        for m in mtlint::rules::all_meta() {
            if code.contains(&format!("\"{}\"", m.id)) {
                wrong.push(format!("{} names `{}`", path.display(), m.id));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn main_is_a_thin_layer() {
    let main = std::fs::read_to_string(src().join("main.rs")).unwrap();
    let lines = main.lines().count();
    assert!(lines <= 150, "main.rs has {lines} lines");
}
