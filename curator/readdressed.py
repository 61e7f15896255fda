"""A feed's new entries found to be articles it gave before at another address beyond the same
page text (`Store.republished`): the same text under a heading the site changed with the title,
and an entry whose page could not be read (a sign-in page), by its date and title (walk199 #7:
a site that moved its articles, retitling some, had those stored again as new)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection

from curator.models import Article
from curator.storebase import iso

#: A new article whose text is a stored article's of its feed, at least this long, is that
#: article at a new address (`Store.republished`); a shorter text may be a teaser or a line
#: ("Read more on our site") many of a feed's entries share.
REPUBLISHED_MIN_CHARS = 280

#: A text's first line up to this long, a blank line after it, is taken for its heading.
_HEADING_MAX = 300

#: A new article under a stored article's title (its words) sharing at least this share of the
#: shorter text's word 3-shingles is that article, updated at its new address (walk200 #2: a
#: site move that added an "Editor's note ... updated" to each page had them stored again).
NEAR_SHARE = 0.6
#: ... or, under another date, this share: a series under one title ("Weekly roundup") may share
#: its template's words week after week, not nine tenths of its text.
NEAR_SHARE_OTHER_DATE = 0.9

#: How much of a text's end finds the stored texts to compare it with (by SQL, in one pass).
_TAIL = 200

_FEED = "feed_id = (SELECT id FROM feeds WHERE url = ?)"


def body(text: str) -> str:
    """`text` without its heading (its first line, when a blank line follows it and it is
    short), stripped."""
    head, sep, rest = text.strip().partition("\n\n")
    if sep and "\n" not in head and len(head) <= _HEADING_MAX:
        return rest.strip()
    return text.strip()


def title_words(title: str | None) -> str:
    """A title's words, case and punctuation aside."""
    return " ".join(re.findall(r"\w+", (title or "").casefold()))


def same_body(
    db: sqlite3.Connection, feed_url: str, key: str, art: Article, excluded: Collection[int]
) -> list[tuple[int, str, bool]]:
    """The feed's stored articles (id, title, same date) at another address whose text is
    `art`'s but for its heading (a site that retitled an article changed its page's heading
    too), none of `excluded`. Empty for a text under `REPUBLISHED_MIN_CHARS` once its heading
    is left out."""
    mine = body(art.text or "")
    if len(mine) < REPUBLISHED_MIN_CHARS:
        return []
    rows = db.execute(
        f"SELECT id, text, url_key, title, published FROM articles WHERE {_FEED}"
        " AND substr(rtrim(text, char(32, 9, 10, 13)), ?) = ?",
        (feed_url, -_TAIL, mine[-_TAIL:]),
    )
    date = iso(art.published)
    return [
        (int(r[0]), str(r[3]), date is not None and r[4] == date)
        for r in rows
        if r[2] != key and int(r[0]) not in excluded and body(str(r[1])) == mine
    ]


def same_entry(
    db: sqlite3.Connection, feed_url: str, key: str, art: Article, excluded: Collection[int]
) -> list[tuple[int, str]]:
    """The feed's stored articles (id, title) at another address with `art`'s date and title
    (as stored, or as its entry last gave it), none of `excluded`: for an article whose page
    gave no text to compare (a sign-in page at its new link)."""
    words, date = title_words(art.title), iso(art.published)
    if not words or date is None:
        return []
    rows = db.execute(
        f"SELECT id, title, url_key, entry_said FROM articles WHERE {_FEED} AND published = ?",
        (feed_url, date),
    )
    found = []
    for r in rows:
        if r[2] == key or int(r[0]) in excluded:
            continue
        said = _said_title(r[3])
        if words in (title_words(str(r[1])), title_words(said)):
            found.append((int(r[0]), str(r[1])))
    return found


def _said_title(entry_said: str | None) -> str | None:
    """The title in a stored `entry_said` ('[title, [authors]]'), if any."""
    try:
        said = json.loads(entry_said) if entry_said else None
    except ValueError:
        return None
    return said[0] if isinstance(said, list) and said and isinstance(said[0], str) else None


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


#: A stored article by its title's words (`titles_index`): (id, title, URL key, date published).
Titled = tuple[int, str, str, str | None]


def titles_index(db: sqlite3.Connection, feed_url: str) -> dict[str, list[Titled]]:
    """The feed's stored articles by their title's words (`title_words`, as stored and as its
    entry last gave it): (id, title, URL key, date published), read once for all of a fetch's
    new articles (`same_title_text` looks each up in it, not in a scan of the feed's)."""
    index: dict[str, list[Titled]] = {}
    for r in db.execute(
        f"SELECT id, title, url_key, entry_said, published FROM articles WHERE {_FEED}",
        (feed_url,),
    ):
        row = (int(r[0]), str(r[1]), str(r[2]), r[4])
        for words in {title_words(str(r[1])), title_words(_said_title(r[3]))}:
            index.setdefault(words, []).append(row)
    return index


def same_title_text(
    db: sqlite3.Connection,
    key: str,
    art: Article,
    excluded: Collection[int],
    titled: dict[str, list[Titled]],
) -> list[tuple[int, str]]:
    """The feed's stored articles (id, title) at another address under `art`'s title (as stored,
    or as its entry last gave it: `titled`, the feed's `titles_index`) whose text shares most of
    `art`'s (`NEAR_SHARE` of the shorter's word 3-shingles, headings aside;
    `NEAR_SHARE_OTHER_DATE` under another date), none of `excluded`: an article its site moved
    and touched on the way (a note added, a figure updated) (walk200 #2)."""
    words = title_words(art.title)
    mine = _shingles(body(art.text or ""))
    if not words or len(mine) < 12:
        return []
    date = iso(art.published)
    found = []
    for article_id, title, url_key, published in titled.get(words, ()):
        if url_key == key or article_id in excluded:
            continue
        text = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        theirs = _shingles(body(str(text[0] or "")))
        least = min(len(mine), len(theirs))
        share = NEAR_SHARE if date is not None and published == date else NEAR_SHARE_OTHER_DATE
        if least >= 12 and len(mine & theirs) >= share * least:
            found.append((article_id, title))
    return found
