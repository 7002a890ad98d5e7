"""Quote-mark scanning: pair opening and closing marks into quotation spans.

Normalisation folds every quote mark to '"', so pairing runs on the normalised text
but reads the *original* mark to learn its direction («, » are one-way; “ ” ' " are
decided by their neighbours, because RTL scrapes often reverse curly quotes).

Policy for bad input:

* pairs never cross a paragraph (text line) on their own;
* an opener that never closes ends its quotation at the end of its paragraph;
* the Arabic (and English) press convention for a quotation over several paragraphs,
  where every continuation paragraph *opens* with a quote mark and only the last one
  closes, is followed for at most :data:`MAX_PARAGRAPHS` paragraphs;
* a closer with no opener is ignored; nested quotations are kept with ``depth > 0``.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.statements.units import TextView

#: Longest run of paragraphs one quotation may cover (continuation convention).
MAX_PARAGRAPHS = 4

_OPEN_ONLY = frozenset("«‹„‚")
_CLOSE_ONLY = frozenset("»›")
_FAMILY = {"«": "g", "»": "g", "‹": "g", "›": "g", "'": "s", "‘": "s", "’": "s", "‚": "s",
           "‛": "s", "`": "s", "´": "s"}
_OPEN_CONTEXT = frozenset(" \t\n([{-–—:،,")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in normalised coordinates: marks at ``open``/``close``, content inside.

    ``close`` is ``None`` for a quotation that never closed (it then ends at its
    paragraph's end, ``end``). ``depth`` is 0 for outermost quotations.
    """

    open: int
    close: int | None
    end: int
    depth: int = 0

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.end

    @property
    def outer_end(self) -> int:
        return self.end + 1 if self.close is not None else self.end


@dataclass
class _Mark:
    pos: int
    family: str
    can_open: bool
    can_close: bool


def _classify(view: TextView, pos: int) -> _Mark | None:
    orig = view.surface(pos, pos + 1)
    if orig == "'" and _is_apostrophe(view.norm, pos):
        return None
    family = _FAMILY.get(orig, "d")
    norm = view.norm
    left = norm[pos - 1] if pos > 0 else " "
    right = norm[pos + 1] if pos + 1 < len(norm) else " "
    # لـ"أكسيوس" / و"قال": a one-letter proclitic may stand before an opening mark.
    proclitic = left in "لبوف" and (pos < 2 or not norm[pos - 2].isalnum())
    can_open = (left in _OPEN_CONTEXT or left == '"' or proclitic) and not right.isspace()
    can_close = not left.isspace() and (not right.isalnum() or right in "0123456789")
    if orig in _OPEN_ONLY:
        can_open, can_close = True, False
    elif orig in _CLOSE_ONLY:
        can_open, can_close = False, True
    if not (can_open or can_close):
        can_open = can_close = True  # glued on both sides: let the stack decide
    return _Mark(pos, family, can_open, can_close)


def _is_apostrophe(norm: str, pos: int) -> bool:
    """An ASCII apostrophe inside a Latin word (don't, O'Brien) is not a quote mark."""
    left = norm[pos - 1] if pos > 0 else " "
    right = norm[pos + 1] if pos + 1 < len(norm) else " "
    return left.isascii() and left.isalpha() and right.isascii() and right.isalpha()


def _pair_paragraph(view: TextView, start: int, end: int) -> tuple[list[QuoteSpan], int | None]:
    """Pair the marks of one paragraph; also return the outermost unclosed opener."""
    spans: list[QuoteSpan] = []
    stack: list[_Mark] = []
    pos = view.norm.find('"', start, end)
    while pos != -1:
        mark = _classify(view, pos)
        if mark is not None:
            _step(stack, mark, spans)
        pos = view.norm.find('"', pos + 1, end)
    return spans, (stack[0].pos if stack else None)


def _step(stack: list[_Mark], mark: _Mark, spans: list[QuoteSpan]) -> None:
    if stack and mark.can_close:
        top = stack[-1]
        same = top.family == mark.family
        # A mark of another family closes the top only if it cannot open a nested
        # quotation (mixed marks such as «...").
        if same or not mark.can_open:
            stack.pop()
            spans.append(QuoteSpan(top.pos, mark.pos, mark.pos, depth=len(stack)))
            return
    if mark.can_open:
        stack.append(mark)


def scan_quotes(view: TextView) -> list[QuoteSpan]:
    """All quotations of a document, outermost and nested, sorted by opening mark."""
    per_par: list[tuple[list[QuoteSpan], int | None]] = [
        _pair_paragraph(view, s, e) for s, e in view.paragraphs
    ]
    out: list[QuoteSpan] = []
    skip_opener: set[int] = set()
    for i, (spans, unclosed) in enumerate(per_par):
        out.extend(s for s in spans if s.open not in skip_opener)
        if unclosed is None or unclosed in skip_opener:
            continue
        merged, used = _continue(view, per_par, i, unclosed)
        out.append(merged)
        skip_opener.update(used)
    return sorted(out, key=lambda q: (q.open, -q.end))


def _leading_mark(view: TextView, par: int) -> int | None:
    s, e = view.paragraphs[par]
    text = view.norm[s:e]
    stripped = text.lstrip()
    return s + len(text) - len(stripped) if stripped.startswith('"') else None


def _continue(view: TextView, per_par: list[tuple[list[QuoteSpan], int | None]], i: int,
              opener: int) -> tuple[QuoteSpan, set[int]]:
    """Follow the multi-paragraph convention from an unclosed opener in paragraph ``i``."""
    used: set[int] = set()
    end = _par_end(view, i)
    for j in range(i + 1, min(i + MAX_PARAGRAPHS, len(per_par))):
        lead = _leading_mark(view, j)
        if lead is None:
            break
        spans, unclosed = per_par[j]
        if unclosed == lead:
            used.add(lead)
            end = _par_end(view, j)
            continue
        closing = next((s for s in spans if s.open == lead), None)
        if closing is not None:
            used.add(lead)
            return QuoteSpan(opener, closing.close, closing.end), used
        break
    return QuoteSpan(opener, None, end), used


def _par_end(view: TextView, i: int) -> int:
    s, e = view.paragraphs[i]
    while e > s and view.norm[e - 1].isspace():
        e -= 1
    return e


def outermost(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """The quotations not nested inside another one."""
    out: list[QuoteSpan] = []
    for q in quotes:
        if out and out[-1].open < q.open < out[-1].outer_end:
            continue
        out.append(q)
    return out


def inside_mask(view: TextView, outer: list[QuoteSpan]) -> list[bool]:
    """For each token: does it lie inside one of the ``outer`` quotations?"""
    flags = [False] * len(view.toks)
    for q in outer:
        for k in range(view.tok_at(q.open + 1), view.tok_at(q.outer_end)):
            if view.toks[k].end <= q.end:
                flags[k] = True
    return flags
