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
import email.utils
import html
import mimetypes
import os
import re
import socket
import ssl
import stat
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit
from urllib.request import getproxies, url2pathname

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

from curator import __version__
from curator.errors import own_bug
from curator.models import ErrorKind, FetchKind, FetchResult
from curator.netguard import blocked_reason, first_blocked

#: The User-Agent's first word: the product token a site's robots.txt names curator by
#: (RFC 9309 section 2.2.1; `curator.robots`).
PRODUCT_TOKEN = "curator"
#: Sent with every request so publishers can see who is asking and why; `user_agent` adds the
#: newsletter's address and the editor's contact. (It linked to pypi.org/project/curator/, an
#: unrelated 2009 image gallery generator: walk127.)
USER_AGENT = f"{PRODUCT_TOKEN}/{__version__} (newsletter curation)"


def agent_address(contact: str | None) -> str | None:
    """`contact` as the User-Agent can carry it: plain printable ASCII with no `(`, `)` or `;`
    (which would end the comment it is given in, RFC 9110 section 5.6.5); a web address with a
    non-ASCII host or path is put in encoded, as exactly the same address (the host as IDNA,
    the rest percent-encoded: walk128 N5, `https://exämple.org/news/` was dropped unsaid); None
    for what cannot be (`curator.config` warns of such a `site_url`)."""
    text = (contact or "").strip()
    if text and not text.isascii() and text.startswith(("http://", "https://")):
        try:
            parts = urlsplit(text)
            host = (parts.hostname or "").encode("idna").decode("ascii")
            port = f":{parts.port}" if parts.port is not None else ""
        except (UnicodeError, ValueError):
            return None
        if parts.username or parts.password:
            return None
        keep = "".join(chr(c) for c in range(33, 127))  # every printable ASCII character stays
        text = urlunsplit(
            (
                parts.scheme,
                host + port,
                quote(parts.path, safe=keep),
                quote(parts.query, safe=keep),
                quote(parts.fragment, safe=keep),
            )
        )
    if not text or not text.isascii() or not text.isprintable() or any(c in text for c in "();"):
        return None
    return text


def user_agent(*contacts: str | None) -> str:
    """`USER_AGENT` with the addresses a site owner can reach the editor at (the newsletter's
    `site_url`, `settings: contact:`), each once, as `agent_address` gives them; one it cannot
    give is left out (`curator.config` refuses such a `contact`, and warns of such a
    `site_url`)."""
    shown: list[str] = []
    for contact in contacts:
        text = agent_address(contact)
        if text is None or text in shown:
            continue
        shown.append(text)
    if not shown:
        return USER_AGENT
    said = "; ".join(f"+{c}" if c.startswith(("http://", "https://")) else c for c in shown)
    return f"{PRODUCT_TOKEN}/{__version__} (newsletter curation; {said})"


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
#: "Come back later" statuses; both may carry Retry-After (RFC 6585 section 4, RFC 9110 10.2.3).
#: A server that asks us to slow down (429), or that is down (503) and says when to come back.
RATE_LIMITED_STATUSES = frozenset({429, 503})
#: Redirects that say the address has moved for good (the feeds file should be updated).
PERMANENT_REDIRECTS = frozenset({301, 308})
#: The longest wait passed on from Retry-After: a server asking for more is taken to ask a day.
MAX_RETRY_AFTER = 24 * 3600.0
#: Raw bytes read from the socket at a time; small enough that one chunk never matters for memory.
CHUNK_BYTES = 64 * 1024
#: Longest error line, so a hostile URL or header cannot flood the editor's report.
MAX_ERROR_CHARS = 300
#: Requests in flight at once, the default of `settings.concurrency`. Measured with
#: benchmarks/weekly.py (60 feeds and 300 pages on 60 hosts, 100 ms latency, 2 cores): a second
#: build with nothing new took 0.66-0.73 s at 64, 0.76-0.91 s at 32 and 1.0-1.4 s at 16 (60 feeds
#: answer 304 in 1 wave instead of 4); the first build is CPU-bound on 2 cores and was no slower
#: at 64 (8.2-9.5 s against 6.5-12.4 s at 16, on a shared machine). 64 is the most feeds.yaml
#: accepts; benchmarks/fetch.py found more costs httpcore CPU per connection.
CONCURRENCY = 64
#: Requests in flight at once to one host (host:port), the default of `settings.per_host`: a
#: polite client's share of a publisher's server, whatever it would save us.
PER_HOST = 2
#: Seconds to connect to a server: a live one does it at once, whatever it then takes to answer.
CONNECT_TIMEOUT = 10.0


@dataclass(frozen=True)
class FetchSettings:
    """Limits for one run of fetching."""

    #: Overall deadline for one request, connect to last byte, in seconds.
    deadline: float = 30.0
    connect_timeout: float = CONNECT_TIMEOUT
    #: The longest silence while waiting for the answer or its next bytes (feeds.yaml's `timeout`
    #: makes it the deadline: `curator.harvest.fetch_settings`).
    read_timeout: float = 15.0
    #: The most bytes of (decompressed) body kept; a larger body is a "too-large" failure.
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    #: Requests in flight at once, overall and per host.
    concurrency: int = CONCURRENCY
    per_host: int = PER_HOST
    user_agent: str = USER_AGENT
    #: Allow pages at loopback/private/link-local addresses (intranet feeds, tests).
    allow_private: bool = False
    #: Host names whose pages may be fetched even at private addresses when `allow_private` is off
    #: (one trusted intranet site, without opening every private address to links found in feeds).
    allow_hosts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FetchRequest:
    """One thing to fetch."""

    #: An http(s) URL, or (when `allow_file`) a local path or file:// URL.
    url: str
    #: Validators from the last fetch, sent back for a conditional GET.
    etag: str | None = None
    last_modified: str | None = None
    #: A page must be text/html (else a "not-html" failure).
    kind: FetchKind = "feed"
    #: Local paths are read only when the editor's configuration itself names them.
    allow_file: bool = False
    #: Servers ("host" or "host:port", lower case) given up on in this run, as the caller keeps
    #: them (it may add to the set while this request runs): a redirect there is not followed
    #: but fails with `NOT_TRIED` (walk37 #5: pages redirected to a dead server were all tried).
    given_up_hosts: Set[str] = frozenset()


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


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP-date, RFC 9110 section
    10.2.3), at least 0 and at most `MAX_RETRY_AFTER`; None when absent or unreadable."""
    seconds = retry_after_asked(value, now)
    return None if seconds is None else min(max(seconds, 0.0), MAX_RETRY_AFTER)


def retry_after_asked(value: str | None, now: datetime) -> float | None:
    """The seconds a Retry-After header asks for, uncapped: 0 or less when its date is past."""
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"[0-9]+", text):
        seconds = float(text[:12])  # more digits than a day's worth only hit the cap anyway
    else:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    return seconds


def retry_after_date(value: str | None) -> datetime | None:
    """The time a Retry-After written as an HTTP date names (UTC); None for delay-seconds or
    what is unreadable."""
    text = (value or "").strip()
    if not text or re.fullmatch(r"[0-9]+", text):
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


# --- failures -------------------------------------------------------------------------------------


class _Failure(Exception):
    """A typed failure raised inside one fetch, turned into a failed FetchResult at its boundary."""

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        status: int | None = None,
        retry_after: float | None = None,
        content_type: str | None = None,
        retry_until: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after
        self.content_type = content_type
        self.retry_until = retry_until


def _one_line(text: str) -> str:
    """`text` as one short line: control characters and runs of whitespace become one space."""
    line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return line if len(line) <= MAX_ERROR_CHARS else line[: MAX_ERROR_CHARS - 1] + "…"


def _seconds(value: float) -> str:
    """30.0 -> "30 s", 0.5 -> "0.5 s"."""
    return f"{value:g} s"


def _size(n: int) -> str:
    """A byte count as an editor reads it: "10 MB", "100 KB", "512 bytes"."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{round(n / scale, 1):g} {unit}"
    return f"{n} bytes"


#: How many times its compressed size a body may unpack to and still be taken for a big document:
#: feeds and pages pack 3 to 20 times; a compression bomb 1000 times.
BOMB_RATIO = 100


def _too_large(
    settings: FetchSettings, detail: str = "", *, packed: int | None = None, unsized: bool = False
) -> _Failure:
    """The failure of a body past `max_bytes`: with advice to raise it only where that would
    read it. The message stays within `MAX_ERROR_CHARS`, so its advice is never cut (walk173
    #8: "... if the feed or page matters to you, tell the…")."""
    limit = _size(settings.max_bytes)
    if packed is not None and settings.max_bytes > BOMB_RATIO * packed:
        # Raising the limit would not read it: it unpacks on (walk37 #3: raised to 250 MB, it
        # took 1 GB of memory and was then not a feed). Its packed size is not said: it is where
        # the reading stopped, not the bomb's, and two bombs are one reason (walk173 #8).
        return _Failure(
            "too-large",
            f"body unpacks to more than {limit} (the limit `max_bytes` in feeds.yaml's settings"
            f" sets) from over {BOMB_RATIO} times less sent compressed, as a compression bomb"
            " does and no real feed or page: do not raise `max_bytes` for it (it would only fill"
            " memory); if it matters to you, tell its publisher",
        )
    if unsized:
        # No Content-Length and still sending at the limit: raising it would only read more of
        # a stream that may never end (walk173 #9: "raise it to read this one" of an endless one).
        return _Failure(
            "too-large",
            f"body larger than {limit}, the limit `max_bytes` in feeds.yaml's settings sets: it"
            f" gave no length and kept sending past {limit}; a feed or page is rarely this big:"
            " check the address in a browser",
        )
    return _Failure(
        "too-large",
        f"body larger than {limit}{detail}, the limit `max_bytes` in"
        " feeds.yaml's settings sets; raise it to read this one",
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and everything it was raised from (httpx -> httpcore -> OSError), groups included."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, BaseExceptionGroup):
            stack.extend(current.exceptions)
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                stack.append(linked)


def _classify(exc: Exception, host: str, answered: bool, settings: FetchSettings) -> _Failure:
    """Turn an exception from httpx (or the socket below it) into a typed failure."""
    while isinstance(exc, ExceptionGroup) and len(exc.exceptions) == 1:
        # One failure that the connecting layer's task group (anyio's, below httpx) wrapped:
        # classified as itself, not as an "unexpected ExceptionGroup" (walk152 #7).
        exc = exc.exceptions[0]
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return _Failure("dns", f"no such server: {host} ({cause.strerror or cause})")
        if isinstance(cause, ssl.SSLCertVerificationError):
            return _Failure("tls", f"TLS certificate not accepted: {cause.verify_message or cause}")
        if isinstance(cause, ssl.SSLError):
            return _Failure("tls", f"TLS handshake failed: {cause.reason or cause}")
        if isinstance(cause, ConnectionRefusedError):
            return _Failure("connect", "connection refused")
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return _Failure("timeout", f"could not connect within {_seconds(settings.connect_timeout)}")
    if isinstance(exc, httpx.ReadTimeout):
        if not answered:
            return _Failure("timeout", f"no answer within {_seconds(settings.read_timeout)}")
        return _Failure("timeout", f"nothing received for {_seconds(settings.read_timeout)}")
    if isinstance(exc, httpx.TimeoutException):
        return _Failure("timeout", f"timed out ({detail})")
    if isinstance(exc, httpx.ConnectError):
        return _Failure("connect", f"could not connect: {detail}")
    if isinstance(exc, httpx.NetworkError):
        return _Failure("connect", f"connection lost: {detail}")
    if isinstance(exc, httpx.RemoteProtocolError):
        return _Failure("http", f"the server broke the HTTP protocol: {detail}")
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return _Failure("invalid-url", f"not a usable web address: {detail}")
    if isinstance(exc, httpx.HTTPError):
        return _Failure("http", f"{type(exc).__name__}: {detail}")
    return _Failure("error", f"unexpected {type(exc).__name__}: {detail}")


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
            raise _Failure("http", f"the server used an encoding we did not ask for: {encoding}")
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
                raise _Failure(
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
        path = _local_path(request.url)
        if path is not None:
            return await _read_file(request, path, settings)
        return await _fetch_http(run, request, progress)
    except Exception as exc:  # noqa: BLE001 - the boundary: one bad request must not break the rest
        if own_bug(exc):  # curator's own mistake: a traceback, not a feed or page "failing"
            raise
        if isinstance(exc, _Failure):
            failure = exc
        elif isinstance(exc, TimeoutError):  # the overall deadline
            what = "not finished" if progress.answered else "no answer"
            failure = _Failure("timeout", f"{what} within {_seconds(settings.deadline)}")
        else:
            try:
                host = urlsplit(progress.url).hostname or progress.url
            except ValueError:  # (`http://[zz]/`: named as written)
                host = progress.url
            failure = _classify(exc, host, progress.answered, settings)
        started = progress.started if progress.started is not None else began
        return FetchResult(
            url=request.url,
            final_url=progress.url,
            status=failure.status,
            content_type=failure.content_type,
            error_kind=failure.kind,
            error=_one_line(failure.message),
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
            raise _Failure("connect", f"redirected to {url}: {NOT_TRIED}")
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
                        location = None if refreshed else _meta_refresh(request, result)
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
            raise _Failure("redirects", f"redirect loop: {progress.url} sends us back to {url}")
        if redirects > settings.max_redirects:
            raise _Failure(
                "redirects", f"more than {settings.max_redirects} redirects (next: {url})"
            )
        if budget <= 0:
            raise TimeoutError
        visited.add(str(url))


#: A page that sends its reader on with `<meta http-equiv="refresh" content="0; url=/b/2">` and
#: says little else ("Redirecting..."): a redirect written in HTML, followed once like an HTTP one
#: when its delay is this many seconds or fewer and the page has at most `_REFRESH_TEXT`
#: characters of text (a real page that refreshes itself, or sends readers on after a while, is
#: read as it is).
_REFRESH_DELAY = 5.0
_REFRESH_TEXT = 200
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_REFRESH_EQUIV = re.compile(rb"""http-equiv\s*=\s*["']?\s*refresh\b""", re.IGNORECASE)
_CONTENT_ATTR = re.compile(rb"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_REFRESH_VALUE = re.compile(
    r"""^\s*(\d+(?:\.\d*)?)\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']*)["']?\s*$""", re.IGNORECASE
)
_NOT_TEXT = re.compile(
    rb"<(script|style|head|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL
)


#: A script that sends its reader on to a literal address: `window.location.replace("/b/2")`,
#: `location.href = '/b/2'`, `document.location.assign(...)` (walk100 #3: a page "Redirecting..."
#: doing only that was published at its own address). Followed as a meta refresh is, but only when
#: that statement is the script's whole text (comments aside): an assignment inside a function or
#: an event handler (`function signOut(){ window.location.href = '/'; }`) may never run (walk104
#: #1: an article rendered by script was left out as a redirect to the front page).
_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SCRIPT_COMMENT = re.compile(r"/\*.*?\*/|(?:^|\s)//[^\n]*$|<!--|-->", re.DOTALL | re.MULTILINE)
_SCRIPT_LOCATION = re.compile(
    r"""\s*(?:(?:window|document|self|top)\.)*"""
    r"""(?:location(?:\.href)?\s*=\s*(["'])([^"'\s]+)\1"""
    r"""|location\.(?:replace|assign)\(\s*(["'])([^"'\s]+)\3\s*\))\s*;?\s*""",
    re.IGNORECASE,
)
#: A page that says it is an article (JSON-LD Article, NewsArticle, BlogPosting...; og:type
#: article): its scripts' redirects are not followed, whatever they say.
_ARTICLE_LD = re.compile(
    rb"""["']@type["']\s*:\s*\[?\s*["'](?:\w*Article|BlogPosting|Report)["']""", re.IGNORECASE
)
_OG_ARTICLE = re.compile(rb"""og:type["']?[\s/>]""", re.IGNORECASE)
_ARTICLE_VALUE = re.compile(rb"""\bcontent\s*=\s*["']?article\b""", re.IGNORECASE)


def _says_article(content: bytes) -> bool:
    if _ARTICLE_LD.search(content):
        return True
    return any(
        _OG_ARTICLE.search(tag) and _ARTICLE_VALUE.search(tag) for tag in _META_TAG.findall(content)
    )


def _meta_refresh(request: FetchRequest, result: FetchResult) -> str | None:
    """The address an HTML page of little text sends its reader on to at once with a meta refresh
    (`_REFRESH_DELAY`, `_REFRESH_TEXT`) or a script setting its location to a literal address
    (`_SCRIPT_LOCATION`, as its whole text), else None; only for pages, not feeds."""
    content = result.content
    if request.kind != "page" or not content or len(content) > 64 * 1024:
        return None
    target: str | None = None
    for tag in _META_TAG.findall(content):
        if not _REFRESH_EQUIV.search(tag) or not (found := _CONTENT_ATTR.search(tag)):
            continue
        raw = next(g for g in found.groups() if g is not None)
        value = _REFRESH_VALUE.match(raw.decode("utf-8", "replace"))
        if not value or not value.group(2).strip() or float(value.group(1)) > _REFRESH_DELAY:
            return None
        target = html.unescape(value.group(2).strip())
        break
    if target is None and not _says_article(content):
        for script in _SCRIPT.findall(content):
            code = _SCRIPT_COMMENT.sub(" ", script.decode("utf-8", "replace"))
            if found_js := _SCRIPT_LOCATION.fullmatch(code):
                target = found_js.group(2) or found_js.group(4)
                break
    if not target:
        return None
    text = b" ".join(_NOT_TEXT.sub(b" ", content).split())
    if len(html.unescape(text.decode("utf-8", "replace"))) > _REFRESH_TEXT:
        return None
    try:
        here = httpx.URL(result.final_url)
        there = here.join(target).copy_with(fragment=None)
    except (httpx.InvalidURL, ValueError, TypeError):
        return None
    if there.scheme not in ("http", "https") or not there.host or there == here:
        return None
    return str(there)


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
        failure = _classify(exc, url.host, False, run.settings)
        raise _Failure(failure.kind, f"redirected to {url}: {failure.message}") from exc


def _web_url(text: str, first: bool, shown: str | None = None) -> httpx.URL:
    """`text` as an http(s) URL with a host, else an "invalid-url" (or, after a redirect,
    "redirects") failure."""
    kind: ErrorKind = "invalid-url" if first else "redirects"
    if not text.strip():
        raise _Failure(kind, "no address given" if first else "redirected to an empty address")
    try:
        url = httpx.URL(text.strip())
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise _Failure(kind, f"not a valid web address: {text} ({exc})") from exc
    if url.scheme not in ("http", "https") or not url.host:
        what = "not a web address" if first else "redirected to something that is not a web address"
        raise _Failure(kind, f"{what}: {shown or text}")
    if url.port is not None and not 0 < url.port <= 65535:
        # httpx takes `:99999`, and the socket's OverflowError then came back from anyio's task
        # group as "unexpected ExceptionGroup" (walk152 #7): refused before it is sent.
        what = "not a valid web address" if first else "redirected to an invalid address"
        raise _Failure(kind, f"{what}: {shown or text} (a port is a number from 1 to 65535)")
    return url.copy_with(fragment=None)


def _redirect_target(current: httpx.URL, location: str) -> httpx.URL:
    try:
        joined = current.join(location.strip())
    except (httpx.InvalidURL, ValueError) as exc:
        raise _Failure("redirects", f"redirected to an invalid address: {location}") from exc
    return _web_url(str(joined), first=False, shown=location.strip())


async def _check_address(host: str, port: int) -> None:
    """Refuse a page whose host is (or resolves to) a non-public address."""
    try:
        found = await first_blocked(host, port)
    except socket.gaierror as exc:
        raise _Failure("dns", f"no such server: {host} ({exc.strerror or exc})") from exc
    if found is not None:
        address, reason = found
        where = (
            f"{host} is a {reason} address"
            if address == host
            else (f"{host} is at {address}, a {reason} address")
        )
        raise _Failure("blocked", f"refused: {where} (pages are read only from public addresses)")


def _check_peer(host: str, response: httpx.Response) -> None:
    """Refuse a page whose connection reached a non-public address after all."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    reason = blocked_reason(str(peer[0]))
    if reason is not None:
        raise _Failure(
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
        raise _status_failure(response)
    if request.kind == "page":
        media_type = (content_type or "").split(";", 1)[0].strip().lower()
        if media_type not in PAGE_TYPES:
            raise _Failure(
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


def _duration(seconds: float) -> str:
    """31536000 -> "365 days", 7200 -> "2 hours", 90 -> "2 minutes"."""
    for unit, scale in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= scale:
            n = round(seconds / scale)
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{seconds:.0f} s"


def _wait_asked(asked: float | None, raw: str | None = None) -> str:
    """What a Retry-After asked, as the server said it (walk37 #6: a year was told as the cap);
    `raw`, the header as sent, tells an unreadable one and a "0" apart (walk127 #4)."""
    text = (raw or "").strip()
    if asked is None:
        if not text:
            return ""
        shown = text if len(text) <= 40 else text[:39] + "…"
        return f"; its Retry-After '{shown}' is no time curator reads: waited as for none"
    if asked <= 0 and re.fullmatch(r"[0-9]+", text):
        return "; its Retry-After asks for no wait"
    if asked <= 0:
        return "; its Retry-After names a time already past (or now), so it says nothing of when"
    if asked > MAX_RETRY_AFTER:
        return (
            f"; asked to wait {asked:.0f} s ({_duration(asked)}); curator waits at most a day"
            f" ({MAX_RETRY_AFTER:.0f} s), then asks again"
        )
    return f"; asked to wait {asked:.0f} s"


def _status_failure(response: httpx.Response) -> _Failure:
    status = response.status_code
    reason = response.reason_phrase or ""
    line = f"HTTP {status} {reason}".strip()
    content_type = response.headers.get("Content-Type")
    if status == 410:
        return _Failure("gone", f"{line}: the publisher has removed it", status, None, content_type)
    if status in RATE_LIMITED_STATUSES:
        raw = response.headers.get("Retry-After")
        now = datetime.now(UTC)
        asked = retry_after_asked(raw, now)
        wait = None if asked is None or asked <= 0 else min(asked, MAX_RETRY_AFTER)
        # The time an HTTP date named, to be shown as named (walk128 N6).
        until = retry_after_date(raw) if wait is not None and wait == asked else None
        advice = _wait_asked(asked, raw)
        # 429 asks us to slow down; 503 says the site is down, which is "rate-limited" only
        # when its Retry-After says to come back later (not at a time already past: walk37 #6).
        kind: ErrorKind = "rate-limited" if status == 429 or wait is not None else "unavailable"
        return _Failure(
            kind,
            f"{line}{advice}",
            status,
            wait,
            content_type,
            until.isoformat() if until is not None else None,
        )
    return _Failure("http", line, status, None, content_type)


async def _read_body(response: httpx.Response, settings: FetchSettings) -> bytes:
    """The decompressed body, read a chunk at a time and cut as soon as it passes the byte cap."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise _too_large(settings, f" (the server says {_size(int(declared))})")
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    decoder = _Decoder(encoding)
    body = bytearray()
    async for raw in response.aiter_raw(CHUNK_BYTES):
        for piece in decoder.pieces(raw, settings.max_bytes - len(body) + 1):
            body += piece
            if len(body) > settings.max_bytes:
                packed = decoder.packed if encoding not in ("", "identity") else None
                raise _too_large(settings, packed=packed, unsized=not declared.isdigit())
    return bytes(body)


# --- local files ----------------------------------------------------------------------------------


def _local_path(url: str) -> str | None:
    """The local path `url` names (a plain path or a file:// URL), or None for anything else."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return None
        return url2pathname(parts.path)
    if scheme == "" and not parts.netloc and text:
        return text
    if os.name == "nt" and len(scheme) == 1:  # C:\feeds\local.xml
        return text
    return None


def local_file_exists(url: str) -> bool:
    """True when `url` (a file: URL or a path) names a file on this machine: the test a local
    feed's links are held to (`curator.feeds.parse_feed`'s `page_exists`)."""
    path = _local_path(url)
    return path is not None and Path(path).expanduser().is_file()


async def _read_file(request: FetchRequest, path: str, settings: FetchSettings) -> FetchResult:
    """Read a local file named by the editor's own configuration, within the byte cap."""
    if not request.allow_file:
        raise _Failure("blocked", f"reading local files is not allowed here: {request.url}")
    began = time.monotonic()
    content = await asyncio.to_thread(_read_bounded, Path(path).expanduser(), settings)
    return FetchResult(
        url=request.url,
        final_url=request.url,
        content=content,
        content_type=mimetypes.guess_type(path)[0],
        elapsed=time.monotonic() - began,
    )


def _read_bounded(path: Path, settings: FetchSettings) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _Failure("file", f"{path} is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise _Failure("file", f"{path} is not a regular file")
        if info.st_size > settings.max_bytes:
            raise _too_large(settings, f" ({path} is {_size(info.st_size)})")
        with path.open("rb") as handle:
            content = handle.read(settings.max_bytes + 1)
    except FileNotFoundError as exc:
        raise _Failure("file", f"no such file: {path}") from exc
    except PermissionError as exc:
        raise _Failure("file", f"cannot read {path}: permission denied") from exc
    except OSError as exc:
        raise _Failure("file", f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(content) > settings.max_bytes:
        raise _too_large(settings)
    return content
