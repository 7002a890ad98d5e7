"""Sourcing chains: the media and intermediaries a statement came through.

Recognised (all on folded tokens):

* ``لـ"أكسيوس"``, ``لموقع أكسيوس``, ``في حديثه لشبكة "فوكس نيوز"``, ``في مقابلة مع صحيفة X``
* ``وفق ما نقلت وكالة X``, ``بحسب ما ذكرت X``, ``حسبما أورد X``
* ``بحسب X``, ``وفقا لـ X``, ``نقلا عن X`` (X a medium or any source such as مصادر مطلعة)
* ``في مقال نشرته صحيفة X``

A medium's name is the linked MEDIA entity's name when the actors layer found one,
otherwise the quoted name or the words after the medium noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.statements.lexicon import (
    ACCORDING,
    COMPLEMENTIZERS,
    MEDIUM_NOUNS,
    SUBJECT_STOPS,
    TRANSMIT,
)
from marsad.statements.quotes import QuoteSpan
from marsad.statements.units import CLAUSE_PUNCT, PUNCT_END, TextView

#: Most words a medium or source name may have after its medium noun.
MAX_NAME = 4


@dataclass(frozen=True)
class Via:
    """A source phrase: normalised token range ``[first, last)`` and the name to report."""

    first: int
    last: int
    name: str
    is_medium: bool
    np: tuple[int, int] = (0, 0)


class Sourcing:
    """Finds source phrases in a document view; ``media`` maps text spans to names."""

    def __init__(self, view: TextView, quotes: list[QuoteSpan],
                 media: list[tuple[int, int, str]]) -> None:
        self.view = view
        self.quote_at = {q.open: q for q in quotes}
        self.media = media

    def phrase_at(self, k: int) -> Via | None:
        """A medium phrase starting at token ``k`` (لـ"X", لموقع X, مع صحيفة X)."""
        toks = self.view.toks
        t = toks[k].text
        if t == "ل" and k + 1 < len(toks) and toks[k + 1].text == '"':
            return self._name_from(k, k + 1)
        if t.startswith("ل") and t[1:] in MEDIUM_NOUNS:
            return self._name_from(k, k + 1, noun=t[1:])
        if t in ("مع", "عبر") and k + 1 < len(toks) and toks[k + 1].text in MEDIUM_NOUNS:
            return self._name_from(k, k + 2, noun=toks[k + 1].text)
        if t in ("نشرته", "نشرتها", "بثته", "بثتها") and k + 1 < len(toks):
            return self.np_at(k, k + 1)
        return None

    def attribution_at(self, k: int) -> Via | None:
        """``بحسب X`` / ``وفق ما نقلت X`` / ``نقلا عن X`` starting at token ``k``."""
        toks = self.view.toks
        t = toks[k].text
        j = k + 1
        if t in ("حسبما", "وحسبما"):
            j = k + 1
        elif t in ACCORDING:
            if j < len(toks) and toks[j].text in ("ل", "عن"):
                j += 1
            if j < len(toks) and toks[j].text == "ما":
                j += 1
        else:
            return None
        if j < len(toks) and toks[j].text in TRANSMIT and j > k + 1:
            j += 1
        return self.np_at(k, j) if j < len(toks) else None

    def np_at(self, first: int, k: int) -> Via | None:
        """The source noun phrase at token ``k`` (medium noun + name, or a few words)."""
        toks = self.view.toks
        if k >= len(toks):
            return None
        text = toks[k].text
        noun = text[1:] if text.startswith("ل") and text[1:] in MEDIUM_NOUNS else text
        if noun in MEDIUM_NOUNS:
            return self._name_from(first, k + 1, noun=noun)
        if toks[k].text == '"':
            return self._name_from(first, k)
        last = self._words_end(k)
        if last == k:
            return None
        return self._make(first, k, last, is_medium=False)

    def _name_from(self, first: int, k: int, noun: str = "") -> Via | None:
        toks = self.view.toks
        if k < len(toks) and toks[k].text == '"' and toks[k].start in self.quote_at:
            q = self.quote_at[toks[k].start]
            if q.close is not None and q.close - q.open < 60:
                last = self.view.tok_at(q.close + 1)
                last = self._adjectives_end(last)
                name = self.view.surface(*q.inner)
                np_first = k - 1 if noun and k > first else k
                return Via(first, last, self._medium_name(toks[k].start, q.close, name), True,
                           (np_first, last))
        if noun in ("وسايل", "وسايط"):
            last = self._words_end(k)
            return self._make(first, k - 1, last, is_medium=True)
        last = self._words_end(k, stop_at_adjective=True)
        if last == k:
            return None
        via = self._make(first, k, last, is_medium=True)
        end = self._adjectives_end(last)
        return Via(first, end, via.name, True, (k - 1 if noun else k, end))

    def _words_end(self, k: int, stop_at_adjective: bool = False) -> int:
        toks = self.view.toks
        j = k
        while j < len(toks) and j - k < MAX_NAME:
            t = toks[j].text
            if not toks[j].is_word or t in SUBJECT_STOPS or t in COMPLEMENTIZERS or t == "فان":
                break
            if stop_at_adjective and j > k and is_nisba(t):
                break
            j += 1
        return j

    def _adjectives_end(self, j: int) -> int:
        toks = self.view.toks
        while j < len(toks) and is_nisba(toks[j].text):
            j += 1
        return j

    def _make(self, first: int, k: int, last: int, is_medium: bool) -> Via:
        toks = self.view.toks
        s, e = toks[k].start, toks[last - 1].end
        name = self.view.surface(s, e)
        return Via(first, last, self._medium_name(s, e, name) if is_medium else name, is_medium,
                   (k, last))

    def _medium_name(self, start: int, end: int, fallback: str) -> str:
        span = self.view.to_text(start, end)
        for s, e, name in self.media:
            if s < span.end and span.start < e:
                return name
        return fallback.strip()


def is_nisba(tok: str) -> bool:
    """A definite relational adjective (الأمريكي، الرسمية) that follows a name."""
    return tok.startswith("ال") and (tok.endswith("ي") or tok.endswith("يه")) and len(tok) > 4


def trailing_attribution(src: Sourcing, k: int) -> Via | None:
    """An attribution right after a content end at token ``k`` ("، وفق ما نقل X")."""
    toks = src.view.toks
    if k < len(toks) and toks[k].text in CLAUSE_PUNCT:
        k += 1
    if k < len(toks) and toks[k].text in ("كما", "وكما"):
        nxt = k + 1
        if nxt < len(toks) and toks[nxt].text in TRANSMIT:
            return src.np_at(k, nxt + 1)
    return src.attribution_at(k) if k < len(toks) else None


def is_sentence_end(tok: str) -> bool:
    return tok in PUNCT_END
