"""``marsad extract``: contract records as JSON Lines, nothing stored."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from marsad.cli.options import acquire_kwargs, input_options, pipeline_from_option


@click.command("extract")
@click.argument("sources", nargs=-1, required=True)
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--rejected/--no-rejected",
    default=True,
    show_default=True,
    help="Report rejected inputs on stderr.",
)
def command(sources: tuple[str, ...], output: str | None, rejected: bool, **opts: Any) -> None:
    """Extract one JSON record per story from SOURCES (files, folders, globs, URLs, -)."""
    from marsad.runner import extract

    pipeline = pipeline_from_option(opts.get("config_path"))
    result = extract(*sources, pipeline=pipeline, **acquire_kwargs(opts))
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for rec in result.records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    if rejected:
        for rej in result.rejected:
            click.echo(
                f"rejected [{rej.reason}] {rej.source} {rej.locator}: {rej.detail}", err=True
            )
    click.echo(f"{len(result.documents)} stories, {len(result.rejected)} rejected", err=True)
