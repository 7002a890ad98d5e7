"""The per-document pipeline: named components, checked when the pipeline is built."""

from __future__ import annotations

import hashlib
import importlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.model.document import Document, RawInput, Rejected
from marsad.pipeline.config import BUILTIN_MODULES, PipelineConfig
from marsad.pipeline.registry import REGISTRY, Component, Registry

log = logging.getLogger(__name__)

#: Layers that exist as soon as cleaning has produced a document.
INITIAL_LAYERS: frozenset[str] = frozenset({"text", "language"})


#: Package data folders whose files shape the output (the demo corpus does not).
RESOURCE_DIRS: tuple[str, ...] = ("kb", "lexicons", "models")


def packaged_resource_hashes() -> dict[str, str]:
    """``data/<dir>/<file>`` -> sha256 for the packaged resources."""
    from importlib import resources

    out: dict[str, str] = {}
    root = resources.files("marsad.data")
    for name in RESOURCE_DIRS:
        folder = root / name
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file() and not entry.name.endswith((".py", ".pyc")):
                out[f"data/{name}/{entry.name}"] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return out


class PipelineConfigError(ValueError):
    """A pipeline whose components' requirements cannot be met, with the full picture."""


def load_builtins() -> None:
    """Import the modules whose import registers the built-in components."""
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def check_order(components: Iterable[Component]) -> None:
    """Raise :class:`PipelineConfigError` unless each component's requirements come first."""
    have = set(INITIAL_LAYERS)
    problems = []
    for comp in components:
        missing = [r for r in comp.requires if r not in have]
        if missing:
            problems.append(
                f"component {comp.name!r} requires {missing}, which no earlier component provides"
            )
        have.update(comp.provides)
    if problems:
        raise PipelineConfigError(
            "; ".join(problems) + f". Layers available in order: {sorted(have)}"
        )


@dataclass(frozen=True)
class Outcome:
    """The result of running one raw input: its stories, or why it was rejected."""

    documents: tuple[Document, ...]
    rejected: tuple[Rejected, ...]


class Pipeline:
    """Runs cleaning and then each named component over documents.

    Build with :meth:`from_config`; requirements are checked at build time, so a
    misconfigured pipeline fails at start-up rather than at document 10,000.
    """

    def __init__(
        self, config: PipelineConfig, components: list[Component], registry: Registry = REGISTRY
    ) -> None:
        check_order(components)
        self.config = config
        self.components = components
        self._registry = registry

    @classmethod
    def from_config(
        cls, config: PipelineConfig | None = None, registry: Registry = REGISTRY
    ) -> Pipeline:
        config = config or PipelineConfig()
        if registry is REGISTRY:
            load_builtins()
        comps = [registry.create(n, config.options.get(n, {})) for n in config.components]
        return cls(config, comps, registry)

    def versions(self) -> dict[str, str]:
        """Component name -> registered version, for the run table."""
        return {c.name: self._registry.version(c.name) for c in self.components}

    def resource_hashes(self) -> dict[str, str]:
        """sha256 of every packaged resource (knowledge base, lexicons, models), plus any
        a component declares through a ``resources()`` method, for the run table."""
        out = packaged_resource_hashes()
        for comp in self.components:
            resources = getattr(comp, "resources", None)
            if callable(resources):
                out.update(resources())
        return out

    def process(self, doc: Document) -> Document | Rejected:
        """Run every component over one cleaned document."""
        for comp in self.components:
            try:
                doc = comp(doc)
            except Exception as exc:  # noqa: BLE001 - the error policy decides
                if self.config.error_policy == "strict":
                    raise
                log.warning("component %s failed on %s: %s", comp.name, doc.id, exc)
                return Rejected(
                    comp.name,
                    "component_error",
                    f"{type(exc).__name__}: {exc}",
                    doc.provenance.source,
                    doc.provenance.locator,
                    doc.provenance.sha256,
                )
        return doc

    def process_raw(self, raw: RawInput, clean_options: Any = None) -> Outcome:
        """Clean one raw input into stories and run the pipeline over each."""
        from marsad.clean import extract_documents

        try:
            cleaned = extract_documents(raw, clean_options)
        except Exception as exc:  # noqa: BLE001 - the error policy decides
            if self.config.error_policy == "strict":
                raise
            log.warning("cleaning failed on %s: %s", raw.id, exc)
            return Outcome(
                (),
                (
                    Rejected(
                        "clean",
                        "component_error",
                        f"{type(exc).__name__}: {exc}",
                        raw.provenance.source,
                        raw.provenance.locator,
                        raw.provenance.sha256,
                    ),
                ),
            )
        if isinstance(cleaned, Rejected):
            return Outcome((), (cleaned,))
        docs: list[Document] = []
        rejected: list[Rejected] = []
        for doc in cleaned:
            result = self.process(doc)
            if isinstance(result, Rejected):
                rejected.append(result)
            else:
                docs.append(result)
        return Outcome(tuple(docs), tuple(rejected))

    def run(
        self, items: Iterable[RawInput | Rejected], clean_options: Any = None
    ) -> Iterator[Outcome]:
        """Process a stream of acquired inputs; acquisition rejections pass through."""
        for item in items:
            if isinstance(item, Rejected):
                yield Outcome((), (item,))
            else:
                yield self.process_raw(item, clean_options)
