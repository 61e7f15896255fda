"""Last stop's closing note: a robots.txt the server answers for with an error (5xx) was taken as
allowing every page, unsaid, even when the store kept the site's own rules from an earlier run.
Now the kept copy is followed however old it is, and the run says which rules it followed."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from test_walk127_robots import ITEMS, ROBOTS, page, serve_feed

from conftest import LocalServer, run_cli, said_as_one

#: A fourth entry: a page the site's rules allow, read in the week its robots.txt fails.
MORE = (
    "/a/second.html",
    "Customer experience at the pharmacy",
    "A look at customer experience at the pharmacy.",
    "Pharmacies that text when a prescription is ready cut the queue at the counter, and their"
    " customer experience scores rose that spring.",
)


def write_config(folder: Path, server: LocalServer) -> Path:
    config = folder / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "CX Weekly", "editor": "Ed"},
                "subjects": [{"name": "News", "keywords": ["customer experience"]}],
                "feeds": [{"url": server.url("/feed.xml")}],
                "settings": {"allow_private_addresses": True, "timeout": 10},
            },
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return config


def test_a_robots_txt_answering_503_is_followed_from_its_kept_copy_and_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    http_server.add("/robots.txt", ROBOTS, content_type="text/plain")
    for path, title, _, text in [*ITEMS, MORE]:
        http_server.add(path, page(title, "Page Writer", text), content_type="text/html")
    serve_feed(http_server, ITEMS[:2])
    config = write_config(tmp_path, http_server)
    site = http_server.base.split("://", 1)[1]

    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    assert http_server.seen("/private/closed.html") == []

    # Two days on, the kept copy is out of date, and the server now answers 503 for it.
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        (key, value) = db.execute(
            "SELECT key, value FROM meta WHERE key LIKE 'robots:%'"
        ).fetchone()
        kept = json.loads(value)
        when = datetime.fromisoformat(kept["fetched"]) - timedelta(days=2)
        kept["fetched"] = when.isoformat()
        db.execute("UPDATE meta SET value = ? WHERE key = ?", (json.dumps(kept), key))
    http_server.add("/robots.txt", "busy", status=503, content_type="text/plain")
    serve_feed(http_server, [*ITEMS, MORE])

    code, out, err = run_cli("fetch", "--config", str(config), "--json")
    assert code == 0, err
    assert len(http_server.seen("/robots.txt")) == 2
    assert http_server.seen("/private/later.html") == [], "the kept rules disallow it"
    assert len(http_server.seen("/a/second.html")) == 1
    said = said_as_one(err)
    assert (
        f"{site}: its robots.txt answered HTTP 503; the copy read on {when:%Y-%m-%d} was"
        " followed for the page read (it is asked for again on the next run)"
    ) in said, err
    assert f"1 page of {site} is not read: its robots.txt disallows it" in said, err
    report = json.loads(out)
    assert report["robots_unread"] == [
        {"site": site, "pages_read": 1, "error": "HTTP 503", "followed": when.isoformat()}
    ], report


def test_a_robots_txt_answering_503_with_no_copy_allows_the_pages_and_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    http_server.add("/robots.txt", "busy", status=503, content_type="text/plain")
    for path, title, _, text in ITEMS:
        http_server.add(path, page(title, "Page Writer", text), content_type="text/html")
    serve_feed(http_server, ITEMS)
    config = write_config(tmp_path, http_server)
    site = http_server.base.split("://", 1)[1]

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    assert len(http_server.seen("/private/closed.html")) == 1
    assert (
        f"{site}: its robots.txt answered HTTP 503; it was taken as allowing every page for the"
        " 3 pages read (it is asked for again on the next run)"
    ) in said_as_one(err), err
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Page only sentence: gate agents" in issue, issue
