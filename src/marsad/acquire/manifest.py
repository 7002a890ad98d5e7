"""Sidecar metadata manifests: per-file title, outlet, date and URL for scraped folders.

A manifest is a JSON Lines file; each line names a ``file`` (relative to the manifest's
folder) and any of ``id`` (the record id to use), ``title``, ``outlet``, ``published``,
``url``. Scrapers often keep
such an index beside the pages; plain-text pages carry no metadata of their own.

Lines without a ``locator`` apply to a whole file. Lines with one describe a record inside
a container: a WARC record (matched by its URL, the line's ``url``) or a feed item
(matched by its URL, or by its page file when the locator is the page's relative path). Manifest
values win over the page's, since they are the collector's own record of the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from marsad.model import Meta, RawInput, Rejected

Entry = tuple[str | None, Meta]

META_FIELDS = ("title", "outlet", "published", "url")


class ManifestError(ValueError):
    """A manifest that cannot be used, with the line that is wrong."""


def load_manifest(path: str | Path) -> dict[str, Entry]:
    """Resolved file path -> (record id or None, metadata), for every usable line."""
    path = Path(path)
    base = path.parent
    out: dict[str, Entry] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ManifestError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("file"), str):
                raise ManifestError(f"{path}:{n}: each line needs a 'file' string")
            values = {k: row.get(k) for k in (*META_FIELDS, "id")}
            bad = [k for k, v in values.items() if v is not None and not isinstance(v, str)]
            if bad:
                raise ManifestError(f"{path}:{n}: fields {bad} must be strings")
            doc_id = values.pop("id")
            entry = (doc_id, Meta(**values))
            locator = row.get("locator")
            if not locator:
                out["path:" + str((base / row["file"]).resolve())] = entry
                continue
            if values["url"]:
                out["url:" + values["url"]] = entry
            if not locator.startswith("<"):  # a feed item's page, relative to the feed
                out["path:" + str((base / row["file"]).parent.joinpath(locator).resolve())] = entry
    return out


def apply_manifest(items: Iterable[RawInput | Rejected], manifest: dict[str, Entry]
                   ) -> Iterator[RawInput | Rejected]:
    """Fill each raw input's id and metadata from its file's manifest entry, if any."""
    for item in items:
        if isinstance(item, RawInput):
            path_key = "path:" + str(Path(item.provenance.source).resolve())
            url_key = "url:" + (item.meta.url or "")
            entry = (manifest.get(url_key) or manifest.get(path_key) if item.provenance.locator
                     else manifest.get(path_key))
            if entry is not None:
                doc_id, meta = entry
                item = replace(item, id=doc_id or item.id, meta=meta.merged(item.meta))
        yield item
