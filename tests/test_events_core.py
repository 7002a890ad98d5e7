"""Unit tests of the events layer: ontology, trigger lexicon, modality, arguments, guards."""

from __future__ import annotations

import time

import pytest

from marsad.events.coder import CoderOptions, EventCoder
from marsad.events.evaluation import document_with_actors
from marsad.events.ontology import load_ontology, root_of
from marsad.events.triggers import load_lexicon, parse_lexicon
from marsad.events.units import clause_bounds, tokenize_span

IRN = {"text": "إيران", "code": "IRN", "type": "GPE"}
ISR = {"text": "إسرائيل", "code": "ISR", "type": "GPE"}


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(CoderOptions(use_classifier=False))


def code(coder: EventCoder, text: str, actors=(IRN, ISR)):
    return coder.code(document_with_actors(text, list(actors)))


def triggers(text: str) -> list[tuple[str, str]]:
    toks = tokenize_span(text, 0, len(text))
    return [(h.entry.cameo, text[toks[h.first].start:toks[h.last].end])
            for h in load_lexicon().find(toks)]


def test_ontology_facts() -> None:
    onto = load_ontology()
    assert onto.get("19").goldstein == -10 and onto.get("19").quad_class == 4
    assert onto.get("04").plover == "CONSULT" and onto.get("041").mode == "phone"
    assert onto.get("01").plover is None and onto.get("0256").plover is None
    assert onto.get("042").goldstein == 1.9 and onto.get("046").goldstein == 7.0
    assert onto.get("163").goldstein == -8 and onto.get("186").plover == "ASSAULT"
    assert onto.get("084").plover == "RETREAT" and onto.get("081").plover == "CONCEDE"
    assert onto.get("1953").name == onto.get("195").name  # unknown sub-code: parent row
    assert root_of("0256") == "02"
    with pytest.raises(ValueError):
        root_of("x1")
    for row in onto.codes.values():
        root = row.root
        expected = 1 if root <= "05" else 2 if root <= "08" else 3 if root <= "13" else 4
        assert row.quad_class == expected, row


def test_light_verbs_and_clitics() -> None:
    assert triggers("وشنت الطائرات هجوما عنيفا") == [("190", "وشنت الطائرات هجوما")]
    assert triggers("أجرى الوزير يوم الاثنين مشاورات هاتفية") == [
        ("041", "أجرى الوزير يوم الاثنين مشاورات هاتفية")]
    assert triggers("وبالصواريخ") == []
    assert triggers("للهجوم")[0][0] == "190"
    assert triggers("بحثت المحادثات الملف")[0] == ("040", "بحثت")  # not ب + حثت (urge)
    assert triggers("وجهت الوزارة دعوة رسمية")[0][0] == "020"


def test_hard_negative_words_are_not_triggers() -> None:
    for text in ("قالت مصادر مطلعة", "مساعد الرئيس", "تنفيذ الاتفاقات", "فجر اليوم",
                 "التحديات المشتركة", "في معرض تعليقه", "التوصل إلى اتفاق"):
        assert triggers(text) == [], text


def test_lexicon_parse_errors() -> None:
    with pytest.raises(ValueError, match="expected 4 columns"):
        parse_lexicon("هجوم\t190\n")


def test_refinement_and_negation_flip(coder: EventCoder) -> None:
    (ev,) = code(coder, "دعت إيران إسرائيل إلى خفض التصعيد.")
    assert ev.cameo == "0256" and ev.type is None and ev.source.code == "IRN"
    evs = code(coder, "أكدت إيران أنها لن تقبل شروط إسرائيل.")
    assert [(e.cameo, e.modality) for e in evs] == [("120", "asserted")]


@pytest.mark.parametrize(("text", "modality"), [
    ("قصفت إيران إسرائيل.", "asserted"),
    ("لم تقصف إيران إسرائيل.", "negated"),
    ("ستقصف إيران إسرائيل.", "future"),
    ("سوف تقصف إيران إسرائيل.", "future"),
    ("إذا قصفت إيران إسرائيل فسترد.", "hypothetical"),
    ("قد تقصف إيران إسرائيل.", "hypothetical"),
    ("تترقب المنطقة الضربة الإيرانية على إسرائيل.", "hypothetical"),
    ("تسعى الدول إلى منع وقوع هجوم إيراني على إسرائيل.", "hypothetical"),
    ("نفت إيران أنها قصفت إسرائيل.", "negated"),
])
def test_modality(coder: EventCoder, text: str, modality: str) -> None:
    actors = (IRN, ISR, {"text": "الإيرانية", "code": "IRN", "type": "GPE"},
              {"text": "إيراني", "code": "IRN", "type": "GPE"})
    evs = [e for e in code(coder, text, actors) if e.cameo[:2] == "19"]
    assert evs and {e.modality for e in evs} == {modality}


@pytest.mark.parametrize("text", [
    "اقتحمت قوات الأمن منزلا في بلدة سترة واعتدت بالضرب على أفراده.",
    "أضرم شاب النار في نفسه أمام مقر ولاية سيدي بوزيد احتجاجا على مصادرة عربته.",
    "قتل ستة جنود في هجوم على موقع عسكري.",
])
def test_names_and_nouns_starting_like_future_verbs_are_not_cues(coder: EventCoder,
                                                                 text: str) -> None:
    evs = [e for e in code(coder, text) if e.type in ("ASSAULT", "PROTEST")]
    assert evs and all(e.modality == "asserted" for e in evs), [
        (e.trigger, e.modality, e.extra.get("cue")) for e in evs]


@pytest.mark.parametrize(("text", "codes"), [
    ("ضرب زلزال بقوة ست درجات جنوب البلاد فجر اليوم.", []),
    ("ضربت الأزمة المالية العالمية قطاع العقارات بقوة.", []),
    ("قتل أربعة عشر شخصا في حادث تصادم بين حافلة وشاحنة.", []),
    ("أجرت الدولة تجربة لإطلاق صاروخ بعيد المدى سقط في البحر.", []),
    ("تحتل البلاد مرتبة متقدمة في عدد ضحايا حوادث المرور.", []),
    ("شن الوزير هجوما لاذعا على المعارضة في مؤتمر صحافي.", ["111"]),
    ("قصفت الطائرات مواقع المسلحين رغم الأزمة السياسية في البلاد.", ["195"]),
])
def test_refinements_drop_non_events_and_recode_verbal_attacks(coder: EventCoder, text: str,
                                                               codes: list[str]) -> None:
    evs = code(coder, text)
    assert [e.cameo for e in evs if e.cameo[:2] in ("11", "18", "19")] == codes


@pytest.mark.parametrize("text", [
    "أحبطت الأجهزة الأمنية مخططا لتفجير منشآت نفطية.",
    "وحذر من أن أي عدوان على بلاده سيقابل برد قاس.",
    "هدد زعيم التنظيم، في تسجيل صوتي بثته مواقع متشددة، بشن هجمات على المصالح الغربية.",
])
def test_plots_and_any_attack_are_hypothetical(coder: EventCoder, text: str) -> None:
    evs = [e for e in code(coder, text) if e.cameo[:2] in ("18", "19")]
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_a_dropped_trigger_is_not_added_back_by_the_classifier() -> None:
    from marsad.events.classifier import load_classifier

    full = EventCoder(CoderOptions(), classifier=load_classifier())
    assert not [e for e in code(full, "قتل أربعة عشر شخصا في حادث تصادم بين حافلة وشاحنة.")
                if e.type == "ASSAULT"]


def test_cue_does_not_reach_past_another_trigger(coder: EventCoder) -> None:
    text = "يسود ترقب للضربة على إسرائيل ردا على اغتيال قيادي في طهران."
    evs = code(coder, text, (ISR, {"text": "طهران", "code": "IRN", "type": "GPE"}))
    by_code = {e.cameo: e for e in evs}
    assert by_code["190"].modality == "hypothetical"
    assert by_code["186"].modality == "asserted"
    assert by_code["186"].location.code == "IRN"


def test_clauses_break_at_commas_and_contrast() -> None:
    text = "قصفت إيران، بينما رفضت إسرائيل غير أن الوضع هادئ"
    toks = tokenize_span(text, 0, len(text))
    assert len(clause_bounds(toks)) == 3
    assert len(clause_bounds(tokenize_span("محادثات غير مباشرة", 0, 18))) == 1


def test_passive_and_agent(coder: EventCoder) -> None:
    hamas = {"text": "حماس", "code": "PSEREB", "type": "GROUP"}
    (ev,) = code(coder, "اغتيل قيادي في حماس على يد إسرائيل.", (ISR, hamas))
    assert ev.cameo == "186" and ev.source.code == "ISR" and ev.target.code == "PSEREB"


def test_bad_input_stays_linear(coder: EventCoder) -> None:
    names = [f"دولة{i}" for i in range(60)]
    many = "قصفت " + " و".join(names) + " مواقع " + " ".join(names) + "."
    actors = [{"text": n, "code": f"X{i:02d}", "type": "GPE"} for i, n in enumerate(names)]
    evs = code(coder, many, actors)
    assert 0 < len(evs) <= 60
    long_text = ("قصفت إيران مواقع في إسرائيل وهاجمت القوات " * 250)[:10_000] + "."
    start = time.perf_counter()
    evs = code(coder, long_text)
    assert time.perf_counter() - start < 5
    assert len(evs) <= 60
    repeated = "هجوم " * 3000
    assert len(code(coder, repeated)) <= 60
    assert code(coder, "") == ()
    assert code(coder, "؟؟؟ ... ،،،") == ()


def test_component_registration() -> None:
    from marsad.events.component import make
    from marsad.pipeline.registry import REGISTRY

    comp = make({"use_classifier": False})
    assert comp.requires == ("sentences", "entities", "quotes", "timexes")
    assert comp.provides == ("events",)
    assert "events" in REGISTRY.names()
    with pytest.raises(ValueError, match="unknown options"):
        make({"bogus": 1})
    doc = comp(document_with_actors("قصفت إيران إسرائيل.", [IRN, ISR]))
    assert "events" in doc.layers_done and doc.events[0].evidence.of(doc.text) == doc.text


def test_publication_date_fallback_and_timex(coder: EventCoder) -> None:
    doc = document_with_actors("قصفت إيران إسرائيل.", [IRN, ISR], published="2024-05-19")
    (ev,) = coder.code(doc)
    assert ev.date.value == "2024-05-19" and ev.date.from_publication
    from marsad.events.dates import find_timexes, parse_base

    text = "قصفت إيران إسرائيل يوم الاثنين."
    doc = document_with_actors(text, [IRN, ISR], published="2024-08-06")
    doc = doc.with_layers(timexes=tuple(find_timexes(text, parse_base("2024-08-06"))))
    (ev,) = coder.code(doc)
    assert ev.date.value == "2024-08-05" and not ev.date.from_publication


TUR = {"text": "تركيا", "code": "TUR", "type": "GPE"}
USA_NISBA = {"text": "أميركيين", "code": "USA", "type": "GPE"}
IRQ_NISBA = {"text": "عراقيا", "code": "IRQ", "type": "GPE"}
USA_TROOPS = {"text": "القوات الأميركية", "code": "USAMIL", "type": "ORG"}
JOR_EMB = {"text": "الأردنية", "code": "JOR", "type": "GPE"}


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # a count after "قتل"/"خطف": the actor that follows is the victim
    ("وقتل 15 جنديا تركيا في هجوم على موقع حدودي.", (TUR,), None, "TUR"),
    ("وخطف ثلاثة جنود أميركيين جنوب العاصمة.", (USA_NISBA,), None, "USA"),
    # ... and a subject just before the verb is still its source
    ("وأعلنت الشرطة أن القوات الأميركية قتلت 11 مسلحا عراقيا.", (USA_TROOPS, IRQ_NISBA),
     "USAMIL", "IRQ"),
])
def test_victims_after_kill_verbs_are_targets(coder: EventCoder, text: str, actors: tuple,
                                              source: str | None, target: str) -> None:
    evs = [e for e in code(coder, text, actors) if e.cameo[:2] == "18"]
    assert evs
    ev = evs[0]
    assert (ev.source.code if ev.source else None) == source
    assert ev.target is not None and ev.target.code == target


def test_a_masdar_in_a_prepositional_phrase_takes_no_subject_from_before(
        coder: EventCoder) -> None:
    evs = code(coder, "وقتل 15 جنديا تركيا في هجوم على موقع حدودي.", (TUR,))
    attack = [e for e in evs if e.trigger == "هجوم"]
    assert attack and all(e.source is None for e in attack)


def test_protesters_in_front_of_an_embassy_target_its_country(coder: EventCoder) -> None:
    evs = code(coder, "تجمع عشرات المتظاهرين أمام السفارة الأردنية في طهران.", (JOR_EMB,))
    protests = [e for e in evs if e.type == "PROTEST"]
    assert any(e.target and e.target.code == "JOR" for e in protests)


def test_first_person_verbs_leave_the_subject_to_the_speaker(coder: EventCoder) -> None:
    evs = [e for e in code(coder, "وقال: ندعم إسرائيل في مواجهة التهديدات.", (ISR,))
           if e.cameo[:2] == "05"]
    assert evs and evs[0].source is None and evs[0].target.code == "ISR"
    assert evs[0].extra.get("first_person")
    # a stem that begins with ن is not "we": "نفذت إيران هجوما"
    (attack,) = [e for e in code(coder, "نفذت إيران هجوما على إسرائيل.") if e.cameo[:2] == "19"]
    assert attack.source.code == "IRN" and not attack.extra.get("first_person")


def test_a_quoted_first_person_verb_takes_the_speaker_as_source() -> None:
    from marsad.pipeline import Pipeline, PipelineConfig

    pipe = Pipeline.from_config(PipelineConfig(
        components=("sentences", "timexes", "actors", "quotes", "events"),
        options={"events": {"use_classifier": False}}, error_policy="strict"))
    doc = document_with_actors('وقال الرئيس الإيراني: "ندعم حقوق الفلسطينيين في تقرير مصيرهم".',
                               [], published="2024-08-06")
    for comp in pipe.components:
        doc = comp(doc)
    support = [e for e in doc.events if e.cameo[:2] == "05"]
    assert support and support[0].source is not None
    assert support[0].source.code.startswith("IRN") and support[0].target.code == "PSE"
