"""Feeds that change address under a weekly newsletter, as walk169 met them (#3, #4, #7): each
through the CLI against a real local server whose answers change between runs, and a real store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli, sans_config


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def _items(site: str, first: int, count: int) -> str:
    return "".join(
        f"<item><title>{site} article {i} on the customer journey</title>"
        f"<link>http://{site}.example/post/{i}</link><guid>{site}-{i}</guid>"
        "<description>Customer journey mapping for service teams.</description>"
        "<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
        for i in range(first, first + count)
    )


def _articles_of(config: Path) -> dict[str, int]:
    db = sqlite3.connect(config.parent / "state" / "curator.db")
    try:
        rows = db.execute(
            "SELECT f.url, COUNT(*) FROM articles a JOIN feeds f ON f.id = a.feed_id GROUP BY f.url"
        ).fetchall()
    finally:
        db.close()
    return {str(u): int(n) for u, n in rows}


def test_replacing_a_url_as_advised_carries_the_old_addresses_articles_over(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: the feed's address turned into a web page naming its new feed; curator advised
    replacing the url; done, the new feed had more new entries than stored ones, so the 6 older
    articles stayed with the old address, nothing said (and a draft featuring one was told "as
    the feed's removal said", nothing having been removed)."""
    old = http_server.add("/c/feed.xml", h.rss(_items("gamma", 0, 6), title="Gamma Blog"))
    new = http_server.url("/c/rss.xml")
    config = h.write_config(tmp_path, [{"url": old, "fetch_pages": False}])
    assert _fetch(config, "--quiet")[0] == 0
    page = (
        '<!doctype html><html><head><title>Gamma</title><link rel="alternate"'
        ' type="application/rss+xml" href="/c/rss.xml"></head><body><p>Gamma</p></body></html>'
    )
    http_server.add("/c/feed.xml", page, content_type="text/html")
    http_server.add("/c/rss.xml", h.rss(_items("gamma", 0, 18), title="Gamma Blog"))
    _, _, err = _fetch(config)
    assert f"this page names a feed at {new}: replace the url" in " ".join(err.split()), err
    # The editor does as told.
    config.write_text(config.read_text().replace(old, new))
    code, _, err = _fetch(config)
    said = " ".join(sans_config(err).split())
    assert code == 0, err
    assert f"6 articles of {old} carried over to {new}" in said, said
    assert _articles_of(config) == {new: 18}
    # Said once: the next run carries nothing more.
    _, _, err = _fetch(config)
    assert "carried over" not in err, err
