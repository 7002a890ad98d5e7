"""Evaluate statement detection on the case set and print metrics (and errors with -v).

Usage: PYTHONPATH=src python scripts/eval_statements.py [CASES.jsonl] [-v]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.statements.evaluate import evaluate, load_cases

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "statements_cases.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cases", nargs="?", default=str(DEFAULT))
    ap.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = ap.parse_args()
    metrics, errors = evaluate(load_cases(args.cases))
    print(json.dumps(metrics, indent=2))
    if args.verbose:
        for cid, errs in errors.items():
            print(f"\n{cid}")
            for e in errs:
                print("  " + e)


if __name__ == "__main__":
    main()
