"""The frozen options object that configures every reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from marsad.model import Meta

INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "html", "jsonl", "warc", "feed")

#: 50 MB: far above any real article page, small enough to keep a batch in memory.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("marsad")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.0.dev0"


def default_user_agent() -> str:
    """``marsad/<version> (+https://github.com/marsad-project)``."""
    return f"marsad/{_version()} (+https://github.com/marsad-project)"


@dataclass(frozen=True, kw_only=True)
class AcquireOptions:
    """How sources are read and fetched.

    ``title``/``outlet``/``published``/``url`` are metadata for inputs that carry none of
    their own (plain text, HTML files, stdin, a fetched page). They override what the
    page says; for JSONL lines, WARC records and feed entries they are only fallbacks
    (``outlet`` and ``published``), since one value cannot describe many stories.
    """

    input_format: str = "auto"
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    timeout: float = 20.0
    user_agent: str = field(default_factory=default_user_agent)
    rate_per_host: float = 1.0
    fetch_linked: bool = True
    max_redirects: int = 10

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input_format must be one of {', '.join(INPUT_FORMATS)}; "
                             f"got {self.input_format!r}")
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.timeout <= 0:
            raise ValueError(f"timeout must be positive seconds, got {self.timeout}")
        if self.rate_per_host < 0:
            raise ValueError(f"rate_per_host must be >= 0 seconds, got {self.rate_per_host}")
        if self.max_redirects < 0:
            raise ValueError(f"max_redirects must be >= 0, got {self.max_redirects}")
        if self.published is not None:
            _check_date(self.published)

    def override_meta(self) -> Meta:
        """Metadata from the options, for inputs without their own."""
        return Meta(title=self.title, outlet=self.outlet, published=self.published,
                    url=self.url)

    def fallback_meta(self) -> Meta:
        """The subset of option metadata that may fill gaps in many-story containers."""
        return Meta(outlet=self.outlet, published=self.published)


def _check_date(value: str) -> None:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published must be YYYY-MM-DD or ISO 8601 (e.g. 2024-05-01 or "
                         f"2024-05-01T10:00:00+03:00); got {value!r}") from None
