"""The embedded DuckDB store: idempotent writes, quarantine, runs and typed queries."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from marsad.model.document import Document, Rejected, content_hash
from marsad.model.record import to_record
from marsad.store.rows import ROW_BUILDERS, parse_day
from marsad.store.schema import DOCUMENT_TABLES, MIGRATIONS
from marsad.text.normalize import fold

DEFAULT_DB = "marsad.duckdb"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class WriteCounts:
    """What one batch (or a whole run) did to the store."""

    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    quarantined: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, other: WriteCounts) -> None:
        self.stored += other.stored
        self.unchanged += other.unchanged
        self.replaced += other.replaced
        self.quarantined += other.quarantined
        for k, v in other.reasons.items():
            self.reasons[k] = self.reasons.get(k, 0) + v

    def to_json(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "quarantined": self.quarantined,
            "reasons": dict(sorted(self.reasons.items())),
        }


class Store:
    """A marsad database. Open with :meth:`open`; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
        """Open (and, unless read-only, create and migrate) the database at ``path``."""
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise FileNotFoundError(f"no marsad database at {path}; run `marsad ingest` first")
        store = cls(duckdb.connect(path, read_only=read_only), path, read_only)
        if not read_only:
            store.migrate()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------
    def schema_version(self) -> int:
        if not self.read_only:
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)"
            )
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0] or 0) if row else 0

    def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction. Returns the new version."""
        current = self.schema_version()
        for mig in MIGRATIONS[current:]:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for stmt in mig.statements:
                    self.con.execute(stmt)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [mig.version, _now()])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
        return self.schema_version()

    # -- runs -----------------------------------------------------------------------
    def start_run(
        self,
        command: str,
        config: dict[str, Any],
        versions: dict[str, str],
        resources: dict[str, str],
    ) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, NULL, ?, ?, ?, NULL)",
            [
                run_id,
                command,
                _now(),
                json.dumps(config, ensure_ascii=False, default=str),
                json.dumps(versions),
                json.dumps(resources),
            ],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, counts = ? WHERE run_id = ?",
            [_now(), json.dumps(counts), run_id],
        )

    # -- writes ---------------------------------------------------------------------
    def seen_raw(self, sha256: str) -> bool:
        """Was a raw input with this hash fully stored by an earlier batch?"""
        row = self.con.execute("SELECT 1 FROM raw_inputs WHERE sha256 = ?", [sha256]).fetchone()
        return row is not None

    def write_batch(
        self,
        run_id: str,
        documents: Sequence[Document],
        rejected: Sequence[Rejected],
        raw_done: Iterable[tuple[str, str, str, int]] = (),
    ) -> WriteCounts:
        """Write one batch in one transaction: stories, rejections, and finished raw inputs.

        ``raw_done`` lists (sha256, source, locator, n_documents) of raw inputs whose
        stories are all in this batch, so a re-run can skip them before cleaning.
        """
        return self.write_records(run_id, (to_record(d) for d in documents), rejected, raw_done)

    def write_records(
        self,
        run_id: str,
        records: Iterable[dict[str, Any]],
        rejected: Iterable[Rejected],
        raw_done: Iterable[tuple[str, str, str, int]] = (),
    ) -> WriteCounts:
        """:meth:`write_batch` for contract records (from ``extract`` output or Spark's
        Parquet): the same content-hash identity, one transaction."""
        counts = WriteCounts()
        self.con.execute("BEGIN TRANSACTION")
        try:
            for rec in records:
                self._write_record(run_id, rec, counts)
            for rej in rejected:
                self._quarantine(run_id, rej, counts)
            for sha, source, locator, n in raw_done:
                self.con.execute(
                    "INSERT INTO raw_inputs VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [sha, source, locator, n, run_id],
                )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return counts

    def _write_record(self, run_id: str, rec: dict[str, Any], counts: WriteCounts) -> None:
        text = rec["text"]
        digest = rec.get("content_hash") or content_hash(text)
        existing = self.con.execute(
            "SELECT id FROM documents WHERE content_hash = ?", [digest]
        ).fetchone()
        if existing is not None:
            counts.unchanged += 1
            return
        doc_id = rec["id"]
        same_id = self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        if same_id is not None:  # the same article id with new content: an update
            self._delete_document(doc_id)
            counts.replaced += 1
        prov = rec.get("provenance") or {}
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc_id,
                rec.get("parent_id"),
                digest,
                rec.get("title"),
                rec.get("outlet"),
                rec.get("published"),
                parse_day(rec.get("published")),
                rec.get("url"),
                rec.get("language"),
                text,
                fold(text),
                json.dumps(rec, ensure_ascii=False),
                prov.get("source"),
                prov.get("sha256"),
                run_id,
                _now(),
            ],
        )
        for table, build in ROW_BUILDERS.items():
            rows = build(doc_id, rec)
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        counts.stored += 1

    def _delete_document(self, doc_id: str) -> None:
        for table in DOCUMENT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def _quarantine(self, run_id: str, rej: Rejected, counts: WriteCounts) -> None:
        key = hashlib.sha256(
            "\x1f".join([rej.stage, rej.reason, rej.source, rej.locator, rej.sha256]).encode()
        ).hexdigest()
        self.con.execute(
            "INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                key,
                run_id,
                rej.stage,
                rej.reason,
                rej.detail,
                rej.source,
                rej.locator,
                rej.sha256,
                _now(),
            ],
        )
        counts.quarantined += 1
        counts.reasons[rej.reason] = counts.reasons.get(rej.reason, 0) + 1

    # -- reads ----------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {
            "documents",
            "entities",
            "mentions",
            "quotes",
            "events",
            "quarantine",
            "runs",
            "raw_inputs",
        }:
            raise ValueError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> dict[str, Any]:
        """Counts per table, quarantine reasons and the date range of stored stories."""
        out: dict[str, Any] = {
            t: self.count(t)
            for t in ("documents", "entities", "quotes", "events", "quarantine", "runs")
        }
        out["quarantine_reasons"] = dict(
            self.con.execute(
                "SELECT reason, count(*) FROM quarantine GROUP BY reason ORDER BY reason"
            ).fetchall()
        )
        out["outlets"] = dict(
            self.con.execute(
                "SELECT coalesce(outlet, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        )
        lo, hi = self.con.execute(
            "SELECT min(published_date), max(published_date) FROM documents"
        ).fetchone() or (None, None)
        out["published"] = [str(lo) if lo else None, str(hi) if hi else None]
        return out

    def get_record(self, doc_id: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT record FROM documents WHERE id = ?", [doc_id]).fetchone()
        return None if row is None else json.loads(row[0])

    def iter_records(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every stored record, in id order, without loading them all at once."""
        last = ""
        while True:
            rows = self.con.execute(
                "SELECT id, record FROM documents WHERE id > ? ORDER BY id LIMIT ?", [last, batch]
            ).fetchall()
            if not rows:
                return
            for _, rec in rows:
                yield json.loads(rec)
            last = rows[-1][0]

    def query_quotes(
        self,
        *,
        speaker: str | None = None,
        actor: str | None = None,
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """Statements filtered by speaker (text or id), actor mentioned, outlet and dates."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if speaker:
            where.append(
                "(q.speaker_entity_id = ? OR q.speaker_code = ? OR strpos(q.speaker_norm, ?) > 0)"
            )
            params += [speaker, speaker, fold(speaker)]
        if actor:
            where.append(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = q.doc_id AND "
                "m.entity_id = ? AND m.start_char >= q.start_char AND "
                "m.end_char <= q.end_char)"
            )
            params.append(actor)
        if outlet:
            where.append("q.outlet = ?")
            params.append(outlet)
        if date_from:
            where.append("q.published_date >= CAST(? AS DATE)")
            params.append(date_from)
        if date_to:
            where.append("q.published_date <= CAST(? AS DATE)")
            params.append(date_to)
        params.append(max(1, min(int(limit), 10_000)))
        sql = f"""
            SELECT q.doc_id, CAST(q.published_date AS VARCHAR) AS published, q.outlet, d.title,
                   q.speaker_text, q.speaker_entity_id, q.speaker_code, q.anonymous, q.verb,
                   q.kind, q.content, q.via, q.sentence, q.start_char AS start, q.end_char AS "end"
            FROM quotes q
            JOIN documents d ON d.id = q.doc_id
            WHERE {" AND ".join(where)}
            ORDER BY q.published_date, q.doc_id, q.idx LIMIT ?"""
        cur = self.con.execute(sql, params)
        cols = [c[0] for c in cur.description]
        out = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        for row in out:
            row["via"] = json.loads(row["via"]) if row["via"] else []
        return out

    def query_stories(self, *, limit: int = 1000, min_outlets: int = 1) -> list[dict[str, Any]]:
        """Story clusters (largest first) with their outlets and member record ids."""
        rows = self.con.execute(
            """SELECT s.story_id, s.label, CAST(s.start_date AS VARCHAR),
                      CAST(s.end_date AS VARCHAR), s.outlets, s.n_articles,
                      list(m.doc_id ORDER BY d.published_date, m.doc_id)
               FROM stories s JOIN story_members m USING (story_id)
               JOIN documents d ON d.id = m.doc_id
               WHERE s.n_outlets >= ?
               GROUP BY s.story_id, s.label, s.start_date, s.end_date, s.outlets, s.n_articles
               ORDER BY s.n_articles DESC, s.start_date, s.story_id LIMIT ?""",
            [min_outlets, max(1, min(int(limit), 100_000))],
        ).fetchall()
        return [
            {
                "id": sid,
                "label": label,
                "start": start,
                "end": end,
                "outlets": json.loads(outlets),
                "n_articles": n,
                "members": list(members),
            }
            for sid, label, start, end, outlets, n, members in rows
        ]

