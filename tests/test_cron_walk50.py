"""curator run from cron and scripts (walk50): a stdout or stderr that cannot be written (a pipe
whose reader has gone, a full disk) never stops the run nor turns its work into a failure.

Each command runs as a real process (`python -m curator`) with a real closed pipe or /dev/full
as its stdout or stderr, on a copy of the offline demo.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest

from conftest import REPO

FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")


@contextmanager
def closed_pipe() -> Iterator[int]:
    """The write end of a pipe whose reader has already gone (`| (exec 0<&-)`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        yield write
    finally:
        os.close(write)


def curator(
    config: Path, *args: str, stdout: int | IO[Any], stderr: int | IO[Any]
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "curator", *args, "--config", str(config)],
        cwd=REPO,
        stdout=stdout,
        stderr=stderr,
        timeout=120,
    )


def issues_recorded(demo: Path) -> int:
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        return int(db.execute("SELECT COUNT(*) FROM issues").fetchone()[0])


def articles_stored(demo: Path) -> int:
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


CLOSED_LINE = (
    "curator: stdout was closed before curator's report was all written (nothing reads it);"
    " the run itself went on to its end, and what it did is kept: do not run it again for the"
    " report"
)


def test_a_build_whose_stdout_is_closed_publishes_and_exits_0_saying_so(
    demo: Path, tmp_path: Path
) -> None:
    err = tmp_path / "err"
    with closed_pipe() as out, err.open("wb") as stderr:
        done = curator(demo, "build", "--quiet", stdout=out, stderr=stderr)
    assert done.returncode == 0, err.read_text()
    assert err.read_text().splitlines() == [CLOSED_LINE]
    assert issues_recorded(demo) == 1
    assert (demo.parent / "output" / "issue-1.html").is_file()


def test_a_fetch_whose_stdout_is_closed_stores_and_exits_0_saying_so(
    demo: Path, tmp_path: Path
) -> None:
    err = tmp_path / "err"
    with closed_pipe() as out, err.open("wb") as stderr:
        done = curator(demo, "fetch", stdout=out, stderr=stderr)
    assert done.returncode == 0, err.read_text()
    assert err.read_text().splitlines()[-1] == CLOSED_LINE
    assert articles_stored(demo) > 0


@needs_dev_full
def test_a_build_json_to_a_full_disk_is_done_and_says_so_in_one_line_exit_5(
    demo: Path, tmp_path: Path
) -> None:
    err = tmp_path / "err"
    with FULL.open("wb") as out, err.open("wb") as stderr:
        done = curator(demo, "build", "--json", "--quiet", stdout=out, stderr=stderr)
    assert done.returncode == 5, err.read_text()
    assert err.read_text().splitlines() == [
        "curator: could not write the report to stdout (/dev/full): No space left on device;"
        " the run itself went on to its end, and what it did is kept: do not run it again for"
        " the report"
    ]
    assert issues_recorded(demo) == 1


@needs_dev_full
def test_feeds_list_to_a_full_disk_is_one_line_not_a_traceback(demo: Path, tmp_path: Path) -> None:
    err = tmp_path / "err"
    with FULL.open("wb") as out, err.open("wb") as stderr:
        done = curator(demo, "feeds", "list", stdout=out, stderr=stderr)
    assert done.returncode == 5
    lines = err.read_text().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], lines


def test_feeds_export_to_a_closed_pipe_says_no_exception(demo: Path, tmp_path: Path) -> None:
    err = tmp_path / "err"
    with closed_pipe() as out, err.open("wb") as stderr:
        done = curator(demo, "feeds", "export", stdout=out, stderr=stderr)
    assert done.returncode == 0
    text = err.read_text()
    assert "Exception" not in text and "BrokenPipeError" not in text
    assert text.splitlines()[-1] == CLOSED_LINE


def test_a_closed_stderr_leaves_the_build_and_its_json_whole(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with out.open("wb") as stdout, closed_pipe() as stderr:
        done = curator(demo, "build", "--json", stdout=stdout, stderr=stderr)
    assert done.returncode == 0
    assert json.loads(out.read_text())["issue"] == 1
    assert issues_recorded(demo) == 1


@needs_dev_full
def test_stderr_on_a_full_disk_leaves_the_json_of_a_failing_build(
    themed_demo: Path, tmp_path: Path
) -> None:
    """Warnings and progress that cannot be written stop nothing; a build that fails (the plan's
    theme too thin once an issue of every subject took its articles) still answers in JSON."""
    for args in (("build", "-q"), ("build", "-q", "--all-subjects")):
        assert curator(themed_demo, *args, stdout=subprocess.DEVNULL, stderr=None).returncode == 0
    out = tmp_path / "out.json"
    with out.open("wb") as stdout, FULL.open("wb") as stderr:
        done = curator(themed_demo, "build", "--json", stdout=stdout, stderr=stderr)
    answer = json.loads(out.read_text())
    assert done.returncode == answer["exit"] == 3
    assert "too thin" in answer["error"]
