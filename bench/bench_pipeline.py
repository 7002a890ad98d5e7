"""Acquisition + cleaning + normalisation + sentence splitting over SaudiNewsNet.

Two passes in one run, over the same articles:

* baseline: read the compressed corpus, decode each JSON line, normalise the content;
* pipeline: the same, plus building a raw input, cleaning it into stories (the Arabic
  line classifier, language id, segment splitting) and splitting sentences.

Prints articles per second for both, their ratio, and resident memory at checkpoints
(3k, 10k, 31k articles) to show that memory stays flat as the corpus grows. The ratio
is also given in process CPU time, which other jobs on a shared machine disturb less
than wall-clock time.

    python bench/bench_pipeline.py [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time

from common import CORPUS, Timer, article, machine, peak_rss_mb, rss_mb, saudinewsnet

from marsad.clean import extract_documents
from marsad.model import Meta, Provenance, RawInput, Rejected
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences

CHECKPOINTS = (3_000, 10_000, 31_030)


def baseline(limit: int | None) -> tuple[int, float]:
    n = 0
    with Timer() as t:
        for _, line in saudinewsnet(limit):
            normalize(article(line).get("content") or "")
            n += 1
    return n, t.seconds


def to_raw(i: int, line: bytes, art: dict[str, str]) -> RawInput:
    sha = hashlib.sha256(line).hexdigest()
    meta = Meta(
        title=art.get("title"),
        outlet=art.get("source"),
        published=(art.get("date_extracted") or "")[:10] or None,
        url=art.get("url"),
    )
    return RawInput(
        id=f"snn-{i}",
        format="text",
        content=art.get("content") or "",
        provenance=Provenance(str(CORPUS), f"line {i + 1}", sha, "utf-8", None, "jsonl"),
        meta=meta,
    )


def pipeline(limit: int | None) -> tuple[int, float, dict[str, int], list[tuple[int, float]]]:
    n, stories, sentences, rejected = 0, 0, 0, 0
    memory: list[tuple[int, float]] = []
    with Timer() as t:
        for i, line in saudinewsnet(limit):
            art = article(line)
            normalize(art.get("content") or "")
            out = extract_documents(to_raw(i, line, art))
            n += 1
            if isinstance(out, Rejected):
                rejected += 1
            else:
                for doc in out:
                    stories += 1
                    sentences += len(split_sentences(doc.text))
            if n in CHECKPOINTS:
                memory.append((n, round(rss_mb(), 1)))
    return n, t.seconds, {"stories": stories, "sentences": sentences, "rejected": rejected}, memory


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    cpu0 = time.process_time()
    n0, s0 = baseline(args.limit)
    cpu1 = time.process_time()
    n1, s1, counts, memory = pipeline(args.limit)
    cpu2 = time.process_time()
    result = {
        "machine": machine(),
        "articles": n1,
        "baseline_articles_per_s": round(n0 / s0, 1),
        "pipeline_articles_per_s": round(n1 / s1, 1),
        "ratio_pipeline_to_baseline": round(s1 / s0, 2),
        "cpu_s": {"baseline": round(cpu1 - cpu0, 1), "pipeline": round(cpu2 - cpu1, 1)},
        "ratio_cpu": round((cpu2 - cpu1) / (cpu1 - cpu0), 2),
        "rss_mb_at": memory,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        **counts,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
