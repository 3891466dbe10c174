#!/usr/bin/env python3
"""Builds data/alphabets/alphabets.tsv from CLDR exemplar characters.

Source: the npm package `cldr-misc-full` (CLDR JSON, Unicode License v3),
files `main/<locale>/characters.json`, fields `exemplarCharacters` (the main
alphabet) and `auxiliary` (letters of loanwords and names).

    cd /tmp && npm pack cldr-misc-full@48.2.0 && tar xzf cldr-misc-full-48.2.0.tgz
    python3 scripts/build_alphabets.py /tmp/package > data/alphabets/alphabets.tsv

Output, one language a line, in priority order within each script (the order
in which the `foreign-letters` rule names the languages a letter belongs to):
`code  script  name  whatlang  main  auxiliary`, letters concatenated, lowercase,
letters only (no combining marks, no format characters, no punctuation).
`whatlang` is 1 for the languages the whatlang detector knows.
"""

import json
import os
import sys
import unicodedata

# (CLDR locale, code written to the table, ISO 15924 script, English name, known to whatlang)
# Within a script: whatlang's languages first, then languages that only name letters.
LANGUAGES = [
    # Arabic script
    ("ar", "ar", "Arab", "Arabic", 1),
    ("fa", "fa", "Arab", "Persian", 1),
    ("ur", "ur", "Arab", "Urdu", 1),
    ("ps", "ps", "Arab", "Pashto", 0),
    ("ckb", "ckb", "Arab", "Kurdish", 0),
    ("sd", "sd", "Arab", "Sindhi", 0),
    ("ug", "ug", "Arab", "Uyghur", 0),
    ("pa-Arab", "pnb", "Arab", "Punjabi", 0),
    ("ks", "ks", "Arab", "Kashmiri", 0),
    # Cyrillic
    ("ru", "ru", "Cyrl", "Russian", 1),
    ("uk", "uk", "Cyrl", "Ukrainian", 1),
    ("be", "be", "Cyrl", "Belarusian", 1),
    ("bg", "bg", "Cyrl", "Bulgarian", 1),
    ("sr", "sr", "Cyrl", "Serbian", 1),
    ("mk", "mk", "Cyrl", "Macedonian", 1),
    ("mn", "mn", "Cyrl", "Mongolian", 0),
    ("kk", "kk", "Cyrl", "Kazakh", 0),
    ("ky", "ky", "Cyrl", "Kyrgyz", 0),
    ("tt", "tt", "Cyrl", "Tatar", 0),
    ("ba", "ba", "Cyrl", "Bashkir", 0),
    ("tg", "tg", "Cyrl", "Tajik", 0),
    ("uz-Cyrl", "uz-Cyrl", "Cyrl", "Uzbek", 0),
    ("az-Cyrl", "az-Cyrl", "Cyrl", "Azerbaijani", 0),
    ("sah", "sah", "Cyrl", "Yakut", 0),
    ("cv", "cv", "Cyrl", "Chuvash", 0),
    ("os", "os", "Cyrl", "Ossetian", 0),
    ("ce", "ce", "Cyrl", "Chechen", 0),
    ("ab", "ab", "Cyrl", "Abkhaz", 0),
    # Latin: whatlang's Latin-script languages
    ("en", "en", "Latn", "English", 1),
    ("es", "es", "Latn", "Spanish", 1),
    ("pt", "pt", "Latn", "Portuguese", 1),
    ("fr", "fr", "Latn", "French", 1),
    ("de", "de", "Latn", "German", 1),
    ("it", "it", "Latn", "Italian", 1),
    ("pl", "pl", "Latn", "Polish", 1),
    ("tr", "tr", "Latn", "Turkish", 1),
    ("nl", "nl", "Latn", "Dutch", 1),
    ("ro", "ro", "Latn", "Romanian", 1),
    ("cs", "cs", "Latn", "Czech", 1),
    ("sk", "sk", "Latn", "Slovak", 1),
    ("hu", "hu", "Latn", "Hungarian", 1),
    ("sv", "sv", "Latn", "Swedish", 1),
    ("da", "da", "Latn", "Danish", 1),
    ("nb", "nb", "Latn", "Norwegian", 1),
    ("fi", "fi", "Latn", "Finnish", 1),
    ("et", "et", "Latn", "Estonian", 1),
    ("lv", "lv", "Latn", "Latvian", 1),
    ("lt", "lt", "Latn", "Lithuanian", 1),
    ("sl", "sl", "Latn", "Slovenian", 1),
    ("hr", "hr", "Latn", "Croatian", 1),
    ("ca", "ca", "Latn", "Catalan", 1),
    ("vi", "vi", "Latn", "Vietnamese", 1),
    ("id", "id", "Latn", "Indonesian", 1),
    ("jv", "jv", "Latn", "Javanese", 1),
    ("fil", "tl", "Latn", "Tagalog", 1),
    ("az", "az", "Latn", "Azerbaijani", 1),
    ("uz", "uz", "Latn", "Uzbek", 1),
    ("tk", "tk", "Latn", "Turkmen", 1),
    ("af", "af", "Latn", "Afrikaans", 1),
    ("eo", "eo", "Latn", "Esperanto", 1),
    ("ak", "ak", "Latn", "Akan", 1),
    ("zu", "zu", "Latn", "Zulu", 1),
    ("sn", "sn", "Latn", "Shona", 1),
]


def parse_set(s):
    """The code points of a CLDR UnicodeSet such as `[a b {ch} á-ä \\u200C]`,
    sequences `{..}` split into their code points."""
    s = s.strip()
    assert s.startswith("[") and s.endswith("]"), s
    s = s[1:-1]
    out = []
    i = 0
    prev = None
    while i < len(s):
        c = s[i]
        if c == "\\":
            nxt = s[i + 1]
            if nxt == "u":
                c = chr(int(s[i + 2 : i + 6], 16))
                i += 6
            else:
                c = nxt
                i += 2
        elif c == "{":
            j = s.index("}", i)
            out.extend(s[i + 1 : j])
            i = j + 1
            prev = None
            continue
        elif c == "-" and prev is not None and i + 1 < len(s):
            hi = s[i + 1]
            out.extend(chr(k) for k in range(ord(prev) + 1, ord(hi) + 1))
            i += 2
            prev = None
            continue
        elif c == " ":
            i += 1
            continue
        else:
            i += 1
        out.append(c)
        prev = c
    return out


def letters(chars):
    """Lowercase letters only, deduplicated, in code point order."""
    keep = set()
    for c in chars:
        if not unicodedata.category(c).startswith("L"):
            continue
        low = c.lower()
        keep.add(low if len(low) == 1 else c)
    return "".join(sorted(keep))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "package"
    version = json.load(open(os.path.join(root, "package.json")))["version"]
    print(f"# Generated by scripts/build_alphabets.py from cldr-misc-full {version} (Unicode License v3).")
    print("# code\tscript\tname\twhatlang\tmain\tauxiliary")
    for locale, code, script, name, whatlang in LANGUAGES:
        path = os.path.join(root, "main", locale, "characters.json")
        with open(path, encoding="utf-8") as f:
            chars = json.load(f)["main"][locale]["characters"]
        main_set = letters(parse_set(chars["exemplarCharacters"]))
        aux = letters(parse_set(chars.get("auxiliary", "[]")))
        aux = "".join(c for c in aux if c not in main_set)
        print(f"{code}\t{script}\t{name}\t{whatlang}\t{main_set}\t{aux}")


if __name__ == "__main__":
    main()
