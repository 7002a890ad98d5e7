"""Statement detection: reporting cues, their complements, speakers and sources.

Cues are reporting verbs (finite, participle or present forms, with و/ف clitics),
verb-less attributions ("وبحسب موقع أكسيوس، فإن ...") and headline-style
"Speaker: words". A cue becomes a statement only when a complement follows it:

* a colon or a quotation -> ``direct``, content = the quoted words;
* إن/أن/بأن -> ``indirect``, content = the clause up to the sentence end or the next
  reporting clause; if the clause is one quotation it is ``direct``. Quoted fragments
  of two or more words inside an indirect clause are also reported as ``direct``;
* for verbs with a prepositional complement (كشف عن، أعرب عن، حذر من) the phrase.

All work happens in normalised coordinates; :func:`detect_quotes` maps the results
back to ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.model.annotations import Quote
from marsad.model.document import Document
from marsad.statements.attribute import Attributor, Speaker, entity_index
from marsad.statements.lexicon import (
    ACCORDING,
    CLAUSE_PARTICLES,
    COMPLEMENTIZERS,
    LABELS,
    SUBJECT_STOPS,
    Lexicon,
    VerbHit,
    default_lexicon,
)
from marsad.statements.quotes import QuoteSpan, inside_mask, outermost, scan_quotes
from marsad.statements.sourcing import Sourcing, Via, is_nisba, trailing_attribution
from marsad.statements.units import CLAUSE_PUNCT, PUNCT_END, TextView, trim

__all__ = ["detect_quotes"]

#: How far (in tokens) after the verb a complement may start ("خلال مؤتمر صحفي، يوم ...").
WINDOW = 30
#: Fewest words a quotation needs to be speech rather than a quoted name.
MIN_QUOTE_WORDS = 3
#: Fewest words of a quoted fragment inside indirect speech to report it as direct.
MIN_FRAGMENT_WORDS = 2
_OPENERS = frozenset("،,:;؛.()")


@dataclass(frozen=True)
class Found:
    """A detected statement in normalised coordinates."""

    cue: int
    verb: str
    kind: str
    content: tuple[int, int]
    speaker: Speaker | None
    via: tuple[Via, ...]


class Detector:
    """Runs detection over one document; holds only that document's state."""

    def __init__(self, doc: Document, lexicon: Lexicon) -> None:
        self.view = view = TextView.of(doc)
        self.lexicon = lexicon
        quotes = scan_quotes(view)
        self.outer = outermost(quotes)
        self.quote_at = {q.open: q for q in self.outer}
        media = [(m.start, m.end, e.name_en or e.name_ar)
                 for e in doc.entities if e.type == "MEDIA" for m in e.mentions]
        self.src = Sourcing(view, quotes, media)
        self.att = Attributor(view, lexicon, entity_index(doc.entities))
        self.quoted = inside_mask(view, self.outer)
        self.found: list[Found] = []
        self.pending: dict[int, Via] = {}

    # -- cue recognition ----------------------------------------------------------
    def hit(self, k: int) -> VerbHit | None:
        """A valid reporting-verb cue at token ``k`` (not inside quoted speech)."""
        if k >= len(self.view.toks) or self.quoted[k]:
            return None
        h = self.lexicon.lookup(self.view.toks[k].text)
        if h is None:
            return None
        initial = self.clause_initial(k)
        if h.verb.style == "participle":
            return h if initial else None
        if initial or h.prefix:
            return h
        if h.verb.strict:
            return None
        return h if self.att.preverbal(k) is not None else None

    def clause_initial(self, k: int) -> bool:
        toks = self.view.toks
        if k == 0:
            return True
        _, s_start, _ = self.view.sentence_of(toks[k].start)
        prev = toks[k - 1]
        return prev.start < s_start or prev.text in _OPENERS or prev.text in CLAUSE_PARTICLES \
            or prev.text == '"'

    # -- main loop ------------------------------------------------------------------
    def run(self) -> list[Found]:
        toks = self.view.toks
        sentence_starts = {self.view.tok_at(s) for s, _ in self.view.sentences}
        for k in range(len(toks)):
            if k in sentence_starts and not self.quoted[k]:
                self.headline(k)
            h = self.hit(k)
            if h is not None:
                self.verb_cue(k, h)
            elif toks[k].text in ACCORDING and not self.quoted[k] and self.clause_initial(k):
                self.according(k)
        return self.found

    def verb_cue(self, i: int, h: VerbHit) -> None:
        toks, verb = self.view.toks, h.verb
        j, subj, vso, via = i + 1, None, False, [self.pending.pop(i)] if i in self.pending else []
        if verb.style != "participle":
            if not h.prefix and not self.clause_initial(i):
                subj = self.att.preverbal(i)  # SVO: the words after the verb are its object
            elif j < len(toks) and toks[j].text == verb.prep:
                pass  # omitted subject; complement() reads the preposition
            else:
                k = self.att.subject_end(j)
                if k > j:
                    subj, vso, j = (j, k), True, k
                elif not h.prefix:
                    subj = self.att.preverbal(i)
            if verb.lemma == "نقل" and j < len(toks) and toks[j].text == "عن":
                j, subj, vso = self._quoting_source(j, subj, via)
        comp = self.complement(j, verb, via)
        # A cue without a complement still names an antecedent ("أكدت البعثة الأمر"),
        # but only a subject after the verb is trusted for that.
        speaker = self.speaker(i, h, subj, vso, via, remember=comp is not None or vso)
        if comp is None:
            self._postposed(i, h, speaker, via)
            return
        self.emit(i, h, comp, speaker, via)

    def _quoting_source(self, j: int, subj: tuple[int, int] | None,
                        via: list[Via]) -> tuple[int, tuple[int, int] | None, bool]:
        """نقلت وكالة X عن مسؤول Y: X becomes a source, Y the speaker."""
        if subj is not None:
            s, e = subj
            named = self.src.np_at(s, s)
            name = named.name if named is not None else self.view.surface(
                self.view.toks[s].start, self.view.toks[e - 1].end)
            via.append(Via(s, e, name, True, subj))
        j += 1
        k = self.att.subject_end(j)
        if k < len(self.view.toks) and self.view.toks[k].text in ("قوله", "قولها", "قولهم"):
            return k + 1, (j, k), True
        return k, ((j, k) if k > j else None), True

    def speaker(self, i: int, h: VerbHit, subj: tuple[int, int] | None, vso: bool,
                via: list[Via], remember: bool = True) -> Speaker | None:
        """Resolve (and remember) the speaker of the cue at token ``i``."""
        if h.verb.style == "participle":
            gov = self.governing(i)
            if gov is not None:
                via[:0] = list(gov.via)
                return gov.speaker
            return self.clause_subject(i)
        sp: Speaker | None
        if subj is not None:
            sp = self.att.resolve(subj[0], subj[1], h.verb, vso)
            local = self.view.to_text(self.view.toks[subj[0]].start,
                                      self.view.toks[subj[1] - 1].end)
            from_history = sp.ref.span != local
        else:
            sp = self.att.continuation(h.verb)
            from_history = True
        if sp is None:
            return None
        if from_history:
            # The same source keeps talking through the same medium ("وأضاف", "المصدران").
            prior = next((f for f in reversed(self.found)
                          if f.speaker is not None and f.speaker.ref.span == sp.ref.span), None)
            if prior is not None:
                via[:0] = list(prior.via)
        if remember:
            self.att.push(sp)
        return sp

    def clause_subject(self, i: int) -> Speaker | None:
        """ورفض النائب المقترح، قائلا: the subject of a non-reporting verb opening the
        sentence, taken only when it is definite (so no speaker is invented)."""
        toks = self.view.toks
        _, s_start, _ = self.view.sentence_of(toks[i].start)
        k = self.view.tok_at(s_start)
        while k < i and toks[k].text in CLAUSE_PARTICLES:
            k += 1
        if k + 1 >= i or toks[k].text[0] not in "وف" or len(toks[k].text) < 4:
            return None
        end = self.att.subject_end(k + 1)
        if end == k + 1 or not toks[k + 1].text.startswith("ال"):
            return None
        # The object usually follows the subject: keep the head and its adjectives only.
        last = k + 2
        while last < end and is_nisba(toks[last].text):
            last += 1
        end = last
        sp = self.att.resolve(k + 1, end, None, True)
        self.att.push(sp)
        return sp

    def governing(self, i: int) -> Found | None:
        """The last statement whose cue lies earlier in the same sentence."""
        s_idx = self.view.sentence_of(self.view.toks[i].start)[0]
        for f in reversed(self.found):
            if f.cue < i and self.view.sentence_of(self.view.toks[f.cue].start)[0] == s_idx:
                return f
            if f.cue < i:
                break
        return None

    # -- complements -------------------------------------------------------------------
    def complement(self, j: int, verb: object, via: list[Via]) -> tuple[str, int] | None:
        """The kind and token index of the complement that follows position ``j``."""
        toks = self.view.toks
        _, _, s_end = self.view.sentence_of(toks[min(j, len(toks) - 1)].start)
        prep = getattr(verb, "prep", None)
        k, plain = j, False
        while k < len(toks) and k < j + WINDOW and toks[k].start < s_end:
            t = toks[k].text
            if t in COMPLEMENTIZERS or t == "فان":
                return "that", k
            if t == ":":
                return "colon", k
            if t == '"' and toks[k].start in self.quote_at:
                q = self.quote_at[toks[k].start]
                if plain:
                    return "object", j
                if self.words_in(q) >= MIN_QUOTE_WORDS or q.close is None:
                    return "quote", k
                k = self.view.tok_at(q.outer_end)
                continue
            v = self.src.phrase_at(k) or self.src.attribution_at(k)
            if v is not None:
                via.append(v)
                k = max(v.last, k + 1)
                continue
            if t == prep:
                if getattr(verb, "pp", False) and not self._opens_complement(k + 1):
                    return "pp", k
                k += 1
                continue
            if t in PUNCT_END or self.hit(k) is not None:
                return None
            # Words before any adjunct are an object ("مؤكدا استعدادها للعمل مع ...").
            plain = plain or (k == j and toks[k].is_word and t not in SUBJECT_STOPS)
            k += 1
        return None

    def _opens_complement(self, k: int) -> bool:
        toks = self.view.toks
        return k < len(toks) and (toks[k].text in COMPLEMENTIZERS or toks[k].text in ':"')

    def content(self, kind: str, k: int) -> tuple[str, tuple[int, int]] | None:
        """(kind, normalised span) of the content of a complement at token ``k``."""
        toks = self.view.toks
        nk = k if kind == "quote" else k + 1
        if nk >= len(toks):
            return None
        q = self.quote_at.get(toks[nk].start) if toks[nk].text == '"' else None
        if q is not None and (kind in ("quote", "colon") or self._closes_clause(q)):
            return "direct", trim(self.view.norm, *q.inner)
        if kind == "quote":
            return None
        span = self.clause(nk)
        return ("direct" if kind == "colon" else "indirect"), span

    def _closes_clause(self, q: QuoteSpan) -> bool:
        k = self.view.tok_at(q.outer_end)
        toks = self.view.toks
        if k >= len(toks) or toks[k].start >= self.view.sentence_of(q.open)[2]:
            return True
        return toks[k].text in PUNCT_END or toks[k].text in CLAUSE_PUNCT or self.boundary(k)

    def clause(self, k0: int) -> tuple[int, int]:
        """The clause from token ``k0`` to its sentence end or the next reporting clause."""
        toks = self.view.toks
        _, _, s_end = self.view.sentence_of(toks[k0].start)
        k, end = k0, toks[k0].end
        while k < len(toks) and toks[k].start < s_end:
            if toks[k].text == '"' and toks[k].start in self.quote_at:
                q = self.quote_at[toks[k].start]
                end = q.outer_end
                s_end = max(s_end, self.view.sentence_of(max(q.end - 1, q.open))[2])
                k = self.view.tok_at(q.outer_end)
                continue
            if k > k0 and self.boundary(k):
                break
            end = toks[k].end
            k += 1
        return trim(self.view.norm, toks[k0].start, end)

    def boundary(self, k: int) -> bool:
        """Does a new reporting or attribution clause start at token ``k``?"""
        toks = self.view.toks
        t = toks[k].text
        if t in CLAUSE_PUNCT and k + 1 < len(toks):
            nxt = k + 1
            if toks[nxt].text in ("كما", "وكما") and nxt + 1 < len(toks):
                nxt += 1
            return self.hit(nxt) is not None or self.src.attribution_at(nxt) is not None \
                or trailing_attribution(self.src, k) is not None
        if t in CLAUSE_PARTICLES and self.hit(k + 1) is not None:
            return True
        h = self.hit(k)
        if h is None:
            return False
        after_particle = k > 0 and toks[k - 1].text in CLAUSE_PARTICLES
        return h.prefix != "" or h.verb.style == "participle" or after_particle

    def words_in(self, q: QuoteSpan) -> int:
        return len(self.view.norm[q.open + 1 : q.end].split())

    # -- other cue types ----------------------------------------------------------------
    def according(self, k: int) -> None:
        """وبحسب موقع أكسيوس، فإن ...: the source said it, without a verb."""
        v = self.src.attribution_at(k)
        toks = self.view.toks
        if v is None or v.last >= len(toks):
            return
        m = v.last + (1 if toks[v.last].text in CLAUSE_PUNCT else 0)
        if self.hit(m) is not None:
            self.pending[m] = v
            return
        if m < len(toks) and toks[m].text in ("فان", "ان", "انه", "فانه"):
            m += 1
        if m >= len(toks) or toks[v.last].text not in CLAUSE_PUNCT:
            return
        first, last = v.np
        sp = self.att.resolve(first, last, None, False)
        self.att.push(sp)
        span = self.clause(m)
        self.add(k, "", "indirect", span, sp, [v] if v.is_medium else [])

    def headline(self, k: int) -> None:
        """ظريف: إيران منفتحة ...: a short subject, a colon, then the words (SVO)."""
        toks = self.view.toks
        c = next((m for m in range(k, min(k + 6, len(toks))) if toks[m].text == ":"), None)
        if c is None or c == k or not all(t.is_word for t in toks[k:c]):
            return
        words = [t.text for t in toks[k:c]]
        if any(w in LABELS for w in words) or any(self.lexicon.lookup(w) for w in words):
            return
        res = self.content("colon", c)
        if res is None or len(self.view.norm[res[1][0]:res[1][1]].split()) < 3:
            return
        sp = self.att.resolve(k, c, None, False)
        self.att.push(sp)
        self.add(k, "", "direct", res[1], sp, [])

    def _postposed(self, i: int, h: VerbHit, speaker: Speaker | None, via: list[Via]) -> None:
        """"..."، قال ميلر: the verb follows the quotation it reports."""
        toks = self.view.toks
        k = i - 1
        if k >= 0 and toks[k].text in CLAUSE_PUNCT:
            k -= 1
        if k < 0 or toks[k].text != '"':
            return
        q = next((q for q in self.outer if q.close == toks[k].start), None)
        if q is not None and self.words_in(q) >= MIN_QUOTE_WORDS:
            self.add(i, self._verb_text(i, h), "direct", trim(self.view.norm, *q.inner),
                     speaker, via)

    # -- output -----------------------------------------------------------------------
    def emit(self, i: int, h: VerbHit, comp: tuple[str, int], speaker: Speaker | None,
             via: list[Via]) -> None:
        if comp[0] in ("pp", "object"):
            res: tuple[str, tuple[int, int]] | None = (
                "indirect", self.clause(comp[1] + (1 if comp[0] == "pp" else 0)))
        else:
            res = self.content(*comp)
        if res is None:
            return
        kind, span = res
        end_tok = self.view.tok_at(span[1])
        if end_tok < len(self.view.toks) and self.view.toks[end_tok].text == '"':
            end_tok += 1
        tail = trailing_attribution(self.src, end_tok)
        if tail is not None:
            via.append(tail)
        verb = self._verb_text(i, h)
        self.add(i, verb, kind, span, speaker, via)
        if kind == "indirect":
            for q in self.outer:
                inside = span[0] <= q.open and q.end <= span[1]
                if inside and self.words_in(q) >= MIN_FRAGMENT_WORDS:
                    self.add(i, verb, "direct", trim(self.view.norm, *q.inner), speaker, via)

    def add(self, cue: int, verb: str, kind: str, span: tuple[int, int],
            speaker: Speaker | None, via: list[Via]) -> None:
        if span[1] <= span[0]:
            return
        self.found.append(Found(cue, verb, kind, span, speaker, tuple(via)))

    def _verb_text(self, i: int, h: VerbHit) -> str:
        t = self.view.toks[i]
        return self.view.surface(t.start + len(h.prefix), t.end)


def detect_quotes(doc: Document, lexicon: Lexicon | None = None) -> tuple[Quote, ...]:
    """All statements of ``doc`` as :class:`Quote` records in ``Document.text`` offsets."""
    det = Detector(doc, lexicon or default_lexicon())
    found = det.run()
    return tuple(_to_quote(det.view, doc, f) for f in found)


def _to_quote(view: TextView, doc: Document, f: Found) -> Quote:
    names: list[str] = []
    for v in f.via:
        if v.name and v.name not in names:
            names.append(v.name)
    if doc.meta.outlet and (not names or names[-1] != doc.meta.outlet):
        names.append(doc.meta.outlet)
    cue_text = view.to_text(view.toks[f.cue].start, view.toks[f.cue].end).start
    sentence = doc.sentence_index(cue_text) if doc.sentences else view.sentence_of(
        view.toks[f.cue].start)[0]
    return Quote(
        speaker=None if f.speaker is None else f.speaker.ref,
        verb=f.verb,
        kind="direct" if f.kind == "direct" else "indirect",
        content=view.to_text(*f.content),
        via=tuple(names),
        sentence=sentence,
    )
