//! One measurement per rule that has one, on `../shared/data`, and of the
//! markup readers on this machine's files ([`markup`]): shared by the tests
//! that bound them and by the programs that print them.

pub mod encodings;
pub mod escapes;
pub mod foreign_letters;
pub mod furniture;
pub mod gibberish;
pub mod informal;
pub mod joined;
pub mod loops;
pub mod markup;
pub mod mojibake;
pub mod native;
pub mod score;
pub mod variants;
