"""Arabic-aware text search: normalised, diacritics-insensitive and clitic-tolerant.

Stored text has a folded copy (``text_norm``, ``content_norm``). A query is folded the
same way, each word loses its proclitics (و ف ب ل ك ال لل ...), and each stem must then
occur at a word start in the folded text, optionally behind proclitics of its own. The
pattern is passed to DuckDB as a bound parameter, never spliced into SQL.
"""

from __future__ import annotations

import re

from marsad.text.normalize import fold

_PROCLITICS = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_PREFIX_RE = "(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?"
MAX_TERMS = 8
MAX_QUERY = 200


def strip_proclitics(word: str) -> str:
    """Remove one proclitic cluster, keeping at least three letters of stem."""
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p) :]
    return word


def query_patterns(query: str) -> list[str]:
    """One regular expression per query word, to be AND-ed over the folded text."""
    words = re.findall(r"\w+", fold(query[:MAX_QUERY]))[:MAX_TERMS]
    pats = []
    for w in words:
        stem = strip_proclitics(w)
        pats.append(r"(^|[^\w])" + _PREFIX_RE + re.escape(stem))
    return pats


def where_clause(column: str, query: str) -> tuple[str, list[str]]:
    """SQL condition and parameters matching ``query`` against a folded ``column``."""
    pats = query_patterns(query)
    if not pats:
        return "TRUE", []
    return " AND ".join(f"regexp_matches({column}, ?)" for _ in pats), pats
