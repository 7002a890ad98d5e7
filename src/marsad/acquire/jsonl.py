"""JSON Lines reader: one story per line, bad lines rejected, the rest kept.

Fields per line: ``id``, ``text`` or ``html``, and optional ``title``, ``published``,
``outlet``, ``url``, ``author``. For corpora such as SaudiNewsNet, ``content`` is read as
an alias of ``text`` and ``source`` as an alias of ``outlet``. A line without ``id`` gets
a stable id derived from its bytes (the first 16 hex digits of its sha256), so the same
line has the same id on every run.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import IO, Any

from marsad.acquire import reasons
from marsad.acquire.decode import is_blank
from marsad.acquire.options import AcquireOptions
from marsad.acquire.records import Origin
from marsad.model import Meta, Provenance, RawInput, Rejected

_META_FIELDS = ("title", "published", "outlet", "url", "author")
_SKIP_CHUNK = 1 << 20


def iter_jsonl(stream: IO[bytes], source: str,
               options: AcquireOptions) -> Iterator[RawInput | Rejected]:
    """Yield one input or rejection per non-blank line of ``stream``."""
    number = 0
    try:
        for number, line in _lines(stream, options.max_bytes):
            if line is None:
                yield reasons.reject(reasons.TOO_LARGE,
                                     f"line {number} is over {options.max_bytes} bytes",
                                     source, f"line {number}")
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if line.strip():
                yield parse_line(line.rstrip(b"\r\n"), Origin(
                    source, f"line {number}", "jsonl"), options)
    except (OSError, EOFError, zlib.error) as err:  # corrupt or truncated .gz stream
        yield reasons.reject(reasons.MALFORMED_JSONL,
                             f"the stream breaks after line {number}: {err}",
                             source, f"line {number + 1}")


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, each read with a size cap; ``None`` stands for an oversized line."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def parse_line(line: bytes, origin: Origin, options: AcquireOptions) -> RawInput | Rejected:
    """Turn one JSON Lines line (without its newline) into a :class:`RawInput`."""
    digest = reasons.sha256_hex(line)
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        return origin.reject(reasons.INVALID_ENCODING,
                             f"JSON Lines must be UTF-8; byte {err.start} is invalid", digest)
    except json.JSONDecodeError as err:
        return origin.reject(reasons.MALFORMED_JSONL,
                             f"not valid JSON: {err.msg} at column {err.colno}", digest)
    if not isinstance(obj, dict):
        return origin.reject(reasons.MALFORMED_JSONL,
                             f"expected a JSON object, got {type(obj).__name__}", digest)
    problem = _field_problem(obj)
    if problem:
        return origin.reject(reasons.MALFORMED_JSONL, problem, digest)
    return _to_input(obj, origin, digest, options)


def _field_problem(obj: dict[str, Any]) -> str | None:
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return f"'id' must be a string or an integer, got {type(raw_id).__name__}"
    for key in ("text", "content", "html"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"'{key}' must be a string, got {type(obj[key]).__name__}"
    return None


def _to_input(obj: dict[str, Any], origin: Origin, digest: str,
              options: AcquireOptions) -> RawInput | Rejected:
    text = obj.get("text") if obj.get("text") is not None else obj.get("content")
    html = obj.get("html")
    # Prefer the given text: whoever supplied both already chose the article text.
    if text and not is_blank(text):
        kind, content = "text", text
    elif html and not is_blank(html):
        kind, content = "html", html
    else:
        return origin.reject(reasons.JSONL_NO_CONTENT,
                             "the line has no non-empty 'text' or 'html'", digest)
    raw_id = obj.get("id")
    line_id = digest[:16] if raw_id is None or raw_id == "" else str(raw_id)
    provenance = Provenance(source=origin.source, locator=origin.locator, sha256=digest,
                            encoding="utf-8", input_format="jsonl")
    meta = _meta(obj).merged(options.fallback_meta())
    return RawInput(id=line_id, format=kind, content=content, provenance=provenance,
                    meta=meta)


def _meta(obj: dict[str, Any]) -> Meta:
    values = {k: obj[k] if isinstance(obj.get(k), str) and obj[k].strip() else None
              for k in _META_FIELDS}
    if values["outlet"] is None and isinstance(obj.get("source"), str):
        values["outlet"] = obj["source"] or None
    return Meta(**values)
