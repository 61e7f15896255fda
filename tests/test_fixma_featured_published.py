"""fixma (walk205 #4): `featured add` of an article curator's own issue published said it was
recorded "as featured before you moved to curator"; `first_issue:` set after an issue was
published was ignored without a word."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixlt_old_issues import newsletter

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_featured_add_of_a_published_article_and_a_late_first_issue_are_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server, "  first_issue: 53\n")
    code, out, err = run("build", "--config", str(config), "--json")
    assert code == 0, err
    assert json.loads(out)["issue"] == 53
    issue = json.loads((config.parent / "output" / "issue-53.json").read_text("utf-8"))
    url = issue["sections"][0]["articles"][0]["url"]
    code, out, err = run("featured", "add", url, "--config", str(config))
    said = said_as_one(out + err)
    assert code == 0, said
    assert "Recorded" not in said and f"issue 53 featured {url}" in said, said
    code, out, err = run("featured", "list", "--config", str(config), "--json")
    assert json.loads(out) == []

    text = config.read_text(encoding="utf-8").replace("first_issue: 53", "first_issue: 60")
    config.write_text(text, encoding="utf-8")
    line = text[: text.index("first_issue: 60")].count("\n") + 1
    code, out, err = run("draft", "--config", str(config), "-q")
    said = said_as_one(out + err)
    assert code == 0, said
    assert f"{config} line {line}" in said and "first_issue: 60" in said, said
    assert "the next issue is 54" in said, said
    code, out, err = run("draft", "--config", str(config), "-q")
    assert "first_issue" not in said_as_one(out + err)  # (said once)
