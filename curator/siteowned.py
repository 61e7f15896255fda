"""An article an aggregator's feed gave first, taken by the feed of the site it is on
(walk202 #6): stored as the aggregator's, it was credited to the aggregator's byline though
the publisher's own feed and page named its author. The publisher's feed, read after, takes it:
its entry's credit, and the article as its own (`take_own`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from curator.articles_addresses import keyed_entries
from curator.models import Article, Entry
from curator.store import Store


@dataclass(frozen=True)
class Taken:
    """An article taken from the feed that stored it: its title and link, that feed's URL, and
    its credit before and now (names joined)."""

    key: str
    title: str
    url: str
    from_feed: str
    was: str
    now: str


def _place(url: str | None) -> tuple[str, str] | None:
    """(host and port, without "www.", path up to its last "/") of a web address."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if parts.scheme not in ("http", "https") or not host:
        return None
    path = parts.path or "/"
    return f"{host}:{port or ''}", path[: path.rfind("/") + 1]


def owns(site: str | None, link: str) -> bool:
    """Whether the page at `link` is on the site at `site` (a feed's home page, or its own
    address): the same host, and a path under the site's (an aggregator at /h/ does not own
    /b/2026/3.html on the same host; the site / owns every page of its host)."""
    home, page = _place(site), _place(link)
    return bool(home and page and home[0] == page[0] and page[1].startswith(home[1]))


def take_own(
    store: Store,
    feed_url: str,
    site: str | None,
    articles: Sequence[tuple[str, Article]],
) -> list[Taken]:
    """Of `articles` (URL key, as this feed built it) stored already as another feed's, those
    on this feed's `site` (its home page) and not on that feed's own, that no issue published:
    made this feed's, with its credit (the one stored kept when this feed's names no one). The
    others are left as they are."""
    if not site or not articles:
        return []
    mine = [(k, a) for k, a in articles if owns(site, a.url)]
    if not mine:
        return []
    row = store.db.execute("SELECT id FROM feeds WHERE url = ?", (feed_url,)).fetchone()
    if row is None:
        return []
    feed_id = row[0]
    taken: list[Taken] = []
    for key, art in mine:
        held = _held(store, key)
        if held is None:
            continue
        article_id, title, url, authors, holder = held
        published = store.db.execute(
            "SELECT 1 FROM issue_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if published or holder == feed_url or owns(holder, url):
            continue
        if not art.authors:  # (naming no one, it takes the article, not away its credit)
            store.db.execute(
                "UPDATE articles SET feed_id = ?, publication = ?, site_name = ? WHERE id = ?",
                (feed_id, art.publication, art.site_name, article_id),
            )
            was = ", ".join(json.loads(authors))
            taken.append(Taken(key, title, url, holder, was, was))
            continue
        store.db.execute(
            "UPDATE articles SET feed_id = ?, authors = ?, authors_from = ?, other_authors = ?,"
            " publication = ?, site_name = ?, written_for = ?, credit_capitals = ? WHERE id = ?",
            (
                feed_id,
                json.dumps(list(art.authors)),
                art.authors_from,
                json.dumps(list(art.other_authors)),
                art.publication,
                art.site_name,
                art.written_for,
                art.credit_capitals,
                article_id,
            ),
        )
        was = ", ".join(json.loads(authors))
        taken.append(Taken(key, title, url, holder, was, ", ".join(art.authors)))
    return taken


def _held(store: Store, key: str) -> tuple[int, str, str, str, str] | None:
    """(id, title, link, authors as stored, its feed's URL) of the stored article at URL key
    `key` (its own or an alias)."""
    row = store.db.execute(
        "SELECT a.id, a.title, a.url, a.authors, f.url FROM articles a"
        " JOIN feeds f ON f.id = a.feed_id"
        " WHERE a.url_key = ? OR a.id IN (SELECT article_id FROM aliases WHERE url_key = ?)",
        (key, key),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3], row[4])


def same_links(
    store: Store, entries: Sequence[Entry], aliases: Mapping[str, str], keys: Sequence[str]
) -> int:
    """How many of the articles at URL `keys`, stored already, a feed's entry gives by the very
    link they are stored at (not "by another link"); `aliases` maps an entry's link's key to its
    article's key when its page named another address."""
    if not keys:
        return 0
    keyed = keyed_entries(entries)
    named: dict[str, list[str]] = {}  # (each article's key: the entries' keys that lead to it)
    for alias, key in aliases.items():
        named.setdefault(key, []).append(alias)
    count = 0
    for key in keys:
        links = [e.link for k in (key, *named.get(key, ())) if (e := keyed.get(k)) and e.link]
        held = _held(store, key)
        if held and links and held[2] in links:
            count += 1
    return count
