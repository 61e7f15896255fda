"""walk89: two editors sharing one newsletter folder (fixcl)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from conftest import run_cli


def advised(text: str, start: str) -> list[str]:
    """The commands in backticks in `text` that begin with `start`."""
    return [c for c in re.findall(r"`(curator [^`]+)`", text) if c.startswith(start)]


def test_advice_after_a_build_on_another_store_carries_its_db(demo: Path, tmp_path: Path) -> None:
    """walk89 #4: `build --config X --db Y` advised `curator subjects list --unplaced --config X`,
    which, pasted, failed "no store at ..." (the config's own store)."""
    db = tmp_path / "moved-store" / "curator.db"
    code, out, err = run_cli("build", "--config", str(demo), "--db", str(db))
    assert code == 0, err
    [listing] = advised(out, "curator subjects list --unplaced")
    assert listing == f"curator subjects list --unplaced --config {demo} --db {db}"
    code, out, err = run_cli(*shlex.split(listing)[1:])
    assert code == 0, err
    assert "no store at" not in err


def test_advice_names_no_db_when_it_is_the_config_s_own_store(demo: Path) -> None:
    db = demo.parent / ".curator" / "curator.db"
    code, out, err = run_cli("build", "--config", str(demo), "--db", str(db))
    assert code == 0, err
    [listing] = advised(out, "curator subjects list --unplaced")
    assert listing == f"curator subjects list --unplaced --config {demo}"
