"""Recognise and link actor mentions in a document.

Steps, all on the normalised text (spans are mapped back to ``Document.text``):

1. KB names and demonyms by longest match (:mod:`marsad.actors.matcher`).
2. Guarded names ("عمان", "حماس", "الحرة") are linked only when a cue decides: the
   exact original spelling, a cue word right before, an unambiguous mention of one
   candidate elsewhere in the document, or cue words in the sentence. Otherwise they
   are dropped, never guessed.
3. Capitals are government metonyms ("واشنطن" -> USAGOV) unless a location cue
   precedes them ("في طهران", "العاصمة الإيرانية طهران"), then they are the city.
4. Anonymous sources (:mod:`marsad.actors.anonymous`).
5. Titles ("الرئيس الأمريكي", "وزير الخارجية الإيراني") resolve to the office-holder on
   the publication date, unless a name follows them. Without a publication date titles
   are not resolved, and people get the code of their latest role.
6. Surnames of people already named in the document ("ميلر" after "ماثيو ميلر").
7. People found by the NER model but not in the KB become ``prov:`` entities.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.actors.anonymous import find_anonymous
from marsad.actors.kb import KnowledgeBase
from marsad.actors.matcher import Match, Token, TokenTrie, clitic_variants, key_tokens, tokens
from marsad.actors.provisional import provisional_hits
from marsad.model import Document, Entity, Mention, Span
from marsad.text.normalize import fold

__all__ = ["Hit", "Linker", "publication_date"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
LOCATION_CUES = frozenset(fold(w) for w in "في الى إلى العاصمة عاصمة مدينة سكان داخل".split())
#: Nouns that make a following title a genitive complement ("مساعد الرئيس الإيراني").
DEPENDENT = frozenset(fold(w) for w in (
    "مساعد مستشار مستشاري مستشارة نائب مكتب متحدث المتحدث الناطق مبعوث المبعوث سفير "
    "مندوب زوجة ابن نجل شقيق عهد حكومة إدارة حزب مرشح منافس حرس").split())
SENTENCE_WINDOW = 12


def publication_date(published: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or datetime, else ``None``."""
    if published and _ISO_DAY.match(published):
        return published[:10]
    return None


@dataclass
class Hit:
    """A recognised mention in normalised-text coordinates (internal, mutable on build)."""

    first: int
    last: int
    start: int
    end: int
    entity_id: str
    kind: str  # "name", "demonym", "title", "surname", "anon", "ner"
    code: str | None = None
    name: str = ""


@dataclass(frozen=True)
class Linker:
    """Recogniser and linker over one knowledge base. Build once, call per document."""

    kb: KnowledgeBase
    use_ner: bool = True
    names: TokenTrie = field(init=False, repr=False, compare=False)
    titles: TokenTrie = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names, titles = TokenTrie(), TokenTrie()
        for key in self.kb.names:
            names.add(key_tokens(key), ("name", key))
        for form, country in self.kb.demonym_forms.items():
            names.add(key_tokens(form), ("demonym", country))
        for row in self.kb.titles:
            titles.add(key_tokens(row.phrase), row)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "titles", titles)

    def __call__(self, doc: Document) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
        """Mentions and entities of ``doc`` (offsets into ``doc.text``)."""
        norm = doc.normalized
        toks = tokens(norm.text)
        date = publication_date(doc.meta.published)
        hits = self._name_hits(toks, doc.text, norm.to_source)
        hits = self._anonymous(toks, hits, date, doc.id)
        hits += self._title_hits(toks, hits, date)
        hits += self._surname_hits(toks, hits)
        if self.use_ner:
            hits += provisional_hits(doc, toks, hits, self.kb)
        return self._build(doc, hits, date)

    # -- names -------------------------------------------------------------------
    def _name_hits(self, toks: list[Token], text: str, to_source) -> list[Hit]:
        matches = self.names.find_all(toks)
        plain = {i for m in matches for i in self._ids(m) if len(self._ids(m)) == 1
                 and not self._guarded(m)}
        hits = []
        for m in matches:
            eid = self._resolve(m, toks, text, to_source, plain)
            if eid is None:
                continue
            kind = "demonym" if m.payloads[0][0] == "demonym" else "name"
            eid = self._metonym(eid, m, toks)
            hits.append(Hit(m.first, m.last, m.start, m.end, eid, kind))
        return hits

    def _ids(self, m: Match) -> list[str]:
        out: list[str] = []
        for kind, value in m.payloads:
            out += [value] if kind == "demonym" else list(self.kb.names.get(value, ()))
        return list(dict.fromkeys(out))

    def _guarded(self, m: Match) -> bool:
        return any(k == "name" and v in self.kb.guarded for k, v in m.payloads)

    def _resolve(self, m: Match, toks: list[Token], text: str, to_source,
                 plain: set[str]) -> str | None:
        ids = self._ids(m)
        if len(ids) == 1 and not self._guarded(m):
            return ids[0]
        s, e = to_source(m.start, m.end)
        exact = [i for i in ids if text[s:e] in self.kb.entries[i].names_ar]
        if len(ids) > 1 and len(exact) == 1:
            return exact[0]
        rules = [r for k, v in m.payloads if k == "name" for r in self.kb.guarded.get(v, ())]
        before = _before_forms(toks, m.first)
        by_cue = [eid for eid, cues, _ in rules if cues & before]
        if len(set(by_cue)) == 1:
            return by_cue[0]
        # One sense per discourse decides between entries, never entry vs common word.
        present = [i for i in ids if i in plain] if len(ids) > 1 else []
        if len(present) == 1:
            return present[0]
        window = _window_forms(toks, m.first, m.last)
        by_sentence = [eid for eid, _, cues in rules if cues & window]
        return by_sentence[0] if len(set(by_sentence)) == 1 else None

    def _metonym(self, eid: str, m: Match, toks: list[Token]) -> str:
        """A capital after a location cue is the city, not the government."""
        if not eid.startswith("gov:") or m.first == 0:
            return eid
        capital = f"cap:{eid[4:]}"
        city = self.kb.entries.get(capital)
        keys = {v for k, v in m.payloads if k == "name"}
        if city is None or not keys & {" ".join(fold(n).split()) for n in city.names_ar}:
            return eid
        prev = [toks[k].text for k in range(max(0, m.first - 2), m.first)]
        forms = {f for t in prev for _, f in clitic_variants(t)}
        near = {f for _, f in clitic_variants(prev[-1])}
        if near & LOCATION_CUES or ("العاصمه" in forms and len(prev) == 2):
            return capital
        return eid

    # -- anonymous sources ---------------------------------------------------------
    def _anonymous(self, toks: list[Token], hits: list[Hit], date: str | None,
                   doc_id: str) -> list[Hit]:
        """Anonymous sources, with ids scoped to the document: two articles' "a US
        official" are not known to be the same person, so they never share an id."""
        by_first = {h.first: (n, h) for n, h in enumerate(hits)}

        def hit_at(k: int) -> tuple[int, int, str | None, bool] | None:
            if k not in by_first:
                return None
            n, h = by_first[k]
            entry = self.kb.entries[h.entity_id]
            is_country = entry.type == "GPE" and entry.id == entry.country
            country_like = h.kind == "demonym" or is_country
            return n, h.last, entry.code_on(date), country_like

        actors = find_anonymous(toks, hit_at)
        absorbed = {n for a in actors for n in a.absorbed}
        out = [h for n, h in enumerate(hits) if n not in absorbed]
        for k, a in enumerate(actors):
            out.append(Hit(a.first, a.last, toks[a.first].start, toks[a.last].end,
                           f"anon:{doc_id}/{k + 1}", "anon", a.code))
        return out

    # -- titles ----------------------------------------------------------------------
    def _title_hits(self, toks: list[Token], hits: list[Hit], date: str | None) -> list[Hit]:
        if date is None:
            return []
        covered = {i for h in hits if h.kind == "anon" for i in range(h.first, h.last + 1)}
        out = []
        for m in self.titles.find_all(toks, skip=covered):
            hit = self._title(m, toks, hits, date)
            if hit is not None:
                out.append(hit)
        return out

    def _title(self, m: Match, toks: list[Token], hits: list[Hit], date: str) -> Hit | None:
        row = m.payloads[0]
        if m.first > 0 and {f for _, f in clitic_variants(toks[m.first - 1].text)} & DEPENDENT:
            return None
        country, last, place = row.country, m.last, None
        if country is None:
            place = next((h for h in hits if h.kind in ("name", "demonym")
                          and m.last <= h.first <= m.last + 1 and h.last >= m.last), None)
            country = self._country_of(place.entity_id) if place else None
            if country is None or place is None:
                return None
            last = max(last, place.last)
        if any(h.first == last + 1 and self.kb.entries[h.entity_id].type == "PER"
               for h in hits if h.kind == "name"):
            return None
        holders = self.kb.holders(row.office, country, date)
        if len(holders) != 1:
            return None
        if place is not None and place.kind == "demonym":
            hits.remove(place)
        return Hit(m.first, last, m.start, toks[last].end, holders[0].id, "title")

    def _country_of(self, eid: str) -> str | None:
        entry = self.kb.entries[eid]
        return entry.country if entry.type in ("GPE", "ORG") else None

    # -- surnames --------------------------------------------------------------------
    def _surname_hits(self, toks: list[Token], hits: list[Hit]) -> list[Hit]:
        trie = TokenTrie()
        for h in hits:
            if h.kind == "name" and h.last > h.first and self.kb.entries[h.entity_id].type == "PER":
                trie.add((toks[h.last].text,), h.entity_id)
        if not trie.max_len:
            return []
        covered = {i for h in hits for i in range(h.first, h.last + 1)}
        out = []
        for m in trie.find_all(toks, skip=covered):
            if len(set(m.payloads)) == 1:
                out.append(Hit(m.first, m.last, m.start, m.end, m.payloads[0], "surname"))
        return out

    # -- output ----------------------------------------------------------------------
    def _build(self, doc: Document, hits: Sequence[Hit], date: str | None
               ) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
        to_source = doc.normalized.to_source
        mentions: list[Mention] = []
        spans: dict[str, list[Span]] = {}
        meta: dict[str, Hit] = {}
        for h in sorted(hits, key=lambda h: (h.start, h.end)):
            s, e = to_source(h.start, h.end)
            span = Span(s, e)
            entry = self.kb.entries.get(h.entity_id)
            etype = entry.type if entry else "PER"
            mentions.append(Mention(span, doc.text[s:e], etype, h.entity_id, _SOURCE[h.kind]))
            spans.setdefault(h.entity_id, []).append(span)
            meta.setdefault(h.entity_id, h)
        entities = [self._entity(eid, tuple(sp), meta[eid], doc.text, date)
                    for eid, sp in spans.items()]
        return tuple(mentions), tuple(entities)

    def _entity(self, eid: str, spans: tuple[Span, ...], hit: Hit, text: str,
                date: str | None) -> Entity:
        entry = self.kb.entries.get(eid)
        if entry is None:
            surface = text[spans[0].start : spans[0].end]
            return Entity(eid, "PER", hit.name or surface, None, hit.code, None, spans,
                          anonymous=hit.kind == "anon")
        return Entity(eid, entry.type, entry.name_ar, entry.name_en, entry.code_on(date),
                      entry.wikidata, spans)


_SOURCE = {"name": "kb", "demonym": "kb", "title": "role", "surname": "kb", "anon": "anon",
           "ner": "ner"}


def _before_forms(toks: list[Token], first: int) -> set[str]:
    if first > 0 and toks[first - 1].text == ":":  # "المصدر: الحرة"
        first -= 1
    if first == 0:
        return set()
    out = {f for _, f in clitic_variants(toks[first - 1].text)}
    if first >= 2:
        out |= {f"{toks[first - 2].text} {f}" for f in set(out)}
        out |= {f"{f} {toks[first - 1].text}" for _, f in clitic_variants(toks[first - 2].text)}
    return out


def _window_forms(toks: list[Token], first: int, last: int) -> set[str]:
    out: set[str] = set()
    lo = first - 1
    while lo >= 0 and first - lo <= SENTENCE_WINDOW and toks[lo].text not in ".!?؟":
        out |= {f for _, f in clitic_variants(toks[lo].text)}
        lo -= 1
    hi = last + 1
    while hi < len(toks) and hi - last <= SENTENCE_WINDOW and toks[hi].text not in ".!?؟":
        out |= {f for _, f in clitic_variants(toks[hi].text)}
        hi += 1
    return out
