"""Event merging: one canonical event per real-world event, with all its mentions.

Two mentions are the same event when they share the dyad, the CAMEO root and the
modality, and either

* both carry a date resolved from the text (a background event, "الهجوم في 13 أبريل")
  and the dates are equal, whatever their stories or publication weeks; or
* they belong to the same story cluster and their dates lie within ``WINDOW_DAYS``.

Counts follow GDELT: NumMentions (mentions), NumSources (distinct outlets), NumArticles
(distinct articles). Confidence grows with independent sources:
``1 - prod(1 - c_outlet)`` with ``c_outlet`` the best mention confidence of each outlet.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

WINDOW_DAYS = 2


@dataclass(frozen=True)
class EventMention:
    doc_id: str
    idx: int
    outlet: str | None
    story_id: str | None
    cameo: str
    source: str
    target: str
    modality: str
    day: date | None
    dated_by_text: bool
    confidence: float
    goldstein: float = 0.0
    location: str | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.source, self.target, self.root, self.modality)


@dataclass
class CanonicalEvent:
    event_id: str
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def num_sources(self) -> int:
        return len({m.outlet or m.doc_id for m in self.mentions})

    @property
    def num_articles(self) -> int:
        return len({m.doc_id for m in self.mentions})

    @property
    def confidence(self) -> float:
        best: dict[str, float] = {}
        for m in self.mentions:
            k = m.outlet or m.doc_id
            best[k] = max(best.get(k, 0.0), m.confidence)
        miss = 1.0
        for c in best.values():
            miss *= 1.0 - min(max(c, 0.0), 0.999)
        return 1.0 - miss

    @property
    def day(self) -> date | None:
        text_dated = [m.day for m in self.mentions if m.dated_by_text and m.day]
        days = text_dated or [m.day for m in self.mentions if m.day]
        return min(days) if days else None

    @property
    def cameo(self) -> str:
        """The most specific code among the mentions (longest, then most frequent)."""
        codes = [m.cameo for m in self.mentions]
        return max(sorted(set(codes)), key=lambda c: (len(c), codes.count(c)))


def _event_id(first: EventMention) -> str:
    basis = f"{first.doc_id}\x1f{first.idx}"
    return "evt-" + hashlib.sha1(basis.encode()).hexdigest()[:12]


def _chain_by_window(mentions: list[EventMention]) -> list[list[EventMention]]:
    groups: list[list[EventMention]] = []
    for m in sorted(mentions, key=lambda m: (m.day or date.max, m.doc_id, m.idx)):
        last = groups[-1][-1] if groups else None
        if (last is not None and m.day and last.day
                and (m.day - last.day).days <= WINDOW_DAYS):
            groups[-1].append(m)
        elif last is not None and m.day is None and last.day is None:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def merge_events(mentions: Iterable[EventMention]) -> list[CanonicalEvent]:
    """Merge mentions into canonical events (deterministic for the same input set)."""
    by_key: dict[tuple[str, ...], list[EventMention]] = defaultdict(list)
    for m in mentions:
        if m.dated_by_text and m.day:
            by_key[(*m.key, "day", m.day.isoformat())].append(m)
        else:
            by_key[(*m.key, "story", m.story_id or m.doc_id)].append(m)
    events: list[CanonicalEvent] = []
    for key in sorted(by_key):
        groups = [by_key[key]] if key[4] == "day" else _chain_by_window(by_key[key])
        for group in groups:
            group.sort(key=lambda m: (m.day or date.max, m.doc_id, m.idx))
            events.append(CanonicalEvent(_event_id(group[0]), group))
    events.sort(key=lambda e: e.event_id)
    return events


def dyad_day_filter(mentions: Sequence[EventMention]) -> list[EventMention]:
    """The old filter for comparison: keep one mention per (dyad, code, day)."""
    seen: set[tuple[str, str, str, date | None]] = set()
    kept = []
    for m in sorted(mentions, key=lambda m: (m.doc_id, m.idx)):
        k = (m.source, m.target, m.cameo, m.day)
        if k not in seen:
            seen.add(k)
            kept.append(m)
    return kept
