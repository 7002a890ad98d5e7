"""Parsers for the knowledge-base TSV files (also the CSV import format's semantics).

Entry files have eight tab-separated columns::

    id  type  en  ar  code  country  wikidata  roles

``ar`` lists Arabic spellings separated by ``|``. ``code`` is the CAMEO code used when
no role is active. ``roles`` is ``CODE office FROM TO`` items separated by ``;`` with
``-`` for an open end. Lines starting with ``#`` and blank lines are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

__all__ = [
    "KBError", "RawEntry", "RawRole", "TitleRow", "derive_country_entries",
    "parse_ambiguous", "parse_countries", "parse_entries", "parse_role", "parse_titles",
]

ENTRY_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "MEDIA", "GROUP"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z]{2,5}:[^\s|:]+$|^[A-Z]{3}$")


class KBError(ValueError):
    """Invalid knowledge-base data; the message names the file and line."""


@dataclass(frozen=True)
class RawRole:
    code: str
    office: str
    start: str
    end: str | None


@dataclass(frozen=True)
class RawEntry:
    """An entry as read from a file, before code validation and indexing."""

    id: str
    type: str
    name_en: str
    names_ar: tuple[str, ...]
    code: str | None
    country: str | None
    wikidata: str | None
    roles: tuple[RawRole, ...]
    origin: str
    demonyms: tuple[str, ...] = ()
    derived: bool = False
    indexed: bool = True

    def with_names(self, names: tuple[str, ...]) -> RawEntry:
        return replace(self, names_ar=names)


@dataclass(frozen=True)
class TitleRow:
    phrase: str
    office: str
    country: str | None


@dataclass(frozen=True)
class Country:
    id: str
    iso2: str
    name_en: str
    names_ar: tuple[str, ...]
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]
    wikidata: str | None


def _rows(text: str, origin: str, ncols: int) -> Iterator[tuple[int, list[str]]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < ncols:
            cols += [""] * (ncols - len(cols))
        if len(cols) > ncols:
            raise KBError(f"{origin}:{lineno}: expected {ncols} columns, got {len(cols)}")
        yield lineno, [c.strip() for c in cols]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def parse_role(item: str, where: str) -> RawRole:
    """Parse ``CODE office FROM TO`` (``TO`` may be ``-``)."""
    parts = item.split()
    if len(parts) != 4:
        raise KBError(f"{where}: role {item!r} must be 'CODE office FROM TO'")
    code, office, start, end = parts
    for d in (start, end):
        if d != "-" and not _DATE.match(d):
            raise KBError(f"{where}: bad date {d!r} in role {item!r}")
    if start == "-":
        raise KBError(f"{where}: role {item!r} needs a start date")
    if end != "-" and end < start[: len(end)]:
        raise KBError(f"{where}: role {item!r} ends before it starts")
    return RawRole(code, office, start, None if end == "-" else end)


def parse_entries(text: str, origin: str) -> list[RawEntry]:
    """Parse an entry file (see the module docstring)."""
    out = []
    for lineno, c in _rows(text, origin, 8):
        where = f"{origin}:{lineno}"
        eid, etype, en, ar, code, country, qid, roles = c
        if not _ID.match(eid):
            raise KBError(f"{where}: bad id {eid!r} (use prefix:name, e.g. per:joe_biden)")
        if etype not in ENTRY_TYPES:
            raise KBError(f"{where}: type {etype!r} not one of {sorted(ENTRY_TYPES)}")
        names = _split(ar)
        if not names:
            raise KBError(f"{where}: entry {eid!r} has no Arabic name")
        parsed = tuple(parse_role(r.strip(), where) for r in roles.split(";") if r.strip())
        out.append(RawEntry(eid, etype, en, names, code or None, country or None,
                            qid or None, parsed, where))
    return out


def parse_countries(generated: str, facts: str) -> list[Country]:
    """Merge the CLDR table (``countries.tsv``) with the hand-written facts."""
    extra = {c[0]: c for _, c in _rows(facts, "country_facts.tsv", 5)}
    out = []
    for _, (iso3, iso2, en, ar) in _rows(generated, "countries.tsv", 4):
        f = extra.pop(iso3, [iso3, "", "", "", ""])
        names = tuple(dict.fromkeys((ar, *_split(f[1]))))
        out.append(Country(iso3, iso2, en, names, _split(f[2]), _split(f[3]), f[4] or None))
    if extra:
        raise KBError(f"country_facts.tsv: unknown ISO3 codes {sorted(extra)}")
    return out


def derive_country_entries(countries: list[Country]) -> Iterator[RawEntry]:
    """The country entries, and for countries with a demonym their government bodies.

    Capitals are government metonyms in political news ("واشنطن" -> USAGOV), so they
    name the ``gov:`` entry, not the city.
    """
    for c in countries:
        where = f"countries.tsv:{c.id}"
        yield RawEntry(c.id, "GPE", c.name_en, c.names_ar, c.id, c.id, c.wikidata, (),
                       where, demonyms=c.demonyms, derived=True)
        if c.capitals:
            yield RawEntry(f"cap:{c.id}", "GPE", f"capital of {c.name_en}", c.capitals,
                           c.id, c.id, None, (), where, derived=True, indexed=False)
        if not c.demonyms and not c.capitals:
            continue
        # Definite adjectives: the article on every word ("الكورية الجنوبية").
        masc = tuple(" ".join("ال" + w for w in d.split()) for d in c.demonyms)
        fem = tuple(" ".join("ال" + w + "ة" for w in d.split()) for d in c.demonyms)

        def names(*templates: str, adj: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(t.format(a) for a in adj for t in templates)

        gov = names("الحكومة {}", "الإدارة {}", "السلطات {}", adj=fem) + c.capitals
        yield RawEntry(f"gov:{c.id}", "ORG", f"Government of {c.name_en}", gov,
                       f"{c.id}GOV", c.id, None, (), where, derived=True)
        if not masc:
            continue
        specs = (
            ("mil", "armed forces", ("الجيش {}",), masc, ("القوات {}", "القوات المسلحة {}"),
             "MIL"),
            ("mfa", "foreign ministry", ("وزارة الخارجية {}", "الخارجية {}"), fem, (), "GOV"),
            ("mod", "defence ministry", ("وزارة الدفاع {}",), fem, (), "GOV"),
        )
        for prefix, label, t1, adj1, t2, role in specs:
            n = names(*t1, adj=adj1) + names(*t2, adj=fem)
            yield RawEntry(f"{prefix}:{c.id}", "ORG", f"{c.name_en} {label}", n,
                           f"{c.id}{role}", c.id, None, (), where, derived=True)


def parse_titles(text: str) -> tuple[TitleRow, ...]:
    """Office titles: phrase, office key, optional fixed country."""
    return tuple(TitleRow(p, o, c or None) for _, (p, o, c) in _rows(text, "titles.tsv", 3))


def parse_ambiguous(text: str) -> list[tuple[str, str, frozenset[str], frozenset[str], int]]:
    """Guarded names: (name, entry id, cues right before, cues in the sentence, line)."""
    from marsad.text.normalize import fold

    out = []
    for lineno, (name, eid, before, sentence) in _rows(text, "ambiguous.tsv", 4):
        out.append((name, eid, frozenset(fold(w) for w in _split(before)),
                    frozenset(fold(w) for w in _split(sentence)), lineno))
    return out
