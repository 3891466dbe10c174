//! `mtlint rules` and `mtlint explain`.

use mtlint::render;
use mtlint::rules::{self, RuleMeta};

use super::args::ListFormat;
use super::{print_out, unknown_rule, usage_error};

/// `mtlint rules`.
pub fn list(format: ListFormat) -> u8 {
    let metas: Vec<&RuleMeta> = rules::all_meta().collect();
    print_out(&match format {
        ListFormat::Text => render::rules::text(&metas),
        ListFormat::Json => render::rules::json(&metas),
        ListFormat::Markdown => render::rules::markdown(&metas),
    })
}

/// `mtlint explain RULE`, or `mtlint explain score` for the score's model.
pub fn explain(id: &str) -> u8 {
    if id == "score" {
        return print_out(&render::rules::explain_score());
    }
    match rules::find_meta(id) {
        Some(m) => print_out(&render::rules::explain(m)),
        None => usage_error(&unknown_rule(id)),
    }
}
