#!/usr/bin/env python3
"""Builds the spelling-dictionary words of `src/lexicon.rs` (`joined-words`).

The frequency lexicons (`build_lexicons.py`) stop at Zipf 2: rarer words
are missing (`validator`, `accessor`, `insecurely`, `megrim`), and
`joined-words` would cut them into the words they happen to contain
(`valid at or`, `me grim`). A spell checker's dictionary knows them. Only
the dictionary words that such a cut could hit are kept: words that the
lexicon lacks and that can be cut whole into words of the lexicon.

Sources, pinned to Debian's packages (the sha256 of each file):
  * English: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson) as
    `wamerican-large` and `wbritish-large` 2020.12.07-2 ship it
    (`/usr/share/dict/american-english-large`, `british-english-large`);
    a permissive notice (see data/dictionary/README.md). The large lists
    (SCOWL size 60, what spell checkers use) and not the huge or insane
    ones, which hold archaic spellings that are joins in today's text:
    `touse`, `itas`, `anend` in huge, `agreat`, `toher` in insane.
  * French: Dicollecte's Hunspell dictionary, "classique" spelling, as
    `hunspell-fr-classical` 1:7.0-1 ships it (`/usr/share/hunspell/fr.dic`
    and `fr.aff`); MPL 2.0. Rare inflections are where the frequency
    lexicon fails (`coinça`, a past tense of `coincer`, was cut `coin ça`).
  * Russian: Alexander Lebedev's Hunspell dictionary as `hunspell-ru`
    1:7.5.0-1 ships it (`/usr/share/hunspell/ru_RU.dic`, `ru_RU.aff`); a
    BSD-style license (see data/dictionary/README.md). `водоканалов` (of
    water utilities) was cut `во до каналов`.
  * Spanish: the RLA-ES Hunspell dictionary (Santiago Bosio) as
    `hunspell-es` 1:7.5.0-1 ships it (`/usr/share/hunspell/es_ES.dic`,
    `es_ES.aff`); GPL 3+, LGPL 3+ or MPL 1.1+, taken under the MPL.
    `sincrónicas` was cut `sin crónicas`, with a safe fix.
  A Hunspell dictionary is a list of stems and the rules that inflect them;
  `unmunch` (Debian `hunspell-tools` 1.7.1-1) writes out every form, and
  `hunspell -G` (Debian `hunspell` 1.7.1-1) keeps the forms it accepts:
  `unmunch` also writes forms the checker rejects (`quele`, `quise`), and
  those were 16 of the French joins in NTREX.
Install them (`apt-get install wamerican-large wbritish-large
hunspell-fr-classical hunspell-ru hunspell-es hunspell hunspell-tools`) or pass the folders
holding the files as `--dict DIR` and `--hunspell DIR` (made with `apt-get
download` and `dpkg-deb -x`). Not used: Debian's French word list
(`wfrench`) is GPL, which an MIT or Apache binary cannot embed, and so is
the German Hunspell dictionary (`hunspell-de-de`); Debian's Spanish list
(`wspanish` 1.0.30, public domain) holds archaic forms that are joins of
frequent words in today's text (`delado`, `enjulio`, `connombre`, `escinco`:
145 joins of a function word and a word of Zipf 5 or more).

Each set is written with `ducer` (`pip install ducer==1.2.0`), Python
bindings of the Rust `fst` crate that write its format:

  data/dictionary/<lang>.fst    each word, normalised as the lexicons are

Filters, in order (each says why):
  1. Lowercase entries only: capitalised ones are names, which
     `joined-words` already skips inside a sentence.
  2. Letters only: a possessive (`dog's`), an elided article (`l'avion`,
     which `unmunch` writes for French) or a hyphen is no single token.
  3. Normalised as the lexicons are (NFC, lowercase).
  4. Not in the language's frequency lexicon (`data/lexicons/<lang>.fst`):
     the rule already knows those words and their frequency.
  5. Can be cut as `joined-words` cuts Latin and Cyrillic script: into
     two or more pieces, one of them a function word of the lexicon (Zipf
     6 or more), the others words of the lexicon frequent enough for their
     length or any piece of four letters or more (the document may hold it
     alone). In Russian a piece may also be one letter of Zipf 6 or more
     (`в`, `с`, `и`, `к`, `о`, `у`, `а`, `я`), as the rule takes them.
     No other word can be taken for a join, so keeping it would only grow
     the file.
  6. Hunspell dictionaries only: accepted by `hunspell` itself (see above).
  7. Spanish: no form of the future subjunctive (`buscaren`, `usaren`): the
     dictionary conjugates it for every verb, but today's Spanish uses it
     only in old legal formulas, and its `-aren`, `-ieren` endings are a
     verb and `en` written together (`ejecutar en` → `ejecutaren`). Only
     the endings no other form shares are dropped (`-aren`, `-ieren`,
     `-areis`, `-iereis`, `-áremos`, `-iéremos`); a present subjunctive of a
     verb in `-arar` (`declaren`) or `-erir` (`difieren`) goes too, but the
     common ones are in the lexicon (filter 4).
Deterministic: the same inputs give the same bytes.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
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
# Hunspell dictionaries: (the .dic file, its sha256, the .aff's sha256).
HUNSPELL = {
    "fr": (
        "fr",
        "4b1415593d599dbd943dde6d00515bbde3b4287ab62666242d959f74ddb16a6e",
        "b0aa05cec5f2de2372c3ab6b2726288c39fcb384e602dbade97e91020edc25a7",
    ),
    "es": (
        "es_ES",
        "7a32942f6936329ea0bc311a6288d193a29cb05b3dd79a2e6115a335f7197f5e",
        "459fcfa76382eb2333a3c2833053b3c37bb92345add3f8ad61e94e4413402c40",
    ),
    "ru": (
        "ru_RU",
        "f6047416a0204adbecf3a451b874ec8a97ee37e2cbc714466ef04d8dbcc0d6fc",
        "38ce7d4af78e211e9bafe4bf7e3d6a2c420591136cb738ec6648f8fdf6524cd7",
    ),
}
# Filter 7: endings of the Spanish future subjunctive that no other form has.
FUTURE_SUBJUNCTIVE = ("aren", "ieren", "areis", "iereis", "áremos", "iéremos")
# What `joined-words` takes for a piece in Latin script (Zipf × 10, see
# `piece` in src/rules/joined_words.rs): two letters from 55, three from
# 45, more from 35; and a cut must hold a function word, from 60.
PIECE_MIN = {2: 55, 3: 45}
# Languages whose one-letter function words (Zipf 6 and up) are pieces too
# (Russian `в`, `с`, `и`, `к`, `о`, `у`, `а`, `я`).
ONE_LETTER = {"ru"}
LONG_PIECE_MIN = 35
FUNCTION_WORD = 60
ROOT = os.path.join(os.path.dirname(__file__), "..", "data")


def normalize(word):
    """Filter 3, as `lexicon::normalize` does for Latin letters."""
    return unicodedata.normalize("NFC", word).lower()


def accepted(dic, forms):
    """Filter 6: the forms that `hunspell` accepts with the dictionary."""
    if shutil.which("hunspell") is None:
        sys.exit("hunspell is missing: apt-get install hunspell")
    out = subprocess.run(
        ["hunspell", "-d", dic[: -len(".dic")], "-i", "UTF-8", "-G"],
        input="\n".join(forms).encode("utf-8"),
        check=True,
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    ).stdout.decode("utf-8")
    return {w for w in out.split("\n") if w}


def pinned(path, sha):
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: apt-get install the package, or pass its folder")
    with open(path, "rb") as data:
        raw = data.read()
    if hashlib.sha256(raw).hexdigest() != sha:
        sys.exit(f"{path} is not the file of the pinned Debian package")
    return raw


def keep(w, out):
    """Filters 1 to 3."""
    w = w.strip()
    if w and w.isalpha() and w == w.lower():
        out.add(normalize(w))


def words(args, lang):
    out = set()
    if lang in HUNSPELL:
        name, dic_sha, aff_sha = HUNSPELL[lang]
        dic = os.path.join(args.hunspell, f"{name}.dic")
        aff = os.path.join(args.hunspell, f"{name}.aff")
        pinned(dic, dic_sha)
        pinned(aff, aff_sha)
        if shutil.which("unmunch") is None:
            sys.exit("unmunch is missing: apt-get install hunspell-tools")
        forms = subprocess.run(
            ["unmunch", dic, aff], check=True, capture_output=True
        ).stdout.decode("utf-8")
        for w in forms.split("\n"):
            # `unmunch` leaves the flags of a few forms behind a slash.
            keep(w.split("/")[0], out)
        return out
    for f, sha in SOURCES[lang].items():
        raw = pinned(os.path.join(args.dict, f), sha)
        for w in raw.decode("utf-8").split("\n"):
            keep(w, out)
    return out


def cuttable(word, lexicon, one_letter):
    """Filter 5: `word` is two or more pieces end to end, one of them a
    function word, the others words of the lexicon or pieces of four
    letters or more (which the document may hold alone); with
    `one_letter`, a function word may be one letter long."""
    n = len(word)
    shortest = 1 if one_letter else 2
    # reach[j]: (word[:j] is cut, with a function word among its pieces)
    reach = [set() for _ in range(n + 1)]
    reach[0].add(False)
    for j in range(shortest, n + 1):
        for i in range(j - shortest + 1):
            if not reach[i] or (i == 0 and j == n):
                continue
            value = lexicon.get(word[i:j].encode("utf-8")) or 0
            length = j - i
            least = FUNCTION_WORD if length == 1 else PIECE_MIN.get(length, LONG_PIECE_MIN)
            if value < least and length < 4:
                continue
            for has in reach[i]:
                reach[j].add(has or value >= FUNCTION_WORD)
    return True in reach[n]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", default="/usr/share/dict", help="folder with the word lists")
    ap.add_argument("--hunspell", default="/usr/share/hunspell", help="folder with the Hunspell files")
    ap.add_argument("langs", nargs="*", default=sorted([*SOURCES, *HUNSPELL]))
    args = ap.parse_args()
    os.makedirs(os.path.join(ROOT, "dictionary"), exist_ok=True)
    for lang in args.langs:
        lexicon = ducer.Map(open(os.path.join(ROOT, "lexicons", f"{lang}.fst"), "rb").read())
        source = words(args, lang)
        # Filter 4.
        unknown = [w for w in source if lexicon.get(w.encode("utf-8")) is None]
        kept = [w for w in unknown if cuttable(w, lexicon, lang in ONE_LETTER)]
        if lang == "es":
            kept = [w for w in kept if not w.endswith(FUTURE_SUBJUNCTIVE)]
        if lang in HUNSPELL:
            ok = accepted(os.path.join(args.hunspell, f"{HUNSPELL[lang][0]}.dic"), kept)
            kept = [w for w in kept if w in ok]
        kept.sort(key=lambda w: w.encode("utf-8"))
        path = os.path.join(ROOT, "dictionary", f"{lang}.fst")
        ducer.Set.build(path, (w.encode("utf-8") for w in kept))
        print(
            f"{lang}: {len(source)} words, {len(unknown)} not in the lexicon, "
            f"{len(kept)} kept, {os.path.getsize(path)} bytes in {os.path.relpath(path)}"
        )


if __name__ == "__main__":
    main()
