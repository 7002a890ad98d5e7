"""The "events" pipeline component: fills ``doc.events`` with the event coder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from marsad.events.coder import CoderOptions, EventCoder
from marsad.model.document import Document
from marsad.pipeline.registry import Component, register

__all__ = ["EventsComponent", "make"]


@dataclass(frozen=True)
class EventsComponent:
    """Codes CAMEO/PLOVER events from sentences, actors, quotes and time expressions."""

    coder: EventCoder
    name: str = "events"
    requires: tuple[str, ...] = ("sentences", "entities", "quotes", "timexes")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(events=self.coder.code(doc))


def options_from(config: Mapping[str, Any]) -> tuple[CoderOptions, str | None]:
    """Coder options and an optional classifier path from a plain config dict."""
    known = {f.name for f in fields(CoderOptions)}
    extra = set(config) - known - {"classifier_path"}
    if extra:
        raise ValueError(f"events: unknown options {sorted(extra)}; known: "
                         f"{sorted(known | {'classifier_path'})}")
    opts = CoderOptions(**{k: v for k, v in config.items() if k in known})
    return opts, config.get("classifier_path")


@register("events")
def make(config: Mapping[str, Any]) -> Component:
    """Build the component. Options: the fields of :class:`CoderOptions` and
    ``classifier_path`` (a trained ``.npz``; default: the packaged model)."""
    opts, path = options_from(config)
    classifier = None
    if opts.use_classifier:
        from marsad.events.classifier import load_classifier

        classifier = load_classifier(path)
    return EventsComponent(EventCoder(opts, classifier=classifier))
