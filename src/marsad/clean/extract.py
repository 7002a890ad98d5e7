"""The cleaning entry point: a raw input becomes one document per story, or a rejection.

Plain text is classified line by line (:mod:`marsad.clean.lines`); HTML goes through
trafilatura first (:mod:`marsad.clean.html`) and its paragraphs are classified the
same way, which removes what trafilatura keeps (comment policies, read-also lists).
Kept lines are copied into ``Document.text`` joined by blank lines, with an offset map
back to ``RawInput.content``: exact for plain text, per aligned paragraph for HTML.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from marsad.clean.html import extract_html, has_body_text
from marsad.clean.lines import Line, classify_lines, split_lines
from marsad.clean.meta import author_from_lines, merge_meta, outlet_from_lines
from marsad.clean.segments import Segment, split_segments
from marsad.model import Document, Meta, OffsetMap, OffsetMapBuilder, RawInput, Rejected, Removed
from marsad.text.langid import detect_language

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, kw_only=True)
class CleanOptions:
    """Knobs of the cleaning stage.

    ``keep_subheadings``: keep short subheadings inside a story as their own
    paragraphs (default: remove them with reason ``subheading``).
    ``min_appended_paragraphs``: body paragraphs a read-also region needs to become
    its own story rather than a removed headline list.
    ``favor_precision``: passed to trafilatura for HTML.
    ``require_arabic``: reject main stories whose language is not Arabic.
    """

    keep_subheadings: bool = False
    min_appended_paragraphs: int = 2
    favor_precision: bool = True
    require_arabic: bool = True

    def __post_init__(self) -> None:
        if self.min_appended_paragraphs < 1:
            raise ValueError(
                f"min_appended_paragraphs must be at least 1, got {self.min_appended_paragraphs}"
            )


def extract_documents(
    raw: RawInput, options: CleanOptions | None = None
) -> list[Document] | Rejected:
    """Clean one raw input into its stories (main story first, then ``id#2``, ...).

    Returns a :class:`Rejected` with stage ``"clean"`` and reason ``empty``,
    ``no_main_text`` (HTML without main text), ``only_boilerplate`` (nothing but
    chrome) or ``not_arabic`` (the main story is in another language).
    """
    opts = options or CleanOptions()
    if raw.format == "html":
        ext = extract_html(raw.content, url=raw.meta.url, favor_precision=opts.favor_precision)
        if ext is None:
            detail = "trafilatura found no main text"
            if not has_body_text(raw.content):
                detail += "; the page has no visible body text"
            return _reject(raw, "no_main_text", detail)
        return _from_lines(raw, list(ext.lines), ext.meta, opts)
    if raw.format == "text":
        return _from_lines(raw, split_lines(raw.content), Meta(), opts)
    raise ValueError(f"unsupported input format {raw.format!r}; expected 'text' or 'html'")


def _reject(raw: RawInput, reason: str, detail: str) -> Rejected:
    prov = raw.provenance
    return Rejected("clean", reason, detail, source=prov.source, locator=prov.locator,
                    sha256=prov.sha256)


def _from_lines(raw: RawInput, lines: list[Line], page_meta: Meta,
                opts: CleanOptions) -> list[Document] | Rejected:
    if not lines:
        return _reject(raw, "empty", "the input has no text")
    classes = classify_lines(lines)
    if not any(c.kind == "body" for c in classes):
        # The body score penalises non-Arabic lines, so a foreign-language page has no
        # body lines: say that it is foreign rather than that it is all chrome.
        lang, conf = detect_language("\n".join(ln.text for ln in lines))
        if opts.require_arabic and lang not in ("ar", "und"):
            return _reject(raw, "not_arabic", f"detected {lang} ({conf:.2f})")
        return _reject(raw, "only_boilerplate", f"{len(lines)} lines, none of them story text")
    segments = split_segments(
        lines, classes, min_paragraphs=opts.min_appended_paragraphs,
        keep_subheadings=opts.keep_subheadings, known_title=raw.meta.title or page_meta.title,
    )
    found = Meta(title=segments[0].title, outlet=outlet_from_lines(classes),
                 author=author_from_lines(classes)).merged(page_meta)
    main_meta = merge_meta(raw.meta, found)
    return _documents(raw, lines, segments, main_meta, opts)


def _documents(raw: RawInput, lines: list[Line], segments: Sequence[Segment], main_meta: Meta,
               opts: CleanOptions) -> list[Document] | Rejected:
    main_seg, appended = segments[0], segments[1:]
    if not main_seg.kept:
        return _reject(raw, "only_boilerplate", "no story text before the first read-also marker")
    main = _document(raw, raw.id, lines, main_seg, main_meta, None)
    if opts.require_arabic and main.language != "ar":
        lang, conf = detect_language(main.text)
        return _reject(raw, "not_arabic", f"detected {lang} ({conf:.2f})")
    extra: list[Document] = []
    extra_removed: list[Removed] = []
    for seg in appended:
        meta = Meta(title=seg.title, outlet=main_meta.outlet)
        doc = _document(raw, f"{raw.id}#{len(extra) + 2}", lines, seg, meta, raw.id)
        if opts.require_arabic and doc.language != "ar":
            extra_removed.append(Removed(doc.text, "not_arabic"))
            continue
        extra.append(doc)
        extra_removed.append(Removed(doc.text, "appended_story"))
    main = main.with_layers(removed=main.removed + tuple(extra_removed))
    return [main, *extra]


def _document(raw: RawInput, doc_id: str, lines: list[Line], seg: Segment, meta: Meta,
              parent_id: str | None) -> Document:
    text, offsets = build_text(raw.content, [lines[i] for i in seg.kept])
    lang, _ = detect_language(text)
    return Document(
        id=doc_id, original=raw.content, text=text, offsets=offsets,
        provenance=raw.provenance, meta=meta, parent_id=parent_id, language=lang,
        removed=seg.removed,
    )


def build_text(content: str, kept: Sequence[Line]) -> tuple[str, OffsetMap]:
    """Join kept lines with blank lines; map every character back into ``content``.

    The inserted separator points at the start of the line that follows it.
    """
    if all(line.points is None for line in kept):
        return _build_plain(content, kept)
    builder = OffsetMapBuilder()
    for n, line in enumerate(kept):
        if n:
            builder.insert(PARAGRAPH_SEPARATOR, line.start)
        if line.points is None:
            builder.copy(content, line.start, line.end)
        else:
            builder.replace(line.text, line.points)
    return builder.build(len(content))



def _build_plain(content: str, kept: Sequence[Line]) -> tuple[str, OffsetMap]:
    """:func:`build_text` for lines copied verbatim from ``content`` (plain text).

    Same text and map as the builder, but the index runs are made by numpy: extending
    an array from ``range`` creates a Python int per character, and the kept lines are
    most of the page.
    """
    runs: list[np.ndarray] = []
    for n, line in enumerate(kept):
        if n:
            runs.append(np.full(len(PARAGRAPH_SEPARATOR), line.start))
        runs.append(np.arange(line.start, line.end))
    runs.append(np.array([len(content)]))
    points = array("l")
    points.frombytes(np.concatenate(runs).astype(f"=i{points.itemsize}").tobytes())
    text = PARAGRAPH_SEPARATOR.join(content[line.start : line.end] for line in kept)
    return text, OffsetMap(points, len(content))


__all__ = ["CleanOptions", "build_text", "extract_documents"]
