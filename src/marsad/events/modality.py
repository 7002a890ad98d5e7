"""Modality of a trigger: asserted, negated, future (intended) or hypothetical.

Cues are looked for in the trigger's clause: before it (nearest cue wins, and a cue
never reaches past another trigger, so in "ترقب الضربة ... ردا على اغتيال" only the
strike is anticipated), on the trigger itself (the future prefix س, purpose ل), and
right after a nominal trigger ("الهجوم المحتمل"). A trigger governed by an appeal,
demand or threat ("دعا إلى وقف الحرب"، "هدد بشن هجوم") is hypothetical. A reported
background event ("الهجوم الذي شنته إيران في 13 أبريل") has no cue and stays asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.events.triggers import TriggerHit, variants
from marsad.events.units import Token
from marsad.text.normalize import fold

__all__ = ["ModalityReading", "modality_of"]

#: How far back (in words) a cue may stand from its trigger.
WINDOW = 8
#: Negators act only when adjacent or one word away ("لم تشن", "لن تكون هناك مفاوضات").
NEG_REACH = 2

NEGATORS = frozenset({"لم", "لن", "لا", "ما", "ليس", "ليست", "غير", "عدم", "دون", "بدون",
                      "لما", "ولم", "ولن", "ولا", "فلم", "فلن", "وليس", "بعدم", "وعدم"})
DENIALS = frozenset({"نفي", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "نافيا", "نافيه"})
FUTURE = frozenset({
    "سوف", "يعتزم", "تعتزم", "نعتزم", "اعتزم", "اعتزمت", "عزم", "ينوي", "تنوي", "ننوي", "نيه",
    "يسعي", "تسعي", "نسعي", "سعي", "مستعد", "مستعده", "مستعدون", "مستعدين", "جاهز", "جاهزه",
    "جاهزون", "جاهزين", "يخطط", "تخطط", "نخطط", "يستعد", "تستعد", "منفتح", "منفتحه", "منفتحون",
    "يمانع", "تمانع", "نمانع", "يامل", "تامل", "نامل", "يتطلع", "تتطلع", "نتطلع", "مرتقب",
    "مرتقبه", "المرتقب", "المرتقبه", "المقبل", "المقبله", "القادم", "القادمه", "التفكير", "يفكر",
    "تفكر", "يدرس", "تدرس", "الترتيب", "ترتيب", "يرتب", "استئناف", "قرر", "قررت", "تقرر",
})
HYPOTHETICAL = frozenset({
    "اذا", "لو", "حال", "حاله", "محتمل", "محتمله", "المحتمل", "المحتمله", "احتمال", "احتمالات",
    "ربما", "يمكن", "ممكن", "ترقب", "يترقب", "تترقب", "مترقب", "ترقبا", "منع", "لمنع", "تحسبا",
    "تفادي", "لتفادي", "تجنب", "لتجنب", "الحوول", "حوول", "خشيه", "مخاوف", "خوفا", "تخوف",
    "تخوفات", "يتوقع", "تتوقع", "متوقع", "المتوقع", "توقعات", "يجب", "ينبغي", "شبح", "سيناريو",
    "المزعوم", "المزعومه", "مزعوم", "ادعاءات", "شفا", "حافه",
    # plots, foiled and defused: the attack did not take place
    "مخطط", "مخططا", "مخططات", "مؤامره", "التخطيط", "تخطيط", "بالتخطيط", "تخطيطهم",
    "احبط", "احبطت", "احباط", "افشل", "افشلت", "افشال", "اجهاض", "فكك", "تفكيك", "ردع",
})
#: "أي هجوم"، "لأي عدوان": any (future) attack, directly before the trigger.
ANY = frozenset({"اي"})
#: Roots whose trigger makes the next trigger in its clause unreal ("دعا إلى وقف الحرب").
GOVERNING = {"02": "hypothetical", "10": "hypothetical", "13": "hypothetical",
             "03": "future", "12": "hypothetical", "01": "negated"}
#: Codes of governing 01 triggers (deny, decline comment) that negate what follows.
NEGATING_CODES = frozenset({"016", "011"})
_PURPOSE_ROOTS = frozenset({"03", "04", "05", "06", "07"})


@dataclass(frozen=True)
class ModalityReading:
    """A modality and the word that decided it (``""`` when asserted by default)."""

    modality: str
    cue: str = ""


#: How far (in tokens, commas included) a threat may stand before the "بـ" complement
#: it governs across commas: "هدد زعيم التنظيم، في تسجيل صوتي بثته مواقع، بشن هجمات".
THREAT_REACH = 20


def modality_of(tokens: list[Token], hit: TriggerHit, clause: tuple[int, int],
                previous: TriggerHit | None,
                threat: TriggerHit | None = None) -> ModalityReading:
    """The modality of ``hit`` inside ``clause`` (token range); ``previous`` is the
    trigger before it in the same clause, if any; ``threat``, the trigger before it in
    the sentence when that is a threat (root 13)."""
    own = _own_marks(tokens, hit)
    if own is not None:
        return own
    before = _cue_before(tokens, hit, clause, previous)
    if before is not None:
        return before
    after = _cue_after(tokens, hit, clause)
    if after is not None:
        return after
    if threat is not None and threat.entry.cameo[:2] == "13" \
            and hit.first - threat.last <= THREAT_REACH and _threat_complement(tokens, hit):
        return ModalityReading("hypothetical", "governed:" + threat.entry.cameo)
    return ModalityReading("asserted")


#: Light verbs of a threat's "بـ" complement ("بشن هجمات"، "بتوجيه ضربة").
_THREAT_LIGHT_VERBS = frozenset({"بشن", "بتوجيه", "بتنفيذ", "بالقيام"})


def _threat_complement(tokens: list[Token], hit: TriggerHit) -> bool:
    """"بضرب القواعد"، "بشن هجمات": the trigger is the بـ-complement of a threat."""
    return "ب" in hit.prefix or (hit.first > 0
                                 and tokens[hit.first - 1].text in _THREAT_LIGHT_VERBS)


def _own_marks(tokens: list[Token], hit: TriggerHit) -> ModalityReading | None:
    head = tokens[hit.first].text
    stem = head[len(hit.prefix):] if head.startswith(hit.prefix) else head
    if "س" in hit.prefix and stem[:1] in "يتنا":
        return ModalityReading("future", "س")
    if hit.prefix.endswith("ل") and not hit.prefix.endswith(("لل", "ال")) \
            and hit.entry.cameo[:2] in _PURPOSE_ROOTS:
        return ModalityReading("future", "ل")
    return None


def _cue_before(tokens: list[Token], hit: TriggerHit, clause: tuple[int, int],
                previous: TriggerHit | None) -> ModalityReading | None:
    floor = max(clause[0], hit.first - WINDOW)
    for i in range(hit.first - 1, floor - 1, -1):
        if previous is not None and i <= previous.last:
            return _governed(previous)
        word = tokens[i].text
        distance = hit.first - i
        if word in NEGATORS and distance <= NEG_REACH:
            return ModalityReading("negated", word)
        if word == "قد" and distance <= NEG_REACH and _imperfect(tokens[hit.first].text):
            return ModalityReading("hypothetical", word)
        if distance <= NEG_REACH and _future_verb(word):
            return ModalityReading("future", word)  # "ستواصل دعمها"، "سيعقد اجتماعا"
        if distance == 1 and any(form in ANY for form, _ in variants(word)):
            return ModalityReading("hypothetical", word)
        reading = _lexical_cue(word)
        if reading is not None:
            return reading
    return None


def _lexical_cue(word: str) -> ModalityReading | None:
    for form, _ in variants(word):
        if form in DENIALS:
            return ModalityReading("negated", word)
        if form in HYPOTHETICAL:
            return ModalityReading("hypothetical", word)
        if form in FUTURE:
            return ModalityReading("future", word)
    return None


def _governed(previous: TriggerHit) -> ModalityReading | None:
    root = previous.entry.cameo[:2]
    if root == "01":
        if previous.entry.cameo in NEGATING_CODES:
            return ModalityReading("negated", "governed:" + previous.entry.cameo)
        return None
    mod = GOVERNING.get(root)
    return None if mod is None else ModalityReading(mod, "governed:" + previous.entry.cameo)


def _cue_after(tokens: list[Token], hit: TriggerHit,
               clause: tuple[int, int]) -> ModalityReading | None:
    for i in range(hit.last + 1, min(clause[1], hit.last + 4)):
        word = tokens[i].text
        if word in HYPOTHETICAL and word.startswith(("محتمل", "المحتمل", "مزعوم", "المزعوم",
                                                     "متوقع", "المتوقع")):
            return ModalityReading("hypothetical", word)
        if word.startswith(("مرتقب", "المرتقب", "المقبل", "القادم")):
            return ModalityReading("future", word)
    return None


#: Folded words that begin like a future verb (س + ي/ت/ن) but are nouns or names that
#: stand before triggers ("في بلدة سترة"، "ولاية سيدي بوزيد"، "ستة قتلى"، "سيارة مفخخة").
_NOT_FUTURE_WORDS = frozenset({
    "سيد", "سيدي", "سيده", "سته", "ستين", "ستون", "سنه", "سنوات", "سنتين", "سنوي", "سنويا",
    "ستره", "سيناء", "سيول", "سيف", "سينما", "ستار", "سيطره", "سياده", "سيادي", "سياق",
    "سنغافوره", "سنجار", "ستوكهولم", "سيريلانكا", "سيبيريا", "سيله",
})
_NOT_FUTURE_STEMS = ("سيار", "سياس", "سياح", "سياج", "سيناتور", "ستراتيج", "ستالين")


def _future_verb(word: str) -> bool:
    """"ستواصل"، "وسيعقد": the future prefix on an imperfect verb."""
    folded = fold(word)
    if folded[:1] in "وف" and folded[1:2] == "س":
        folded = folded[1:]
    if len(folded) <= 3 or folded[0] != "س" or folded[1] not in "يتن":
        return False
    return folded not in _NOT_FUTURE_WORDS and not folded.startswith(_NOT_FUTURE_STEMS)


def _imperfect(word: str) -> bool:
    return any(form[:1] in "يتن" for form, _ in variants(word))
