"""Longest-match gazetteer matching over normalised tokens, aware of Arabic proclitics.

Text is folded with :mod:`marsad.text.normalize` and cut into word tokens (letters and
digits) and single punctuation tokens; quote marks are dropped so that ``حركة "حماس"``
still matches ``حركة حماس``. A token trie is walked from every token, first trying the
token itself and then its proclitic-stripped forms, and the longest match wins. Each
token starts a walk bounded by the longest name, so matching is linear in the text.

Span policy: a match's span excludes the conjunctions and prepositions و ف ب ل ك but
keeps the article, so "وبلينكن" gives "بلينكن", "والأمريكية" gives "الأمريكية" and in
"للولايات" (ل + ال with its alef elided) the span starts at the article's lam.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.text.normalize import fold

__all__ = ["Match", "Token", "TokenTrie", "clitic_variants", "tokens"]

_TOKEN = re.compile(r"[^\W_]+|[^\w\s\"]")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
#: Shortest stem left after stripping clitics; shorter stems are too often not names.
MIN_STEM = 2
_END = "\0"


@dataclass(frozen=True)
class Token:
    """A token of the normalised text: ``[start, end)`` and its folded form."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Match:
    """A trie hit: token range ``[first, last]`` and character span in normalised text."""

    first: int
    last: int
    start: int
    end: int
    payloads: tuple[Any, ...]


def tokens(normalized_text: str) -> list[Token]:
    """Word and punctuation tokens of an already normalised text (quotes dropped)."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(normalized_text)]


def key_tokens(name: str) -> tuple[str, ...]:
    """The token sequence a KB name is indexed under."""
    return tuple(t.text for t in tokens(fold(name)))


def clitic_variants(token: str) -> Iterator[tuple[int, str]]:
    """``(offset, form)`` pairs for a token: itself, then proclitic-stripped forms.

    ``offset`` is where the mention span starts inside the token (article kept).
    """
    yield 0, token
    for conj in _CONJ:
        for prep in _PREP:
            p = conj + prep
            if p and token.startswith(p) and len(token) - len(p) >= MIN_STEM:
                yield len(p), token[len(p):]
        if token.startswith(conj + "لل") and len(token) - len(conj) - 2 >= MIN_STEM:
            # "للولايات": ل + ال whose alef is dropped in writing; restore the article.
            yield len(conj) + 1, "ال" + token[len(conj) + 2:]
    for p in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
        stem = token[len(p):]
        if token.startswith(p) and stem.startswith("ال") and len(stem) - 2 >= MIN_STEM + 1:
            # Bare names and demonyms under the article: "الإيراني" -> "ايراني".
            yield len(p), stem[2:]


class TokenTrie:
    """A trie over token sequences; each terminal holds a tuple of payloads."""

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}
        self.max_len = 0

    def add(self, key: tuple[str, ...], payload: Any) -> None:
        """Add ``payload`` under the token sequence ``key`` (ignored if empty)."""
        if not key:
            return
        node = self._root
        for tok in key:
            node = node.setdefault(tok, {})
        node[_END] = node.get(_END, ()) + (payload,)
        self.max_len = max(self.max_len, len(key))

    def add_names(self, items: Iterable[tuple[str, Any]]) -> None:
        for name, payload in items:
            self.add(key_tokens(name), payload)

    def _walk(self, toks: list[Token], i: int, form: str) -> tuple[int, tuple[Any, ...]] | None:
        node = self._root.get(form)
        best: tuple[int, tuple[Any, ...]] | None = None
        j = i
        while node is not None:
            if _END in node:
                best = (j, node[_END])
            j += 1
            if j >= len(toks) or j - i >= self.max_len:
                break
            node = node.get(toks[j].text)
        return best

    def match_at(self, toks: list[Token], i: int) -> Match | None:
        """The longest match starting at token ``i`` (an unstripped form wins ties)."""
        best: Match | None = None
        for offset, form in clitic_variants(toks[i].text):
            hit = self._walk(toks, i, form)
            if hit is None:
                continue
            last, payloads = hit
            if best is None or last > best.last:
                best = Match(i, last, toks[i].start + offset, toks[last].end, payloads)
        return best

    def find_all(self, toks: list[Token], skip: set[int] | None = None) -> list[Match]:
        """Non-overlapping longest matches, left to right; ``skip`` token indexes are
        never part of a match."""
        out: list[Match] = []
        i = 0
        while i < len(toks):
            m = None if skip and i in skip else self.match_at(toks, i)
            if m is not None and skip and any(k in skip for k in range(m.first, m.last + 1)):
                m = None
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.last + 1
        return out
