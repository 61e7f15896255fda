"""A feed of more entries than curator reads, listing its oldest first (fixhs, after walk173 #7):
its newest are read, and its line says so; through the CLI against a real local server and a
real store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli, said_as_one

_COUNT = 1010


def test_an_oldest_first_feed_of_more_than_1000_entries_is_read_from_its_newest(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: the first 1000 entries of an archive listing its oldest first were read (2020),
    its new ones never; `feeds check` showed an old "newest". Now the newest 1000 by date are
    read, and the feed's line says "read the newest 1000 of its 1,010 entries"."""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    items = "".join(
        f"<item><title>Ascending story {n} on customer service</title>"
        f"<link>http://asc.example/p/{n}</link><guid>asc{n}</guid>"
        f"<pubDate>{format_datetime(start + timedelta(hours=6 * n))}</pubDate>"
        "<description>Customer service matters.</description></item>"
        for n in range(_COUNT)
    )
    feed = http_server.add("/asc.xml", h.rss(items, "Ascending Feed"))
    newest = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Ascending Json",
            "items": [
                {
                    "id": f"j{n}",
                    "url": f"http://ascj.example/p/{n}",
                    "title": f"Ascending json story {n}",
                    "content_text": "Customer service matters.",
                    "date_published": (start + timedelta(hours=6 * n)).isoformat(),
                }
                for n in range(_COUNT)
            ],
        }
    )
    jsn = http_server.add("/asc.json", newest, content_type="application/json")
    config = h.write_config(
        tmp_path,
        [{"url": feed, "fetch_pages": False}, {"url": jsn, "fetch_pages": False}],
        # (two feeds of 1,010 entries each: hostile_helpers' 2 s timed the JSON one out on a
        # loaded machine, in a full test run)
        settings={"timeout": 30},
    )
    code, out, err = run_cli("fetch", "--config", str(config), "--json")
    said = said_as_one(err)
    assert code == 0, said
    assert "Ascending Feed: 1000 entries, 1000 new; read the newest 1000 of its 1,010" in said
    assert "Ascending Json: 1000 entries, 1000 new; read the newest 1000 of its 1,010" in said
    feeds = {f["name"]: f for f in json.loads(out)["feeds"]}
    assert feeds["Ascending Feed"]["entries_read"] == "newest"
    links = {
        row[0]
        for row in h.store_rows(tmp_path / "state" / "curator.db", "SELECT url FROM articles")
    }
    assert f"http://asc.example/p/{_COUNT - 1}" in links
    assert "http://asc.example/p/0" not in links
    assert f"http://ascj.example/p/{_COUNT - 1}" in links
    assert "http://ascj.example/p/9" not in links
    code, out, err = run_cli("feeds", "check", "--config", str(config))
    last = (start + timedelta(hours=6 * (_COUNT - 1))).date().isoformat()
    assert last in out, out
