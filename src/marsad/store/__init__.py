"""The embedded store (DuckDB by default)."""

from marsad.store.store import DEFAULT_DB, Store, WriteCounts

__all__ = ["DEFAULT_DB", "Store", "WriteCounts"]
