"""Dyad time series, the escalation index, the mediator network and statement summaries.

Escalation index (documented, reproducible). For a dyad and a period, over *merged*
(canonical) events whose modality is ``asserted``:

    w_e = confidence_e                     (grows with independent sources, see corpus.merge)
    C   = sum of w_e * |goldstein_e| over conflict events   (goldstein < 0)
    K   = sum of w_e * goldstein_e   over cooperation events (goldstein > 0)
    escalation = (C - K) / (C + K + 1)

It lies in (-1, 1): positive when conflict outweighs cooperation, negative when
cooperation dominates, near zero when little happens (the +1 damps sparse periods).
Actors are grouped by the first three letters of their CAMEO code (the country or
IGO prefix), and the dyad is undirected unless ``directed`` is set.
"""

from __future__ import annotations

from typing import Any

PERIODS = {"day": "day", "week": "week", "month": "month"}


def _actor_sql(col: str) -> str:
    return f"substr({col}, 1, 3)"


def dyad_series(
    con: Any,
    a: str,
    b: str,
    *,
    period: str = "day",
    directed: bool = False,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Per-period counts, Goldstein-weighted scores and the escalation index for a dyad."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {sorted(PERIODS)}, got {period!r}")
    a, b = a[:3].upper(), b[:3].upper()
    src, tgt = _actor_sql("source_code"), _actor_sql("target_code")
    pair = (
        f"(({src} = ? AND {tgt} = ?)" + ("" if directed else f" OR ({src} = ? AND {tgt} = ?)") + ")"
    )
    params: list[Any] = [a, b] if directed else [a, b, b, a]
    where = [pair, "modality = 'asserted'", "event_date IS NOT NULL"]
    if date_from:
        where.append("event_date >= CAST(? AS DATE)")
        params.append(date_from)
    if date_to:
        where.append("event_date <= CAST(? AS DATE)")
        params.append(date_to)
    sql = f"""
        SELECT CAST(date_trunc('{PERIODS[period]}', event_date) AS DATE) AS period,
               count(*) AS events, sum(num_mentions) AS mentions,
               sum(CASE WHEN goldstein < 0 THEN confidence * abs(goldstein) ELSE 0 END) AS conflict,
               sum(CASE WHEN goldstein > 0 THEN confidence * goldstein ELSE 0 END) AS cooperation,
               sum(confidence * goldstein) AS goldstein_weighted,
               list(event_id ORDER BY event_id) AS event_ids
        FROM canonical_events WHERE {" AND ".join(where)}
        GROUP BY 1 ORDER BY 1"""
    out = []
    for period_start, n, mentions, c, k, g, ids in con.execute(sql, params).fetchall():
        out.append(
            {
                "period": period_start.isoformat(),
                "events": n,
                "mentions": int(mentions or 0),
                "conflict": round(c, 4),
                "cooperation": round(k, 4),
                "goldstein_weighted": round(g, 4),
                "escalation": round((c - k) / (c + k + 1), 4),
                "event_ids": list(ids),
            }
        )
    return out


def top_dyads(con: Any, limit: int = 20) -> list[dict[str, Any]]:
    """The most reported undirected dyads among asserted merged events."""
    src, tgt = _actor_sql("source_code"), _actor_sql("target_code")
    rows = con.execute(
        f"""
        SELECT least({src}, {tgt}) AS a, greatest({src}, {tgt}) AS b, count(*) AS n,
               sum(num_mentions) AS mentions
        FROM canonical_events
        WHERE modality = 'asserted' AND source_code IS NOT NULL AND target_code IS NOT NULL
              AND source_code <> '?' AND target_code <> '?' AND {src} <> {tgt}
        GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?""",
        [limit],
    ).fetchall()
    return [{"a": a, "b": b, "events": n, "mentions": int(m or 0)} for a, b, n, m in rows]


def mediator_network(con: Any, limit: int = 200) -> dict[str, Any]:
    """Who carries messages between whom: mediator -> undirected dyad edges with counts.

    Every event with a mediator counts once, whatever its modality (a mediated offer
    that was refused is still mediation). A party to the dyad is not its own mediator.
    """
    rows = con.execute(
        """
        WITH m AS (
          SELECT doc_id, coalesce(mediator_code, mediator_entity_id) AS mediator,
                 substr(source_code, 1, 3) AS s, substr(target_code, 1, 3) AS t,
                 coalesce(event_date, published_date) AS day
          FROM events
          WHERE coalesce(mediator_code, mediator_entity_id) IS NOT NULL
                AND source_code IS NOT NULL AND target_code IS NOT NULL)
        SELECT mediator, least(s, t) AS a, greatest(s, t) AS b, count(*) AS n,
               count(DISTINCT doc_id) AS articles, min(day) AS first, max(day) AS last
        FROM m
        WHERE s <> t AND substr(mediator, 1, 3) NOT IN (s, t)
        GROUP BY 1, 2, 3 ORDER BY n DESC, mediator, a, b LIMIT ?""",
        [limit],
    ).fetchall()
    edges = [
        {
            "mediator": m,
            "source": a,
            "target": b,
            "events": n,
            "articles": arts,
            "first": str(f) if f else None,
            "last": str(la) if la else None,
        }
        for m, a, b, n, arts, f, la in rows
    ]
    nodes = sorted(
        {e["mediator"] for e in edges} | {e["source"] for e in edges} | {e["target"] for e in edges}
    )
    return {"nodes": nodes, "edges": edges}


def week_over_week(con: Any, week_start: str) -> list[dict[str, Any]]:
    """Per-dyad event counts in the week starting ``week_start`` against the week before."""
    rows = con.execute(
        """
        WITH w AS (
          SELECT least(substr(source_code,1,3), substr(target_code,1,3)) AS a,
                 greatest(substr(source_code,1,3), substr(target_code,1,3)) AS b,
                 CASE WHEN event_date >= CAST(? AS DATE) THEN 'this' ELSE 'last' END AS wk,
                 goldstein, confidence
          FROM canonical_events
          WHERE modality = 'asserted' AND event_date >= CAST(? AS DATE) - INTERVAL 7 DAY
                AND event_date < CAST(? AS DATE) + INTERVAL 7 DAY
                AND source_code IS NOT NULL AND target_code IS NOT NULL)
        SELECT a, b, count(*) FILTER (wk = 'this'), count(*) FILTER (wk = 'last'),
               coalesce(sum(goldstein * confidence) FILTER (wk = 'this'), 0),
               coalesce(sum(goldstein * confidence) FILTER (wk = 'last'), 0)
        FROM w GROUP BY 1, 2 ORDER BY 3 + 4 DESC, 1, 2""",
        [week_start, week_start, week_start],
    ).fetchall()
    return [
        {
            "a": a,
            "b": b,
            "this_week": n1,
            "last_week": n0,
            "goldstein_this": round(g1, 3),
            "goldstein_last": round(g0, 3),
            "change": n1 - n0,
        }
        for a, b, n1, n0, g1, g0 in rows
    ]
