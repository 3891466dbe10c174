//! The fuzz targets of mtlint (`cargo +nightly fuzz run TARGET`); their
//! checks are in [`checks`], shared with the regression tests.

pub mod checks;
