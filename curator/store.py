"""The store: one SQLite file holding every feed, article and issue; opening it, and `Store`.

This module and the `store*` modules beside it hold all of curator's SQL. Here: upgrading and
copying a store (backups), and `Store` with its opening, transactions and version. What goes wrong
around the store, said plainly (`StoreError`), is `storeerrors`. Its other methods are parts, a
module each: `store_feeds`, `store_articles`, `store_subjects`, `store_terms`, `store_issues`
(typed against `storebase.StoreBase`); the schema and its migrations are in `storeschema`, the
records it hands out in `storerecords`. Callers import `Store` and its records from here."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from glob import escape as glob_escape
from pathlib import Path
from urllib.parse import quote

from curator import storeerrors
from curator.readdressed import REPUBLISHED_MIN_CHARS
from curator.store_articles import (
    FEED_DROPPED,
    LOCAL_FILE,
    ArticleStore,
    dead_page,
)
from curator.store_featured import FeaturedStore
from curator.store_feeds import (
    ADVISED_MOVE,
    FOLLOWED_MOVE,
    MOVED_ERROR_JOIN,
    SKIPS_SAID,
    FeedStore,
    moved_error_of,
    with_moved_error,
)
from curator.store_issues import RETOLD_ISSUES, IssueStore
from curator.store_subjects import SubjectStore
from curator.store_terms import TermStore
from curator.storebase import CANDIDATES_INDEX as _CANDIDATES_INDEX
from curator.storeerrors import (
    SQLITE_BUSY,
    SQLITE_FULL,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    WRITE_FAILED,
    StoreError,
    damaged_in_use,
    damaged_store,
    empty_store,
    is_damage,
    plain_store_error,
    raw_sqlite_code,
    read_only_disk,
    read_only_source,
    sqlite_code,
)
from curator.storerecords import FeedState, IssueRecord, LightRow, PageRetry, StoredModel
from curator.storeschema import MIGRATIONS, VERSION, upgrade_notes

__all__ = [
    "ADVISED_MOVE",
    "FEED_DROPPED",
    "FOLLOWED_MOVE",
    "SKIPS_SAID",
    "FeedState",
    "IssueRecord",
    "LOCAL_FILE",
    "LightRow",
    "MIGRATIONS",
    "MOVED_ERROR_JOIN",
    "PageRetry",
    "REPUBLISHED_MIN_CHARS",
    "RETOLD_ISSUES",
    "Store",
    "StoredModel",
    "Upgrade",
    "VERSION",
    "backup_store",
    "copy_store",
    "dead_page",
    "free_name",
    "kept_copy",
    "moved_error_of",
    "with_moved_error",
]


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
    #: What a migration could not carry over, in words (fixlx #5: a hand-broken record).
    notes: tuple[str, ...] = ()

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
        ) + "".join(f"; {note}" for note in self.notes)


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


class DamagedCopy(Exception):
    """A copy of the store (`copy_store` with `check`) that SQLite's integrity check finds
    damaged: the store it was copied from is (SQLite's backup copies pages as they are)."""


def _integrity(db: sqlite3.Connection) -> str | None:
    """What SQLite's integrity check finds wrong in `db` (its first lines), or None when it
    reads well. 1.3 s for a store of 100,000 articles (344 MB, in the disk cache)."""
    try:
        rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        return str(exc)
    return None if rows == ["ok"] else checked(rows)


def checked(rows: list[str]) -> str:
    """SQLite's check's lines as one (without its "*** in database main ***" heading)."""
    lines = [" ".join(r.replace("*** in database main ***", "").split()) for r in rows]
    return "; ".join(line for line in lines if line)


def copy_store(path: Path, dest: Path, *, check: bool = False) -> None:
    """Copy the store at `path` to `dest` as it is: consistent (SQLite's backup API reads one
    snapshot, what is still in the -wal file included, while another program may be writing),
    in one file (no -wal) written under a temporary name and renamed into place, so that a copy
    cut short is never taken for a whole one. Raises OSError or sqlite3.Error."""
    part = dest.with_name(f".{dest.name}.tmp")
    try:
        part.unlink(missing_ok=True)
        uri = read_only_source(path)  # (on a read-only disk: walk92 #4)
        source = (
            sqlite3.connect(path, isolation_level=None, timeout=storeerrors.LOCK_WAIT)
            if uri is None
            else sqlite3.connect(uri, uri=True, isolation_level=None, timeout=storeerrors.LOCK_WAIT)
        )
        try:
            source.execute("PRAGMA query_only = ON")
            target = sqlite3.connect(part, isolation_level=None)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
                # A damaged store is copied page for page as it is: a backup checks the copy
                # before it takes its name (walk174 #3: daily backups replaced good ones).
                if check and (wrong := _integrity(target)) is not None:
                    raise DamagedCopy(wrong)
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
        copy_store(path, dest, check=True)
        with sqlite3.connect(dest) as copy:
            issues = copy.execute("SELECT COUNT(*) FROM issues").fetchone()[0]
            articles = copy.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except DamagedCopy as exc:
        raise StoreError(_damaged_backup(path, dest, str(exc))) from None
    except sqlite3.DatabaseError as exc:
        # The store is only read: a write that failed (a full disk, a file size limit, a
        # read-only copy) is the copy's (walk174 #7: EFBIG on the copy blamed the store).
        if (
            sqlite_code(exc) in (SQLITE_FULL, SQLITE_READONLY)
            or raw_sqlite_code(exc) in WRITE_FAILED
        ):
            raise unwritable(exc) from None
        plain = plain_store_error(exc, path)
        raise plain or damaged_store(path, exc) from None
    except OSError as exc:
        raise unwritable(exc.strerror or exc) from None
    return int(issues), int(articles)


def _damaged_backup(path: Path, dest: Path, wrong: str) -> str:
    """The refusal of a backup whose copy is damaged, with the way back: the newest earlier
    backup beside `dest` that reads well, when there is one (they are all kept)."""
    stem = re.sub(r"-\d{4}-\d{2}-\d{2}(-\d+)?$", "", dest.stem)
    earlier = sorted(
        (f for f in dest.parent.glob(f"{glob_escape(stem)}*{dest.suffix}") if f.is_file()),
        key=lambda f: f.stat().st_mtime,
        reverse=True,
    )
    good = next((f for f in earlier if _reads_well(f)), None)
    back = (
        f"the newest backup there that reads well is {good}: with no curator running, move it"
        f" over {path} and delete {path.name}-wal and {path.name}-shm beside it"
        if good is not None
        else f"restore {path} from an earlier backup (a file curator backup wrote), moved over it"
    )
    return (
        f"the store {path} is damaged (SQLite's check of its copy: {wrong}), so no backup was"
        f" written to {dest}, and the earlier backups are kept as they are; {back}; then run"
        " again"
    )


def _reads_well(path: Path) -> bool:
    """The file at `path` is a store SQLite's quick check finds whole (a backup to go back to)."""
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)) as db:
            rows = [r[0] for r in db.execute("PRAGMA quick_check(1)")]
            return rows == ["ok"] and db.execute("PRAGMA user_version").fetchone()[0] > 0
    except sqlite3.Error:
        return False


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


def _connect_query_only(path: Path, address: str, *pragmas: str) -> tuple[sqlite3.Connection, int]:
    """The store at `path`, through the URI `address`, opened so that nothing can write it
    (`PRAGMA query_only`, then `pragmas`), and its schema version; each failure said as the
    writable open says it (an empty file, one SQLite cannot open, a damaged one). Shared by
    `Store.open_read_only` and `Store.open_for_reading`, which differ in what they do with an
    older schema."""
    if (empty := empty_store(path)) is not None:
        raise empty
    try:
        db = sqlite3.connect(address, uri=True, isolation_level=None, timeout=storeerrors.LOCK_WAIT)
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


#: The size of store above which `Store.check_whole` leaves the check to `curator backup` and to
#: the reads that meet a damaged page: 256 MB, about 75,000 articles, a check of 0.4 s or less.
CHECK_WHOLE_MAX = 256 * 1024 * 1024


class Store(FeedStore, ArticleStore, SubjectStore, TermStore, IssueStore, FeaturedStore):
    """An open store. Use `Store.open(path)`; every write runs in a transaction."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        #: The number of the first issue, while none is published (`settings: first_issue:`).
        self.first_issue = 1
        #: Told (once per wait) that a write waits for another program to release the store.
        self.on_wait: Callable[[str], None] | None = None
        #: (new articles, feeds) of this run's whole fetch (`harvest`): said if stopped later.
        self.fetched_this_run: tuple[int, int] | None = None
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
        #: `open` made the store: there was no file at its path when the run began (walk174 #4).
        self.made_now = False
        #: The dates of issues the store keeps none for (an older curator's), read from the
        #: output folder by a run that may not write them (`curator.olddates`), by number.
        self.dates_found: dict[int, datetime] = {}

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) the store at `path` and bring its schema up to date; an
        empty file there is refused (`empty_store`), never made a new store."""
        path = Path(path)
        if (empty := empty_store(path)) is not None:
            raise empty
        made = not path.exists()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, timeout=storeerrors.LOCK_WAIT)
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
            store.made_now = made
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
            copy = sqlite3.connect(target, isolation_level=None, timeout=storeerrors.LOCK_WAIT)
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
            notes = upgrade_notes(self.db)  # (what a migration could not carry: fixlx #5)
        if kept is not None:
            self.upgraded = Upgrade(
                self.path, version, VERSION, kept, None if after is None else int(after), notes
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

    def check_whole(self) -> None:
        """Stop with `damaged_in_use` when SQLite's quick check finds a page of the store
        damaged: a run that writes (`fetch`, `build`, `draft`) checks first, as damage where
        it does not read would else let a build publish from a store no backup can copy
        (walk174 #3). 0.5 s for a store of 100,000 articles (344 MB, in the disk cache): a
        store over `CHECK_WHOLE_MAX` is not checked here (a million articles, 3.3 GB, would
        take 5 s or more a run, where the week's build must stay within 0.5 s of a build on
        an empty store: benchmarks/build.py); `curator backup` checks every copy it makes, and
        any read of a damaged page stops the run as damaged."""
        with suppress(OSError):
            if self.path.stat().st_size > CHECK_WHOLE_MAX:
                return
        try:
            rows = [str(r[0]) for r in self.db.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            raise damaged_in_use(self.path, exc) from None
        if rows != ["ok"]:
            raise damaged_in_use(self.path, checked(rows))

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
            if sqlite_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED):
                return
            plain = plain_store_error(exc, self.path)
            if plain is None:
                raise
            raise plain from None
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(storeerrors.LOCK_WAIT * 1000)}")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: the store's write lock, before anything is written. When another
        program holds it, `on_wait` is told so after LOCK_NOTICE s, and the run waits up to
        LOCK_WAIT s in all before it stops (a plain StoreError). A store opened by a command that
        only reads is copied first: the write goes to the copy (`_work_in_copy`)."""
        if self.reading:
            self._work_in_copy()
        try:
            self.db.execute(f"PRAGMA busy_timeout = {int(storeerrors.LOCK_NOTICE * 1000)}")
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if sqlite_code(exc) not in (SQLITE_BUSY, SQLITE_LOCKED):
                    raise
            if self.on_wait is not None:
                self.on_wait(
                    f"waiting for {self.path}: another program is writing to the store (an SQLite"
                    f" browser, a backup?); waiting up to {storeerrors.LOCK_WAIT:.0f} s for it to finish"
                )
            self.db.execute(
                f"PRAGMA busy_timeout = {int(max(storeerrors.LOCK_WAIT - storeerrors.LOCK_NOTICE, 0) * 1000)}"
            )
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            plain = plain_store_error(exc, self.path)
            if plain is None:
                raise
            raise plain from None
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(storeerrors.LOCK_WAIT * 1000)}")

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])
