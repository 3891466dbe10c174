//! The inputs that once made a fuzz target fail, kept in
//! `tests/fuzz_regressions/<target>/` and checked here as the target
//! checks them (`fuzz/src/checks.rs`), so that `cargo test` on stable keeps
//! them fixed without libFuzzer. A new crash goes into the folder of its
//! target, minimised with `cargo fuzz tmin`.

use std::fs;
use std::path::Path;

use crate::fuzz_checks;

#[test]
fn every_fuzz_regression_input_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut checked = 0;
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            fuzz_checks::TARGETS.contains(&target.as_str()),
            "{dir:?} is no fuzz target's folder"
        );
        let mut inputs: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        inputs.sort();
        for input in inputs {
            let data = fs::read(&input).unwrap();
            eprintln!("{target}: {}", input.display());
            fuzz_checks::run(&target, &data);
            checked += 1;
        }
    }
    assert!(checked > 0, "no input in {root:?}");
}

/// A few inputs of each target's seed corpus (`fuzz/corpus/<target>/`) go
/// through the same checks: the targets' checks themselves are tested on
/// stable, with the texts they start from.
#[test]
fn the_fuzz_checks_pass_on_the_seed_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    fuzz_checks::warm_up();
    for target in fuzz_checks::TARGETS {
        let dir = root.join(target);
        let mut inputs: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
            .map(|e| e.unwrap().path())
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "{dir:?} is empty");
        // The small ones: a debug build scans a seed in a second.
        for input in inputs
            .iter()
            .filter(|p| fs::metadata(p).unwrap().len() < 3000)
            .take(4)
        {
            fuzz_checks::run(target, &fs::read(input).unwrap());
        }
    }
}
