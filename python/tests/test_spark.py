"""The README's Spark job (python/examples/spark_score.py) in local[2]: the
package in mapPartitions and the binary as a pipe stage give the binary's
lines for every document, in input order."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")

import corpus  # noqa: E402

EXAMPLE = corpus.REPO / "python" / "examples" / "spark_score.py"
sys.path.insert(0, str(EXAMPLE.parent))
import spark_score  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI"):
            pytest.fail("no Java: .ci/run installs openjdk-17-jre-headless")
        pytest.skip("SKIPPED: no Java")
    # The executors' Python is this one (with the wheel), and the pipe stage
    # finds the wheel's `mtlint` next to it.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]").appName("mtlint-test")
        .config("spark.ui.enabled", "false").config("spark.driver.memory", "1g").getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    # The workers unpickle score_partition by its module's name.
    session.sparkContext.addPyFile(str(EXAMPLE))
    yield session
    session.stop()


def test_the_readme_shows_the_example_whole():
    readme = (corpus.REPO / "README.md").read_text(encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8") in readme


def test_both_ways_give_the_binarys_lines(spark, corpus_file, binary_corpus_lines):
    lines = spark.sparkContext.textFile(str(corpus_file), minPartitions=4)
    assert lines.getNumPartitions() >= 2
    by_package = lines.mapPartitions(spark_score.score_partition).collect()
    by_pipe = lines.pipe(spark_score.PIPE, env=spark_score.PIPE_ENV).collect()
    assert by_package == binary_corpus_lines
    assert by_pipe == binary_corpus_lines


@pytest.mark.parametrize("way", [[], ["--pipe"]], ids=["package", "pipe"])
def test_spark_submit_runs_the_example(tmp_path, corpus_file, binary_corpus_lines, way):
    """The example as a user runs it: spark-submit, in local[2]."""
    out = tmp_path / "scored"
    submit = Path(sys.executable).parent / "spark-submit"
    p = subprocess.run(
        [str(submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false", str(EXAMPLE), str(corpus_file), str(out), *way],
        capture_output=True, text=True,
        env={**os.environ, "PYSPARK_PYTHON": sys.executable,
             "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"},
    )
    assert p.returncode == 0, p.stderr[-3000:]
    parts = sorted(out.glob("part-*"))
    written = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    assert written == binary_corpus_lines
