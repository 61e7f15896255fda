"""robots.txt (RFC 9309): whether a site lets curator read an article page, asked once per site.

A feed is published to be read, so feeds are fetched as any feed reader fetches them; an article
page is read only when its site's robots.txt allows it to `curator` (the User-Agent's first word,
`fetch_request.PRODUCT_TOKEN`) or, when no group names curator, to `*` (walk127: a page under
`Disallow: /private/` was read and its article featured). `parse_rules` and `Rules` are pure;
`SiteRules` fetches each site's robots.txt once per run and keeps it in the store for a day.

What an unreadable robots.txt means (RFC 9309 section 2.3.1): a 4xx answer (none there) allows
everything, as the RFC says, and is remembered like a file. On a 5xx answer, a 429, or no answer
at all (a timeout, a refused connection), the copy the store keeps is followed however old it is
(RFC 9309 section 2.4: a crawler may use a cached copy when it cannot fetch a new one); with no
copy the pages are read, though the RFC says to assume a complete disallow: that rule spares a
failing server a crawler's thousands of requests, where curator asks a site for the few new
articles of its feed, two at a time, and gives up on a server after three failed connections; and
a page of a server that is down fails too, and is read again on a later run, while a page taken
as disallowed would be built from its feed for good. Such an answer is not remembered: the next
run asks again. When the server answered (5xx, 429) and pages were read, the run says which rules
it followed (`SiteRules.unread`: last stop's closing note, "a robots.txt that cannot be read is
taken as allowing all, unsaid").
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from curator.fetch_request import PRODUCT_TOKEN, FetchRequest
from curator.models import FetchResult

#: How long a site's robots.txt is kept in the store before it is asked for again: a day, as
#: RFC 9309 section 2.4 advises a crawler not to use a cached copy for more than 24 hours.
CACHE_FOR = timedelta(days=1)
#: The most of a robots.txt that is read: RFC 9309 section 2.5 asks parsers to read at least 500 KiB
#: and lets them stop there; the rest is passed over, and the run says so (walk128 N7).
MAX_BYTES = 500 * 1024
MAX_CHARS = MAX_BYTES
#: Said of a site whose robots.txt is longer than `MAX_BYTES`.
CUT = "its robots.txt is over 500 KiB: only its first 500 KiB are read"


def site_of(url: str) -> str | None:
    """ "https://example.com:8443" for a page there: the site a robots.txt speaks for (scheme,
    host and port, RFC 9309 section 2.3); None for what is not an http(s) address."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def site_name(site: str) -> str:
    """ "example.com" for "https://example.com": the site as the editor is told of it."""
    return site.split("://", 1)[-1]


@dataclass(frozen=True)
class Rules:
    """The Allow and Disallow lines of the group of a robots.txt that applies to curator."""

    #: (allows, path pattern), in the file's order; an empty pattern matches nothing.
    lines: tuple[tuple[bool, str], ...] = ()

    def allows(self, url: str) -> bool:
        """Whether the page at `url` may be read: the longest matching pattern decides, an Allow
        winning a tie, and a page no pattern matches is allowed (RFC 9309 section 2.2.2)."""
        parts = urlsplit(url)
        path = unquote(parts.path or "/") + (f"?{unquote(parts.query)}" if parts.query else "")
        best: tuple[int, bool] | None = None
        for allows, pattern in self.lines:
            if pattern and _matches(pattern, path):
                length = len(pattern)
                if best is None or length > best[0] or (length == best[0] and allows):
                    best = (length, allows)
        return True if best is None else best[1]


#: Everything allowed: no robots.txt, or one with nothing for curator.
ALLOW_ALL = Rules()


@lru_cache(maxsize=4096)
def _pieces(pattern: str) -> tuple[tuple[str, ...], bool]:
    """A path pattern as its literal pieces between `*`s (percent-decoded) and whether a final
    `$` anchors it at the end of the path; each pattern split once, however many pages."""
    anchored = pattern.endswith("$")
    body = unquote(pattern[:-1] if anchored else pattern)
    return tuple(body.split("*")), anchored


def _matches(pattern: str, path: str) -> bool:
    """Whether `path` matches a robots.txt path pattern: from its start, `*` any characters, a
    final `$` the end of the path. Matched piece by piece, each `*` taking the shortest stretch
    that lets the next piece follow, which is right for patterns of only `*` and never goes back:
    a regex did, and a site's robots.txt of `Disallow: /*a*a*a*a*a*a*a*a*a*b` against a page of
    80 a's held a build for ever, SIGTERM and all (walk133 #1)."""
    pieces, anchored = _pieces(pattern)
    first, rest = pieces[0], pieces[1:]
    if not path.startswith(first):
        return False
    if not rest:
        return not anchored or len(path) == len(first)
    at = len(first)
    for piece in rest[:-1]:
        found = path.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    last = rest[-1]
    if anchored:  # the last piece ends the path, after what came before it
        return path.endswith(last) and len(path) - len(last) >= at
    return path.find(last, at) >= 0


def parse_rules(text: str, token: str = PRODUCT_TOKEN) -> Rules:
    """The rules a robots.txt gives `token`: those of every group naming it (case aside), else
    those of every `User-agent: *` group (RFC 9309 section 2.2.1); lines it does not know
    (Sitemap, Crawl-delay, junk) are passed over."""
    groups: list[tuple[list[str], list[tuple[bool, str]]]] = []
    agents: list[str] = []
    lines: list[tuple[bool, str]] = []
    # A leading byte order mark is not part of the first line (walk128 N1: "\ufeffUser-agent: *"
    # was no User-agent line, and the whole file was passed over), as Google's parser skips it.
    for raw in text.removeprefix("\ufeff")[:MAX_CHARS].splitlines():
        key, colon, value = raw.split("#", 1)[0].partition(":")
        if not colon:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if lines:  # a User-agent line after rules starts a new group
                groups.append((agents, lines))
                agents, lines = [], []
            agents.append(value.split("/", 1)[0].strip().lower())
        elif key in ("allow", "disallow") and agents:
            lines.append((key == "allow", value))
    if agents:
        groups.append((agents, lines))
    mine = [group for names, group in groups if token.lower() in names]
    chosen = mine or [group for names, group in groups if "*" in names]
    return Rules(tuple(line for group in chosen for line in group))


def rules_text(result: FetchResult) -> str | None:
    """What a fetched robots.txt says: its text, or "" (everything allowed) when the site answered
    that there is none (4xx but 429, RFC 9309 section 2.3.1.3); None when it could not be read
    (5xx, 429, no answer, refused as not public): the pages are read, and it is asked again next
    run (see the module's note)."""
    if result.ok and not result.not_modified:
        # "utf-8-sig": a leading byte order mark is dropped (walk128 N1).
        return (result.content or b"")[:MAX_BYTES].decode("utf-8-sig", "replace")
    status = result.status
    if status is not None and 400 <= status < 500 and status != 429:
        return ""
    return None


def too_long(result: FetchResult) -> bool:
    """Whether a fetched robots.txt is longer than the `MAX_BYTES` of it that is read."""
    return result.ok and not result.not_modified and len(result.content or b"") > MAX_BYTES


#: The store's copy of a robots.txt: (text, when it was fetched), and a function to keep one.
Cached = Callable[[str], tuple[str, datetime] | None]
Keep = Callable[[str, str], None]


class SiteRules:
    """The robots.txt of each site whose pages a run reads: fetched once per run (or taken from
    the store when fetched within `CACHE_FOR`), and the pages it disallowed, counted by site."""

    def __init__(
        self,
        fetch: Callable[[FetchRequest], Awaitable[FetchResult]],
        now: datetime,
        cached: Cached | None = None,
        keep: Keep | None = None,
        failed: Callable[[FetchResult], None] | None = None,
    ) -> None:
        self._fetch = fetch
        #: Told of each robots.txt that could not be fetched (a server that is down counts
        #: towards giving up on it, so its pages do not each wait out the same failure).
        self._failed = failed
        self._now = now
        self._cached = cached
        self._keep = keep
        self._rules: dict[str, asyncio.Task[Rules]] = {}
        #: Pages not read because their site's robots.txt disallows them, by site ("example.com").
        self.disallowed: Counter[str] = Counter()
        #: Sites whose robots.txt fetched in this run is longer than `MAX_BYTES` ("example.com").
        self.cut: list[str] = []
        #: Sites whose server answered for their robots.txt with an error (5xx, 429): why, and
        #: the date of the stored copy followed instead (None: no copy, everything allowed).
        self._unreadable: dict[str, tuple[str, datetime | None]] = {}
        #: Pages read of those sites, by site ("example.com").
        self._read_unchecked: Counter[str] = Counter()

    async def allows(self, url: str) -> bool:
        """Whether the page at `url` may be read; a page it may not is counted in `disallowed`."""
        site = site_of(url)
        if site is None:
            return True
        if site not in self._rules:
            self._rules[site] = asyncio.ensure_future(self._read(site))
        if (await self._rules[site]).allows(url):
            if site in self._unreadable:
                self._read_unchecked[site] += 1
            return True
        self.disallowed[site_name(site)] += 1
        return False

    async def _read(self, site: str) -> Rules:
        found = self._cached(site) if self._cached is not None else None
        if found is not None and self._now - found[1] < CACHE_FOR:
            return parse_rules(found[0])
        result = await self._fetch(FetchRequest(f"{site}/robots.txt", kind="robots"))
        text = rules_text(result)
        if text is None:
            if self._failed is not None and not result.ok:
                self._failed(result)
            copy = found
            if result.status is not None:
                self._unreadable[site] = (f"HTTP {result.status}", copy[1] if copy else None)
            return parse_rules(copy[0]) if copy is not None else ALLOW_ALL
        if too_long(result):
            self.cut.append(site_name(site))
        if self._keep is not None:
            self._keep(site, text)
        return parse_rules(text)

    @property
    def unread(self) -> list[tuple[str, int, str, datetime | None]]:
        """The sites whose robots.txt the server answered for with an error and whose pages were
        read all the same: (site name, pages read, why, the date of the stored copy followed, or
        None when there was none and every page was read)."""
        return [
            (site_name(site), pages, *self._unreadable[site])
            for site, pages in sorted(self._read_unchecked.items())
        ]


def stored(value: str | None) -> tuple[str, datetime] | None:
    """A robots.txt as the store keeps it (`kept`), or None for nothing usable."""
    if not value:
        return None
    try:
        data = json.loads(value)
        return str(data["text"]), datetime.fromisoformat(str(data["fetched"]))
    except (ValueError, KeyError, TypeError):
        return None


def kept(text: str, now: datetime) -> str:
    """A robots.txt as the store keeps it: its text and when it was fetched."""
    return json.dumps({"text": text, "fetched": now.isoformat()}, ensure_ascii=False)


def disallowed_pages(
    urls: list[str], fetch_all: Callable[[list[FetchRequest]], list[FetchResult]]
) -> set[str]:
    """Of `urls`, those their site's robots.txt disallows (each site's fetched once, at once):
    for `curator extract`, which reads them anyway, as the editor asked, and says so."""
    sites = list(dict.fromkeys(s for url in urls if (s := site_of(url))))
    results = fetch_all([FetchRequest(f"{site}/robots.txt", kind="robots") for site in sites])
    rules = {
        site: parse_rules(text) if (text := rules_text(result)) is not None else ALLOW_ALL
        for site, result in zip(sites, results, strict=True)
    }
    return {url for url in urls if (s := site_of(url)) and not rules[s].allows(url)}
