"""A server that cannot be reached is given up on for the rest of the run (walk26 #2: the last
~225 s of a first fetch were page reads failing "could not connect within 10 s", each host tried
again for every one of its pages, reddit 22 times).

Through the command line against a real HTTP server on 127.0.0.1 (the feed) and a port on
127.0.0.1 where nothing listens (the pages' server).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import hostile_helpers as h
from click.testing import CliRunner

from conftest import LocalServer
from curator.cli import cli

PAGES = 12
#: Failed connections to one server after which its other pages are not tried in the run.
HOST_FAILURES = 3


def feed_to_dead_pages(server: LocalServer) -> tuple[str, str]:
    """A feed of `PAGES` customer-experience stories whose pages are all on a server that refuses
    every connection; the feed's URL and that server (host:port)."""
    dead = h.refused_url("/")
    items = "".join(
        f"<item><title>Service desk story {i}</title><link>{dead}story-{i}.html</link>"
        f"<description>Customer experience at the service desk, part {i}.</description></item>"
        for i in range(PAGES)
    )
    feed = server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>Desk News</title>{items}</channel></rss>'.encode(),
        content_type="application/rss+xml",
    )
    return feed, urlsplit(dead).netloc


def test_a_server_refusing_connections_is_given_up_on_and_named(
    tmp_path: Path, http_server: LocalServer
) -> None:
    feed, dead = feed_to_dead_pages(http_server)
    config = h.write_config(tmp_path, [{"url": feed}], settings={"per_host": 1})
    result = CliRunner().invoke(cli, ["fetch", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    # The first failed connection is to its robots.txt, asked for before its pages (walk127).
    skipped = PAGES - (HOST_FAILURES - 1)
    assert f"{PAGES} of {PAGES} article page(s) could not be read" in err, err
    assert f"{HOST_FAILURES - 1:>4}  could not connect" in err, err
    assert f"{skipped:>4}  not tried: its server could not be reached earlier in this run" in err
    assert (
        f"Gave up on these servers after {HOST_FAILURES} failed connections each, so their"
        f" other pages (in brackets) were not tried: {dead} ({skipped})."
    ) in err, err

    # Not given up for good: every page is kept to be read again on a later fetch.
    db = sqlite3.connect(tmp_path / "state" / "curator.db")
    try:
        (retries,) = db.execute("SELECT COUNT(*) FROM page_retries").fetchone()
    finally:
        db.close()
    assert retries == PAGES

    # --json names the hosts too.
    (tmp_path / "again").mkdir()
    config2 = h.write_config(tmp_path / "again", [{"url": feed}], settings={"per_host": 1})
    result = CliRunner().invoke(cli, ["fetch", "--json", "--config", str(config2)])
    assert json.loads(result.stdout)["hosts_skipped"] == {dead: skipped}
