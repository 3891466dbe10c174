#![no_main]
//! The `jsonl` target: see `mtlint_fuzz::checks::run`.

libfuzzer_sys::fuzz_target!(
    init: mtlint_fuzz::checks::warm_up(),
    |data: &[u8]| mtlint_fuzz::checks::run("jsonl", data)
);
