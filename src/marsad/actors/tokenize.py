"""Word tokenisation for Arabic news text, as character offsets into the input.

The NER model is trained on ANERcorp-style tokens: words are whitespace separated and
punctuation (، . : " « » ( ) and so on) stands alone. Clitics stay attached to their
word (وقال, بالرياض); the tagger sees them through its stem features instead. Kept
together on purpose:

* numbers with internal separators: 3.5, 10:30, 2024/05/01, ١٢٫٥
* domains and site names: العربية.نت, www.bbc.com (a dot followed by Latin letters, or
  by a short Arabic tail such as نت at the end of the token)
* hyphenated words between letters: بي-بي-سي
"""

from __future__ import annotations

import re

__all__ = ["tokenize"]

#: Letters, digits and the Arabic combining marks (harakat, superscript alef, Quranic
#: marks), which ``\w`` does not match but which belong inside a word.
_W = r"[^\W_]|[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]"
_NUMBER = r"\d+(?:[.,:/٫٬]\d+)*"
#: A domain tail: Latin/digit segment of any length, or an Arabic tail of at most three
#: letters closing the token (".نت"), so that "قال.وأضاف" without a space still splits.
_DOMAIN_TAIL = r"\.(?:[A-Za-z0-9]+|[\u0621-\u064A]{1,3}(?![^\W_]))"
_WORD = rf"(?:{_W})+(?:-(?:{_W})+)*(?:{_DOMAIN_TAIL})*"
_TOKEN = re.compile(rf"{_NUMBER}(?![^\W_])|{_WORD}|\.{{2,}}|\S")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into tokens and return their ``(start, end)`` character offsets.

    ``text[start:end]`` is each token; offsets are increasing and never overlap, and
    only whitespace lies between tokens.
    """
    return [m.span() for m in _TOKEN.finditer(text)]
