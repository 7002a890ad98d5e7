"""Importing PETRARCH and CSV actor dictionaries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad.actors.importers import import_csv, import_petrarch, to_tsv
from marsad.actors.kb import load_kb
from marsad.actors.kbfiles import parse_entries

SHARED = Path(os.environ.get(
    "MARSAD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
UP_DICT = SHARED / "reference/dictionaries/universalpetrarch_ar/actor_dict_ar_v4.txt"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


SAMPLE = """\
سمير_الفلاني_
\t[EGYGOV 20100101-20120101]
\t[EGYELI >20120101]
شبكة_اخبار_ما_  [QATMED]
خطأ_واضح_
\t[IRNGOV 20200101-19990101]
\t[ZZZGOV]
\t[ 20010120-20090120]
حزب_الله_  [LBNGOV]
"""


def test_petrarch_sample(kb):
    r = import_petrarch(SAMPLE, kb)
    ids = [e.id for e in r.entries]
    assert ids == ["imp:سمير_الفلاني", "imp:شبكه_اخبار_ما", "imp:حزب_الله"]
    assert r.entries[0].roles[1].start == "2012-01-01" and r.entries[0].roles[1].end is None
    assert sorted(p.line for p in r.problems) == [6, 7, 8]
    assert [(c.kb_id, c.imported_code) for c in r.conflicts] == [("grp:hezbollah", "LBNGOV")]
    assert len(parse_entries(to_tsv(r.entries), "roundtrip")) == 3


@pytest.mark.skipif(not UP_DICT.is_file(), reason=f"reference dictionary not found at {UP_DICT}")
def test_universalpetrarch_dictionary(kb):
    r = import_petrarch(UP_DICT.read_text(encoding="utf-8"), kb)
    assert len(r.entries) > 5000
    assert r.problems and all(p.line > 0 for p in r.problems)
    assert any("before it starts" in p.message for p in r.problems)
    assert r.conflicts  # e.g. capitals coded as countries rather than governments


def test_csv_import(kb):
    text = ("id,type,en,ar,code,country,wikidata,roles\n"
            "per:sample_person,PER,Sample,سمير الفلاني|سمير,EGY,EGY,,EGYGOV minister 2020 -\n"
            "per:joe_biden,PER,Joe Biden,جو بايدن,USAMIL,USA,,\n"
            "bad id,PER,X,اكس,EGY,,,\n")
    r = import_csv(text, kb)
    assert [e.id for e in r.entries] == ["per:sample_person", "per:joe_biden"]
    assert [p.line for p in r.problems] == [4]
    assert any(c.kb_id == "per:joe_biden" and c.imported_code == "USAMIL" for c in r.conflicts)


def test_csv_bad_header(kb):
    assert import_csv("a,b\n", kb).problems[0].line == 1
