//! Prints the findings of files, one line each, for developing rules:
//! `cargo run --example scan -- FILE... [--rule ID] [--lang CODE]`.

use mtlint::{Config, Scanner};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let rule = value("--rule");
    let language = value("--lang");
    let mut config = Config::default().select(rule);
    if let Some(l) = language {
        config = config.language(l);
    }
    let scanner = Scanner::new(config).expect("known rule ids");
    let mut skip = false;
    for a in &args {
        if skip || a.starts_with("--") {
            skip = a.starts_with("--");
            continue;
        }
        let text = std::fs::read_to_string(a).expect("readable UTF-8 file");
        let r = scanner.scan_file(a, &text);
        println!(
            "== {a}: language {:?}, score {}, {} sentences",
            r.language,
            r.score,
            r.sentences.len()
        );
        for f in &r.findings {
            let fix = f
                .fix
                .as_ref()
                .map(|x| format!(" fix({:?}): «{}»", x.applicability, x.replacement))
                .unwrap_or_default();
            println!(
                "{}:{}:{} {} {} «{}» {} (conf {}){}",
                a, f.line, f.column, f.severity, f.rule, f.text, f.message, f.confidence, fix
            );
        }
    }
}
