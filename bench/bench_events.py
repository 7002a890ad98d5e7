"""Throughput of event coding on SaudiNewsNet, as a ratio to sentence splitting alone.

Usage: PYTHONPATH=src python bench/bench_events.py [--n 300]

The upstream layers (sentences, timexes, actors, quotes) run first and are not timed in
the coder figures; the coder is timed with and without the embedding classifier, and
the whole per-document pipeline (all five components) is reported as articles/s.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from common import article, machine, peak_rss_mb, saudinewsnet

from marsad.events.classifier import load_classifier
from marsad.events.coder import CoderOptions, EventCoder
from marsad.model import Document, Meta, OffsetMap, Provenance
from marsad.pipeline import Pipeline, PipelineConfig
from marsad.text.sentences import split_sentences


def documents(n: int) -> list[Document]:
    docs = []
    for i, line in saudinewsnet():
        rec = article(line)
        text = (rec.get("content") or "").strip()
        if text:
            docs.append(Document(id=str(i), original=text, text=text,
                                 offsets=OffsetMap.identity(len(text)),
                                 provenance=Provenance(source="saudinewsnet"),
                                 meta=Meta(published=rec.get("date_extracted", "")[:10] or None)))
        if len(docs) >= n:
            break
    return docs


def timed(fn, items) -> tuple[float, list]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = [fn(x) for x in items]
    return time.perf_counter() - start, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args()
    docs = documents(args.n)
    split_s, _ = timed(lambda d: split_sentences(d.text), docs)
    upstream = Pipeline.from_config(PipelineConfig(
        components=("sentences", "timexes", "actors", "quotes"), error_policy="strict"))
    prepared = [upstream.components[0](d) for d in docs]
    for comp in upstream.components[1:]:
        prepared = [comp(d) for d in prepared]
    lexicon = EventCoder(CoderOptions(use_classifier=False))
    full = EventCoder(classifier=load_classifier())
    full.code(prepared[0])  # load the encoder outside the timing
    lex_s, lex_events = timed(lexicon.code, prepared)
    clf_s, clf_events = timed(full.code, prepared)
    pipe = Pipeline.from_config(PipelineConfig(error_policy="strict"))

    def run_all(d: Document) -> Document:
        for comp in pipe.components:
            d = comp(d)
        return d

    run_all(docs[0])
    all_s, _ = timed(run_all, docs)
    chars = sum(len(d.text) for d in docs)
    sentences = sum(len(d.sentences) for d in prepared)
    report = {
        "machine": machine(), "articles": len(docs), "sentences": sentences, "chars": chars,
        "split_s": round(split_s, 3),
        "coder_lexicon_s": round(lex_s, 3), "coder_classifier_s": round(clf_s, 3),
        "ratio_lexicon_to_split": round(lex_s / split_s, 1),
        "ratio_classifier_to_split": round(clf_s / split_s, 1),
        "coder_lexicon_articles_per_s": round(len(docs) / lex_s, 1),
        "coder_classifier_articles_per_s": round(len(docs) / clf_s, 1),
        "pipeline_articles_per_s": round(len(docs) / all_s, 1),
        "events_lexicon": sum(map(len, lex_events)), "events_classifier": sum(map(len, clf_events)),
        "peak_rss_mb": round(peak_rss_mb()),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
