"""``marsad stories``: story clusters across outlets."""

from __future__ import annotations

import json

import click

from marsad.cli.ingest import DB_OPTION


@click.command("stories")
@DB_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option(
    "--min-outlets",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Only stories covered by at least this many outlets.",
)
@click.option(
    "--rebuild", is_flag=True, help="Recompute duplicates, stories and merged events first."
)
@click.option("--limit", type=click.IntRange(1, 100_000), default=1000, show_default=True)
def command(db: str, fmt: str, min_outlets: int, rebuild: bool, limit: int) -> None:
    """Print one story per line: id, label, time span, outlets and member record ids."""
    from marsad.store import Store

    if rebuild:
        from marsad.corpus.build import build_corpus

        with Store.open(db) as store:
            click.echo(json.dumps(build_corpus(store).to_json()), err=True)
    with Store.open(db, read_only=True) as store:
        stories = store.query_stories(limit=limit, min_outlets=min_outlets)
    for s in stories:
        if fmt == "jsonl":
            click.echo(json.dumps(s, ensure_ascii=False))
        else:
            click.echo(
                f"{s['id']}  {s['start']}..{s['end']}  {s['n_articles']:>3} articles  "
                f"{', '.join(s['outlets'])}  | {s['label']}"
            )
