"""The progress `build` and `fetch` show on stderr while the feeds and their pages are read
(`RunProgress`, silenced by --quiet): a line per feed as soon as it is read, and the article pages
being read, as a bar redrawn in place on a terminal, or a plain line every few seconds in a log;
the `subjects` and `themes` commands use it for their steps and batches too.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence

from curator.cli.common import echo
from curator.cli.report_feeds import failing_for, malformed_note, moved_note, waiting_note
from curator.feedsecrets import secrets_masked_in
from curator.harvest import FeedReport, PageTally, StoreTally

#: Characters of the progress bar on a terminal.
BAR_WIDTH = 24
#: Seconds between redraws of the bar (a redraw per page would flood a slow terminal).
REDRAW_EVERY = 0.1
#: Seconds between plain lines of page progress in a log (cron, CI, a pipe).
LINE_EVERY = 2.0
#: How often the progress thread looks whether a step has gone `LINE_EVERY` without a line.
TICK_EVERY = 0.25
#: Seconds with nothing finished after which the progress says what it is waiting on, and (in
#: plain lines) how often it says so again while nothing finishes.
WAITING_AFTER = 5.0
WAITING_LINE_EVERY = 15.0
#: Seconds without a line after which a feed's articles stored say how far the storing got (a
#: line after every feed would bury the feeds' own lines), and a tick with nothing stored says
#: it is still going (walk160 #1: 12-21 minutes of silence while 104,000 articles were built).
STORED_LINE_EVERY = LINE_EVERY
STORING_SILENCE = WAITING_AFTER
#: Feeds or hosts named in the waiting line; the rest are counted.
WAITING_SHOWN = 3


def _feed_line(report: FeedReport) -> str:
    if report.status == "waiting" and report.error:  # asked in this run, and told to wait
        return f"  waiting    {report.name}: {waiting_note(report)}"
    if report.status == "waiting":
        return f"  waiting    {report.name}: not asked in this run: {report.wait_note}"
    if report.status == "failed":
        error = secrets_masked_in(report.error or "")  # (a redirect's address masked: fixln #1)
        return f"  failed     {report.name}: {error} ({failing_for(report)})"
    warnings = [n for n in (malformed_note(report), moved_note(report)) if n]
    notes = [n for n in (report.back_note, *warnings) if n]
    if report.status == "unchanged":
        label = "warning" if warnings else "unchanged"
        line = f"  {label:<10} {report.name}: unchanged" if notes else f"  unchanged  {report.name}"
        return line + "".join(f" ({n})" for n in notes)
    # A feed whose every entry was left out gave nothing: a warning, not "ok".
    label = "warning" if report.all_skipped or report.emptied_note or report.missed else "ok"
    line = f"  {label:<10} {report.name}: {report.entries} entries, {report.new} new"
    if report.warning:
        line += f" (not well formed: {report.warning})"
    if report.charset_note:
        line += f" ({report.charset_note})"
    if report.entries_note:  # it has brackets of its own
        line += f"; {report.entries_note}"
    if report.skip_note:
        line += f" ({report.skip_note})"
    if report.guid_note:
        line += f" ({report.guid_note})"
    if report.reuse_note:
        line += f" ({report.reuse_note})"
    if report.back_note:
        line += f" ({report.back_note})"
    if note := moved_note(report):
        line += f" ({note})"
    return line


def _waiting_text(waiting: Sequence[str], *, cut: bool = True) -> str:
    """ "Slow Feed, example.com (3 page(s)) and 4 more": the first few, the rest counted; with
    `cut` (a terminal's line), each cut to 40 characters. A log keeps them whole (walk157 #6b:
    "waiting    for http://127.0.0.1:23256/trickle/feeds/fe…" named no feed)."""
    shown = [w if len(w) <= 40 or not cut else w[:39] + "…" for w in waiting[:WAITING_SHOWN]]
    more = len(waiting) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def _pages_text(tally: PageTally) -> str:
    text = f"{tally.done} of {tally.wanted} done"
    if tally.failed:
        text += f": {tally.read} read, {tally.failed} could not be"
    if tally.feeds_left:
        text += f" ({tally.feeds_left} feed(s) still to read)"
    return text


class RunProgress:
    """Progress on stderr while the feeds and their pages are read; `close()` (or leaving the
    `with` block) ends the last line.

    On a terminal the pages are a bar on the last line, redrawn in place (a carriage return, no
    escape sequence), with each feed's line printed above it; elsewhere a plain line every
    `LINE_EVERY` seconds and one when the pages are done.
    """

    def __init__(
        self,
        *,
        quiet: bool,
        terminal: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiet = quiet
        self.terminal = sys.stderr.isatty() if terminal is None else terminal
        self._clock = clock
        self._bar = ""  # what the bar line shows now ("" when none is drawn)
        self._last: PageTally | None = None
        self._shown: PageTally | None = None
        self._shown_at = float("-inf")
        self._finished = False
        self._placed_at = float("-inf")
        #: The batches being placed or counted now (`placing`'s `what`), and since when.
        self._phase = ""
        self._phase_at = clock()
        #: The first count of batches done in this phase, and when (the estimate starts there).
        self._first: tuple[int, float] | None = None
        #: The batches the phase found done already when it started (resumed; 0 mostly).
        self._resumed_at = 0
        #: The batches of the phase done and in all; and the step under way (`step`): its
        #: label, what it does and since when; when a placing or step line was last printed.
        self._count, self._batch_at = (0, 0), clock()
        self._step: tuple[str, str, float] | None = None
        #: Whether a line of the step under way was said (then its end is said too).
        self._step_said = False
        self._line_at = clock()
        #: The thread that says a step (or a batch) is still under way, and what stops it.
        self._lock = threading.Lock()
        self._ticker: threading.Thread | None = None
        self._stop = threading.Event()
        #: When something last finished (a feed read, a page done), and a waiting line was shown.
        self._event_at = clock()
        self._waited_at = float("-inf")
        self._waited_text = ""
        #: When the run started, the last line of progress was printed, and whether a line
        #: said how far the storing got (then one says when it is done).
        self._started = self._said_at = clock()
        self._storing_said = False

    def __enter__(self) -> RunProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def step(self, what: str | None, label: str = "issue", *, done: str = "") -> None:
        """A step that takes seconds without batches to count (choosing an issue's articles
        among the stories told before, scoring the newest articles): said once it has taken
        `LINE_EVERY` seconds, then every `LINE_EVERY` seconds with the time so far, from a
        thread; None ends it (walk81 #5: builds silent for 6-10 s, then 45-71 s, while the
        issue's articles were chosen; `subjects overlap` silent for 9 s). Between the batches of
        `placing` the same thread repeats how far they got, when one takes that long (the first,
        which starts the workers and loads the model, took 4.4 s). A step a line was said of
        ends with one, `done` saying what came of it ("chose 12 article(s) in 9 s": walk160 #8,
        the last line said "8 s so far" and nothing after it)."""
        with self._lock:
            now = self._clock()
            if self._step is not None and self._step_said and done and not self.quiet:
                ended, _, began = self._step
                echo(f"  {ended:<11}{done} in {_duration(now - began)}", err=True)
            self._step = (label, what, now) if what else None
            self._step_said = False
            self._line_at = now
        if what:
            self._start_ticker()

    def _start_ticker(self) -> None:
        if not self.quiet and self._ticker is None and not self._stop.is_set():
            self._ticker = threading.Thread(target=self._tick, name="progress", daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(TICK_EVERY):
            with self._lock:
                now = self._clock()
                if now - self._line_at < LINE_EVERY:
                    continue
                if self._phase:
                    if now - self._batch_at < LINE_EVERY:
                        continue
                    done, total = self._count
                    line = (
                        f"  subjects   {self._phase}: {done} of {total} batches done"
                        f" ({_duration(now - self._phase_at)} so far)"
                    )
                elif self._step is not None:
                    label, what, began = self._step
                    line = f"  {label:<11}{what}: {_duration(now - began)} so far"
                    self._step_said = True
                else:
                    continue
                self._line_at = now
                try:
                    echo(line, err=True)
                except Exception:  # noqa: BLE001 (a lost stderr loses only the progress)
                    return

    def feed(self, report: FeedReport) -> None:
        self._event_at = self._clock()
        if self.quiet:
            return
        self._line(_feed_line(report))

    def _line(self, line: str) -> None:
        """A line of its own, above the pages' bar when one is drawn."""
        self._said_at = self._clock()
        if self._bar:
            echo("\r" + line.ljust(len(self._bar)), err=True)
            echo(self._bar, nl=False, err=True)
        else:
            echo(line, err=True)

    def stored(self, tally: StoreTally) -> None:
        """This run's new articles as they are stored, feed by feed: a line once nothing was
        said for `STORED_LINE_EVERY` seconds, then one when every feed is stored; on a tick
        with nothing stored, once nothing was said for `STORING_SILENCE` seconds (walk160 #1:
        with `fetch_pages: false` there was no bar, and building and storing 104,000 articles
        said nothing for 12-21 minutes)."""
        now = self._clock()
        if not tally.tick:
            self._event_at = now
        if self.quiet:
            return
        if tally.complete:
            if tally.tick or not self._storing_said:
                return
            line = f"{tally.stored:,} new article(s) stored, {tally.feeds} of {tally.feeds} feeds"
            self._storing_said = False  # (said once)
            self._line(f"  storing    {line} ({_duration(now - self._started)} in all)")
            return
        if now - self._said_at < (STORING_SILENCE if tally.tick else STORED_LINE_EVERY):
            return
        self._storing_said = True
        line = (
            f"{tally.stored:,} of ~{tally.expected:,} new article(s) stored,"
            f" {tally.feeds_stored} of {tally.feeds} feeds"
        )
        self._line(f"  storing    {line} ({_duration(now - self._started)} so far)")

    def pages(self, tally: PageTally) -> None:
        if tally.waiting:  # a tick while the run waits: not a change of the count
            self._waiting(tally)
            return
        if tally != self._last:
            self._event_at = self._clock()
        self._last = tally
        if self.quiet or self._finished:
            return
        complete = tally.feeds_left == 0 and tally.done == tally.wanted
        every = REDRAW_EVERY if self.terminal else LINE_EVERY
        # On a terminal a new page asked for, or a feed read, shows at once: the bar is redrawn
        # after every feed line, and should not show a stale count there.
        grew = self.terminal and (
            self._shown is None
            or (tally.wanted, tally.feeds_left) != (self._shown.wanted, self._shown.feeds_left)
        )
        if complete or grew or self._clock() - self._shown_at >= every:
            self._show(tally)
        if complete:
            self.close()

    def _waiting(self, tally: PageTally) -> None:
        """Once nothing has finished for `WAITING_AFTER` seconds, say what the run waits on: on a
        terminal at the end of the bar's line, elsewhere a plain line every `WAITING_LINE_EVERY`
        seconds."""
        now = self._clock()
        if self.quiet or self._finished or now - self._event_at < WAITING_AFTER:
            return
        text = f"waiting for {_waiting_text(tally.waiting, cut=self.terminal)}"
        if not self.terminal:
            # Said again when what it waits on changed (a feed answered, its parsing now waited
            # on: walk160 #3), at most every `WAITING_AFTER` seconds.
            changed = text != self._waited_text and now - self._waited_at >= WAITING_AFTER
            if (
                changed
                or self._waited_at < self._event_at
                or now - self._waited_at >= WAITING_LINE_EVERY
            ):
                self._waited_at, self._waited_text = now, text
                self._said_at = now
                # (one phrase, not the status column's "waiting    for ...": walk174 #7c)
                echo(f"  {text}", err=True)
            return
        shown = self._last if self._last is not None and self._last.wanted else None
        if shown is not None:
            filled = BAR_WIDTH * shown.done // max(shown.wanted, 1)
            head = f"  pages      [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {shown.done} of"
            head += f" {shown.wanted} done, {text}"
        else:
            head = f"  {text}"
        head = _fit(head)
        echo("\r" + head.ljust(len(self._bar)), nl=False, err=True)
        self._bar = head

    def placing(self, what: str, done: int, total: int) -> None:
        """Placing the archive under subjects again (after the editor changed a subject), or
        counting its words again, in batches: a line when a phase starts (0 done), one every
        `LINE_EVERY` seconds with the time left as measured since the first batch ended, and
        one when it is done (walk71 #D: 11 s went by before the first line, and a fixed
        estimate was 2.5x off on a busy machine)."""
        with self._lock:
            self._placing(what, done, total)

    def _placing(self, what: str, done: int, total: int) -> None:
        now = self._clock()
        if what != self._phase:
            self._phase, self._phase_at, self._first = what, now, None
            # (a phase that resumes one an earlier run cut short starts at the batches it did:
            # the time left is measured from the batches done here, not those; walk101 #1)
            self._resumed_at = done
        elif done == 0:
            return  # (said already, when the phase started)
        self._count, self._batch_at = (done, total), now
        self._start_ticker()
        if done > self._resumed_at and self._first is None:
            self._first = (done, now)
        if done >= total:
            self._phase = ""  # (a next phase of the same name starts its own clock)
        if self.quiet or (0 < done < total and now - self._placed_at < LINE_EVERY):
            return
        self._placed_at = self._line_at = now
        left = ""
        first_done, first_at = self._first or (self._resumed_at, self._phase_at)
        if first_done < done < total:
            # From the rate since the first batch(es) ended: those carry the start-up (workers
            # forked, the model loaded), and "1 of 20 batches done, about 83 s left" finished
            # 6.5 s later (walk81 #6).
            seconds = (now - first_at) * (total - done) / (done - first_done)
            left = f", about {_duration(seconds)} left"
        echo(f"  subjects   {what}: {done} of {total} batches done{left}", err=True)

    def choosing(self, line: str) -> None:
        """Choosing the issue's articles (`placement.choose_sections`): what it reads and
        compares, on a store where that takes more than a moment (walk81 #1: 71 s of silence).
        A line said here restarts the clock of the step's own "so far" lines (`step`), which come
        only when these are silent for `LINE_EVERY` seconds."""
        with self._lock:
            self._line_at = self._clock()
            # (its own closing line, "chose N article(s) in N s; ...", closes the step too)
            self._step_said = not line.startswith("chose ")
        if not self.quiet:
            echo(f"  issue      {line}", err=True)

    def close(self) -> None:
        """End the page progress: the bar's line is finished, or the last count printed; and
        the step under way."""
        if self._ticker is not None:
            self._stop.set()
            self._ticker.join()
            self._ticker = None
        if self.quiet or self._finished:
            return
        self._finished = True
        if self._last is not None and self._last != self._shown:
            self._show(self._last)
        if self._bar:
            echo(err=True)
            self._bar = ""

    def _show(self, tally: PageTally) -> None:
        self._shown, self._shown_at = tally, self._clock()
        self._said_at = self._shown_at
        if not self.terminal:
            echo(f"  pages      {_pages_text(tally)}", err=True)
            return
        filled = BAR_WIDTH * tally.done // max(tally.wanted, 1)
        bar = f"  pages      [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {_pages_text(tally)}"
        # Cut to the terminal's width: a longer line wraps, and each \r redraw then leaves a
        # line behind (walk175 #12: ~70 characters on a 40-column terminal).
        bar = _fit(bar)
        echo("\r" + bar.ljust(len(self._bar)), nl=False, err=True)
        self._bar = bar


def _fit(line: str) -> str:
    """`line` cut to the terminal's width (less one column, where the cursor waits), for a line
    redrawn in place with a carriage return."""
    width = max(shutil.get_terminal_size().columns - 1, 10)
    return line if len(line) <= width else line[: width - 1] + "…"


def _duration(seconds: float) -> str:
    """A time left as a progress line says it: "8 s", "40 s", "3 min"."""
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    return f"{round(seconds / 60)} min"
