"""Turn one input's bytes into a :class:`RawInput`, or a :class:`Rejected` saying why not."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.acquire import reasons
from marsad.acquire.decode import (
    DecodeFailure,
    decode_bytes,
    html_declared_charset,
    looks_like_html,
)
from marsad.model import Meta, Provenance, RawInput, Rejected


@dataclass(frozen=True)
class Origin:
    """Where bytes came from: enough to build provenance, an id and rejections."""

    source: str
    locator: str = ""
    input_format: str = "text"
    fetched_at: str | None = None
    id: str | None = None  # None: derive from source and locator

    def input_id(self) -> str:
        """The explicit id, or a stable one from source and locator."""
        return self.id if self.id is not None else reasons.stable_id(self.source, self.locator)

    def reject(self, reason: str, detail: str, sha256: str = "") -> Rejected:
        """A rejection located at this origin."""
        return reasons.reject(reason, detail, self.source, self.locator, sha256)


def make_document(data: bytes, origin: Origin, *, meta: Meta, kind: str = "auto",
                  declared: str | None = None) -> RawInput | Rejected:
    """Decode ``data`` into a text or HTML :class:`RawInput`.

    ``kind`` is ``"text"`` or ``"html"`` when the caller knows (a forced input format,
    an ``.html`` extension, a content type), else ``"auto"`` to sniff the markup.
    """
    digest = reasons.sha256_hex(data)
    declared = declared or html_declared_charset(data)
    decoded = decode_bytes(data, declared=declared)
    if isinstance(decoded, DecodeFailure):
        return origin.reject(decoded.reason, decoded.detail, digest)
    if kind == "auto":
        kind = "html" if looks_like_html(decoded.text) else "text"
    # "document": a file or stdin whose reader is named after what sniffing found.
    reader = kind if origin.input_format == "document" else origin.input_format
    provenance = Provenance(source=origin.source, locator=origin.locator, sha256=digest,
                            encoding=decoded.encoding, fetched_at=origin.fetched_at,
                            input_format=reader)
    return RawInput(id=origin.input_id(), format=kind, content=decoded.text,
                    provenance=provenance, meta=meta)
