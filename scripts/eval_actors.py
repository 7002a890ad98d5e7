"""Mention-level precision and recall of the actors layer on the seeds and own articles.

Run from the repository root: ``PYTHONPATH=src python scripts/eval_actors.py``. The
seeds are read from ``../shared/seeds`` (or ``$MARSAD_SHARED/seeds``); the gold lists
are ``tests/data/actors_seeds_gold.json`` and ``tests/data/actors_articles.json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from marsad.actors.component import make
from marsad.actors.evaluate import Score, predicted_items, score
from marsad.model import Document, Meta, OffsetMap, Provenance

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT / ".." / "shared"))


def _doc(doc_id: str, text: str, published: str) -> Document:
    return Document(id=doc_id, original=text, text=text, offsets=OffsetMap.identity(len(text)),
                    provenance=Provenance(source=doc_id), meta=Meta(published=published))


def _report(name: str, s: Score, fps: list, fns: list) -> None:
    print(f"{name:10} P={s.precision:.3f} R={s.recall:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})")
    for x in fps:
        print(f"    FP {x}")
    for x in fns:
        print(f"    FN {x}")


def main() -> None:
    """Print per-document and total scores."""
    comp = make({"ner": False})
    for label, cases in [("seeds", _seed_cases()), ("own", _own_cases())]:
        total = Score(0, 0, 0)
        for name, doc, end, gold in cases:
            s, fps, fns = score(predicted_items(comp(doc), end), gold)
            _report(name, s, fps, fns)
            total = total + s
        _report(f"[{label}]", total, [], [])


def _seed_cases():
    gold = json.loads((ROOT / "tests/data/actors_seeds_gold.json").read_text(encoding="utf-8"))
    for case in gold:
        text = next((SHARED / "seeds").glob(f"{case['seed']}_*.txt")).read_text(encoding="utf-8")
        stop = case["main_story_ends_before"]
        yield case["seed"], _doc(case["seed"], text, case["published"]), \
            (text.find(stop) if stop else None), case["gold"]


def _own_cases():
    for a in json.loads((ROOT / "tests/data/actors_articles.json").read_text(encoding="utf-8")):
        yield a["id"], _doc(a["id"], a["text"], a["published"]), None, a["gold"]


if __name__ == "__main__":
    main()
