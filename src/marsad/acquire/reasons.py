"""Reason codes for inputs the acquisition layer rejects, and helpers to build them.

Every bad input becomes a :class:`~marsad.model.Rejected` with ``stage="acquire"`` and one
of the codes below; the store counts rejections by code, so the set is small and stable.
"""

from __future__ import annotations

import hashlib

from marsad.model import Rejected

STAGE = "acquire"

NOT_FOUND = "not_found"
UNREADABLE = "unreadable"
UNSUPPORTED_SOURCE = "unsupported_source"
EMPTY = "empty"
BINARY = "binary"
INVALID_ENCODING = "invalid_encoding"
TOO_LARGE = "too_large"
MALFORMED_JSONL = "malformed_jsonl"
JSONL_NO_CONTENT = "jsonl_no_content"
MALFORMED_WARC = "malformed_warc"
WARC_NON_TEXT = "warc_non_text"
MALFORMED_FEED = "malformed_feed"
FEED_ITEM_UNFETCHABLE = "feed_item_unfetchable"
PRIVATE_ADDRESS = "private_address"
HTTP_ERROR = "http_error"
HTTP_TIMEOUT = "http_timeout"
ROBOTS_DISALLOWED = "robots_disallowed"

#: Every code this layer can emit, with a one-line meaning (used in docs and tests).
REASONS: dict[str, str] = {
    NOT_FOUND: "the path or glob matches no file",
    UNREADABLE: "the file exists but cannot be read (permissions, I/O error)",
    UNSUPPORTED_SOURCE: "not a regular file, folder, glob, '-' or http(s) URL",
    EMPTY: "no bytes, or only whitespace after decoding",
    BINARY: "binary content (NUL bytes, control characters, PDF/ZIP/image/gzip magic)",
    INVALID_ENCODING: "not valid UTF-8/UTF-16 and not recognisable Windows-1256 Arabic",
    TOO_LARGE: "larger than max_bytes (checked before reading, or while streaming)",
    MALFORMED_JSONL: "a JSON Lines line that is not a JSON object with usable fields",
    JSONL_NO_CONTENT: "a JSON Lines object with neither non-empty 'text' nor 'html'",
    MALFORMED_WARC: "a WARC record that cannot be parsed (broken header, truncated gzip)",
    WARC_NON_TEXT: "a WARC response whose payload is not HTML or plain text",
    MALFORMED_FEED: "an RSS/Atom document that does not parse and has no entries",
    FEED_ITEM_UNFETCHABLE: "a feed entry whose page cannot be read and whose summary is thin",
    PRIVATE_ADDRESS: "a URL whose host resolves to a private/loopback/reserved address",
    HTTP_ERROR: "an HTTP failure: error status, connection failure, bad redirect",
    HTTP_TIMEOUT: "the server did not answer within the timeout",
    ROBOTS_DISALLOWED: "robots.txt forbids marsad from fetching the URL",
}


def reject(reason: str, detail: str, source: str, locator: str = "",
           sha256: str = "") -> Rejected:
    """Build an acquisition rejection; ``reason`` must be one of :data:`REASONS`."""
    if reason not in REASONS:
        raise ValueError(f"unknown acquire reason code {reason!r}; add it to REASONS")
    return Rejected(stage=STAGE, reason=reason, detail=detail, source=source,
                    locator=locator, sha256=sha256)


def sha256_hex(data: bytes) -> str:
    """Hex sha256 of raw input bytes (the provenance hash)."""
    return hashlib.sha256(data).hexdigest()


def stable_id(*parts: str) -> str:
    """A short id that is the same on every run and machine (never Python's ``hash()``).

    The parts are joined with NUL so ("ab", "c") and ("a", "bc") differ.
    """
    joined = "\x00".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha1(joined).hexdigest()[:16]
