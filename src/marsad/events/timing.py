"""Event dates: the time expression nearest the trigger in its clause or sentence, else
the publication date marked ``from_publication=True``."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from marsad.model.annotations import EventDate, Span, TimeExpression
from marsad.model.document import Document
from marsad.text.normalize import fold

__all__ = ["DatePicker"]


@dataclass(frozen=True)
class DatePicker:
    """Chooses a date for a trigger among a document's time expressions."""

    timexes: tuple[TimeExpression, ...]
    starts: tuple[int, ...]
    fallback: EventDate | None

    @classmethod
    def for_document(cls, doc: Document) -> DatePicker:
        """Use ``doc.timexes`` when that layer ran, else find them now."""
        from marsad.events.dates import find_timexes, parse_base, publication_fallback

        base = parse_base(doc.meta.published)
        timexes = doc.timexes
        if "timexes" not in doc.layers_done and not timexes:
            timexes = tuple(find_timexes(doc.text, base))
        ordered = tuple(sorted(timexes, key=lambda t: t.span.start))
        fallback = publication_fallback(base) if base is not None else None
        return cls(ordered, tuple(t.span.start for t in ordered), fallback)

    def pick(self, trigger: Span, sentence: Span, clause: Span,
             text: str = "") -> EventDate | None:
        """Nearest timex to ``trigger``, preferring its clause, within its sentence.

        A timex before a complementiser that precedes the trigger dates the report, not
        the event ("كشفت مصادر يوم الجمعة أن ... أجريا محادثات هذا الأسبوع"), so it
        is used only when nothing else is left."""
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, sentence.end)
        inside = [t for t in self.timexes[lo:hi] if t.span.end <= sentence.end]
        if not inside:
            return self.fallback
        if text:
            inside = [t for t in inside if not _reporting(t.span, trigger, text)] or inside
        in_clause = [t for t in inside if clause.contains(t.span)]
        pool = in_clause or inside
        best = min(pool, key=lambda t: _distance(t.span, trigger))
        return best.date


def _reporting(timex: Span, trigger: Span, text: str) -> bool:
    if timex.end > trigger.start:
        return False
    words = fold(text[timex.end:trigger.start]).split()
    return any(w in ("ان", "انه", "انها", "بان") for w in words)


def _distance(a: Span, b: Span) -> int:
    if a.overlaps(b):
        return 0
    return b.start - a.end if a.end <= b.start else a.start - b.end
