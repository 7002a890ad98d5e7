"""End-to-end dashboard tests in Debian's headless chromium (never a downloaded browser).

Screenshots go to tests/screenshots/ (git-ignored); with MARSAD_SCREENSHOTS=docs the main
views are also written to docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest_web import XSS_IMG, XSS_TEXT, LiveServer, live_server, web_db  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "tests" / "screenshots"
DOC_SHOTS = REPO / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, live_server: LiveServer) -> Iterator[Any]:  # noqa: F811
    """A fresh 1366x768 page that records console errors, dialogs and CSP violations."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="ar")
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.base = live_server.url  # type: ignore[attr-defined]
    yield pg
    context.close()


def shoot(pg: Any, name: str, docs: bool = False) -> None:
    """Save a screenshot for humans; the README copies are kept small (JPEG-free PNG)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"))
    if docs and os.environ.get("MARSAD_SCREENSHOTS") == "docs":
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        target = DOC_SHOTS / f"{name}.png"
        pg.screenshot(path=str(target))
        assert target.stat().st_size < 300_000, f"{target} is too large for the README"


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def open_view(pg: Any, route: str, ready: str) -> None:
    """Go to a route and wait until *that* route's view shows ``ready``.

    A hash change re-renders asynchronously, so the previous view's elements may still
    be on the page right after ``goto``; waiting for a new render token avoids reading them.
    """
    url = f"{pg.base}/#/{route}"
    old = pg.evaluate("document.getElementById('view')?.dataset.render || ''")
    if pg.url == url:
        pg.reload()  # a fresh document: nothing stale can remain
    else:
        pg.goto(url)
        pg.wait_for_function(
            "(old) => (document.getElementById('view')?.dataset.render || '') !== old",
            arg=old, timeout=10_000)
    pg.wait_for_selector(f"#view[data-render] {ready}", timeout=10_000)


def assert_clean(pg: Any) -> None:
    assert pg.problems == [], pg.problems
    assert pg.dialogs == []


def test_overview_defaults_to_top_dyad_and_drills_down(page: Any) -> None:
    open_view(page, "", "svg.timeline")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#dyad-select").input_value() == "IRN-USA"
    assert page.locator("svg.timeline g.pt").count() == 4
    assert page.locator("svg.timeline rect.bar.coop").count() >= 1
    assert page.locator("svg.timeline rect.bar.conf").count() >= 3
    assert page.locator("svg.timeline polyline.esc-line").count() == 1
    page.locator('svg.timeline g.pt[data-period="2025-03-08"] rect.hit').click()
    page.wait_for_selector("#drill table.data")
    rows = page.locator("#drill tbody tr")
    assert rows.count() == 2
    assert "046" in rows.first.inner_text()
    assert "at=2025-03-08" in page.url
    shoot(page, "overview", docs=True)
    page.locator("#drill tbody tr").first.locator("td.evidence a").click()
    page.wait_for_selector("#article-text span.hl.ev.focus")
    assert_clean(page)


def test_pick_another_dyad_and_period(page: Any) -> None:
    open_view(page, "", "svg.timeline")
    page.select_option("#dyad-select", "ISR-YEM")
    page.wait_for_function("location.hash.includes('ISR-YEM')")
    page.wait_for_selector('svg.timeline g.pt[data-period="2025-03-13"]')
    assert page.locator("svg.timeline g.pt").count() == 1
    page.select_option("#period-select", "month")
    page.wait_for_selector('svg.timeline g.pt[data-period="2025-03-01"]')
    assert_clean(page)


def test_events_table_filters(page: Any) -> None:
    open_view(page, "events", "#events-results table.data")
    assert page.locator("#events-results tbody tr").count() == 9
    page.select_option("#f-dyad", "IRN-USA")
    page.select_option("#f-root", "13")
    page.locator("#events-filters button[type=submit]").click()
    page.wait_for_function("location.hash.includes('root=13')")
    expect(page.locator("#events-results tbody tr")).to_have_count(1)
    assert "138" in page.locator("#events-results tbody tr").inner_text()
    open_view(page, "events?modality=future", "#events-results table.data")
    assert page.locator("#events-results tbody tr").count() == 1
    open_view(page, "events?q=%D9%83%D9%88%D8%B1%D9%8A%D8%A7", "#events-results .state-empty")
    open_view(page, "events?plover=ASSAULT", "#events-results table.data")
    shoot(page, "events", docs=True)
    assert_clean(page)


def test_story_view_highlights_in_place(page: Any) -> None:
    open_view(page, "doc/rasd-talks?q=0", "#article-text span.hl")
    body = page.locator("#article-text")
    ent = body.locator("span.hl.ent", has_text="بدر البوسعيدي").first
    assert "OMNGOV" in ent.get_attribute("title")
    quote = body.locator("span.hl.quote").first
    assert "USAGOV" in quote.get_attribute("title") and "focus" in quote.get_attribute("class")
    assert "الجولة كانت بنّاءة" in quote.inner_text()
    ev = body.locator("span.hl.ev").first
    title = ev.get_attribute("title")
    assert "046" in title and "CONSULT" in title and "OMNGOV" in title
    text = page.evaluate("document.getElementById('article-text').textContent")
    assert text.startswith("استضافت مسقط") and "مُستمرّة" in text
    members = page.locator("#story-members li")
    assert members.count() == 1 and "مدار" in members.inner_text()
    shoot(page, "story", docs=True)
    members.locator("a").click()
    page.wait_for_function("location.hash.includes('madar-talks')")
    page.wait_for_selector("#article-text span.hl.quote")
    assert_clean(page)


def test_untrusted_article_text_stays_text(page: Any) -> None:
    page.add_init_script("window.__xss = undefined; window.alert = () => { window.__xss = 1; };")
    open_view(page, "doc/ufuq-xss", "#article-text span.hl")
    text = page.evaluate("document.getElementById('article-text').textContent")
    assert XSS_TEXT in text and XSS_IMG in text
    assert page.locator("#article-text script").count() == 0
    assert page.locator("#view img").count() == 0
    assert XSS_IMG in page.locator("h1.doc-title").inner_text()
    ent = page.locator("#article-text span.hl.ent", has_text="سالم المختبر").first
    assert XSS_IMG in ent.get_attribute("title")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    open_view(page, "search?q=%D8%BA%D8%B1%D9%8A%D8%A8%D8%A7", "#search-docs li")
    assert page.locator("#view img").count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    assert_clean(page)


def test_statements_by_speaker_link_to_highlighted_quote(page: Any) -> None:
    open_view(page, "quotes", ".quote-card")
    page.fill("#f-speaker", "us-state-spox")
    page.locator("#quotes-filters button[type=submit]").click()
    page.wait_for_function("location.hash.includes('speaker=us-state-spox')")
    expect(page.locator(".quote-card")).to_have_count(3)
    assert "Axios" in page.locator("#quotes-results").inner_text()
    shoot(page, "statements", docs=True)
    card = page.locator(".quote-card", has_text="العقوبات تستهدف")
    card.locator(".quote-foot a").click()
    page.wait_for_selector("#article-text span.hl.quote.focus")
    assert "العقوبات تستهدف شبكات تمويل" in page.locator("span.hl.quote.focus").inner_text()
    assert_clean(page)


def test_mediators_network_and_actor_page(page: Any) -> None:
    open_view(page, "mediators", "svg.network")
    assert page.locator("svg.network g.node.mediator").count() == 1
    assert page.locator("svg.network line.edge").count() == 2
    assert "OMNGOV" in page.locator("#mediator-edges").inner_text()
    shoot(page, "mediators", docs=True)
    open_view(page, "actor/us-state-spox", ".quote-card")
    assert page.locator(".quote-card").count() == 3
    assert "USAGOV" in page.locator("#view").inner_text()
    shoot(page, "actor")
    open_view(page, "actor/per%3Abadr_albusaidi", "#roles svg.roles")  # a KB actor: dated roles
    assert page.locator("#roles svg.roles rect.role-bar").count() >= 1
    assert "OMNGOV" in page.locator("#roles").inner_text()
    assert "USA – IRN" in page.locator("#mediated").inner_text()  # the dyad it mediated
    assert_clean(page)


def test_search_box_finds_documents_and_statements(page: Any) -> None:
    open_view(page, "", "svg.timeline")
    page.fill("#search", "والمحادثات")
    page.press("#search", "Enter")
    page.wait_for_selector("#search-docs li")
    ids = page.eval_on_selector_all(
        "#search-docs li a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert "#/doc/rasd-talks" in ids
    shoot(page, "search")
    assert_clean(page)


def test_language_toggle_switches_direction(page: Any) -> None:
    open_view(page, "", "svg.timeline")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'ltr'")
    assert page.locator("html").get_attribute("lang") == "en"
    page.wait_for_selector("svg.timeline")
    assert "Relationship timeline" in page.locator("#view h1").inner_text()
    assert page.locator("#lang").inner_text() == "العربية"
    shoot(page, "overview-en", docs=True)
    page.reload()
    page.wait_for_selector("svg.timeline")
    assert page.locator("html").get_attribute("dir") == "ltr"  # remembered
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert page.locator("#view h1").inner_text() == "مسار العلاقة"
    assert_clean(page)


def test_empty_and_missing_states(page: Any) -> None:
    open_view(page, "doc/no-such-doc", ".state-empty")
    open_view(page, "nowhere", ".state-empty")
    open_view(page, "quotes?speaker=nobody-here", "#quotes-results .state-empty")
    open_view(page, "stories?min_outlets=2", "table.data")
    assert page.locator("tbody tr").count() == 1
    problems = [p for p in page.problems if "404" not in p]
    assert problems == [] and page.dialogs == []
