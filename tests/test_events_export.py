"""Exporters over contract records made by the events pipeline."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from marsad.events.coder import CoderOptions, EventCoder
from marsad.events.evaluation import document_with_actors
from marsad.events.export import GDELT_COLUMNS, event_rows, plover_events, write_events
from marsad.model.record import check_record, to_record

TEXT = ("قصفت إيران مواقع في إسرائيل يوم الاثنين. ولم تجر إيران محادثات مع قطر. "
        "دعت قطر إيران إلى ضبط النفس.")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    actors = [{"text": "إيران", "code": "IRNGOV", "type": "GPE"},
              {"text": "إسرائيل", "code": "ISR", "type": "GPE"},
              {"text": "قطر", "code": "QAT", "type": "GPE"}]
    from marsad.events.dates import find_timexes, parse_base

    doc = document_with_actors(TEXT, actors, published="2024-08-06")
    doc = doc.with_layers(timexes=tuple(find_timexes(TEXT, parse_base("2024-08-06"))))
    doc = doc.with_layers(events=EventCoder(CoderOptions(use_classifier=False)).code(doc))
    rec = to_record(doc)
    assert check_record(rec) == []
    return [rec]


def test_rows_and_modalities(records: list[dict]) -> None:
    rows = list(event_rows(records))
    assert {r["root"] for r in rows} == {"19", "04", "02"}
    asserted = list(event_rows(records, modalities=frozenset({"asserted"})))
    assert "04" not in {r["root"] for r in asserted}
    strike = next(r for r in rows if r["root"] == "19")
    assert strike["source_code"] == "IRNGOV" and strike["target_code"] == "ISR"
    assert strike["evidence_text"] == TEXT[strike["evidence_start"]:strike["evidence_end"]]


def test_plover_drops_statements_and_appeals(records: list[dict]) -> None:
    events = list(plover_events(records))
    assert {e["event_type"] for e in events} == {"ASSAULT", "CONSULT"}
    strike = next(e for e in events if e["event_type"] == "ASSAULT")
    assert strike["source_actor"] == "IRN" and strike["source_agent"] == "GOV"
    assert strike["event_date"] == "2024-08-05"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "plover", "gdelt"])
def test_write_every_format(records: list[dict], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    n = write_events(records, out, fmt)
    assert n == (2 if fmt == "plover" else 3)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 3
    elif fmt == "gdelt":
        rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
        assert tuple(rows[0]) == GDELT_COLUMNS
        assert {r["EventRootCode"] for r in rows} == {"19", "04", "02"}
        assert rows[0]["SQLDATE"] == "20240805"
    elif fmt == "csv":
        assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 3
    else:
        assert all(json.loads(line) for line in out.read_text("utf-8").splitlines())


def test_unknown_format(records: list[dict], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="choose one of"):
        write_events(records, tmp_path / "x", "xml")


def test_cli_export_from_store(records: list[dict], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from marsad.cli.export import command

    class FakeStore:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def iter_records(self):
            return iter(records)

    import marsad.store as store_mod

    original = store_mod.Store.open
    store_mod.Store.open = classmethod(lambda cls, path, read_only=False: FakeStore())  # type: ignore[method-assign]
    try:
        out = tmp_path / "e.jsonl"
        result = CliRunner().invoke(command, ["events", "--db", str(tmp_path / "x.duckdb"),
                                              "--format", "jsonl", "-o", str(out),
                                              "--asserted-only"])
    finally:
        store_mod.Store.open = original  # type: ignore[method-assign]
    assert result.exit_code == 0, result.output
    assert len(out.read_text("utf-8").splitlines()) == 2
