"""The "timexes" pipeline component: fills ``doc.timexes`` from ``doc.text``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marsad.events.dates import find_timexes, parse_base
from marsad.model.document import Document
from marsad.pipeline.registry import register


class TimexComponent:
    """Finds and resolves temporal expressions against ``doc.meta.published``."""

    name: str = "timexes"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("timexes",)

    def __call__(self, doc: Document) -> Document:
        base = parse_base(doc.meta.published)
        return doc.with_layers(timexes=tuple(find_timexes(doc.text, base)))


@register("timexes")
def make(options: Mapping[str, Any]) -> TimexComponent:
    """Build the component; it takes no options yet and rejects unknown ones."""
    if options:
        raise ValueError(f"timexes takes no options, got: {', '.join(sorted(options))}")
    return TimexComponent()
