"""Language identification: py3langid restricted to a sensible set, plus script checks.

Arabic, Persian and Urdu share a script, so the Arabic-script share of letters decides
the *family* and py3langid (over ``ar``/``fa``/``ur`` only) picks the language inside
it, cross-checked with letters that Persian and Urdu use and Arabic does not
(پ چ ژ گ ک ی, and Urdu ٹ ڈ ڑ ں ے ہ). Mixed pages, an Arabic story with some English
chrome, stay Arabic because the script share is taken over all letters.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

#: Languages py3langid may answer with. Restricting the set avoids absurd answers
#: (Arabic headlines as Malay) and makes the probabilities meaningful.
LANGUAGES: tuple[str, ...] = ("ar", "en", "fa", "ur", "fr", "he", "tr")
ARABIC_SCRIPT_LANGUAGES: tuple[str, ...] = ("ar", "fa", "ur")

#: Code point ranges of the Arabic script (base, supplement, extended-A, presentation forms).
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))
_ARABIC_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ARABIC_RANGES)
_ARABIC_SCRIPT = re.compile(f"[{_ARABIC_CLASS}]")
_LETTER = re.compile(r"[^\W\d_]")
#: Complement, for counting by deletion: ``len(_NOT_LETTER.sub("", t))`` is several
#: times faster than ``len(_LETTER.findall(t))`` on long texts.
_NOT_LETTER = re.compile(r"[\W\d_]+")
#: Runs of characters that are neither Arabic script nor a plain space. The leading
#: class is written out (not ``[...]+``) so that the regex engine skips ahead to the
#: next candidate, which is fast because Arabic text has few such characters.
_OTHER_CHARS = re.compile(f"[^{_ARABIC_CLASS} ][^{_ARABIC_CLASS} ]*")
#: Arabic-script characters that are not letters (harakat, Arabic punctuation and
#: digits), listed with the same test as ``_NOT_LETTER`` so the counts agree with it.
_ARABIC_NON_LETTERS = re.compile("[" + "".join(
    re.escape(chr(c)) for lo, hi in _ARABIC_RANGES for c in range(lo, hi + 1)
    if _NOT_LETTER.match(chr(c))
) + "]")
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
def _full_identifier() -> Any:
    """The py3langid model over all its languages, loaded once (about 0.8 s).

    Cached: the model is read-only once built, identical in every process and
    independent of call order, so the cache cannot change any output.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _identifier(languages: tuple[str, ...]) -> Any:
    """A py3langid identifier restricted to ``languages``.

    A shallow copy of the full identifier: ``set_languages`` re-slices the full model
    that the identifier keeps and rebinds the copy's own attributes, so every language
    set shares one loaded model instead of reading the model file again.
    """
    ident = copy.copy(_full_identifier())
    ident.set_languages(list(languages))
    return ident


def arabic_script_ratio(text: str) -> float:
    """Share of letters in ``text`` that are in the Arabic script (0.0 with no letters)."""
    return _script_counts(text)[1]


def _script_counts(text: str) -> tuple[int, float]:
    """How many characters of ``text`` are in the Arabic script, and its script ratio.

    Deleting the non-Arabic characters with one regex would cut the text into one
    piece per word, which is slow. Instead spaces are counted with ``str.count`` and
    only the few other non-Arabic characters, and the few Arabic non-letters, are
    matched; the letters among the non-Arabic characters are then counted by deletion.
    """
    other = "".join(_OTHER_CHARS.findall(text))
    arabic_chars = len(text) - text.count(" ") - len(other)
    arabic_letters = arabic_chars - len(_ARABIC_NON_LETTERS.findall(text))
    letters = arabic_letters + len(_NOT_LETTER.sub("", other))
    return arabic_chars, (arabic_letters / letters if letters else 0.0)


def detect_language(text: str) -> tuple[str, float]:
    """Return ``(iso639-1 code, confidence)``; ``("und", 0.0)`` for text without letters."""
    sample = text[:MAX_CHARS]
    if not _LETTER.search(sample):
        return "und", 0.0
    arabic_chars, ratio = _script_counts(sample)
    if ratio < ARABIC_SCRIPT_MIN:
        lang, prob = _identifier(LANGUAGES).classify(sample)
        return str(lang), float(prob)
    # Persian/Urdu letters are all in the Arabic script: counting them over the whole
    # sample counts them among its Arabic-script characters.
    extra = len(_NON_ARABIC_LETTERS.findall(sample)) / max(arabic_chars, 1)
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
