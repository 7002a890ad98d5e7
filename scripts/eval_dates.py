"""Accuracy of the Arabic date layer on our case table and on dateparser's Arabic cases.

Usage: PYTHONPATH=src .venv/bin/python scripts/eval_dates.py [--failures]
The dateparser cases are read from $MARSAD_SHARED (default: ../shared from the repo root)
at run time; they are never copied into the repo.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from marsad.events.dates.evaluate import Report, adapt_reference, load_cases, score

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "data" / "date_cases.tsv"
REFERENCE = Path("reference") / "dates" / "arabic_date_cases_from_dateparser_tests.tsv"


def shared_dir() -> Path:
    return Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))


def show(name: str, report: Report, failures: bool) -> None:
    print(f"{name}: {report.correct}/{report.total} = {report.accuracy:.3f}")
    for kind, n in sorted(report.skipped.items()):
        print(f"  skipped {n}: {kind}")
    if failures:
        for case, got in report.failures:
            print(f"  FAIL {case.expression!r} base={case.base} expected={case.value} "
                  f"({case.precision}) got={got}  # {case.comment}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list every failing case")
    args = ap.parse_args()
    t0 = time.perf_counter()
    show("own cases", score(load_cases(OWN.read_text(encoding="utf-8"))), args.failures)
    ref_path = shared_dir() / REFERENCE
    if ref_path.exists():
        cases, skipped = adapt_reference(ref_path.read_text(encoding="utf-8"))
        report = score(cases)
        report.skipped = skipped
        show("dateparser cases", report, args.failures)
    else:
        print(f"dateparser cases: skipped ({ref_path} not found; set MARSAD_SHARED)")
    print(f"time: {time.perf_counter() - t0:.2f}s")


if __name__ == "__main__":
    main()
