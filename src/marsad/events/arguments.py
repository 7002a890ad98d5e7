"""Event arguments: source, target, mediator and place of a trigger, from actor mentions.

Arabic news is mostly verb-first (VSO: "قصفت إسرائيل مواقع"), often subject-first after
"أن" (SVO), and masdar-heavy ("هجوم إيراني على إسرائيل", "الهجوم الذي شنته إيران").
The rules, per trigger:

* a preposition decides a role: على/ضد/إلى/لـ/نحو/بحق (and مع for talks) -> target;
  على يد/من قبل -> source of a passive; عبر/بوساطة/من خلال -> mediator; في/بـ before
  a place -> location; "بين X و Y" -> the dyad;
* otherwise the first bare actor after a verb or masdar is its subject (VSO, idafa,
  nisba adjective or relative clause), else the nearest bare actor before it (SVO); a
  second bare actor after a verb is its object;
* passives ("اغتيل"، "أصيب بجروح") take their first bare actor as target;
* coordinated actors ("مصر وقطر"، "نظيريه المصري والقطري") give one dyad each.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.events.units import Token

__all__ = ["ActorUnit", "Roles", "assign_roles", "build_units", "victims_follow"]

TARGET_PREPS = frozenset({"علي", "ضد", "الي", "ل", "لل", "نحو", "بحق", "تجاه", "ازاء", "حيال",
                          "امام", "قباله"})
WITH_PREPS = frozenset({"مع"})
AGENT_WORDS = frozenset({"يد", "قبل", "بيد"})
MEDIATOR_PREPS = frozenset({"عبر", "بوساطه", "وساطه", "بواسطه", "طريق", "خلال", "بمساعده"})
LOC_PREPS = frozenset({"في", "ب", "داخل", "قرب", "بالقرب", "جنوب", "شمال", "شرق", "غرب",
                       "وسط", "بمدينه", "بمحافظه"})
TOPIC_WORDS = frozenset({"حول", "بشان", "حيال", "عن", "بخصوص"})
COUNTERPART = ("نظير", "نظراء", "نظيري")
_ALL_PREPS = TARGET_PREPS | WITH_PREPS | LOC_PREPS | MEDIATOR_PREPS | {"بين", "من"}
_RELATIVE = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين", "اللواتي"})
#: Words looked at before and after a trigger when searching for its arguments.
BACK_WINDOW = 12
AHEAD_WINDOW = 15
#: A bare actor this close before a verb is its subject (SVO), not a far-off topic.
SVO_REACH = 3
#: At most this many members of a coordinated group fill one role (bad input guard).
MAX_GROUP = 6


@dataclass(frozen=True)
class ActorUnit:
    """One actor (possibly several adjacent same-code mentions) in a sentence."""

    first: int
    last: int
    start: int
    end: int
    code: str | None
    entity_id: str | None
    type: str
    prep: str = ""
    coordinated: bool = False
    counterpart: bool = False
    prep_index: int = -1

    @property
    def is_place(self) -> bool:
        return self.type in ("GPE", "LOC")


@dataclass(frozen=True)
class Roles:
    """Arguments of one trigger; ``sources``/``targets`` are coordinated groups."""

    sources: tuple[ActorUnit, ...] = ()
    targets: tuple[ActorUnit, ...] = ()
    mediator: ActorUnit | None = None
    location: ActorUnit | None = None
    location_start: int | None = None


def build_units(tokens: list[Token], mentions: list[tuple[int, int, str | None, str | None, str]],
                text: str, triggers: frozenset[int] = frozenset()) -> list[ActorUnit]:
    """Actor units from ``(start, end, code, entity_id, type)`` mentions in one sentence;
    ``triggers`` are token indices of triggers, which a preposition search never crosses."""
    units: list[ActorUnit] = []
    starts = [t.start for t in tokens]
    for start, end, code, entity_id, etype in sorted(mentions):
        first = _token_at(tokens, starts, start)
        last = _token_at(tokens, starts, max(start, end - 1))
        if first is None or last is None:
            continue
        clitic = text[tokens[first].start:start]
        unit = ActorUnit(first, last, start, end, code, entity_id, etype)
        if units and _merges(units[-1], unit, clitic):
            prev = units.pop()
            unit = replace(prev, last=max(prev.last, last), end=max(prev.end, end),
                           code=_specific(prev.code, code),
                           entity_id=prev.entity_id if _specific(prev.code, code) == prev.code
                           else entity_id)
        else:
            unit = _with_prep(unit, tokens, clitic, units, triggers)
        units.append(unit)
    return units


def _specific(a: str | None, b: str | None) -> str | None:
    """The more specific of two codes of one actor ("IRNGOV" over "IRN")."""
    if a is None or b is None:
        return a or b
    return b if len(b) > len(a) else a


def _token_at(tokens: list[Token], starts: list[int], offset: int) -> int | None:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or not tokens[i].start <= offset < max(tokens[i].end, tokens[i].start + 1):
        return None
    return i


def _merges(prev: ActorUnit, unit: ActorUnit, clitic: str) -> bool:
    """Apposition: adjacent mentions of one actor ("الوزير الأمريكي أنتوني بلينكن")."""
    if unit.first > prev.last + 1 or "و" in clitic:
        return False
    return unit.first <= prev.last or prev.code is None or unit.code is None \
        or prev.code == unit.code


def _with_prep(unit: ActorUnit, tokens: list[Token], clitic: str,
               units: list[ActorUnit], triggers: frozenset[int]) -> ActorUnit:
    """Find the preposition governing a unit, its coordination and counterpart marks."""
    from marsad.text.normalize import fold

    clitic = fold(clitic)
    i = unit.first - 1
    counterpart = i >= 0 and tokens[i].text.startswith(COUNTERPART)
    if counterpart:
        i -= 1
    prev = units[-1] if units else None
    # "بين ويتكوف ووزير الخارجية الإيراني": the و opens the words after the last unit.
    joined = prev is not None and prev.last + 1 < unit.first <= prev.last + 4 \
        and tokens[prev.last + 1].text.startswith("و") and len(tokens[prev.last + 1].text) > 1
    coordinated = prev is not None and prev.last >= unit.first - 3 and (
        clitic.startswith("و") or (i >= 0 and tokens[i].text == "و") or joined)
    prep, prep_index = clitic.lstrip("و"), -1
    if not prep:
        for j in range(i, max(-1, i - 3), -1):  # skip up to two head nouns
            word = tokens[j].text
            if j in triggers and word not in TARGET_PREPS:
                break  # "التصدي للهجوم الإيراني": the nisba is not under "على"
                # (a bare preposition inside a pattern, "تجمعوا أمام", still governs)
            if word == "و":
                continue
            if word in _ALL_PREPS or j == i:
                prep, prep_index = word, j
            if word in _ALL_PREPS or word in AGENT_WORDS:
                break  # "على يد إسرائيل": يد is the marker, not على
    if prep in LOC_PREPS and prep_index >= 1 \
            and tokens[prep_index - 1].text.startswith(COUNTERPART):
        # "مع نظيره في إسرائيل": the counterpart in a country, not a place
        counterpart = True
        prep_index -= 2
        prep = tokens[prep_index].text if prep_index >= 0 else ""
    if coordinated and prev is not None:
        prep, prep_index = prev.prep, prev.prep_index
        counterpart = counterpart or prev.counterpart
    return replace(unit, prep=prep, prep_index=prep_index, coordinated=coordinated,
                   counterpart=counterpart)


def _groups(units: list[ActorUnit]) -> list[tuple[ActorUnit, ...]]:
    groups: list[list[ActorUnit]] = []
    for unit in units:
        if unit.coordinated and groups and unit.first - groups[-1][-1].last <= 3:
            if len(groups[-1]) < MAX_GROUP:
                groups[-1].append(unit)
            continue
        groups.append([unit])
    return [tuple(g) for g in groups]


def assign_roles(tokens: list[Token], units: list[ActorUnit], first: int, last: int,
                 *, floor: int, ceiling: int, noun: bool, passive: bool,
                 recip: bool, from_target: bool = False, carrier: bool = False,
                 victim: bool = False, governed: bool = False,
                 first_person: bool = False) -> Roles:
    """Roles for a trigger spanning tokens ``first..last``; arguments are looked for in
    ``[floor, ceiling)`` (the previous trigger's end to the next trigger's start).

    ``carrier`` triggers ("نقل رسائل", "حاملاً رسالة") make their agent the mediator of
    the parties the messages go between (see :func:`_carrier_roles`). ``victim``: a
    count or casualty noun follows ("قتل 15 جنديا تركيا"): the actor after is the target,
    the source only an agent ("على يد") or, for a verb, a subject just before it ("أن
    القوات الأميركية قتلت 11 مسلحا"). ``governed``: a masdar inside a prepositional
    phrase ("مقتل 15 جنديا في هجوم شنه متمردون"): the actor before it is not its subject.
    ``first_person``: "ندعم حقوق الفلسطينيين": the subject is the speaker (filled in from
    the quote later), so the actor after the verb is its target."""
    lo, hi = max(floor, first - BACK_WINDOW), min(ceiling, last + 1 + AHEAD_WINDOW)
    groups = [g for g in _groups([u for u in units if lo <= u.first < hi])]
    location, loc_start, groups = _take_location(tokens, groups, first, last)
    mediator, groups = _take_mediator(tokens, groups)
    groups = [g for g in groups if g[0].type != "LOC"]
    before = [g for g in groups if g[0].last < first]
    inside = [g for g in groups if first < g[0].first <= last]
    after = [g for g in groups if g[0].first > last and _reachable(tokens, last, g[0], noun)]
    pair = _between(tokens, groups)
    if carrier:
        return _carrier_roles(before, inside, after, pair, mediator, location, loc_start)
    if pair is not None:
        return Roles(pair[0], pair[1], mediator, location, loc_start)
    agent = next((g for g in after if _agent(tokens, g[0])), ())
    if passive or victim:
        target = next((g for g in inside + after if _bare(g[0]) and g is not agent), ())
        source = agent
        subject = next((g for g in reversed(before) if _subject_before(g[0])), ())
        if victim and not passive and not noun and not source and subject \
                and subject[-1].last >= first - SVO_REACH:
            source = subject
        return Roles(source, target, mediator, location, loc_start)
    if first_person:
        target = next((g for g in inside + after if g is not agent and (
            _bare(g[0]) or g[0].prep in TARGET_PREPS or g[0].prep in WITH_PREPS)), ())
        return Roles(agent, target, mediator, location, loc_start)
    if from_target:  # "طلب من X", "طالب X": the one asked is the target
        after = [g if g[0].prep != "من" else tuple(replace(u, prep="ل") for u in g)
                 for g in after]
    source, target = _active([] if governed and noun else before, inside,
                             [g for g in after if g is not agent],
                             first=first, noun=noun, recip=recip)
    return Roles(agent or source, target, mediator, location, loc_start)


def _active(before: list[tuple[ActorUnit, ...]], inside: list[tuple[ActorUnit, ...]],
            after: list[tuple[ActorUnit, ...]], *, first: int, noun: bool,
            recip: bool) -> tuple[tuple[ActorUnit, ...], tuple[ActorUnit, ...]]:
    def is_target(g: tuple[ActorUnit, ...]) -> bool:
        return g[0].prep in TARGET_PREPS or (recip and g[0].prep in WITH_PREPS)

    source = next((g for g in inside if _bare(g[0])), ())
    near_after = [g for g in after if _bare(g[0])]
    subject = next((g for g in reversed(before) if _subject_before(g[0])), ())
    close = bool(subject) and subject[-1].last >= first - SVO_REACH
    from_before = False
    if not source and close and not noun:
        source, from_before = subject, True  # SVO: "أن الولايات المتحدة ستساعد إسرائيل"
    if not source and near_after:
        source = near_after[0]  # VSO, idafa, nisba or relative clause
    if not source and subject and (close or not noun):
        source, from_before = subject, True  # "ردت إسرائيل بضربة"
    target = next((g for g in inside + after if is_target(g) and g is not source), ())
    if not target and not noun:
        bare_after = [g for g in near_after if g is not source]
        target = bare_after[0] if bare_after else ()
    if not target and from_before and near_after:
        target = near_after[0]
    if not target and not noun:  # "اعتقلت قوات X عناصر من Y"
        target = next((g for g in after if g[0].prep == "من" and g is not source), ())
    if not target and recip and len(source) > 1:  # "عقدت إيران وقرطاس مفاوضات"
        source, target = source[:1], source[1:]
    return source, target


#: Counts and casualty nouns that, right after "قتل"، "خطف"، "مقتل"، make them passive:
#: the actor that follows is the victim ("قتل 15 جنديا تركيا" = fifteen were killed).
_COUNT_WORDS = frozenset({
    "اثنان", "اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره",
    "عشرات", "مئات", "الاف", "عدد", "اكثر", "نحو", "حوالي", "قرابه", "ما", "احد",
})
_CASUALTY_STEMS = ("جندي", "جنود", "شخص", "اشخاص", "مدني", "شرطي", "رجال", "رجل", "عنصر",
                   "عناصر", "مواطن", "طفل", "اطفال", "نساء", "امراه", "سائح", "عامل", "عمال",
                   "ضابط", "صحافي", "صحفي", "متظاهر", "حارس", "قيادي", "مسؤول", "موظف",
                   "مهندس", "طالب", "طلاب", "متشدد", "مقاتل", "فلسطيني", "عراقي", "اسرائيلي")


def victims_follow(tokens: list[Token], last: int) -> bool:
    """Does a count or a casualty noun follow the trigger ending at token ``last``?"""
    if last + 1 >= len(tokens):
        return False
    word = tokens[last + 1].text
    if word[:1].isdigit():
        return True
    return word in _COUNT_WORDS or word.startswith(_CASUALTY_STEMS)


def _reachable(tokens: list[Token], last: int, unit: ActorUnit, noun: bool) -> bool:
    """An actor after a trigger belongs to it unless a comma or clause break stands
    between them, or (for a masdar) it is far away, when no relative clause links it
    ("الهجوم الصاروخي غير المسبوق، الذي شنته إيران")."""
    between = tokens[last + 1:unit.first]
    if any(t.text in _RELATIVE for t in between):
        return True
    if any(t.is_boundary for t in between):
        return False
    return not noun or len(between) <= 3 or unit.prep in _ALL_PREPS


def _bare(unit: ActorUnit) -> bool:
    return unit.prep not in TARGET_PREPS and unit.prep not in WITH_PREPS \
        and unit.prep not in MEDIATOR_PREPS and unit.prep not in AGENT_WORDS \
        and not (unit.prep in ("من",) and unit.is_place)


def _subject_before(unit: ActorUnit) -> bool:
    if unit.is_place and unit.prep in LOC_PREPS:
        return False
    return _bare(unit)


def _agent(tokens: list[Token], unit: ActorUnit) -> bool:
    return unit.prep in AGENT_WORDS


def _carrier_roles(before: list[tuple[ActorUnit, ...]], inside: list[tuple[ActorUnit, ...]],
                   after: list[tuple[ActorUnit, ...]],
                   pair: tuple[tuple[ActorUnit, ...], ...] | None, mediator: ActorUnit | None,
                   location: ActorUnit | None, loc_start: int | None) -> Roles:
    """Who carries messages between whom: "نقل البوسعيدي رسائل بين واشنطن وطهران" or
    "وصل البوسعيدي حاملاً رسالة أمريكية إلى طهران". The carrier (the subject before the
    trigger, or the bare actor after a verb) is the mediator; the parties are the
    "بين X و Y" pair, else the message's origin (an adjective or "من X") and its
    addressee ("إلى Y")."""
    parties = {id(g) for g in pair} if pair else set()
    candidates = [g for g in before[::-1] + inside + after if id(g) not in parties]
    carrier_group = next((g for g in candidates if _bare(g[0])), ())
    carrier = mediator or (carrier_group[0] if carrier_group else None)
    if pair is not None:
        return Roles(pair[0], pair[1], carrier, location, loc_start)
    rest = [g for g in inside + after if g is not carrier_group]
    origin = next((g for g in rest if g[0].prep == "من" or (
        g[0].prep == "" and g[0].type == "GPE" and len(g[0].code or "") == 3)), ())
    target = next((g for g in rest if g[0].prep in ("الي", "ل", "لل")), ())
    return Roles(origin, target, carrier, location, loc_start)


def _between(tokens: list[Token],
             groups: list[tuple[ActorUnit, ...]]) -> tuple[tuple[ActorUnit, ...], ...] | None:
    for g in groups:
        if g[0].prep == "بين" and len(g) >= 2:
            return (g[0],), g[1:]
    return None


def _take_location(tokens: list[Token], groups: list[tuple[ActorUnit, ...]], first: int,
                   last: int,
                   ) -> tuple[ActorUnit | None, int | None, list[tuple[ActorUnit, ...]]]:
    """The first place after a locative preposition (within three words of it) on the
    same side of the trigger ("في الضربات الإسرائيلية" is a nisba, not a place)."""
    for gi, g in enumerate(groups):
        unit = g[0]
        if not unit.is_place or unit.prep not in LOC_PREPS:
            continue
        i = unit.prep_index if unit.prep_index >= 0 else unit.first
        if (i <= last < unit.first) or (first <= i <= last):
            continue  # the preposition governs the trigger, not the place
        if any(tokens[j].text in TOPIC_WORDS for j in range(max(0, i - 3), i)):
            continue
        start = tokens[i + 1].start if unit.prep_index >= 0 else unit.start
        return unit, min(start, unit.start), groups[:gi] + groups[gi + 1:]
    return None, None, groups


#: How far before an actor a mediation cue may stand: "بوساطة يتولاها وزير الخارجية
#: العماني بدر البوسعيدي" puts four words between the cue and the name.
MEDIATOR_LOOKBACK = 5
_CLAUSE_BREAKS = frozenset({"،", ",", ".", "؛", ";", ":"})


def _is_mediator_cue(word: str) -> bool:
    return word in MEDIATOR_PREPS or word.startswith(("بوساط", "وساط", "وسطاء"))


def _mediator_cue_before(tokens: list[Token], unit: ActorUnit) -> bool:
    """A mediation cue in the few words before ``unit``, within the same clause."""
    if _is_mediator_cue(unit.prep):
        return True
    for j in range(unit.first - 1, max(-1, unit.first - 1 - MEDIATOR_LOOKBACK), -1):
        word = tokens[j].text
        if word in _CLAUSE_BREAKS:
            return False
        if _is_mediator_cue(word):
            return True
    return False


def _take_mediator(tokens: list[Token], groups: list[tuple[ActorUnit, ...]],
                   ) -> tuple[ActorUnit | None, list[tuple[ActorUnit, ...]]]:
    for gi, g in enumerate(groups):
        if _mediator_cue_before(tokens, g[0]):
            return g[0], groups[:gi] + groups[gi + 1:]
    return None, groups
