"""What the fetch says of a run (`curator.harvest`), past each feed's own report
(`curator.harvest_feedreport`): the pages that failed or were read in part, the run's
`FetchSummary` (with what it advises: feeds whose pages keep failing, are all gone or refused),
the tallies its progress lines are made of (`PageTally`, `StoreTally`) and `FetchStopped`, what
a run interrupted had stored by then."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from curator.harvest_feedreport import FeedReport
from curator.models import ErrorKind


@dataclass(frozen=True)
class PageFailure:
    """An article page that could not be read (its article is built from what the feed says)."""

    url: str
    #: The cause in words shared by alike failures ("HTTP 404 Not Found", "no such server"), so
    #: that they can be counted together; `error` is the whole line.
    reason: str
    error: str
    #: Gone for good (404, 410, a redirect away from the article, `store.dead_page`): its
    #: article is a dead link, left out of every issue, not built from what the feed says.
    dead: bool = False
    #: Why, as a kind for scripts (`ErrorKind`: "http", "gone", "timeout" ...), as a feed's
    #: failure gives it (walk143 #8: README lists `error_kind` for a page too).
    error_kind: ErrorKind | None = None


@dataclass(frozen=True)
class PageInPart:
    """An article page read, but with fields a reader broke on (`Page.problems`)."""

    url: str
    problems: tuple[str, ...]


@dataclass(frozen=True)
class PageTally:
    """The article pages of this run so far, for a line of progress."""

    #: Pages asked for so far: it grows while feeds are still being read.
    wanted: int
    read: int
    failed: int
    #: Feeds not read yet (whose pages may still be asked for).
    feeds_left: int
    #: Set only on a tick while nothing finishes (`WAITING_TICK`): what the run is waiting on,
    #: the feeds not read yet (by name) then the hosts of pages not read yet ("host (N pages)").
    waiting: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    @property
    def done(self) -> int:
        return self.read + self.failed


#: Pages of a feed asked for in a run, none of which could be read, from which on the report
#: advises `fetch_pages: false` (one page that failed says nothing of the others).
STOP_PAGES_AFTER = 3


@dataclass(frozen=True)
class FetchSummary:
    feeds: tuple[FeedReport, ...]
    new_articles: int
    pages_read: int = 0
    pages_failed: int = 0
    #: Entries parsed in this run (a feed that answered 304, or sent the bytes it sent last time,
    #: is not parsed again).
    parsed_entries: int = 0
    #: Every page that could not be read, in the order they failed.
    page_failures: tuple[PageFailure, ...] = ()
    #: Every page read with a field missing because the page broke its reader.
    pages_in_part: tuple[PageInPart, ...] = ()
    #: Stored articles whose page could not be read before, read in this run (and now credited
    #: from it), and those whose page still could not be read (`PAGE_RETRY_DAYS`).
    pages_read_again: int = 0
    pages_still_unread: int = 0
    #: Of those still unread, the ones given up on: read `PAGE_READS` times now.
    pages_given_up: int = 0
    #: A worker process died during the run (killed for memory, or crashed in a parser); what it
    #: had not finished was done in this process, so nothing is missing, but it is worth knowing.
    worker_died: bool = False
    #: The feeds (by name, as their line says) with pages read again that still could not be read
    #: and will be tried again, and not one of whose pages (at least `STOP_PAGES_AFTER` asked for
    #: in this run, first reads and reads again alike) could be read: `fetch_pages: false` is
    #: advised for them.
    still_unread_feeds: tuple[str, ...] = ()
    #: The feeds file the run read (where `fetch_pages: false` would go).
    config_path: Path | None = None
    #: Hosts given up on in this run after `HOST_FAILURES` failed connections, with how many of
    #: their pages were not tried (they stay due to be tried again in a later run).
    hosts_skipped: tuple[tuple[str, int], ...] = ()
    #: Sites whose robots.txt disallows curator their pages ("example.com"), with how many pages
    #: of this run were therefore not read: their articles are built from their feeds alone.
    robots_disallowed: tuple[tuple[str, int], ...] = ()
    #: Sites whose robots.txt fetched in this run is over `robots.MAX_BYTES`: only that much of
    #: it is read (walk128 N7).
    robots_cut: tuple[str, ...] = ()
    #: Sites whose server answered for their robots.txt with an error, and whose pages were read
    #: all the same: (site, pages read, why, the date of the stored copy followed or None).
    robots_unread: tuple[tuple[str, int, str, datetime | None], ...] = ()
    #: The feeds whose address the editor replaced as their 301 or curator's advice said, their
    #: articles carried over: (old address, new address, articles carried) (walk169 #3).
    moves_followed: tuple[tuple[str, str, int], ...] = ()

    @property
    def failed(self) -> tuple[FeedReport, ...]:
        return tuple(f for f in self.feeds if f.status == "failed")

    @property
    def every_feed_failed(self) -> bool:
        """There were feeds, and not one could be read: not "nothing new", nothing at all."""
        return bool(self.feeds) and len(self.failed) == len(self.feeds)

    @property
    def pages_keep_failing(self) -> tuple[tuple[str, int], ...]:
        """Of the feeds none of whose pages asked for in this run could be read, those with at least `STOP_PAGES_AFTER` pages asked for, with
        how many: not a page or two that failed (walk32 #6), a feed whose pages cannot be read.
        Not those whose pages are all gone (`pages_all_gone`): not reading them would publish
        dead links."""
        return tuple(
            (f.name, f.pages_asked)
            for f in self.feeds
            if f.pages_asked >= STOP_PAGES_AFTER
            and f.pages_unread == f.pages_asked
            and f.pages_gone < f.pages_asked
        )

    @property
    def pages_all_gone(self) -> tuple[tuple[str, int, str], ...]:
        """Of the feeds none of whose pages could be read, those with at least
        `STOP_PAGES_AFTER` pages asked for, every one gone (404, 410, a redirect away): (name,
        pages asked for, address). A feed that links to pages its site no longer has, for the
        editor to check or remove; `fetch_pages: false` would publish its dead links (walk143
        #2)."""
        return tuple(
            (f.name, f.pages_asked, f.url)
            for f in self.feeds
            if f.pages_asked >= STOP_PAGES_AFTER and f.pages_gone == f.pages_asked
        )

    @property
    def pages_all_refused(self) -> tuple[str, ...]:
        """Of the feeds none of whose pages could be read, those whose pages were all refused as not at a public
        address: a site on the editor's own network (or a test site), which
        `allow_private_addresses` reads, not one whose pages fail."""
        return tuple(
            f.name for f in self.feeds if f.pages_asked and f.pages_refused == f.pages_asked
        )

    @property
    def with_skips(self) -> tuple[FeedReport, ...]:
        """The feeds read with entries left out for want of a usable link or a title, or as
        another entry's page."""
        return tuple(f for f in self.feeds if f.left_out_now)

    @property
    def pages_dead(self) -> int:
        """Pages of this run found gone for good: their articles are dead links."""
        return sum(f.dead for f in self.page_failures)

    def failure_reasons(self) -> list[tuple[str, int]]:
        """Why pages could not be read, most common first: (reason, pages)."""
        return Counter(f.reason for f in self.page_failures).most_common()


#: Called with each feed's report as soon as it is read (for a line of progress).
Progress = Callable[[FeedReport], None]
#: Called with the pages' tally each time a page is asked for or done.
PageProgress = Callable[[PageTally], None]


@dataclass(frozen=True)
class StoreTally:
    """This run's new articles stored so far, for a line of progress (walk160 #1: with
    `fetch_pages: false` a run said nothing for 12 minutes while its articles were built)."""

    #: New articles stored so far in this run.
    stored: int
    #: New entries of the feeds read so far: about what is to be stored (an entry may turn out
    #: stored already, or give no article).
    expected: int
    #: Feeds whose outcome is stored (their articles, or their state), of all the run's feeds.
    feeds_stored: int
    feeds: int
    #: Set on a tick (`WAITING_TICK`) once every feed and page is read (what the run waits on
    #: then is its articles built and stored), not on a feed stored.
    tick: bool = False

    @property
    def complete(self) -> bool:
        return self.feeds_stored >= self.feeds


#: Called with the tally each time a feed's outcome is stored, and on each tick.
StoreProgress = Callable[[StoreTally], None]


class FetchStopped(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) while the feeds were read: raised in its place, saying what this run
    had stored by then (each feed's articles with its state, so the next fetch reads the rest)."""

    def __init__(self, stored: int, feeds_stored: int, feeds: int) -> None:
        super().__init__(stored, feeds_stored, feeds)
        self.stored = stored
        self.feeds_stored = feeds_stored
        self.feeds = feeds

    def said(self) -> str | None:
        """What follows "stopped by SIGTERM" (or "interrupted"); None when nothing new was
        stored."""
        if not self.stored:
            return None
        rest = "; the next fetch reads the rest" if self.feeds_stored < self.feeds else ""
        return (
            f"{self.stored:,} new article(s) this run read are stored ({self.feeds_stored} of"
            f" {self.feeds} feeds done){rest}"
        )


def no_progress(report: FeedReport) -> None:
    pass


def no_page_progress(tally: PageTally) -> None:
    pass


def no_store_progress(tally: StoreTally) -> None:
    pass
