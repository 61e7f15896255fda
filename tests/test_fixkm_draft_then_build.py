"""walk195 #6: `curator build &`, then `curator draft` 0.3 s later. The draft took the run lock
first (the build was still starting), wrote drafts/issue-6.md, "Edit it", exit 0; the build
waited for it, then published issue 6, and the editor's edits were refused as of an issue
published already. A plain build that waited for a draft which wrote the draft of the issue it
was to publish now publishes none (exit 6), saying how to publish the draft or its own choice.

The draft is held by a slow feed on a local server, the build started once the draft reads it,
and the draft released once the build is seen waiting at the lock (walk186 #5's helpers)."""

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


def test_a_build_that_waited_for_a_draft_of_its_issue_publishes_none(
    demo: Path, http_server: LocalServer, release: threading.Event
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs Linux's /proc to see the build waiting for the lock")
    one_per_subject(demo)
    code, out, err = run_cli("build", "--config", str(demo), "--quiet")
    assert code == 0 and out.startswith("Issue 1:"), err
    draft_file = demo.parent / "drafts" / "issue-2.md"
    add_feed(demo, slow_feed(http_server, release))
    lock = demo.parent / ".curator" / "curator.db.lock"
    draft = start(demo, "draft", "--quiet")
    build = None
    try:
        wait_for(lambda: http_server.seen("/slow.xml"), "request for the slow feed", draft)
        build = start(demo, "build", "--json")
        wait_for(lambda: holds_open(build.pid, lock), "the build at the lock", build)
        release.set()
        d_out, d_err = draft.communicate(timeout=120)
        b_out, b_err = build.communicate(timeout=120)
    finally:
        release.set()
        for proc in (draft, build):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert draft.returncode == 0, d_err
    assert d_out.startswith(f"Draft of issue 2: {draft_file}"), d_out
    assert draft_file.is_file()
    # The build publishes nothing, says why and what to do, exit 6.
    assert build.returncode == 6, b_out + b_err
    assert issues(demo) == [1]
    assert not (demo.parent / "output" / "issue-2.html").exists()
    lines = b_err.splitlines()
    assert lines[0] == waiting_line(demo, draft.pid)
    said = " ".join(b_err.split())
    assert (
        f"another curator run on this store wrote {draft_file}, the draft of issue 2, while"
        " this build waited for it to finish; nothing was published" in said
    ), b_err
    assert f"`curator build --draft {draft_file} --config {demo}`" in said, b_err
    doc = json.loads(b_out)
    assert doc["exit"] == 6 and doc["issue"] is None, doc
    assert "Traceback" not in b_err
    # The editor's draft publishes as issue 2.
    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(draft_file), "-q")
    assert code == 0 and out.startswith("Issue 2:"), out + err
