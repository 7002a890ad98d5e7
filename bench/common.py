"""Helpers shared by the benchmarks: the SaudiNewsNet reader, memory readings, timing."""

from __future__ import annotations

import json
import lzma
import os
import platform
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.xz"


def saudinewsnet(limit: int | None = None) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line bytes) of the SaudiNewsNet corpus, streamed."""
    with lzma.open(CORPUS, "rb") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield i, line


def article(line: bytes) -> dict[str, str]:
    """Decode one corpus line (the decode step every pass pays)."""
    return json.loads(line.decode("utf-8"))


def rss_mb() -> float:
    """Current resident memory of this process, in MB (Linux /proc)."""
    with open("/proc/self/status") as fh:
        for row in fh:
            if row.startswith("VmRSS:"):
                return int(row.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for row in fh:
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) / 1024
    return float("nan")


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
