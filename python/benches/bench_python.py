"""Throughput of the Python package against the binary, and of the Spark job,
on one JSON Lines corpus built from ../shared/data (see docs/measurements.md).

    python python/benches/bench_python.py corpus MB OUT.jsonl   # build a corpus of about MB megabytes
    python python/benches/bench_python.py scan OUT.jsonl         # scan_many against `mtlint check --input jsonl`
    python python/benches/bench_python.py spark OUT.jsonl [RUNS [WAY...]]  # the README's Spark job, local[2]

Run it with the Python the wheel is installed in (its `mtlint` is the binary
compared). The machine has 2 cores, shared.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
import corpus  # noqa: E402

RUNS = 5


def build(megabytes: float, out: Path) -> None:
    """The documents of ../shared/data (and the seeds), repeated under new ids
    until the file holds `megabytes` of JSON Lines."""
    docs = corpus.seeds() + corpus.shared_documents()
    target = megabytes * 1e6
    written, k = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            for d in docs:
                line = json.dumps({"id": f"{k}/{d['id']}", "text": d["text"]}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                if written >= target:
                    break
            k += 1
    print(f"{out}: {written / 1e6:.1f} MB")


def timed(fn):
    """Wall and CPU seconds of fn() (CPU of this process's threads and of the
    children it waited for): CPU time hardly moves when other work shares the
    machine, wall time does."""
    wall, cpu = time.perf_counter(), time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    fn()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
    return time.perf_counter() - wall, time.process_time() - cpu + child_cpu


def scan(path: Path) -> None:
    import mtlint

    binary = shutil.which("mtlint")
    lines = path.read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    texts, ids = [d["text"] for d in docs], [d["id"] for d in docs]
    n, mb_file = len(docs), path.stat().st_size / 1e6
    mb_text = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{path.name}: {n} documents, {mb_file:.1f} MB of JSON Lines, {mb_text:.1f} MB of text; "
          f"{RUNS} runs of each, interleaved: the fastest wall time, the median CPU time")
    scanner = mtlint.Scanner(input_format="text")

    for threads in (1, 2):
        cmd = [binary, "check", "--isolated", "--input", "jsonl", "--id-field", "id", "--format", "jsonl",
               "-j", str(threads), str(path)]

        def whole():
            with open(path, encoding="utf-8") as f:
                d = [json.loads(line) for line in f]
            scanner.scan_many([x["text"] for x in d], paths=[x["id"] for x in d], threads=threads)

        ways = {
            f"binary: check --input jsonl --format jsonl -j {threads} > /dev/null":
                lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False),
            f"scan_many(texts, threads={threads}): a list of dicts": lambda: scanner.scan_many(texts, paths=ids, threads=threads),
            f"scan_many(texts, threads={threads}, as_json=True): lines":
                lambda: scanner.scan_many(texts, paths=ids, threads=threads, as_json=True),
            f"read the file, json.loads, scan_many, threads={threads}": whole,
        }
        runs = {k: [] for k in ways}
        for _ in range(RUNS):
            for k, fn in ways.items():
                runs[k].append(timed(fn))
        base_wall = base_cpu = None
        for k, r in runs.items():
            wall = min(w for w, _ in r)
            cpu = statistics.median(c for _, c in r)
            base_wall, base_cpu = base_wall or wall, base_cpu or cpu
            print(f"{k:62} {wall:6.2f} s {n / wall:7.0f} docs/s {mb_text / wall:5.2f} MB/s | CPU {cpu:6.2f} s "
                  f"{100 * (cpu / base_cpu - 1):+5.1f}% | wall {100 * (wall / base_wall - 1):+5.1f}%")


def descendants() -> dict:
    """The processes below this one: pid → the fields of /proc/pid/stat after the name."""
    me, children, stats = os.getpid(), {}, {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(pid)] = fields
            children.setdefault(int(fields[1]), []).append(int(pid))
    tree, todo = {}, list(children.get(me, []))
    while todo:
        p = todo.pop()
        tree[p] = stats[p]
        todo += children.get(p, [])
    return tree


def tree_cpu() -> float:
    """CPU seconds of the processes below this one, with the children they reaped."""
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(sum(int(x) for x in f[11:15]) for f in descendants().values()) / ticks


class TreeMemory(threading.Thread):
    """Samples the summed resident memory of this process's children (the
    Spark JVM and its Python workers) every 0.2 s; keeps the peak."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0
        self.peak_jvm = 0
        self.peak_python = 0
        self.running = True

    def run(self):
        me = os.getpid()
        while self.running:
            children, rss, cmd = {}, {}, {}
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    with open(f"/proc/{pid}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        cmd[int(pid)] = f.read()
                except OSError:
                    continue
                children.setdefault(int(fields[1]), []).append(int(pid))
                rss[int(pid)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            tree, todo = [], list(children.get(me, []))
            while todo:
                p = todo.pop()
                tree.append(p)
                todo += children.get(p, [])
            jvm = sum(rss.get(p, 0) for p in tree if b"java" in cmd.get(p, b""))
            py = sum(rss.get(p, 0) for p in tree if b"java" not in cmd.get(p, b""))
            self.peak = max(self.peak, jvm + py)
            self.peak_jvm = max(self.peak_jvm, jvm)
            self.peak_python = max(self.peak_python, py)
            time.sleep(0.2)


def spark(path: Path, runs: int = 3, ways: tuple = ("mapPartitions", "pipe")) -> None:
    """The README's job (examples/spark_score.py) in local[2], each way, timed
    from the job's start to its output written, the session already up."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    import spark_score
    from pyspark.sql import SparkSession

    memory = TreeMemory()
    memory.start()
    session = (SparkSession.builder.master("local[2]").appName("mtlint-bench")
               .config("spark.ui.enabled", "false").config("spark.driver.memory", "1g").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.addPyFile(spark_score.__file__)
    n = sum(1 for _ in open(path, encoding="utf-8"))
    mb = path.stat().st_size / 1e6
    for way in ways:
        def job():
            out = tempfile.mkdtemp()
            shutil.rmtree(out)
            lines = session.sparkContext.textFile(str(path))
            scored = lines.pipe(spark_score.PIPE, env=spark_score.PIPE_ENV) if way == "pipe" else lines.mapPartitions(spark_score.score_partition)
            scored.saveAsTextFile(out)
            shutil.rmtree(out)

        times, cpus = [], []
        for _ in range(runs):
            t, c = time.perf_counter(), tree_cpu()
            job()
            times.append(time.perf_counter() - t)
            cpus.append(tree_cpu() - c)
        s, c = min(times), statistics.median(cpus)
        print(f"spark local[2] {way:14} fastest {s:7.2f} s  {n / s:8.0f} docs/s  {mb / s:6.2f} MB/s of JSON Lines; "
              f"CPU {c:.1f} s ({n / c:.0f} docs, {mb / c:.2f} MB a CPU second; runs: {', '.join(f'{x:.1f}' for x in times)} s)")
    session.stop()
    memory.running = False
    memory.join()
    print(f"peak resident memory of the local executor (JVM + Python workers): {memory.peak / 1e6:.0f} MB "
          f"(JVM alone at most {memory.peak_jvm / 1e6:.0f} MB, Python workers and pipes {memory.peak_python / 1e6:.0f} MB)")


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "corpus":
        build(float(sys.argv[2]), Path(sys.argv[3]))
    elif what == "scan":
        scan(Path(sys.argv[2]))
    elif what == "spark":
        spark(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 3, tuple(sys.argv[4:]) or ("mapPartitions", "pipe"))
    else:
        sys.exit(__doc__)
