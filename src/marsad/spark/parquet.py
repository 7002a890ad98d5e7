"""Reading a Spark run's Parquet output with DuckDB, and loading it into a marsad store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.model import Rejected

OUTPUTS: tuple[str, ...] = ("records", "quarantine", "duplicates")
#: Records per store transaction, as for the local ingest batches.
LOAD_BATCH = 500


def open_parquet(output: str | Path, con: Any = None) -> Any:
    """A DuckDB connection with one view per output folder (``records``, ``quarantine``...).

    Nested contract columns stay nested, e.g.
    ``SELECT id, unnest(events).cameo FROM records``.
    """
    import duckdb

    con = con or duckdb.connect()
    for name in OUTPUTS:
        folder = Path(output) / name
        if any(folder.glob("*.parquet")):
            pattern = str(folder / "*.parquet").replace("'", "''")
            con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{pattern}')")
    return con


def _records(con: Any, batch: int) -> Iterator[list[dict[str, Any]]]:
    cur = con.execute("SELECT record_json FROM records ORDER BY id")
    while rows := cur.fetchmany(batch):
        yield [json.loads(r[0]) for r in rows]


def _rejections(con: Any) -> list[Rejected]:
    rows = con.execute("SELECT stage, reason, detail, source, locator, sha256 FROM quarantine "
                       "ORDER BY source, locator, stage, reason").fetchall()
    return [Rejected(*row) for row in rows]


def load_parquet_into_store(output: str | Path, db_path: str | Path,
                            batch: int = LOAD_BATCH) -> dict[str, Any]:
    """Insert a Spark run's records and rejections into a marsad store, idempotently.

    Stories are keyed by content hash as in ``marsad ingest``, so loading twice adds
    nothing (``Store.write_records``, the record-level twin of ``Store.write_batch``).
    """
    from marsad.store import Store, WriteCounts

    con = open_parquet(output)
    total = WriteCounts()
    with Store.open(db_path) as store:
        write = store.write_records
        run_id = store.start_run("spark-load", {"parquet": str(output)}, {}, {})
        for records in _records(con, batch):
            total.add(write(run_id, records, []))
        total.add(write(run_id, [], _rejections(con)))
        store.finish_run(run_id, total.to_json())
    return total.to_json()
