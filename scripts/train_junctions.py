#!/usr/bin/env python3
"""Trains the junction models of `joined-words`: for Arabic, two character
trigram models in the format of `scripts/train_ngrams.py`, one of single
words and one of two words written together, whose difference scores a
token as "one word" against "two words concatenated".

Source: the Arabic word frequency list of the `wordfreq` package, pinned
(`pip install wordfreq==3.1.1`); its data is CC BY-SA 4.0 (see
data/junctions/README.md and LICENSE).

- `ar.single.bin`: every word of the list written in Arabic letters, each
  counted once (types, not tokens), so the rare tail, where the
  transliterated names live (`فيلتيري`, `جورجيفسكا`), weighs as much as the
  common words.
- `ar.pair.bin`: PAIRS concatenations of two words drawn independently, each
  by its frequency, from the TOP most frequent words: what a lost space
  makes of running text (`فيهذا`, `المراكزمنذ`).

Deterministic: a fixed seed, and the same wordfreq version gives the same
bytes. Output: data/junctions/ar.{single,pair}.bin, read by
src/rules/joined_words.rs.
"""

import bisect
import itertools
import os
import random
import sys

import wordfreq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_ngrams import encode, normalize, segments  # noqa: E402

from collections import Counter  # noqa: E402

LANG, SCRIPT = "ar", "Arabic"
TOP = 50_000  # the words a pair is drawn from
PAIRS = 400_000  # concatenations sampled
SEED = 20261130


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = os.path.join(here, "..", "data", "junctions")
    os.makedirs(outdir, exist_ok=True)
    freqs = wordfreq.get_frequency_dict(LANG)
    items = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))
    words = []
    for w, f in items:
        segs = segments(normalize(w), SCRIPT)
        # Single words only: a hyphen or apostrophe makes pieces.
        if segs and len(segs) == 1 and len(segs[0]) >= 2:
            words.append((segs[0], f))
    single = Counter()
    for w, _ in words:
        single[w] = 1.0
    top = words[:TOP]
    cum = list(itertools.accumulate(f for _, f in top))
    rng = random.Random(SEED)

    def draw():
        return top[bisect.bisect_left(cum, rng.random() * cum[-1])][0]

    pair = Counter()
    for _ in range(PAIRS):
        pair[draw() + draw()] += 1.0
    for name, model in (("single", single), ("pair", pair)):
        data, A, ntri = encode(model)
        with open(os.path.join(outdir, f"{LANG}.{name}.bin"), "wb") as f:
            f.write(data)
        print(f"{LANG}.{name}: {len(model)} strings, {A - 2} letters, {ntri} trigrams, {len(data)} bytes")


if __name__ == "__main__":
    main()
