"""walk181 #6: README says "`build --quiet` prints the one line of the issue it published"; it
printed a line per subject too ("Technology: 3 featured; 3 more fit it ... left out for
variety ..."), every week in a cron log. Quiet is the one line; a plain build and --json count."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import copy_demo
from conftest import run_cli as run


def test_build_quiet_prints_the_issue_line_alone(tmp_path: Path) -> None:
    quiet = copy_demo(tmp_path / "quiet")
    loud = tmp_path / "loud"
    shutil.copytree(quiet.parent, loud)
    code, out, err = run("build", "--config", str(quiet), "--quiet")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Issue 1: "), out
    assert "issue-1.html" in lines[0], out
    # A build without --quiet still says what each subject left for a later issue ...
    code, out, err = run("build", "--config", str(loud / "feeds.yaml"))
    assert code == 0, err
    assert out.startswith("Issue 1: ") and " featured" in out and len(out.splitlines()) > 1, out
    # ... and so does --json, quiet or not.
    shutil.rmtree(quiet.parent / "output")
    shutil.rmtree(quiet.parent / ".curator")
    code, out, err = run("build", "--config", str(quiet), "--quiet", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["issue"] == 1 and "left_for_later" in document, sorted(document)
    assert "unplaced" in document and "articles_per_subject" in document, sorted(document)
