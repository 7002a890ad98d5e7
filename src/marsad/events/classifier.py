"""Statistical sentence classifier: hashed character n-grams + one-vs-rest logistic heads.

Each head (``ASSAULT``, ``PROTEST``, ``CONSULT`` ...) is an independent logistic
regression over two blocks of character 2-5-grams (word-bounded, on the folded text of
:func:`marsad.text.normalize.fold`), each hashed into ``n_features`` buckets with
sublinear term frequency and L2 normalisation: the whole sentence, and the windows
around the sentence's lexicon triggers of that head's type
(:mod:`marsad.events.windows`; empty when the sentence has none). The two blocks are
concatenated and normalised together. Hashing needs no vocabulary, so the model is just
weights: a compressed ``.npz`` (no pickle) with ``cols`` (the buckets any head uses),
``W`` (heads x len(cols), float16), ``b``, ``labels`` and a JSON ``meta`` string.

On the dev gold this beat USE-multilingual sentence embeddings (alone or stacked with
them) and word n-grams for both detection heads, and it costs a fraction of the
encoder's time (bench/README.md, ## Events).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.model.annotations import Event, Span

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from marsad.events.coder import CoderOptions
    from marsad.events.ontology import Ontology
    from marsad.events.timing import DatePicker
    from marsad.model.document import Document

__all__ = ["CharFeatures", "SentenceClassifier", "classifier_events", "load_classifier",
           "MODEL_FILE", "N_FEATURES"]

MODEL_FILE = "event_classifier.npz"
#: 2**17 buckets scored the same as 2**18 on the dev gold and keep the file small.
N_FEATURES = 2**17
NGRAMS = (2, 5)
#: Heads whose vetoes and additions the coder acts on; other heads only weigh confidence.
DETECTION_HEADS = {"ASSAULT": "190", "PROTEST": "140"}


class CharFeatures:
    """Hashed char n-gram vectors (sklearn ``HashingVectorizer``, built lazily)."""

    def __init__(self, n_features: int = N_FEATURES,
                 ngram_range: tuple[int, int] = NGRAMS) -> None:
        self.n_features = n_features
        self.ngram_range = ngram_range
        self._vectorizer: Any = None

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        """(n, n_features) sparse rows: 1 + log(tf), L2-normalised."""
        from sklearn.preprocessing import normalize

        from marsad.text.normalize import fold

        if self._vectorizer is None:
            from sklearn.feature_extraction.text import HashingVectorizer

            self._vectorizer = HashingVectorizer(
                analyzer="char_wb", ngram_range=self.ngram_range, n_features=self.n_features,
                alternate_sign=False, norm=None, lowercase=False)
        x = self._vectorizer.transform([fold(t) for t in texts]).astype(np.float32)
        x.data = 1.0 + np.log(x.data)
        return normalize(x)


@dataclass
class SentenceClassifier:
    """Independent logistic heads over sentence + trigger-window char n-gram blocks.

    ``weights`` is dense (heads x 2 * n_features, float32) in memory; only the used
    columns are stored on disk.
    """

    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    meta: dict[str, Any] = field(default_factory=dict)
    features: CharFeatures = field(default_factory=CharFeatures, repr=False)

    def __post_init__(self) -> None:
        n = int(self.meta.get("n_features") or self.weights.shape[1] // 2)
        ngrams = tuple(self.meta.get("ngram_range", NGRAMS))
        if self.weights.shape[1] != 2 * n:
            raise ValueError(f"weights have {self.weights.shape[1]} columns, expected {2 * n}")
        if (self.features.n_features, self.features.ngram_range) != (n, ngrams):
            self.features = CharFeatures(n, (int(ngrams[0]), int(ngrams[1])))

    def predict(self, texts: Sequence[str],
                windows: Sequence[Mapping[str, str]] | None = None) -> list[dict[str, float]]:
        """One {head: probability} dict per text; ``windows[i]`` maps a head to the
        trigger windows of text ``i`` (:mod:`marsad.events.windows`), absent = none."""
        if not texts:
            return []
        n = self.features.n_features
        z = np.asarray(self.features.transform(texts) @ self.weights[:, :n].T)
        cells = [(i, h, w[head]) for i, w in enumerate(windows or ())
                 for h, head in enumerate(self.labels) if w.get(head)]
        if cells:
            zw = np.asarray(self.features.transform([c[2] for c in cells])
                            @ self.weights[:, n:].T)
            rows = np.array([c[0] for c in cells])
            heads = np.array([c[1] for c in cells])
            # both blocks are unit vectors: the pair is normalised by sqrt(2)
            z[rows, heads] = (z[rows, heads] + zw[np.arange(len(cells)), heads]) / np.sqrt(2)
        probs = 1.0 / (1.0 + np.exp(-np.clip(z + self.bias, -30, 30)))
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probs]

    def save(self, path: Path) -> None:
        """Write the ``.npz`` model file (used columns only, float16 weights)."""
        cols = np.flatnonzero(np.any(self.weights != 0, axis=0)).astype(np.int32)
        meta = {**self.meta, "n_features": self.features.n_features,
                "ngram_range": list(self.features.ngram_range)}
        np.savez_compressed(path, cols=cols, W=self.weights[:, cols].astype(np.float16),
                            b=self.bias.astype(np.float32), labels=np.array(self.labels),
                            meta=np.array(json.dumps(meta)))

    @classmethod
    def from_file(cls, path: Path | str) -> SentenceClassifier:
        """Read a model written by :meth:`save` (``allow_pickle`` stays off)."""
        with np.load(path, allow_pickle=False) as data:
            labels = tuple(str(x) for x in data["labels"])
            meta = json.loads(str(data["meta"]))
            weights = np.zeros((len(labels), 2 * int(meta["n_features"])), dtype=np.float32)
            weights[:, data["cols"]] = data["W"].astype(np.float32)
            return cls(labels, weights, data["b"].astype(np.float32), meta)


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
                      dates: DatePicker, blocked: frozenset[str] = frozenset()) -> list[Event]:
    """Veto lexicon events of a detection head the classifier rejects (all of them, or
    only those with no coded actor: ``options.veto_scope``); add one event for a head
    the classifier is sure of when the lexicon found none of that type (and did not rule
    a trigger of that type out as not an event: ``blocked``)."""
    kept = [e for e in events
            if e.type not in DETECTION_HEADS or e.type not in prob
            or prob[e.type] >= options.veto(e.type)
            or (options.veto_scope == "unattributed" and _attributed(e))]
    for head, code in DETECTION_HEADS.items():
        p = prob.get(head)
        if p is None or p < options.add_above or head in blocked \
                or any(e.type == head for e in kept):
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


def _attributed(event: Event) -> bool:
    """A side of the event resolved to a coded actor."""
    return bool(event.source and event.source.code or event.target and event.target.code)
