"""Read-also splitting: appended stories become id#2..., headline lists are removed."""

from __future__ import annotations

from clean_samples import APPENDED, APPENDED_TITLE, HEADLINES, STORY, TITLE, page, raw_text

from marsad.clean import CleanOptions, extract_documents
from marsad.model import Document


def _docs(content: str, options: CleanOptions | None = None) -> list[Document]:
    docs = extract_documents(raw_text(content, doc_id="p"), options)
    assert isinstance(docs, list), docs
    return docs


def test_appended_story_becomes_child_document() -> None:
    source = "المصدر: صحيفة المساء"
    docs = _docs(page(TITLE, *STORY, source, "اقرأ أيضاً:", APPENDED_TITLE, *APPENDED))
    main, child = docs
    assert main.text.split("\n\n") == list(STORY)
    assert (child.id, child.parent_id, child.meta.title) == ("p#2", "p", APPENDED_TITLE)
    assert child.text.split("\n\n") == list(APPENDED)
    assert child.meta.outlet == main.meta.outlet == "صحيفة المساء"
    assert [r.reason for r in main.removed][-1] == "appended_story"
    assert any(r.reason == "title" and r.text == APPENDED_TITLE for r in child.removed)


def test_headline_list_after_marker_is_removed() -> None:
    docs = _docs(page(TITLE, *STORY, "إقرأ ايضا", *HEADLINES))
    assert len(docs) == 1
    main = docs[0]
    assert main.text.split("\n\n") == list(STORY)
    removed = {r.text: r.reason for r in main.removed}
    assert all(removed[h] == "headline_list" for h in HEADLINES)
    assert removed["إقرأ ايضا"] == "read_also_marker"


def test_one_paragraph_after_marker_is_not_a_story() -> None:
    docs = _docs(page(TITLE, *STORY, "اقرأ أيضا:", APPENDED_TITLE, APPENDED[0]))
    assert len(docs) == 1 and APPENDED[0] not in docs[0].text
    assert {r.text: r.reason for r in docs[0].removed}[APPENDED[0]] == "headline_list"
    assert len(_docs(page(TITLE, *STORY, "اقرأ أيضا:", APPENDED_TITLE, APPENDED[0]),
                     CleanOptions(min_appended_paragraphs=1))) == 2


def test_inline_read_also_link_mid_story_keeps_the_story_whole() -> None:
    link = "اقرأ أيضاً: " + HEADLINES[1]
    docs = _docs(page(TITLE, STORY[0], STORY[1], link, STORY[2], STORY[3]))
    assert len(docs) == 1
    assert docs[0].text.split("\n\n") == list(STORY)
    assert {r.text: r.reason for r in docs[0].removed}[link] == "read_also_marker"


def test_inline_marker_with_its_own_story() -> None:
    docs = _docs(page(TITLE, *STORY, "اقرأ أيضاً: " + APPENDED_TITLE, *APPENDED))
    assert [d.id for d in docs] == ["p", "p#2"]
    assert docs[1].meta.title == APPENDED_TITLE
    assert docs[1].text.split("\n\n") == list(APPENDED)


def test_two_appended_stories_are_numbered_in_order() -> None:
    second_title = "بدء موسم قطاف الزيتون في القرى الجبلية"
    second = (
        "بدأ المزارعون في القرى الجبلية موسم قطاف الزيتون هذا الأسبوع وسط توقعات بمحصول وفير.",
        "وقال أحد المزارعين إن موسم قطاف الزيتون تأخر أسبوعين بسبب الأمطار.",
    )
    docs = _docs(page(TITLE, *STORY, "اقرأ أيضاً", APPENDED_TITLE, *APPENDED,
                      "اقرأ أيضاً", second_title, *second, "مقالات مشابهة", *HEADLINES))
    assert [d.id for d in docs] == ["p", "p#2", "p#3"]
    assert docs[2].meta.title == second_title and docs[2].text.split("\n\n") == list(second)
    assert {r.reason for r in docs[2].removed} == {"title", "related_list"}
    assert sum(r.reason == "appended_story" for r in docs[0].removed) == 2


def test_headlines_before_appended_story_are_a_list() -> None:
    docs = _docs(page(TITLE, *STORY, "اقرأ أيضاً:", HEADLINES[0], APPENDED_TITLE, *APPENDED))
    assert len(docs) == 2 and docs[1].meta.title == APPENDED_TITLE
    assert {r.text: r.reason for r in docs[0].removed}[HEADLINES[0]] == "headline_list"
