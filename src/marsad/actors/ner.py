"""Statistical Arabic named-entity recogniser (linear-chain CRF over ANERcorp labels).

The model is a CRFsuite file shipped in ``marsad.data.models``; it is trained by
``scripts/train_ner.py`` from the CLEANANERCorp train split and evaluated by
``scripts/eval_ner.py``. Labels are ANERcorp BIO tags over PERS, LOC, ORG and MISC.

Features are morphological and contextual: surface and folded form, clitic-stripped
stems, affixes, shape, digits, a small cue lexicon shipped next to the model
(``ner_lexicon.txt``: titles, place and organisation heads, common first names,
countries and cities) and the same for neighbours within two tokens. The feature
function lives here so that training and tagging can never drift apart.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from types import MappingProxyType

from marsad.actors.tokenize import tokenize
from marsad.text.normalize import fold

__all__ = [
    "ENTITY_TYPES",
    "MODEL_PACKAGE",
    "MODEL_RESOURCE",
    "NerModelMissing",
    "NerTagger",
    "entity_spans",
    "find_entities",
    "holdout_split",
    "load_lexicon",
    "read_conll",
    "score_entities",
    "sentence_features",
    "split_clitics",
]

ENTITY_TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")
MODEL_PACKAGE = "marsad.data.models"
MODEL_RESOURCE = "ner_crf.crfsuite"
LEXICON_RESOURCE = "ner_lexicon.txt"
TRAIN_HINT = (
    "run `PYTHONPATH=src python scripts/train_ner.py` from the repository root "
    "(it reads ../shared/reference/ner/cleananercorp_TRAIN.txt or $MARSAD_SHARED)"
)


class NerModelMissing(RuntimeError):
    """The packaged CRF model file is absent; it must be trained first."""


def parse_lexicon(lines: Iterable[str]) -> Mapping[str, str]:
    """Parse ``CLASS word word ...`` lines into ``{folded word: "CLASS[+CLASS]"}``."""
    classes: dict[str, set[str]] = {}
    for line in lines:
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        for word in parts[1:]:
            classes.setdefault(fold(word), set()).add(parts[0])
    return MappingProxyType({w: "+".join(sorted(c)) for w, c in classes.items()})


def load_lexicon(
    package: str = MODEL_PACKAGE, resource: str = LEXICON_RESOURCE
) -> Mapping[str, str]:
    """Read the cue lexicon (titles, place and organisation heads, common names)."""
    try:
        text = resources.files(package).joinpath(resource).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise NerModelMissing(f"NER lexicon {package}/{resource} is missing") from exc
    return parse_lexicon(text.splitlines())


#: Proclitic chains that end in the article: (و|ف)? (ب|ك|ل)? ال, and the contracted لل.
_ARTICLE_CHAINS: tuple[str, ...] = tuple(
    sorted(
        {c + p + "ال" for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل")}
        | {c + "لل" for c in ("", "و", "ف")},
        key=len,
        reverse=True,
    )
)
_SINGLE_CLITICS = "وفبلك"


def split_clitics(folded: str) -> tuple[str, str]:
    """Split an article-bearing proclitic chain off a folded word: ``(chain, stem)``.

    Only chains ending in the article are removed (والرئيس, بالعاصمة, للأمم), and only
    when two letters remain. A bare و/ف/ب/ل/ك is left alone here because many stems
    begin with those letters (وزير, فرنسا, لبنان); :func:`sentence_features` offers the
    one-letter-stripped form as a separate, weaker feature instead.
    """
    for chain in _ARTICLE_CHAINS:
        if folded.startswith(chain) and len(folded) - len(chain) >= 2:
            return chain, folded[len(chain) :]
    return "", folded


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3":
            cls = "A"
        elif ch.isdigit():
            cls = "D"
        elif ch.isalpha():
            cls = "L" if ch.isascii() else "X"
        else:
            cls = "P"
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)


def _token_features(word: str, lexicon: Mapping[str, str]) -> dict[str, str]:
    """Features of one token on its own; neighbours reuse a subset of them."""
    n = fold(word) or word  # a token of only tatweel or marks folds to ""
    pre, stem = split_clitics(n)
    feats = {
        "w": word,
        "n": n,
        "stem": stem,
        "pre": pre,
        "shape": _shape(word),
        "p2": stem[:2],
        "p3": stem[:3],
        "s1": n[-1:],
        "s2": n[-2:],
        "s3": n[-3:],
        "len": str(min(len(stem), 8)),
        "lex": lexicon.get(n) or lexicon.get(stem, ""),
    }
    if not pre and len(n) >= 4 and n[0] in _SINGLE_CLITICS:
        feats["c1"] = n[1:]
    if any(ch.isdigit() for ch in word):
        feats["digits"] = "all" if word.isdigit() else "some"
    # Empty values would only add useless "key=" features to the model.
    return {k: v for k, v in feats.items() if v}


#: Token features copied from neighbours, by distance. Nearer neighbours carry more.
_CONTEXT: tuple[tuple[int, tuple[str, ...]], ...] = (
    (-2, ("n", "stem", "lex")),
    (-1, ("n", "stem", "pre", "lex", "shape", "s2")),
    (1, ("n", "stem", "pre", "lex", "shape", "s2")),
    (2, ("n", "stem", "lex")),
)


def sentence_features(tokens: Sequence[str], lexicon: Mapping[str, str]) -> list[dict[str, str]]:
    """CRF feature dicts for one sentence of tokens (shared by training and tagging)."""
    base = [_token_features(t, lexicon) for t in tokens]
    out: list[dict[str, str]] = []
    for i, own in enumerate(base):
        feats = dict(own)
        for offset, keys in _CONTEXT:
            j = i + offset
            if 0 <= j < len(base):
                feats.update({f"{offset}:{k}": base[j][k] for k in keys if k in base[j]})
            elif abs(offset) == 1:
                feats[f"{offset}:n"] = "<S>" if offset < 0 else "</S>"
        if i > 0:
            feats["-1|0"] = f"{base[i - 1]['n']}|{own['n']}"
        if i + 1 < len(base):
            feats["0|+1"] = f"{own['n']}|{base[i + 1]['n']}"
        out.append(feats)
    return out


def entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, type)`` of the BIO chunks in ``tags`` (conlleval rules).

    A chunk starts at a B- tag, or at an I- tag whose type differs from the previous
    tag's (a stray I- after O opens a chunk, as conlleval counts it).
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans


class NerTagger:
    """A loaded CRF model. Use :meth:`load`; one instance may be shared by threads."""

    def __init__(self, tagger: object, lexicon: Mapping[str, str], model: bytes = b"") -> None:
        self._tagger = tagger
        # CRFsuite reads an in-memory model in place without copying it, so the bytes
        # must live as long as the tagger (dropping them crashes the process).
        self._model = model
        self._lexicon = lexicon
        # pycrfsuite keeps per-call state inside the tagger, so calls are serialised.
        self._lock = threading.Lock()

    @classmethod
    def load(cls, package: str = MODEL_PACKAGE, resource: str = MODEL_RESOURCE) -> NerTagger:
        """Load the packaged model (raises :class:`NerModelMissing` if it is absent)."""
        import pycrfsuite  # imported here so that importing this module stays cheap

        try:
            data = resources.files(package).joinpath(resource).read_bytes()
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise NerModelMissing(
                f"NER model {package}/{resource} is missing; {TRAIN_HINT}"
            ) from exc
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(data)
        return cls(tagger, load_lexicon(package), data)

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (B-PERS, I-LOC, O, ...) for one sentence of tokens."""
        if not tokens:
            return []
        feats = sentence_features(tokens, self._lexicon)
        with self._lock:
            return list(self._tagger.tag(feats))  # type: ignore[attr-defined]

    def find_entities(self, text: str) -> list[tuple[int, int, str]]:
        """Entity character spans ``(start, end, label)`` in ``text``, in text order."""
        out: list[tuple[int, int, str]] = []
        for sentence in _sentences(tokenize(text), text):
            tags = self.tag([text[a:b] for a, b in sentence])
            out.extend(
                (sentence[s][0], sentence[e - 1][1], label) for s, e, label in entity_spans(tags)
            )
        return out


#: Tokens after which a new sentence starts; the model was trained sentence by sentence.
_SENTENCE_END = frozenset({".", "!", "?", "؟", "...", "…"})


def _sentences(offsets: Iterable[tuple[int, int]], text: str) -> list[list[tuple[int, int]]]:
    sentences: list[list[tuple[int, int]]] = [[]]
    for start, end in offsets:
        sentences[-1].append((start, end))
        if text[start:end] in _SENTENCE_END:
            sentences.append([])
    return [s for s in sentences if s]


@functools.lru_cache(maxsize=1)
def default_tagger() -> NerTagger:
    """The packaged model, loaded on first use and then reused."""
    return NerTagger.load()


def find_entities(text: str) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` in ``text`` using the packaged model."""
    return default_tagger().find_entities(text)


# Evaluation helpers, shared by the scripts, the tests and ``marsad ner``.

TaggedSentence = list[tuple[str, str]]


def read_conll(lines: Iterable[str]) -> list[TaggedSentence]:
    """Read ``token [TAG]`` lines into sentences of ``(token, tag)`` pairs.

    Sentences end at blank lines and also after sentence-final punctuation tokens,
    because not every release of ANERcorp separates sentences with blank lines and
    the tagger splits raw text the same way. A missing tag column reads as "O".
    """
    sentences: list[TaggedSentence] = [[]]
    for line in lines:
        parts = line.split()
        if not parts:
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append((parts[0], parts[-1] if len(parts) > 1 else "O"))
        if parts[0] in _SENTENCE_END:
            sentences.append([])
    return [s for s in sentences if s]


#: Every DEV_EVERY-th sentence (index % DEV_EVERY == DEV_EVERY - 1) is held out as dev.
DEV_EVERY = 10


def holdout_split(
    sentences: Sequence[TaggedSentence], every: int = DEV_EVERY
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """Deterministic ``(train, dev)`` split: every ``every``-th sentence goes to dev."""
    train = [s for i, s in enumerate(sentences) if i % every != every - 1]
    dev = [s for i, s in enumerate(sentences) if i % every == every - 1]
    return train, dev


def score_entities(
    gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]
) -> dict[str, tuple[int, int, int]]:
    """Exact span-and-type match counts ``{type: (tp, fp, fn)}`` plus ``"ALL"`` (micro)."""
    counts = {t: [0, 0, 0] for t in (*ENTITY_TYPES, "ALL")}
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        g, p = set(entity_spans(gold_tags)), set(entity_spans(pred_tags))
        for spans, slot in ((g & p, 0), (p - g, 1), (g - p, 2)):
            for span in spans:
                counts.setdefault(span[2], [0, 0, 0])[slot] += 1
                counts["ALL"][slot] += 1
    return {t: (c[0], c[1], c[2]) for t, c in counts.items()}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from match counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
