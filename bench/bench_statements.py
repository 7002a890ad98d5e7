"""Throughput of statement detection, as a ratio to sentence splitting on the same texts.

Usage: PYTHONPATH=src python bench/bench_statements.py [--n 500]
Texts: the first N SaudiNewsNet articles from ../shared (or $MARSAD_SHARED), else the seeds.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import time
from pathlib import Path

from marsad.model import Document, OffsetMap, Provenance, Sentence
from marsad.statements import default_lexicon, detect_quotes
from marsad.text.sentences import split_sentences

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def load_texts(n: int) -> list[str]:
    corpus = sorted((SHARED / "corpora" / "saudinewsnet").glob("*.xz"))
    texts: list[str] = []
    for path in corpus:
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                content = json.loads(line).get("content") or ""
                if content.strip():
                    texts.append(content)
                if len(texts) >= n:
                    return texts
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=500, help="number of articles")
    args = ap.parse_args()
    texts = load_texts(args.n)
    lexicon = default_lexicon()
    t0 = time.perf_counter()
    sentences = [split_sentences(t) for t in texts]
    t_split = time.perf_counter() - t0
    docs = [Document(id=str(i), original=t, text=t, offsets=OffsetMap.identity(len(t)),
                     provenance=Provenance(source="bench")).with_layers(
                         sentences=tuple(Sentence(s) for s in ss))
            for i, (t, ss) in enumerate(zip(texts, sentences, strict=True))]
    t0 = time.perf_counter()
    found = sum(len(detect_quotes(d, lexicon)) for d in docs)
    t_quotes = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    print(json.dumps({
        "documents": len(texts), "characters": chars, "statements": found,
        "sentence_split_s": round(t_split, 3), "statements_s": round(t_quotes, 3),
        "statements_docs_per_s": round(len(texts) / t_quotes, 1),
        "statements_chars_per_s": round(chars / t_quotes),
        "ratio_to_sentence_splitting": round(t_quotes / t_split, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
