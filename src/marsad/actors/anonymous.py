"""Anonymous sources: "مسؤولين إيرانيين", "مصدران مطلعان", "كبار المسؤولين في الإدارة".

A source head noun (official, source, diplomat) is followed by qualifiers: demonyms
and linked names give the country or organisation, "عسكري" turns the role into MIL,
"مطلع"/"رسمي"/"كبير" only extend the phrase. Without a country the code is ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.actors.matcher import Token, clitic_variants
from marsad.text.normalize import fold

__all__ = ["AnonymousActor", "find_anonymous"]


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


HEADS = _folded(
    "مسؤول مسؤولة مسؤولون مسؤولين مسؤولان مسؤولي مسؤولو مسؤولا مسؤولَين "
    "مصدر مصادر مصدران مصدرين مصدرا دبلوماسيون دبلوماسيين دبلوماسيان "
    "مسؤولتين مسؤولتان"
)
#: Words that extend the phrase without changing the actor.
QUALIFIERS = _folded(
    "مطلع مطلعة مطلعان مطلعين مطلعون مطلعتان رسمي رسمية رسميون رسميين رسميان كبير كبار "
    "رفيع رفيعة رفيعي المستوى مستوى بارز بارزون سابق سابقون سابقين مقرب مقربة مقربون "
    "مقربين أمني أمنية أمنيون أمنيين رفيعو"
)
MILITARY = _folded("عسكري عسكرية عسكريون عسكريين عسكريان")
PREPOSITIONS = _folded("في من لدى داخل بوزارة")
LEADERS = _folded("كبار أحد بعض")
#: Heads that are also common nouns ("مصدر قلق"): they need a qualifier to count.
WEAK_HEADS = _folded("مصدر مصادر")
#: How far after a preposition the organisation may start ("في إدارة الرئيس الأميركي").
PREP_REACH = 4
MAX_QUALIFIERS = 6


@dataclass(frozen=True)
class AnonymousActor:
    """An anonymous source phrase: token range, the actor's code and its country."""

    first: int
    last: int
    code: str | None
    absorbed: tuple[int, ...]  # indexes of name hits that only qualified the phrase


def _word_in(tok: Token, words: frozenset[str]) -> bool:
    return any(form in words for _, form in clitic_variants(tok.text))


#: hit_at(token index) -> (hit index, last token, code, is_country_or_demonym) or None
HitAt = Callable[[int], "tuple[int, int, str | None, bool] | None"]


def find_anonymous(toks: Sequence[Token], hit_at: HitAt) -> list[AnonymousActor]:
    """Anonymous source phrases in ``toks``; ``hit_at`` describes the name hits."""
    out: list[AnonymousActor] = []
    i = 0
    while i < len(toks):
        if not _word_in(toks[i], HEADS):
            i += 1
            continue
        actor = _phrase(toks, i, hit_at)
        followed_by_colon = i + 1 < len(toks) and toks[i + 1].text == ":"
        weak = actor.last == i and _word_in(toks[i], WEAK_HEADS)
        if followed_by_colon or (weak and actor.code is None and actor.first == i):
            i += 1
            continue
        out.append(actor)
        i = actor.last + 1
    return out


def _phrase(toks: Sequence[Token], head: int, hit_at: HitAt) -> AnonymousActor:
    first = head - 1 if head > 0 and _word_in(toks[head - 1], LEADERS) else head
    last, k, military = head, head + 1, False
    code: str | None = None
    country_like = False
    absorbed: list[int] = []
    after_prep = False
    while k < len(toks) and k - head <= MAX_QUALIFIERS:
        hit = hit_at(k)
        # A name right after the head qualifies it only if it is a nationality
        # ("مسؤول أمريكي"); "مصادر لوكالة رويترز" names the addressee, not the source.
        if hit is not None and code is None and (after_prep or hit[3]):
            idx, hit_last, code, country_like = hit
            if country_like:
                absorbed.append(idx)
            last = k = hit_last
        elif _word_in(toks[k], MILITARY):
            military, last = True, k
        elif _word_in(toks[k], QUALIFIERS):
            last = k
        elif code is None and _word_in(toks[k], PREPOSITIONS):
            found = next((j for j in range(k + 1, min(k + 1 + PREP_REACH, len(toks)))
                          if hit_at(j) is not None), None)
            if found is None:
                break
            k, after_prep = found, True
            continue
        else:
            break
        k += 1
    return AnonymousActor(first, last, _role_code(code, country_like, military),
                          tuple(absorbed))


def _role_code(code: str | None, country_like: bool, military: bool) -> str | None:
    if code is None:
        return None
    root = code[:3]
    if country_like:
        return root + ("MIL" if military else "GOV")
    if military and code.endswith("GOV"):
        return code[:-3] + "MIL"
    return code
