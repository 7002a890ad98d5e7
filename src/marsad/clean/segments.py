"""Split a classified page into stories: the main story and stories appended after
"اقرأ أيضاً" markers, and remove headline lists.

A page is cut into *regions* at read-also markers. Region 0 is the main story. Each
later region is either

* an **appended story**: a headline followed by at least ``min_paragraphs`` body
  paragraphs that share at least half of the headline's content words (news leads
  repeat their headline); it becomes its own segment; or
* a **headline list**: short headlines, or a headline with fewer paragraphs (a
  teaser); they are removed (reason ``headline_list``) from the segment the marker
  interrupted. Body paragraphs after a headline they do *not* echo (a "read also"
  link dropped mid-story) continue that segment.

Headings (headline-like lines) inside a story are *subheadings*: removed with reason
``subheading`` unless ``keep_subheadings``; kept ones stay separate paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.clean.lines import Line, LineClass, line_key
from marsad.model import Removed

#: Share of a headline's content words its story's first paragraphs must contain.
MIN_HEADLINE_OVERLAP = 0.5
#: Words this short (after folding) carry no topic: particles, prepositions.
_MIN_CONTENT_WORD = 3
_STOPWORDS = frozenset(
    {"علي", "الي", "التي", "الذي", "هذا", "هذه", "بعد", "قبل", "بين", "عن", "مع"}
)


@dataclass
class _Acc:
    """A segment while it is being assembled (local to one call; never shared)."""

    title: str | None = None
    kept: list[int] = field(default_factory=list)
    removed: list[tuple[int, Removed]] = field(default_factory=list)  # (line index, piece)


@dataclass(frozen=True)
class Segment:
    """One story of a page: its title, kept line indices and removed pieces."""

    title: str | None
    kept: tuple[int, ...]
    removed: tuple[Removed, ...]
    appended: bool


def split_segments(
    lines: Sequence[Line],
    classes: Sequence[LineClass],
    *,
    min_paragraphs: int = 2,
    keep_subheadings: bool = False,
    known_title: str | None = None,
) -> list[Segment]:
    """Group classified lines into the main segment and appended segments."""
    regions = _regions(classes)
    main = _Acc()
    title_key = _main_title(lines, classes, regions[0], main, known_title)
    accs = [main]
    _fill(lines, classes, regions[0], main, keep_subheadings, title_key)
    for region in regions[1:]:
        _region(lines, classes, region, accs, min_paragraphs, keep_subheadings, title_key)
    return [
        Segment(a.title, tuple(a.kept), tuple(r for _, r in sorted(a.removed, key=lambda x: x[0])),
                appended=(a is not main))
        for a in accs
    ]


def _regions(classes: Sequence[LineClass]) -> list[list[int]]:
    regions: list[list[int]] = [[]]
    for i, cls in enumerate(classes):
        if cls.kind == "marker":
            regions.append([])
        regions[-1].append(i)
    return regions


def _main_title(lines: Sequence[Line], classes: Sequence[LineClass], region: list[int],
                acc: _Acc, known_title: str | None) -> str | None:
    """Pick the title among headings before the first body line; return its key."""
    known = line_key(known_title) if known_title else None
    cands = []
    for i in region:
        if classes[i].kind == "body":
            break
        if classes[i].kind == "heading":
            cands.append(i)
    if not cands:
        return known
    # Most repeated wins (scrapes repeat the title); a tie goes to the line nearest
    # the story, since kickers and section labels sit above the title.
    best = max(cands, key=lambda i: (line_key(lines[i].text) == known, classes[i].repeats, i))
    best_key = line_key(lines[best].text)
    best = next(i for i in cands if line_key(lines[i].text) == best_key)  # first copy is the title
    acc.title = lines[best].text
    acc.removed.append((best, Removed(lines[best].text, "title")))
    return line_key(lines[best].text)


def _fill(lines: Sequence[Line], classes: Sequence[LineClass], idxs: Sequence[int], acc: _Acc,
          keep_subheadings: bool, title_key: str | None) -> None:
    """Assign lines of one story's stretch to kept or removed."""
    body_after = _has_body_after(classes, idxs)
    done = {j for j, _ in acc.removed}
    seen_body = False
    for pos, i in enumerate(idxs):
        cls, text = classes[i], lines[i].text
        if i in done:
            continue
        if title_key is not None and cls.kind != "body" and line_key(text) == title_key:
            acc.removed.append((i, Removed(text, "repeated_title")))
        elif cls.kind == "body":
            acc.kept.append(i)
            seen_body = True
        elif cls.kind == "heading" and seen_body and body_after[pos]:
            if keep_subheadings:
                acc.kept.append(i)
            else:
                acc.removed.append((i, Removed(text, "subheading")))
        elif cls.kind == "heading":
            acc.removed.append((i, Removed(text, "headline_list" if seen_body else "chrome")))
        else:
            acc.removed.append((i, Removed(text, cls.reason or "chrome")))


def _has_body_after(classes: Sequence[LineClass], idxs: Sequence[int]) -> list[bool]:
    out = [False] * len(idxs)
    seen = False
    for pos in range(len(idxs) - 1, -1, -1):
        out[pos] = seen
        seen = seen or classes[idxs[pos]].kind == "body"
    return out


def _region(lines: Sequence[Line], classes: Sequence[LineClass], region: list[int],
            accs: list[_Acc], min_paragraphs: int, keep_subheadings: bool,
            title_key: str | None) -> None:
    """Handle one read-also region: an appended story or a headline list."""
    prev = accs[-1]
    marker, rest = region[0], region[1:]
    prev.removed.append((marker, Removed(lines[marker].text, "read_also_marker")))
    first_body = next((p for p, i in enumerate(rest) if classes[i].kind == "body"), None)
    if first_body is None:
        _as_headline_list(lines, classes, rest, prev)
        return
    heads = [p for p in range(first_body) if classes[rest[p]].kind == "heading"]
    headline = lines[rest[heads[-1]]].text if heads else classes[marker].value or None
    bodies = [i for i in rest if classes[i].kind == "body"]
    introduces = _is_story(headline, lines, bodies[:2])
    if introduces and len(bodies) < min_paragraphs:
        _as_headline_list(lines, classes, rest, prev)  # a teaser: headline and lead only
        return
    if introduces:
        new = _Acc(title=headline)
        start = heads[-1] if heads else 0
        _as_headline_list(lines, classes, rest[:start], prev)
        if heads:
            new.removed.append((rest[start], Removed(headline or "", "title")))
        _fill(lines, classes, rest[start:], new, keep_subheadings, line_key(headline or "") or None)
        accs.append(new)
        return
    _as_headline_list(lines, classes, rest[:first_body], prev)
    _fill(lines, classes, rest[first_body:], prev, keep_subheadings, title_key)


def _as_headline_list(lines: Sequence[Line], classes: Sequence[LineClass], idxs: Sequence[int],
                      acc: _Acc) -> None:
    for i in idxs:
        reason = classes[i].reason if classes[i].kind == "drop" else "headline_list"
        acc.removed.append((i, Removed(lines[i].text, reason or "headline_list")))


def _content_words(text: str) -> list[str]:
    words = line_key(text).replace(":", " ").split()
    return [w for w in words if len(w) >= _MIN_CONTENT_WORD and w not in _STOPWORDS]


def _is_story(headline: str | None, lines: Sequence[Line], bodies: Sequence[int]) -> bool:
    """Does a headline introduce the paragraphs after it (or is there no headline)?"""
    if not headline:
        return True
    words = _content_words(headline)
    if not words:
        return True
    lead = " ".join(line_key(lines[i].text) for i in bodies)
    hits = sum(1 for w in words if w in lead or (w.startswith("ال") and w[2:] in lead))
    return hits / len(words) >= MIN_HEADLINE_OVERLAP
