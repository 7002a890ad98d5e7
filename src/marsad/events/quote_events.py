"""Statements as events: each quote with a speaker becomes a CAMEO 01/02/10-13 event.

If a quote's content holds an appeal, demand, disapproval, rejection or threat that the
trigger pass coded without a source, the speaker becomes that event's source (no extra
record). Otherwise the quote itself is a statement: 012 when its content voices concern,
else 010. PLOVER has no statement type, so these keep ``type=None``.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.events.ontology import Ontology
from marsad.events.timing import DatePicker
from marsad.model.annotations import Event, Quote
from marsad.model.document import Document
from marsad.text.normalize import fold

__all__ = ["quote_events", "attach_speakers"]

_SPEECH_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
_CONCERN = ("قلق", "مخاوف", "خطير", "تحذير")


def _inside(event: Event, quote: Quote) -> bool:
    start = event.extra.get("trigger_start", event.evidence.start)
    return quote.content.start <= start < quote.content.end


def attach_speakers(doc: Document, events: list[Event]) -> list[Event]:
    """Give source-less speech events inside a quote, and first-person ones of any root
    ("ندعم حقوق الفلسطينيين"), the quote's speaker as source."""
    out: list[Event] = []
    for ev in events:
        quote = next((q for q in doc.quotes if q.speaker is not None and _inside(ev, q)), None)
        if quote is not None and ev.source is None and (
                ev.cameo[:2] in _SPEECH_ROOTS or ev.extra.get("first_person")):
            ev = replace(ev, source=quote.speaker, extra={**ev.extra, "speaker": True})
        out.append(ev)
    return out


def quote_events(doc: Document, events: list[Event], ontology: Ontology,
                 dates: DatePicker) -> list[Event]:
    """One statement event per quote whose content carries no speech event already."""
    out: list[Event] = []
    for quote in doc.quotes:
        if quote.speaker is None:
            continue
        speech = [e for e in events if _inside(e, quote) and e.cameo[:2] in _SPEECH_ROOTS]
        if speech:
            continue
        content = fold(doc.text[quote.content.start:quote.content.end])
        code = "012" if any(c in content for c in _CONCERN) else "010"
        row = ontology.get(code)
        sent = doc.sentences[quote.sentence].span if quote.sentence < len(doc.sentences) \
            else quote.content
        out.append(Event(
            cameo=code, type=None, mode=None, goldstein=row.goldstein,
            quad_class=row.quad_class, source=quote.speaker, target=None,
            modality="asserted", evidence=sent, sentence=quote.sentence, confidence=0.6,
            date=dates.pick(quote.content, sent, quote.content),
            trigger=quote.verb, extra={"rule": "quote", "cue": ""},
        ))
    return out
