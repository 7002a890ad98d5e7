"""Hijri (Umm al-Qura) dates through hijridate, reduced to Gregorian values."""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian, Hijri

from marsad.events.dates.periods import Resolved, day_value, month_value, nearest_day

#: The mid-point used when only a Hijri month or year is known: a Hijri month or year
#: straddles two Gregorian ones, and its middle names the one it mostly covers.
_MID_DAY = 15
_MID_MONTH = 6


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri date, or ``None`` outside hijridate's range."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_year(day: date) -> int | None:
    """The Hijri year containing a Gregorian date (``None`` outside the range)."""
    try:
        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None


def resolve_hijri(year: int | None, month: int | None, day: int | None,
                  base: date | None, direction: str | None = None) -> Resolved | None:
    """Resolve a Hijri expression. Without a year, "الماضي"/"المقبل"/"الجاري" pick the
    occurrence before, after or in the base's Hijri year; otherwise the nearest
    (past-biased) one."""
    if year is None:
        if base is None or month is None or day is None:
            return None
        return _yearless(month, day, base, direction)
    if month is None:
        mid = to_gregorian(year, _MID_MONTH, _MID_DAY)
        return None if mid is None else (f"{mid.year:04d}", "year")
    if day is None:
        mid = to_gregorian(year, month, _MID_DAY)
        return None if mid is None else month_value(mid.year, mid.month)
    g = to_gregorian(year, month, day)
    return None if g is None else day_value(g)


def _yearless(month: int, day: int, base: date, direction: str | None) -> Resolved | None:
    hy = hijri_year(base)
    if hy is None:
        return None
    if direction == "current":
        g = to_gregorian(hy, month, day)
        return None if g is None else day_value(g)
    cands = [g for y in (hy - 1, hy, hy + 1) if (g := to_gregorian(y, month, day))]
    if direction == "past":
        cands = [g for g in cands if g < base]
    elif direction == "next":
        cands = [g for g in cands if g > base]
    if not cands:
        return None
    if direction == "past":
        return day_value(max(cands))
    if direction == "next":
        return day_value(min(cands))
    return day_value(nearest_day(cands, base))
