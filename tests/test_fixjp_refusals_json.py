"""fixjp #1: `build --json` and `draft --json` refused while the store was opened had no "issue".

README tells a script that must know whether an issue was published to test `build --json`'s
`"issue"` (its number, null when none was). A refusal met while the store was opened (its lock
held too long by another run, a build that waited for one which published meanwhile: exit 6,
another newsletter's store) printed only `{"error": ..., "exit": ...}`: a script reading
`document["issue"]` failed on a KeyError instead of seeing that nothing was published.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_fixjn_overlap import add_feed, holds_open, one_per_subject, slow_feed, start, wait_for

from conftest import LocalServer, copy_demo, run_cli

CX = "Customer Experience Weekly"
OPS = "Support Ops Digest"


def store_of(config: Path) -> Path:
    return config.parent / ".curator" / "curator.db"


def issues(store: Path) -> list[int]:
    with sqlite3.connect(store) as db:
        return [n for (n,) in db.execute("SELECT number FROM issues ORDER BY number")]


def refusal(out: str) -> dict[str, object]:
    """The one JSON document a refused run printed."""
    document = json.loads(out)
    assert isinstance(document, dict), out
    return document


@pytest.fixture
def release() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # (a failed test leaves no handler waiting)


@pytest.mark.parametrize("command", ["build", "draft"])
def test_a_store_in_use_too_long_says_no_issue_in_json(demo: Path, command: str) -> None:
    """Another run holds the store's lock past --wait: nothing is done, and the document says
    `"issue": null` beside the error, as every other refusal of a build says it."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    store = store_of(demo)
    with open(store.with_name(store.name + ".lock"), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.write(str(os.getpid()))  # (a run that is still there)
        handle.flush()
        code, out, err = run_cli(command, "--config", str(demo), "--json", "--wait", "0.3")
    assert code == 1, err
    document = refusal(out)
    assert document["issue"] is None, out
    assert document["exit"] == 1
    assert f"another curator run is using {store} (pid {os.getpid()})" in str(document["error"])
    assert str(document["error"]) in err  # (the same line on stderr, as always)
    assert issues(store) == [1]
    assert not (demo.parent / "drafts" / "issue-2.md").exists()


def test_a_build_that_waited_for_one_that_published_says_no_issue_in_json(
    demo: Path, http_server: LocalServer, release: threading.Event
) -> None:
    """A `build --json` that waited for another build, which published issue 2 meanwhile,
    publishes nothing (exit 6) and its document says so in `"issue"`."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs Linux's /proc to see the second run waiting for the lock")
    one_per_subject(demo)
    code, _, err = run_cli("build", "--config", str(demo), "--quiet")
    assert code == 0, err
    add_feed(demo, slow_feed(http_server, release))
    lock = store_of(demo).with_name("curator.db.lock")
    first = start(demo, "build", "--quiet")
    second: subprocess.Popen[str] | None = None
    try:
        wait_for(lambda: http_server.seen("/slow.xml"), "request for the slow feed", first)
        second = start(demo, "build", "--json")
        wait_for(lambda: holds_open(second.pid, lock), "second run at the lock", second)
        release.set()
        first.communicate(timeout=120)
        out, err = second.communicate(timeout=120)
    finally:
        release.set()
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert first.returncode == 0
    assert second.returncode == 6, out + err
    document = refusal(out)
    assert document["issue"] is None, out
    assert document["exit"] == 6
    assert "published issue 2 while this build waited" in str(document["error"])
    assert issues(store_of(demo)) == [1, 2]


@pytest.mark.parametrize("command", ["build", "draft"])
def test_another_newsletters_store_says_no_issue_in_json(tmp_path: Path, command: str) -> None:
    """`--db` naming another newsletter's store stops the run before anything: its document
    has `"issue": null` too."""
    cx = copy_demo(tmp_path / "cx")
    ops = copy_demo(tmp_path / "ops")
    text = ops.read_text(encoding="utf-8").replace(f"  title: {CX}\n", f"  title: {OPS}\n", 1)
    ops.write_text(text.replace("  editor: Morgan Ellery\n", "  editor: Rangi Parata\n", 1))
    for config in (cx, ops):
        code, _, err = run_cli("build", "--config", str(config), "-q")
        assert code == 0, err
    other = store_of(ops)
    code, out, err = run_cli(command, "--config", str(cx), "--db", str(other), "--json")
    assert code == 1, err
    document = refusal(out)
    assert document["issue"] is None, out
    assert document["exit"] == 1
    assert f'the store {other} holds issues of "{OPS}"' in str(document["error"])
    assert issues(other) == [1] and issues(store_of(cx)) == [1]
