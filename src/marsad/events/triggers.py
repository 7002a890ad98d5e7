"""The Arabic trigger lexicon: load ``event_triggers.tsv`` and find triggers in tokens.

Matching is morphology-light on purpose: each text word is tried as written and with
its proclitics stripped (و ف, then ل ب ك س, then the article), and each lexicon word
is an exact form or a stem with up to four free final letters. Multi-word patterns
(light verbs plus masdar, "شن هجوماً", "أجرى محادثات") beat the single words they cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.events.units import Token
from marsad.text.normalize import fold

__all__ = ["MAX_TRIGGERS_PER_SENTENCE", "NOT_AN_EVENT", "Refinement", "TriggerEntry",
           "TriggerHit", "Lexicon", "load_lexicon", "merge_adjacent", "variants"]

#: Free final letters a "*" stem admits (suffix pronouns, plural and dual endings).
MAX_SUFFIX = 4
#: Words a later pattern word may skip over ("أجرى يوم الاثنين مشاورات").
MAX_GAP = 3
#: Bad-input guard: a sentence with hundreds of triggers stays linear.
MAX_TRIGGERS_PER_SENTENCE = 40
#: Prepositions that must follow the previous pattern word directly ("حقق في" must not
#: match "حققت تقدما كبيرا في").
ADJACENT = frozenset({"في", "عن", "علي", "من", "الي", "ب"})
_IMPERFECT = "يتن"
#: Quality lost per stripped clitic (an exact form scores at most ~130 more than a stem).
STRIP_PENALTY = 200


@dataclass(frozen=True)
class WordPattern:
    """One pattern word: exact folded forms and ``*`` stems."""

    exact: frozenset[str]
    stems: frozenset[str]
    verbal: frozenset[str] = frozenset()

    def is_verbal(self, word: str) -> bool:
        """Did ``word`` match one of the ``~`` (verb) alternatives?"""
        return any(form in self.verbal or any(form[: len(form) - k] in self.verbal
                                              for k in range(MAX_SUFFIX + 1))
                   for form, _ in variants(word))

    def first_person_plural(self, word: str) -> bool:
        """Is ``word`` this verb with the imperfect prefix ن ("ندعم"، "سنرد"، "لن نقبل")?
        (A stem that itself begins with ن, "نفذت", is not.)"""
        for form, _ in variants(word):
            for k in range(MAX_SUFFIX + 1):
                head = form[: len(form) - k]
                if len(head) > 2 and head[0] == "ن" and head in self.verbal \
                        and head[1:] in self.verbal:
                    return True
        return False

    def match(self, forms: tuple[tuple[str, str], ...]) -> tuple[int, str] | None:
        """Best (quality, stripped prefix) over a token's variants, or ``None``."""
        best: tuple[int, str] | None = None
        for form, prefix in forms:
            if form in self.exact:
                q = 100 + len(form)
            else:
                q = next((len(form) - k for k in range(MAX_SUFFIX + 1)
                          if len(form) - k >= 2 and form[: len(form) - k] in self.stems), 0)
            # A reading that needs fewer clitics stripped wins first: "بحثت" is the verb
            # بحث (a stem), not ب + the exact form حثت. The article counts as one clitic.
            if q:
                q += 1000 - STRIP_PENALTY * _clitic_count(prefix)
            if q > 0 and (best is None or q > best[0]):
                best = (q, prefix)
        return best


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon line."""

    words: tuple[WordPattern, ...]
    adjacent: tuple[bool, ...]
    cameo: str
    flags: frozenset[str]
    note: str
    line: int

    @property
    def negated_code(self) -> str | None:
        """The code this trigger takes when negated (``neg=120``), if any."""
        for flag in self.flags:
            if flag.startswith("neg="):
                return flag[4:]
        return None


#: Refinement target meaning "not an event at all" ("ضرب زلزال", "انفجار الأسعار").
NOT_AN_EVENT = "-"


@dataclass(frozen=True)
class Refinement:
    """Recode a trigger whose code starts with ``source`` as ``target`` when a cue follows
    it in its clause (``before``: precedes it), within ``reach`` words when given."""

    source: str
    target: str
    cues: tuple[str, ...]
    before: bool = False
    reach: int | None = None

    def applies(self, following: Sequence[str], preceding: Sequence[str]) -> bool:
        words = list(preceding if self.before else following)
        if self.reach is not None:  # the words nearest the trigger
            words = words[-self.reach:] if self.before else words[:self.reach]
        text = " ".join(words)
        return any(cue in text for cue in self.cues)


@dataclass(frozen=True)
class TriggerHit:
    """A matched trigger: the entry and the token indices of its pattern words."""

    entry: TriggerEntry
    tokens: tuple[int, ...]
    prefix: str
    quality: int

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]


def _clitic_count(prefix: str) -> int:
    return len(prefix.replace("ال", "_").replace("لل", "_"))


def variants(word: str) -> tuple[tuple[str, str], ...]:
    """A word as written and with proclitics stripped, each with the stripped prefix."""
    out = [(word, "")]
    for form, pre in list(out):
        if len(form) > 3 and form[0] in "وف":
            out.append((form[1:], pre + form[0]))
    for form, pre in list(out):
        if len(form) > 3 and form[0] in "لبكس":
            out.append((form[1:], pre + form[0]))
    for form, pre in list(out):
        if len(form) > 4 and form[:2] in ("ال", "لل"):
            out.append((form[2:], pre + form[:2]))
    return tuple(out)


def _word_pattern(spec: str) -> WordPattern:
    exact: set[str] = set()
    stems: set[str] = set()
    verbal: set[str] = set()
    for alt in spec.split("|"):
        star = alt.endswith("*")
        alt = alt.rstrip("*")
        forms = [fold(alt.rstrip("~"))]
        if alt.endswith("~"):
            stem = forms[0]
            forms += [p + stem for p in _IMPERFECT]
            if stem.startswith("ا"):
                forms += [p + stem[1:] for p in _IMPERFECT]
            verbal.update(forms)
        (stems if star else exact).update(forms)
    return WordPattern(frozenset(exact), frozenset(stems), frozenset(verbal))


class Lexicon:
    """The compiled trigger table with a first-word index."""

    def __init__(self, entries: list[TriggerEntry], refinements: list[Refinement]) -> None:
        self.entries = tuple(entries)
        self.refinements = tuple(refinements)
        self._exact: dict[str, list[TriggerEntry]] = {}
        self._stems: dict[str, list[TriggerEntry]] = {}
        for entry in entries:
            head = entry.words[0]
            for form in head.exact:
                self._exact.setdefault(form, []).append(entry)
            for stem in head.stems:
                self._stems.setdefault(stem, []).append(entry)

    def _candidates(self, forms: tuple[tuple[str, str], ...]) -> list[TriggerEntry]:
        seen: dict[int, TriggerEntry] = {}
        for form, _ in forms:
            for entry in self._exact.get(form, ()):
                seen[entry.line] = entry
            for k in range(MAX_SUFFIX + 1):
                if len(form) - k >= 2:
                    for entry in self._stems.get(form[: len(form) - k], ()):
                        seen[entry.line] = entry
        return list(seen.values())

    def find(self, tokens: list[Token]) -> list[TriggerHit]:
        """Non-overlapping trigger hits in token order (longest pattern first)."""
        forms = [variants(t.text) if t.is_word else () for t in tokens]
        hits: list[TriggerHit] = []
        for i, tok_forms in enumerate(forms):
            if not tok_forms:
                continue
            for entry in self._candidates(tok_forms):
                hit = self._match(entry, forms, i)
                if hit is not None:
                    hits.append(hit)
        return _resolve_overlaps(hits)

    def sentence_hits(self, tokens: list[Token]) -> list[TriggerHit]:
        """The hits the coder codes in one sentence: adjacent ones of a root merged,
        at most :data:`MAX_TRIGGERS_PER_SENTENCE`."""
        return merge_adjacent(self.find(tokens))[:MAX_TRIGGERS_PER_SENTENCE]

    def _match(self, entry: TriggerEntry, forms: list[tuple[tuple[str, str], ...]],
               i: int) -> TriggerHit | None:
        first = entry.words[0].match(forms[i])
        if first is None:
            return None
        quality, prefix = first
        picked = [i]
        for word, adjacent in zip(entry.words[1:], entry.adjacent[1:], strict=True):
            gap = 0 if adjacent or word.exact & ADJACENT else MAX_GAP
            found = None
            for j in range(picked[-1] + 1, min(len(forms), picked[-1] + 2 + gap)):
                if not forms[j]:
                    break  # punctuation ends a phrase
                m = word.match(forms[j])
                if m is not None:
                    found = j
                    quality += m[0]
                    break
            if found is None:
                return None
            picked.append(found)
        return TriggerHit(entry, tuple(picked), prefix, quality)

    def refine(self, code: str, following: Sequence[str],
               preceding: Sequence[str] = ()) -> str:
        """Apply the first refinement whose source prefixes ``code`` and whose cue occurs
        (``following``: the clause's words from the trigger on; ``preceding``: its words
        before the trigger). :data:`NOT_AN_EVENT` drops the trigger."""
        for ref in self.refinements:
            if code.startswith(ref.source) and code != ref.target \
                    and ref.applies(following, preceding):
                return ref.target
        return code


def _resolve_overlaps(hits: list[TriggerHit]) -> list[TriggerHit]:
    ranked = sorted(hits, key=lambda h: (-len(h.tokens), -h.quality, h.first, h.entry.line))
    taken: set[int] = set()
    kept: list[TriggerHit] = []
    for hit in ranked:
        if taken.isdisjoint(hit.tokens):
            kept.append(hit)
            taken.update(hit.tokens)
    return sorted(kept, key=lambda h: h.first)


def _split_pattern(pattern: str) -> tuple[list[str], tuple[bool, ...]]:
    """Pattern words, and for each whether it must follow the previous one directly."""
    specs: list[str] = []
    adjacent: list[bool] = []
    for chunk in pattern.split():
        for k, word in enumerate(chunk.split("+")):
            specs.append(word)
            adjacent.append(k > 0)
    return specs, tuple(adjacent)


def parse_lexicon(text: str) -> Lexicon:
    """Parse the TSV format described at the top of ``event_triggers.tsv``."""
    entries: list[TriggerEntry] = []
    refinements: list[Refinement] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("pattern\t"):
            continue
        cols = line.split("\t")
        if cols[0] in ("@", "@<"):
            if len(cols) not in (4, 5):
                raise ValueError(f"event_triggers.tsv line {n}: a refinement has 4 or 5 "
                                 f"columns, got {len(cols)}")
            cues = tuple(fold(c) for c in cols[3].split(";") if c)
            reach = int(cols[4]) if len(cols) == 5 and cols[4] else None
            refinements.append(Refinement(cols[1], cols[2], cues, cols[0] == "@<", reach))
            continue
        if len(cols) != 4:
            raise ValueError(f"event_triggers.tsv line {n}: expected 4 columns, got {len(cols)}")
        specs, adjacent = _split_pattern(cols[0])
        flags = frozenset(f for f in cols[2].split(",") if f)
        entries.append(TriggerEntry(tuple(_word_pattern(w) for w in specs), adjacent,
                                    cols[1], flags, cols[3], n))
    return Lexicon(entries, refinements)


@cache
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon (parsed once; it is immutable)."""
    ref = resources.files("marsad.data.lexicons").joinpath("event_triggers.tsv")
    return parse_lexicon(ref.read_text(encoding="utf-8"))


def merge_adjacent(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Adjacent triggers of one root are one event ("بضربة استهدفت", "شنت غارات استهدفت")."""
    out: list[TriggerHit] = []
    for hit in hits:
        if out and hit.first == out[-1].last + 1 and hit.entry.cameo[:2] == out[-1].entry.cameo[:2]:
            head = out.pop()
            keep = head if len(head.entry.cameo) >= len(hit.entry.cameo) else hit
            out.append(TriggerHit(keep.entry, head.tokens + hit.tokens, head.prefix,
                                  max(head.quality, hit.quality)))
        else:
            out.append(hit)
    return out
