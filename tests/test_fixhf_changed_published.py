"""walk170 N3: with issue 1's files moved out of output/, a feed that retitled its articles made
the build say "1 stored article's title or credit changed in its feed: taken (...):" and list
under it the lines of the published ones (the header counted 1, listed more), each telling the
editor to edit output/issue-1.json, which was not there."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from test_walk126_stored import STORIES, first_issue, serve_week

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_published_articles_retitled_get_their_own_count_and_a_missing_json_is_written_first(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, published = first_issue(tmp_path, http_server)
    output, away = tmp_path / "output", tmp_path / "moved"
    away.mkdir()
    for file in output.glob("issue-1.*"):
        shutil.move(file, away / file.name)
    serve_week(http_server, corrected=True)
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    lines = err.splitlines()
    unpublished = len(STORIES) - len(published)
    # Each header counts the lines listed under it.
    at = next(i for i, line in enumerate(lines) if "changed in their feed: taken" in line)
    assert lines[at].startswith(f"{unpublished} stored articles' titles or credits"), err
    assert lines[at + 1].strip().startswith("Service Daily: "), err
    said = said_as_one(err)
    counted = re.search(r"(\d+) published articles? (?:has|have) another title or credit", said)
    assert counted and int(counted[1]) == len(published), said
    listed = [line for line in lines if "published in issue 1, is now" in line]
    assert len(listed) == len(published), err
    json_file = output / "issue-1.json"
    for line in listed:
        assert line.startswith("  Service Daily: "), line
    assert said.count(
        f"{json_file} is not there: to correct it, write it first (`curator render 1 --config"
    ) == len(published), said
    assert f'edit its "title" and "authors" in {json_file}, then' not in said, said
    # The advice runs: render 1 writes issue-1.json back from the store.
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    assert json_file.is_file(), err
