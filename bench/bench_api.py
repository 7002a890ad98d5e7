"""API latency on a synthetic store of 100k events: p50/p95 per route.

    PYTHONPATH=src .venv/bin/python bench/bench_api.py [--events 100000] [--requests 40] [--live]

The store is filled with SQL over ``range()`` (no pipeline), so it builds in seconds: one
document per five events, one statement and three entity mentions per document, merged
events one-to-one with mentions, stories of five documents. Requests go through
FastAPI's TestClient in-process, or with ``--live`` through uvicorn on 127.0.0.1 and httpx
(which adds the HTTP stack). The store file goes to bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CODES = ["USA", "IRN", "ISR", "PSE", "OMN", "QAT", "EGY", "SAU", "YEM", "LBN"]
ROLES = ["", "GOV", "MIL"]
OUTLETS = ["رصد", "مدار", "جسر", "أفق", "منبر", "صدى"]
CAMEO = [
    ("010", 0.0, 1, None),
    ("036", 4.0, 1, "AGREE"),
    ("042", 1.9, 1, "CONSULT"),
    ("046", 7.0, 1, "CONSULT"),
    ("057", 8.0, 1, "SUPPORT"),
    ("111", -2.0, 3, "ACCUSE"),
    ("138", -7.0, 3, "THREATEN"),
    ("163", -8.0, 4, "SANCTION"),
    ("190", -10.0, 4, "ASSAULT"),
    ("195", -10.0, 4, "ASSAULT"),
]
SENTENCE = (
    "وقال المتحدث باسم الوزارة ان جولة المحادثات في مسقط كانت مفيدة وان الاتصالات مستمرة "
    "بين الطرفين رغم التوتر في المنطقة والتهديدات المتبادلة بشان العقوبات. "
)


def _lit(values: list[Any]) -> str:
    """A DuckDB list literal of constants (bench-only, values are our own)."""
    return (
        "["
        + ", ".join(
            "NULL"
            if v is None
            else repr(v)
            if not isinstance(v, str)
            else "'" + v.replace("'", "''") + "'"
            for v in values
        )
        + "]"
    )


def _pick(values: list[Any], expr: str, salt: int) -> str:
    return f"list_extract({_lit(values)}, (hash({expr} + {salt}) % {len(values)})::INT + 1)"


def _fill_documents(con: Any, n_docs: int, codes: list[str]) -> None:
    con.execute(f"""CREATE TEMP TABLE d AS SELECT i,
        'doc-' || i AS id, DATE '2025-01-01' + CAST(i % 120 AS INTEGER) AS day,
        {_pick(OUTLETS, "i", 1)} AS outlet,
        'جولة رقم ' || i || ' ' || repeat('{SENTENCE}', 4) AS text FROM range({n_docs}) t(i)""")
    con.execute("""INSERT INTO documents SELECT id, NULL, md5(id), 'عنوان الخبر ' || i, outlet,
        CAST(day AS VARCHAR), day, 'https://example.org/' || id, 'ar', text, text,
        json_object('id', id, 'parent_id', NULL, 'title', 'عنوان الخبر ' || i,
                    'outlet', outlet, 'published', CAST(day AS VARCHAR), 'url', NULL,
                    'language', 'ar', 'text', text, 'sentences', [], 'entities', [],
                    'quotes', [], 'events', [], 'removed', []),
        'bench', md5(id), 'bench', now() FROM d""")
    con.execute(f"""INSERT INTO entities SELECT id, 'ent-' || (i % 300), 'PER', 'شخص',
        'Person', {_pick(codes, "i", 2)}, false, 2 FROM d""")
    con.execute("INSERT INTO mentions SELECT doc_id, entity_id, 10, 20, 'شخص' FROM entities")
    con.execute(f"""INSERT INTO quotes SELECT id, 0, day, outlet,
        'المتحدث ' || (hash(i) % 200), 'spk-' || (hash(i) % 200), {_pick(codes, "i", 3)},
        false, true, 'قال', 'direct', 'الاتصالات مستمرة بين الطرفين',
        'الاتصالات مستمره بين الطرفين', 30, 60, '[]', 0,
        'المتحدث ' || (hash(i) % 200) FROM d""")
    con.execute("""INSERT INTO story_members
        SELECT 'story-' || i // 5, id, 0.9, NULL, NULL, NULL FROM d""")
    con.execute("""INSERT INTO stories SELECT 'story-' || i // 5, any_value('قصة ' || i // 5),
        min(day), max(day), to_json(list(DISTINCT outlet)), count(*), count(DISTINCT outlet)
        FROM d GROUP BY i // 5""")


def _fill_events(con: Any, n_events: int, n_docs: int, codes: list[str]) -> None:
    cameo, gold, quad, plover = (f"list_extract({_lit([c[i] for c in CAMEO])}, k)"
                                 for i in range(4))
    mediator = _pick(["OMNGOV", "QATGOV", "EGYGOV"], "j", 6)
    con.execute(f"""CREATE TEMP TABLE ev AS SELECT j, 'doc-' || (j % {n_docs}) AS doc_id,
        CAST(j // {n_docs} AS INTEGER) AS idx, (hash(j + 7) % {len(CAMEO)})::INT + 1 AS k,
        {_pick(codes, "j", 4)} AS src, {_pick(codes, "j", 5)} AS tgt,
        CASE WHEN hash(j + 8) % 10 = 0 THEN 'future' ELSE 'asserted' END AS modality,
        CASE WHEN hash(j + 9) % 8 = 0 THEN {mediator} END AS med
        FROM range({n_events}) t(j)""")
    con.execute(f"""INSERT INTO events SELECT ev.doc_id, idx, d.day, d.outlet, {cameo},
        substr({cameo}, 1, 2), {plover}, NULL, {gold}, {quad}, NULL, src, src, NULL, tgt, tgt,
        NULL, med, NULL, NULL, modality, CAST(d.day AS VARCHAR), 'day', d.day, false, 0, 40,
        substr(d.text, 1, 40), 0, 0.8 FROM ev JOIN d ON d.id = ev.doc_id""")
    con.execute(f"""INSERT INTO canonical_events SELECT 'evt-' || j,
        'story-' || (j % {n_docs}) // 5, {cameo}, substr({cameo}, 1, 2), src, tgt, modality,
        d.day, 1 + hash(j) % 3, 1, 1, 0.8, {gold}, NULL FROM ev JOIN d ON d.id = ev.doc_id""")
    con.execute("INSERT INTO event_mentions SELECT 'evt-' || j, doc_id, idx FROM ev")


def build(path: Path, n_events: int) -> dict[str, int]:
    """Create and fill a store at ``path``; returns row counts."""
    from marsad.store import Store

    for suffix in ("", ".wal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    n_docs = max(1, n_events // 5)
    codes = [c + r for c in CODES for r in ROLES]
    with Store.open(path) as store:
        _fill_documents(store.con, n_docs, codes)
        _fill_events(store.con, n_events, n_docs, codes)
        tables = ("documents", "events", "canonical_events", "quotes", "entities", "stories")
        return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


ROUTES: list[tuple[str, str, dict[str, Any]]] = [
    ("health", "/api/health", {}),
    ("documents page", "/api/documents", {"limit": 50}),
    ("documents deep page", "/api/documents", {"limit": 50, "offset": 10000}),
    ("documents search (Arabic)", "/api/documents", {"q": "والمحادثات مستمرة", "limit": 50}),
    ("document by id", "/api/documents/doc-123", {}),
    ("events page", "/api/events", {"limit": 50}),
    ("events dyad+root", "/api/events", {"dyad": "USA-IRN", "root": "19", "limit": 50}),
    ("events text", "/api/events", {"q": "جولة", "limit": 50}),
    (
        "events drill-down (200 ids)",
        "/api/events",
        {"event_ids": ",".join(f"evt-{i}" for i in range(0, 2000, 10))},
    ),
    ("series USA-IRN day", "/api/series", {"a": "USA", "b": "IRN"}),
    ("series USA-IRN week", "/api/series", {"a": "USA", "b": "IRN", "period": "week"}),
    ("top dyads", "/api/dyads", {}),
    ("mediators", "/api/mediators", {}),
    ("changes", "/api/changes", {"week": "2025-03-03"}),
    ("statements speaker", "/api/statements", {"speaker": "spk-7"}),
    ("statements search", "/api/statements", {"q": "الاتصالات"}),
    ("speakers", "/api/speakers", {}),
    ("actors", "/api/actors", {}),
    ("actor page", "/api/actors/ent-5", {}),
    ("stories", "/api/stories", {"min_outlets": 2}),
]


def measure(get: Any, n: int) -> list[dict[str, Any]]:
    """p50/p95 (ms) of ``n`` requests per route, after two warm-up requests."""
    out = []
    for name, url, params in ROUTES:
        for _ in range(2):
            r = get(url, params)
            if r.status_code != 200:
                raise RuntimeError(f"{name}: HTTP {r.status_code}: {r.text[:200]}")
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            get(url, params)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        out.append(
            {
                "route": name,
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
            }
        )
    return out


def run(db: Path, n: int, live: bool) -> list[dict[str, Any]]:
    from marsad.api.app import create_app

    app = create_app(db)
    if not live:
        from fastapi.testclient import TestClient

        client = TestClient(app)
        return measure(lambda u, p: client.get(u, params=p), n)
    import httpx

    sys.path.insert(0, str(HERE.parent / "tests"))
    from conftest_web import LiveServer

    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        return measure(lambda u, p: http.get(u, params=p), n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=40, help="timed requests per route")
    ap.add_argument("--live", action="store_true", help="uvicorn on loopback + httpx")
    ap.add_argument("--db", type=Path, default=HERE / "out" / "bench_api.duckdb")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    counts = build(args.db, args.events)
    built = time.perf_counter() - t0
    rows = run(args.db, max(1, min(args.requests, 1000)), args.live)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(
        json.dumps(
            {
                "machine": machine,
                "build_s": round(built, 1),
                "counts": counts,
                "mode": "uvicorn+httpx" if args.live else "TestClient",
            },
            ensure_ascii=False,
        )
    )
    print("| route | p50 ms | p95 ms |\n|---|---:|---:|")
    for r in rows:
        print(f"| {r['route']} | {r['p50_ms']} | {r['p95_ms']} |")


if __name__ == "__main__":
    main()
