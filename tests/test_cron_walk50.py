"""curator run from cron and scripts (walk50): a stdout or stderr that cannot be written (a pipe
whose reader has gone, a full disk) never stops the run nor turns its work into a failure.

Each command runs as a real process (`python -m curator`) with a real closed pipe or /dev/full
as its stdout or stderr, on a copy of the offline demo.
"""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest

from conftest import REPO, run_cli

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


def closed_line(demo: Path) -> str:
    """`CLOSED_LINE` of a build, which names the issue it published (walk157 #4)."""
    return CLOSED_LINE.replace(
        "to its end,",
        f"to its end: issue 1 was published: {demo.parent / 'output' / 'issue-1.html'},",
    )


def test_a_build_whose_stdout_is_closed_publishes_and_exits_0_saying_so(
    demo: Path, tmp_path: Path
) -> None:
    err = tmp_path / "err"
    with closed_pipe() as out, err.open("wb") as stderr:
        done = curator(demo, "build", "--quiet", stdout=out, stderr=stderr)
    assert done.returncode == 0, err.read_text()
    assert err.read_text().splitlines() == [closed_line(demo)]
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
        " the run itself went on to its end: issue 1 was published:"
        f" {demo.parent / 'output' / 'issue-1.html'}, and what it did is kept: do not run it"
        " again for the report"
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
    # (it changes nothing: running it again is the way to the report, walk56 #5)
    assert text.splitlines()[-1] == (
        "curator: stdout was closed before curator's report was all written (nothing reads it);"
        " this command changes nothing, so run it again for the report"
    )


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


# -- advice that works when pasted (#6, #8), and a backup that names its own folder (#7) ----------


def advised(message: str, before: str) -> list[str]:
    """The command curator advises in `message` (after `before`, up to a backtick or the end of
    the line), as a shell splits it."""
    rest = message.split(before, 1)[1]
    return shlex.split(rest.split("`", 1)[0].strip())


def test_init_in_a_folder_with_spaces_advises_a_build_command_that_pastes(tmp_path: Path) -> None:
    folder = tmp_path / "Résumé news"
    code, out, err = run_cli("init", str(folder))
    assert code == 0, err
    command = advised(out.splitlines()[-1], "then run: ")
    assert command == ["curator", "build", "--config", str(folder / "feeds.yaml")]


def test_a_draft_in_a_folder_with_spaces_names_a_build_command_that_pastes(
    demo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "w50 nl" / "Résumé news"
    folder.parent.mkdir()
    demo.parent.rename(folder)
    config = folder / "feeds.yaml"
    code, out, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    command = advised(out.splitlines()[-1], "publish it with: ")
    assert command[:3] == ["curator", "build", "--draft"]
    assert command[4:] == ["--config", str(config)]  # the run's own config (walk56 #3)
    assert Path(command[3]).is_file()
    code, out, err = run_cli(*command[1:], "-q")
    assert code == 0, err
    assert (folder / "output" / "issue-1.html").is_file()


@pytest.mark.parametrize("name", ["feeds.yaml", "letter.yaml"])
def test_a_missing_config_elsewhere_names_the_init_that_makes_it_there(
    tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "no pe"
    config = folder / name
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 2
    command = advised(err, "Run `")
    assert command == ["curator", "init", str(folder)]
    if name != "feeds.yaml":  # init names its file feeds.yaml: the message says so
        assert f"to create {folder / 'feeds.yaml'} (curator init names it feeds.yaml)" in err
    code, _, err = run_cli(*command[1:])
    assert code == 0, err
    assert (folder / "feeds.yaml").is_file()


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this user cannot write in (root writes everywhere in tmp_path: /sys then)."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    if not os.access("/sys", os.F_OK) or _writable(Path("/sys")):
        pytest.skip("no folder root cannot write in")
    return Path("/sys")


def _writable(folder: Path) -> bool:
    try:
        (folder / ".curator-probe").open("wb").close()
    except OSError:
        return False
    (folder / ".curator-probe").unlink()
    return True


def test_a_backup_into_a_folder_it_cannot_write_names_that_folder_not_the_store(
    demo: Path, tmp_path: Path
) -> None:
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    folder = unwritable_folder(tmp_path)
    code, _, err = run_cli("backup", "--config", str(demo), f"{folder}/")
    store = demo.parent / ".curator" / "curator.db"
    assert code == 1
    line = err.strip()
    assert line.startswith(
        f"curator: cannot write the copy {folder}/customer-experience-weekly-"
    ), line
    assert f"check that your user may write to {folder} " in line
    assert line.endswith(f"the store {store} is unchanged"), line
    assert "cannot open the store" not in line


@needs_dev_full
def test_warnings_lost_on_a_full_stderr_turn_success_into_exit_5(demo: Path) -> None:
    """walk58 #2: with stderr on a full disk a build published, its warnings (a page it could not
    read) went nowhere, and it ended with exit 0: a cron job saw success. The work is kept; the
    exit code says the report was lost."""
    with FULL.open("wb") as stderr:
        done = curator(demo, "build", stdout=subprocess.DEVNULL, stderr=stderr)
    assert done.returncode == 5
    assert (demo.parent / "output" / "issue-1.html").exists()
    with FULL.open("wb") as stderr:  # nothing to say on stderr (--quiet, no warning): success
        done = curator(demo, "subjects", "list", "-q", stdout=subprocess.DEVNULL, stderr=stderr)
    assert done.returncode == 0
