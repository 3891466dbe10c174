//! The provenance and licenses of the data embedded in mtlint: every
//! `data/*` folder's README (sources, versions, build script, license) and
//! the license texts they name. `mtlint licenses` prints them, so that a
//! binary carries the notices its data's licenses ask for (the BSD-style
//! license of the Russian dictionary, CC BY-SA 4.0 attribution for the
//! `wordfreq` data, the MPL's pointer to the source form).

/// Each embedded data folder and its README, in the order printed.
pub const DATA: &[(&str, &str)] = &[
    (
        "data/lexicons",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicons/README.md"
        )),
    ),
    (
        "data/dictionary",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/dictionary/README.md"
        )),
    ),
    (
        "data/names",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/names/README.md")),
    ),
    (
        "data/ngrams",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/ngrams/README.md"
        )),
    ),
    (
        "data/junctions",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/junctions/README.md"
        )),
    ),
    (
        "data/alphabets",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/alphabets/README.md"
        )),
    ),
    (
        "data/boilerplate",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/boilerplate/README.md"
        )),
    ),
    (
        "data/codepages",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/codepages/README.md"
        )),
    ),
    (
        "data/html_entities",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/html_entities/README.md"
        )),
    ),
];

/// The license texts the READMEs name, each once: the same CC BY-SA 4.0
/// text sits beside the lexicons, the n-gram models and the junction models.
pub const LICENSES: &[(&str, &str)] = &[
    (
        "Creative Commons Attribution-ShareAlike 4.0 (data/lexicons, data/ngrams, data/junctions)",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicons/LICENSE"
        )),
    ),
    (
        "Mozilla Public License 2.0 (data/dictionary: French and Spanish)",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/dictionary/LICENSE.MPL-2.0"
        )),
    ),
    (
        "Unicode License v3 (data/alphabets)",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/alphabets/LICENSE-UNICODE.txt"
        )),
    ),
];

/// Everything [`DATA`] and [`LICENSES`] hold, as one text.
pub fn text() -> String {
    let mut out = String::from(
        "mtlint embeds the data below in its binary. Each part names its\n\
         sources, their versions and licenses, and the script that builds it;\n\
         the license texts follow.\n",
    );
    for (folder, readme) in DATA {
        out.push_str(&format!("\n==== {folder} ====\n\n{}\n", readme.trim_end()));
    }
    for (name, license) in LICENSES {
        out.push_str(&format!(
            "\n==== License: {name} ====\n\n{}\n",
            license.trim_end()
        ));
    }
    out
}
