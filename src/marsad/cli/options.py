"""Options shared by the commands that read inputs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

INPUT_FORMATS = ["auto", "text", "html", "jsonl", "warc", "feed"]


def input_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add the acquisition options of ``extract`` and ``ingest``."""
    decorators = [
        click.option(
            "--input-format",
            type=click.Choice(INPUT_FORMATS),
            default="auto",
            show_default=True,
            help="Reader to use; auto sniffs each input.",
        ),
        click.option("--published", help="Publication date (YYYY-MM-DD or ISO) for plain text."),
        click.option("--outlet", help="Outlet name for inputs that do not name one."),
        click.option("--url", help="Canonical URL for a single plain-text input."),
        click.option("--title", help="Title for a single plain-text input."),
        click.option(
            "--allow-private",
            is_flag=True,
            help="Allow fetching from private or loopback addresses.",
        ),
        click.option(
            "--max-bytes",
            type=int,
            default=50 * 1024 * 1024,
            show_default=True,
            help="Reject inputs larger than this.",
        ),
        click.option(
            "--manifest",
            type=click.Path(exists=True, dir_okay=False),
            help="JSON Lines of per-file metadata (file, title, outlet, published, url).",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(exists=True, dir_okay=False),
            help='Pipeline config as JSON: {"components": [...], "options": {...}, '
            '"error_policy": "collect"|"strict"}.',
        ),
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return fn


def pipeline_from_option(path: str | None) -> Any:
    """The pipeline described by a JSON config file, or the default pipeline."""
    import json

    from marsad.pipeline import Pipeline, PipelineConfig

    if not path:
        return Pipeline.from_config()
    try:
        with open(path, encoding="utf-8") as fh:
            config = PipelineConfig.from_dict(json.load(fh))
        return Pipeline.from_config(config)
    except (OSError, ValueError, KeyError) as exc:
        raise click.BadParameter(f"{path}: {exc}", param_hint="--config") from None


def acquire_kwargs(opts: dict[str, Any]) -> dict[str, Any]:
    """The acquisition options among a command's parsed options."""
    keys = (
        "input_format",
        "published",
        "outlet",
        "url",
        "title",
        "allow_private",
        "max_bytes",
        "manifest",
    )
    return {k: opts[k] for k in keys if opts.get(k) is not None}
