"""Unit tests for the statements layer on small hand-built documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import Document, Entity, Meta, OffsetMap, Provenance, Quote, Sentence, Span
from marsad.pipeline.registry import REGISTRY
from marsad.statements import default_lexicon, detect_quotes, load_lexicon
from marsad.statements.quotes import MAX_PARAGRAPHS, scan_quotes
from marsad.statements.units import TextView
from marsad.text.sentences import split_sentences


def make_doc(text: str, outlet: str | None = None, entities: tuple[Entity, ...] = ()) -> Document:
    doc = Document(id="d", original=text, text=text, offsets=OffsetMap.identity(len(text)),
                   provenance=Provenance(source="test"), meta=Meta(outlet=outlet))
    return doc.with_layers(sentences=tuple(Sentence(s) for s in split_sentences(text)),
                           entities=entities)


def entity(text: str, surface: str, **kw: object) -> Entity:
    start = text.index(surface)
    base = {"id": "E", "type": "PER", "name_ar": surface, "name_en": None, "code": None,
            "wikidata": None, "mentions": (Span(start, start + len(surface)),)}
    base.update(kw)
    return Entity(**base)  # type: ignore[arg-type]


def quotes_of(text: str, **kw: object) -> tuple[Document, tuple[Quote, ...]]:
    doc = make_doc(text, **kw)  # type: ignore[arg-type]
    return doc, detect_quotes(doc)


def speaker_text(doc: Document, q: Quote) -> str | None:
    return None if q.speaker is None else q.speaker.span.of(doc.text)


# -- lexicon -----------------------------------------------------------------------
def test_lexicon_has_inflections_and_clitics() -> None:
    lex = default_lexicon()
    for form, lemma in (("قالت", "قال"), ("اكدوا", "أكد"), ("اشارا", "أشار"), ("لفتا", "لفت"),
                        ("واضاف", "أضاف"), ("مشيرا", "أشار"), ("موكدا", "أكد"), ("قايلا", "قال")):
        hit = lex.lookup(form)
        assert hit is not None and hit.verb.lemma == lemma, form
    assert lex.lookup("اشارتا").verb.number == "du"  # type: ignore[union-attr]
    assert lex.lookup("اوضحت").verb.gender == "f"  # type: ignore[union-attr]
    assert lex.lookup("المدينه") is None


def test_lexicon_rejects_bad_rows() -> None:
    import pytest

    with pytest.raises(ValueError, match="10 columns"):
        load_lexicon("قال\t-\t-\n")


# -- quote marks --------------------------------------------------------------------
def spans(text: str) -> list[str]:
    doc = make_doc(text)
    view = TextView.of(doc)
    return [view.surface(*q.inner) for q in scan_quotes(view)]


def test_pairs_every_style() -> None:
    assert spans("قال «أ ب» ثم “ج د” و\"هـ و\" و'ز ح'") == ["أ ب", "ج د", "هـ و", "ز ح"]


def test_unclosed_quote_ends_at_paragraph() -> None:
    assert spans('قال: "كلام بلا نهاية\nسطر آخر تماما "قصير" هنا') == ["كلام بلا نهاية", "قصير"]


def test_multi_paragraph_convention_and_cap() -> None:
    pars = ['قال: "الأول'] + ['"تال' for _ in range(MAX_PARAGRAPHS + 2)] + ['"الأخير"']
    got = spans("\n".join(pars))
    assert got[0].startswith("الأول") and got[0].count("\n") == MAX_PARAGRAPHS - 1
    closed = spans('قال: "الأول\n"الثاني\n"الثالث"')
    assert closed == ['الأول\n"الثاني\n"الثالث']


def test_nested_and_apostrophe() -> None:
    assert spans('«قال "لا" وانتهى»') == ['قال "لا" وانتهى', "لا"]
    assert spans("It's O'Brien") == []


# -- detection ----------------------------------------------------------------------
def test_vso_indirect_and_participle() -> None:
    doc, qs = quotes_of("وقال الوزير إن الاتفاق قريب، مضيفا أن التوقيع سيتم غدا.")
    assert [(speaker_text(doc, q), q.kind, q.content.of(doc.text)) for q in qs] == [
        ("الوزير", "indirect", "الاتفاق قريب"),
        ("الوزير", "indirect", "التوقيع سيتم غدا"),
    ]
    assert all(q.sentence == 0 and q.verb in ("قال", "مضيفا") for q in qs)


def test_continuation_respects_gender() -> None:
    text = ("وأعلنت الوزارة أن المعبر مغلق.\nوقال المسؤول الأمني إن الإغلاق مؤقت.\n"
            "وأوضحت في بيان أن القرار يراجع أسبوعيا.")
    doc, qs = quotes_of(text)
    assert [speaker_text(doc, q) for q in qs] == ["الوزارة", "المسؤول الأمني", "الوزارة"]


def test_speaker_never_invented() -> None:
    doc, qs = quotes_of("وأضاف أن الأمور تتحسن.")
    assert len(qs) == 1 and qs[0].speaker is None
    assert qs[0].to_json(doc.text)["speaker"]["resolved"] is False


def test_via_chain_and_outlet_last() -> None:
    doc, qs = quotes_of('وأكد مسؤول أمريكي لـ"أكسيوس" أن الخطة جاهزة.', outlet="المنار")
    (q,) = qs
    assert q.via == ("أكسيوس", "المنار")
    assert q.speaker is not None and q.speaker.anonymous


def test_entities_link_speaker_and_media() -> None:
    text = 'وقال وزير الخارجية أنتوني بلينكن لشبكة "سي إن إن" إن الحل دبلوماسي.'
    ents = (entity(text, "أنتوني بلينكن", id="Q1", code="USAGOV"),
            entity(text, "سي إن إن", id="M1", type="MEDIA", name_en="CNN", code="MED"))
    doc, qs = quotes_of(text, entities=ents)
    (q,) = qs
    assert q.speaker is not None and (q.speaker.entity_id, q.speaker.code) == ("Q1", "USAGOV")
    assert q.via == ("CNN",)


def test_anonymous_entity_flag_comes_from_actors() -> None:
    text = "وقالت جهة رسمية إن المطار يعمل."
    doc, qs = quotes_of(text, entities=(entity(text, "جهة رسمية", type="GROUP", anonymous=True),))
    assert qs[0].speaker is not None and qs[0].speaker.anonymous


def test_unclosed_quote_does_not_swallow_article() -> None:
    text = 'وقال المدير: "سنبدأ العمل قريبا\n\nخبر آخر عن الطقس.\n\nوقالت الوزارة إن الطقس معتدل.'
    doc, qs = quotes_of(text)
    assert qs[0].content.of(doc.text) == "سنبدأ العمل قريبا"
    assert speaker_text(doc, qs[1]) == "الوزارة"


def test_no_statement_without_complement() -> None:
    assert quotes_of("وأكدت البعثة الأمر.")[1] == ()
    assert quotes_of("وتستمر المفاوضات بين البلدين.")[1] == ()


def test_offsets_map_back_through_normalisation() -> None:
    text = "وقـالَ الوزيـرُ إنّ الاتّفاقَ قريبٌ."
    doc, qs = quotes_of(text)
    assert qs[0].content.of(doc.text) == "الاتّفاقَ قريبٌ"
    assert speaker_text(doc, qs[0]) == "الوزيـرُ"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(['"', "«", "»", "“", "”", "'", "قال", "إن", ":", "،", ".",
                                 "\n", " ", "الوزير", "وأضاف", "نعم"]), max_size=40))
def test_random_marks_stay_inside_paragraph_budget(parts: list[str]) -> None:
    text = " ".join(parts)
    doc = make_doc(text)
    for q in detect_quotes(doc):
        assert 0 <= q.content.start < q.content.end <= len(text)
        assert q.content.of(text).count("\n") <= 2 * MAX_PARAGRAPHS


# -- component ----------------------------------------------------------------------
def test_component_registered_and_fills_layer() -> None:
    import marsad.statements.component  # noqa: F401  (registers "quotes")

    comp = REGISTRY.create("quotes", {})
    assert (comp.name, comp.requires) == ("quotes", ("sentences", "entities"))
    assert comp.provides == ("quotes",)
    out = comp(make_doc("وقال الرئيس: «نحن هنا»."))
    assert "quotes" in out.layers_done and out.quotes[0].kind == "direct"


def test_component_rejects_unknown_option() -> None:
    import pytest

    import marsad.statements.component  # noqa: F401

    with pytest.raises(ValueError, match="unknown options"):
        REGISTRY.create("quotes", {"lexikon": "x"})
