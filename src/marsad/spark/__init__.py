"""Distributed runner: the per-document pipeline and the dedup stage on Apache Spark.

pyspark is an optional extra (``pip install marsad[spark]``); it is imported only when a
run starts, so importing this package works without it.
"""

from marsad.spark.parquet import load_parquet_into_store, open_parquet
from marsad.spark.runner import SparkOptions, SparkRun, run_spark, spark_session

__all__ = ["SparkOptions", "SparkRun", "load_parquet_into_store", "open_parquet", "run_spark",
           "spark_session"]
