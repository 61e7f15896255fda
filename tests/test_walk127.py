"""A server's "wait" kept (walk127, fixee): a feed's 429 naming no wait is not asked again at once,
a wait stored while the clock ran ahead is capped, unreadable and zero Retry-After values are said,
and a page asked to wait is waited for (a short wait) or not asked before its time (a long one)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import hostile_helpers as h
from test_page_retry import PAGE, curator, newsletter, stored, waited

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
    code, out, err = run_cli("feeds", "check", "--config", str(config))
    said = " ".join((out + err).split())
    assert "it answered 429 naming no wait, and curator waits until " in said, said


def _waiting_page(server: LocalServer, retry_after: str, fail: int) -> str:
    """A page answering 429 with `Retry-After: retry_after` to its first `fail` requests, then
    the article (Dana Whitfield's, at Desk Journal)."""
    served = [0]
    canonical = server.url("/articles/service-desks")

    def handler(req: BaseHTTPRequestHandler) -> None:
        served[0] += 1
        if served[0] <= fail:
            body = b"slow down"
            req.send_response(429)
            req.send_header("Retry-After", retry_after)
            req.send_header("Content-Type", "text/plain")
        else:
            body = PAGE.format(canonical=canonical).encode()
            req.send_response(200)
            req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    return server.add("/story.html", handler=handler)


def _retry_row(config: Path) -> tuple[int, str | None] | None:
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    try:
        return db.execute("SELECT attempts, wait_until FROM page_retries").fetchone()
    finally:
        db.close()


def test_a_page_asking_for_a_short_wait_is_waited_for_and_read_in_the_same_run(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk127 #1: a page answering '429 Retry-After: 30' on its first read had its article
    published at once from its feed ("Charlie CX ... no author was found"), where the page credits
    its author. A wait of a few seconds is waited out within the run (here 1 s)."""
    page = _waiting_page(http_server, "1", fail=1)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    result = curator(config, "fetch")
    assert result.exit_code == 0, result.stderr
    assert "could not be read" not in result.stderr, result.stderr
    ((_, authors, publication, _),) = stored(config)
    assert (json.loads(authors), publication) == (["Dana Whitfield"], "Desk Journal")
    assert len(http_server.seen("/story.html")) == 2 and _retry_row(config) is None


def test_a_page_asking_for_a_long_wait_is_not_asked_before_it_nor_are_its_reads_used_up(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk127 #1: a page always answering '429 Retry-After: 86400' was asked again after 2 h and
    5 h (curator's own schedule), each early read using up one of its 6 reads, and the build said
    only "HTTP 429 (asked to wait)"."""
    page = _waiting_page(http_server, "86400", fail=3)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    first = curator(config, "fetch")
    assert first.exit_code == 0, first.stderr
    said = " ".join(first.stderr.split())
    assert "HTTP 429: asked to wait until " in said and ": read again on a run after it" in said
    attempts, until = _retry_row(config) or (None, None)
    assert attempts == 0 and until is not None, (attempts, until)
    assert datetime.fromisoformat(until) > datetime.now(UTC) + timedelta(hours=23), until

    # Five hours on (curator's own schedule would read it again): not asked, the wait not over.
    waited(config, hours=5)
    assert curator(config, "fetch").exit_code == 0
    assert len(http_server.seen("/story.html")) == 1

    # The day is over: read again, answered the same, and that read not counted either.
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    with db:
        db.execute("UPDATE page_retries SET wait_until = '2000-01-01T00:00:00+00:00'")
    db.close()
    assert curator(config, "fetch").exit_code == 0
    assert len(http_server.seen("/story.html")) == 2
    attempts, until = _retry_row(config) or (None, None)
    assert attempts == 0 and until is not None and until > "2001", (attempts, until)

    # A build now publishes the article from its feed, and says its page asked to wait.
    build = curator(config, "build")
    assert build.exit_code == 0, build.stderr
    said = " ".join(build.stderr.split())
    assert "could not be read (HTTP 429: asked to wait until " in said, said
    assert "its credit and blurb come from its feed alone; it was published" in said, said
