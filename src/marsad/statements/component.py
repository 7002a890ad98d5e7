"""The "quotes" pipeline component: fills ``doc.quotes`` from sentences and entities."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marsad.model.document import Document
from marsad.pipeline.registry import Component, register
from marsad.statements.detect import detect_quotes
from marsad.statements.lexicon import Lexicon, default_lexicon, load_lexicon

__all__ = ["QuoteComponent", "make"]


class QuoteComponent:
    """Finds statements (who said what, how, via whom) in a document."""

    name: str = "quotes"
    requires: tuple[str, ...] = ("sentences", "entities")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()

    def __repr__(self) -> str:
        return f"QuoteComponent(lexicon of {len(self.lexicon)} forms)"

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(quotes=detect_quotes(doc, self.lexicon))


@register("quotes")
def make(options: Mapping[str, Any]) -> Component:
    """Build the component. Option ``lexicon``: path of a reporting-verb TSV to use instead
    of the packaged one (same columns as ``marsad/data/lexicons/reporting_verbs.tsv``)."""
    unknown = set(options) - {"lexicon"}
    if unknown:
        raise ValueError(f"quotes: unknown options {sorted(unknown)}; the only option is 'lexicon'")
    path = options.get("lexicon")
    if path is None:
        return QuoteComponent()
    with open(path, encoding="utf-8") as fh:
        return QuoteComponent(lexicon=load_lexicon(fh.read()))
