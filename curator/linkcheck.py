"""Check, just before an issue is published, that the stored links it features still answer.

An article's page is read once, when it is first stored; an issue may feature it weeks later,
when the publisher has removed it (walk132: issue 2 linked two pages gone 404, unsaid). So the
links an issue is about to feature, of articles stored before this run whose feed's pages curator
reads, are asked for again through the same polite fetcher (per-host limits, robots.txt, the
User-Agent, the timeout), all at once; only the first bytes of a page are kept.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar
from urllib.parse import urlsplit

from curator import articles_addresses as article_addresses
from curator import articles_pages as article_pages
from curator.articles_addresses import SIGN_IN_PAGE
from curator.blurb_furniture import paywall_notice
from curator.config import Config
from curator.fetch import Fetcher, open_fetcher
from curator.fetch_request import FetchRequest
from curator.firstread import ROBOTS_DISALLOWED, never_read, read_failed
from curator.harvest import fetch_settings
from curator.models import Article, FetchResult, Issue, Page, Scored
from curator.robots import SiteRules, stored
from curator.store import Store, dead_page
from curator.urls import clean_url, url_key

T = TypeVar("T")

#: Bytes of a page kept when checking its link: enough to follow a meta refresh; a larger page
#: answered all the same (its "too large" says it is there).
CHECK_BYTES = 64 * 1024
#: Times the issue is chosen again after links found gone (each time only the articles that took
#: their place are checked): a bound on the requests, a few times the issue's size at most.
CHECK_ROUNDS = 3


@dataclass(frozen=True)
class LinkChecks:
    """What asking again for an issue's links found."""

    #: Articles whose page answered 404 or 410 (or redirects away), with what it answered.
    gone: tuple[tuple[Article, str], ...] = ()
    #: Articles whose link now redirects for good to another address, with that address.
    moved: tuple[tuple[Article, str], ...] = ()
    #: Articles whose link could not be checked (a timeout, a refused connection ...), with why.
    unchecked: tuple[tuple[Article, str], ...] = ()
    #: Articles whose page now answers with a login wall at their own address (walk136 #1): still
    #: published (the article may be there for those who log in), with a warning.
    walled: tuple[Article, ...] = ()
    #: Articles whose page now shows a fraction of the text stored and asks readers to subscribe
    #: or sign in (a metered paywall, walk200 #6: published unsaid), with the notice it shows.
    metered: tuple[tuple[Article, str], ...] = ()
    #: Articles whose page answered as before (a dead link named in a draft loses its mark).
    fine: tuple[Article, ...] = ()
    #: Of `fine`, those asked to be read in full (`check_links`' `read`: their page was never
    #: read), with their page as it reads now (`firstread`, walk187 #4).
    pages: tuple[tuple[Article, Page], ...] = ()


def _reads_pages(config: Config, feed_url: str | None) -> bool:
    source = next((f for f in config.feeds if f.url == feed_url), None)
    if source is None or source.is_file:
        # Added by address in a draft, or a feed no longer followed; or a local feed, whose pages
        # curator read as local files (the demo's): not web pages it reads, so not asked for.
        return False
    return config.settings.fetch_pages if source.fetch_pages is None else source.fetch_pages


#: Names reserved for documentation and tests (RFC 2606, RFC 6761): no publisher's page is
#: there, so such a link is not asked for (a test's pages must not send it out to the internet).
_RESERVED_TLDS = ("example", "test", "invalid", "localhost")
_RESERVED_DOMAINS = ("example.com", "example.net", "example.org")


def _reserved(url: str) -> bool:
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return host.rsplit(".", 1)[-1] in _RESERVED_TLDS or any(
        host == d or host.endswith("." + d) for d in _RESERVED_DOMAINS
    )


def links_to_check(
    config: Config, issue: Issue, read_before: datetime, skip: Iterable[int] = ()
) -> list[Article]:
    """The articles of `issue` (entries and the copies named under them) to check: stored before
    `read_before`, at a web address (not a name reserved for examples), of a feed whose pages
    curator reads; not those in `skip`."""
    done = set(skip)
    found: dict[int, Article] = {}
    for section in issue.sections:
        for entry in section.entries:
            for art in (entry.article, *entry.copy_articles):
                if art.id is None or art.id in done or art.id in found:
                    continue
                if not art.url.startswith(("http://", "https://")) or _reserved(art.url):
                    continue
                if art.first_seen is not None and art.first_seen >= read_before:
                    continue
                if _reads_pages(config, art.feed_url):
                    found[art.id] = art
    return list(found.values())


def check_links(
    config: Config,
    store: Store,
    articles: Sequence[Article],
    now: datetime,
    read: Collection[int] = (),
) -> LinkChecks:
    """Ask for each article's link again, in parallel; what each answered, sorted into gone,
    moved and could not be checked (a link that answers as before is in none). The pages of
    those in `read` (ids: pages never read) are read in full, as a first read reads them, after
    the others (`LinkChecks.pages`)."""
    if not articles:
        return LinkChecks()
    return asyncio.run(_check(config, store, list(articles), now, set(read)))


async def _check(
    config: Config, store: Store, articles: list[Article], now: datetime, read: Set[int]
) -> LinkChecks:
    settings = dataclasses.replace(
        fetch_settings(config), max_bytes=min(CHECK_BYTES, config.settings.max_bytes)
    )
    whole = [a for a in articles if a.id in read]
    async with open_fetcher(settings) as fetcher:
        robots = SiteRules(fetcher.fetch, now, cached=lambda site: stored(store.robots_txt(site)))

        async def one(art: Article, using: Fetcher) -> FetchResult | None:
            if not await robots.allows(art.url):
                return None
            return await using.fetch(FetchRequest(art.url, kind="page"))

        checked = await asyncio.gather(*(one(a, fetcher) for a in articles if a.id not in read))
        # (a page never read is read once, in full, and not asked for twice: walk187 #4; the
        # reader's client is opened only when there is such a page, not on every check)
        in_full: list[FetchResult | None] = []
        if whole:
            async with open_fetcher(fetch_settings(config)) as reader:
                in_full = await asyncio.gather(*(one(a, reader) for a in whole))
    articles = [a for a in articles if a.id not in read] + whole
    results = [*checked, *in_full]
    gone, moved, unchecked, walled, fine = [], [], [], [], []
    metered: list[tuple[Article, str]] = []
    pages: list[tuple[Article, Page]] = []
    for art, result in zip(articles, results, strict=True):
        if result is None:
            unchecked.append((art, ROBOTS_DISALLOWED))
            continue
        if dead_page(result.error_kind, result.error):
            gone.append((art, result.error or f"HTTP {result.status}"))
            continue
        if result.error_kind in ("too-large", "not-html") or result.ok:
            page = _page_read(result)
            if away := article_pages.redirected_away(art.url, result.final_url):
                gone.append((art, away))
            elif page is not None and article_pages.soft_404(page):
                # "Page not found" served with 200 (walk136 #1): gone, as a 404 is, and so said.
                gone.append((art, SOFT_404_NOW))
            elif page is not None and article_pages.soft_error(page):
                # The site's error page served with 200 (walk201 #3): a failure of the site's,
                # not a removal, so unchecked, as after a 503, and so said.
                unchecked.append((art, SOFT_ERROR_NOW))
            elif page is not None and (
                article_addresses.gated(art.url, result.final_url, page, result.content or b"")
                or article_addresses.asks_to_log_in(page, result.content or b"")
            ):
                walled.append(art)
            elif result.moved_to and url_key(result.moved_to) != url_key(art.url):
                # What a page's first read refuses of the address it leads to, this refuses too
                # (walk138 NEW-1: a redirect to localhost, to an address holding a user name and
                # password, or with utm_ tracking, was published as the article's new address).
                target = result.moved_to
                if urlsplit(target).username is not None:
                    fine.append(art)  # (its own link, which the publisher's redirect follows)
                elif article_addresses.unreachable_move(target, art.url):
                    gone.append((art, f"{MOVED_AWAY}{target}, which readers cannot reach"))
                else:
                    moved.append((art, clean_url(target)))
            elif art.id not in read and (notice := _metered(art, page)):
                metered.append((art, notice))
            else:
                fine.append(art)
                if art.id in read and page is not None:
                    pages.append((art, page))
            continue
        unchecked.append((art, result.error or "no answer"))
    return LinkChecks(
        tuple(gone),
        tuple(moved),
        tuple(unchecked),
        tuple(walled),
        tuple(metered),
        tuple(fine),
        tuple(pages),
    )


#: What a page found a soft 404 when its link was checked answered (walk136 #1).
SOFT_404_NOW = "its page now says it is not found, though its server answered 200 OK"
#: What a page found to be its site's error page when its link was checked answered (walk201 #3).
SOFT_ERROR_NOW = (
    'its page is now the site\'s error page ("something went wrong", "try again later" or'
    " the like), though its server answered 200 OK"
)
#: How a link that now redirects for good to an address readers cannot reach is said.
MOVED_AWAY = "its link now redirects for good to "


#: A page whose text is now at most this share of the text stored for it, holding a paywall's or
#: sign-in box's notice, shows the start of the article only (a metered paywall, walk200 #6).
METERED_SHARE = 1 / 3
#: ... of a stored text at least this long (a short text has no fraction to tell).
METERED_MIN_CHARS = 500


def _metered(art: Article, page: Page | None) -> str:
    """The paywall's notice of a page (`paywall_notice`) that now shows a fraction of the text
    stored for its article (`METERED_SHARE`), else "": readers without a subscription get one
    sentence and "Subscribe to keep reading" (walk200 #6)."""
    stored = len((art.text or "").strip())
    if page is None or stored < METERED_MIN_CHARS:
        return ""
    if len((page.text or "").strip()) > METERED_SHARE * stored:
        return ""
    return paywall_notice(page.text)


def metered_note(art: Article, notice: str, published: bool, fix: str = "") -> str:
    """What a build or a draft says of an article whose page now shows a fraction of its text
    and asks readers to subscribe or sign in (`fix`: how to take it out, `take_out`)."""
    then = (
        f"it was published all the same: readers without a subscription may not reach it{fix}"
        if published
        else "check its link before you publish"
    )
    return (
        f'"{art.title}" ({art.url}): its page now shows only a part of the article stored and'
        f' asks readers to subscribe or sign in ("{notice}"); {then}'
    )


#: An answer refusing the page to curator (and so, maybe, to readers): a 401, 402, 403 or 451.
_REFUSED = re.compile(r"\bHTTP (?:401|402|403|451)\b")


def _page_read(result: FetchResult) -> Page | None:
    """The HTML page a check fetched, read as the first read of a page reads it (None when it
    answered no HTML): so that a soft 404 or a login wall is told apart as it is then."""
    if not (result.ok and result.content and result.content.strip()):
        return None
    return article_pages.read_page(result.content, result.final_url, result.content_type)


def gone_note(art: Article, error: str) -> str:
    """What a build or a draft says of an article left out as its page is gone."""
    if error == SOFT_404_NOW or error.startswith(MOVED_AWAY):
        why = error
    elif error.startswith(article_pages.REDIRECTED_AWAY):
        # "a redirect to the site's front page ...: it is gone (URL)" said gone twice (walk136).
        why = "its page now redirects to the site's front page" + error.removeprefix(
            article_pages.REDIRECTED_AWAY
        )
    else:
        why = f"its page is gone ({error}) since it was stored"
    return f'"{art.title}" ({art.url}) is left out: {why}; the next best article takes its place'


def walled_note(
    art: Article, published: bool, before: bool = False, *, first: bool = False, fix: str = ""
) -> str:
    """What a build or a draft says of an article whose page now asks readers to log in; with
    `before`, its page could not be read when it was stored either: not "now", as nothing changed
    (walk178 #1). `fix`: how to take it out of the issue published (`take_out`), said after."""
    then = (
        # (walk183 #8: "as before" was said of an issue 1, which nothing was published before)
        f"it was published all the same: readers without an account may not reach it{fix}"
        if published
        else "check its link before you publish"
    )
    if first:  # (its page never read before: no "now", fixjz #5)
        return (
            f'"{art.title}" ({art.url}): its page, read for the first time, asks readers to log'
            f" in; {then}{'' if published else ' (the next fetch reads it again)'}"
        )
    if before:
        return (
            f'"{art.title}" ({art.url}): its page asks readers to log in, as it did when curator'
            f" first read it; {then}"
        )
    return f'"{art.title}" ({art.url}): its page now asks readers to log in; {then}'


def take_out(config: Config, issue: Issue) -> str:
    """How to take an article out of `issue`, published (walk199 #8: a page now behind a
    sign-in, published "all the same", named no way to): its issue-N.json, then render."""
    json_file = config.settings.output / f"issue-{issue.number}.json"
    return (
        f"; to take it out of issue {issue.number}: delete its entry in {json_file}, then"
        f" `curator render {issue.number}`"
    )


def _walled_notes(
    store: Store,
    walled: Sequence[Article],
    published: bool,
    first: Collection[int] = (),
    fix: str = "",
) -> list[str]:
    """`walled_note` of each of `walled`, "now" only of those whose page was read before (not
    of those of `first`, ids of pages read for the first time)."""
    unread = store.unread_pages([a.id for a in walled if a.id])
    return [walled_note(a, published, a.id in unread, first=a.id in first, fix=fix) for a in walled]


def copy_note(art: Article, new: str, of: Article, issue: int) -> str:
    """What is said of an article left out as its link now leads to one an issue published."""
    return (
        f'"{art.title}" ({art.url}) is left out as a copy: its link now leads to "{of.title}"'
        f" ({new}), which issue {issue} featured; the next best article takes its place"
    )


def moved_note(art: Article, new: str, published: bool = True) -> str:
    """What a build or a draft says of an article whose link now redirects for good."""
    now = "is published" if published else "is drafted"
    return f'"{art.title}" ({art.url}) {now} at {new}: its link now redirects there for good'


def kept_note(store: Store, art: Article, new: str, published: bool = True) -> str:
    """What is said of a link moved for good to an address the article cannot take: why, the
    one case that holds (walk136 #2: "another stored article has it, or ..." named neither)."""
    now = "is published" if published else "is drafted"
    other = store.article_by_url(new)
    if other is not None and other.id != art.id:
        why = f'another stored article, "{other.title}" ({other.url}), is at that address'
    else:
        why = "an earlier issue published it at its old address"
    return (
        f'"{art.title}" ({art.url}) now redirects for good to {new}, but {now} at its old'
        f" address: {why}"
    )


def _copy_of(store: Store, art: Article, new: str) -> tuple[Article, int] | None:
    """The article at `new` (where `art`'s link now redirects for good) and the first issue that
    featured it, when an issue did: `art` is then a copy of it (walk136 #2)."""
    other = store.article_by_url(new)
    if other is None or other.id is None or other.id == art.id:
        return None
    issues = store.issues_featuring(other.id)
    return (other, issues[0]) if issues else None


def _readdress(store: Store, art: Article, new: str) -> bool:
    """Store the article at the address its link now redirects to for good; False when it
    cannot move (another stored article has that address, or an issue published it)."""
    key = url_key(new)
    if art.id is None or store.known_keys([key]):
        return False
    return store.readdress(art.id, key, new, [url_key(art.url)])


def not_checked(command: str) -> str:
    """What a `--no-fetch` run of `command` ("build", "draft") says once, when its issue features
    stored links (walk132)."""
    done = "published" if command == "build" else "drafted"
    return (
        f"--no-fetch: the links of the issue's stored articles were not checked before it was"
        f" {done} (a page removed since its article was stored would be {done} as a dead"
        f" link); a {command} without --no-fetch checks them"
    )


def unchecked_note(art: Article, why: str, published: bool, fix: str = "") -> str:
    """What a build or a draft says of an article whose link could not be checked; `fix` (how
    to take it out, `take_out`) after a page that refused itself (`_REFUSED`: walk200 #6, a 403
    said "published all the same" with no way out)."""
    then = "it was published all the same" if published else "check its link before you publish"
    if published and fix and _REFUSED.search(why):
        then += f" (readers may be refused it too){fix}"
    return f'the link of "{art.title}" ({art.url}) could not be checked ({why}); {then}'


def recheck_issue(
    config: Config,
    store: Store,
    choose: Callable[[], T | None],
    issue_of: Callable[[T], Issue],
    *,
    now: datetime,
    read_before: datetime,
    published: bool,
    say: Callable[[str], None],
    pages: dict[int, Page] | None = None,
) -> T | None:
    """Choose the issue, check its stored links, and choose it again while some were gone (marked
    dead links, so that the next best takes their place) or moved (stored at their new address):
    the issue as chosen last, each finding said once to `say`. With `pages`, the pages of its
    articles never read (`firstread.never_read`) are read in full, into `pages` by id."""
    checked: set[int] = set(store.pages_read_now)
    planned = choose()
    for _ in range(CHECK_ROUNDS):
        if planned is None:
            return None
        issue = issue_of(planned)
        todo = links_to_check(config, issue, read_before, checked)
        if not todo:
            break
        checked.update(a.id for a in todo if a.id is not None)
        entries = [e.article for s in issue.sections for e in s.entries]
        whole = never_read(store, entries) if pages is not None else set()
        found = check_links(config, store, todo, now, whole)
        if pages is not None:
            pages.update((a.id, page) for a, page in found.pages if a.id is not None)
        fix = take_out(config, issue) if published else ""
        for art, why in found.unchecked:
            if art.id in whole:  # (its first read failed: marked so, as a fetch marks it)
                read_failed(store, art, why, now)
            say(unchecked_note(art, why, published, fix))
        for note in _walled_notes(store, found.walled, published, whole, fix):
            say(note)
        for art, notice in found.metered:
            say(metered_note(art, notice, published, fix))
        for art in found.walled:
            if art.id in whole:  # (a first read landing on a sign-in page: marked so, fixjz #5)
                read_failed(store, art, SIGN_IN_PAGE, now)
        changed = False
        for art, error in found.gone:
            if art.id is not None:
                store.mark_dead_link(art.id, error, now)
                say(gone_note(art, error))
                changed = True
        for art, new in found.moved:
            if art.id is not None and (copy := _copy_of(store, art, new)):
                # Readers would land on an article an issue published (walk136 #2): left out.
                other, number = copy
                store.mark_dead_link(art.id, f'its link now leads to "{other.title}"', now)
                say(copy_note(art, new, other, number))
                changed = True
            elif _readdress(store, art, new):
                say(moved_note(art, new, published))
                changed = True
            else:
                say(kept_note(store, art, new, published))
        if not changed:
            break
        planned = choose()
    return planned


def readdressed(issue: Issue, moved: Mapping[int, str]) -> Issue:
    """`issue` with the articles (by id) in `moved` at their new addresses, named so under the
    articles they are copies of too."""
    if not moved:
        return issue
    urls = {}

    def at(art: Article) -> Article:
        if art.id is None or art.id not in moved:
            return art
        urls[art.url] = moved[art.id]
        return dataclasses.replace(art, url=moved[art.id])

    def entry(e: Scored) -> Scored:
        article = at(e.article)
        copies = tuple(dataclasses.replace(c, article=at(c.article)) for c in e.copies)
        also = tuple((name, urls.get(url, url)) for name, url in e.also_covered_by)
        return dataclasses.replace(e, article=article, copies=copies, also_covered_by=also)

    sections = tuple(
        dataclasses.replace(s, entries=tuple(entry(e) for e in s.entries)) for s in issue.sections
    )
    return dataclasses.replace(issue, sections=sections)


def recheck_draft(
    config: Config,
    store: Store,
    issue: Issue,
    *,
    now: datetime,
    skip: Iterable[int],
    say: Callable[[str], None],
) -> tuple[Issue, tuple[tuple[Article, str], ...]]:
    """Check the stored links of an edited draft's issue (not those in `skip`, read in this run):
    the issue with links moved for good at their new addresses, and the articles whose page is
    gone (marked dead links), for the build to stop on: the draft says what to publish."""
    done = {*skip, *store.pages_read_now}
    found = check_links(config, store, links_to_check(config, issue, now, done), now)
    fix = take_out(config, issue)
    for art, why in found.unchecked:
        say(unchecked_note(art, why, True, fix))
    for note in _walled_notes(store, found.walled, True, fix=fix):
        say(note)
    for art, notice in found.metered:
        say(metered_note(art, notice, True, fix))
    for art in found.fine:
        # A dead link the editor named in the draft, its page back: the mark comes off (walk136
        # #3, the way back `subjects explain` names).
        if art.id is not None and store.dead_link(art.id) and store.clear_dead_link(art.id):
            say(f'"{art.title}" ({art.url}) answers again: no longer marked a dead link')
    for art, error in found.gone:
        if art.id is not None:
            store.mark_dead_link(art.id, error, now)
    moved: dict[int, str] = {}
    for art, new in found.moved:
        if art.id is not None and _readdress(store, art, new):
            moved[art.id] = new
            say(moved_note(art, new))
        else:
            say(kept_note(store, art, new))
    return readdressed(issue, moved), found.gone
