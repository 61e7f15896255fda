"""What goes wrong in a fetch, in the editor's words: `FetchFailure` (a typed failure raised inside
one request, turned into a failed `FetchResult` by `curator.fetch` at its boundary), the
exceptions of httpx and the socket below it classified (`classify`), a body past `max_bytes`
(`too_large`, a compression bomb told apart), an HTTP status that is no answer
(`status_failure`), and the Retry-After header read (`parse_retry_after`, `retry_after_asked`,
`retry_after_date`) and told as the server said it. Every message is one short line.
"""

from __future__ import annotations

import email.utils
import re
import socket
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx

from curator.fetch_request import FetchSettings
from curator.models import ErrorKind

#: "Come back later" statuses; both may carry Retry-After (RFC 6585 section 4, RFC 9110 10.2.3).
#: A server that asks us to slow down (429), or that is down (503) and says when to come back.
RATE_LIMITED_STATUSES = frozenset({429, 503})


#: The longest wait passed on from Retry-After: a server asking for more is taken to ask a day.
MAX_RETRY_AFTER = 24 * 3600.0


#: Longest error line, so a hostile URL or header cannot flood the editor's report.
MAX_ERROR_CHARS = 300


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


class FetchFailure(Exception):
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


def one_line(text: str) -> str:
    """`text` as one short line: control characters and runs of whitespace become one space."""
    line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return line if len(line) <= MAX_ERROR_CHARS else line[: MAX_ERROR_CHARS - 1] + "…"


def seconds_text(value: float) -> str:
    """30.0 -> "30 s", 0.5 -> "0.5 s"."""
    return f"{value:g} s"


def size_text(n: int) -> str:
    """A byte count as an editor reads it: "10 MB", "100 KB", "512 bytes"."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{round(n / scale, 1):g} {unit}"
    return f"{n} bytes"


#: How many times its compressed size a body may unpack to and still be taken for a big document:
#: feeds and pages pack 3 to 20 times; a compression bomb 1000 times.
BOMB_RATIO = 100


def too_large(
    settings: FetchSettings, detail: str = "", *, packed: int | None = None, unsized: bool = False
) -> FetchFailure:
    """The failure of a body past `max_bytes`: with advice to raise it only where that would
    read it. The message stays within `MAX_ERROR_CHARS`, so its advice is never cut (walk173
    #8: "... if the feed or page matters to you, tell the…")."""
    limit = size_text(settings.max_bytes)
    if packed is not None and settings.max_bytes > BOMB_RATIO * packed:
        # Raising the limit would not read it: it unpacks on (walk37 #3: raised to 250 MB, it
        # took 1 GB of memory and was then not a feed). Its packed size is not said: it is where
        # the reading stopped, not the bomb's, and two bombs are one reason (walk173 #8).
        return FetchFailure(
            "too-large",
            f"body unpacks to more than {limit} (the limit `max_bytes` in feeds.yaml's settings"
            f" sets) from over {BOMB_RATIO} times less sent compressed, as a compression bomb"
            " does and no real feed or page: do not raise `max_bytes` for it (it would only fill"
            " memory); if it matters to you, tell its publisher",
        )
    if unsized:
        # No Content-Length and still sending at the limit: raising it would only read more of
        # a stream that may never end (walk173 #9: "raise it to read this one" of an endless one).
        return FetchFailure(
            "too-large",
            f"body larger than {limit}, the limit `max_bytes` in feeds.yaml's settings sets: it"
            f" gave no length and kept sending past {limit}; a feed or page is rarely this big:"
            " check the address in a browser",
        )
    return FetchFailure(
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


def classify(exc: Exception, host: str, answered: bool, settings: FetchSettings) -> FetchFailure:
    """Turn an exception from httpx (or the socket below it) into a typed failure."""
    while isinstance(exc, ExceptionGroup) and len(exc.exceptions) == 1:
        # One failure that the connecting layer's task group (anyio's, below httpx) wrapped:
        # classified as itself, not as an "unexpected ExceptionGroup" (walk152 #7).
        exc = exc.exceptions[0]
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return FetchFailure("dns", f"no such server: {host} ({cause.strerror or cause})")
        if isinstance(cause, ssl.SSLCertVerificationError):
            return FetchFailure(
                "tls", f"TLS certificate not accepted: {cause.verify_message or cause}"
            )
        if isinstance(cause, ssl.SSLError):
            return FetchFailure("tls", f"TLS handshake failed: {cause.reason or cause}")
        if isinstance(cause, ConnectionRefusedError):
            return FetchFailure("connect", "connection refused")
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchFailure(
            "timeout", f"could not connect within {seconds_text(settings.connect_timeout)}"
        )
    if isinstance(exc, httpx.ReadTimeout):
        if not answered:
            return FetchFailure(
                "timeout", f"no answer within {seconds_text(settings.read_timeout)}"
            )
        return FetchFailure(
            "timeout", f"nothing received for {seconds_text(settings.read_timeout)}"
        )
    if isinstance(exc, httpx.TimeoutException):
        return FetchFailure("timeout", f"timed out ({detail})")
    if isinstance(exc, httpx.ConnectError):
        return FetchFailure("connect", f"could not connect: {detail}")
    if isinstance(exc, httpx.NetworkError):
        return FetchFailure("connect", f"connection lost: {detail}")
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchFailure("http", f"the server broke the HTTP protocol: {detail}")
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return FetchFailure("invalid-url", f"not a usable web address: {detail}")
    if isinstance(exc, httpx.HTTPError):
        return FetchFailure("http", f"{type(exc).__name__}: {detail}")
    return FetchFailure("error", f"unexpected {type(exc).__name__}: {detail}")


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


def status_failure(response: httpx.Response) -> FetchFailure:
    status = response.status_code
    reason = response.reason_phrase or ""
    line = f"HTTP {status} {reason}".strip()
    content_type = response.headers.get("Content-Type")
    if status == 410:
        return FetchFailure(
            "gone", f"{line}: the publisher has removed it", status, None, content_type
        )
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
        return FetchFailure(
            kind,
            f"{line}{advice}",
            status,
            wait,
            content_type,
            until.isoformat() if until is not None else None,
        )
    return FetchFailure("http", line, status, None, content_type)
