"""The sentence splitter keeps domains, numbers, abbreviations and quotes whole."""

from marsad.text.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.of(text) for s in split_sentences(text)]


def test_splits_on_final_punctuation_and_lines() -> None:
    text = "وصل الوفد إلى مسقط. وبدأت الجولة الثانية؟ نعم!\nفقرة جديدة بلا نقطة"
    assert texts(text) == [
        "وصل الوفد إلى مسقط.",
        "وبدأت الجولة الثانية؟",
        "نعم!",
        "فقرة جديدة بلا نقطة",
    ]


def test_keeps_domain_and_numbers() -> None:
    text = "ذكر موقع العربية.نت أن النسبة بلغت 3.5 بالمئة. ثم انتهى الاجتماع."
    assert texts(text) == ["ذكر موقع العربية.نت أن النسبة بلغت 3.5 بالمئة.", "ثم انتهى الاجتماع."]


def test_keeps_abbreviations() -> None:
    text = "قال د. سمير الخطيب إن الوضع هادئ. وأكد ذلك."
    assert texts(text) == ["قال د. سمير الخطيب إن الوضع هادئ.", "وأكد ذلك."]


def test_does_not_break_quoted_speech() -> None:
    text = "وقال الوزير: «لن نتراجع. هذا موقفنا الثابت» مضيفاً أن الحوار مستمر. وانتهى اللقاء."
    got = texts(text)
    assert got[0].startswith("وقال الوزير") and got[0].endswith("الحوار مستمر.")
    assert got[1] == "وانتهى اللقاء."


def test_unclosed_quote_does_not_swallow_paragraph() -> None:
    text = "قال المتحدث: «هذا أمر مهم. " + "وجملة أخرى طويلة. " * 60
    assert len(split_sentences(text)) > 30


def test_spans_are_trimmed_and_ordered() -> None:
    text = "  أولاً.   ثانياً.  \n\n  ثالثاً  "
    spans = split_sentences(text)
    assert [s.of(text) for s in spans] == ["أولاً.", "ثانياً.", "ثالثاً"]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
