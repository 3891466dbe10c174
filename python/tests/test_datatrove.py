"""MtlintFilter in a real datatrove pipeline: JsonlReader → MtlintFilter →
JsonlWriter on LocalPipelineExecutor, over a folder of JSON Lines shards."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import corpus  # noqa: E402
from mtlint.datatrove import MtlintFilter  # noqa: E402

DOCS = 1200


def total(stat):
    """A datatrove statistic's total: a number, or the `total` of a dict."""
    return stat["total"] if isinstance(stat, dict) else stat


def read_jsonl_folder(folder: Path):
    docs = []
    for f in sorted(folder.rglob("*.jsonl*")):
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh]
    return docs


def test_a_pipeline_scores_keeps_and_drops(tmp_path, docs, binary_corpus_lines):
    docs, expected = docs[:DOCS], binary_corpus_lines[:DOCS]
    by_id = {json.loads(line)["path"]: json.loads(line) for line in expected}
    # Two shards, each a task.
    half = len(docs) // 2
    corpus.write_jsonl(docs[:half], tmp_path / "in" / "a.jsonl")
    corpus.write_jsonl(docs[half:], tmp_path / "in" / "b.jsonl")
    mtlint_filter = MtlintFilter(
        min_score=70, drop_rules=["foreign-script-run"], batch_size=64,
        exclusion_writer=JsonlWriter(str(tmp_path / "dropped")),
    )
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), mtlint_filter, JsonlWriter(str(tmp_path / "kept"))],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"),
    ).run()

    kept = read_jsonl_folder(tmp_path / "kept")
    dropped = read_jsonl_folder(tmp_path / "dropped")
    assert len(kept) + len(dropped) == len(docs)

    def should_drop(r):
        if r["score"] < 70:
            return "mtlint_score"
        if any(f["rule"] == "foreign-script-run" and f["severity"] == "error" for f in r["findings"]):
            return "mtlint_foreign-script-run"
        return None

    # The metadata is the binary's object for the document, and the verdict follows it.
    for d in kept + dropped:
        r = by_id[d["id"]]
        meta = d["metadata"]
        assert meta["mtlint_score"] == r["score"]
        assert meta["mtlint_language"] == r["language"]
        assert meta["mtlint_findings"] == r["findings"]
        assert meta.get("filter_reason") == should_drop(r), d["id"]
    dropped_ids = {d["id"] for d in dropped}
    # Seed 000 holds a line of Cyrillic garble; the clean seeds stay.
    assert "seeds/000_ab0c493a1ad01e22.txt" in dropped_ids
    assert "seeds/004_b81534ed037a7913.txt" not in dropped_ids
    # Seed 003 (machine-translated, 67.7) falls under the threshold.
    assert "seeds/003_99122e89d40735f6.txt" in dropped_ids
    assert len(kept) > len(dropped) > 0

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if s["name"] == str(mtlint_filter))["stats"]
    assert total(step["total"]) == len(docs)
    assert total(step["dropped"]) == len(dropped) and total(step["forwarded"]) == len(kept)
    reasons = [should_drop(by_id[d["id"]]) for d in dropped]
    assert total(step["dropped_mtlint_score"]) == reasons.count("mtlint_score")
    assert total(step["mtlint_score"]) == pytest.approx(sum(by_id[d["id"]]["score"] for d in docs))
    assert step["mtlint_score"]["min"] == min(by_id[d["id"]]["score"] for d in docs)
    assert total(step["mtlint_findings"]) == sum(len(by_id[d["id"]]["findings"]) for d in docs)
    rule = "space-before-punctuation"
    assert total(step[f"mtlint_rule_{rule}"]) == sum(
        f["rule"] == rule for d in docs for f in by_id[d["id"]]["findings"]
    )


def test_a_bad_option_fails_when_the_pipeline_is_made():
    import mtlint

    with pytest.raises(mtlint.MtlintError, match="joined-wrds"):
        MtlintFilter(drop_rules=["x"], select=["joined-wrds"])
    with pytest.raises(ValueError, match="drop_severity"):
        MtlintFilter(drop_severity="fatal")
