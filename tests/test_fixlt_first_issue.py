"""fixlt (walk202 #2): a newsletter moved from another tool carries on its issue numbers with
`settings: first_issue: N` in feeds.yaml (read only while the store has published no issue); a
mistyped or non-positive value is named with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_crash import serve_demo

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run


def newsletter(tmp_path: Path, http_server: LocalServer, first: str | None) -> Path:
    """The demo's feeds and pages on 127.0.0.1; `first_issue: FIRST` under settings, if given."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    for stem, url in serve_demo(http_server).items():
        text = text.replace(f"url: feeds/{stem}.", f"url: {url} #", 1)
    extra = "  allow_private_addresses: true\n" + (f"  first_issue: {first}\n" if first else "")
    text = text.replace("settings:\n", "settings:\n" + extra, 1)
    config.write_text(text, encoding="utf-8")
    return config


def test_the_first_issue_carries_on_the_old_newsletters_numbering(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #2: a draft with `number: 53` was refused ("the next issue is 1") and readers who
    saw 52 issues got "Issue 1". With `first_issue: 53` the draft is issue 53, its build
    publishes issue-53.html, and the next build issue 54."""
    config = newsletter(tmp_path, http_server, "53")
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-53.md"
    assert "number: 53" in draft.read_text(encoding="utf-8")
    code, out, err = run("build", "--draft", str(draft), "--config", str(config), "--json")
    assert code == 0, err
    assert json.loads(out)["issue"] == 53
    output = config.parent / "output"
    assert "Issue 53" in (output / "issue-53.html").read_text(encoding="utf-8")
    assert not (output / "issue-1.html").exists()
    assert 'issue-53.html"' in (output / "index.html").read_text(encoding="utf-8")
    # once an issue is published, the setting is no longer read
    code, out, err = run("build", "--config", str(config), "--json")
    assert code == 0 and json.loads(out)["issue"] == 54, err


def test_a_draft_numbered_on_without_the_setting_is_told_of_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #2: the refusal said nothing of how to carry the numbering on."""
    config = newsletter(tmp_path, http_server, None)
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    moved = draft.with_name("issue-53.md")
    moved.write_text(
        draft.read_text(encoding="utf-8").replace("number: 1\n", "number: 53\n", 1),
        encoding="utf-8",
    )
    code, out, err = run("build", "--draft", str(moved), "--config", str(config))
    said = said_as_one(out + err)
    assert code == 2, said
    assert f"add `first_issue: 53` under `settings:` in {config}" in said, said


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("0", "`first_issue` must be between 1 and 1000000, not 0"),
        ("-3", "`first_issue` must be between 1 and 1000000, not -3"),
        ("fifty-three", "`first_issue` must be a whole number, e.g. 4, not `fifty-three`"),
    ],
)
def test_a_mistyped_first_issue_is_named_with_its_line(
    tmp_path: Path, http_server: LocalServer, value: str, why: str
) -> None:
    config = newsletter(tmp_path, http_server, value)
    line = next(
        n
        for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("  first_issue:")
    )
    code, out, err = run("draft", "--config", str(config), "-q")
    said = said_as_one(out + err)
    assert code == 2, said
    assert f"{config}:{line}:" in said and why in said, said
