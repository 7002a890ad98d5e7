"""Built-in components that live outside any larger layer package."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marsad.model.annotations import Sentence
from marsad.model.document import Document
from marsad.pipeline.registry import register
from marsad.text.sentences import split_sentences


@dataclass(frozen=True)
class SentenceSplitter:
    """Fills ``doc.sentences`` with the Arabic news sentence splitter."""

    name: str = "sentences"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(sentences=tuple(Sentence(s) for s in split_sentences(doc.text)))


@register("sentences")
def make_sentences(options: Mapping[str, Any]) -> SentenceSplitter:
    return SentenceSplitter()
