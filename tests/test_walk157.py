"""walk157 ran curator from cron (`env -i`, stdin /dev/null, output to a file, --quiet, --json) and
broke things between runs: a `kill -9` of a run left its workers holding the lock for ever, a
restored backup let a build publish over a published issue, a feed keeping only its latest entries
lost the weeks between two fetches without a word."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import hostile_helpers as h
import pytest
from test_walk124 import _draft_dated

from conftest import REPO, LocalServer, run_cli

#: A generous deadline for what takes a moment (processes ending, a request arriving): the tests
#: never assert on speed, they only stop waiting for ever.
PATIENCE = 60.0


def _children(pid: int) -> list[int]:
    """The live processes whose parent is `pid`, as /proc shows them."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # state, ppid, ...
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(name))
    return found


def _running(pid: int) -> bool:
    """Whether `pid` is a process that still runs (a zombie nobody reaped has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def _until(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.05)


def _feeds(server: LocalServer, count: int) -> list[dict[str, str]]:
    feeds = []
    for n in range(count):
        items = "".join(
            f"<item><title>Feed {n} story {i} on customer support queues</title>"
            f"<link>{server.url(f'/story/{n}/{i}')}</link><guid>f{n}-{i}</guid>"
            f"<pubDate>Mon, 0{i + 1} Jul 2026 08:00:00 +0000</pubDate>"
            f"<description>How support teams cut their queue {n} {i}.</description></item>"
            for i in range(2)
        )
        feeds.append({"url": server.add(f"/feeds/f{n}.xml", h.rss(items, f"Feed {n}"))})
    return feeds


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
    reason="a run forks worker processes on Linux with 2 cores or more only",
)
def test_workers_end_when_their_run_is_killed(tmp_path: Path, http_server: LocalServer) -> None:
    """#1: `kill -9` of curator's main process while it fetched left its two workers running for
    ever, holding the run's lock, the store and cron's output pipe: every later run waited its
    whole --wait and failed naming the dead pid. The workers now end with their run, and the
    next run goes on, saying the last one was killed."""
    h.quiet(http_server)
    feeds = _feeds(http_server, 8)
    trickle = http_server.add("/feeds/trickle.xml", handler=h.drip(every=0.5, seconds=PATIENCE))
    config = h.write_config(
        tmp_path, [*feeds, {"url": trickle}], settings={"timeout": int(PATIENCE)}
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "curator", "build", "--config", str(config), "-q"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _until(lambda: http_server.seen("/feeds/trickle.xml"), "the build asked for the feed")
        workers = _children(proc.pid)
        assert workers, "the build forked no workers"
        proc.send_signal(signal.SIGKILL)
        # Workers that outlived it kept its output pipes open: this never returned.
        proc.communicate(timeout=PATIENCE)
        _until(lambda: not any(_running(pid) for pid in workers), f"workers {workers} ended")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    h.write_config(tmp_path, feeds)
    done = subprocess.run(
        [sys.executable, "-m", "curator", "build", "--config", str(config), "--wait", "5", "-q"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=PATIENCE * 2,
    )
    said = " ".join(done.stderr.split())
    assert done.returncode == 0, said
    assert "another curator run" not in said
    assert f"pid {proc.pid}, started" in said and "was stopped before it finished (killed" in said


def test_a_lock_held_by_what_a_killed_run_left_names_it(tmp_path: Path) -> None:
    """#1: a run that finds the lock held while the run that took it is gone (an older curator's
    workers outlived a `kill -9`) says so at once, naming what holds it and how to end it, instead
    of waiting its whole --wait and naming the dead run."""
    config = h.write_config(tmp_path, [])
    lock = tmp_path / "state" / "curator.db.lock"
    lock.parent.mkdir()
    # A "run" takes the lock, forks a child that keeps it, and dies as by kill -9.
    script = (
        "import fcntl, os, sys, time\n"
        f"handle = open({str(lock)!r}, 'a+')\n"
        "fcntl.flock(handle, fcntl.LOCK_EX)\n"
        "handle.write(f'{os.getpid()}\\ncurator build\\n2026-12-06 03:00 UTC\\n'); handle.flush()\n"
        "child = os.fork()\n"
        "if child == 0:\n"
        "    null = os.open(os.devnull, os.O_RDWR)\n"
        "    os.dup2(null, 1); os.dup2(null, 2)\n"
        "    time.sleep(120); os._exit(0)\n"
        "print(child, os.getpid(), flush=True)\n"
        "os._exit(0)\n"
    )
    made = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=PATIENCE
    )
    orphan, dead = (int(pid) for pid in made.stdout.split())
    try:
        done = subprocess.run(
            [sys.executable, "-m", "curator", "build", "--config", str(config), "--wait", "30"],
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=PATIENCE * 2,
        )
    finally:
        os.kill(orphan, signal.SIGKILL)
    said = " ".join(done.stderr.split())
    assert done.returncode != 0
    assert (
        f"the curator run that was using {tmp_path / 'state' / 'curator.db'} (curator build, pid"
        f" {dead}, started 2026-12-06 03:00 UTC) is gone (killed before it finished), but a"
        f" process it started still holds its lock file {lock} (pid {orphan}): end it with"
        f" `kill {orphan}`, then run again"
    ) in said, said


def _build_limited(config: Path, max_file: int) -> tuple[int, str]:
    """`curator build --no-fetch` as a child whose files cannot grow past `max_file` bytes (as on
    a full disk: writing past it fails)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file, max_file))

    proc = subprocess.run(
        [sys.executable, "-m", "curator", "build", "--config", str(config), "--no-fetch", "-q"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=PATIENCE * 2,
        preexec_fn=limit,
    )
    return proc.returncode, proc.stderr


def test_a_restored_backup_never_publishes_over_an_issue_published_since(themed_demo: Path) -> None:
    """#2: a build failed to write issue 2 (a full disk), a backup was taken, issue 2 was
    published, the backup put back: the next build took the published issue 2 for the failed
    build's leftovers and published another issue 2 over it, saying they came "from a build that
    was stopped". It stops, as when no build had failed, and the published issue stays."""
    config = themed_demo
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    letters = config.parent / "introductions"
    letters.mkdir()
    # (1) issue 2's email edition does not fit on the disk: nothing is published
    text = "\n\n".join(f"Paragraph {n} of a long letter." for n in range(3000))
    (letters / "issue-2.md").write_text(text + "\n", encoding="utf-8")
    code, err = _build_limited(config, 150_000)
    assert code == 1 and "nothing was published and the issue was not recorded" in err, err
    # (2) the store is copied
    copy = config.parent / "backup.db"
    code, _, err = run_cli("backup", "--config", str(config), str(copy))
    assert code == 0, err
    # (3) issue 2 is published
    (letters / "issue-2.md").write_text("The first letter.\n", encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    out = config.parent / "output"
    published = {p.name: p.read_bytes() for p in out.glob("issue-2.*")}
    assert b"The first letter." in published["issue-2.html"]
    # (4) the copy is put back
    store = config.parent / ".curator" / "curator.db"
    shutil.copyfile(copy, store)
    for end in ("-wal", "-shm"):
        store.with_name(store.name + end).unlink(missing_ok=True)
    # (5) the next build does not publish another issue 2 over the published one
    (letters / "issue-2.md").write_text("Another letter.\n", encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--no-fetch")
    said = " ".join(err.split())
    assert code == 1, said
    assert f"{out} already holds issue 2 (" in said and "Nothing was published" in said, said
    assert "from a build that was stopped" not in said
    assert {p.name: p.read_bytes() for p in out.glob("issue-2.*")} == published


def _posts(server: LocalServer, numbers: range) -> bytes:
    return h.rss(
        "".join(
            f"<item><title>Post {n} on customer support queues</title>"
            f"<link>{server.url(f'/posts/{n}')}</link><guid>post-{n}</guid>"
            f"<pubDate>{(n % 28) + 1:02d} Jul 2026 08:00:00 +0000</pubDate>"
            f"<description>Week {n}: how support teams cut their queues.</description></item>"
            for n in reversed(numbers)
        ),
        "Weekly Posts",
    )


def test_a_feed_that_moved_past_what_was_stored_says_entries_may_be_missing(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#3: a feed keeping only its latest 4 entries, fetched at posts 1-4 and then at posts 11-14,
    said "4 entries, 4 new": posts 5-10 were lost without a word. The run says the entries
    between may be missing, on the feed's line, in --json and under "need a look"."""
    url = http_server.add("/feed.xml", _posts(http_server, range(1, 5)))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, data, err = h.build_json(config, command="fetch")
    assert code == 0, err
    assert data["feeds"][0]["entries_note"] is None
    http_server.add("/feed.xml", _posts(http_server, range(11, 15)))
    code, data, err = h.build_json(config, command="fetch")
    assert code == 0, err
    note = (
        "entries between 2026-07-05 and 2026-07-12 may be missing: none of its 4 entries was"
        " stored before, all are newer than the newest it gave before, and the feed keeps only"
        " its latest 4: fetch more often (`curator fetch` daily, say); to feature an article it"
        " missed, find its address on the web (its site, http://example.com/, may list it) and"
        " add it to a draft (`curator draft`) under a subject's heading as a heading of its own,"
        " the line `## https://...` with its address under the line `# Subject`: curator reads"
        " the page and credits it"
    )
    assert data["feeds"][0]["entries_note"] == note, err
    code, _, err = h.build_json(config, command="fetch")  # (nothing new: no note)
    http_server.add("/feed.xml", _posts(http_server, range(21, 25)))
    code, _, err = run_cli("fetch", "--config", str(config))
    said = " ".join(err.split())
    assert code == 0, said
    assert "Weekly Posts: 4 entries, 4 new; entries between 2026-07-15 and 2026-07-22" in said
    assert "1 feed(s) need a look (read, but see why): Weekly Posts: entries between" in said
    # A window that overlaps what was stored says nothing of the kind.
    http_server.add("/feed.xml", _posts(http_server, range(23, 27)))
    code, data, err = h.build_json(config, command="fetch")
    assert code == 0 and data["feeds"][0]["entries_note"] is None, err


def _run_in_zone(zone: str, *args: str) -> tuple[int, str, str]:
    """`curator ARGS` run with TZ=zone (a day alone in a draft is that day in the run's zone)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        return run_cli(*args)
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_issues_dated_in_two_time_zones_say_so_not_tomorrow(themed_demo: Path) -> None:
    """#6a: issue 2 dated by a cron build (no TZ: UTC), issue 3 by one with TZ=Pacific/Auckland
    the same day, 11 hours earlier as a moment: the warning advised dating issue 3 tomorrow. It
    says the two runs used different time zones, and where to set one. (Each draft dated by the
    day alone, as `curator draft` writes it: its zone is the run's; walk166 #4: a time written
    with its offset is the editor's, no run's.)"""
    build = ("build", "--config", str(themed_demo), "-q", "--draft")
    first = _draft_dated(themed_demo, 1, "date: 2026-12-07")
    code, _, err = _run_in_zone("UTC0", *build, str(first))
    assert code == 0, err
    second = _draft_dated(themed_demo, 2, "date: 2026-12-07")
    code, _, err = _run_in_zone("<NZDT>-13", *build, str(second))
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        "issue 2 is dated 2026-12-07T00:00:00+13:00, before issue 1 (2026-12-07T00:00:00+00:00),"
        " which it follows: the two runs used different time zones (+13:00 for this one, +00:00"
        " for the other; a run without TZ, as from cron, uses UTC), so the feed of issues lists"
        " them out of order: set TZ in the crontab"
    ) in said, said
    assert "2026-12-08" not in said, said
