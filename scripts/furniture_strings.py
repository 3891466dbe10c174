#!/usr/bin/env python3
"""Page furniture written by other people: the calls to action and navigation
lines that three web projects ship, as their translators wrote them in Arabic,
English, French and Russian. `boilerplate` never saw them: they are a held-out
set for `cargo run --release -p mtlint-eval --bin furniture`.

Sources (all MIT-licensed; the strings are short UI phrases):
- mkdocs-material (PyPI `mkdocs-material`), `material/templates/partials/languages/*.html`;
- Ghost (npm `ghost`, its bundled `@tryghost/i18n`), `locales/*/{ghost,portal,signup-form,search,comments}.json`;
- Shariff (npm `shariff`), the `title` of every service in `src/js/services/*.js`.

A string is kept when its English source is a short imperative line (two to
six words, opening with one of `VERBS`): the selection is made on the English
text, so the translations are taken as they are, whatever verb they use.

Usage: `python3 scripts/furniture_strings.py > eval/data/furniture_thirdparty.tsv`
(downloads the three packages with pip and npm into a temporary folder).
"""

import glob
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

LANGS = ["ar", "en", "fr", "ru"]

# Imperatives of reading, watching, clicking, sharing, following,
# subscribing and moving around a page (English, lowercase), the kinds of
# line that issue 20 names.
VERBS = {
    "back", "click", "continue", "discover", "download", "explore", "follow", "go",
    "join", "keep", "learn", "listen", "pin", "print", "read", "save", "send", "share",
    "show", "sign", "skip", "subscribe", "tap", "tweet", "view", "visit", "watch",
}

MKDOCS = "mkdocs-material==9.8.2"
GHOST = "ghost@5.130.6"
SHARIFF = "shariff@3.3.0"


def keep(english):
    words = re.findall(r"[A-Za-z']+", english)
    return (
        # One word alone (`Save`, `Back`) is as often a heading as a button.
        2 <= len(words) <= 6
        and words[0].lower() in VERBS
        and "{" not in english
        and "<" not in english
    )


def translations(source, english, tables, key):
    """The rows of one kept string: its translation in each language."""
    if not keep(english):
        return
    for lang in LANGS:
        text = tables[lang].get(key, "").strip()
        if text:
            yield source, english, lang, text


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def mkdocs(tmp):
    run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", MKDOCS], tmp)
    wheel = glob.glob(os.path.join(tmp, "mkdocs_material-*.whl"))[0]
    tables = {}
    with zipfile.ZipFile(wheel) as z:
        for lang in LANGS:
            text = z.read(f"material/templates/partials/languages/{lang}.html").decode()
            tables[lang] = dict(re.findall(r'"([a-z.]+)": "((?:[^"\\]|\\.)*)"', text))
    for key, english in sorted(tables["en"].items()):
        if not key.startswith(("language", "direction", "search.config")):
            yield from translations("mkdocs-material", english, tables, key)


def ghost(tmp):
    run(["npm", "pack", "-q", GHOST], tmp)
    outer = glob.glob(os.path.join(tmp, "ghost-*.tgz"))[0]
    with tarfile.open(outer) as t:
        inner = next(m for m in t.getmembers() if re.search(r"tryghost-i18n-.*\.tgz$", m.name))
        data = t.extractfile(inner).read()
    path = os.path.join(tmp, "i18n.tgz")
    with open(path, "wb") as f:
        f.write(data)
    with tarfile.open(path) as t:
        def table(lang, name):
            m = t.extractfile(f"package/locales/{lang}/{name}.json")
            return json.load(m)
        for name in ["ghost", "portal", "signup-form", "search", "comments"]:
            tables = {lang: table(lang, name) for lang in LANGS}
            # The English catalogue leaves the values empty: the key is the text.
            tables["en"] = {k: k for k in tables["en"]}
            for english in sorted(tables["en"]):
                yield from translations("ghost", english, tables, english)


def shariff(tmp):
    run(["npm", "pack", "-q", SHARIFF], tmp)
    tgz = glob.glob(os.path.join(tmp, "shariff-*.tgz"))[0]
    with tarfile.open(tgz) as t:
        for m in sorted(t.getmembers(), key=lambda m: m.name):
            if not re.search(r"src/js/services/[a-z]+\.js$", m.name):
                continue
            js = t.extractfile(m).read().decode()
            block = re.search(r"title:\s*\{(.*?)\}", js, re.S)
            if not block:
                continue
            pairs = re.findall(r"(\w+):\s*(['\"])(.*?)\2", block.group(1))
            titles = {lang: text for lang, _, text in pairs}
            tables = {lang: {"title": titles.get(lang, "")} for lang in LANGS}
            yield from translations("shariff", titles.get("en", ""), tables, "title")


def main():
    rows = set()
    with tempfile.TemporaryDirectory() as tmp:
        for source in (mkdocs, ghost, shariff):
            for row in source(tmp):
                if "\t" not in "".join(row) and "\n" not in "".join(row):
                    rows.add(row)
    print(f"# Page furniture from {MKDOCS}, {GHOST} (@tryghost/i18n) and {SHARIFF}; MIT licences.")
    print("# Made by scripts/furniture_strings.py: source, English source string, language, text.")
    for row in sorted(rows, key=lambda r: (r[2], r[0], r[1], r[3])):
        print("\t".join(row))


if __name__ == "__main__":
    main()
