"""A store and an output folder after a kill, on a read-only disk or without write permission
(walk73): the advice for a read-only store is enough (its -wal and -shm files too), a store on a
read-only file system is said plainly (in JSON too), a build into an emptied output folder says
the archive lost issues and how to bring them back, the files of a build killed before it recorded
its issue are said to be replaced, a killed run is mentioned by the next, and `render` to a folder
it cannot write says what to do.

Root ignores file modes: a root test run drops, in the child, the capability that lets it (as
test_store_trouble does). A read-only file system is a real one: the folder bound read-only over
itself in a mount namespace of the child's own (`unshare`), skipped where that is not allowed.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import hostile_helpers as h
import pytest
from test_store_trouble import drop_root_file_access, issues_recorded, output_of, store_of

from conftest import REPO, run_cli


@pytest.fixture
def newsletter(themed_demo: Path) -> Path:
    """The demo with issue 1 published: the next build publishes issue 2."""
    code, _, stderr = run_cli("build", "--config", str(themed_demo), "-q")
    assert code == 0, stderr
    return themed_demo


def curator(
    *args: str, preexec: Callable[[], None] | None = None, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`curator ARGS` as a child process (or `code`, a Python script given ARGS as its argv)."""
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "curator"]
    return subprocess.run(
        command if code else [*command, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,
    )


# -- #1: the chmod a read-only store is advised is enough ------------------------------------------


def test_the_chmod_advised_for_a_read_only_store_is_enough_for_the_next_build(
    newsletter: Path,
) -> None:
    drop = drop_root_file_access()
    if drop is None:
        pytest.skip("running as root, and root's file access cannot be limited here")
    db = store_of(newsletter)
    db.chmod(0o444)
    # A command that only reads leaves SQLite's -shm (and -wal) made with the store's mode.
    assert curator("themes", "--config", str(newsletter), preexec=drop).returncode == 0
    proc = curator("build", "--config", str(newsletter), "--no-fetch", preexec=drop)
    assert proc.returncode == 1, proc.stderr
    line = proc.stderr.splitlines()[-1]
    wal, shm = f"{db}-wal", f"{db}-shm"
    assert line.startswith(
        f"curator: {db}: the store cannot be written to, it is read-only (attempt to write a"
        f" readonly database); give your user write permission on it, curator.db-wal,"
        f" curator.db-shm and its folder (chmod u+w {db} {wal} {shm} {db.parent}), then run"
        " again; what was stored before is kept"
    ), line
    advised = line.split("(chmod u+w ", 1)[1].split(")", 1)[0]
    subprocess.run(["chmod", "u+w", *shlex.split(advised)], check=True)
    proc = curator("build", "--config", str(newsletter), "--no-fetch", "-q", preexec=drop)
    assert proc.returncode == 0, proc.stderr
    assert issues_recorded(newsletter) == 2


# -- #2 and #6: a read-only file system -------------------------------------------------------------

#: Runs its arguments with the folder $1 bound read-only over itself, in a mount namespace of its
#: own: a read-only file system (EROFS) there alone, gone when the child ends.
READ_ONLY = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'


def on_read_only_disk(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`curator ARGS` with `folder` on a read-only file system; skipped where none can be made."""
    unshare = ["unshare", "-rm", "sh", "-c", READ_ONLY, "sh", str(folder)]
    try:
        probe = subprocess.run([*unshare, "true"], capture_output=True, timeout=30)
    except FileNotFoundError:
        pytest.skip("no unshare here")
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a folder read-only here: {probe.stderr!r}")
    return subprocess.run(
        [*unshare, sys.executable, "-m", "curator", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    # (a command that only reads it reads it there: test_walk92)
    "command",
    [("build", "--no-fetch"), ("fetch",), ("draft",)],
)
def test_a_store_on_a_read_only_file_system_is_said_with_what_to_do(
    newsletter: Path, command: tuple[str, ...]
) -> None:
    db = store_of(newsletter)
    proc = on_read_only_disk(db.parent, *command, "--config", str(newsletter))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1] == (
        f"curator: {db}: the store cannot be written to: its folder {db.parent} is on a read-only"
        f" file system (Read-only file system: {db}.lock); mount that disk read-write, or copy"
        " the folder to a disk that can be written to and give its store with --db (or"
        " settings: store), then run again; what was stored before is kept"
    )


def test_a_store_on_a_read_only_file_system_answers_json(newsletter: Path) -> None:
    db = store_of(newsletter)
    proc = on_read_only_disk(db.parent, "fetch", "--json", "--config", str(newsletter))
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["exit"] == 1
    assert data["error"].startswith(f"{db}: the store cannot be written to: its folder")


def test_render_to_a_read_only_file_system_says_what_to_do(newsletter: Path) -> None:
    out = output_of(newsletter)
    before = h.published_files(out)
    proc = on_read_only_disk(out, "render", "--all", "--config", str(newsletter))
    assert proc.returncode == 1, proc.stderr
    line = proc.stderr.strip()
    assert line.startswith(f"curator: cannot write to {out}: Read-only file system ("), line
    assert line.endswith(
        f"; no file was changed: mount the disk of {out} read-write (or choose another --out),"
        " then run again"
    ), line
    assert h.published_files(out) == before


def test_render_to_a_folder_without_write_permission_says_what_to_do(newsletter: Path) -> None:
    drop = drop_root_file_access()
    if drop is None:
        pytest.skip("running as root, and root's file access cannot be limited here")
    out = output_of(newsletter)
    out.chmod(0o555)
    try:
        proc = curator("render", "--all", "--config", str(newsletter), preexec=drop)
    finally:
        out.chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().endswith(
        f"; no file was changed: make {out} writable for your user (or choose another --out),"
        " then run again"
    ), proc.stderr


# -- #3: an emptied output folder -------------------------------------------------------------------


def test_a_build_into_an_emptied_output_folder_says_which_issues_the_archive_lost(
    newsletter: Path,
) -> None:
    out = output_of(newsletter)
    assert run_cli("build", "--config", str(newsletter), "--no-fetch", "-q")[0] == 0
    for path in out.iterdir():
        path.unlink()
    out.rmdir()
    code, stdout, stderr = run_cli("build", "--config", str(newsletter), "--no-fetch")
    assert code == 0, stderr
    assert stdout.startswith("Issue 3: ")
    # (said before the build goes on: walk150 #5)
    said = " ".join(stderr.split())
    assert (
        f"issues 1, 2 are recorded in the store but not in {out} (no issue-N.json: deleted, or"
        " published to another folder?): their 6 article(s) count as featured all the same, so"
        " this build leaves them out (issue 3 is the next), and the archive page and feed of"
        " issues list only the issues found there. To write them again: `curator render --all"
        " --config"
    ) in said, said
    # What it advises brings them back.
    assert run_cli("render", "--all", "--config", str(newsletter), "-q")[0] == 0
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 3


# -- #4: a build killed after its files were renamed, before its issue was recorded ----------------

#: curator's CLI, killed (os._exit, as SIGKILL: nothing is cleaned up) right after the issue's
#: files are renamed into place, inside the transaction that records the issue.
KILLED_AFTER_RENAME = r"""
import os, sys
import curator.publish as publish
renamed = publish.FileSet.publish
def publish_then_die(self):
    paths = renamed(self)
    os._exit(137)
publish.FileSet.publish = publish_then_die
from curator.cli import main
sys.argv = ["curator", *sys.argv[1:]]
main()
"""


def test_files_of_a_build_killed_before_it_recorded_its_issue_are_said_to_be_replaced(
    newsletter: Path,
) -> None:
    out = output_of(newsletter)
    killed = curator(
        "build", "--config", str(newsletter), "--no-fetch", "-q", code=KILLED_AFTER_RENAME
    )
    assert killed.returncode == 137, killed.stderr
    assert (out / "issue-2.html").exists() and issues_recorded(newsletter) == 1
    assert [p.name for p in out.glob(".*.old.tmp")]  # the old index.html, feed.xml, latest.html

    code, _, stderr = run_cli("render", "--all", "--config", str(newsletter), "-q")
    assert code == 0, stderr
    assert (
        f"issue 2 in {out} is from a build that was stopped (killed, or the machine went down)"
        " after it wrote its files and before the store recorded it: it was rendered as it is"
        " there, and the next `curator build"
    ) in " ".join(stderr.split())
    assert "records it as it is there (readers may have seen it), publishing no other issue 2" in (
        " ".join(stderr.split())
    )

    # fixlv: the issue readers may have seen is recorded as it is, and no other is published.
    page = (out / "issue-2.html").read_bytes()
    code, stdout, stderr = run_cli("build", "--config", str(newsletter), "--no-fetch")
    assert code == 6, stderr
    text = " ".join(stderr.split())
    assert (
        f"issue 2 was in place in {out} (readers may have seen it) from a build that was stopped"
        " (killed, or the machine went down) before the store recorded it: it is recorded now as"
        " published there ("
    ) in text
    assert issues_recorded(newsletter) == 2
    assert (out / "issue-2.html").read_bytes() == page
    assert not list(out.glob(".*.tmp"))


# -- #5: a run killed before it stored anything -----------------------------------------------------

#: curator's CLI, killed (os._exit) as the fetch is about to store what it read.
KILLED_BEFORE_STORING = r"""
import os, sys
import curator.store as store
def die(self, *args, **kwargs):
    os._exit(137)
store.Store.add_articles = die
from curator.cli import main
sys.argv = ["curator", *sys.argv[1:]]
main()
"""


def test_the_run_after_a_killed_one_says_it_was_stopped(demo: Path) -> None:
    killed = curator("fetch", "--config", str(demo), "-q", code=KILLED_BEFORE_STORING)
    assert killed.returncode == 137, killed.stderr
    code, _, stderr = run_cli("fetch", "--config", str(demo), "-q")
    assert code == 0, stderr
    [line] = [x for x in stderr.splitlines() if "was stopped" in x]
    assert line.startswith("curator: the last curator run on this store (curator fetch, pid ")
    assert line.endswith(
        ") was stopped before it finished (killed, or the machine went down): what it had not"
        " stored yet is lost (a fetch or build reads those pages again)"
    )
    # Said once: the run after a run that finished says nothing of it.
    code, _, stderr = run_cli("fetch", "--config", str(demo), "-q")
    assert code == 0 and "was stopped" not in stderr, stderr
