//! The scan of one text: segment, run the rules, turn their diagnostics
//! into findings, apply suppression comments, score.

pub mod scanner;
pub mod score;
pub mod suppress;

pub use scanner::Scanner;
