"""The article pages of a run (`curator.harvest`): each fetched once and read in a worker as it
arrives (`PageReader`), failures counted by reason in the editor's words (`failure_reason`), a
host that cannot be reached asked no more (`HOST_FAILURES`), a server's Retry-After kept
(`page_wait`); and the pages that could not be read, read again on later runs (`PAGE_READS`,
`PAGE_RETRY_WAITS`, `retries`, `store_rereads`)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from curator import articles_addresses as article_addresses
from curator import articles_pages as article_pages
from curator.config import Config, FeedSource
from curator.extract import site_name_note
from curator.fetch import NOT_TRIED, Fetcher
from curator.fetch_failures import MAX_RETRY_AFTER
from curator.fetch_request import FetchRequest
from curator.harvest_feedreport import clock as _clock
from curator.harvest_report import PageFailure, PageInPart, PageProgress, PageTally
from curator.models import (
    Article,
    Entry,
    ErrorKind,
    FetchResult,
    Page,
)
from curator.robots import SiteRules
from curator.store import PageRetry, Store, dead_page
from curator.workers import Workers

#: An article whose page could not be read is read again on later runs (its feed may be
#: unchanged: nothing else would read it) while it is unfeatured and first seen within this many
#: days -- two weekly issues, past which it is rarely featured -- ...
PAGE_RETRY_DAYS = 14
#: ... and read at most this many times in all, the first read included, ...
PAGE_READS = 6
#: ... each read again once `PAGE_RETRY_WAITS[n - 1]` has passed since the n-th read failed: soon
#: after a blip, ever more rarely after that, so that reads last out about five days of an outage
#: however many runs there are (walk14 #9: an editor previewing a build six times in ten minutes
#: used up every read of 64 pages).
PAGE_RETRY_WAITS = tuple(timedelta(hours=3**n) for n in range(PAGE_READS - 1))


def retry_due(attempts: int, last_tried: datetime | None, now: datetime) -> bool:
    """Whether a page read `attempts` times, last at `last_tried`, is to be read again `now`."""
    wait = PAGE_RETRY_WAITS[min(max(attempts, 1), len(PAGE_RETRY_WAITS)) - 1]
    return last_tried is None or now - last_tried >= wait


def entry_json(entry: Entry) -> str:
    """A feed entry as the store keeps it for reading its page again (`_entry_from_json`)."""
    return json.dumps(
        dataclasses.asdict(entry), default=lambda v: v.isoformat() if isinstance(v, datetime) else v
    )


def entry_from_json(text: str) -> Entry:
    """The entry `_entry_json` stored (fields the store knows of; ones it does not are left out)."""
    stored = json.loads(text)
    known = {f.name for f in dataclasses.fields(Entry)}
    fields: dict[str, object] = {k: v for k, v in stored.items() if k in known}
    for name in ("published", "updated"):
        if isinstance(fields.get(name), str):
            fields[name] = datetime.fromisoformat(str(fields[name]))
    for name in ("authors", "categories"):
        fields[name] = tuple(stored.get(name) or ())
    return Entry(**fields)  # type: ignore[arg-type]


@dataclass(frozen=True, repr=False)
class Reread:
    """A stored article's page read again: its article as the page now makes it, or the failure."""

    retry: PageRetry
    article: Article | None = None
    error_kind: str | None = None
    error: str | None = None
    #: False when the page was not tried (its host could not be reached earlier in the run).
    tried: bool = True
    #: When its server asked (Retry-After) not to be asked again before: this read is not counted.
    wait_until: datetime | None = None
    #: Its site's robots.txt disallows it now: not read, and no longer to be read again.
    disallowed: bool = False


#: The longest wait a page's server may ask for (Retry-After) that curator waits out within the
#: run, then reads the page once more: a few seconds hold up no build; a longer wait is kept,
#: and the page read on a run after it (`page_wait`).
SHORT_WAIT = 10.0


async def _fetch_page(
    fetcher: Fetcher,
    workers: Workers,
    link: str,
    allow_file: bool,
    given_up_hosts: Set[str] = frozenset(),
) -> tuple[Page | None, FetchResult]:
    """Fetch the article page at `link` and read it in a worker: the page (None when it could
    not be fetched or was empty, whitespace only too) and the fetch's result, which says why."""
    request = FetchRequest(link, kind="page", allow_file=allow_file, given_up_hosts=given_up_hosts)
    result = await fetcher.fetch(request)
    if result.error_kind == "rate-limited" and 0 < (result.retry_after or 0) <= SHORT_WAIT:
        # Asked to wait a few seconds: waited for within the run, and the page asked once more
        # (walk127 #1: a page's "Retry-After: 30" published its article from its feed at once).
        await asyncio.sleep(result.retry_after or 0)
        result = await fetcher.fetch(request)
    if not (result.ok and result.content and result.content.strip()):
        return None, result
    if away := article_pages.redirected_away(link, result.final_url):
        # Sent to the front page (or a section): the article is gone, as after a 404 or a 410.
        return None, dataclasses.replace(result, content=None, error_kind="gone", error=away)
    page = await workers.run(
        article_pages.read_page, result.content, result.final_url, result.content_type
    )
    if gate := article_addresses.gated(link, result.final_url, page, result.content):
        # A sign-in page (or a subscription or consent form): not the article, so its entry is used.
        return None, dataclasses.replace(result, content=None, error_kind="http", error=gate)
    # A local file has no server to answer 200 for a missing page: the editor's own copy is read
    # (walk99 #1: refused, a local feed's entry had no web address to fall back on, and was lost).
    served = result.final_url.startswith(("http://", "https://"))
    if served and (missing := article_pages.not_the_article(page)):
        # "Page not found" served with 200: not the article, so its entry is used, as after a 500;
        # so is the site's error page served with 200 (walk201 #3), read again as a 500 is.
        return None, dataclasses.replace(result, content=None, error_kind="http", error=missing)
    return page, result


#: Connection failures (refused, connect timeout, no such server) to one host in a run after
#: which its other pages in that run are not tried: each would wait out the same failure.
HOST_FAILURES = 3
#: Why a page of such a host was not tried, as the page-failure report counts it.
HOST_SKIPPED = NOT_TRIED
#: Pages of one host timing out one after another (its server answered, then sent too slowly or
#: nothing more within `timeout`) after which its other pages in that run are not asked for. A
#: server that trickles its pages (walk173 #6: a byte a second) held a build 10 minutes for 40
#: pages at the default timeout of 30 s, 4 hours for 1000. Three, as for a server that cannot be
#: reached (`HOST_FAILURES`): one big page or a blip times out once or twice, and a page read in
#: time in between starts the count again; with `per_host: 2` the host then costs about two
#: timeouts of the run, not one per page.
HOST_TIMEOUTS = 3


def slow_host_skipped(host: str) -> str:
    """Why a page of a host given up on for its timeouts was not read (`HOST_TIMEOUTS`)."""
    return (
        f"not read: {host} timed out on {HOST_TIMEOUTS} pages in a row; they are tried again"
        " next run"
    )


def _unreachable(result: FetchResult) -> str | None:
    """The server ("host:port" as `_host` gives it) `result` failed to reach before any answer:
    the link's own, or the one a redirect sent it to (walk37 #5: those were neither named nor
    given up on); None when it failed otherwise."""
    error = result.error or ""
    if result.final_url != result.url:
        hop = f"redirected to {result.final_url}: "
        if not error.startswith(hop):
            return None
        error = error[len(hop) :]
    if result.error_kind in ("connect", "dns"):
        reached = error.startswith(("connection lost", NOT_TRIED))
    else:
        reached = not (result.error_kind == "timeout" and error.startswith("could not connect"))
    return None if reached else _host(result.final_url)


#: Why a page read in part that ends early is in `pages_in_part`.
ENDS_EARLY = (
    "the page ends early (no </html> after its <html>): it may have been cut off, say by a wrong"
    " Content-Length from its server; what came was read"
)
#: How far from its end a whole page's </body> or </html> may be.
_TAIL = 64 * 1024
_HTML_OPEN = re.compile(rb"<html[\s>]", re.I)
_HTML_CLOSE = re.compile(rb"</(?:html|body)\s*>", re.I)


def _ends_early(content: bytes) -> bool:
    """Whether an HTML page that opens its document with <html> stops before closing it (nor its
    body): cut off, as a body shorter than the page (a Content-Length that lies) is (walk32 #7).
    A feed so cut is "not well formed"; a page is still read, but said to be read in part."""
    head = content[:_TAIL]
    return bool(_HTML_OPEN.search(head)) and not _HTML_CLOSE.search(content[-_TAIL:])


def _host(link: str) -> str:
    parts = urlsplit(link)
    return parts.netloc.lower() or link


class PageReader:
    """Each article page asked for in a run: fetched once, read in a worker, tallied."""

    def __init__(
        self,
        fetcher: Fetcher,
        workers: Workers,
        feeds: Mapping[str, str],
        progress: PageProgress,
        now: datetime | None = None,
    ) -> None:
        self._now = now or datetime.now(UTC)
        #: Link -> when its server asked (Retry-After) not to be asked again before.
        self.waits: dict[str, datetime] = {}
        self._fetcher = fetcher
        self._workers = workers
        self._progress = progress
        self._tasks: dict[str, asyncio.Task[Page | None]] = {}
        #: The feeds not read yet: URL -> name as its line says.
        self._feeds = dict(feeds)
        #: Of them, those whose request is under way (asked, or waiting its turn to be); the
        #: others were answered and wait on curator's own parsing (walk160 #3).
        self._asking: set[str] = set()
        #: Pages being fetched or waiting their turn, by host.
        self._pending: Counter[str] = Counter()
        self.read = 0
        self.failures: list[PageFailure] = []
        #: Link -> (error kind, reason) of each page that could not be read.
        self.failed: dict[str, tuple[str | None, str]] = {}
        #: The links of those found gone for good (`store.dead_page`).
        self.dead: set[str] = set()
        self.in_part: list[PageInPart] = []
        #: Link -> whether every feed that asked for its page credits its article to the feed's
        #: `name:` (not a link post): then a site name the page passed over changes no credit
        #: (walk148 N3), and `kept_in_part` leaves that note out.
        self._named: dict[str, bool] = {}
        #: Connection failures by host, and the hosts given up on for the rest of the run (set
        #: when a host reaches `HOST_FAILURES`), with how many of their pages were not tried.
        self._host_failures: Counter[str] = Counter()
        self._given_up: dict[str, asyncio.Event] = {}
        #: The same hosts, for redirects to them (`FetchRequest.given_up_hosts`).
        self._given_up_hosts: set[str] = set()
        self.hosts_skipped: Counter[str] = Counter()
        #: Pages of each host that timed out one after another (`HOST_TIMEOUTS`), and the hosts
        #: given up on so, with how many of their pages were not read.
        self._timeouts_in_row: Counter[str] = Counter()
        self.hosts_slow: Counter[str] = Counter()
        #: Links not tried because they redirect to a host given up on: link -> that host.
        self._skipped_via: dict[str, str] = {}
        #: Each site's robots.txt: a page whose link redirects is kept only if the address it
        #: leads to is allowed by its own site's (`redirect_disallowed`).
        self.robots: SiteRules | None = None

    async def redirect_disallowed(self, link: str, result: FetchResult | None) -> bool:
        """Whether the page at `link` was redirected to an address its site's robots.txt
        disallows (counted there): the page fetched is then not used, its article is built from
        its feed (walk128 N2: /p/x.html redirected to /private/y.html, read and published).
        It is checked once fetched, not before each hop is followed: a hop waiting for a robots.txt
        while it holds its host's connection slot could wait for itself (`per_host: 1`)."""
        if self.robots is None or result is None or not result.final_url:
            return False
        if result.final_url == link or not result.final_url.startswith(("http://", "https://")):
            return False
        return not await self.robots.allows(result.final_url)

    def tally(self) -> PageTally:
        return PageTally(len(self._tasks), self.read, len(self.failures), len(self._feeds))

    def waiting(self) -> tuple[str, ...]:
        """What the run is waiting on: curator's own parsing of the feeds answered (counted),
        the feeds whose request is under way, then the hosts of pages not read yet, most pages
        first. A feed is named only while its request is: walk160 #3 said "waiting for Feed 77,
        Feed 7" every 15 s for minutes while no connection to either was open and curator's
        workers were parsing a backlog of entries."""
        asking = [name for url, name in self._feeds.items() if url in self._asking]
        parsing = len(self._feeds) - len(asking)
        # (walk174 #7c read "curator parsing 1 feed' entries")
        own = (
            [f"curator to parse the entries of {parsing} feed{'s' * (parsing > 1)}"]
            if parsing
            else []
        )
        hosts = [f"{host} ({n} page(s))" for host, n in self._pending.most_common() if n > 0]
        return (*own, *asking, *hosts)

    def asking(self, url: str, under_way: bool) -> None:
        """The feed at `url`'s request is under way (`under_way`), or answered."""
        if under_way:
            self._asking.add(url)
        else:
            self._asking.discard(url)

    def feed_done(self, url: str) -> None:
        """One feed less whose pages may still be asked for (after it asked for its own)."""
        self._feeds.pop(url, None)
        self._asking.discard(url)
        if self._tasks:
            self._progress(self.tally())

    def ask(self, links: Sequence[str], *, allow_file: bool) -> list[str]:
        """Start reading the pages at `links` (each page once per run); the links to wait for."""
        for link in links:
            if link not in self._tasks:
                self._tasks[link] = asyncio.create_task(self._read(link, allow_file))
        return list(dict.fromkeys(links))

    def credit(self, links: Sequence[str], *, named: bool) -> None:
        """The articles of `links` are credited to their feed's `name:` (`named`) or not."""
        for link in links:
            self._named[link] = self._named.get(link, True) and named

    def kept_in_part(self) -> tuple[PageInPart, ...]:
        """The pages read in part, without the note of a site name passed over when the feed's
        `name:` gives the publication whatever the page says (walk148 N3)."""
        kept = []
        for part in self.in_part:
            if self._named.get(part.url, False):
                part = PageInPart(
                    part.url, tuple(p for p in part.problems if not site_name_note(p))
                )
            if part.problems:
                kept.append(part)
        return tuple(kept)

    async def wait(self, links: Sequence[str]) -> dict[str, Page]:
        """The pages at `links` that could be read, by link."""
        pages = await asyncio.gather(*(self._tasks[link] for link in links))
        return {link: page for link, page in zip(links, pages, strict=True) if page is not None}

    async def fetch(self, link: str, allow_file: bool) -> tuple[Page | None, FetchResult | None]:
        """`_fetch_page`, unless the link's host has failed to connect `HOST_FAILURES` times in
        this run (before or while this page waits its turn): then (None, None), not tried."""
        host = _host(link)
        self._pending[host] += 1
        try:
            return await self._fetch(link, host, allow_file)
        finally:
            self._pending[host] -= 1

    async def _fetch(
        self, link: str, host: str, allow_file: bool
    ) -> tuple[Page | None, FetchResult | None]:
        gave_up = self._given_up.setdefault(host, asyncio.Event())
        if gave_up.is_set():
            self._skipped(host)
            return None, None
        fetching = asyncio.ensure_future(
            _fetch_page(self._fetcher, self._workers, link, allow_file, self._given_up_hosts)
        )
        watching = asyncio.ensure_future(gave_up.wait())
        await asyncio.wait((fetching, watching), return_when=asyncio.FIRST_COMPLETED)
        watching.cancel()
        if not fetching.done():
            fetching.cancel()
            self._skipped(host)
            return None, None
        page, result = fetching.result()
        target = _host(result.final_url)
        if page is None and target != host and (result.error or "").endswith(NOT_TRIED):
            self.hosts_skipped[target] += 1  # redirected to a host given up on
            self._skipped_via[link] = target
            return None, None
        if page is None:
            self.count_failure(result)
        self._count_timeout(target, result)
        return page, result

    def _skipped(self, host: str) -> None:
        """A page of `host`, given up on in this run, not read: counted by why."""
        if host in self.hosts_slow:
            self.hosts_slow[host] += 1
        else:
            self.hosts_skipped[host] += 1

    def _count_timeout(self, host: str, result: FetchResult) -> None:
        """A page of `host` timed out after its server was reached, or it answered in time (the
        count starts again): at `HOST_TIMEOUTS` in a row its other pages are not asked for."""
        if result.error_kind != "timeout" or _unreachable(result) is not None:
            self._timeouts_in_row[host] = 0
            return
        self._timeouts_in_row[host] += 1
        if self._timeouts_in_row[host] >= HOST_TIMEOUTS and host not in self.hosts_slow:
            self.hosts_slow[host] = 0
            self._given_up_hosts.add(host)
            self._given_up.setdefault(host, asyncio.Event()).set()

    def not_tried_reason(self, link: str) -> str:
        """Why the page at `link` was not asked for in this run: its host timed out on page
        after page, or could not be reached."""
        host = self._skipped_via.get(link, _host(link))
        return slow_host_skipped(host) if host in self.hosts_slow else HOST_SKIPPED

    def said_with_article(self, link: str) -> None:
        """The page at `link` could not be read, and that is said with its stored article (a
        new link its feed gives it, walk137 #1): not among the new articles' pages that could
        not be read, whose articles are built from their feed or left out as dead links."""
        self.failures = [f for f in self.failures if f.url != link]

    def count_failure(self, result: FetchResult) -> None:
        """Count a request to a site's server that failed to reach it (a page, or its site's
        robots.txt): at `HOST_FAILURES` the server is given up on for the rest of the run."""
        if unreachable := _unreachable(result):
            self._host_failures[unreachable] += 1
            if self._host_failures[unreachable] >= HOST_FAILURES:
                self._given_up_hosts.add(unreachable)
                self._given_up.setdefault(unreachable, asyncio.Event()).set()

    async def _read(self, link: str, allow_file: bool) -> Page | None:
        page, result = await self.fetch(link, allow_file)
        if page is not None and await self.redirect_disallowed(link, result):
            page = None
        elif result is None:
            where = self._skipped_via.get(link, _host(link))
            if where in self.hosts_slow:
                why = slow_host_skipped(where)
                self.failures.append(PageFailure(link, why, why, error_kind="timeout"))
                self.failed[link] = ("timeout", why)
            else:
                self.failures.append(
                    PageFailure(
                        link, HOST_SKIPPED, f"{where}: {HOST_SKIPPED}", error_kind="connect"
                    )
                )
                self.failed[link] = ("connect", HOST_SKIPPED)
        elif page is not None:
            self.read += 1
            problems = page.problems
            if _ends_early(result.content or b""):
                problems = (*problems, ENDS_EARLY)
            if problems:
                self.in_part.append(PageInPart(link, problems))
        else:
            error = result.error or "the page is empty"
            dead = dead_page(result.error_kind, result.error)
            reason = failure_reason(result, self._now)
            self.failures.append(
                PageFailure(link, reason, error, dead, result.error_kind or "error")
            )
            self.failed[link] = (result.error_kind, reason)
            if dead:
                self.dead.add(link)
            if (until := page_wait(result, self._now)) is not None:
                self.waits[link] = until
        self._progress(self.tally())
        return page


#: Failure reasons by kind, where the error line names a host, a URL or a file (and so would not
#: count alike failures together); other kinds keep their line ("HTTP 404 Not Found").
_REASONS: dict[ErrorKind, str] = {
    "blocked": (
        "refused: not a public address (pages on your own network are read only with"
        " `allow_private_addresses: true` under `settings:` in feeds.yaml)"
    ),
    "connect": "could not connect",
    "dns": "no such server",
    "error": "an unexpected error",
    "file": "the local file could not be read",
    "invalid-url": "not a usable web address",
    "tls": "a TLS (https) failure",
}


#: Said of a page whose server asked curator to wait: when it is read again (walk127 #1).
READ_AFTER = "read again on a run after it"


def page_wait(result: FetchResult, now: datetime) -> datetime | None:
    """When a page's server asked (Retry-After, capped at a day) not to be asked again before."""
    if result.error_kind != "rate-limited" or not result.retry_after:
        return None
    return asked_until(result, now)


def asked_until(result: FetchResult, now: datetime) -> datetime | None:
    """When a server's Retry-After asked not to be asked again before: the time it named when it
    named one (walk128 N6: "03:00:00 GMT" was shown as 02:59, now plus the seconds counted
    a moment later), else `now` plus the seconds (at most a day)."""
    if not result.retry_after:
        return None
    if result.retry_until is not None:
        return datetime.fromisoformat(result.retry_until)
    return now + timedelta(seconds=min(result.retry_after, MAX_RETRY_AFTER))


#: Said of a page whose Retry-After asked for longer than curator waits (`MAX_RETRY_AFTER`).
CAPPED_WAIT = "capped at a day"


def failure_reason(result: FetchResult, now: datetime | None = None) -> str:
    """Why a page could not be read, in words that alike failures share (no URL, no host)."""
    if result.error is None:
        return "the page is empty"
    if (until := page_wait(result, now or datetime.now(UTC))) is not None:
        # A longer wait asked is said as cut to curator's day (walk128 N6).
        capped = f" ({CAPPED_WAIT})" if "curator waits at most a day" in result.error else ""
        return (
            f"HTTP {result.status}: asked to wait until {_clock(until.isoformat())}{capped}:"
            f" {READ_AFTER}"
        )
    if result.error_kind == "rate-limited":
        return f"HTTP {result.status} (asked to wait)"
    if result.error.startswith(article_pages.REDIRECTED_AWAY):
        return article_pages.REDIRECTED_AWAY
    if result.final_url != result.url and (host := _unreachable(result)):
        # Named: it is not the link's own server, which answered (walk37 #5).
        what = "no such server" if result.error_kind == "dns" else "could not connect to"
        return f"{what} {host}, where the link redirects"
    if result.error_kind == "redirects":
        # `fetch._fetch_http`'s and `fetch._web_url`'s lines, without their addresses.
        if result.error.startswith("redirect loop"):
            return "a redirect loop"
        if result.error.startswith("more than"):
            return "too many redirects"
        return "redirected to something that is not a web address"
    if result.error_kind is not None and result.error_kind in _REASONS:
        return _REASONS[result.error_kind]
    return result.error


def retries(config: Config, store: Store, now: datetime) -> list[tuple[PageRetry, FeedSource]]:
    """The stored articles whose page is to be read again in this run, with their feed: of a
    feed still configured to read pages, once its wait is over (`retry_due`); a page refused as
    not public only once the setting that allows such pages is on (until then, reading it again
    could only be refused again), and then at once."""
    found = store.page_retries(
        seen_since=now - timedelta(days=PAGE_RETRY_DAYS), max_attempts=PAGE_READS
    )
    if not found:
        return []
    sources = {s.url: s for s in config.feeds}
    allow_private = config.settings.allow_private_addresses
    return [
        (r, sources[r.feed_url])
        for r in found
        if r.feed_url in sources
        and article_pages.wants_pages(config, sources[r.feed_url])
        and (
            (allow_private and r.error_kind == "blocked")
            or (r.error_kind != "blocked" and _due(r, now))
        )
    ]


def _due(retry: PageRetry, now: datetime) -> bool:
    """Whether a stored article's page is to be read again `now`: once the time its server asked
    curator to wait until has come, when it so asked (walk127 #1: read again after curator's own
    1 and 3 hours where a day was asked), else once `retry_due`."""
    if retry.wait_until is not None:
        return now >= retry.wait_until
    return retry_due(retry.attempts, retry.last_tried, now)


def store_rereads(
    store: Store, rereads: Sequence[Reread], now: datetime
) -> tuple[int, int, int, tuple[str, ...], dict[str, tuple[int, int]]]:
    """Each page read again written: (articles updated, pages still unread, of them given up,
    the URLs of the feeds whose pages are still unread and will be tried again, and per feed URL
    the pages read again that were tried and of them those read)."""
    updated = unread = given_up = 0
    retrying: dict[str, None] = {}
    tally: dict[str, tuple[int, int]] = {}
    for reread in rereads:
        retry = reread.retry
        if reread.disallowed:
            store.drop_page_retry(retry.article_id)
            continue
        if retry.feed_url is not None and reread.tried:
            tried, read = tally.get(retry.feed_url, (0, 0))
            tally[retry.feed_url] = (tried + 1, read + (reread.article is not None))
        if reread.article is not None:
            updated += store.update_read_article(retry.article_id, reread.article)
            continue
        unread += 1
        if reread.wait_until is not None:  # asked to wait: kept, and the read not counted
            error = reread.error or ""
            store.page_retry_waits(
                retry.article_id, reread.error_kind, error, reread.wait_until, now
            )
            if retry.feed_url is not None:
                retrying[retry.feed_url] = None
            continue
        if reread.tried:
            store.page_retry_failed(retry.article_id, reread.error_kind, reread.error or "", now)
        if reread.tried and retry.attempts + 1 >= PAGE_READS:
            given_up += 1
        elif retry.feed_url is not None:
            retrying[retry.feed_url] = None
    return updated, unread, given_up, tuple(retrying), tally
