"""Encoding detection and binary/empty checks of the acquisition layer."""

from __future__ import annotations

import codecs

import pytest

from marsad.acquire.decode import (
    Decoded,
    DecodeFailure,
    decode_bytes,
    looks_like_arabic,
    looks_like_html,
)

ARABIC = ("أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الريفية، "
          "وقال المتحدث باسم الوزارة إن الخطة تشمل قروضا ميسرة وبذورا محسنة.")


def _ok(data: bytes) -> Decoded:
    result = decode_bytes(data)
    assert isinstance(result, Decoded), result
    return result


def _fails(data: bytes) -> str:
    result = decode_bytes(data)
    assert isinstance(result, DecodeFailure), result
    return result.reason


def test_utf8_plain() -> None:
    result = _ok(ARABIC.encode("utf-8"))
    assert result.text == ARABIC and result.encoding == "utf-8"


def test_utf8_bom_is_stripped() -> None:
    result = _ok(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    assert result.text == ARABIC and not result.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec: str) -> None:
    result = _ok(ARABIC.encode(codec))
    assert result.text == ARABIC
    assert result.encoding.startswith("utf-16")


def test_utf16le_ascii_without_bom() -> None:
    text = "Press release: the ministry met farmers today.\n"
    assert _ok(text.encode("utf-16-le")).text == text


def test_utf32_with_bom() -> None:
    assert _ok(ARABIC.encode("utf-32")).text == ARABIC


def test_cp1256_is_detected_and_decoded() -> None:
    result = _ok(ARABIC.encode("cp1256"))
    assert result.encoding == "windows-1256"
    assert result.text == ARABIC


def test_short_cp1256_line() -> None:
    text = "خبر عاجل من غزة"
    assert _ok(text.encode("cp1256")).text == text


def test_truncated_utf8_is_rejected() -> None:
    data = ARABIC.encode("utf-8")[:-2]  # drop the full stop and half of the last letter
    result = decode_bytes(data)
    assert isinstance(result, DecodeFailure)
    assert result.reason == "invalid_encoding" and "truncated" in result.detail


def test_utf8_with_broken_bytes_inside_is_rejected() -> None:
    data = ARABIC.encode("utf-8")
    data = data[:41] + data[42:]  # drop one continuation byte in the middle
    assert _fails(data) == "invalid_encoding"


def test_latin1_prose_is_not_guessed() -> None:
    assert _fails("Le ministère a réuni les élus à Paris.".encode("latin-1")) == \
        "invalid_encoding"


def test_mojibake_profile_is_not_arabic() -> None:
    # UTF-8 Arabic read as Windows-1256 is full of ط/ظ; it must not pass as Arabic.
    assert not looks_like_arabic(ARABIC.encode("utf-8").decode("cp1256"))
    assert looks_like_arabic(ARABIC)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u200f \ufeff\n".encode("utf-8"),
                                  codecs.BOM_UTF8])
def test_empty_inputs(data: bytes) -> None:
    assert _fails(data) == "empty"


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"PK\x03\x04\x14\x00\x00\x00",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x00\x10",
    bytes(range(1, 32)) * 20,
])
def test_binary_inputs(data: bytes) -> None:
    assert _fails(data) == "binary"


def test_a_stray_control_character_is_tolerated() -> None:
    text = ARABIC + "\x0c" + ARABIC
    assert _ok(text.encode("utf-8")).text == text


def test_declared_charset_is_a_late_fallback() -> None:
    text = "Ça coûte 5 € à Paris."
    result = decode_bytes(text.encode("cp1252"), declared="windows-1252")
    assert isinstance(result, Decoded) and result.text == text


def test_html_sniffing() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body></body></html>")
    assert looks_like_html("<p>فقرة</p>")
    assert not looks_like_html("الطقس اليوم: 3 < 5 درجات")
    assert not looks_like_html("<pre>not a paragraph tag</pre>")
