"""The store: one SQLite file holding every feed, article and issue; opening it, and `Store`.

This module and the `store*` modules beside it hold all of curator's SQL. Here: what goes wrong
around the store said plainly (`StoreError`), upgrading and copying a store (backups), and `Store`
with its opening, transactions and version. Its other methods are parts, a module each:
`store_feeds`, `store_articles`, `store_subjects`, `store_terms` (typed against
`storebase.StoreBase`); the schema and its migrations are in `storeschema`, the records it hands
out in `storerecords`. Every caller imports from here."""

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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from curator.errors import CuratorError, shell_arg
from curator.models import Article
from curator.store_articles import (
    FEED_DROPPED,
    LOCAL_FILE,
    REPUBLISHED_MIN_CHARS,
    ArticleStore,
    dead_page,
)
from curator.store_feeds import (
    ADVISED_MOVE,
    FOLLOWED_MOVE,
    MOVED_ERROR_JOIN,
    FeedStore,
    moved_error_of,
    with_moved_error,
)
from curator.store_subjects import SubjectStore
from curator.store_terms import TermStore
from curator.storebase import CANDIDATES_INDEX as _CANDIDATES_INDEX
from curator.storebase import NOT_DEAD as _NOT_DEAD
from curator.storebase import NOT_RETOLD as _NOT_RETOLD
from curator.storebase import dt as _dt
from curator.storebase import iso as _iso
from curator.storerecords import FeedState, IssueRecord, LightRow, PageRetry, StoredModel
from curator.storeschema import MIGRATIONS, VERSION

__all__ = [
    "ADVISED_MOVE",
    "FEED_DROPPED",
    "FOLLOWED_MOVE",
    "FeedState",
    "IssueRecord",
    "LOCAL_FILE",
    "LOCK_NOTICE",
    "LOCK_WAIT",
    "LightRow",
    "MIGRATIONS",
    "MOVED_ERROR_JOIN",
    "PageRetry",
    "REPUBLISHED_MIN_CHARS",
    "RETOLD_ISSUES",
    "Store",
    "StoreError",
    "StoredModel",
    "Upgrade",
    "VERSION",
    "backup_store",
    "copy_store",
    "damaged_store",
    "dead_page",
    "empty_store",
    "file_in_the_way",
    "free_name",
    "kept_copy",
    "moved_error_of",
    "on_read_only_disk",
    "plain_store_error",
    "read_only_disk",
    "read_only_source",
    "store_companions",
    "with_moved_error",
]


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


def _plan_taken(value: str | None) -> dict[str, Any]:
    """An issue's `plan` column as `IssueRecord.plan` and `plan_entry`."""
    if not value:
        return {}
    data = json.loads(value)
    return {"plan": tuple(tuple(e) for e in data["plan"]), "plan_entry": int(data["entry"])}


#: How many of the latest issues' stories a candidate may not tell again (`placement`).
RETOLD_ISSUES = 12


#: The recorded copies of a story one of the last `RETOLD_ISSUES` issues told (`record_retold`):
#: those a draft lists for the editor to feature one all the same (older ones stay left out).
_RETOLD_NOW = (
    "SELECT r.article_id FROM retold_copies r"
    f" WHERE r.issue > (SELECT COALESCE(MAX(number), 0) FROM issues) - {RETOLD_ISSUES}"
)


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


class Store(FeedStore, ArticleStore, SubjectStore, TermStore):
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
