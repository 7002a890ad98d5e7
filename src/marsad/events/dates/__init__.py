"""Arabic temporal expressions: find them in news text and resolve them to dates.

``find_timexes`` scans the folded text with compiled rules (``rules``) and resolves each
reading against the publication date (``resolve``); Hijri dates go through hijridate.
dateparser is used only by ``resolve_expression``, for stand-alone strings the rules do
not cover (for example a comma-separated list of durations).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from marsad.events.dates.periods import Resolved, day_value, week_value
from marsad.events.dates.resolve import resolve_reading
from marsad.events.dates.rules import scan
from marsad.model.annotations import EventDate, Span, TimeExpression
from marsad.text.normalize import fold, normalize

__all__ = ["find_timexes", "parse_base", "publication_fallback", "resolve_expression"]

#: Strings worth handing to dateparser: they hold a number or a calendar unit word.
_DATEPARSER_WORTHY = re.compile(r"\d|يوم|ايام|اسبوع|شهر|عام|سنه|ساعه|دقيقه")

#: Tatweel and Arabic combining marks (fathatan .. sukun, superscript alef).
_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")


def _as_date(base: date | None) -> date | None:
    return base.date() if isinstance(base, datetime) else base


def find_timexes(text: str, base: date | None) -> list[TimeExpression]:
    """All temporal expressions in ``text``, resolved against ``base``, in text order.

    Expressions that need a base (weekdays, "أمس", "الشهر الماضي", yearless months)
    are skipped when ``base`` is ``None``; absolute ones are still resolved.
    """
    base = _as_date(base)
    norm = normalize(text)
    out: list[TimeExpression] = []
    for cand in scan(norm.text):
        resolved = resolve_reading(cand.reading, base)
        if resolved is None:
            continue
        start, end = norm.to_source(cand.start, cand.end)
        end = _past_marks(text, end)
        value, precision = resolved
        out.append(TimeExpression(Span(start, end), EventDate(value, precision, text[start:end])))
    return out


def _past_marks(text: str, end: int) -> int:
    # Folding deletes tatweel and harakat, so a match ending in "هـ" or "غداً" maps to
    # an end before them; take them back into the span.
    while end < len(text) and _MARKS.match(text[end]):
        end += 1
    return end


def resolve_expression(expr: str, base: date) -> EventDate | None:
    """Resolve one stand-alone expression; the longest scanner match wins.

    Falls back to dateparser (``PREFER_DAY_OF_MONTH='first'``, ``RELATIVE_BASE=base``)
    when the rules find nothing and the string holds a number or a unit word.
    """
    day = _as_date(base)
    found = find_timexes(expr, day)
    if found:
        best = max(found, key=lambda t: (t.span.end - t.span.start, -t.span.start))
        return best.date
    if day is None or not _DATEPARSER_WORTHY.search(fold(expr)):
        return None
    resolved = _dateparser(expr, day)
    if resolved is None:
        return None
    return EventDate(resolved[0], resolved[1], expr.strip())


def _dateparser(expr: str, base: date) -> Resolved | None:
    from dateparser.date import DateDataParser  # heavy import, only on this path

    parser = DateDataParser(
        languages=["ar"],
        settings={"PREFER_DAY_OF_MONTH": "first",
                  "RELATIVE_BASE": datetime.combine(base, time(12, 0))},
    )
    data = parser.get_date_data(expr)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if not 1800 <= d.year <= 2200:
        return None  # dateparser reads "1445/09/01" as a Gregorian year 1445
    if data.period == "year":
        return f"{d.year:04d}", "year"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    if data.period == "week":
        return week_value(d)
    return day_value(d)


def publication_fallback(base: date) -> EventDate:
    """The publication date as an event date of last resort (``from_publication=True``)."""
    base_day = _as_date(base)
    assert base_day is not None
    return EventDate(base_day.isoformat(), "day", "", from_publication=True)


def parse_base(published: str | None) -> date | None:
    """The publication day from ``YYYY-MM-DD`` or a full ISO timestamp, else ``None``."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None
