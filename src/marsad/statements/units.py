"""The matching view of a document used by the statements layer.

Everything here is in *normalised* coordinates (``doc.normalized``): tokens, sentence
and paragraph bounds. :meth:`TextView.to_text` maps a normalised span back to
``Document.text``; :meth:`TextView.from_text` maps a text offset forward.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from marsad.model.annotations import Span
from marsad.model.document import Document

#: Words (letters and digits), every quote mark (folded to '"'), or any other symbol.
_TOKEN = re.compile(r'[^\W_]+|"|\S')
PUNCT_END = frozenset(".!?؟…")
CLAUSE_PUNCT = frozenset("،,;؛")


class Tok(NamedTuple):
    """A token of the normalised text: half-open ``[start, end)`` and its folded text.

    A named tuple rather than a dataclass: documents have thousands of tokens and tuple
    construction is several times cheaper."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@dataclass(frozen=True)
class TextView:
    """Tokens, sentences and paragraphs of a document's normalised text."""

    doc: Document
    norm: str
    toks: tuple[Tok, ...]
    sentences: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, doc: Document) -> TextView:
        """Build the view; sentences come from ``doc.sentences`` or, if empty, the splitter."""
        norm = doc.normalized.text
        toks = tuple(Tok(*m.span(), m.group()) for m in _TOKEN.finditer(norm))
        view = cls(doc, norm, toks, (), ())
        spans = [s.span for s in doc.sentences] or _split(doc.text)
        sents = tuple((view.from_text(s.start), view.from_text(s.end)) for s in spans)
        paras = tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", norm))
        return cls(doc, norm, toks, sents, paras)

    def from_text(self, offset: int) -> int:
        """The normalised index of the first character at or after text ``offset``."""
        return bisect.bisect_left(self.doc.normalized.offsets.points, offset)

    def to_text(self, start: int, end: int) -> Span:
        """Map a normalised span back to a span of ``Document.text``."""
        s, e = self.doc.normalized.to_source(start, end)
        text = self.doc.text
        # Harakat and tatweel are deleted by normalisation; keep those that end the span.
        while e < len(text) and e > s and _is_mark(text[e]):
            e += 1
        return Span(s, e)

    def surface(self, start: int, end: int) -> str:
        """The original text under a normalised span."""
        return self.to_text(start, end).of(self.doc.text)

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after normalised ``offset``."""
        return _first_at(self.toks, offset)

    def sentence_of(self, offset: int) -> tuple[int, int, int]:
        """(index, start, end) of the sentence holding normalised ``offset``."""
        i = _last_before(self.sentences, offset)
        if not self.sentences:
            return 0, 0, len(self.norm)
        s, e = self.sentences[i]
        return i, s, e

    def paragraph_of(self, offset: int) -> tuple[int, int, int]:
        """(index, start, end) of the paragraph (text line) holding ``offset``."""
        i = _last_before(self.paragraphs, offset)
        if not self.paragraphs:
            return 0, 0, len(self.norm)
        s, e = self.paragraphs[i]
        return i, s, e


def _is_mark(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"


def _last_before(spans: tuple[tuple[int, int], ...], offset: int) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def _first_at(toks: tuple[Tok, ...], offset: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _split(text: str) -> list[Span]:
    from marsad.text.sentences import split_sentences

    return split_sentences(text)


def trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces and clause punctuation (not quote marks)."""
    junk = " \t\n،,:;؛.-–—"
    while start < end and norm[start] in junk:
        start += 1
    while end > start and norm[end - 1] in junk:
        end -= 1
    return start, end
