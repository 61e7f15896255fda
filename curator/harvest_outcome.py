"""What one feed's fetch came to before anything is written (`curator.harvest`): nothing to
store but its state (`Settled`: it failed, it waits as its server asked, or nothing changed since
last time, `settled`), or its new articles built and counted in a worker (`Fresh`,
`build_and_count`); how long curator waits for a feed that failed or asked it to wait
(`own_wait`, `failed`, `waiting`), and how a feed is named on its line (`shown_name`,
`told_apart`); a feed that gave nothing new for `QUIET_AFTER` marked quiet (`marked_quiet`)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from curator import articles as article_rules
from curator import articles_pages as article_pages
from curator.config import FeedSource
from curator.feeds import FeedError
from curator.feeds.common import HTML_NOT_FEED
from curator.feedsecrets import secrets_shown
from curator.fetch_failures import MAX_RETRY_AFTER
from curator.fetch_request import FetchRequest
from curator.harvest_entries import Known as _Known
from curator.harvest_entries import Move as _Move
from curator.harvest_feedreport import FeedReport, failing_since_at
from curator.harvest_pages import asked_until as _asked_until
from curator.models import (
    Article,
    Entry,
    ErrorKind,
    FetchResult,
    ParsedFeed,
)
from curator.store import FeedState, Store
from curator.termcounts import count
from curator.termvectors import Vector

# -- what one feed gave ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Settled:
    """A feed with nothing to store but its state: it failed, or nothing changed since last time."""

    report: FeedReport
    result: FetchResult
    #: For an unchanged feed: the body's size and digest (None after a 304).
    size: int | None = None
    digest: str | None = None


#: An article's term counts as its worker counted them: (url key, counts, the word per stem).
_Counts = tuple[str, Vector, Mapping[str, str]]


@dataclass(frozen=True)
class Fresh:
    """A feed read and parsed, with the articles built from its new entries (and counted)."""

    source: FeedSource
    result: FetchResult
    parsed: ParsedFeed
    digest: str
    built: article_rules.Built
    counted: tuple[_Counts, ...] = ()
    #: The articles whose page could not be read: (url key, link, entry JSON, kind, error).
    unread: tuple[tuple[str, str, str, str | None, str], ...] = ()
    #: Its new articles' pages asked for, of them those that could not be read, and of those the
    #: ones refused as not at a public address.
    pages_asked: int = 0
    pages_unread: int = 0
    pages_refused: int = 0
    #: Its new entries taken as new articles though they give an id stored before (`_new_entries`).
    reused_ids: int = 0
    #: Of `unread`, those whose page's server asked curator to wait: (url key, until).
    waits: tuple[tuple[str, datetime], ...] = ()
    #: Its entries of articles stored before: changed since, or not recorded yet (`_Known`).
    known: _Known | None = None
    #: Of the changed ones no issue published: (article id, `entry_said`, the article as built
    #: again from the entry and its page, or None when it could not be, and whether its page was
    #: read again (or is not read: `fetch_pages: false`), so that its blurb is built again too).
    retaken: tuple[tuple[int, str, Article | None, bool], ...] = ()
    #: Its stored articles it gives at a new link under the same id (walk137 #1).
    moves: tuple[_Move, ...] = ()
    #: Of `pages_unread`, the pages gone for good (`store.dead_page`).
    pages_gone: int = 0
    #: Entries that may have come and gone unseen before this read (`FeedReport.missed`).
    missed: tuple[str, str, int, str | None] | None = None
    #: The size of the feed's body, which `result` no longer holds once it is parsed.
    size: int = 0


def held(parsed: ParsedFeed) -> ParsedFeed:
    """`parsed` as writing its feed needs it once its articles are built: each entry's link, id,
    title and credit (`_store`, `_read_report`, `entry_said`), not its text. A feed's outcome
    waits for every feed before it in feeds.yaml to be written (`harvest_storer.Storer`): a 300-feed first
    fetch held every later feed's entries twice over, as entries and as articles (fixgu)."""
    return dataclasses.replace(
        parsed,
        entries=tuple(
            dataclasses.replace(e, summary=None, content=None, subtitle=None, categories=())
            for e in parsed.entries
        ),
    )


def build_and_count(
    entries: Sequence[Entry],
    *,
    source: FeedSource,
    feed_title: str | None,
    pages: article_pages.PageBatch,
    now: datetime,
    phrases: Sequence[str],
    shared_before: Sequence[str] = (),
    stored_titles: Mapping[str, str] | None = None,
) -> tuple[article_rules.Built, tuple[_Counts, ...]]:
    """In a worker: a feed's new articles (`articles.build_articles`), each counted."""
    built = article_rules.build_articles(
        entries,
        source=source,
        feed_title=feed_title,
        pages=pages,
        now=now,
        shared_before=shared_before,
        stored_titles=stored_titles,
    )
    counted = count([a for _, a in built.articles], phrases)
    return built, tuple(
        (key, c.counts, c.shown) for (key, _), c in zip(built.articles, counted, strict=True)
    )


Outcome = Settled | Fresh


def feed_request(source: FeedSource, state: FeedState) -> FetchRequest:
    return FetchRequest(
        source.url,
        etag=state.etag,
        last_modified=state.last_modified,
        kind="feed",
        allow_file=source.is_file,
    )


def feed_base(source: FeedSource, result: FetchResult) -> str:
    """What the feed's relative links are resolved against."""
    return Path(source.url).as_uri() if source.is_file else result.final_url


def shown_name(source: FeedSource, state: FeedState) -> str:
    """A feed as its line names it when read: the editor's name, else its title as stored."""
    return source.name or state.title or secrets_shown(source.url)  # (fixlg #2: its secret masked)


def told_apart(names: Mapping[str, str]) -> dict[str, str]:
    """Feeds' names by address, those that two feeds or more share followed by their address,
    as `feeds check` names them: "Daring Fireball (https://example.com/feed.json)" (walk143 #6:
    three feeds of one site, in Atom, JSON Feed and RSS, were three lines "ok Daring Fireball")."""
    counts = Counter(names.values())
    return {
        url: f"{name} ({secrets_shown(url)})"
        if counts[name] > 1 and name not in (url, secrets_shown(url))
        else name
        for url, name in names.items()
    }


#: A feed that gave nothing new in a run, whose last new article came this long ago or more,
#: its newest article as old, is said under "need a look": it may have stopped publishing or
#: moved (walk126 #3: five weeks of "unchanged", nothing more).
QUIET_AFTER = timedelta(weeks=4)


#: How long a feed asking curator to wait (Retry-After) may have failed before it is a failure.
ONE_DAY = timedelta(days=1)
#: How long curator waits before asking again a feed that answered 429 naming no wait (no
#: Retry-After, or none it reads), doubled for each run in a row it so answered, up to a day:
#: a 429 asks to be asked less often, and the next run may be seconds away (walk127 #2).
OWN_WAIT = timedelta(hours=1)
#: Marks a stored error after which the wait was curator's own (`_waiting` reads it back).
OWN_WAIT_MARK = "no wait named"
#: The same after a "Retry-After: 0", which asks for no wait (walk128: "asks for no wait; no
#: wait named", which contradicts itself).
LESS_OFTEN = "but a 429 asks curator to ask less often"
#: How `fetch` says a "Retry-After: 0".
_ASKS_NO_WAIT = "its Retry-After asks for no wait"


def own_wait_said(error: str | None) -> bool:
    """Whether a stored error says the wait after it was curator's own (`OWN_WAIT`)."""
    return OWN_WAIT_MARK in (error or "") or LESS_OFTEN in (error or "")


def own_wait(state: FeedState) -> timedelta:
    """Curator's own wait after a 429 naming none: an hour, doubled for each run in a row the
    feed answered so before, at most a day."""
    before = state.failed_runs if state.last_error_kind == "rate-limited" else 0
    wait: timedelta = OWN_WAIT * 2 ** min(before, 5)
    return min(wait, ONE_DAY)


def sent_to(source: FeedSource, result: FetchResult, exc: FeedError) -> str:
    """A feed's parse error; "this is an HTML page, not a feed" says where its address sent it
    when it was redirected (walk169: a feed 301'd to the site's home page or 302'd to a
    maintenance page said only that it was an HTML page)."""
    error = str(exc)
    final = result.final_url
    if not error.startswith(HTML_NOT_FEED) or source.is_file or not final or final == source.url:
        return error
    how = "moved to" if result.moved_to == final else "sent to"
    # "moved to" for a move for good (301/308 all the way), else "sent to" (a 302, 303, 307).
    return f"{HTML_NOT_FEED}: its address {how} {final}{error[len(HTML_NOT_FEED) :]}"


def failed(
    source: FeedSource,
    result: FetchResult,
    kind: ErrorKind,
    error: str,
    state: FeedState,
    now: datetime,
) -> Settled:
    wait_until = _asked_until(result, now)
    own = kind == "rate-limited" and result.status == 429 and wait_until is None
    if own:  # a 429 naming no wait: asked again no sooner than curator's own wait
        wait = own_wait(state)
        wait_until = now + wait
        # "Retry-After: 0" asks for no wait, but a 429 still asks to be asked less often.
        why = f", {LESS_OFTEN}" if error.endswith(_ASKS_NO_WAIT) else f"; {OWN_WAIT_MARK}"
        error = (
            f"{error}{why}: curator does not ask it again for {_hours(wait)}"
            " (longer while it lasts)"
        )
    since = failing_since_at(state.failing_since) if state.failing_since else now
    # Asked to wait (Retry-After): a wait from the first answer, not a failure, unless it has
    # been failing for a day or more (walk91 #4: the first 429 was "failed", counted so).
    waits = kind == "rate-limited" and wait_until and wait_until > now and now - since < ONE_DAY
    # A move seen in an earlier run stands while its old address fails (walk126 #1: a 404 once
    # it stopped redirecting advised removing the feed, the new address unsaid).
    kept = state.moved_to if not result.moved_to and state.moved_to else None
    report = FeedReport(
        source.url,
        shown_name(source, state),
        "waiting" if waits else "failed",
        error_kind=kind,
        error=error,
        elapsed=result.elapsed,
        retry_after=result.retry_after,
        failing_since=state.failing_since or now.isoformat(),
        failed_runs=state.failed_runs + 1,
        moved_to=result.moved_to or kept,
        moved_before=bool(kept),
        moved_seen=state.last_success if kept else None,
        moved_error=result.moved_error if kept else None,
        wait_until=wait_until.isoformat() if wait_until else None,
        own_wait=own,
        answered_at=now.isoformat() if own else None,
    )
    return Settled(report, result)


def _hours(wait: timedelta) -> str:
    hours = round(wait.total_seconds() / 3600)
    return "an hour" if hours == 1 else f"{hours} hours"


def waiting(source: FeedSource, state: FeedState, now: datetime) -> Settled | None:
    """The feed's outcome when its server asked curator not to ask again before a time not yet
    come (Retry-After, remembered from an earlier run): not asked, and not a failure; None when
    it is to be asked."""
    if not state.wait_until or datetime.fromisoformat(state.wait_until) <= now:
        return None
    # A wait stored more than a day (the most curator waits) from now was stored while the clock
    # ran ahead: the day from now is kept (walk127 #3: 120 s asked, two weeks kept).
    until = min(datetime.fromisoformat(state.wait_until), now + timedelta(seconds=MAX_RETRY_AFTER))
    own = state.last_error_kind == "rate-limited" and own_wait_said(state.last_error)
    report = FeedReport(
        source.url,
        shown_name(source, state),
        "waiting",
        wait_until=until.isoformat(),
        own_wait=own,
        answered_at=state.last_fetched if own else None,
    )
    return Settled(report, FetchResult(source.url, source.url))


def settled(
    source: FeedSource, result: FetchResult, state: FeedState, digest: str | None, now: datetime
) -> Settled | None:
    """The feed's outcome when there is nothing to parse: it failed, answered 304, or sent the
    same bytes as last time (servers that ignore validators); None when it must be parsed."""
    if not result.ok:
        kind = result.error_kind or "error"
        return failed(source, result, kind, result.error or "failed", state, now)
    if not result.not_modified and digest != state.content_hash:
        return None
    # A move recorded before stands while the old address answers by itself (no redirect at all)
    # with the document then read, another site's (walk91 #1; `_store` keeps it).
    kept = state.moved_to if not result.moved_to and result.final_url == source.url else None
    report = FeedReport(
        source.url,
        shown_name(source, state),
        "unchanged",
        elapsed=result.elapsed,
        still_malformed=state.warning,
        warning_since=state.warning_since if state.warning else None,
        moved_to=result.moved_to or kept,
        moved_before=bool(kept),
        moved_seen=state.last_success if result.old_error else None,
        old_error=result.old_error,
    )
    if result.not_modified:
        return Settled(report, result)
    return Settled(report, result, size=len(result.content or b""), digest=digest)


def marked_quiet(
    store: Store, reports: Sequence[FeedReport], now: datetime
) -> tuple[FeedReport, ...]:
    """The reports, each feed read (or unchanged) that gave nothing new, whose last new article
    came `QUIET_AFTER` ago or more and whose newest article is that old too, with its newest
    article's date (`quiet_since`). A feed curator has only just met is not said quiet for the
    dates of its entries: what it says is that curator has seen nothing new for weeks."""
    idle = [r for r in reports if r.status == "unchanged" or (r.status == "ok" and not r.new)]
    if not idle:
        return tuple(reports)
    newest = store.feeds_newest()
    quiet = {
        r.url: newest[r.url][0]
        for r in idle
        if r.url in newest
        and all(now - datetime.fromisoformat(when) >= QUIET_AFTER for when in newest[r.url])
    }
    return tuple(
        dataclasses.replace(r, quiet_since=quiet[r.url]) if r.url in quiet else r for r in reports
    )
