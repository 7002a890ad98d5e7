"""``marsad actors``: look up the knowledge base, tag text, import external dictionaries."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group("actors")
def command() -> None:
    """Actor knowledge base: lookup, tagging and dictionary import."""


@command.command("lookup")
@click.argument("name")
@click.option("--date", default=None, help="YYYY-MM-DD for the code (default: latest role).")
@click.option("--limit", default=10, show_default=True)
def lookup(name: str, date: str | None, limit: int) -> None:
    """Find entries by Arabic or English NAME; prints one JSON object per entry."""
    from marsad.actors.kb import load_kb

    kb = load_kb()
    for e in kb.search(name, limit=limit):
        click.echo(json.dumps({
            "id": e.id, "type": e.type, "name_en": e.name_en, "names_ar": list(e.names_ar),
            "code": e.code_on(date), "country": e.country, "wikidata": e.wikidata,
            "roles": [[r.code, r.office, r.start, r.end] for r in e.roles],
        }, ensure_ascii=False))


@command.command("info")
def info() -> None:
    """Knowledge-base version, hash and entry counts."""
    from collections import Counter

    from marsad.actors.kb import load_kb

    kb = load_kb()
    counts = Counter(e.type for e in kb.entries.values())
    click.echo(json.dumps({"version": kb.version, "sha256": kb.sha256, "entries": len(kb),
                           "by_type": dict(sorted(counts.items()))}))


@command.command("tag")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD).")
@click.option("--no-ner", is_flag=True, help="Knowledge base only.")
def tag(published: str | None, no_ner: bool) -> None:
    """Tag text read from stdin; prints the entities as JSON lines."""
    from marsad.actors.component import make
    from marsad.model import Document, Meta, OffsetMap, Provenance

    text = sys.stdin.read()
    doc = Document(id="stdin", original=text, text=text, offsets=OffsetMap.identity(len(text)),
                   provenance=Provenance(source="stdin"), meta=Meta(published=published))
    out = make({"ner": not no_ner})(doc)
    for e in out.entities:
        click.echo(json.dumps(e.to_json(out.text), ensure_ascii=False))


@command.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["petrarch", "csv"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the imported entries as a KB TSV file for review.")
@click.option("--show", default=20, show_default=True, help="Problems/conflicts to list.")
def import_(path: Path, fmt: str, output: Path | None, show: int) -> None:
    """Import an actor dictionary; reports malformed lines and conflicts with the KB."""
    from marsad.actors.importers import import_csv, import_petrarch, to_tsv
    from marsad.actors.kb import load_kb

    text = path.read_text(encoding="utf-8")
    reader = import_petrarch if fmt == "petrarch" else import_csv
    result = reader(text, load_kb())
    for p in result.problems[:show]:
        click.echo(f"line {p.line}: {p.message}: {p.text.strip()}", err=True)
    for c in result.conflicts[:show]:
        click.echo(f"line {c.line}: conflict: {c.name} is {c.kb_id} ({c.kb_code}) in the KB, "
                   f"{c.imported_code} in the file", err=True)
    if output is not None:
        output.write_text(to_tsv(result.entries), encoding="utf-8")
    click.echo(json.dumps({"entries": len(result.entries), "malformed": len(result.problems),
                           "conflicts": len(result.conflicts)}))
