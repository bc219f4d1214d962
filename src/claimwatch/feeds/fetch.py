"""HTTP for the watcher (httpx), careful by default:

1. only http and https URLs, at every hop;
2. robots.txt honoured for our User-Agent (read once per host and run; a robots.txt answering 401 or
   403 forbids the host, another 4xx or no answer allows it, like Python's `urllib.robotparser`);
3. redirects followed by hand, at most `max_redirects` (a loop ends there);
4. a timeout per request, and a size cap: a Content-Length over `max_bytes` is refused before the body,
   a body that grows past it is cut off and refused;
5. conditional requests: `If-None-Match` / `If-Modified-Since` from the validators the store keeps; a
   304 comes back as `not_modified`.

Every failure is a `FetchError` whose `retryable` says whether trying later may help (timeouts, network
errors, 5xx and 429) or not (4xx, too large, too many redirects, forbidden by robots.txt).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import FeedError
from .config import Settings

_ROBOTS_MAX_BYTES = 512 * 1024
_CHUNK = 64 * 1024


class FetchError(FeedError):
    def __init__(self, url: str, reason: str, *, retryable: bool) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retryable = retryable


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # of a redirect

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.client = httpx.Client(
            timeout=settings.timeout, follow_redirects=False, transport=transport,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._robots: dict[str, RobotFileParser | None] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            _check_scheme(current)
            if self.settings.respect_robots and not self._allowed(current):
                raise FetchError(current, "robots.txt forbids Claimwatch to fetch this page", retryable=False)
            fetched = self._one(current, headers, self.settings.max_bytes)
            if fetched.status in (301, 302, 303, 307, 308):
                location = fetched.location
                if not location:
                    raise FetchError(current, f"HTTP {fetched.status} without a Location header", retryable=False)
                current = urljoin(current, location)
                continue
            if fetched.status == 304:
                return fetched
            if fetched.status == 429 or fetched.status >= 500:
                raise FetchError(current, f"HTTP {fetched.status}", retryable=True)
            if fetched.status >= 400:
                raise FetchError(current, f"HTTP {fetched.status}", retryable=False)
            return fetched
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects (a redirect loop?)",
                         retryable=False)

    def _one(self, url: str, headers: dict[str, str], limit: int) -> Fetched:
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.is_redirect:
                    return Fetched(url, response.status_code, b"", "", location=response.headers.get("location"))
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"larger than the {limit:,}-byte cap ({int(declared):,} bytes)",
                                     retryable=False)
                body = bytearray()
                for chunk in response.iter_bytes(_CHUNK):
                    body.extend(chunk)
                    if len(body) > limit:
                        raise FetchError(url, f"larger than the {limit:,}-byte cap", retryable=False)
                return Fetched(
                    url=str(response.url), status=response.status_code, content=bytes(body),
                    content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                    etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException as error:
            raise FetchError(url, f"timed out after {self.settings.timeout:g} s", retryable=True) from error
        except httpx.HTTPError as error:
            raise FetchError(url, f"cannot connect ({type(error).__name__}: {error})", retryable=True) from error

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            fetched = self._one(origin + "/robots.txt", {}, _ROBOTS_MAX_BYTES)
        except FetchError:
            return None  # no answer: allowed
        if fetched.status in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
        elif fetched.status >= 300:
            return None  # missing (or redirected away): allowed
        else:
            parser.parse(fetched.content.decode("utf-8", "replace").splitlines())
        return parser


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(url, "only http and https URLs are fetched", retryable=False)
