"""walk155 #10 (fixgc): `curator subjects explain` of an article that is a copy of a story an
earlier issue published said nothing of it (the draft and the build leave it out and say so).
Through the CLI, against feeds on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_walk53 import title
from test_walk111_copies import BREW, featured, newsletter, syndicate

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_explain_says_an_article_is_a_copy_of_a_story_an_issue_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server, 4)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    first = featured(tmp_path, 1)[0]
    number = int(first.rsplit("-", 1)[1])
    assert first == f"{BREW}/coffee-{number}"
    (copy,) = syndicate(http_server, [number])
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run("subjects", "explain", "--config", str(config), copy)
    assert code == 0, err
    said = said_as_one(out)
    assert (
        f'a copy of "{title(number)}" ({first}), published in issue 1 (' in said
        and "curator leaves it out of new issues" in said
    ), said
    code, out, err = run("subjects", "explain", "--config", str(config), copy, "--json")
    assert code == 0, err
    told = json.loads(out)["copy_of_published"]
    assert told["issue"] == 1 and told["url"] == first and told["title"] == title(number), told
    # Once a build left it out, as recorded with that build's issue.
    code, _, err = run("build", "--config", str(config), "--no-fetch")
    assert code == 0, err
    assert copy in said_as_one(err) and copy not in featured(tmp_path, 2), err
    code, out, err = run("subjects", "explain", "--config", str(config), copy)
    assert code == 0, err
    assert f"({first}), published in issue 1 (" in said_as_one(out), out
    # (the article issue 1 published is no copy of itself)
    code, out, err = run("subjects", "explain", "--config", str(config), first, "--json")
    assert code == 0, err
    assert json.loads(out)["copy_of_published"] is None
