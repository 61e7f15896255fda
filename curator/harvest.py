"""The fetch stage of the weekly run: every feed, each new article's page, then the store.

One event loop in this process fetches (`curator.fetch.open_fetcher`); what costs CPU is handed to
the worker processes (`curator.workers`) as each download arrives, so nothing waits for the
slowest feed: a feed is parsed as soon as its bytes are in, its new entries' pages are asked for as
soon as it is parsed, each page is read as soon as it is in, and the feed's articles are built as
soon as its last page is. A huge first fetch is bounded (fixgu): at most `PARSING_AT_ONCE` feeds
parse at once, and at most `BUILT_AT_ONCE` new entries are built and wait to be written, the feed
written next never waiting (`harvest_storer.Storer.may_build`). The editor sees each feed as it
is read and the pages as they are (`progress`, `page_progress`). Stages:

1. `_one_feed` (per feed, in the loop): fetch, then `_settled` decides whether there is anything
   to parse (a failure, a 304, the same bytes as last time), then parse, then `_new_entries` asks
   the store which entries it lacks; a `_Settled` or a `_Fresh` outcome, nothing written yet.
2. `_PageReader` (in the loop): each page fetched once and read (`curator.extract`) in a worker,
   tallied for the report, failures counted by reason.
3. `harvest_storer.Storer` (in the loop, in the configured order): each outcome written as soon
   as it and every feed's before it in feeds.yaml are in (`_store`), a fresh feed's articles and
   its new validators in one transaction, so an interrupted run keeps what it stored and never makes the
   next one skip articles it did not store; the outcome is then let go, so the run's memory is
   that of the feeds not stored yet, not of every article it read (walk160 #2, #3: a run of
   104,000 new articles held them all to the end, 2 GB, and a SIGTERM after 6 minutes stored
   none of them).

Each new article's term counts (what placing it under a subject reads, `curator.termcounts`) are
counted in the worker that builds it, and stored with it: the build's placement step, after the
loop, then only reads them.

The parts live in their own modules, which this one imports: `harvest_report` (what a run says of
its pages and in all), `harvest_feedreport` (what it says of each feed), `harvest_scripts` (new
articles in scripts no subject's words use), `harvest_pages` (the pages: read, failures by
reason, read again on later runs), `harvest_entries` (a feed's entries against the store: new, changed, moved, missed),
`harvest_outcome` (one feed's outcome before writing: settled, or fresh and built),
`harvest_storer` (the outcomes written in the configured order, `Storer`) and `harvest_store`
(each outcome written, `store_outcome`)."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from collections.abc import Sequence, Set
from dataclasses import dataclass
from datetime import datetime

from curator import articles as article_rules
from curator import articles_pages as article_pages
from curator.config import Config, FeedSource
from curator.feeds import FeedError, parse_feed
from curator.feeds.common import HTML_NOT_FEED
from curator.fetch import Fetcher, open_fetcher
from curator.fetch_local import local_file_exists
from curator.fetch_request import CONNECT_TIMEOUT, FetchRequest, FetchSettings, user_agent
from curator.harvest_entries import Changed as _Changed
from curator.harvest_entries import Move as _Move
from curator.harvest_entries import Relinked as _Relinked
from curator.harvest_entries import entry_id_key, untitled_key
from curator.harvest_entries import found_stored as _found_stored
from curator.harvest_entries import links_of as _links_of
from curator.harvest_entries import missed as _missed
from curator.harvest_entries import new_entries as _new_entries
from curator.harvest_entries import read_report as _read_report
from curator.harvest_entries import shared_before as _shared_before
from curator.harvest_entries import stored_titles as _stored_titles
from curator.harvest_feedreport import NOT_WELL_FORMED_ID, FeedReport, FeedStatus
from curator.harvest_moves import listed_at, moved_to_listed, page_feed
from curator.harvest_outcome import QUIET_AFTER, own_wait_said, told_apart
from curator.harvest_outcome import Fresh as _Fresh
from curator.harvest_outcome import Outcome as _Outcome
from curator.harvest_outcome import build_and_count as _build_and_count
from curator.harvest_outcome import failed as _failed
from curator.harvest_outcome import feed_base as _feed_base
from curator.harvest_outcome import feed_request as _request
from curator.harvest_outcome import held as _held
from curator.harvest_outcome import marked_quiet as _quiet
from curator.harvest_outcome import sent_to as _sent_to
from curator.harvest_outcome import settled as _settled
from curator.harvest_outcome import shown_name as _shown_name
from curator.harvest_outcome import waiting as _waiting
from curator.harvest_pages import (
    HOST_FAILURES,
    HOST_SKIPPED,
    PAGE_READS,
    PAGE_RETRY_DAYS,
    PAGE_RETRY_WAITS,
    READ_AFTER,
    failure_reason,
    page_wait,
)
from curator.harvest_pages import PageReader as _PageReader
from curator.harvest_pages import Reread as _Reread
from curator.harvest_pages import entry_from_json as _entry_from_json
from curator.harvest_pages import entry_json as _entry_json
from curator.harvest_pages import retries as _retries
from curator.harvest_pages import store_rereads as _store_rereads
from curator.harvest_report import (
    STOP_PAGES_AFTER,
    FetchStopped,
    FetchSummary,
    PageFailure,
    PageInPart,
    PageProgress,
    PageTally,
    Progress,
    StoreProgress,
    StoreTally,
)
from curator.harvest_report import no_page_progress as _no_page_progress
from curator.harvest_report import no_progress as _no_progress
from curator.harvest_report import no_store_progress as _no_store_progress
from curator.harvest_scripts import after_placing, other_script, subjects_scripts
from curator.harvest_store import came_back
from curator.harvest_store import store_outcome as _store
from curator.harvest_storer import Storer
from curator.models import (
    Article,
    FetchResult,
    ParsedFeed,
)
from curator.robots import SiteRules, kept, stored
from curator.store import FeedState, PageRetry, Store
from curator.subjectwords import subject_phrases
from curator.termcounts import Vocabulary, phrase_keys, prepare
from curator.urls import url_key
from curator.workers import Workers, worker_pool


def fetch_settings(config: Config) -> FetchSettings:
    s = config.settings
    # `timeout` is the whole of one request, as README's table says: no shorter limit on a
    # silence within it (it was a fixed 15 s), but connecting, which a live server does at once.
    return FetchSettings(
        deadline=s.timeout,
        read_timeout=s.timeout,
        connect_timeout=min(CONNECT_TIMEOUT, s.timeout),
        max_bytes=s.max_bytes,
        concurrency=s.concurrency,
        per_host=s.per_host,
        allow_private=s.allow_private_addresses,
        user_agent=user_agent(config.site_url, s.contact),
    )


# -- the loop --------------------------------------------------------------------------------------

#: Feeds parsed at once at most (in the workers, or waiting for one): a feed read waits for its
#: turn, and a parsed feed's articles are built before the next feeds are parsed, instead of
#: behind every feed read (the workers take tasks in the order given). A 300-feed first fetch
#: otherwise parsed every feed before building the first, and held every feed's entries
#: meanwhile (fixgu). Twice the workers at most (`curator.workers.MAX_WORKERS`): they are never
#: left waiting for a parse.
PARSING_AT_ONCE = 8


@dataclass
class _Run:
    """What every feed's task shares in one run."""

    config: Config
    store: Store
    states: dict[str, FeedState]
    now: datetime
    workers: Workers
    fetcher: Fetcher
    pages: _PageReader
    progress: Progress
    #: The phrases new articles are counted with (`termcounts.prepare`).
    phrases: Sequence[str] = ()
    #: Each site's robots.txt, asked for before its pages are (`curator.robots`).
    robots: SiteRules | None = None
    #: Each feed's name as known so far in the run (its stored title, then the one it gives):
    #: a feed's line names its address too when another feed has the same name (`told_apart`).
    names: dict[str, str] = dataclasses.field(default_factory=dict)
    #: Writes each feed's outcome as soon as it can (`Storer`).
    storer: Storer = dataclasses.field(default_factory=lambda: Storer(_unwritten, 0))
    #: Feeds being parsed (`PARSING_AT_ONCE`); released when its parse ends, whatever the storing
    #: waits for, so that no feed waits on another's writing.
    parsing: asyncio.Semaphore = dataclasses.field(
        default_factory=lambda: asyncio.Semaphore(PARSING_AT_ONCE)
    )

    def tell(self, report: FeedReport) -> None:
        """Say `report` on its line as soon as it is read, told apart from any feed of the same
        name read before it or known by that name from earlier runs."""
        self.names[report.url] = report.name
        name = told_apart(self.names)[report.url]
        self.progress(report if name == report.name else dataclasses.replace(report, name=name))

    async def allowed(self, links: Sequence[str]) -> list[str]:
        """Of `links` (article pages on the web), those their site's robots.txt allows."""
        if self.robots is None or not links:
            return list(links)
        robots = self.robots
        verdicts = await asyncio.gather(*(robots.allows(link) for link in links))
        return [link for link, ok in zip(links, verdicts, strict=True) if ok]


async def _one_feed(run: _Run, source: FeedSource, index: int = 0) -> _Outcome:
    """Fetch, parse and build the `index`-th feed, handing the CPU work to the workers; reported
    once read."""
    state = run.states[source.url]
    if (waiting := _waiting(source, state, run.now)) is not None:
        run.tell(waiting.report)
        run.pages.feed_done(source.url)
        return waiting
    run.pages.asking(source.url, True)
    try:
        result = await run.fetcher.fetch(_request(source, state))
        if not result.ok and state.moved_to and not result.moved_to and not source.is_file:
            result = await _read_moved(run, state, result)
    finally:
        run.pages.asking(source.url, False)
    if result.ok and result.moved_to and (onto := _listed_at(run, source, result.moved_to)):
        # Its address leads to a feed read on its own line: that feed's document is not this
        # one's ("unchanged"), and its line is to go, not be replaced (walk169 #4).
        listed = _failed(source, result, "listed", onto[1], state, run.now)
        listed = dataclasses.replace(
            listed, report=dataclasses.replace(listed.report, leads_to=onto[0])
        )
        run.tell(listed.report)
        run.pages.feed_done(source.url)
        return listed
    content = result.content or b""
    digest = hashlib.sha256(content).hexdigest() if result.ok and not result.not_modified else None
    outcome = _settled(source, result, state, digest, run.now)
    if outcome is not None and not result.ok:  # (walk180 #9: gone, moved to a feed listed)
        moved = None if source.is_file else run.store.moved_feed(source.url, url_key)
        outcome = moved_to_listed(outcome, _listed_at(run, source, moved, "it moved to"))
    if outcome is not None:
        run.tell(came_back(outcome.report, state))
        run.pages.feed_done(source.url)
        return outcome
    assert digest is not None
    try:
        async with run.parsing:
            parsed = await run.workers.run(
                parse_feed,
                content,
                _feed_base(source, result),
                result.content_type,
                page_exists=local_file_exists,
            )
    except FeedError as exc:
        outcome = _failed(
            source, result, "malformed", _sent_to(source, result, exc), state, run.now
        )
        if str(exc).startswith(HTML_NOT_FEED) and not source.is_file:
            named = await run.workers.run(page_feed, content, result.final_url, source.url)
            onto = _listed_at(run, source, named) if named else None
            report = dataclasses.replace(
                outcome.report,
                page_feed=named,
                leads_to=onto[0] if onto else None,
                error=f"{outcome.report.error}; {onto[1]}" if onto else outcome.report.error,
            )
            outcome = dataclasses.replace(outcome, report=report)
        run.tell(outcome.report)
        run.pages.feed_done(source.url)
        return outcome
    # Its body is let go once parsed (only its size is written): a feed's outcome may wait long
    # for the feeds before it to be written (`Storer`).
    size = len(content)
    result = dataclasses.replace(result, content=None)
    del content
    new, reused, known = _new_entries(run.store, parsed, source, run.storer.keys)
    missed = _missed(run.store, source, parsed, new, state)
    run.storer.expected += len(new)
    with_pages = article_pages.wants_pages(run.config, source)
    wanted = [e.link for e in new if e.link] if with_pages else []
    # A stored article its feed changed the title or authors of, and no issue published, is
    # built again from the entry; its page is read again then only (walk126 #1).
    retake = [c for c in known.changed if c.published_in is None]
    again = [c.entry.link for c in retake if c.entry.link] if with_pages else []
    # A stored article its feed gives at a new link under the same id: its page is read there,
    # and the article moves there if it serves it (walk137 #1).
    relinked = [r.entry.link for r in known.relinked if r.entry.link] if with_pages else []
    if not source.is_file:
        # A page its site's robots.txt disallows is not read: its article is built from the
        # feed, as with `fetch_pages: false` (walk127).
        wanted = await run.allowed(wanted)
        relinked = await run.allowed(relinked)
    # A feed whose entries may have moved past some unseen is said once its articles are built:
    # those found stored (at new addresses, or as another feed's) are no gap (walk169 #7: the
    # warning stood beside "15 of its new entries give new addresses for articles it gave").
    told_later = source.is_file or missed is not None
    said = run.store.skips_said(source.url)  # (its entries left out, said by a fetch before)
    # Its new entries with no title that a fetch before left out for it: counted with those said
    # before, not as new (their pages, when read, give no title either, or they are taken).
    titleless = [e.link for e in new if e.link and not e.title and untitled_key(e.link) in said]

    def read_report() -> FeedReport:
        """The feed's report as read, before its articles are built or after (`told_later`)."""
        return _read_report(
            source,
            parsed,
            result,
            len(new) - len(titleless),
            reused_ids=reused,
            new_links=_links_of(new),
            said=said,
            untitled_links=titleless,
        )

    if not told_later:
        report = read_report()
        run.tell(came_back(report, state))
    entries = [*new, *(c.entry for c in retake), *(r.entry for r in known.relinked)]
    for credits in (True, False):  # (the feed's `name:` credits the article, or not)
        run.pages.credit(
            [e.link for e in entries if e.link and (bool(source.name) and not e.via) == credits],
            named=credits,
        )
    pages = run.pages.ask(wanted, allow_file=source.is_file)
    again = run.pages.ask(again, allow_file=source.is_file)
    relinked = run.pages.ask(relinked, allow_file=source.is_file)
    run.pages.feed_done(source.url)
    batch = article_pages.PageBatch(await run.pages.wait(pages))
    await run.storer.may_build(index, len(new))
    built, counted = await run.workers.run(
        _build_and_count,
        new,
        source=source,
        feed_title=parsed.title,
        pages=batch,
        now=run.now,
        phrases=run.phrases,
        shared_before=_shared_before(run.store, batch.pages.values(), run.storer.keys),
        stored_titles=_stored_titles(run.store, batch.pages.values(), run.storer.keys),
    )
    if missed is not None:
        # The feeds above it in feeds.yaml are written first, so that their articles of this
        # run, which it may give by other links, are found (walk169 #7: a syndication feed
        # built before its publisher's feed was written was warned of a gap).
        await run.storer.written_before(index)
        if _found_stored(run.store, source, built):
            missed = None
    if not source.is_file and told_later:
        report = read_report()
        run.tell(came_back(dataclasses.replace(report, missed=missed), state))
    if source.is_file:
        # A local feed's line waits for its local pages (read at once): an entry whose page names
        # no web address has no link to publish, and the line counts it skipped, not new. Nor
        # is an article stored already by its page's own address new (walk95 #2: a copied
        # folder's feed said "4 entries, 4 new", its articles carried from the old path).
        stored = run.store.known_keys(k for k, _ in built.articles) - run.storer.keys
        report = _read_report(
            source,
            parsed,
            result,
            max(0, len(new) - built.unlinked - len(stored)),
            reused_ids=reused,
            unlinked=built.unlinked,
            new_links=_links_of(new),
            said=said,
        )
        run.tell(came_back(dataclasses.replace(report, missed=missed), state))
    unread = tuple(
        (built.aliases[url_key(e.link)], e.link, _entry_json(e), *run.pages.failed[e.link])
        for e in new
        if e.link and e.link in run.pages.failed and url_key(e.link) in built.aliases
    )
    failed = sum(1 for link in pages if link in run.pages.failed)
    refused = sum(1 for link in pages if run.pages.failed.get(link, (None,))[0] == "blocked")
    gone = sum(1 for link in pages if link in run.pages.dead)
    waits = tuple((row[0], run.pages.waits[row[1]]) for row in unread if row[1] in run.pages.waits)
    retaken: tuple[tuple[int, str, Article | None, bool], ...] = ()
    if retake:
        read_again = await run.pages.wait(again)
        rebuilt = await run.workers.run(
            article_rules.build_articles,
            [c.entry for c in retake],
            source=source,
            feed_title=parsed.title,
            pages=article_pages.PageBatch(read_again),
            now=run.now,
        )
        made = dict(rebuilt.articles)

        def of(change: _Changed) -> Article | None:
            key = url_key(change.entry.link or "")
            return made.get(rebuilt.aliases.get(key, key))

        # Its blurb and text are built again too when its page was read again (or the feed is
        # all curator reads of it): a correction changes the words as well as the title (walk169
        # #1: "5 points" published under the corrected title of "50 points"). A page that
        # could not be read now leaves the stored text and blurb as they are.
        retaken = tuple(
            (c.article_id, c.said, of(c), not with_pages or (c.entry.link or "") in read_again)
            for c in retake
        )
    moves = await _relink(run, source, parsed, known.relinked, relinked, with_pages=with_pages)
    return _Fresh(
        source,
        result,
        _held(parsed),
        digest,
        built,
        counted,
        unread,
        len(pages),
        failed,
        refused,
        reused,
        waits,
        known,
        retaken,
        moves,
        pages_gone=gone,
        missed=missed,
        size=size,
    )


async def _relink(
    run: _Run,
    source: FeedSource,
    parsed: ParsedFeed,
    relinked: Sequence[_Relinked],
    asked: Sequence[str],
    *,
    with_pages: bool,
) -> tuple[_Move, ...]:
    """What becomes of each stored article the feed gives at a new link under the same id
    (walk137 #1), its page read there (`asked`): it moves to the page's address when the page
    serves it (under its title), else stays where it is, said why; with no page read there
    (`fetch_pages: false`, or robots.txt), the feed's link is taken as its address."""
    if not relinked:
        return ()
    read = await run.pages.wait(asked)
    rebuilt = await run.workers.run(
        article_rules.build_articles,
        [r.entry for r in relinked],
        source=source,
        feed_title=parsed.title,
        pages=article_pages.PageBatch(read),
        now=run.now,
        stored_titles=_stored_titles(run.store, read.values()),
    )
    made = dict(rebuilt.articles)
    moves: list[_Move] = []
    for r in relinked:
        link = r.entry.link or ""
        key = rebuilt.aliases.get(url_key(link), url_key(link))
        if (art := made.get(key)) is None:
            continue  # (no title to be an article's: `new` said nothing of it either)
        others = tuple(a for a, k in rebuilt.aliases.items() if k == key and a != key)
        move = _Move(r.article_id, r.title, r.url, art.url, key, others)
        if link in read:
            if article_rules.other_story(art.title, r.title):
                move = dataclasses.replace(
                    move, kept=f'serves another article there ("{art.title}")'
                )
        elif not with_pages:
            move = dataclasses.replace(move, unread="its page is not read: fetch_pages is false")
        elif link not in asked:
            move = dataclasses.replace(
                move, unread="its page is not read: its site's robots.txt disallows it"
            )
        else:
            why = run.pages.failed.get(link, (None, "no answer"))[1]
            move = dataclasses.replace(move, new=link, kept=f"does not answer ({why})")
            run.pages.said_with_article(link)
        moves.append(move)
    return tuple(moves)


def _listed_at(
    run: _Run, source: FeedSource, url: str | None, verb: str = "now leads to"
) -> tuple[str, str] | None:
    """`harvest_moves.listed_at` for this run's feeds list."""
    if url is None:
        return None
    return listed_at(run.config, run.states, source, url, verb)


async def _read_moved(run: _Run, state: FeedState, failed: FetchResult) -> FetchResult:
    """A feed whose address failed, having moved for good (301/308) in an earlier run: read at
    the address it moved to, as the run that saw the move did, the failure kept to be said
    (walk126 #1: once the old address answered 404, the feed's articles were lost and the build
    advised removing it). The failure itself when the new address fails too."""
    assert state.moved_to is not None
    if failed.error_kind == "rate-limited":  # asked to wait: not a failure of the address
        return failed
    request = FetchRequest(
        state.moved_to, etag=state.etag, last_modified=state.last_modified, kind="feed"
    )
    again = await run.fetcher.fetch(request)
    if not again.ok:
        return dataclasses.replace(failed, moved_error=again.error or "failed")
    return dataclasses.replace(
        again, moved_to=again.moved_to or state.moved_to, old_error=failed.error or "failed"
    )


async def _read_again(run: _Run, retry: PageRetry, source: FeedSource) -> _Reread:
    """Read a stored article's page again; its article merged as if it had been read the first
    time (the feed entry it was built from, kept with the retry)."""
    if not source.is_file and not await run.allowed([retry.link]):
        return _Reread(retry, tried=False, disallowed=True)
    page, result = await run.pages.fetch(retry.link, source.is_file)
    if page is not None and await run.pages.redirect_disallowed(retry.link, result):
        return _Reread(retry, tried=False, disallowed=True)
    if result is None:  # its host was given up on this run: not tried, so not an attempt
        why = run.pages.not_tried_reason(retry.link)
        kind = "connect" if why == HOST_SKIPPED else "timeout"
        return _Reread(retry, error_kind=kind, error=why, tried=False)
    if page is None:
        return _Reread(
            retry,
            error_kind=result.error_kind,
            error=failure_reason(result, run.now),
            wait_until=page_wait(result, run.now),
        )
    if page.problems:
        run.pages.credit(
            [retry.link], named=bool(source.name) and _entry_from_json(retry.entry).via is None
        )
        run.pages.in_part.append(PageInPart(retry.link, page.problems))
    article = await run.workers.run(
        article_rules.merge,
        _entry_from_json(retry.entry),
        page,
        source=source,
        feed_title=run.states[source.url].title,
        now=retry.first_seen or run.now,
        refused=_shared_before(run.store, [page]),
    )
    # The article was stored from this entry with no page, so the entry has the title merge
    # prefers: a page read now cannot take it away.
    assert article is not None, f"a stored article's entry lost its title: {retry.link}"
    return _Reread(retry, article)


# No repr: asyncio.run formats the repr of its coroutine's result when it restores the SIGINT
# handler (Python 3.11, signal.signal's enum conversion), which for every feed's bytes and
# articles was 200 MB and half a second.
@dataclass(frozen=True, repr=False)
class _Gathered:
    """What the loop gathered besides each feed's report (`Storer`): the pages."""

    pages_read: int
    page_failures: tuple[PageFailure, ...]
    pages_in_part: tuple[PageInPart, ...]
    rereads: tuple[_Reread, ...] = ()
    hosts_skipped: tuple[tuple[str, int], ...] = ()
    robots_disallowed: tuple[tuple[str, int], ...] = ()
    robots_cut: tuple[str, ...] = ()
    robots_unread: tuple[tuple[str, int, str, datetime | None], ...] = ()


def _unwritten(outcome: _Outcome) -> tuple[FeedReport, Set[str]]:
    raise AssertionError("a run's outcomes are written by the storer `_gather` gives it")


async def _gather(
    config: Config,
    store: Store,
    states: dict[str, FeedState],
    now: datetime,
    workers: Workers,
    progress: Progress,
    page_progress: PageProgress,
    phrases: Sequence[str],
    storer: Storer,
    retries: Sequence[tuple[PageRetry, FeedSource]] = (),
) -> _Gathered:
    async with open_fetcher(fetch_settings(config)) as fetcher:
        names = {s.url: _shown_name(s, states[s.url]) for s in config.feeds}
        pages = _PageReader(fetcher, workers, told_apart(names), page_progress, now)
        robots = SiteRules(
            fetcher.fetch,
            now,
            failed=pages.count_failure,
            cached=lambda site: stored(store.robots_txt(site)),
            keep=lambda site, text: store.keep_robots_txt(site, kept(text, now)),
        )
        pages.robots = robots
        run = _Run(
            config,
            store,
            states,
            now,
            workers,
            fetcher,
            pages,
            progress,
            phrases,
            robots,
            names,
            storer,
        )
        ticking = asyncio.ensure_future(_tick(pages, page_progress, storer))

        async def read_and_store(index: int, source: FeedSource) -> None:
            storer.take(index, await _one_feed(run, source, index))

        try:
            rereads = asyncio.gather(*(_read_again(run, r, source) for r, source in retries))
            await asyncio.gather(*(read_and_store(i, s) for i, s in enumerate(config.feeds)))
            reread = await rereads
        finally:
            ticking.cancel()
    return _Gathered(
        pages.read,
        tuple(pages.failures),
        pages.kept_in_part(),
        tuple(reread),
        tuple(pages.hosts_skipped.most_common()),
        tuple(robots.disallowed.most_common()),
        tuple(robots.cut),
        tuple(robots.unread),
    )


#: Seconds between ticks that tell the progress what the run is waiting on (it says so once
#: nothing has finished for a while; `curator.cli.report_progress.RunProgress`).
WAITING_TICK = 1.0


async def _tick(pages: _PageReader, progress: PageProgress, storer: Storer) -> None:
    while True:
        await asyncio.sleep(WAITING_TICK)
        if waiting := pages.waiting():
            progress(dataclasses.replace(pages.tally(), waiting=waiting))
        else:  # every feed and page read: what is left is building and storing articles
            storer.tick()


def run_fetch(
    config: Config,
    store: Store,
    *,
    now: datetime,
    progress: Progress | None = None,
    page_progress: PageProgress | None = None,
    store_progress: StoreProgress | None = None,
) -> FetchSummary:
    """Fetch every configured feed, read new articles' pages, and store what is new.

    A feed that fails is reported and skipped; a page that cannot be read is counted and its
    article built from what the feed says; what was stored before stays stored. Each feed's
    articles are stored as soon as they are built (`Storer`, told to `store_progress`); a run
    stopped by Ctrl-C or SIGTERM raises `FetchStopped`, saying how many it stored.
    """
    # A feed whose address the editor updated as its move (or curator's advice) said keeps its
    # articles, and the run says so (walk169 #3).
    followed = tuple(store.follow_moves(s.url for s in config.feeds))
    states = {s.url: store.feed_state(s.url) for s in config.feeds}
    vocabulary = Vocabulary(store)
    phrases = prepare(store, phrase_keys(subject_phrases(config.subjects)), vocabulary)
    retries = _retries(config, store, now)
    configured = [s.url for s in config.feeds]

    def write(outcome: _Outcome) -> tuple[FeedReport, Set[str]]:
        written: set[str] = set()
        report = _store(store, outcome, now, vocabulary, configured, states, written)
        return report, written

    storer = Storer(write, len(config.feeds), store_progress or _no_store_progress)
    try:
        with worker_pool(len(config.feeds)) as workers:
            gathered = asyncio.run(
                _gather(
                    config,
                    store,
                    states,
                    now,
                    workers,
                    progress or _no_progress,
                    page_progress or _no_page_progress,
                    phrases,
                    storer,
                    retries,
                )
            )
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: each feed written before stays written
        raise storer.stopped() from None
    stored, _ = store.fetched_this_run or (0, 0)
    store.fetched_this_run = (stored + storer.stored, len(config.feeds))
    used = subjects_scripts(config, store) if config.subjects else frozenset()
    reports = tuple(other_script(report, used) for report in storer.reports)
    reports = tuple(
        dataclasses.replace(
            r,
            changed_published=tuple(
                (n, str(config.settings.output / f"issue-{n}.json"), was, now, by, fields)
                for n, _, was, now, by, fields in r.changed_published
            ),
            moved_published=tuple(
                (*m[:4], str(config.settings.output / f"issue-{m[3]}.json"))
                for m in r.moved_published
            ),
        )
        if r.changed_published or r.moved_published
        else r
        for r in reports
    )
    if not config.settings.recency_weight:  # an article's date counts for nothing: not said
        reports = tuple(dataclasses.replace(r, undated=0, future_dated=0) for r in reports)
    read_again, still_unread, given_up, retried, tally = _store_rereads(
        store, gathered.rereads, now
    )
    reports = _quiet(store, reports, now)
    # Feeds of the same name, each with its address (walk143 #6), in the run's every line.
    shown = told_apart({r.url: r.name for r in reports})
    reports = tuple(dataclasses.replace(r, name=shown.get(r.url, r.name)) for r in reports)
    # Each feed as its line names it (a feed read anew has the title stored before), told apart
    # from those of the same name as above: "stored already as articles of" named the other
    # feed by its address on a first run (walk143 #5).
    names = {s.url: _shown_name(s, states[s.url]) for s in config.feeds} | shown
    reports = tuple(
        dataclasses.replace(
            r,
            stored_by=tuple(names.get(u, u) for u in r.stored_by),
            taken_own=tuple((t, u, names.get(f, f), w, n) for t, u, f, w, n in r.taken_own),
        )
        if r.stored_by or r.taken_own
        else r
        for r in reports
    )
    # `fetch_pages: false` is advised for a feed whose pages read again still fail by the rule
    # of first reads (`pages_keep_failing`): at least STOP_PAGES_AFTER pages asked for in this
    # run, first reads and reads again alike, and not one read (walk29 #3: 7 pages read again
    # fine and one 404 got the advice).
    for report in reports:
        tried, read = tally.get(report.url, (0, 0))
        tally[report.url] = (
            tried + report.pages_asked,
            read + report.pages_asked - report.pages_unread,
        )
    retrying = dict.fromkeys(
        names[url]
        for url in retried
        if url in names
        and tally.get(url, (0, 0))[0] >= STOP_PAGES_AFTER
        and tally.get(url, (0, 0))[1] == 0
    )
    return FetchSummary(
        feeds=reports,
        new_articles=sum(r.new for r in reports if r.status == "ok"),
        pages_read=gathered.pages_read,
        pages_failed=len(gathered.page_failures),
        parsed_entries=storer.parsed,
        page_failures=gathered.page_failures,
        pages_in_part=gathered.pages_in_part,
        pages_read_again=read_again,
        pages_still_unread=still_unread,
        pages_given_up=given_up,
        worker_died=workers.died,
        still_unread_feeds=tuple(retrying),
        config_path=config.path,
        hosts_skipped=gathered.hosts_skipped,
        robots_disallowed=gathered.robots_disallowed,
        robots_cut=gathered.robots_cut,
        robots_unread=gathered.robots_unread,
        moves_followed=followed,
    )


__all__ = [
    "HOST_FAILURES",
    "HOST_SKIPPED",
    "NOT_WELL_FORMED_ID",
    "PAGE_READS",
    "PAGE_RETRY_DAYS",
    "PAGE_RETRY_WAITS",
    "QUIET_AFTER",
    "READ_AFTER",
    "STOP_PAGES_AFTER",
    "FeedReport",
    "FeedStatus",
    "FetchStopped",
    "FetchSummary",
    "PageFailure",
    "PageInPart",
    "PageProgress",
    "PageTally",
    "Progress",
    "StoreProgress",
    "StoreTally",
    "after_placing",
    "entry_id_key",
    "failure_reason",
    "fetch_settings",
    "own_wait_said",
    "run_fetch",
]
