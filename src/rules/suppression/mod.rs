//! The rules about mtlint's own suppression comments.

mod unused_suppression;
pub use unused_suppression::UnusedSuppression;
