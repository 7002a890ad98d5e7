"""The "actors" pipeline component and helpers other layers use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.actors.kb import load_kb
from marsad.actors.linker import Linker
from marsad.model import Document, Entity, Span
from marsad.pipeline.registry import Component, register

__all__ = ["ActorsComponent", "entity_at", "make"]

VERSION = "1"


@dataclass(frozen=True)
class ActorsComponent:
    """Fills ``Document.mentions`` and ``Document.entities`` from the KB (+ NER)."""

    linker: Linker = field(repr=False)
    name: str = "actors"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("mentions", "entities")

    def __call__(self, doc: Document) -> Document:
        mentions, entities = self.linker(doc)
        return doc.with_layers(mentions=mentions, entities=entities)

    @property
    def resource_hash(self) -> str:
        """sha256 of the knowledge-base files, for the run table."""
        return self.linker.kb.sha256


@register("actors", version=VERSION)
def make(options: Mapping[str, Any]) -> Component:
    """Build the component. Options: ``ner`` (bool, default true): use the NER model
    for unknown people when it is installed."""
    unknown = set(options) - {"ner"}
    if unknown:
        raise ValueError(f"unknown actors options {sorted(unknown)}; known: ['ner']")
    linker = Linker(load_kb(), use_ner=bool(options.get("ner", True)))
    return ActorsComponent(linker)


def entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)`` of ``doc.text``.

    A mention inside the span wins over one that only overlaps it; among equals the
    longest mention wins, so "الرئيس الأمريكي جو بايدن" gives Biden, not the US.
    """
    span = Span(start, end)
    best: tuple[int, int, Entity] | None = None
    for entity in doc.entities:
        for m in entity.mentions:
            if not (m.overlaps(span) or (start == end and m.start <= start < m.end)):
                continue
            rank = (1 if span.contains(m) else 0, m.end - m.start)
            if best is None or rank > best[:2]:
                best = (rank[0], rank[1], entity)
    return None if best is None else best[2]
