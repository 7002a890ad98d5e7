"""Provisional actors: people the NER model finds that the knowledge base lacks.

The model (``marsad.actors.ner``) is optional: it is imported lazily and, when the
module or its model file is missing, recognition degrades to the knowledge base alone.
A provisional entity's id is ``prov:<folded name>``; its code comes from a title or
demonym in the same phrase ("المتحدث الإسرائيلي فلان" -> ISRGOV, "الكاتب المصري
فلان" -> EGY), else ``None``.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.actors.matcher import Token
from marsad.text.normalize import fold

if TYPE_CHECKING:
    from marsad.actors.kb import KnowledgeBase
    from marsad.actors.linker import Hit
    from marsad.model import Document

__all__ = ["ner_spans", "provisional_hits"]

#: Words before a name that make its bearer an official (code role GOV).
OFFICIAL = frozenset(fold(w) for w in (
    "المتحدث الناطق الوزير وزير السفير المبعوث المندوب المسؤول مسؤول الدبلوماسي "
    "الرئيس رئيس نائب مستشار المستشار").split())
#: How many tokens before or after a name may carry its title or nationality.
CONTEXT = 3


def ner_spans(text: str) -> list[tuple[int, int, str]] | None:
    """``find_entities(text)`` from the NER module, or ``None`` when it is unavailable."""
    try:
        # import_module consults sys.modules, so a disabled or missing module is seen
        # even when the package attribute was set by an earlier import
        ner = importlib.import_module("marsad.actors.ner")
    except ImportError:
        return None
    missing = getattr(ner, "NerModelMissing", None)
    try:
        return list(ner.find_entities(text))
    except (FileNotFoundError, OSError):
        return None
    except Exception as exc:  # the model-missing error class is defined by that module
        if missing is not None and isinstance(exc, missing):
            return None
        raise


def provisional_hits(doc: Document, toks: Sequence[Token], hits: Sequence[Hit],
                     kb: KnowledgeBase) -> list[Hit]:
    """Hits for NER person spans that overlap no existing hit."""
    from marsad.actors.linker import Hit

    spans = ner_spans(doc.text)
    if not spans:
        return []
    norm = doc.normalized
    src = [norm.to_source(t.start, t.end) for t in toks]
    taken = [norm.to_source(h.start, h.end) for h in hits]
    out: list[Hit] = []
    for start, end, label in spans:
        if label != "PERS" or any(s < end and start < e for s, e in taken):
            continue
        idx = [i for i, (s, e) in enumerate(src) if start <= s and e <= end]
        if not idx:
            continue
        first, last = idx[0], idx[-1]
        name = doc.text[start:end]
        code = _context_code(toks, hits, first, last, kb)
        key = "_".join(fold(name).split())
        out.append(Hit(first, last, toks[first].start, toks[last].end, f"prov:{key}", "ner",
                       code, name))
        taken.append((start, end))
    return out


def _context_code(toks: Sequence[Token], hits: Sequence[Hit], first: int, last: int,
                  kb: KnowledgeBase) -> str | None:
    country = None
    for h in hits:
        near = first - CONTEXT <= h.last < first or last < h.first <= last + CONTEXT
        if near and h.kind == "demonym":
            country = kb.entries[h.entity_id].country
    if country is None:
        return None
    window = [t.text for t in toks[max(0, first - CONTEXT) : first]]
    official = any(w in OFFICIAL or w[2:] in OFFICIAL for w in window)
    return country + "GOV" if official else country
