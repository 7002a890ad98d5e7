"""Trigger windows: the local context of a sentence's lexicon triggers, per PLOVER type.

A sentence of the dev gold averages 200 characters and often tells several things; the
words around an ASSAULT or PROTEST trigger ("أطلقوا النار على" against "في كلمة أمام
آلاف المتظاهرين") say more about whether it reports the event than the whole sentence
does. The classifier therefore sees, besides the sentence, the text within
:data:`WINDOW` characters of each trigger of the head it scores (bench/README.md,
## Events). The coder builds windows from the triggers it already found; training and
evaluation build them from raw sentences with :func:`text_windows`, the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from marsad.events.ontology import Ontology, load_ontology
from marsad.events.triggers import Lexicon, TriggerHit, load_lexicon
from marsad.events.units import Token, tokenize_span

__all__ = ["WINDOW", "MAX_WINDOWS", "join_windows", "hit_windows", "text_windows"]

#: Characters of context kept on each side of a trigger (40 beat 25 and 60 in 5-fold CV).
WINDOW = 40
#: Windows kept per head and sentence (a sentence with repeated triggers stays bounded).
MAX_WINDOWS = 8
_SEPARATOR = " | "


def join_windows(text: str, spans: Iterable[tuple[int, int]], width: int = WINDOW) -> str:
    """The distinct windows around ``spans`` (offsets into ``text``), in order."""
    parts: dict[str, None] = {}
    for start, end in spans:
        parts.setdefault(text[max(0, start - width):end + width])
        if len(parts) >= MAX_WINDOWS:
            break
    return _SEPARATOR.join(parts)


def hit_windows(text: str, base: int, tokens: Sequence[Token], hits: Sequence[TriggerHit],
                ontology: Ontology, width: int = WINDOW) -> dict[str, str]:
    """{PLOVER type: windows} for ``hits`` over ``tokens`` of a sentence whose text is
    ``text`` and starts at document offset ``base``."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for hit in hits:
        plover = ontology.get(hit.entry.cameo).plover
        if plover:
            spans.setdefault(plover, []).append(
                (tokens[hit.first].start - base, tokens[hit.last].end - base))
    return {head: join_windows(text, s, width) for head, s in spans.items()}


def text_windows(text: str, lexicon: Lexicon | None = None,
                 ontology: Ontology | None = None) -> dict[str, str]:
    """{PLOVER type: windows} of one sentence, found as the coder finds them."""
    tokens = tokenize_span(text, 0, len(text))
    hits = (lexicon or load_lexicon()).sentence_hits(tokens)
    return hit_windows(text, 0, tokens, hits, ontology or load_ontology())
