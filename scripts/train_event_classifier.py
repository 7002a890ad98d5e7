"""Train the packaged event classifier (src/marsad/data/models/event_classifier.npz).

Heads: every label of tests/data/event_training.jsonl and tests/data/event_training/;
the ASSAULT and PROTEST heads also learn from the whole dev gold of
../shared/reference/events ("yes" vs "easy/difficult no"; "ambiguous" skipped).
The hand-written news sentences of tests/data/event_training/ train the other heads
fully and the gold-trained heads with marsad.events.evaluation.WRITTEN_WEIGHT.
Features: hashed char 2-5-grams of the sentence and of its trigger windows
(marsad.events.classifier, marsad.events.windows).
Use scripts/eval_events.py for honest (k-fold) numbers.

    python scripts/train_event_classifier.py [--shared ../shared] [-o MODEL.npz] [-C 2]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

from marsad.events.classifier import CharFeatures
from marsad.events.evaluation import (
    WRITTEN_WEIGHT,
    Featurized,
    load_gold,
    load_training,
    train_heads,
)

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")))
    parser.add_argument("-o", "--output", type=Path,
                        default=REPO / "src/marsad/data/models/event_classifier.npz")
    parser.add_argument("-C", type=float, default=2.0)
    args = parser.parse_args()
    generated = load_training(REPO / "tests/data/event_training.jsonl")
    written = load_training(REPO / "tests/data/event_training")
    train = generated + written
    gold = load_gold(args.shared / "reference/events")
    feats = CharFeatures()
    train_f = Featurized.of([t for t, _ in train], feats)
    extra = {}
    for head in ("ASSAULT", "PROTEST"):
        rows = [g for g in gold if g.head == head]
        extra[head] = (Featurized.of([g.text for g in rows], feats).rows(head),
                       np.array([g.positive for g in rows], dtype=int))
    heads = sorted({lab for _, labs in train for lab in labs})
    is_written = np.arange(len(train)) >= len(generated)
    clf = train_heads(train_f, [labs for _, labs in train], heads, extra=extra, c=args.C,
                      written=is_written)
    clf.meta.update({"training": "tests/data/event_training.jsonl + event_training/ + dev gold",
                     "n_training": len(train), "n_written": len(written), "n_gold": len(gold),
                     "written_weight": WRITTEN_WEIGHT})
    clf.save(args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes), heads: {', '.join(heads)}")


if __name__ == "__main__":
    main()
