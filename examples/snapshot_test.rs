//! How a Rust project keeps its translated texts free of garble in its own
//! tests: an insta snapshot of mtlint's report on an article, and of the
//! article with the flagged spans marked. Run with
//! `cargo test --example snapshot_test`; the snapshots are in
//! `examples/snapshots/`.

fn main() {
    println!("run `cargo test --example snapshot_test`");
}

#[cfg(test)]
mod tests {
    use mtlint::{Config, Scanner};

    /// A machine-translated paragraph with two of the artifacts mtlint
    /// exists for: a space before the Arabic comma, and two sentences glued
    /// at a full stop.
    const ARTICLE: &str =
        "قال الرئيس بوتين ، إن القوات استعادت السيطرة عليها.الروس غادروا المدينة أمس.\n";

    #[test]
    fn report_and_marked_text() {
        let scanner = Scanner::new(Config::default().language("ar")).expect("known rule ids");
        let report = scanner.scan("article.txt", ARTICLE);
        // Sorted, rounded, no absolute paths, no timings: the same text
        // always gives the same snapshot.
        insta::assert_yaml_snapshot!("report", report);
        insta::assert_snapshot!("marked", report.marked());
    }
}
