//! Indexes of the embedded data built at compile time, so that start-up
//! does not build them: the frequent words of each lexicon
//! (`data/lexicons/<code>.fst`), which `language::lexicon` keeps in a hash
//! map in front of the fst. Finding them means reading the whole fst, which
//! took 25 ms of a 35 ms scan of a one-sentence file.
//!
//! Each `$OUT_DIR/hot_<code>.bin` holds the words at or above [`HOT_MIN`],
//! in the fst's order: a little-endian `u16` length, the word's UTF-8 bytes,
//! its value as one byte.
//!
//! And the index of the foreign names of `data/names/latin.fst` for Arabic
//! (`$OUT_DIR/names_ar.bin`, see `language::names_index`), built by the
//! crate's own transliteration tables compiled into this script: building
//! it took two thirds of a one-sentence scan that met a joined word.

use std::{env, fs, path::Path};

use fst::{Map, Streamer};

// The transliteration tables, compiled into the build script to index the
// names (only what `translit` needs of the crate: `arabic`, one function of
// `text::normalize`, and an empty `names_index`), at the paths it uses.
#[allow(dead_code)]
#[path = "src/language/arabic.rs"]
mod arabic_src;
#[allow(dead_code)]
#[path = "src/text/normalize.rs"]
mod normalize_src;
#[allow(dead_code)]
#[path = "src/language/translit.rs"]
mod translit_src;
mod language {
    pub(crate) use super::arabic_src as arabic;
    pub(crate) use super::translit_src as translit;
    /// Nothing is precomputed yet: this script computes it.
    pub mod names_index {
        pub fn bytes() -> Option<&'static [u8]> {
            None
        }
    }
}
mod text {
    pub(crate) use super::normalize_src as normalize;
}

/// Words at or above this value (Zipf 4.5, a few thousand words a
/// language) go in the hash map.
const HOT_MIN: u64 = 45;

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new("data/lexicons");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("data/lexicons is part of the crate")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    names_index(Path::new(&out));
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // `<code>.fst`, not the loose and far-tail maps.
        let Some(code) = name.strip_suffix(".fst").filter(|c| !c.contains('.')) else {
            continue;
        };
        println!("cargo:rerun-if-changed={}", path.display());
        let map = Map::new(fs::read(&path).expect("readable lexicon"))
            .unwrap_or_else(|e| panic!("{}: not an fst map: {e}", path.display()));
        let mut hot = Vec::new();
        let mut stream = map.stream();
        while let Some((k, v)) = stream.next() {
            if v >= HOT_MIN && std::str::from_utf8(k).is_ok() {
                let len = u16::try_from(k.len()).expect("a word under 64 KB");
                hot.extend_from_slice(&len.to_le_bytes());
                hot.extend_from_slice(k);
                hot.push(u8::try_from(v.min(255)).expect("clamped"));
            }
        }
        fs::write(Path::new(&out).join(format!("hot_{code}.bin")), hot)
            .expect("OUT_DIR is writable");
    }
}

/// Writes `names_ar.bin`: the index of the names of `data/names/latin.fst`
/// for Arabic, as `Names::to_bytes` gives it.
fn names_index(out: &Path) {
    println!("cargo:rerun-if-changed=data/names/latin.fst");
    println!("cargo:rerun-if-changed=src/language/translit.rs");
    println!("cargo:rerun-if-changed=src/language/arabic.rs");
    println!("cargo:rerun-if-changed=src/text/normalize.rs");
    let bytes = language::translit::latin_names_index().to_bytes();
    fs::write(out.join("names_ar.bin"), bytes).expect("OUT_DIR is writable");
}
