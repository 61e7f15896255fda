"""walk178 #5: an issue taken back more than once (the store's backup put back, its files removed,
`curator render --all`, as README's "Take an issue back" says) was published again with the id
"...#2#2", then "...#2#2#2": a URI has one fragment, and README promises a new id ("#3")."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import copy_demo
from conftest import run_cli as run

ATOM = "{http://www.w3.org/2005/Atom}"


def _entry_id(feed: str, number: int) -> str:
    root = ET.fromstring(feed)
    for entry in root.iter(f"{ATOM}entry"):
        if any(
            (link.get("href") or "").endswith(f"/issue-{number}.html")
            for link in entry.iter(f"{ATOM}link")
        ):
            return (entry.findtext(f"{ATOM}id") or "").strip()
    raise AssertionError(f"no entry of issue {number} in {feed}")


def _take_back(folder: Path, backup: Path) -> None:
    """README's "Take an issue back": the backup put back, issue 2's files removed, render."""
    shutil.copyfile(backup, folder / ".curator" / "curator.db")
    for extra in (".curator/curator.db-wal", ".curator/curator.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    for path in (folder / "output").glob("issue-2.*"):
        path.unlink()
    code, _, err = run("render", "--all", "--config", str(folder / "feeds.yaml"))
    assert code == 0, err


def test_each_issue_published_again_has_one_fragment_counting_the_take_backs(
    tmp_path: Path,
) -> None:
    config = copy_demo(tmp_path)
    folder = config.parent
    assert run("build", "--config", str(config), "-q")[0] == 0
    backups = tmp_path / "backups"
    code, _, err = run("backup", f"{backups}/", "--config", str(config))
    assert code == 0, err
    backup = next(backups.glob("*.db"))
    assert run("build", "--config", str(config), "-q")[0] == 0
    first = _entry_id((folder / "output" / "feed.xml").read_text("utf-8"), 2)
    assert "#" not in first
    seen = [first]
    for again in (2, 3, 4):
        _take_back(folder, backup)
        code, _, err = run("build", "--config", str(config))
        assert code == 0, err
        feed = (folder / "output" / "feed.xml").read_text("utf-8")
        fresh = _entry_id(feed, 2)
        assert fresh == f"{first}#{again}", (seen, fresh)
        assert fresh.count("#") == 1 and fresh not in seen
        said = " ".join(err.split())
        assert f"feed.xml has a new id ({fresh}, the one taken back had {seen[-1]})" in said, err
        seen.append(fresh)
