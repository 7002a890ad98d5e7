"""The hand-written training sentences (tests/data/event_training/): well-formed, with
known labels, no repeats, and nothing taken from the dev gold they are scored beside."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from marsad.events.classifier import load_classifier

WRITTEN = Path(__file__).parent / "data" / "event_training"
#: Characters two texts must share verbatim to count as copied (a named event such as
#: the Samarra shrine bombing may share a 40-character phrase, never a clause).
SHINGLE = 50


def _records() -> list[dict]:
    out = []
    for path in sorted(WRITTEN.glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            rec = json.loads(line)
            rec["_where"] = f"{path.name}:{n}"
            out.append(rec)
    return out


def test_records_are_well_formed_with_known_labels() -> None:
    records = _records()
    assert len(records) >= 600
    known = set(load_classifier().labels)
    for rec in records:
        assert set(rec) == {"id", "text", "labels", "note", "_where"}, rec["_where"]
        assert set(rec["labels"]) <= known, rec["_where"]
        assert 40 <= len(rec["text"]) <= 400, rec["_where"]
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)


def test_each_detection_head_has_positives_and_hard_negatives() -> None:
    records = _records()
    for head in ("ASSAULT", "PROTEST"):
        pos = sum(head in r["labels"] for r in records)
        assert pos >= 140, head
        assert len(records) - pos >= 300, head


def test_no_written_sentence_shares_text_with_the_dev_gold(shared: Path) -> None:
    events = shared / "reference" / "events"
    shingles: set[str] = set()
    for path in sorted(events.glob("*_gsr_dev.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = row["text"]
                shingles.update(text[i:i + SHINGLE] for i in range(len(text) - SHINGLE + 1))
    if not shingles:
        pytest.skip("no dev gold")
    for rec in _records():
        text = rec["text"]
        hits = [text[i:i + SHINGLE] for i in range(0, len(text) - SHINGLE + 1)
                if text[i:i + SHINGLE] in shingles]
        assert not hits, (rec["_where"], hits[:1])
