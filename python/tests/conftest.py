"""Fixtures of the Python package's tests: the `mtlint` command the wheel
installed, and the documents to scan (see corpus.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import corpus  # noqa: E402

# Documents of ../shared/data the comparisons scan (a few thousand).
DOCS = int(os.environ.get("MTLINT_PY_DOCS", "3000"))


@pytest.fixture(scope="session")
def mtlint_bin() -> str:
    """The `mtlint` command of the installed wheel: next to this Python."""
    found = shutil.which("mtlint")
    assert found, "the wheel put no `mtlint` command on PATH"
    assert Path(found).resolve().parent == Path(sys.executable).parent.resolve() or Path(found).parent == Path(
        sys.executable
    ).parent, f"`mtlint` on PATH is {found}, not the wheel's (next to {sys.executable})"
    return found


def run(binary: str, *args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Runs the command, outside any configuration file unless one is named."""
    return subprocess.run(
        [binary, *args], input=input, capture_output=True, text=True, encoding="utf-8", cwd=cwd or corpus.REPO
    )


def binary_lines(binary: str, *args: str, input: str | None = None) -> List[str]:
    """The lines of `mtlint check --format jsonl ARGS`, which exits 0 or 1."""
    p = run(binary, "check", "--isolated", "--format", "jsonl", *args, input=input)
    assert p.returncode in (0, 1), p.stderr
    return p.stdout.splitlines()


def dumps(obj) -> str:
    """A result serialized as the binary writes JSON: compact, UTF-8 as is."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


@pytest.fixture(scope="session")
def shared_docs():
    if not corpus.SHARED_DATA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{corpus.SHARED_DATA} is absent: the comparisons on it cannot run")
        pytest.skip(f"SKIPPED: {corpus.SHARED_DATA} is absent")
    docs = corpus.shared_documents(DOCS)
    assert len(docs) >= min(DOCS, 1000), f"only {len(docs)} documents in {corpus.SHARED_DATA}"
    return docs


@pytest.fixture(scope="session")
def docs(shared_docs):
    """The seeds, then the documents of ../shared/data."""
    return corpus.seeds() + shared_docs


@pytest.fixture(scope="session")
def corpus_file(docs, tmp_path_factory) -> Path:
    return corpus.write_jsonl(docs, tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


@pytest.fixture(scope="session")
def binary_corpus_lines(mtlint_bin, corpus_file) -> List[str]:
    """The binary's lines for the corpus, read as --input jsonl."""
    lines = binary_lines(mtlint_bin, "--input", "jsonl", "--id-field", "id", str(corpus_file))
    return lines
