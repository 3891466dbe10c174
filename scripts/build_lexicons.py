#!/usr/bin/env python3
"""Builds the word-frequency lexicons of `src/lexicon.rs` (`joined-words`).

Source: the word frequency lists of the `wordfreq` package, pinned
(`pip install wordfreq==3.1.1`); its data is CC BY-SA 4.0 (see
data/lexicons/README.md and LICENSE). The maps are written with `ducer`
(`pip install ducer==1.2.0`), Python bindings of the Rust `fst` crate that
write its format (version 3, read by `fst` 0.4).

For each language it reads `wordfreq.get_frequency_dict(lang)` and writes:

  data/lexicons/<lang>.fst        word -> round(10 * Zipf frequency)
  data/lexicons/<lang>.loose.fst  (Arabic script only) loose key -> the
                                  highest value of the words with that key
  data/lexicons/<lang>.tail.fst   (Arabic only) the far tail, words from
                                  TAIL_MIN_ZIPF up to MIN_ZIPF, same filters
                                  and values: evidence that a rare string is
                                  a word (a name), never a known word
  data/lexicons/arabic_presentation.tsv
                                  Arabic presentation forms -> base letters
                                  (their NFKC decomposition), for lookups

Zipf frequency is log10(occurrences per billion words): 7 for `the`, 3 for
a word seen once per million words. Deterministic: the same package
versions give the same bytes.

Filters, in order (each says why):
  1. Normalise as the Rust side does (`lexicon::normalize`): NFC, lowercase,
     Arabic presentation forms to base letters (NFKC of those characters
     only), combining marks (harakat) and tatweel removed, `’` to `'`.
     Lookups use the same key, so they must agree.
  2. Keep words made only of letters of the language's script, with at most
     inner apostrophes (`aujourd'hui`, `don't`): digits, hyphens, emoji and
     other scripts are other rules' business and would only bloat the map.
  3. Drop words below MIN_ZIPF: the rare tail is mostly typos, names seen
     once and joined-word junk, and it triples the size.
  4. Arabic script: drop a word with `ة` before its last letter. `ة` only
     ends a word, so such a "word" is two words that lost their space
     (`كرةالقدم`, `الولاياتالمتحدة`); keeping them would make the rule take
     the very errors it looks for for words.
  5. Drop words longer than MAX_LEN letters: in these lists they are
     concatenations (URLs without dots, hashtags), not words.
When two source words normalise to one key, the key keeps the higher
frequency.
"""

import math
import os
import sys
import unicodedata
from importlib.metadata import version

import ducer
import wordfreq

# Other versions have other lists: the committed maps come from these.
for pkg, want in [("wordfreq", "3.1.1"), ("ducer", "1.2.0")]:
    if version(pkg) != want:
        sys.exit(f"{pkg} {want} is required, found {version(pkg)}")

LANGUAGES = {
    "ar": "ARABIC",
    "fa": "ARABIC",
    "ur": "ARABIC",
    "en": "LATIN",
    "fr": "LATIN",
    "de": "LATIN",
    "es": "LATIN",
    "ru": "CYRILLIC",
}
# About once in 30 million words for Arabic, the first language, whose
# clitics multiply the forms of a word; once in 10 million for the others,
# which keeps the maps near 1 MB each (the fa and ur lists stop at 3).
MIN_ZIPF = {"ar": 1.5}
MIN_ZIPF_DEFAULT = 2.0
# The far tail of Arabic, kept apart: `joined-words` asks it whether an
# unknown token is written often enough as one word to be a name or a rare
# word rather than a typo of two (see `far_tail` in `src/lexicon.rs`).
# Below 1.0 wordfreq has no words.
TAIL_MIN_ZIPF = {"ar": 1.0}
MAX_LEN = 24
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "lexicons")


def is_presentation(ch):
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def presentation_table():
    """Every Arabic presentation form whose NFKC form is Arabic letters."""
    rows = []
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(cp)
        if not unicodedata.name(ch, "").startswith("ARABIC"):
            continue
        base = unicodedata.normalize("NFKC", ch)
        base = "".join(c for c in base if unicodedata.category(c) != "Zs")
        if base and base != ch and all(unicodedata.name(c, "").startswith("ARABIC") for c in base):
            rows.append((ch, base))
    return rows


def normalize(word):
    """Filter 1; mirrors `lexicon::normalize` in Rust."""
    word = "".join(unicodedata.normalize("NFKC", c) if is_presentation(c) else c for c in word)
    word = unicodedata.normalize("NFC", word).lower().replace("\u2019", "'")
    return "".join(c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640")


def fold(word):
    """The loose key of `normalize::fold` in Rust, on a normalised word."""
    table = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"}
    return "".join(table.get(c, c) for c in word)


def keep(word, script):
    """Filters 2, 4 and 5."""
    if not word or len(word) > MAX_LEN:
        return False
    for i, ch in enumerate(word):
        if ch == "'":
            if i == 0 or i == len(word) - 1:
                return False
            continue
        if not ch.isalpha() or not unicodedata.name(ch, "").startswith(script):
            return False
    if script == "ARABIC" and "ة" in word[:-1]:
        return False
    return True


def build(lang, script):
    words = {}
    tail = {}
    low = MIN_ZIPF.get(lang, MIN_ZIPF_DEFAULT)
    for word, freq in wordfreq.get_frequency_dict(lang).items():
        zipf = math.log10(freq) + 9
        into = words if zipf >= low else tail
        if zipf < TAIL_MIN_ZIPF.get(lang, low):
            continue  # filter 3; the dict is sorted by frequency, but be explicit
        w = normalize(word)
        if not keep(w, script):
            continue
        value = max(0, min(255, round(zipf * 10)))
        into[w] = max(into.get(w, 0), value)
    items = sorted((w.encode("utf-8"), v) for w, v in words.items())
    path = os.path.join(OUT, f"{lang}.fst")
    ducer.Map.build(path, items)
    sizes = [f"{len(items)} words, {os.path.getsize(path)} bytes"]
    if script == "ARABIC":
        loose = {}
        for w, v in words.items():
            k = fold(w)
            loose[k] = max(loose.get(k, 0), v)
        path = os.path.join(OUT, f"{lang}.loose.fst")
        ducer.Map.build(path, sorted((k.encode("utf-8"), v) for k, v in loose.items()))
        sizes.append(f"loose {len(loose)} keys, {os.path.getsize(path)} bytes")
    tail = {w: v for w, v in tail.items() if w not in words}
    if tail:
        path = os.path.join(OUT, f"{lang}.tail.fst")
        ducer.Map.build(path, sorted((w.encode("utf-8"), v) for w, v in tail.items()))
        sizes.append(f"tail {len(tail)} words, {os.path.getsize(path)} bytes")
    print(lang, "; ".join(sizes))


def main():
    os.makedirs(OUT, exist_ok=True)
    langs = sys.argv[1:] or list(LANGUAGES)
    with open(os.path.join(OUT, "arabic_presentation.tsv"), "w", encoding="utf-8") as f:
        for ch, base in presentation_table():
            f.write(f"{ch}\t{base}\n")
    for lang in langs:
        build(lang, LANGUAGES[lang])


if __name__ == "__main__":
    main()
