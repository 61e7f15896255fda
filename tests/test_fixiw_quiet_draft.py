"""walk184 (minor): `draft --quiet` still printed a line per subject and the "Edit it, then
publish it with ..." line; as `build --quiet`, it prints the draft's one line: its path and the
command that publishes it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import copy_demo
from conftest import run_cli as run


def test_draft_quiet_prints_the_drafts_line_alone(tmp_path: Path) -> None:
    quiet = copy_demo(tmp_path / "quiet")
    loud = tmp_path / "loud"
    shutil.copytree(quiet.parent, loud)
    code, out, err = run("draft", "--config", str(quiet), "--quiet")
    assert code == 0, err
    lines = out.splitlines()
    draft = quiet.parent / "drafts" / "issue-1.md"
    assert draft.is_file()
    assert len(lines) == 1 and lines[0].startswith(f"Draft of issue 1: {draft}"), out
    assert f"; publish it with: curator build --draft {draft}" in lines[0], out
    # Without --quiet, the subjects' lines and the command to publish it are said.
    code, out, err = run("draft", "--config", str(loud / "feeds.yaml"))
    assert code == 0, err
    assert out.startswith("Draft of issue 1: ") and "curator build --draft" in out, out
    assert len(out.splitlines()) > 2, out
