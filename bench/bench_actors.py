"""Actors throughput: recognition + linking in sentences/s, as a ratio to sentence splitting.

Run from the repository root: ``.venv/bin/python bench/bench_actors.py [N]``. Reads the
first N SaudiNewsNet articles (default 500) and times, over the same texts,
``marsad.text.sentences.split_sentences`` alone (the baseline), the actors component with
the knowledge-base matcher and linker only, and the default component (KB + CRF NER).
The ratio is actors time / splitting time: how many times the cost of splitting it is.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from common import article, machine, saudinewsnet

from marsad.actors.component import make
from marsad.model import Document, Meta, OffsetMap, Provenance
from marsad.text.sentences import split_sentences


def _docs(texts: list[str]) -> list[Document]:
    return [
        Document(
            id=str(i),
            original=t,
            text=t,
            offsets=OffsetMap.identity(len(t)),
            provenance=Provenance(source="bench"),
            meta=Meta(published="2015-08-01"),
        )
        for i, t in enumerate(texts)
    ]


def _time(fn: Callable[[], int]) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = fn()
    return time.perf_counter() - t0, n


def main(limit: int) -> None:
    texts = [article(line).get("content") or "" for _, line in saudinewsnet(limit)]
    split_s, n = _time(lambda: sum(len(split_sentences(t)) for t in texts))
    print(f"{machine()}; articles={len(texts)} sentences={n}")
    print(f"sentence splitting: {n / split_s:,.0f} sentences/s (1x)")
    for label, options in (("actors, KB only", {"ner": False}), ("actors, KB + NER", {})):
        comp = make(options)
        docs = _docs(texts)
        comp(docs[0])  # load the KB and model outside the timing
        secs, mentions = _time(lambda c=comp, ds=docs: sum(len(c(d).mentions) for d in ds))
        print(
            f"{label}: {n / secs:,.0f} sentences/s, {secs / split_s:.1f}x splitting, "
            f"{mentions} mentions"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
