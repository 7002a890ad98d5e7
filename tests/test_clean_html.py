"""HTML cleaning: trafilatura main text, boilerplate the library keeps, alignment, rejects."""

from __future__ import annotations

import html

import pytest
from clean_samples import STORY, TITLE, raw_html

from marsad.clean import extract_documents
from marsad.clean.html import align_paragraphs, project
from marsad.clean.meta import date_from_url
from marsad.model import Document, Rejected

POLICY = (
    "نرحب بتعليقاتكم، ونذكّر بأن التعليقات تخضع للمراجعة قبل نشرها وفق شروط استخدام الموقع "
    "وسياسة الخصوصية."
)
DISCLAIMER = "الآراء الواردة في التعليقات لا تعبر عن رأي الموقع بل عن وجهات نظر أصحابها."


def _page(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p, quote=True)}</p>" for p in paragraphs)
    nav = "".join(f'<li><a href="/s{i}">قسم {i}</a></li>' for i in range(8))
    return (
        f"<!DOCTYPE html><html lang=\"ar\"><head><title>{TITLE} - أخبار المدينة</title>"
        f'<meta property="og:site_name" content="أخبار المدينة"/></head><body>'
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<article><h1>{TITLE}</h1>{body}</article>"
        f'<div class="comments"><p>{POLICY}</p><p>{DISCLAIMER}</p></div>'
        f"<footer><p>جميع الحقوق محفوظة 2024</p></footer></body></html>"
    )


@pytest.fixture(scope="module")
def doc() -> Document:
    quoted = 'وقال المتحدث: "السوق مفتوح للجميع" في تصريح مقتضب.'
    page = _page([*STORY[:2], quoted, *STORY[2:], POLICY])
    docs = extract_documents(raw_html(page, doc_id="h"))
    assert isinstance(docs, list) and len(docs) == 1, docs
    return docs[0]


def test_story_kept_and_boilerplate_dropped(doc: Document) -> None:
    for sentence in STORY:
        assert sentence in doc.text
    assert "تخضع للمراجعة" not in doc.text and "وجهات نظر أصحابها" not in doc.text
    assert "قسم 3" not in doc.text and "جميع الحقوق" not in doc.text
    assert any(r.reason == "html_boilerplate" for r in doc.removed)
    assert doc.language == "ar"


def test_metadata_from_page(doc: Document) -> None:
    assert doc.meta.title is not None and doc.meta.title.startswith(TITLE[:10])
    assert doc.meta.outlet == "أخبار المدينة"
    assert not doc.text.startswith(TITLE)


def test_paragraphs_map_into_html_source(doc: Document) -> None:
    pos = 0
    for para in doc.text.split("\n\n"):
        a, b = doc.to_original(pos, pos + len(para))
        assert html.unescape(doc.original[a:b]) == para
        pos += len(para) + 2


def test_projection_decodes_entities_and_skips_scripts() -> None:
    src = (
        '<p>قال &quot;نعم&quot; &#1575;&#1604;&#1610;&#1608;&#1605;</p>'
        '<script>var x="لا";</script>'
    )
    proj = project(src)
    assert proj.text.strip() == 'قال "نعم" اليوم'
    quote_at = proj.text.index('"')
    assert src[proj.points[quote_at]:].startswith("&quot;")


def test_paragraph_split_by_inline_tag_still_aligns() -> None:
    src = '<body><p>وقال <a href="/x">رئيس البلدية</a>. ثم غادر.</p></body>'
    lines, aligned = align_paragraphs(src, ["وقال رئيس البلدية. ثم غادر."])
    assert aligned == 1
    assert src[lines[0].start:lines[0].end].startswith("وقال") and src[lines[0].end - 1] == "."


def test_unalignable_paragraph_points_at_body_start() -> None:
    src = "<html><body><p>نص مختلف تماما.</p></body></html>"
    lines, aligned = align_paragraphs(src, ["فقرة لا توجد في الصفحة."])
    assert aligned == 0 and lines[0].start == src.index("<p>")


def test_html_without_body_is_rejected() -> None:
    out = extract_documents(raw_html("<html><head><title>عنوان</title></head></html>"))
    assert isinstance(out, Rejected)
    assert (out.stage, out.reason) == ("clean", "no_main_text")
    assert "no visible body text" in out.detail


def test_html_with_only_chrome_is_rejected() -> None:
    page = _page([])
    out = extract_documents(raw_html(page))
    assert isinstance(out, Rejected)
    assert out.reason in ("no_main_text", "only_boilerplate")


def test_url_dates() -> None:
    cnn = "http://arabic.cnn.com/2013/middle_east/8/3/syria/index.html"
    assert date_from_url(cnn) == "2013-08-03"
    assert date_from_url("https://example.org/news/2024/05/19/story") == "2024-05-19"
    assert date_from_url("https://example.org/news/story-123") is None
