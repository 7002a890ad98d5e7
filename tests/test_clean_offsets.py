"""Property: every kept paragraph of a plain-text page maps exactly back to the input."""

from __future__ import annotations

from clean_samples import APPENDED, APPENDED_TITLE, HEADLINES, STORY, TITLE, raw_text
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.clean import extract_documents

CHROME = ("recent", "عاجـــل", "زر الذهاب إلى الأعلى", "• " + HEADLINES[0], "| صحيفة المساء",
          "كلمات دلالية: سوق مزارعين", "اترك تعليقاً", "مقالات ذات صلة")
POOL = (*STORY, *APPENDED, TITLE, APPENDED_TITLE, *HEADLINES, *CHROME, "اقرأ أيضاً:")
SPACES = st.sampled_from(["", " ", "\u00a0", "\t", "  "])
BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\n\u00a0\n", "\n \n\n"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=14))
    lines = [*lines, draw(st.sampled_from(STORY))]  # at least one story line
    parts = [draw(SPACES) + ln + draw(SPACES) + draw(BREAKS) for ln in lines]
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(pages())
def test_paragraphs_round_trip_exactly(content: str) -> None:
    docs = extract_documents(raw_text(content))
    if not isinstance(docs, list):
        return
    for doc in docs:
        assert doc.original == content
        pos = 0
        for para in doc.text.split("\n\n"):
            a, b = doc.to_original(pos, pos + len(para))
            assert content[a:b] == para
            pos += len(para) + 2
        assert pos - 2 == len(doc.text)
        for i, ch in enumerate(doc.text):
            if ch != "\n":
                assert content[doc.offsets.points[i]] == ch


@settings(max_examples=40, deadline=None)
@given(pages())
def test_nothing_is_lost_silently(content: str) -> None:
    """Every non-blank line ends up in some story's text or in a ``removed`` entry."""
    docs = extract_documents(raw_text(content))
    if not isinstance(docs, list):
        return
    accounted = "\n".join([d.text for d in docs] + [r.text for d in docs for r in d.removed])
    for line in content.splitlines():
        if line.strip():
            assert line.strip() in accounted
