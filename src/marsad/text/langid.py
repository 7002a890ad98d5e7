"""Language identification: py3langid restricted to a sensible set, plus script checks.

Arabic, Persian and Urdu share a script, so the Arabic-script share of letters decides
the *family* and py3langid (over ``ar``/``fa``/``ur`` only) picks the language inside
it, cross-checked with letters that Persian and Urdu use and Arabic does not
(پ چ ژ گ ک ی, and Urdu ٹ ڈ ڑ ں ے ہ). Mixed pages, an Arabic story with some English
chrome, stay Arabic because the script share is taken over all letters.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

#: Languages py3langid may answer with. Restricting the set avoids absurd answers
#: (Arabic headlines as Malay) and makes the probabilities meaningful.
LANGUAGES: tuple[str, ...] = ("ar", "en", "fa", "ur", "fr", "he", "tr")
ARABIC_SCRIPT_LANGUAGES: tuple[str, ...] = ("ar", "fa", "ur")

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LETTER = re.compile(r"[^\W\d_]")
#: Complements, for counting by deletion: ``len(_NOT_X.sub("", t))`` is several times
#: faster than ``len(_X.findall(t))`` on long texts.
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NOT_ARABIC_SCRIPT = re.compile(
    r"[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+")
#: Letters of Persian/Urdu orthography that standard Arabic text does not use.
_NON_ARABIC_LETTERS = re.compile(r"[پچژگکی\u0679\u0688\u0691\u06BA\u06D2\u06C1]")
#: Above this share of Persian/Urdu-only letters the text is not Arabic whatever the
#: model says; below the lower bound a "fa"/"ur" answer is overruled (Arabic text).
NON_ARABIC_LETTER_HIGH = 0.03
NON_ARABIC_LETTER_LOW = 0.002
#: Share of Arabic-script letters from which a text belongs to the Arabic-script family.
ARABIC_SCRIPT_MIN = 0.5
#: From this Arabic-script share, with no Persian/Urdu letters, the text is Arabic
#: without asking the model (the model costs more than the rest of cleaning).
ARABIC_FAST_PATH = 0.85
#: Texts are cut to this many characters before classification; more adds no signal.
MAX_CHARS = 5000


@cache
def _identifier(languages: tuple[str, ...]) -> Any:
    """A py3langid identifier restricted to ``languages``.

    Cached per language set: the model is read-only once built, identical in every
    process and independent of call order, so the cache cannot change any output; it
    only avoids reloading the 0.6 s model for each document.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(languages))
    return ident


def arabic_script_ratio(text: str) -> float:
    """Share of letters in ``text`` that are in the Arabic script (0.0 with no letters)."""
    letters = _NOT_LETTER.sub("", text)
    if not letters:
        return 0.0
    return len(_NOT_ARABIC_SCRIPT.sub("", letters)) / len(letters)


def detect_language(text: str) -> tuple[str, float]:
    """Return ``(iso639-1 code, confidence)``; ``("und", 0.0)`` for text without letters."""
    sample = text[:MAX_CHARS]
    if not _LETTER.search(sample):
        return "und", 0.0
    ratio = arabic_script_ratio(sample)
    if ratio < ARABIC_SCRIPT_MIN:
        lang, prob = _identifier(LANGUAGES).classify(sample)
        return str(lang), float(prob)
    arabic_only = _NOT_ARABIC_SCRIPT.sub("", sample)
    extra = len(_NON_ARABIC_LETTERS.findall(arabic_only)) / max(len(arabic_only), 1)
    if ratio >= ARABIC_FAST_PATH and extra < NON_ARABIC_LETTER_LOW:
        return "ar", round(ratio, 3)
    lang, prob = _identifier(ARABIC_SCRIPT_LANGUAGES).classify(_arabic_script_words(sample))
    lang, prob = str(lang), float(prob)
    if lang == "ar" and extra >= NON_ARABIC_LETTER_HIGH:
        # Frequent پ/چ/گ/ی... outweigh the model: fall back to the best non-Arabic answer.
        fa_ur = _identifier(("fa", "ur")).classify(sample)
        return str(fa_ur[0]), float(fa_ur[1])
    if lang != "ar" and extra < NON_ARABIC_LETTER_LOW:
        return "ar", max(1.0 - prob, 0.5)
    return lang, prob


def _arabic_script_words(text: str) -> str:
    """The text with non-Arabic-script words removed (English chrome adds only noise)."""
    words = [w for w in text.split() if _ARABIC_SCRIPT.search(w)]
    return " ".join(words) or text


def is_arabic(text: str) -> bool:
    """Whether the main language of ``text`` is Arabic."""
    return detect_language(text)[0] == "ar"
