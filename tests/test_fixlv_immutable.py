"""fixlv (walk201 #7): an immutable file (`chattr +i`) in the output folder or as the store.

An immutable output/feed.xml stopped the build, which then said "these files of issue 2 could not
be put back as they were and may be the new ones: .../feed.xml" though it never changed, and left
`.feed.xml.*.old.tmp`, which the next build blamed on a run that was killed. An immutable store
was told to `chmod u+w` it and its curator.db-wal and curator.db-shm, which changes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import hostile_helpers as h
import pytest
from test_crash import serve_demo

from conftest import REPO, LocalServer, said_as_one


def chattr(flag: str, path: Path) -> None:
    subprocess.run(["chattr", flag, str(path)], check=True, capture_output=True)


@pytest.fixture
def newsletter(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A newsletter of the demo's feeds on 127.0.0.1, issue 1 published from one of them, the
    next build's issue 2 from another; skipped where a file cannot be made immutable."""
    if shutil.which("chattr") is None or os.geteuid() != 0:
        pytest.skip("chattr +i needs the chattr program and root")
    probe = tmp_path / "probe"
    probe.write_text("x")
    if subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode != 0:
        pytest.skip(f"this file system cannot make a file immutable ({tmp_path})")
    chattr("-i", probe)
    server = h.quiet(LocalServer().start())
    try:
        urls = serve_demo(server)
        h.write_config(tmp_path, [{"url": urls["northwind"]}])
        code, data, stderr = h.build_json(tmp_path / "feeds.yaml")
        assert code == 0 and data["issue"] == 1, stderr
        h.write_config(tmp_path, [{"url": urls["northwind"]}, {"url": urls["supportdesk-review"]}])
        yield tmp_path / "feeds.yaml", urls
    finally:
        server.stop()


def build(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "curator", "build", "--config", str(config)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_an_immutable_feed_xml_is_not_said_to_be_the_new_one_nor_left_as_a_killed_runs(
    newsletter: tuple[Path, dict[str, str]],
) -> None:
    config, _ = newsletter
    out = config.parent / "output"
    feed = out / "feed.xml"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    chattr("+i", feed)
    try:
        done = build(config)
    finally:
        chattr("-i", feed)
    said = said_as_one(done.stderr)
    assert done.returncode == 1, said
    assert "could not be put back" not in said and "may be the new ones" not in said, said
    assert str(feed) in said
    # The folder is as it was: no issue 2, no temporary file of this build's left behind.
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    again = build(config)
    said = said_as_one(again.stderr)
    assert again.returncode == 0, said
    assert "stopped while it wrote" not in said and "killed" not in said, said
    assert (out / "issue-2.html").exists()


def test_an_immutable_store_is_said_to_be_one_not_given_a_chmod_that_changes_nothing(
    newsletter: tuple[Path, dict[str, str]],
) -> None:
    config, _ = newsletter
    store = config.parent / "state" / "curator.db"
    chattr("+i", store)
    try:
        done = build(config)
    finally:
        chattr("-i", store)
    said = said_as_one(done.stderr)
    assert done.returncode == 1, said
    assert f"{store}: the store cannot be written to" in said, said
    # Its permissions allow writing: a chmod of it (and of its -wal and -shm files, which
    # SQLite made writable) changes nothing; what does is said.
    assert "chmod" not in said and "curator.db-wal" not in said, said
    assert (
        "its permissions allow writing, so something else keeps it from being written: most"
        f" likely it is immutable (`lsattr {store}` shows an i; `sudo chattr -i {store}` clears"
        " it), then run again; what was stored before is kept"
    ) in said, said
