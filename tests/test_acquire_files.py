"""Files, folders, globs and stdin through ``iter_inputs``: one reason code per bad input."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.acquire import REASONS, AcquireOptions, iter_inputs
from marsad.model import RawInput, Rejected

STORY = ("قال رئيس البلدية إن أعمال صيانة شبكة المياه ستنتهي قبل حلول الشتاء، "
         "مشيرا إلى أن فرق العمل تواصل الليل بالنهار في الأحياء الشرقية.\n")
PAGE = ("<!DOCTYPE html><html><head><meta charset=\"windows-1256\"><title>خبر</title>"
        "</head><body><p>" + STORY + "</p></body></html>")


def _run(sources: list[str], **options: object) -> list[RawInput | Rejected]:
    return list(iter_inputs(sources, AcquireOptions(**options)))  # type: ignore[arg-type]


def _reason(item: RawInput | Rejected) -> str:
    assert isinstance(item, Rejected), item
    assert item.stage == "acquire" and item.reason in REASONS and item.detail
    return item.reason


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    """A folder with one good or bad input per file, named so sorting fixes the order."""
    files: dict[str, bytes] = {
        "01_good.txt": STORY.encode("utf-8"),
        "02_empty.txt": b"",
        "03_blank.txt": b" \n\n\t ",
        "04_binary.dat": b"\x00\x01\x02\x03\x00\xff" * 50,
        "05_truncated.txt": STORY.encode("utf-8")[:-3],  # ends inside the last letter
        "06_legacy.txt": STORY.encode("cp1256"),
        "07_utf16.txt": STORY.encode("utf-16"),
        "08_bom.txt": b"\xef\xbb\xbf" + STORY.encode("utf-8"),
        "09_pdf.pdf": b"%PDF-1.4\n" + b"x" * 100,
        "10_page.html": PAGE.encode("cp1256"),
        "11_nobody.html": b"<html><head><title>x</title></head></html>",
        "12_good.txt": STORY.encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / ".hidden.txt").write_bytes(STORY.encode("utf-8"))
    return tmp_path


def test_batch_of_mixed_inputs_continues_after_each_bad_one(mixed: Path) -> None:
    items = _run([str(mixed)])
    names = [Path(i.provenance.source if isinstance(i, RawInput) else i.source).name
             for i in items]
    assert names == sorted(p.name for p in mixed.iterdir() if not p.name.startswith("."))
    by_name = dict(zip(names, items, strict=True))
    assert _reason(by_name["02_empty.txt"]) == "empty"
    assert _reason(by_name["03_blank.txt"]) == "empty"
    assert _reason(by_name["04_binary.dat"]) == "binary"
    assert _reason(by_name["05_truncated.txt"]) == "invalid_encoding"
    assert _reason(by_name["09_pdf.pdf"]) == "binary"
    for name in ("01_good.txt", "06_legacy.txt", "07_utf16.txt", "08_bom.txt",
                 "12_good.txt"):
        item = by_name[name]
        assert isinstance(item, RawInput) and item.format == "text"
        assert item.content.lstrip("\ufeff") == item.content
        assert item.content == STORY, name
    legacy = by_name["06_legacy.txt"]
    assert isinstance(legacy, RawInput) and legacy.provenance.encoding == "windows-1256"


def test_html_pages_even_without_a_body(mixed: Path) -> None:
    page, nobody = _run([str(mixed / "10_page.html"), str(mixed / "11_nobody.html")])
    assert isinstance(page, RawInput) and page.format == "html"
    assert STORY in page.content and page.provenance.encoding == "windows-1256"
    assert page.provenance.input_format == "html"
    assert isinstance(nobody, RawInput) and nobody.format == "html"


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    (tmp_path / "page").write_text("<p>" + STORY + "</p>", encoding="utf-8")
    (item,) = _run([str(tmp_path / "page")])
    assert isinstance(item, RawInput) and item.format == "html"


def test_provenance_and_stable_ids(mixed: Path) -> None:
    first = _run([str(mixed / "01_good.txt"), str(mixed / "12_good.txt")])
    again = _run([str(mixed / "01_good.txt"), str(mixed / "12_good.txt")])
    assert [i.id for i in first] == [i.id for i in again]  # type: ignore[union-attr]
    one, two = first
    assert isinstance(one, RawInput) and isinstance(two, RawInput)
    assert one.id != two.id and len(one.id) == 16
    assert one.provenance.sha256 == two.provenance.sha256  # same bytes, same hash
    assert one.provenance.input_format == "text"


def test_huge_sparse_file_is_rejected_without_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    (tmp_path / "small.txt").write_text(STORY, encoding="utf-8")
    started = time.perf_counter()
    items = _run([str(tmp_path)])
    assert time.perf_counter() - started < 1.0
    assert _reason(items[0]) == "too_large"
    assert isinstance(items[1], RawInput)


def test_max_bytes_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (item,) = _run([str(tmp_path / "a.txt")], max_bytes=20)
    assert _reason(item) == "too_large"


def test_same_path_twice_is_read_once(mixed: Path) -> None:
    good = mixed / "01_good.txt"
    items = _run([str(good), str(mixed / "." / "01_good.txt"), str(mixed / "0[1]_good.txt")])
    assert len(items) == 1


def test_globs_and_missing_sources(mixed: Path) -> None:
    items = _run([str(mixed / "*_good.txt"), str(mixed / "nothing*.txt"),
                  str(mixed / "missing.txt"), "ftp://example.org/x"])
    assert [type(i).__name__ for i in items] == ["RawInput", "RawInput", "Rejected",
                                                 "Rejected", "Rejected"]
    assert [_reason(i) for i in items[2:]] == ["not_found", "not_found",
                                              "unsupported_source"]


def test_recursive_folders_are_sorted(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "a/z.txt", "a/sub/1.txt", "c.txt", ".git/x.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(STORY, encoding="utf-8")
    items = _run([str(tmp_path)])
    rel = [Path(i.provenance.source).relative_to(tmp_path).as_posix()  # type: ignore[union-attr]
           for i in items]
    assert rel == ["a/sub/1.txt", "a/z.txt", "b/2.txt", "c.txt"]


def test_metadata_overrides_for_plain_text(mixed: Path) -> None:
    (item,) = _run([str(mixed / "01_good.txt")], published="2024-03-05", outlet="الأنباء",
                   url="https://news.example/a/1", title="صيانة الشبكة")
    assert isinstance(item, RawInput)
    assert (item.meta.published, item.meta.outlet, item.meta.url, item.meta.title) == (
        "2024-03-05", "الأنباء", "https://news.example/a/1", "صيانة الشبكة")


def test_bad_options_raise_with_a_hint() -> None:
    with pytest.raises(ValueError, match="input_format"):
        AcquireOptions(input_format="pdf")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        AcquireOptions(published="5 March")


def test_forced_text_format_keeps_markup_as_text(mixed: Path) -> None:
    (item,) = _run([str(mixed / "10_page.html")], input_format="text")
    assert isinstance(item, RawInput) and item.format == "text"


def test_stdin_text_and_jsonl() -> None:
    options = AcquireOptions()
    (item,) = iter_inputs(["-"], options, stdin=io.BytesIO(STORY.encode("cp1256")))
    assert isinstance(item, RawInput) and item.content == STORY
    assert item.provenance.source == "<stdin>"
    lines = b'{"id": "s1", "text": "\xd9\x86\xd8\xb5"}\n{"id": "s2"}\n'
    items = list(iter_inputs(["-", "-"], options, stdin=io.BytesIO(lines)))
    assert [getattr(i, "id", None) or i.reason for i in items] == [  # type: ignore[union-attr]
        "s1", "jsonl_no_content"]


def test_stdin_too_large() -> None:
    options = AcquireOptions(max_bytes=100)
    (item,) = iter_inputs(["-"], options, stdin=io.BytesIO(STORY.encode("utf-8") * 10))
    assert _reason(item) == "too_large"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    secret = tmp_path / "secret.txt"
    secret.write_text(STORY, encoding="utf-8")
    real_open = builtins.open

    def guarded(file: object, *args: object, **kwargs: object) -> object:
        # Mode-0 files stay readable for root, so refuse this one path explicitly.
        if str(file) == str(secret):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", guarded)
    items = _run([str(secret), str(tmp_path / "secret.txt")])
    assert [_reason(i) for i in items] == ["unreadable"]


def _shared() -> Path:
    root = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    if not (root / "seeds").is_dir():
        pytest.skip(f"shared material not found at {root} (set MARSAD_SHARED)")
    return root


def test_shared_seeds_and_reference_page_are_read() -> None:
    root = _shared()
    items = _run([str(root / "seeds"), str(root / "reference" / "html" / "*.html")])
    assert items and all(isinstance(i, RawInput) for i in items)
    kinds = {Path(i.provenance.source).suffix: i.format for i in items}  # type: ignore[union-attr]
    assert kinds == {".txt": "text", ".html": "html"}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    from marsad.acquire.decode import Decoded, DecodeFailure, decode_bytes

    result = decode_bytes(data)
    assert isinstance(result, Decoded | DecodeFailure)
    # Sniffing may pick the JSONL, WARC or feed reader; whichever it is must not raise.
    items = list(iter_inputs(["-"], AcquireOptions(), stdin=io.BytesIO(data)))
    assert all(isinstance(i, RawInput | Rejected) for i in items)
    for prefix in (b"WARC/1.0\r\n", b'{"id": 1}\n', b"<rss><channel><item>"):
        more = list(iter_inputs(["-"], AcquireOptions(), stdin=io.BytesIO(prefix + data)))
        assert all(isinstance(i, RawInput | Rejected) for i in more)
