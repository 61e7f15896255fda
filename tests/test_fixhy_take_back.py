"""walk177's issue taken back as README says (the store's backup put back, the issue's files
removed), through the CLI on the demo: `render --all` says the archive lists fewer issues for
that reason and advises no backup of it (N2), and the issue published again under that number
has a new entry id in feed.xml (N3)."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import copy_demo
from conftest import run_cli as run

ATOM = "{http://www.w3.org/2005/Atom}"


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
    code, out, err = run("render", "--all", "--json", "--config", str(folder / "feeds.yaml"))
    assert code == 0, err
    assert json.loads(out)["archive_dropped_issues"] == []  # (said once: now as it should be)


def test_the_issue_published_again_after_one_taken_back_is_new_to_feed_readers(
    taken_back: tuple[Path, str, str], tmp_path: Path
) -> None:
    """walk177 N3: the replacement issue 2 had the withdrawn one's entry id and times in
    feed.xml, so feed readers kept the withdrawn issue."""
    folder = tmp_path / "news"
    shutil.copytree(taken_back[0], folder)
    withdrawn = _entry_id(taken_back[1], 2)
    code, out, err = run("build", "--config", str(folder / "feeds.yaml"))
    assert code == 0, err
    feed = (folder / "output" / "feed.xml").read_text(encoding="utf-8")
    again = _entry_id(feed, 2)
    assert again != withdrawn and again == f"{withdrawn}#2", feed
    assert _entry_id(feed, 1) == _entry_id(taken_back[1], 1)  # (issue 1's id stays)
    said = " ".join(err.split())
    assert "issue 2 is published again after an issue 2 was taken back" in said, err
    assert "feed readers show it as a new issue" in said
    # A render of it later keeps the new id.
    assert run("render", "--all", "--config", str(folder / "feeds.yaml"))[0] == 0
    assert _entry_id((folder / "output" / "feed.xml").read_text(encoding="utf-8"), 2) == again


def _entry_id(feed: str, number: int) -> str:
    """The <id> of issue `number`'s entry in a feed of issues."""
    root = ET.fromstring(feed)
    for entry in root.iter(f"{ATOM}entry"):
        if any(
            (link.get("href") or "").endswith(f"/issue-{number}.html")
            for link in entry.iter(f"{ATOM}link")
        ):
            return (entry.findtext(f"{ATOM}id") or "").strip()
    raise AssertionError(f"no entry of issue {number} in {feed}")
