//! What the tests share.

use assert_cmd::Command;

/// The `mtlint` binary, with the colour and width variables of the
/// environment removed so that outputs do not depend on the terminal the
/// tests run in.
pub fn mtlint() -> Command {
    let mut c = Command::cargo_bin("mtlint").unwrap();
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("COLUMNS");
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
    let found = mtlint_eval::corpus::data_dir();
    if found.is_none() {
        missing(
            "../shared/data is absent",
            "set MTLINT_DATA or put the corpora there",
        );
    }
    found
}

/// Fails the current test in CI, or says on standard error that it is
/// skipped, because `what` (with `hint`, how to get it).
fn missing(what: &str, hint: &str) {
    use std::io::Write;
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let ci = std::env::var("CI").ok();
    assert!(
        !in_ci(ci.as_deref()),
        "{test}: {what}, and CI (CI={ci:?}) must not skip it ({hint})"
    );
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {what} ({hint})");
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

/// A program of Debian's that a test drives (`chromium`, `fribidi`): its
/// path on `PATH`, or `None` when it is not installed. As for
/// [`shared_data`], its absence fails the test in CI (`.ci/run` installs
/// it) and skips it elsewhere with a `SKIPPED` line on standard error.
pub fn program(name: &str, package: &str) -> Option<std::path::PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        missing(
            &format!("{name} is not installed"),
            &format!("apt-get install {package}"),
        );
    }
    found
}
