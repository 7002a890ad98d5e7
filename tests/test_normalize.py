"""Normalisation folds Arabic variants and its offset map round-trips exactly."""

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import fold, normalize

ARABIC_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "أإآٱؤئءىة" "ـًٌٍَُِّْٰ" "٠١٢٣٤٥٦٧٨٩۰۱۲۳" "«»“”'\" ،.؟\n"
    "ﻻﻷکیabcXYZ 0123\u200f\u00a0"
)


def test_folds_letter_variants() -> None:
    assert fold("أإآٱ") == "اااا"
    assert fold("مصطفى مدرسة") == "مصطفي مدرسه"
    assert fold("سؤال قائد") == "سوال قايد"


def test_deletes_tatweel_and_diacritics() -> None:
    assert fold("عاجـــــل") == "عاجل"
    assert fold("مُسْتَمِرَّةٌ") == "مستمره"


def test_digits_and_quotes() -> None:
    assert fold("٢٠٢٤ و۱۴۰۳") == "2024 و1403"
    assert fold("«نعم» “لا” 'ربما'") == '"نعم" "لا" "ربما"'


def test_presentation_forms_expand() -> None:
    assert fold("ﻻ") == "لا"
    n = normalize("ﻻ بأس")
    assert n.text == "لا باس"
    assert n.to_source(0, 2) == (0, 1)


def test_identity_fast_path_keeps_offsets() -> None:
    text = "قال الوزير إن المحادثات مستمرة"
    n = normalize(text)
    assert len(n.text) == len(text)
    assert n.to_source(4, 10) == (4, 10)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ARABIC_ALPHABET, max_size=80), st.data())
def test_spans_map_back_exactly(text: str, data: st.DataObject) -> None:
    """Any span of the normalised text maps to a source span that normalises to it."""
    n = normalize(text)
    assert n.text == fold(text) or len(n.text) == len(fold(text))
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    a, b = n.to_source(start, end)
    assert 0 <= a <= b <= len(text)
    if start < end:
        pts = n.offsets.points
        aligned = (start == 0 or pts[start] != pts[start - 1]) and pts[end] != pts[end - 1]
        back = fold(text[a:b])
        # A span cutting through a one-to-many expansion (a ligature) maps to the whole
        # source character; every other span maps back exactly.
        assert back == n.text[start:end] if aligned else n.text[start:end] in back


@given(st.text(alphabet=ARABIC_ALPHABET, max_size=60))
def test_map_is_monotonic(text: str) -> None:
    pts = normalize(text).offsets.to_list()
    assert pts == sorted(pts)
