"""Spark local mode against the single-process runner on SaudiNewsNet articles.

    PYTHONPATH=src .venv/bin/python bench/bench_spark.py --articles 1000 --master 'local[2]'

Both runners use the same pipeline config. Reported: articles/s of the per-document
stage (Spark: the run without session start-up), and of the near-duplicate stage
(Spark ``near_duplicates`` over the Parquet records vs the local ``NearDuplicateIndex``),
plus whether both give the same records and the same duplicate decisions.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import CORPUS, Timer, machine, saudinewsnet

from marsad.corpus.dedup import NearDuplicateIndex
from marsad.pipeline import PipelineConfig
from marsad.runner import extract
from marsad.spark import SparkOptions, open_parquet, run_spark, spark_session
from marsad.spark.dedup import near_duplicates, order_key


def write_sample(path: Path, n: int) -> int:
    count = 0
    with open(path, "wb") as out:
        for _, line in saudinewsnet(n):
            out.write(line if line.endswith(b"\n") else line + b"\n")
            count += 1
    return count


def local_dedup(rows: list[tuple[str, Any, str]]) -> list[tuple[Any, ...]]:
    ordered = sorted(rows, key=lambda r: order_key(r[1], r[0]))
    decisions = NearDuplicateIndex().add_all((i, t) for i, _, t in ordered)
    return sorted((d.doc_id, d.duplicate_of, d.kind, d.similarity)
                  for d in decisions if d.duplicate_of)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--components", help="comma-separated; default: the full pipeline")
    args = ap.parse_args(argv)
    config = (PipelineConfig(components=tuple(args.components.split(",")))
              if args.components else PipelineConfig())
    result: dict[str, Any] = {"machine": machine(), "master": args.master,
                              "partitions": args.partitions,
                              "components": list(config.components)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "snn.jsonl"
        n = result["articles"] = write_sample(path, args.articles)
        with Timer() as t_local:
            local = extract(str(path), config=config)
        with Timer() as t_start:
            spark = spark_session(args.master, args.partitions)
        options = SparkOptions(master=args.master, partitions=args.partitions, dedup=False)
        with Timer() as t_spark:
            run = run_spark([str(path)], Path(tmp) / "out", config=config, options=options,
                            spark=spark)
        records = spark.read.parquet(str(Path(tmp) / "out" / "records"))
        with Timer() as t_sdedup:
            sdups = near_duplicates(records)
        spark.stop()
        con = open_parquet(Path(tmp) / "out")
        rows = con.execute("SELECT id, published_date, text FROM records").fetchall()
        with Timer() as t_ldedup:
            ldups = local_dedup(rows)
        got = con.execute("SELECT id, record_json FROM records ORDER BY id").fetchall()
    want = sorted((r["id"], json.dumps(r, ensure_ascii=False)) for r in local.records)
    result.update({
        "stories": run.records, "quarantined": run.rejected,
        "local_s": round(t_local.seconds, 2), "spark_startup_s": round(t_start.seconds, 2),
        "spark_s": round(t_spark.seconds, 2),
        "local_articles_per_s": round(n / t_local.seconds, 1),
        "spark_articles_per_s": round(n / t_spark.seconds, 1),
        "speedup": round(t_local.seconds / t_spark.seconds, 2),
        "same_records": got == want,
        "differing_ids": sorted({i for i, _ in set(got) ^ set(want)})[:5],
        "dedup_local_s": round(t_ldedup.seconds, 2), "dedup_spark_s": round(t_sdedup.seconds, 2),
        "duplicates": len(ldups),
        "same_duplicates": ldups == [(d.doc_id, d.duplicate_of, d.kind, d.similarity)
                                     for d in sdups],
    })
    return result


if __name__ == "__main__":
    if not CORPUS.exists():
        sys.exit(f"SaudiNewsNet not found at {CORPUS} (set MARSAD_SHARED)")
    print(json.dumps(main(), ensure_ascii=False, indent=2))
