"""Training and evaluation helpers for the event classifier and coder.

Used by ``scripts/train_event_classifier.py``, ``scripts/eval_events.py`` and the
quality-gate test. The dev gold (``reference/events``: ASSAULT/PROTEST sentences with
annotator votes) is read at run time from the shared folder and never copied: "yes" is a
positive, "easy no"/"difficult no" negatives, "ambiguous" is skipped.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.events.classifier import CharFeatures, SentenceClassifier
from marsad.model.annotations import Event
from marsad.model.document import Document

if TYPE_CHECKING:
    from marsad.events.coder import CoderOptions

__all__ = ["GoldSentence", "Scores", "load_gold", "load_training",
           "train_heads", "folds", "scores", "cross_validate", "span_accuracy", "make_document",
           "document_with_actors", "validation_failures"]

HEADS_FROM_GOLD = ("ASSAULT", "PROTEST")


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    head: str
    positive: bool
    label: str


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def scores(gold: Sequence[bool], pred: Sequence[bool]) -> Scores:
    """Binary confusion counts."""
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    return Scores(tp, fp, fn, len(gold) - tp - fp - fn)


def load_gold(events_dir: Path) -> list[GoldSentence]:
    """Both dev gold files, without the ambiguous rows."""
    out: list[GoldSentence] = []
    for head in HEADS_FROM_GOLD:
        path = events_dir / f"{head.lower()}_gsr_dev.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["label"] == "ambiguous":
                    continue
                out.append(GoldSentence(row["id"], row["text"], head, row["label"] == "yes",
                                        row["label"]))
    return out


def load_training(path: Path) -> list[tuple[str, frozenset[str]]]:
    """(text, labels) pairs from ``event_training.jsonl``."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                rows.append((rec["text"], frozenset(rec["labels"])))
    return rows


def train_heads(x: Any, labels: Sequence[frozenset[str]], heads: Iterable[str],
                *, extra: dict[str, tuple[Any, np.ndarray]] | None = None,
                c: float = 2.0, features: CharFeatures | None = None) -> SentenceClassifier:
    """One balanced logistic regression per head over feature rows ``x`` (from
    :class:`CharFeatures`). ``extra[head] = (X, y)`` adds rows that only that head
    learns from (the dev gold folds)."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    heads = tuple(heads)
    weights, biases = [], []
    for head in heads:
        y = np.array([head in lab for lab in labels], dtype=int)
        xs, ys = x, y
        if extra and head in extra:
            xs = vstack([x, extra[head][0]]).tocsr()
            ys = np.concatenate([y, extra[head][1]])
        # liblinear is several times faster than lbfgs on 2**17 sparse columns
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear")
        model.fit(xs, ys)
        weights.append(model.coef_[0])
        biases.append(model.intercept_[0])
    feats = features or CharFeatures()
    meta = {"C": c, "features": "char_wb hashed", "n_features": feats.n_features,
            "ngram_range": list(feats.ngram_range)}
    return SentenceClassifier(heads, np.array(weights, dtype=np.float32),
                              np.array(biases, dtype=np.float32), meta, feats)


def folds(n: int, k: int, seed: int = 7) -> list[np.ndarray]:
    """``k`` disjoint index arrays covering ``range(n)``."""
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def detect(events_of: Callable[[str], Sequence[object]], head: str, texts: Sequence[str],
           modalities: frozenset[str] = frozenset({"asserted"})) -> list[bool]:
    """Is there an event of PLOVER type ``head`` (with an accepted modality) per text?"""
    out = []
    for text in texts:
        evs = events_of(text)
        out.append(any(getattr(e, "type", None) == head and getattr(e, "modality", "") in
                       modalities for e in evs))
    return out


def make_document(text: str, published: str = "2008-01-01", doc_id: str = "gold") -> Document:
    """A bare document around one sentence (offset base = the sentence)."""
    from marsad.model import Meta, OffsetMap, Provenance

    return Document(id=doc_id, original=text, text=text, offsets=OffsetMap.identity(len(text)),
                    provenance=Provenance(source=doc_id), meta=Meta(published=published))


def cross_validate(gold: Sequence[GoldSentence], train: Sequence[tuple[str, frozenset[str]]],
                   prepare: Callable[[str], Document], *, k: int = 5,
                   options: CoderOptions | None = None, c: float = 2.0,
                   heads: Sequence[str] = HEADS_FROM_GOLD) -> dict[str, Scores]:
    """k-fold detection scores per head: each fold's sentences are coded by a coder whose
    classifier never saw them (its head learns from the training set and the other
    folds). Only the scored head is trained per fold: the other heads never change a
    detection decision of this head."""
    from marsad.events.coder import CoderOptions, EventCoder

    feats = CharFeatures()
    x_train = feats.transform([t for t, _ in train])
    labels = [labs for _, labs in train]
    out: dict[str, Scores] = {}
    for head in heads:
        idx = [i for i, g in enumerate(gold) if g.head == head]
        if not idx:
            continue
        x_gold = feats.transform([gold[i].text for i in idx])
        y = np.array([gold[i].positive for i in idx], dtype=int)
        pred = np.zeros(len(idx), dtype=bool)
        for fold in folds(len(idx), k):
            mask = np.ones(len(idx), dtype=bool)
            mask[fold] = False
            clf = train_heads(x_train, labels, [head], extra={head: (x_gold[mask], y[mask])},
                              c=c, features=feats)
            coder = EventCoder(options or CoderOptions(), classifier=clf)
            for j in fold:
                evs = coder.code(prepare(gold[idx[j]].text))
                pred[j] = any(e.type == head and e.modality == "asserted" for e in evs)
        out[head] = scores([bool(v) for v in y], [bool(v) for v in pred])
    return out


def span_accuracy(records: Sequence[dict[str, Any]], coded: Callable[[str], Sequence[Event]],
                  head: str) -> dict[str, float]:
    """Source/target country accuracy against the gold span records (CAMEO ``main``
    codes), over records whose gold names a country and where an event was coded."""
    counts: dict[str, float] = {"source_total": 0, "source_ok": 0, "target_total": 0,
                                "target_ok": 0, "records": 0, "detected": 0}
    for rec in records:
        spans = rec.get("spans") or []
        if not spans:
            continue
        counts["records"] += 1
        evs = [e for e in coded(rec["text"]) if e.type == head]
        if not evs:
            continue
        counts["detected"] += 1
        for role, attr in (("source", "source"), ("target", "target")):
            main = (spans[0].get(f"{role}_role") or {}) if isinstance(
                spans[0].get(f"{role}_role"), dict) else {}
            gold_code = main.get("main")
            if not gold_code or gold_code in ("None", "INT", "IMG"):
                continue
            counts[f"{role}_total"] += 1
            got = {(getattr(e, attr).code or "")[:3] for e in evs if getattr(e, attr)}
            counts[f"{role}_ok"] += gold_code in got
    for role in ("source", "target"):
        total = counts[f"{role}_total"]
        counts[f"{role}_accuracy"] = round(counts[f"{role}_ok"] / total, 4) if total else 0.0
    return counts


def document_with_actors(text: str, actors: Sequence[dict[str, str]],
                         published: str = "2024-05-19") -> Document:
    """A one-story document with hand-built entities: every occurrence of each actor's
    ``text`` becomes a mention with its ``code`` and ``type`` (sentences split here)."""
    from marsad.model.annotations import Entity, Sentence, Span
    from marsad.text.sentences import split_sentences

    entities = []
    for n, actor in enumerate(actors):
        surface = actor["text"]
        spans, pos = [], text.find(surface)
        while surface and pos >= 0:
            spans.append(Span(pos, pos + len(surface)))
            pos = text.find(surface, pos + len(surface))
        if spans:
            entities.append(Entity(f"test:{n}", actor["type"], surface, None, actor["code"],
                                   None, tuple(spans)))
    doc = make_document(text, published)
    return doc.with_layers(sentences=tuple(Sentence(s) for s in split_sentences(text)),
                           entities=tuple(entities), quotes=(), timexes=())


def validation_failures(record: dict[str, Any], events: Sequence[Event]) -> list[str]:
    """Why a validation record fails (empty when every expected event is coded and no
    forbidden root/modality appears). ``None`` codes in an expectation mean "any"."""
    problems = []
    for exp in record["expected"]:
        ok = any(e.cameo[:2] == exp["root"] and e.modality == exp["modality"]
                 and (exp["source"] is None or (e.source and e.source.code == exp["source"]))
                 and (exp["target"] is None or (e.target and e.target.code == exp["target"]))
                 for e in events)
        if not ok:
            problems.append(f"missing {exp}")
    for absent in record.get("absent", []):
        root, modality = absent.split(":")
        if any(e.cameo[:2] == root and e.modality == modality for e in events):
            problems.append(f"forbidden {absent}")
    return problems
