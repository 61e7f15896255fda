"""fixlm #2 (walk200 #9b): a published article whose credit alone changed in its feed: the fetch
line named its "title" to edit too, inviting the editor to undo their own title correction.
Through the CLI, against a feed and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_walk126_stored import first_issue, serve_week

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_a_credit_changed_alone_names_only_the_authors_to_edit(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, _ = first_issue(tmp_path, http_server)
    out = tmp_path / "output"
    issue = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    first = issue["sections"][0]["articles"][0]

    serve_week(http_server, author="Helena Ashworth-Lee")
    code, stdout, err = run("fetch", "--config", str(path), "--json")

    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'"{first["title"]}", published in issue 1, is now "{first["title"]}" by Helena'
        " Ashworth-Lee in its feed"
    ) in said, err
    assert (
        'to correct it, edit its "authors" (and "blurb", if its page changed too) in'
        f" {out / 'issue-1.json'}, then `curator render 1"
    ) in said, err
    assert 'edit its "title"' not in said, err
    changed = json.loads(stdout)["feeds"][0]["changed_published"]
    assert {c["published_title"]: c["changed"] for c in changed}[first["title"]] == ["authors"]


def test_a_title_and_credit_changed_name_both(tmp_path: Path, http_server: LocalServer) -> None:
    path, _ = first_issue(tmp_path, http_server)
    serve_week(http_server, corrected=True)
    code, stdout, err = run("fetch", "--config", str(path), "--json")
    assert code == 0, err
    assert 'edit its "title", "authors" (and "blurb", if its page changed too)' in said_as_one(err)
    changed = json.loads(stdout)["feeds"][0]["changed_published"]
    assert all(c["changed"] == ["title", "authors"] for c in changed), changed
