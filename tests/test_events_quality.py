"""Quality gate on the dev gold (../shared/reference/events), scored by k-fold CV so no
scored sentence is ever in the classifier's training data.

Fast gate: lexicon recall (dev gold and the hand-written news sentences of
``data/event_training/``) and 3-fold ASSAULT detection. Slow (``-m slow``): the full
5-fold evaluation of both heads on both sets and the span-record code accuracy, with
pinned floors.
Measured numbers are in bench/README.md (## Events).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.events.coder import CoderOptions, EventCoder
from marsad.events.evaluation import (
    cross_validate,
    load_gold,
    load_training,
    make_document,
    scores,
    span_accuracy,
)

TRAINING = (Path(__file__).parent / "data" / "event_training.jsonl",)
WRITTEN = Path(__file__).parent / "data" / "event_training"


@pytest.fixture(scope="module")
def gold(shared: Path):
    return load_gold(shared / "reference" / "events")


@pytest.fixture(scope="module")
def prepare():
    from marsad.pipeline import Pipeline, PipelineConfig

    pipe = Pipeline.from_config(PipelineConfig(
        components=("sentences", "timexes", "actors", "quotes"), error_policy="strict"))
    cache: dict = {}

    def run(text: str):
        if text not in cache:
            doc = make_document(text)
            for comp in pipe.components:
                doc = comp(doc)
            cache[text] = doc
        return cache[text]
    return run


def test_lexicon_recall_floor(gold, prepare) -> None:
    coder = EventCoder(CoderOptions(use_classifier=False))
    for head, floor in (("ASSAULT", 0.9), ("PROTEST", 0.85)):
        rows = [g for g in gold if g.head == head]
        pred = [any(e.type == head for e in coder.code(prepare(g.text))) for g in rows]
        sc = scores([g.positive for g in rows], pred)
        assert sc.recall >= floor, sc.as_dict()


def test_lexicon_recall_on_written_sentences(prepare) -> None:
    coder = EventCoder(CoderOptions(use_classifier=False))
    written = load_training(WRITTEN)
    # measured 0.863 / 0.896 (the written set also guided the lexicon entries added last)
    for head, floor in (("ASSAULT", 0.83), ("PROTEST", 0.86)):
        pred = [any(e.type == head and e.modality == "asserted"
                    for e in coder.code(prepare(t))) for t, _ in written]
        sc = scores([head in labs for _, labs in written], pred)
        assert sc.recall >= floor, (head, sc.as_dict())


#: The dev gold's line: every lexicon event may be vetoed (CoderOptions.veto_scope).
GOLD_LINE = CoderOptions(veto_scope="all")


def test_assault_three_fold_gate(gold, prepare) -> None:
    assault = [g for g in gold if g.head == "ASSAULT"]
    result = cross_validate(assault, load_training(*TRAINING), prepare, k=3,
                            written=load_training(WRITTEN), options=GOLD_LINE)
    # measured 0.682 (3-fold, sentence + trigger-window heads); keyword baseline 0.30
    assert result["ASSAULT"].f1 >= 0.63, result["ASSAULT"].as_dict()


@pytest.mark.slow
def test_full_dev_evaluation(gold, prepare, shared: Path) -> None:
    result = cross_validate(gold, load_training(*TRAINING), prepare, k=5,
                            written=load_training(WRITTEN), options=GOLD_LINE)
    assert result["ASSAULT"].f1 >= 0.63, result["ASSAULT"].as_dict()  # measured 0.667
    assert result["PROTEST"].f1 >= 0.35, result["PROTEST"].as_dict()  # measured 0.391
    assert result["ASSAULT_written"].f1 >= 0.70, result["ASSAULT_written"].as_dict()  # 0.743
    assert result["PROTEST_written"].f1 >= 0.63, result["PROTEST_written"].as_dict()  # 0.683
    coder = EventCoder(CoderOptions(use_classifier=False))
    records = json.loads((shared / "reference/events/assault_spans_dev.json").read_text("utf-8"))
    acc = span_accuracy(records, lambda t: coder.code(prepare(t)), "ASSAULT")
    assert acc["source_accuracy"] >= 0.5, acc  # measured 0.630
    assert acc["target_accuracy"] >= 0.42, acc  # measured 0.473


@pytest.mark.slow
def test_default_scope_evaluation(gold, prepare) -> None:
    """The default pipeline keeps events with a coded actor (background attacks count):
    lower on the gold's line, higher recall on plain reports."""
    result = cross_validate(gold, load_training(*TRAINING), prepare, k=5,
                            written=load_training(WRITTEN))
    assert result["ASSAULT"].f1 >= 0.34, result["ASSAULT"].as_dict()  # measured 0.379
    assert result["PROTEST"].f1 >= 0.26, result["PROTEST"].as_dict()  # measured 0.297
    assert result["ASSAULT_written"].f1 >= 0.71, result["ASSAULT_written"].as_dict()  # 0.754
    assert result["PROTEST_written"].f1 >= 0.66, result["PROTEST_written"].as_dict()  # 0.706
