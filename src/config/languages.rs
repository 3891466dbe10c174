//! The languages `--lang` and `language` name: every language the language
//! identification knows (whatlang's table, with its English names), by its
//! ISO 639-1 code, its ISO 639-3 code or its English name, in any case.

use whatlang::Lang;

use crate::language::identify::normalize_code;

/// One language as it may be named: (ISO 639-1 code where one exists, else
/// 639-3; ISO 639-3 code; English name).
fn table() -> impl Iterator<Item = (String, &'static str, &'static str)> {
    Lang::all()
        .iter()
        .map(|l| (normalize_code(l.code()), l.code(), l.eng_name()))
}

/// The code mtlint reports for `name`: an ISO 639-1 or 639-3 code
/// (optionally with a region, `ar-EG`) or an English name (`arabic`), any
/// case; `None` for a language it does not know.
pub fn code_for(name: &str) -> Option<String> {
    let name = name.trim();
    let base = name.split(['-', '_']).next().unwrap_or_default();
    table()
        .find(|(two, three, english)| {
            base.eq_ignore_ascii_case(two)
                || base.eq_ignore_ascii_case(three)
                || name.eq_ignore_ascii_case(english)
        })
        .map(|(two, _, _)| two)
}

/// The languages known, `ar (Arabic), en (English), …`, sorted by code.
pub fn known() -> String {
    let mut all: Vec<String> = table()
        .map(|(two, _, english)| format!("{two} ({english})"))
        .collect();
    all.sort();
    all.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_english_names_in_any_case() {
        for name in ["ar", "AR", "ara", "Arabic", "ARABIC", "ar-EG", "ar_eg"] {
            assert_eq!(code_for(name).as_deref(), Some("ar"), "{name}");
        }
        for (name, code) in [
            ("english", "en"),
            ("eng", "en"),
            ("Russian", "ru"),
            ("fra", "fr"),
        ] {
            assert_eq!(code_for(name).as_deref(), Some(code), "{name}");
        }
        for name in ["xx", "", "klingon", "e", "arabicish"] {
            assert_eq!(code_for(name), None, "{name}");
        }
        let known = known();
        assert!(
            known.contains("ar (Arabic)") && known.contains("ru (Russian)"),
            "{known}"
        );
    }
}
