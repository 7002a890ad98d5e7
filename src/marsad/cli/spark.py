"""``marsad spark``: the pipeline and the dedup stage on Apache Spark, into Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.pipeline.config import PipelineConfig


def _config(path: str | None, components: str | None) -> PipelineConfig:
    """The pipeline config from a JSON file, a component list, or the default."""
    if path:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return PipelineConfig.from_dict(data)
    if components:
        return PipelineConfig(components=tuple(c.strip() for c in components.split(",")))
    return PipelineConfig()


@click.command("spark")
@click.argument("sources", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder for records/, quarantine/ and duplicates/ (Parquet).")
@click.option("--partitions", type=click.IntRange(min=1), default=2, show_default=True,
              help="Pipeline tasks; each builds the pipeline once.")
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Pipeline config as JSON (components, options, error_policy).")
@click.option("--components", help="Comma-separated components, e.g. sentences,timexes.")
@click.option("--dedup/--no-dedup", default=True, show_default=True,
              help="Run the near-duplicate stage after the pipeline.")
@click.option("--outlet", help="Outlet for lines that name none.")
@click.option("--published", help="Publication date for lines that carry none.")
def command(sources: tuple[str, ...], output: str, partitions: int, master: str,
            config_path: str | None, components: str | None, dedup: bool,
            outlet: str | None, published: str | None) -> None:
    """Run JSON Lines SOURCES through the pipeline on Spark, writing Parquet to --output."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise click.ClickException(
            "pyspark is not installed; install the extra: pip install 'marsad[spark]'") from None
    from marsad.spark import SparkOptions, run_spark

    try:
        config = _config(config_path, components)
        options = SparkOptions(master=master, partitions=partitions, dedup=dedup,
                               outlet=outlet, published=published)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    run = run_spark(list(sources), output, config=config, options=options)
    click.echo(json.dumps(run.to_json(), ensure_ascii=False), err=True)
    click.echo(f"{run.records} stories, {run.rejected} quarantined, "
               f"{run.exact_duplicates} exact and {run.near_duplicates} near duplicates "
               f"in {run.seconds:.1f} s -> {output}", err=True)
