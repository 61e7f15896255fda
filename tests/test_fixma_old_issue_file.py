"""fixma (walk205 #2): a hand-written issue-52.json holding only its number and sections (no
"title" nor "date") with no store: `fetch` advised `curator render --record`, which said there
was nothing to record (exit 0); the next fetch, draft and build said nothing of the file."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixlt_old_issues import newsletter

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

PAST = "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/"


def test_a_hand_written_issue_without_title_or_date_gets_advice_that_works(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server)
    output = config.parent / "output"
    output.mkdir()
    article = {
        "url": PAST,
        "title": "Five Definitions",
        "authors": ["Priya Raman"],
        "publication": "Northwind CX Journal",
        "blurb": "A past pick from our old tool.",
    }
    (output / "issue-52.json").write_text(
        json.dumps({"number": 52, "sections": [{"subject": "Basics", "articles": [article]}]}),
        encoding="utf-8",
    )
    code, out, err = run("fetch", "--config", str(config), "-q")
    said = said_as_one(out + err)
    assert "`curator render --record" not in said, said
    assert 'add "title" and "date" to' in said and "issue-52.json" in said, said
    assert "`curator featured add" in said, said
    code, out, err = run("render", "--record", "--config", str(config))
    said = said_as_one(out + err)
    assert "every issue published there is recorded" not in said, said
    assert '"title" is missing' in said, said
    for command in ("fetch", "draft", "build"):
        code, out, err = run(command, "--config", str(config), "-q")
        said = said_as_one(out + err)
        assert f"record them so: `curator featured add {PAST} --config" in said, (command, said)


def test_a_hand_written_issue_at_the_next_number_gets_the_same_advice(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """revP: numbered the store's next issue exactly (issue-1.json, no issue published), such a
    file was passed over by the check of files past the next issue, and `draft` and `build`
    said nothing of it or advised `render --record` (which refuses a file with no title)."""
    config = newsletter(tmp_path, http_server)
    output = config.parent / "output"
    output.mkdir()
    article = {"url": PAST, "title": "Five Definitions", "blurb": "A past pick."}
    (output / "issue-1.json").write_text(
        json.dumps({"number": 1, "sections": [{"subject": "Basics", "articles": [article]}]}),
        encoding="utf-8",
    )
    for command in ("fetch", "draft", "build"):
        code, out, err = run(command, "--config", str(config), "-q")
        said = said_as_one(out + err)
        assert 'add "title" and "date" to' in said and "issue-1.json" in said, (command, said)
        assert f"record them so: `curator featured add {PAST} --config" in said, (command, said)
