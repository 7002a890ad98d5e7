"""The Spark runner: the same per-document pipeline and corpus stage on a Spark cluster.

Layout of ``output``: ``records/`` (Parquet, the record contract as nested columns plus
``published_date`` and ``record_json``), ``quarantine/`` (one row per rejection) and
``duplicates/`` (one row per duplicate story). DuckDB reads them directly; see
:mod:`marsad.spark.parquet`.

Inputs are JSON Lines files (plain, ``.gz`` or ``.bz2``, which Hadoop reads natively).
Each file is read as bytes with its line numbers, so provenance (source, ``line N``,
sha256) and ids are the ones the local JSONL reader gives.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any

from marsad.acquire import reasons
from marsad.acquire.files import expand_sources
from marsad.acquire.sources import detect_format
from marsad.corpus.dedup import THRESHOLD
from marsad.model import Rejected
from marsad.pipeline.config import PipelineConfig
from marsad.spark.stage import RECORD, REJECTED, process_partition, rejected_row

_HADOOP_CODECS = (".gz", ".bz2")
_HEAD = 65536


@dataclass(frozen=True, kw_only=True)
class SparkOptions:
    """How a Spark run reads and partitions its input.

    ``outlet``/``published`` are fallbacks for lines that name none (as for the local
    JSONL reader); ``partitions`` is the number of pipeline tasks.
    """

    master: str = "local[2]"
    partitions: int = 2
    dedup: bool = True
    threshold: float = THRESHOLD
    outlet: str | None = None
    published: str | None = None
    max_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.partitions < 1:
            raise ValueError(f"partitions must be at least 1, got {self.partitions}")

    def acquire(self) -> dict[str, Any]:
        """The reader options shipped to executors, as plain data."""
        data = {"outlet": self.outlet, "published": self.published, "max_bytes": self.max_bytes}
        return {k: v for k, v in data.items() if v is not None}


@dataclass
class SparkRun:
    """What a run wrote, with counts."""

    output: str
    files: int = 0
    records: int = 0
    rejected: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def spark_session(master: str = "local[2]", partitions: int = 2, app: str = "marsad",
                  conf: Mapping[str, str] | None = None) -> Any:
    """A Spark session whose Python workers run this interpreter (so they import marsad).

    ``conf`` adds or overrides Spark settings (e.g. ``spark.driver.memory``).
    """
    # The JVM starts the Python workers; without this it would pick whatever "python3"
    # is on PATH, which usually lacks marsad and its dependencies.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    settings = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        # Shuffles (banding, exact-copy windows) are small; one task per partition.
        "spark.sql.shuffle.partitions": str(partitions),
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.session.timeZone": "UTC",
        **(conf or {}),
    }
    builder = SparkSession.builder.master(master).appName(app)
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def plan_inputs(sources: Sequence[str]) -> tuple[list[str], list[Rejected]]:
    """The JSON Lines files among ``sources``, and rejections for everything else."""
    files: list[str] = []
    rejected: list[Rejected] = []
    for target in expand_sources(list(sources)):
        if isinstance(target, Rejected):
            rejected.append(target)
        elif target.kind != "file":
            rejected.append(reasons.reject(reasons.UNSUPPORTED_SOURCE,
                                           "the Spark runner reads JSON Lines files only; "
                                           "use 'marsad ingest' for URLs and stdin",
                                           target.name))
        else:
            problem = _jsonl_problem(target.name)
            if problem:
                rejected.append(reasons.reject(reasons.UNSUPPORTED_SOURCE, problem, target.name))
            else:
                files.append(target.name)
    return files, rejected


def _jsonl_problem(name: str) -> str | None:
    try:
        with open(name, "rb") as handle:
            head = handle.read(_HEAD)
    except OSError as err:
        return f"cannot read: {err.strerror or err}"
    if head.startswith(b"\x1f\x8b") and not name.lower().endswith(".gz"):
        return "gzip data without a .gz name, which Spark cannot decompress"
    if detect_format(name, head) != "jsonl":
        return "not JSON Lines; the Spark runner reads JSON Lines only"
    return None


def _numbered(name: str, pair: tuple[bytes, int]) -> tuple[str, int, bytes]:
    line, index = pair
    return name, index + 1, line


def input_lines(spark: Any, files: Sequence[str], partitions: int) -> Any:
    """An RDD of (source, line number, bytes) over all files, spread over ``partitions``."""
    sc = spark.sparkContext
    parts = [sc.textFile(Path(name).resolve().as_uri(), minPartitions=partitions,
                         use_unicode=False).zipWithIndex().map(partial(_numbered, name))
             for name in files]
    return sc.union(parts).repartition(partitions) if parts else sc.emptyRDD()


def stage_documents(spark: Any, files: Sequence[str], config: PipelineConfig,
                    options: SparkOptions) -> Any:
    """The tagged (kind, row) RDD of the per-document stage, persisted for two outputs."""
    from pyspark import StorageLevel

    body = partial(process_partition, config.to_dict(), options.acquire())
    lines = input_lines(spark, files, options.partitions)
    return lines.mapPartitions(body).persist(StorageLevel.MEMORY_AND_DISK)


def records_frame(spark: Any, tagged: Any) -> Any:
    """Contract records as typed columns, parsed from their JSON by Spark."""
    from pyspark.sql import functions as F

    from marsad.spark.schema import record_type, staged_record_type

    rows = tagged.filter(lambda t: t[0] == RECORD).map(itemgetter(1))
    staged = spark.createDataFrame(rows, staged_record_type())
    parsed = F.from_json("record_json", record_type(), {"mode": "FAILFAST"})
    return staged.select(parsed.alias("r"), "published_date", "record_json").select(
        "r.*", "published_date", "record_json")


def quarantine_frame(spark: Any, tagged: Any, planned: Sequence[Rejected]) -> Any:
    """Rejections from planning (driver) and from the executors, as one frame."""
    from marsad.spark.schema import quarantine_type

    rows = tagged.filter(lambda t: t[0] == REJECTED).map(itemgetter(1))
    local = spark.sparkContext.parallelize([rejected_row(r) for r in planned], 1)
    return spark.createDataFrame(local.union(rows), quarantine_type())


def write_duplicates(spark: Any, decisions: Sequence[Any], path: str) -> None:
    """Write duplicate decisions as Parquet (one small file; they are few)."""
    from marsad.spark.schema import duplicate_type

    rows = [(d.doc_id, d.duplicate_of, d.kind, d.similarity) for d in decisions]
    spark.createDataFrame(rows, duplicate_type()).coalesce(1).write.mode("overwrite").parquet(path)


def run_spark(sources: Sequence[str], output: str | Path, *,
              config: PipelineConfig | None = None, options: SparkOptions | None = None,
              spark: Any = None) -> SparkRun:
    """Run the pipeline (and, with ``options.dedup``, the near-duplicate stage) on Spark.

    ``spark`` reuses a session (tests, notebooks); otherwise one is started for
    ``options.master`` and stopped at the end. Existing output folders are replaced.
    """
    from marsad.spark.dedup import near_duplicates

    options = options or SparkOptions()
    config = config or PipelineConfig()
    out = Path(output)
    started = time.perf_counter()
    own = spark is None
    spark = spark or spark_session(options.master, options.partitions)
    try:
        files, planned = plan_inputs(sources)
        run = SparkRun(str(out), files=len(files))
        tagged = stage_documents(spark, files, config, options)
        try:
            records_frame(spark, tagged).sortWithinPartitions("id").write.mode("overwrite").parquet(
                str(out / "records"))
            quarantine_frame(spark, tagged, planned).write.mode("overwrite").parquet(
                str(out / "quarantine"))
        finally:
            tagged.unpersist()
        _count(spark, out, run)
        if options.dedup:
            decisions = near_duplicates(spark.read.parquet(str(out / "records")),
                                        options.threshold)
            write_duplicates(spark, decisions, str(out / "duplicates"))
            run.exact_duplicates = sum(d.kind == "exact" for d in decisions)
            run.near_duplicates = sum(d.kind == "near" for d in decisions)
    finally:
        if own:
            spark.stop()
    run.seconds = round(time.perf_counter() - started, 3)
    return run


def _count(spark: Any, out: Path, run: SparkRun) -> None:
    run.records = spark.read.parquet(str(out / "records")).count()
    quarantine = spark.read.parquet(str(out / "quarantine"))
    run.reasons = {r["reason"]: r["count"] for r in
                   quarantine.groupBy("reason").count().orderBy("reason").collect()}
    run.rejected = sum(run.reasons.values())
