"""mtlint.opusfilter.MtlintFilter in a real OpusFilter `filter` step, over a
parallel English-Arabic corpus. OpusFilter is heavy (pandas, scikit-learn,
lingua): CI leaves it out and this test is skipped there; run it where
`pip install opusfilter` is done."""

from __future__ import annotations

import pytest

pytest.importorskip("opusfilter")

from opusfilter.opusfilter import OpusFilter  # noqa: E402

import corpus  # noqa: E402
import mtlint  # noqa: E402

PAIRS = 300


def test_a_filter_step_keeps_the_pairs_both_sides_pass(tmp_path):
    en = (corpus.SHARED_DATA / "ntrex" / corpus.NTREX["eng"]).read_text(encoding="utf-8").splitlines()[:PAIRS]
    ar = (corpus.SHARED_DATA / "ntrex" / corpus.NTREX["arb"]).read_text(encoding="utf-8").splitlines()[:PAIRS]
    # Garbled Arabic: the lines of seed 000, beside a clean English line.
    garbled = [line for line in corpus.seeds()[0]["text"].splitlines() if line.strip()][:20]
    en += en[: len(garbled)]
    ar += garbled
    (tmp_path / "in.en").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "in.ar").write_text("\n".join(ar) + "\n", encoding="utf-8")
    config = {
        "common": {"output_directory": str(tmp_path)},
        "steps": [{"type": "filter", "parameters": {
            "inputs": ["in.en", "in.ar"], "outputs": ["out.en", "out.ar"],
            "filters": [{"MtlintFilter": {"languages": ["en", "ar"], "threshold": [80, 90],
                                          "drop_rules": ["foreign-script-run"]},
                         "module": "mtlint.opusfilter"}],
        }}],
    }
    OpusFilter(config).execute_steps()
    kept = list(zip((tmp_path / "out.en").read_text(encoding="utf-8").splitlines(),
                    (tmp_path / "out.ar").read_text(encoding="utf-8").splitlines()))

    sides = [mtlint.Scanner(language="en", input_format="text"), mtlint.Scanner(language="ar", input_format="text")]

    def passes(pair):
        for scanner, text, threshold in zip(sides, pair, (80, 90)):
            r = scanner.scan(text)
            if r["score"] < threshold or any(
                f["rule"] == "foreign-script-run" and f["severity"] == "error" for f in r["findings"]
            ):
                return False
        return True

    expected = [p for p in zip(en, ar) if passes(p)]
    assert kept == expected
    assert PAIRS // 2 < len(kept) < len(en)
    assert not set(garbled) <= {a for _, a in kept}
