"""Golden tests: the real seed pages and the CNN reference page, read from ../shared.

Expectations live in ``tests/data/clean/golden_pages.json``: for each story, its
paragraphs in order (as short start/end fragments), title and outlet, and chrome that
must not survive.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.clean import extract_documents
from marsad.model import Document, Provenance, RawInput, check_record, to_record

GOLDEN_FILE = Path(__file__).parent / "data" / "clean" / "golden_pages.json"
GOLDEN = json.loads(GOLDEN_FILE.read_text("utf-8"))
PAGES = sorted(k for k in GOLDEN if not k.startswith("_"))


@pytest.fixture(scope="module")
def results(shared: Path) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for name in PAGES:
        spec = GOLDEN[name]
        content = (shared / spec["path"]).read_text(encoding="utf-8")
        raw = RawInput(id=name, format=spec["format"], content=content,
                       provenance=Provenance(source=spec["path"], input_format=spec["format"]))
        docs = extract_documents(raw)
        assert isinstance(docs, list), f"{name} was rejected: {docs}"
        out[name] = docs
    return out


def _paragraphs_match(doc: Document, expected: list[dict[str, str]]) -> None:
    paras = doc.text.split("\n\n")
    assert len(paras) == len(expected), f"{doc.id}: {len(paras)} paragraphs, want {len(expected)}"
    for i, (para, exp) in enumerate(zip(paras, expected, strict=True)):
        assert para.startswith(exp["starts"]), f"{doc.id} paragraph {i} starts {para[:40]!r}"
        assert para.endswith(exp["ends"]), f"{doc.id} paragraph {i} ends {para[-40:]!r}"


@pytest.mark.parametrize("name", PAGES)
def test_stories_keep_every_paragraph(results: dict[str, list[Document]], name: str) -> None:
    docs = results[name]
    specs: list[dict[str, Any]] = GOLDEN[name]["docs"]
    assert [d.id for d in docs] == [name + s["suffix"] for s in specs]
    for doc, spec in zip(docs, specs, strict=True):
        _paragraphs_match(doc, spec["paragraphs"])
        for phrase in spec.get("must_have", []):
            assert phrase in doc.text, f"{doc.id} lost {phrase!r}"


@pytest.mark.parametrize("name", PAGES)
def test_chrome_is_gone(results: dict[str, list[Document]], name: str) -> None:
    for doc, spec in zip(results[name], GOLDEN[name]["docs"], strict=True):
        for phrase in spec.get("must_not_have", []):
            assert phrase not in doc.text, f"{doc.id} kept chrome {phrase!r}"


@pytest.mark.parametrize("name", PAGES)
def test_title_once_in_meta_and_outlet(results: dict[str, list[Document]], name: str) -> None:
    for doc, spec in zip(results[name], GOLDEN[name]["docs"], strict=True):
        if spec["title_starts"] is None:
            assert doc.meta.title is None
        else:
            assert doc.meta.title is not None and doc.meta.title.startswith(spec["title_starts"])
            assert doc.meta.title not in doc.text
        assert doc.meta.outlet == spec["outlet"]
        if "published" in spec:
            assert doc.meta.published == spec["published"]


@pytest.mark.parametrize("name", PAGES)
def test_records_honour_contract(results: dict[str, list[Document]], name: str) -> None:
    for doc in results[name]:
        assert doc.language == "ar"
        assert check_record(to_record(doc)) == []
        assert all(r.reason for r in doc.removed)


def test_appended_story_is_child_and_main_ends_before_marker(
    results: dict[str, list[Document]],
) -> None:
    main, child = results["000_4189b346f8e250ce.txt"]
    assert child.parent_id == main.id and main.parent_id is None
    reasons = {r.reason for r in main.removed}
    assert {"source_line", "tags", "read_also_marker", "appended_story"} <= reasons
    assert {"title", "related_list"} <= {r.reason for r in child.removed}
    marker_at = main.original.find("أيضاً:")
    assert main.to_original(0, len(main.text))[1] < marker_at


def test_plain_text_offsets_are_exact(results: dict[str, list[Document]]) -> None:
    for name in PAGES:
        if GOLDEN[name]["format"] != "text":
            continue
        for doc in results[name]:
            pos = 0
            for para in doc.text.split("\n\n"):
                a, b = doc.to_original(pos, pos + len(para))
                assert doc.original[a:b] == para
                pos += len(para) + 2


def test_html_paragraphs_align_to_source(results: dict[str, list[Document]]) -> None:
    doc = results["arabic_article.html"][0]
    pos = 0
    for para in doc.text.split("\n\n"):
        a, b = doc.to_original(pos, pos + len(para))
        src = doc.original[a:b]
        # The source span holds the paragraph (with inline tags such as <a> between words).
        assert src.startswith(para[:8]) and src.endswith(para[-8:]), (para[:30], src[:60])
        pos += len(para) + 2
