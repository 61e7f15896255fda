"""walk200 #7 (fixli): `html` dropped from `outputs` after issue 1 left latest.html on issue 1
forever (README: "latest.html | the newest issue's page"), unsaid. Through the CLI, against a
feed and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import yaml
from test_walk126_stored import first_issue

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_dropping_html_removes_the_stale_latest_page_and_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk200 #7: the `outputs` warning names latest.html, and the build of issue 2 without
    `html` removes issue 1's latest.html, saying so, instead of leaving it as issue 1."""
    path, _ = first_issue(tmp_path, http_server)
    latest = tmp_path / "output" / "latest.html"
    assert latest.is_file()
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["settings"]["outputs"] = ["json", "index", "feed", "email"]
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    said = said_as_one(err)
    assert (tmp_path / "output" / "issue-2.json").is_file(), said
    assert "`outputs` leaves out `html`" in said and "latest.html is not written" in said, said
    assert not latest.exists()
    assert f"removed {latest}: `outputs` leaves out `html`" in said, said
