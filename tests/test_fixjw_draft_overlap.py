"""A `curator draft` that waited for a build on the same store, which published meanwhile.

The editor runs `curator draft` to review the next issue while the scheduled build runs: the
draft waited for the build's lock, then wrote a draft as if nothing had happened, exit 0, while
the issue it was to draft had just gone out (the one it wrote is of what that issue left, right
after it). It now writes none, saying which issue was published meanwhile and how to draft the
next one on purpose, with exit 6 as a plain build that waited (README's exit codes).

The build is held by a slow feed on a local server (answered when the test releases it), the
draft started once the build reads it, and released once the draft is seen waiting at the lock:
the runs overlap whatever the machine's speed (walk186 #5's test, whose helpers these are).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_fixjn_overlap import (
    add_feed,
    holds_open,
    issues,
    one_per_subject,
    slow_feed,
    start,
    wait_for,
    waiting_line,
)

from conftest import LocalServer, run_cli


@pytest.fixture
def release() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # (a failed test leaves no handler waiting)


def test_a_draft_that_waited_for_a_build_that_published_writes_none(
    demo: Path, http_server: LocalServer, release: threading.Event
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs Linux's /proc to see the draft waiting for the lock")
    one_per_subject(demo)
    code, out, err = run_cli("build", "--config", str(demo), "--quiet")
    assert code == 0 and out.startswith("Issue 1:"), err
    drafts = demo.parent / "drafts"
    add_feed(demo, slow_feed(http_server, release))
    lock = demo.parent / ".curator" / "curator.db.lock"
    build = start(demo, "build", "--quiet")
    draft = None
    try:
        wait_for(lambda: http_server.seen("/slow.xml"), "request for the slow feed", build)
        draft = start(demo, "draft", "--json")
        wait_for(lambda: holds_open(draft.pid, lock), "the draft at the lock", draft)
        release.set()
        b_out, b_err = build.communicate(timeout=120)
        d_out, d_err = draft.communicate(timeout=120)
    finally:
        release.set()
        for proc in (build, draft):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert build.returncode == 0, b_err
    assert b_out.startswith("Issue 2:"), b_out
    assert issues(demo) == [1, 2]
    # The draft writes nothing, says why and what to do, and exits 6 as a build that waited.
    assert draft.returncode == 6, d_out + d_err
    assert not drafts.exists() or not list(drafts.glob("issue-*.md")), list(drafts.iterdir())
    lines = d_err.splitlines()
    assert lines[0] == waiting_line(demo, build.pid)
    message = (
        "curator: another curator run on this store published issue 2 while this draft waited"
        " for it to finish: the issue it was drafting is out; no draft was written. To draft"
        f" issue 3, of what issue 2 left, run `curator draft --config {demo}` again"
    )
    assert lines[-1] == message, d_err
    doc = json.loads(d_out)
    assert doc["exit"] == 6 and doc["issue"] is None, doc
    assert "Traceback" not in d_err
    # Run again, it drafts issue 3 as asked.
    code, out, err = run_cli("draft", "--config", str(demo), "--quiet", "--no-fetch")
    assert code == 0, err
    assert (drafts / "issue-3.md").is_file(), out
