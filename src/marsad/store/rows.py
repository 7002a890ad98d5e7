"""Flatten contract records into table rows (shared by the local store and exports)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from marsad.text.normalize import fold


def parse_day(value: str | None) -> date | None:
    """The calendar day of a YYYY-MM-DD or ISO timestamp string, else ``None``."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _ref(ref: dict[str, Any] | None, key: str) -> Any:
    return None if ref is None else ref.get(key)


def entity_rows(doc_id: str, rec: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            doc_id,
            e["id"],
            e["type"],
            e.get("name_ar"),
            e.get("name_en"),
            e.get("code"),
            bool(e.get("anonymous", False)),
            len(e.get("mentions", [])),
        )
        for e in rec.get("entities", [])
    ]


def mention_rows(doc_id: str, rec: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (doc_id, e["id"], m["start"], m["end"], m.get("text"))
        for e in rec.get("entities", [])
        for m in e.get("mentions", [])
    ]


def quote_rows(doc_id: str, rec: dict[str, Any]) -> list[tuple[Any, ...]]:
    day = parse_day(rec.get("published"))
    rows = []
    for i, q in enumerate(rec.get("quotes", [])):
        sp, content = q.get("speaker") or {}, q["content"]
        rows.append(
            (
                doc_id,
                i,
                day,
                rec.get("outlet"),
                sp.get("text"),
                sp.get("entity_id"),
                sp.get("code"),
                bool(sp.get("anonymous", False)),
                bool(sp.get("resolved", sp.get("text") not in (None, ""))),
                q.get("verb"),
                q.get("kind"),
                content.get("text"),
                fold(content.get("text") or ""),
                content["start"],
                content["end"],
                json.dumps(q.get("via", []), ensure_ascii=False),
                q.get("sentence"),
                fold(sp.get("text") or ""),
            )
        )
    return rows


def event_rows(doc_id: str, rec: dict[str, Any]) -> list[tuple[Any, ...]]:
    day = parse_day(rec.get("published"))
    rows = []
    for i, ev in enumerate(rec.get("events", [])):
        src, tgt, med, loc = (
            ev.get("source"),
            ev.get("target"),
            ev.get("mediator"),
            ev.get("location"),
        )
        dt, evid = ev.get("date") or {}, ev["evidence"]
        cameo = str(ev["cameo"])
        rows.append(
            (
                doc_id,
                i,
                day,
                rec.get("outlet"),
                cameo,
                cameo[:2],
                ev.get("type"),
                ev.get("mode"),
                ev.get("goldstein"),
                ev.get("quad_class"),
                _ref(src, "entity_id"),
                _ref(src, "code"),
                _ref(src, "text"),
                _ref(tgt, "entity_id"),
                _ref(tgt, "code"),
                _ref(tgt, "text"),
                _ref(med, "entity_id"),
                _ref(med, "code"),
                _ref(loc, "name"),
                _ref(loc, "code"),
                ev.get("modality"),
                dt.get("value"),
                dt.get("precision"),
                parse_day(dt.get("value")) if dt.get("precision") == "day" else None,
                bool(dt.get("from_publication", False)),
                evid["start"],
                evid["end"],
                evid.get("text"),
                ev.get("sentence"),
                ev.get("confidence"),
            )
        )
    return rows


ROW_BUILDERS = {
    "entities": entity_rows,
    "mentions": mention_rows,
    "quotes": quote_rows,
    "events": event_rows,
}
