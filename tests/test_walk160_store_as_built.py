"""walk160 #1, #2, #4: a big fetch stored its articles only once every feed was read and built.

An editor with 300 feeds (~104,000 new items, `fetch_pages: false`) saw nothing for 12-21
minutes while the articles were built, a SIGTERM 6.5 minutes in stored none of the ~82,000
entries read (the next fetch read them all again), and the run held them all (2 GB). Each
feed's articles are now stored as soon as they are built, in the configured order, each feed's
in one transaction with its state; the run says how far the storing got, and a stopped run keeps
what it stored and says so.
"""

from __future__ import annotations

import re
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import hostile_helpers as h
import pytest

from conftest import LocalServer
from curator.cli import report_progress


@pytest.fixture(autouse=True)
def _handlers_wait() -> Iterator[None]:
    """The hanging feed hangs: `h.STOP`, which test_hostile sets at its teardown to end its slow
    handlers, is cleared first (with it set, the feed "never answering" closed at once when this
    test ran after test_hostile in one worker: the clean-clone CI run found it)."""
    h.STOP.clear()
    yield
    h.STOP.set()


def items(prefix: str, count: int) -> str:
    return "".join(
        f"<item><title>{prefix} story {i} about customer feedback</title>"
        f"<link>http://example.com/{prefix}/{i}</link><guid>{prefix}-{i}</guid>"
        "<pubDate>Mon, 06 Jul 2026 08:45:00 +0000</pubDate>"
        f"<description>{prefix} story {i} says something about closing the loop on customer"
        " feedback. It has two sentences.</description></item>"
        for i in range(count)
    )


def stored_urls(db: Path) -> list[str]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return [r[0] for r in conn.execute("SELECT url FROM articles")]
    except sqlite3.OperationalError:  # (the child is making the store)
        return []


def test_a_stopped_fetch_keeps_the_feeds_it_stored_and_the_next_reads_the_rest(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    h.quiet(http_server)
    first = http_server.add("/first.xml", h.rss(items("first", 5), "First"))
    hang = http_server.add("/hang.xml", handler=h.never_answers(30))
    # Read before the stop, but after a feed not read yet in feeds.yaml: not stored, and its
    # ETag not recorded, so the next fetch reads it in full again.
    last = http_server.add_with_etag("/last.xml", h.rss(items("last", 4), "Last"))
    feeds = [{"url": first}, {"url": hang}, {"url": last}]
    settings = {"timeout": 15, "fetch_pages": False}
    config = h.write_config(tmp_path, feeds, settings=settings)
    db = tmp_path / "state" / "curator.db"
    proc = h.curator_process("fetch", "--config", str(config))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (
            len(stored_urls(db)) == 5 and http_server.seen("/last.xml")
        ):
            time.sleep(0.05)
        assert http_server.seen("/hang.xml")
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert "Traceback" not in stderr
    assert (
        "curator: stopped by SIGTERM: 5 new article(s) this run read are stored (1 of 3 feeds"
        " done); the next fetch reads the rest"
    ) in stderr.splitlines(), stderr
    assert sorted(stored_urls(db)) == sorted(f"http://example.com/first/{i}" for i in range(5))
    assert h.store_rows(db, "SELECT etag FROM feeds WHERE url = ?", last) in ([], [(None,)])

    # The next fetch (without the feed that never answers) stores the rest, none twice, and
    # says how far the storing got, feed by feed (a line per feed stored here: no wait).
    h.write_config(tmp_path, [{"url": first}, {"url": last}], settings=settings)
    monkeypatch.setattr(report_progress, "STORED_LINE_EVERY", 0.0)
    code, data, stderr = h.build_json(config, command="fetch")
    assert code == 0, stderr
    assert "If-None-Match" not in http_server.seen("/last.xml")[-1].headers
    urls = stored_urls(db)
    assert len(urls) == len(set(urls)) == 9
    assert {u for u in urls if "/last/" in u} == {f"http://example.com/last/{i}" for i in range(4)}
    storing = [ln.strip() for ln in stderr.splitlines() if ln.startswith("  storing ")]
    assert re.fullmatch(
        r"storing    0 of ~\d new article\(s\) stored, 1 of 2 feeds \(.*\)", storing[0]
    )
    assert storing[-1].startswith("storing    4 new article(s) stored, 2 of 2 feeds ("), stderr

    # --quiet keeps them unsaid.
    _, _, stderr = h.build_json(config, "--quiet", command="fetch")
    assert "storing" not in stderr


def test_a_feed_in_before_the_one_above_it_still_leaves_a_storing_line_per_feed(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second feed answers before the first: both are written when the first comes in, and
    the run still says the storing feed by feed (it said nothing when the only tally it gave
    was the complete one: the clean-clone CI run of stop 32 found the line missing)."""
    h.quiet(http_server)
    slow = http_server.add("/slow.xml", h.rss(items("slow", 3), "Slow"), delay=1.5)
    quick = http_server.add("/quick.xml", h.rss(items("quick", 2), "Quick"))
    config = h.write_config(
        tmp_path, [{"url": slow}, {"url": quick}], settings={"fetch_pages": False}
    )
    monkeypatch.setattr(report_progress, "STORED_LINE_EVERY", 0.0)
    code, data, stderr = h.build_json(config, command="fetch")
    assert code == 0, stderr
    storing = [ln.strip() for ln in stderr.splitlines() if ln.startswith("  storing ")]
    assert len(storing) == 2, stderr
    assert re.fullmatch(
        r"storing    3 of ~\d new article\(s\) stored, 1 of 2 feeds \(.*\)", storing[0]
    )
    assert storing[1].startswith("storing    5 new article(s) stored, 2 of 2 feeds ("), stderr
    assert len(stored_urls(tmp_path / "state" / "curator.db")) == 5
