"""fixjp #3: a stored issue whose time of publishing cannot be read (a store edited by hand).

`themes` and `build` ended exit 1 in a bare ValueError ("Invalid isoformat string: 'x'"), with
no word of which issue or what to do. Now each says the store is damaged, which issue's time,
and the way back (a backup), as the other damaged-store messages do; nothing is changed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli, said_as_one


def rows(store: Path) -> tuple[object, ...]:
    with sqlite3.connect(store) as db:
        return (
            db.execute("SELECT number, title, published_at FROM issues ORDER BY number").fetchall(),
            db.execute("SELECT COUNT(*) FROM articles").fetchone(),
        )


@pytest.mark.parametrize("command", [["themes"], ["build"], ["build", "--no-fetch"], ["draft"]])
def test_an_unreadable_issue_time_is_said_with_the_way_back(demo: Path, command: list[str]) -> None:
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    store = demo.parent / ".curator" / "curator.db"
    with sqlite3.connect(store) as db:
        db.execute("UPDATE issues SET published_at = 'x' WHERE number = 1")
    before = rows(store)
    code, out, err = run_cli(*command, "--config", str(demo))
    said = said_as_one(err)
    assert code == 1, err
    assert "Traceback" not in err and "Invalid isoformat" not in err
    assert said.endswith(
        f"curator: the store {store} is damaged: issue 1's time of publishing reads 'x', not a"
        " date and time (the store edited by hand, or by another program); this run stopped"
        " there, and what was stored before is kept: restore the store from a backup (curator"
        " backup's copies: the newest one taken before the damage): with no curator running,"
        f" move it over {store} and delete curator.db-wal and curator.db-shm beside it; then"
        " run again"
    ), said
    assert rows(store) == before
    assert not (demo.parent / "output" / "issue-2.html").exists()
