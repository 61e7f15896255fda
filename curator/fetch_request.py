"""What to fetch and within which limits: `FetchRequest` (one address, its validators, its kind),
`FetchSettings` (timeouts, byte cap, redirects, requests in flight overall and per host) with
their defaults, and the User-Agent curator sends (`user_agent`, with the editor's contact
addresses as `agent_address` makes them safe to send). Plain data, shared by `curator.fetch`,
the configuration and the commands that read feeds and pages.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from curator import __version__
from curator.models import FetchKind

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
