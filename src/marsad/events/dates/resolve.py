"""Turn a :class:`~marsad.events.dates.rules.Reading` into a value and a precision.

Resolution rules (news conventions, relative to the publication date ``base``):

* bare weekday ("يوم الاثنين"): the latest such day on or before ``base`` (the same
  weekday as ``base`` is ``base`` itself); with a future cue in the sentence ("من
  المقرر", "سوف") the first such day on or after ``base``. "الماضي": strictly before;
  "المقبل": strictly after.
* month with "الماضي": with a day, the latest such date strictly before ``base`` (so
  "13 أبريل الماضي" on 20 April is 13 April of the same year); without a day, the latest
  such month strictly before the publication month. "المقبل" mirrors this; "الجاري"
  takes the publication year.
* bare month or day-month: the nearest occurrence in the previous, current or next year,
  a future candidate counting twice its distance (past-tense news bias; ties go past).
* "مطلع/منتصف/أواخر" keep the containing period (month or year precision).
* "منذ/قبل N" and "بعد N" move by N units; hours and minutes stay on ``base``.
"""

from __future__ import annotations

from datetime import date

from marsad.events.dates.hijri import resolve_hijri
from marsad.events.dates.periods import (
    Resolved,
    add_months,
    day_value,
    month_value,
    nearest_day,
    nearest_month_year,
    safe_date,
    shift_days,
    week_value,
    year_value,
)
from marsad.events.dates.rules import Reading

_STEP = {"past": -1, "current": 0, "next": 1}


def resolve_reading(reading: Reading, base: date | None) -> Resolved | None:
    """Resolve a reading; ``None`` when it needs a base that is missing or is invalid."""
    if reading.kind == "calendar":
        return _calendar(reading, base)
    if reading.kind == "hijri":
        return resolve_hijri(reading.year, reading.month, reading.day, base,
                             reading.direction)
    if base is None:
        return None
    if reading.kind == "weekday":
        return day_value(_weekday(reading, base))
    if reading.kind == "shift":
        return _shift(reading, base)
    if reading.kind == "period":
        return _period(reading, base)
    raise ValueError(f"unknown reading kind {reading.kind!r}")


def _weekday(r: Reading, base: date) -> date:
    assert r.weekday is not None
    back = (base.weekday() - r.weekday) % 7
    ahead = (r.weekday - base.weekday()) % 7
    if r.direction == "past":
        return shift_days(base, -(back or 7))
    if r.direction == "next":
        return shift_days(base, ahead or 7)
    if r.future_cue:
        return shift_days(base, ahead)
    return shift_days(base, -back)


def _shift(r: Reading, base: date) -> Resolved:
    if r.unit in ("day", "hour", "minute"):
        return day_value(shift_days(base, r.count if r.unit == "day" else 0))
    if r.unit == "week":
        return week_value(shift_days(base, 7 * r.count))
    if r.unit == "month":
        return month_value(*add_months(base.year, base.month, r.count))
    return year_value(base.year + r.count)


def _period(r: Reading, base: date) -> Resolved | None:
    step = _STEP[r.direction or "current"]
    if r.unit == "week":
        return week_value(shift_days(base, 7 * step))
    if r.unit == "year":
        return year_value(base.year + step)
    year, month = add_months(base.year, base.month, step)
    if r.day is not None:
        d = safe_date(year, month, r.day)
        return None if d is None else day_value(d)
    return month_value(year, month)


def _calendar(r: Reading, base: date | None) -> Resolved | None:
    if r.month is None:
        return None if r.year is None else year_value(r.year)
    year = r.year
    if year is None and r.year_direction is not None and base is not None:
        year = base.year + _STEP[r.year_direction]
    if year is not None:
        return _on_year(year, r.month, None if r.coarse else r.day)
    if base is None:
        return None
    if r.day is None or r.coarse:
        return month_value(_month_year(r.month, r.direction, base), r.month)
    d = _yearless_day(r.month, r.day, r.direction, base)
    return None if d is None else day_value(d)


def _on_year(year: int, month: int, day: int | None) -> Resolved | None:
    if day is None:
        return month_value(year, month)
    d = safe_date(year, month, day)
    return None if d is None else day_value(d)


def _month_year(month: int, direction: str | None, base: date) -> int:
    if direction == "past":
        return base.year if month < base.month else base.year - 1
    if direction == "next":
        return base.year if month > base.month else base.year + 1
    if direction == "current":
        return base.year
    return nearest_month_year(month, base)


def _yearless_day(month: int, day: int, direction: str | None, base: date) -> date | None:
    # Five years cover 29 February; ordinary dates are decided by the first two.
    cands = [d for y in range(base.year - 4, base.year + 5) if (d := safe_date(y, month, day))]
    if direction == "past":
        past = [d for d in cands if d < base]
        return max(past) if past else None
    if direction == "next":
        future = [d for d in cands if d > base]
        return min(future) if future else None
    if direction == "current":
        return safe_date(base.year, month, day)
    near = [d for d in cands if abs(d.year - base.year) <= 1]
    return nearest_day(near, base) if near else None
