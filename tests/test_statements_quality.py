"""Quality gate: metric floors on the statements case set (tests/data/statements_cases.jsonl).

The floors sit a little under the measured values (all 1.0 when pinned) so that a
regression fails while a harmless one-case wobble in the tolerant metrics does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.statements.evaluate import evaluate, load_cases

CASES = Path(__file__).parent / "data" / "statements_cases.jsonl"
FLOORS = {
    "content_precision": 0.95,
    "content_recall": 0.95,
    "content_exact_recall": 0.93,
    "speaker_precision": 0.93,
    "speaker_recall": 0.93,
    "kind_accuracy": 0.95,
    "via_accuracy": 0.93,
}


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    cases = load_cases(CASES)
    assert len(cases) >= 60 and sum(len(c["quotes"]) for c in cases) >= 60
    return evaluate(cases)[0]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]} < floor {FLOORS[name]}"


def test_scorer_detects_errors() -> None:
    from marsad.statements.evaluate import Tally, score_case

    tally = Tally()
    gold = [{"speaker": "الوزير", "kind": "direct", "content": "نحن هنا", "via": []}]
    pred = [{"speaker": "السفير", "kind": "indirect", "content": "شيء آخر تماما", "via": []}]
    errors = score_case(tally, gold, pred)
    assert tally.paired == 0 and len(errors) == 2
    assert tally.metrics()["content_recall"] == 0.0
