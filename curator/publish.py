"""Writing outputs: each file is replaced whole (temp file + rename), never left half-written."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write `data` to `path` so that readers see the old file or the complete new one, never a part.

    Text is written as UTF-8 exactly as given (no newline translation: a CRLF file stays CRLF). A
    file that exists keeps its permissions (an editor's feeds.yaml made private stays private);
    a new one is 0644. The one writer of every file curator writes: outputs, drafts, feeds.yaml.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    _remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    # Make the rename itself durable (POSIX: fsync the directory).
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return path
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
    return path


def _remove_stale_temps(path: Path) -> None:
    """Delete temporary files an earlier write of `path` left behind when it was killed.

    Why: a build killed mid-write (SIGKILL, power loss) leaves `.issue-2.html.x1y2z3.tmp`, half an
    issue, in the output folder, and an editor who uploads the folder would publish it. A build
    holds the store's lock while it writes, so no other write of the same file is under way.
    """
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
