"""A `curator render` killed between the store and the files (walk174 #5).

An issue-1.json with a corrected title: `curator render 1` takes it into the store, rewrites
the introduction curator wrote ("Welcome to issue 1 of <title>.") and says so. Killed (`kill
-9`) after it had stored the title and that introduction but before a file was written, the
rerun published the old introduction again and said the editor had corrected it. The store's
changes and the files are now one step: a killed render changes neither, and the rerun does
what an uninterrupted render does.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_demo, run_cli

#: `curator ARGS` that is killed (SIGKILL, as by `kill -9`) as it starts writing the files.
KILLED_AT_WRITE = """
import os, signal, sys
import curator.publish
curator.publish.FileSet.write = lambda self: os.kill(os.getpid(), signal.SIGKILL)
from curator.cli import main
sys.argv = ["curator", *sys.argv[1:]]
main()
"""


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with issue 1 published, then its issue-1.json's title corrected."""
    config = copy_demo(tmp_path_factory.mktemp("corrected"))
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    path = config.parent / "output" / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Corrected issue title"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return config.parent


def render_1(folder: Path) -> tuple[str, str, str]:
    """`curator render 1` in `folder`: (what it said, issue-1.html, the stored introduction)."""
    code, _, err = run_cli("render", "1", "--config", str(folder / "feeds.yaml"))
    assert code == 0, err
    page = (folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    with sqlite3.connect(folder / ".curator" / "curator.db") as db:
        (intro,) = db.execute("SELECT introduction FROM issues WHERE number = 1").fetchone()
    db.close()
    return err.replace(str(folder), "FOLDER"), page, intro


def test_a_render_killed_before_its_files_reruns_as_an_uninterrupted_one(
    corrected: Path, tmp_path: Path
) -> None:
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    shutil.copytree(corrected, whole)
    shutil.copytree(corrected, killed)
    said, page, intro = render_1(whole)
    assert "Welcome to issue 1 of Corrected issue title." in page
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_AT_WRITE,
            "render",
            "1",
            "--config",
            str(killed / "feeds.yaml"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr
    again, again_page, again_intro = render_1(killed)
    stopped = "curator: the last curator run on this store (curator render, pid"
    assert again.startswith(stopped)  # (said once, after a killed run)
    assert again.split("\n", 1)[1] == said
    assert (again_page, again_intro) == (page, intro)
