"""Fetching feeds and pages: bounded, polite HTTP with httpx; returns bytes or a typed failure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from curator import __version__
from curator.models import FetchResult

#: Sent with every request so publishers can see who is asking and why.
USER_AGENT = f"curator/{__version__} (newsletter curation; +https://pypi.org/project/curator/)"


@dataclass(frozen=True)
class FetchSettings:
    """Limits for one run of fetching."""

    #: Overall deadline for one request, connect to last byte, in seconds.
    deadline: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 15.0
    #: The most bytes of (decompressed) body kept; a larger body is a "too-large" failure.
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    #: Requests in flight at once, overall and per host.
    concurrency: int = 16
    per_host: int = 2
    user_agent: str = USER_AGENT
    #: Allow pages at loopback/private/link-local addresses (intranet feeds, tests).
    allow_private: bool = False


@dataclass(frozen=True)
class FetchRequest:
    """One thing to fetch."""

    #: An http(s) URL, or (when `allow_file`) a local path or file:// URL.
    url: str
    #: Validators from the last fetch, sent back for a conditional GET.
    etag: str | None = None
    last_modified: str | None = None
    #: "feed" or "page"; a page must be text/html (else a "not-html" failure).
    kind: str = "feed"
    #: Local paths are read only when the editor's configuration itself names them.
    allow_file: bool = False


def fetch_all(
    requests: Sequence[FetchRequest],
    settings: FetchSettings = FetchSettings(),
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every request concurrently within `settings`; one result per request, in order.

    Never raises for a bad URL, a server that is down, slow, huge or hostile: that is a failed
    `FetchResult`. `on_result` is called (from the calling thread) as each one finishes, for progress.
    """
    raise NotImplementedError
