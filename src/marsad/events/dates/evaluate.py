"""Evaluation helpers: case tables, the dateparser-test adapter, and accuracy scoring.

Nothing here reads files; tests and ``scripts/eval_dates.py`` pass the table text in.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from marsad.events.dates import resolve_expression
from marsad.events.dates.periods import add_months, safe_date

NONE = "none"

#: The fixed base for the dateparser-derived cases (their relative ones say "N ago").
REFERENCE_BASE = datetime(2015, 1, 10, 12, 0)

_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_UNIT_KEYS = {"year": "years", "month": "months", "week": "weeks", "day": "days",
              "hour": "hours", "minute": "minutes"}


@dataclass(frozen=True)
class Case:
    """One expression with its base date and the expected value and precision."""

    expression: str
    base: date
    value: str
    precision: str
    comment: str = ""


@dataclass
class Report:
    """Accuracy over a case list, with the failures for inspection."""

    total: int = 0
    correct: int = 0
    failures: list[tuple[Case, str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load_cases(tsv: str) -> list[Case]:
    """Parse a case table (expression, base_date, expected_value, expected_precision,
    comment) with a header row."""
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Case(r["expression"], date.fromisoformat(r["base_date"]), r["expected_value"],
                 r["expected_precision"], r.get("comment") or "") for r in rows]


def _shift(base: datetime, amounts: dict[str, int]) -> date:
    """Subtract calendar amounts the way dateutil's relativedelta does (years/months
    first, clamping the day, then weeks, days, hours and minutes)."""
    months = amounts.get("years", 0) * 12 + amounts.get("months", 0)
    y, m = add_months(base.year, base.month, -months)
    day = base.day
    while safe_date(y, m, day) is None:
        day -= 1
    moved = datetime.combine(date(y, m, day), base.time())
    moved -= timedelta(weeks=amounts.get("weeks", 0), days=amounts.get("days", 0),
                       hours=amounts.get("hours", 0), minutes=amounts.get("minutes", 0))
    return moved.date()


def interpret_expected(expected: str, base: datetime) -> date | None:
    """A dateparser-test expectation as a date, or ``None`` for kinds we cannot read
    (bare durations such as "2 day" are lengths, not points in time)."""
    text = " ".join(expected.lower().split())
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2})?", text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})\b.*", text):
        if m[2] in _EN_MONTHS:
            return date(int(m[3]), _EN_MONTHS.index(m[2]) + 1, int(m[1]))
        return None
    if m := re.fullmatch(r"ago((?: [a-z]+=\d+)+)", text):
        pairs = dict(p.split("=") for p in m[1].split())
        return _shift(base, {k: int(v) for k, v in pairs.items()})
    m = re.fullmatch(r"(\d+) ([a-z]+?)s? ago", text) or re.fullmatch(r"ago (\d+) ([a-z]+?)s?", text)
    if m and m[2] in _UNIT_KEYS:
        return _shift(base, {_UNIT_KEYS[m[2]]: int(m[1])})
    return None


def adapt_reference(tsv: str, base: datetime = REFERENCE_BASE) -> tuple[list[Case], Counter[str]]:
    """Turn the dateparser-test table (source_file, input_ar, expected, kind) into
    cases against ``base``; returns the cases and a count of skipped kinds."""
    cases: list[Case] = []
    skipped: Counter[str] = Counter()
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        expected = interpret_expected(row["expected"], base)
        if expected is None:
            skipped[f"{row['kind']}: {row['expected']}"] += 1
            continue
        cases.append(Case(row["input_ar"], base.date(), expected.isoformat(), "day",
                          row["source_file"]))
    return cases, skipped


def score(cases: list[Case]) -> Report:
    """Resolve every case with ``resolve_expression`` and count exact matches of value
    and precision ("none" expects no date at all)."""
    report = Report()
    for case in cases:
        got = resolve_expression(case.expression, case.base)
        got_pair = (NONE, NONE) if got is None else (got.value, got.precision)
        report.total += 1
        if got_pair == (case.value, case.precision):
            report.correct += 1
        else:
            report.failures.append((case, f"{got_pair[0]} ({got_pair[1]})"))
    return report


def noon(d: date) -> datetime:
    """``d`` at noon, so that "N hours ago" stays on the same day."""
    return datetime.combine(d, time(12, 0))
