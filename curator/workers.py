"""Worker processes for a run's CPU work (parsing feeds, reading pages, building articles).

`worker_pool(feeds)` forks the workers before any fetching thread exists and gives a `Workers`;
`await workers.run(fn, ...)` runs `fn` in a worker while this process's event loop goes on fetching,
or here when there is no pool (a small run, one core, not Linux) or the pool broke (a worker was
killed, for memory say): the run then finishes in this process with the same results. lxml work is
kept out of threads: the threaded alternative crashed (SIGSEGV, "double free") in 2 of 17 runs.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

T = TypeVar("T")

#: Parsing a feed and building its articles is CPU work (about 15 ms a feed, as much again for
#: each article page read); with this many feeds or more, it is spread over worker processes, one
#: per core. Below it, starting them (a fork each, ~10 ms) costs more than it saves.
PARALLEL_MIN_FEEDS = 8
#: Worker processes at most, whatever the number of cores: the main process keeps fetching and
#: writing the store, and more workers than that mostly add memory.
MAX_WORKERS = 4
#: Linux's prctl option that sends a signal to this process when its parent dies.
PR_SET_PDEATHSIG = 1
#: How often a worker checks that the run that forked it is still there (where the kernel cannot
#: be asked to end it when its parent dies).
PARENT_CHECK = 1.0

#: Files only the run's own process may hold open (its run lock), as /proc names them: a forked
#: worker closes its copies at once (walk157 #1: workers left running by a `kill -9` of their run
#: held the lock, so every later run waited its whole --wait, then failed). Never the store's:
#: SQLite's state for them, forked with the worker, is what its own reader opens through.
_PARENT_ONLY: set[str] = set()


@contextmanager
def parent_only(*paths: os.PathLike[str] | str) -> Iterator[None]:
    """While inside: workers forked by this process close their copies of `paths` as they start
    (the flock on a run's lock file lasts while any copy of its descriptor is open)."""
    names = {os.path.realpath(path) for path in paths} - _PARENT_ONLY
    _PARENT_ONLY.update(names)
    try:
        yield
    finally:
        _PARENT_ONLY.difference_update(names)


class Workers:
    """Runs functions in worker processes, or in this process when there are none (any more)."""

    def __init__(self, pool: ProcessPoolExecutor | None) -> None:
        self._pool = pool
        #: A worker died during the run (the rest of it was done here): the editor is told.
        self.died = False

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """`fn(*args, **kwargs)` in a worker (arguments and result are pickled), awaited without
        blocking the event loop; here, blocking it, without a pool or once the pool broke.

        What `fn` raises is raised here, as from a direct call.
        """
        if self._pool is not None:
            try:
                future = self._pool.submit(fn, *args, **kwargs)
            except BrokenProcessPool:  # a worker died since the last task
                self._pool = None
                self.died = True
            except RuntimeError:  # shut down by an interrupt
                self._pool = None
            else:
                try:
                    return await asyncio.wrap_future(future)
                except BrokenProcessPool:  # a worker died: this task, and all after it, run here
                    self._pool = None
                    self.died = True
        return fn(*args, **kwargs)


@contextmanager
def worker_pool(feeds: int) -> Iterator[Workers]:
    """Workers for a run over `feeds` feeds: forked processes, or none for a small run.

    Workers are forked (Linux only): they start in milliseconds with curator already imported,
    where a spawned worker would spend ~0.4 s importing it again, longer than a weekly run's
    parsing takes. They are all forked here, before any fetching thread exists.
    """
    cores = os.cpu_count() or 1
    if feeds < PARALLEL_MIN_FEEDS or cores < 2 or not sys.platform.startswith("linux"):
        yield Workers(None)
        return
    give_back(collect=False)  # (a run's start: little garbage, and a collection takes ~0.1 s)
    pool = ProcessPoolExecutor(
        max_workers=min(cores, MAX_WORKERS),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(), None, ()),
    )
    try:
        pool.submit(int).result()  # fork the workers now, not from inside the event loop
        yield Workers(pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def forked(
    initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes forked now, one per core (at most MAX_WORKERS), each starting with
    `initializer(*initargs)` (inherited, not pickled); None on one core or off Linux (the caller
    then works here). For work outside an event loop: placing the archive under subjects."""
    cores = os.cpu_count() or 1
    if cores < 2 or not sys.platform.startswith("linux"):
        yield None
        return
    give_back()
    pool = ProcessPoolExecutor(
        max_workers=min(cores, MAX_WORKERS),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(), initializer, initargs),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def give_back(*, collect: bool = True) -> None:
    """Before forking workers: the memory this process freed goes back to the system.

    A forked worker starts with its parent's every page (shared until written), and the system
    counts them in its resident size: after a fetch had held many feeds' articles, the workers
    that place them were forked from a process of 208 MB and counted 192 MB each, most of it
    memory freed but kept by the C allocator (fixgu: 594 MB in all for a first fetch of 50,000
    items). glibc's `malloc_trim` hands that back, after a garbage collection when `collect`;
    elsewhere there is nothing to call."""
    if collect:
        gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)


def _start_worker(
    parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]
) -> None:
    _die_with(parent)
    _close_the_parents_files()
    _leave_interrupts_to_the_main_process()
    if initializer is not None:
        initializer(*initargs)


def _die_with(parent: int) -> None:
    """In a worker: end when the run that forked it (`parent`) ends in any way, `kill -9` too.

    A worker otherwise outlived a killed run for ever, blocked reading tasks from a pipe it holds
    both ends of, holding the run's lock, its store and cron's output pipe (walk157 #1). On Linux
    the kernel kills it with its parent (PR_SET_PDEATHSIG); everywhere, a thread checks every
    PARENT_CHECK seconds that its parent is still the run (an orphan is adopted by another)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl to call: the thread below does it
            pass
    if os.getppid() != parent:  # the run died before the line above took effect
        os._exit(1)
    threading.Thread(
        target=_watch_parent, args=(parent,), name="curator-parent-watch", daemon=True
    ).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def _close_the_parents_files() -> None:
    """In a worker: close its copies of the files only the run may hold (`parent_only`), so a
    worker never keeps the run's lock taken. Workers are forked on Linux only, where /proc names
    each open descriptor's file."""
    if not _PARENT_ONLY:
        return
    try:
        descriptors = os.listdir("/proc/self/fd")
    except OSError:
        return
    for name in descriptors:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:  # the listing's own descriptor, closed since
            continue
        if target in _PARENT_ONLY:
            with suppress(OSError):
                os.close(int(name))


def _leave_interrupts_to_the_main_process() -> None:
    """In a worker: ignore Ctrl-C, which the whole process group gets; the main process stops the
    run (and the pool) and reports it once, instead of every worker printing a traceback. SIGTERM
    kills a worker quietly, as by default (the main process's handler, inherited by the fork,
    would print one): a broken pool ends its other workers with SIGTERM, and a worker that
    ignored it blocked the run for ever (a worker that died mid-run, then one writing a result
    nobody read any more)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


__all__ = [
    "MAX_WORKERS",
    "PARALLEL_MIN_FEEDS",
    "Workers",
    "forked",
    "parent_only",
    "worker_pool",
]
