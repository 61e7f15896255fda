"""fixjz #5: a first read of a stored article's page (its page never read: stored while its feed
was listed with `fetch_pages: false`) that landed on a sign-in page left no mark (fixjq #1 marked
only reads that failed): the build's credit warning said "its page was never read", and the next
fetch did not read it again. And `build --draft` read the page of a block its draft listed though
its site's robots.txt disallows it, where a fetch and a plain build do not read it.

A sign-in page is marked as a read that failed (said so, read again by the next fetch). A page
robots.txt disallows is not read; it is marked and said so ("its site's robots.txt disallows
curator its pages"); the next fetch asks robots.txt again, not the page, and reads it no more
while it disallows it: no endless retries. Through the CLI, on a real local HTTP server, a real
corpus page and a real store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from test_fixjj_never_read import newsletter

from conftest import LocalServer, said_as_one
from curator.cli import cli

PAGE = "/pages/breitbart.html"
LOGIN = (
    b"<!doctype html><html><head><title>Sign in | World Report</title></head><body>"
    b"<h1>Sign in to keep reading</h1><form><input type='email' name='e'>"
    b"<input type='password' name='p'><button>Sign in</button></form></body></html>"
)
ROBOTS = b"User-agent: *\nDisallow: /pages/\n"


def _stored_from_feed(tmp_path: Path, server: LocalServer, corpus: Path) -> Path:
    """A store whose article's page was never read, and the feed now read with its pages."""
    config = newsletter(tmp_path, server, corpus, fetch_pages=False)
    assert CliRunner().invoke(cli, ["fetch", "--config", str(config)]).exit_code == 0
    return newsletter(tmp_path, server, corpus, fetch_pages=True)


def _marks(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        return [str(r[0]) for r in db.execute("SELECT error FROM page_retries")]


def _later(tmp_path: Path) -> None:
    """As a fetch some hours later finds the marks: the wait before a page is read again over."""
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        db.execute("UPDATE page_retries SET last_tried = '2026-01-01T00:00:00+00:00'")
    db.close()


def _authors(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        return json.loads(db.execute("SELECT authors FROM articles").fetchone()[0])


def test_a_first_read_landing_on_a_sign_in_page_is_said_and_marked(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = _stored_from_feed(tmp_path, http_server, corpus)
    real = http_server.routes[PAGE]
    http_server.add(PAGE, LOGIN, content_type="text/html")

    result = CliRunner().invoke(cli, ["draft", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    said = said_as_one(result.stderr)
    assert "its page, read for the first time, asks readers to log in" in said, said
    assert "now asks readers to log in" not in said
    marks = _marks(tmp_path)
    assert len(marks) == 1 and "sign-in page" in marks[0], marks
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "never read" not in draft and "never read" not in said

    # The next fetch reads it again: the article's page now served, it is credited from it.
    http_server.routes[PAGE] = real
    _later(tmp_path)
    result = CliRunner().invoke(cli, ["fetch", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    assert _authors(tmp_path) == ["Lucas Nolan"]
    assert _marks(tmp_path) == []


def test_a_builds_first_read_of_a_sign_in_page_says_it_could_not_be_read(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = _stored_from_feed(tmp_path, http_server, corpus)
    http_server.add(PAGE, LOGIN, content_type="text/html")

    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    said = said_as_one(result.stderr)
    assert "its page was never read" not in said, said
    assert "its page could not be read (its link leads to a sign-in page" in said, said
    assert len(_marks(tmp_path)) == 1


def test_build_draft_does_not_read_a_listed_page_robots_txt_disallows(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = _stored_from_feed(tmp_path, http_server, corpus)
    result = CliRunner().invoke(cli, ["draft", "--no-fetch", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    http_server.add("/robots.txt", ROBOTS, content_type="text/plain")
    draft = tmp_path / "drafts" / "issue-1.md"

    result = CliRunner().invoke(cli, ["build", "--draft", str(draft), "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    assert not http_server.seen(PAGE)
    said = said_as_one(result.stderr)
    assert (
        "could not be read (its site's robots.txt disallows curator its pages), so no author is"
        " known"
    ) in said, said
    assert _marks(tmp_path) == ["its site's robots.txt disallows curator its pages"]


def test_a_first_read_robots_txt_disallows_is_not_retried_on_end(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = _stored_from_feed(tmp_path, http_server, corpus)
    http_server.add("/robots.txt", ROBOTS, content_type="text/plain")

    result = CliRunner().invoke(cli, ["draft", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    assert "its site's robots.txt disallows curator its pages" in said_as_one(result.stderr)
    assert _marks(tmp_path) == ["its site's robots.txt disallows curator its pages"]
    # The next fetch asks robots.txt, not the page, and reads it no more.
    _later(tmp_path)
    result = CliRunner().invoke(cli, ["fetch", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    assert _marks(tmp_path) == []
    assert not http_server.seen(PAGE)
