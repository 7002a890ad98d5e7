"""Near-duplicate detection as an explicit Spark stage, with the local index's exact rule.

Steps: a MinHash signature per story (``marsad.corpus.dedup.signature_array``, same
seed), exact copies grouped by ``exact_key``, LSH banding as a group-by on (band index,
band bytes) with the band layout datasketch's ``MinHashLSH`` picks for the threshold,
candidate pairs verified by signature Jaccard, then :func:`resolve_near` on the driver.

:func:`resolve_near` applies the rule of :class:`~marsad.corpus.dedup.NearDuplicateIndex`
fed in the corpus order (publication day, nulls last, then id): a story duplicates the
most similar earlier story (ties: the smallest id) and points at that story's canonical
copy; an exact copy points at the first story with the same key. The result is a
function of the stories only, never of the partitioning. Only verified pairs reach the
driver, so its memory grows with the number of near-duplicates, not of stories.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import partial
from typing import Any

from datasketch import MinHashLSH

from marsad.corpus.dedup import (
    NUM_PERM,
    THRESHOLD,
    DuplicateDecision,
    best_original,
    exact_key,
    signature_array,
)

OrderKey = tuple[bool, date, str]


def order_key(published: date | None, doc_id: str) -> OrderKey:
    """The corpus order of the local stage: publication day (missing last), then id."""
    return (published is None, published or date.min, doc_id)


def band_layout(threshold: float = THRESHOLD) -> tuple[int, int]:
    """(bands, rows per band) that datasketch chooses, so candidates match the local index."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def sign_rows(bands: int, rows: int, docs: Iterable[tuple[str, date | None, str]]
              ) -> Iterator[tuple[str, date | None, str, list[int], list[bytes]]]:
    """(id, day, exact key, signature, band keys) per story; a ``mapPartitions`` body."""
    for doc_id, day, text in docs:
        sig = signature_array(text)
        keys = [sig[i * rows:(i + 1) * rows].tobytes() for i in range(bands)]
        # Hash values are below 2**32 (datasketch masks them), so they fit a signed long.
        yield doc_id, day, exact_key(text), [int(v) for v in sig], keys


def resolve_near(pairs: Iterable[tuple[str, str, float]],
                 order: Mapping[str, OrderKey]) -> list[DuplicateDecision]:
    """Near-duplicate decisions from verified pairs, in corpus order (see module doc)."""
    neighbours: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for a, b, sim in pairs:
        neighbours[a].append((b, sim))
        neighbours[b].append((a, sim))
    ranked = sorted(neighbours, key=order.__getitem__)
    rank = {doc: i for i, doc in enumerate(ranked)}
    canonical: dict[str, str] = {}
    out: list[DuplicateDecision] = []
    for doc in ranked:
        earlier = ((cand, sim) for cand, sim in neighbours[doc] if rank[cand] <= rank[doc])
        best, best_sim = best_original(earlier)
        if best is None:
            continue
        root = canonical.get(best, best)
        canonical[doc] = root
        out.append(DuplicateDecision(doc, root, "near", best_sim))
    return out


def _signatures(docs: Any, threshold: float) -> Any:
    from marsad.spark.schema import signature_type

    bands, rows = band_layout(threshold)
    rdd = docs.select("id", "published_date", "text").rdd.mapPartitions(
        partial(sign_rows, bands, rows))
    return docs.sparkSession.createDataFrame(rdd, signature_type())


def _exact_ranked(sigs: Any) -> Any:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    w = Window.partitionBy("exact_key").orderBy(F.col("published_date").asc_nulls_last(), "id")
    return (sigs.withColumn("first_id", F.first("id").over(w))
            .withColumn("copy_rank", F.row_number().over(w)))


#: All pairs (a < b) of a sorted bucket, in SQL: ids[i] with each id before it.
_PAIRS_SQL = ("explode(flatten(transform(sequence(1, size(ids) - 1), "
              "i -> transform(slice(ids, 1, i), a -> named_struct('a', a, 'b', ids[i])))))")
_MATCHES_SQL = ("aggregate(zip_with(sa, sb, (x, y) -> if(x = y, 1, 0)), 0, "
                f"(acc, v) -> acc + v) / {NUM_PERM}")


def candidate_pairs(reps: Any) -> Any:
    """Distinct (a, b) story pairs that share at least one LSH band: a group-by per band."""
    from pyspark.sql import functions as F

    buckets = (reps.select("id", F.posexplode("bands").alias("band", "key"))
               .groupBy("band", "key").agg(F.array_sort(F.collect_list("id")).alias("ids"))
               .where(F.size("ids") > 1))
    return buckets.select(F.expr(_PAIRS_SQL).alias("p")).select("p.a", "p.b").distinct()


def verified_pairs(reps: Any, threshold: float = THRESHOLD) -> Any:
    """Candidate pairs whose signature Jaccard reaches ``threshold``, with both days."""
    from pyspark.sql import functions as F

    left = reps.select(F.col("id").alias("a"), F.col("sig").alias("sa"),
                       F.col("published_date").alias("da"))
    right = reps.select(F.col("id").alias("b"), F.col("sig").alias("sb"),
                        F.col("published_date").alias("db"))
    joined = candidate_pairs(reps).join(left, "a").join(right, "b")
    scored = joined.withColumn("similarity", F.expr(_MATCHES_SQL))
    return scored.where(F.col("similarity") >= threshold).select("a", "da", "b", "db",
                                                                 "similarity")


def near_duplicates(docs: Any, threshold: float = THRESHOLD) -> list[DuplicateDecision]:
    """Duplicate decisions for a DataFrame of stories (``id``, ``published_date``, ``text``).

    Stories that duplicate nothing get no decision. Sorted by ``doc_id``.
    """
    ranked = _exact_ranked(_signatures(docs, threshold)).persist()
    try:
        exact = [DuplicateDecision(r.id, r.first_id, "exact", 1.0)
                 for r in ranked.where("copy_rank > 1").toLocalIterator()]
        order: dict[str, OrderKey] = {}
        pairs: list[tuple[str, str, float]] = []
        for row in verified_pairs(ranked.where("copy_rank = 1"), threshold).toLocalIterator():
            order[row.a] = order_key(row.da, row.a)
            order[row.b] = order_key(row.db, row.b)
            pairs.append((row.a, row.b, float(row.similarity)))
    finally:
        ranked.unpersist()
    return sorted(exact + resolve_near(pairs, order), key=lambda d: d.doc_id)
