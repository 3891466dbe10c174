#!/usr/bin/env bash
# mtlint beside typos on the same bytes, in one run: the peer benchmark of
# docs/measurements.md (Throughput).
#
#   scripts/bench_peer.sh [RUNS]
#
# The corpus, built in a temporary folder and never in the repository: the
# `msgstr` text of the French, Russian and Spanish gettext catalogues under
# /usr/share/locale (one file per catalogue, through `msgunfmt` from
# Debian's gettext) and the files of ../shared/data (NTREX-128, UD PUD).
# Each tool runs RUNS times (default 3) on one thread and on every core; the
# best time counts. Needs a release build of mtlint (`cargo build
# --release`), `typos` (`cargo install typos-cli`) and `msgunfmt`.
set -euo pipefail

runs="${1:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
mtlint="$root/target/release/mtlint"
data="$root/../shared/data"
for tool in "$mtlint" typos msgunfmt; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
for lang in fr ru es; do
    for mo in /usr/share/locale/"$lang"/LC_MESSAGES/*.mo; do
        [ -e "$mo" ] || continue
        # The translations only: msgstr lines and their continuations,
        # unquoted.
        msgunfmt "$mo" 2>/dev/null | awk '
            /^msgstr/ { on = 1; sub(/^msgstr(\[[0-9]+\])? /, "") }
            /^msgid/ || /^$/ { on = 0 }
            on && /^"/ { gsub(/^"|"$/, ""); gsub(/\\n/, "\n"); print }
        ' > "$corpus/$lang-$(basename "$mo" .mo).txt" || true
    done
done
if [ -d "$data" ]; then
    # The news texts, not the licenses or the document ids.
    for f in "$data"/ntrex/newstest*.txt "$data"/ud-pud/*.sentences.txt; do
        [ -e "$f" ] && cp "$f" "$corpus/data-$(basename "$f")"
    done
fi
bytes=$(cat "$corpus"/* | wc -c)
cores=$(nproc)
echo "corpus: $(ls "$corpus" | wc -l) files, $bytes bytes; $cores cores"
echo "mtlint $("$mtlint" --version | cut -d' ' -f2), $(typos --version)"

best() { # best wall time of "$@" over $runs runs, in seconds
    local best=""
    for _ in $(seq "$runs"); do
        local s e t
        s=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

printf '%-8s %8s %10s %10s\n' tool threads seconds MB/s
for threads in 1 "$cores"; do
    m=$(best "$mtlint" check --isolated --format jsonl -j "$threads" "$corpus")
    t=$(best typos --format brief --threads "$threads" "$corpus")
    printf '%-8s %8s %10.2f %10.2f\n' mtlint "$threads" "$m" "$(echo "$bytes / 1000000 / $m" | bc -l)"
    printf '%-8s %8s %10.2f %10.2f\n' typos "$threads" "$t" "$(echo "$bytes / 1000000 / $t" | bc -l)"
done
