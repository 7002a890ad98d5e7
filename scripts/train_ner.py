"""Train marsad's CRF NER model from the CLEANANERCorp train split.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python scripts/train_ner.py            # train with pinned c1/c2
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --tune     # small c1/c2 grid first

The corpus is read from ``$MARSAD_SHARED/reference/ner/cleananercorp_TRAIN.txt``
(default ``../shared`` next to the repository). Every 10th sentence is held out as
dev (``marsad.actors.ner.holdout_split``) and never trained on; dev scores are
printed. L-BFGS is deterministic, so the same corpus and options give the same model.
The model is written to ``src/marsad/data/models/ner_crf.crfsuite``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import sklearn_crfsuite

from marsad.actors.ner import (
    TaggedSentence,
    holdout_split,
    load_lexicon,
    prf,
    read_conll,
    score_entities,
    sentence_features,
)

REPO = Path(__file__).resolve().parents[1]
MODEL_PATH = REPO / "src" / "marsad" / "data" / "models" / "ner_crf.crfsuite"
#: Chosen with --tune on the dev part (see bench/README.md, section NER).
C1, C2 = 0.05, 0.01
#: L-BFGS iterations; dev F1 is flat after about 150, and this keeps training ~1 minute.
MAX_ITERATIONS = 200
#: Size budget for the shipped model (must stay well under the 5 MB file limit).
MAX_MODEL_BYTES = 5_000_000
TUNE_GRID = {"c1": (0.05, 0.1, 0.3), "c2": (0.01, 0.05)}


def corpus_path() -> Path:
    """The CLEANANERCorp train file under $MARSAD_SHARED or ../shared."""
    shared = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
    return shared / "reference" / "ner" / "cleananercorp_TRAIN.txt"


def load_corpus(path: Path) -> list[TaggedSentence]:
    """Read the corpus; fail with a clear message if it is absent."""
    if not path.is_file():
        raise SystemExit(f"corpus not found: {path} (set MARSAD_SHARED)")
    with path.open(encoding="utf-8") as fh:
        return read_conll(fh)


def featurize(
    sentences: Sequence[TaggedSentence], lexicon: Mapping[str, str]
) -> tuple[list[list[dict[str, str]]], list[list[str]]]:
    """Feature sequences and gold tag sequences for CRFsuite."""
    xs = [sentence_features([t for t, _ in s], lexicon) for s in sentences]
    return xs, [[tag for _, tag in s] for s in sentences]


def fit(
    xs: list, ys: list, c1: float, c2: float, iterations: int, out: Path
) -> sklearn_crfsuite.CRF:
    """Train one CRF and write it to ``out``."""
    crf = sklearn_crfsuite.CRF(
        algorithm="lbfgs",
        c1=c1,
        c2=c2,
        max_iterations=iterations,
        all_possible_transitions=True,
        model_filename=str(out),
    )
    crf.fit(xs, ys)
    return crf


def dev_f1(crf: sklearn_crfsuite.CRF, xs: list, ys: list) -> float:
    """Entity-level micro-F1 of ``crf`` on featurised dev data."""
    return prf(*score_entities(ys, crf.predict(xs))["ALL"])[2]


def tune(train: tuple[list, list], dev: tuple[list, list], iterations: int) -> tuple[float, float]:
    """Grid-search c1/c2 on dev; returns the best pair."""
    best = (0.0, C1, C2)
    with tempfile.TemporaryDirectory() as tmp:
        for c1, c2 in itertools.product(TUNE_GRID["c1"], TUNE_GRID["c2"]):
            crf = fit(*train, c1, c2, iterations, Path(tmp) / "m.crfsuite")
            f1 = dev_f1(crf, *dev)
            print(f"c1={c1} c2={c2} dev micro-F1={f1:.4f}", file=sys.stderr)
            best = max(best, (f1, c1, c2))
    return best[1], best[2]


def main(argv: list[str] | None = None) -> None:
    """Train (optionally tune), report dev F1, and write the packaged model."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--output", type=Path, default=MODEL_PATH)
    ap.add_argument("--c1", type=float, default=C1)
    ap.add_argument("--c2", type=float, default=C2)
    ap.add_argument("--max-iterations", type=int, default=MAX_ITERATIONS)
    ap.add_argument("--tune", action="store_true", help="grid-search c1/c2 on dev first")
    args = ap.parse_args(argv)
    train, dev = holdout_split(load_corpus(args.corpus or corpus_path()))
    lexicon = load_lexicon()
    train_xy, dev_xy = featurize(train, lexicon), featurize(dev, lexicon)
    c1, c2 = tune(train_xy, dev_xy, args.max_iterations) if args.tune else (args.c1, args.c2)
    started = time.perf_counter()
    tmp = args.output.with_suffix(".tmp")
    crf = fit(*train_xy, c1, c2, args.max_iterations, tmp)
    seconds = time.perf_counter() - started
    size = tmp.stat().st_size
    # Score before the move: sklearn-crfsuite opens its model file lazily by path.
    f1 = dev_f1(crf, *dev_xy)
    if size > MAX_MODEL_BYTES:
        tmp.unlink()
        raise SystemExit(f"model is {size} bytes, over budget; raise --c1 to prune more")
    os.replace(tmp, args.output)
    print(
        f"train={len(train)} dev={len(dev)} sentences c1={c1} c2={c2} "
        f"iterations={args.max_iterations} time={seconds:.0f}s size={size / 1e6:.2f}MB "
        f"dev micro-F1={f1:.4f} -> {args.output}"
    )


if __name__ == "__main__":
    main()
