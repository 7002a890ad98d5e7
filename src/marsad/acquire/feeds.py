"""RSS/Atom feeds (feedparser): each entry's linked page becomes one input.

The entry's title, date, link and author travel along as metadata, and the feed's title
as the outlet. Links in a feed *file* that are relative are read from disk next to the
feed; links in a fetched feed are resolved against its URL and fetched, never read from
disk (a remote feed must not make us open local files). When the page cannot be read,
the entry's own content or summary stands in if it is substantial.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser

from marsad.acquire import reasons
from marsad.acquire.fetch import PoliteClient
from marsad.acquire.files import read_file
from marsad.acquire.options import AcquireOptions
from marsad.acquire.records import Origin, make_document
from marsad.model import Meta, RawInput, Rejected

#: A teaser of a sentence or two is not worth analysing; ~300 characters is about three
#: Arabic news sentences, the least we accept in place of the page itself.
FALLBACK_MIN_CHARS = 300
_TAG_RE = re.compile(r"<[^>]+>")

Item = RawInput | Rejected


@dataclass(frozen=True)
class FeedContext:
    """Where a feed came from: its source, and how its links are resolved and read."""

    source: str
    base_dir: Path | None = None  # set for a feed file: relative links are local files
    base_url: str | None = None  # set for a fetched feed
    client: Callable[[], PoliteClient] | None = None  # called only when a page is fetched


def iter_feed(data: bytes, context: FeedContext, options: AcquireOptions) -> Iterator[Item]:
    """Yield one input or rejection per entry of an RSS/Atom document."""
    headers = {"content-location": context.base_url} if context.base_url else None
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            why = parsed.get("bozo_exception") or "not an RSS or Atom document"
            yield reasons.reject(reasons.MALFORMED_FEED, f"cannot parse the feed: {why}",
                                 context.source, sha256=reasons.sha256_hex(data))
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_item(entry, number, outlet, context, options)


def _entry_item(entry: Any, number: int, outlet: str | None, context: FeedContext,
                options: AcquireOptions) -> Item:
    link = entry.get("link") or None
    # A relative link in a feed file names a local file, not the article's public URL.
    web_link = link if link and urlsplit(link).scheme in ("http", "https") else None
    meta = Meta(title=entry.get("title") or None, outlet=outlet, published=_published(entry),
                url=web_link, author=entry.get("author") or None,
                ).merged(options.fallback_meta())
    key = link or entry.get("id") or f"{context.source} entry {number}"
    origin = Origin(source=link or context.source, locator=f"feed {context.source} "
                    f"entry {number}", input_format="feed", id=reasons.stable_id(key))
    page = _read_page(link, origin, meta, context, options)
    if isinstance(page, RawInput):
        return page
    return _fallback(entry, origin, meta, page)


def _read_page(link: str | None, origin: Origin, meta: Meta, context: FeedContext,
               options: AcquireOptions) -> Item | str:
    """The linked page as an input or rejection, or a string saying why it was not read."""
    if not link:
        return "the entry has no link"
    if not options.fetch_linked:
        return "fetching linked pages is off"
    scheme = urlsplit(link).scheme.lower()
    if scheme in ("http", "https"):
        if context.client is None:
            return "no HTTP client for the linked page"
        fetched = context.client().fetch(link)
        if isinstance(fetched, Rejected):
            return fetched
        origin = Origin(origin.source, origin.locator, "feed", fetched.fetched_at, origin.id)
        kind = "text" if fetched.media_type == "text/plain" else "html"
        return make_document(fetched.body, origin, meta=meta, kind=kind,
                             declared=fetched.charset)
    if context.base_dir is None or scheme not in ("", "file"):
        return f"cannot read link {link!r} of a feed that is not a local file"
    path = Path(unquote(urlsplit(link).path)) if scheme == "file" else context.base_dir / link
    data = read_file(path, options.max_bytes)
    if isinstance(data, tuple):
        return f"{data[0]}: {data[1]}"
    kind = "html" if path.suffix.lower() in (".html", ".htm", ".xhtml") else "auto"
    local = Origin(path.as_posix(), origin.locator, "feed", None, origin.id)
    return make_document(data, local, meta=meta, kind=kind)


def _fallback(entry: Any, origin: Origin, meta: Meta, failure: Rejected | str) -> Item:
    why = failure if isinstance(failure, str) else f"{failure.reason}: {failure.detail}"
    body, kind = _entry_body(entry)
    visible = " ".join(_TAG_RE.sub(" ", body).split()) if kind == "html" else body.strip()
    if len(visible) < FALLBACK_MIN_CHARS:
        return origin.reject(reasons.FEED_ITEM_UNFETCHABLE,
                             f"page not read ({why}); the entry's own text has "
                             f"{len(visible)} characters, fewer than {FALLBACK_MIN_CHARS}")
    fallback = Origin(origin.source, f"{origin.locator} (feed content)", "feed", None,
                      origin.id)
    return make_document(body.encode("utf-8"), fallback, meta=meta, kind=kind)


def _entry_body(entry: Any) -> tuple[str, str]:
    """The longest of the entry's content blocks and summary, with its kind."""
    candidates = [(c.get("value", ""), c.get("type", "text/html"))
                  for c in entry.get("content", [])]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type", "text/html")))
    if not candidates:
        return "", "text"
    value, media = max(candidates, key=lambda c: len(c[0]))
    return value, "text" if media == "text/plain" else "html"


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return entry.get("published") or entry.get("updated") or None
