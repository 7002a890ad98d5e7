"""Evaluate the event coder on the dev gold (k-fold CV) and the span records.

Prints JSON: detection precision/recall/F1 for ASSAULT and PROTEST (lexicon only, and
lexicon + classifier where each fold is scored by a classifier that never saw it) on the
dev gold and on the hand-written news sentences of tests/data/event_training/ (our own
guideline), and source/target country accuracy on the span records.

    python scripts/eval_events.py [--shared ../shared] [--folds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from marsad.events.coder import CoderOptions, EventCoder
from marsad.events.evaluation import (
    cross_validate,
    detect,
    load_gold,
    load_training,
    make_document,
    scores,
    span_accuracy,
)
from marsad.pipeline import Pipeline, PipelineConfig

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("-C", type=float, default=2.0)
    args = parser.parse_args()
    events_dir = args.shared / "reference/events"
    started = time.perf_counter()
    gold = load_gold(events_dir)
    train = load_training(REPO / "tests/data/event_training.jsonl")
    pipe = Pipeline.from_config(PipelineConfig(
        components=("sentences", "timexes", "actors", "quotes"), error_policy="strict"))
    prepared: dict[str, object] = {}

    def prepare(text: str):  # type: ignore[no-untyped-def]
        if text not in prepared:
            doc = make_document(text)
            for comp in pipe.components:
                doc = comp(doc)
            prepared[text] = doc
        return prepared[text]

    lexicon = EventCoder(CoderOptions(use_classifier=False))
    report: dict[str, object] = {"n_gold": len(gold), "n_training": len(train)}
    for head in ("ASSAULT", "PROTEST"):
        rows = [g for g in gold if g.head == head]
        pred = [any(e.type == head and e.modality == "asserted"
                    for e in lexicon.code(prepare(g.text))) for g in rows]  # type: ignore[arg-type]
        report[f"{head}_lexicon"] = scores([g.positive for g in rows], pred).as_dict()
    written = load_training(REPO / "tests/data/event_training")
    # "all": the gold's line (every lexicon event may be vetoed); "unattributed": the
    # default pipeline (events with a coded actor are kept, see CoderOptions.veto_scope)
    for scope in ("all", "unattributed"):
        cv = cross_validate(gold, train, prepare, k=args.folds, c=args.C,  # type: ignore[arg-type]
                            written=written, options=CoderOptions(veto_scope=scope))
        for head, sc in cv.items():
            report[f"{head}_cv_{scope}"] = sc.as_dict()
    for head in ("ASSAULT", "PROTEST"):
        records = json.loads((events_dir / f"{head.lower()}_spans_dev.json").read_text("utf-8"))
        report[f"{head}_spans"] = span_accuracy(
            records, lambda t: lexicon.code(prepare(t)), head)  # type: ignore[arg-type]
    for head in ("ASSAULT", "PROTEST"):
        truth = [head in labels for _, labels in written]
        pred = detect(lambda t: lexicon.code(prepare(t)), head,  # type: ignore[arg-type]
                      [t for t, _ in written])
        report[f"{head}_written_lexicon"] = scores(truth, pred).as_dict()
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
