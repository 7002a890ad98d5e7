"""CAMEO actor-code validation: a code is a sequence of known 3-letter segments."""

from __future__ import annotations

__all__ = ["ROLE_CODES", "ROOT_CODES", "check_code", "country_of"]

#: CAMEO role and sector codes (second and later segments of an actor code).
ROLE_CODES: frozenset[str] = frozenset(
    "GOV MIL REB OPP PTY LEG JUD MED BUS CVL COP SPY ELI HRI EDU REF LAB AGR CRM UAF "
    "IGO NGO MNC REL HLH ENV SEP UNO MOD RAD CHR MOS JEW SHI SUN INS DEV".split()
)
#: Roots that are not countries: international and transnational actors, CAMEO regions.
ROOT_CODES: frozenset[str] = frozenset(
    "IGO NGO IMG MNC UNO INT REL MEA AFR ASA EUR WST NMR SAM LAM SAS SEA CAU".split()
)


def check_code(code: str, countries: frozenset[str]) -> bool:
    """Whether ``code`` is a root (country ISO3 or :data:`ROOT_CODES`) plus role segments."""
    if not code or len(code) % 3 or not code.isalpha() or not code.isupper():
        return False
    root, rest = code[:3], code[3:]
    if root not in countries and root not in ROOT_CODES and root not in ROLE_CODES:
        return False
    return all(rest[i : i + 3] in ROLE_CODES for i in range(0, len(rest), 3))


def country_of(code: str | None) -> str | None:
    """The country root of a code (``USAGOV`` -> ``USA``), or ``None`` for non-state roots."""
    if not code or code[:3] in ROOT_CODES or code[:3] in ROLE_CODES:
        return None
    return code[:3]
