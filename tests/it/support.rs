//! What the tests share.

use assert_cmd::Command;

/// The `mtlint` binary, with the colour variables of the environment
/// removed so that outputs do not depend on the terminal the tests run in.
pub fn mtlint() -> Command {
    let mut c = Command::cargo_bin("mtlint").unwrap();
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    c
}

/// The evaluation corpora in `../shared/data` (see
/// `mtlint_eval::corpus::data_dir`), for the tests that measure on them.
///
/// When they are absent: in CI (`CI` set, as `.ci/run` does) the test
/// fails, so that a CI without its data cannot pass by measuring nothing;
/// elsewhere the test passes without measuring and says so with a
/// `SKIPPED` line written straight to standard error, which the test
/// harness does not capture, so that it shows in `cargo test`'s output
/// (a test cannot mark itself ignored at run time).
pub fn shared_data() -> Option<std::path::PathBuf> {
    use std::io::Write;
    let found = mtlint_eval::corpus::data_dir();
    if found.is_none() {
        let test = std::thread::current()
            .name()
            .unwrap_or("a test")
            .to_string();
        let ci = std::env::var("CI").ok();
        assert!(
            !in_ci(ci.as_deref()),
            "{test}: ../shared/data is absent, and CI (CI={ci:?}) must measure on it"
        );
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: ../shared/data is absent (set MTLINT_DATA or put the corpora there)"
        );
    }
    found
}

/// Whether the `CI` variable says the tests run in CI (`true`, `1`…; not
/// empty, `false` or `0`).
fn in_ci(ci: Option<&str>) -> bool {
    ci.is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

#[test]
fn shared_data_is_required_in_ci_only() {
    assert!(in_ci(Some("true")) && in_ci(Some("1")));
    assert!(!in_ci(None) && !in_ci(Some("")) && !in_ci(Some("false")) && !in_ci(Some("0")));
}

/// One test for each language of `../shared/data` (`arabic`, `english`,
/// `french`, `russian`), each calling `$check` with the language's code.
#[macro_export]
macro_rules! per_language {
    ($check:ident) => {
        #[test]
        fn arabic() {
            $check("ar");
        }

        #[test]
        fn english() {
            $check("en");
        }

        #[test]
        fn french() {
            $check("fr");
        }

        #[test]
        fn russian() {
            $check("ru");
        }
    };
}
