"""Folded word tokens and clauses of one sentence, with offsets into ``Document.text``.

The coder works on folded text (:func:`marsad.text.normalize.normalize`) so that lexicon
entries match regardless of hamza, taa marbuta or harakat, and every token carries the
source offsets of the word it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import normalize

__all__ = ["Token", "tokenize_span", "clause_bounds", "BOUNDARY_WORDS"]

_TOKEN = re.compile(r"[^\W_]+|[،,;؛:!?؟.\"()\[\]]")
_PUNCT_BOUNDARY = frozenset("،,;؛:!?؟.")
#: Words that open a new clause: modality cues do not cross them.
BOUNDARY_WORDS = frozenset({
    "بينما", "وبينما", "لكن", "ولكن", "لكنه", "لكنها", "حيث", "فيما", "وفيما", "ثم",
    "كما", "اذ", "الا", "غير", "رغم", "ورغم",
})


@dataclass(frozen=True)
class Token:
    """A word (or punctuation mark): folded text and source offsets."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_boundary(self) -> bool:
        return self.text in _PUNCT_BOUNDARY


def tokenize_span(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` (folded), with offsets into ``text``."""
    norm = normalize(text[start:end])
    out: list[Token] = []
    for m in _TOKEN.finditer(norm.text):
        s, e = norm.to_source(m.start(), m.end())
        out.append(Token(m.group(), start + s, start + e))
    return out


def clause_bounds(tokens: list[Token]) -> list[tuple[int, int]]:
    """Half-open token ranges of the clauses of a sentence.

    Clauses break at commas, semicolons and colons, and before contrastive or
    circumstantial conjunctions (بينما، لكن، حيث، فيما ...). ``غير`` and ``الا`` break
    only in "غير أن" / "إلا أن" (however), never in "غير مباشرة".
    """
    bounds: list[tuple[int, int]] = []
    begin = 0
    for i, tok in enumerate(tokens):
        if tok.is_boundary:
            if i > begin:
                bounds.append((begin, i))
            begin = i + 1
        elif i > begin and _opens_clause(tokens, i):
            bounds.append((begin, i))
            begin = i
    if begin < len(tokens):
        bounds.append((begin, len(tokens)))
    return bounds


def _opens_clause(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text
    if word not in BOUNDARY_WORDS:
        return False
    if word in ("غير", "الا"):
        return i + 1 < len(tokens) and tokens[i + 1].text in ("ان", "انه", "انها")
    return True
