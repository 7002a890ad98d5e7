"""Evaluate the packaged NER model on the held-out dev part of CLEANANERCorp.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python scripts/eval_ner.py [--split dev|train] [--limit N]

Scores are entity level (exact span and type, conlleval chunking): per-type
precision, recall and F1, and micro-F1 over all entities, printed as a Markdown table.
The dev part is every 10th sentence (``marsad.actors.ner.holdout_split``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_ner import corpus_path, load_corpus  # noqa: E402  (sibling script)

from marsad.actors.ner import ENTITY_TYPES, NerTagger, holdout_split, prf, score_entities  # noqa: E402


def table(counts: dict[str, tuple[int, int, int]]) -> str:
    """A Markdown table of P/R/F1 and support per type and micro-averaged."""
    rows = ["| type | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for label in (*ENTITY_TYPES, "ALL"):
        tp, fp, fn = counts[label]
        p, r, f = prf(tp, fp, fn)
        name = "micro" if label == "ALL" else label
        rows.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {tp + fn} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Tag the chosen split with the packaged model and print the score table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = ap.parse_args(argv)
    train, dev = holdout_split(load_corpus(args.corpus or corpus_path()))
    sentences = dev if args.split == "dev" else train
    if args.limit:
        sentences = sentences[: args.limit]
    tagger = NerTagger.load()
    started = time.perf_counter()
    pred = [tagger.tag([t for t, _ in s]) for s in sentences]
    seconds = time.perf_counter() - started
    counts = score_entities([[g for _, g in s] for s in sentences], pred)
    tokens = sum(len(s) for s in sentences)
    print(f"{args.split}: {len(sentences)} sentences, {tokens} tokens, tagged in {seconds:.1f}s")
    print(table(counts))


if __name__ == "__main__":
    main()
