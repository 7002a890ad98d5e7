"""``marsad quotes``: list stored statements, filtered by speaker, actor, outlet and date."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

#: Columns of the table format, in order, with their widths (content is cut to fit).
_TABLE = (("published", 10), ("outlet", 14), ("speaker", 24), ("kind", 8), ("via", 18),
          ("content", 60))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _cell(row: dict[str, Any], key: str) -> str:
    if key == "speaker":
        text = row.get("speaker_text") or "(unresolved)"
        code = row.get("speaker_code")
        value = f"{text} [{code}]" if code else text
        return value + (" (anon)" if row.get("anonymous") else "")
    if key == "via":
        return ", ".join(row.get("via") or [])
    value = row.get(key)
    return "" if value is None else str(value)


def format_table(rows: list[dict[str, Any]]) -> str:
    """Rows as a fixed-width text table (one statement a line)."""
    def fit(text: str, width: int) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(name.ljust(w) for name, w in _TABLE)]
    lines += ["  ".join(fit(_cell(r, name), w).ljust(w) for name, w in _TABLE) for r in rows]
    return "\n".join(lines)


@click.command("quotes")
@click.option("--db", default="marsad.duckdb", show_default=True, help="Store to read.")
@click.option("--speaker", help="Speaker text contains this (Arabic, folded match in the store).")
@click.option("--actor", help="Speaker entity id or actor code (e.g. USAGOV).")
@click.option("--outlet", help="Publishing outlet.")
@click.option("--from", "date_from", callback=_date, help="Earliest publication date, YYYY-MM-DD.")
@click.option("--to", "date_to", callback=_date, help="Latest publication date, YYYY-MM-DD.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100000))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def command(db: str, speaker: str | None, actor: str | None, outlet: str | None,
            date_from: str | None, date_to: str | None, limit: int, fmt: str) -> None:
    """List statements (who said what, via whom) from the store."""
    from marsad.store import Store

    with Store.open(db, read_only=True) as st:
        rows = st.query_quotes(speaker=speaker, actor=actor, outlet=outlet,
                               date_from=date_from, date_to=date_to, limit=limit)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    else:
        click.echo(format_table(rows))
