"""An editor's months of weekly issues (walk150): a subject renamed in feeds.yaml, a feed removed,
a build run twice."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, said_as_one

OLD, NEW = "The basics of customer experience", "CX basics"


def test_a_subject_renamed_in_subjects_and_plan_is_told_from_the_plan(themed_demo: Path) -> None:
    """walk150 #2: renaming a subject under `subjects:` and `plan:` left the plan's next theme on
    the new name (its issue published already), the warning said "NEW NAME" once, and the
    too-thin stop named no rename."""
    config = str(themed_demo)
    code, _, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    themed_demo.write_text(themed_demo.read_text(encoding="utf-8").replace(OLD, NEW))
    command = f"curator subjects rename '{OLD}' '{NEW}'"
    for _ in range(2):  # told every time until the rename is run, not once
        code, out, err = run_cli("themes", "--config", config)
        assert code == 0, err
        plan = out.split("\n\n")[0]
        assert "1. Measuring the customer experience" in plan, out
        assert NEW not in plan, out
        said = said_as_one(err)
        assert command in said, err
        assert "NEW NAME" not in said, err
    code, out, err = run_cli("build", "--config", config, "--no-fetch", "--subject", NEW)
    assert code == 3, out + err
    said = said_as_one(err)
    assert f"the theme `{NEW}` is too thin" in said, err
    assert f"`{NEW}` looks renamed from `{OLD}`" in said, err
    assert command in said, err
    # The plain build takes the plan's next theme, and says it publishes right after issue 1
    # (walk150 #7: a cron job run twice published issue 23 right after 22 without a word).
    code, out, err = run_cli("build", "--config", config, "--no-fetch", "-q")
    assert code == 0, err
    assert "Issue 2: 2 article(s) on Measuring the customer experience" in out, out
    said = said_as_one(err)
    assert re.search(
        r"issue 1 was published \d+ minute\(s\) ago, and this build publishes issue 2", said
    ), err
    assert command in said, err
