"""Offset maps, documents and the record contract."""

import json

import pytest

from marsad.model import (
    ActorRef,
    Document,
    Entity,
    Event,
    Meta,
    OffsetMap,
    OffsetMapBuilder,
    Provenance,
    Quote,
    Span,
    check_record,
    to_record,
)


def make_doc(text: str = "قال الوزير إن المحادثات مستمرة.") -> Document:
    return Document(
        id="d1",
        original=text,
        text=text,
        offsets=OffsetMap.identity(len(text)),
        provenance=Provenance(source="test"),
        meta=Meta(published="2025-03-01"),
    )


def test_builder_maps_kept_pieces_back() -> None:
    src = "chrome\nالسطر الأول\nmore chrome\nالسطر الثاني"
    b = OffsetMapBuilder()
    first = src.index("السطر الأول")
    b.copy(src, first, first + len("السطر الأول"))
    b.insert("\n\n", first + len("السطر الأول"))
    second = src.index("السطر الثاني")
    b.copy(src, second, len(src))
    text, omap = b.build(len(src))
    assert text == "السطر الأول\n\nالسطر الثاني"
    s = text.index("الثاني")
    a, e = omap.to_source(s, s + len("الثاني"))
    assert src[a:e] == "الثاني"


def test_offset_map_rejects_out_of_range() -> None:
    with pytest.raises(ValueError, match="outside"):
        OffsetMap.identity(3).to_source(2, 5)


def test_compose_chains_maps() -> None:
    outer = OffsetMap.from_points([1, 2], 3)
    inner = OffsetMap.from_points([0, 5, 6], 7)
    assert outer.compose(inner).to_source(0, 2) == (5, 7)


def test_span_validation() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)


def test_document_is_immutable_and_layers_are_recorded() -> None:
    doc = make_doc()
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]
    ent = Entity("per:x", "PER", "الوزير", None, "USAGOV", None, (Span(4, 10),))
    doc2 = doc.with_layers(entities=(ent,))
    assert doc.entities == () and doc2.entities == (ent,)
    assert "entities" in doc2.layers_done


def test_record_has_contract_keys_and_valid_spans() -> None:
    doc = make_doc()
    ref = ActorRef(Span(4, 10), "per:x", "USAGOV")
    quote = Quote(ref, "قال", "indirect", Span(14, 31), via=("Axios",))
    ev = Event("010", None, None, 0.0, 1, ref, None, "asserted", Span(0, 31), 0, 0.9)
    rec = to_record(doc.with_layers(quotes=(quote,), events=(ev,)))
    assert check_record(rec) == []
    assert rec["quotes"][0]["content"]["text"] == "المحادثات مستمرة."
    json.dumps(rec, ensure_ascii=False)


def test_check_record_finds_bad_spans() -> None:
    rec = to_record(make_doc())
    rec["sentences"] = [{"start": 0, "end": 999}]
    del rec["title"]
    problems = check_record(rec)
    assert any("title" in p for p in problems) and any("outside" in p for p in problems)
