"""Library entry points behind the CLI: extract (no store) and ingest (into the store)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.model.document import Document, Meta, Provenance, RawInput, Rejected
from marsad.model.record import to_record
from marsad.pipeline.config import PipelineConfig
from marsad.pipeline.pipeline import Outcome, Pipeline

#: Raw inputs per store transaction: small enough that a killed run loses little work,
#: large enough that commit overhead stays negligible.
DEFAULT_BATCH = 50


@dataclass
class Extraction:
    """Stories and rejections from one :func:`extract` call."""

    documents: list[Document] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def records(self) -> list[dict[str, Any]]:
        return [to_record(d) for d in self.documents]


def raw_from_text(
    content: str, *, format: str = "text", meta: Meta | None = None, source: str = "<string>"
) -> RawInput:
    """Wrap a string as a raw input with a content-derived, stable id."""
    sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return RawInput(
        id=f"{format}-{sha[:16]}",
        format=format,
        content=content,
        provenance=Provenance(source=source, sha256=sha, encoding="utf-8", input_format=format),
        meta=meta or Meta(),
    )


def acquire(
    sources: Sequence[str], *, manifest: str | Path | None = None, **options: Any
) -> Iterator[RawInput | Rejected]:
    """Read sources (paths, folders, globs, "-", URLs) into raw inputs or rejections.

    ``manifest`` names a JSON Lines file of per-file metadata (see
    :mod:`marsad.acquire.manifest`).
    """
    from marsad.acquire import AcquireOptions, iter_inputs
    from marsad.acquire.manifest import apply_manifest, load_manifest

    items = iter_inputs(list(sources), AcquireOptions(**options))
    return apply_manifest(items, load_manifest(manifest)) if manifest else items


def extract(
    *sources: str | Path,
    text: str | None = None,
    html: str | None = None,
    pipeline: Pipeline | None = None,
    config: PipelineConfig | None = None,
    **options: Any,
) -> Extraction:
    """Extract contract records from sources, or from a ``text``/``html`` string.

    ``options`` are acquisition options (``input_format``, ``published``, ``outlet``,
    ``url``, ``title``, ``allow_private``...). Nothing is stored.
    """
    pipe = pipeline or Pipeline.from_config(config)
    items: Iterable[RawInput | Rejected]
    if text is not None or html is not None:
        meta = Meta(
            title=options.get("title"),
            outlet=options.get("outlet"),
            published=options.get("published"),
            url=options.get("url"),
        )
        content, fmt = (html, "html") if html is not None else (text or "", "text")
        items = [raw_from_text(content, format=fmt, meta=meta)]
    else:
        items = acquire([str(s) for s in sources], **options)
    out = Extraction()
    for outcome in pipe.run(items):
        out.documents.extend(outcome.documents)
        out.rejected.extend(outcome.rejected)
    return out


@dataclass
class IngestSummary:
    run_id: str
    inputs: int = 0
    skipped_seen: int = 0
    counts: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, int] | None = None


ProgressFn = Callable[[int], None]


def ingest(
    sources: Sequence[str],
    db: str | Path,
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: ProgressFn | None = None,
    command: str = "ingest",
    corpus: bool = True,
    **options: Any,
) -> IngestSummary:
    """Run the pipeline over sources into the store, one transaction per batch.

    Idempotent: raw inputs already stored are skipped before cleaning, and stories are
    keyed by content hash, so re-running (also after a killed run) adds no duplicates.
    With ``corpus`` (the default), duplicates, stories and merged events are rebuilt
    at the end when the run changed the stored stories.
    """
    from marsad.store import Store, WriteCounts

    pipe = pipeline or Pipeline.from_config()
    with Store.open(db) as store:
        run_id = store.start_run(
            command,
            {"pipeline": pipe.config.to_dict(), "sources": list(sources), "options": options},
            pipe.versions(),
            pipe.resource_hashes(),
        )
        summary = IngestSummary(run_id)
        total = WriteCounts()
        items = acquire(sources, **options)
        for chunk in _batched(items, batch_size):
            docs, rejected, done = _process_chunk(pipe, store, chunk, summary)
            total.add(store.write_batch(run_id, docs, rejected, done))
            if progress:
                progress(len(chunk))
        summary.counts = total.to_json()
        if corpus and (total.stored or total.replaced):
            from marsad.corpus.build import build_corpus

            summary.corpus = build_corpus(store).to_json()
        store.finish_run(
            run_id,
            {
                **summary.counts,
                "inputs": summary.inputs,
                "skipped_seen": summary.skipped_seen,
                "corpus": summary.corpus,
            },
        )
    return summary


def _process_chunk(
    pipe: Pipeline, store: Any, chunk: list[RawInput | Rejected], summary: IngestSummary
) -> tuple[list[Document], list[Rejected], list[tuple[str, str, str, int]]]:
    docs: list[Document] = []
    rejected: list[Rejected] = []
    done: list[tuple[str, str, str, int]] = []
    for item in chunk:
        summary.inputs += 1
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        prov = item.provenance
        if prov.sha256 and store.seen_raw(prov.sha256):
            summary.skipped_seen += 1
            continue
        outcome: Outcome = pipe.process_raw(item)
        docs.extend(outcome.documents)
        rejected.extend(outcome.rejected)
        if prov.sha256:
            done.append((prov.sha256, prov.source, prov.locator, len(outcome.documents)))
    return docs, rejected, done


def _batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk
