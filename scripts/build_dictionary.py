#!/usr/bin/env python3
"""Builds the spelling-dictionary words of `src/lexicon.rs` (`joined-words`).

The frequency lexicons (`build_lexicons.py`) stop at Zipf 2: rarer words
are missing (`validator`, `accessor`, `insecurely`, `megrim`), and
`joined-words` would cut them into the words they happen to contain
(`valid at or`, `me grim`). A spell checker's dictionary knows them. Only
the dictionary words that such a cut could hit are kept: words that the
lexicon lacks and that can be cut whole into words of the lexicon.

Source, pinned to Debian's packages (the sha256 of each file):
  * English: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson) as
    `wamerican-large` and `wbritish-large` 2020.12.07-2 ship it
    (`/usr/share/dict/american-english-large`, `british-english-large`);
    a permissive notice (see data/dictionary/README.md). The large lists
    (SCOWL size 60, what spell checkers use) and not the huge or insane
    ones, which hold archaic spellings that are joins in today's text:
    `touse`, `itas`, `anend` in huge, `agreat`, `toher` in insane.
Install them (`apt-get install wamerican-large wbritish-large`) or pass
the folder holding the files as `--dict DIR` (one made with `apt-get
download` and `dpkg-deb -x`). Other languages have none yet: Debian's
French list (`wfrench`) is GPL, which an MIT or Apache binary cannot embed,
and its Spanish list (`wspanish` 1.0.30, public domain) holds archaic
forms that are joins of frequent words in today's text (`delado`,
`enjulio`, `connombre`, `escinco`: 145 joins of a function word and a
word of Zipf 5 or more).

Each set is written with `ducer` (`pip install ducer==1.2.0`), Python
bindings of the Rust `fst` crate that write its format:

  data/dictionary/<lang>.fst    each word, normalised as the lexicons are

Filters, in order (each says why):
  1. Lowercase entries only: capitalised ones are names, which
     `joined-words` already skips inside a sentence.
  2. Letters only: a possessive (`dog's`) or a hyphen is no single token.
  3. Normalised as the lexicons are (NFC, lowercase).
  4. Not in the language's frequency lexicon (`data/lexicons/<lang>.fst`):
     the rule already knows those words and their frequency.
  5. Can be cut as `joined-words` cuts Latin script: into two or more
     pieces, one of them a function word of the lexicon (Zipf 6 or more),
     the others words of the lexicon frequent enough for their length or
     any piece of four letters or more (the document may hold it alone).
     No other word can be taken for a join, so keeping it would only grow
     the file.
Deterministic: the same inputs give the same bytes.
"""

import argparse
import hashlib
import os
import sys
import unicodedata
from importlib.metadata import version

import ducer

if version("ducer") != "1.2.0":
    sys.exit(f"ducer 1.2.0 is required, found {version('ducer')}")

# The files of the Debian packages named above: other versions hold other
# words, and the committed sets come from these.
SOURCES = {
    "en": {
        "american-english-large": "7722e490a1575058326569c778fcb8e93b3cf866452c0f54bfd1c22817ad5a90",
        "british-english-large": "02f04d6521570c597c9a23f9c661d298892b325ae052e9c500eb85bcc35da6b5",
    },
}
# What `joined-words` takes for a piece in Latin script (Zipf × 10, see
# `piece` in src/rules/joined_words.rs): two letters from 55, three from
# 45, more from 35; and a cut must hold a function word, from 60.
PIECE_MIN = {2: 55, 3: 45}
LONG_PIECE_MIN = 35
FUNCTION_WORD = 60
ROOT = os.path.join(os.path.dirname(__file__), "..", "data")


def normalize(word):
    """Filter 3, as `lexicon::normalize` does for Latin letters."""
    return unicodedata.normalize("NFC", word).lower()


def words(folder, lang):
    out = set()
    for f, sha in SOURCES[lang].items():
        path = os.path.join(folder, f)
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: apt-get install the package, or --dict DIR")
        with open(path, "rb") as data:
            raw = data.read()
        if hashlib.sha256(raw).hexdigest() != sha:
            sys.exit(f"{path} is not the file of the pinned Debian package")
        for w in raw.decode("utf-8").split("\n"):
            w = w.strip()
            # Filters 1 and 2.
            if w and w.isalpha() and w == w.lower():
                out.add(normalize(w))
    return out


def cuttable(word, lexicon):
    """Filter 5: `word` is two or more pieces end to end, one of them a
    function word, the others words of the lexicon or pieces of four
    letters or more (which the document may hold alone)."""
    n = len(word)
    # reach[j]: (word[:j] is cut, with a function word among its pieces)
    reach = [set() for _ in range(n + 1)]
    reach[0].add(False)
    for j in range(2, n + 1):
        for i in range(j - 1):
            if not reach[i] or (i == 0 and j == n):
                continue
            value = lexicon.get(word[i:j].encode("utf-8")) or 0
            length = j - i
            if value < PIECE_MIN.get(length, LONG_PIECE_MIN) and length < 4:
                continue
            for has in reach[i]:
                reach[j].add(has or value >= FUNCTION_WORD)
    return True in reach[n]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", default="/usr/share/dict", help="folder with the word lists")
    ap.add_argument("langs", nargs="*", default=sorted(SOURCES))
    args = ap.parse_args()
    os.makedirs(os.path.join(ROOT, "dictionary"), exist_ok=True)
    for lang in args.langs:
        lexicon = ducer.Map(open(os.path.join(ROOT, "lexicons", f"{lang}.fst"), "rb").read())
        source = words(args.dict, lang)
        # Filter 4.
        unknown = [w for w in source if lexicon.get(w.encode("utf-8")) is None]
        kept = sorted((w for w in unknown if cuttable(w, lexicon)), key=lambda w: w.encode("utf-8"))
        path = os.path.join(ROOT, "dictionary", f"{lang}.fst")
        ducer.Set.build(path, (w.encode("utf-8") for w in kept))
        print(
            f"{lang}: {len(source)} words, {len(unknown)} not in the lexicon, "
            f"{len(kept)} kept, {os.path.getsize(path)} bytes in {os.path.relpath(path)}"
        )


if __name__ == "__main__":
    main()
