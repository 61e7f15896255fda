"""The store's articles: storing new ones, their feed entries, articles at a new address, the
pages to read again (and dead links), and reading articles back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from curator import readdressed
from curator.models import Article
from curator.readdressed import REPUBLISHED_MIN_CHARS
from curator.storebase import NOT_DEAD as _NOT_DEAD
from curator.storebase import StoreBase
from curator.storebase import dt as _dt
from curator.storebase import iso as _iso
from curator.storerecords import PageRetry
from curator.urls import url_key

#: Marks an article (by id) a dead link, with the error its page answered; the first date stays.
_MARK_DEAD = (
    "INSERT INTO dead_links (article_id, error, since) VALUES (?, ?, ?)"
    " ON CONFLICT(article_id) DO UPDATE SET error = excluded.error"
)


#: What `dead_links` holds for an article stored at a local file's address (`mark_local_files`).
LOCAL_FILE = "a local file, not a web address"


#: What `dead_links` holds for an article its feed's removal left out (`curator feeds remove
#: --drop-waiting`, `Store.drop_feed_waiting`): never picked, counted as waiting nowhere.
FEED_DROPPED = "its feed was removed with --drop-waiting"


#: The tables `Store.keep_as_stored` keeps an article's rows of, by the column naming it.
_KEPT_TABLES = (
    ("articles", "id"),
    ("aliases", "article_id"),
    ("page_retries", "article_id"),
    ("dead_links", "article_id"),
)


def dead_page(kind: str | None, error: str | None) -> bool:
    """Whether a failed read of a page says it is gone for good: 410 (kind "gone") or 404."""
    return kind == "gone" or (error or "").startswith("HTTP 404")


def _strings(value: str) -> tuple[str, ...]:
    """A stored JSON list of strings, as a tuple ("[]", most articles' value, read without JSON)."""
    return () if value == "[]" else tuple(json.loads(value))


class ArticleStore(StoreBase):
    """The store's methods about articles and their pages (part of `curator.store.Store`)."""

    #: What `keep_as_stored` kept: (table, id column, column names, rows) each.
    kept_as_stored: tuple[tuple[str, str, tuple[str, ...], list[tuple[Any, ...]]], ...] = ()

    # -- articles --------------------------------------------------------------------------------
    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these URL keys are stored already (as an article's URL or one of its aliases)."""
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.db.execute(
                    f"SELECT url_key FROM articles WHERE url_key IN ({marks})"
                    f" UNION SELECT url_key FROM aliases WHERE url_key IN ({marks})",
                    chunk + chunk,
                )
            )
        return found

    def add_articles(
        self,
        articles: Iterable[tuple[str, Article]],
        *,
        feed_url: str | None,
        aliases: Mapping[str, str] | None = None,
    ) -> int:
        """Store new articles, given as (url_key, article); ones already stored are left as they are.

        `aliases` maps another URL key (e.g. the feed's link) to the key of the article it leads to.
        Returns how many were new. One transaction for the lot.
        """
        added = 0
        with self.transaction():
            feed_id = self._feed_id(feed_url) if feed_url else None
            for key, art in articles:
                cursor = self.db.execute(
                    """INSERT OR IGNORE INTO articles (url_key, url, title, authors, publication,
                       summary, blurb, categories, published, first_seen, feed_id, text,
                       subject_hints, page_status, authors_from, other_authors, site_name,
                       link_post, language, post_list, page_headline, written_for,
                       credit_capitals)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        key,
                        art.url,
                        art.title,
                        json.dumps(list(art.authors)),
                        art.publication,
                        art.summary,
                        art.blurb,
                        json.dumps(list(art.categories)),
                        _iso(art.published),
                        _iso(art.first_seen),
                        feed_id,
                        art.text,
                        json.dumps(list(art.subject_hints)),
                        None,
                        art.authors_from,
                        json.dumps(list(art.other_authors)),
                        art.site_name,
                        int(art.link_post),
                        art.language or None,
                        art.post_list,
                        art.page_headline,
                        art.written_for,
                        art.credit_capitals,
                    ),
                )
                added += cursor.rowcount
            for alias, key in (aliases or {}).items():
                if alias != key:
                    self.db.execute(
                        "INSERT OR IGNORE INTO aliases (url_key, article_id)"
                        " SELECT ?, id FROM articles WHERE url_key = ?",
                        (alias, key),
                    )
        return added

    def forget_added_by_address(self, after: int) -> int:
        """Forget the articles stored after the article `after` (an id) that no feed gave and no
        issue published: the pages a `build --draft` read for addresses its draft added, when
        it then refused the draft (walk174: a `url:` cut short was stored as an article, a
        directory listing, though nothing was published). Returns how many were forgotten."""
        with self.transaction():
            ids = [
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM articles WHERE id > ? AND feed_id IS NULL AND id NOT IN"
                    " (SELECT article_id FROM issue_articles UNION"
                    "  SELECT also_of FROM issue_articles WHERE also_of IS NOT NULL)",
                    (after,),
                )
            ]
            for table in (
                "aliases",
                "assignments",
                "article_terms",
                "page_retries",
                "dead_links",
                "retold_copies",
                "corrections",
            ):
                self.db.executemany(
                    f"DELETE FROM {table} WHERE article_id = ?",  # noqa: S608 - our table names
                    [(i,) for i in ids],
                )
            self.db.executemany(
                "DELETE FROM retold_copies WHERE earlier_id = ?", [(i,) for i in ids]
            )
            self.db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in ids])
        return len(ids)

    def keep_as_stored(self, ids: Collection[int]) -> None:
        """Keep (in memory) the rows `update_read_article` changes of these articles as they are
        stored: a `build --draft` stores the pages it read of its articles before its last checks
        and, when one refuses the draft, puts them back (`put_back_kept`, fixjc)."""
        if not ids:
            return
        marks = ",".join("?" * len(ids))
        kept = []
        for table, column in _KEPT_TABLES:
            cursor = self.db.execute(
                f"SELECT * FROM {table} WHERE {column} IN ({marks})",  # noqa: S608 - our names
                list(ids),
            )
            names = tuple(d[0] for d in cursor.description)
            kept.append((table, column, names, [tuple(r) for r in cursor.fetchall()]))
        self.kept_as_stored = (*self.kept_as_stored, *kept)

    def put_back_kept(self) -> int:
        """Put back the articles `keep_as_stored` kept as they were stored, but those an issue
        has published since; their term counts and subjects are worked out again by the next
        placement, as after `update_read_article`. Returns how many were put back."""
        kept, self.kept_as_stored = self.kept_as_stored, ()
        ids: set[int] = {r[0] for table, _, _, rows in kept if table == "articles" for r in rows}
        if not ids:
            return 0
        with self.transaction():
            ids -= {
                r[0]
                for r in self.db.execute(
                    "SELECT article_id FROM issue_articles UNION"
                    " SELECT also_of FROM issue_articles WHERE also_of IS NOT NULL"
                )
            }
            if not ids:
                return 0
            back = [(i,) for i in ids]
            for table, column in (*_KEPT_TABLES[1:], ("article_terms", "article_id")):
                self.db.executemany(f"DELETE FROM {table} WHERE {column} = ?", back)  # noqa: S608
            self.db.executemany("DELETE FROM assignments WHERE article_id = ?", back)
            for table, column, names, rows in kept:
                at = names.index(column)
                rows = [r for r in rows if r[at] in ids]
                if table == "articles":
                    self.db.executemany(
                        f"UPDATE articles SET {', '.join(f'{n} = ?' for n in names)}"  # noqa: S608
                        " WHERE id = ?",
                        [(*r, r[at]) for r in rows],
                    )
                elif rows:
                    self.db.executemany(
                        f"INSERT OR IGNORE INTO {table} ({', '.join(names)})"  # noqa: S608
                        f" VALUES ({', '.join('?' * len(names))})",
                        rows,
                    )
            if self.placement_state()[1] >= min(ids):
                self._set_meta([("placed_through", str(min(ids) - 1))])
        return len(ids)

    def remember_entry_ids(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Keep each feed entry's id (`entry_id_key`) as another key of the article its link (a
        URL key) leads to, so that an entry giving the same id again is known to be that article."""
        with self.transaction():
            for id_key, link_key in pairs:
                self.db.execute(
                    "INSERT OR IGNORE INTO aliases (url_key, article_id)"
                    " SELECT ?, id FROM articles WHERE url_key = ?"
                    " UNION SELECT ?, article_id FROM aliases WHERE url_key = ? LIMIT 1",
                    (id_key, link_key, id_key, link_key),
                )

    def entries_said(
        self, keys: Sequence[str], feed_url: str
    ) -> dict[str, tuple[int, str | None, tuple[int, ...]]]:
        """URL key (the article's own or an alias) of an article of the feed at `feed_url` ->
        (article id, what its entry said when curator last took it, or None when not recorded
        yet, every issue that published it or named it under another, first first: walk199 #3).
        Another feed's articles are left out: two feeds may title one article each their own
        way."""
        sql = (
            "SELECT k.url_key, a.id, a.entry_said,"
            " (SELECT GROUP_CONCAT(DISTINCT i.number) FROM issue_articles ia"
            "  JOIN issues i ON i.id = ia.issue_id WHERE ia.article_id = a.id OR ia.also_of = a.id)"
            " FROM (SELECT url_key, id AS article_id FROM articles WHERE url_key IN ({marks})"
            "  UNION SELECT url_key, article_id FROM aliases WHERE url_key IN ({marks})) k"
            " JOIN articles a ON a.id = k.article_id"
            " WHERE a.feed_id = (SELECT id FROM feeds WHERE url = ?)"
        )
        found: dict[str, tuple[int, str | None, tuple[int, ...]]] = {}
        keys = list(keys)
        for start in range(0, len(keys), 400):
            chunk = keys[start : start + 400]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(sql.format(marks=marks), [*chunk, *chunk, feed_url]):
                numbers = sorted({int(n) for n in str(r[3]).split(",")}) if r[3] else []
                found[r[0]] = (r[1], r[2], tuple(numbers))
        return found

    def record_entries_said(self, rows: Iterable[tuple[str, str]], feed_url: str) -> None:
        """(URL key, what the entry says now) of the stored articles of the feed at `feed_url`:
        kept where nothing was recorded yet (`entries_said`); `retake_articles` records it for
        a changed one."""
        with self.transaction():
            self.db.executemany(
                "UPDATE articles SET entry_said = ? WHERE entry_said IS NULL"
                " AND feed_id = (SELECT id FROM feeds WHERE url = ?) AND id IN"
                " (SELECT id FROM articles WHERE url_key = ?"
                "  UNION SELECT article_id FROM aliases WHERE url_key = ?)",
                [(said, feed_url, key, key) for key, said in rows],
            )

    def retake_articles(self, rows: Iterable[tuple[int, str, Article | None, bool]]) -> int:
        """(article id, what its feed entry says now, the article as built from it now, or None
        to only record what the entry says, whether its blurb is taken too): the stored title
        and credit become the new ones; so do its text and blurb when taken, unless the editor
        corrected its blurb (`blurb_corrections`). Returns how many blurbs changed."""
        reblurbed = 0
        with self.transaction():
            for article_id, said, art, blurb_too in rows:
                self.db.execute(
                    "UPDATE articles SET entry_said = ? WHERE id = ?", (said, article_id)
                )
                if art is None:
                    continue
                self.db.execute(
                    "UPDATE articles SET title = ?, authors = ?, authors_from = ?,"
                    " other_authors = ? WHERE id = ?",
                    (
                        art.title,
                        json.dumps(list(art.authors)),
                        art.authors_from,
                        json.dumps(list(art.other_authors)),
                        article_id,
                    ),
                )
                if not blurb_too or not (art.blurb or art.text):
                    continue
                # (walk169 #1: a corrected page's new words, the old blurb published under them)
                cursor = self.db.execute(
                    "UPDATE articles SET blurb = ?, summary = ?, text = COALESCE(?, text)"
                    " WHERE id = ? AND blurb != ? AND NOT EXISTS (SELECT 1 FROM issue_articles"
                    "  WHERE article_id = ? AND blurb_corrected = 1)",
                    (art.blurb, art.summary, art.text, article_id, art.blurb, article_id),
                )
                reblurbed += cursor.rowcount
        return reblurbed

    def republished(
        self, feed_url: str, articles: Sequence[tuple[str, Article]], still: Iterable[str] = ()
    ) -> dict[str, tuple[int, str, bool, str]]:
        """Of these new articles (URL key, article) of the feed at `feed_url`, those that are an
        article the feed gave before, at another address: URL key -> (that article's id, its
        title, whether that is sure whatever the titles say, how it was matched: "text",
        "body", "entry" or "near", in the order below; fixlx #4) (walk126 #2: the feed re-published
        its items at new links, the pages' text the same). The same text, else the same text but
        for its heading under the same date (sure: a site retitling an article changes its
        page's heading too), else, for an article whose page gave no text (a sign-in page), the
        same date and title (sure) (walk199 #7), else most of the text under the same title
        (sure: a site that touched each page as it moved them, walk200 #2); not an article the feed still gives at one of
        the keys `still`. Texts under `REPUBLISHED_MIN_CHARS` are left out (a short text may be
        a teaser many entries share), and so are texts two of its stored articles have (a page
        every link gives, such as a cookie wall, is no article's)."""
        found: dict[str, tuple[int, str, bool, str]] = {}
        excluded: set[int] | None = None
        titled: dict[str, list[readdressed.Titled]] | None = None
        for key, art in articles:
            taken = {f[0] for f in found.values()}
            if excluded is None:
                keys = list(still)
                excluded = {
                    int(r[0])
                    for sql in (
                        "SELECT id FROM articles WHERE url_key IN ({marks})",
                        "SELECT article_id FROM aliases WHERE url_key IN ({marks})",
                    )
                    for r in (self._each_in(sql, keys) if keys else ())
                }
            text = (art.text or "").strip()
            if len(text) < REPUBLISHED_MIN_CHARS:
                entries = readdressed.same_entry(self.db, feed_url, key, art, excluded)
                if len(entries) == 1 and entries[0][0] not in taken:
                    found[key] = (*entries[0], True, "entry")
                continue
            # (the whole text compared here: with it in the WHERE, SQLite 3.40 searched the
            # index by the feed alone)
            rows = self.db.execute(
                "SELECT id, text, url_key, title FROM articles"
                " WHERE feed_id = (SELECT id FROM feeds WHERE url = ?) AND substr(text, 1, 80) = ?"
                " ORDER BY id",
                (feed_url, (art.text or "")[:80]),
            )
            same = [(int(r[0]), str(r[3])) for r in rows if r[1] == art.text and r[2] != key]
            if len(same) == 1 and same[0][0] not in taken:
                found[key] = (*same[0], False, "text")
            elif not same:
                bodies = readdressed.same_body(self.db, feed_url, key, art, excluded)
                if len(bodies) == 1 and bodies[0][0] not in taken:
                    found[key] = (*bodies[0], "body")
                elif not bodies:
                    if titled is None:  # (the feed's titles read once, not once per article)
                        titled = readdressed.titles_index(self.db, feed_url)
                    near = readdressed.same_title_text(self.db, key, art, excluded, titled)
                    if len(near) == 1 and near[0][0] not in taken:
                        found[key] = (*near[0], True, "near")
        return found

    def readdress(self, article_id: int, key: str, url: str, others: Iterable[str]) -> bool:
        """The feed gives a stored article at a new address (`key`, `url`; `others`: more URL
        keys of it, such as the feed's link to it): an article no issue published moves there
        (the feed's link is the one kept working), its old address kept as another of its keys;
        one an issue published keeps the address the issue gave, the new one kept as another
        key. True when it moved."""
        published = self.db.execute(
            "SELECT 1 FROM issue_articles WHERE article_id = ? OR also_of = ? LIMIT 1",
            (article_id, article_id),
        ).fetchone()
        with self.transaction():
            keys = {key, *others}
            if published is None:
                old = self.db.execute(
                    "SELECT url_key FROM articles WHERE id = ?", (article_id,)
                ).fetchone()[0]
                self.db.execute("DELETE FROM aliases WHERE url_key = ?", (key,))
                self.db.execute(
                    "UPDATE articles SET url_key = ?, url = ? WHERE id = ?", (key, url, article_id)
                )
                keys = {old, *others} - {key}
            for alias in keys:
                self.db.execute(
                    "INSERT OR IGNORE INTO aliases (url_key, article_id) VALUES (?, ?)",
                    (alias, article_id),
                )
        return published is None

    def stored_by_entry_ids(self, id_keys: Sequence[str]) -> dict[str, tuple[int, str, str]]:
        """Feed entry id key (`entry_id_key`) -> (id, address, title) of the stored article it
        is a key of."""
        sql = (
            "SELECT l.url_key, a.id, a.url, a.title FROM aliases l"
            " JOIN articles a ON a.id = l.article_id WHERE l.url_key IN ({marks})"
        )
        return {r[0]: (int(r[1]), str(r[2]), str(r[3])) for r in self._each_in(sql, id_keys)}

    def move_by_feed(
        self, article_id: int, key: str, url: str, others: Iterable[str]
    ) -> tuple[bool, int | None]:
        """The article's feed gives its entry id at a new link (walk137 #1: a site restructured,
        its old address answering 404): the article moves to `key`/`url` (`others`: more URL
        keys of it there, such as the feed's link), its old address kept as another of its keys
        (not taken for a new article); each issue that published it keeps the address it
        published (`issue_articles.url`), later link checks ask for the new one. A dead link's
        mark and a page to read again at the old address go with it. (False, None) when another
        stored article has the new address; else (True, the first issue that published it)."""
        with self.transaction():
            taken = self.db.execute(
                "SELECT 1 FROM articles WHERE url_key = ? AND id != ?"
                " UNION SELECT 1 FROM aliases WHERE url_key = ? AND article_id != ?",
                (key, article_id, key, article_id),
            ).fetchone()
            old = self.db.execute(
                "SELECT url_key, url FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if taken is not None or old is None:
                return False, None
            self.db.execute(
                "UPDATE issue_articles SET url = ? WHERE article_id = ? AND url IS NULL",
                (old[1], article_id),
            )
            self.db.execute("DELETE FROM aliases WHERE url_key = ?", (key,))
            self.db.execute(
                "UPDATE articles SET url_key = ?, url = ? WHERE id = ?", (key, url, article_id)
            )
            for alias in {old[0], *others} - {key}:
                self.db.execute(
                    "INSERT OR IGNORE INTO aliases (url_key, article_id) VALUES (?, ?)",
                    (alias, article_id),
                )
            self.db.execute("DELETE FROM dead_links WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM page_retries WHERE article_id = ?", (article_id,))
            first = self.db.execute(
                "SELECT MIN(i.number) FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
                " WHERE ia.article_id = ?",
                (article_id,),
            ).fetchone()[0]
        return True, first

    # -- pages to read again -----------------------------------------------------------------------
    def add_page_retries(
        self, rows: Iterable[tuple[str, str, str, str | None, str]], *, now: datetime
    ) -> None:
        """Remember articles whose page could not be read: (url key, link, entry JSON, error
        kind, error). Keys of articles not stored are ignored; an article remembered already
        keeps its row. A page that answered 404 or 410 marks its article a dead link."""
        rows = list(rows)
        with self.transaction():
            self.db.executemany(
                """INSERT OR IGNORE INTO page_retries
                   (article_id, link, entry, error_kind, error, last_tried)
                   SELECT id, ?, ?, ?, ?, ? FROM articles WHERE url_key = ?""",
                [(link, e, kind, err, _iso(now), key) for key, link, e, kind, err in rows],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO dead_links (article_id, error, since)"
                " SELECT id, ?, ? FROM articles WHERE url_key = ?",
                [(err, _iso(now), key) for key, _, _, kind, err in rows if dead_page(kind, err)],
            )

    def mark_local_files(self, *, now: datetime) -> list[tuple[str, str]]:
        """Mark as dead links (never picked for an issue, counted as waiting nowhere) the
        unfeatured articles an older curator stored at a local file's address (`file:`, from a
        local page naming no web address, before walk61 #2: no link to publish), those not marked
        yet; returns their (address, title), in the order stored. Read by the address key's
        index: a `file:///` address (as an older curator stored a local page, `Path.as_uri`)
        names no host, so its key is its path, '/...', where every web address's key starts
        with its host. (`url` has no index: filtered by it alone, every build read the whole
        articles table, 1.3 s CPU at 1,000,000 stored.) They are told of until
        `local_files_told` (`untold_local_files`)."""
        rows = self.db.execute(
            "SELECT a.id, a.url, a.title FROM articles a"
            " WHERE a.url_key >= '/' AND a.url_key < '0'"
            " AND a.url >= 'file:' AND a.url < 'file;'"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + _NOT_DEAD
            + " ORDER BY a.id"
        ).fetchall()
        if rows:
            with self.transaction():
                self.db.executemany(_MARK_DEAD, [(r["id"], LOCAL_FILE, _iso(now)) for r in rows])
        return [(str(r["url"]), str(r["title"])) for r in rows]

    def untold_local_files(self) -> list[tuple[str, str]]:
        """The (address, title) of the unfeatured articles marked as at a local file's address
        (`mark_local_files`) that no run has told the editor of yet (`local_files_told`), in the
        order stored: a run that marked them may have stopped before saying so (walk76 #4)."""
        told = set(json.loads(self._meta("local_files_told") or "[]"))
        rows = self.db.execute(
            "SELECT a.id, a.url, a.title FROM articles a JOIN dead_links d ON d.article_id = a.id"
            " WHERE d.error = ?"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            " ORDER BY a.id",
            (LOCAL_FILE,),
        ).fetchall()
        return [(str(r["url"]), str(r["title"])) for r in rows if r["id"] not in told]

    def local_files_told(self) -> None:
        """Record that the editor was told of every article marked as at a local file's address:
        later runs say it no more."""
        ids = self.db.execute(
            "SELECT article_id FROM dead_links WHERE error = ? ORDER BY article_id", (LOCAL_FILE,)
        ).fetchall()
        self._set_meta([("local_files_told", json.dumps([int(r[0]) for r in ids]))])

    def drop_feed_waiting(
        self, urls: Iterable[str], now: datetime, listed: Collection[str] = ()
    ) -> tuple[int, list[tuple[str, str, str]]]:
        """Leave out of every issue the articles of the feeds at `urls` that no issue featured
        (dead links aside), marked `FEED_DROPPED` in one transaction (walk150 #6: a removed feed's
        4,996 waiting articles took one `subjects exclude` each, 3 s apiece): how many, and the
        (title, address, feed address) of those a feed still `listed` gives too (its entry's id
        is kept with the article: `remember_entry_ids`), which move to that feed instead of
        being left out (walk169 #2: a syndication feed's copy of its publisher's article was
        dropped, though the publisher's own feed, kept, listed it)."""
        urls = list(dict.fromkeys(urls))
        others = [u for u in dict.fromkeys(listed) if u not in urls]
        moved: list[tuple[str, str, str]] = []
        with self.transaction():
            rows = self.db.execute(
                "SELECT a.id, a.title, a.url FROM articles a JOIN feeds f ON f.id = a.feed_id"
                f" WHERE f.url IN ({', '.join('?' * len(urls))})"
                " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
                + _NOT_DEAD,
                urls,
            ).fetchall()
            dropped = []
            for article_id, title, url in rows:
                carrier = None
                if others:
                    keys = self.db.execute(
                        "SELECT url_key FROM aliases WHERE article_id = ? AND url_key LIKE"
                        " 'entry-id:%' ORDER BY rowid",
                        (article_id,),
                    ).fetchall()
                    carrier = next(
                        (
                            feed
                            for (key,) in keys
                            for feed in others
                            if str(key).startswith(f"entry-id:{feed} ")
                        ),
                        None,
                    )
                if carrier is None:
                    dropped.append(article_id)
                    continue
                self.db.execute(
                    "UPDATE articles SET feed_id = ? WHERE id = ?",
                    (self._feed_id(carrier), article_id),
                )
                moved.append((str(title), str(url), carrier))
            self.db.executemany(_MARK_DEAD, [(i, FEED_DROPPED, _iso(now)) for i in dropped])
        return len(dropped), moved

    def undrop_feed_waiting(self, urls: Iterable[str]) -> int:
        """Take the `FEED_DROPPED` mark off the articles of the feeds at `urls` (the feed added
        back); how many."""
        urls = list(dict.fromkeys(urls))
        with self.transaction():
            gone = self.db.execute(
                "DELETE FROM dead_links WHERE error = ? AND article_id IN (SELECT a.id FROM"
                " articles a JOIN feeds f ON f.id = a.feed_id"
                f" WHERE f.url IN ({', '.join('?' * len(urls))}))",
                [FEED_DROPPED, *urls],
            )
        return gone.rowcount

    def mark_dead_link(self, article_id: int, error: str, now: datetime) -> None:
        """Mark the article a dead link: its page, asked for again before an issue featured it,
        answered 404 or 410 (walk132); only a later read of its page that succeeds takes it off."""
        with self.transaction():
            self.db.execute(_MARK_DEAD, (article_id, error, _iso(now)))

    def clear_dead_link(self, article_id: int) -> bool:
        """Take the dead-link mark off the article (its page, named in a draft, answers again);
        not a local file's (`LOCAL_FILE`). True when a mark came off."""
        with self.transaction():
            gone = self.db.execute(
                "DELETE FROM dead_links WHERE article_id = ? AND error != ?",
                (article_id, LOCAL_FILE),
            )
        return gone.rowcount > 0

    def dead_link(self, article_id: int) -> str | None:
        """What the article's page answered when it was found gone (404 or 410), if it was marked
        a dead link (never picked for an issue), else None."""
        row = self.db.execute(
            "SELECT error FROM dead_links WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0] or "HTTP 404 Not Found")

    def retrying_page(self, article_id: int) -> bool:
        """Whether the article's page is still to be read again by a later fetch (a first read
        that failed, `page_retries`); a dead link the issue check found is not (walk136 #3)."""
        row = self.db.execute(
            "SELECT 1 FROM page_retries WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row is not None

    def unread_pages(self, article_ids: Sequence[int]) -> dict[int, str]:
        """Of `article_ids`, those whose page could not be read yet (or answered 404 or 410, when
        it is no longer read again), each with why (as the fetch said it: "HTTP 404 Not Found",
        "no such server" ...)."""
        found: dict[int, str] = {}
        for article_id in article_ids:
            row = self.db.execute(
                "SELECT error FROM page_retries WHERE article_id = ?"
                " UNION ALL SELECT error FROM dead_links WHERE article_id = ?",
                (article_id, article_id),
            ).fetchone()
            if row is not None:
                found[article_id] = str(row[0] or "the page could not be read")
        return found

    def page_retries(self, *, seen_since: datetime, max_attempts: int) -> list[PageRetry]:
        """The articles whose page is to be read again: not featured in an issue, first seen
        since `seen_since`, read fewer than `max_attempts` times, oldest first. The rows outside
        those bounds are dropped (they will not be read again)."""
        if self.db.execute("SELECT 1 FROM page_retries LIMIT 1").fetchone() is None:
            return []  # the usual weekly case: not a write, not a join
        since = _iso(seen_since)
        with self.transaction():
            self.db.execute(
                """DELETE FROM page_retries WHERE attempts >= ?
                   OR article_id IN (SELECT id FROM articles WHERE first_seen < ?)
                   OR article_id IN (SELECT article_id FROM issue_articles)""",
                (max_attempts, since),
            )
        rows = self.db.execute(
            """SELECT r.*, a.first_seen, f.url AS feed_url FROM page_retries r
               JOIN articles a ON a.id = r.article_id LEFT JOIN feeds f ON f.id = a.feed_id
               ORDER BY r.article_id"""
        )
        return [
            PageRetry(
                r["article_id"],
                r["link"],
                r["entry"],
                r["feed_url"],
                r["attempts"],
                r["error_kind"],
                _dt(r["first_seen"]),
                _dt(r["last_tried"]),
                _dt(r["wait_until"]),
            )
            for r in rows
        ]

    def page_waits(self, waits: Iterable[tuple[str, datetime]]) -> None:
        """Of articles just remembered (`add_page_retries`) by url key, those whose page's server
        asked curator not to ask again before a time: kept, and that read not counted."""
        with self.transaction():
            self.db.executemany(
                "UPDATE page_retries SET wait_until = ?, attempts = 0"
                " WHERE article_id IN (SELECT id FROM articles WHERE url_key = ?)",
                [(_iso(until), key) for key, until in waits],
            )

    def page_retry_waits(
        self, article_id: int, kind: str | None, error: str, wait_until: datetime, now: datetime
    ) -> None:
        """A read of the article's page that its server answered by asking curator to wait until
        `wait_until`: kept, and not counted as a read (walk127 #1)."""
        with self.transaction():
            self.db.execute(
                "UPDATE page_retries SET error_kind = ?, error = ?, last_tried = ?, wait_until = ?"
                " WHERE article_id = ?",
                (kind, error, _iso(now), _iso(wait_until), article_id),
            )

    def page_retry_failed(
        self, article_id: int, kind: str | None, error: str, now: datetime
    ) -> None:
        """One more read of the article's page that failed (a 404 or a 410 marks it a dead link;
        another failure leaves a mark as it is: only a read that succeeds takes it off)."""
        with self.transaction():
            self.db.execute(
                "UPDATE page_retries SET attempts = attempts + 1, error_kind = ?, error = ?,"
                " last_tried = ?, wait_until = NULL WHERE article_id = ?",
                (kind, error, _iso(now), article_id),
            )
            if dead_page(kind, error):
                self.db.execute(_MARK_DEAD, (article_id, error, _iso(now)))

    def update_read_article(self, article_id: int, article: Article) -> bool:
        """The article as its page, read at last, makes it: its address (unless another stored
        article has it; the old one stays an alias), title, credits, blurb and text; its term
        counts and subject are worked out again by the next placement. An article featured in
        an issue is left as it is. False when nothing was changed."""
        with self.transaction():
            old = self.db.execute(
                "SELECT url_key FROM articles WHERE id = ? AND NOT EXISTS"
                " (SELECT 1 FROM issue_articles WHERE article_id = ?)",
                (article_id, article_id),
            ).fetchone()
            self.db.execute("DELETE FROM page_retries WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM dead_links WHERE article_id = ?", (article_id,))
            self.pages_read_now.add(article_id)
            if old is None:
                return False
            key = url_key(article.url)
            taken = self.known_keys([key]) if key != old[0] else set()
            url_row = () if taken else (key, article.url)
            self.db.execute(
                f"""UPDATE articles SET {"url_key = ?, url = ?, " if url_row else ""}title = ?,
                    authors = ?, authors_from = ?, other_authors = ?, publication = ?,
                    site_name = ?, link_post = ?, summary = ?, blurb = ?, published = ?, text = ?,
                    language = ?, post_list = ?, page_headline = ?, written_for = ?,
                    credit_capitals = ? WHERE id = ?""",
                (
                    *url_row,
                    article.title,
                    json.dumps(list(article.authors)),
                    article.authors_from,
                    json.dumps(list(article.other_authors)),
                    article.publication,
                    article.site_name,
                    int(article.link_post),
                    article.summary,
                    article.blurb,
                    _iso(article.published),
                    article.text,
                    article.language or None,
                    article.post_list,
                    article.page_headline,
                    article.written_for,
                    article.credit_capitals,
                    article_id,
                ),
            )
            if url_row:
                self.db.execute(
                    "INSERT OR IGNORE INTO aliases (url_key, article_id) VALUES (?, ?)",
                    (old[0], article_id),
                )
            self.db.execute("DELETE FROM article_terms WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM assignments WHERE article_id = ?", (article_id,))
            # Placement reads the archive from its watermark on: move it back before this one.
            if self.placement_state()[1] >= article_id:
                self._set_meta([("placed_through", str(article_id - 1))])
        return True

    def _article(self, row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            url=row["url"],
            title=row["title"],
            authors=_strings(row["authors"]),
            publication=row["publication"],
            blurb=row["blurb"],
            summary=row["summary"],
            categories=_strings(row["categories"]),
            published=_dt(row["published"]),
            first_seen=_dt(row["first_seen"]),
            feed_url=row["feed_url"],
            text=row["text"],
            subject_hints=_strings(row["subject_hints"]),
            authors_from=row["authors_from"],
            other_authors=_strings(row["other_authors"]),
            site_name=row["site_name"],
            link_post=bool(row["link_post"]),
            language=row["language"] or "",
            post_list=row["post_list"],
            page_headline=row["page_headline"],
            written_for=row["written_for"],
            credit_capitals=row["credit_capitals"],
        )

    _SELECT = (
        """SELECT a.*, f.url AS feed_url FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id"""
    )
    _SELECT_IDS = _SELECT + " WHERE a.id IN ({marks})"

    def articles(self) -> list[Article]:
        """Every stored article, oldest first."""
        return [self._article(r) for r in self.db.execute(self._SELECT + " ORDER BY a.id")]

    def article_by_url(self, url: str) -> Article | None:
        """The stored article behind `url`, however it is linked (its own URL or an alias)."""
        key = url_key(url)
        row = self.db.execute(
            self._SELECT
            + " WHERE a.url_key = ? OR a.id = (SELECT article_id FROM aliases WHERE url_key = ?)",
            (key, key),
        ).fetchone()
        return self._article(row) if row else None

    def articles_titled(self, titles: Sequence[str]) -> list[Article]:
        """The stored articles whose title is one of `titles`, letter case and spaces at either
        end aside (SQLite's lower() folds ASCII only: the caller compares again as it needs)."""
        keys = sorted({t.strip().lower() for t in titles if t.strip()})
        sql = self._SELECT + " WHERE lower(trim(a.title)) IN ({marks}) ORDER BY a.id"
        return [self._article(r) for r in self._each_in(sql, keys)]

    def recent_articles(self, limit: int) -> list[Article]:
        """The `limit` most recently stored articles (the scorer learns word statistics from them)."""
        rows = self.db.execute(self._SELECT + " ORDER BY a.id DESC LIMIT ?", (limit,))
        return [self._article(r) for r in rows]

    def text_stored_elsewhere(self, feed_url: str, articles: Sequence[tuple[str, Article]]) -> bool:
        """Whether the text of any of these new articles (URL key, article) of the feed at
        `feed_url` is that of an article another feed gave, at another address: a syndication
        feed's copy of a publisher's article, its page naming no canonical address (walk169 #7:
        "entries ... may be missing" of a feed whose entries were all another feed's). Texts
        under `REPUBLISHED_MIN_CHARS` are left out, as `republished` leaves them out."""
        for key, art in articles:
            text = art.text or ""
            if len(text.strip()) < REPUBLISHED_MIN_CHARS:
                continue
            # (by each feed's id and the text's opening: the `articles_feed_opening` index)
            rows = self.db.execute(
                "SELECT text, url_key FROM articles WHERE feed_id IN"
                " (SELECT id FROM feeds WHERE url != ?) AND substr(text, 1, 80) = ?",
                (feed_url, text[:80]),
            )
            if any(r[0] == text and r[1] != key for r in rows):
                return True
        return False
