import json
import os
import sys
from itertools import islice

from pyspark.sql import SparkSession


def score_partition(lines, batch=1000):
    """With the wheel on the executors: one Scanner a partition, 1,000 documents a call."""
    import mtlint

    scanner = mtlint.Scanner(input_format="text")  # plain text, as --input jsonl reads
    lines = iter(lines)
    while docs := [json.loads(line) for line in islice(lines, batch)]:
        texts, ids = [d["text"] for d in docs], [str(d["id"]) for d in docs]
        yield from scanner.scan_many(texts, paths=ids, threads=1, as_json=True)  # Spark runs a task a core


# Without the wheel: the binary on the executors' PATH reads each partition, ids from the id
# field (line numbers restart in each partition). PySpark's pipe clears the environment.
PIPE = "mtlint check - --input jsonl --id-field id --format jsonl --isolated --quiet"
PIPE_ENV = {"PATH": os.environ.get("PATH", os.defpath)}

if __name__ == "__main__":  # spark-submit spark_score.py IN.jsonl OUT/ [--pipe]
    lines = SparkSession.builder.appName("mtlint").getOrCreate().sparkContext.textFile(sys.argv[1])
    scored = lines.pipe(PIPE, env=PIPE_ENV) if "--pipe" in sys.argv else lines.mapPartitions(score_partition)
    scored.saveAsTextFile(sys.argv[2])  # the line of `mtlint check --format jsonl` a document, in order
