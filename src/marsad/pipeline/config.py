"""Pipeline configuration: one frozen, validated object, built from plain data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: The full per-document pipeline, in order. Each name is a registered component.
DEFAULT_COMPONENTS: tuple[str, ...] = ("sentences", "timexes", "actors", "quotes", "events")

#: Modules whose import registers the built-in components.
BUILTIN_MODULES: tuple[str, ...] = (
    "marsad.pipeline.builtin",
    "marsad.events.dates.component",
    "marsad.actors.component",
    "marsad.statements.component",
    "marsad.events.component",
)

ERROR_POLICIES = ("strict", "collect")


@dataclass(frozen=True)
class PipelineConfig:
    """What to run and how: component names, per-component options, error policy.

    ``error_policy`` "strict" re-raises a component's exception (tests); "collect" turns
    it into a ``Rejected(stage=<component>, reason="component_error")`` (batch runs).
    """

    components: tuple[str, ...] = DEFAULT_COMPONENTS
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    error_policy: str = "collect"

    def __post_init__(self) -> None:
        if self.error_policy not in ERROR_POLICIES:
            raise ValueError(
                f"error_policy must be one of {ERROR_POLICIES}, not {self.error_policy!r}"
            )
        unknown = set(self.options) - set(self.components)
        if unknown:
            raise ValueError(f"options given for components not in the pipeline: {sorted(unknown)}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PipelineConfig:
        """Build from plain data (e.g. a parsed JSON or TOML file)."""
        allowed = {"components", "options", "error_policy"}
        extra = set(data) - allowed
        if extra:
            raise ValueError(
                f"unknown pipeline config keys {sorted(extra)}; allowed: {sorted(allowed)}"
            )
        return cls(
            components=tuple(data.get("components", DEFAULT_COMPONENTS)),
            options={k: dict(v) for k, v in data.get("options", {}).items()},
            error_policy=data.get("error_policy", "collect"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "components": list(self.components),
            "options": {k: dict(v) for k, v in self.options.items()},
            "error_policy": self.error_policy,
        }

    def fingerprint(self) -> str:
        """A stable hash of the configuration (for the run table)."""
        blob = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
