"""walk201 #4 (fixlw): with no plan of themes, an unattended build published a one-article issue
("Issue 26: 1 article(s) in 1 subject(s)", exit 0) under an introduction written for five
subjects, saying nothing, while `curator themes` says an issue needs 3. It is published still,
and the build's summary says so, plain and in --json's warnings."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import newsletter
from test_walk90 import page

from conftest import LocalServer, run_cli, said_as_one

TITLE = "Queues that customers never see"


def test_a_one_article_issue_is_published_with_a_warning(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server, [(TITLE, "", page(TITLE))])
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    assert "Issue 1: 1 article(s) in 1 subject(s)" in out, out
    said = said_as_one(err)
    assert (
        "Issue 1 was published with 1 article in 1 subject, fewer than the 3 an issue needs (the"
        " default of `themes: min_articles:`, which feeds.yaml does not set, as `curator themes"
        in said
    ), said
    assert "counts): its introduction is published as written, so check that it does not" in said
    assert "to check an issue before it is published: `curator draft --config" in said, said
    assert TITLE in (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")


def test_json_warnings_hold_the_thin_issue(tmp_path: Path, http_server: LocalServer) -> None:
    config = newsletter(tmp_path, http_server, [(TITLE, "", page(TITLE))])
    code, out, err = run_cli("build", "--config", str(config), "--json")
    assert code == 0, err
    document = json.loads(out)
    said = [w["message"] for w in document["warnings"]]
    assert any("Issue 1 was published with 1 article in 1 subject, fewer" in w for w in said), said
