"""The date scanner: runs the compiled patterns over folded text and yields readings.

A :class:`Reading` is what an expression *says* ("the Friday before", "13 April of an
unstated year"); :mod:`marsad.events.dates.resolve` turns it into a date once a base
(publication) date is known. All patterns run on ``fold``-ed text, so they are written
in folded spelling (bare alef, ه for ة, ي for ى).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from marsad.events.dates import lexicon as lx
from marsad.events.dates.patterns import compiled
from marsad.text.normalize import fold


@dataclass(frozen=True)
class Reading:
    """What an expression states, before resolution against a base date.

    ``kind`` is one of ``calendar`` (Gregorian y/m/d, some missing), ``hijri``,
    ``weekday``, ``shift`` (``count`` units from the base, signed) or ``period``
    (the week/month/year containing the base, moved by ``direction``).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str | None = None
    year_direction: str | None = None
    unit: str | None = None
    count: int = 0
    coarse: bool = False
    future_cue: bool = False


_FUTURE_CUE = re.compile(r"(?:سوف|المقرر|المنتظر|المتوقع|يعتزم|تعتزم|المرتقب|يزمع|تزمع)(?!\w)")
#: Words before a bare, ambiguous month name that show it is a date ("في مارس").
_MONTH_CUES = frozenset({"في", "منذ", "خلال", "حتي", "قبل", "بعد", "من", "الي", "بين",
                         "اعتبارا", "مع", "شهري", "وفي", "ومنذ", "وحتي", "ابتداء", "وخلال"})


#: The future prefix س on an imperfect verb; nouns that merely start with the same
#: letters are excluded below (folded spelling).
_FUTURE_VERB = re.compile(r"س[يتن][^\s\d]{3,}")
_NOT_FUTURE_VERB = ("سيار", "سياس", "سيد", "سيطر", "سته", "ستين", "ستون", "سنه", "سنو",
                    "سنت", "سيناء", "سيول", "سيف", "سير", "سينما", "سيناريو", "ستار",
                    "ستوديو", "سنغافور", "ستراتيج", "سنين", "سنا", "سيبير", "سياح",
                    "سيول", "سيس", "سيك", "سيليك", "ستوكهولم", "سنيور", "سني", "سنود")


@dataclass(frozen=True)
class Candidate:
    """A match in folded-text coordinates with its reading."""

    start: int
    end: int
    reading: Reading


def _day(g: Mapping[str, str | None]) -> int | None:
    raw = g.get("day")
    if raw is None:
        return None
    return int(raw) if raw.isdigit() else lx.ordinals().get(" ".join(raw.split()))


def _word(table: Mapping[str, int], raw: str | None) -> int | None:
    return None if raw is None else table.get(" ".join(raw.split()))


def _prev_word(text: str, start: int) -> str:
    words = text[max(0, start - 20):start].split()
    return words[-1] if words else ""


def _year_direction(g: Mapping[str, str | None]) -> str | None:
    if g.get("ythis"):
        return "current"
    yrel = g.get("yrel")
    return lx.direction_words().get(yrel) if yrel else None


def _greg(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    month = _word(lx.gregorian_months(), g["month"])
    day = _day(g)
    if month is None or (g["day"] is not None and day is None):
        return None
    if g["month2"] and _word(lx.gregorian_months(), g["month2"]) != month:
        return None  # "يونيو يوليو" is a range or a list, not one combined month
    if not _month_is_date(m, text):
        return None
    return Reading(
        "calendar", year=int(g["year"]) if g["year"] else None, month=month, day=day,
        direction=lx.direction_words().get(g["mod"]) if g["mod"] else None,
        year_direction=_year_direction(g), coarse=bool(g["part"]),
    )


def _month_is_date(m: re.Match[str], text: str) -> bool:
    """Whether a Gregorian month name is a date here and not an ordinary word."""
    g = m.groupdict()
    strong = any(g.get(k) for k in ("day", "shahr", "year", "yrel", "ythis", "mod", "month2"))
    if strong or g["month"] not in _ambiguous_months():
        return True
    if g["month"] == "اب":
        return False  # "أب" (father) folds to the same letters; only a day/year helps
    clitic = m.start("expr") > m.start()
    return not clitic and (bool(g["part"]) or _prev_word(text, m.start()) in _MONTH_CUES)


@cache
def _ambiguous_months() -> frozenset[str]:
    return frozenset(fold(w) for w in lx.AMBIGUOUS_MONTHS)


def _libyan(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    month = _word(lx.libyan_months(), g["lmonth"])
    return Reading("calendar", year=int(g["year"]), month=month, day=int(g["day"]))


def _hijri(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    day = _day(g)
    if g["day"] is not None and day is None:
        return None
    if day is None and g["year"] is None:
        return None  # "رمضان" alone is a season or a name, not a date we can pin
    if day is not None and g["year"] is None and g["hmonth"] in {"صفر", "رجب"} and not g["h"]:
        return None  # "5 صفر" is more often a score or count than a date
    return Reading("hijri", year=int(g["year"]) if g["year"] else None,
                   month=_word(lx.hijri_months(), g["hmonth"]), day=day,
                   direction=lx.direction_words().get(g["mod"]) if g["mod"] else None)


def _numeric(m: re.Match[str], text: str) -> Reading | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4 and len(c) <= 2:
        y, mo, d = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        # Arabic print is day-first; a first field over 12 cannot be anything else, and
        # a second field over 12 means a US-style month-first date.
        d, mo, y = int(a), int(b), int(c)
        if mo > 12 >= d:
            d, mo = mo, d
    else:
        return None
    # Years 1343-1500 are Hijri years in practice (the hijridate range); Gregorian
    # dates that old do not occur in news with numeric day and month.
    hijri = bool(m.group("h")) or 1300 <= y <= 1500
    return Reading("hijri" if hijri else "calendar", year=y, month=mo, day=d)


def _year(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    if not (g["cue"] or g["part"] or g["kw"] or g["h"]):
        return None
    year = int(g["year"])
    if g["h"] or (1300 <= year <= 1500 and g["kw"]):
        return Reading("hijri", year=year)
    if not 1800 <= year <= 2200:
        return None
    return Reading("calendar", year=year, coarse=bool(g["part"]))


def _period(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    word = g["unit"] or g["unit2"] or g["unit3"]
    if g["unit3"] and not g["part"]:
        return None  # bare "العام" is not a date
    unit = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}[word]
    mod = g["mod"]
    direction = lx.direction_words()[" ".join(mod.split())] if mod else "current"
    day = _day(g)
    if g["day"] is not None and (day is None or unit != "month"):
        return None
    return Reading("period", unit=unit, direction=direction, day=day, coarse=bool(g["part"]))


#: Words before "اليوم" that make it a narrated day or a name ("عين اليوم" is an outlet).
_NOT_TODAY = frozenset({"ذلك", "ذات", "نفس", "تلك", "مثل", "طوال", "عين"})
#: Nouns that make "الجمعة" a prayer or sermon, not a date ("صلاة الجمعة").
_NOT_FRIDAY = frozenset({"صلاه", "خطبه", "خطبتي", "صلوات", "خطب", "منبر", "امام"})
_RELDAY_SHIFT = {"امس": -1, "الامس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "غد": 1,
                 "الغد": 1}


def _relday(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    rel = " ".join(g["rel"].split())
    before = text[max(0, m.start() - 12):m.start()].split()
    if rel == "اليوم" and before and (before[-1] in _NOT_TODAY or before[-2:] == ["مثل", "هذا"]):
        return None  # "ذلك اليوم", "في مثل هذا اليوم": a narrated day, not today
    if rel == "اليوم" and text[m.start() - 1:m.start()] == '"' and text[m.end():m.end() + 1] == '"':
        return None  # «اليوم» is the name of a newspaper
    if rel in ("غد", "الغد") and not (g["tod"] or g["yawm"]):
        return None  # "الغد" alone is usually "the future" ("عالم الغد")
    if rel.startswith("اول") or rel == "امس الاول":
        shift = -2
    elif rel == "بعد غد":
        shift = 2
    else:
        shift = _RELDAY_SHIFT[rel]
    return Reading("shift", unit="day", count=shift)


def _weekday(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    if g["wd"] == "الجمعه" and not g["yawm"] and _prev_word(text, m.start()) in _NOT_FRIDAY:
        return None
    window = re.split(r"[.!?؟\n]", text[max(0, m.start() - 60):m.start()])[-1]
    return Reading(
        "weekday", weekday=_word(lx.weekdays(), g["wd"]),
        direction=lx.direction_words().get(g["mod"]) if g["mod"] else None,
        future_cue=bool(_FUTURE_CUE.search(window)) or _future_verb(window),
    )


def _future_verb(window: str) -> bool:
    """Whether one of the last four words is a future verb ("سيعود", "ستعقد")."""
    for word in window.split()[-4:]:
        word = word.strip('",،.')
        if word[:1] in "وف" and word[1:2] == "س":
            word = word[1:]
        if _FUTURE_VERB.fullmatch(word) and not word.startswith(_NOT_FUTURE_VERB):
            return True
    return False


def _shift(m: re.Match[str], text: str) -> Reading | None:
    g = m.groupdict()
    unit, implied = lx.unit_words()[g["unit"]]
    if g["n"]:
        if implied > 1:
            return None  # "3 يومين" is malformed
        n = int(g["n"]) if g["n"].isdigit() else lx.number_words()[g["n"]]
    elif implied:
        n = implied
    else:
        return None  # "منذ أيام" (some days ago) is too vague to date
    if g["dir"] == "بعد" and not _near_future(m, text, unit, n if g["n"] or implied > 1 else 0):
        return None
    return Reading("shift", unit=unit, count=n if g["dir"] == "بعد" else -n)


def _near_future(m: re.Match[str], text: str, unit: str, n: int) -> bool:
    """"بعد N" counts from publication only for short spans not tied to another event:
    "بعد 11 عاما في النادي" and "بعد يومين من الهجوم" count from something else."""
    after = text[m.end():m.end() + 6].split()
    if after and after[0] in ("من", "علي"):
        return False
    if _prev_word(text, m.start()) in ("يوما", "يوم", "اسبوعا", "عاما", "سنه"):
        return False  # "يوما بعد يوم": day after day
    if n == 0:
        # A bare singular ("بعد أسبوع") is a date only when nothing qualifies it:
        # "بعد أسبوع مضطرب" is "after a turbulent week".
        rest = text[m.end():m.end() + 2].lstrip(" ")
        return not rest or rest[0] in ".,،؛:!؟\n)\""
    return unit in ("day", "week", "hour", "minute") and n <= 14


HANDLERS: Mapping[str, Callable[[re.Match[str], str], Reading | None]] = {
    "greg": _greg, "libyan": _libyan, "hijri": _hijri, "numeric": _numeric,
    "year": _year, "period": _period, "relday": _relday, "weekday": _weekday,
    "shift": _shift,
}


def _span(m: re.Match[str]) -> tuple[int, int]:
    # "body" drops a leading cue ("في 2018" -> "2018"); "expr" drops the clitic prefix.
    group = "body" if "body" in m.re.groupindex else "expr"
    return m.start(group), m.end()


def scan(text: str) -> list[Candidate]:
    """All non-overlapping temporal expressions in folded ``text``, longest first wins."""
    found: list[Candidate] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for name, pattern, anchor in compiled():
        handler = HANDLERS[name]
        for start, end in paragraphs:
            if anchor.search(text, start, end) is None:
                continue
            for m in pattern.finditer(text, start, end):
                reading = handler(m, text)
                if reading is not None:
                    found.append(Candidate(*_span(m), reading))
    found.sort(key=lambda c: (c.start - c.end, c.start))
    chosen: list[Candidate] = []
    for cand in found:
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
