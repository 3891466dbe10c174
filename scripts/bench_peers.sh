#!/usr/bin/env bash
# mtlint beside typos on the same bytes, in one run: the peer benchmark of
# docs/measurements.md (Throughput) and the README's performance section.
#
#   scripts/bench_peers.sh [--runs N] [--scale F] [--threads 1,2] [--only NAME,...]
#
# Builds mtlint (release), installs typos where missing (`cargo install
# --locked typos-cli`), builds the corpora from ../shared/data in a temporary
# folder and runs both tools A B A B: see scripts/bench_peers.py for the
# corpora and the options. Needs `msgunfmt` (Debian's gettext) for the
# catalogue corpus, and GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --locked --quiet
if ! command -v typos >/dev/null 2>&1; then
    cargo install --locked --quiet typos-cli
fi
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (Debian's time package)" >&2; exit 2; }
exec python3 "$root/scripts/bench_peers.py" "$@"
