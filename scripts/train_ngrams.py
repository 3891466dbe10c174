#!/usr/bin/env python3
"""Trains the character trigram models of the `gibberish` rule.

Source: the word frequency lists of the `wordfreq` package, pinned
(`pip install wordfreq==3.1.1`); its data is CC BY-SA 4.0 (see
data/ngrams/README.md and LICENSE). For each language it reads
`wordfreq.get_frequency_dict(lang)`, keeps the words written wholly in the
language's script, splits them at apostrophes and hyphens, lowercases them,
and counts character trigrams with boundary markers, each word weighted by
1 + ln(freq / smallest freq of the list): common words count more, but rare
words and names still teach the model what a plausible word looks like.

Output: data/ngrams/<lang>.bin, one file per language (format below), read
by src/ngram.rs. Deterministic: the same wordfreq version gives the same bytes.

Format (all integers little-endian, varints are LEB128):
  b"NG3\\x01"
  u8   A      alphabet size, symbols 0 = word boundary, 1 = other letter
  u16  n      byte length of the alphabet string, then the UTF-8 string of
              symbols 2..A (letters, in order)
  A bytes     unigram costs, in eighths of a bit (-8 log2 P), 255 = unseen
  varint k, then k (varint delta of index b*A+c, u8 cost)   bigram P(c|b)
  varint k, then k (varint delta of index (a*A+b)*A+c, u8 cost)  trigram P(c|ab)
"""

import math
import os
import sys
import unicodedata
from collections import Counter, defaultdict

from importlib.metadata import version

import wordfreq

# Other versions have other lists: the committed models come from this one.
if version("wordfreq") != "3.1.1":
    sys.exit(f"wordfreq 3.1.1 is required, found {version('wordfreq')}")

# Languages per script, as the rule groups them.
LANGUAGES = {
    "Arabic": ["ar", "fa", "ur"],
    "Cyrillic": ["ru", "uk", "bg", "mk"],
    "Latin": ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "cs", "ro", "sv", "hu", "id"],
    "Greek": ["el"],
    "Hebrew": ["he"],
}
MAX_WORDS = 150_000  # the most frequent words of each list
MAX_LETTERS = 62  # alphabet cap: rarer letters become symbol 1, "other letter"
COVERAGE = 0.9995  # letters outside this share of the letter mass are "other"
MIN_WORDS = 2  # an n-gram must occur in this many distinct words
WEIGHT_POWER = 0.5  # frequency weight (f / fmin) ** power: damped, so rare words count too


def script_of(ch):
    name = unicodedata.name(ch, "")
    for s in LANGUAGES:
        if name.startswith(s.upper()):
            return s
    return None


def normalize(word):
    """Lowercase, drop combining marks (Arabic harakat) and tatweel; the Rust
    side does the same (src/ngram.rs, `normalize`)."""
    out = []
    for ch in word.lower():
        if unicodedata.category(ch) == "Mn" or ch == "\u0640":
            continue
        out.append(ch)
    return "".join(out)


def segments(word, script):
    """Letter runs of a word split at anything that is not a letter of `script`;
    None when the word holds letters of another script or digits."""
    segs, cur = [], []
    for ch in word:
        if ch.isalpha():
            if script_of(ch) != script:
                return None
            cur.append(ch)
        elif ch.isdigit():
            return None
        else:
            if cur:
                segs.append("".join(cur))
            cur = []
    if cur:
        segs.append("".join(cur))
    return segs


def q(p):
    return max(0, min(254, round(-8 * math.log2(p))))


def varint(n, out):
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def train(lang, script):
    freqs = wordfreq.get_frequency_dict(lang)
    items = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_WORDS]
    fmin = min(f for _, f in items)
    words = Counter()
    for w, f in items:
        segs = segments(normalize(w), script)
        if not segs:
            continue
        weight = (f / fmin) ** WEIGHT_POWER
        for s in segs:
            words[s] += weight
    data, A, ntri = encode(words)
    return data, len(words), A, ntri


def encode(words):
    """The model of `words` (word -> weight) in the format above, with its
    symbol count and number of trigrams; also used by train_junctions.py."""
    letters = Counter()
    for w, wt in words.items():
        for ch in w:
            letters[ch] += wt
    total = sum(letters.values())
    alphabet, acc = [], 0.0
    for ch, n in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0])):
        if acc / total >= COVERAGE or len(alphabet) >= MAX_LETTERS:
            break
        alphabet.append(ch)
        acc += n
    alphabet.sort()
    index = {ch: i + 2 for i, ch in enumerate(alphabet)}
    A = len(alphabet) + 2
    uni = Counter()
    bi = defaultdict(float)
    bi_words = Counter()
    tri = defaultdict(float)
    tri_words = Counter()
    for w, wt in words.items():
        syms = [0, 0] + [index.get(ch, 1) for ch in w] + [0]
        for s in syms[2:]:
            uni[s] += wt
        seen2, seen3 = set(), set()
        for i in range(2, len(syms)):
            a, b, c = syms[i - 2], syms[i - 1], syms[i]
            bi[(b, c)] += wt
            tri[(a, b, c)] += wt
            seen2.add((b, c))
            seen3.add((a, b, c))
        for k in seen2:
            bi_words[k] += 1
        for k in seen3:
            tri_words[k] += 1
    utot = sum(uni.values())
    uni_cost = [255] * A
    for s, n in uni.items():
        uni_cost[s] = q(n / utot)
    ctx1 = defaultdict(float)
    for (b, c), n in bi.items():
        ctx1[b] += n
    ctx2 = defaultdict(float)
    for (a, b, c), n in tri.items():
        ctx2[(a, b)] += n
    bigrams = sorted(
        (b * A + c, q(n / ctx1[b])) for (b, c), n in bi.items() if bi_words[(b, c)] >= MIN_WORDS
    )
    trigrams = sorted(
        ((a * A + b) * A + c, q(n / ctx2[(a, b)]))
        for (a, b, c), n in tri.items()
        if tri_words[(a, b, c)] >= MIN_WORDS
    )
    out = bytearray(b"NG3\x01")
    out.append(A)
    alpha = "".join(alphabet).encode("utf-8")
    out += len(alpha).to_bytes(2, "little") + alpha
    out += bytes(uni_cost)
    for table in (bigrams, trigrams):
        varint(len(table), out)
        prev = 0
        for idx, cost in table:
            varint(idx - prev, out)
            out.append(cost)
            prev = idx
    return bytes(out), A, len(trigrams)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = os.path.join(here, "..", "data", "ngrams")
    os.makedirs(outdir, exist_ok=True)
    only = set(sys.argv[1:])
    for script, langs in LANGUAGES.items():
        for lang in langs:
            if only and lang not in only:
                continue
            data, nwords, A, ntri = train(lang, script)
            with open(os.path.join(outdir, f"{lang}.bin"), "wb") as f:
                f.write(data)
            print(f"{lang}: {nwords} words, {A - 2} letters, {ntri} trigrams, {len(data)} bytes")


if __name__ == "__main__":
    main()
