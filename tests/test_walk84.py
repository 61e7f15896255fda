"""walk84's findings: render after a first build killed half-way; a draft-built issue's json."""

from __future__ import annotations

from pathlib import Path

from test_walk73 import curator
from test_walk77 import KILLED_AFTER_FOUR_RENAMES

from conftest import run_cli


def test_render_before_any_issue_names_the_files_a_killed_first_build_left(demo: Path) -> None:
    """walk84 N1: the first build killed after 4 of its renames left issue-1 files and `.tmp`
    ones; `render --all` said only "no issue has been published yet", naming none of them."""
    out = demo.parent / "output"
    killed = curator("build", "--config", str(demo), "-q", code=KILLED_AFTER_FOUR_RENAMES)
    assert killed.returncode == 137, killed.stderr
    left = sorted(p.name for p in out.glob("issue-1.*"))
    temps = sorted(p.name for p in out.glob(".*.tmp"))
    assert left and "issue-1.json" not in left and temps

    code, _, err = run_cli("render", "--all", "--config", str(demo))
    assert code == 1, err
    text = " ".join(err.split()).replace(f" --config {demo}", "")
    assert f"{out}: no issue has been published yet; run `curator build`" in text
    assert (
        f"{out} holds {', '.join(left)}, files of issue 1, which the store does not record: a"
        " build was stopped (killed, or the machine went down) after it wrote them and before"
        " the store recorded the issue; render leaves them, and the next `curator build`"
        " publishes issue 1 again over them"
    ) in text
    assert f"{out} holds the temporary files {', '.join(temps)}" in text

    code, _, err = run_cli("build", "--config", str(demo), "--no-fetch", "-q")
    assert code == 0, err
    assert (out / "issue-1.json").exists() and not list(out.glob(".*.tmp"))
