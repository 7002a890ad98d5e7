"""Arabic calendar vocabulary: month names in every regional system, weekdays, ordinals.

Entries are written as they appear in print; :func:`folded` keys them in the folded
form that :func:`marsad.text.normalize.fold` produces (bare alef, ه for ة, ي for ى,
no harakat), because the scanner runs on normalised text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from marsad.text.normalize import fold

#: Gregorian months, by system. Several systems share names (مارس, سبتمبر ...).
GREGORIAN_MONTHS: Mapping[str, tuple[str, ...]] = {
    # Egypt, Gulf, Sudan (English-derived)
    "mashriq": (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
    # Levant and Iraq (Syriac-derived)
    "levant": (
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
    ),
    # Algeria and Tunisia (French-derived)
    "maghreb": (
        "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
        "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
    # Morocco
    "morocco": (
        "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
        "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
    ),
}

#: Spelling variants seen in print, mapped to the month number.
MONTH_VARIANTS: Mapping[str, int] = {
    "إبريل": 4, "ابريل": 4, "أبريل": 4, "يونيه": 6, "يوليه": 7, "أغسطوس": 8, "اغسطس": 8,
    "اكتوبر": 10, "أكتوبر": 10, "نوفمبير": 11, "كانون ثاني": 1, "تشرين أول": 10,
    "تشرين ثاني": 11, "كانون أول": 12, "جويليه": 7, "فبرير": 2, "سپتمبر": 9,
}

#: Libyan (Jamahiriya-era) month names; many are common nouns (الربيع spring,
#: الماء water), so the scanner accepts them only between a day and a year.
LIBYAN_MONTHS: tuple[str, ...] = (
    "أي النار", "النوار", "الربيع", "الطير", "الماء", "الصيف",
    "ناصر", "هانيبال", "الفاتح", "التمور", "الحرث", "الكانون",
)

#: Month names that are also ordinary words (مارس "he practised", آب/أب "father",
#: ماي); they count as months only with a day, year, modifier or temporal cue.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"مارس", "آب", "ماي", "تموز", "نيسان"})

HIJRI_MONTHS: Mapping[str, int] = {
    "محرم": 1, "المحرم": 1, "صفر": 2,
    "ربيع الأول": 3, "ربيع أول": 3,
    "ربيع الثاني": 4, "ربيع الآخر": 4, "ربيع ثاني": 4, "ربيع آخر": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى أولى": 5,
    "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}

#: Python weekday numbers (Monday = 0).
WEEKDAYS: Mapping[str, int] = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}

_UNITS_ORD = (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس",
    "السادس", "السابع", "الثامن", "التاسع",
)
#: Feminine/alternative forms used in compounds ("الحادي عشر", "الحادي والعشرين").
_COMPOUND_UNITS = ("الحادي",) + _UNITS_ORD[1:]

#: Words after a weekday or month that set the direction of the reference.
PAST_WORDS: tuple[str, ...] = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت",
                               "الفائتة", "السابق", "السابقة")
NEXT_WORDS: tuple[str, ...] = ("المقبل", "المقبلة", "القادم", "القادمة", "التالي")
CURRENT_WORDS: tuple[str, ...] = ("الجاري", "الجارية", "الحالي", "الحالية")

#: Position inside a month/year/week. The scanner keeps the containing period.
PART_WORDS: tuple[str, ...] = (
    "مطلع", "أوائل", "بداية", "بدايات", "مستهل", "أول", "منتصف", "أواسط", "وسط",
    "أواخر", "نهاية", "آخر", "ختام", "أواخر",
)

#: Small cardinal numbers in words, for "منذ ثلاثة أيام".
NUMBER_WORDS: Mapping[str, int] = {
    "واحد": 1, "واحدة": 1, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7,
    "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    "عشر": 10, "عشرة": 10,
}

#: Duration units: word -> (unit, implied count or 0 when a number must precede).
UNIT_WORDS: Mapping[str, tuple[str, int]] = {
    "يوم": ("day", 1), "يوما": ("day", 1), "أيام": ("day", 0), "يومين": ("day", 2),
    "يومان": ("day", 2),
    "أسبوع": ("week", 1), "أسبوعا": ("week", 1), "أسابيع": ("week", 0),
    "أسبوعين": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", 1), "أشهر": ("month", 0), "شهور": ("month", 0),
    "شهرين": ("month", 2),
    "عام": ("year", 1), "عاما": ("year", 1), "أعوام": ("year", 0), "عامين": ("year", 2),
    "سنة": ("year", 1), "سنوات": ("year", 0), "سنين": ("year", 0), "سنتين": ("year", 2),
    "ساعة": ("hour", 1), "ساعات": ("hour", 0), "ساعتين": ("hour", 2),
    "دقيقة": ("minute", 1), "دقائق": ("minute", 0), "دقيقتين": ("minute", 2),
}


def folded(words: Iterable[str]) -> list[str]:
    """Fold words for matching, longest first (so regex alternation prefers them)."""
    return sorted({fold(w) for w in words}, key=lambda w: (-len(w), w))


def _ordinal_words() -> dict[str, int]:
    out: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS_ORD)}
    out["العاشر"] = 10
    for i, w in enumerate(_COMPOUND_UNITS):
        out[f"{w} عشر"] = 11 + i
        out[f"{w} والعشرين"] = 21 + i
    out["الواحد والعشرين"] = 21
    out["العشرين"] = 20
    out["الثلاثين"] = 30
    out["الحادي والثلاثين"] = 31
    out["الواحد والثلاثين"] = 31
    return out


@cache
def ordinals() -> dict[str, int]:
    """Folded ordinal day words ("السابع", "الحادي والعشرين") -> day of month."""
    return {fold(w): n for w, n in _ordinal_words().items()}


@cache
def gregorian_months() -> dict[str, int]:
    """Folded Gregorian month names of all systems (not Libyan) -> month number."""
    out: dict[str, int] = {}
    for names in GREGORIAN_MONTHS.values():
        for i, name in enumerate(names):
            out[fold(name)] = i + 1
    for name, num in MONTH_VARIANTS.items():
        out[fold(name)] = num
    return out


@cache
def libyan_months() -> dict[str, int]:
    """Folded Libyan month names -> month number."""
    return {fold(name): i + 1 for i, name in enumerate(LIBYAN_MONTHS)}


@cache
def hijri_months() -> dict[str, int]:
    """Folded Hijri month names -> month number."""
    return {fold(name): num for name, num in HIJRI_MONTHS.items()}


@cache
def weekdays() -> dict[str, int]:
    """Folded weekday names -> Python weekday (Monday = 0)."""
    return {fold(name): num for name, num in WEEKDAYS.items()}


@cache
def direction_words() -> dict[str, str]:
    """Folded modifiers -> "past" | "next" | "current"."""
    out = {fold(w): "past" for w in PAST_WORDS}
    out.update({fold(w): "next" for w in NEXT_WORDS})
    out.update({fold(w): "current" for w in CURRENT_WORDS})
    return out


@cache
def number_words() -> dict[str, int]:
    """Folded cardinal words -> value."""
    return {fold(w): n for w, n in NUMBER_WORDS.items()}


@cache
def unit_words() -> dict[str, tuple[str, int]]:
    """Folded duration unit words -> (unit, implied count)."""
    return {fold(w): v for w, v in UNIT_WORDS.items()}
