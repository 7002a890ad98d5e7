"""Knowledge-base loading, validation and date-dependent codes."""

from __future__ import annotations

import pytest

from marsad.actors.kb import DuplicateIdError, InvalidCodeError, KBError, build_kb, load_kb
from marsad.actors.kbfiles import parse_entries, parse_role


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_size_version_and_hash(kb):
    assert len(kb) >= 800
    assert kb.version and len(kb.sha256) == 64
    assert sum(1 for e in kb.entries.values() if e.type == "PER") >= 200


def test_every_country_has_arabic_name(kb):
    countries = [e for e in kb.entries.values() if e.id == e.country and e.type == "GPE"]
    assert len(countries) >= 240 and all(e.names_ar for e in countries)


@pytest.mark.parametrize("eid,date,code", [
    ("per:antony_blinken", "2024-08-06", "USAGOV"),
    ("per:antony_blinken", "2026-01-01", "USA"),
    ("per:donald_trump", "2025-06-17", "USAGOV"),
    ("per:donald_trump", "2023-03-01", "USA"),
    ("grp:taliban", "2020-01-01", "AFGREB"),
    ("grp:taliban", "2022-01-01", "AFGGOV"),
    ("per:ismail_haniyeh", "2024-08-06", "PSEREB"),
])
def test_code_on_date(kb, eid, date, code):
    assert kb.code_on(eid, date) == code


def test_holders_and_search(kb):
    fm = kb.holders("foreign_minister", "IRN", "2025-06-17")
    assert [e.id for e in fm] == ["per:abbas_araghchi"]
    assert [e.id for e in kb.holders("head_of_state", "USA", "2024-05-18")] == ["per:joe_biden"]
    assert kb.search("ماكجورك")[0].id == "per:brett_mcgurk"
    assert kb.search("Abram Paley")[0].id == "per:abram_paley"
    assert kb.get("nope") is None


def test_spelling_variants_indexed(kb):
    for a, b in [("أمريكا", "أميركا"), ("غزة", "غزه"), ("ترامب", "ترمب")]:
        assert kb.search(a)[0].id == kb.search(b)[0].id


def _raw(text):
    return parse_entries(text, "test.tsv")


def test_duplicate_id_fails():
    rows = "org:x\tORG\tX\tاكس\tIGO\t\t\t\norg:x\tORG\tY\tواي\tIGO\t\t\t\n"
    with pytest.raises(DuplicateIdError, match="duplicate id 'org:x'"):
        build_kb(_raw(rows), (), [], valid_countries=frozenset({"USA"}))


def test_invalid_code_fails():
    with pytest.raises(InvalidCodeError, match="XYZGOV"):
        build_kb(_raw("org:x\tORG\tX\tاكس\tXYZGOV\t\t\t\n"), (), [],
                 valid_countries=frozenset({"USA"}))


@pytest.mark.parametrize("bad", ["USAGOV fm 2021-13-01", "USAGOV fm 2021-01 2020-01",
                                 "USAGOV fm - 2020"])
def test_bad_roles_fail(bad):
    with pytest.raises(KBError):
        parse_role(bad, "t:1")


def test_bad_type_reports_line():
    with pytest.raises(KBError, match="test.tsv:1"):
        _raw("org:x\tCITY\tX\tاكس\tIGO\t\t\t\n")
