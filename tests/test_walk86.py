"""walk86's findings over three months of issues: `curator themes` dates a theme's last issue by
its `date:` (2)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli as run

BASICS = "The basics of customer experience"


def test_themes_dates_the_last_theme_by_the_issue_date_not_the_build_day(
    themed_demo: Path,
) -> None:
    """walk86 #2: `Sport: ... last a theme in issue 9 (2026-12-06)`, the day it was built, while
    issue 9 is dated 2026-11-13 (its draft's `date:`, as issue-9.json and feed.xml say)."""
    demo = themed_demo
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    text = re.sub(r"(?m)^date: .*$", "date: 2021-03-04", draft.read_text(encoding="utf-8"))
    draft.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(draft), "-q")
    assert code == 0, err
    published = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    assert published["date"].startswith("2021-03-04"), published

    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert (
        f"  {BASICS}: 0 article(s) (too thin, needs 2); last a theme in issue 1 (2021-03-04)" in out
    )
    code, out, err = run("themes", "--config", str(demo), "--json")
    assert code == 0, err
    (row,) = [s for s in json.loads(out)["subjects"] if s["subject"] == BASICS]
    assert row["last_theme"] == {"issue": 1, "date": "2021-03-04"}
