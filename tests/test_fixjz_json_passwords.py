"""fixjz #1: the --json documents gave an address an older curator stored with a user name and
password before its site (`https://editor:s3cret@host/x`) in full, where the printed lines
leave the password out: every JSON document leaves it out too, the user name kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import run_cli

PAGE = "https://northwind-cx.example/2025/09/customer-experience-architecture/"
STORED = PAGE.replace("https://", "https://editor:s3cret@")
SHOWN = PAGE.replace("https://", "https://editor@")


def _fetched_with_old_address(demo: Path) -> str:
    config = str(demo)
    code, _, err = run_cli("fetch", "--config", config, "-q")
    assert code == 0, err
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:  # an older curator's row
        assert db.execute("UPDATE articles SET url = ? WHERE url = ?", (STORED, PAGE)).rowcount
    db.close()
    return config


def test_subjects_list_and_explain_json_leave_the_password_out(themed_demo: Path) -> None:
    config = _fetched_with_old_address(themed_demo)
    code, out, err = run_cli("subjects", "list", "--config", config, "--json")
    assert code == 0, err
    assert "s3cret" not in out
    rows = json.loads(out)
    assert SHOWN in [row["url"] for row in rows], rows
    code, out, err = run_cli("subjects", "explain", PAGE, "--config", config, "--json")
    assert code == 0, err
    assert "s3cret" not in out and SHOWN in out, out
    json.loads(out)


def test_a_move_json_leaves_the_password_out(themed_demo: Path) -> None:
    config = _fetched_with_old_address(themed_demo)
    code, out, err = run_cli("subjects", "list", "--config", config, "--json")
    subject = next(r["subject"] for r in json.loads(out) if r["url"] == SHOWN)
    other = next(r["subject"] for r in json.loads(out) if r["subject"] != subject)
    code, out, err = run_cli("subjects", "move", STORED, other, "--config", config, "--json")
    assert code == 0, err
    assert "s3cret" not in out + err, out
    assert SHOWN in out
    json.loads(out)
