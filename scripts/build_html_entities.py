#!/usr/bin/env python3
"""Writes data/html_entities/entities.tsv: the named character references of
HTML5, as Python's standard library ships them (`html.entities.html5`, a copy
of the WHATWG HTML Standard's list, https://html.spec.whatwg.org/entities.json).

Each line: the name without `&` and `;`, a tab, the code points it stands for
in hex separated by spaces, a tab, and `legacy` when HTML also accepts the
name without its semicolon (`&amp`, `&nbsp`). Sorted by name, so the output
is the same on every run of the same Python.

    python3 scripts/build_html_entities.py
"""

import html.entities
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "html_entities" / "entities.tsv"


def main() -> None:
    table = html.entities.html5
    names = sorted({k.rstrip(";") for k in table})
    lines = []
    for name in names:
        chars = table.get(name + ";")
        if chars is None:
            # Every legacy name also exists with its semicolon.
            sys.exit(f"{name} has no form with a semicolon")
        legacy = "\tlegacy" if name in table else ""
        cps = " ".join(f"{ord(c):X}" for c in chars)
        lines.append(f"{name}\t{cps}{legacy}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} entities written to {OUT} (Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
