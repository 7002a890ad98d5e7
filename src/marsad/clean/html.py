"""HTML pages: trafilatura main text and metadata, aligned back to the HTML source.

Each extracted paragraph is searched in a *visible-text projection* of the source:
tags, comments, scripts and styles skipped, entities decoded (each decoded character
points at its entity's ``&``), whitespace runs collapsed to one space. A paragraph
found there maps character by character to the source. A paragraph that cannot be
found (trafilatura rewrote it) maps as a whole to the start of ``<article>`` or
``<body>``: its offsets then locate the story, not the characters.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

from marsad.clean.lines import Line
from marsad.model import Meta

_SKIP = re.compile(
    r"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<noscript\b.*?</noscript\s*>"
    r"|<[^>]*>",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_SPACE = re.compile(r"\s+")
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.S | re.I)
_BODY_START = re.compile(r"<article\b[^>]*>|<body\b[^>]*>", re.I)


@dataclass(frozen=True)
class HtmlExtraction:
    """What trafilatura found: paragraphs (as aligned lines) and page metadata."""

    lines: tuple[Line, ...]
    meta: Meta
    aligned: int  # how many paragraphs were aligned character by character


@dataclass(frozen=True)
class _Projection:
    text: str
    points: tuple[int, ...]


def extract_html(
    source: str, *, url: str | None = None, favor_precision: bool = True
) -> HtmlExtraction | None:
    """Run trafilatura on ``source``; ``None`` when the page has no main text."""
    import trafilatura  # heavy import, needed only for HTML inputs

    doc = trafilatura.bare_extraction(
        source, url=url, include_comments=False, favor_precision=favor_precision,
        include_tables=False, with_metadata=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return None
    paragraphs = [p for p in (_SPACE.sub(" ", x).strip() for x in text.split("\n")) if p]
    lines, aligned = align_paragraphs(source, paragraphs)
    return HtmlExtraction(tuple(lines), _page_meta(doc, source, url), aligned)


def _page_meta(doc: object, source: str, url: str | None) -> Meta:
    from marsad.clean.meta import html_date

    page_url = getattr(doc, "url", None) or url
    return Meta(
        title=getattr(doc, "title", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        published=html_date(source, page_url),
        url=page_url,
        author=getattr(doc, "author", None) or None,
    )


def has_body_text(source: str) -> bool:
    """Whether the page has any visible text at all (outside head, tags, scripts)."""
    body = _BODY_START.search(source)
    rest = source[body.end():] if body else _HEAD.sub(" ", source)
    return bool(project(rest).text.strip())


def project(source: str) -> _Projection:
    """Visible text of ``source`` with one source index per character."""
    chars: list[str] = []
    points: list[int] = []
    pos = 0
    for m in _SKIP.finditer(source):
        _project_text(source, pos, m.start(), chars, points)
        _push_space(chars, points, m.start())
        pos = m.end()
    _project_text(source, pos, len(source), chars, points)
    return _Projection("".join(chars), tuple(points))


def _project_text(source: str, start: int, end: int, chars: list[str], points: list[int]) -> None:
    i = start
    while i < end:
        ch = source[i]
        if ch == "&":
            m = _ENTITY.match(source, i, end)
            if m:
                decoded = htmllib.unescape(m.group())
                if decoded != m.group():
                    for c in decoded:
                        _push(c, i, chars, points)
                    i = m.end()
                    continue
        _push(ch, i, chars, points)
        i += 1


def _push(ch: str, at: int, chars: list[str], points: list[int]) -> None:
    if ch.isspace():
        _push_space(chars, points, at)
    else:
        chars.append(ch)
        points.append(at)


def _push_space(chars: list[str], points: list[int], at: int) -> None:
    # Collapse runs of whitespace (and tag boundaries) to one space, as trafilatura does.
    if chars and chars[-1] != " ":
        chars.append(" ")
        points.append(at)


def align_paragraphs(source: str, paragraphs: list[str]) -> tuple[list[Line], int]:
    """Lines for ``paragraphs`` with per-character source points where they can be found.

    A paragraph is looked up verbatim in the projection, then with all whitespace
    ignored (tags and trafilatura may disagree about a space next to a link).
    """
    proj = project(source)
    dense = _dense(proj)
    body = _BODY_START.search(source)
    fallback = body.end() if body else 0
    lines: list[Line] = []
    aligned = 0
    for para in paragraphs:
        pts = _find_exact(proj, para) or _find_dense(dense, para)
        if pts is None:
            lines.append(Line(para, fallback, fallback + 1, tuple([fallback] * len(para))))
            continue
        lines.append(Line(para, min(pts), max(pts) + 1, pts))
        aligned += 1
    return lines, aligned


def _dense(proj: _Projection) -> _Projection:
    keep = [i for i, c in enumerate(proj.text) if c != " "]
    return _Projection("".join(proj.text[i] for i in keep), tuple(proj.points[i] for i in keep))


def _find_exact(proj: _Projection, para: str) -> tuple[int, ...] | None:
    at = proj.text.find(para)
    return None if at < 0 else proj.points[at : at + len(para)]


def _find_dense(dense: _Projection, para: str) -> tuple[int, ...] | None:
    """Align ignoring whitespace; a space maps to the source of the next character."""
    squeezed = para.replace(" ", "")
    at = dense.text.find(squeezed) if squeezed else -1
    if at < 0:
        return None
    out: list[int] = []
    k = at
    for ch in para:
        out.append(dense.points[min(k, at + len(squeezed) - 1)])
        if ch != " ":
            k += 1
    return tuple(out)
