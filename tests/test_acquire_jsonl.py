"""JSON Lines input: ids kept or derived, bad lines rejected, the other lines kept."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from marsad.acquire import AcquireOptions, iter_inputs
from marsad.model import RawInput, Rejected

TEXT = "افتتح وزير التعليم مدرسة جديدة في القرية، ووعد ببناء مكتبة عامة قريبا."
HTML = "<html><body><h1>افتتاح</h1><p>" + TEXT + "</p></body></html>"


def _line(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _write(path: Path, lines: list[str], *, gz: bool = False) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def _items(path: Path, **options: object) -> list[RawInput | Rejected]:
    return list(iter_inputs([str(path)], AcquireOptions(**options)))  # type: ignore[arg-type]


def test_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        _line({"id": "a1", "text": TEXT, "title": "مدرسة جديدة", "published": "2024-09-01",
               "outlet": "صحيفة القرية", "url": "https://example.org/a1"}),
        '{"id": "a2", "text": "لم يكتمل',
        "",
        _line({"id": "a3", "html": HTML}),
        _line({"id": "a4", "title": "بلا نص"}),
        _line(["not", "an", "object"]),
        _line({"id": 5, "text": TEXT, "published": 20240901}),
        _line({"id": ["x"], "text": TEXT}),
        _line({"id": "a8", "text": "   ", "html": ""}),
    ]
    items = _items(_write(tmp_path / "news.jsonl", lines))
    summary = [(i.id, i.format) if isinstance(i, RawInput) else (i.reason, i.locator)
               for i in items]
    assert summary == [
        ("a1", "text"), ("malformed_jsonl", "line 2"), ("a3", "html"),
        ("jsonl_no_content", "line 5"), ("malformed_jsonl", "line 6"), ("5", "text"),
        ("malformed_jsonl", "line 8"), ("jsonl_no_content", "line 9"),
    ]
    first = items[0]
    assert isinstance(first, RawInput)
    assert first.meta.title == "مدرسة جديدة" and first.meta.published == "2024-09-01"
    assert first.meta.outlet == "صحيفة القرية" and first.meta.url == "https://example.org/a1"
    assert first.provenance.input_format == "jsonl" and first.provenance.locator == "line 1"
    assert first.provenance.sha256 == hashlib.sha256(lines[0].encode("utf-8")).hexdigest()
    numeric = items[5]
    assert isinstance(numeric, RawInput) and numeric.meta.published is None


def test_missing_id_is_derived_from_the_line(tmp_path: Path) -> None:
    line = _line({"text": TEXT})
    path = _write(tmp_path / "noid.ndjson", [line, line])
    one, two = _items(path)
    assert isinstance(one, RawInput) and isinstance(two, RawInput)
    assert one.id == two.id == hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def test_gzip_and_corpus_aliases(tmp_path: Path) -> None:
    lines = [_line({"source": "okaz", "content": TEXT, "title": "خبر"})]
    (item,) = _items(_write(tmp_path / "corpus.jsonl.gz", lines, gz=True))
    assert isinstance(item, RawInput) and item.content == TEXT and item.meta.outlet == "okaz"


def test_jsonl_is_sniffed_and_options_fill_gaps(tmp_path: Path) -> None:
    path = _write(tmp_path / "export.txt", [_line({"id": "z", "text": TEXT})])
    (item,) = _items(path, outlet="الوكالة", published="2024-01-02", url="https://x.example/")
    assert isinstance(item, RawInput) and item.id == "z"
    assert item.meta.outlet == "الوكالة" and item.meta.published == "2024-01-02"
    assert item.meta.url is None  # one URL cannot describe every line


def test_oversized_and_non_utf8_lines(tmp_path: Path) -> None:
    big = _line({"id": "big", "text": TEXT * 50})
    small = _line({"id": "small", "text": TEXT})
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(big.encode() + b"\n" + b'{"id": "w", "text": "'
                     + TEXT.encode("cp1256") + b'"}\n' + small.encode() + b"\n")
    items = _items(path, max_bytes=1000)
    assert [getattr(i, "reason", None) or i.id for i in items] == [  # type: ignore[union-attr]
        "too_large", "invalid_encoding", "small"]


def test_truncated_gzip_keeps_earlier_lines(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(_line({"id": str(n), "text": TEXT * 5})
                                    for n in range(200)) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _items(path)
    assert isinstance(items[0], RawInput) and items[0].id == "0"
    assert isinstance(items[-1], Rejected) and items[-1].reason == "malformed_jsonl"
    assert all(isinstance(i, RawInput) for i in items[:-1])
