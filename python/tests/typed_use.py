"""Checked by mypy --strict in test_stubs.py (never run): the stubs type a program's use."""

from typing import List

import mtlint


def worst_rules(texts: List[str]) -> List[str]:
    scanner = mtlint.Scanner(language="ar", ignore="joined-words")
    rules: List[str] = []
    for report in scanner.scan_many(texts, threads=2):
        score: float = report["score"]
        if score < 80:
            rules += [f["rule"] for f in report["findings"] if f["severity"] == "error"]
    fixed: str = scanner.fix(texts[0], unsafe=True)
    return rules + [fixed[:0], mtlint.explain("joined-words")[:0]] + [r["id"] for r in mtlint.rules()]
