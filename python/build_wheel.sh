#!/usr/bin/env bash
# Builds the Python wheel of mtlint: one abi3 wheel (CPython 3.9 and later)
# holding the extension module and the `mtlint` binary, installed as the
# wheel's script (as ruff's wheel carries ruff). Needs maturin on PATH
# (`pip install maturin`). Usage: python/build_wheel.sh [OUT_DIR]; the wheel
# goes to OUT_DIR (default: $CARGO_TARGET_DIR/wheels, else target/wheels).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
target="${CARGO_TARGET_DIR:-$repo/target}"
out="${1:-$target/wheels}"
cd "$repo"
# The binary first: maturin packs the extension and, from wheel-data/, the
# files it is given. Both share the release build of the library.
cargo build --release --locked --bin mtlint
mkdir -p "$here/wheel-data/scripts"
cp "$target/release/mtlint" "$here/wheel-data/scripts/mtlint"
maturin build --release --locked --manifest-path "$here/Cargo.toml" --out "$out"
