#!/usr/bin/env bash
# The Python package's tests, as .ci/run runs them: builds the wheel once
# (python/build_wheel.sh, reusing the release build in CARGO_TARGET_DIR),
# installs it with pytest, datatrove and pyspark into a virtual environment
# under the target folder, and runs python/tests: the package against the
# wheel's `mtlint` binary, a datatrove pipeline, a PySpark job in local[2].
# Installs Java 17 (Debian's openjdk-17-jre-headless) when there is no java.
# Needs PyPI (and Debian's archive without Java).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
venv="$CARGO_TARGET_DIR/python-venv"

if ! command -v java >/dev/null 2>&1; then
  echo "== installing Java 17 for PySpark (openjdk-17-jre-headless)"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet "maturin>=1.7,<2" pytest mypy datatrove regex orjson pyspark
export PATH="$venv/bin:$PATH"

rm -rf "$CARGO_TARGET_DIR/wheels"
"$here/build_wheel.sh" "$CARGO_TARGET_DIR/wheels"
wheel="$(ls "$CARGO_TARGET_DIR"/wheels/mtlint-*-abi3-*.whl)"
echo "== installing $(basename "$wheel")"
"$venv/bin/pip" install --quiet --force-reinstall --no-deps "$wheel"
# From tests/: the source folder mtlint/ (without the extension) must not shadow the installed package.
cd "$here/tests"
"$venv/bin/python" -m pytest -q -p no:cacheprovider .
