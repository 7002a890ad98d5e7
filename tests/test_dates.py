"""Arabic date layer: unit rules, offsets, the component, and quality gates."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.events.dates import (
    find_timexes,
    parse_base,
    publication_fallback,
    resolve_expression,
)
from marsad.events.dates.evaluate import adapt_reference, interpret_expected, load_cases, score
from marsad.model import Document, Meta, OffsetMap, Provenance

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "date_cases.tsv"
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
REFERENCE = SHARED / "reference" / "dates" / "arabic_date_cases_from_dateparser_tests.tsv"

TUESDAY = date(2024, 4, 9)
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

#: Quality floors, a little below the measured accuracy (own 1.000 on 173 cases,
#: dateparser-derived 1.000 on 21 interpretable cases) so that one regression in the
#: reference set is tolerated but two are not.
OWN_FLOOR = 0.97
REFERENCE_FLOOR = 0.95


def value(expr: str, base: date = TUESDAY) -> tuple[str, str] | None:
    got = resolve_expression(expr, base)
    return None if got is None else (got.value, got.precision)


@pytest.mark.parametrize("offset", range(7))
def test_bare_weekday_is_latest_on_or_before_base(offset: int) -> None:
    base = TUESDAY + timedelta(days=offset)
    for i, name in enumerate(WEEKDAYS):
        got = date.fromisoformat(value(f"يوم {name}", base)[0])  # type: ignore[index]
        assert got.weekday() == i
        assert 0 <= (base - got).days <= 6


def test_same_weekday_is_base_not_a_week_back() -> None:
    assert value("يوم الثلاثاء") == ("2024-04-09", "day")
    assert value("الثلاثاء الماضي") == ("2024-04-02", "day")
    assert value("الثلاثاء المقبل") == ("2024-04-16", "day")


def test_relative_days_and_periods() -> None:
    assert value("أمس السبت", date(2024, 4, 7)) == ("2024-04-06", "day")
    assert value("أمس الأول") == ("2024-04-07", "day")
    assert value("غداً") == ("2024-04-10", "day")
    assert value("الأسبوع الماضي") == ("2024-W14", "week")
    assert value("الشهر الماضي", date(2025, 1, 10)) == ("2024-12", "month")
    assert value("العام الماضي") == ("2023", "year")


def test_month_past_rule_documented_in_resolve() -> None:
    # With a day: strictly before the base date; without: strictly before its month.
    assert value("3 أبريل الماضي") == ("2024-04-03", "day")
    assert value("13 أبريل الماضي") == ("2023-04-13", "day")
    assert value("أبريل الماضي") == ("2023-04", "month")


def test_month_systems_agree() -> None:
    names = ["مارس", "آذار", "آذار/مارس", "مارس (آذار)"]
    assert {value(f"3 {n} 2025") for n in names} == {("2025-03-03", "day")}
    assert value("5 جانفي 2020") == value("5 يناير 2020") == value("5 كانون الثاني 2020")


def test_ambiguous_words_are_not_dates() -> None:
    assert value("مارس الضغط على الوفد") is None
    assert value("هذا من باب الحرص") is None
    assert value("أدى صلاة الجمعة") is None


def test_hijri() -> None:
    assert value("15 رمضان 1446 هـ") == ("2025-03-15", "day")
    assert value("14-09-1432 هـ") == ("2011-08-14", "day")


def test_spans_map_to_original_text_with_marks() -> None:
    text = "قال الوزيرُ غداً إنه سيزور دمشقَ في ١٥ رمضان ١٤٤٦ هـ."
    found = find_timexes(text, TUESDAY)
    assert [t.date.text for t in found] == ["غداً", "١٥ رمضان ١٤٤٦ هـ"]
    assert all(text[t.span.start:t.span.end] == t.date.text for t in found)


def test_no_base_keeps_only_absolute_dates() -> None:
    text = "اجتمعوا أمس ثم في 3 مارس 2025 وفي 12 أبريل."
    assert [t.date.value for t in find_timexes(text, None)] == ["2025-03-03"]


def test_datetime_base_is_reduced_to_a_day() -> None:
    assert value("أمس", datetime(2024, 4, 9, 23, 59)) == ("2024-04-08", "day")


def test_publication_fallback_and_parse_base() -> None:
    fb = publication_fallback(TUESDAY)
    assert (fb.value, fb.precision, fb.from_publication) == ("2024-04-09", "day", True)
    assert parse_base("2024-04-09T10:00:00+03:00") == TUESDAY
    assert parse_base("2024-04-09") == TUESDAY
    assert parse_base("not a date") is None
    assert parse_base(None) is None


def _doc(text: str, published: str | None) -> Document:
    return Document(id="d1", original=text, text=text, offsets=OffsetMap.identity(len(text)),
                    provenance=Provenance(source="test"), meta=Meta(published=published))


def test_component_fills_timexes() -> None:
    from marsad.events.dates import component  # registers "timexes"
    from marsad.pipeline.registry import REGISTRY

    comp = REGISTRY.create("timexes", {})
    assert (comp.name, comp.requires, comp.provides) == ("timexes", ("text",), ("timexes",))
    doc = comp(_doc("أعلن المتحدث يوم الاثنين أن الوفد وصل عام 2018.", "2024-04-09T08:00:00Z"))
    assert [t.date.value for t in doc.timexes] == ["2024-04-08", "2018"]
    assert "timexes" in doc.layers_done
    undated = comp(_doc("أعلن المتحدث يوم الاثنين أن الوفد وصل عام 2018.", None))
    assert [t.date.value for t in undated.timexes] == ["2018"]
    with pytest.raises(ValueError, match="no options"):
        component.make({"bogus": 1})


def test_interpret_expected_notation() -> None:
    base = datetime(2015, 1, 10, 12)
    assert interpret_expected("ago days=1", base) == date(2015, 1, 9)
    many = "ago years=1 months=1 weeks=1 days=1 hours=1"
    assert interpret_expected(many, base) == date(2013, 12, 2)
    assert interpret_expected("ago 2 hour", base) == date(2015, 1, 10)
    assert interpret_expected("6 january 2015 05:16 pm", base) == date(2015, 1, 6)
    assert interpret_expected("2 day", base) is None


def test_quality_gate_own_cases() -> None:
    cases = load_cases(CASES.read_text(encoding="utf-8"))
    assert len(cases) >= 80
    report = score(cases)
    detail = "; ".join(f"{c.expression} -> {g} (want {c.value})" for c, g in report.failures)
    assert report.accuracy >= OWN_FLOOR, detail


def test_quality_gate_dateparser_cases() -> None:
    if not REFERENCE.exists():
        pytest.skip(f"dateparser reference cases not found at {REFERENCE}; set MARSAD_SHARED")
    cases, skipped = adapt_reference(REFERENCE.read_text(encoding="utf-8"))
    # Only bare durations ("2 day", "4 year") are uninterpretable as points in time.
    assert sum(skipped.values()) <= 3 and len(cases) >= 20
    report = score(cases)
    detail = "; ".join(f"{c.expression} -> {g} (want {c.value})" for c, g in report.failures)
    assert report.accuracy >= REFERENCE_FLOOR, detail


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("أمس اليوم السبت 12 مارس/آذار ٣ ـ ً ة الماضي،")),
               max_size=60),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_spans_are_valid_and_exact(text: str, base: date) -> None:
    for t in find_timexes(text, base):
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert text[t.span.start:t.span.end] == t.date.text
        assert t.date.precision in ("day", "week", "month", "year")
