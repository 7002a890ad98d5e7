"""Actors throughput: recognition + linking in sentences/s, as a ratio to a regex split.

Run from the repository root: ``PYTHONPATH=src python bench/bench_actors.py [N]``.
Reads the first N SaudiNewsNet articles (default 500). The baseline is a plain regex
sentence split of the same texts; sentences are counted with
``marsad.text.sentences.split_sentences`` when it exists, else with that regex.
"""

from __future__ import annotations

import re
import sys
import time

from common import article, saudinewsnet

from marsad.actors.component import make
from marsad.model import Document, Meta, OffsetMap, Provenance

_SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


def _count_sentences(texts: list[str]) -> int:
    try:
        from marsad.text.sentences import split_sentences
    except ImportError:
        return sum(len([s for s in _SPLIT.split(t) if s.strip()]) for t in texts)
    return sum(len(split_sentences(t)) for t in texts)


def main(limit: int) -> None:
    """Print sentences/s for the regex split and for the actors component."""
    texts = [article(line).get("content") or "" for _, line in saudinewsnet(limit)]
    n = _count_sentences(texts)
    t0 = time.perf_counter()
    for t in texts:
        _SPLIT.split(t)
    regex_s = time.perf_counter() - t0
    comp = make({"ner": False})
    t0 = time.perf_counter()
    mentions = 0
    for i, t in enumerate(texts):
        doc = Document(id=str(i), original=t, text=t, offsets=OffsetMap.identity(len(t)),
                       provenance=Provenance(source="bench"), meta=Meta(published="2015-08-01"))
        mentions += len(comp(doc).mentions)
    actors_s = time.perf_counter() - t0
    print(f"articles={len(texts)} sentences={n} mentions={mentions}")
    print(f"regex split: {n / regex_s:,.0f} sentences/s")
    print(f"actors (KB, no NER): {n / actors_s:,.0f} sentences/s "
          f"= {regex_s / actors_s:.4f} x regex split")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
