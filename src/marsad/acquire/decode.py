"""Bytes to text: encoding detection for Arabic news inputs, binary and emptiness checks.

Detection is evidence-based, never a blind guess: a BOM, a UTF-16 byte pattern, strict
UTF-8, or Windows-1256 that decodes to text with the letter profile of real Arabic.
Anything else is rejected with a reason code rather than decoded into mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from marsad.acquire import reasons

#: Leading bytes of formats that are never article text. gzip is here too: the readers
#: open gzip-compressed WARC and JSONL themselves before any text decoding happens.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"\xff\xd8\xff", "JPEG"), (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"), (b"Rar!\x1a\x07", "RAR"), (b"\x7fELF", "ELF"),
    (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"), (b"RIFF", "RIFF media"),
    (b"\xd0\xcf\x11\xe0", "OLE/legacy Office"), (b"OggS", "Ogg"), (b"ID3", "MP3"),
)

#: BOMs, longest first so a UTF-32 LE BOM is not read as UTF-16 LE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: High bytes of UTF-16 code units in Arabic news text: ASCII (00), Arabic (06),
#: general punctuation such as dashes and quotes (20), presentation forms (FB, FE).
_UTF16_HIGH_BYTES = (0x00, 0x06, 0x20, 0xFB, 0xFE)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_HTML_RE = re.compile(
    r"<!doctype\s+html|<(?:html|head|body|p|div|article|meta|title|br)\b[^>]*>", re.I)
#: Heuristics look at a prefix: enough characters to judge, bounded time on 50 MB inputs.
_SAMPLE = 65536


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the name of the encoding that produced it."""

    text: str
    encoding: str


@dataclass(frozen=True)
class DecodeFailure:
    """Why bytes could not become text: a reason code and a human message."""

    reason: str
    detail: str


def binary_magic(head: bytes) -> str | None:
    """The name of a binary format whose signature starts ``head``, else ``None``."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded | DecodeFailure:
    """Decode one input's bytes, or say why it is not usable text.

    ``declared`` is a charset from an HTTP header, HTML meta tag or WARC record; it is
    tried only after strict UTF-8 and the Arabic Windows-1256 check, because servers
    often mislabel Arabic pages as ISO-8859-1 or Windows-1252.
    """
    if not data:
        return DecodeFailure(reasons.EMPTY, "the input has no bytes")
    magic = binary_magic(data[:16])
    if magic:
        return DecodeFailure(reasons.BINARY, f"{magic} data, not text")
    result = _decode(data, declared)
    if isinstance(result, DecodeFailure):
        return result
    return _check_text(result)


def _decode(data: bytes, declared: str | None) -> Decoded | DecodeFailure:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, f"text starts with a {codec} BOM but")
    if b"\x00" in data:
        return _utf16_without_bom(data) or DecodeFailure(
            reasons.BINARY, "NUL bytes without a UTF-16 pattern")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    legacy = data.decode("cp1256")
    if looks_like_arabic(legacy):
        return Decoded(legacy, "windows-1256")
    fallback = _codec_name(declared)
    if fallback and fallback not in ("utf-8", "cp1256"):
        try:
            return Decoded(data.decode(fallback), fallback)
        except UnicodeDecodeError:
            pass
    return DecodeFailure(reasons.INVALID_ENCODING, _utf8_message(utf8_error, len(data)))


def _strict(data: bytes, codec: str, prefix: str) -> Decoded | DecodeFailure:
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as err:
        return DecodeFailure(reasons.INVALID_ENCODING,
                             f"{prefix} byte {err.start} is invalid: {err.reason}")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM, recognised by the byte that repeats in every code unit."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return None
    for codec, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                             ("utf-16-be", sample[0::2], sample[1::2])):
        typical = sum(high.count(b) for b in _UTF16_HIGH_BYTES) / len(high)
        # 0.9: a few code units outside the usual blocks (emoji halves, symbols) are fine.
        if typical >= 0.9 and low.count(0) / len(low) < 0.1:
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                return None
    return None


def looks_like_arabic(text: str) -> bool:
    """True when ``text`` has the letter profile of Arabic prose.

    Most letters must be Arabic, and ط/ظ must stay rare: UTF-8 Arabic misread as
    Windows-1256 turns every lead byte (D8/D9) into ط or ظ, so mojibake fails here.
    """
    sample = text[:_SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    arabic = [c for c in letters if "\u0600" <= c <= "\u06ff"]
    if len(arabic) < 3:  # too little evidence to call anything Arabic
        return False
    # 0.6: news text mixes in Latin names, acronyms and URLs; 0.25: ط+ظ are about 2%.
    mostly_arabic = len(arabic) / len(letters) >= 0.6
    lead_bytes = sum(c in "طظ" for c in arabic) / len(arabic)
    return mostly_arabic and lead_bytes <= 0.25


def _check_text(decoded: Decoded) -> Decoded | DecodeFailure:
    sample = decoded.text[:_SAMPLE]
    controls = sum(1 for c in sample if _is_control(c))
    # A stray escape or form feed survives scraping; many control characters mean binary.
    if controls > max(2, len(sample) // 200):
        return DecodeFailure(reasons.BINARY,
                             f"{controls} control characters in the first {len(sample)}")
    if is_blank(decoded.text):
        return DecodeFailure(reasons.EMPTY, "only whitespace after decoding")
    return decoded


def is_blank(text: str) -> bool:
    """True if ``text`` holds nothing but whitespace and invisible format characters."""
    return not text.strip().strip(_INVISIBLE).strip()


def _is_control(char: str) -> bool:
    code = ord(char)
    return (code < 32 and char not in _ALLOWED_CONTROLS) or 0x7F <= code <= 0x9F


def _codec_name(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return codecs.lookup(declared.strip().strip("'\"")).name
    except LookupError:
        return None


def _utf8_message(err: UnicodeDecodeError, size: int) -> str:
    if err.end >= size and "unexpected end" in err.reason:
        return f"truncated UTF-8: the input ends inside a character at byte {err.start}"
    return (f"invalid UTF-8 at byte {err.start} ({err.reason}) and not Windows-1256 "
            "Arabic either")


def looks_like_html(text: str) -> bool:
    """True if the start of ``text`` contains HTML markup (a doctype or a common tag)."""
    return _HTML_RE.search(text[:4096]) is not None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def html_declared_charset(head: bytes) -> str | None:
    """The charset declared by a ``<meta>`` tag in the first bytes of an HTML page."""
    match = _META_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii") if match else None


def parse_content_type(value: str) -> tuple[str, str | None]:
    """Split a Content-Type header into (lower-case media type, charset or None)."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip("'\" ")
    return media.strip().lower(), charset
