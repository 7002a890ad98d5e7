"""An Arabic news sentence splitter that returns spans of the input text.

Rules, in order of precedence:

* a line break always ends a sentence (news paragraphs never continue across lines);
* a run of ``. ! ? ؟ …`` (with any closing quotes or brackets after it) ends a sentence
  only when whitespace follows, so "العربية.نت", "3.5" and "e.g.x" stay whole;
* a period after a known abbreviation or a single-letter initial ("د.", "أ.", "م.") does not;
* inside a balanced quotation (« », “ ”, or straight quotes) nothing breaks, so quoted
  speech stays in the sentence that reports it, unless the quote runs past
  ``MAX_QUOTE`` characters (an unclosed or runaway quote must not swallow a paragraph).
"""

from __future__ import annotations

import re

from marsad.model.annotations import Span

#: A quotation longer than this is treated as unbalanced and may be split inside.
MAX_QUOTE = 600

#: A run of final punctuation (and closing quotes) before whitespace or the end. The
#: leading class is spelled out once instead of ``[...]+`` so that the regex engine can
#: skip ahead to the next punctuation mark instead of trying a match at every character.
_END = re.compile(r"[.!?؟…][.!?؟…]*[\"'»”’)\]]*(?=\s|$)")
_LINE = re.compile(r"[^\n]+")
_ABBREV = frozenset(
    "د أ م ص ج ت ق هـ ه ع س ش ك ل ن و ي ب ف ر ز ط ظ خ ح ث غ "
    "mr mrs dr prof st no vs etc inc ltd jr sr".split()
)
_OPEN_CLOSE = {"«": "»", "“": "”", "„": "”"}
_CLOSERS = frozenset(_OPEN_CLOSE.values())
_TOGGLES = frozenset('"')


_QUOTE_CHAR = re.compile('[«»“”„"]')


def _quoted_ranges(par: str) -> list[tuple[int, int]]:
    """Character ranges of a paragraph inside short, balanced quotations."""
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_CHAR.finditer(par):
        ch, i = m.group(), m.start()
        if stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if not stack and i - start <= MAX_QUOTE:
                ranges.append((start, i))
        elif ch in _OPEN_CLOSE:
            stack.append((_OPEN_CLOSE[ch], i))
        elif ch in _TOGGLES:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            stack.clear()  # a closer with no opener: forget, do not guess
    return ranges


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


_LAST_WORD = re.compile(r"\w+$")
#: Longest abbreviation in ``_ABBREV`` plus slack: only this much text before a period
#: is looked at, which keeps the check constant-time on long paragraphs.
_ABBREV_WINDOW = 6


def _is_abbreviation(par: str, dot: int) -> bool:
    if par[dot] != ".":
        return False
    lo = max(0, dot - _ABBREV_WINDOW)
    m = _LAST_WORD.search(par, lo, dot)
    if not m or (m.start() == lo and lo > 0 and par[lo - 1].isalnum()):
        return False
    return m.group().lower() in _ABBREV


def _split_paragraph(par: str, offset: int) -> list[Span]:
    spans: list[Span] = []
    quoted = _quoted_ranges(par)
    start = 0
    for m in _END.finditer(par):
        if (quoted and _inside(quoted, m.start())) or _is_abbreviation(par, m.start()):
            continue
        spans.append(Span(offset + start, offset + m.end()))
        start = m.end()
        while start < len(par) and par[start].isspace():
            start += 1
    if par[start:].strip():
        spans.append(Span(offset + start, offset + len(par.rstrip())))
    return spans


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (trimmed of surrounding whitespace)."""
    spans: list[Span] = []
    for m in _LINE.finditer(text):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if body:
            spans.extend(_split_paragraph(line[lead : lead + len(body)], m.start() + lead))
    return spans
