"""The type stubs (_mtlint.pyi) match the extension: mypy's stubtest compares
every name, signature and default of the stub with the module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

ALLOWLIST = Path(__file__).resolve().parents[1] / "stubtest-allowlist.txt"


def test_the_stubs_match_the_module():
    p = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "mtlint._mtlint", "--allowlist", str(ALLOWLIST)],
        capture_output=True, text=True, cwd=Path(sys.executable).parent,
    )
    assert p.returncode == 0, p.stdout + p.stderr


def test_a_typed_program_checks():
    """A program using the package passes mypy --strict: the stubs type every result."""
    program = Path(__file__).parent / "typed_use.py"
    p = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(program)],
        capture_output=True, text=True, cwd=Path(sys.executable).parent,
    )
    assert p.returncode == 0, p.stdout + p.stderr
