"""The per-document stage that runs inside Spark executors (plain Python, no pyspark).

Each partition builds its own :class:`~marsad.pipeline.Pipeline` from plain-data config,
turns every JSON Lines line into a :class:`~marsad.model.RawInput` with the same parser
the local JSONL reader uses, and streams tagged rows back: ``("record", row)`` per story
and ``("rejected", row)`` per rejection. Nothing here depends on which partition a line
landed in, so the output is the same for any partitioning.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from marsad.acquire import reasons
from marsad.acquire.jsonl import parse_line
from marsad.acquire.options import AcquireOptions
from marsad.acquire.records import Origin
from marsad.model import Document, RawInput, Rejected
from marsad.model.record import to_record
from marsad.pipeline.config import PipelineConfig
from marsad.pipeline.pipeline import Pipeline
from marsad.store.rows import parse_day

RECORD = "record"
REJECTED = "rejected"

#: One input line as shipped to executors: (source name, 1-based line number, raw bytes).
Line = tuple[str, int, bytes]
#: A tagged output row: (RECORD, (published_date, record_json)) or (REJECTED, rejection).
Tagged = tuple[str, tuple[Any, ...]]

_BOM = b"\xef\xbb\xbf"
#: Options that travel to executors; the rest of AcquireOptions concerns fetching.
ACQUIRE_KEYS: tuple[str, ...] = ("outlet", "published", "max_bytes")


def acquire_options(data: Mapping[str, Any]) -> AcquireOptions:
    """Rebuild the JSONL reader options from the plain data shipped to executors."""
    return AcquireOptions(input_format="jsonl",
                          **{k: v for k, v in data.items() if k in ACQUIRE_KEYS})


def read_line(source: str, number: int, line: bytes,
              options: AcquireOptions) -> RawInput | Rejected | None:
    """One JSONL line as the local reader sees it: an input, a rejection, or ``None`` (blank)."""
    locator = f"line {number}"
    if len(line) > options.max_bytes:
        return reasons.reject(reasons.TOO_LARGE,
                              f"line {number} is over {options.max_bytes} bytes", source, locator)
    if number == 1 and line.startswith(_BOM):
        line = line[len(_BOM):]
    if not line.strip():
        return None
    return parse_line(line.rstrip(b"\r\n"), Origin(source, locator, "jsonl"), options)


def record_row(doc: Document) -> tuple[date | None, str]:
    """A story as (publication day, contract record as JSON), the Parquet source of truth."""
    rec = to_record(doc)
    return parse_day(doc.meta.published), json.dumps(rec, ensure_ascii=False)


def rejected_row(rej: Rejected) -> tuple[str, str, str, str, str, str]:
    """A rejection as a flat quarantine row."""
    return rej.stage, rej.reason, rej.detail, rej.source, rej.locator, rej.sha256


def process_lines(lines: Iterable[Line], pipeline: Pipeline,
                  options: AcquireOptions) -> Iterator[Tagged]:
    """Run the pipeline over JSONL lines, yielding tagged record and rejection rows."""
    for source, number, line in lines:
        item = read_line(source, number, line, options)
        if item is None:
            continue
        if isinstance(item, Rejected):
            yield REJECTED, rejected_row(item)
            continue
        outcome = pipeline.process_raw(item)
        for doc in outcome.documents:
            yield RECORD, record_row(doc)
        for rej in outcome.rejected:
            yield REJECTED, rejected_row(rej)


def process_partition(config: Mapping[str, Any], acquire: Mapping[str, Any],
                      lines: Iterable[Line]) -> Iterator[Tagged]:
    """``mapPartitions`` body: build the pipeline once for this partition, then stream.

    The pipeline is built lazily, so an empty partition loads no model.
    """
    it = iter(lines)
    first = next(it, None)
    if first is None:
        return
    pipeline = Pipeline.from_config(PipelineConfig.from_dict(config))
    options = acquire_options(acquire)
    yield from process_lines(itertools.chain([first], it), pipeline, options)
