#!/usr/bin/env python3
"""mtlint beside typos on the same bytes, in one run (docs/measurements.md, Throughput).

    scripts/bench_peers.sh [--runs N] [--scale F] [--threads 1,2] [--only NAME,...] [--mtlint PATH]...
                           [--keep DIR]

Builds the corpora deterministically from ../shared/data (NTREX-128 and UD PUD; never
copied into the repository) in a temporary folder, then runs each tool on each corpus
A B A B, RUNS times (default 5), and reports the median wall time, MB/s, the ratio to
typos and the peak resident memory of the whole process (GNU time's %M). `--mtlint`
may be given several times to compare builds in the same run (the first is `mtlint`).

The corpora (sizes at --scale 1):
  ar-articles   20 MB of Arabic news in ~5 KB articles
  ar-600k        6 MB of Arabic news in ~600 KB files
  euro-articles 20 MB of English, French and Russian news in ~5 KB articles
  ar-8k, ar-64k, ar-512k, ar-4m
                 the same 4 MB of Arabic in 8 KB, 64 KB and 512 KB files, and as one file
  ar-lines, ar-one-line
                 the same 20 MB of Arabic as lines, and as one line
  one-sentence  one Arabic sentence (start-up cost)
  catalogues    the msgstr text of the fr/ru/es gettext catalogues of /usr/share/locale

Copies of the news repeat its vocabulary but not its order: each copy of a language's
lines starts at another line and steps through them with another stride, so that no two
articles are the same text.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")

AR = ["ntrex/newstest2019-ref.arb.txt", "ud-pud/ar_pud-ud-test.sentences.txt"]
EURO = [
    "ntrex/newstest2019-src.eng.txt",
    "ntrex/newstest2019-ref.fra.txt",
    "ntrex/newstest2019-ref.rus.txt",
    "ud-pud/en_pud-ud-test.sentences.txt",
    "ud-pud/fr_pud-ud-test.sentences.txt",
    "ud-pud/ru_pud-ud-test.sentences.txt",
]
STRIDES = [1, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43]


def lines_of(files):
    out = []
    for f in files:
        with open(os.path.join(DATA, f), encoding="utf-8") as fh:
            out.append([line.rstrip("\n") for line in fh if line.strip()])
    return out


def stream(groups, total):
    """Lines of each group in turn, copy after copy, until `total` bytes."""
    size, copy = 0, 0
    while size < total:
        for lines in groups:
            n = len(lines)
            stride = STRIDES[copy % len(STRIDES)]
            if n % stride == 0:
                stride = 1
            start = (copy * 97) % n
            for i in range(n):
                line = lines[(start + i * stride) % n]
                yield line
                size += len(line.encode()) + 1
                if size >= total:
                    return
        copy += 1


def write_files(folder, groups, total, file_size, sep="\n"):
    os.makedirs(folder)
    buf, k = [], 0
    size = 0
    for line in stream(groups, total):
        buf.append(line)
        size += len(line.encode()) + 1
        if size >= file_size:
            with open(os.path.join(folder, f"{k:05}.txt"), "w", encoding="utf-8") as fh:
                fh.write(sep.join(buf) + "\n")
            buf, size, k = [], 0, k + 1
    if buf:
        with open(os.path.join(folder, f"{k:05}.txt"), "w", encoding="utf-8") as fh:
            fh.write(sep.join(buf) + "\n")


def catalogues(folder):
    os.makedirs(folder)
    if not shutil.which("msgunfmt"):
        return False
    for lang in ["fr", "ru", "es"]:
        d = f"/usr/share/locale/{lang}/LC_MESSAGES"
        if not os.path.isdir(d):
            continue
        for mo in sorted(os.listdir(d)):
            if not mo.endswith(".mo"):
                continue
            po = subprocess.run(["msgunfmt", os.path.join(d, mo)], capture_output=True, text=True, errors="replace")
            text, on = [], False
            for line in po.stdout.splitlines():
                if line.startswith("msgstr"):
                    on = True
                    line = line.split(" ", 1)[1] if " " in line else ""
                elif line.startswith("msgid") or not line:
                    on = False
                if on and line.startswith('"'):
                    text.append(line.strip('"').replace("\\n", "\n"))
            with open(os.path.join(folder, f"{lang}-{mo[:-3]}.txt"), "w", encoding="utf-8") as fh:
                fh.write("\n".join(text) + "\n")
    return True


def build(tmp, scale, only):
    ar, euro = lines_of(AR), lines_of(EURO)
    mb = lambda x: int(x * 1_000_000 * scale)
    specs = {
        "ar-articles": lambda p: write_files(p, ar, mb(20), 5_000),
        "ar-600k": lambda p: write_files(p, ar, mb(6), 600_000),
        "euro-articles": lambda p: write_files(p, euro, mb(20), 5_000),
        "ar-8k": lambda p: write_files(p, ar, mb(4), 8_000),
        "ar-64k": lambda p: write_files(p, ar, mb(4), 64_000),
        "ar-512k": lambda p: write_files(p, ar, mb(4), 512_000),
        "ar-4m": lambda p: write_files(p, ar, mb(4), mb(4) * 2),
        "ar-lines": lambda p: write_files(p, ar, mb(20), mb(20) * 2),
        "ar-one-line": lambda p: write_files(p, ar, mb(20), mb(20) * 2, sep=" "),
        "one-sentence": lambda p: write_files(p, ar, 100, 1),
        "catalogues": catalogues,
    }
    out = []
    for name, make in specs.items():
        if only and name not in only:
            continue
        path = os.path.join(tmp, name)
        # A corpus kept from an earlier run (--keep) is used as it is.
        if not os.path.isdir(path) and make(path) is False:
            continue
        if not os.listdir(path):
            continue
        size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
        out.append((name, path, size, len(os.listdir(path))))
    return out


def timed(cmd):
    """Wall seconds and peak resident kilobytes of one run."""
    r = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M"] + cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    last = r.stderr.strip().splitlines()[-1].split()
    return float(last[0]), int(last[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--threads", default="1", help="comma-separated thread counts (default 1)")
    ap.add_argument("--only", default="", help="comma-separated corpus names")
    ap.add_argument("--mtlint", action="append", default=[])
    ap.add_argument("--no-typos", action="store_true")
    ap.add_argument(
        "--keep",
        metavar="DIR",
        help="build the corpora in DIR and keep them (to profile on the same bytes); "
        "with --runs 0, only build them",
    )
    args = ap.parse_args()
    tools = args.mtlint or [os.path.join(ROOT, "target", "release", "mtlint")]
    for t in tools:
        if not os.access(t, os.X_OK):
            sys.exit(f"missing: {t} (cargo build --release)")
    typos = None if args.no_typos else shutil.which("typos")
    if not args.no_typos and typos is None:
        sys.exit("missing: typos (cargo install --locked typos-cli)")
    if not os.path.isdir(DATA):
        sys.exit(f"missing: {DATA}")
    only = set(filter(None, args.only.split(",")))
    cores = os.cpu_count()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        tmp = args.keep
    else:
        tmp = tempfile.mkdtemp(prefix="mtlint-bench-")
    try:
        corpora = build(tmp, args.scale, only)
        if args.runs == 0:
            for name, path, size, files in corpora:
                print(f"{name:14} {files:6} {size / 1e6:7.2f} MB  {path}")
            return
        versions = [subprocess.run([t, "--version"], capture_output=True, text=True).stdout.strip() for t in tools]
        if typos:
            versions.append(subprocess.run([typos, "--version"], capture_output=True, text=True).stdout.strip())
        print(f"{cores} cores; {', '.join(versions)}; median of {args.runs} runs, A B A B")
        print(f"{'corpus':14} {'files':>6} {'MB':>7} {'threads':>7} {'tool':10} {'s':>7} {'MB/s':>7} {'×typos':>7} {'peak MB':>8}")
        for name, path, size, files in corpora:
            for threads in args.threads.split(","):
                cmds = [
                    (f"mtlint{i or ''}", [t, "check", "--isolated", "--format", "jsonl", "-j", threads, path])
                    for i, t in enumerate(tools)
                ]
                if typos:
                    cmds.append(("typos", [typos, "--format", "brief", "--threads", threads, path]))
                times = {n: [] for n, _ in cmds}
                peaks = {n: 0 for n, _ in cmds}
                for _ in range(args.runs):
                    for n, c in cmds:
                        s, k = timed(c)
                        times[n].append(s)
                        peaks[n] = max(peaks[n], k)
                med = {n: statistics.median(v) for n, v in times.items()}
                for n, _ in cmds:
                    m = max(med[n], 0.005)
                    ratio = f"{m / max(med['typos'], 0.005):7.1f}" if typos else "      -"
                    print(
                        f"{name:14} {files:6} {size / 1e6:7.2f} {threads:>7} {n:10} {med[n]:7.2f} "
                        f"{size / 1e6 / m:7.2f} {ratio} {peaks[n] / 1024:8.0f}",
                        flush=True,
                    )
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
