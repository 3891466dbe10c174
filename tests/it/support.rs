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
