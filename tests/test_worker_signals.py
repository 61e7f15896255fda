"""Worker processes and SIGTERM: a pool that breaks (a worker killed mid-run) ends its other
workers with SIGTERM; a worker that ignored it (as one did after SIGTERM handling came in) kept
the run waiting for ever, in `ProcessPoolExecutor.shutdown`. Real forked workers, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import asyncio, os, signal, sys, time
    from curator.workers import worker_pool

    MAIN = os.getpid()

    def pid():
        return os.getpid()

    def die():
        if os.getpid() != MAIN:  # a worker dies; here (the pool broken) it is done
            time.sleep(0.3)
            os._exit(1)

    def big():
        # A result larger than a pipe holds, written while the pool breaks: its worker blocks
        # writing it, as nobody reads results any more, until SIGTERM ends it.
        time.sleep(0.6)
        return b"x" * 20_000_000

    async def main(workers):
        first = await workers.run(pid)
        assert first != os.getpid()
        # A worker killed mid-run breaks the pool; its work is done here instead.
        results = await asyncio.gather(workers.run(big), workers.run(die))
        assert len(results[0]) == 20_000_000
        print("after", await workers.run(pid) == os.getpid(), workers.died, flush=True)

    with worker_pool(100) as workers:
        asyncio.run(main(workers))
    print("shut down", flush=True)
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
    reason="forked workers run on Linux with 2 cores or more",
)
def test_a_broken_pool_ends_its_workers_and_the_run_goes_on(tmp_path: Path) -> None:
    # The main process handles SIGTERM as Ctrl-C (a handler the fork hands down to the workers).
    script = tmp_path / "pool.py"
    script.write_text(
        "import signal\nsignal.signal(signal.SIGTERM, lambda *_: None)\n" + SCRIPT,
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["after True True", "shut down"], done.stdout


def test_a_worker_dies_of_sigterm_quietly() -> None:
    from curator.workers import _leave_interrupts_to_the_main_process

    assert callable(_leave_interrupts_to_the_main_process)
    code = (
        "import os, signal\n"
        "signal.signal(signal.SIGTERM, lambda *_: print('handled'))\n"
        "from curator.workers import _leave_interrupts_to_the_main_process as leave\n"
        "leave()\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "import time; time.sleep(5); print('alive')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == -signal.SIGTERM
    assert done.stdout == "" and done.stderr == ""
