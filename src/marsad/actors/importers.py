"""Import external actor dictionaries: PETRARCH/UniversalPetrarch and a simple CSV.

PETRARCH actor files hold one name per line (words joined by ``_``), either with an
undated code (``غزة  [PSE]``) or followed by indented dated codes::

    نوري_المالكي_
        [IRQGOV 20101221-20140908]
        [IRQELI >20140908]

Dates are ``START-END``, ``>START`` or ``<END`` (yyyymmdd). Malformed lines (unknown
code segments, ``?`` codes, missing codes, ends before starts) are reported with their
line number and skipped. Imported names that the knowledge base already links to an
entry with a different code are reported as conflicts; nothing is overwritten.

The CSV format has a header row and the knowledge-base entry columns
``id,type,en,ar,code,country,wikidata,roles`` (``ar`` variants separated by ``|``,
``roles`` as ``CODE office FROM TO`` items separated by ``;``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from marsad.actors.codes import check_code
from marsad.actors.kb import KnowledgeBase
from marsad.actors.kbfiles import KBError, RawEntry, RawRole, parse_entries
from marsad.text.normalize import fold

__all__ = ["Conflict", "ImportResult", "Problem", "import_csv", "import_petrarch", "to_tsv"]

_CODE_LINE = re.compile(r"^\[\s*([A-Z?]*)\s*(?:([<>])\s*(\d{8})|(\d{8})-(\d{8}))?\s*\]$")
_INLINE = re.compile(r"^(.*?)\s+\[([^\]]*)\]\s*(#.*)?$")
#: Open start for "<END" roles: earlier than any date in the files.
OPEN_START = "1800-01-01"


@dataclass(frozen=True)
class Problem:
    line: int
    message: str
    text: str


@dataclass(frozen=True)
class Conflict:
    line: int
    name: str
    kb_id: str
    kb_code: str | None
    imported_code: str


@dataclass
class ImportResult:
    """Imported entries with the problems and conflicts found on the way."""

    entries: list[RawEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def _iso(d: str) -> str:
    return f"{d[:4]}-{d[4:6]}-{d[6:]}"


def _parse_code(body: str, countries: frozenset[str]) -> RawRole | str:
    """A role from ``[CODE dates]``, or an error message."""
    m = _CODE_LINE.match(f"[{body}]")
    if m is None:
        return f"unreadable code {body!r}"
    code, sign, d1, start, end = m.groups()
    if not code or not check_code(code, countries):
        return f"invalid CAMEO code {code!r}"
    if sign == ">":
        return RawRole(code, "imported", _iso(d1), None)
    if sign == "<":
        return RawRole(code, "imported", OPEN_START, _iso(d1))
    if start:
        if end < start:
            return f"role ends ({end}) before it starts ({start})"
        return RawRole(code, "imported", _iso(start), _iso(end))
    return RawRole(code, "imported", OPEN_START, None)


def import_petrarch(text: str, kb: KnowledgeBase) -> ImportResult:
    """Parse a PETRARCH actor dictionary and compare it with ``kb``."""
    countries = frozenset(e.id for e in kb.entries.values()
                          if e.type == "GPE" and e.id == e.country)
    result = ImportResult()
    current: tuple[int, str, list[RawRole]] | None = None

    def flush() -> None:
        if current is not None and current[2]:
            _add(result, current[0], current[1], current[2], kb)

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            if current is None:
                result.problems.append(Problem(lineno, "code line without a name", raw))
                continue
            role = _parse_code(line[1:-1] if line.endswith("]") else line[1:], countries)
            if isinstance(role, str):
                result.problems.append(Problem(lineno, role, raw))
            else:
                current[2].append(role)
            continue
        flush()
        current = _name_line(lineno, line, raw, countries, result)
    flush()
    return result


def _name_line(lineno: int, line: str, raw: str, countries: frozenset[str],
               result: ImportResult) -> tuple[int, str, list[RawRole]] | None:
    m = _INLINE.match(line)
    name_part = m.group(1) if m else line
    name = " ".join(name_part.replace("_", " ").split())
    if not name or " " in name_part.strip() and "_" not in name_part:
        msg = "name with spaces (expected words joined by _)"
        result.problems.append(Problem(lineno, msg, raw))
        return None
    if m is None:
        return (lineno, name, [])
    role = _parse_code(m.group(2), countries)
    if isinstance(role, str):
        result.problems.append(Problem(lineno, role, raw))
        return None
    return (lineno, name, [role])


def _add(result: ImportResult, lineno: int, name: str, roles: list[RawRole],
         kb: KnowledgeBase) -> None:
    key = "_".join(fold(name).split())
    etype = "PER" if any(r.start != OPEN_START or r.end for r in roles) else "ORG"
    entry = RawEntry(f"imp:{key}", etype, "", (name,), roles[-1].code, None, None,
                     tuple(roles), f"line {lineno}")
    result.entries.append(entry)
    _conflicts(result, lineno, name, [r.code for r in roles], kb)


def _conflicts(result: ImportResult, lineno: int, name: str, codes: list[str],
               kb: KnowledgeBase) -> None:
    for kb_id in kb.names.get(" ".join(fold(name).split()), ()):
        entry = kb.entries[kb_id]
        known = {entry.code, *(r.code for r in entry.roles)}
        for code in codes:
            if code not in known:
                result.conflicts.append(Conflict(lineno, name, kb_id, entry.code, code))


def import_csv(text: str, kb: KnowledgeBase) -> ImportResult:
    """Parse the CSV import format (see the module docstring) and compare with ``kb``."""
    result = ImportResult()
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    expected = ["id", "type", "en", "ar", "code", "country", "wikidata", "roles"]
    if header is None or [h.strip() for h in header] != expected:
        result.problems.append(Problem(1, f"header must be {','.join(expected)}", str(header)))
        return result
    for lineno, row in enumerate(reader, 2):
        try:
            parsed = parse_entries("\t".join(row), f"csv:{lineno}")
        except KBError as exc:
            result.problems.append(Problem(lineno, str(exc), ",".join(row)))
            continue
        for entry in parsed:
            result.entries.append(entry)
            known = kb.get(entry.id)
            if known is not None and entry.code and known.code != entry.code:
                result.conflicts.append(Conflict(lineno, entry.id, known.id, known.code,
                                                 entry.code))
            for n in entry.names_ar:
                _conflicts(result, lineno, n, [c for c in [entry.code] if c], kb)
    return result


def to_tsv(entries: list[RawEntry]) -> str:
    """Imported entries in the knowledge-base TSV format, for review."""
    lines = ["# id\ttype\ten\tar\tcode\tcountry\twikidata\troles"]
    for e in entries:
        roles = ";".join(f"{r.code} {r.office} {r.start} {r.end or '-'}" for r in e.roles)
        lines.append("\t".join([e.id, e.type, e.name_en, "|".join(e.names_ar), e.code or "",
                                e.country or "", e.wikidata or "", roles]))
    return "\n".join(lines) + "\n"
