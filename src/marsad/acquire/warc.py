"""WARC / WARC.gz reader (warcio): one input per HTML or text response record.

Request, metadata, warcinfo and revisit records carry no article and are skipped
silently, as are 3xx responses (redirect plumbing). Other responses that are not HTML or
text are counted as ``warc_non_text``; 4xx/5xx responses as ``http_error``. A record that
fails to parse becomes ``malformed_warc`` at its byte offset; the reader then looks for
the next record start (``WARC/1.`` or a gzip member header) and carries on from there.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from marsad.acquire import reasons
from marsad.acquire.decode import parse_content_type
from marsad.acquire.options import AcquireOptions
from marsad.acquire.records import Origin, make_document
from marsad.model import Meta, RawInput, Rejected

_TEXT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_ARTICLE_RECORDS = ("response", "resource")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_SCAN_CHUNK = 1 << 20

Item = RawInput | Rejected


def iter_warc(stream: IO[bytes], source: str, options: AcquireOptions) -> Iterator[Item]:
    """Yield inputs and rejections for every record of a WARC stream, in file order."""
    start = 0
    gzipped = _peek(stream, 2) == _GZIP_MEMBER[:2]
    while True:
        failed_at = yield from _records_from(stream, start, source, options)
        if failed_at is None or not stream.seekable():
            return
        resume = _next_record_start(stream, failed_at + 1, gzipped)
        if resume is None:
            return
        start = resume


def _peek(stream: IO[bytes], size: int) -> bytes:
    if not stream.seekable():
        return b""
    position = stream.tell()
    head = stream.read(size)
    stream.seek(position)
    return head


def _records_from(stream: IO[bytes], start: int, source: str,
                  options: AcquireOptions) -> Generator[Item, None, int | None]:
    """Read records from ``start``; return the offset of a broken record, or None at EOF."""
    if stream.seekable():
        stream.seek(start)
    archive = ArchiveIterator(stream)
    records = iter(archive)
    while True:
        offset = archive.offset
        try:
            record = next(records)
        except StopIteration:
            return None
        # warcio reports broken input with many exception types (ArchiveLoadFailed,
        # zlib.error, EOFError, even AttributeError on a header cut short), so this
        # one library call is guarded broadly.
        except Exception as err:  # noqa: BLE001
            failed = max(archive.offset, offset, start)
            yield reasons.reject(reasons.MALFORMED_WARC, f"unreadable WARC record: {err}",
                                 source, f"offset {failed}")
            return int(failed)
        if not record.rec_type or record.length is None:
            # warcio accepts a header block without WARC-Type or Content-Length and would
            # swallow the rest of the file as its body; treat it as broken and resync.
            yield reasons.reject(reasons.MALFORMED_WARC,
                                 "WARC record header lacks WARC-Type or Content-Length",
                                 source, f"offset {archive.offset}")
            return int(archive.offset)
        item = _record_item(record, archive, source, options)
        if item is not None:
            yield item


def _record_item(record: Any, archive: ArchiveIterator, source: str,
                 options: AcquireOptions) -> Item | None:
    if record.rec_type not in _ARTICLE_RECORDS:
        return None
    headers = record.rec_headers
    content_type = _content_type(record)
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    payload = b""
    if status.startswith("2") and (content_type is None or content_type[0] in _TEXT_TYPES):
        payload = record.content_stream().read(options.max_bytes + 1)
    truncated = getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= options.max_bytes
    locator = f"offset {archive.get_record_offset()}"
    record_id = headers.get_header("WARC-Record-ID") or locator
    origin = Origin(source, locator, "warc", fetched_at=headers.get_header("WARC-Date"),
                    id=reasons.stable_id(source, record_id))
    if status.startswith("3"):
        return None
    problem = _problem(status, content_type, payload, truncated, options.max_bytes)
    if problem:
        return origin.reject(*problem)
    kind = _TEXT_TYPES[content_type[0]] if content_type else "auto"
    meta = Meta(url=headers.get_header("WARC-Target-URI")).merged(options.fallback_meta())
    return make_document(payload, origin, meta=meta, kind=kind,
                         declared=content_type[1] if content_type else None)


def _problem(status: str, content_type: tuple[str, str | None] | None, payload: bytes,
             truncated: bool, max_bytes: int) -> tuple[str, str] | None:
    if not status.startswith("2"):
        return reasons.HTTP_ERROR, f"archived response has HTTP status {status}"
    if content_type is not None and content_type[0] not in _TEXT_TYPES:
        return reasons.WARC_NON_TEXT, f"payload is {content_type[0]}, not HTML or text"
    if len(payload) > max_bytes:
        return reasons.TOO_LARGE, f"payload is over {max_bytes} bytes"
    if truncated:
        return reasons.MALFORMED_WARC, "record is truncated (shorter than its Content-Length)"
    return None


def _content_type(record: Any) -> tuple[str, str | None] | None:
    """(media type, charset) of the payload, or None when no type is given."""
    if record.rec_type == "response":
        value = record.http_headers.get_header("Content-Type") if record.http_headers else None
    else:
        value = record.rec_headers.get_header("Content-Type")
    return parse_content_type(value) if value else None


def _next_record_start(stream: IO[bytes], position: int, gzipped: bool) -> int | None:
    """Offset of the next plausible record start at or after ``position``, or None."""
    marker = _GZIP_MEMBER if gzipped else b"\nWARC/1."
    skip = 0 if gzipped else 1  # the marker includes the newline before "WARC/"
    stream.seek(position)
    carry = b""
    base = position
    while chunk := stream.read(_SCAN_CHUNK):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return base - len(carry) + found + skip
        carry = window[-len(marker):]
        base += len(chunk)
    return None
