"""walk155, the rest of walk149 #12: the themes too-thin stop named an article issue 1
published by its feed's title, not the title issue 1 printed (corrected in issue-1.json)."""

from __future__ import annotations

import json
from pathlib import Path

from test_walk53 import featured, newsletter, with_a_copy_of

from conftest import run_cli as run
from conftest import said_as_one


def test_the_themes_stop_names_a_story_told_again_by_the_title_its_issue_printed(
    tmp_path: Path,
) -> None:
    config = newsletter(tmp_path, articles=3)
    assert run("build", "--config", str(config), "-q")[0] == 0
    original = featured(tmp_path, 1)[0]
    corrected = "Coffee notes, corrected (updated)"
    path = tmp_path / "output" / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for art in data["sections"][0]["articles"]:
        if art["url"] == original:
            art["title"] = corrected
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert run("render", "1", "--config", str(config))[0] == 0
    with_a_copy_of(config, original)
    code, _, err = run("build", "--config", str(config), "--subject", "Coffee")
    assert code == 3, err
    assert (
        f'; 1 more fits it but tells the same story as "{corrected}", published in issue 1'
    ) in said_as_one(err)
