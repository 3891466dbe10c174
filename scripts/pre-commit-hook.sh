#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml. pre-commit's `language:
# rust` builds with `cargo install --path .`, which ignores Cargo.lock, so the
# hook would run with dependency versions CI never tested; this script builds
# mtlint from this repository with `--locked` instead (once: later runs find
# the build up to date), then runs it on the files pre-commit names.
# CARGO_TARGET_DIR, when set, is where it builds.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
if ! command -v cargo >/dev/null 2>&1; then
  echo "mtlint hook: cargo is needed to build mtlint (https://rustup.rs)" >&2
  exit 2
fi
# Quiet unless it fails; cargo's lock makes parallel hook runs wait for one build.
cargo build --release --locked --quiet --bin mtlint \
  --manifest-path "$repo/Cargo.toml" --target-dir "$target" >&2
exec "$target/release/mtlint" "$@"
