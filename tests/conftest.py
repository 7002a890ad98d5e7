"""Shared fixtures: the ../shared folder, seed pages, and small hand-built documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """``../shared`` beside the repo, or ``$MARSAD_SHARED``."""
    return Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "seeds").is_dir():
        pytest.skip(f"shared material not found at {path} (set MARSAD_SHARED)")
    return path


@pytest.fixture(scope="session")
def seeds(shared: Path) -> dict[str, str]:
    """Seed pages by file stem."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))}
