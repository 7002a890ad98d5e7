"""Screenshots of the dashboard over the demo corpus, for the README.

Builds (or reuses) a demo store, serves it on loopback and drives Debian's chromium
through Playwright (never a downloaded browser):

    .venv/bin/python scripts/demo_screenshots.py [--db marsad-demo.duckdb] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: (file name, route, element that shows the view is ready)
VIEWS = [
    ("demo-overview", "?dyad=IRN-USA&period=week", "svg.timeline"),
    ("demo-mediators", "mediators", "svg.network"),
    ("demo-statements", "quotes?speaker=%D8%A8%D8%B1%D9%88%D8%B3", ".quote-card"),
    ("demo-story", "doc/demo-a19", "#article-text"),
    ("demo-events", "events?dyad=IRN-USA", "table.data"),
]


def ensure_store(db: Path) -> None:
    if db.exists():
        return
    from marsad.cli.demo import demo_corpus_path, demo_sources
    from marsad.runner import ingest

    root = demo_corpus_path()
    ingest(demo_sources(root), db, manifest=str(root / "manifest.jsonl"))


def serve(db: Path) -> tuple[object, int]:
    import uvicorn

    from marsad.api.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, port


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, default=Path("marsad-demo.duckdb"))
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    ensure_store(args.db)
    server, port = serve(args.db)
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="ar")
        for name, route, ready in VIEWS:
            page.goto(f"http://127.0.0.1:{port}/#/{route}")
            page.wait_for_selector(f"#view[data-render] {ready}", timeout=15_000)
            page.wait_for_timeout(300)
            page.screenshot(path=str(args.out / f"{name}.png"))
            print(args.out / f"{name}.png")
        browser.close()
    server.should_exit = True  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
