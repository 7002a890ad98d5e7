"""Consistency of the bundled demo corpus (src/marsad/data/demo) and its manifest."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
from collections import Counter, defaultdict
from importlib.resources import files
from pathlib import Path
from typing import Any

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

REPO = Path(__file__).resolve().parents[1]
KEYS = {"file", "locator", "id", "outlet", "published", "url", "title", "story", "twin_of",
        "near_duplicate_of", "encoding", "appended", "notes"}
ENCODINGS = {"utf-8", "cp1256", "utf-16", "utf-8-sig"}
# The demo covers about five weeks; a date outside this window is a typo.
FIRST_DAY, LAST_DAY = dt.date(2025, 3, 1), dt.date(2025, 4, 30)


@pytest.fixture(scope="module")
def demo() -> Path:
    return Path(str(files("marsad.data.demo")))


@pytest.fixture(scope="module")
def manifest(demo: Path) -> list[dict[str, Any]]:
    lines = (demo / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def by_id(manifest: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in manifest}


def _of_format(manifest: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    return [row for row in manifest if row["format"] == fmt]


def _decoded(path: Path, encoding: str) -> str:
    return path.read_bytes().decode(encoding)


def test_manifest_rows_have_all_keys_and_unique_ids(manifest: list[dict[str, Any]]) -> None:
    assert len(manifest) >= 44
    for row in manifest:
        assert KEYS <= row.keys(), row["id"]
        assert row["encoding"] in ENCODINGS
        assert row["appended"] in (None, "story", "headlines")
        assert row["url"].startswith("https://") and ".example/" in row["url"]
    ids = [row["id"] for row in manifest]
    assert len(ids) == len(set(ids))
    urls = [row["url"] for row in manifest]
    assert len(urls) == len(set(urls))


def test_dates_are_valid_and_in_window(manifest: list[dict[str, Any]]) -> None:
    for row in manifest:
        day = dt.date.fromisoformat(row["published"])
        assert FIRST_DAY <= day <= LAST_DAY, row["id"]


def test_every_file_exists_and_demo_is_small(demo: Path, manifest: list[dict[str, Any]]) -> None:
    for row in manifest:
        assert (demo / row["file"]).is_file(), row["file"]
    total = sum(p.stat().st_size for p in demo.rglob("*") if p.is_file())
    assert total < 1_000_000
    assert (demo / "warc" / "demo.warc.gz").stat().st_size < 200_000


def test_format_counts(manifest: list[dict[str, Any]]) -> None:
    counts = Counter(row["format"] for row in manifest)
    assert counts["text"] >= 20 and counts["html"] >= 16
    assert counts["feed"] >= 4 and counts["jsonl"] >= 3 and counts["warc"] >= 3
    encodings = Counter(row["encoding"] for row in manifest)
    assert {"cp1256", "utf-16", "utf-8-sig"} <= encodings.keys()


def test_stories_twins_and_near_duplicates(
    manifest: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> None:
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in manifest:
        assert row["story"], row["id"]
        members[row["story"]].append(row)
    multi_outlet = [s for s, rows in members.items() if len({r["outlet"] for r in rows}) >= 2]
    assert len(members) >= 12 and len(multi_outlet) >= 10
    twins = [row for row in manifest if row["twin_of"]]
    for row in twins:
        other = by_id[row["twin_of"]]
        assert other["twin_of"] == row["id"], "twin links go both ways"
        assert other["story"] == row["story"] and other["outlet"] != row["outlet"]
    assert len(twins) // 2 >= 3
    dups = [row for row in manifest if row["near_duplicate_of"]]
    assert len(dups) >= 2
    for row in dups:
        original = by_id[row["near_duplicate_of"]]
        assert original["story"] == row["story"] and original["title"] != row["title"]


def test_text_scrapes_decode_and_look_like_scrapes(
    demo: Path, manifest: list[dict[str, Any]]
) -> None:
    for row in _of_format(manifest, "text"):
        raw = (demo / row["file"]).read_bytes()
        text = raw.decode(row["encoding"])
        assert text.count(row["title"]) >= 2, row["file"]
        assert "المصدر:" in text and "كلمات دلالية:" in text
        if row["appended"]:
            assert "اقرأ أيضاً" in text or "إقرأ أيضاً" in text
    cp1256 = next(r for r in manifest if r["encoding"] == "cp1256")
    with pytest.raises(UnicodeDecodeError):
        (demo / cp1256["file"]).read_bytes().decode("utf-8")
    bom = next(r for r in manifest if r["encoding"] == "utf-8-sig")
    assert (demo / bom["file"]).read_bytes().startswith(b"\xef\xbb\xbf")


def test_html_pages_carry_metadata_and_escaped_markup(
    demo: Path, manifest: list[dict[str, Any]]
) -> None:
    escaped_seen = False
    for row in _of_format(manifest, "html"):
        page = _decoded(demo / row["file"], "utf-8")
        assert f'<link rel="canonical" href="{row["url"]}">' in page
        assert 'property="og:site_name"' in page and 'property="article:published_time"' in page
        assert html.escape(row["title"]) in page and "<article" in page
        assert "<script>alert" not in page and "<img src=x onerror" not in page
        escaped_seen = escaped_seen or "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert escaped_seen, "one page must show markup as escaped article text"


def test_feed_parses_and_links_resolve(demo: Path, manifest: list[dict[str, Any]]) -> None:
    rows = _of_format(manifest, "feed")
    feed_path = demo / rows[0]["file"]
    parsed = feedparser.parse(feed_path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    links = {entry.link for entry in parsed.entries}
    assert len(parsed.entries) >= 4
    for entry in parsed.entries:
        assert entry.title and entry.published_parsed and entry.description
        assert (feed_path.parent / entry.link).is_file(), entry.link
    assert {row["locator"] for row in rows} == links


def test_jsonl_records_match_manifest(demo: Path, manifest: list[dict[str, Any]]) -> None:
    rows = _of_format(manifest, "jsonl")
    path = demo / rows[0]["file"]
    records = {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    assert len(records) >= 3
    for row in rows:
        rec = records[row["locator"]]
        assert {"title", "published", "outlet", "url"} <= rec.keys()
        assert ("text" in rec) != ("html" in rec)
        assert rec["title"] == row["title"] and rec["url"] == row["url"]
        assert rec["published"].startswith(row["published"])


def test_warc_parses_and_holds_manifest_records(demo: Path, manifest: list[dict[str, Any]]) -> None:
    rows = _of_format(manifest, "warc")
    found: dict[str, tuple[str, str]] = {}
    with open(demo / rows[0]["file"], "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            rid = record.rec_headers.get_header("WARC-Record-ID")
            body = record.content_stream().read().decode("utf-8")
            found[rid] = (record.rec_headers.get_header("WARC-Target-URI"), body)
    for row in rows:
        uri, body = found[row["locator"]]
        assert uri == row["url"] and html.escape(row["title"]) in body


def test_warc_build_is_reproducible(demo: Path, tmp_path: Path) -> None:
    script = REPO / "scripts" / "build_demo_warc.py"
    if not script.is_file():
        pytest.skip("scripts/ not available (installed package without the source tree)")
    spec = importlib.util.spec_from_file_location("build_demo_warc", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "demo.warc.gz"
    assert module.build_warc(demo / "warc" / "src", out) >= 4
    assert out.read_bytes() == (demo / "warc" / "demo.warc.gz").read_bytes()
