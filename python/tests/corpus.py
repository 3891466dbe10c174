"""The documents the tests and the measurements scan: the seeds and the clean
news of ../shared/data (NTREX-128 articles, Parallel UD sentences), never
copied into the repository."""

from __future__ import annotations

import json
import os
from collections import OrderedDict
from pathlib import Path
from typing import Dict, List, Optional

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SHARED_DATA = Path(os.environ.get("MTLINT_SHARED_DATA", REPO.parent / "shared" / "data"))

NTREX = {"eng": "newstest2019-src.eng.txt", "arb": "newstest2019-ref.arb.txt",
         "fra": "newstest2019-ref.fra.txt", "rus": "newstest2019-ref.rus.txt"}
PUD = ("ar", "en", "fr", "ru")


def seeds() -> List[Dict[str, str]]:
    """The five seed articles, each one document, by its path in the repository."""
    return [{"id": f"seeds/{p.name}", "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]


def shared_documents(limit: Optional[int] = None) -> List[Dict[str, str]]:
    """NTREX-128 articles (their segments joined by line breaks, one document an
    article and language) and Parallel UD sentences (one a document), the
    languages interleaved; the first `limit`."""
    docs: List[Dict[str, str]] = []
    ntrex = SHARED_DATA / "ntrex"
    ids = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    for lang, name in NTREX.items():
        lines = (ntrex / name).read_text(encoding="utf-8").splitlines()
        articles: "OrderedDict[str, List[str]]" = OrderedDict()
        for doc_id, line in zip(ids, lines):
            articles.setdefault(doc_id.split("\t")[0], []).append(line)
        docs += [{"id": f"ntrex/{lang}/{k}", "text": "\n".join(v) + "\n"} for k, v in articles.items()]
    sentences = {lang: (SHARED_DATA / "ud-pud" / f"{lang}_pud-ud-test.sentences.txt").read_text(encoding="utf-8").splitlines() for lang in PUD}
    for i in range(max(len(s) for s in sentences.values())):
        docs += [{"id": f"pud/{lang}/{i + 1}", "text": s[i]} for lang, s in sentences.items() if i < len(s)]
    return docs[:limit]


def write_jsonl(docs: List[Dict[str, str]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path
