#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for SECONDS seconds each (default 7), from
# its seed corpus (fuzz/corpus/TARGET, read only: new inputs go to a scratch
# folder) with fuzz/mtlint.dict, inputs up to 4 KB. Fails on the first
# crash or on an input that takes more than FUZZ_TIMEOUT seconds (default
# 10: one input of the scan target is about ten scans, a scan and the fix
# loops of both modes, and a seed with many joined-words searches takes
# over a second on this machine; see README.md#reliability). The input that
# failed is in fuzz/artifacts/TARGET/.
# Built without a sanitizer: mtlint has no unsafe code, and AddressSanitizer
# would halve the executions. Needs the nightly toolchain and cargo-fuzz
# (installed when missing).
#
#   scripts/fuzz.sh            # about a minute in all: what .ci/run does
#   scripts/fuzz.sh 60 scan    # one target, a minute
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-7}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(scan config jsonl suppressions markdown html subtitles po xliff)
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
cargo +nightly fuzz build --sanitizer none
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for t in "${targets[@]}"; do
  echo "== fuzz $t (${seconds}s)"
  mkdir -p "$scratch/$t"
  log="$scratch/$t.log"
  if ! cargo +nightly fuzz run --sanitizer none "$t" "$scratch/$t" "corpus/$t" -- \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -max_len=4096 -dict=mtlint.dict \
    -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz target $t failed: the input is in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ +DONE' "$log" || true
done
