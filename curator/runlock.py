"""One curator run at a time per store: the run lock, waiting for another run, and what
to do when the run that held it is gone (`build_lock`); `BuildError`, a run that cannot go on."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from curator.errors import CuratorError, shell_arg
from curator.storeerrors import StoreError, file_in_the_way, on_read_only_disk, read_only_disk
from curator.workers import parent_only


class BuildError(CuratorError):
    """The run cannot go on (another build holds the store, the output folder is not writable...)."""


#: How long a run waits for another curator run on the same store to finish (`--wait`): a daily
#: cron fetch that starts while the weekly build runs waits for it instead of failing (walk50 #4).
RUN_WAIT = 600.0


#: How often a waiting run tries the lock again.
RUN_WAIT_POLL = 0.25


#: How long a waiting run gives processes left by a run that is gone (killed) to end by themselves
#: before it says which they are (a run's workers end with it, in a moment).
ORPHAN_GRACE = 3.0


def duration(seconds: float) -> str:
    """`10 min`, `90 s`: a wait as the editor reads it."""
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


#: The commands that change the store or feeds.yaml as the editor asked (not a fetch's articles).
_CHANGES = (
    "subjects move",
    "subjects exclude",
    "subjects rename",
    "subjects undo",
    "feeds add",
    "feeds remove",
    "feeds import",
)


def _stopped_remedy(command: str) -> str:
    """What to do after a run of `command` ("curator subjects move") was killed (walk77 #3: a
    killed `render` or `subjects move` was told a fetch or build reads the pages again)."""
    named = " ".join(command.split()[1:3])
    if named.split(" ")[0] in ("fetch", "build", "draft"):
        return "what it had not stored yet is lost (a fetch or build reads those pages again)"
    if named in _CHANGES:
        return "run it again: its change may not have been stored"
    return "run it again"


@contextmanager
def build_lock(
    store_path: Path,
    *,
    wait: float = RUN_WAIT,
    on_wait: Callable[[str], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
    command: str = "curator",
    on_stopped: Callable[[str], None] | None = None,
) -> Iterator[datetime | None]:
    """One run at a time per store: a second one waits up to `wait` seconds for the first to
    finish (saying once, through `on_wait`, whom it waits for), then is refused with a clear
    message; `wait` 0 refuses it at once. While it runs the lock file names its pid, `command`
    and start; `on_stopped` is told when the last run that held it was killed before it ended.

    Yields, for a run that waited, when the first run it waited for started (UTC; None when it
    did not wait, or that run's curator wrote no such time): what that run or the next published
    meanwhile was published from then on (`curator.runoverlap`, walk186 #5)."""
    lock_path = store_path.with_name(store_path.name + ".lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+")  # noqa: SIM115 - held for the whole run
    except OSError as exc:  # walk73 #2: a store on a read-only disk ended in a traceback
        raise _unlockable(store_path, lock_path, exc) from None
    held = False
    try:
        deadline = clock() + wait
        said = False
        gone_since: float | None = None
        looked = False
        since: datetime | None = None  # (the start of the first run waited for)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                lines = handle.read().split("\n")
                holder = lines[0].strip() or "another process"
                if since is None:
                    since = _started(lines)
            if not looked and holder.isdigit() and not _alive(int(holder)):
                # The run that took the lock is gone, yet the lock is still held: by processes
                # it started (workers of an older curator outlived a `kill -9`: walk157 #1).
                # Only those seen holding it are named (a run in another container or on
                # another machine sharing the store has a pid this one cannot see).
                if gone_since is None:
                    gone_since = clock()
                if clock() >= min(deadline, gone_since + ORPHAN_GRACE):
                    looked = True
                    if holders := _lock_holders(lock_path):
                        raise _held_by_orphans(store_path, lock_path, lines, holders) from None
            if clock() >= deadline:
                waited = f"; waited {duration(wait)} for it" if wait > 0 else ""
                more = " (or give --wait more seconds)" if wait > 0 else ""
                raise BuildError(
                    f"another curator run is using {store_path} (pid {holder}){waited}; "
                    f"wait for it to finish, then run again{more}"
                ) from None
            if not said and on_wait is not None:
                on_wait(
                    f"another curator run (pid {holder}) is using {store_path}: waiting for it"
                    f" to finish (up to {duration(wait)}; --wait SECONDS to change)"
                )
                said = True
            time.sleep(RUN_WAIT_POLL)
        held = True
        handle.seek(0)
        last = handle.read().split("\n")
        if on_stopped is not None and len(last) >= 3 and last[0].strip():
            # A run that ends in any way but a kill empties the file: one that names a run was
            # killed (or the machine stopped) before it finished (walk73 #5).
            on_stopped(
                f"the last curator run on this store ({last[1]}, pid {last[0].strip()}, started"
                f" {last[2]}) was stopped before it finished (killed, or the machine went down):"
                f" {_stopped_remedy(last[1])}"
            )
        handle.seek(0)
        handle.truncate()
        now = datetime.now(UTC)
        started = now.astimezone().strftime("%Y-%m-%d %H:%M %Z")
        # (the 4th line, exact, for a run that waits for this one: `_started`)
        handle.write(f"{os.getpid()}\n{command}\n{started}\n{now.isoformat()}\n")
        handle.flush()
        # Only this process holds the lock: a worker it forks closes its copy, so a worker left
        # behind can never keep it (walk157 #1). (The store's files stay open in a worker:
        # SQLite's state for them, forked with it, is what a worker's own reader uses.)
        with parent_only(lock_path):
            yield since
    finally:
        if held:  # this run is over: nothing to say of it to the next
            with suppress(OSError):
                handle.seek(0)
                handle.truncate()
        handle.close()


def _started(lines: list[str]) -> datetime | None:
    """When the run holding the lock started, from its lock file's lines (the 4th, exact: None
    when it has none, a curator before walk186 #5, or it was being written)."""
    if len(lines) < 4:
        return None
    try:
        started = datetime.fromisoformat(lines[3].strip())
    except ValueError:
        return None
    return started if started.tzinfo is not None else None


def _alive(pid: int) -> bool:
    """Whether a process `pid` is there (one of another user's is)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lock_holders(lock_path: Path) -> list[int]:
    """The processes holding `lock_path` open, as /proc shows them (Linux; [] elsewhere, or for
    another user's processes)."""
    target = os.path.realpath(lock_path)
    holders = []
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []
    for pid in pids:
        if int(pid) == os.getpid():
            continue
        try:
            descriptors = os.listdir(f"/proc/{pid}/fd")
        except OSError:  # ended since, or another user's
            continue
        for name in descriptors:
            try:
                if os.readlink(f"/proc/{pid}/fd/{name}") == target:
                    holders.append(int(pid))
                    break
            except OSError:
                continue
    return sorted(holders)


def _held_by_orphans(
    store_path: Path, lock_path: Path, lines: list[str], holders: list[int]
) -> BuildError:
    """The run lock is held by `holders`, but the run that took it is gone: what to do."""
    pid = lines[0].strip()
    what = f"{lines[1].strip()}, pid {pid}" if len(lines) > 1 and lines[1].strip() else f"pid {pid}"
    if len(lines) > 2 and lines[2].strip():
        what += f", started {lines[2].strip()}"
    pids = " ".join(str(holder) for holder in holders)
    left = (
        f"processes it started still hold its lock file {lock_path} (pid {pids}): end them"
        f" with `kill {pids}`"
        if len(holders) > 1
        else f"a process it started still holds its lock file {lock_path} (pid {pids}): end it"
        f" with `kill {pids}`"
    )
    return BuildError(
        f"the curator run that was using {store_path} ({what}) is gone (killed before it"
        f" finished), but {left}, then run again; the next run does again what the killed one"
        " had not stored"
    )


def _unlockable(store_path: Path, lock_path: Path, exc: OSError) -> StoreError:
    """The run's lock file beside the store cannot be made: what, where and what to do."""
    if exc.errno == errno.EROFS or on_read_only_disk(lock_path.parent):
        return read_only_disk(store_path, f"{exc.strerror}: {lock_path}")
    if (blocking := file_in_the_way(lock_path.parent)) is not None:  # (walk141 #6)
        return StoreError(
            f"{store_path}: {blocking} is a file, not a folder, so the store cannot be there:"
            " move that file away (the store goes in a folder of that name), or give another"
            " store with --db or settings: store in feeds.yaml"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        fix = (
            "give your user write permission on that folder (chmod u+w"
            f" {shell_arg(lock_path.parent)})"
        )
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some space on its disk"
    else:
        fix = f"check {shell_arg(lock_path.parent)}"
    return StoreError(
        f"{store_path}: cannot make the run's lock file {lock_path} beside the store"
        f" ({exc.strerror or exc}); {fix}, then run again; what was stored before is kept"
    )
