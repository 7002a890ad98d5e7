"""``marsad ingest`` and ``marsad stats``."""

from __future__ import annotations

import json
from typing import Any

import click

from marsad.cli.options import acquire_kwargs, input_options, pipeline_from_option

DB_OPTION = click.option(
    "--db",
    default="marsad.duckdb",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="DuckDB database file.",
)


def print_summary(summary: Any) -> None:
    c = summary.counts
    click.echo(
        f"run {summary.run_id}: {summary.inputs} inputs, {c['stored']} stories stored, "
        f"{c['unchanged']} unchanged, {c['replaced']} replaced, "
        f"{summary.skipped_seen} inputs already ingested, {c['quarantined']} quarantined"
    )
    for reason, n in c["reasons"].items():
        click.echo(f"  quarantined {reason}: {n}")
    if summary.corpus:
        k = summary.corpus
        click.echo(
            f"  corpus: {k['stories']} stories ({k['multi_outlet_stories']} across outlets), "
            f"{k['exact_duplicates']} exact and {k['near_duplicates']} near duplicates, "
            f"{k['event_mentions']} event mentions merged into {k['canonical_events']} events"
        )


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@DB_OPTION
@input_options
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=50,
    show_default=True,
    help="Inputs per transaction.",
)
@click.option("--progress/--no-progress", default=True, show_default=True)
def command(
    sources: tuple[str, ...], db: str, batch_size: int, progress: bool, **opts: Any
) -> None:
    """Run the pipeline over SOURCES into the store (idempotent)."""
    from tqdm import tqdm

    from marsad.runner import ingest

    pipeline = pipeline_from_option(opts.get("config_path"))
    with tqdm(unit=" inputs", disable=not progress, leave=False) as bar:
        summary = ingest(
            list(sources),
            db,
            pipeline=pipeline,
            batch_size=batch_size,
            progress=bar.update,
            **acquire_kwargs(opts),
        )
    print_summary(summary)


@click.command("stats")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str, as_json: bool) -> None:
    """Counts of stored stories, actors, statements, events and quarantined inputs."""
    from marsad.store import Store

    try:
        store = Store.open(db, read_only=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    with store:
        data = store.stats()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key in ("documents", "entities", "quotes", "events", "quarantine", "runs"):
        click.echo(f"{key:>12}: {data[key]}")
    click.echo(f"{'published':>12}: {data['published'][0]} .. {data['published'][1]}")
    for reason, n in data["quarantine_reasons"].items():
        click.echo(f"{'':>12}  quarantined {reason}: {n}")
