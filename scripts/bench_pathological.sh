#!/usr/bin/env bash
# mtlint on inputs built to be hard (one 100 MB line, 1 MB of one letter,
# 100,000 nested brackets, 100,000 findings, one 50 MB JSON Lines document,
# 10,000 tiny files): MB/s and peak memory for each, as in docs/measurements.md
# (Pathological inputs). See scripts/bench_pathological.py for the options.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --locked --quiet
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (Debian's time package)" >&2; exit 2; }
exec python3 "$root/scripts/bench_pathological.py" "$@"
