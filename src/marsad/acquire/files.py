"""Local sources: expanding paths, folders and globs, and bounded reading of files/stdin."""

from __future__ import annotations

import glob
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from marsad.acquire import reasons
from marsad.model import Rejected

_GLOB_CHARS = frozenset("*?[")
STDIN_SOURCE = "<stdin>"


@dataclass(frozen=True)
class Target:
    """One thing to read: ``kind`` is "file", "stdin" or "url"; ``name`` is its source."""

    kind: str
    name: str


def expand_sources(sources: list[str] | tuple[str, ...]) -> Iterator[Target | Rejected]:
    """Turn user sources into targets, in order; each file once (by resolved path).

    Folders are walked recursively in sorted order, skipping hidden files and folders
    (names starting with "."); glob matches are sorted. Names keep the user's spelling
    (normalised, with "/" separators) so ids do not depend on the working directory.
    """
    seen: set[str] = set()
    stdin_done = False
    for source in sources:
        if source == "-":
            if not stdin_done:
                stdin_done = True
                yield Target("stdin", STDIN_SOURCE)
            continue
        for item in _expand_one(source):
            if isinstance(item, Target) and item.kind == "file":
                resolved = os.path.realpath(item.name)
                if resolved in seen:
                    continue
                seen.add(resolved)
            yield item


def _expand_one(source: str) -> Iterator[Target | Rejected]:
    lowered = source.lower()
    if lowered.startswith(("http://", "https://")):
        yield Target("url", source)
    elif "://" in source:
        yield reasons.reject(reasons.UNSUPPORTED_SOURCE,
                             "only files, folders, globs, '-' and http(s) URLs are read",
                             source)
    elif os.path.isdir(source):
        yield from _walk(source)
    elif os.path.exists(source):
        yield _file_target(source)
    elif _GLOB_CHARS & set(source):
        yield from _glob(source)
    else:
        yield reasons.reject(reasons.NOT_FOUND, "no such file or folder", source)


def _walk(folder: str) -> Iterator[Target | Rejected]:
    paths: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = os.path.join(root, name)
                paths.append((Path(os.path.relpath(path, folder)).parts, path))
    if not paths:
        yield reasons.reject(reasons.NOT_FOUND, "the folder holds no (visible) files", folder)
    # Sorted by path components, so the order is the same on every file system.
    for _parts, path in sorted(paths):
        yield _file_target(path)


def _glob(pattern: str) -> Iterator[Target | Rejected]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield reasons.reject(reasons.NOT_FOUND, "no file matches the pattern", pattern)
    for match in matches:
        yield from (_walk(match) if os.path.isdir(match) else [_file_target(match)])


def _file_target(path: str) -> Target | Rejected:
    name = Path(os.path.normpath(path)).as_posix()
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return reasons.reject(reasons.UNREADABLE, f"cannot stat: {err.strerror}", name)
    if not stat.S_ISREG(mode):
        return reasons.reject(reasons.UNSUPPORTED_SOURCE, "not a regular file", name)
    return Target("file", name)


def read_file(path: str | Path, max_bytes: int) -> bytes | tuple[str, str]:
    """The bytes of a file, or (reason, detail). Size is checked before reading."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return reasons.TOO_LARGE, f"{size} bytes, over the {max_bytes}-byte limit"
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return reasons.NOT_FOUND, f"no such file: {path}"
    except OSError as err:
        return reasons.UNREADABLE, f"cannot read {path}: {err.strerror or err}"
    if len(data) > max_bytes:  # the file grew after stat
        return reasons.TOO_LARGE, f"over the {max_bytes}-byte limit"
    return data


def read_bounded(stream: IO[bytes], max_bytes: int) -> bytes | tuple[str, str]:
    """Read at most ``max_bytes + 1`` bytes; more than ``max_bytes`` is a rejection."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return reasons.TOO_LARGE, f"more than the {max_bytes}-byte limit"
    return data


class _Chained(io.RawIOBase):
    """A read-only stream of ``head`` followed by the rest of ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def peekable(stream: IO[bytes], size: int) -> tuple[bytes, IO[bytes]]:
    """The first ``size`` bytes of a non-seekable stream, and a stream that replays them."""
    head = stream.read(size)
    return head, io.BufferedReader(_Chained(head, stream))
