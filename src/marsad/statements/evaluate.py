"""Scoring statement detection against a case set (``tests/data/statements_cases.jsonl``).

Each case is ``{"id", "text", "outlet", "quotes": [{"speaker", "kind", "content", "via"}]}``.
Strings are compared after folding, whitespace collapsing and stripping punctuation and
quote marks at the edges.

* **content, exact**: equal strings. **content, tolerant** (boundary-tolerant): the word
  multisets overlap by at least :data:`TOLERANCE` of the longer one. Gold and predicted
  statements are paired one-to-one, best tolerant overlap first; precision is paired
  predictions over predictions, recall paired gold over gold.
* **speaker**: over paired statements. Exact = equal strings (``None`` pairs with
  ``None``); tolerant = one contains the other. Precision is over paired predictions
  that name a speaker, recall over paired-or-not gold statements that have one.
* **kind** and **via** (the full list, outlet included): accuracy over pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.model import Document, Meta, OffsetMap, Provenance, Sentence
from marsad.statements.detect import detect_quotes
from marsad.text.normalize import fold
from marsad.text.sentences import split_sentences

#: Share of the longer content's words the shorter must match for a tolerant hit.
TOLERANCE = 0.8
_EDGE = " \t\n\"'«»“”‘’.،,:;؛!?؟-"


def canon(text: str | None) -> str:
    """Folded, whitespace-collapsed, edge-stripped form used for comparisons."""
    return "" if text is None else " ".join(fold(text).split()).strip(_EDGE)


def overlap(a: str, b: str) -> float:
    """Word-multiset overlap of two canonical strings, relative to the longer one."""
    wa = Counter(canon(a).replace('"', " ").split())
    wb = Counter(canon(b).replace('"', " ").split())
    if not wa or not wb:
        return 0.0
    return sum((wa & wb).values()) / max(sum(wa.values()), sum(wb.values()))


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines case file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def case_document(case: dict[str, Any]) -> Document:
    """A hand-built document (text, sentences, outlet; no actors layer) for one case."""
    text = case["text"]
    doc = Document(id=case["id"], original=text, text=text, offsets=OffsetMap.identity(len(text)),
                   provenance=Provenance(source="case"), meta=Meta(outlet=case.get("outlet")))
    return doc.with_layers(sentences=tuple(Sentence(s) for s in split_sentences(text)))


def predict(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Run detection on a case and return gold-shaped predictions."""
    doc = case_document(case)
    return [{"speaker": q.speaker.span.of(doc.text) if q.speaker else None, "kind": q.kind,
             "content": q.content.of(doc.text), "via": list(q.via)} for q in detect_quotes(doc)]


@dataclass
class Tally:
    """Counts behind the reported metrics."""

    gold: int = 0
    pred: int = 0
    paired: int = 0
    exact: int = 0
    gold_speakers: int = 0
    pred_speakers: int = 0
    spk_exact_p: int = 0
    spk_exact_r: int = 0
    spk_tol_p: int = 0
    spk_tol_r: int = 0
    kind_ok: int = 0
    via_ok: int = 0

    def metrics(self) -> dict[str, float]:
        def div(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "content_precision": div(self.paired, self.pred),
            "content_recall": div(self.paired, self.gold),
            "content_exact_precision": div(self.exact, self.pred),
            "content_exact_recall": div(self.exact, self.gold),
            "speaker_precision": div(self.spk_exact_p, self.pred_speakers),
            "speaker_recall": div(self.spk_exact_r, self.gold_speakers),
            "speaker_tolerant_precision": div(self.spk_tol_p, self.pred_speakers),
            "speaker_tolerant_recall": div(self.spk_tol_r, self.gold_speakers),
            "kind_accuracy": div(self.kind_ok, self.paired),
            "via_accuracy": div(self.via_ok, self.paired),
        }


def _pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    scored = sorted(((overlap(g["content"], p["content"]), gi, pi)
                     for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for score, gi, pi in scored:
        if score >= TOLERANCE and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _speaker_ok(gold: str | None, pred: str | None, tolerant: bool) -> bool:
    g, p = canon(gold), canon(pred)
    if not g or not p:
        return g == p
    return g == p or (tolerant and (g in p or p in g))


def score_case(tally: Tally, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[str]:
    """Add one case to ``tally``; return human-readable error lines."""
    errors: list[str] = []
    tally.gold += len(gold)
    tally.pred += len(pred)
    tally.gold_speakers += sum(1 for g in gold if g["speaker"])
    pairs = _pairs(gold, pred)
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        tally.paired += 1
        tally.exact += canon(g["content"]) == canon(p["content"])
        tally.pred_speakers += bool(p["speaker"])
        ok = _speaker_ok(g["speaker"], p["speaker"], False)
        tol = _speaker_ok(g["speaker"], p["speaker"], True)
        tally.spk_exact_p += ok and bool(p["speaker"])
        tally.spk_exact_r += ok and bool(g["speaker"])
        tally.spk_tol_p += tol and bool(p["speaker"])
        tally.spk_tol_r += tol and bool(g["speaker"])
        tally.kind_ok += g["kind"] == p["kind"]
        tally.via_ok += [canon(v) for v in g["via"]] == [canon(v) for v in p["via"]]
        if not ok or g["kind"] != p["kind"]:
            errors.append(f"speaker/kind: gold {g['speaker']!r}/{g['kind']} "
                          f"pred {p['speaker']!r}/{p['kind']}")
    paired_g, paired_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    errors += [f"missed: {g['content']!r}" for i, g in enumerate(gold) if i not in paired_g]
    errors += [f"spurious: {p['content']!r}" for i, p in enumerate(pred) if i not in paired_p]
    return errors


def evaluate(cases: Iterable[dict[str, Any]]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Metrics over all cases, and the error lines of each case with errors."""
    tally = Tally()
    errors: dict[str, list[str]] = {}
    for case in cases:
        gold = [{**q, "via": q["via"]} for q in case["quotes"]]
        errs = score_case(tally, gold, predict(case))
        if errs:
            errors[case["id"]] = errs
    out = tally.metrics()
    out["gold_statements"] = float(tally.gold)
    out["predicted_statements"] = float(tally.pred)
    return out, errors
