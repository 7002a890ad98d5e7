"""``marsad demo``: ingest the bundled demo corpus into a fresh store, then serve it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from marsad.cli.ingest import print_summary


def demo_corpus_path() -> Path:
    """The folder of the bundled demo corpus (inside the installed package)."""
    path = Path(str(resources.files("marsad.data") / "demo"))
    if not path.is_dir():
        raise click.ClickException(f"the demo corpus is missing from the package ({path})")
    return path


def demo_sources(root: Path) -> list[str]:
    """The demo's inputs: every article file, with the feed pages read through the feed."""
    sources = []
    for sub in ("text", "html", "jsonl", "warc", "feeds"):
        folder = root / sub
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in {".txt", ".html", ".jsonl", ".gz", ".xml"}:
                sources.append(str(path))
    return sources


@click.command("demo")
@click.option(
    "--db",
    default="marsad-demo.duckdb",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Store to (re)create for the demo.",
)
@click.option(
    "--serve/--no-serve",
    default=True,
    show_default=True,
    help="Serve the dashboard when ingest is done.",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=int)
def command(db: str, serve: bool, host: str, port: int) -> None:
    """Ingest the bundled demo corpus into a fresh store and serve the dashboard."""
    from marsad.runner import ingest

    for suffix in ("", ".wal"):
        Path(db + suffix).unlink(missing_ok=True)
    root = demo_corpus_path()
    summary = ingest(demo_sources(root), db, command="demo", manifest=str(root / "manifest.jsonl"))
    print_summary(summary)
    if serve:
        from marsad.cli.serve import run_server

        run_server(db, host, port)
