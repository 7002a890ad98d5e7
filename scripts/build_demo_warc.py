"""Rebuild the demo WARC (``src/marsad/data/demo/warc/demo.warc.gz``) from its sources.

The sources are plain files in ``warc/src/`` plus ``warc/src/index.json``, which fixes every
record's target URI, WARC-Date and WARC-Record-ID.  Because nothing depends on the clock or on
random ids, running the script twice gives byte-identical output (gzip members written by
zlib carry no timestamp).

Usage::

    python scripts/build_demo_warc.py [--src DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from io import BytesIO
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_WARC_DIR = REPO_ROOT / "src" / "marsad" / "data" / "demo" / "warc"


def _warcinfo_record(writer: WARCWriter, info: dict[str, Any]) -> object:
    """Build the leading warcinfo record with a fixed id and date."""
    fields = "".join(f"{key}: {value}\r\n" for key, value in info["fields"].items())
    payload = fields.encode("utf-8")
    headers = {
        "WARC-Record-ID": info["record_id"],
        "WARC-Date": info["warc_date"],
        # From index.json, not the output path, so a build elsewhere stays byte-identical.
        "WARC-Filename": info["filename"],
    }
    return writer.create_warc_record(
        "", "warcinfo", payload=BytesIO(payload), length=len(payload),
        warc_content_type="application/warc-fields", warc_headers_dict=headers,
    )


def _response_record(writer: WARCWriter, src_dir: Path, entry: dict[str, str]) -> object:
    """Build one HTTP response record from a source file described in index.json."""
    body = (src_dir / entry["file"]).read_bytes()
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", entry["content_type"]),
            ("Content-Length", str(len(body))),
            ("Date", entry["http_date"]),
            ("Server", "nginx"),
        ],
        protocol="HTTP/1.1",
    )
    headers = {"WARC-Record-ID": entry["record_id"], "WARC-Date": entry["warc_date"]}
    return writer.create_warc_record(
        entry["uri"], "response", payload=BytesIO(body), length=len(body),
        http_headers=http_headers, warc_headers_dict=headers,
    )


def build_warc(src_dir: Path, out_path: Path) -> int:
    """Write the WARC described by ``src_dir/index.json`` to ``out_path``.

    Returns the number of records written (warcinfo included).
    """
    index = json.loads((src_dir / "index.json").read_text(encoding="utf-8"))
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    records = [_warcinfo_record(writer, index["warcinfo"])]
    records += [_response_record(writer, src_dir, entry) for entry in index["records"]]
    for record in records:
        writer.write_record(record)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(buffer.getvalue())
    return len(records)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEMO_WARC_DIR / "src")
    parser.add_argument("--out", type=Path, default=DEMO_WARC_DIR / "demo.warc.gz")
    args = parser.parse_args(argv)
    count = build_warc(args.src, args.out)
    print(f"wrote {count} records to {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
