"""What the store's parts share: the SQL fragments and conversions more than one uses, and the
`StoreBase` they are typed against.

`curator.store.Store` is composed of parts, one module each (`store_feeds`, `store_articles`,
`store_subjects`, `store_terms`, `store_issues`). A name here is the private one those parts'
methods were written with, without its underscore: each part imports it under that name
(`from curator.storebase import iso as _iso`)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from curator.errors import shell_arg
from curator.models import Article

#: Each subject's placed articles by score: what a build reads its candidates from.
CANDIDATES_INDEX = (
    "CREATE INDEX IF NOT EXISTS assignments_subject_score ON assignments(subject, score DESC)"
)


#: An article's placement, new or replacing the one stored (an upsert: one index update, where
#: INSERT OR REPLACE deletes and inserts, ~4x the work when a whole archive is placed again).
SAVE_ASSIGNMENT = (
    "INSERT INTO assignments (article_id, subject, score, matched, fingerprint)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET subject = excluded.subject,"
    " score = excluded.score, matched = excluded.matched, fingerprint = excluded.fingerprint"
)


#: The SQL that leaves out an article `a` whose page answered 404 or 410 (a dead link, marked in
#: `dead_links` until a read of its page succeeds): a dead link is never picked for an issue.
NOT_DEAD = " AND NOT EXISTS (SELECT 1 FROM dead_links d WHERE d.article_id = a.id)"


#: The ids of the stored articles at an address the editor recorded as featured before they moved
#: to curator (`curator featured add`, walk202 #1): their own address or another link of theirs
#: (an alias: a page whose canonical link named it). The recorded addresses lead (CROSS JOIN keeps
#: SQLite's order), so a store with none reads no page of articles or aliases for them: every
#: build asks, and a big store's build reads only what it must (test_fixhq_store_damage).
FEATURED_BEFORE = (
    "SELECT x.id FROM featured_before fb CROSS JOIN articles x ON x.url_key = fb.url_key"
    " UNION SELECT y.article_id FROM featured_before fy CROSS JOIN aliases y"
    " ON y.url_key = fy.url_key"
)


#: The SQL that leaves out an article `a` recorded as a copy of a story an issue told
#: (`Store.record_retold`): no run reads it again, nor counts it as waiting, even once its
#: story's issue is no longer one of the last `RETOLD_ISSUES` (`store_issues`) (walk111 #1: a
#: copy came back then, and the next build published it, compared with nothing); nor one at an
#: address the editor recorded as featured before they moved to curator (`FEATURED_BEFORE`).
NOT_RETOLD = " AND a.id NOT IN (SELECT article_id FROM retold_copies UNION " + FEATURED_BEFORE + ")"


def stale(subjects: Sequence[str]) -> str:
    """The WHERE clause (parameters: after, through, fingerprint, then `subjects`) of the
    articles with ids in (after, through] to place again: those the model `fingerprint` has not
    placed, unless an issue featured them (an issue's articles keep the subject they were
    published under) and the editor has not corrected them since; and those under a subject
    that is not one of `subjects` (feeds.yaml's), featured or not, so that no article stays
    under a subject that no longer exists."""
    marks = ",".join("?" * len(subjects))
    return f""" WHERE a.id > ? AND a.id <= ? AND (
                 ((s.fingerprint IS NULL OR s.fingerprint != ?)
                  AND (NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)
                       OR EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = a.id)))
                 OR (s.subject IS NOT NULL AND s.subject NOT IN ({marks})))"""


def iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


if TYPE_CHECKING:

    class StoreBase(Protocol):
        """What each part of the store (`store_feeds`, `store_articles`...) uses of `Store` that
        another part defines: the typing of the mixins only; at run time it is `object`."""

        _SELECT: ClassVar[str]
        _SELECT_IDS: ClassVar[str]
        db: sqlite3.Connection
        path: Path
        first_issue: int
        closed: bool
        pages_read_now: set[int]
        dates_found: dict[int, datetime]

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def featured_before_articles(self) -> list[Article]: ...
        def _each_in(self, sql: str, values: Iterable[object]) -> Iterator[sqlite3.Row]: ...
        def _feed_id(self, url: str) -> int: ...
        def _meta(self, key: str) -> str | None: ...
        def _set_meta(self, pairs: Iterable[tuple[str, str]]) -> None: ...
        def _article(self, row: sqlite3.Row) -> Article: ...
        def placement_state(self) -> tuple[str | None, int]: ...
        def subject_renames(self) -> list[tuple[str, str]]: ...
        def renamed_to(self, subject: str, renames: dict[str, str] | None = None) -> str: ...

else:
    StoreBase = object


def read_only_fix(path: Path, companions: Sequence[Path]) -> str:
    """What to do about the store at `path` that SQLite found read-only; `companions`: its -wal
    and -shm files that are there.

    SQLite makes the store's -wal and -shm files with the store's own mode: a run on a read-only
    store leaves them read-only too, and `chmod u+w` of the store alone then fails the same way
    (walk73 #1); they are named when they are not writable. A store whose permissions allow
    writing is kept read-only by something else, which chmod does not change (walk201 #7: an
    immutable store was told to `chmod u+w` it and its -wal and -shm files, which were fine)."""
    locked = [f for f in companions if not os.access(f, os.W_OK)]
    # (root writes whatever the permissions say; `access` says no to an immutable file, for root
    # too, and yes to a file whose permissions let this user write it)
    permitted = os.geteuid() == 0 or os.access(path, os.W_OK)
    if permitted and not locked:
        return (
            "its permissions allow writing, so something else keeps it from being written: most"
            f" likely it is immutable (`lsattr {shell_arg(path)}` shows an i; `sudo chattr -i"
            f" {shell_arg(path)}` clears it)"
        )
    files = " ".join(shell_arg(f) for f in (path, *locked, path.parent))
    what = ", ".join(["it", *(f.name for f in locked)])
    return f"give your user write permission on {what} and its folder (chmod u+w {files})"
