"""Fetching feeds and pages: bounded, polite HTTP with httpx; returns bytes or a typed failure.

`fetch_all` runs one httpx client under asyncio for a batch of requests; `open_fetcher` gives such
a client to a caller's own event loop, for requests that come up as others finish. Every request is
bounded: in flight at once (overall and per host), in time (connect and read timeouts and an
overall deadline, so a server that drips a byte a second is cut), in size (the decompressed body is
capped while it is read, so a gzip bomb is cut too) and in redirects (followed here, hop by hop, so
that an article page is checked against `curator.netguard` before every connection). Whatever goes
wrong becomes a failed `FetchResult` with a short `error_kind` and one line for the editor.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.request import getproxies

# What httpx needs to make a request from asyncio, which it imports only as its first client opens:
# after a build had read its feeds and stored their articles (walk175 #1: without anyio, httpcore's
# "RuntimeError: Running with asyncio requires installation of 'httpcore[asyncio]'" ended the run
# in a traceback, --json printed nothing). Imported here, as curator starts, so that a missing one
# stops the run before anything is done, named with its repair (`curator.deps`).
import anyio  # noqa: F401
import certifi  # noqa: F401
import h11  # noqa: F401
import httpcore  # noqa: F401
import httpx
import idna  # noqa: F401

from curator.errors import own_bug
from curator.fetch_failures import (
    FetchFailure,
    classify,
    one_line,
    seconds_text,
    size_text,
    status_failure,
    too_large,
)
from curator.fetch_local import local_path, read_file
from curator.fetch_refresh import meta_refresh
from curator.fetch_request import FetchRequest, FetchSettings
from curator.models import ErrorKind, FetchResult
from curator.netguard import blocked_reason, first_blocked

#: Content types an article page may have; anything else (a PDF, an image) is not a page to read.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: What we ask for, by kind: feeds in any of their formats, pages as HTML.
ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "robots": "text/plain, */*;q=0.5",
}
#: The only encodings we ask for, and so the only ones we decode (RFC 9110 section 8.4.1).
ACCEPT_ENCODING = "gzip, deflate"
#: Statuses that follow Location (RFC 9110 section 15.4); 300 and 305 are not followed.
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Redirects that say the address has moved for good (the feeds file should be updated).
PERMANENT_REDIRECTS = frozenset({301, 308})
#: Raw bytes read from the socket at a time; small enough that one chunk never matters for memory.
CHUNK_BYTES = 64 * 1024


#: Why a request redirected to a server given up on in this run was not sent there.
NOT_TRIED = "not tried: its server could not be reached earlier in this run"


def fetch_all(
    requests: Sequence[FetchRequest],
    settings: FetchSettings = FetchSettings(),
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every request concurrently within `settings`; one result per request, in order.

    Never raises for a bad URL, a server that is down, slow, huge or hostile: that is a failed
    `FetchResult`. `on_result` is called (from the calling thread) as each one finishes, for
    progress. Runs its own event loop, so it must not be called from inside a running one.
    """
    if not requests:
        return []
    return asyncio.run(_fetch_all(list(requests), settings, on_result))


# --- limits ---------------------------------------------------------------------------------------


@dataclass
class _Limiter:
    """Slots for requests in flight: `concurrency` overall and `per_host` for each host."""

    concurrency: int
    per_host: int
    overall: asyncio.Semaphore = field(init=False)
    hosts: dict[str, asyncio.Semaphore] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.overall = asyncio.Semaphore(max(1, self.concurrency))

    @contextlib.asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold a slot for `host` and one overall. The host's slot comes first so that a request
        queued behind a busy host does not keep another host's request from starting."""
        semaphore = self.hosts.setdefault(host, asyncio.Semaphore(max(1, self.per_host)))
        async with semaphore, self.overall:
            yield


# --- decoding -------------------------------------------------------------------------------------


#: The most decompressed bytes produced at one step (a gzip bomb inflates in steps this size).
STEP_BYTES = 1 << 20


class _Decoder:
    """Decompresses a gzip/deflate body incrementally, never producing more than asked for.

    httpx's own decoders inflate a whole network chunk at once, and 64 KB of a gzip bomb is 64 MB;
    here every call is given a budget (zlib's `max_length`), so memory stays within the byte cap.
    """

    def __init__(self, encoding: str) -> None:
        if encoding in ("gzip", "x-gzip"):
            self._wbits: int | None = 16 + zlib.MAX_WBITS
        elif encoding == "deflate":
            self._wbits = zlib.MAX_WBITS
        elif encoding in ("", "identity"):
            self._wbits = None
        else:
            raise FetchFailure(
                "http", f"the server used an encoding we did not ask for: {encoding}"
            )
        self.encoding = encoding
        self._zlib = zlib.decompressobj(self._wbits) if self._wbits is not None else None
        self._produced = 0  # decoded bytes so far
        #: Compressed bytes decoded so far (not those still waiting in a chunk).
        self.packed = 0
        self._members = 1  # gzip members started
        self._done = False  # the compressed body ended; whatever follows is ignored
        self._head = b""  # a deflate body's first bytes, until they show whether it is wrapped

    def decode(self, data: bytes, budget: int) -> bytes:
        """Up to `budget` decoded bytes from `data`; exactly `budget` means there may be more."""
        return b"".join(self.pieces(data, budget))

    def pieces(self, data: bytes, budget: int) -> Iterator[bytes]:
        """`decode` as pieces of at most `STEP_BYTES`, so a caller can store each one as it comes
        instead of holding the whole output of a 64 KB gzip-bomb chunk (up to the budget) twice."""
        if self._zlib is None:
            yield data[:budget]
            return
        made = 0
        pending = data
        if self._wbits == zlib.MAX_WBITS and self._produced == 0 and len(self._head) < 2:
            # RFC 9110 deflate is zlib-wrapped (RFC 1950: CM 8, header a multiple of 31), but some
            # servers send raw DEFLATE; the first two bytes tell which.
            self._head += data
            if len(self._head) < 2:
                return
            pending, (cmf, flg) = self._head, self._head[:2]
            if cmf & 0x0F != 8 or (cmf << 8 | flg) % 31:
                self._wbits = -zlib.MAX_WBITS
                self._zlib = zlib.decompressobj(self._wbits)
        while pending and made < budget and not self._done:
            if self._zlib.eof:
                if self.encoding == "deflate":
                    self._done = True
                    break
                # A gzip body may be several members one after another (RFC 1952 section 2.2).
                self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._members += 1
            given = len(pending)
            try:
                piece = self._zlib.decompress(pending, min(STEP_BYTES, budget - made))
            except zlib.error as exc:
                if self._members > 1:
                    self._done = True  # junk after a complete gzip body: ignored, as zlib does
                    break
                raise FetchFailure(
                    "http", f"the body's {self.encoding} compression is corrupt ({exc})"
                ) from exc
            made += len(piece)
            self._produced += len(piece)
            pending = self._zlib.unused_data if self._zlib.eof else self._zlib.unconsumed_tail
            self.packed += given - len(pending)
            if piece:
                yield piece


# --- fetching -------------------------------------------------------------------------------------


@dataclass
class _Progress:
    """Where one request has got to, for the message when it fails."""

    url: str
    #: Whether the current hop's server has sent its response headers.
    answered: bool = False
    #: When the request got its first slot (monotonic clock); queueing is not the server's fault.
    started: float | None = None
    #: The last address reached through permanent redirects (301/308) from the first request on,
    #: before any temporary one: the feed moved there for good; None when the first was not.
    moved_to: str | None = None
    #: Whether every redirect followed so far was permanent.
    all_permanent: bool = True


@dataclass(frozen=True)
class _Run:
    """What every request in one `fetch_all` call shares."""

    client: httpx.AsyncClient
    limiter: _Limiter
    settings: FetchSettings
    #: Check the address a page's connection actually reached, not only what its name resolved to
    #: (a name can resolve differently a moment later). Off behind a proxy, which is what we reach.
    check_peer: bool


class Fetcher:
    """One httpx client and its limits, for the requests of one run made from inside its event
    loop as they come up (a feed's pages once the feed is read); see `open_fetcher`."""

    def __init__(self, run: _Run) -> None:
        self._run = run

    async def fetch(self, request: FetchRequest) -> FetchResult:
        """Fetch one request within the shared limits; never raises for what a server does."""
        return await _fetch_one(self._run, request)


@contextlib.asynccontextmanager
async def open_fetcher(settings: FetchSettings = FetchSettings()) -> AsyncIterator[Fetcher]:
    """A `Fetcher` for requests made while it is open, inside a running event loop."""
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=settings.deadline,
    )
    limits = httpx.Limits(
        max_connections=max(1, settings.concurrency),
        max_keepalive_connections=max(1, settings.concurrency),
    )
    headers = {"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING}
    async with httpx.AsyncClient(
        headers=headers, timeout=timeout, limits=limits, follow_redirects=False
    ) as client:
        yield Fetcher(
            _Run(
                client=client,
                limiter=_Limiter(settings.concurrency, settings.per_host),
                settings=settings,
                check_peer=not any(k in getproxies() for k in ("http", "https", "all")),
            )
        )


async def _fetch_all(
    requests: list[FetchRequest],
    settings: FetchSettings,
    on_result: Callable[[FetchResult], None] | None,
) -> list[FetchResult]:
    results: list[FetchResult | None] = [None] * len(requests)
    async with open_fetcher(settings) as fetcher:

        async def one(index: int, request: FetchRequest) -> None:
            result = await fetcher.fetch(request)
            results[index] = result
            if on_result is not None:
                on_result(result)

        await asyncio.gather(*(one(i, r) for i, r in enumerate(requests)))
    return [r for r in results if r is not None]


async def _fetch_one(run: _Run, request: FetchRequest) -> FetchResult:
    """One request, start to finish; every failure is caught here and returned as a result."""
    settings = run.settings
    began = time.monotonic()
    progress = _Progress(request.url)
    try:
        path = local_path(request.url)
        if path is not None:
            return await read_file(request, path, settings)
        return await _fetch_http(run, request, progress)
    except Exception as exc:  # noqa: BLE001 - the boundary: one bad request must not break the rest
        if own_bug(exc):  # curator's own mistake: a traceback, not a feed or page "failing"
            raise
        if isinstance(exc, FetchFailure):
            failure = exc
        elif isinstance(exc, TimeoutError):  # the overall deadline
            what = "not finished" if progress.answered else "no answer"
            failure = FetchFailure("timeout", f"{what} within {seconds_text(settings.deadline)}")
        else:
            try:
                host = urlsplit(progress.url).hostname or progress.url
            except ValueError:  # (`http://[zz]/`: named as written)
                host = progress.url
            failure = classify(exc, host, progress.answered, settings)
        started = progress.started if progress.started is not None else began
        return FetchResult(
            url=request.url,
            final_url=progress.url,
            status=failure.status,
            content_type=failure.content_type,
            error_kind=failure.kind,
            error=one_line(failure.message),
            retry_after=failure.retry_after,
            retry_until=failure.retry_until,
            elapsed=time.monotonic() - started,
        )


def _validator(value: str | None) -> str | None:
    """A stored ETag/Last-Modified, if it is safe to send back as a header value."""
    if value is None or not value.isascii() or not value.isprintable():
        return None
    return value.strip() or None


async def _fetch_http(run: _Run, request: FetchRequest, progress: _Progress) -> FetchResult:
    """Fetch an http(s) URL, following redirects hop by hop.

    The deadline counts only time spent holding a slot, so a request queued behind others for the
    same host (many feeds redirect to one feed service) is not cut for waiting its turn.
    """
    settings = run.settings
    url = _web_url(request.url, first=True)
    headers = {"Accept": ACCEPT.get(request.kind, ACCEPT["feed"])}
    if etag := _validator(request.etag):
        headers["If-None-Match"] = etag
    if last_modified := _validator(request.last_modified):
        headers["If-Modified-Since"] = last_modified
    # A site's robots.txt is asked for only to read its pages: held to the pages' guard.
    guard = request.kind in ("page", "robots") and not settings.allow_private
    allowed_hosts = {h.lower() for h in settings.allow_hosts}
    loop = asyncio.get_running_loop()
    budget = settings.deadline
    visited = {str(url)}
    redirects = 0
    refreshed = False
    while True:
        progress.url = str(url)
        progress.answered = False
        if redirects and urlsplit(str(url)).netloc.lower() in request.given_up_hosts:
            raise FetchFailure("connect", f"redirected to {url}: {NOT_TRIED}")
        host = url.host
        port = url.port or (443 if url.scheme == "https" else 80)
        checked = guard and host.lower() not in allowed_hosts
        async with run.limiter.slot(f"{host}:{port}"):
            if progress.started is None:
                progress.started = time.monotonic()
            hop_began = loop.time()
            async with asyncio.timeout(budget):
                if checked:
                    await _check_address(host, port)
                response = await _send(run, url, headers, redirected=redirects > 0)
                try:
                    progress.answered = True
                    if checked and run.check_peer:
                        _check_peer(host, response)
                    location = response.headers.get("Location")
                    if response.status_code not in REDIRECT_STATUSES or location is None:
                        result = await _result(request, response, settings, progress)
                        location = None if refreshed else meta_refresh(request, result)
                        if location is None:
                            return result
                        refreshed = True  # followed once, as a redirect (walk94 #3)
                finally:
                    await response.aclose()
            budget -= loop.time() - hop_began
        progress.all_permanent = (
            progress.all_permanent and response.status_code in PERMANENT_REDIRECTS
        )
        redirects += 1
        url = _redirect_target(url, location)
        if progress.all_permanent:
            progress.moved_to = str(url)
        if str(url) in visited:
            raise FetchFailure("redirects", f"redirect loop: {progress.url} sends us back to {url}")
        if redirects > settings.max_redirects:
            raise FetchFailure(
                "redirects", f"more than {settings.max_redirects} redirects (next: {url})"
            )
        if budget <= 0:
            raise TimeoutError
        visited.add(str(url))


async def _send(
    run: _Run, url: httpx.URL, headers: dict[str, str], *, redirected: bool
) -> httpx.Response:
    """Send one hop's request; when it was redirected there, a failure to reach it names the
    address redirected to, not the first server, which answered (walk32 #4)."""
    try:
        return await run.client.send(
            run.client.build_request("GET", url, headers=headers), stream=True
        )
    except httpx.HTTPError as exc:
        if not redirected:
            raise
        failure = classify(exc, url.host, False, run.settings)
        raise FetchFailure(failure.kind, f"redirected to {url}: {failure.message}") from exc


def _web_url(text: str, first: bool, shown: str | None = None) -> httpx.URL:
    """`text` as an http(s) URL with a host, else an "invalid-url" (or, after a redirect,
    "redirects") failure."""
    kind: ErrorKind = "invalid-url" if first else "redirects"
    if not text.strip():
        raise FetchFailure(kind, "no address given" if first else "redirected to an empty address")
    try:
        url = httpx.URL(text.strip())
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise FetchFailure(kind, f"not a valid web address: {text} ({exc})") from exc
    if url.scheme not in ("http", "https") or not url.host:
        what = "not a web address" if first else "redirected to something that is not a web address"
        raise FetchFailure(kind, f"{what}: {shown or text}")
    if url.port is not None and not 0 < url.port <= 65535:
        # httpx takes `:99999`, and the socket's OverflowError then came back from anyio's task
        # group as "unexpected ExceptionGroup" (walk152 #7): refused before it is sent.
        what = "not a valid web address" if first else "redirected to an invalid address"
        raise FetchFailure(kind, f"{what}: {shown or text} (a port is a number from 1 to 65535)")
    return url.copy_with(fragment=None)


def _redirect_target(current: httpx.URL, location: str) -> httpx.URL:
    try:
        joined = current.join(location.strip())
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchFailure("redirects", f"redirected to an invalid address: {location}") from exc
    return _web_url(str(joined), first=False, shown=location.strip())


async def _check_address(host: str, port: int) -> None:
    """Refuse a page whose host is (or resolves to) a non-public address."""
    try:
        found = await first_blocked(host, port)
    except socket.gaierror as exc:
        raise FetchFailure("dns", f"no such server: {host} ({exc.strerror or exc})") from exc
    if found is not None:
        address, reason = found
        where = (
            f"{host} is a {reason} address"
            if address == host
            else (f"{host} is at {address}, a {reason} address")
        )
        raise FetchFailure(
            "blocked", f"refused: {where} (pages are read only from public addresses)"
        )


def _check_peer(host: str, response: httpx.Response) -> None:
    """Refuse a page whose connection reached a non-public address after all."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    reason = blocked_reason(str(peer[0]))
    if reason is not None:
        raise FetchFailure(
            "blocked",
            f"refused: {host} answered from {peer[0]}, a {reason} address "
            "(pages are read only from public addresses)",
        )


async def _result(
    request: FetchRequest, response: httpx.Response, settings: FetchSettings, progress: _Progress
) -> FetchResult:
    """The result of a final (non-redirect) response: a body, a 304, or a typed failure."""
    status = response.status_code
    content_type = response.headers.get("Content-Type")
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    if status == 304:
        return FetchResult(
            url=request.url,
            final_url=progress.url,
            status=304,
            content_type=content_type,
            etag=etag or request.etag,
            last_modified=last_modified or request.last_modified,
            not_modified=True,
            elapsed=_elapsed(progress),
            moved_to=progress.moved_to,
        )
    if not 200 <= status < 300:
        raise status_failure(response)
    if request.kind == "page":
        media_type = (content_type or "").split(";", 1)[0].strip().lower()
        if media_type not in PAGE_TYPES:
            raise FetchFailure(
                "not-html",
                f"not an HTML page ({media_type or 'no Content-Type'})",
                status=status,
                content_type=content_type,
            )
    content = await _read_body(response, settings)
    return FetchResult(
        url=request.url,
        final_url=progress.url,
        status=status,
        content=content,
        content_type=content_type,
        etag=etag,
        last_modified=last_modified,
        elapsed=_elapsed(progress),
        moved_to=progress.moved_to,
    )


def _elapsed(progress: _Progress) -> float:
    return time.monotonic() - progress.started if progress.started is not None else 0.0


async def _read_body(response: httpx.Response, settings: FetchSettings) -> bytes:
    """The decompressed body, read a chunk at a time and cut as soon as it passes the byte cap."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise too_large(settings, f" (the server says {size_text(int(declared))})")
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    decoder = _Decoder(encoding)
    body = bytearray()
    async for raw in response.aiter_raw(CHUNK_BYTES):
        for piece in decoder.pieces(raw, settings.max_bytes - len(body) + 1):
            body += piece
            if len(body) > settings.max_bytes:
                packed = decoder.packed if encoding not in ("", "identity") else None
                raise too_large(settings, packed=packed, unsized=not declared.isdigit())
    return bytes(body)
