"""fixgu: a huge first fetch held every feed's parsed entries and bytes until its own were written.

A 300-feed newsletter's first fetch (`benchmarks/bulk_fetch.py`, 50,000 new items) parsed every
feed before the workers built the first one's articles, and each feed's outcome then waited,
with its body and every entry's text, for the feeds above it in feeds.yaml to be written. Now at
most `PARSING_AT_ONCE` feeds are parsed at once, so the workers build a parsed feed's articles
before parsing the rest; at most `BUILT_AT_ONCE` new entries are built and wait to be written,
the feed written next never waiting; a feed's body is let go once parsed, and a built feed waits
with its entries' links, ids, titles and credits only. Nothing deadlocks on the ordered storing:
a slow first feed lets every later one be read and parsed, and all are stored once it is in.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hostile_helpers as h
import pytest

from conftest import LocalServer
from curator import harvest_storer, workers
from curator.cli import report_progress
from curator.feeds import parse_feed

LATER_FEEDS = 24
ENTRIES = 20


def items(prefix: str, count: int) -> str:
    return "".join(
        f"<item><title>{prefix} story {i} about customer feedback</title>"
        f"<link>http://example.com/{prefix}/{i}</link><guid>{prefix}-{i}</guid>"
        "<pubDate>Mon, 06 Jul 2026 08:45:00 +0000</pubDate>"
        f"<description>{prefix} story {i} says something about closing the loop on customer"
        f" feedback. {'It has a longer second sentence than most. ' * 8}</description></item>"
        for i in range(count)
    )


def test_a_slow_first_feed_lets_many_large_later_ones_through_and_all_are_stored(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    h.quiet(http_server)
    bodies = {"/slow.xml": h.rss(items("slow", 3), "Slow")}
    slow = http_server.add("/slow.xml", bodies["/slow.xml"], delay=1.0)
    later = []
    for n in range(LATER_FEEDS):
        bodies[f"/f{n}.xml"] = h.rss(items(f"f{n}", ENTRIES), f"Feed {n}")
        later.append(http_server.add(f"/f{n}.xml", bodies[f"/f{n}.xml"]))
    config = h.write_config(
        tmp_path, [{"url": slow}, *({"url": u} for u in later)], settings={"fetch_pages": False}
    )
    monkeypatch.setattr(report_progress, "STORED_LINE_EVERY", 0.0)
    # Room for the articles of one later feed at a time while the first is awaited: the others
    # wait to be built, and the first feed, once in, is built at once (it is written next).
    monkeypatch.setattr(harvest_storer, "BUILT_AT_ONCE", ENTRIES + ENTRIES // 2)
    # How many feeds the run had parsing at once (in the workers, or waiting for one).
    parsing: list[int] = [0, 0]
    run = workers.Workers.run

    async def counted(self: workers.Workers, fn: Callable[..., Any], /, *a: Any, **k: Any) -> Any:
        if fn is not parse_feed:
            return await run(self, fn, *a, **k)
        parsing[0] += 1
        parsing[1] = max(parsing)
        try:
            return await run(self, fn, *a, **k)
        finally:
            parsing[0] -= 1

    monkeypatch.setattr(workers.Workers, "run", counted)
    code, data, stderr = h.build_json(config, command="fetch")
    assert code == 0, stderr
    # The later feeds were parsed a few at a time, not all before the first was built.
    assert 1 <= parsing[1] <= 8, parsing
    db = tmp_path / "state" / "curator.db"
    with sqlite3.connect(db) as conn:
        by_feed = dict(
            conn.execute(
                "SELECT feeds.url, COUNT(*) FROM articles JOIN feeds ON feeds.id = feed_id"
                " GROUP BY feeds.url"
            )
        )
        sizes = dict(conn.execute("SELECT url, bytes_last FROM feeds"))
    assert by_feed == {slow: 3, **dict.fromkeys(later, ENTRIES)}
    assert data["new_articles"] == 3 + LATER_FEEDS * ENTRIES
    # Each feed's size is still recorded, though its body was let go once parsed.
    assert sizes == {http_server.url(path): len(body) for path, body in bodies.items()}
    # Nothing stored before the slow first feed came in; then every feed, a line for each.
    storing = [ln.strip() for ln in stderr.splitlines() if ln.startswith("  storing ")]
    assert len(storing) == 1 + LATER_FEEDS, stderr
    assert re.fullmatch(
        r"storing    3 of ~[\d,]+ new article\(s\) stored, 1 of 25 feeds \(.*\)", storing[0]
    ), storing[0]
    assert storing[-1].startswith(
        f"storing    {3 + LATER_FEEDS * ENTRIES:,} new article(s) stored, 25 of 25 feeds ("
    ), stderr
