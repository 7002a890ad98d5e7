"""The CAMEO coding table: names, Goldstein weights, quad classes and PLOVER types.

The table lives in ``marsad/data/lexicons/cameo_ontology.tsv`` so that a reviewer can
diff it. CAMEO roots 01 (statements) and 02 (appeals) have no PLOVER type and keep
``type=None``. A sub-code missing from the table falls back to its root's entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["CameoCode", "Ontology", "load_ontology", "root_of"]


@dataclass(frozen=True)
class CameoCode:
    """One row of the coding table."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None

    @property
    def root(self) -> str:
        return root_of(self.code)


def root_of(code: str) -> str:
    """The two-digit CAMEO root of a code ("0256" -> "02", "195" -> "19")."""
    if len(code) < 2 or not code[:2].isdigit():
        raise ValueError(f"not a CAMEO code: {code!r}")
    return code[:2]


@dataclass(frozen=True)
class Ontology:
    """Lookup over the coding table."""

    codes: dict[str, CameoCode]

    def get(self, code: str) -> CameoCode:
        """The row for ``code``, else its three-digit parent's or root's row with the code kept."""
        row = self.codes.get(code)
        if row is not None:
            return row
        root = self.codes.get(code[:3]) or self.codes.get(root_of(code))
        if root is None:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return CameoCode(code, root.name, root.goldstein, root.quad_class, root.plover, root.mode)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self.codes

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """PLOVER (type, mode) for a code; CONCEDE/RETREAT split inside root 08."""
        row = self.get(code)
        return row.plover, row.mode


def _parse(text: str) -> dict[str, CameoCode]:
    rows: dict[str, CameoCode] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, gold, quad, plover, mode = line.split("\t")
        if code in rows:
            raise ValueError(f"cameo_ontology.tsv: duplicate code {code}")
        rows[code] = CameoCode(code, name, float(gold), int(quad),
                               None if plover == "-" else plover, None if mode == "-" else mode)
    return rows


@cache
def load_ontology() -> Ontology:
    """The packaged coding table (read once; the table is immutable)."""
    ref = resources.files("marsad.data.lexicons").joinpath("cameo_ontology.tsv")
    return Ontology(_parse(ref.read_text(encoding="utf-8")))
