"""walk176: an inherited newsletter moved, renamed and restored (brief fixhv), each case through
the CLI with the real demo, a real SQLite store and the real templates."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import LocalServer, run_cli, said_as_one


def test_a_store_missing_beside_published_issues_stops_fetch_and_is_said_by_reports(
    demo: Path, http_server: LocalServer
) -> None:
    """walk176 #3: the store not there (`~/` under another HOME) while output/ holds issues:
    `subjects list` said "nothing has been fetched yet; run curator fetch", and `curator fetch`
    made a new store and stored 86 articles, a second archive beside the 11 issues."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    folder = demo.parent
    store = folder / ".curator" / "curator.db"
    shutil.move(folder / ".curator", folder.parent / "elsewhere")
    # A feed on a real server: fetch must stop before it asks for anything.
    url = http_server.add(
        "/more.xml", '<rss version="2.0"><channel><title>M</title></channel></rss>'
    )
    demo.write_text(
        demo.read_text(encoding="utf-8").replace("feeds:\n", f"feeds:\n  - url: {url}\n", 1),
        encoding="utf-8",
    )
    code, _, err = run_cli("subjects", "list", "--config", str(demo))
    said = said_as_one(err)
    assert code == 1
    assert "nothing has been fetched" not in said
    assert f"no store at {store}, but {folder / 'output'} holds issue 1 published" in said
    code, out, err = run_cli("fetch", "--config", str(demo), "-q")
    said = said_as_one(err)
    assert code == 1, out
    assert f"no store at {store}, but {folder / 'output'} holds issue 1 published" in said
    assert "Nothing was fetched." in said
    assert f"put the store back at {store}" in said
    assert "`settings: store` in feeds.yaml" in said
    assert "`curator render --record" in said and "the articles you excluded" in said
    assert not store.exists()
    assert http_server.requests == []
    # The way on it names works with no store at all: issue 1 recorded, the next build is 2.
    code, out, err = run_cli("render", "--record", "--config", str(demo))
    assert code == 0, err
    assert "issue 1 is recorded in the store" in out
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT number FROM issues").fetchall() == [(1,)]


def test_a_backup_to_a_quoted_tilde_goes_to_the_home_folder_and_says_its_full_path(
    published_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk176 #5: `curator backup '~/backups/'` (the shell left ~ alone) made ./~/backups/ and
    said it copied to "~/backups/...db"."""
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    code, out, err = run_cli("backup", "--config", str(published_demo), "~/backups/")
    assert code == 0, err
    copies = list((home / "backups").glob("*.db"))
    assert len(copies) == 1
    assert f"to {copies[0]}: 1 issue(s)" in out
    assert not (work / "~").exists()
    # A relative folder is said by its full path too.
    code, out, err = run_cli("backup", "--config", str(published_demo), "here/")
    assert code == 0, err
    assert f"to {work / 'here'}/" in out
