"""The store: one SQLite file holding every feed, article and issue; the only module with SQL."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote, urlsplit

from curator.errors import CuratorError, shell_arg
from curator.models import Article, Placed
from curator.urls import url_key


class StoreError(CuratorError):
    """The store cannot be used (unreadable, not a curator store, or written by a newer curator)."""


#: How long a write waits for another program (an SQLite browser, a backup) to release the
#: store's lock, in seconds, before the run stops; and after how long the editor is told it waits.
LOCK_WAIT = 60.0
LOCK_NOTICE = 2.0

# SQLite's primary result codes for what is wrong around the store rather than in curator: the
# store is in use, read-only, cannot be written to (full disk, a file size limit, a failing disk),
# cannot be opened, or is not a database (or damaged).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def plain_store_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """What went wrong with the store at `path`, said plainly with what to do; None for an error
    that is not about the store's file, its folder or its disk (a mistake of curator's own,
    which is raised as it is)."""
    code = _code(exc)
    if code in (_BUSY, _LOCKED):
        return StoreError(
            f"{path}: another program kept the store locked for {LOCK_WAIT:.0f} s ({exc}); close"
            " the program that has it open (an SQLite browser, a backup, a sync tool), then run"
            " again; what was stored before is kept"
        )
    if code in (_READONLY, _CANTOPEN) and on_read_only_disk(path.parent):
        return read_only_disk(path, exc)
    if code == _READONLY:
        # SQLite makes the store's -wal and -shm files with the store's own mode: a run on a
        # read-only store leaves them read-only too, and `chmod u+w` of the store alone then
        # fails the same way (walk73 #1). Named when they are there.
        companions = store_companions(path)
        files = " ".join(shell_arg(f) for f in (path, *companions, path.parent))
        what = ", ".join(["it", *(f.name for f in companions)])
        return StoreError(
            f"{path}: the store cannot be written to, it is read-only ({exc}); give your user"
            f" write permission on {what} and its folder (chmod u+w {files}), then run again;"
            " what was stored before is kept"
        )
    if code in (_IOERR, _FULL):
        return StoreError(
            f"{path}: cannot write to the store ({exc}): its disk is full, a limit on file size"
            " (ulimit -f) or disk quota was reached, or the disk is failing; free some space"
            " (or raise the limit), then run again; what was stored before is kept"
        )
    if code == _CANTOPEN:
        return StoreError(
            f"{path}: cannot open the store ({exc}); check that its folder exists and that your"
            " user may read and write the folder and the file"
        )
    return None


def store_companions(path: Path) -> list[Path]:
    """The store's -wal and -shm files that are there (SQLite's, beside it)."""
    return [f for f in (Path(f"{path}-wal"), Path(f"{path}-shm")) if f.exists()]


def on_read_only_disk(folder: Path) -> bool:
    """`folder` is on a file system mounted read-only (no chmod can make it writable)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def file_in_the_way(folder: Path) -> Path | None:
    """The first of `folder` and the folders above it that is there as a file, not a folder
    (`output` or `.curator` made a file by mistake), when one is; else None. Why: the error
    Python gives for it, "File exists" or "Not a directory", does not say which (walk141 #6)."""
    for part in (folder, *folder.parents):
        try:
            if part.is_dir():
                return None
            if part.exists():
                return part
        except OSError:
            return None
    return None


def damaged_store(path: Path, exc: object) -> StoreError:
    """The store at `path` is not an SQLite file of curator's, or is damaged: what to do."""
    return StoreError(
        f"{path}: not a curator store, or damaged ({exc}); nothing was changed: restore it from"
        " a backup (a file that curator backup wrote: move it over this file), or check that --db"
        " or settings: store in feeds.yaml names your store"
    )


def read_only_disk(path: Path, exc: object) -> StoreError:
    """The store at `path` is on a read-only file system: where, and what to do."""
    return StoreError(
        f"{path}: the store cannot be written to: its folder {path.parent} is on a read-only"
        f" file system ({exc}); mount that disk read-write, or copy the folder to a disk that"
        " can be written to and give its store with --db (or settings: store), then run again;"
        " what was stored before is kept"
    )


def read_only_source(path: Path) -> str | None:
    """The SQLite URI that reads the store at `path` when its folder is on a read-only file
    system (walk92 #4: `themes`, `feeds list`, `backup` stopped there as a build does), else None.
    Nothing can write to that store, so it is opened without SQLite's -shm file, which could not
    be made (`immutable`), unless its -wal file holds what a run wrote last: then SQLite must read
    that file too (`mode=ro`), which it can when the run left its -shm file, and else it fails
    as before, saying the disk is read-only."""
    if not on_read_only_disk(path.parent):
        return None
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    try:
        waiting = wal.stat().st_size > 0
    except OSError:
        waiting = False
    return uri if waiting else uri + "&immutable=1"


def empty_store(path: Path) -> StoreError | None:
    """The refusal of a store file at `path` that is there but holds nothing (0 bytes), else None.

    SQLite takes an empty file for a new database: every command, the read-only ones included,
    made it a new, empty store without a word (walk141 #2: `themes` after `: > curator.db` showed
    an archive of nothing, `fetch` stored old articles as new and `build` published a second issue
    1; a -wal file beside an empty store is even deleted by SQLite). An empty store file is what a
    failed copy, sync or restore leaves: it is never made a new store, only named with the ways on.
    """
    try:
        if not path.is_file() or path.stat().st_size > 0:
            return None
    except OSError:
        return None
    return StoreError(
        f"{path}: the store is empty (0 bytes): a failed copy, sync or restore emptied it, and"
        " curator will not take it for a new store; nothing was changed. Restore it from a"
        " backup (a file that curator backup wrote: move it over this file, as README.md's section on"
        " backing up says), or, to start a new archive on purpose, delete the file and run again"
    )


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run `;`-separated DDL inside the caller's transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


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


def _migration_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            last_fetched TEXT,
            last_success TEXT,
            last_status INTEGER,
            last_error_kind TEXT,
            last_error TEXT,
            failing_since TEXT,
            gone INTEGER NOT NULL DEFAULT 0,
            entries_last INTEGER NOT NULL DEFAULT 0,
            bytes_last INTEGER,
            elapsed_last REAL,
            content_hash TEXT
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url_key TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            authors TEXT NOT NULL DEFAULT '[]',
            publication TEXT,
            summary TEXT NOT NULL DEFAULT '',
            blurb TEXT NOT NULL DEFAULT '',
            categories TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            first_seen TEXT NOT NULL,
            feed_id INTEGER REFERENCES feeds(id),
            text TEXT,
            subject_hints TEXT NOT NULL DEFAULT '[]',
            page_status TEXT
        );
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE,
            title TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        CREATE TABLE issue_articles (
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            article_id INTEGER NOT NULL REFERENCES articles(id),
            subject TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (issue_id, article_id)
        );
        CREATE INDEX issue_articles_article ON issue_articles(article_id);
        """,
    )


def _migration_2(db: sqlite3.Connection) -> None:
    """Other URLs of a stored article (the feed's link when the page named a canonical URL), so the
    same story is recognised, and its page not read again, however it is linked next time."""
    _run_script(
        db,
        """
        CREATE TABLE aliases (
            url_key TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id)
        );
        CREATE TABLE corrections (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            subject TEXT,
            made_at TEXT NOT NULL
        );
        """,
    )


def _migration_3(db: sqlite3.Connection) -> None:
    """Each article's subject as the scorer last placed it, under the model's fingerprint, so a
    build reads its candidates per subject from an index instead of scoring the whole archive."""
    _run_script(
        db,
        """
        CREATE TABLE assignments (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            subject TEXT,
            score REAL NOT NULL,
            matched TEXT NOT NULL DEFAULT '[]',
            fingerprint TEXT NOT NULL
        );
        CREATE INDEX assignments_subject_score ON assignments(subject, score DESC)
        """,
    )


def _migration_4(db: sqlite3.Connection) -> None:
    """Small facts about the store as a whole (e.g. how far subject placement has got)."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _migration_5(db: sqlite3.Connection) -> None:
    """What each issue was about and how it opened: its theme (a JSON list of subjects; NULL for an
    issue of every subject), whether it took its theme's place in the plan of themes, and its
    introduction (to warn before the next issue repeats it, and to render it again)."""
    _run_script(
        db,
        """
        ALTER TABLE issues ADD COLUMN theme TEXT;
        ALTER TABLE issues ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE issues ADD COLUMN introduction TEXT;
        ALTER TABLE issues ADD COLUMN closing TEXT
        """,
    )


def _migration_6(db: sqlite3.Connection) -> None:
    """What placing an article again needs without reading its text again: every term the store's
    articles use (with the word shown for it), each article's term counts (a compact blob, see
    `curator.termcounts`), and the subject model as last fitted (plain JSON, see
    `curator.modelcache`). An index on issue_articles already finds the featured ones."""
    _run_script(
        db,
        """
        CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            term TEXT NOT NULL UNIQUE,
            word TEXT NOT NULL
        );
        CREATE TABLE article_terms (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            counts BLOB NOT NULL
        );
        CREATE TABLE subject_model (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            fingerprint TEXT NOT NULL,
            format TEXT NOT NULL,
            fitted_through INTEGER NOT NULL,
            learnt_from INTEGER NOT NULL,
            fitted_at TEXT NOT NULL,
            body TEXT NOT NULL
        )
        """,
    )


def _migration_7(db: sqlite3.Connection) -> None:
    """The articles whose page could not be read when they were stored, with the feed entry they
    were built from, so a later run reads the page again and credits the article as if it had been
    read the first time (`curator.harvest`); a row goes once the page is read or given up on."""
    _run_script(
        db,
        """
        CREATE TABLE page_retries (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            link TEXT NOT NULL,
            entry TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            error_kind TEXT,
            error TEXT,
            last_tried TEXT NOT NULL
        )
        """,
    )


def _migration_8(db: sqlite3.Connection) -> None:
    """Placement now also places again the featured articles the editor corrected after their
    issue, and those under a subject feeds.yaml no longer has (their stored subject contradicted
    the correction, or named no subject): forget how far placement had got, so that the next run
    places them (only the articles stored under another model are scored again)."""
    db.execute("DELETE FROM meta WHERE key IN ('placed_fingerprint', 'placed_through')")


def _add_columns(db: sqlite3.Connection, table: str, columns: Sequence[tuple[str, str]]) -> None:
    """Add each (name, declaration) column `table` lacks: a store whose user_version was set back
    keeps the columns a later migration added, and running that migration again must not fail
    ("duplicate column name")."""
    present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    for name, declaration in columns:
        if name not in present:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")


def _migration_9(db: sqlite3.Connection) -> None:
    """An article named under another as "Also covered by" (the same story, `curator.stories`) is
    published with that issue too, so that no later issue features it again: issue_articles keeps
    it, with the id of the article it is named under in `also_of` (NULL for a featured article)."""
    _add_columns(db, "issue_articles", [("also_of", "INTEGER REFERENCES articles(id)")])


def _migration_10(db: sqlite3.Connection) -> None:
    """Where each article's credit came from (the feed's author or the page's byline) and whom the
    other named instead, so the draft can show the editor a credit feed and page disagree on.
    Articles stored before say nothing (empty)."""
    _add_columns(
        db,
        "articles",
        [
            ("authors_from", "TEXT NOT NULL DEFAULT ''"),
            ("other_authors", "TEXT NOT NULL DEFAULT '[]'"),
        ],
    )


def _migration_11(db: sqlite3.Connection) -> None:
    """A lasting mark on each article whose page answered 404 or 410 (a dead link), so that it
    stays out of issues and themes once its page is no longer read again (its `page_retries` row
    goes after six reads or 14 days); a later read of the page that succeeds takes it off. The
    pages that answered so when last read are marked at once."""
    _run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS dead_links (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            error TEXT NOT NULL,
            since TEXT NOT NULL
        );
        INSERT OR IGNORE INTO dead_links (article_id, error, since)
            SELECT article_id, COALESCE(error, 'HTTP 404 Not Found'), last_tried FROM page_retries
            WHERE error_kind = 'gone' OR error LIKE 'HTTP 404%'
        """,
    )


def _migration_12(db: sqlite3.Connection) -> None:
    """What a feed's last read said beyond success or failure, kept until a later read says
    otherwise: that it was not well formed (`warning`, with since when), where its address has
    moved for good (`moved_to`), and how many runs in a row it has failed (`failed_runs`)."""
    _add_columns(
        db,
        "feeds",
        [
            ("warning", "TEXT"),
            ("warning_since", "TEXT"),
            ("moved_to", "TEXT"),
            ("failed_runs", "INTEGER NOT NULL DEFAULT 0"),
        ],
    )
    # A feed failing already has failed at least once: its next failure is not its "first".
    db.execute(
        "UPDATE feeds SET failed_runs = 1 WHERE failing_since IS NOT NULL AND failed_runs = 0"
    )


def _migration_13(db: sqlite3.Connection) -> None:
    """The theme each issue promised as the next one (its closing line named the plan's next
    theme: a JSON list of subjects; NULL for none, or an issue published before curator kept it),
    so that the next issue is warned when it is on another theme."""
    _add_columns(db, "issues", [("promised", "TEXT")])


def _migration_14(db: sqlite3.Connection) -> None:
    """Each issue article as the issue published it (its title, credit, publication and blurb, as
    edited in the draft), so that `render` gives the issue back as published without its
    issue-N.json. Issues recorded before say nothing (NULL): they render from the articles as
    stored, as before."""
    _add_columns(
        db,
        "issue_articles",
        [("title", "TEXT"), ("authors", "TEXT"), ("publication", "TEXT"), ("blurb", "TEXT")],
    )


def _migration_15(db: sqlite3.Connection) -> None:
    """When a feed's server asked curator (429 or 503 with Retry-After) not to ask again before
    (`wait_until`, ISO): until then the feed is not fetched (walk32 #3). And a feed marked not
    well formed only for having more entries than curator reads (its own limit, walk32 #2) is
    not marked so any more."""
    _add_columns(db, "feeds", [("wait_until", "TEXT")])
    db.execute(
        "UPDATE feeds SET warning = NULL, warning_since = NULL"
        " WHERE warning GLOB '[0-9]* entries; only the first [0-9]* were read'"
    )


def _migration_16(db: sqlite3.Connection) -> None:
    """The name each article's page gives its site (og:site_name or the like: "" when it gave
    none), and whether the article is a link post, so that a feed's `name:` changed or removed
    after a fetch reaches its stored articles as a fresh fetch would credit them. Articles stored
    before say nothing (NULL): they are credited as before."""
    _add_columns(
        db,
        "articles",
        [("site_name", "TEXT"), ("link_post", "INTEGER NOT NULL DEFAULT 0")],
    )


def _migration_17(db: sqlite3.Connection) -> None:
    """Each issue's date and editor as published (a draft's `date:` and `editor:` may differ
    from the day it was built and feeds.yaml's editor), so that `render` gives them back without
    its issue-N.json (walk36 #3). Issues recorded before say nothing (NULL): they render with
    the day they were published and feeds.yaml's editor, as before."""
    _add_columns(db, "issues", [("issue_date", "TEXT"), ("editor", "TEXT")])


def _migration_18(db: sqlite3.Connection) -> None:
    """Each issue article's blurb as the editor wrote it in Markdown in the draft (a list, a link),
    so that `render` without issue-N.json gives it back as published, not its plain text with the
    list joined into one line (walk46 N2). Articles recorded before, or whose blurb is plain text,
    say nothing (NULL): they render from the plain blurb, as before."""
    _add_columns(db, "issue_articles", [("blurb_markdown", "TEXT")])


def _migration_19(db: sqlite3.Connection) -> None:
    """The language each article's page declares (`Article.language`), so that an issue in
    another language marks the article's title and blurb with it (walk51 #4). Articles stored
    before say nothing (NULL): they are not marked."""
    _add_columns(db, "articles", [("language", "TEXT")])


def _migration_20(db: sqlite3.Connection) -> None:
    """How many posts each article's page lists when it reads as a list of posts
    (`Article.post_list`), so that the draft notes it under the article (walk52 #3: `fetch` said
    to check them in the next draft, which never named them). Articles stored before: 0."""
    _add_columns(db, "articles", [("post_list", "INTEGER NOT NULL DEFAULT 0")])


def _migration_21(db: sqlite3.Connection) -> None:
    """The headline of an article's page when the page names another address as its own under a
    headline that shares little with the feed's title (`Article.page_headline`), so that the draft
    and the build say the article may be another story (walk75 #7). Articles stored before: ""."""
    _add_columns(db, "articles", [("page_headline", "TEXT NOT NULL DEFAULT ''")])


def _migration_22(db: sqlite3.Connection) -> None:
    """The unfeatured articles a build or draft found to tell the story an issue published
    (walk81 #1-#2): recorded once found, so later runs' candidate queries skip them instead of
    reading and comparing every copy of every story the last issues told again (a build took
    4 s for issue 1, 72 s for issue 7). With the issue, the article it published and why."""
    _run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS retold_copies (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            issue INTEGER NOT NULL,
            earlier_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            reason TEXT NOT NULL
        );
        """,
    )


def _migration_23(db: sqlite3.Connection) -> None:
    """The plan of themes as it stood when each issue was published, and which of its entries the
    issue took (walk111 #2: with only the theme kept, deleting a published theme from the top of
    the plan used up a later entry of the same subject). Issues published before say nothing
    (NULL): the plan counts them as before, each doing the first entry of its theme left."""
    _add_columns(db, "issues", [("plan", "TEXT")])


def _migration_24(db: sqlite3.Connection) -> None:
    """The sections of each issue that were its draft's own (`extra_sections:`, not subjects),
    so that `subjects list` and `explain` call them so, not subjects gone from feeds.yaml (walk108
    #3: "Editor's picks", not a subject in feeds.yaml now). Issues published before: none known."""
    _add_columns(db, "issues", [("own_sections", "TEXT NOT NULL DEFAULT '[]'")])


def _migration_25(db: sqlite3.Connection) -> None:
    """Each issue article's address as the issue publishes it, when the editor corrected it in
    issue-N.json (walk115 #4: the correction was published, but `render` without the file gave
    the old address back), and the heading of its section as the issue prints it when the editor
    corrected it there (`subject` stays the subject it was published under, which placement
    keeps it under). NULL: the article's own address, the subject's name, as before."""
    _add_columns(db, "issue_articles", [("url", "TEXT"), ("heading", "TEXT")])


def _migration_26(db: sqlite3.Connection) -> None:
    """When an article page's server asked curator (429 or 503 with Retry-After) not to ask again
    before (`wait_until`, ISO): until then the page is not read again, and reads so answered do not
    count (walk127 #1: a page asking for a day was read again after 2 and 5 hours, each read
    using up one of its reads). NULL: its last read failed otherwise, as before."""
    _add_columns(db, "page_retries", [("wait_until", "TEXT")])


def _migration_27(db: sqlite3.Connection) -> None:
    """What the feed said of each article when curator last took it (its entry's title and
    authors, `Store.entries_said`), so that a feed correcting a stored article's title or credit
    is noticed (walk126 #1: "Rethinking it: ..." by "Corrected Person", the build saying nothing
    and issue 3 publishing the old title and credit). Articles stored before: NULL, filled in the
    next time their feed is read (a change from then on is noticed). And an index finding a
    feed's articles by the opening of their text (walk126 #2: re-published at new addresses)."""
    _add_columns(db, "articles", [("entry_said", "TEXT")])
    # A feed's new article is looked up by its text among the feed's (`Store.republished`): by
    # the opening of its text, so that each lookup reads the few articles opening alike.
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_feed_opening ON articles(feed_id, substr(text, 1, 80))"
    )


def _migration_28(db: sqlite3.Connection) -> None:
    """Whether the editor corrected each issue article's credit there (its draft's `author:` or
    `publication:` lines, or its issue-N.json's "authors" or "publication" and `curator
    render`), so that an issue featuring it again credits it as corrected (walk158 #7: issue 2
    published the old credit). NULL: as curator credited it, or not known (before)."""
    _add_columns(db, "issue_articles", [("credit_corrected", "INTEGER")])
    # And the publication an article's feed credit says it was written for ("Bea Kahn for The
    # Compost Gazette" on "Relay"), for the draft's note (walk158 #9: dropped unsaid).
    _add_columns(db, "articles", [("written_for", "TEXT NOT NULL DEFAULT ''")])


def _migration_29(db: sqlite3.Connection) -> None:
    """Whether the editor corrected each issue article's blurb there (its draft's blurb, or its
    issue-N.json's "blurb" and `curator render`), so that an issue featuring it again publishes
    it as corrected, as a corrected credit is (walk167 #5: issue 3 published curator's own blurb
    again, and said nothing). NULL: as curator wrote it, or not known (before)."""
    _add_columns(db, "issue_articles", [("blurb_corrected", "INTEGER")])


#: Numbered migrations; migration N brings a store from version N-1 to N. Never edit one that shipped.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
    _migration_9,
    _migration_10,
    _migration_11,
    _migration_12,
    _migration_13,
    _migration_14,
    _migration_15,
    _migration_16,
    _migration_17,
    _migration_18,
    _migration_19,
    _migration_20,
    _migration_21,
    _migration_22,
    _migration_23,
    _migration_24,
    _migration_25,
    _migration_26,
    _migration_27,
    _migration_28,
    _migration_29,
)
VERSION = len(MIGRATIONS)


#: The `meta` key, before a feed's address, of the address curator advised putting in its place
#: (`Store.advise_move`).
ADVISED_MOVE = "advised_move:"
#: The `meta` key, before a feed's address, of the address that replaced it in feeds.yaml as its
#: move said (`Store.follow_moves`).
FOLLOWED_MOVE = "followed_move:"

#: A new article whose text is a stored article's of its feed, at least this long, is that
#: article at a new address (`Store.republished`); a shorter text may be a teaser or a line
#: ("Read more on our site") many of a feed's entries share.
REPUBLISHED_MIN_CHARS = 280


@dataclass(frozen=True)
class Upgrade:
    """A store of an older curator, upgraded when it was opened: from which schema to which, and
    where the copy of it as it was is kept."""

    path: Path
    old: int
    new: int
    kept: Path
    #: The number of the last issue the store had published when it was upgraded (None: none).
    after: int | None = None

    def message(self) -> str:
        # (walk161 #2: an editor who went back by moving the copy over the store lost every
        # issue published since the upgrade; the copy never has them, so said when it is made)
        since = (
            f", as it was after issue {self.after}: issues published from now on are not in the"
            " kept copy"
            if self.after is not None
            else ": issues published from now on are not in the kept copy"
        )
        return (
            f"upgraded the store {self.path} from schema {self.old} to {self.new}; the old one is"
            f" kept as {self.kept}{since} (an older curator can use it: see"
            ' "Upgrading curator" in README.md)'
        )


def kept_copy(path: Path, version: int) -> Path:
    """Where the copy of the store at `path` is kept when it is upgraded from schema `version`:
    beside it, `curator.schema-4.db` for `curator.db`; a copy kept there before (an upgrade, a
    return to the older curator, an upgrade again) stays, and the new one is `.schema-4.2.db`."""
    stem, suffix = path.stem, path.suffix
    kept = path.with_name(f"{stem}.schema-{version}{suffix}")
    n = 2
    while kept.exists():
        kept = path.with_name(f"{stem}.schema-{version}.{n}{suffix}")
        n += 1
    return kept


def copy_store(path: Path, dest: Path) -> None:
    """Copy the store at `path` to `dest` as it is: consistent (SQLite's backup API reads one
    snapshot, what is still in the -wal file included, while another program may be writing),
    in one file (no -wal) written under a temporary name and renamed into place, so that a copy
    cut short is never taken for a whole one. Raises OSError or sqlite3.Error."""
    part = dest.with_name(f".{dest.name}.tmp")
    try:
        part.unlink(missing_ok=True)
        uri = read_only_source(path)  # (on a read-only disk: walk92 #4)
        source = (
            sqlite3.connect(path, isolation_level=None, timeout=LOCK_WAIT)
            if uri is None
            else sqlite3.connect(uri, uri=True, isolation_level=None, timeout=LOCK_WAIT)
        )
        try:
            source.execute("PRAGMA query_only = ON")
            target = sqlite3.connect(part, isolation_level=None)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.close()
        part.replace(dest)
    except BaseException:
        with suppress(OSError):
            part.unlink(missing_ok=True)
        raise


def free_name(dest: Path) -> Path:
    """`dest` when no file is there, else the first of its name with -2, -3, ... before the
    suffix that is free (curator-2026-12-06.db -> curator-2026-12-06-2.db): a second backup the
    same day (walk48 #6)."""
    n = 1
    candidate = dest
    while candidate.exists():
        n += 1
        candidate = dest.with_name(f"{dest.stem}-{n}{dest.suffix}")
    return candidate


def backup_store(path: Path, dest: Path) -> tuple[int, int]:
    """Copy the store at `path` to `dest` (a new file; see `copy_store`), safe while a run writes
    to it, without changing it (an older store is copied as it is, not upgraded); how many issues
    and articles the copy holds. Raises StoreError, saying what to do."""
    if (empty := empty_store(path)) is not None:  # (a copy of nothing is no backup)
        raise empty
    if dest.exists():
        raise StoreError(
            f"{dest} already exists; a backup never writes over a file: give another name"
            f" ({free_name(dest)} is free), or move that file away first"
        )

    def unwritable(why: object) -> StoreError:
        return StoreError(
            f"cannot write the copy {dest} ({why}): check that your user may write to"
            f" {dest.parent} and that its disk has room, or give another place; the store"
            f" {path} is unchanged"
        )

    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        # The copy's folder tried first: SQLite's "unable to open database file" for it would
        # read as the store's own failing (walk50 #7 blamed the store for a read-only folder).
        probe = dest.with_name(f".{dest.name}.tmp")
        probe.open("wb").close()
        probe.unlink()
        copy_store(path, dest)
        with sqlite3.connect(dest) as copy:
            issues = copy.execute("SELECT COUNT(*) FROM issues").fetchone()[0]
            articles = copy.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if _code(exc) in (_FULL, _READONLY):  # the store is only read: the copy is written
            raise unwritable(exc) from None
        plain = plain_store_error(exc, path)
        raise plain or damaged_store(path, exc) from None
    except OSError as exc:
        raise unwritable(exc.strerror or exc) from None
    return int(issues), int(articles)


def _newer_store(path: Path, version: int) -> str:
    """The refusal of a store a newer curator wrote, with the ways on: that curator, or the copy
    it kept of the store when it upgraded it, if one is beside it (the newest this one knows)."""
    said = (
        f"{path}: this store was written by a newer curator (schema {version}; this curator knows"
        f" up to {VERSION}): run the newer curator (update this one the way you installed it)"
    )
    copies = []
    for candidate in path.parent.glob(f"{path.stem}.schema-*{path.suffix}"):
        number = candidate.name[len(path.stem) + len(".schema-") :].split(".")[0]
        if number.isdigit() and int(number) <= VERSION:
            copies.append((int(number), candidate.stat().st_mtime, candidate))
    if not copies:
        return said
    kept = max(copies)[2]
    return (
        f"{said}; or, to go back to this one, use the copy of the store the newer curator kept"
        f" when it upgraded it, {kept} (move it to {path}; what was stored since is only in the"
        " newer store)"
    )


#: The name of a copy an upgrade kept (`kept_copy`): `curator.schema-4.db`, `curator.schema-4.2.db`.
_KEPT_COPY = re.compile(r"^(?P<stem>.+)\.schema-\d+(?:\.\d+)?$")


def _schema_of(path: Path) -> int | None:
    """The schema of the store at `path` without opening it for SQLite (which leaves -wal and
    -shm files beside a store in WAL mode): its header's user_version, unless a -wal file beside
    it may hold a newer one; None when there is no SQLite file there."""
    if path.with_name(path.name + "-wal").exists():
        try:
            with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
                return int(db.execute("PRAGMA user_version").fetchone()[0])
        except (sqlite3.Error, ValueError):
            return None
    try:
        with path.open("rb") as file:
            header = file.read(64)
    except OSError:
        return None
    if len(header) < 64 or not header.startswith(b"SQLite format 3\0"):
        return None
    return int.from_bytes(header[60:64], "big")


def _refuse_kept_copy(path: Path, version: int) -> None:
    """Stop before upgrading a copy an upgrade kept for an older curator (`curator.schema-4.db`)
    while the store it was copied from, upgraded since, is beside it: this curator would upgrade
    the copy again and work from it from then on, leaving out of every issue what it had stored in
    the upgraded store (walk71 #A: the copy named in feeds.yaml's `settings: store:`, as README
    said to for the older curator, was read by the new curator as well). Raises StoreError."""
    named = _KEPT_COPY.match(path.stem)
    if named is None:
        return
    upgraded = path.with_name(named["stem"] + path.suffix)
    newer = _schema_of(upgraded)
    if newer is None:
        return
    if newer <= version:
        return
    raise StoreError(
        f"{path} is the copy of the store an upgrade kept for an older curator (schema"
        f" {version}), and the upgraded store {upgraded} (schema {newer}) is beside it, with what"
        " this curator stored since; nothing was changed. This curator would upgrade the copy"
        f" again and work from it without that: name {upgraded} in feeds.yaml's `settings:"
        " store:` (or --db). Keep the copy for the older curator only: a second"
        " feeds.yaml naming it, with an `output:` and a `drafts:` folder of its own under"
        " `settings:` (else it publishes over this curator's issues), given to the older"
        ' curator with --config (see "Upgrading'
        f' curator" in README.md); to start again from the copy on purpose, move it to {upgraded}'
        " first"
    )


@dataclass(frozen=True)
class IssueRecord:
    """A published issue as the store remembers it."""

    number: int
    title: str
    published_at: datetime
    #: The subjects it was about, in order; () for an issue of every subject.
    theme: tuple[str, ...] = ()
    #: True when the issue took its theme's place in the plan of themes.
    planned: bool = False
    #: Its introduction; None for an issue published before curator kept it.
    introduction: str | None = None
    closing: str | None = None
    #: (subject, article id) in issue order.
    featured: tuple[tuple[str, int], ...] = ()
    #: (id of the featured article, id of one named under it as "also covered by"), in order.
    copies: tuple[tuple[int, int], ...] = ()
    #: The theme its closing line promised as the next one; () for none, None when unknown (an
    #: issue published before curator kept it).
    promised: tuple[str, ...] | None = None
    #: Its articles (featured and named "also covered by") as it published them, by article id:
    #: title, credit, publication and blurb as edited in the draft (the rest as stored); empty for
    #: an issue published before curator kept them.
    as_published: Mapping[int, Article] = field(default_factory=dict)
    #: The heading its sections print over articles, by article id, where the editor corrected
    #: it in issue-N.json (the others print their subject's name).
    headings: Mapping[int, str] = field(default_factory=dict)
    #: Its date and editor as published (a draft's `date:` and `editor:`); None for an issue
    #: published before curator kept them.
    issue_date: datetime | None = None
    editor: str | None = None
    #: The plan of themes (`themes: plan:`) as it stood when the issue was published, and the
    #: index of the entry it took; None for an issue that took none, or was published before
    #: curator kept them.
    plan: tuple[tuple[str, ...], ...] | None = None
    plan_entry: int | None = None

    @property
    def day(self) -> datetime:
        """Its date as published (a draft's `date:`); for an issue published before curator kept
        it, the day it was published."""
        return self.issue_date or self.published_at.replace(
            hour=0, minute=0, second=0, microsecond=0
        )


def _plan_taken(value: str | None) -> dict[str, Any]:
    """An issue's `plan` column as `IssueRecord.plan` and `plan_entry`."""
    if not value:
        return {}
    data = json.loads(value)
    return {"plan": tuple(tuple(e) for e in data["plan"]), "plan_entry": int(data["entry"])}


@dataclass(frozen=True)
class StoredModel:
    """The subject model as the store keeps it between builds."""

    #: The fingerprint of what it was fitted from: the scorer, the subjects, the corrections.
    fingerprint: str
    #: The layout of `body` (`modelcache.FORMAT`).
    format: str
    #: The newest article id when it was fitted, and how many articles it learnt from.
    fitted_through: int
    learnt_from: int
    #: The fitted model as JSON.
    body: str


@dataclass(frozen=True)
class PageRetry:
    """An unfeatured article whose page could not be read yet, as `Store.page_retries` lists it."""

    article_id: int
    #: The page's address, as the feed linked it.
    link: str
    #: The feed entry the article was built from (JSON, `curator.harvest` reads it).
    entry: str
    feed_url: str | None
    #: Reads so far, the first one included.
    attempts: int
    error_kind: str | None
    first_seen: datetime | None
    #: When it was last read (and failed).
    last_tried: datetime | None = None
    #: When its server asked (Retry-After) not to be asked again before, if its last read was so
    #: answered: it is not read again before then.
    wait_until: datetime | None = None


@dataclass(frozen=True)
class FeedState:
    """What the store remembers about a feed between runs."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    failing_since: str | None = None
    gone: bool = False
    content_hash: str | None = None
    #: Set while the feed's last document read was not well formed (from `warning_since`).
    warning: str | None = None
    warning_since: str | None = None
    #: Where the feed's address redirected for good (301/308) when it was last read.
    moved_to: str | None = None
    #: Runs in a row that it failed (0 when the last run read it).
    failed_runs: int = 0
    #: When its server asked not to be asked again before (Retry-After on a 429/503), ISO.
    wait_until: str | None = None
    #: What kind of failure its last one was (`models.ErrorKind`; None when it was read).
    last_error_kind: str | None = None
    #: When it was last asked, ISO.
    last_fetched: str | None = None
    #: The entries its last document read had (0 before any).
    entries_last: int = 0


#: Each subject's placed articles by score: what a build reads its candidates from.
_CANDIDATES_INDEX = (
    "CREATE INDEX IF NOT EXISTS assignments_subject_score ON assignments(subject, score DESC)"
)

#: An article's placement, new or replacing the one stored (an upsert: one index update, where
#: INSERT OR REPLACE deletes and inserts, ~4x the work when a whole archive is placed again).
_SAVE_ASSIGNMENT = (
    "INSERT INTO assignments (article_id, subject, score, matched, fingerprint)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET subject = excluded.subject,"
    " score = excluded.score, matched = excluded.matched, fingerprint = excluded.fingerprint"
)


#: The SQL that leaves out an article `a` whose page answered 404 or 410 (a dead link, marked in
#: `dead_links` until a read of its page succeeds): a dead link is never picked for an issue.
#: An article as `Store.candidates_from` reads it: (id, score, url, publication, published,
#: first_seen, site_name, link_post, feed_url), the dates as stored (ISO text or None).
LightRow = tuple[int, float, str, str | None, str | None, str | None, str | None, int, str | None]

_NOT_DEAD = " AND NOT EXISTS (SELECT 1 FROM dead_links d WHERE d.article_id = a.id)"

#: How many of the latest issues' stories a candidate may not tell again (`placement`).
RETOLD_ISSUES = 12

#: The recorded copies of a story one of the last `RETOLD_ISSUES` issues told (`record_retold`):
#: those a draft lists for the editor to feature one all the same (older ones stay left out).
_RETOLD_NOW = (
    "SELECT r.article_id FROM retold_copies r"
    f" WHERE r.issue > (SELECT COALESCE(MAX(number), 0) FROM issues) - {RETOLD_ISSUES}"
)

#: The SQL that leaves out an article `a` recorded as such a copy: no run reads it again, nor
#: counts it as waiting, even once its story's issue is no longer one of the last `RETOLD_ISSUES`
#: (walk111 #1: a copy came back then, and the next build published it, compared with nothing).
_NOT_RETOLD = " AND a.id NOT IN (SELECT article_id FROM retold_copies)"

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


def dead_page(kind: str | None, error: str | None) -> bool:
    """Whether a failed read of a page says it is gone for good: 410 (kind "gone") or 404."""
    return kind == "gone" or (error or "").startswith("HTTP 404")


def _stale(subjects: Sequence[str]) -> str:
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


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _strings(value: str) -> tuple[str, ...]:
    """A stored JSON list of strings, as a tuple ("[]", most articles' value, read without JSON)."""
    return () if value == "[]" else tuple(json.loads(value))


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _connect_query_only(path: Path, address: str, *pragmas: str) -> tuple[sqlite3.Connection, int]:
    """The store at `path`, through the URI `address`, opened so that nothing can write it
    (`PRAGMA query_only`, then `pragmas`), and its schema version; each failure said as the
    writable open says it (an empty file, one SQLite cannot open, a damaged one). Shared by
    `Store.open_read_only` and `Store.open_for_reading`, which differ in what they do with an
    older schema."""
    if (empty := empty_store(path)) is not None:
        raise empty
    try:
        db = sqlite3.connect(address, uri=True, isolation_level=None, timeout=LOCK_WAIT)
    except sqlite3.Error as exc:
        raise plain_store_error(exc, path) or StoreError(
            f"{path}: cannot open the store: {exc}"
        ) from None
    db.row_factory = sqlite3.Row
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        db.execute("PRAGMA query_only = ON")
        for pragma in pragmas:
            db.execute(pragma)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise plain_store_error(exc, path) or damaged_store(path, exc) from None
    return db, version


class Store:
    """An open store. Use `Store.open(path)`; every write runs in a transaction."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        #: Told (once per wait) that a write waits for another program to release the store.
        self.on_wait: Callable[[str], None] | None = None
        #: `close` was called: a transaction left open then was rolled back by SQLite.
        self.closed = False
        #: Set when opening upgraded a store of an older curator (its copy kept beside it).
        self.upgraded: Upgrade | None = None
        #: The schema of a store of an older curator read into an upgraded working copy
        #: (`open_for_reading`), the store itself left as it was; None for others.
        self.upgraded_in_copy: int | None = None
        #: What a caller worked out from the store as it was, by name, with what it was worked
        #: out from (a key the caller compares): worked out again once that differs.
        self.memo: dict[str, tuple[object, object]] = {}
        #: The articles whose page this run read at last (`update_read_article`): read now, so
        #: not asked for again before the issue is published (`curator.linkcheck`).
        self.pages_read_now: set[int] = set()
        #: The file worker processes read the archive from: `path`, or a working copy's own.
        self.worker_path: Path = path
        #: A working copy's temporary folder (`_work_in_copy`), removed when it is closed.
        self.scratch: Path | None = None
        #: Opened by a command that only reads (`open_for_reading`) and not copied yet: its
        #: first write goes to a working copy (`_work_in_copy`), and so does all that follows.
        self.reading = False
        #: Told when a command that only reads starts working in a copy of the store.
        self.on_copy: Callable[[], None] | None = None
        #: The store's own connection, once a working copy replaced it in `db`.
        self._original: sqlite3.Connection | None = None

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) the store at `path` and bring its schema up to date; an
        empty file there is refused (`empty_store`), never made a new store."""
        path = Path(path)
        if (empty := empty_store(path)) is not None:
            raise empty
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, timeout=LOCK_WAIT)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from None
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA foreign_keys = ON")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise StoreError(_newer_store(path, version))
            if 0 < version < VERSION:
                _refuse_kept_copy(path, version)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            store = cls(db, path)
            store._migrate(version)
            # (dropped while a whole archive is placed again: back if that run was cut short)
            db.execute(_CANDIDATES_INDEX)
        except sqlite3.DatabaseError as exc:
            db.close()
            # A store that cannot be written to (a full disk, read-only) is not damaged: say so.
            raise plain_store_error(exc, path) or damaged_store(path, exc) from None
        except StoreError:
            db.close()
            raise
        return store

    @classmethod
    def open_read_only(cls, path: Path, uri: str) -> Store:
        """Open the store at `path` through `uri` (`read_only_source`: on a read-only file
        system) for reading: no lock, no upgrade; a write to it fails as any write to a read-only
        store does (`plain_store_error`), and one of an older curator is refused, for it must be
        upgraded first."""
        db, version = _connect_query_only(path, uri)
        if version != VERSION:
            db.close()
            if version > VERSION:
                raise StoreError(_newer_store(path, version))
            raise read_only_disk(
                path, f"it is of an older curator, schema {version}, to be upgraded to {VERSION}"
            )
        return cls(db, path)

    @classmethod
    def open_for_reading(cls, path: Path, uri: str | None = None) -> Store:
        """Open the store at `path` for a command that only reads it (`themes`, the `subjects`
        reports, `feeds list`): no lock, no upgrade, and no write, not even SQLite's journal
        mode (`PRAGMA query_only`); through `uri` when given (`read_only_source`: on a read-only
        file system). What the command would write (the articles placed again after the
        subjects changed, a store of an older curator upgraded) goes to a working copy
        (`_work_in_copy`), the store itself left as it is.

        Why: `curator themes --db BACKUP.db` rewrote the backup (placing its articles again,
        its journal mode) and left BACKUP.db.lock beside it, though README calls `themes` a
        command that changes nothing (walk150 #4)."""
        address = uri or Path(os.path.abspath(path)).as_uri() + "?mode=rw"  # (never made)
        db, version = _connect_query_only(path, address, "PRAGMA foreign_keys = ON")
        if version > VERSION:
            db.close()
            raise StoreError(_newer_store(path, version))
        if 0 < version < VERSION:
            try:
                _refuse_kept_copy(path, version)
            except StoreError:
                db.close()
                raise
        store = cls(db, path)
        store.reading = True
        if version < VERSION:
            store.upgraded_in_copy = version
            try:
                store._work_in_copy()
            except BaseException:
                store.close()
                raise
        return store

    def _work_in_copy(self) -> None:
        """From now on, read and write a copy of the store in a temporary folder (brought up to
        this curator's schema), removed when the store is closed: a command that only reads
        works out there what the next build would write (`on_copy` is told, once). Worker
        processes read the copy; messages name the store (`path`). The store's own connection
        stays open until then, for a read under way."""
        folder = Path(tempfile.mkdtemp(prefix="curator-reading-"))
        target = folder / "store.db"
        try:
            copy = sqlite3.connect(target, isolation_level=None, timeout=LOCK_WAIT)
            try:
                self.db.backup(copy)
                copy.row_factory = sqlite3.Row
                copy.execute("PRAGMA foreign_keys = ON")
                copy.execute("PRAGMA journal_mode = WAL")
                copy.execute("PRAGMA synchronous = OFF")  # (a scratch copy: no crash to survive)
                version = copy.execute("PRAGMA user_version").fetchone()[0]
                if version < VERSION:
                    copy.execute("BEGIN IMMEDIATE")
                    for number in range(version + 1, VERSION + 1):
                        MIGRATIONS[number - 1](copy)
                        copy.execute(f"PRAGMA user_version = {number}")
                    copy.execute("COMMIT")
                copy.execute(_CANDIDATES_INDEX)
            except BaseException:
                copy.close()
                raise
        except (OSError, sqlite3.Error) as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise StoreError(
                f"{self.path}: this command only reads the store, and could not copy it to"
                f" {folder} to work out what the next build would write: {exc}; free some space"
                " there (or set TMPDIR to a folder with room), then run again"
            ) from None
        self._original = self.db
        self.db = copy
        self.worker_path = target
        self.scratch = folder
        self.reading = False
        if self.on_copy is not None:
            self.on_copy()

    @classmethod
    def reader(cls, path: Path | str) -> Store:
        """Another connection to an existing, current store, for reading only (a worker process
        reading its share of the archive while the process that opened it writes)."""
        path = Path(path)
        db = sqlite3.connect(path, isolation_level=None, timeout=30)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA query_only = ON")
        return cls(db, path)

    def _migrate(self, version: int) -> None:
        """Bring the store from schema `version` up to VERSION, in one transaction (one process
        at a time: another that upgraded it meanwhile leaves nothing to do). A store of an older
        curator (not a new, empty one) is first copied beside it (`kept_copy`): `upgraded` says
        from which schema, and where the copy is."""
        if version >= VERSION:
            return
        with self.transaction():
            version = self.version
            if version >= VERSION:
                return
            kept = self._keep_copy(version) if version > 0 else None
            # (every schema has had `issues` since the first; a new store, 0, has no tables)
            after = (
                self.db.execute("SELECT MAX(number) FROM issues").fetchone()[0] if version else None
            )
            for number in range(version + 1, VERSION + 1):
                MIGRATIONS[number - 1](self.db)
                self.db.execute(f"PRAGMA user_version = {number}")
        if kept is not None:
            self.upgraded = Upgrade(
                self.path, version, VERSION, kept, None if after is None else int(after)
            )

    def _keep_copy(self, version: int) -> Path:
        """A consistent copy of the store as it is (SQLite's backup API, read through a second
        connection while this one holds the write lock), beside it as `kept_copy` names it, in
        one file (no -wal): an older curator opens it as its own."""
        kept = kept_copy(self.path, version)
        try:
            copy_store(self.path, kept)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"{self.path}: this store is of an older curator (schema {version}), and a copy of"
                f" it could not be kept as {kept} before upgrading it ({exc}); nothing was changed:"
                " free some space or give your user write permission on the folder, then run"
                " again"
            ) from None
        return kept

    def close(self) -> None:
        self.closed = True
        self.db.close()
        if self._original is not None:
            self._original.close()
        if self.scratch is not None:  # a working copy: it goes with the run
            shutil.rmtree(self.scratch, ignore_errors=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (nested calls become savepoints); rolled back on any exception."""
        if self.db.in_transaction:
            name = f"sp{id(self)}"
            self.db.execute(f"SAVEPOINT {name}")
            try:
                yield self.db
            except BaseException:
                # (SQLite may have ended the transaction on a failed write: the outer one says.)
                with suppress(sqlite3.Error):
                    self.db.execute(f"ROLLBACK TO {name}")
                    self.db.execute(f"RELEASE {name}")
                raise
            self.db.execute(f"RELEASE {name}")
            return
        self._begin()
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            # Closed already: a Ctrl-C between this `yield` and its `with` left the transaction
            # to be closed by the garbage collector after the store (walk21 #4: "Exception
            # ignored ... Cannot operate on a closed database" after "curator: interrupted").
            # SQLite rolled it back when the store closed.
            if self.closed:
                raise
            if self.db.in_transaction:
                # When the write failed already (a full disk, say), ROLLBACK can fail too: SQLite
                # drops the transaction when the connection closes, and `exc` says what happened.
                with suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            plain = plain_store_error(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if plain is not None:
                raise plain from None
            raise

    def check_writable(self) -> None:
        """Stop now, with `plain_store_error`'s message, when the store cannot be written to:
        its file (or its -wal) is read-only, which SQLite takes as opening it for reading alone,
        so that only the first write fails (walk141: `fetch` and `build` read every feed, then
        stopped). A write to the schema's version, as it is, then rolled back: nothing reaches
        the disk. Another program holding the write lock is not waited for here (a write waits,
        saying so, when it comes)."""
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute(f"PRAGMA user_version = {self.version}")
            finally:
                self.db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            if _code(exc) in (_BUSY, _LOCKED):
                return
            plain = plain_store_error(exc, self.path)
            if plain is None:
                raise
            raise plain from None
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT * 1000)}")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: the store's write lock, before anything is written. When another
        program holds it, `on_wait` is told so after LOCK_NOTICE s, and the run waits up to
        LOCK_WAIT s in all before it stops (a plain StoreError). A store opened by a command that
        only reads is copied first: the write goes to the copy (`_work_in_copy`)."""
        if self.reading:
            self._work_in_copy()
        try:
            self.db.execute(f"PRAGMA busy_timeout = {int(LOCK_NOTICE * 1000)}")
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if _code(exc) not in (_BUSY, _LOCKED):
                    raise
            if self.on_wait is not None:
                self.on_wait(
                    f"waiting for {self.path}: another program is writing to the store (an SQLite"
                    f" browser, a backup?); waiting up to {LOCK_WAIT:.0f} s for it to finish"
                )
            self.db.execute(f"PRAGMA busy_timeout = {int(max(LOCK_WAIT - LOCK_NOTICE, 0) * 1000)}")
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            plain = plain_store_error(exc, self.path)
            if plain is None:
                raise
            raise plain from None
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT * 1000)}")

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

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
        server asked not to be asked again before then (Retry-After)."""
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
                       link_post, language, post_list, page_headline, written_for)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
    ) -> dict[str, tuple[int, str | None, int | None]]:
        """URL key (the article's own or an alias) of an article of the feed at `feed_url` ->
        (article id, what its entry said when curator last took it, or None when not recorded
        yet, the first issue that published it or named it under another, or None). Another
        feed's articles are left out: two feeds may title one article each their own way."""
        sql = (
            "SELECT k.url_key, a.id, a.entry_said,"
            " (SELECT MIN(i.number) FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            "  WHERE ia.article_id = a.id OR ia.also_of = a.id)"
            " FROM (SELECT url_key, id AS article_id FROM articles WHERE url_key IN ({marks})"
            "  UNION SELECT url_key, article_id FROM aliases WHERE url_key IN ({marks})) k"
            " JOIN articles a ON a.id = k.article_id"
            " WHERE a.feed_id = (SELECT id FROM feeds WHERE url = ?)"
        )
        found: dict[str, tuple[int, str | None, int | None]] = {}
        keys = list(keys)
        for start in range(0, len(keys), 400):
            chunk = keys[start : start + 400]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(sql.format(marks=marks), [*chunk, *chunk, feed_url]):
                found[r[0]] = (r[1], r[2], r[3])
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
        self, feed_url: str, articles: Sequence[tuple[str, Article]]
    ) -> dict[str, tuple[int, str]]:
        """Of these new articles (URL key, article) of the feed at `feed_url`, those whose text is
        that of an article the feed gave before, at another address: URL key -> (that article's
        id, its title) (walk126 #2: the feed re-published its items at new links, the pages' text
        the same). Texts under `REPUBLISHED_MIN_CHARS` are left out (a short text may be a teaser
        many entries share), and so are texts two of its stored articles have (a page every
        link gives, such as a cookie wall, is no article's)."""
        found: dict[str, tuple[int, str]] = {}
        for key, art in articles:
            text = (art.text or "").strip()
            if len(text) < REPUBLISHED_MIN_CHARS:
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
            if len(same) == 1 and same[0][0] not in {i for i, _ in found.values()}:
                found[key] = same[0]
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
                    language = ?, post_list = ?, page_headline = ?, written_for = ?
                    WHERE id = ?""",
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

    # -- subjects: corrections and stored assignments --------------------------------------------
    def set_correction(self, article_id: int, subject: str | None, *, now: datetime) -> None:
        """The editor's word on an article: it belongs to `subject`, or (None) to no subject. A
        word that replaces another keeps that one (`replaced_correction`), for `curator subjects
        undo` to restore (walk153 #4: an exclusion silently discarded a move, and undo forgot
        both)."""
        with self.transaction():
            row = self.db.execute(
                "SELECT subject FROM corrections WHERE article_id = ?", (article_id,)
            ).fetchone()
            replaced = self._replaced()
            if row is None:
                replaced.pop(str(article_id), None)
            elif row[0] != subject:
                replaced[str(article_id)] = row[0]
            self._set_meta([("replaced_corrections", json.dumps(replaced, ensure_ascii=False))])
            self.db.execute(
                "INSERT INTO corrections (article_id, subject, made_at) VALUES (?, ?, ?)"
                " ON CONFLICT(article_id) DO UPDATE SET subject = excluded.subject,"
                " made_at = excluded.made_at",
                (article_id, subject, _iso(now)),
            )

    def exclusions_made(self, article_ids: Sequence[int]) -> dict[int, datetime]:
        """When the editor excluded each of `article_ids` that is excluded now."""
        sql = (
            "SELECT article_id, made_at FROM corrections WHERE subject IS NULL AND article_id"
            " IN ({marks})"
        )
        return {int(i): datetime.fromisoformat(made) for i, made in self._each_in(sql, article_ids)}

    def _replaced(self) -> dict[str, str | None]:
        return dict(json.loads(self._meta("replaced_corrections") or "{}"))

    def replaced_correction(self, article_id: int) -> tuple[bool, str | None]:
        """The editor's earlier word on an article that their current one replaced: (whether
        there was one, its subject: None for an exclusion)."""
        replaced = self._replaced()
        key = str(article_id)
        return key in replaced, replaced.get(key)

    def restore_correction(self, article_id: int, *, now: datetime) -> bool:
        """Put back the editor's earlier word on an article, the one their current word replaced
        (`replaced_correction`), forgetting the current one; False when there was none."""
        with self.transaction():
            had, subject = self.replaced_correction(article_id)
            if not had:
                return False
            self.db.execute(
                "UPDATE corrections SET subject = ?, made_at = ? WHERE article_id = ?",
                (subject, _iso(now), article_id),
            )
            replaced = self._replaced()
            replaced.pop(str(article_id), None)
            self._set_meta([("replaced_corrections", json.dumps(replaced, ensure_ascii=False))])
        return True

    def corrections(self) -> dict[str, str | None]:
        """Every correction, as article URL -> subject (None: excluded)."""
        rows = self.db.execute(
            "SELECT a.url, c.subject FROM corrections c JOIN articles a ON a.id = c.article_id"
        )
        return {r[0]: r[1] for r in rows}

    def moves_placed(self, subject: str) -> list[tuple[str | None, int]]:
        """Where the articles the editor moved to `subject` are stored now, as (subject or None,
        how many), most first."""
        rows = self.db.execute(
            "SELECT s.subject, COUNT(*) FROM corrections c"
            " JOIN assignments s ON s.article_id = c.article_id"
            " WHERE c.subject = ? GROUP BY s.subject ORDER BY COUNT(*) DESC, s.subject",
            (subject,),
        )
        return [(None if r[0] is None else str(r[0]), int(r[1])) for r in rows]

    def rename_corrections(self, old: str, new: str) -> int:
        """Point every move to subject `old` at subject `new` instead; returns how many."""
        with self.transaction():
            self._rename_replaced(old, new)
            return self.db.execute(
                "UPDATE corrections SET subject = ? WHERE subject = ?", (new, old)
            ).rowcount

    def _rename_replaced(self, old: str, new: str) -> None:
        """The earlier moves to `old` that corrections replaced (`replaced_correction`), to `new`."""
        replaced = self._replaced()
        if old in replaced.values():
            renamed = {k: new if v == old else v for k, v in replaced.items()}
            self._set_meta([("replaced_corrections", json.dumps(renamed, ensure_ascii=False))])

    def subject_renames(self) -> list[tuple[str, str]]:
        """The subjects the editor renamed (`curator subjects rename`), as (old, new), oldest first:
        past issues' themes count for the new name in the plan of themes."""
        return [(str(a), str(b)) for a, b in json.loads(self._meta("subject_renames") or "[]")]

    def record_subject_rename(self, old: str, new: str) -> None:
        """Remember that subject `old` is now called `new` (a rename back forgets the first)."""
        renames = [
            (a, b)
            for a, b in self.subject_renames()
            if a.casefold() != old.casefold() and a.casefold() != new.casefold()
        ]
        renames.append((old, new))
        self._set_meta([("subject_renames", json.dumps(renames, ensure_ascii=False))])

    def subjects_seen(self) -> dict[str, str] | None:
        """feeds.yaml's subjects as `themes`, `draft` or `build` last saw them: {name: what
        defines it (`themes.subject_definition`)}; None before any of them kept it."""
        kept = self._meta("subjects_seen")
        return None if kept is None else {str(k): str(v) for k, v in json.loads(kept).items()}

    def hand_renames(self) -> list[dict[str, Any]]:
        """The subjects feeds.yaml renamed by hand onto the name of a removed subject issues were
        on, as `themes.hand_renamed` found them and not yet answered: {"old", "new", "issues",
        "since"} each."""
        return list(json.loads(self._meta("hand_renames") or "[]"))

    def keep_subjects_seen(
        self, seen: Mapping[str, str], found: Sequence[Mapping[str, Any]]
    ) -> None:
        """Keep feeds.yaml's subjects as seen now (`subjects_seen`) and the hand renames not yet
        answered (`hand_renames`)."""
        self._set_meta(
            [
                ("subjects_seen", json.dumps(dict(seen), ensure_ascii=False, sort_keys=True)),
                ("hand_renames", json.dumps(list(found), ensure_ascii=False)),
            ]
        )

    def record_issue_moves(self, number: int, moves: Mapping[int, str]) -> None:
        """Keep, for issue `number`, the subject curator had given each article its draft
        published under another section ({article id: subject}), so that a theme's stop names
        this issue among those that took its articles (walk153 #6: it named issue 3 alone)."""
        if moves:
            data = {str(k): v for k, v in moves.items()}
            self._set_meta([(f"issue_moves:{number}", json.dumps(data, ensure_ascii=False))])

    def issue_moves(self, number: int) -> dict[int, str]:
        """What `record_issue_moves` kept for issue `number` ({} for none, or an issue published
        by an older curator)."""
        kept = json.loads(self._meta(f"issue_moves:{number}") or "{}")
        return {int(k): str(v) for k, v in kept.items()}

    def uncertain_listed(self) -> dict[str, str | None]:
        """The articles `curator subjects uncertain` listed on earlier runs, by URL, with the
        subject each was under then (None: no subject)."""
        return dict(json.loads(self._meta("uncertain_listed") or "{}"))

    def record_uncertain_listed(self, listed: Mapping[str, str | None]) -> None:
        """Remember that `subjects uncertain` listed these articles under these subjects (the
        latest listing of an article replaces an earlier one)."""
        kept = {**self.uncertain_listed(), **listed}
        self._set_meta([("uncertain_listed", json.dumps(kept, ensure_ascii=False))])

    def draft_written(self, number: int) -> str | None:
        """The SHA-256 (hex) of the draft of issue `number` as `curator draft` last wrote it (None:
        none written), to tell an edited draft from an untouched one."""
        return self._meta(f"draft_written:{number}")

    def record_draft_written(self, number: int, digest: str) -> None:
        self._set_meta([(f"draft_written:{number}", digest)])

    def draft_titles(self, number: int) -> dict[int, str]:
        """The title of each article (by id) as `curator draft` last wrote it into the draft of
        issue `number` (empty: none written, or by a curator that did not keep them), to tell a
        feed's correction since from the editor's edit."""
        value = self._meta(f"draft_titles:{number}")
        return {int(k): str(v) for k, v in json.loads(value).items()} if value else {}

    def record_draft_titles(self, number: int, titles: Mapping[int, str]) -> None:
        self._set_meta([(f"draft_titles:{number}", json.dumps(titles, ensure_ascii=False))])

    def record_draft_retold(self, number: int, rows: Iterable[tuple[int, int, int, str]]) -> None:
        """Keep the copies of stories told before that the draft of issue `number` found and
        listed (as `record_retold` takes them), for `curator build --draft` to record with the
        issue it publishes, as a plain build records those it finds (walk111 #1: they were
        never recorded, so counted as waiting, and published once out of the compared issues)."""
        self._set_meta([(f"draft_retold:{number}", json.dumps([list(r) for r in rows]))])

    def record_draft_compared(self, number: int, ids: Iterable[int | None]) -> None:
        """Keep the ids of the articles `curator draft` wrote into the draft of issue `number`,
        featured or in its note of copies: it compared them (`draft_compared`)."""
        kept = sorted({i for i in ids if i is not None})
        self._set_meta([(f"draft_compared:{number}", json.dumps(kept))])

    def draft_compared(self, number: int) -> frozenset[int]:
        """The articles `record_draft_compared` kept for the draft of issue `number` (none for a
        draft written by an older curator, or by hand): two of them telling one story were
        featured on purpose (`draft.same_story_twice`)."""
        return frozenset(int(i) for i in json.loads(self._meta(f"draft_compared:{number}") or "[]"))

    def draft_retold(self, number: int) -> list[tuple[int, int, int, str]]:
        """The copies the draft of issue `number` found (`record_draft_retold`); [] for a draft
        written by an older curator, or by hand."""
        kept = self._meta(f"draft_retold:{number}")
        return [(int(a), int(n), int(e), str(why)) for a, n, e, why in json.loads(kept or "[]")]

    def forget_corrections(self, article_ids: Sequence[int]) -> int:
        """Forget the editor's word on these articles, so that curator places them itself again;
        returns how many had one. An article an issue featured goes back under the subject its
        first issue published it under: an issue's articles keep that subject, and placement
        does not place them again once uncorrected (see `_stale`), until a new correction: the
        model's fingerprint is cleared from its placement, so that any model places it again."""
        forgotten = 0
        with self.transaction():
            for article_id in article_ids:
                n = self.db.execute(
                    "DELETE FROM corrections WHERE article_id = ?", (article_id,)
                ).rowcount
                replaced = self._replaced()
                if str(article_id) in replaced:  # (the word it had replaced goes with it)
                    del replaced[str(article_id)]
                    self._set_meta(
                        [("replaced_corrections", json.dumps(replaced, ensure_ascii=False))]
                    )
                published = self.published_subject(article_id)
                if n and published is not None:
                    self.db.execute(
                        # (no model's decision now: a later correction places it again)
                        "UPDATE assignments SET subject = ?, fingerprint = '' WHERE article_id = ?",
                        (published, article_id),
                    )
                forgotten += n
        return forgotten

    def published_under_former(
        self, subjects: Sequence[str]
    ) -> dict[str, dict[int, tuple[int, str]]]:
        """The articles still stored under the subject an issue published them under (by the
        name `curator subjects rename` gave it since, if any) that is not
        one of `subjects` (feeds.yaml's) and that the editor has not corrected: by that subject,
        {article id: (the number of the first issue that published it there, the name that issue
        printed)} (the next placement places them again, as curator would)."""
        marks = ",".join("?" * len(subjects))
        rows = self.db.execute(
            "SELECT s.subject, s.article_id, i.number, ia.subject FROM assignments s"
            " JOIN issue_articles ia ON ia.article_id = s.article_id"
            " JOIN issues i ON i.id = ia.issue_id"
            f" WHERE s.subject NOT IN ({marks})"
            " AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = s.article_id)"
            " ORDER BY i.number",
            list(subjects),
        )
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        out: dict[str, dict[int, tuple[int, str]]] = {}
        for subject, article_id, number, published in rows:
            # (published under that name, or under one `curator subjects rename` renamed to it)
            if published == subject or self.renamed_to(str(published), renames) == subject:
                out.setdefault(str(subject), {}).setdefault(
                    int(article_id), (int(number), str(published))
                )
        return out

    def published_subjects(self) -> set[str]:
        """The subjects published issues have sections under."""
        return {str(r[0]) for r in self.db.execute("SELECT DISTINCT subject FROM issue_articles")}

    def published_ids(self, limit: int = 2000) -> dict[str, list[int]]:
        """The articles issues published under each subject (its name now, `renamed_to`), the
        newest `limit` of them (newest first)."""
        rows = self.db.execute(
            "SELECT ia.article_id, ia.subject FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id ORDER BY i.number DESC LIMIT ?",
            (limit,),
        )
        out: dict[str, list[int]] = {}
        for article_id, subject in rows.fetchall():
            out.setdefault(self.renamed_to(str(subject)), []).append(int(article_id))
        return out

    def published_subject(self, article_id: int) -> str | None:
        """The subject the first issue that featured the article published it under, by the name
        it has now when the editor renamed it since (`renamed_to`; None: no issue featured it)."""
        row = self.db.execute(
            "SELECT ia.subject FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " WHERE ia.article_id = ? ORDER BY i.number LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else self.renamed_to(str(row[0]))

    def printed_own_section(self, article_id: int) -> bool:
        """Whether the first issue that featured the article printed it under a section of its
        draft's own (`extra_sections:`), not a subject (known for issues published since
        curator kept it)."""
        row = self.db.execute(
            "SELECT ia.subject, i.own_sections FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id WHERE ia.article_id = ? ORDER BY i.number"
            " LIMIT 1",
            (article_id,),
        ).fetchone()
        return row is not None and str(row[0]) in json.loads(row[1] or "[]")

    def printed_subject(self, article_id: int) -> str | None:
        """The section the first issue that featured the article published it under, as that
        issue printed it (None: no issue featured it)."""
        row = self.db.execute(
            "SELECT ia.subject FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " WHERE ia.article_id = ? ORDER BY i.number LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def renamed_to(self, subject: str, renames: dict[str, str] | None = None) -> str:
        """`subject` by the name `curator subjects rename` gave it since, through every rename
        (renamed twice, or back: `record_subject_rename`, or spelt anew, case aside:
        `respell_subject`); itself when never renamed."""
        if renames is None:
            renames = {a.casefold(): b for a, b in self.subject_renames()}
        # (names seen as spelt: a respelling leads from a name to itself, case aside)
        seen = {subject}
        while subject.casefold() in renames and renames[subject.casefold()] not in seen:
            subject = renames[subject.casefold()]
            seen.add(subject)
        return subject

    def stored_subject_names(self) -> set[str]:
        """Every subject name the store holds: where articles are placed, the editor's moves,
        the sections issues published and the names `curator subjects rename` gave."""
        rows = self.db.execute(
            "SELECT subject FROM assignments WHERE subject IS NOT NULL"
            " UNION SELECT subject FROM corrections WHERE subject IS NOT NULL"
            " UNION SELECT subject FROM issue_articles"
        )
        return {str(r[0]) for r in rows} | {b for _, b in self.subject_renames()}

    def respell_subject(self, old: str, new: str) -> tuple[int, int, bool]:
        """Store the subject `old` as `new`, a name that differs from it only in case (walk153
        #2: feeds.yaml's `Service operations` became `Service Operations`, and the articles
        placed, moved and published under it were taken for a retired subject's): the articles
        under it and the moves to it take the new spelling, and the sections issues published
        under it (their text kept) count as under the new one, as a rename's do. Returns (how
        many articles were under it, how many moves named it, whether issues' sections did)."""
        with self.transaction():
            placed = self.db.execute(
                "UPDATE assignments SET subject = ? WHERE subject = ?", (new, old)
            ).rowcount
            moves = self.db.execute(
                "UPDATE corrections SET subject = ? WHERE subject = ?", (new, old)
            ).rowcount
            self._rename_replaced(old, new)
            printed = (
                old in self.published_subjects() or old in dict(self.subject_renames()).values()
            )
            named = printed and self.renamed_to(old) != new
            if named:
                self.record_subject_rename(old, new)
        return placed, moves, named

    def published_renamed(self, subject: str) -> dict[int, tuple[int, str]]:
        """The articles the editor has not corrected whose first issue published them under
        `subject` or a name `curator subjects rename` renamed since to it: {article id: (that
        issue's number, the name it printed)}."""
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        rows = self.db.execute(
            "SELECT ia.article_id, i.number, ia.subject FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id"
            " WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = ia.article_id)"
            " ORDER BY i.number"
        )
        first: dict[int, tuple[int, str]] = {}
        for article_id, number, printed in rows:
            first.setdefault(int(article_id), (int(number), str(printed)))
        return {
            i: (n, printed)
            for i, (n, printed) in first.items()
            if self.renamed_to(printed, renames) == subject
        }

    def published_elsewhere(self, subjects: Sequence[str]) -> list[tuple[int, str]]:
        """(article id, its issue's subject) of each article an issue was the first to feature
        (not only name as "also covered by") under one of `subjects`, by its name now, that the
        editor has not corrected and that is stored under another subject or none: what an older
        curator's issue published under another subject than it had placed the article under
        (walk161 #4: its builds left the article where it scored best, so `subjects list` named
        that subject while `explain` and the issue named the issue's). Today's builds place such
        an article under the issue's subject as they record the issue (`keep_published_subjects`)."""
        rows = self.db.execute(
            "SELECT ia.article_id, ia.subject, ia.also_of, s.article_id, s.subject"
            " FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " LEFT JOIN assignments s ON s.article_id = ia.article_id"
            " WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = ia.article_id)"
            " ORDER BY i.number, ia.position"
        )
        first: dict[int, tuple[str, bool, bool, str | None]] = {}
        for article_id, published, also_of, has_row, stored in rows:
            first.setdefault(
                int(article_id), (str(published), also_of is not None, has_row is not None, stored)
            )
        names = set(subjects)
        found = []
        for article_id, (published, copy, has_row, stored) in first.items():
            now = self.renamed_to(published)
            if copy or now not in names or (has_row and stored == now):
                continue
            found.append((article_id, now))
        return found

    def keep_renamed_published(self, subjects: Sequence[str]) -> list[tuple[int, str | None, str]]:
        """Place under its issue's subject, by its name now, each article an issue published
        under a name `curator subjects rename` renamed since to one of `subjects`, that the
        editor has not corrected and that is stored elsewhere (under the old name, or where
        curator placed it once the old name left feeds.yaml): it keeps its issue's subject, as
        every featured article does (see `_stale`). Returns (article id, the subject it was
        stored under, the one it is under now)."""
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        if not renames:
            return []
        names = set(subjects)
        rows = self.db.execute(
            "SELECT ia.article_id, ia.subject, s.subject FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id JOIN assignments s ON s.article_id = ia.article_id"
            " WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = ia.article_id)"
            " ORDER BY i.number"
        )
        first: dict[int, tuple[str, str | None]] = {}
        for article_id, published, stored in rows:
            first.setdefault(int(article_id), (str(published), stored))
        moved: list[tuple[int, str | None, str]] = []
        for article_id, (published, stored) in first.items():
            now = self.renamed_to(published, renames)
            if stored == now or now not in names:
                continue
            # Published under the name it has now (a rename back): only when stored under a
            # name renamed to it, not where a draft or the editor's earlier word put it.
            if published == now and (stored is None or self.renamed_to(stored, renames) != now):
                continue
            moved.append((article_id, stored, now))
        if moved:
            with self.transaction():
                for article_id, _, now in moved:
                    self.db.execute(
                        "UPDATE assignments SET subject = ? WHERE article_id = ?", (now, article_id)
                    )
        return moved

    def stored_subject(self, article_id: int) -> tuple[bool, str | None]:
        """Whether the article has a stored placement, and its subject there (None: none)."""
        row = self.db.execute(
            "SELECT subject FROM assignments WHERE article_id = ?", (article_id,)
        ).fetchone()
        return (False, None) if row is None else (True, row[0])

    def stored_subjects(self, article_ids: Sequence[int]) -> dict[int, str | None]:
        """The stored subject (None: none) of each of `article_ids` that has a placement."""
        sql = "SELECT article_id, subject FROM assignments WHERE article_id IN ({marks})"
        return {int(i): subject for i, subject in self._each_in(sql, article_ids)}

    def keep_subject(
        self, article_id: int, subject: str, score: float, matched: Sequence[str], fingerprint: str
    ) -> None:
        """Place the article under `subject`, whatever the model says: the subject an issue
        published it under (placement does not place it again while uncorrected, see `_stale`)."""
        with self.transaction():
            self.db.execute(
                _SAVE_ASSIGNMENT,
                (article_id, subject, score, json.dumps(list(matched)), fingerprint),
            )

    def corrected_articles(self) -> list[Article]:
        rows = self.db.execute(self._SELECT + " WHERE a.id IN (SELECT article_id FROM corrections)")
        return [self._article(r) for r in rows]

    def stale_ids(
        self, fingerprint: str, after: int, through: int, subjects: Sequence[str]
    ) -> list[int]:
        """The ids of the articles in (after, through] to place again, oldest first (`after` is
        the placed-through watermark, so a weekly build reads its new articles by the primary
        key, not the whole archive): see `_stale`."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN assignments s ON s.article_id = a.id"
            + _stale(subjects)
            + " ORDER BY a.id",
            (after, through, fingerprint, *subjects),
        )
        return [r[0] for r in rows]

    def placement_state(self) -> tuple[str | None, int]:
        """The fingerprint of the model that placed the archive, and the id it placed through."""
        rows = dict(
            self.db.execute(
                "SELECT key, value FROM meta WHERE key IN ('placed_fingerprint', 'placed_through')"
            ).fetchall()
        )
        return rows.get("placed_fingerprint"), int(rows.get("placed_through", -1))

    def articles_after(self, article_id: int) -> int:
        """How many articles were stored after the one with id `article_id` (by the primary key)."""
        return int(
            self.db.execute("SELECT COUNT(*) FROM articles WHERE id > ?", (article_id,)).fetchone()[
                0
            ]
        )

    def _each_in(self, sql: str, values: Iterable[object]) -> Iterator[sqlite3.Row]:
        """The rows of `sql` (its `{marks}` an IN list) for `values`, 500 at a time (SQLite's
        limit on parameters is far above, but long IN lists plan slower)."""
        values = list(values)
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            # A plain loop, not `yield from`: closing a generator left half-read (a Ctrl-C between
            # rows) closes what it delegates to, and a cursor closed after its store says "Exception
            # ignored ... Cannot operate on a closed database" (walk24, after "interrupted").
            for row in self.db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk):  # noqa: UP028
                yield row

    def articles_by_ids(self, ids: Sequence[int]) -> list[Article]:
        """The articles with these ids, in the order of `ids` (missing ones left out)."""
        found = {r["id"]: self._article(r) for r in self._each_in(self._SELECT_IDS, ids)}
        return [found[i] for i in ids if i in found]

    def titles_of_keys(self, keys: Sequence[str]) -> dict[str, str]:
        """key -> the title of the stored article it is an alias of (a feed entry's id key)."""
        sql = (
            "SELECT l.url_key, a.title FROM aliases l JOIN articles a ON a.id = l.article_id"
            " WHERE l.url_key IN ({marks})"
        )
        return {r[0]: r[1] for r in self._each_in(sql, keys)}

    def titles_at_keys(self, keys: Sequence[str]) -> dict[str, str]:
        """URL key -> the title of the stored article at that address (its own or an alias)."""
        own = "SELECT url_key, title FROM articles WHERE url_key IN ({marks})"
        return self.titles_of_keys(keys) | {r[0]: r[1] for r in self._each_in(own, keys)}

    def published_titles(self, ids: Sequence[int]) -> dict[int, str]:
        """Article id -> the title the first issue that published it printed (as the editor
        corrected it in the draft or issue-N.json), for those among `ids` an issue recorded with
        its title (issues recorded before schema 14 kept none)."""
        sql = (
            "SELECT ia.article_id, ia.title FROM issue_articles ia JOIN issues i"
            " ON i.id = ia.issue_id WHERE ia.article_id IN ({marks}) AND ia.title IS NOT NULL"
            " ORDER BY i.number DESC"
        )
        return {r[0]: r[1] for r in self._each_in(sql, ids)}  # the first issue's, written last

    def ids_of_keys(self, keys: Sequence[str]) -> dict[str, int]:
        """url key -> id, for the stored articles among `keys`."""
        sql = "SELECT url_key, id FROM articles WHERE url_key IN ({marks})"
        return {r[0]: r[1] for r in self._each_in(sql, keys)}

    def urls_of(self, ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, url) of the articles with these ids."""
        return [
            (r[0], r[1])
            for r in self._each_in("SELECT id, url FROM articles WHERE id IN ({marks})", ids)
        ]

    def sample_ids(self, limit: int) -> list[tuple[int, str]]:
        """(id, url) of what the scorer learns from, in `recent_articles` order: the `limit`
        newest articles, newest first, then every corrected article not among them, by id."""
        newest = [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT id, url FROM articles ORDER BY id DESC LIMIT ?", (limit,)
            )
        ]
        seen = {i for i, _ in newest}
        corrected = self.db.execute(
            "SELECT a.id, a.url FROM corrections c JOIN articles a ON a.id = c.article_id"
            " ORDER BY a.id"
        )
        return newest + [(r[0], r[1]) for r in corrected if r[0] not in seen]

    # -- term counts (see curator.termcounts) ---------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, pairs: Iterable[tuple[str, str]]) -> None:
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", pairs)

    def robots_txt(self, site: str) -> str | None:
        """A site's robots.txt as `keep_robots_txt` kept it (`curator.robots.kept`), or None."""
        return self._meta(f"robots:{site}")

    def keep_robots_txt(self, site: str, value: str) -> None:
        """Keep a site's robots.txt (`curator.robots.kept`: its text and when it was fetched)."""
        self._set_meta([(f"robots:{site}", value)])

    def drop_page_retry(self, article_id: int) -> None:
        """Read the article's page no more (its site's robots.txt disallows it): it stays as its
        feed made it."""
        with self.transaction():
            self.db.execute("DELETE FROM page_retries WHERE article_id = ?", (article_id,))

    def retold_said(self) -> set[int]:
        """The ids of the articles a build has said it left out as stories published before."""
        said = self._meta("retold_said")
        return set(json.loads(said)) if said else set()

    def mark_retold_said(self, ids: Iterable[int]) -> None:
        """Record that a build said these articles were left out as stories published before:
        later builds leave them out without saying it again."""
        said = self.retold_said() | set(ids)
        self._set_meta([("retold_said", json.dumps(sorted(said)))])

    def term_counts_state(self) -> tuple[str | None, list[str]]:
        """How the stored counts were counted (`termcounts.counts_format`; None: none counted
        yet) and the phrases every stored count includes."""
        phrases = self._meta("counted_phrases")
        return self._meta("counts_format"), sorted(json.loads(phrases)) if phrases else []

    def reset_term_counts(self, counts_format: str) -> None:
        """Forget every stored count and term: they are counted again in `counts_format`."""
        with self.transaction():
            self.db.execute("DELETE FROM article_terms")
            self.db.execute("DELETE FROM terms")
            self._set_meta(
                [
                    ("counts_format", counts_format),
                    ("counted_phrases", "[]"),
                    ("recount_unfinished", "1"),
                ]
            )

    def recount_unfinished(self) -> bool:
        """Whether a recount of every article (`reset_term_counts`) was cut short (a Ctrl-C):
        the next run resumes it (walk101 #1: it said "your subjects or corrections changed")."""
        return self._meta("recount_unfinished") is not None

    def recount_finished(self) -> None:
        """Record that every article is counted again (see `recount_unfinished`)."""
        with self.transaction():
            self.db.execute("DELETE FROM meta WHERE key = 'recount_unfinished'")

    def set_counted_phrases(self, phrases: Iterable[str]) -> None:
        """Record that every stored count includes these phrases."""
        self._set_meta([("counted_phrases", json.dumps(sorted(set(phrases))))])

    def uncounted(self, ids: Sequence[int]) -> list[int]:
        """Which of these article ids have no stored counts, in the order given."""
        sql = "SELECT article_id FROM article_terms WHERE article_id IN ({marks})"
        counted = {r[0] for r in self._each_in(sql, ids)}
        return [i for i in ids if i not in counted]

    def all_counted(self, after: int, through: int) -> bool:
        """Whether every article in (after, through] has stored counts (two counts by key)."""
        articles = self.db.execute(
            "SELECT COUNT(*) FROM articles WHERE id > ? AND id <= ?", (after, through)
        ).fetchone()[0]
        counted = self.db.execute(
            "SELECT COUNT(*) FROM article_terms WHERE article_id > ? AND article_id <= ?",
            (after, through),
        ).fetchone()[0]
        return bool(articles == counted)

    def uncounted_after(self, after: int, through: int, limit: int) -> list[int]:
        """Ids in (after, through] with no stored counts, oldest first, at most `limit`."""
        rows = self.db.execute(
            """SELECT a.id FROM articles a WHERE a.id > ? AND a.id <= ?
               AND NOT EXISTS (SELECT 1 FROM article_terms t WHERE t.article_id = a.id)
               ORDER BY a.id LIMIT ?""",
            (after, through, limit),
        )
        return [r[0] for r in rows]

    def term_rows(self, terms: Iterable[str]) -> dict[str, tuple[int, str]]:
        """term -> (id, word shown for it) for the stored ones among `terms`."""
        sql = "SELECT term, id, word FROM terms WHERE term IN ({marks})"
        return {r[0]: (r[1], r[2]) for r in self._each_in(sql, terms)}

    def upsert_terms(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (term, word) pairs: a new term, or a shorter word (alphabetically first among
        words as short) for a stored one."""
        with self.transaction():
            self.db.executemany(
                """INSERT INTO terms (term, word) VALUES (?, ?) ON CONFLICT(term) DO UPDATE
                   SET word = excluded.word
                   WHERE length(excluded.word) < length(terms.word)
                      OR (length(excluded.word) = length(terms.word) AND excluded.word < terms.word)""",
                rows,
            )

    def number_terms(self) -> list[str]:
        """The stored terms that may be numbers, versions or single letters (a superset:
        `textfeatures.is_number_term` tells)."""
        sql = "SELECT term FROM terms WHERE term GLOB '[0-9]*' OR length(term) = 1"
        return [r[0] for r in self.db.execute(sql)]

    def terms_by_id(self, ids: Iterable[int]) -> dict[int, str]:
        """id -> term for these term ids."""
        return {
            r[0]: r[1]
            for r in self._each_in("SELECT id, term FROM terms WHERE id IN ({marks})", ids)
        }

    def max_term_id(self) -> int:
        return int(self.db.execute("SELECT MAX(id) FROM terms").fetchone()[0] or 0)

    def save_term_counts(self, rows: Iterable[tuple[int, bytes]]) -> None:
        """Store (article id, counts blob) rows (see `termcounts.encode`)."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO article_terms (article_id, counts) VALUES (?, ?)", rows
            )

    def term_count_blobs(self, ids: Sequence[int]) -> dict[int, bytes]:
        """article id -> stored counts blob, for those of `ids` that have one."""
        sql = "SELECT article_id, counts FROM article_terms WHERE article_id IN ({marks})"
        return {r[0]: r[1] for r in self._each_in(sql, ids)}

    def counted_between(self, after: int, through: int) -> Iterator[tuple[int, bytes]]:
        """(article id, counts blob) of every counted article in (after, through], by id."""
        rows = self.db.execute(
            "SELECT article_id, counts FROM article_terms WHERE article_id > ? AND article_id <= ?"
            " ORDER BY article_id",
            (after, through),
        )
        for row in rows:  # noqa: UP028 (not `yield from`: as in `_each_in`)
            yield row

    def placement_batch(
        self, fingerprint: str, after: int, through: int, subjects: Sequence[str]
    ) -> list[tuple[int, str, bytes | None]]:
        """(id, url, counts blob or None) of the articles in (after, through] to place again
        (`stale_ids`'s), by id."""
        rows = self.db.execute(
            "SELECT a.id, a.url, t.counts FROM articles a"
            " LEFT JOIN assignments s ON s.article_id = a.id"
            " LEFT JOIN article_terms t ON t.article_id = a.id"
            + _stale(subjects)
            + " ORDER BY a.id",
            (after, through, fingerprint, *subjects),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    # -- the subject model as last fitted (see curator.modelcache) ------------------------------
    def stored_model(self) -> StoredModel | None:
        """The subject model as last fitted, or None."""
        row = self.db.execute(
            "SELECT fingerprint, format, fitted_through, learnt_from, body FROM subject_model"
        ).fetchone()
        return None if row is None else StoredModel(*row)

    def save_model(self, model: StoredModel, *, now: datetime) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO subject_model (id, fingerprint, format, fitted_through,"
                " learnt_from, fitted_at, body) VALUES (1, ?, ?, ?, ?, ?, ?)",
                (
                    model.fingerprint,
                    model.format,
                    model.fitted_through,
                    model.learnt_from,
                    _iso(now),
                    model.body,
                ),
            )

    def mark_placed(self, fingerprint: str, through: int, scorer: str) -> None:
        """Record that the model `fingerprint`, of the scorer version `scorer`, has placed every
        article up to id `through`."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [
                    ("placed_fingerprint", fingerprint),
                    ("placed_through", str(through)),
                    ("placed_scorer", scorer),
                ],
            )

    def placed_scorer(self) -> str | None:
        """The scorer version (`subjectfit.SCORER_VERSION`) that placed the archive (None: not
        recorded, by a curator from before it was)."""
        return self._meta("placed_scorer")

    def newest_article_id(self) -> int:
        return int(self.db.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0)

    def save_assignments(
        self, rows: Iterable[tuple[int, str | None, float, Sequence[str]]], fingerprint: str
    ) -> None:
        """Store (article id, subject, score, matched terms) decided by the model `fingerprint`."""
        with self.transaction():
            self.db.executemany(
                _SAVE_ASSIGNMENT,
                [(i, subj, score, json.dumps(list(m)), fingerprint) for i, subj, score, m in rows],
            )

    @contextmanager
    def placing_everything(self) -> Iterator[None]:
        """For placing most of the archive again: without the candidates' index meanwhile (every
        batch saved would rewrite pages all over it), built again, once, at the end (and at the
        next opening if the run is cut short)."""
        self.db.execute("DROP INDEX IF EXISTS assignments_subject_score")
        try:
            yield
        finally:
            if not self.closed:  # (else built at the next opening, as after a cut-short run)
                self.db.execute(_CANDIDATES_INDEX)

    def save_scored(
        self, rows: Iterable[tuple[int, str | None, float, str]], fingerprint: str
    ) -> None:
        """`save_assignments` with the matched terms as JSON already (from a worker process)."""
        with self.transaction():
            self.db.executemany(
                _SAVE_ASSIGNMENT, [(i, s, x, m, fingerprint) for i, s, x, m in rows]
            )

    def candidates(
        self, subject: str, limit: int, after: tuple[float, int] | None = None
    ) -> list[tuple[Article, float, tuple[str, ...]]]:
        """The `limit` unfeatured articles placed under `subject` with the highest scores; not
        those whose page answered 404 or 410 when last read (a dead link: see `unread_pages`).
        With `after` (a score and an id), the `limit` next ones after that one in that order
        (best score first, then the lower id), so a longer list is read without its start again."""
        since = " AND (s.score < ? OR (s.score = ? AND a.id > ?))" if after is not None else ""
        rows = self.db.execute(
            """SELECT a.*, f.url AS feed_url, s.score AS s_score, s.matched AS s_matched
               FROM assignments s JOIN articles a ON a.id = s.article_id
               LEFT JOIN feeds f ON f.id = a.feed_id
               WHERE s.subject = ?
                 AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"""
            + since
            + _NOT_DEAD
            + _NOT_RETOLD
            + " ORDER BY s.score DESC, a.id LIMIT ?",
            (subject, *(() if after is None else (after[0], after[0], after[1])), limit),
        )
        return [
            (self._article(r), float(r["s_score"]), tuple(json.loads(r["s_matched"]))) for r in rows
        ]

    def candidates_from(
        self, subject: str, floor: float, below: float | None = None
    ) -> list[LightRow]:
        """Every unfeatured article placed under `subject` scoring at least `floor` (and under
        `below`, when given) (not dead links), best first: read light, as rows of only what names
        its publication and dates it (`LightRow`: no text, title, authors nor blurb), for
        `placement.choose_sections` to pick the few it reads whole (`candidates_by_id`)."""
        under = " AND s.score < ?" if below is not None else ""
        rows = self.db.cursor()
        rows.row_factory = None  # (plain tuples: a row per article of a large archive)
        rows.execute(
            """SELECT a.id, s.score, a.url, a.publication, a.published, a.first_seen,
                      a.site_name, a.link_post, f.url AS feed_url
               FROM assignments s JOIN articles a ON a.id = s.article_id
               LEFT JOIN feeds f ON f.id = a.feed_id
               WHERE s.subject = ? AND s.score >= ?"""
            + under
            + """ AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"""
            + _NOT_DEAD
            + _NOT_RETOLD
            + " ORDER BY s.score DESC, a.id",
            (subject, floor) if below is None else (subject, floor, below),
        )
        return rows.fetchall()

    def candidates_by_id(
        self, subject: str, ids: Collection[int]
    ) -> list[tuple[Article, float, tuple[str, ...]]]:
        """As `candidates`, the articles of `ids` placed under `subject`, read whole."""
        sql = (
            "SELECT a.*, f.url AS feed_url, s.score AS s_score, s.matched AS s_matched"
            " FROM assignments s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN feeds f ON f.id = a.feed_id"
            # (by the ids, not the subject's index: that reads every article under the subject)
            " WHERE s.article_id IN (SELECT value FROM json_each(?)) AND +s.subject = ?"
        )
        rows = self.db.execute(sql, (json.dumps(sorted(set(ids))), subject))
        return [
            (self._article(r), float(r["s_score"]), tuple(json.loads(r["s_matched"]))) for r in rows
        ]

    def unassigned_count(self, fingerprint: str, after: int = 0) -> int:
        """How many unfeatured articles the model `fingerprint` placed under no subject: not those
        the editor excluded nor dead links (what `candidates` would offer, had they a subject);
        with `after`, only those stored after the article of that id (a run's new ones, read by
        the primary key).

        When `fingerprint` placed every stored article (`placement_state`, as after `refresh`),
        counted as all those under no subject (the candidates' index alone) less the few
        featured, excluded or dead, so a store of 1,000,000 costs a count of the index, not a
        read of every row (walk58 #4: 0.8 s)."""
        placed_by, through = self.placement_state()
        if not after and placed_by == fingerprint and through >= self.newest_article_id():
            # (every unfeatured article's placement is `fingerprint`'s: only those it placed
            # are left unfeatured, so no row need be read for it)
            alone = self.db.execute(
                "SELECT COUNT(*) FROM assignments WHERE subject IS NULL"
            ).fetchone()[0]
            gone = self.db.execute(
                "SELECT COUNT(*) FROM assignments s WHERE s.subject IS NULL AND s.article_id IN ("
                " SELECT article_id FROM issue_articles UNION SELECT article_id FROM dead_links"
                " UNION SELECT article_id FROM corrections WHERE subject IS NULL)"
            ).fetchone()[0]
            return int(alone) - int(gone)
        row = self.db.execute(
            "SELECT COUNT(*) FROM assignments s JOIN articles a ON a.id = s.article_id"
            " WHERE +s.subject IS NULL AND s.fingerprint = ? AND s.article_id > ?"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM corrections c"
            " WHERE c.article_id = a.id AND c.subject IS NULL)" + _NOT_DEAD,
            (fingerprint, after),
        ).fetchone()
        return int(row[0])

    def unassigned_urls(self, fingerprint: str, urls: Collection[str]) -> frozenset[str]:
        """Of `urls` (a run's new articles), those `unassigned_count` counts: unfeatured, placed
        by `fingerprint` under no subject, not excluded nor dead."""
        if not urls:
            return frozenset()
        rows = self.db.execute(
            "SELECT a.url FROM assignments s JOIN articles a ON a.id = s.article_id"
            " WHERE +s.subject IS NULL AND s.fingerprint = ?"
            " AND a.url IN (SELECT value FROM json_each(?))"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM corrections c"
            " WHERE c.article_id = a.id AND c.subject IS NULL)" + _NOT_DEAD,
            (fingerprint, json.dumps(sorted(set(urls)))),
        )
        return frozenset(str(r[0]) for r in rows)

    def unassigned_languages(self, fingerprint: str) -> dict[str, int]:
        """Of the articles `unassigned_count` counts, how many declare each language (their
        page's `lang=`; "" for none)."""
        rows = self.db.execute(
            "SELECT COALESCE(a.language, ''), COUNT(*) FROM assignments s"
            " JOIN articles a ON a.id = s.article_id"
            " WHERE +s.subject IS NULL AND s.fingerprint = ?"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM corrections c"
            " WHERE c.article_id = a.id AND c.subject IS NULL)" + _NOT_DEAD + " GROUP BY 1",
            (fingerprint,),
        ).fetchall()
        return {str(language): int(n) for language, n in rows}

    def waiting_counts(self, subjects: Sequence[str], leaving: Collection[int]) -> dict[str, int]:
        """Per subject of `subjects`, how many unfeatured articles placed under it are left for a
        later issue (what `candidates` would offer next): not dead links, nor the ids in `leaving`
        (an issue's, featured but not recorded yet, as a draft's). Counted as all those placed
        there (the index alone) less the few featured or dead, so a large store costs little."""
        out = dict.fromkeys(subjects, 0)
        for subject in out:
            out[subject] = int(
                self.db.execute(
                    "SELECT COUNT(*) FROM assignments WHERE subject = ?", (subject,)
                ).fetchone()[0]
            )
        if not out:
            return out
        marks = ", ".join("?" * len(out))
        ids = sorted(set(leaving))
        # (each article counted once: featured, in `leaving` or a dead link)
        gone = self.db.execute(
            f"""SELECT s.subject, COUNT(*) FROM assignments s
                WHERE s.subject IN ({marks}) AND s.article_id IN (
                  SELECT article_id FROM issue_articles
                  UNION SELECT article_id FROM dead_links
                  UNION SELECT article_id FROM retold_copies
                  UNION SELECT value FROM json_each(?))
                GROUP BY s.subject""",
            [*out, json.dumps(ids)],
        )
        for subject, count in gone:
            out[subject] -= int(count)
        return out

    def unassigned_articles(self, fingerprint: str, limit: int) -> list[Article]:
        """Unfeatured articles the model `fingerprint` placed under no subject (newest first),
        but not those the editor excluded: they belong to no subject, a new one included."""
        rows = self.db.execute(
            self._SELECT
            + " JOIN assignments s ON s.article_id = a.id"
            + " WHERE s.subject IS NULL AND s.fingerprint = ?"
            + " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + " AND NOT EXISTS (SELECT 1 FROM corrections c"
            + " WHERE c.article_id = a.id AND c.subject IS NULL)"
            + " ORDER BY a.id DESC LIMIT ?",
            (fingerprint, limit),
        )
        return [self._article(r) for r in rows]

    def article_count(self, *, unfeatured: bool = False) -> int:
        """How many articles are stored (with `unfeatured`, those no issue has featured)."""
        sql = "SELECT COUNT(*) FROM articles a"
        if unfeatured:
            sql += " WHERE NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
        return int(self.db.execute(sql).fetchone()[0])

    def recent_unfeatured(self, limit: int) -> list[Article]:
        """The `limit` most recently stored articles that no issue has featured, newest first."""
        rows = self.db.execute(
            self._SELECT
            + " WHERE NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + " ORDER BY a.id DESC LIMIT ?",
            (limit,),
        )
        return [self._article(r) for r in rows]

    def placements(
        self,
        subject: str | None = None,
        *,
        unplaced: bool = False,
        limit: int | None = None,
        order: Sequence[str] = (),
    ) -> list[Placed]:
        """Stored articles with their placement, by subject (then best score first): under
        `subject` only when given, or only those under no subject with `unplaced`; at most `limit`
        per subject (no subject counting as one). Subjects come in `order` (feeds.yaml's, as the
        issue has them; any other after, by name), then none."""
        # Each subject's rank (1: its best score) in the inner query, so that `limit` keeps the
        # first of every subject; the outer one orders the subjects.
        inner = """SELECT a.*, f.url AS feed_url, s.subject AS s_subject, s.score AS s_score,
                   ROW_NUMBER() OVER (PARTITION BY s.subject ORDER BY s.score DESC, a.id) AS rank,
                   c.article_id IS NOT NULL AS corrected, c.subject AS c_subject,
                   (SELECT MIN(i.number) FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                    WHERE ia.article_id = a.id) AS featured_in,
                   (SELECT ia.subject FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                    WHERE ia.article_id = a.id ORDER BY i.number LIMIT 1) AS published_under,
                   (SELECT i.own_sections FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                    WHERE ia.article_id = a.id ORDER BY i.number LIMIT 1) AS own_sections,
                   (SELECT d.error FROM dead_links d WHERE d.article_id = a.id) AS dead_link
                 FROM assignments s JOIN articles a ON a.id = s.article_id
                 LEFT JOIN feeds f ON f.id = a.feed_id
                 LEFT JOIN corrections c ON c.article_id = a.id"""
        params: list[object] = []
        if unplaced:
            inner += " WHERE s.subject IS NULL"
        elif subject is not None:
            inner += " WHERE s.subject = ?"
            params.append(subject)
        sql = f"SELECT * FROM ({inner})"
        if limit is not None:
            sql += " WHERE rank <= ?"
            params.append(limit)
        sql += " ORDER BY s_subject IS NULL"
        if order:
            sql += ", CASE s_subject " + "WHEN ? THEN ? " * len(order) + "ELSE ? END"
            for i, name in enumerate(order):
                params += [name, i]
            params.append(len(order))
        sql += ", s_subject, rank"
        out = []
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        for r in self.db.execute(sql, params):
            # What the editor said, where the placement follows it (a move to a subject that is
            # no longer one decides nothing; `curator.placement.stale_moves` says so).
            correction = None
            moved_to, placed = r["c_subject"], r["s_subject"]
            if r["corrected"] and moved_to is None:
                correction = "excluded"
            elif r["corrected"] and placed is not None and placed.casefold() == moved_to.casefold():
                correction = "moved"
            out.append(
                Placed(
                    self._article(r),
                    r["s_subject"],
                    float(r["s_score"]),
                    correction,
                    r["featured_in"],
                    r["dead_link"],
                    # (by its name now, when renamed since: not a former subject then)
                    None
                    if r["published_under"] is None
                    else self.renamed_to(str(r["published_under"]), renames),
                    r["published_under"],
                    r["published_under"] is not None
                    and r["published_under"] in json.loads(r["own_sections"] or "[]"),
                )
            )
        return out

    def placement_counts(self) -> dict[str | None, int]:
        """How many stored articles are placed under each subject (None: under none)."""
        rows = self.db.execute("SELECT subject, COUNT(*) FROM assignments GROUP BY subject")
        return {r[0]: r[1] for r in rows}

    # -- issues ----------------------------------------------------------------------------------
    def next_issue_number(self) -> int:
        row = self.db.execute("SELECT MAX(number) FROM issues").fetchone()
        return int(row[0] or 0) + 1

    def unfinished_issue(self) -> int | None:
        """The issue a build began to publish from this store and did not finish (killed between
        renaming its files into place and recording it), if any: its files in the output folder
        are this store's own, to be replaced, not another store's."""
        value = self._meta("publishing_issue")
        return int(value) if value else None

    def unfinished_files(self) -> dict[str, list[str]] | None:
        """The SHA-256 digests of the files of `unfinished_issue` the builds that began it were
        writing, by name (None: it was begun by a curator that kept none)."""
        value = self._meta("publishing_files")
        if not value:
            return None
        try:
            files = json.loads(value)
        except ValueError:
            return None
        if not isinstance(files, dict):
            return None
        return {
            str(name): [str(d) for d in digests]
            for name, digests in files.items()
            if isinstance(digests, list)
        }

    def begin_issue(self, number: int, files: Mapping[str, str] | None = None) -> None:
        """Say, committed before any file of issue `number` is renamed into place, that this store
        publishes it (`unfinished_issue`), with the digests of the `files` (by name) it writes,
        added to those of the builds that began the same issue before and did not finish: a copy
        of the store taken then and put back later knows its own files from an issue published
        since (walk157 #2). `finish_issue`, in the transaction recording it, ends it."""
        kept = self.unfinished_files() if self.unfinished_issue() == number else None
        digests = dict(kept or {})
        for name, digest in (files or {}).items():
            digests[name] = [*digests.get(name, []), digest][-8:]
        self._set_meta(
            [("publishing_issue", str(number)), ("publishing_files", json.dumps(digests))]
        )

    def forget_unfinished_issue(self) -> None:
        """The build that began `unfinished_issue` failed and put every file back as it was."""
        with self.transaction():
            self.finish_issue()

    def finish_issue(self) -> None:
        self.db.execute("DELETE FROM meta WHERE key IN ('publishing_issue', 'publishing_files')")

    def has_issue(self, number: int) -> bool:
        """Issue `number` is recorded as published."""
        row = self.db.execute("SELECT 1 FROM issues WHERE number = ?", (number,)).fetchone()
        return row is not None

    def record_issue(
        self,
        number: int,
        title: str,
        published_at: datetime,
        featured: Iterable[tuple[str, int]],
        *,
        theme: Sequence[str] = (),
        planned: bool = False,
        introduction: str | None = None,
        closing: str | None = None,
        copies: Iterable[tuple[str, int, int]] = (),
        promised: Sequence[str] = (),
        articles: Mapping[int, Article] | None = None,
        issue_date: datetime | None = None,
        editor: str | None = None,
        plan: tuple[Sequence[Sequence[str]], int] | None = None,
        own_sections: Sequence[str] = (),
    ) -> None:
        """Record a published issue and the articles it featured, as (subject, article id) in order;
        with its theme (the subjects it was about; () for every subject), whether it took its
        theme's place in the plan, and its introduction. `copies` are the articles it named as
        "also covered by", as (subject, article id, id of the featured article named with): they
        count as published (no later issue features them), never as featured entries.
        `articles` are the articles as the issue published them, by id: their title, credit,
        publication and blurb are kept with the issue (`IssueRecord.as_published`). `plan` is
        the plan of themes as it stands and the index of the entry the issue takes, if any.
        `own_sections` are its sections that are no subject (a draft's `extra_sections:`).

        An article featured twice is refused (ValueError, before anything is written): an issue
        has one entry per article, and a caller that gives one twice has a bug (walk111 #1 met it
        as sqlite3.IntegrityError, the theme `[X, X]` featuring each article twice)."""
        featured = list(featured)
        twice = [art_id for art_id, n in Counter(a for _, a in featured).items() if n > 1]
        if twice:
            raise ValueError(
                f"issue {number} would feature article {twice[0]} more than once"
                f" (under {', '.join(s for s, a in featured if a == twice[0])}): a bug in curator,"
                " which publishes each article once; nothing was recorded"
            )
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO issues (number, title, published_at, theme, planned, introduction,"
                " closing, promised, issue_date, editor, plan, own_sections)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    title,
                    _iso(published_at),
                    json.dumps(list(theme), ensure_ascii=False) if theme else None,
                    int(planned),
                    introduction,
                    closing,
                    json.dumps(list(promised), ensure_ascii=False),
                    # (the date as the issue names it: its own day, not converted to UTC)
                    issue_date.isoformat() if issue_date else None,
                    editor,
                    None
                    if plan is None
                    else json.dumps(
                        {"plan": [list(e) for e in plan[0]], "entry": plan[1]},
                        ensure_ascii=False,
                    ),
                    json.dumps(list(own_sections), ensure_ascii=False),
                ),
            )
            issue_id = cursor.lastrowid
            self.db.executemany(
                "INSERT INTO issue_articles (issue_id, article_id, subject, position)"
                " VALUES (?, ?, ?, ?)",
                [
                    (issue_id, art_id, subject, pos)
                    for pos, (subject, art_id) in enumerate(featured)
                ],
            )
            after = self.db.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM issue_articles WHERE issue_id = ?",
                (issue_id,),
            ).fetchone()[0]
            # (one row per article and issue: a copy named twice, or also featured, is kept once)
            self.db.executemany(
                "INSERT OR IGNORE INTO issue_articles (issue_id, article_id, subject, position,"
                " also_of) VALUES (?, ?, ?, ?, ?)",
                [
                    (issue_id, art_id, subject, after + pos, of)
                    for pos, (subject, art_id, of) in enumerate(copies)
                ],
            )
            self.db.executemany(
                "UPDATE issue_articles SET title = ?, authors = ?, publication = ?, blurb = ?,"
                " blurb_markdown = ? WHERE issue_id = ? AND article_id = ?",
                [
                    (
                        art.title,
                        json.dumps(list(art.authors), ensure_ascii=False),
                        art.publication,
                        art.blurb,
                        art.blurb_markdown,
                        issue_id,
                        art_id,
                    )
                    for art_id, art in (articles or {}).items()
                ],
            )
            # (a credit its draft corrected: the one an issue featuring it again publishes)
            self.db.executemany(
                "UPDATE issue_articles SET credit_corrected = 1 WHERE issue_id = ?"
                " AND article_id = ?",
                [
                    (issue_id, art_id)
                    for art_id, art in (articles or {}).items()
                    if art.credit_corrected_in == number
                ],
            )
            # (a blurb its draft corrected, likewise: walk167 #5)
            self.db.executemany(
                "UPDATE issue_articles SET blurb_corrected = 1 WHERE issue_id = ?"
                " AND article_id = ?",
                [
                    (issue_id, art_id)
                    for art_id, art in (articles or {}).items()
                    if art.blurb_corrected_in == number
                ],
            )

    def set_published_article(
        self,
        number: int,
        article_id: int,
        article: Article,
        *,
        credit_corrected: bool = False,
        blurb_corrected: bool = False,
    ) -> None:
        """Keep the address, title, credit and blurb issue `number` publishes article
        `article_id` with anew (as its corrected issue-N.json has them), as `record_issue` kept
        them (the address only when it is not the article's own). `credit_corrected`: its
        credit is the editor's correction, which an issue featuring it again publishes
        (`credit_corrections`); `blurb_corrected` likewise its blurb (`blurb_corrections`)."""
        with self.transaction():
            self.db.execute(
                "UPDATE issue_articles SET title = ?, authors = ?, publication = ?, blurb = ?,"
                " blurb_markdown = ?, url = (CASE WHEN ? = (SELECT url FROM articles WHERE id = ?)"
                " THEN NULL ELSE ? END), credit_corrected = (CASE WHEN ? THEN 1 ELSE"
                " credit_corrected END), blurb_corrected = (CASE WHEN ? THEN 1 ELSE"
                " blurb_corrected END) WHERE article_id = ? AND issue_id ="
                " (SELECT id FROM issues WHERE number = ?)",
                (
                    article.title,
                    json.dumps(list(article.authors), ensure_ascii=False),
                    article.publication,
                    article.blurb,
                    article.blurb_markdown,
                    article.url,
                    article_id,
                    article.url,
                    int(credit_corrected),
                    int(blurb_corrected),
                    article_id,
                    number,
                ),
            )

    def record_feed_renamed(self, feed_url: str, was: str) -> None:
        """The feed at `feed_url` called itself `was` before the title it gives now: its
        publisher may have renamed itself (`renamed_feed`)."""
        self._set_meta([(f"feed_renamed:{feed_url}", json.dumps([was], ensure_ascii=False))])

    def renamed_feed(self, feed_url: str) -> bool:
        """Whether the feed at `feed_url` was seen calling itself by a new title
        (`record_feed_renamed`)."""
        return self._meta(f"feed_renamed:{feed_url}") is not None

    def newest_site_names(self, feed_url: str) -> dict[str, str]:
        """Host -> the site name the newest page of the feed at `feed_url` on that host gave
        (`Article.site_name`; link posts and pages that gave none left out): a publisher that
        renamed itself is credited under one name (walk169 #9)."""
        newest: dict[str, str] = {}
        rows = self.db.execute(
            "SELECT url, site_name FROM articles WHERE feed_id = (SELECT id FROM feeds WHERE"
            " url = ?) AND site_name IS NOT NULL AND site_name != '' AND NOT link_post"
            " ORDER BY first_seen, id",
            (feed_url,),
        )
        for url, site_name in rows:
            newest[urlsplit(str(url)).hostname or ""] = str(site_name)
        return newest

    def credit_corrections(self) -> dict[int, tuple[int, tuple[str, ...], str | None]]:
        """The credit the editor last corrected each article's to, by article id: (the number of
        the issue that corrected it, its authors, its publication). One mechanism for both ways
        of correcting it: a draft's `author:`/`publication:` lines (`record_issue`) and
        issue-N.json with `curator render` (`set_published_article`). An issue featuring the
        article again publishes it so, unless its draft corrects it anew (walk158 #7)."""
        found: dict[int, tuple[int, tuple[str, ...], str | None]] = {}
        for article_id, number, authors, publication in self.db.execute(
            "SELECT ia.article_id, i.number, ia.authors, ia.publication FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id WHERE ia.credit_corrected = 1"
            " AND ia.authors IS NOT NULL ORDER BY i.number"
        ):
            found[article_id] = (number, tuple(json.loads(authors)), publication)
        return found

    def blurb_corrections(self) -> dict[int, tuple[int, str, str | None]]:
        """The blurb the editor last corrected each article's to, by article id: (the number of
        the issue that corrected it, its blurb, its Markdown or None). Both ways of correcting it,
        as `credit_corrections`: a draft's blurb (`record_issue`) and issue-N.json with `curator
        render` (`set_published_article`). An issue featuring the article again publishes it so,
        unless its draft corrects it anew (walk167 #5)."""
        found: dict[int, tuple[int, str, str | None]] = {}
        for article_id, number, blurb, markdown in self.db.execute(
            "SELECT ia.article_id, i.number, ia.blurb, ia.blurb_markdown FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id WHERE ia.blurb_corrected = 1"
            " AND ia.blurb IS NOT NULL ORDER BY i.number"
        ):
            found[article_id] = (number, blurb, markdown)
        return found

    def cut_from_issue(self, number: int, article_ids: Collection[int]) -> None:
        """Take articles `article_ids` out of published issue `number` (cut from its corrected
        issue-N.json), with the ones named under them as "also covered by": none is featured by
        the issue any more, and each waits again for a later one, as an article never featured."""
        with self.transaction():
            self.db.executemany(
                "DELETE FROM issue_articles WHERE (article_id = ? OR also_of = ?) AND issue_id ="
                " (SELECT id FROM issues WHERE number = ?)",
                [(article_id, article_id, number) for article_id in article_ids],
            )

    def add_to_issue(self, number: int, article_id: int, subject: str, article: Article) -> None:
        """Record stored article `article_id` as featured by published issue `number` under
        `subject`, after its other articles, published as `article` (added to its corrected
        issue-N.json): as `cut_from_issue` does the reverse, so no later issue features it again.
        An entry of it the issue had as "also covered by" becomes this one."""
        with self.transaction():
            issue_id = self.db.execute(
                "SELECT id FROM issues WHERE number = ?", (number,)
            ).fetchone()[0]
            self.db.execute(
                "DELETE FROM issue_articles WHERE issue_id = ? AND article_id = ?",
                (issue_id, article_id),
            )
            after = self.db.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM issue_articles WHERE issue_id = ?",
                (issue_id,),
            ).fetchone()[0]
            self.db.execute(
                "INSERT INTO issue_articles (issue_id, article_id, subject, position)"
                " VALUES (?, ?, ?, ?)",
                (issue_id, article_id, subject, after),
            )
        self.set_published_article(number, article_id, article)

    def set_section_heading(self, number: int, article_ids: Collection[int], heading: str) -> None:
        """Keep the heading issue `number` prints articles `article_ids` under anew (their
        section's `subject` as its corrected issue-N.json has it); the subject they were
        published under, which placement keeps them under, stays."""
        with self.transaction():
            self.db.executemany(
                "UPDATE issue_articles SET heading = (CASE WHEN subject = ? THEN NULL ELSE ? END)"
                " WHERE article_id = ? AND issue_id = (SELECT id FROM issues WHERE number = ?)",
                [(heading, heading, article_id, number) for article_id in article_ids],
            )

    def set_issue_heading(self, number: int, title: str, editor: str | None) -> None:
        """Keep published issue `number`'s title and editor as corrected ("" for no editor)."""
        with self.transaction():
            self.db.execute(
                "UPDATE issues SET title = ?, editor = ? WHERE number = ?",
                (title, editor if editor is not None else "", number),
            )

    def set_issue_date(self, number: int, issue_date: datetime) -> None:
        """Date published issue `number` anew (as its corrected issue-N.json dates it)."""
        with self.transaction():
            self.db.execute(
                "UPDATE issues SET issue_date = ? WHERE number = ?",
                (issue_date.isoformat(), number),
            )

    def set_issue_text(self, number: int, introduction: str, closing: str) -> None:
        """Keep published issue `number`'s introduction and closing line as corrected."""
        with self.transaction():
            self.db.execute(
                "UPDATE issues SET introduction = ?, closing = ? WHERE number = ?",
                (introduction, closing, number),
            )

    def issues(self, *, with_articles: bool = False) -> list[IssueRecord]:
        """Every published issue, oldest first (with what each featured, when asked)."""
        rows = self.db.execute(
            "SELECT id, number, title, published_at, theme, planned, introduction, closing,"
            " promised, issue_date, editor, plan FROM issues ORDER BY number"
        ).fetchall()
        featured: dict[int, list[tuple[str, int]]] = {}
        copies: dict[int, list[tuple[int, int]]] = {}
        published: dict[int, dict[int, Article]] = {}
        headings: dict[int, dict[int, str]] = {}
        if with_articles:
            for r in self.db.execute(
                "SELECT ia.issue_id, ia.subject, ia.article_id, ia.also_of, ia.title, ia.authors,"
                " ia.publication, ia.blurb, COALESCE(ia.url, a.url), ia.blurb_markdown, a.language,"
                " ia.heading FROM issue_articles ia"
                " LEFT JOIN articles a ON a.id = ia.article_id ORDER BY ia.issue_id, ia.position"
            ):
                if r[3] is None:
                    featured.setdefault(r[0], []).append((r[1], r[2]))
                else:
                    copies.setdefault(r[0], []).append((r[3], r[2]))
                if r[11] is not None:
                    headings.setdefault(r[0], {})[r[2]] = r[11]
                if r[4] is not None:
                    published.setdefault(r[0], {})[r[2]] = Article(
                        id=r[2],
                        url=r[8],
                        title=r[4],
                        authors=tuple(json.loads(r[5] or "[]")),
                        publication=r[6],
                        blurb=r[7] or "",
                        blurb_markdown=r[9],
                        language=r[10] or "",
                    )
        return [
            IssueRecord(
                number=r["number"],
                title=r["title"],
                published_at=datetime.fromisoformat(r["published_at"]),
                theme=tuple(json.loads(r["theme"])) if r["theme"] else (),
                planned=bool(r["planned"]),
                introduction=r["introduction"],
                closing=r["closing"],
                featured=tuple(featured.get(r["id"], ())),
                copies=tuple(copies.get(r["id"], ())),
                promised=None if r["promised"] is None else tuple(json.loads(r["promised"])),
                as_published=published.get(r["id"], {}),
                headings=headings.get(r["id"], {}),
                issue_date=_dt(r["issue_date"]),
                editor=r["editor"],
                **_plan_taken(r["plan"]),
            )
            for r in rows
        ]

    def recent_published(self, issues: int) -> list[tuple[int, Article]]:
        """The articles the last `issues` issues published (featured, or named as "also covered
        by"), as stored, each with its issue's number, newest issue first."""
        rows = self.db.execute(
            "SELECT a.*, f.url AS feed_url, i.number AS issue_number FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id JOIN articles a ON a.id = ia.article_id"
            " LEFT JOIN feeds f ON f.id = a.feed_id"
            " WHERE i.number > (SELECT MAX(number) FROM issues) - ?"
            " ORDER BY i.number DESC, ia.position",
            (issues,),
        )
        return [(int(r["issue_number"]), self._article(r)) for r in rows]

    def record_retold(self, rows: Iterable[tuple[int, int, int, str]]) -> None:
        """Record unfeatured articles found to tell a story an issue published, as (article id,
        issue number, id of the article it published, why): `candidates` skips them from then
        on (walk81 #1), and no count counts them as waiting."""
        rows = list(rows)
        if not rows:
            return  # (no write: nothing waits for the store's lock)
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO retold_copies (article_id, issue, earlier_id, reason)"
                " VALUES (?, ?, ?, ?)",
                rows,
            )

    def feed_texts(
        self, feed_url: str | None = None, after: int = 0
    ) -> list[tuple[int, str | None, str, str, str]]:
        """The articles first brought by the feed at `feed_url` (every feed's: None), stored after
        the article id `after`, read for their words alone: (id, feed address, title, summary,
        text), by id."""
        where = " AND f.url = ?" if feed_url is not None else ""
        rows = self.db.execute(
            "SELECT a.id, f.url, a.title, a.summary, COALESCE(a.text, '') FROM articles a"
            " LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id > ?" + where + " ORDER BY a.id",
            (after,) if feed_url is None else (after, feed_url),
        )
        return [(int(r[0]), r[1], str(r[2]), str(r[3]), str(r[4])) for r in rows]

    def feed_title(self, feed_url: str) -> str | None:
        """The title the feed at `feed_url` gave itself when last read (None: none, or unknown)."""
        row = self.db.execute("SELECT title FROM feeds WHERE url = ?", (feed_url,)).fetchone()
        return None if row is None or not row[0] else str(row[0])

    def retold_copy(self, article_id: int) -> tuple[int, str, str, str] | None:
        """What `record_retold` recorded of the article: (the issue that published its story,
        the title and address of the article it published, why); None when nothing."""
        row = self.db.execute(
            "SELECT r.issue, e.title, e.url, r.reason FROM retold_copies r"
            " JOIN articles e ON e.id = r.earlier_id WHERE r.article_id = ?",
            (article_id,),
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]), str(row[3]))

    def recorded_retold(
        self, subject: str, above: float | None = None
    ) -> list[tuple[Article, Article, int, str]]:
        """The recorded copies (`record_retold`) still left out, placed under `subject` (scoring
        over `above`, when given), best first: each as (the copy, the article the issue
        published, its number, why), read light (no text)."""
        over = " AND s.score > ?" if above is not None else ""
        rows = self.db.execute(
            "SELECT a.id, a.url, a.title, a.publication, e.id, e.url, e.title, e.publication,"
            " r.issue, r.reason FROM retold_copies r"
            " JOIN assignments s ON s.article_id = r.article_id"
            " JOIN articles a ON a.id = r.article_id JOIN articles e ON e.id = r.earlier_id"
            f" WHERE s.subject = ? AND r.article_id IN ({_RETOLD_NOW})"
            + over
            + " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + _NOT_DEAD
            + " ORDER BY s.score DESC, a.id",
            (subject,) if above is None else (subject, above),
        )
        return [
            (
                Article(id=r[0], url=r[1], title=r[2], publication=r[3]),
                Article(id=r[4], url=r[5], title=r[6], publication=r[7]),
                int(r[8]),
                str(r[9]),
            )
            for r in rows
        ]

    def issue_urls(self, number: int) -> list[str]:
        """The addresses of the articles issue `number` featured, as it published them, in issue
        order (none named "also covered by"); [] when the store does not record it."""
        rows = self.db.execute(
            "SELECT COALESCE(ia.url, a.url) FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id LEFT JOIN articles a ON a.id = ia.article_id"
            " WHERE i.number = ? AND ia.also_of IS NULL ORDER BY ia.position",
            (number,),
        )
        return [str(r[0]) for r in rows if r[0]]

    def issues_featuring(self, article_id: int, *, only_copies: bool = False) -> list[int]:
        """The numbers of the published issues that featured the article (or named it as "also
        covered by", which counts as published too; with `only_copies`, only those), oldest
        first."""
        rows = self.db.execute(
            "SELECT DISTINCT i.number FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " WHERE ia.article_id = ?"
            + (" AND ia.also_of IS NOT NULL" if only_copies else "")
            + " ORDER BY i.number",
            (article_id,),
        )
        return [int(r[0]) for r in rows]

    def article_by_id(self, article_id: int) -> Article | None:
        row = self.db.execute(self._SELECT + " WHERE a.id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def usual_scores(self) -> dict[str, float]:
        """Per subject with at least two articles placed under it, what its other articles
        usually score, for an article scoring under the middle one (`subjects.ONE_WORD_BELOW`):
        the median of the others, the one at rank n // 2 + 1 of n (an odd count's middle, an even
        count's upper middle). walk165 #1: the lower middle of an even count was the article's
        own score when a subject had two articles, so one placed under it on the single word
        "measures" of its name (0.051, beside 0.205) was not below its subject's usual score and
        went unsaid; a subject with one article has no others to compare it with."""
        rows = self.db.execute(
            """SELECT subject, score FROM (
                 SELECT subject, score,
                        ROW_NUMBER() OVER (PARTITION BY subject ORDER BY score) AS k,
                        COUNT(*) OVER (PARTITION BY subject) AS n
                 FROM assignments WHERE subject IS NOT NULL)
               WHERE n >= 2 AND k = n / 2 + 1"""
        )
        return {str(r[0]): float(r[1]) for r in rows}

    def weak_fits(self, bars: Mapping[str, float], ids: Collection[int]) -> set[int]:
        """Of the unfeatured articles whose ids are in `ids`, those the scorer placed under a
        subject with a score under its bar in `bars` (see `placement.weak_bars`); not those the
        editor moved there."""
        found: set[int] = set()
        wanted = tuple(ids)
        if not wanted:
            return found
        only = f" AND s.article_id IN ({', '.join('?' * len(wanted))})"
        for subject, bar in bars.items():
            rows = self.db.execute(
                """SELECT s.article_id FROM assignments s
                   WHERE s.subject = ? AND s.score < ?
                     AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = s.article_id)
                     AND NOT EXISTS (SELECT 1 FROM issue_articles ia
                                     WHERE ia.article_id = s.article_id)"""
                + only,
                (subject, bar, *wanted),
            )
            found.update(int(r[0]) for r in rows)
        return found

    def count_candidates(
        self,
        subject: str,
        min_score: float = 0.0,
        exclude: Collection[int] = (),
        *,
        weak_under: float | None = None,
    ) -> int:
        """How many unfeatured articles are placed under `subject` with at least `min_score`,
        leaving out the articles whose ids are in `exclude` (and dead links, as `candidates`).
        With `weak_under` (the subject's bar, `placement.weak_bars`), only those of them that
        score under it and that the scorer placed there (not the editor): the weak fits."""
        ids = tuple(exclude)
        leave_out = f" AND s.article_id NOT IN ({', '.join('?' * len(ids))})" if ids else ""
        weak = ""
        if weak_under is not None:
            weak = (
                " AND s.score < ? AND NOT EXISTS"
                " (SELECT 1 FROM corrections c WHERE c.article_id = s.article_id)"
            )
        row = self.db.execute(
            """SELECT COUNT(*) FROM assignments s
               WHERE s.subject = ? AND s.score >= ?
                 AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = s.article_id)"""
            + _NOT_DEAD.replace("a.id", "s.article_id")
            + _NOT_RETOLD.replace("a.id", "s.article_id")
            + leave_out
            + weak,
            (subject, min_score, *ids, *(() if weak_under is None else (weak_under,))),
        ).fetchone()
        return int(row[0])

    def record_draft_blurbs(self, number: int, blurbs: Mapping[int, str]) -> None:
        """Keep the blurb curator wrote into the draft of issue `number` for each article (by id)
        whose blurb was its own (not an editor's correction from an earlier issue), to tell a
        blurb rebuilt since (its page or feed corrected and read again) from the editor's edit
        (`draft_blurbs`)."""
        self._set_meta([(f"draft_blurbs:{number}", json.dumps(blurbs, ensure_ascii=False))])

    def draft_blurbs(self, number: int) -> dict[int, str]:
        """The blurbs `record_draft_blurbs` kept for the draft of issue `number` ({}: none
        written, or by a curator that did not keep them)."""
        value = self._meta(f"draft_blurbs:{number}")
        return {int(k): str(v) for k, v in json.loads(value).items()} if value else {}
