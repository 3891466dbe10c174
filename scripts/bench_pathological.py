#!/usr/bin/env python3
"""mtlint on inputs built to be hard: time and memory that must grow with the size only.

    scripts/bench_pathological.sh [--runs N] [--scale F] [--only NAME,...] [--mtlint PATH]...
                                  [--keep DIR]

The benchmark of issue 19 and docs/measurements.md (Pathological inputs). Each input
is built deterministically in a temporary folder (from ../shared/data where it needs
real text; nothing is copied into the repository), then `mtlint check --isolated
--format jsonl -j 1` runs on it RUNS times (default 3). The script reports the median
wall time, MB/s, the peak resident memory (GNU time's %M), the number of findings and
the exit code, and checks that the run ended normally (exit 0 or 1, a JSON Lines line
per file or document).

The inputs (sizes at --scale 1):
  one-line       100 MB of Arabic news as one line
  lines          the same 100 MB as lines, for comparison per byte
  one-letter     1 MB of one Arabic letter, and 1 MB of `a`, each one word
  brackets       100,000 nested brackets, then 100,000 nested quotes, in a sentence
  findings       a file where every word is a finding (100,000 ` ،`)
  jsonl-doc      a JSON Lines file holding one 50 MB document (`--input jsonl`)
  tiny-files     10,000 files of one short sentence
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
AR = ["ntrex/newstest2019-ref.arb.txt", "ud-pud/ar_pud-ud-test.sentences.txt"]


def arabic_lines():
    out = []
    for f in AR:
        with open(os.path.join(DATA, f), encoding="utf-8") as fh:
            out.extend(line.strip() for line in fh if line.strip())
    return out


def arabic_text(total, sep):
    """`total` bytes of Arabic news lines joined by `sep`, copy after copy."""
    lines = arabic_lines()
    parts, size, k = [], 0, 0
    while size < total:
        line = lines[(k * 7) % len(lines)]
        parts.append(line)
        size += len(line.encode()) + len(sep.encode())
        k += 1
    return sep.join(parts) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def build(tmp, scale, only):
    mb = lambda x: int(x * 1_000_000 * scale)
    n = lambda x: max(1, int(x * scale))

    def one_line(p):
        write(os.path.join(p, "one-line.txt"), arabic_text(mb(100), " "))

    def lines(p):
        write(os.path.join(p, "lines.txt"), arabic_text(mb(100), "\n"))

    def one_letter(p):
        write(os.path.join(p, "alif.txt"), "ا" * (mb(1) // 2) + "\n")
        write(os.path.join(p, "a.txt"), "a" * mb(1) + "\n")

    def brackets(p):
        k = n(100_000)
        write(os.path.join(p, "brackets.txt"), "قال " + "(" * k + "الوزير" + ")" * k + " أمس.\n")
        write(os.path.join(p, "quotes.txt"), "قال " + "«" * k + "الوزير" + "»" * k + " أمس.\n")

    def findings(p):
        # Each ` ،` is a space-before-punctuation finding.
        write(os.path.join(p, "findings.txt"), "قال ، " * n(100_000) + "\n")

    def jsonl_doc(p):
        doc = {"id": "one", "text": arabic_text(mb(50), "\n")}
        write(os.path.join(p, "one.jsonl"), json.dumps(doc, ensure_ascii=False) + "\n")

    def tiny_files(p):
        lines = arabic_lines()
        for i in range(n(10_000)):
            write(os.path.join(p, f"{i // 1000:02}", f"{i:05}.txt"), lines[i % len(lines)] + "\n")

    specs = {
        "one-line": one_line,
        "lines": lines,
        "one-letter": one_letter,
        "brackets": brackets,
        "findings": findings,
        "jsonl-doc": jsonl_doc,
        "tiny-files": tiny_files,
    }
    out = []
    for name, make in specs.items():
        if only and name not in only:
            continue
        path = os.path.join(tmp, name)
        if not os.path.isdir(path):
            make(path)
        size = sum(
            os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs
        )
        out.append((name, path, size))
    return out


def run(tool, name, path):
    """Wall seconds, peak resident kilobytes, exit code, output lines."""
    cmd = [tool, "check", "--isolated", "--format", "jsonl", "-j", "1", path]
    if name == "jsonl-doc":
        cmd[5:5] = ["--input", "jsonl"]
    with tempfile.TemporaryFile() as out:
        r = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M"] + cmd, stdout=out, stderr=subprocess.PIPE, text=True
        )
        out.seek(0)
        findings = sum(
            len(json.loads(line).get("findings", [])) for line in out if line.strip()
        )
    last = r.stderr.strip().splitlines()[-1].split()
    return float(last[0]), int(last[1]), r.returncode, findings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default="", help="comma-separated input names")
    ap.add_argument("--mtlint", action="append", default=[])
    ap.add_argument("--keep", metavar="DIR", help="build the inputs in DIR and keep them")
    args = ap.parse_args()
    tools = args.mtlint or [os.path.join(ROOT, "target", "release", "mtlint")]
    for t in tools:
        if not os.access(t, os.X_OK):
            sys.exit(f"missing: {t} (cargo build --release)")
    if not os.path.isdir(DATA):
        sys.exit(f"missing: {DATA}")
    only = set(filter(None, args.only.split(",")))
    tmp = args.keep or tempfile.mkdtemp(prefix="mtlint-patho-")
    os.makedirs(tmp, exist_ok=True)
    failed = False
    try:
        inputs = build(tmp, args.scale, only)
        print(f"{os.cpu_count()} cores; one thread; median of {args.runs} runs")
        print(f"{'input':12} {'MB':>7} {'tool':8} {'s':>7} {'MB/s':>7} {'peak MB':>8} {'findings':>9} {'exit':>4}")
        for name, path, size in inputs:
            for i, tool in enumerate(tools):
                runs = [run(tool, name, path) for _ in range(args.runs)]
                secs = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs) / 1024
                code, findings = runs[-1][2], runs[-1][3]
                failed |= code not in (0, 1)
                print(
                    f"{name:12} {size / 1e6:7.2f} {'mtlint' + (str(i) if i else ''):8} {secs:7.2f} "
                    f"{size / 1e6 / max(secs, 0.005):7.2f} {peak:8.0f} {findings:9} {code:4}",
                    flush=True,
                )
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
