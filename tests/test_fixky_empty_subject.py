"""fixky (walk199 #6): a subject whose only article was cut in issue-N.json ("articles": []) is
left out of every output, and `render` says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_fixky_corrections import edit, newsletter, render, server

from conftest import LocalServer, sans_config

__all__ = ["server"]

SUBJECT = "Service operations"


def test_a_subject_left_with_no_article_is_in_no_output(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #6: `"articles": []` under a subject in issue-1.json, then `render 1`: its
    heading stayed, with nothing under it, in issue-1.html/.txt/.md/.email.html, the Markdown's
    `tags:` and index.html's subject line."""
    config = newsletter(tmp_path, server)
    out = config.parent / "output"
    assert SUBJECT in (out / "issue-1.html").read_text(encoding="utf-8")

    def empty(data: dict[str, Any]) -> None:
        for sec in data["sections"]:
            if sec["subject"] == SUBJECT:
                sec["articles"] = []

    edit(config, 1, empty)
    said = render(config, 1)
    for name in ("issue-1.html", "issue-1.txt", "issue-1.md", "issue-1.email.html", "index.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert SUBJECT not in text, name
    assert "Measuring the customer experience" in (out / "index.html").read_text("utf-8")
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    assert SUBJECT not in [s["subject"] for s in data["sections"]]
    assert len(data["sections"]) == 3
    assert (
        f'issue 1: its subject "{SUBJECT}" has no article left in {out / "issue-1.json"}, so no'
        " edition shows it"
    ) in said, said
    assert "put them back from your backup" not in said, said


def test_a_subject_left_with_no_article_in_an_issue_not_rendered_is_said(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #6: the emptied subject of issue 1 left out of the archive page by `render 2`,
    said with the way to leave it out of issue 1's own editions (not "rendered with this
    curator's templates", with a backup advised)."""
    config = newsletter(tmp_path, server)
    out = config.parent / "output"

    def empty(data: dict[str, Any]) -> None:
        for sec in data["sections"]:
            if sec["subject"] == SUBJECT:
                sec["articles"] = []

    edit(config, 1, empty)
    said = render(config, 2)
    assert SUBJECT not in (out / "index.html").read_text(encoding="utf-8")
    assert (
        f'issue 1: its subject "{SUBJECT}" has no article left in {out / "issue-1.json"}, so the'
        " archive page and feed.xml leave it out; `curator render 1` leaves it out of its own"
        " editions too"
    ) in sans_config(said), said
    assert "from your backup" not in said, said
