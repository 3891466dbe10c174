#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml as a pre-commit user would run it: installs
# pre-commit from PyPI into a virtual environment, then runs
# `pre-commit try-repo` with this repository (uncommitted changes included)
# on a scratch git repository holding one garbled and one clean file.
# Needs PyPI and crates.io (the hook builds mtlint with `cargo build --locked`).
# Set CARGO_TARGET_DIR to reuse an earlier release build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export PRE_COMMIT_HOME="$work/cache"
export PATH="$work/venv/bin:$PATH"

mkdir "$work/site" && cd "$work/site"
git init --quiet
git config user.email ci@example.invalid
git config user.name ci
# U+FFFD: a replacement-character error, which fails the hook.
printf 'قال بوتين \xef\xbf\xbd اليوم.\n' > garbled.md
printf 'Hello world.\n' > clean.txt
printf 'not text \xef\xbf\xbd but not linted: wrong extension\n' > other.csv
# Excluded by the configuration: pre-commit names it, --force-exclude skips it.
mkdir drafts && printf 'مسودة \xef\xbf\xbd\n' > drafts/draft.md
printf 'exclude = ["drafts"]\n' > mtlint.toml
git add . && git commit --quiet -m scratch

echo "== pre-commit try-repo on a garbled file: must fail"
if pre-commit try-repo "$repo" mtlint --all-files > "$work/out.txt" 2>&1; then
  cat "$work/out.txt"; echo "FAIL: the garbled file passed" >&2; exit 1
fi
grep -q 'replacement-character' "$work/out.txt" || { cat "$work/out.txt"; echo "FAIL: no finding shown" >&2; exit 1; }
grep -q 'garbled.md' "$work/out.txt" || { cat "$work/out.txt"; exit 1; }
if grep -q 'other.csv' "$work/out.txt"; then cat "$work/out.txt"; echo "FAIL: a .csv was linted" >&2; exit 1; fi
if grep -q 'draft.md' "$work/out.txt"; then cat "$work/out.txt"; echo "FAIL: an excluded file was linted" >&2; exit 1; fi

echo "== pre-commit try-repo on the clean file: must pass"
pre-commit try-repo "$repo" mtlint --files clean.txt > "$work/out2.txt" 2>&1 || { cat "$work/out2.txt"; echo "FAIL: the clean file failed" >&2; exit 1; }
echo "pre-commit: 2 passed, 0 failed"
