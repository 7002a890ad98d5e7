"""Read queries behind the HTTP API. Every value reaches SQL as a bound parameter."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from marsad.api.search import where_clause
from marsad.text.normalize import fold


@dataclass
class Filters:
    """A WHERE clause under construction, with its parameters."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


def _rows(con: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _page(
    con: Any, select: str, where: Filters, order: str, limit: int, offset: int
) -> dict[str, Any]:
    total = con.execute(
        f"SELECT count(*) FROM ({select} WHERE {where.sql()})", where.params
    ).fetchone()[0]
    items = _rows(
        con,
        f"{select} WHERE {where.sql()} ORDER BY {order} LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
    )
    return {"items": items, "total": int(total), "limit": limit, "offset": offset}


def _dates(f: Filters, column: str, date_from: str | None, date_to: str | None) -> None:
    if date_from:
        f.add(f"{column} >= CAST(? AS DATE)", date_from)
    if date_to:
        f.add(f"{column} <= CAST(? AS DATE)", date_to)


def documents(
    con: Any,
    *,
    q: str | None,
    outlet: str | None,
    actor: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    f = Filters()
    if q:
        cond, params = where_clause("d.text_norm", q)
        f.add(cond, *params)
    if outlet:
        f.add("d.outlet = ?", outlet)
    if actor:
        f.add(
            "EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id AND (e.entity_id = ? OR e.code = ?))",
            actor,
            actor,
        )
    _dates(f, "d.published_date", date_from, date_to)
    select = (
        "SELECT d.id, d.parent_id, d.title, d.outlet, CAST(d.published_date AS VARCHAR) AS published, "
        "d.url, substr(d.text, 1, 240) AS snippet, m.story_id FROM documents d "
        "LEFT JOIN story_members m ON m.doc_id = d.id"
    )
    return _page(con, select, f, "d.published_date DESC NULLS LAST, d.id", limit, offset)


def document(con: Any, doc_id: str) -> dict[str, Any] | None:
    row = con.execute("SELECT record FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    rec = json.loads(row[0])
    story = con.execute("SELECT story_id FROM story_members WHERE doc_id = ?", [doc_id]).fetchone()
    rec["story_id"] = story[0] if story else None
    rec["story_members"] = (
        _rows(
            con,
            """
        SELECT d.id, d.title, d.outlet, CAST(d.published_date AS VARCHAR) AS published
        FROM story_members m JOIN documents d ON d.id = m.doc_id
        WHERE m.story_id = ? AND d.id <> ? ORDER BY d.published_date, d.id""",
            [rec["story_id"], doc_id],
        )
        if story
        else []
    )
    return rec


def events(
    con: Any,
    *,
    actor: str | None,
    dyad: tuple[str, str] | None,
    root: str | None,
    plover: str | None,
    modality: str | None,
    outlet: str | None,
    q: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
    event_ids: list[str] | None = None,
) -> dict[str, Any]:
    f = Filters()
    if event_ids:
        # The drill-down from a series point: its canonical ids, bound as one list parameter.
        f.add("list_contains(CAST(? AS VARCHAR[]), m.event_id)", event_ids)
    if actor:
        f.add(
            "(e.source_code = ? OR e.target_code = ? OR e.source_entity_id = ? OR "
            "e.target_entity_id = ? OR substr(e.source_code,1,3) = ? OR substr(e.target_code,1,3) = ?)",
            actor,
            actor,
            actor,
            actor,
            actor,
            actor,
        )
    if dyad:
        a, b = dyad
        f.add(
            "((substr(e.source_code,1,3) = ? AND substr(e.target_code,1,3) = ?) OR "
            "(substr(e.source_code,1,3) = ? AND substr(e.target_code,1,3) = ?))",
            a,
            b,
            b,
            a,
        )
    if root:
        f.add("e.root = ?", root.zfill(2)[:2])
    if plover:
        f.add("e.type = ?", plover.upper())
    if modality:
        f.add("e.modality = ?", modality)
    if outlet:
        f.add("e.outlet = ?", outlet)
    if q:
        cond, params = where_clause("lower(e.evidence_text)", q)
        f.add(cond, *params)
    _dates(f, "coalesce(e.event_date, e.published_date)", date_from, date_to)
    select = (
        "SELECT e.doc_id, e.idx, CAST(coalesce(e.event_date, e.published_date) AS VARCHAR) AS date, "
        "e.cameo, e.root, e.type, e.mode, e.goldstein, e.quad_class, e.source_code, e.source_text, "
        "e.target_code, e.target_text, e.mediator_code, e.location_name, e.modality, "
        "e.date_value, e.date_precision, e.evidence_start, e.evidence_end, e.evidence_text, "
        "e.confidence, e.outlet, m.event_id AS canonical_id FROM events e "
        "LEFT JOIN event_mentions m ON m.doc_id = e.doc_id AND m.idx = e.idx"
    )
    return _page(con, select, f, "date DESC NULLS LAST, e.doc_id, e.idx", limit, offset)


def statements(
    con: Any,
    *,
    speaker: str | None,
    actor: str | None,
    outlet: str | None,
    q: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    f = Filters()
    if speaker:
        f.add(
            "(q.speaker_entity_id = ? OR q.speaker_code = ? OR strpos(q.speaker_norm, ?) > 0)",
            speaker,
            speaker,
            fold(speaker),
        )
    if actor:
        f.add(
            "EXISTS (SELECT 1 FROM mentions x WHERE x.doc_id = q.doc_id AND x.entity_id = ? "
            "AND x.start_char >= q.start_char AND x.end_char <= q.end_char)",
            actor,
        )
    if outlet:
        f.add("q.outlet = ?", outlet)
    if q:
        cond, params = where_clause("q.content_norm", q)
        f.add(cond, *params)
    _dates(f, "q.published_date", date_from, date_to)
    select = (
        "SELECT q.doc_id, q.idx, CAST(q.published_date AS VARCHAR) AS published, q.outlet, "
        "q.speaker_text, q.speaker_entity_id, q.speaker_code, q.anonymous, q.verb, q.kind, "
        "q.content, q.via, q.start_char, q.end_char, d.title FROM quotes q "
        "JOIN documents d ON d.id = q.doc_id"
    )
    page = _page(con, select, f, "q.published_date DESC NULLS LAST, q.doc_id, q.idx", limit, offset)
    for item in page["items"]:
        item["via"] = json.loads(item["via"]) if item["via"] else []
    return page


def speakers(con: Any, *, q: str | None, limit: int) -> list[dict[str, Any]]:
    """The most quoted speakers (resolved ones first), for the statements filter."""
    f = Filters()
    f.add("coalesce(speaker_text, '') <> ''")
    if q:
        f.add("strpos(speaker_norm, ?) > 0", fold(q))
    return _rows(
        con,
        f"""
        SELECT coalesce(speaker_entity_id, speaker_text) AS key, any_value(speaker_entity_id) AS entity_id,
               any_value(speaker_code) AS code, mode(speaker_text) AS text, count(*) AS statements
        FROM quotes WHERE {f.sql()} GROUP BY 1 ORDER BY statements DESC, key LIMIT ?""",
        [*f.params, limit],
    )


def actors(
    con: Any, *, q: str | None, type_: str | None, limit: int, offset: int
) -> dict[str, Any]:
    f = Filters()
    if q:
        f.add(
            "(strpos(lower(name_en), lower(?)) > 0 OR strpos(name_ar, ?) > 0 OR entity_id = ? OR code = ?)",
            q,
            q,
            q,
            q,
        )
    if type_:
        f.add("type = ?", type_)
    select = (
        "SELECT entity_id AS id, any_value(type) AS type, any_value(name_ar) AS name_ar, "
        "any_value(name_en) AS name_en, any_value(code) AS code, count(DISTINCT doc_id) AS documents, "
        "sum(n_mentions) AS mentions FROM entities"
    )
    total = con.execute(
        f"SELECT count(DISTINCT entity_id) FROM entities WHERE {f.sql()}", f.params
    ).fetchone()[0]
    items = _rows(
        con,
        f"{select} WHERE {f.sql()} GROUP BY entity_id ORDER BY documents DESC, id LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return {"items": items, "total": int(total), "limit": limit, "offset": offset}


def actor_counterparts(con: Any, actor_id: str, code: str | None) -> list[dict[str, Any]]:
    keys = [actor_id, code or actor_id]
    return _rows(
        con,
        """
        SELECT CASE WHEN source_entity_id = ? OR source_code = ? THEN target_code ELSE source_code END
               AS counterpart, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
        FROM events WHERE (source_entity_id = ? OR source_code = ? OR target_entity_id = ? OR target_code = ?)
              AND modality = 'asserted'
        GROUP BY 1 HAVING counterpart IS NOT NULL ORDER BY events DESC LIMIT 20""",
        [*keys, *keys, *keys],
    )


def actor_mediated(con: Any, actor_id: str) -> list[dict[str, Any]]:
    """The dyads an actor (by entity id) carried messages between, with event counts."""
    return _rows(
        con,
        """
        SELECT substr(source_code, 1, 3) AS source, substr(target_code, 1, 3) AS target,
               count(*) AS events, count(DISTINCT doc_id) AS articles
        FROM events WHERE mediator_entity_id = ?
        GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT 20""",
        [actor_id],
    )


def stories(con: Any, *, min_outlets: int, limit: int, offset: int) -> dict[str, Any]:
    f = Filters()
    f.add("n_outlets >= ?", min_outlets)
    select = (
        "SELECT story_id AS id, label, CAST(start_date AS VARCHAR) AS start, "
        'CAST(end_date AS VARCHAR) AS "end", outlets, n_articles, n_outlets FROM stories'
    )
    page = _page(con, select, f, "n_articles DESC, start, id", limit, offset)
    for item in page["items"]:
        item["outlets"] = json.loads(item["outlets"])
    return page


def story(con: Any, story_id: str) -> dict[str, Any] | None:
    rows = _rows(
        con,
        "SELECT story_id AS id, label, CAST(start_date AS VARCHAR) AS start, "
        'CAST(end_date AS VARCHAR) AS "end", outlets, n_articles FROM stories '
        "WHERE story_id = ?",
        [story_id],
    )
    if not rows:
        return None
    out = rows[0]
    out["outlets"] = json.loads(out["outlets"])
    out["members"] = _rows(
        con,
        """
        SELECT d.id, d.title, d.outlet, CAST(d.published_date AS VARCHAR) AS published,
               m.duplicate_of, m.duplicate_kind FROM story_members m JOIN documents d ON d.id = m.doc_id
        WHERE m.story_id = ? ORDER BY d.published_date, d.id""",
        [story_id],
    )
    out["events"] = _rows(
        con,
        """
        SELECT event_id, cameo, source_code, target_code, modality, CAST(event_date AS VARCHAR) AS date,
               num_mentions, num_sources, num_articles, round(confidence, 3) AS confidence
        FROM canonical_events WHERE story_id = ? ORDER BY event_date, event_id""",
        [story_id],
    )
    return out
