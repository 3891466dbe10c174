//! The index of foreign names for Arabic (`language::translit::latin_names`),
//! built at compile time by `build.rs` with the crate's own transliteration
//! tables, so that the first joined word of a run does not pay for indexing
//! 105,000 names (two thirds of a one-sentence scan).

/// The bytes of `Names::to_bytes` for the index, as the build wrote them.
pub fn bytes() -> Option<&'static [u8]> {
    Some(include_bytes!(concat!(env!("OUT_DIR"), "/names_ar.bin")))
}
