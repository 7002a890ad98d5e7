"""``iter_inputs``: read every source with the right reader, yielding inputs or rejections."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, cast
from urllib.parse import urlsplit

from marsad.acquire import reasons
from marsad.acquire.feeds import FeedContext, iter_feed
from marsad.acquire.fetch import Fetched, PoliteClient
from marsad.acquire.files import (
    STDIN_SOURCE,
    Target,
    expand_sources,
    peekable,
    read_bounded,
    read_file,
)
from marsad.acquire.jsonl import iter_jsonl
from marsad.acquire.options import AcquireOptions
from marsad.acquire.records import Origin, make_document
from marsad.acquire.warc import iter_warc
from marsad.model import Meta, RawInput, Rejected

Item = RawInput | Rejected

_HEAD = 65536
_GZIP = b"\x1f\x8b"
_JSONL_EXT = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_WARC_EXT = (".warc", ".warc.gz")
_HTML_EXT = (".html", ".htm", ".xhtml")
_FEED_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_XML_TYPES = ("application/xml", "text/xml")
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")


def iter_inputs(sources: Sequence[str], options: AcquireOptions, *,
                stdin: IO[bytes] | None = None,
                client: PoliteClient | None = None) -> Iterator[Item]:
    """Yield a :class:`RawInput` or :class:`Rejected` for every story in ``sources``.

    Sources are file paths, folders (recursive, sorted), glob patterns, ``"-"`` for
    standard input, and http(s) URLs (an article page or a feed). Bad input never
    raises; it is yielded as a rejection and the batch goes on. ``stdin`` replaces
    ``sys.stdin.buffer``; ``client`` shares one polite HTTP client (robots cache, rate
    limits) across calls and is then left open.
    """
    with ExitStack() as stack:
        def get_client() -> PoliteClient:
            nonlocal client
            if client is None:
                client = stack.enter_context(PoliteClient(options))
            return client

        for target in expand_sources(list(sources)):
            if isinstance(target, Rejected):
                yield target
            elif target.kind == "url":
                yield from _read_url(target.name, options, get_client())
            elif target.kind == "stdin":
                yield from _read_stdin(stdin or sys.stdin.buffer, options, get_client)
            else:
                yield from _read_path(target, options, get_client)


def detect_format(name: str, head: bytes, forced: str = "auto") -> str:
    """The reader for a file: "jsonl", "warc", "feed", "html" or "auto" (sniff text/HTML)."""
    if forced != "auto":
        return forced
    lower = name.lower()
    for extensions, kind in ((_JSONL_EXT, "jsonl"), (_WARC_EXT, "warc"),
                             ((".rss", ".atom"), "feed")):
        if lower.endswith(extensions):
            return kind
    if head.startswith(_GZIP):
        inner = _gunzip_head(head)
        if inner.startswith(b"WARC/"):
            return "warc"
        return "jsonl" if inner.lstrip().startswith(b"{") else "auto"  # else: binary
    if head.startswith(b"WARC/"):
        return "warc"
    if _FEED_RE.search(head[:2048]) and b"<html" not in head[:2048].lower():
        return "feed"
    if lower.endswith(_HTML_EXT):
        return "html"
    return "jsonl" if _first_line_is_object(head) else "auto"


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def _first_line_is_object(head: bytes) -> bool:
    line = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _read_path(target: Target, options: AcquireOptions,
               get_client: Callable[[], PoliteClient]) -> Iterator[Item]:
    name = target.name
    try:
        with open(name, "rb") as handle:
            head = handle.read(_HEAD)
            handle.seek(0)
            kind = detect_format(name, head, options.input_format)
            if kind in ("jsonl", "warc"):
                yield from _read_container(kind, handle, head, name, options)
                return
    except OSError as err:
        yield reasons.reject(reasons.UNREADABLE, f"cannot read: {err.strerror or err}", name)
        return
    data = read_file(name, options.max_bytes)
    if isinstance(data, tuple):
        yield reasons.reject(data[0], data[1], name)
    elif kind == "feed":
        context = FeedContext(name, base_dir=Path(name).parent, client=get_client)
        yield from iter_feed(data, context, options)
    else:
        origin = Origin(name, "", "document")
        yield make_document(data, origin, meta=options.override_meta(), kind=kind)


def _read_container(kind: str, handle: IO[bytes], head: bytes, name: str,
                    options: AcquireOptions) -> Iterator[Item]:
    """Stream a JSONL or WARC container; its size cap applies per line or record."""
    if kind == "warc":
        yield from iter_warc(handle, name, options)
    elif head.startswith(_GZIP):
        with gzip.GzipFile(fileobj=handle) as unzipped:
            yield from iter_jsonl(cast(IO[bytes], unzipped), name, options)
    else:
        yield from iter_jsonl(handle, name, options)


def _read_stdin(stream: IO[bytes], options: AcquireOptions,
                get_client: Callable[[], PoliteClient]) -> Iterator[Item]:
    head, replay = peekable(stream, _HEAD)
    kind = detect_format("", head, options.input_format)
    if kind in ("jsonl", "warc"):
        yield from _read_container(kind, replay, head, STDIN_SOURCE, options)
        return
    data = read_bounded(replay, options.max_bytes)
    if isinstance(data, tuple):
        yield reasons.reject(data[0], data[1], STDIN_SOURCE)
    elif kind == "feed":
        yield from iter_feed(data, FeedContext(STDIN_SOURCE, client=get_client), options)
    else:
        # stdin has no name, so its id comes from its content.
        origin = Origin(STDIN_SOURCE, "", "document",
                        id=reasons.stable_id(STDIN_SOURCE, reasons.sha256_hex(data)))
        yield make_document(data, origin, meta=options.override_meta(), kind=kind)


def _read_url(url: str, options: AcquireOptions, client: PoliteClient) -> Iterator[Item]:
    fetched = client.fetch(url)
    if isinstance(fetched, Rejected):
        yield fetched
        return
    kind = _url_format(fetched, options.input_format)
    body = fetched.body
    if kind == "binary":
        yield reasons.reject(reasons.BINARY, f"the server sent {fetched.media_type}", url,
                             sha256=reasons.sha256_hex(body))
    elif kind == "feed":
        context = FeedContext(url, base_url=fetched.final_url, client=lambda: client)
        yield from iter_feed(body, context, options)
    elif kind in ("jsonl", "warc"):
        yield from _read_container(kind, io.BytesIO(body), body[:_HEAD], url, options)
    else:
        origin = Origin(url, "", "url", fetched_at=fetched.fetched_at)
        meta = options.override_meta().merged(Meta(url=fetched.final_url))
        yield make_document(body, origin, meta=meta, kind=kind, declared=fetched.charset)


def _url_format(fetched: Fetched, forced: str) -> str:
    """Reader for a fetched body, from the forced format, the content type, then content."""
    if forced != "auto":
        return forced
    media = fetched.media_type or ""
    head = fetched.body[:2048]
    if media in _FEED_TYPES or (media in _XML_TYPES and _FEED_RE.search(head)):
        return "feed"
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media == "text/plain":
        return "text"
    if media.startswith(_BINARY_TYPES):
        return "binary"
    return detect_format(urlsplit(fetched.final_url).path, fetched.body[:_HEAD])
