"""The store's feeds: what it remembers of each between runs (its last read, its failures, its
wait), its moves and renames, and what it holds of each feed's articles."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import PurePath

from curator.feedsecrets import secrets_masked_in
from curator.storebase import NOT_DEAD as _NOT_DEAD
from curator.storebase import StoreBase
from curator.storebase import iso as _iso
from curator.storerecords import FeedState

#: Joins, in a feed's stored `last_error`, the error of its configured address and that of the
#: address it moved to for good in an earlier run, read instead and failing too (walk136 #132-2:
#: `feeds check` advised the new address right after it answered 404). No column of its own: the
#: text says it as it stands, and `moved_error_of` takes it apart.
MOVED_ERROR_JOIN = "; its new address answered "


def with_moved_error(error: str, moved_error: str | None) -> str:
    """A failed feed's error to store: its configured address's, and its new address's if any."""
    return f"{error}{MOVED_ERROR_JOIN}{moved_error}" if moved_error else error


def moved_error_of(last_error: str | None) -> str | None:
    """The error its new address answered, as `with_moved_error` stored it; None when none."""
    if not last_error or MOVED_ERROR_JOIN not in last_error:
        return None
    return last_error.rsplit(MOVED_ERROR_JOIN, 1)[1]


#: The `meta` key, before a feed's address, of the address curator advised putting in its place
#: (`Store.advise_move`).
ADVISED_MOVE = "advised_move:"


#: The `meta` key, before a feed's address, of the address that replaced it in feeds.yaml as its
#: move said (`Store.follow_moves`).
FOLLOWED_MOVE = "followed_move:"
#: The `meta` key, before a feed's address, of the keys of its entries said to be left out
#: (`Store.skips_said`).
SKIPS_SAID = "skips_said:"


class FeedStore(StoreBase):
    """The store's methods about feeds (part of `curator.store.Store`)."""

    # -- feeds -----------------------------------------------------------------------------------
    def feed_state(self, url: str) -> FeedState:
        row = self.db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url)
        return FeedState(
            url=url,
            title=row["title"],
            etag=row["etag"],
            last_modified=row["last_modified"],
            last_success=row["last_success"],
            last_error=row["last_error"],
            failing_since=row["failing_since"],
            gone=bool(row["gone"]),
            content_hash=row["content_hash"],
            warning=row["warning"],
            warning_since=row["warning_since"],
            moved_to=row["moved_to"],
            failed_runs=row["failed_runs"] or 0,
            wait_until=row["wait_until"],
            last_error_kind=row["last_error_kind"],
            last_fetched=row["last_fetched"],
            entries_last=row["entries_last"] or 0,
        )

    def _feed_id(self, url: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
        return int(self.db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0])

    def record_feed_success(
        self,
        url: str,
        *,
        now: datetime,
        status: int | None,
        title: str | None,
        etag: str | None,
        last_modified: str | None,
        entries: int | None,
        size: int | None,
        elapsed: float,
        content_hash: str | None,
        moved_to: str | None = None,
        warning: str | None = None,
        parsed: bool = True,
    ) -> None:
        """Remember a good fetch (a 200 or a 304): its validators, and that the feed answered.
        `entries` and `size` are None when the feed was not read again (unchanged): the last
        counts stand, and so does the last document's `warning` (not well formed) unless
        `parsed`."""
        with self.transaction():
            self._feed_id(url)
            self.db.execute(
                """UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?,
                   last_fetched = ?, last_success = ?, last_status = ?, last_error_kind = NULL,
                   last_error = NULL, failing_since = NULL, gone = 0,
                   entries_last = COALESCE(?, entries_last),
                   bytes_last = COALESCE(?, bytes_last), elapsed_last = ?,
                   content_hash = COALESCE(?, content_hash), moved_to = ?, failed_runs = 0,
                   wait_until = NULL,
                   warning = CASE WHEN ? THEN ? ELSE warning END,
                   warning_since = CASE WHEN NOT ? THEN warning_since WHEN ? IS NULL THEN NULL
                                   ELSE COALESCE(warning_since, ?) END
                   WHERE url = ?""",
                (
                    title,
                    etag,
                    last_modified,
                    _iso(now),
                    _iso(now),
                    status,
                    entries,
                    size,
                    elapsed,
                    content_hash,
                    moved_to,
                    parsed,
                    warning,
                    parsed,
                    warning,
                    _iso(now),
                    url,
                ),
            )

    def record_feed_failure(
        self,
        url: str,
        *,
        now: datetime,
        status: int | None,
        kind: str,
        error: str,
        elapsed: float,
        wait_until: datetime | None = None,
    ) -> None:
        """Remember a failed fetch; validators and articles stay as they were. `wait_until`: the
        server asked not to be asked again before then (Retry-After). Each address in `error` is
        stored with its secret masked (`?token=...`, fixlp #2: a redirect's token was kept whole,
        masked only when printed); the feed's own `url` stays whole, to fetch it."""
        error = secrets_masked_in(error)
        with self.transaction():
            self._feed_id(url)
            self.db.execute(
                """UPDATE feeds SET last_fetched = ?, last_status = ?, last_error_kind = ?,
                   last_error = ?, failing_since = COALESCE(failing_since, ?),
                   gone = CASE WHEN ? = 'gone' THEN 1 ELSE gone END, elapsed_last = ?,
                   failed_runs = failed_runs + 1, wait_until = ?
                   WHERE url = ?""",
                (
                    _iso(now),
                    status,
                    kind,
                    error,
                    _iso(now),
                    kind,
                    elapsed,
                    _iso(wait_until) if wait_until is not None else None,
                    url,
                ),
            )

    def set_feed_wait(self, url: str, wait_until: datetime) -> None:
        """Bring forward the time a feed is not asked again before (a wait stored while the
        clock ran ahead, capped on reading it: walk127 #3)."""
        with self.transaction():
            self.db.execute(
                "UPDATE feeds SET wait_until = ? WHERE url = ?", (_iso(wait_until), url)
            )

    def advise_move(self, url: str, new_url: str) -> None:
        """Remember that curator advised replacing the feed at `url` by `new_url` (its address
        answers a web page naming that feed): following the advice carries its articles over
        (`follow_moves`), as following a 301 does (walk169 #3: the older 6 stayed behind)."""
        self._set_meta([(f"{ADVISED_MOVE}{url}", new_url)])

    def advised_moves(self) -> dict[str, str]:
        """Each feed address a run advised replacing, with the address advised (`advise_move`)
        or the one it moved to for good (301/308), as recorded."""
        rows = self.db.execute(
            "SELECT key, value FROM meta WHERE key LIKE ?", (f"{ADVISED_MOVE}%",)
        ).fetchall()
        moves = {str(r[0])[len(ADVISED_MOVE) :]: str(r[1]) for r in rows}
        for row in self.db.execute("SELECT url, moved_to FROM feeds WHERE moved_to IS NOT NULL"):
            moves[str(row["url"])] = str(row["moved_to"])
        return moves

    def moved_feed(self, url: str, key: Callable[[str], str]) -> str | None:
        """Where the feed at `url` (compared by `key`) moved, as recorded: a 301, curator's
        advice (`advise_move`), or a move the editor followed (`follow_moves`); None else."""
        wanted = key(url)
        return next((new for old, new in self.recorded_moves().items() if key(old) == wanted), None)

    def recorded_moves(self) -> dict[str, str]:
        """Every feed address recorded as moved, with where: a 301, curator's advice
        (`advise_move`), or a move the editor followed (`follow_moves`)."""
        rows = self.db.execute(
            "SELECT key, value FROM meta WHERE key LIKE ? OR key LIKE ?",
            (f"{ADVISED_MOVE}%", f"{FOLLOWED_MOVE}%"),
        ).fetchall()
        moves = {
            str(r[0]).removeprefix(ADVISED_MOVE).removeprefix(FOLLOWED_MOVE): str(r[1])
            for r in rows
        }
        for row in self.db.execute("SELECT url, moved_to FROM feeds WHERE moved_to IS NOT NULL"):
            moves[str(row["url"])] = str(row["moved_to"])
        return moves

    def follow_moves(self, configured: Iterable[str]) -> list[tuple[str, str, int]]:
        """Carry the articles of each stored feed that moved for good (301/308), or whose address
        answered a web page naming another feed curator advised putting in its place
        (`advise_move`), to an address now configured, while its own address no longer is (the
        editor followed the move or the advice in feeds.yaml), to the feed at the new address:
        the editor meant the replacement, whatever share of the new feed's entries the old
        one's articles are (walk169 #3). (old address, new address, articles carried) for each
        that carried any."""
        urls = set(configured)
        carried = []
        with self.transaction():
            for old, new in self.advised_moves().items():
                if old in urls or new not in urls:
                    continue
                row = self.db.execute("SELECT id FROM feeds WHERE url = ?", (old,)).fetchone()
                count = 0
                if row is not None:
                    count = self.db.execute(
                        "UPDATE articles SET feed_id = ? WHERE feed_id = ?",
                        (self._feed_id(new), row["id"]),
                    ).rowcount
                    self.db.execute("UPDATE feeds SET moved_to = NULL WHERE id = ?", (row["id"],))
                self.db.execute("DELETE FROM meta WHERE key = ?", (f"{ADVISED_MOVE}{old}",))
                # (kept, so that `feeds remove OLD` can say where it went: walk169 #5)
                self.db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (f"{FOLLOWED_MOVE}{old}", new),
                )
                if count:
                    carried.append((old, new, count))
        return carried

    def follow_renames(
        self,
        feed_url: str,
        keys: Sequence[str],
        configured: Iterable[str],
        *,
        moved_file: bool = False,
    ) -> list[tuple[str, int]]:
        """Carry to the feed `feed_url` every article of a stored feed no longer configured whose
        articles are most of this feed's entries (`keys`, their url keys): the editor changed the
        feed's `url:` by hand (walk45 #2), and without this the feed starts again with none of
        its articles, and they keep the name of a feed no longer listed. An aggregator carrying
        one article of a removed feed carries nothing. With `moved_file`, only a stored local
        file of the same name as the local file `feed_url` is carried from (the folder was
        copied or moved). (old address, articles carried) for each."""
        listed = set(configured) | {feed_url}
        keys = list(dict.fromkeys(keys))
        owners = {old: n for old, n in self.feeds_holding(keys).items() if old not in listed}
        if moved_file:
            owners = {
                old: n
                for old, n in owners.items()
                if not old.startswith(("http://", "https://"))
                and PurePath(old).name == PurePath(feed_url).name
            }
        carried = []
        with self.transaction():
            for old, count in owners.items():
                if count * 2 <= len(keys):
                    continue
                old_id = self._feed_id(old)
                moved = self.db.execute(
                    "UPDATE articles SET feed_id = ? WHERE feed_id = ?",
                    (self._feed_id(feed_url), old_id),
                ).rowcount
                carried.append((old, moved))
        return carried

    def feeds_holding(self, keys: Sequence[str]) -> dict[str, int]:
        """The stored feeds whose articles have these URL keys (as their URL or an alias), each
        with how many of them."""
        sql = (
            "SELECT a.id, f.url FROM articles a JOIN feeds f ON f.id = a.feed_id"
            " WHERE a.url_key IN ({marks}) UNION SELECT a.id, f.url FROM aliases s"
            " JOIN articles a ON a.id = s.article_id JOIN feeds f ON f.id = a.feed_id"
            " WHERE s.url_key IN ({marks})"
        )
        keys = list(dict.fromkeys(keys))
        owners: dict[str, int] = {}
        for start in range(0, len(keys), 400):
            chunk = keys[start : start + 400]
            marks = ",".join("?" * len(chunk))
            for _, feed in self.db.execute(sql.format(marks=marks), chunk + chunk):
                owners[feed] = owners.get(feed, 0) + 1
        return owners

    def feed_articles(self, urls: Iterable[str]) -> tuple[int, int, int]:
        """(stored articles, of them those no issue featured, of those the dead links: never
        picked) of the feeds at `urls`."""
        total = unfeatured = dead = 0
        for url in dict.fromkeys(urls):
            row = self.db.execute(
                """SELECT COUNT(*), SUM(NOT EXISTS (SELECT 1 FROM issue_articles ia
                                                   WHERE ia.article_id = a.id)),
                          SUM(NOT EXISTS (SELECT 1 FROM issue_articles ia
                                          WHERE ia.article_id = a.id)
                              AND EXISTS (SELECT 1 FROM dead_links d WHERE d.article_id = a.id))
                   FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = ?""",
                (url,),
            ).fetchone()
            total += int(row[0] or 0)
            unfeatured += int(row[1] or 0)
            dead += int(row[2] or 0)
        return total, unfeatured, dead

    def feed_site_names(self, url: str) -> list[tuple[str, str]]:
        """(site name, article address) of each stored article of the feed at `url` (link posts
        aside) whose page named its site, one per name: what a `name:` for the feed replaces."""
        rows = self.db.execute(
            """SELECT a.site_name, MIN(a.url) FROM articles a JOIN feeds f ON f.id = a.feed_id
               WHERE f.url = ? AND a.link_post = 0 AND COALESCE(a.site_name, '') != ''
               GROUP BY a.site_name ORDER BY a.site_name""",
            (url,),
        ).fetchall()
        return [(str(row[0]), str(row[1])) for row in rows]

    def feed_rows(self) -> list[dict[str, object]]:
        """Every feed's stored health, for `feeds check`."""
        rows = self.db.execute(
            """SELECT f.*, (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id) AS articles
               FROM feeds f ORDER BY f.url"""
        ).fetchall()
        return [dict(r) for r in rows]

    def feeds_newest(self) -> dict[str, tuple[str, str]]:
        """Each stored feed with articles: (the date of its newest, ISO, a date never after
        the article was first seen, nor none: then when first seen; and when it last gave a new
        article, ISO). What says a feed has given nothing new for weeks (walk126 #3)."""
        rows = self.db.execute(
            """SELECT f.url AS url,
                      MAX(MIN(COALESCE(a.published, a.first_seen), a.first_seen)) AS newest,
                      MAX(a.first_seen) AS last_new
               FROM feeds f JOIN articles a ON a.feed_id = f.id GROUP BY f.id"""
        ).fetchall()
        return {str(r["url"]): (str(r["newest"]), str(r["last_new"])) for r in rows}

    def feeds_undated(self) -> set[str]:
        """The stored feeds with articles none of which its feed or page dated: their newest
        article's date in `feeds_newest` is only when curator first saw it (walk180 #10: `feeds
        check` showed a dateless feed's "newest" as the day it was fetched)."""
        rows = self.db.execute(
            """SELECT f.url AS url FROM feeds f JOIN articles a ON a.feed_id = f.id
               GROUP BY f.id HAVING COUNT(a.published) = 0"""
        ).fetchall()
        return {str(r["url"]) for r in rows}

    def feed_newest_published(self, url: str) -> datetime | None:
        """The date of the newest article stored from feed `url` that its feed dated, or None."""
        row = self.db.execute(
            """SELECT MAX(a.published) FROM articles a JOIN feeds f ON f.id = a.feed_id
               WHERE f.url = ?""",
            (url,),
        ).fetchone()
        if row is None or not row[0]:
            return None
        try:
            return datetime.fromisoformat(str(row[0]))
        except ValueError:
            return None

    def skips_said(self, feed_url: str) -> set[str]:
        """The keys of the feed's entries left out (no link, no title) that a fetch said already
        (`record_skips_said`): each is said once, the others counted (fixhj: the same skipped
        entries were named at every fetch of a changed feed)."""
        row = self.db.execute(
            "SELECT value FROM meta WHERE key = ?", (SKIPS_SAID + feed_url,)
        ).fetchone()
        if row is None:
            return set()
        try:
            keys = json.loads(str(row[0]))
        except ValueError:
            return set()
        return {str(k) for k in keys} if isinstance(keys, list) else set()

    def record_skips_said(self, feed_url: str, keys: Iterable[str]) -> None:
        """The keys of the entries the feed's document left out now, all said by this fetch or
        one before: those said from now on (an entry gone from the feed is forgotten, and said
        again should it come back)."""
        keys = sorted(set(keys))
        with self.transaction():
            if keys:
                self.db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (SKIPS_SAID + feed_url, json.dumps(keys)),
                )
            else:
                self.db.execute("DELETE FROM meta WHERE key = ?", (SKIPS_SAID + feed_url,))

    def feed_waiting_article(self, urls: Iterable[str]) -> str | None:
        """The address of the newest stored article of the feeds at `urls` that no issue
        featured and is no dead link: the one a message names in the command it advises
        (`curator subjects exclude URL` with a real URL: fixhj #6), or None."""
        for url in dict.fromkeys(urls):
            row = self.db.execute(
                "SELECT a.url FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = ?"
                " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
                + _NOT_DEAD
                + " ORDER BY a.id DESC LIMIT 1",
                (url,),
            ).fetchone()
            if row is not None:
                return str(row[0])
        return None
