"""Small calendar arithmetic shared by the resolvers: values, month shifts, nearest days."""

from __future__ import annotations

import calendar as _cal
from collections.abc import Sequence
from datetime import date, timedelta

from marsad.model.annotations import Precision

Resolved = tuple[str, Precision]

#: A future candidate counts this many times its real distance when choosing the
#: nearest occurrence of a yearless date: news mostly reports what already happened.
FUTURE_PENALTY = 2


def day_value(d: date) -> Resolved:
    """``YYYY-MM-DD`` at day precision."""
    return d.isoformat(), "day"


def month_value(year: int, month: int) -> Resolved:
    """``YYYY-MM`` at month precision."""
    return f"{year:04d}-{month:02d}", "month"


def week_value(d: date) -> Resolved:
    """The ISO week containing ``d`` as ``YYYY-Www``."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}", "week"


def year_value(year: int) -> Resolved:
    """``YYYY`` at year precision."""
    return f"{year:04d}", "year"


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or ``None`` when the day does not exist (31 April, 29 February 2025)."""
    if not (1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    """Move a (year, month) pair by ``k`` months."""
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


def shift_days(base: date, days: int) -> date:
    """``base`` moved by ``days`` (negative: back)."""
    return base + timedelta(days=days)


def _score(delta: int) -> int:
    return -delta if delta <= 0 else FUTURE_PENALTY * delta


def nearest_day(cands: Sequence[date], base: date) -> date:
    """The candidate nearest to ``base``, future ones penalised (ties go to the past)."""
    return min(cands, key=lambda d: (_score((d - base).days), d > base))


def nearest_month_year(month: int, base: date) -> int:
    """The year of the nearest occurrence of ``month`` around ``base`` (past-biased)."""
    def score(year: int) -> tuple[int, bool]:
        delta = (year - base.year) * 12 + month - base.month
        return _score(delta), delta > 0

    return min((base.year - 1, base.year, base.year + 1), key=score)
