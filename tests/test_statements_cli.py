"""``marsad quotes`` against a stand-in store (the real query lives in marsad.store)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.cli.quotes import command

ROW = {"doc_id": "a1", "published": "2024-08-05", "outlet": "الفجر", "title": "t",
       "speaker_text": "ماثيو ميلر", "speaker_entity_id": "per:matthew_miller",
       "speaker_code": "USAGOV", "anonymous": False, "verb": "قال", "kind": "direct",
       "content": "لا نريد التصعيد", "via": ["الفجر"], "sentence": 2, "start": 10, "end": 25}


class FakeStore:
    calls: list[dict[str, Any]] = []

    @classmethod
    def open(cls, path: str, read_only: bool = False) -> FakeStore:
        assert read_only
        return cls()

    def __enter__(self) -> FakeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def query_quotes(self, **kw: Any) -> list[dict[str, Any]]:
        FakeStore.calls.append(kw)
        return [ROW]


@pytest.fixture()
def fake_store(monkeypatch: pytest.MonkeyPatch) -> type[FakeStore]:
    import marsad.store

    FakeStore.calls = []
    monkeypatch.setattr(marsad.store, "Store", FakeStore, raising=False)
    return FakeStore


def test_jsonl_passes_filters(fake_store: type[FakeStore]) -> None:
    res = CliRunner().invoke(command, ["--db", "x.duckdb", "--actor", "USAGOV", "--from",
                                       "2024-08-01", "--to", "2024-08-31", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output.splitlines()[0])["speaker_code"] == "USAGOV"
    assert fake_store.calls == [{"speaker": None, "actor": "USAGOV", "outlet": None,
                                 "date_from": "2024-08-01", "date_to": "2024-08-31", "limit": 100}]


def test_table_and_bad_date(fake_store: type[FakeStore]) -> None:
    res = CliRunner().invoke(command, ["--speaker", "ميلر"])
    assert res.exit_code == 0 and "ماثيو ميلر [USAGOV]" in res.output
    bad = CliRunner().invoke(command, ["--from", "05/08/2024"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output
