"""Standoff annotation records. Every record is frozen and points into ``Document.text``.

The ``to_json`` methods produce exactly the shapes of the record contract
(ARCHITECTURE.md section 3); ``from_json`` reads them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "GPE", "LOC", "MEDIA", "GROUP"]
Modality = Literal["asserted", "negated", "future", "hypothetical"]
QuoteKind = Literal["direct", "indirect"]
Precision = Literal["day", "week", "month", "year"]

ENTITY_TYPES: frozenset[str] = frozenset({"PER", "ORG", "GPE", "LOC", "MEDIA", "GROUP"})
MODALITIES: frozenset[str] = frozenset({"asserted", "negated", "future", "hypothetical"})


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character span ``[start, end)`` of ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """The covered text."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_json(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            out["text"] = self.of(text)
        return out


@dataclass(frozen=True)
class Sentence:
    span: Span

    def to_json(self) -> dict[str, Any]:
        return self.span.to_json()


@dataclass(frozen=True)
class Mention:
    """A recognised actor or place mention, possibly linked to a KB entry."""

    span: Span
    text: str
    type: str
    entity_id: str | None = None
    source: str = "kb"  # "kb" (gazetteer), "ner" (statistical), "role", "anon"


@dataclass(frozen=True)
class Entity:
    """A document-level entity: one KB entry (or provisional actor) with its mentions."""

    id: str
    type: str
    name_ar: str
    name_en: str | None
    code: str | None
    wikidata: str | None
    mentions: tuple[Span, ...]
    anonymous: bool = False

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name_ar": self.name_ar,
            "name_en": self.name_en,
            "code": self.code,
            "wikidata": self.wikidata,
            "anonymous": self.anonymous,
            "mentions": [m.to_json(text) for m in self.mentions],
        }


@dataclass(frozen=True)
class ActorRef:
    """An event or quote argument: a span of text, optionally linked to an entity."""

    span: Span
    entity_id: str | None = None
    code: str | None = None
    anonymous: bool = False

    def to_json(self, text: str) -> dict[str, Any]:
        return {"entity_id": self.entity_id, "code": self.code, **self.span.to_json(text)}


@dataclass(frozen=True)
class Quote:
    """A statement: who said what, how, and through which media."""

    speaker: ActorRef | None
    verb: str
    kind: QuoteKind
    content: Span
    via: tuple[str, ...] = ()
    sentence: int = 0

    def to_json(self, text: str) -> dict[str, Any]:
        if self.speaker is None:
            speaker: dict[str, Any] = {
                "entity_id": None,
                "code": None,
                "text": "",
                "start": None,
                "end": None,
                "anonymous": False,
                "resolved": False,
            }
        else:
            speaker = {
                **self.speaker.to_json(text),
                "anonymous": self.speaker.anonymous,
                "resolved": True,
            }
        return {
            "speaker": speaker,
            "verb": self.verb,
            "kind": self.kind,
            "content": self.content.to_json(text),
            "via": list(self.via),
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Location:
    name: str
    code: str | None
    span: Span

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "start": self.span.start,
            "end": self.span.end,
        }


@dataclass(frozen=True)
class EventDate:
    """A resolved date: ``value`` is YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY."""

    value: str
    precision: Precision
    text: str
    from_publication: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "precision": self.precision,
            "text": self.text,
            "from_publication": self.from_publication,
        }


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in the text and resolved against the publication date."""

    span: Span
    date: EventDate


@dataclass(frozen=True)
class Event:
    """A coded event: who did what to whom, with modality, date, place and evidence."""

    cameo: str
    type: str | None
    mode: str | None
    goldstein: float
    quad_class: int
    source: ActorRef | None
    target: ActorRef | None
    modality: Modality
    evidence: Span
    sentence: int
    confidence: float
    mediator: ActorRef | None = None
    location: Location | None = None
    date: EventDate | None = None
    trigger: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self, text: str) -> dict[str, Any]:
        def ref(r: ActorRef | None) -> dict[str, Any] | None:
            return None if r is None else r.to_json(text)

        return {
            "cameo": self.cameo,
            "type": self.type,
            "mode": self.mode,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": ref(self.source),
            "target": ref(self.target),
            "mediator": ref(self.mediator),
            "location": None if self.location is None else self.location.to_json(text),
            "modality": self.modality,
            "date": None if self.date is None else self.date.to_json(),
            "evidence": self.evidence.to_json(text),
            "sentence": self.sentence,
            "confidence": round(self.confidence, 4),
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class Removed:
    """Text taken out of the page during cleaning, and why."""

    text: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}
