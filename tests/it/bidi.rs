//! The text formats as a viewer that applies the Unicode bidi algorithm
//! shows them (a log in a browser, an editor, a bidi terminal): each line
//! through `fribidi`, which lays it out in display order. In a left-to-right
//! line, `"before" → "after"` must show the before text on the left of the
//! arrow and the after text on its right, each quoted text shown as it
//! reads on its own.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// `lines` in display order, as fribidi lays out each in a paragraph of
/// `base` direction (`--ltr`, or `--wltr`: from the first strong letter).
fn display(fribidi: &Path, base: &str, lines: &[String]) -> Vec<String> {
    let mut child = Command::new(fribidi)
        .args([base, "--nopad", "--nobreak", "--clean"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = lines.join("\n");
    input.push('\n');
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let shown: Vec<String> = text.lines().map(str::to_string).collect();
    assert_eq!(shown.len(), lines.len(), "{text}");
    shown
}

/// The quoted pieces of a line, isolates taken off: `"x" → "y"` gives x and
/// y; `= text: "x"` gives x.
fn quoted(line: &str) -> Vec<String> {
    let strip = |s: &str| {
        s.trim_start_matches('\u{2068}')
            .trim_end_matches('\u{2069}')
            .to_string()
    };
    if let Some((left, right)) = line.rsplit_once("\" → \"") {
        let before = left.rsplit_once('"').map_or(left, |(_, b)| b);
        let after = right.strip_suffix('"').unwrap_or(right);
        let after = after.split_once("\" (").map_or(after, |(a, _)| a);
        return vec![strip(before), strip(after)];
    }
    match line.split_once("= text: \"") {
        Some((_, rest)) => vec![strip(rest.strip_suffix('"').unwrap_or(rest))],
        None => vec![],
    }
}

/// The lines of `output` that quote right-to-left text, and how many of them
/// a viewer shows out of order.
fn misordered(fribidi: &Path, output: &str) -> (usize, Vec<String>) {
    let lines: Vec<String> = output
        .lines()
        .filter(|l| {
            let q = quoted(l);
            !q.is_empty()
                && q.iter().any(|p| p.chars().any(mtlint::render::is_rtl))
                && !q.iter().any(|p| p.contains('"'))
        })
        .map(str::to_string)
        .collect();
    let shown = display(fribidi, "--ltr", &lines);
    let mut wrong = Vec::new();
    for (line, shown) in lines.iter().zip(&shown) {
        let pieces = display(fribidi, "--wltr", &quoted(line));
        let want = match pieces.as_slice() {
            [before, after] => format!("\"{before}\" → \"{after}\""),
            [text] => format!("= text: \"{text}\""),
            _ => unreachable!(),
        };
        if !shown.contains(&want) {
            wrong.push(format!("{line}\n  shown: {shown}\n  want:  {want}"));
        }
    }
    (lines.len(), wrong)
}

fn check(format: &str, extra: &[&str]) -> String {
    let out = crate::support::mtlint()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "seeds", "--format", format])
        .args(extra)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn text_then_fix_read_in_order_in_a_bidi_viewer() {
    let Some(fribidi) = crate::support::program("fribidi", "libfribidi-bin") else {
        return;
    };
    for format in ["concise", "full"] {
        let (checked, wrong) = misordered(&fribidi, &check(format, &[]));
        assert!(checked > 50, "{format}: {checked} lines checked");
        assert!(wrong.is_empty(), "{format}:\n{}", wrong.join("\n"));
        // Without isolates the same lines read after → before: the check
        // can tell.
        let (_, wrong) = misordered(&fribidi, &check(format, &["--no-bidi-isolates"]));
        assert!(wrong.len() > 10, "{format}: {} out of order", wrong.len());
    }
}
