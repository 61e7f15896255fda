"""A stored article whose page was never read, read before an issue features it (walk187 #4).

An article is stored from its feed alone when its page is not read: an older curator's store
(one that refused a private address, say), or a feed listed with `fetch_pages: false` until the
editor took the line out. Its credit and blurb are then the feed's; when a build or a draft that
reads pages features it, the link check (`linkcheck.check_links`) reads its page in full, through
the same polite fetcher, and the article is made again from its feed's words and its page, as a
new article's page makes it (walk187 #4: issue 4 published "'Neutral' Snopes ..." with no credit
and the feed's one-sentence blurb, though its page names Lucas Nolan).

A page whose read failed is marked so (`Store.unread_pages`); one never asked for has no mark and
no text stored: that is what "never read" means here, in an upgraded store and a current one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import datetime

from curator import articles as article_rules
from curator import articles_addresses as article_addresses
from curator.articles_pages import wants_pages
from curator.candidates import feed_names
from curator.config import Config, FeedSource
from curator.fetch import fetch_all
from curator.harvest import fetch_settings
from curator.harvest_pages import entry_json
from curator.models import Article, Entry, Issue, Page
from curator.robots import disallowed_pages
from curator.store import Store
from curator.urls import url_key


def never_read(store: Store, articles: Iterable[Article]) -> set[int]:
    """The ids of `articles` whose page was never read: no text stored, and no mark of a read
    that failed (those are said as pages that could not be read)."""
    unread = [a for a in articles if a.id and a.text is None]
    marked = store.unread_pages([a.id for a in unread if a.id])
    return {a.id for a in unread if a.id and a.id not in marked}


#: How to have a page never read read, in a draft (README: "also for an article it stores whose
#: page was never read").
DRAFT_READS_IT = (
    "a heading holding just its address, `## URL`, in place of its block in a draft reads it"
)


def never_read_note(config: Config, store: Store, article: Article, fix: str) -> str:
    """What a credit of `article` that names no one says instead of "no author was found" when
    its page was never read (`never_read`): that, with `fix` (how to have it read) in brackets,
    or, for a feed whose pages are not read, that it is not read; "" when its page was read or
    a read failed (said as such)."""
    if article.id is None or not never_read(store, [article]):
        return ""
    source = _followed(config, article)
    if source is not None and not wants_pages(config, source):
        where = (
            "its feed is listed with `fetch_pages: false`"
            if source.fetch_pages is False
            else "`fetch_pages: false` under `settings:`"
        )
        return f"its page is not read ({where}), so no author is known"
    if source is None:  # (a feed no longer followed: no build reads it, a draft's `## URL` does)
        fix = DRAFT_READS_IT
    return f"its page was never read ({fix}), so no author is known"


def _followed(config: Config, article: Article) -> FeedSource | None:
    """The feed in feeds.yaml that `article` came from; None when it is no longer followed."""
    return next((f for f in config.feeds if f.url == article.feed_url), None)


def feed_entry(article: Article) -> Entry:
    """The feed's entry of a stored `article`, as its feed gave it (its page unread)."""
    return Entry(
        link=article.url,
        title=article.title,
        authors=article.authors,
        summary=article.summary or None,
        published=article.published,
        categories=article.categories,
        language=article.language,
    )


def made_again(config: Config, store: Store, article: Article, page: Page) -> Article | None:
    """`article` made again from its feed's words (as stored) and its `page`, as a new article's
    page makes it (`articles.merge`); None when its feed is no longer followed."""
    source = _followed(config, article)
    if source is None:
        return None
    entry = feed_entry(article)
    # (a canonical address several pages named before is none of theirs: `shared_canonicals`)
    canonical = article_addresses.page_address(page)
    keys = [url_key(canonical)] if canonical else []
    shared = store.known_keys(article_addresses.shared_mark(k) for k in keys)
    refused = [k for k in keys if article_addresses.shared_mark(k) in shared]
    made = article_rules.merge(
        entry,
        page,
        source=source,
        feed_title=store.feed_title(source.url),
        now=article.first_seen or datetime.now().astimezone(),
        refused=refused,
    )
    if made is None:
        return None
    return dataclasses.replace(
        made,
        id=article.id,
        first_seen=article.first_seen,
        feed_url=article.feed_url,
        subject_hints=article.subject_hints,
        # Read, though it gave no text: "" tells it from a page never read.
        text=made.text if made.text is not None else "",
    )


#: Why a page never read is not read at its first read either (a build's link check, a draft's
#: block read by `build --draft`): its site's robots.txt disallows it. Marked as a read that
#: failed (`read_failed`), said so; the next fetch asks robots.txt again, not the page, and,
#: still disallowed, reads it no more (`harvest_pages.Reread.disallowed`): not retried on end.
ROBOTS_DISALLOWED = "its site's robots.txt disallows curator its pages"


def disallowed_first_reads(config: Config, urls: Iterable[str]) -> set[str]:
    """Of `urls`, pages never read that a build is about to read for the first time, those their
    site's robots.txt disallows (fixjz #5: `build --draft` read such a page of a block its draft
    listed, where a fetch and a plain build do not read it)."""
    links = list(urls)
    if not links:
        return set()
    settings = fetch_settings(config)
    return disallowed_pages(links, lambda requests: fetch_all(requests, settings))


def read_failed(store: Store, article: Article, why: str, now: datetime) -> None:
    """Mark `article`'s page, never read, as one whose read failed (`why`), as a first read that
    fails marks it (`Store.add_page_retries`): said so from then on, and read again by the next
    fetch while it stays unfeatured (fixjq #1: the failure left no mark, and the build's credit
    warning still said its page was never read)."""
    row = (url_key(article.url), article.url, entry_json(feed_entry(article)), None, why)
    store.add_page_retries([row], now=now)


def with_pages_read(config: Config, store: Store, issue: Issue, pages: Mapping[int, Page]) -> Issue:
    """`issue` with each of its articles whose page was never read and is in `pages` (by id, read
    by the link check) made again from it (`made_again`) and stored so (`update_read_article`:
    its subject is placed again by the next placement)."""
    named = feed_names(config, store)
    sections = []
    for section in issue.sections:
        entries = []
        for entry in section.entries:
            art = entry.article
            page = pages.get(art.id) if art.id else None
            made = made_again(config, store, art, page) if page is not None else None
            if made is not None and art.id is not None and store.update_read_article(art.id, made):
                fresh = store.articles_by_ids([art.id])
                if fresh:
                    entry = dataclasses.replace(entry, article=named(fresh[0]))
            entries.append(entry)
        sections.append(dataclasses.replace(section, entries=tuple(entries)))
    return dataclasses.replace(issue, sections=tuple(sections))
