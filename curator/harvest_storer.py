"""Each feed's outcome written in the configured order, as soon as it can be: `Storer`.

The fetch loop (`curator.harvest`) hands each feed's outcome to the storer as it comes in; the
storer writes it (`curator.harvest_store`, one transaction) once every feed before it in
feeds.yaml is written, so the configured order decides which feed an article two feeds give is
stored as, then lets it go so the run holds only the feeds not written yet. It also bounds a huge
first fetch: at most `BUILT_AT_ONCE` new entries are built and wait to be written, the feed
written next never waiting (fixgu). Split from `curator.harvest`; it counts what was stored for
the run's progress and for a stopped run's message.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Set

from curator.harvest_feedreport import FeedReport
from curator.harvest_outcome import Fresh, Outcome
from curator.harvest_report import FetchStopped, StoreProgress, StoreTally, no_store_progress

#: New entries whose articles are being built or wait to be written, at most: a feed whose new
#: entries would pass it waits to be built until a feed is written (the feed written next never
#: waits: nothing it waits for can wait on it, nor does a feed when no other is being built). The
#: workers build faster than this process writes: a 300-feed first fetch held the articles of
#: every feed built and not written yet, 60 MB more of them, where a feed waiting here holds its
#: entries only (fixgu). A weekly run's feeds, of a few new entries each, never wait.
BUILT_AT_ONCE = 4_000


class Storer:
    """Each feed's outcome written (`write`, one transaction) as soon as it is in and every feed
    before it in feeds.yaml is written: the configured order decides, as it did when the lot was
    written after the loop, which feed an article two feeds give is stored as. A written outcome
    is let go (its report kept), so a run holds the articles of the feeds not written yet, not
    every article it read (walk160 #3); a stopped run keeps every feed written before
    (walk160 #2)."""

    def __init__(
        self,
        write: Callable[[Outcome], tuple[FeedReport, Set[str]]],
        feeds: int,
        progress: StoreProgress = no_store_progress,
    ) -> None:
        self._write = write
        self._progress = progress
        self._held: dict[int, Outcome] = {}
        self._next = 0
        #: Each feed's report once written, in the configured order.
        self.reports: list[FeedReport] = []
        #: Entries parsed from the feeds read anew (`FetchSummary.parsed_entries`).
        self.parsed = 0
        #: New articles written so far, and about how many there are to write (`StoreTally`).
        self.stored = 0
        self.expected = 0
        self.feeds = feeds
        #: The URL keys (and aliases) of the articles written in this run: a feed read later
        #: takes them as new, as when nothing was written before the loop ended (`_new_entries`).
        self.keys: set[str] = set()
        #: The feeds whose articles are being built or wait to be written (`may_build`), with
        #: their new entries, and the feeds waiting to build theirs.
        self._building: dict[int, int] = {}
        self._waiting: list[asyncio.Future[None]] = []

    async def may_build(self, index: int, entries: int) -> None:
        """Return once the `index`-th feed may have the articles of its `entries` new entries
        built: at once when it is the feed written next, when no feed is being built or waits to
        be written, or when these entries keep those of such feeds within `BUILT_AT_ONCE`; else
        when a feed is written. The feed written next never waits, so every feed gets its turn
        however long a feed above it takes to be read."""
        while (
            index != self._next
            and self._building
            and sum(self._building.values()) + entries > BUILT_AT_ONCE
        ):
            waiter = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            await waiter
        self._building[index] = entries

    async def written_before(self, index: int) -> None:
        """Return once every feed before the `index`-th is written. The feed written next never
        waits here, so every feed above it gets written."""
        while self._next < index:
            waiter = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            await waiter

    def take(self, index: int, outcome: Outcome) -> None:
        """The outcome of the `index`-th feed: written now if the feeds before it are, with those
        after it that waited for it."""
        self._held[index] = outcome
        while self._next in self._held:
            held = self._held.pop(self._next)
            if isinstance(held, Fresh):
                self.parsed += len(held.parsed.entries)
            report, keys = self._write(held)
            del held
            self._building.pop(self._next, None)
            self.reports.append(report)
            self.keys.update(keys)
            if report.status == "ok":
                self.stored += report.new
            self._next += 1
            # Told after each feed written, not once for the feeds a late one let through: when
            # the second feed came in before the first, the only tally was the complete one,
            # and the run said nothing of its storing (the clean-clone CI run, stop 32).
            self._progress(self.tally())
        waiting, self._waiting = self._waiting, []
        for waiter in waiting:  # (each looks again: the feed written next may be among them)
            if not waiter.done():
                waiter.set_result(None)

    def tally(self) -> StoreTally:
        return StoreTally(self.stored, max(self.expected, self.stored), self._next, self.feeds)

    def tick(self) -> None:
        self._progress(dataclasses.replace(self.tally(), tick=True))

    def stopped(self) -> FetchStopped:
        return FetchStopped(self.stored, self._next, self.feeds)
