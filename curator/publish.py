"""Writing outputs: each file is replaced whole (temp file + rename), never left half-written; an
issue's files are replaced together (`FileSet`): all of them, or none.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write `data` to `path` so that readers see the old file or the complete new one, never a part.

    Text is written as UTF-8 exactly as given (no newline translation: a CRLF file stays CRLF). A
    file that exists keeps its permissions (an editor's feeds.yaml made private stays private);
    a new one is 0644. The one writer of every file curator writes: outputs, drafts, feeds.yaml.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)
    return path


def _write_temp(path: Path, data: str | bytes, removed: list[str] | None = None) -> str:
    """`data` written and synced under a temporary name beside `path` (with the permissions
    `path` has, or 0644); the temporary file is gone again if writing it failed. The names of
    the temporary files an earlier, killed write of `path` left, removed first, are added to
    `removed` when given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    stale = _remove_stale_temps(path)
    if removed is not None:
        removed.extend(stale)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _naming(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _naming(exc, path) from None
        raise
    return tmp


def _naming(exc: OSError, path: Path) -> OSError:
    """`exc` naming `path`, the file the editor knows, where it named no file (a write past a
    file size limit, a full disk) or its temporary one (`.issue-2.html.x1y2z3.tmp`).

    Why: "cannot write issue 1 to output: File too large (output)" named the folder, not the file.
    """
    if exc.filename is None or os.path.basename(str(exc.filename)).startswith(f".{path.name}."):
        exc.filename = str(path)
    return exc


def _sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (POSIX: fsync the directory)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _backup(path: Path) -> str:
    """Keep `path`'s file under a temporary name beside it (a second link to it, no copy when the
    file system allows): what `FileSet.undo` puts back. Named as the temporary files are, so one a
    killed run left is removed by the next write of `path`."""
    backup = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.old.tmp")
    try:
        os.link(path, backup)
    except OSError:  # no hard links here (some network or FAT file systems): a copy
        shutil.copy2(path, backup)
    return backup


class FileSet:
    """Files that are replaced together: all of them, or none (an issue's pages, its archive page
    and feed). `write()` writes every file under a temporary name first (a full disk stops it
    there, and its temporary files are removed); `publish()` then renames them into place,
    keeping each old file under another temporary name until `keep()`; `undo()` puts the old
    files back (and removes the new ones that had none), so a failure after the renames (the
    store cannot record the issue) leaves the folder as it was.

    Why: a disk that filled up half-way left a lone issue-2.html in the folder, unmentioned.
    """

    def __init__(self, files: dict[Path, str | bytes]) -> None:
        self.files = files
        self._temps: dict[Path, str] = {}
        #: The files renamed into place: each with its old file's backup, or None if it had none.
        self._replaced: list[tuple[Path, str | None]] = []
        #: The files `undo` could not put back.
        self._left: list[Path] = []
        #: The names of the temporary files a killed earlier write of these files left, removed
        #: by `write` (fixia: a build named the others it removed, not these: `.latest.html.*`).
        self.stale_removed: list[str] = []

    def write(self) -> None:
        try:
            for path, data in self.files.items():
                self._temps[path] = _write_temp(path, data, self.stale_removed)
        except BaseException:
            self._remove_temps()
            raise

    def publish(self) -> tuple[Path, ...]:
        """Rename every file into place; on a failure the old files are back before it is raised."""
        try:
            for path, tmp in self._temps.items():
                backup = _backup(path) if path.exists() else None
                self._replaced.append((path, backup))
                try:
                    os.replace(tmp, path)
                except BaseException:
                    if os.path.exists(tmp):
                        # Not replaced (an immutable file, say): nothing of it to put back, and
                        # its backup is this build's own leftover (walk201 #7: it was said to be
                        # "the new one", and the next build blamed its `.old.tmp` on a kill).
                        self._replaced.pop()
                        if backup is not None:
                            with contextlib.suppress(FileNotFoundError):
                                os.unlink(backup)
                    raise
        except BaseException:
            self.undo()
            raise
        for folder in {p.parent for p in self._temps}:
            _sync_folder(folder)
        return tuple(self._temps)

    def undo(self) -> list[Path]:
        """Put the old files back and remove the temporary ones; returns the files that could not
        be put back (each is the new one, or gone)."""
        for path, backup in reversed(self._replaced):
            try:
                if backup is not None:
                    os.replace(backup, path)
                elif not os.path.exists(self._temps[path]):  # renamed into place: a new file
                    path.unlink(missing_ok=True)
            except OSError:
                self._left.append(path)
        self._replaced.clear()
        self._remove_temps()
        return list(self._left)

    def keep(self) -> None:
        """The new files stay: drop the old ones kept for `undo`."""
        for _path, backup in self._replaced:
            if backup is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(backup)
        self._replaced.clear()

    def _remove_temps(self) -> None:
        for tmp in self._temps.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _remove_stale_temps(path: Path) -> list[str]:
    """Delete temporary files an earlier write of `path` left behind when it was killed: the
    names removed.

    Why: a build killed mid-write (SIGKILL, power loss) leaves `.issue-2.html.x1y2z3.tmp`, half an
    issue, in the output folder, and an editor who uploads the folder would publish it. A build
    holds the store's lock while it writes, so no other write of the same file is under way.
    """
    removed: list[str] = []
    for stale in sorted(path.parent.glob(f".{glob.escape(path.name)}.*.tmp")):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale.name)
    return removed


#: A temporary file curator writes beside a file (`_write_temp`: `.NAME.XXXXXXXX.tmp`) or keeps an
#: old file under while an issue is published (`_backup`: `.NAME.<12 hex>.old.tmp`).
_TEMP = re.compile(r"\..+\.[a-z0-9_]{8,12}(?:\.old)?\.tmp")


def remove_leftover_temps(folder: Path) -> list[str]:
    """Delete every temporary file of curator's in `folder` (the output folder): the names
    removed. A build calls it once it has published, holding the store's run lock, so no other
    curator run is writing there: any such file is what a run stopped while it wrote (`kill
    -9`, the machine going down) left behind.

    Why: a build removed only its own issue's, so a killed `render --record`'s `.issue-2.*.tmp`
    files stayed through later builds (and were uploaded with the folder), although render's
    note said the next build removes them (walk174 #6)."""
    removed: list[str] = []
    with contextlib.suppress(OSError):
        for path in sorted(folder.iterdir()):
            if _TEMP.fullmatch(path.name) and path.is_file():
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(path.name)
    return removed


def put_temp_in_place(out_dir: Path, name: str, wanted: Callable[[bytes], bool]) -> bool:
    """Rename a temporary file of `name` in `out_dir` that a stopped run left (as `_write_temp`
    names them; not a backup's `.old.tmp`) into place, the first whose bytes are `wanted`
    (`killedissue`: one the killed build marked by its digest): whether there was one."""
    for tmp in sorted(out_dir.glob(f".{glob.escape(name)}.*.tmp")):
        if tmp.name.endswith(".old.tmp"):
            continue
        try:
            if not wanted(tmp.read_bytes()):
                continue
            os.replace(tmp, out_dir / name)
        except OSError:
            continue
        return True
    return False
