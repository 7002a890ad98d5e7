"""Speaker attribution: subject noun phrases, agreement, anaphora and continuations.

A speaker is never invented. When the subject is omitted ("وأضاف:") or is a short
definite reference ("المتحدث", "المصدران"), it resolves to an earlier speaker of the
same document only if gender and number agree with the verb; otherwise ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model.annotations import ActorRef, Entity
from marsad.statements.lexicon import (
    ANAPHOR_GROUPS,
    ANONYMOUS_HEADS,
    CLAUSE_PARTICLES,
    COMPLEMENTIZERS,
    DUAL_HEADS,
    PLURAL_HEADS,
    SUBJECT_STOPS,
    Lexicon,
    VerbForm,
)
from marsad.statements.units import TextView

#: Longest subject noun phrase after a verb, in words.
MAX_SUBJECT = 10
#: How many earlier speakers an omitted subject may look back through.
MAX_LOOKBACK = 8
#: Anaphor heads that may fall back to the immediately preceding speaker of the same
#: gender and number even when the antecedent's text does not repeat the head.
_PRONOUNS = ("ه", "ها", "هم", "هما", "نا", "كم")
#: Auxiliaries around a preverbal subject: "وكان خامنئي قد قال".
_AUX_BEFORE = frozenset({"كان", "وكان", "كانت", "وكانت", "بينما", "وبينما", "فيما", "وفيما"})
_AUX_AFTER = frozenset({"قد", "وقد"})
_ROLE_FALLBACK = frozenset({"الدبلوماسي", "الوزير", "المسوول", "المبعوث", "السفير", "المتحدث"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker with the agreement features used for later continuations."""

    ref: ActorRef
    gender: str | None
    number: str | None
    words: tuple[str, ...]

    @property
    def head(self) -> str:
        return self.words[0] if self.words else ""


@dataclass
class Attributor:
    """Per-document speaker state (a fresh instance for every document)."""

    view: TextView
    lexicon: Lexicon
    index: list[tuple[int, int, Entity]]
    history: list[Speaker] = field(default_factory=list)

    # -- noun phrases ---------------------------------------------------------------
    def subject_end(self, j: int) -> int:
        """End (exclusive token index) of the subject noun phrase starting at ``j``."""
        toks = self.view.toks
        k = j
        while k < len(toks) and k - j < MAX_SUBJECT:
            t = toks[k].text
            if t == '"' and k > j:
                k = self._quoted_name_end(k)
                if k < 0:
                    break
                continue
            if not toks[k].is_word or t in SUBJECT_STOPS or t in COMPLEMENTIZERS or t == "فان":
                break
            # لمناصريه: a pronoun-suffixed addressee, not the subject.
            if k == j and t.startswith("ل") and t.endswith(_PRONOUNS):
                break
            hit = self.lexicon.lookup(t)
            # A strict form inside a name (وانغ ون بين) is not a new verb.
            if t == "ل" or (hit is not None and not hit.verb.strict):
                break
            k += 1
        return k if k >= 0 else j

    def _quoted_name_end(self, k: int) -> int:
        """Skip a short quoted name inside a noun phrase (حركة "حماس"); -1 if none."""
        toks = self.view.toks
        for m in range(k + 1, min(k + 5, len(toks))):
            if toks[m].text == '"':
                return m + 1 if m > k + 1 else -1
        return -1

    def preverbal(self, i: int) -> tuple[int, int] | None:
        """A subject standing before the verb at token ``i`` (SVO): at most 6 words."""
        toks = self.view.toks
        _, s_start, _ = self.view.sentence_of(toks[i].start)
        end = i - 1 if i > 0 and toks[i - 1].text in _AUX_AFTER else i  # وكان X قد قال
        k = end
        while k > 0 and toks[k - 1].start >= s_start and end - k < 6 and self._np_word(k - 1):
            k -= 1
        if k == end:
            return None
        before = toks[k - 1].text if k > 0 and toks[k - 1].start >= s_start else "."
        if before not in "،,:;؛." and before not in COMPLEMENTIZERS and before not in _AUX_BEFORE:
            return None
        return k, end

    def _np_word(self, k: int) -> bool:
        t = self.view.toks[k].text
        return self.view.toks[k].is_word and t not in SUBJECT_STOPS and t not in COMPLEMENTIZERS \
            and t not in CLAUSE_PARTICLES and t not in _AUX_BEFORE and t not in _AUX_AFTER \
            and self.lexicon.lookup(t) is None

    # -- speakers -------------------------------------------------------------------
    def local(self, first: int, last: int, verb: VerbForm | None, vso: bool) -> Speaker:
        """A speaker from the noun phrase at tokens ``[first, last)``."""
        toks = self.view.toks
        s, e = toks[first].start, toks[last - 1].end
        span = self.view.to_text(s, e)
        words = tuple(t.text for t in toks[first:last] if t.is_word)
        ent = self._entity(span.start, span.end, first, last)
        head = words[0] if words else ""
        anonymous = ent.anonymous if ent is not None else _anonymous(words)
        gender = verb.gender if (vso and verb is not None and verb.style == "finite") else None
        if gender is None:
            gender = "f" if head.endswith("ه") and (ent is None or ent.type != "PER") else "m"
        ref = ActorRef(span, ent.id if ent else None, ent.code if ent else None, anonymous)
        return Speaker(ref, gender, _number(head), words)

    def resolve(self, first: int, last: int, verb: VerbForm | None, vso: bool) -> Speaker:
        """The speaker of an explicit subject, following definite references back."""
        sp = self.local(first, last, verb, vso)
        if _is_anaphor(sp):
            ante = self._antecedent(sp)
            if ante is not None:
                return Speaker(ante.ref, sp.gender, sp.number, ante.words)
        elif sp.ref.entity_id is None and len(sp.words) <= 2:
            ante = self._same_name(sp)
            if ante is not None:
                ref = ActorRef(sp.ref.span, ante.ref.entity_id, ante.ref.code, ante.ref.anonymous)
                return Speaker(ref, sp.gender, sp.number, sp.words)
        return sp

    def continuation(self, verb: VerbForm) -> Speaker | None:
        """The earlier speaker an omitted subject refers to, if one agrees with the verb."""
        for sp in reversed(self.history[-MAX_LOOKBACK:]):
            if _agrees(sp, verb):
                return sp
        return None

    def push(self, sp: Speaker) -> None:
        self.history.append(sp)

    def _antecedent(self, sp: Speaker) -> Speaker | None:
        group = next((g for g in ANAPHOR_GROUPS if sp.head in g), frozenset())
        for old in reversed(self.history[-MAX_LOOKBACK:]):
            if group & set(old.words) or group & {w.removeprefix("ال") for w in old.words}:
                return old
        if sp.head in _ROLE_FALLBACK and self.history:
            last = self.history[-1]
            if last.gender == sp.gender and last.number == sp.number:
                return last
        return None

    def _same_name(self, sp: Speaker) -> Speaker | None:
        """An earlier speaker whose phrase ends with this bare name (ميلر after ماثيو ميلر)."""
        n = len(sp.words)
        for old in reversed(self.history[-MAX_LOOKBACK:]):
            if n and old.words[-n:] == sp.words and len(old.words) > n:
                return old
        return None

    def _entity(self, start: int, end: int, first: int, last: int) -> Entity | None:
        best: tuple[tuple[int, int, int], Entity] | None = None
        for ms, me, ent in self.index:
            if not (ms < end and start < me):
                continue
            # A place or body inside the phrase but not heading it is usually a modifier
            # (وسائل إعلام أمريكية، البعثة لدى الأمم المتحدة), not the speaker, unless
            # the phrase speaks for it (المتحدث باسم الخارجية).
            if ent.type != "PER" and ms != start and not self._after(ms, "باسم"):
                continue
            key = (ent.type == "PER", ms == start, me - ms)
            if best is None or key > best[0]:
                best = (key, ent)
        return best[1] if best else None

    def _after(self, text_start: int, word: str) -> bool:
        k = self.view.tok_at(self.view.from_text(text_start))
        return k > 0 and self.view.toks[k - 1].text == word


def entity_index(entities: tuple[Entity, ...]) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) for every entity mention, in text order."""
    out = [(m.start, m.end, e) for e in entities for m in e.mentions]
    return sorted(out, key=lambda x: (x[0], -x[1]))


def _number(head: str) -> str:
    if head in DUAL_HEADS:
        return "du"
    if head in PLURAL_HEADS or head.endswith("ون") or (head.endswith("ين") and len(head) > 5):
        return "pl"
    return "sg"


def _anonymous(words: tuple[str, ...]) -> bool:
    """An indefinite source head with no named person (مسؤول أمريكي، مصادر مطلعة)."""
    return bool(words) and words[0] in ANONYMOUS_HEADS


def _is_anaphor(sp: Speaker) -> bool:
    if not sp.words or len(sp.words) > 3 or not sp.head.startswith("ال"):
        return False
    if sp.ref.entity_id is not None and not sp.ref.anonymous:
        return False
    return any(sp.head in g for g in ANAPHOR_GROUPS)


def _agrees(sp: Speaker, verb: VerbForm) -> bool:
    if verb.style != "finite":
        return True
    if verb.number == "du":
        return sp.number == "du"
    if verb.number == "pl":
        return sp.number == "pl" and sp.gender == "m"
    if verb.gender == "f":
        return sp.gender == "f"
    return sp.gender == "m" and sp.number == "sg"
