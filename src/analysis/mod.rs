//! Analyses of a document that several rules share, computed once per
//! document (see [`crate::text::Document::shared`]). A rule never imports
//! another rule: what two rules need alike lives here.

pub mod foreign_runs;
pub mod glued;
pub mod loops;
pub mod quote_marks;
