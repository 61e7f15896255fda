"""walk184 #4: taking back issue 1, the only one published (README's "Take an issue back": the
store's backup from before it put back, its files removed, `curator render --all`), stopped with
"no issue has been published yet" and left index.html, latest.html and feed.xml listing the issue
taken back; the next issue 1 then reused its entry id, unsaid."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import copy_demo
from conftest import run_cli as run

ATOM = "{http://www.w3.org/2005/Atom}"


def _ids(feed: str) -> list[str]:
    return [
        (e.findtext(f"{ATOM}id") or "").strip() for e in ET.fromstring(feed).iter(f"{ATOM}entry")
    ]


def test_the_only_issue_taken_back_leaves_an_archive_without_it_and_a_new_id(
    tmp_path: Path,
) -> None:
    config = copy_demo(tmp_path)
    folder = config.parent
    out = folder / "output"
    backups = tmp_path / "backups"
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    code, _, err = run("backup", f"{backups}/", "--config", str(config))
    assert code == 0, err
    backup = next(backups.glob("*.db"))
    assert run("build", "--config", str(config), "--no-fetch", "-q")[0] == 0
    [first] = _ids((out / "feed.xml").read_text("utf-8"))
    assert "issue-1.html" in (out / "index.html").read_text("utf-8")

    shutil.copyfile(backup, folder / ".curator" / "curator.db")
    for extra in (".curator/curator.db-wal", ".curator/curator.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    for path in out.glob("issue-1.*"):
        path.unlink()
    code, said, err = run("render", "--all", "--config", str(config))
    assert code == 0, err
    told = " ".join((said + err).split())
    assert "no longer list issue(s) 1" in told, told
    assert "latest.html" in told, told
    assert "issue-1.html" not in (out / "index.html").read_text("utf-8")
    assert _ids((out / "feed.xml").read_text("utf-8")) == []
    assert not (out / "latest.html").exists()

    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    [fresh] = _ids((out / "feed.xml").read_text("utf-8"))
    assert fresh == f"{first}#2"
    said = " ".join(err.split())
    assert f"feed.xml has a new id ({fresh}, the one taken back had {first})" in said, err
