"""Linking rules on small hand-written sentences, and the optional NER path."""

from __future__ import annotations

import sys
import types

import pytest

from marsad.actors.component import entity_at, make
from marsad.actors.kb import load_kb
from marsad.actors.linker import Linker
from marsad.model import Document, Meta, OffsetMap, Provenance


def _doc(text, published="2024-05-18"):
    return Document(id="t", original=text, text=text, offsets=OffsetMap.identity(len(text)),
                    provenance=Provenance(source="t"), meta=Meta(published=published))


@pytest.fixture(scope="module")
def linker():
    return Linker(load_kb(), use_ner=False)


def _links(linker, text, published="2024-05-18"):
    mentions, entities = linker(_doc(text, published))
    codes = {e.id: e.code for e in entities}
    return [(m.text, m.entity_id, codes[m.entity_id]) for m in mentions]


def test_oman_vs_amman(linker):
    text = "وصل الوفد إلى العاصمة الأردنية عمان أمس."
    assert ("عمان", "loc:amman", "JOR") in _links(linker, text)
    assert ("عمان", "OMN", "OMN") in _links(linker, "جرت المحادثات في عمان بوساطة.")
    assert ("عمّان", "loc:amman", "JOR") in _links(linker, "افتتح معرض الكتاب في عمّان.")
    assert not [x for x in _links(linker, "زار عمان صباحا.") if x[0] == "عمان"]


def test_alhurra_outlet_or_adjective(linker):
    assert ("الحرة", "med:alhurra", "USAMED") in _links(linker, "المصدر: الحرة")
    assert not _links(linker, "جرت انتخابات حرة ونزيهة والسوق الحرة مفتوحة.")


def test_titles_resolve_by_date(linker):
    assert _links(linker, "قال الرئيس الأمريكي إن", "2024-05-18")[0][1] == "per:joe_biden"
    assert _links(linker, "قال الرئيس الأمريكي إن", "2025-06-17")[0][1] == "per:donald_trump"
    got = _links(linker, "أكد وزير الخارجية الإيراني أن", "2023-01-10")
    assert got[0][:2] == ("وزير الخارجية الإيراني", "per:hossein_amir_abdollahian")
    spokes = _links(linker, "وقال المتحدث باسم الخارجية الأمريكية إن", "2024-08-06")
    assert ("المتحدث باسم الخارجية الأمريكية", "per:matthew_miller", "USAGOV") in spokes


def test_no_date_means_no_title_resolution(linker):
    out = _links(linker, "قال الرئيس الأمريكي جو بايدن إن الرئيس الأمريكي", None)
    assert [x[1] for x in out if x[1].startswith("per:")] == ["per:joe_biden"]
    assert ("جو بايدن", "per:joe_biden", "USAGOV") in out  # latest role without a date


def test_surname_only_after_full_name(linker):
    out = _links(linker, "قال ماثيو ميلر إن ... وأضاف ميلر")
    assert [x[1] for x in out] == ["per:matthew_miller", "per:matthew_miller"]
    assert not _links(linker, "وأضاف ميلر أن")


def test_demonym_phrases(linker):
    out = _links(linker, "قصف الجيش الإسرائيلي مواقع، وقال مسؤول إسرائيلي إن قاعدة جوية إيرانية")
    assert ("الجيش الإسرائيلي", "mil:ISR", "ISRMIL") in out
    assert any(x[0] == "مسؤول إسرائيلي" and x[2] == "ISRGOV" for x in out)
    assert ("إيرانية", "IRN", "IRN") in out


def test_anonymous_entities_are_flagged(linker):
    _, entities = linker(_doc("وقالت مصادر مطلعة ومسؤولين إيرانيين"))
    anon = [e for e in entities if e.anonymous]
    assert [e.code for e in anon] == [None, "IRNGOV"]


def test_entity_at_prefers_contained_mention():
    doc = make({"ner": False})(_doc("قال الرئيس الأمريكي جو بايدن إن"))
    start = doc.text.index("جو")
    assert entity_at(doc, start, start + 8).id == "per:joe_biden"
    assert entity_at(doc, 0, 3) is None


def test_component_contract():
    comp = make({"ner": False})
    assert comp.name == "actors" and comp.requires == ("text",)
    assert comp.provides == ("mentions", "entities") and len(comp.resource_hash) == 64
    with pytest.raises(ValueError, match="unknown actors options"):
        make({"nerr": True})
    out = comp(_doc("قالت حركة حماس"))
    assert {"mentions", "entities"} <= out.layers_done
    assert out.entities[0].mentions[0].of(out.text) == "حركة حماس"


def test_registered():
    from marsad.pipeline.registry import REGISTRY

    assert "actors" in REGISTRY.names()


def test_ner_missing_degrades_to_kb(monkeypatch):
    monkeypatch.setitem(sys.modules, "marsad.actors.ner", None)  # import raises ImportError
    out = Linker(load_kb(), use_ner=True)(_doc("قال الدبلوماسي سمير الفلاني إن إيران"))
    assert [m.entity_id for m in out[0]] == ["IRN"]


def test_ner_model_absent_degrades(monkeypatch):
    fake = types.ModuleType("marsad.actors.ner")

    class NerModelMissing(RuntimeError):
        pass

    def find_entities(text):
        raise NerModelMissing("no model")

    fake.NerModelMissing, fake.find_entities = NerModelMissing, find_entities
    monkeypatch.setitem(sys.modules, "marsad.actors.ner", fake)
    out = Linker(load_kb(), use_ner=True)(_doc("قال إن إيران"))
    assert [m.entity_id for m in out[0]] == ["IRN"]


def test_ner_people_become_provisional(monkeypatch):
    text = "وقال المتحدث الإسرائيلي سمير الفلاني إن إيران"
    start = text.index("سمير")
    fake = types.ModuleType("marsad.actors.ner")
    fake.find_entities = lambda t: [(start, start + len("سمير الفلاني"), "PERS")]
    monkeypatch.setitem(sys.modules, "marsad.actors.ner", fake)
    _, entities = Linker(load_kb(), use_ner=True)(_doc(text))
    prov = [e for e in entities if e.id.startswith("prov:")]
    assert len(prov) == 1 and prov[0].code == "ISRGOV" and prov[0].name_ar == "سمير الفلاني"
