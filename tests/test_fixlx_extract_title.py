"""fixlx #3: `curator extract URL` of an article whose title the editor corrected in a published
issue (its issue-N.json, then `curator render`) showed the corrected title as "your newsletter's
title" without a word of the correction, where a corrected credit says "as you corrected it in
issue N". Through the CLI against a feed and its pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_walk126_stored import first_issue

from conftest import LocalServer
from conftest import run_cli as run

CORRECTED = "The editor's corrected title"


def test_extract_says_a_title_the_editor_corrected(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, _ = first_issue(tmp_path, http_server)
    issue_json = tmp_path / "output" / "issue-1.json"
    issue = json.loads(issue_json.read_text(encoding="utf-8"))
    first = issue["sections"][0]["articles"][0]
    first["title"] = CORRECTED
    issue_json.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    code, out, err = run("extract", "--config", str(path), first["url"])
    assert code == 0, err
    assert f"  your newsletter's title: {CORRECTED} (as you corrected it in issue 1)\n" in out, out
    code, out, err = run("extract", "--config", str(path), first["url"], "--json")
    assert code == 0, err
    (record,) = json.loads(out) if out.lstrip().startswith("[") else [json.loads(out)]
    assert record["stored"]["title"] == CORRECTED, out
    assert record["stored"]["title_corrected_in"] == 1, out
