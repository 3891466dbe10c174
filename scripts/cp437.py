#!/usr/bin/env python3
"""Writes data/codepages/cp437.txt: the characters of bytes 0x80-0xFF of IBM
code page 437, one line, in byte order.

encoding_rs implements the WHATWG Encoding Standard, which has no CP437, so
mtlint embeds this table. Source: Python's standard `cp437` codec
(Lib/encodings/cp437.py, generated from Unicode's mapping file
MAPPINGS/VENDORS/MICSFT/PC/CP437.TXT). Run: python3 scripts/cp437.py
"""
import pathlib

chars = bytes(range(0x80, 0x100)).decode("cp437")
assert len(chars) == 128 and len(set(chars)) == 128
out = pathlib.Path(__file__).resolve().parent.parent / "data/codepages/cp437.txt"
out.write_text(chars + "\n", encoding="utf-8")
print(f"wrote {out}")
