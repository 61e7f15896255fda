"""walk186 #5: two overlapping runs of the same build (two cron entries, a cron and a manual run).

The second `curator build --quiet` waited for the first's lock, then published a second issue of
what the first had left, exit 0 both; with --quiet nothing said that it had waited. Now a plain
build that waited for a run that published an issue meanwhile publishes none (exit 6, saying
why and how to publish the next issue on purpose), and the waiting line is said with --quiet too.

The first run is held by a slow feed on a local server (answered when the test releases it), the
second started once the first is reading it, and released once the second is seen waiting (it
holds the store's lock file open): the runs overlap whatever the machine's speed.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, LocalServer, run_cli


@pytest.fixture
def release() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # (a failed test leaves no handler waiting)


def slow_feed(server: LocalServer, release: threading.Event) -> str:
    """A good feed (the demo's Northwind) answered only once `release` is set."""
    body = (EXAMPLES / "feeds" / "northwind.xml").read_bytes()

    def answer(req: BaseHTTPRequestHandler) -> None:
        release.wait(60)
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    return server.add("/slow.xml", handler=answer)


def one_per_subject(config: Path) -> None:
    """One article per subject an issue: the demo's articles then make several issues (a second
    run has some left to publish)."""
    text = config.read_text(encoding="utf-8")
    assert "  issue_size: 4\n" in text
    config.write_text(text.replace("  issue_size: 4\n", "  issue_size: 1\n", 1), encoding="utf-8")


def add_feed(config: Path, url: str) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("feeds:\n", f"feeds:\n  - url: {url}\n    name: Slow\n", 1), encoding="utf-8"
    )


def start(config: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "curator", *args, "--config", str(config)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(done: object, what: str, proc: subprocess.Popen[str] | None = None) -> None:
    """Poll `done()` (no timing is asserted: 60 s is only how long a broken run is waited for)."""
    assert callable(done)
    deadline = time.monotonic() + 60
    while not done():
        if proc is not None and proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the run ended before {what}: exit {proc.returncode}\n{out}\n{err}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within 60 s")
        time.sleep(0.05)


def holds_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open (Linux's /proc): a run waiting for the lock does."""
    target = os.path.realpath(path)
    try:
        names = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for name in names:
        try:
            if os.readlink(f"/proc/{pid}/fd/{name}") == target:
                return True
        except OSError:
            continue
    return False


@dataclass(frozen=True)
class Ran:
    pid: int
    returncode: int
    stdout: str
    stderr: str


def overlapping(
    demo: Path, server: LocalServer, release: threading.Event, first: tuple[str, ...]
) -> tuple[Ran, Ran]:
    """Run `first` (held by the slow feed) and, while it runs, `curator build --quiet`, which
    waits for it; both as they ended."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs Linux's /proc to see the second run waiting for the lock")
    add_feed(demo, slow_feed(server, release))
    lock = demo.parent / ".curator" / "curator.db.lock"
    a = start(demo, *first)
    b: subprocess.Popen[str] | None = None
    try:
        wait_for(lambda: server.seen("/slow.xml"), "request for the slow feed", a)
        b = start(demo, "build", "--quiet")
        wait_for(lambda: holds_open(b.pid, lock), "second run at the lock", b)
        release.set()
        a_out, a_err = a.communicate(timeout=120)
        b_out, b_err = b.communicate(timeout=120)
    finally:
        release.set()
        for proc in (a, b):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    return Ran(a.pid, a.returncode, a_out, a_err), Ran(b.pid, b.returncode, b_out, b_err)


def issues(demo: Path) -> list[int]:
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        return [n for (n,) in db.execute("SELECT number FROM issues ORDER BY number")]


def waiting_line(demo: Path, pid: int) -> str:
    store = demo.parent / ".curator" / "curator.db"
    return (
        f"curator: another curator run (pid {pid}) is using {store}: waiting for it to finish"
        " (up to 10 min; --wait SECONDS to change)"
    )


def test_a_build_that_waited_for_one_that_published_publishes_nothing(
    demo: Path, http_server: LocalServer, release: threading.Event
) -> None:
    one_per_subject(demo)
    code, out, err = run_cli("build", "--config", str(demo), "--quiet")
    assert code == 0 and out.startswith("Issue 1:"), err
    a, b = overlapping(demo, http_server, release, ("build", "--quiet"))
    assert a.returncode == 0, a.stderr
    assert a.stdout.startswith("Issue 2:"), a.stdout
    # The second publishes nothing, says why and what to do, and exits 6 (not 0: a cron job
    # run twice is a schedule to mend).
    assert b.returncode == 6, b.stdout + b.stderr
    assert b.stdout == ""
    assert issues(demo) == [1, 2]
    assert not (demo.parent / "output" / "issue-3.html").exists()
    lines = b.stderr.splitlines()
    assert lines[0] == waiting_line(demo, a.pid)  # said with --quiet too
    assert lines[-1] == (
        "curator: another curator run on this store published issue 2 while this build waited"
        " for it to finish; nothing was published, so that readers do not get issue 3 of what"
        " issue 2 left right after it. If two schedules build this newsletter (two cron entries,"
        f" say), keep one; to publish issue 3 now on purpose, run `curator build --config {demo}`"
        " again"
    )
    assert "Traceback" not in b.stderr
    # Run again, it publishes issue 3 as asked (warning that issue 2 was just published).
    code, out, err = run_cli("build", "--config", str(demo), "--quiet", "--no-fetch")
    assert code == 0, err
    assert out.startswith("Issue 3:"), out
    assert "issue 2 was published less than a minute ago" in err
    assert issues(demo) == [1, 2, 3]


def test_a_build_that_waited_for_a_fetch_publishes_and_says_it_waited(
    demo: Path, http_server: LocalServer, release: threading.Event
) -> None:
    """The wait README's cron example meets (a morning fetch still running at the build's hour):
    the build publishes as before, and --quiet no longer hides that it waited."""
    one_per_subject(demo)
    code, out, err = run_cli("build", "--config", str(demo), "--quiet")
    assert code == 0 and out.startswith("Issue 1:"), err
    a, b = overlapping(demo, http_server, release, ("fetch", "--quiet"))
    assert a.returncode == 0, a.stderr
    assert b.returncode == 0, b.stderr
    assert b.stdout.startswith("Issue 2:"), b.stdout
    assert b.stderr.splitlines()[0] == waiting_line(demo, a.pid)
    assert issues(demo) == [1, 2]
