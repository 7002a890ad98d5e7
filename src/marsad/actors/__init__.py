"""Actors: knowledge base, gazetteer matching, linking, NER and dictionary import.

``load_kb()`` gives the packaged knowledge base (``kb.get(id)``, ``kb.code_on(id,
date)``, ``kb.search(name)``); the "actors" pipeline component lives in
:mod:`marsad.actors.component`. Imports are lazy so that ``import marsad.actors`` stays
cheap and the optional NER model is never loaded unless used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["KBError", "entity_at", "load_kb"]


def __getattr__(name: str) -> Any:
    if name in ("load_kb", "KBError"):
        from marsad.actors import kb

        return getattr(kb, name)
    if name == "entity_at":
        from marsad.actors.component import entity_at

        return entity_at
    raise AttributeError(name)
