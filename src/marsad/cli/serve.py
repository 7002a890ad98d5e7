"""``marsad serve``: the HTTP API and the dashboard."""

from __future__ import annotations

import os

import click

from marsad.cli.ingest import DB_OPTION


def run_server(db: str, host: str, port: int, ingest_token: str | None = None) -> None:
    """Serve the API and dashboard until interrupted."""
    import uvicorn

    from marsad.api.app import create_app

    app = create_app(db, ingest_token=ingest_token)
    click.echo(f"marsad dashboard: http://{host}:{port}/   (API schema: http://{host}:{port}/openapi.json)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=int)
@click.option(
    "--ingest-token",
    envvar="MARSAD_INGEST_TOKEN",
    help="Enable POST /api/ingest, guarded by this bearer token (or $MARSAD_INGEST_TOKEN).",
)
def command(db: str, host: str, port: int, ingest_token: str | None) -> None:
    """Serve the HTTP API and the dashboard over DB (read-only unless a token is set)."""
    if not os.path.exists(db):
        raise click.ClickException(
            f"no database at {db}; run `marsad ingest` or `marsad demo` first"
        )
    run_server(db, host, port, ingest_token)
