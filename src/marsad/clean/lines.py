"""Arabic-aware line classifier for plain-text scrapes (and extracted HTML paragraphs).

Each non-blank line gets transparent features (length, Arabic ratio, sentence-final
punctuation, repetition, stretched or glued tokens, bullets) and a *body score*, a
weighted sum of those features. Cue phrases from :mod:`marsad.clean.cues` tag chrome
(source lines, tags, bylines, comment forms, related lists, read-also markers).

The classifier gives every line one of four kinds:

* ``body``: a story paragraph;
* ``heading``: headline-like (Arabic, no final punctuation, short): a title, a
  subheading or a headline-list item; :mod:`marsad.clean.segments` decides which;
* ``marker``: a read-also marker (optionally with a headline on the same line);
* ``drop``: chrome, with a reason code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.clean import cues
from marsad.text.normalize import fold

#: Runs of characters that are neither Arabic letters nor a plain space. Arabic
#: letters are counted as what is left once spaces (``str.count``) and these runs are
#: taken away: Arabic lines have few such runs, while deleting all non-letters would
#: cut a line into one piece per word. The leading class is written out (not
#: ``[...]+``) so that the regex engine skips ahead to the next candidate.
_ARABIC_LETTERS = "\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF"
_NOT_ARABIC_LETTER_OR_SPACE = re.compile(f"[^{_ARABIC_LETTERS} ][^{_ARABIC_LETTERS} ]*")
#: Complement of the Latin letters: counting by deletion (``len(sub(""))``) is much
#: faster than ``len(findall())`` on long lines.
_NOT_LATIN_LETTER = re.compile(r"[^A-Za-z\u00C0-\u024F]+")
_WORD = re.compile(r"\w+")
#: Any character four times in a row. Stretching means a *word* character repeated
#: (``(\w)\1{3,}``, "عاجللل"); matching any character and testing the few hits for
#: ``\w`` is several times faster than a word-class test at every position.
_RUN_OF_FOUR = re.compile(r"(.)\1\1\1", re.S)
_WORD_CHAR = re.compile(r"\w")
_DOUBLE_TATWEEL = "\u0640\u0640"

#: Body-score weights. A line is body when its score reaches BODY_THRESHOLD.
#: Final punctuation is the strongest single signal in Arabic news; length helps
#: because titles and chrome are short; a comma marks running prose.
W_FINAL_PUNCT = 2.5
W_PER_WORD = 1 / 6
MAX_WORD_CREDIT = 5.0
W_COMMA = 0.5
W_NOT_ARABIC = -3.0
W_STRETCHED = -2.0
W_GLUED = -3.0
W_BULLET = -2.0
W_REPEATED = -1.5
BODY_THRESHOLD = 3.0
#: Inside a story, a line this long without final punctuation is prose whose full
#: stop was lost, not a subheading.
BODY_RESCUE_WORDS = 9
#: A headline has at least this many words and at most HEADING_MAX_WORDS.
HEADING_MIN_WORDS = 2
HEADING_MAX_WORDS = 25
#: Tokens this long without a space are glued chrome ("google-playkhamsat...").
GLUED_TOKEN_CHARS = 25


@dataclass(frozen=True)
class Line:
    """A unit of the page: its text and where it sits in ``RawInput.content``.

    For plain text ``text == content[start:end]`` and ``points`` is ``None``. For
    HTML paragraphs ``points`` holds one source index per character of ``text``.
    """

    text: str
    start: int
    end: int
    points: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Features:
    """Transparent per-line features; :func:`body_score` combines them."""

    words: int
    arabic_ratio: float
    final_punct: bool
    comma: bool
    stretched: bool
    glued: bool
    bullet: bool
    repeats: int


@dataclass(frozen=True)
class LineClass:
    """The classifier's verdict for one line."""

    kind: str  # "body" | "heading" | "marker" | "drop"
    reason: str = ""
    score: float = 0.0
    value: str = ""  # outlet/author for bylines and source lines; headline for markers
    words: int = 0
    repeats: int = 0
    role: str = ""  # for bylines: "outlet" ("| العربية.نت") or "author" ("بقلم: ...")


def split_lines(content: str) -> list[Line]:
    """Non-blank lines of ``content`` with surrounding whitespace trimmed (NBSP too)."""
    out: list[Line] = []
    pos = 0
    for raw in content.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw)
    return out


def line_key(text: str) -> str:
    """Folded, whitespace-collapsed key used to spot repeated lines."""
    # split() and join() collapse and trim the same whitespace as ``\s+`` and strip(),
    # without a regex pass over the line.
    return " ".join(fold(text).split())


def features(text: str, repeats: int) -> Features:
    """Compute the features of one line."""
    other = "".join(_NOT_ARABIC_LETTER_OR_SPACE.findall(text))
    arabic = len(text) - text.count(" ") - len(other)
    latin = len(_NOT_LATIN_LETTER.sub("", text))
    # Glued chrome is one or two tokens: three pieces are enough to rule it out.
    tokens = text.split(None, 2)
    return Features(
        words=_word_count(text),
        arabic_ratio=arabic / (arabic + latin) if arabic + latin else 0.0,
        final_punct=bool(cues.SENTENCE_FINAL.search(text)),
        comma=("،" in text or "," in text),
        stretched=_is_stretched(text),
        glued=len(tokens) <= 2 and any(len(t) >= GLUED_TOKEN_CHARS for t in tokens),
        bullet=text[0] in cues.BULLETS,
        repeats=repeats,
    )


def _is_stretched(text: str) -> bool:
    """Tatweel run or a word character four times in a row.

    Runs of four never overlap a longer run of another character, so scanning the
    non-overlapping runs finds a word-character run whenever there is one.
    """
    if _DOUBLE_TATWEEL in text:
        return True
    return any(_WORD_CHAR.match(m[1]) for m in _RUN_OF_FOUR.finditer(text))


def body_score(f: Features) -> float:
    """Weighted sum of features: high for story prose, low for titles and chrome."""
    score = min(f.words * W_PER_WORD, MAX_WORD_CREDIT)
    score += W_FINAL_PUNCT if f.final_punct else 0.0
    score += W_COMMA if f.comma else 0.0
    score += W_NOT_ARABIC if f.arabic_ratio < 0.5 else 0.0
    score += W_STRETCHED if f.stretched else 0.0
    score += W_GLUED if f.glued else 0.0
    score += W_BULLET if f.bullet else 0.0
    score += W_REPEATED * min(f.repeats, 2)
    return score


def is_headline_like(f: Features) -> bool:
    """Arabic, short, unpunctuated, no garbage: a title, subheading or list headline."""
    return (
        f.arabic_ratio >= 0.5
        and HEADING_MIN_WORDS <= f.words <= HEADING_MAX_WORDS
        and not f.final_punct
        and not f.stretched
        and not f.glued
    )


#: Every whole-line cue, for a single ``startswith`` check that rules most lines out.
_WHOLE_LINE_PREFIXES: tuple[str, ...] = tuple(
    p for phrases in cues.WHOLE_LINE_CUES.values() for p in phrases
)


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _whole_line_cue(key: str) -> str | None:
    if not key.startswith(_WHOLE_LINE_PREFIXES):
        return None
    words = _word_count(key)
    for reason, phrases in cues.WHOLE_LINE_CUES.items():
        for phrase in phrases:
            if key.startswith(phrase) and words <= len(phrase.split()) + cues.WHOLE_LINE_SLACK:
                return reason
    return None


def _byline(text: str, key: str) -> LineClass | None:
    # Both pipe-byline forms need a pipe; the substring test spares most lines the regex.
    m = cues.BYLINE_PIPE.match(text) if "|" in text or "｜" in text else None
    if m:
        value = (m.group("value") or m.group("value2") or "").strip()
        if len(value.split()) <= cues.BYLINE_MAX_WORDS:
            return LineClass("drop", "byline", value=value, role="outlet")
    m = cues.BYLINE_AUTHOR.match(key)
    if m and len(m.group("value").split()) <= cues.BYLINE_MAX_WORDS and ":" in text[:12]:
        return LineClass("drop", "byline", value=_after_colon(text), role="author")
    return None


def _after_colon(text: str) -> str:
    """The part of ``text`` after its first colon (Arabic or Latin), trimmed."""
    parts = re.split(r"[:：]", text, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def cue_class(text: str, key: str | None = None) -> LineClass | None:
    """Classify a line by cue phrases alone, or ``None`` when no cue applies.

    ``key`` is the line's :func:`line_key`, when the caller has it already.
    """
    key = line_key(text) if key is None else key
    # Cheap anchored matches first; the word count is taken only when a cue matched,
    # since most lines match none and counting scans the whole line.
    m = cues.READ_ALSO.match(key)
    if m and _word_count(key) <= HEADING_MAX_WORDS + 3:
        headline = _after_colon(text) if m["rest"] else ""
        return LineClass("marker", "read_also_marker", value=headline)
    if cues.SOURCE_LINE.match(key) and _word_count(key) <= 8:
        return LineClass("drop", "source_line", value=_after_colon(text) or text.split(None, 1)[-1])
    if cues.TAGS_LINE.match(key):
        return LineClass("drop", "tags")
    if any(p in key for p in cues.COMMENT_FORM_PHRASES):
        return LineClass("drop", "comment_form")
    boiler = sum(w for p, w in cues.BOILERPLATE_PHRASES.items() if p in key)
    if boiler >= cues.BOILERPLATE_THRESHOLD:
        return LineClass("drop", "html_boilerplate")
    reason = _whole_line_cue(key)
    if reason:
        return LineClass("drop", reason)
    return _byline(text, key)


def classify_lines(lines: Sequence[Line]) -> list[LineClass]:
    """Classify every line of a page (cues first, then features and context)."""
    keys = [line_key(ln.text) for ln in lines]
    counts = Counter(keys)
    classes: list[LineClass] = []
    for ln, key in zip(lines, keys, strict=True):
        cue = cue_class(ln.text, key)
        if cue is not None:
            classes.append(cue)
            continue
        f = features(ln.text, counts[key] - 1)
        score = body_score(f)
        if score >= BODY_THRESHOLD:
            kind, reason = "body", ""
        elif is_headline_like(f):
            kind, reason = "heading", ""
        else:
            kind, reason = "drop", _garbage_reason(f)
        classes.append(LineClass(kind, reason, score, words=f.words, repeats=f.repeats))
    return _apply_context(classes)


def _garbage_reason(f: Features) -> str:
    return "related_list" if f.bullet else "chrome"


def _apply_context(classes: list[LineClass]) -> list[LineClass]:
    """Context rules: related blocks, comment-form blocks, prose rescued from headings."""
    out = list(classes)
    block = ""  # "related_header" or "comment_form" while inside such a block
    seen_body = False
    for i, cls in enumerate(classes):
        if cls.kind == "marker":
            seen_body, block = False, ""
            continue
        if cls.kind == "drop" and cls.reason in ("related_header", "comment_form"):
            block = cls.reason
            out[i] = LineClass("drop", "related_list" if block == "related_header" else block)
            continue
        if block and cls.kind != "body":
            out[i] = LineClass("drop", "related_list" if block == "related_header" else block)
            continue
        block = ""
        if cls.kind == "heading" and seen_body and _rescue_as_body(cls):
            out[i] = LineClass("body", score=cls.score, words=cls.words)
        seen_body = seen_body or out[i].kind == "body"
    return out


def _rescue_as_body(cls: LineClass) -> bool:
    return cls.words >= BODY_RESCUE_WORDS and cls.repeats == 0
