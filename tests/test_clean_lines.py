"""Line classifier and plain-text chrome removal on small hand-written pages."""

from __future__ import annotations

import pytest
from clean_samples import STORY, SUBHEADING, TITLE, page, raw_text

from marsad.clean import CleanOptions, extract_documents
from marsad.clean.lines import body_score, classify_lines, features, split_lines
from marsad.model import Document, Meta, Rejected


def _one(content: str, **kw: object) -> Document:
    docs = extract_documents(raw_text(content, **kw))  # type: ignore[arg-type]
    assert isinstance(docs, list) and len(docs) == 1, docs
    return docs[0]


def _reasons(doc: Document) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


def test_features_of_prose_title_and_garbage() -> None:
    prose, title = features(STORY[0], 0), features(TITLE, 0)
    assert prose.final_punct and prose.comma and prose.arabic_ratio == 1.0
    assert body_score(prose) > body_score(title)
    assert features("عاجـــــــل", 0).stretched
    assert features("appstoregoogleplaydownloadnow", 0).glued
    assert features("• خبر قصير", 0).bullet


def test_split_lines_trims_nbsp_and_keeps_offsets() -> None:
    content = "\u00a0\n  سطر أول.  \n\n\u00a0\u00a0\nسطر ثان.\n"
    lines = split_lines(content)
    assert [ln.text for ln in lines] == ["سطر أول.", "سطر ثان."]
    assert all(content[ln.start:ln.end] == ln.text for ln in lines)


def test_repeated_title_kept_once_in_meta() -> None:
    doc = _one(page("recent", "عاجـــــــل", TITLE, "\u00a0", TITLE, TITLE, *STORY))
    assert doc.meta.title == TITLE
    assert TITLE not in doc.text and not doc.text.startswith("وزير")
    assert doc.text.split("\n\n") == list(STORY)
    reasons = [r.reason for r in doc.removed]
    assert reasons.count("title") == 1 and reasons.count("repeated_title") == 2
    assert _reasons(doc)["recent"] == "chrome" and _reasons(doc)["عاجـــــــل"] == "chrome"


@pytest.mark.parametrize(
    ("chrome", "reason"),
    [
        ("زر الذهاب إلى الأعلى", "chrome"),
        ("تابعونا على فيسبوك", "chrome"),
        ("appgalleryplaystorenewsfeedtop", "chrome"),
        ("جميع الحقوق محفوظة لموقع الأخبار 2024", "html_boilerplate"),
        ("الوسوم: الزراعة الأسواق المزارعين", "tags"),
        ("كلمات دلالية: وزير الزراعة سوق", "tags"),
        ("اترك تعليقاً", "comment_form"),
        ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comment_form"),
    ],
)
def test_each_chrome_type_is_removed_with_reason(chrome: str, reason: str) -> None:
    doc = _one(page(TITLE, STORY[0], STORY[1], chrome, STORY[2], STORY[3]))
    assert chrome not in doc.text
    assert _reasons(doc)[chrome] == reason
    assert doc.text.split("\n\n") == list(STORY)


def test_comment_form_block_removes_its_field_labels() -> None:
    form = ("اترك تعليقاً", "الاسم *", "البريد الإلكتروني *", "إرسال التعليق")
    doc = _one(page(TITLE, *STORY, *form))
    assert doc.text.split("\n\n") == list(STORY)
    assert {r.reason for r in doc.removed} == {"title", "comment_form"}


def test_related_list_with_bullets() -> None:
    related = ["مقالات ذات صلة", "• ارتفاع أسعار الخضار", "• فوز فريق المدينة بالكأس"]
    doc = _one(page(TITLE, *STORY, *related))
    assert "•" not in doc.text and "ذات صلة" not in doc.text
    assert [r.reason for r in doc.removed if r.text in related] == ["related_list"] * 3


def test_source_line_and_pipe_byline_give_outlet() -> None:
    doc = _one(page(TITLE, "| صحيفة المساء", *STORY))
    assert doc.meta.outlet == "صحيفة المساء"
    assert _reasons(doc)["| صحيفة المساء"] == "byline"
    doc = _one(page(TITLE, *STORY, "المصدر: وكالة الأنباء المحلية"))
    assert doc.meta.outlet == "وكالة الأنباء المحلية"
    assert _reasons(doc)["المصدر: وكالة الأنباء المحلية"] == "source_line"


def test_author_byline_is_not_an_outlet() -> None:
    doc = _one(page(TITLE, "بقلم: سامي النجار", *STORY))
    assert doc.meta.author == "سامي النجار"
    assert doc.meta.outlet is None
    assert {r.text: r.reason for r in doc.removed}["بقلم: سامي النجار"] == "byline"


def test_explicit_meta_wins_over_page() -> None:
    meta = Meta(outlet="منفذ محدد", published="2024-05-01", url="https://example.org/a")
    doc = _one(page(TITLE, *STORY, "المصدر: وكالة الأنباء المحلية"), meta=meta)
    assert doc.meta.outlet == "منفذ محدد"
    assert doc.meta.published == "2024-05-01" and doc.meta.url == "https://example.org/a"
    assert doc.meta.title == TITLE


def test_known_title_from_meta_is_not_left_in_text() -> None:
    doc = _one(page(TITLE, *STORY), meta=Meta(title=TITLE))
    assert TITLE not in doc.text and doc.meta.title == TITLE


def test_subheading_removed_by_default_and_kept_apart_on_request() -> None:
    content = page(TITLE, STORY[0], STORY[1], SUBHEADING, STORY[2], STORY[3])
    doc = _one(content)
    assert SUBHEADING not in doc.text and _reasons(doc)[SUBHEADING] == "subheading"
    docs = extract_documents(raw_text(content), CleanOptions(keep_subheadings=True))
    assert isinstance(docs, list)
    assert docs[0].text.split("\n\n") == [STORY[0], STORY[1], SUBHEADING, STORY[2], STORY[3]]


def test_long_unpunctuated_line_inside_story_is_prose() -> None:
    lost_stop = "وأكد المسؤول أن العمل في المشروع سيستمر حتى الانتهاء من جميع المراحل المقررة"
    doc = _one(page(TITLE, STORY[0], lost_stop, STORY[1]))
    assert doc.text.split("\n\n") == [STORY[0], lost_stop, STORY[1]]


def test_only_chrome_page_is_rejected() -> None:
    out = extract_documents(raw_text(page("recent", "عاجـــل", "زر الذهاب إلى الأعلى", TITLE)))
    assert isinstance(out, Rejected)
    assert (out.stage, out.reason) == ("clean", "only_boilerplate")


def test_empty_input_is_rejected() -> None:
    out = extract_documents(raw_text(" \n\u00a0\n"))
    assert isinstance(out, Rejected) and out.reason == "empty"


def test_unknown_format_is_a_programming_error() -> None:
    raw = raw_text("نص.")
    with pytest.raises(ValueError, match="unsupported input format"):
        extract_documents(type(raw)(id="x", format="pdf", content="x", provenance=raw.provenance))


def test_classifier_kinds_on_a_small_page() -> None:
    lines = split_lines(page(TITLE, *STORY, "اقرأ أيضاً:"))
    kinds = [c.kind for c in classify_lines(lines)]
    assert kinds == ["heading", "body", "body", "body", "body", "marker"]


def test_dash_list_items_inside_a_story_are_kept() -> None:
    items = ["- توسيع السوق ليشمل مئة كشك جديد.", "- تخصيص مواقف مجانية للمزارعين."]
    doc = _one(page(TITLE, STORY[0], *items, STORY[1]))
    assert doc.text.split("\n\n") == [STORY[0], *items, STORY[1]]
