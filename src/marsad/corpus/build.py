"""The corpus stage over a store: duplicates, story clusters and canonical events.

It is a pure function of the stored documents: it reads them in the documented order
(publication date, then id), so rebuilding over the same data yields the same ids.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.corpus.clusters import ArticleView, StoryClusterer, single_blas_thread
from marsad.corpus.dedup import DuplicateDecision, NearDuplicateIndex
from marsad.corpus.embed import embed, lead_text
from marsad.corpus.merge import CanonicalEvent, EventMention, merge_events
from marsad.store.schema import CORPUS_TABLES

FETCH = 1000


@dataclass(frozen=True)
class CorpusSummary:
    articles: int
    exact_duplicates: int
    near_duplicates: int
    stories: int
    multi_outlet_stories: int
    event_mentions: int
    canonical_events: int

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


def _doc_rows(con: Any) -> Iterator[tuple[str, str | None, str | None, date | None, str]]:
    cur = con.execute(
        "SELECT id, title, outlet, published_date, text FROM documents "
        "ORDER BY published_date NULLS LAST, id")
    while rows := cur.fetchmany(FETCH):
        yield from rows


def _actor_sets(con: Any) -> dict[str, frozenset[str]]:
    rows = con.execute(
        "SELECT doc_id, list(DISTINCT entity_id) FROM entities "
        "WHERE NOT anonymous AND type <> 'MEDIA' GROUP BY doc_id").fetchall()
    return {doc: frozenset(ids) for doc, ids in rows}


def _event_keys(con: Any) -> dict[str, frozenset[tuple[str, str, str]]]:
    rows = con.execute(
        "SELECT doc_id, coalesce(source_code, source_entity_id, '?'), "
        "coalesce(target_code, target_entity_id, '?'), root FROM events").fetchall()
    out: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for doc, s, t, r in rows:
        out[doc].add((s, t, r))
    return {k: frozenset(v) for k, v in out.items()}


def cached_embeddings(con: Any, texts: list[str]) -> Any:
    """Embeddings of ``texts``, read from the store's cache where present (keyed by a hash
    of the embedder input, so a change of input invalidates it) and stored when computed."""
    import numpy as np

    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    known = dict(con.execute("SELECT key, vec FROM embeddings WHERE key IN (SELECT unnest(?))",
                             [keys]).fetchall())
    first_of: dict[str, int] = {}  # one embedding per distinct missing text
    for i, key in enumerate(keys):
        if key not in known:
            first_of.setdefault(key, i)
    if first_of:
        fresh = embed([texts[i] for i in first_of.values()])
        rows = list(zip(first_of, fresh, strict=True))
        con.executemany("INSERT INTO embeddings VALUES (?, ?) ON CONFLICT DO NOTHING",
                        [(key, vec.tolist()) for key, vec in rows])
        known.update(rows)
    return np.asarray([known[k] for k in keys], dtype=np.float32)


def cluster_store(con: Any) -> tuple[list[Any], dict[str, tuple[str, float]],
                                     list[DuplicateDecision]]:
    """Dedup and cluster every stored document; returns stories, membership, duplicates."""
    actors, events = _actor_sets(con), _event_keys(con)
    dedup = NearDuplicateIndex()
    clusterer = StoryClusterer()
    membership: dict[str, tuple[str, float]] = {}
    stories_by_id: dict[str, Any] = {}
    dups: list[DuplicateDecision] = []
    batch: list[tuple[str, str | None, str | None, date | None, str]] = []

    def flush() -> None:
        vecs = cached_embeddings(con, [lead_text(t, text) for _, t, _, _, text in batch])
        with single_blas_thread():
            place(vecs)
        batch.clear()

    def place(vecs: Any) -> None:
        for (doc_id, title, outlet, day, text), vec in zip(batch, vecs, strict=True):
            dup = dedup.add(doc_id, text)
            dups.append(dup)
            art = ArticleView(doc_id, outlet, day, title or text[:80], vec,
                              actors.get(doc_id, frozenset()), events.get(doc_id, frozenset()))
            original = membership.get(dup.duplicate_of or "")
            if original is not None:  # a copy belongs to its original's story
                clusterer.join(art, stories_by_id[original[0]])
                membership[doc_id] = (original[0], dup.similarity)
                continue
            story, score = clusterer.add(art)
            stories_by_id[story.story_id] = story
            membership[doc_id] = (story.story_id, score)

    for row in _doc_rows(con):
        batch.append(row)
        if len(batch) >= 256:
            flush()
    if batch:
        flush()
    return clusterer.stories, membership, dups


def _mentions(con: Any, membership: dict[str, tuple[str, float]]) -> list[EventMention]:
    rows = con.execute(
        "SELECT doc_id, idx, outlet, cameo, coalesce(source_code, source_entity_id, '?'), "
        "coalesce(target_code, target_entity_id, '?'), modality, "
        "coalesce(event_date, published_date), event_date IS NOT NULL AND NOT "
        "coalesce(date_from_publication, false), coalesce(confidence, 0.5), "
        "coalesce(goldstein, 0), location_code FROM events ORDER BY doc_id, idx").fetchall()
    return [EventMention(doc, idx, outlet, membership.get(doc, (None, 0))[0], cameo, s, t, mod,
                         day, bool(by_text), float(conf), float(g), loc)
            for doc, idx, outlet, cameo, s, t, mod, day, by_text, conf, g, loc in rows]


def _insert(con: Any, table: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)


def _write(con: Any, stories: list[Any], membership: dict[str, tuple[str, float]],
           dups: list[DuplicateDecision], events: list[CanonicalEvent]) -> None:
    dup_of = {d.doc_id: d for d in dups}
    con.execute("BEGIN TRANSACTION")
    try:
        for table in CORPUS_TABLES:
            con.execute(f"DELETE FROM {table}")
        _insert(con, "stories", [
            (s.story_id, s.label, s.first, s.last, json.dumps(sorted(s.outlets), ensure_ascii=False),
             len(s.members), len(s.outlets)) for s in stories])
        _insert(con, "story_members", [
            (sid, doc, score, dup_of[doc].duplicate_of, dup_of[doc].kind, dup_of[doc].similarity)
            for doc, (sid, score) in membership.items()])
        _insert(con, "canonical_events", [
            (e.event_id, e.mentions[0].story_id, e.cameo, e.cameo[:2], e.mentions[0].source,
             e.mentions[0].target, e.mentions[0].modality, e.day, e.num_mentions, e.num_sources,
             e.num_articles, e.confidence, e.mentions[0].goldstein, e.mentions[0].location)
            for e in events])
        _insert(con, "event_mentions", [(e.event_id, m.doc_id, m.idx)
                                        for e in events for m in e.mentions])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def build_corpus(store: Any) -> CorpusSummary:
    """Recompute duplicates, stories and canonical events for everything in ``store``."""
    con = store.con
    stories, membership, dups = cluster_store(con)
    mentions = _mentions(con, membership)
    events = merge_events(mentions)
    _write(con, stories, membership, dups, events)
    return CorpusSummary(
        articles=len(membership),
        exact_duplicates=sum(d.kind == "exact" for d in dups),
        near_duplicates=sum(d.kind == "near" for d in dups),
        stories=len(stories),
        multi_outlet_stories=sum(len(s.outlets) > 1 for s in stories),
        event_mentions=len(mentions),
        canonical_events=len(events),
    )
