"""Arabic normalisation for matching, with an offset map back to the unnormalised text.

The stored text is never normalised; matchers run on :class:`Normalized` and map their
hits back with ``Normalized.to_source``. Folding choices:

* alef with hamza above/below, madda, wasla -> bare alef; ؤ -> و; ئ -> ي
* alef maqsura ى -> ي; taa marbuta ة -> ه; Persian ک/ی -> ك/ي
* tatweel and all harakat (fathatan .. sukun, superscript alef, Quranic marks) deleted
* Arabic-Indic and Persian digits -> ASCII digits
* every double or single quote mark -> '"'; Arabic comma/semicolon/question mark kept
* presentation forms (ligatures such as ﻻ) -> their NFKC letters, folded again
* Latin letters lower-cased, non-breaking and other spaces -> ' '
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

from marsad.model.offsets import OffsetMap

_FOLD: dict[str, str] = {}
for _ch in "أإآٱٲٳٵ":
    _FOLD[_ch] = "ا"
_FOLD.update({"ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي", "ې": "ي", "ہ": "ه"})
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)
    _FOLD[chr(0x06F0 + _i)] = str(_i)
for _ch in "«»“”„‟″‹›〝〞＂'‘’‚‛`´":
    _FOLD[_ch] = '"'
for _ch in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _FOLD[_ch] = " "

#: Characters removed entirely: tatweel, harakat, Quranic annotation marks, and
#: zero-width / bidi controls that scrapes scatter through Arabic text.
_DELETE = (
    "\u0640"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E5))
    + "\u06e7\u06e8"
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
    + "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
for _ch in _DELETE:
    _FOLD[_ch] = ""


def _presentation_form(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return "".join(_FOLD.get(c, c) for c in folded if _FOLD.get(c, c))


for _c in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
    _ch = chr(_c)
    if unicodedata.category(_ch) != "Cn":
        _FOLD[_ch] = _presentation_form(_ch)

#: Folded characters found in nearly every Arabic news text. ``str.translate`` with a
#: dict table costs a dict lookup per character (its fast path covers ASCII only), so
#: :func:`fold` replaces these few with ``str.replace`` (a fast C scan for each one)
#: and handles the other, rare entries with one regex pass that fires only on them.
#: This equals one ``translate`` because folding a replacement again changes nothing
#: (checked below; a few presentation forms map to themselves, which is harmless).
_COMMON = "ةأإآىئؤ\u064b\u0651\u0640«»"
_COMMON_PAIRS: tuple[tuple[str, str], ...] = tuple((c, _FOLD[c]) for c in _COMMON)
_RARE = re.compile("[" + "".join(re.escape(c) for c in _FOLD if c not in _COMMON) + "]")
if any(_FOLD.get(c, c) != c for r in _FOLD.values() for c in r):
    raise RuntimeError("a folding replacement folds further; fold() would need two passes")
#: Characters whose replacement is not exactly one character: they change offsets.
_RESHAPING = re.compile(
    "[" + "".join(re.escape(c) for c, r in _FOLD.items() if len(r) != 1) + "]"
)


@dataclass(frozen=True)
class Normalized:
    """A normalised matching copy of a text and its map back to that text."""

    text: str
    offsets: OffsetMap

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the unnormalised text."""
        return self.offsets.to_source(start, end)


def fold(text: str) -> str:
    """Normalise without keeping offsets (for lexicon keys and queries)."""
    for ch, rep in _COMMON_PAIRS:
        if ch in text:
            text = text.replace(ch, rep)
    if _RARE.search(text):
        text = _RARE.sub(_fold_match, text)
    return text.lower()


def _fold_match(m: re.Match[str]) -> str:
    return _FOLD[m.group()]


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching, keeping an exact offset map."""
    folded = fold(text)
    if len(folded) == len(text) and not _RESHAPING.search(text):
        return Normalized(folded, OffsetMap.identity(len(text)))
    points = array("l")
    pos = 0
    for m in _RESHAPING.finditer(text):
        points.extend(range(pos, m.start()))
        points.extend([m.start()] * len(_FOLD[m.group()]))
        pos = m.end()
    points.extend(range(pos, len(text)))
    if len(points) != len(folded):  # lower() changed a length (e.g. 'İ'): map per char
        return _normalize_slow(text)
    points.append(len(text))
    return Normalized(folded, OffsetMap(points, len(text)))


def _normalize_slow(text: str) -> Normalized:
    parts: list[str] = []
    points = array("l")
    for i, ch in enumerate(text):
        rep = fold(ch)
        parts.append(rep)
        points.extend([i] * len(rep))
    points.append(len(text))
    return Normalized("".join(parts), OffsetMap(points, len(text)))
