"""walk101 #3: every build on a 100,000-article store wrote ~565 warnings to stderr (477 "was
judged the same story as ... share 100% of their text", 65 "no author was found"), and its
progress lines drowned. Of a kind that comes by the hundred, more than ten: the first few, and
how many more; --json lists every one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_subjects_corrections import slow_steps
from test_walk53 import BREW, newsletter
from test_walk81 import with_copies

from conftest import run_cli as run
from curator.cli import build_report


def test_many_warnings_of_one_kind_are_counted_after_the_first_few(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (more than 5 of a kind here, for a store small enough to test: 8 copies are judged)
    monkeypatch.setattr(build_report, "WARNINGS_MANY", 5, raising=False)
    config = newsletter(tmp_path, articles=4)
    with_copies(config, [f"{BREW}/coffee-{n}" for n in range(1, 5)], 4)
    code, out, err = run("build", "--config", str(config), "-q", "--json")
    assert code == 0, err
    data = json.loads(out)
    # (--json: every one, of each copy of the articles the issue features)
    judged = [w for w in data["warnings"] if "was judged the same story as" in w["message"]]
    assert len(judged) > 5, data["warnings"]

    lines = err.splitlines()
    said = [line for line in lines if "was judged the same story as" in line]
    assert len(said) == 3, err
    assert all(line.startswith("curator: warning: ") for line in said)
    assert (
        f"curator: warning: and {len(judged) - 3} more articles judged the same story as one the issue features,"
        " said alike (a run with --json lists every one in its document)"
    ) in lines, err
    # Fewer of a kind (the credits of the articles, by no one named): each said.
    assert sum('the credit of "' in line for line in lines) == sum(
        'the credit of "' in w["message"] for w in data["warnings"]
    )


def test_subjects_list_and_themes_say_they_go_on_every_two_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk101 #4: `subjects list --limit 20` took 5.5 s and `themes` 2.9 s on 100,000 articles,
    nothing on stderr. Each says it goes on, with the time so far, every `LINE_EVERY` seconds (2;
    here a tenth of a second, each step slowed to 0.5 s); -q silences both."""
    from curator.cli import subjects_list as subjects_cli
    from curator.cli import themes as themes_cli

    config = newsletter(tmp_path, articles=4)
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    # (placed by a command that writes: `subjects list` only reads, walk150 #4)
    assert run("draft", "--no-fetch", "--config", str(config), "-q")[0] in (0, 3)
    slow_steps(monkeypatch, (subjects_cli, "placed_articles"), (themes_cli, "ripeness"))
    code, out, err = run("subjects", "list", "--config", str(config), "--limit", "20")
    assert code == 0, err
    listing = re.compile(
        r"^  subjects   reading the stored articles by subject: \d+ s so far$", re.M
    )
    assert len(listing.findall(err)) >= 2, err
    code, out, err = run("subjects", "list", "--config", str(config), "--limit", "20", "-q")
    assert code == 0 and err == "", err
    code, out, err = run("themes", "--config", str(config), "--json")
    assert code == 0, err
    assert json.loads(out)["subjects"]
    weighing = re.compile(
        r"^  themes     weighing the unfeatured articles of each subject: \d+ s so far$", re.M
    )
    assert len(weighing.findall(err)) >= 2, err
    code, out, err = run("themes", "--config", str(config), "--json", "-q")
    assert code == 0 and json.loads(out)["subjects"], err
    assert not weighing.findall(err), err  # (-q silences it, as it does every progress line)
