//! Reading inputs: walking paths (honouring `.gitignore` and
//! `.mtlintignore`), decoding bytes into text, JSON Lines records, and the
//! one atomic writer that puts files back.

pub mod atomic;
pub mod decode;
pub mod records;
pub mod walk;
