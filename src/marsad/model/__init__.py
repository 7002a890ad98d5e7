"""Pure data model: documents, spans, offset maps and annotation records. No I/O."""

from marsad.model.annotations import (
    ActorRef,
    Entity,
    Event,
    EventDate,
    Location,
    Mention,
    Quote,
    Removed,
    Sentence,
    Span,
    TimeExpression,
)
from marsad.model.document import Document, Meta, Provenance, RawInput, Rejected, content_hash
from marsad.model.offsets import OffsetMap, OffsetMapBuilder
from marsad.model.record import check_record, to_record

__all__ = [
    "ActorRef",
    "Document",
    "Entity",
    "Event",
    "EventDate",
    "Location",
    "Mention",
    "Meta",
    "OffsetMap",
    "OffsetMapBuilder",
    "Provenance",
    "Quote",
    "RawInput",
    "Rejected",
    "Removed",
    "Sentence",
    "Span",
    "TimeExpression",
    "check_record",
    "content_hash",
    "to_record",
]
