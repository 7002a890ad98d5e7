"""The Spark runner: same records as the local runner, for any partitioning, and the same
duplicate decisions as the local near-duplicate index."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.acquire.options import AcquireOptions
from marsad.corpus.dedup import NearDuplicateIndex
from marsad.model import Rejected
from marsad.pipeline import PipelineConfig
from marsad.spark.dedup import order_key, resolve_near
from marsad.spark.stage import read_line

LIGHT = PipelineConfig(components=("sentences", "timexes"))
#: C1-only JIT: the JVM does little work in these tiny runs, and starts about twice as fast.
FAST_JVM = {"spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1"}

OMAN = [
    "أعلنت وزارة الخارجية العمانية صباح الأحد أن جولة جديدة من المحادثات غير المباشرة "
    "ستعقد في مسقط خلال الأسبوع المقبل بمشاركة وفدين رفيعي المستوى.",
    "وقال المتحدث باسم الوزارة إن الهدف من اللقاء هو تخفيف التوتر في المنطقة وفتح قنوات "
    "للحوار بين الطرفين بعد أشهر من القطيعة.",
    "وأضاف أن الاستعدادات اللوجستية اكتملت وأن الوسطاء سيتنقلون بين القاعتين لنقل الرسائل "
    "والمقترحات المكتوبة.",
]
BOOKS = [
    "شهدت العاصمة السعودية الرياض أمس افتتاح معرض دولي للكتاب يشارك فيه أكثر من ألف ناشر "
    "من ثلاثين دولة عربية وأجنبية.",
    "وذكرت اللجنة المنظمة أن المعرض يستمر عشرة أيام ويتضمن ندوات وأمسيات شعرية وورش عمل "
    "للأطفال والشباب.",
]
OIL = [
    "ارتفعت أسعار النفط في تعاملات يوم الثلاثاء بعد تقارير عن تراجع المخزونات الأمريكية "
    "بأكثر من توقعات المحللين.",
    "وأشار خبراء إلى أن الأسواق تترقب قرارات اجتماع المنتجين المقبل وسط مخاوف من تباطؤ "
    "الطلب العالمي هذا العام.",
]


def _line(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def sample_lines() -> list[str]:
    """Stories with an exact copy, two near copies, bad lines and an HTML page."""
    oman, oil = " ".join(OMAN), " ".join(OIL)
    html = ("<html><head><title>معرض الكتاب</title></head><body><article><h1>معرض الكتاب"
            "</h1>" + "".join(f"<p>{s}</p>" for s in BOOKS) + "</article></body></html>")
    return [
        _line(id="a1", text=oman, published="2025-03-08", outlet="رصد"),
        _line(id="a2", text=oman, published="2025-03-09", outlet="مدار"),
        _line(id="a3", text=oman + " وتابع مراسلنا تفاصيل الخبر من العاصمة.",
              published="2025-03-09", title="جولة جديدة في مسقط"),
        _line(id="b1", text=" ".join(BOOKS), published="2025-03-10T08:30:00+03:00"),
        _line(id="h1", html=html, url="https://example.org/books", published="2025-03-10"),
        _line(id="c0", text=oil, published="2025-03-01"),
        _line(id="c1", text=oil.replace("العام.", "الموسم.")),
        "{not json",
        "",
        _line(id="e1", text="   "),
        _line(text=" ".join(OIL[:1]) + " وهذا خبر بلا معرف."),
    ]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spark_in")
    path = folder / "sample.jsonl"
    path.write_text("\n".join(sample_lines()) + "\n", encoding="utf-8")
    (folder / "notes.txt").write_text("هذا ملف نصي وليس سطورا من JSON.", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark() -> Any:
    pytest.importorskip("pyspark", reason="pyspark is not installed (extra 'spark')")
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        pytest.skip("no Java runtime (java on PATH or JAVA_HOME) for Spark")
    from marsad.spark import spark_session

    session = spark_session("local[1]", 2, app="marsad-tests", conf=FAST_JVM)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def runs(spark: Any, sample: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The sample run with 1 and with 3 partitions (folder input plus the sample file)."""
    from marsad.spark import SparkOptions, run_spark

    out: dict[int, Path] = {}
    for n in (1, 3):
        folder = tmp_path_factory.mktemp(f"spark_out{n}")
        run = run_spark([str(sample), str(sample.parent / "notes.txt")], folder, config=LIGHT,
                        options=SparkOptions(master="local[1]", partitions=n), spark=spark)
        assert run.records > 0
        out[n] = folder
    return out


def _table(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    from marsad.spark import open_parquet

    return open_parquet(folder).execute(sql).fetchall()


def test_output_does_not_depend_on_partitioning(runs: dict[int, Path]) -> None:
    queries = ["SELECT id, record_json, published_date FROM records ORDER BY id",
               "SELECT * FROM quarantine ORDER BY source, locator, reason",
               "SELECT * FROM duplicates ORDER BY doc_id"]
    for sql in queries:
        assert _table(runs[1], sql) == _table(runs[3], sql)


def test_records_equal_the_local_runner(runs: dict[int, Path], sample: Path) -> None:
    from marsad.runner import extract

    local = extract(str(sample), config=LIGHT)
    expected = sorted((r["id"], json.dumps(r, ensure_ascii=False)) for r in local.records)
    got = _table(runs[3], "SELECT id, record_json FROM records ORDER BY id")
    assert got == expected
    rows = [r for r in _table(runs[3], "SELECT * FROM quarantine") if r[3] == str(sample)]
    assert sorted(rows) == sorted(tuple(r.to_json().values()) for r in local.rejected)


def test_quarantine_keeps_every_reason(runs: dict[int, Path]) -> None:
    rows = _table(runs[1], "SELECT reason, locator FROM quarantine ORDER BY locator, reason")
    assert ("malformed_jsonl", "line 8") in rows
    assert ("jsonl_no_content", "line 10") in rows
    assert ("unsupported_source", "") in rows  # the text file among the inputs


def test_nested_columns_match_record_json(runs: dict[int, Path]) -> None:
    rows = _table(runs[1], "SELECT record_json, len(sentences), text, provenance.locator, "
                           "[t.value FOR t IN timexes] FROM records")
    for blob, n_sentences, text, locator, timex_values in rows:
        rec = json.loads(blob)
        assert n_sentences == len(rec["sentences"]) > 0
        assert text == rec["text"] and locator == rec["provenance"]["locator"]
        assert timex_values == [t["value"] for t in rec["timexes"]]


def _local_decisions(folder: Path) -> list[tuple[str, str | None, str | None, float]]:
    rows = _table(folder, "SELECT id, published_date, text FROM records")
    ordered = sorted(rows, key=lambda r: order_key(r[1], r[0]))
    decisions = NearDuplicateIndex().add_all((doc_id, text) for doc_id, _, text in ordered)
    return sorted((d.doc_id, d.duplicate_of, d.kind, d.similarity)
                  for d in decisions if d.duplicate_of is not None)


def test_dedup_equals_the_local_index(runs: dict[int, Path]) -> None:
    spark_rows = _table(runs[3], "SELECT * FROM duplicates ORDER BY doc_id")
    assert spark_rows == _local_decisions(runs[3])
    by_id = {r[0]: r[1:3] for r in spark_rows}
    assert by_id["a2"] == ("a1", "exact")
    assert by_id["a3"] == ("a1", "near")
    assert by_id["c1"] == ("c0", "near")  # c0 has a date, so it comes first


def test_read_line_follows_the_jsonl_reader() -> None:
    options = AcquireOptions(input_format="jsonl", max_bytes=200)
    assert read_line("f.jsonl", 4, b"  \r", options) is None
    first = read_line("f.jsonl", 1, b'\xef\xbb\xbf{"id": "x", "text": "\xd9\x86\xd8\xb5"}', options)
    assert not isinstance(first, Rejected) and first is not None and first.id == "x"
    big = read_line("f.jsonl", 2, b'{"text": "' + b"a" * 300 + b'"}', options)
    assert isinstance(big, Rejected) and big.reason == "too_large" and big.locator == "line 2"


def test_resolve_near_follows_the_local_rule() -> None:
    order = {d: order_key(date(2025, 1, i + 1), d) for i, d in enumerate("abcd")}
    # d is as close to b as to c: the smaller id wins, and d points at b's canonical copy.
    pairs = [("a", "b", 0.8), ("b", "d", 0.75), ("c", "d", 0.75), ("b", "c", 0.7)]
    got = {d.doc_id: (d.duplicate_of, d.similarity) for d in resolve_near(pairs, order)}
    assert got == {"b": ("a", 0.8), "c": ("a", 0.7), "d": ("a", 0.75)}
    later = {**order, "a": order_key(None, "a")}  # an undated story goes last
    got = {d.doc_id: d.duplicate_of for d in resolve_near(pairs, later)}
    assert got == {"c": "b", "d": "b", "a": "b"}


def test_load_into_store(runs: dict[int, Path], tmp_path: Path) -> None:
    from marsad.store import Store

    if not hasattr(Store, "write_records"):
        pytest.skip("Store.write_records is not available yet")
    from marsad.spark import load_parquet_into_store

    db = tmp_path / "m.duckdb"
    first = load_parquet_into_store(runs[1], db)
    second = load_parquet_into_store(runs[1], db)
    assert first["stored"] > 0 and second["stored"] == 0
    with Store.open(db, read_only=True) as store:
        assert store.count("documents") == first["stored"]


def test_cli_rejects_bad_partitions(sample: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from marsad.cli.spark import command

    result = CliRunner().invoke(command, [str(sample), "-o", str(tmp_path), "--partitions", "0"])
    assert result.exit_code == 2 and "partitions" in result.output


@pytest.mark.slow
def test_default_pipeline_on_saudinewsnet(spark: Any, tmp_path: Path) -> None:
    """200 real articles through the full pipeline: contract-valid, dedup equal to local."""
    import lzma

    from marsad.model.record import check_record
    from marsad.spark import SparkOptions, run_spark

    shared = Path(os.environ.get("MARSAD_SHARED", Path(__file__).parents[2] / "shared"))
    corpus = shared / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.xz"
    if not corpus.exists():
        pytest.skip(f"SaudiNewsNet corpus not found at {corpus}")
    path = tmp_path / "snn.jsonl"
    with lzma.open(corpus, "rb") as src, open(path, "wb") as dst:
        for _, line in zip(range(200), src, strict=False):
            dst.write(line)
    run = run_spark([str(path)], tmp_path / "out",
                    options=SparkOptions(master="local[1]", partitions=2), spark=spark)
    assert run.records >= 190
    rows = _table(tmp_path / "out", "SELECT record_json FROM records")
    assert all(check_record(json.loads(r[0])) == [] for r in rows)
    assert _table(tmp_path / "out", "SELECT * FROM duplicates ORDER BY doc_id") == \
        _local_decisions(tmp_path / "out")
