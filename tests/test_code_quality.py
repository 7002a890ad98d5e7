"""The package type-checks with mypy and passes ruff (the project's own lint settings)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True,
                          text=True, timeout=600)


def test_ruff_is_clean() -> None:
    if shutil.which("ruff") is None and run("ruff", "--version").returncode != 0:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    out = run("ruff", "check", "src")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean() -> None:
    if run("mypy", "--version").returncode != 0:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    out = run("mypy", "src/marsad")
    assert out.returncode == 0, out.stdout + out.stderr
