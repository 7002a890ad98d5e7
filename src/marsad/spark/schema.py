"""Spark schemas: the record contract (ARCHITECTURE.md section 3) as a nested StructType.

The Parquet output carries every contract key as a typed column, parsed by Spark from
the record's JSON (``FAILFAST``: a record that does not fit the schema stops the job
rather than turning into nulls), plus ``record_json`` as the exact source of truth.
pyspark is imported inside the functions so that ``marsad.spark`` imports without it.
"""

from __future__ import annotations

from typing import Any

QUARANTINE_FIELDS: tuple[str, ...] = ("stage", "reason", "detail", "source", "locator", "sha256")


def _types() -> Any:
    from pyspark.sql import types

    return types


def _struct(**fields: Any) -> Any:
    t = _types()
    return t.StructType([t.StructField(name, typ, True) for name, typ in fields.items()])


def _span(with_text: bool = True) -> Any:
    t = _types()
    extra = {"text": t.StringType()} if with_text else {}
    return _struct(start=t.IntegerType(), end=t.IntegerType(), **extra)


def _ref() -> Any:
    t = _types()
    return _struct(entity_id=t.StringType(), code=t.StringType(), text=t.StringType(),
                   start=t.IntegerType(), end=t.IntegerType())


def entity_type() -> Any:
    t = _types()
    s = t.StringType()
    return _struct(id=s, type=s, name_ar=s, name_en=s, code=s, wikidata=s,
                   anonymous=t.BooleanType(), mentions=t.ArrayType(_span()))


def quote_type() -> Any:
    t = _types()
    s = t.StringType()
    speaker = _struct(entity_id=s, code=s, text=s, start=t.IntegerType(), end=t.IntegerType(),
                      anonymous=t.BooleanType(), resolved=t.BooleanType())
    return _struct(speaker=speaker, verb=s, kind=s, content=_span(), via=t.ArrayType(s),
                   sentence=t.IntegerType())


def event_type() -> Any:
    t = _types()
    s = t.StringType()
    location = _struct(name=s, code=s, start=t.IntegerType(), end=t.IntegerType())
    when = _struct(value=s, precision=s, text=s, from_publication=t.BooleanType())
    return _struct(cameo=s, type=s, mode=s, goldstein=t.DoubleType(),
                   quad_class=t.IntegerType(), source=_ref(), target=_ref(), mediator=_ref(),
                   location=location, modality=s, date=when, evidence=_span(),
                   sentence=t.IntegerType(), confidence=t.DoubleType(), trigger=s)


def record_type() -> Any:
    """The contract record (required keys first, then the optional ones ``to_record`` adds)."""
    t = _types()
    s = t.StringType()
    timex = _struct(start=t.IntegerType(), end=t.IntegerType(), text=s, value=s, precision=s,
                    from_publication=t.BooleanType())
    provenance = _struct(source=s, locator=s, sha256=s, encoding=s, fetched_at=s,
                         input_format=s)
    return _struct(
        id=s, parent_id=s, title=s, outlet=s, published=s, url=s, language=s, text=s,
        sentences=t.ArrayType(_span(with_text=False)),
        entities=t.ArrayType(entity_type()), quotes=t.ArrayType(quote_type()),
        events=t.ArrayType(event_type()),
        removed=t.ArrayType(_struct(text=s, reason=s)),
        author=s, content_hash=s, timexes=t.ArrayType(timex), provenance=provenance,
    )


def staged_record_type() -> Any:
    """Rows as the executors emit them: (published_date, record_json)."""
    t = _types()
    return _struct(published_date=t.DateType(), record_json=t.StringType())


def quarantine_type() -> Any:
    """Flat quarantine rows (the fields of :class:`~marsad.model.Rejected`)."""
    t = _types()
    return _struct(**{name: t.StringType() for name in QUARANTINE_FIELDS})


def duplicate_type() -> Any:
    """One row per duplicate story: which story it copies, how, and how closely."""
    t = _types()
    return _struct(doc_id=t.StringType(), duplicate_of=t.StringType(), kind=t.StringType(),
                   similarity=t.DoubleType())


def signature_type() -> Any:
    """Per-story dedup rows: exact key, MinHash signature and LSH band keys."""
    t = _types()
    return _struct(id=t.StringType(), published_date=t.DateType(), exact_key=t.StringType(),
                   sig=t.ArrayType(t.LongType()), bands=t.ArrayType(t.BinaryType()))
