"""The record contract: one JSON object per story (ARCHITECTURE.md section 3)."""

from __future__ import annotations

from typing import Any

from marsad.model.document import Document

REQUIRED_KEYS: tuple[str, ...] = (
    "id",
    "parent_id",
    "title",
    "outlet",
    "published",
    "url",
    "language",
    "text",
    "sentences",
    "entities",
    "quotes",
    "events",
    "removed",
)


def to_record(doc: Document, *, with_provenance: bool = True) -> dict[str, Any]:
    """Serialise a document to a contract record.

    Optional extra keys (``provenance``, ``content_hash``, ``timexes``, ``author``)
    follow the required ones; readers of the contract may ignore them.
    """
    text = doc.text
    rec: dict[str, Any] = {
        "id": doc.id,
        "parent_id": doc.parent_id,
        "title": doc.meta.title,
        "outlet": doc.meta.outlet,
        "published": doc.meta.published,
        "url": doc.meta.url,
        "language": doc.language,
        "text": text,
        "sentences": [s.to_json() for s in doc.sentences],
        "entities": [e.to_json(text) for e in doc.entities],
        "quotes": [q.to_json(text) for q in doc.quotes],
        "events": [e.to_json(text) for e in doc.events],
        "removed": [r.to_json() for r in doc.removed],
        "author": doc.meta.author,
        "content_hash": doc.content_hash,
        "timexes": [{**t.span.to_json(text), **t.date.to_json()} for t in doc.timexes],
    }
    if with_provenance:
        rec["provenance"] = doc.provenance.to_json()
    return rec


def check_record(rec: dict[str, Any]) -> list[str]:
    """Problems with a record's shape and offsets (empty when it honours the contract)."""
    problems = [f"missing key {k!r}" for k in REQUIRED_KEYS if k not in rec]
    text = rec.get("text") or ""

    def check_span(where: str, span: dict[str, Any] | None) -> None:
        if not span or span.get("start") is None:
            return
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            problems.append(f"{where}: span [{start}, {end}) outside text")
        elif "text" in span and span["text"] != text[start:end]:
            problems.append(f"{where}: span text does not match text[{start}:{end}]")

    for i, s in enumerate(rec.get("sentences", [])):
        check_span(f"sentences[{i}]", s)
    for i, e in enumerate(rec.get("entities", [])):
        for j, m in enumerate(e.get("mentions", [])):
            check_span(f"entities[{i}].mentions[{j}]", m)
    for i, q in enumerate(rec.get("quotes", [])):
        check_span(f"quotes[{i}].content", q.get("content"))
        check_span(f"quotes[{i}].speaker", q.get("speaker"))
    for i, ev in enumerate(rec.get("events", [])):
        for key in ("evidence", "source", "target", "mediator", "location"):
            check_span(f"events[{i}].{key}", ev.get(key))
    return problems
