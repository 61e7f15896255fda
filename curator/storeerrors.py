"""What goes wrong around the store, said plainly: `StoreError` and the words for each trouble.

SQLite's result codes read as what the editor meets (another program holds the lock, a read-only
file or disk, a full disk, a damaged page, an empty file, an output folder that is a file) and
each turned into a `StoreError` that says where and what to do, with the lock's waits
(`LOCK_WAIT`, `LOCK_NOTICE`). Split from `curator.store`, which opens the store, copies it and
runs its transactions with these; nothing here touches a store's contents.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from curator.errors import CuratorError
from curator.storebase import read_only_fix


class StoreError(CuratorError):
    """The store cannot be used (unreadable, not a curator store, or written by a newer curator)."""


#: How long a write waits for another program (an SQLite browser, a backup) to release the
#: store's lock, in seconds, before the run stops; and after how long the editor is told it waits.
LOCK_WAIT = 60.0


LOCK_NOTICE = 2.0


# SQLite's primary result codes for what is wrong around the store rather than in curator: the
# store is in use, read-only, cannot be written to (full disk, a file size limit, a failing disk),
# cannot be opened, or is not a database (or damaged).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, _IOERR, _CORRUPT, SQLITE_FULL, _CANTOPEN, _NOTADB = (
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    26,
)

# SQLite's extended codes for a write (not a read) that failed: in a backup, the copy's (the
# store is only read), which a file size limit (EFBIG) or a failing disk under it gives.
WRITE_FAILED = (10 | 3 << 8, 10 | 4 << 8, 10 | 6 << 8)  # IOERR_WRITE, _FSYNC, _TRUNCATE

#: What Python's sqlite3 says of a text column whose bytes are not UTF-8: curator writes only
#: UTF-8 (Python's str), so such bytes are a damaged page of the store (walk174 #3).
_UNDECODABLE = "Could not decode to UTF-8"


def raw_sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(exc: BaseException) -> bool:
    """`exc` is SQLite (or Python's sqlite3) finding a store damaged: a page that is not what
    SQLite wrote ("database disk image is malformed", "file is not a database") or text that is
    not the UTF-8 curator wrote; never an error of curator's own (a mistaken query, a
    constraint), which is raised as it is."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    return sqlite_code(exc) in (_CORRUPT, _NOTADB) or str(exc).startswith(_UNDECODABLE)


def damaged_in_use(path: Path | None, exc: object) -> StoreError:
    """The store at `path` turned out damaged while a command read or wrote it (walk174 #3: a
    page overwritten on disk ended `build`, `fetch`, `subjects list` in a traceback): what to
    do. The rest of the store may read well, but what the command needed does not."""
    said = str(exc)
    if said.startswith(_UNDECODABLE):  # (not the damaged bytes themselves)
        said = said.split(" with text ", 1)[0]
    where = f"the store {path}" if path is not None else "the store"
    moved = (
        f": with no curator running, move it over {path} and delete {path.name}-wal and"
        f" {path.name}-shm beside it"
        if path is not None
        else ", moved over the store"
    )
    return StoreError(
        f"{where} is damaged: SQLite cannot read part of it ({said}); this run stopped there,"
        " and what was stored before is kept: restore it from a backup (curator backup's"
        f" copies: the newest one taken before the damage){moved}; then run again (curator"
        " backup refuses to copy a damaged store)"
    )


def plain_store_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """What went wrong with the store at `path`, said plainly with what to do; None for an error
    that is not about the store's file, its folder or its disk (a mistake of curator's own,
    which is raised as it is)."""
    code = sqlite_code(exc)
    if code == _CORRUPT or str(exc).startswith(_UNDECODABLE):
        return damaged_in_use(path, exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(
            f"{path}: another program kept the store locked for {LOCK_WAIT:.0f} s ({exc}); close"
            " the program that has it open (an SQLite browser, a backup, a sync tool), then run"
            " again; what was stored before is kept"
        )
    if code in (SQLITE_READONLY, _CANTOPEN) and on_read_only_disk(path.parent):
        return read_only_disk(path, exc)
    if code == SQLITE_READONLY:
        return StoreError(
            f"{path}: the store cannot be written to, it is read-only ({exc});"
            f" {read_only_fix(path, store_companions(path))}, then run again; what was stored"
            " before is kept"
        )
    if code in (_IOERR, SQLITE_FULL):
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
