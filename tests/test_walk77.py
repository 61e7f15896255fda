"""walk77's findings: what the editor is told after a run was killed, and by render."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_walk73 import curator

from conftest import run_cli

#: curator's CLI with FUNCTION (module:attribute) killing the process (os._exit) when called.
KILLED_IN = r"""
import os, sys, importlib
module, name = sys.argv.pop(1).rsplit(":", 1)
owner = importlib.import_module(module)
for part in name.split(".")[:-1]:
    owner = getattr(owner, part)
setattr(owner, name.split(".")[-1], lambda *a, **k: os._exit(137))
from curator.cli import main
sys.argv = ["curator", *sys.argv[1:]]
main()
"""


def stopped_line(stderr: str) -> str:
    [line] = [x for x in stderr.splitlines() if "was stopped before it finished" in x]
    return line


def test_the_run_after_a_killed_render_or_move_says_to_run_it_again(demo: Path) -> None:
    """walk77 #3: after a killed `render` or `subjects move`, the next run said "a fetch or build
    reads those pages again"; it names the command and says to run it again."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    killed = curator(
        "curator.cli.build:render_issues", "render", "--config", str(demo), "-q", code=KILLED_IN
    )
    assert killed.returncode == 137, killed.stderr
    code, _, err = run_cli("themes", "--config", str(demo))
    assert code == 0, err
    line = stopped_line(err)
    assert "(curator render, pid " in line
    assert line.endswith("(killed, or the machine went down): run it again")

    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        (url,) = db.execute("SELECT url FROM articles ORDER BY url LIMIT 1").fetchone()
    killed = curator(
        "curator.store:Store.set_correction",
        "subjects",
        "move",
        url,
        "Service operations",
        "--config",
        str(demo),
        code=KILLED_IN,
    )
    assert killed.returncode == 137, killed.stderr
    code, _, err = run_cli("themes", "--config", str(demo))
    assert code == 0, err
    line = stopped_line(err)
    assert "(curator subjects move, pid " in line
    assert line.endswith(
        "(killed, or the machine went down): run it again: its change may not have been stored"
    )
    assert "reads those pages again" not in err
