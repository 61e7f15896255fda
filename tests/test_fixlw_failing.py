"""walk201 #6 and #7 (fixlw): the advice for a failing feed grows with the outage, counted in days
as `feeds check` counts them; a feed answering 200 with an empty body has advice too."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli, said_as_one


def _backdate(tmp_path: Path, days: int) -> None:
    """The feed's outage as begun `days` ago (a weekly run meets few runs of a long one)."""
    with sqlite3.connect(tmp_path / "state" / "curator.db") as db:
        when = (datetime.now(UTC) - timedelta(days=days)).isoformat()
        db.execute("UPDATE feeds SET failing_since = ?", (when,))
    db.close()


def test_advice_for_a_feed_failing_for_weeks_is_not_usually_passing(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#6: "failing for 2 runs, since 2026-11-16 ... usually passing; if it keeps failing for
    days, tell the publisher" while `feeds check` said "failing for 21 days"."""
    url = http_server.add("/feed.xml", "Server error", status=500, content_type="text/plain")
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, _, err = run_cli("fetch", "--config", str(config), "--quiet")
    assert "usually passing" in said_as_one(err), err  # (a first failure: nothing to do yet)
    _backdate(tmp_path, 21)
    code, _, err = run_cli("fetch", "--config", str(config), "--quiet")
    said = said_as_one(err)
    assert "(failing for 2 runs over 21 days, since" in said, said
    assert "usually passing" not in said, said
    assert (
        "it has failed for 21 days: open the address in a browser to check it" in said
        and "tell the publisher; to stop asking it meanwhile, `curator feeds remove" in said
        and "(its stored articles stay; `curator feeds add" in said
    ), said
    code, out, err = run_cli("feeds", "check", "--config", str(config))
    assert "failing for 21 days" in said_as_one(out + err), out + err


def test_a_feed_answering_an_empty_body_has_advice(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#7: "the feed is empty (failing for 3 runs ...)" said nothing to do."""
    url = http_server.add("/feed.xml", b"", content_type="application/rss+xml")
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, _, err = run_cli("fetch", "--config", str(config), "--quiet")
    said = said_as_one(err)
    assert "the feed is empty (first failure); its server answered 200 with nothing" in said, said
    assert "open the address in a browser" in said and "tell the publisher" in said, said
