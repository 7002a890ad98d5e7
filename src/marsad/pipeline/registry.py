"""The component protocol and the registry of component factories."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, runtime_checkable

from marsad.model.document import Document


@runtime_checkable
class Component(Protocol):
    """A named, pure step: (document) -> document, with declared layer dependencies."""

    # Read-only members, so frozen dataclasses (the usual components) satisfy the protocol.
    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def provides(self) -> tuple[str, ...]: ...

    def __call__(self, doc: Document) -> Document: ...


Factory = Callable[[Mapping[str, Any]], Component]


class Registry:
    """Maps component names to factories. Built-ins register on import of their module."""

    def __init__(self) -> None:
        self._factories: dict[str, tuple[str, Factory]] = {}

    def register(self, name: str, version: str = "1") -> Callable[[Factory], Factory]:
        def deco(factory: Factory) -> Factory:
            if name in self._factories and self._factories[name][1] is not factory:
                raise ValueError(f"component {name!r} is registered twice")
            self._factories[name] = (version, factory)
            return factory

        return deco

    def create(self, name: str, options: Mapping[str, Any]) -> Component:
        if name not in self._factories:
            known = ", ".join(sorted(self._factories)) or "none"
            raise KeyError(f"unknown component {name!r}; known components: {known}")
        return self._factories[name][1](options)

    def version(self, name: str) -> str:
        return self._factories[name][0]

    def names(self) -> list[str]:
        return sorted(self._factories)


REGISTRY = Registry()


def register(name: str, version: str = "1") -> Callable[[Factory], Factory]:
    """Decorator registering a component factory under ``name`` in the default registry."""
    return REGISTRY.register(name, version)
