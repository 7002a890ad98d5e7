"""Mention-level evaluation of recognition + linking against hand-made gold lists.

A gold item is ``[surface, entity_id, code]``; anonymous actors use the id ``anon``
(their document-local numbering is not compared). A predicted mention counts as
correct when a gold item has the same surface text, entity and code; comparison is on
multisets, so repeated mentions must all be found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.model import Document

__all__ = ["Score", "predicted_items", "score"]

Item = tuple[str, str, str | None]


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def predicted_items(doc: Document, end: int | None = None) -> list[Item]:
    """``(surface, entity id, code)`` for each mention starting before ``end``."""
    codes = {e.id: e.code for e in doc.entities}
    out = []
    for m in doc.mentions:
        if end is not None and m.span.start >= end:
            continue
        eid = m.entity_id or ""
        out.append((m.text, "anon" if eid.startswith("anon:") else eid, codes.get(eid)))
    return out


def score(predicted: Iterable[Item], gold: Iterable[Item]) -> tuple[Score, list[Item], list[Item]]:
    """The score, the false positives and the misses."""
    p: Counter[Item] = Counter(predicted)
    g: Counter[Item] = Counter((x[0], x[1], x[2]) for x in gold)
    tp = sum((p & g).values(), 0)
    fps, fns = list((p - g).elements()), list((g - p).elements())
    return Score(tp, len(fps), len(fns)), fps, fns
