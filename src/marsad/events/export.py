"""Event exports over contract records: flat rows (JSONL/CSV/Parquet), PLOVER JSON and
GDELT-like tab-separated rows.

All functions take record dicts (ARCHITECTURE.md section 3), as the store and
``marsad extract`` produce them, so they work on any source of records.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = ["FORMATS", "event_rows", "plover_events", "gdelt_rows", "GDELT_COLUMNS",
           "write_events"]

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")

ROW_COLUMNS = (
    "story_id", "event_index", "published", "outlet", "url", "cameo", "root", "type", "mode",
    "goldstein", "quad_class", "modality", "source_code", "source_text", "source_entity_id",
    "target_code", "target_text", "target_entity_id", "mediator_code", "mediator_text",
    "location_name", "location_code", "date", "date_precision", "date_from_publication",
    "evidence_start", "evidence_end", "evidence_text", "sentence", "confidence", "trigger",
)
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "Modality", "SOURCEURL",
)


def _actor(ev: dict[str, Any], key: str) -> dict[str, Any]:
    return ev.get(key) or {}


def event_rows(records: Iterable[dict[str, Any]], *,
               modalities: frozenset[str] | None = None) -> Iterator[dict[str, Any]]:
    """One flat row per event (``modalities`` keeps only those, e.g. {"asserted"})."""
    for rec in records:
        for i, ev in enumerate(rec.get("events") or []):
            if modalities is not None and ev.get("modality") not in modalities:
                continue
            src, tgt, med = _actor(ev, "source"), _actor(ev, "target"), _actor(ev, "mediator")
            loc, date = ev.get("location") or {}, ev.get("date") or {}
            evid = ev.get("evidence") or {}
            yield {
                "story_id": rec.get("id"), "event_index": i, "published": rec.get("published"),
                "outlet": rec.get("outlet"), "url": rec.get("url"), "cameo": ev["cameo"],
                "root": ev["cameo"][:2], "type": ev.get("type"), "mode": ev.get("mode"),
                "goldstein": ev.get("goldstein"), "quad_class": ev.get("quad_class"),
                "modality": ev.get("modality"), "source_code": src.get("code"),
                "source_text": src.get("text"), "source_entity_id": src.get("entity_id"),
                "target_code": tgt.get("code"), "target_text": tgt.get("text"),
                "target_entity_id": tgt.get("entity_id"), "mediator_code": med.get("code"),
                "mediator_text": med.get("text"), "location_name": loc.get("name"),
                "location_code": loc.get("code"), "date": date.get("value"),
                "date_precision": date.get("precision"),
                "date_from_publication": date.get("from_publication"),
                "evidence_start": evid.get("start"), "evidence_end": evid.get("end"),
                "evidence_text": evid.get("text"), "sentence": ev.get("sentence"),
                "confidence": ev.get("confidence"), "trigger": ev.get("trigger"),
            }


def _split_code(code: str | None) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (country or IGO part, first role): "IRNGOV" -> ("IRN", "GOV")."""
    if not code:
        return None, None
    return code[:3], (code[3:6] or None)


def plover_events(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """PLOVER-style event dicts. CAMEO 01/02 events have no PLOVER type and are skipped."""
    for row in event_rows(records):
        if not row["type"]:
            continue
        src_actor, src_agent = _split_code(row["source_code"])
        tgt_actor, tgt_agent = _split_code(row["target_code"])
        yield {
            "event_id": f"{row['story_id']}:{row['event_index']}",
            "event_date": row["date"] or row["published"], "event_type": row["type"],
            "event_mode": row["mode"], "event_context": [], "cameo": row["cameo"],
            "modality": row["modality"], "source_actor": src_actor, "source_agent": src_agent,
            "source_text": row["source_text"], "target_actor": tgt_actor,
            "target_agent": tgt_agent, "target_text": row["target_text"],
            "mediator": row["mediator_code"], "place_name": row["location_name"],
            "place_code": row["location_code"], "event_text": row["evidence_text"],
            "story_id": row["story_id"], "story_date": row["published"],
            "story_source": row["outlet"], "story_url": row["url"],
            "confidence": row["confidence"],
        }


def gdelt_rows(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """GDELT 1.0-like rows (a subset of its columns, plus our modality)."""
    for n, row in enumerate(event_rows(records), 1):
        date = (row["date"] or row["published"] or "")[:10]
        sqldate = date.replace("-", "") if len(date) == 10 else ""
        a1c, a1t = _split_code(row["source_code"])
        a2c, a2t = _split_code(row["target_code"])
        yield {
            "GLOBALEVENTID": n, "SQLDATE": sqldate, "Actor1Code": row["source_code"] or "",
            "Actor1CountryCode": a1c or "", "Actor1Type1Code": a1t or "",
            "Actor2Code": row["target_code"] or "", "Actor2CountryCode": a2c or "",
            "Actor2Type1Code": a2t or "", "IsRootEvent": int(row["sentence"] == 0),
            "EventCode": row["cameo"], "EventBaseCode": row["cameo"][:3],
            "EventRootCode": row["root"], "QuadClass": row["quad_class"],
            "GoldsteinScale": row["goldstein"], "NumMentions": 1,
            "ActionGeo_FullName": row["location_name"] or "",
            "ActionGeo_CountryCode": row["location_code"] or "", "Modality": row["modality"],
            "SOURCEURL": row["url"] or "",
        }


def _write_delimited(rows: Iterable[dict[str, Any]], fh: TextIO, columns: tuple[str, ...],
                     delimiter: str) -> int:
    writer = csv.DictWriter(fh, fieldnames=list(columns), delimiter=delimiter,
                            extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = list(rows)
    columns = {c: [r[c] for r in data] for c in ROW_COLUMNS}
    pq.write_table(pa.table(columns), path)
    return len(data)


def write_events(records: Iterable[dict[str, Any]], path: Path, fmt: str, *,
                 modalities: frozenset[str] | None = None) -> int:
    """Write the events of ``records`` to ``path`` in ``fmt``; returns the event count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(event_rows(records, modalities=modalities), path)
    with path.open("w", encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            return _write_delimited(event_rows(records, modalities=modalities), fh,
                                    ROW_COLUMNS, ",")
        if fmt == "gdelt":
            rows = gdelt_rows(_only(records, modalities))
            return _write_delimited(rows, fh, GDELT_COLUMNS, "\t")
        items = (plover_events(_only(records, modalities)) if fmt == "plover"
                 else event_rows(records, modalities=modalities))
        n = 0
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
            n += 1
        return n


def _only(records: Iterable[dict[str, Any]],
          modalities: frozenset[str] | None) -> Iterator[dict[str, Any]]:
    for rec in records:
        if modalities is None:
            yield rec
        else:
            yield {**rec, "events": [e for e in rec.get("events") or []
                                     if e.get("modality") in modalities]}
