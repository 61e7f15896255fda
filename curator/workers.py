"""Worker processes for a run's CPU work (parsing feeds, reading pages, building articles).

`worker_pool(feeds)` forks the workers before any fetching thread exists and gives a `Workers`;
`await workers.run(fn, ...)` runs `fn` in a worker while this process's event loop goes on fetching,
or here when there is no pool (a small run, one core, not Linux) or the pool broke (a worker was
killed, for memory say): the run then finishes in this process with the same results. lxml work is
kept out of threads: the threaded alternative crashed (SIGSEGV, "double free") in 2 of 17 runs.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

#: Parsing a feed and building its articles is CPU work (about 15 ms a feed, as much again for
#: each article page read); with this many feeds or more, it is spread over worker processes, one
#: per core. Below it, starting them (a fork each, ~10 ms) costs more than it saves.
PARALLEL_MIN_FEEDS = 8
#: Worker processes at most, whatever the number of cores: the main process keeps fetching and
#: writing the store, and more workers than that mostly add memory.
MAX_WORKERS = 4


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
    pool = ProcessPoolExecutor(
        max_workers=min(cores, MAX_WORKERS),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_leave_interrupts_to_the_main_process,
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
    pool = ProcessPoolExecutor(
        max_workers=min(cores, MAX_WORKERS),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(initializer, initargs),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    _leave_interrupts_to_the_main_process()
    if initializer is not None:
        initializer(*initargs)


def _leave_interrupts_to_the_main_process() -> None:
    """In a worker: ignore Ctrl-C, which the whole process group gets; the main process stops the
    run (and the pool) and reports it once, instead of every worker printing a traceback. SIGTERM
    kills a worker quietly, as by default (the main process's handler, inherited by the fork,
    would print one): a broken pool ends its other workers with SIGTERM, and a worker that
    ignored it blocked the run for ever (a worker that died mid-run, then one writing a result
    nobody read any more)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


__all__ = ["MAX_WORKERS", "PARALLEL_MIN_FEEDS", "Workers", "forked", "worker_pool"]
