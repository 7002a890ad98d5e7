"""The immutable document, its provenance, raw inputs and typed rejections."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from marsad.model.annotations import (
    Entity,
    Event,
    Mention,
    Quote,
    Removed,
    Sentence,
    TimeExpression,
)
from marsad.model.offsets import OffsetMap

if TYPE_CHECKING:
    from marsad.text.normalize import Normalized


@dataclass(frozen=True)
class Provenance:
    """Where an input came from: a path or URL, a locator inside it, and a content hash."""

    source: str
    locator: str = ""
    sha256: str = ""
    encoding: str | None = None
    fetched_at: str | None = None
    input_format: str = "text"

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "locator": self.locator,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "fetched_at": self.fetched_at,
            "input_format": self.input_format,
        }


@dataclass(frozen=True)
class Meta:
    """Article metadata. Unknown values are ``None``."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None

    def merged(self, fallback: Meta) -> Meta:
        """Fill the fields this object lacks from ``fallback``."""
        return Meta(
            title=self.title or fallback.title,
            outlet=self.outlet or fallback.outlet,
            published=self.published or fallback.published,
            url=self.url or fallback.url,
            author=self.author or fallback.author,
        )


@dataclass(frozen=True)
class RawInput:
    """One decoded input (a page, a JSONL line, a WARC record) before cleaning.

    ``format`` is ``"text"`` (plain-text scrape) or ``"html"``. ``meta`` holds metadata
    known from outside the content (JSONL fields, feed items, CLI options).
    """

    id: str
    format: str
    content: str
    provenance: Provenance
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True)
class Rejected:
    """A per-document problem, recorded as data: the stage, a reason code and a detail."""

    stage: str
    reason: str
    detail: str
    source: str = ""
    locator: str = ""
    sha256: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "reason": self.reason,
            "detail": self.detail,
            "source": self.source,
            "locator": self.locator,
            "sha256": self.sha256,
        }


def content_hash(text: str) -> str:
    """Stable identity of a story's content: sha256 of its whitespace-collapsed text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One story: the original input once, the cleaned text, and standoff layers.

    ``text`` is the offset base of every annotation. ``offsets`` maps it back to
    ``original`` (the decoded input, HTML source included). Stages return new
    documents through :meth:`with_layers`; nothing is mutated.
    """

    id: str
    original: str
    text: str
    offsets: OffsetMap
    provenance: Provenance
    meta: Meta = field(default_factory=Meta)
    parent_id: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    layers_done: frozenset[str] = frozenset()

    def with_layers(self, **changes: Any) -> Document:
        """A copy with some fields replaced; layer names are recorded as done."""
        done = self.layers_done | {k for k in changes if k in LAYER_FIELDS}
        return replace(self, layers_done=done, **changes)

    @cached_property
    def normalized(self) -> Normalized:
        """The matching copy of ``text`` with its offset map (computed once, lazily)."""
        from marsad.text.normalize import normalize

        return normalize(self.text)

    @cached_property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the original input."""
        return self.offsets.to_source(start, end)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the last one that starts before it)."""
        idx = 0
        for i, sent in enumerate(self.sentences):
            if sent.span.start <= offset:
                idx = i
            else:
                break
        return idx


LAYER_FIELDS: frozenset[str] = frozenset(
    {"language", "sentences", "mentions", "entities", "quotes", "events", "timexes"}
)
