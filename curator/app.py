"""The weekly run: fetch every feed, store new articles, select by subject, render and publish."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from curator import articles as article_rules
from curator.config import Config, FeedSource
from curator.discover import Discovery, discover
from curator.draft import (
    DraftEntry,
    check_draft,
    draft_path,
    draft_to_issue,
    read_draft,
    write_draft,
)
from curator.errors import CuratorError, InputError
from curator.feeds import FeedError, parse_feed
from curator.fetch import FetchRequest, FetchSettings, fetch_all, local_file_exists
from curator.issuetext import issue_text, repeated_introduction
from curator.models import (
    Article,
    Entry,
    ErrorKind,
    FetchResult,
    Issue,
    ParsedFeed,
    Scored,
    Section,
)
from curator.outputs import (
    OUTPUTS,
    OutputError,
    archive_item,
    fragment_of,
    load_archive,
    publish_outputs,
    published_issues,
    render_archive,
    render_outputs,
)
from curator.placement import choose_sections
from curator.publish import write_atomic
from curator.render import environment
from curator.store import IssueRecord, Store, StoreError
from curator.themes import choose_theme, takes_plan_place


class BuildError(CuratorError):
    """The run cannot go on (another build holds the store, the output folder is not writable...)."""


#: How one feed went: read ("ok"), nothing new since last time ("unchanged"), or "failed".
FeedStatus = Literal["ok", "unchanged", "failed"]


@dataclass(frozen=True)
class FeedReport:
    """How one feed went in this run."""

    #: The feed's URL (or path) as configured.
    url: str
    #: The publication name shown to the editor.
    name: str
    status: FeedStatus
    entries: int = 0
    new: int = 0
    error_kind: ErrorKind | None = None
    error: str | None = None
    #: Set when the feed was read but was not well formed.
    warning: str | None = None
    elapsed: float = 0.0
    #: Seconds the server asked us to wait before asking again (429/503 Retry-After), when it said.
    retry_after: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "name": self.name,
            "status": self.status,
            "entries": self.entries,
            "new": self.new,
            "error_kind": self.error_kind,
            "error": self.error,
            "warning": self.warning,
            "seconds": round(self.elapsed, 3),
            "retry_after": self.retry_after,
        }


@dataclass(frozen=True)
class FetchSummary:
    feeds: tuple[FeedReport, ...]
    new_articles: int
    pages_read: int = 0
    pages_failed: int = 0
    #: Entries parsed in this run (a feed that answered 304, or sent the bytes it sent last time,
    #: is not parsed again).
    parsed_entries: int = 0

    @property
    def failed(self) -> tuple[FeedReport, ...]:
        return tuple(f for f in self.feeds if f.status == "failed")


@dataclass(frozen=True)
class BuildResult:
    fetch: FetchSummary
    #: The issue built, or None when there was nothing new to feature.
    issue: Issue | None
    paths: tuple[Path, ...] = field(default_factory=tuple)
    #: What the editor should know although the issue was built (said on stderr).
    warnings: tuple[str, ...] = ()


#: Called with each feed's report as soon as it is done (for a line of progress).
Progress = Callable[[FeedReport], None]


def _no_progress(report: FeedReport) -> None:
    pass


@contextmanager
def build_lock(store_path: Path) -> Iterator[None]:
    """One run at a time per store: a second one is refused at once with a clear message."""
    lock_path = store_path.with_name(store_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildError(
                f"another curator run is using {store_path} (pid {holder}); "
                "wait for it to finish, then run again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def fetch_settings(config: Config) -> FetchSettings:
    s = config.settings
    return FetchSettings(
        deadline=s.timeout,
        max_bytes=s.max_bytes,
        concurrency=s.concurrency,
        per_host=s.per_host,
        allow_private=s.allow_private_addresses,
    )


def discover_feeds(config: Config, url: str) -> Discovery:
    """The feeds behind `url` (a feed, a site's page, or a local feed file), found and read as the
    build reads feeds: `fetch_all` with the config's fetch settings, each candidate parsed by
    `parse_feed` (see `curator.discover`). A local path is read only when it is `url` itself."""
    settings = fetch_settings(config)
    local = not url.startswith(("http://", "https://"))

    def fetch(address: str) -> FetchResult:
        request = FetchRequest(address, kind="feed", allow_file=local and address == url)
        return fetch_all([request], settings)[0]

    return discover(url, fetch)


def _source_name(source: FeedSource, parsed: ParsedFeed | None) -> str:
    return source.name or (parsed.title if parsed and parsed.title else None) or source.url


@dataclass
class _Harvest:
    """One feed's outcome while the run is in progress."""

    source: FeedSource
    result: FetchResult
    parsed: ParsedFeed | None = None
    content_hash: str | None = None
    new_entries: list[Entry] = field(default_factory=list)
    #: The feed being parsed in a worker process, started as soon as its bytes arrived (and, for
    #: a feed the store has never read, every entry's article built there too).
    parsing: Future[_Parsed] | None = None
    #: The URL keys of `new_entries`, in the same order.
    new_keys: list[str] = field(default_factory=list)
    #: Each entry's article, by entry key, when a worker built them all with the parsing.
    prebuilt: dict[str, article_rules.Built] | None = None


#: What a worker sends back: the feed, and every entry's article when it built them too.
_Parsed = tuple[ParsedFeed, dict[str, article_rules.Built] | None]


def _parse_in_worker(
    content: bytes,
    base: str,
    content_type: str | None,
    source: FeedSource,
    now: datetime,
    build: bool,
) -> _Parsed:
    """In a worker: parse the feed; with `build`, also build every entry's article, one `Built`
    per entry key, so that the caller keeps exactly those of the entries the store lacks.

    `build` is for a feed the store has never read and whose pages are not read: nearly all its
    entries are new, and building them while the other feeds download uses the cores the
    downloads leave idle.
    """
    parsed = parse_feed(content, base, content_type, page_exists=local_file_exists)
    if not build:
        return parsed, None
    keyed = article_rules.keyed_entries(parsed.entries)
    every = article_rules.PageBatch()
    return parsed, {
        key: article_rules.build_articles(
            [entry], source=source, feed_title=parsed.title, pages=every, now=now
        )
        for key, entry in keyed.items()
    }


def _compose(prebuilt: dict[str, article_rules.Built], keys: list[str]) -> article_rules.Built:
    """What build_articles would give for the entries with these keys, from per-entry results."""
    return article_rules.Built(
        tuple(pair for key in keys for pair in prebuilt[key].articles),
        {alias: to for key in keys for alias, to in prebuilt[key].aliases.items()},
    )


# -- worker processes ------------------------------------------------------------------------------
#: Parsing feeds and building their articles is CPU work (about 15 ms a feed); with this many feeds
#: or more to parse, it is spread over worker processes, one per core. Below it, starting them
#: (a fork each, ~10 ms) costs more than it saves.
PARALLEL_MIN_FEEDS = 8
#: Worker processes at most, whatever the number of cores: the main process keeps fetching and
#: writing the store, and more workers than that mostly add memory.
MAX_WORKERS = 4


@contextmanager
def _worker_pool(feeds: int) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes for parsing and building, or None when this process should do it alone.

    Workers are forked (Linux only): they start in milliseconds with curator already imported,
    where a spawned worker would spend ~0.4 s importing it again, longer than a weekly run's
    parsing takes. The first task forks them all, before any fetching thread exists.
    """
    cores = os.cpu_count() or 1
    if feeds < PARALLEL_MIN_FEEDS or cores < 2 or not sys.platform.startswith("linux"):
        yield None
        return
    pool = ProcessPoolExecutor(
        max_workers=min(cores, MAX_WORKERS),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_leave_interrupts_to_the_main_process,
    )
    try:
        pool.submit(int).result()  # fork the workers now, not from inside the event loop
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_interrupts_to_the_main_process() -> None:
    """In a worker: ignore Ctrl-C, which the whole process group gets; the main process stops the
    run (and the pool) and reports it once, instead of every worker printing a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _feed_base(source: FeedSource, result: FetchResult) -> str:
    """What the feed's relative links are resolved against."""
    return Path(source.url).as_uri() if source.is_file else result.final_url


def run_fetch(
    config: Config, store: Store, *, now: datetime, progress: Progress = _no_progress
) -> FetchSummary:
    """Fetch every configured feed, read new articles' pages, and store what is new.

    A feed that fails is reported and skipped; what was stored before stays stored. A feed's new
    validators are saved in the same transaction as its new articles, so an interrupted run never
    makes the next one skip articles it did not store.
    """
    sources = config.feeds
    states = {s.url: store.feed_state(s.url) for s in sources}
    requests = [
        FetchRequest(
            s.url,
            etag=states[s.url].etag,
            last_modified=states[s.url].last_modified,
            kind="feed",
            allow_file=s.is_file,
        )
        for s in sources
    ]
    by_url = {s.url: s for s in sources}
    with _worker_pool(len(sources)) as pool:
        parsing: dict[str, Future[_Parsed]] = {}
        digests: dict[str, str] = {}

        def start_parsing(result: FetchResult) -> None:
            """Hand a feed's new bytes to a worker while the other feeds are still arriving."""
            source = by_url.get(result.url)
            if source is None or not result.ok or result.not_modified:
                return
            content = result.content or b""
            digests[source.url] = digest = hashlib.sha256(content).hexdigest()
            if pool is None or digest == states[source.url].content_hash:
                return  # the same bytes as last time are not parsed at all
            unread = states[source.url].last_success is None
            build = unread and not article_rules.wants_pages(config, source)
            # If the pool broke, the feed is parsed here later, like any feed without a future.
            with contextlib.suppress(BrokenProcessPool, RuntimeError):
                parsing[source.url] = pool.submit(
                    _parse_in_worker,
                    content,
                    _feed_base(source, result),
                    result.content_type,
                    source,
                    now,
                    build,
                )

        results = fetch_all(requests, fetch_settings(config), on_result=start_parsing)
        harvests: list[_Harvest] = []
        reports: dict[str, FeedReport] = {}
        for source, result in zip(sources, results, strict=True):
            harvest = _Harvest(
                source,
                result,
                content_hash=digests.get(source.url),
                parsing=parsing.get(source.url),
            )
            report = _read_feed(harvest, store, states[source.url].content_hash, now)
            if report is not None:
                reports[source.url] = report
                progress(report)
            else:
                harvests.append(harvest)

        pages = article_rules.read_pages(config, harvests_entries(harvests), fetch_settings(config))
        building = [_start_building(pool, h, pages, now) for h in harvests]
        new_total = 0
        for harvest, future in zip(harvests, building, strict=True):
            source, result, parsed = harvest.source, harvest.result, harvest.parsed
            assert parsed is not None
            publication = _source_name(source, parsed)
            built = _built(future, harvest, pages, now)
            with store.transaction():
                added = store.add_articles(
                    built.articles, feed_url=source.url, aliases=built.aliases
                )
                store.record_feed_success(
                    source.url,
                    now=now,
                    status=result.status,
                    title=parsed.title,
                    etag=result.etag,
                    last_modified=result.last_modified,
                    entries=len(parsed.entries),
                    size=len(result.content or b""),
                    elapsed=result.elapsed,
                    content_hash=harvest.content_hash,
                )
            new_total += added
            report = FeedReport(
                source.url,
                publication,
                "ok",
                len(parsed.entries),
                added,
                warning=parsed.warning,
                elapsed=result.elapsed,
            )
            reports[source.url] = report
            progress(report)
    ordered = tuple(reports[s.url] for s in sources)
    parsed_entries = sum(len(h.parsed.entries) for h in harvests if h.parsed is not None)
    return FetchSummary(ordered, new_total, pages.read, pages.failed, parsed_entries)


def _build(harvest: _Harvest, pages: article_rules.PageBatch, now: datetime) -> article_rules.Built:
    assert harvest.parsed is not None
    return article_rules.build_articles(
        harvest.new_entries,
        source=harvest.source,
        feed_title=harvest.parsed.title,
        pages=pages,
        now=now,
    )


def _start_building(
    pool: ProcessPoolExecutor | None,
    harvest: _Harvest,
    pages: article_rules.PageBatch,
    now: datetime,
) -> Future[article_rules.Built] | None:
    """Build a feed's new articles in a worker (with only the pages its entries need)."""
    if harvest.prebuilt is not None:
        return None
    if pool is None or not harvest.new_entries or harvest.parsed is None:
        return None
    links = {e.link for e in harvest.new_entries if e.link}
    own = article_rules.PageBatch({k: v for k, v in pages.pages.items() if k in links})
    try:
        return pool.submit(
            article_rules.build_articles,
            harvest.new_entries,
            source=harvest.source,
            feed_title=harvest.parsed.title,
            pages=own,
            now=now,
        )
    except (BrokenProcessPool, RuntimeError):  # the pool broke: built here, in order
        return None


def _built(
    future: Future[article_rules.Built] | None,
    harvest: _Harvest,
    pages: article_rules.PageBatch,
    now: datetime,
) -> article_rules.Built:
    """The feed's articles from its worker, or built here (no pool, or the pool broke)."""
    if harvest.prebuilt is not None:
        return _compose(harvest.prebuilt, harvest.new_keys)
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            pass
    return _build(harvest, pages, now)


def harvests_entries(harvests: list[_Harvest]) -> list[tuple[FeedSource, Entry]]:
    return [(h.source, e) for h in harvests for e in h.new_entries]


def _unchanged(
    harvest: _Harvest, store: Store, now: datetime, *, size: int | None, digest: str | None
) -> FeedReport:
    """Record a feed that has nothing new (a 304, or the same bytes) as healthy; its report."""
    source, result = harvest.source, harvest.result
    store.record_feed_success(
        source.url,
        now=now,
        status=result.status,
        title=None,
        etag=result.etag,
        last_modified=result.last_modified,
        entries=None,
        size=size,
        elapsed=result.elapsed,
        content_hash=digest,
    )
    name = source.name or store.feed_state(source.url).title or source.url
    return FeedReport(source.url, name, "unchanged", elapsed=result.elapsed)


def _read_feed(
    harvest: _Harvest, store: Store, last_hash: str | None, now: datetime
) -> FeedReport | None:
    """Parse a fetched feed and find its new entries; a report when the feed is done already."""
    source, result = harvest.source, harvest.result
    if not result.ok:
        store.record_feed_failure(
            source.url,
            now=now,
            status=result.status,
            kind=result.error_kind or "error",
            error=result.error or "failed",
            elapsed=result.elapsed,
        )
        return FeedReport(
            source.url,
            source.name or source.url,
            "failed",
            error_kind=result.error_kind,
            error=result.error,
            elapsed=result.elapsed,
            retry_after=result.retry_after,
        )
    if result.not_modified:
        return _unchanged(harvest, store, now, size=None, digest=None)
    content = result.content or b""
    digest = harvest.content_hash or hashlib.sha256(content).hexdigest()
    if digest == last_hash:
        # The same bytes as last time: nothing to parse (servers that ignore validators).
        return _unchanged(harvest, store, now, size=len(content), digest=digest)
    try:
        parsed = _parsed(harvest, content)
    except FeedError as exc:
        store.record_feed_failure(
            source.url,
            now=now,
            status=result.status,
            kind="malformed",
            error=str(exc),
            elapsed=result.elapsed,
        )
        return FeedReport(
            source.url,
            source.name or source.url,
            "failed",
            error_kind="malformed",
            error=str(exc),
            elapsed=result.elapsed,
        )
    harvest.parsed = parsed
    harvest.content_hash = digest
    keyed = article_rules.keyed_entries(parsed.entries)
    known = store.known_keys(keyed)
    harvest.new_keys = [key for key in keyed if key not in known]
    harvest.new_entries = [keyed[key] for key in harvest.new_keys]
    return None


def _parsed(harvest: _Harvest, content: bytes) -> ParsedFeed:
    """The feed from its worker when one parsed it, else parsed here; FeedError if unreadable."""
    if harvest.parsing is not None:
        try:
            parsed, harvest.prebuilt = harvest.parsing.result()
            return parsed
        except BrokenProcessPool:  # a worker died (killed for memory?): parse it here instead
            pass
    return parse_feed(
        content,
        _feed_base(harvest.source, harvest.result),
        harvest.result.content_type,
        page_exists=local_file_exists,
    )


def run_build(
    config: Config,
    store: Store,
    *,
    now: datetime,
    out_dir: Path,
    templates: Path | None = None,
    progress: Progress = _no_progress,
    fetch: bool = True,
    subjects: Sequence[str] = (),
    all_subjects: bool = False,
) -> BuildResult:
    """The weekly run: fetch, then build and publish the next issue (or nothing, if nothing is new).

    The issue is about `subjects` when given, every subject with `all_subjects`, else the plan's
    next theme (every subject when there is no plan); a theme too thin raises ThemeError before
    anything is published.
    """
    subjects = tuple(config.subject_named(s) for s in subjects)  # a typo stops before fetching
    summary = run_fetch(config, store, now=now, progress=progress) if fetch else FetchSummary((), 0)
    planned = next_issue(config, store, now=now, subjects=subjects, all_subjects=all_subjects)
    if planned is None:
        return BuildResult(summary, None)
    issue = planned.issue
    paths, archive_warnings = publish_issue(issue, config, out_dir, templates)
    _record(store, issue, now, planned=planned.planned)
    return BuildResult(summary, issue, paths, planned.warnings + archive_warnings)


def _record(store: Store, issue: Issue, now: datetime, *, planned: bool) -> None:
    store.record_issue(
        issue.number,
        issue.title,
        now,
        [(sec.subject, entry.article.id) for sec in issue.sections for entry in sec.entries],
        theme=issue.theme,
        planned=planned,
        introduction=issue.introduction,
        closing=issue.closing,
    )


def publish_issue(
    issue: Issue, config: Config, out_dir: Path, templates: Path | None
) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """Render the issue in every configured format and write the files atomically, with the archive
    page and the feed of issues; returns the paths written, and a warning per earlier issue the
    archive had to leave out (its issue-N.json unreadable)."""
    env = environment(templates or config.settings.templates)
    utm = config.utm or None
    formats = config.settings.outputs or OUTPUTS
    try:
        archive, warnings = load_archive(out_dir, env, site_url=config.site_url, utm=utm)
        paths = publish_outputs(
            issue,
            env=env,
            out_dir=out_dir,
            site_url=config.site_url,
            archive=archive,
            formats=formats,
            utm=utm,
        )
    except OutputError as exc:
        raise BuildError(str(exc)) from None
    except OSError as exc:
        raise BuildError(f"cannot write the issue to {out_dir}: {exc.strerror or exc}") from None
    return paths, warnings


@dataclass(frozen=True)
class NextIssue:
    """The issue a build would publish now, with what the editor should know about it."""

    issue: Issue
    #: The issue takes its theme's place in the plan of themes.
    planned: bool
    warnings: tuple[str, ...] = ()


def next_issue(
    config: Config,
    store: Store,
    *,
    now: datetime,
    subjects: Sequence[str] = (),
    all_subjects: bool = False,
) -> NextIssue | None:
    """The issue the weekly build would publish now (nothing is recorded), or None if nothing fits.

    Raises ThemeError when its theme is too thin (or the plan is used up), InputError for an
    unknown subject or a mistake in an introduction file.
    """
    choice = choose_theme(config, store, subjects, all_subjects=all_subjects)
    sections = choose_sections(config, store, now, theme=choice.theme)
    if not sections:
        return None
    number = store.next_issue_number()
    # An issue is dated by its day; the store keeps the exact time it was published.
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    text = issue_text(
        config, number=number, date=day, theme=choice.theme, next_theme=choice.next_theme
    )
    issue = Issue(
        number=number,
        date=day,
        title=config.title,
        editor=config.editor,
        introduction=text.introduction,
        sections=sections,
        theme=choice.theme,
        closing=text.closing,
    )
    return NextIssue(issue, choice.planned, _repeat_warning(config, store, issue))


def _repeat_warning(config: Config, store: Store, issue: Issue) -> tuple[str, ...]:
    history = store.issues()
    previous = (history[-1].number, history[-1].introduction) if history else None
    warning = repeated_introduction(issue.introduction, issue.number, previous, config)
    return (warning,) if warning else ()


@dataclass(frozen=True)
class DraftWritten:
    issue: Issue
    path: Path
    warnings: tuple[str, ...] = ()


def write_next_draft(
    config: Config,
    store: Store,
    *,
    now: datetime,
    force: bool = False,
    subjects: Sequence[str] = (),
    all_subjects: bool = False,
) -> DraftWritten | None:
    """Write drafts/issue-<N>.md for the editor to review; records nothing as featured."""
    planned = next_issue(config, store, now=now, subjects=subjects, all_subjects=all_subjects)
    if planned is None:
        return None
    issue = planned.issue
    folder = config.settings.drafts or config.folder / "drafts"
    path = draft_path(folder, issue.number)
    if path.exists() and not force:
        raise BuildError(
            f"{path} exists already (your edits would be lost); "
            "build it with `curator build --draft`, or pass --force to replace it"
        )
    write_atomic(path, write_draft(issue, name=str(path)))
    return DraftWritten(issue, path, planned.warnings)


def build_from_draft(
    config: Config,
    store: Store,
    draft_file: Path,
    *,
    now: datetime,
    out_dir: Path,
    templates: Path | None = None,
) -> BuildResult:
    """Publish exactly what the edited draft says; articles added by URL are read first."""
    draft = read_draft(draft_file)
    check_draft(draft, draft_file, [s.name for s in config.subjects])
    expected = store.next_issue_number()
    if draft.number != expected:
        raise BuildError(
            f"{draft_file}: the draft is issue {draft.number}, but the next issue is {expected}"
            + ("; it was published already" if draft.number < expected else "")
            + "; run `curator draft` for a fresh one, or correct `number:`"
        )
    descriptions = {s.name: s.description for s in config.subjects}
    known = _known_articles(store, draft.entries)
    issue, missing = draft_to_issue(draft, known, descriptions=descriptions)
    if missing:
        added = article_rules.articles_from_urls(config, missing, fetch_settings(config), now=now)
        store.add_articles(added.articles, feed_url=None, aliases=added.aliases)
        known = _known_articles(store, draft.entries)
        issue, missing = draft_to_issue(draft, known, descriptions=descriptions)
    if missing:
        lines = {e.url: e.line for e in draft.entries}
        where = ", ".join(f"line {lines.get(u, '?')}: {u}" for u in missing)
        raise BuildError(
            f"{draft_file}: cannot read the article(s) added by URL ({where}); "
            "check the address, or remove it from the draft"
        )
    if not issue.sections:
        raise BuildError(f"{draft_file}: the draft has no articles left; nothing to publish")
    warnings = _repeat_warning(config, store, issue)
    paths, archive_warnings = publish_issue(issue, config, out_dir, templates)
    _record(store, issue, now, planned=takes_plan_place(config, store, issue.theme))
    return BuildResult(FetchSummary((), 0), issue, paths, warnings + archive_warnings)


@dataclass(frozen=True)
class RenderResult:
    #: The issues rendered again, by number.
    numbers: tuple[int, ...]
    paths: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


def render_issues(
    config: Config,
    store: Store,
    numbers: Sequence[int] = (),
    *,
    every: bool = False,
    out_dir: Path,
    templates: Path | None = None,
) -> RenderResult:
    """Render published issues again with today's templates and settings (issue `numbers`, every
    issue, or the newest), then the archive page, the feed of issues and latest.html; each issue
    as it was published (its issue-N.json, else the store's record). Records nothing."""
    env = environment(templates or config.settings.templates)
    utm = config.utm or None
    formats = config.settings.outputs or OUTPUTS
    published, warnings = published_issues(out_dir)
    issues = dict(published)
    from_store: dict[int, str] = {}
    for record in store.issues(with_articles=True):
        if record.number not in issues:
            issues[record.number] = _issue_from_store(config, store, record)
            from_store[record.number] = (
                f"issue {record.number}: {out_dir / f'issue-{record.number}.json'} is missing, so "
                "it was rendered from the store: the articles as stored, without edits made in "
                "its draft"
            )
    if not issues:
        raise BuildError(f"{out_dir}: no issue has been published yet; run `curator build`")
    unknown = sorted(set(numbers) - set(issues))
    if unknown:
        have = ", ".join(str(n) for n in sorted(issues))
        raise InputError(
            f"issue {', '.join(map(str, unknown))} was never published (published: {have})"
        )
    newest = max(issues)
    chosen = sorted(issues) if every else sorted(set(numbers) or {newest})
    notes = [*warnings, *(from_store[n] for n in chosen if n in from_store)]
    files: dict[str, str] = {}
    try:
        for number in chosen:
            issue = issues[number]
            rendered = render_outputs(
                issue, env=env, site_url=config.site_url, formats=formats, utm=utm, archive=()
            )
            rendered.pop("index.html", None)
            rendered.pop("feed.xml", None)
            if number != newest:
                rendered.pop("latest.html", None)
            files.update(rendered)
        items = [
            archive_item(i, fragment_of(i, env, site_url=config.site_url, utm=utm))
            for i in issues.values()
        ]
        last = issues[newest]
        files.update(
            render_archive(
                last.title, last.editor, items, env=env, site_url=config.site_url, formats=formats
            )
        )
        paths = tuple(write_atomic(out_dir / name, text) for name, text in files.items())
    except OutputError as exc:
        raise BuildError(str(exc)) from None
    except OSError as exc:
        raise BuildError(f"cannot write to {out_dir}: {exc.strerror or exc}") from None
    return RenderResult(tuple(chosen), paths, tuple(notes))


def _issue_from_store(config: Config, store: Store, record: IssueRecord) -> Issue:
    """An issue as the store recorded it (when its issue-N.json is gone): its articles as stored."""
    descriptions = {s.name: s.description for s in config.subjects}
    sections: list[Section] = []
    for subject, article_id in record.featured:
        article = store.article_by_id(article_id)
        if article is None:
            continue
        if not sections or sections[-1].subject != subject:
            sections.append(Section(subject, descriptions.get(subject, "")))
        last = sections[-1]
        sections[-1] = replace(last, entries=(*last.entries, Scored(article, 0.0)))
    day = record.published_at.replace(hour=0, minute=0, second=0, microsecond=0)
    return Issue(
        number=record.number,
        date=day,
        title=record.title,
        editor=config.editor,
        introduction=record.introduction or "",
        sections=tuple(sections),
        theme=record.theme,
        closing=record.closing or "",
    )


def _known_articles(store: Store, entries: Sequence[DraftEntry]) -> dict[str, Article]:
    known = {}
    for entry in entries:
        article = store.article_by_url(entry.url)
        if article is not None:
            known[entry.url] = article
    return known


__all__ = [
    "BuildError",
    "BuildResult",
    "FeedReport",
    "FetchSummary",
    "StoreError",
    "build_lock",
    "publish_issue",
    "run_build",
    "run_fetch",
]
