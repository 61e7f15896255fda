"""walk184 #5: a stray `{% endif %}` in issue.md (no `{% if %}` open) was said as "the {% for %}
opened on line 30 is never closed: add its {% endfor %}", though that for is closed further on:
the fault is the stray tag, and the message says so."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_cli as run
from conftest import said_as_one
from curator.templatecheck import builtin_templates


def test_a_stray_endif_is_named_not_a_for_left_open(demo: Path) -> None:
    mine = demo.parent / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    page = mine / "issue.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    heading = next(n for n, line in enumerate(lines, 1) if line.startswith("### "))
    lines[heading:heading] = ["", "{% endif %}"]
    page.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    said = said_as_one(err)
    assert code == 2, said
    assert "Traceback" not in err
    assert f"issue.md:{heading + 2}:" in said, said
    assert "an {% endif %} with no {% if %} open: remove it" in said, said
    assert "is never closed" not in said, said
