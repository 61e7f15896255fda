"""Nothing silent about the fetch (issue 12): `fetch` and `draft` fail as `build` does when every
feed failed, and a feed whose entries are left out for want of a usable link says so.

All through the command line, against a real HTTP server on 127.0.0.1, real feed files and a real
SQLite store.
"""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
import pytest
from click.testing import CliRunner

from conftest import LocalServer
from curator.cli import cli


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def failing_feeds(folder: Path) -> list[dict[str, str]]:
    """A server where nothing listens, and a local feed file that is not there."""
    return [{"url": h.refused_url()}, {"url": str(folder / "missing.xml")}]


# -- every feed failed -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "consequence"),
    [("fetch", "nothing was fetched"), ("draft", "no draft was written")],
)
def test_fetch_and_draft_exit_1_when_every_feed_failed_as_build_does(
    tmp_path: Path, command: str, consequence: str
) -> None:
    config = h.write_config(tmp_path, failing_feeds(tmp_path))
    code, out, err = invoke(command, "--config", str(config))
    assert code == 1, err
    assert err.endswith(f"curator: every feed failed (2); {consequence}\n"), err
    # The per-feed report still says which failed and why.
    assert "2 feed(s) failed and were skipped:" in err
    assert "connection refused" in err and f"no such file: {tmp_path / 'missing.xml'}" in err
    # Not "nothing new": nothing could be read at all.
    assert "Nothing new to feature" not in out
    assert "new article(s) stored" not in out
    assert not (tmp_path / "drafts").exists()
    # The failures were recorded in the store (`feeds check` reads them).
    rows = h.store_rows(tmp_path / "state" / "curator.db", "SELECT last_error_kind FROM feeds")
    assert sorted(kind for (kind,) in rows) == ["connect", "file"]

    # --json: the summary is printed all the same (as `build --json` does), then exit 1.
    code, data, err = h.build_json(config, command=command)
    assert code == 1, err
    assert data["feeds_ok"] == 0 and data["feeds_failed"] == 2
    assert [f["status"] for f in data["feeds"]] == ["failed", "failed"]
    assert f"curator: every feed failed (2); {consequence}" in err


def test_when_only_some_feeds_fail_fetch_and_draft_exit_0(
    tmp_path: Path, http_server: LocalServer
) -> None:
    healthy = h.serve_healthy(http_server)
    config = h.write_config(
        tmp_path, [{"url": healthy, "name": "Northwind"}, *failing_feeds(tmp_path)]
    )
    code, out, err = invoke("fetch", "--config", str(config), "-q")
    assert code == 0, err
    assert out == "4 new article(s) stored.\n"
    assert "2 feed(s) failed and were skipped:" in err
    code, out, err = invoke("draft", "--config", str(config), "-q")
    assert code == 0, err
    assert out.startswith(f"Draft of issue 1: {tmp_path / 'drafts' / 'issue-1.md'}")


def test_every_feed_failing_later_keeps_what_was_stored_and_a_draft_is_still_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """As `build`: a draft from what was stored before is fine, and is written (exit 0, the
    failures reported); `fetch` fails, and the articles stored before stay stored."""
    config = h.write_config(tmp_path, [{"url": h.serve_healthy(http_server)}])
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    db = tmp_path / "state" / "curator.db"
    stored = h.store_rows(db, "SELECT url FROM articles ORDER BY url")
    assert len(stored) == 4

    config = h.write_config(tmp_path, failing_feeds(tmp_path))
    code, out, err = invoke("fetch", "--config", str(config), "-q")
    assert (code, out) == (1, "")
    assert "curator: every feed failed (2); nothing was fetched" in err
    assert h.store_rows(db, "SELECT url FROM articles ORDER BY url") == stored

    code, out, err = invoke("draft", "--config", str(config), "-q")
    assert code == 0, err
    assert "2 feed(s) failed and were skipped:" in err
    assert "every feed failed" not in err
    assert (tmp_path / "drafts" / "issue-1.md").is_file()
