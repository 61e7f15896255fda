"""The store and the output folder in trouble (walk18 #2, #3, #4, #6, #9): another program holding
the store's lock, a full disk, a store that cannot be written to, Ctrl-C at the start and at the
end of a run. Each is said in one plain line, and an issue is published whole (its files written
and its record stored) or not at all.

The offline demo publishes issue 1 first; each test then runs the next build (issue 2) in trouble.
A full disk is a limit on file size (RLIMIT_FSIZE, `ulimit -f`) set in the child process; a
read-only store is a file without write permission (root ignores it, so a root child first drops
the capability that lets it).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import hostile_helpers as h
import pytest

import curator.storeerrors as store_module
from conftest import REPO, run_cli


@pytest.fixture
def newsletter(themed_demo: Path) -> Path:
    """The demo's feeds.yaml, with issue 1 published: the next build publishes issue 2 (the next
    theme of its plan) from what is stored."""
    code, _, stderr = run_cli("build", "--config", str(themed_demo), "-q")
    assert code == 0, stderr
    return themed_demo


def store_of(config: Path) -> Path:
    return config.parent / ".curator" / "curator.db"


def output_of(config: Path) -> Path:
    return config.parent / "output"


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file in `folder`, temporary ones (".name.xxx.tmp") included."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def issues_recorded(config: Path) -> int:
    return h.store_rows(store_of(config), "SELECT COUNT(*) FROM issues")[0][0]


def assert_issue_2_publishes_once(config: Path) -> None:
    """With the trouble gone, the next build publishes issue 2, once."""
    code, data, stderr = h.build_json(config, "--no-fetch")
    assert code == 0, stderr
    assert data["issue"] == 2
    assert issues_recorded(config) == 2


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """A write waits 1 s for the store's lock (not a minute), and says so after 0.2 s."""
    monkeypatch.setattr(store_module, "LOCK_WAIT", 1.0, raising=False)
    monkeypatch.setattr(store_module, "LOCK_NOTICE", 0.2, raising=False)


def lock_store(config: Path) -> sqlite3.Connection:
    """Another program (an SQLite browser, say) holding the store's write lock."""
    holder = sqlite3.connect(
        store_of(config), isolation_level=None, timeout=0, check_same_thread=False
    )
    holder.execute("BEGIN IMMEDIATE")
    return holder


# -- #2: another program holds the store's lock -----------------------------------------------------


def test_a_store_another_program_keeps_locked_stops_the_build_before_anything_is_published(
    newsletter: Path, short_lock_wait: None
) -> None:
    db, out = store_of(newsletter), output_of(newsletter)
    before = folder_files(out)
    holder = lock_store(newsletter)
    try:
        code, data, stderr = h.build_json(newsletter, "--no-fetch")
    finally:
        holder.rollback()
        holder.close()
    assert code == 1, stderr
    message = (
        f"{db}: another program kept the store locked for 1 s (database is locked); close the"
        " program that has it open (an SQLite browser, a backup, a sync tool), then run again;"
        f" what was stored before is kept; issue 2 was not published: none of its files was"
        f" written to {out}"
    )
    assert stderr.splitlines() == [
        f"curator: waiting for {db}: another program is writing to the store (an SQLite browser,"
        " a backup?); waiting up to 1 s for it to finish",
        f"curator: {message}",
    ]
    # (the build's document, its issue null, with the error: walk92 #1)
    assert (data["error"], data["exit"], data["issue"]) == (message, 1, None)
    # Nothing was published: no issue-2 file, the archive page and feed as they were.
    assert folder_files(out) == before
    assert issues_recorded(newsletter) == 1
    assert_issue_2_publishes_once(newsletter)


def test_a_build_waits_for_a_lock_that_clears_says_so_and_publishes(
    newsletter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "LOCK_WAIT", 30.0, raising=False)
    monkeypatch.setattr(store_module, "LOCK_NOTICE", 0.2, raising=False)
    holder = lock_store(newsletter)
    # (held long enough for a busy machine's build to reach the store's write while it is held)
    released = threading.Timer(4.0, holder.rollback)
    released.start()
    try:
        code, data, stderr = h.build_json(newsletter, "--no-fetch", "--quiet")
    finally:
        released.join()
        holder.close()
    assert code == 0, stderr
    assert f"curator: waiting for {store_of(newsletter)}: another program is writing" in stderr
    assert data["issue"] == 2
    assert issues_recorded(newsletter) == 2


# -- #3: the output folder's disk is full -----------------------------------------------------------


def run_limited(config: Path, *args: str, max_file: int, caps: bool = True) -> tuple[int, str]:
    """`curator build` as a child process whose files cannot grow past `max_file` bytes (as on a
    full disk: writing past it fails with EFBIG); (exit code, stderr)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file, max_file))

    proc = subprocess.run(
        [sys.executable, "-m", "curator", "build", "--config", str(config), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )
    return proc.returncode, proc.stderr


def long_introduction(config: Path) -> None:
    """Issue 2's introduction, many short paragraphs: its web page fits in 150 KB, its email
    edition (a style on every paragraph) does not."""
    folder = config.parent / "introductions"
    folder.mkdir()
    text = "\n\n".join(f"Paragraph {n} of a long letter." for n in range(3000))
    (folder / "issue-2.md").write_text(text + "\n", encoding="utf-8")


def test_a_full_disk_publishes_none_of_the_issue_and_says_what_to_do(newsletter: Path) -> None:
    long_introduction(newsletter)
    out = output_of(newsletter)
    before = folder_files(out)
    code, stderr = run_limited(newsletter, "--no-fetch", max_file=150_000)
    assert code == 1, stderr
    assert "Traceback" not in stderr
    assert stderr.splitlines()[-1].startswith(f"curator: cannot write issue 2 to {out}: File too")
    # walk21 #7: "(.../output)" named the folder; the file that could not be written is named.
    assert f"File too large ({out / 'issue-2.email.html'}); nothing was published" in stderr
    assert (
        "nothing was published and the issue was not recorded: raise the limit on file size"
        " (ulimit -f), or choose another --out, then run again"
    ) in stderr
    # Not a lone issue-2.html: the folder as it was, without a temporary file.
    assert folder_files(out) == before
    assert issues_recorded(newsletter) == 1
    assert_issue_2_publishes_once(newsletter)


def test_an_issue_file_that_cannot_be_replaced_leaves_every_other_file_as_it_was(
    newsletter: Path,
) -> None:
    """The last file of the set fails (a folder is in the way of feed.xml) after the issue's pages,
    index.html and latest.html were renamed into place: they are all put back."""
    out = output_of(newsletter)
    (out / "feed.xml").unlink()
    (out / "feed.xml").mkdir()
    before = folder_files(out)
    code, data, stderr = h.build_json(newsletter, "--no-fetch")
    assert code == 1, stderr
    assert data["error"].startswith(f"cannot write issue 2 to {out}: Is a directory")
    assert "nothing was published and the issue was not recorded" in data["error"]
    assert folder_files(out) == before
    assert issues_recorded(newsletter) == 1
    (out / "feed.xml").rmdir()
    assert_issue_2_publishes_once(newsletter)


def test_render_that_cannot_write_every_file_changes_none(newsletter: Path) -> None:
    """`curator render --all` writes each issue's files and the archive's: all of them, or none."""
    out = output_of(newsletter)
    (out / "feed.xml").unlink()
    (out / "feed.xml").mkdir()
    # (curator's own archive page, edited by hand: one curator did not write stops render first)
    (out / "index.html").write_text(
        '<meta name="generator" content="curator">the editor\'s own index\n', encoding="utf-8"
    )
    before = folder_files(out)
    code, stdout, stderr = run_cli("render", "--all", "--config", str(newsletter))
    assert code == 1, stdout + stderr
    assert stderr.strip() == (
        f"curator: cannot write to {out}: Is a directory ({out / 'feed.xml'}); no file was changed:"
        f" check {out} (or choose another --out), then run again"
    )
    assert folder_files(out) == before


# -- #6: a store that cannot be written to ----------------------------------------------------------


def add_a_long_feed(config: Path) -> None:
    """A new local feed of 30 long articles: storing them writes some 100 KB to the store."""
    body = " ".join(f"Sentence {n} about customer service and its measures." for n in range(60))
    items = "".join(
        f"<item><title>Long read {n}</title><link>https://127.0.0.1:9/long-{n}</link>"
        f"<description>{body}</description></item>"
        for n in range(30)
    )
    (config.parent / "feeds" / "long.xml").write_bytes(h.rss(items, title="Long reads"))
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("\nfeeds:\n", "\nfeeds:\n  - url: feeds/long.xml\n", 1), encoding="utf-8"
    )


@pytest.mark.parametrize("max_kb", [8, 40])
def test_a_store_on_a_full_disk_is_said_to_be_so_not_damaged(newsletter: Path, max_kb: int) -> None:
    """8 KB: the store cannot even be opened for writing; 40 KB: storing the new articles fails."""
    add_a_long_feed(newsletter)
    db = store_of(newsletter)
    before = folder_files(output_of(newsletter))
    code, stderr = run_limited(newsletter, "-q", max_file=max_kb * 1024)
    assert code == 1, stderr
    assert "Traceback" not in stderr
    assert "damaged" not in stderr
    assert stderr.splitlines()[-1] == (
        f"curator: {db}: cannot write to the store (disk I/O error): its disk is full, a limit on"
        " file size (ulimit -f) or disk quota was reached, or the disk is failing; free some space"
        " (or raise the limit), then run again; what was stored before is kept"
    )
    assert folder_files(output_of(newsletter)) == before
    assert issues_recorded(newsletter) == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert h.store_rows(db, "SELECT COUNT(*) FROM articles WHERE title LIKE 'Long read%'") == [(0,)]


def store_written_by_a_build(config: Path) -> int:
    """How many bytes a `build --no-fetch` of `config` writes to its store's -wal file (SQLite
    writes there first, and nowhere else until a checkpoint): measured on the newsletter itself,
    then put back as it was, so that the next build writes as much (same paths, same rows). A
    connection held open meanwhile keeps the -wal file, which the last one to close removes."""
    folder = config.parent
    kept = folder.with_name(folder.name + "-kept")
    shutil.copytree(folder, kept)
    held = sqlite3.connect(store_of(config))
    try:
        held.execute("SELECT COUNT(*) FROM issues").fetchall()
        code, _, stderr = run_cli("build", "--config", str(config), "--no-fetch", "-q")
        assert code == 0, stderr
        written = Path(f"{store_of(config)}-wal").stat().st_size
    finally:
        held.close()
    shutil.rmtree(folder)
    kept.rename(folder)
    return written


def test_a_store_that_fills_up_at_the_run_s_last_write_publishes_nothing(newsletter: Path) -> None:
    """walk141 #1: a disk that had room for the issue's record, and not for a note the build
    wrote after it (that it had told of the stored local files), published and recorded issue 2,
    then said "cannot write to the store ... run again; what was stored before is kept" with
    exit 1, and the run again published issue 3 the same week. The store's size limit is set
    one byte short of all the build writes: its last write fails, and that write is the issue's
    record, which nothing follows, so nothing of issue 2 is out (a real full store, no mock)."""
    db, out = store_of(newsletter), output_of(newsletter)
    limit = store_written_by_a_build(newsletter) - 1
    before = folder_files(out)
    assert max(len(data) for data in before.values()) < limit  # (the files fit: the store fails)
    code, stderr = run_limited(newsletter, "--no-fetch", "-q", max_file=limit)
    assert code == 1, stderr
    assert stderr.splitlines()[-1] == (
        f"curator: {db}: cannot write to the store (disk I/O error): its disk is full, a limit on"
        " file size (ulimit -f) or disk quota was reached, or the disk is failing; free some space"
        " (or raise the limit), then run again; what was stored before is kept; issue 2 was not"
        f" published: none of its files was written to {out}"
    )
    # Published whole or not at all: not recorded, no issue-2 file, index.html and feed.xml kept.
    assert issues_recorded(newsletter) == 1
    assert folder_files(out) == before
    assert_issue_2_publishes_once(newsletter)


def drop_root_file_access() -> Callable[[], None] | None:
    """For a root test run: a preexec function that takes from the child root's power to write
    files it has no permission to (CAP_DAC_OVERRIDE), so that a read-only file is read-only to
    it; None when that cannot be done here."""
    if os.geteuid() != 0:
        return lambda: None
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2

    def drop() -> None:
        for cap in (cap_dac_override, cap_dac_read_search):
            if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
                os._exit(97)

    probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=drop, check=False)
    return drop if probe.returncode == 0 else None


def test_a_read_only_store_is_named_with_the_fix_before_anything_is_fetched(
    newsletter: Path,
) -> None:
    """walk141: `fetch` and `build` on a store chmod 444 read every feed ("ok ... 0 new" lines)
    before the first write stopped them; README says they stop before they fetch."""
    drop = drop_root_file_access()
    if drop is None:
        pytest.skip("running as root, and root's file access cannot be limited here")
    db = store_of(newsletter)
    db.chmod(0o444)
    runs = {
        command: subprocess.run(
            [sys.executable, "-m", "curator", command, "--config", str(newsletter)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=drop,
        )
        for command in ("fetch", "build")
    }
    db.chmod(0o644)
    for command, proc in runs.items():
        assert proc.returncode == 1, (command, proc.stderr)
        # One line: no "Fetching 3 feed(s)", no "ok ... 0 new", no traceback.
        assert proc.stderr.splitlines() == [
            f"curator: {db}: the store cannot be written to, it is read-only (attempt to write a"
            f" readonly database); give your user write permission on it, curator.db-wal,"
            f" curator.db-shm and its folder (chmod u+w {db} {db}-wal {db}-shm {db.parent}),"
            " then run again; what was stored before is kept"
        ], command
    assert issues_recorded(newsletter) == 1
    assert not list(output_of(newsletter).glob("issue-2*"))


# -- #4 and #9: Ctrl-C at the end of a build, and while curator starts -------------------------------

#: The child: curator's CLI, paused (a line on stderr, then sleep) at the point CURATOR_TEST_PAUSE
#: names, for the test's Ctrl-C to land there.
PAUSING_CURATOR = r"""
import importlib.abc, os, sys, time
STAGE = os.environ["CURATOR_TEST_PAUSE"]

def pause(stage, seconds=60):
    if stage == STAGE:
        print(f"curator-test: paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(seconds)

class PauseAtImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "curator.app":
            pause("starting")  # the command line is loading its libraries
        return None
sys.meta_path.insert(0, PauseAtImport())

if STAGE != "starting":
    import curator.cli
    build = sys.modules["curator.cli.build"]
    run_build, report_build = build.run_build, build.report_build
    def paused_run_build(*args, **kwargs):
        result = run_build(*args, **kwargs)
        pause("published")  # the issue is written and recorded; the store is still open
        return result
    def paused_report_build(*args, **kwargs):
        pause("report")  # the store is closed; the report is about to be printed
        return report_build(*args, **kwargs)
    build.run_build, build.report_build = paused_run_build, paused_report_build
    store = sys.modules["curator.store"]
    transaction = store.Store.transaction
    class PausedOnce:
        # The first transaction, paused once it has begun but before its `with` runs.
        paused = False
        def __init__(self, cm):
            self.cm = cm
        def __enter__(self):
            db = self.cm.__enter__()
            if not PausedOnce.paused:
                PausedOnce.paused = True
                pause("transaction")
            return db
        def __exit__(self, *exc):
            return self.cm.__exit__(*exc)
    store.Store.transaction = lambda self: PausedOnce(transaction(self))
    # The first query read through `_each_in`, paused after its first row, while its generator
    # is suspended mid-query (as a Ctrl-C between two rows finds it); not one in the fetch's
    # event loop, where feeds are stored as they are built (walk160 #2) and Ctrl-C cancels the
    # run's tasks, raising nothing between two rows.
    import asyncio
    each_in = store.Store._each_in
    class PausedRows:
        paused = False
        def __init__(self, rows):
            self.rows, self.given = rows, 0
        def __iter__(self):
            return self
        def __next__(self):
            if self.given == 1 and not PausedRows.paused and asyncio._get_running_loop() is None:
                PausedRows.paused = True
                pause("rows")
            self.given += 1
            return next(self.rows)
    store.Store._each_in = lambda self, sql, values: PausedRows(each_in(self, sql, values))

import runpy
sys.argv = ["curator", *sys.argv[1:]]
try:
    runpy.run_module("curator", run_name="__main__")
finally:
    pause("finished", 3)  # the run is over and has said so; Python is about to clean up
"""


@pytest.fixture(autouse=True)
def ctrl_c_reaches_the_children() -> Iterator[None]:
    """Children take Ctrl-C even when pytest runs with SIGINT ignored (see test_crash)."""
    before = signal.getsignal(signal.SIGINT)
    if before == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def interrupted_at(stage: str, config: Path, *args: str) -> tuple[int, str]:
    """Run the pausing child until it pauses at `stage`, then press Ctrl-C: (exit code, stderr)."""
    code, stderr, _ = interrupted_run(stage, config, *args)
    return code, stderr


def interrupted_run(stage: str, config: Path, *args: str) -> tuple[int, str, str]:
    """`interrupted_at`, and the child's stdout: (exit code, stderr, stdout)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", PAUSING_CURATOR, "build", "--config", str(config), *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CURATOR_TEST_PAUSE": stage},
    )
    assert proc.stderr is not None
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        lines.append(line)
        if not line or f"paused at {stage}" in line:
            break
    if f"paused at {stage}" not in lines[-1]:
        proc.kill()
        pytest.fail(f"the child never paused at {stage}: {''.join(lines)}")
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    return proc.returncode, stderr, stdout


@pytest.mark.parametrize("stage", ["published", "report"])
def test_ctrl_c_after_the_issue_is_published_says_it_was(newsletter: Path, stage: str) -> None:
    code, stderr = interrupted_at(stage, newsletter, "--no-fetch", "-q")
    assert code == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.splitlines() == [
        f"curator: interrupted after issue 2 was published: it is recorded in"
        f" {store_of(newsletter)} and its files are written; only the rest of this run's report"
        " was cut short"
    ]
    assert issues_recorded(newsletter) == 2
    assert (output_of(newsletter) / "issue-2.html").is_file()


def test_ctrl_c_as_a_transaction_begins_is_one_line_and_nothing_after_it(
    newsletter: Path,
) -> None:
    """walk21 #4b: "curator: interrupted; ..." was followed by "Exception ignored ...
    sqlite3.ProgrammingError: Cannot operate on a closed database"."""
    code, stderr = interrupted_at("transaction", newsletter, "--no-fetch", "-q")
    assert code == 130, stderr
    assert stderr.splitlines() == ["curator: interrupted; what was stored before is kept"]
    assert issues_recorded(newsletter) == 1


def test_ctrl_c_while_rows_are_read_is_one_line_and_nothing_after_it(themed_demo: Path) -> None:
    """walk24 #5 (walk21 #4b): "curator: interrupted; ..." was still sometimes followed by
    "Exception ignored in: <generator object Store._each_in ...> ... Cannot operate on a closed
    database": the half-read query was closed after the store."""
    code, stderr = interrupted_at("rows", themed_demo, "-q")
    assert code == 130, stderr
    assert "Exception ignored" not in stderr and "Traceback" not in stderr, stderr
    # (the fetch was done: what it stored is said, walk192 #4)
    (line,) = stderr.splitlines()
    assert re.fullmatch(
        r"curator: interrupted: \d+ new article\(s\) this run read are stored \(3 of 3 feeds"
        r" done\)",
        line,
    ), stderr
    assert not (output_of(themed_demo) / "issue-1.html").exists()


def test_ctrl_c_once_the_run_has_reported_changes_nothing(newsletter: Path) -> None:
    """walk21 #4a: "Issue 2: ..." printed, then Ctrl-C killed curator as it cleaned up, silently,
    with the exit status of an interrupted run."""
    code, stderr = interrupted_at("finished", newsletter, "--no-fetch", "-q")
    assert code == 0, stderr
    assert "Traceback" not in stderr and "interrupted" not in stderr, stderr
    assert issues_recorded(newsletter) == 2


def test_ctrl_c_while_curator_starts_is_one_line(newsletter: Path) -> None:
    code, stderr = interrupted_at("starting", newsletter, "--no-fetch")
    assert code == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.splitlines() == ["curator: interrupted while starting; nothing was done"]
    assert issues_recorded(newsletter) == 1


def test_ctrl_c_while_curator_starts_answers_json(newsletter: Path) -> None:
    """walk21 #4c: with --json, stdout was empty."""
    code, stderr, stdout = interrupted_run("starting", newsletter, "--no-fetch", "--json")
    assert code == 130, stderr
    assert json.loads(stdout) == {
        "error": "interrupted while starting; nothing was done",
        "exit": 130,
    }
