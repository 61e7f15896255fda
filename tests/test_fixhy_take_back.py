"""walk177's issue taken back as README says (the store's backup put back, the issue's files
removed), through the CLI on the demo: `render --all` says the archive lists fewer issues for
that reason and advises no backup of it (N2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import copy_demo
from conftest import run_cli as run


@pytest.fixture(scope="module")
def taken_back(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The demo with issue 1 published, a backup taken, issue 2 published and then taken back
    as README's "Take an issue back" says, and `curator render --all` run: its folder, the
    feed.xml issue 2 was published in, and what `render --all` printed."""
    config = copy_demo(tmp_path_factory.mktemp("taken_back"))
    folder = config.parent
    assert run("build", "--config", str(config), "-q")[0] == 0
    backups = folder.parent / "backups"
    code, _, err = run("backup", f"{backups}/", "--config", str(config))
    assert code == 0, err
    assert run("build", "--config", str(config), "-q")[0] == 0
    feed = (folder / "output" / "feed.xml").read_text(encoding="utf-8")
    assert "issue-2.html" in feed
    store = folder / ".curator" / "curator.db"
    shutil.copyfile(next(backups.glob("*.db")), store)
    for extra in (".curator/curator.db-wal", ".curator/curator.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    for path in (folder / "output").glob("issue-2.*"):
        path.unlink()
    code, out, err = run("render", "--all", "--config", str(config))
    assert code == 0, err
    return folder, feed, out


def test_render_all_after_an_issue_taken_back_says_why_the_archive_changed(
    taken_back: tuple[Path, str, str],
) -> None:
    """walk177 N2: said to read otherwise "rendered with this curator's templates", and to put
    index.html back from a backup (which links to the withdrawn issue)."""
    folder, _, out = taken_back
    assert "issue-2.html" not in (folder / "output" / "index.html").read_text(encoding="utf-8")
    assert "The archive page index.html no longer lists issue(s) 2, nor does feed.xml" in out, out
    assert "an issue taken back" in out
    assert "put it back from your backup" not in out
    assert "rendered with this curator's templates" not in out
