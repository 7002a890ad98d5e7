"""The actor knowledge base: typed entries with Arabic names, CAMEO codes and dated roles.

The data are reviewable TSV files in ``marsad.data.kb`` listed by ``manifest.json``
(which carries the version). :func:`load_kb` reads them with ``importlib.resources``,
validates them (duplicate ids and invalid codes raise :class:`KBError` subclasses with
the file and line) and derives, for every country with a demonym, its government,
armed forces, foreign and defence ministries (``gov:``, ``mil:``, ``mfa:``, ``mod:``).

Dates of roles are ISO strings at day, month or year precision ("2021-01-26",
"2023-05", "2023"); ``-`` means ongoing. A role is active on every day its bounds
cover at their precision.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources

from marsad.actors.codes import check_code
from marsad.actors.kbfiles import (
    KBError,
    RawEntry,
    TitleRow,
    derive_country_entries,
    parse_ambiguous,
    parse_countries,
    parse_entries,
    parse_titles,
)
from marsad.text.normalize import fold

__all__ = [
    "KBError", "KBEntry", "KnowledgeBase", "Role", "build_kb", "date_bounds", "load_kb",
]

KB_PACKAGE = "marsad.data.kb"


def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day (ISO) covered by a date at day, month or year precision."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-01-01", f"{value}-12-31"
    if len(parts) == 2:
        return f"{value}-01", f"{value}-31"
    return value, value


@dataclass(frozen=True)
class Role:
    """A dated role: the actor's CAMEO code while holding ``office``."""

    code: str
    office: str
    start: str
    end: str | None

    def active_on(self, date: str) -> bool:
        """Whether ``date`` (YYYY-MM-DD) falls inside the role at its precision."""
        if date < date_bounds(self.start)[0]:
            return False
        return self.end is None or date <= date_bounds(self.end)[1]


@dataclass(frozen=True)
class KBEntry:
    """One knowledge-base actor."""

    id: str
    type: str
    name_en: str
    names_ar: tuple[str, ...]
    code: str | None
    country: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    demonyms: tuple[str, ...] = ()
    origin: str = ""
    indexed: bool = True

    @property
    def name_ar(self) -> str:
        return self.names_ar[0] if self.names_ar else ""

    def role_on(self, date: str | None) -> Role | None:
        """The role active on ``date`` (the most recently started one), or ``None``.

        Without a date the most recently started role is returned: the "latest" policy.
        """
        if not self.roles:
            return None
        if date is None:
            return max(self.roles, key=lambda r: r.start)
        active = [r for r in self.roles if r.active_on(date)]
        return max(active, key=lambda r: r.start) if active else None

    def code_on(self, date: str | None) -> str | None:
        """The CAMEO code on ``date``: the active role's code, else the entry's code."""
        role = self.role_on(date)
        return role.code if role is not None else self.code


@dataclass(frozen=True)
class KnowledgeBase:
    """Entries with a folded-name index, titles and ambiguity cues. Immutable."""

    entries: Mapping[str, KBEntry]
    names: Mapping[str, tuple[str, ...]]
    guarded: Mapping[str, tuple[tuple[str, frozenset[str], frozenset[str]], ...]]
    titles: tuple[TitleRow, ...]
    demonym_forms: Mapping[str, str]
    version: str = "0"
    sha256: str = ""
    files: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> KBEntry | None:
        """The entry with ``entry_id``, or ``None``."""
        return self.entries.get(entry_id)

    def code_on(self, entry_id: str, date: str | None) -> str | None:
        """The code of ``entry_id`` on ``date`` (see :meth:`KBEntry.code_on`)."""
        entry = self.entries.get(entry_id)
        return None if entry is None else entry.code_on(date)

    def search(self, name: str, limit: int = 10) -> list[KBEntry]:
        """Entries whose Arabic or English name matches ``name``.

        Exact folded matches come first, then names containing the query, then (via
        rapidfuzz) close spellings scoring at least 85.
        """
        key = fold(name).strip()
        if not key:
            return []
        found: list[str] = list(self.names.get(key, ()))
        found += [e.id for e in self.entries.values() if e.name_en.lower() == key]
        if len(found) < limit:
            found += [i for n, ids in self.names.items() if key in n for i in ids]
        if len(found) < limit:
            from rapidfuzz import fuzz, process

            for n, _score, _ in process.extract(key, list(self.names), scorer=fuzz.ratio,
                                                limit=limit, score_cutoff=85):
                found += self.names[n]
        out = list(dict.fromkeys(found))[:limit]
        return [self.entries[i] for i in out]

    def holders(self, office: str, country: str | None, date: str) -> list[KBEntry]:
        """People holding ``office`` for ``country`` (ISO3, ``UN`` or ``IGO``) on ``date``."""
        out = []
        for entry in self.entries.values():
            role = entry.role_on(date)
            if role is None or role.office != office:
                continue
            if country in (None, "") or _code_country(role.code) == country:
                out.append(entry)
        return out


def _code_country(code: str) -> str:
    if code.startswith("UNO"):
        return "UN"
    return code[:3]


def build_kb(raw: Iterable[RawEntry], titles: tuple[TitleRow, ...],
             ambiguous: Iterable[tuple[str, str, frozenset[str], frozenset[str], int]],
             *, valid_countries: frozenset[str], version: str = "0", sha256: str = "",
             files: tuple[str, ...] = ()) -> KnowledgeBase:
    """Validate raw entries and index them. Raises :class:`KBError` on bad data."""
    entries: dict[str, KBEntry] = {}
    for r in raw:
        entry = _to_entry(r, valid_countries)
        if entry.id in entries:
            raise DuplicateIdError(f"{r.origin}: duplicate id {entry.id!r}")
        entries[entry.id] = entry
    names: dict[str, list[str]] = {}
    for entry in entries.values():
        for n in entry.names_ar if entry.indexed else ():
            bucket = names.setdefault(_key(n), [])
            if entry.id not in bucket:
                bucket.append(entry.id)
    guarded: dict[str, list[tuple[str, frozenset[str], frozenset[str]]]] = {}
    for name, eid, before, sentence, line in ambiguous:
        if eid not in entries:
            raise KBError(f"ambiguous.tsv:{line}: unknown entry id {eid!r}")
        key = _key(name)
        guarded.setdefault(key, []).append((eid, before, sentence))
        if eid not in names.setdefault(key, []):
            names[key].append(eid)
    demonyms = {_key(f): e.id for e in entries.values() if e.type == "GPE"
                for d in e.demonyms for f in demonym_forms(d)}
    return KnowledgeBase(
        entries=entries, names={k: tuple(v) for k, v in names.items()},
        guarded={k: tuple(v) for k, v in guarded.items()}, titles=titles,
        demonym_forms=demonyms, version=version, sha256=sha256, files=files)


class DuplicateIdError(KBError):
    """Two knowledge-base entries share one id."""


class InvalidCodeError(KBError):
    """A CAMEO code in the knowledge base is not made of known 3-letter segments."""


def _key(name: str) -> str:
    return " ".join(fold(name).replace('"', " ").split())


def _to_entry(r: RawEntry, valid_countries: frozenset[str]) -> KBEntry:
    for code in [r.code, *(role.code for role in r.roles)]:
        if code is not None and not check_code(code, valid_countries):
            raise InvalidCodeError(f"{r.origin}: invalid CAMEO code {code!r} in {r.id!r}")
    roles = tuple(Role(x.code, x.office, x.start, x.end) for x in r.roles)
    return KBEntry(id=r.id, type=r.type, name_en=r.name_en, names_ar=r.names_ar,
                   code=r.code, country=r.country, wikidata=r.wikidata, roles=roles,
                   demonyms=r.demonyms, origin=r.origin, indexed=r.indexed)


def demonym_forms(masc: str) -> list[str]:
    """Inflected forms of a demonym given in the masculine singular (``أمريكي``).

    Feminine, sound plurals, dual and the adverbial accusative (``إيرانياً``); the
    article and other proclitics are handled by the matcher. Multi-word demonyms
    ("كوري جنوبي") inflect every word.
    """
    words = masc.split()
    endings = ("", "ة", "ين", "ون", "اً", "ا", "ان", "تين", "تان", "ات")
    return [" ".join(w + e for w in words) for e in endings]


def _read(name: str) -> bytes:
    return resources.files(KB_PACKAGE).joinpath(name).read_bytes()


def _manifest_files(manifest: dict) -> list[str]:
    f = manifest["files"]
    return [f["countries"], f["country_facts"], *f["entries"], f["titles"], f["ambiguous"]]


@functools.cache
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, read and validated once per process on first use.

    The result is immutable, so sharing it cannot make output depend on order.
    """
    manifest = json.loads(_read("manifest.json"))
    files = _manifest_files(manifest)
    digest = hashlib.sha256()
    texts: dict[str, str] = {}
    for name in files:
        data = _read(name)
        digest.update(name.encode() + b"\0" + data + b"\0")
        texts[name] = data.decode("utf-8")
    f = manifest["files"]
    countries = parse_countries(texts[f["countries"]], texts[f["country_facts"]])
    valid = frozenset(c.id for c in countries)
    raw = list(derive_country_entries(countries))
    for name in f["entries"]:
        raw.extend(parse_entries(texts[name], name))
    raw = _merge_overrides(raw)
    return build_kb(raw, parse_titles(texts[f["titles"]]),
                    parse_ambiguous(texts[f["ambiguous"]]), valid_countries=valid,
                    version=str(manifest["version"]), sha256=digest.hexdigest(),
                    files=tuple(files))


def _merge_overrides(raw: list[RawEntry]) -> list[RawEntry]:
    """Hand-written entries may reuse a derived id (``mfa:USA``): they replace the
    derived entry and keep its generated names after their own."""
    derived = {r.id: r for r in raw if r.derived}
    out: list[RawEntry] = []
    overridden = {r.id for r in raw if not r.derived and r.id in derived}
    for r in raw:
        if r.derived and r.id in overridden:
            continue
        if not r.derived and r.id in derived:
            extra = tuple(n for n in derived[r.id].names_ar if n not in r.names_ar)
            r = r.with_names(r.names_ar + extra)
        out.append(r)
    return out
