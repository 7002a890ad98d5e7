"""A polite HTTP client: robots.txt, per-host rate limits, size caps, no private hosts.

Every hop of a redirect chain is checked again (scheme, address, robots.txt). Hosts that
resolve to private, loopback, link-local, multicast or reserved addresses are refused
unless ``allow_private`` is set. robots.txt policy: a 2xx file is obeyed; a 4xx answer
means "no rules" (allowed); a 5xx answer, a timeout or a connection failure means
"disallowed", because we cannot tell what the site wants. Known gap: the address check
resolves the host before httpx connects, so a DNS answer that changes in between
(rebinding) is not caught.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from marsad.acquire import reasons
from marsad.acquire.decode import parse_content_type
from marsad.acquire.options import AcquireOptions
from marsad.model import Rejected

_ROBOTS_MAX_BYTES = 512 * 1024  # Google's documented robots.txt limit
_MAX_CRAWL_DELAY = 30.0  # honour Crawl-delay, but never let one site stall a batch
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Fetched:
    """A successful response: the final URL after redirects, its type and its body."""

    url: str
    final_url: str
    status: int
    media_type: str | None
    charset: str | None
    body: bytes
    fetched_at: str


@dataclass(frozen=True)
class _Failure:
    reason: str
    detail: str
    status: int | None = None


class PoliteClient:
    """Fetch pages one at a time, politely. Use as a context manager or call :meth:`close`.

    State (robots.txt rules, last request time per host) lives in the instance, so two
    clients never share it.
    """

    def __init__(self, options: AcquireOptions, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._options = options
        self._clock = clock
        self._sleep = sleep
        self._client = httpx.Client(timeout=options.timeout, follow_redirects=False,
                                    headers={"User-Agent": options.user_agent})
        self._robots: dict[str, RobotFileParser | _Failure | None] = {}
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def fetch(self, url: str) -> Fetched | Rejected:
        """GET ``url`` following redirects; a :class:`Rejected` says why it failed."""
        current = url
        for _hop in range(self._options.max_redirects + 1):
            failure = self._check_url(current) or self._check_robots(current)
            if failure:
                return reasons.reject(failure.reason, failure.detail, url)
            result = self._get(current, self._options.max_bytes)
            if isinstance(result, _Failure):
                return reasons.reject(result.reason, result.detail, url)
            if isinstance(result, str):
                current = result
                continue
            return Fetched(url, current, *result)
        return reasons.reject(reasons.HTTP_ERROR,
                              f"more than {self._options.max_redirects} redirects", url)

    def _check_url(self, url: str) -> _Failure | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return _Failure(reasons.HTTP_ERROR, f"not an http(s) URL: {url}")
        if self._options.allow_private:
            return None
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return address_problem(parts.hostname, port)

    def _check_robots(self, url: str) -> _Failure | None:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        rules = self._robots[root]
        if rules is None or (isinstance(rules, RobotFileParser)
                             and rules.can_fetch(self._options.user_agent, url)):
            return None
        if isinstance(rules, _Failure):
            return rules
        return _Failure(reasons.ROBOTS_DISALLOWED, f"{root}/robots.txt disallows {url}")

    def _load_robots(self, root: str) -> RobotFileParser | _Failure | None:
        """The rules for one site: a parser, None (no rules), or why we must not fetch."""
        url = f"{root}/robots.txt"
        for _hop in range(5):
            refused = self._check_url(url)
            if refused:
                return _Failure(reasons.ROBOTS_DISALLOWED,
                                f"robots.txt redirects to a refused URL: {refused.detail}")
            result = self._get(url, _ROBOTS_MAX_BYTES)
            if not isinstance(result, str):
                break
            url = result
        else:
            return _Failure(reasons.ROBOTS_DISALLOWED, f"{root}/robots.txt redirects in a loop")
        if isinstance(result, _Failure):
            return _robots_failure(result)
        parser = RobotFileParser(url)
        parser.parse(result[3].decode("utf-8", errors="replace").splitlines())
        return parser

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's minimum interval since the last request has passed."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        interval = self._options.rate_per_host
        rules = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        if isinstance(rules, RobotFileParser):
            delay = rules.crawl_delay(self._options.user_agent)
            interval = max(interval, min(float(delay or 0), _MAX_CRAWL_DELAY))
        last = self._last_request.get(host)
        if last is not None and self._clock() - last < interval:
            self._sleep(interval - (self._clock() - last))
        self._last_request[host] = self._clock()

    def _get(self, url: str, limit: int) -> tuple[int, str | None, str | None, bytes, str] \
            | str | _Failure:
        """One GET: (status, media type, charset, body, time), a redirect target, or why not."""
        self._wait_turn(url)
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self._client.stream("GET", url) as response:
                return _read_response(response, url, limit, fetched_at)
        except httpx.TimeoutException:
            return _Failure(reasons.HTTP_TIMEOUT,
                            f"no answer from {url} within {self._options.timeout} s")
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as err:
            return _Failure(reasons.HTTP_ERROR, f"request to {url} failed: {err}")


def _read_response(response: httpx.Response, url: str, limit: int, fetched_at: str,
                   ) -> tuple[int, str | None, str | None, bytes, str] | str | _Failure:
    status = response.status_code
    location = response.headers.get("location")
    if status in _REDIRECTS and location:
        return urljoin(url, str(location))
    if status >= 300:
        return _Failure(reasons.HTTP_ERROR, f"HTTP {status} from {url}", status)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return _Failure(reasons.TOO_LARGE, f"{url} declares {declared} bytes, over {limit}")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            return _Failure(reasons.TOO_LARGE, f"{url} sent more than {limit} bytes")
    media, charset = parse_content_type(response.headers.get("content-type", ""))
    return status, media or None, charset, bytes(body), fetched_at


def _robots_failure(failure: _Failure) -> _Failure | None:
    """What a failed robots.txt request means for the site's pages."""
    if failure.status is not None and 400 <= failure.status < 500:
        return None  # the site publishes no rules
    if failure.status is not None or failure.reason in (reasons.HTTP_TIMEOUT,
                                                         reasons.TOO_LARGE):
        # 5xx, a timeout or an absurd file: we cannot tell what the site wants, so stay out.
        return _Failure(reasons.ROBOTS_DISALLOWED,
                        f"robots.txt unavailable ({failure.detail}); treated as disallowed")
    return failure  # the host cannot be reached at all: report the connection error


def address_problem(host: str, port: int) -> _Failure | None:
    """Why ``host`` must not be fetched (a non-public address), or None if it is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        return _Failure(reasons.HTTP_ERROR, f"cannot resolve host {host!r}: {err}")
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not is_public(address):
            return _Failure(reasons.PRIVATE_ADDRESS,
                            f"{host} resolves to non-public address {address}; "
                            "set allow_private to fetch it")
    return None


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True only for globally routable unicast addresses."""
    return address.is_global and not (
        address.is_private or address.is_loopback or address.is_link_local
        or address.is_reserved or address.is_multicast or address.is_unspecified)
