"""A store damaged on disk, and backups of it (walk174 #3, #7a).

A page of the store overwritten with 0xFF (a failing disk, a sync tool) ended `build`, `fetch`
and `subjects list` in tracebacks (`database disk image is malformed`, `Could not decode to
UTF-8 column ...`), `build --json` printed no JSON, and `curator backup` copied the damaged store
and called it a backup. Now every command names the damaged store with the way back (exit 1, a
JSON document with --json), and a backup checks its copy, refusing a damaged one and naming the
newest earlier backup that reads well. A backup past a file size limit (`ulimit -f`) names the
copy, not the store.

The offline demo publishes issue 1 once per module; each test damages a copy of it.
"""

from __future__ import annotations

import json
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_demo, run_cli, said_as_one


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's folder with issue 1 published (its store closed, no -wal left)."""
    config = copy_demo(tmp_path_factory.mktemp("published"))
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    return config.parent


@pytest.fixture
def newsletter(published: Path, tmp_path: Path) -> Path:
    """A copy of the published demo's folder: its feeds.yaml."""
    folder = tmp_path / "news"
    shutil.copytree(published, folder)
    return folder / "feeds.yaml"


def store_of(config: Path) -> Path:
    return config.parent / ".curator" / "curator.db"


def damage_table(db: Path, table: str) -> None:
    """Overwrite the first page of `table` with 0xFF bytes, as `dd` of a bad block would."""
    with sqlite3.connect(db) as conn:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        root = page.fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xff" * size)


def test_a_damaged_page_is_named_by_every_command_with_the_way_back(newsletter: Path) -> None:
    db = store_of(newsletter)
    damage_table(db, "issues")
    config = str(newsletter)
    damaged = f"curator: the store {db} is damaged: SQLite cannot read part of it"
    way_back = (
        "restore it from a backup (curator backup's copies: the newest one taken before the"
        f" damage): with no curator running, move it over {db} and delete curator.db-wal and"
        " curator.db-shm beside it"
    )
    for command in (["build", "--no-fetch"], ["fetch"], ["subjects", "list"], ["render", "1"]):
        code, out, err = run_cli(*command, "--config", config)
        assert code == 1, (command, err)
        assert "Traceback" not in err, command
        said = said_as_one(err)
        assert damaged in said, (command, said)
        assert way_back in said, command
    # build --json: a JSON document saying so
    code, out, err = run_cli("build", "--no-fetch", "--json", "--config", config)
    assert code == 1
    data = json.loads(out)
    assert data["exit"] == 1
    assert data["error"].startswith(f"the store {db} is damaged")
    # nothing was published over issue 1
    assert not (newsletter.parent / "output" / "issue-2.html").exists()


def test_text_that_is_not_utf8_in_the_store_is_named_as_damage(newsletter: Path) -> None:
    """Bytes that are not UTF-8 where curator wrote text (Python's "Could not decode to UTF-8
    column ..." ended `subjects list` in a traceback)."""
    db = store_of(newsletter)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET title = CAST(X'4142FFFE43' AS TEXT)")
    conn.close()
    code, _, err = run_cli("subjects", "list", "--config", str(newsletter))
    assert code == 1, err
    assert "Traceback" not in err
    said = said_as_one(err)
    assert f"the store {db} is damaged: SQLite cannot read part of it (Could not decode" in said
    assert "restore it from a backup" in said
    assert "4142" not in said and "with text" not in said  # (not the damaged bytes)


def test_a_backup_of_a_damaged_store_is_refused_and_names_the_good_one(
    newsletter: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    code, out, err = run_cli("backup", "--config", str(newsletter), f"{backups}/")
    assert code == 0, err
    (good,) = backups.iterdir()
    db = store_of(newsletter)
    damage_table(db, "articles")
    code, out, err = run_cli("backup", "--config", str(newsletter), f"{backups}/")
    assert code == 1, err
    said = said_as_one(err)
    assert f"the store {db} is damaged (SQLite's check of its copy:" in said
    assert "so no backup was written to" in said
    assert "the earlier backups are kept as they are" in said
    assert f"the newest backup there that reads well is {good}: with no curator running" in said
    assert list(backups.iterdir()) == [good]  # kept; no damaged copy, no temporary file
    with sqlite3.connect(good) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_a_backup_past_a_file_size_limit_names_the_copy_not_the_store(
    newsletter: Path, tmp_path: Path
) -> None:
    """`ulimit -f` (EFBIG on the copy) said "cannot write to the store (disk I/O error)"."""
    dest = tmp_path / "bk" / "x.db"
    dest.parent.mkdir()
    limit = 64 * 1024  # the demo's store is ~290 KB

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [sys.executable, "-m", "curator", "backup", "--config", str(newsletter), str(dest)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limited,
    )
    assert proc.returncode == 1, proc.stderr
    said = said_as_one(proc.stderr)
    assert f"cannot write the copy {dest} (disk I/O error)" in said
    assert f"the store {store_of(newsletter)} is unchanged" in said
    assert "cannot write to the store" not in said
    assert list(dest.parent.iterdir()) == []


def test_a_big_store_is_checked_by_its_backups_not_before_every_run(
    newsletter: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The whole-store check before a run grows with the file (5 s or more for a million
    articles, where the week's build must stay within 0.5 s of one on an empty store): a store
    over `CHECK_WHOLE_MAX` is not checked before each run, and its backups still are. Damage where
    a build does not read (the page of the aliases table) stops a small store's build; a big
    store's build publishes, and `curator backup` refuses to copy it."""
    import curator.store

    db = store_of(newsletter)
    damage_table(db, "aliases")
    config = str(newsletter)
    damaged = f"the store {db} is damaged: SQLite cannot read part of it"
    code, _, err = run_cli("build", "--no-fetch", "-q", "--config", config)
    assert code == 1 and damaged in said_as_one(err)
    monkeypatch.setattr(curator.store, "CHECK_WHOLE_MAX", 0)  # (every store counts as big)
    code, out, err = run_cli("build", "--no-fetch", "-q", "--config", config)
    assert code == 0, err
    assert (newsletter.parent / "output" / "issue-2.html").exists()
    code, _, err = run_cli("backup", str(tmp_path / "copies"), "--config", config)
    assert code == 1 and "no backup was written" in said_as_one(err), err
    assert not list((tmp_path / "copies").glob("*.db"))
