"""``marsad ner``: tag pre-tokenised CoNLL text or raw text with the packaged NER model."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

import click


def conll_sentences(lines: Iterable[str]) -> Iterator[list[str]]:
    """Tokens of each blank-line separated sentence; a tag column after the token is ignored."""
    sentence: list[str] = []
    for line in lines:
        parts = line.split()
        if parts:
            sentence.append(parts[0])
        elif sentence:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


@click.command("ner")
@click.option(
    "--conll",
    "conll",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help="One token per line (an extra gold-tag column is ignored), blank line between "
    "sentences; prints token<TAB>TAG with ANERcorp labels.",
)
@click.option(
    "--text",
    "raw",
    is_flag=True,
    help="Tag raw text read from stdin; prints one JSON object per entity span.",
)
def command(conll: TextIO | None, raw: bool) -> None:
    """Tag Arabic named entities (PERS, LOC, ORG, MISC) with the CRF model."""
    from marsad.actors.ner import NerModelMissing, NerTagger

    if (conll is None) == (not raw):
        raise click.UsageError("give exactly one of --conll FILE or --text")
    try:
        tagger = NerTagger.load()
    except NerModelMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if conll is not None:
        for i, tokens in enumerate(conll_sentences(conll)):
            if i:
                click.echo("")
            for token, tag in zip(tokens, tagger.tag(tokens), strict=True):
                click.echo(f"{token}\t{tag}")
        return
    text = sys.stdin.read()
    for start, end, label in tagger.find_entities(text):
        record = {"start": start, "end": end, "label": label, "text": text[start:end]}
        click.echo(json.dumps(record, ensure_ascii=False))
