"""A server's "wait" kept (walk127, fixee): a feed's 429 naming no wait is not asked again at once,
a wait stored while the clock ran ahead is capped, unreadable and zero Retry-After values are said,
and a page asked to wait is waited for (a short wait) or not asked before its time (a long one)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli


def _line(err: str, name: str) -> str:
    return " ".join(next(x for x in err.splitlines() if f"{name}:" in x).split())


def test_feeds_asked_to_slow_down_or_wait_are_not_asked_again_early_and_said_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk127 #2-#4: a 429 with no Retry-After was asked again 10 s later; a wait stored while
    the clock was two weeks ahead kept the feed unasked for two weeks (120 s asked); Retry-After
    'soon' was ignored unsaid, and '0' was called "a time already past"."""
    slow = http_server.add("/g2.xml", b"slow down", status=429, content_type="text/plain")
    soon = http_server.add(
        "/g3.xml", b"busy", status=503, headers={"Retry-After": "soon"}, content_type="text/plain"
    )
    zero = http_server.add(
        "/g4.xml", b"busy", status=503, headers={"Retry-After": "0"}, content_type="text/plain"
    )
    later = http_server.add(
        "/g5.xml", b"busy", status=429, headers={"Retry-After": "120"}, content_type="text/plain"
    )
    feeds = [
        {"url": slow, "name": "Slow", "fetch_pages": False},
        {"url": soon, "name": "Soon", "fetch_pages": False},
        {"url": zero, "name": "Zero", "fetch_pages": False},
        {"url": later, "name": "Later", "fetch_pages": False},
    ]
    config = h.write_config(tmp_path, feeds)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    assert "no wait named: curator does not ask it again for an hour" in _line(err, "Slow"), err
    assert "its Retry-After 'soon' is no time curator reads: waited as for none" in _line(
        err, "Soon"
    )
    zero_line = _line(err, "Zero")
    assert "its Retry-After asks for no wait" in zero_line and "past" not in zero_line, zero_line

    # The clock ran two weeks ahead when Later's wait was stored (then was put right).
    db = tmp_path / "state" / "curator.db"
    ahead = (datetime.now(UTC) + timedelta(days=14)).isoformat()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE feeds SET wait_until = ? WHERE url = ?", (ahead, later))
    conn.close()

    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    assert len(http_server.seen("/g2.xml")) == 1, "a 429 naming no wait was asked again at once"
    slow_line = _line(err, "Slow")
    assert "not asked in this run: it answered 429 at " in slow_line, slow_line
    assert "; asked again after " in slow_line, slow_line
    later_line = _line(err, "Later")
    assert "not asked in this run" in later_line, later_line
    two_weeks = (datetime.now(UTC) + timedelta(days=14)).strftime("%Y-%m-%d")
    assert two_weeks not in later_line, later_line
    with sqlite3.connect(db) as conn:
        (stored,) = conn.execute("SELECT wait_until FROM feeds WHERE url = ?", (later,)).fetchone()
    conn.close()
    assert datetime.fromisoformat(stored) <= datetime.now(UTC) + timedelta(days=1), stored
