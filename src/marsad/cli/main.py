"""The ``marsad`` command group. Each command lives in its own module of this package."""

from __future__ import annotations

import importlib

import click

#: (module, attribute) of every command; imported lazily so ``marsad --help`` stays fast
#: and a command's heavy imports are paid only when it runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("marsad.cli.extract", "command"),
    "ingest": ("marsad.cli.ingest", "command"),
    "stats": ("marsad.cli.ingest", "stats"),
    "demo": ("marsad.cli.demo", "command"),
    "ner": ("marsad.cli.ner", "command"),
    "quotes": ("marsad.cli.quotes", "command"),
    "export": ("marsad.cli.export", "command"),
    "actors": ("marsad.cli.actors", "command"),
    "serve": ("marsad.cli.serve", "command"),
    "stories": ("marsad.cli.stories", "command"),
    "spark": ("marsad.cli.spark", "command"),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr = COMMANDS[cmd_name]
        cmd = getattr(importlib.import_module(module), attr)
        assert isinstance(cmd, click.Command)
        return cmd


@click.group(cls=LazyGroup)
@click.version_option(package_name="marsad")
def cli() -> None:
    """marsad: Arabic news to structured, verifiable event data."""


def main() -> None:
    cli()
