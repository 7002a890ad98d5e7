"""WARC and WARC.gz input: HTML responses kept, other records skipped or rejected."""

from __future__ import annotations

import gzip
from pathlib import Path

from marsad.acquire import AcquireOptions, iter_inputs
from marsad.model import RawInput, Rejected

BODY = ("<html><body><p>عقد مجلس الأمن جلسة طارئة مساء أمس لبحث التطورات الأخيرة، "
        "ودعا الأعضاء إلى ضبط النفس.</p></body></html>")


def record(uri: str, body: bytes, *, content_type: str = "text/html; charset=utf-8",
           kind: str = "response", status: str = "200 OK", number: int = 0) -> bytes:
    """One WARC/1.0 record with an HTTP response block, written by hand."""
    http = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode("ascii") + body
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-06-0{number % 9 + 1}T08:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode("ascii")
    return head + http + b"\r\n\r\n"


def _page(n: int) -> bytes:
    return record(f"https://news.example/{n}", BODY.replace("أمس", f"أمس {n}").encode(),
                  number=n)


def _items(path: Path) -> list[RawInput | Rejected]:
    return list(iter_inputs([str(path)], AcquireOptions()))


def _summary(items: list[RawInput | Rejected]) -> list[str]:
    return [i.meta.url or "" if isinstance(i, RawInput) else i.reason for i in items]


def test_records_of_every_kind(tmp_path: Path) -> None:
    parts = [
        record("https://news.example/0", b"GET / HTTP/1.1\r\n", kind="request", number=90),
        _page(1),
        record("https://news.example/logo.png", b"\x89PNG....", content_type="image/png",
               number=91),
        record("https://news.example/old", b"", status="301 Moved", number=92),
        record("https://news.example/gone", b"not here", status="404 Not Found", number=93),
        _page(2),
    ]
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(parts))
    items = _items(path)
    assert _summary(items) == ["https://news.example/1", "warc_non_text", "http_error",
                               "https://news.example/2"]
    page = items[0]
    assert isinstance(page, RawInput) and page.format == "html"
    assert "مجلس الأمن" in page.content and page.provenance.input_format == "warc"
    assert page.provenance.locator == f"offset {len(parts[0])}"
    assert page.provenance.fetched_at == "2024-06-02T08:00:00Z"
    assert items[0].id != items[3].id  # type: ignore[union-attr]


def test_broken_record_in_the_middle_resyncs(tmp_path: Path) -> None:
    good = [_page(n) for n in range(4)]
    broken = b"WARC/1.0\r\nthis header line has no colon\r\n\r\n" + b"x" * 40 + b"\r\n\r\n"
    path = tmp_path / "broken.warc"
    path.write_bytes(good[0] + good[1] + broken + good[2] + good[3])
    items = _items(path)
    assert _summary(items) == ["https://news.example/0", "https://news.example/1",
                               "malformed_warc", "https://news.example/2",
                               "https://news.example/3"]
    bad = items[2]
    assert isinstance(bad, Rejected) and bad.locator.startswith("offset ")


def test_truncated_last_record(tmp_path: Path) -> None:
    data = _page(0) + _page(1)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-120])
    assert _summary(_items(path)) == ["https://news.example/0", "malformed_warc"]


def test_gzipped_warc_with_a_corrupt_member(tmp_path: Path) -> None:
    members = [gzip.compress(_page(n)) for n in range(3)]
    corrupt = members[1][:10] + b"\x00" * 30 + members[1][40:]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(members[0] + corrupt + members[2])
    items = _items(path)
    assert _summary(items) == ["https://news.example/0", "malformed_warc",
                               "https://news.example/2"]


def test_gzipped_warc_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download.bin"
    path.write_bytes(b"".join(gzip.compress(_page(n)) for n in range(2)))
    assert _summary(_items(path)) == ["https://news.example/0", "https://news.example/1"]


def test_non_warc_file_forced_as_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("ملاحظات عادية وليست أرشيفا\n", encoding="utf-8")
    items = list(iter_inputs([str(path)], AcquireOptions(input_format="warc")))
    assert _summary(items) == ["malformed_warc"]
