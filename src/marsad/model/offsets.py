"""Offset maps: how characters of a derived text line up with the text it came from.

A derived text (the cleaned story, or its normalised matching copy) keeps, for every
character, the index of the character it came from in the source text. Spans map back
by looking up their first and last character, so deletions (tatweel, diacritics,
dropped chrome lines) and one-to-one replacements (alef forms, digits) both round-trip
exactly. Characters that were *inserted* (a paragraph break joining two kept lines)
point at the source position just before which they were inserted.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OffsetMap:
    """Maps character offsets of a derived text to offsets of its source text.

    ``points[i]`` is the source index of derived character ``i``; ``points`` has one
    extra trailing entry, the source length, so that an empty span at the end maps too.
    """

    points: array = field(repr=False)
    source_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that is its own source."""
        return cls(array("l", range(length + 1)), length)

    @classmethod
    def from_points(cls, points: Iterable[int], source_length: int) -> OffsetMap:
        """Build from per-character source indices (the trailing entry is added here)."""
        arr = array("l", points)
        arr.append(source_length)
        return cls(arr, source_length)

    def __len__(self) -> int:
        return len(self.points) - 1

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open derived span ``[start, end)`` to a half-open source span."""
        if not 0 <= start <= end <= len(self):
            raise ValueError(f"span [{start}, {end}) is outside a text of length {len(self)}")
        src_start = self.points[start]
        if end == start:
            return src_start, src_start
        return src_start, self.points[end - 1] + 1

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Chain maps: ``self`` maps derived -> middle and ``inner`` maps middle -> source."""
        if self.source_length != len(inner):
            raise ValueError(
                f"cannot compose: this map's source has {self.source_length} characters "
                f"but the inner map describes {len(inner)}"
            )
        pts = inner.points
        return OffsetMap(array("l", (pts[p] for p in self.points)), inner.source_length)

    def to_list(self) -> list[int]:
        """The per-character source indices, without the trailing entry (for JSON)."""
        return list(self.points[:-1])


class OffsetMapBuilder:
    """Accumulates a derived text piece by piece, remembering where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._points = array("l")

    def copy(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        self._parts.append(source[start:end])
        self._points.extend(range(start, end))

    def insert(self, text: str, at: int) -> None:
        """Append text that has no source characters; it points at source index ``at``."""
        self._parts.append(text)
        self._points.extend([at] * len(text))

    def replace(self, text: str, points: Sequence[int]) -> None:
        """Append text whose characters come from the given source indices."""
        if len(text) != len(points):
            raise ValueError("replace() needs one source index per character")
        self._parts.append(text)
        self._points.extend(points)

    def build(self, source_length: int) -> tuple[str, OffsetMap]:
        """Return the derived text and its map."""
        points = array("l", self._points)
        points.append(source_length)
        return "".join(self._parts), OffsetMap(points, source_length)
