"""``marsad export events``: write the stored events as JSONL, CSV, Parquet, PLOVER or GDELT."""

from __future__ import annotations

from pathlib import Path

import click

from marsad.events.export import FORMATS, write_events


@click.group(name="export")
def command() -> None:
    """Export data from the store."""


@command.command(name="events")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("marsad.duckdb"), show_default=True, help="The store to read.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl",
              show_default=True, help="jsonl/csv/parquet: flat rows; plover: PLOVER JSON "
              "lines (CAMEO 01/02 skipped); gdelt: GDELT-like tab-separated rows.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="The file to write.")
@click.option("--asserted-only", is_flag=True,
              help="Leave out negated, future and hypothetical events.")
def events(db: Path, fmt: str, output: Path, asserted_only: bool) -> None:
    """Write every coded event in the store to OUTPUT."""
    from marsad.store import Store

    modalities = frozenset({"asserted"}) if asserted_only else None
    with Store.open(db, read_only=True) as store:
        n = write_events(store.iter_records(), output, fmt, modalities=modalities)
    click.echo(f"wrote {n} events to {output}", err=True)
