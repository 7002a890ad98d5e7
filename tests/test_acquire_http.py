"""Polite HTTP fetching against a local server on 127.0.0.1 (no other address is used)."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from marsad.acquire import AcquireOptions, PoliteClient, default_user_agent, iter_inputs
from marsad.acquire.fetch import address_problem, is_public
from marsad.model import RawInput, Rejected

STORY = ("<html><head><title>قمة اقتصادية</title></head><body><p>اختتمت القمة الاقتصادية "
         "أعمالها بالاتفاق على إنشاء صندوق مشترك لدعم المشاريع الصغيرة.</p></body></html>")
SUMMARY = ("وافق البرلمان بالأغلبية على قانون الموازنة العامة للسنة المقبلة بعد نقاش طويل "
           "استمر حتى ساعة متأخرة من الليل. ") * 4

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        server = self.server
        server.log.append((self.path, time.monotonic(),  # type: ignore[attr-defined]
                           self.headers.get("User-Agent")))
        route = server.routes.get(self.path, (404, {}, b"not found"))  # type: ignore[attr-defined]
        if callable(route):
            route(self)
            return
        status, headers, body = route
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hang up on purpose (size cap, timeout); do not print their broken pipes.
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def site(server: ThreadingHTTPServer) -> Iterator[tuple[str, dict[str, Route], list]]:
    """(base URL, routes to fill, request log), reset for every test."""
    server.routes = {"/robots.txt": (404, {}, b"")}  # type: ignore[attr-defined]
    server.log = []  # type: ignore[attr-defined]
    yield f"http://127.0.0.1:{server.server_address[1]}", server.routes, server.log  # type: ignore[attr-defined]


def _html(body: str, charset: str = "utf-8") -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": f"text/html; charset={charset}"}, body.encode(charset)


def _opts(**extra: object) -> AcquireOptions:
    values: dict[str, object] = {"allow_private": True, "rate_per_host": 0.0, "timeout": 2.0}
    values.update(extra)
    return AcquireOptions(**values)  # type: ignore[arg-type]


def _one(url: str, **extra: object) -> RawInput | Rejected:
    (item,) = iter_inputs([url], _opts(**extra))
    return item


def test_fetch_an_article_page(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, log = site
    routes["/news/1"] = _html(STORY, "windows-1256")
    item = _one(base + "/news/1")
    assert isinstance(item, RawInput) and item.format == "html"
    assert "صندوق مشترك" in item.content and item.provenance.encoding == "windows-1256"
    assert item.provenance.input_format == "url" and item.provenance.fetched_at
    assert item.meta.url == base + "/news/1"
    assert [entry[2] for entry in log] == [default_user_agent()] * 2  # robots.txt + page
    assert default_user_agent().startswith("marsad/")


def test_private_addresses_are_refused_by_default(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, log = site
    routes["/news/1"] = _html(STORY)
    item = _one(base + "/news/1", allow_private=False)
    assert isinstance(item, Rejected) and item.reason == "private_address"
    assert log == []  # refused before any connection


@pytest.mark.parametrize("address,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("::1", False),
    ("fe80::1", False), ("fc00::1", False), ("224.0.0.1", False), ("240.0.0.1", False),
    ("::ffff:127.0.0.1", False), ("8.8.8.8", True), ("2001:4860:4860::8888", True),
])
def test_address_classification(address: str, public: bool) -> None:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    assert is_public(ip) is public


def test_localhost_name_resolves_to_a_refused_address() -> None:
    problem = address_problem("localhost", 80)
    assert problem is not None and problem.reason == "private_address"


def test_robots_rules_are_obeyed_and_cached(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, log = site
    routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                             b"User-agent: marsad\nDisallow: /private/\n")
    routes["/private/a"] = _html(STORY)
    routes["/public/a"] = _html(STORY)
    items = list(iter_inputs([base + "/private/a", base + "/public/a"], _opts()))
    assert isinstance(items[0], Rejected) and items[0].reason == "robots_disallowed"
    assert isinstance(items[1], RawInput)
    assert [entry[0] for entry in log] == ["/robots.txt", "/public/a"]


@pytest.mark.parametrize("status,allowed", [(404, True), (403, True), (500, False),
                                            (503, False)])
def test_robots_failures(site, status: int, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    base, routes, _log = site
    routes["/robots.txt"] = (status, {}, b"")
    routes["/a"] = _html(STORY)
    item = _one(base + "/a")
    assert isinstance(item, RawInput) is allowed
    if not allowed:
        assert isinstance(item, Rejected) and item.reason == "robots_disallowed"


def test_redirects_are_followed_and_rechecked(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, _log = site
    routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /blocked\n")
    routes["/old"] = (301, {"Location": "/new"}, b"")
    routes["/new"] = _html(STORY)
    routes["/sneaky"] = (302, {"Location": base + "/blocked"}, b"")
    routes["/blocked"] = _html(STORY)
    routes["/loop"] = (302, {"Location": "/loop"}, b"")
    moved, sneaky, loop = iter_inputs([base + "/old", base + "/sneaky", base + "/loop"],
                                      _opts(max_redirects=3))
    assert isinstance(moved, RawInput) and moved.meta.url == base + "/new"
    assert isinstance(sneaky, Rejected) and sneaky.reason == "robots_disallowed"
    assert isinstance(loop, Rejected) and loop.reason == "http_error"


def test_http_errors_and_connection_failures(site) -> None:  # type: ignore[no-untyped-def]
    base, _routes, _log = site
    item = _one(base + "/nothing-here")
    assert isinstance(item, Rejected) and item.reason == "http_error" and "404" in item.detail
    closed = _one("http://127.0.0.1:9/")  # the discard port: nothing listens on loopback
    assert isinstance(closed, Rejected) and closed.reason == "http_error"


def _stream_without_length(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    for _ in range(50):
        handler.wfile.write(b"<p>" + "كلام ".encode() * 100 + b"</p>")


def test_size_cap_while_streaming(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, _log = site
    routes["/big"] = _html(STORY * 100)
    routes["/stream"] = _stream_without_length
    declared = _one(base + "/big", max_bytes=2000)
    streamed = _one(base + "/stream", max_bytes=2000)
    assert isinstance(declared, Rejected) and declared.reason == "too_large"
    assert isinstance(streamed, Rejected) and streamed.reason == "too_large"


def test_timeout(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, _log = site

    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(1.0)
        handler.send_response(200)
        handler.end_headers()

    routes["/slow"] = slow
    item = _one(base + "/slow", timeout=0.2)
    assert isinstance(item, Rejected) and item.reason == "http_timeout"


def test_rate_limit_per_host(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, log = site
    for n in range(3):
        routes[f"/p{n}"] = _html(STORY)
    with PoliteClient(_opts(rate_per_host=0.25)) as client:
        items = list(iter_inputs([f"{base}/p{n}" for n in range(3)], _opts(), client=client))
    assert all(isinstance(i, RawInput) for i in items)
    times = [entry[1] for entry in log]
    assert len(times) == 4  # robots.txt once, then three pages
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.2


def test_binary_content_type(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, _log = site
    routes["/logo.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n....")
    item = _one(base + "/logo.png")
    assert isinstance(item, Rejected) and item.reason == "binary"


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الأنباء المحلية</title>
<item><title>القمة</title><link>/news/1</link><pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate>
<description>ملخص قصير</description></item>
<item><title>الموازنة</title><link>{base}/gone</link><description>{SUMMARY}</description></item>
<item><title>خبر مفقود</title><link>{base}/gone2</link><description>سطر</description></item>
</channel></rss>""".encode()


def test_feed_url_fetches_linked_pages(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, _log = site
    routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, _rss(base))
    routes["/news/1"] = _html(STORY)
    page, fallback, missing = iter_inputs([base + "/feed"], _opts())
    assert isinstance(page, RawInput) and "صندوق مشترك" in page.content
    assert page.meta.title == "القمة" and page.meta.url == base + "/news/1"
    assert page.meta.outlet == "وكالة الأنباء المحلية"
    assert page.meta.published == "2024-09-02T10:00:00Z"
    assert page.provenance.input_format == "feed" and page.provenance.fetched_at
    assert isinstance(fallback, RawInput) and "الموازنة العامة" in fallback.content
    assert isinstance(missing, Rejected) and missing.reason == "feed_item_unfetchable"
    assert "404" in missing.detail


def test_feed_file_with_web_links(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    base, routes, _log = site
    routes["/news/1"] = _html(STORY)
    feed = tmp_path / "agency.xml"
    feed.write_bytes(_rss(base).replace(b"<link>/news/1</link>",
                                        f"<link>{base}/news/1</link>".encode()))
    items = list(iter_inputs([str(feed)], _opts()))
    assert isinstance(items[0], RawInput) and "صندوق مشترك" in items[0].content
    refused = list(iter_inputs([str(feed)], _opts(allow_private=False)))
    assert isinstance(refused[0], Rejected) and "private_address" in refused[0].detail


def test_robots_timeout_means_disallowed(site) -> None:  # type: ignore[no-untyped-def]
    base, routes, log = site

    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(0.6)
        handler.send_response(200)
        handler.end_headers()

    routes["/robots.txt"] = slow
    routes["/a"] = _html(STORY)
    item = _one(base + "/a", timeout=0.2)
    assert isinstance(item, Rejected) and item.reason == "robots_disallowed"
    assert [entry[0] for entry in log] == ["/robots.txt"]
