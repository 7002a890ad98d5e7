"""Language identification and the not-Arabic rejection."""

from __future__ import annotations

import pytest
from clean_samples import STORY, TITLE, page, raw_text

from marsad.clean import CleanOptions, extract_documents
from marsad.model import Rejected
from marsad.text.langid import arabic_script_ratio, detect_language

PERSIAN = (
    "وزیر کشاورزی امروز بازار تازه‌ای را برای کشاورزان در مرکز شهر گشایش کرد.",
    "او گفت که کشاورزان می‌توانند محصولات خود را بدون واسطه به مردم بفروشند.",
    "به گفته وزیر، دولت قصد دارد تا پایان سال بازارهای مشابهی در سه استان دیگر باز کند.",
)
URDU = "وزیر زراعت نے آج شہر کے مرکز میں کسانوں کے لیے ایک نئی منڈی کا افتتاح کیا۔"
ENGLISH = (
    "The agriculture minister opened a new farmers market in the city centre this morning.",
    "He said farmers would be able to sell their produce directly to shoppers.",
    "The government plans similar markets in three more provinces before the end of the year.",
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (" ".join(STORY), "ar"),
        (" ".join(PERSIAN), "fa"),
        (URDU, "ur"),
        (" ".join(ENGLISH), "en"),
        ("Le ministre a annoncé l'ouverture d'un nouveau marché pour les agriculteurs.", "fr"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    got, conf = detect_language(text)
    assert got == lang
    assert 0.5 <= conf <= 1.0


def test_no_letters_is_undetermined() -> None:
    assert detect_language("2024 - 12:30 !!") == ("und", 0.0)


def test_arabic_story_with_english_chrome_is_arabic() -> None:
    mixed = " ".join(STORY) + " Home News Sports Share on Facebook Twitter WhatsApp Login"
    assert detect_language(mixed)[0] == "ar"
    assert arabic_script_ratio(mixed) > 0.5


def test_english_page_is_rejected() -> None:
    out = extract_documents(raw_text(page("Farmers market opens", *ENGLISH)))
    assert isinstance(out, Rejected)
    assert (out.stage, out.reason) == ("clean", "not_arabic")
    assert out.detail.startswith("detected en (")


def test_persian_page_is_rejected_as_fa() -> None:
    out = extract_documents(raw_text(page("گشایش بازار کشاورزان", *PERSIAN)))
    assert isinstance(out, Rejected) and out.reason == "not_arabic"
    assert out.detail.startswith("detected fa (")


def test_require_arabic_can_be_switched_off() -> None:
    docs = extract_documents(raw_text(page(*PERSIAN)), CleanOptions(require_arabic=False))
    assert isinstance(docs, list) and docs[0].language == "fa"


def test_arabic_page_language_is_set() -> None:
    docs = extract_documents(raw_text(page(TITLE, *STORY)))
    assert isinstance(docs, list) and docs[0].language == "ar"
