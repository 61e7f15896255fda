"""The store's record of the articles an earlier newsletter featured, before the editor moved to
curator (`curator featured`; walk202 #1): the addresses, stored articles or not yet, that no
issue features (`storebase.NOT_RETOLD` leaves them out of every candidate), and the stored ones
read as published before issue 1, so a copy of one at another link is found as the same story
(`recent_published`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from curator.models import Article
from curator.storebase import FEATURED_BEFORE, StoreBase


class FeaturedStore(StoreBase):
    def record_featured_before(self, rows: Sequence[tuple[str, str]]) -> list[str]:
        """Record the addresses of `rows` ((url_key, url as the editor gave it)) as featured
        before curator; the url_keys of those not recorded before."""
        keys = [k for k, _ in rows]
        known = self.featured_before_keys()
        now = datetime.now(UTC).isoformat()
        with self.transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO featured_before (url_key, url, added_at) VALUES (?, ?, ?)",
                [(k, u, now) for k, u in rows],
            )
        return [k for k in dict.fromkeys(keys) if k not in known]

    def forget_featured_before(self, keys: Sequence[str]) -> list[str]:
        """Forget the addresses of `keys` (url_keys); those that were recorded."""
        known = self.featured_before_keys()
        gone = [k for k in dict.fromkeys(keys) if k in known]
        if gone:
            with self.transaction():
                self.db.executemany(
                    "DELETE FROM featured_before WHERE url_key = ?", [(k,) for k in gone]
                )
        return gone

    def featured_before_keys(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT url_key FROM featured_before")}

    def featured_before(self) -> list[tuple[str, str, str | None]]:
        """Each recorded address, in the order recorded: (url as given, when recorded, the
        title of the stored article at it, or None when none is stored yet)."""
        rows = self.db.execute(
            "SELECT fb.url, fb.added_at, (SELECT a.title FROM articles a WHERE a.id IN"
            "  (SELECT id FROM articles WHERE url_key = fb.url_key"
            "   UNION SELECT article_id FROM aliases WHERE url_key = fb.url_key) LIMIT 1)"
            " FROM featured_before fb ORDER BY fb.added_at, fb.rowid"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def featured_before_unmatched(self) -> list[tuple[str, str]]:
        """The recorded addresses no stored article is at (a typo, an old link that redirects
        elsewhere, or an article not fetched yet): (url_key, url as given), in the order
        recorded (walk205 #1)."""
        rows = self.db.execute(
            "SELECT fb.url_key, fb.url FROM featured_before fb WHERE NOT EXISTS"
            " (SELECT 1 FROM articles WHERE url_key = fb.url_key)"
            " AND NOT EXISTS (SELECT 1 FROM aliases WHERE url_key = fb.url_key)"
            " ORDER BY fb.added_at, fb.rowid"
        )
        return [(r[0], r[1]) for r in rows]

    def unmatched_unsaid(self) -> tuple[int, bool]:
        """How many recorded addresses no stored article is at, and whether one of them was
        not counted the last time this was asked (so a fetch says it once, walk205 #1)."""
        keys = {k for k, _ in self.featured_before_unmatched()}
        value = self._meta("featured_unmatched_said")
        said = set(json.loads(value)) if value is not None else set()
        if keys != said:
            self._set_meta([("featured_unmatched_said", json.dumps(sorted(keys)))])
        return len(keys), bool(keys - said)

    def featured_before_ids(self) -> set[int]:
        """The ids of the stored articles at an address recorded as featured before curator
        (`featured_before_articles`' ids, without reading the articles)."""
        return {int(r[0]) for r in self.db.execute(FEATURED_BEFORE)}

    def featured_before_articles(self) -> list[Article]:
        """The stored articles at an address recorded as featured before curator."""
        rows = self.db.execute(self._SELECT + f" WHERE a.id IN ({FEATURED_BEFORE}) ORDER BY a.id")
        return [self._article(r) for r in rows]
