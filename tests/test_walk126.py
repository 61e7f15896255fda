"""Feeds that change under the editor over the weeks, as walk126 met them (#1, #2, #4, #5), each
through the CLI against a real local server whose answers change between runs."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
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


def _feed(report: str, name: str) -> dict:
    return next(f for f in json.loads(report)["feeds"] if f["name"] == name)


def test_a_feed_seen_moving_is_still_said_moved_and_read_when_its_old_address_answers_404(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: week 3 said `failed http://.../a/feed.xml: HTTP 404 Not Found`, advised `curator
    feeds remove`, never named the new address again, and lost the feed's new articles."""
    url = http_server.add("/a/feed.xml", h.rss(_items("alpha", 0, 2), title="Brightline"))
    new = http_server.url("/alpha/feed.xml")
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/a/feed.xml", b"", status=301, headers={"Location": new})
    http_server.add("/alpha/feed.xml", h.rss(_items("alpha", 0, 3), title="Brightline"))
    _, _, err = _fetch(config, "--quiet")
    assert f"moved permanently to {new}: update feeds.yaml" in err, err
    # feeds.yaml not updated; the old address stops redirecting; the feed has a new article.
    del http_server.routes["/a/feed.xml"]
    http_server.add("/alpha/feed.xml", h.rss(_items("alpha", 0, 4), title="Brightline"))
    code, out, err = _fetch(config, "--json")
    err = sans_config(err)
    assert code == 0, err
    assert "ok         Brightline: 4 entries, 1 new" in err, err
    assert f"moved permanently to {new} in an earlier run (" in err, err
    assert "and its old address now answers HTTP 404 Not Found" in err, err
    assert f"(replace `url: {url}` with `url: {new}`); it is read at the new address" in err, err
    assert "feeds remove" not in err, err
    feed = _feed(out, "Brightline")
    assert feed["moved_to"] == new and feed["old_address_error"].startswith("HTTP 404"), feed
    # The new address answers 500 too: the feed is named, still said moved, not "remove it".
    http_server.add("/alpha/feed.xml", b"", status=500)
    code, out, err = _fetch(config, "--json")
    err = sans_config(err)
    said = " ".join(next(x for x in err.split("\n  ") if x.startswith("Brightline (")).split())
    assert f"moved permanently to {new} in an earlier run (" in said, said
    assert "(which failed too in this run: HTTP 500" in said, said
    assert f"(replace `url: {url}` with `url: {new}`)" in said, said
    assert "feeds remove" not in err and "the address is gone" not in err, err
    assert "failed     Brightline: HTTP 404" in err, err
    feed = _feed(out, "Brightline")
    assert feed["status"] == "failed" and feed["moved_to"] == new and feed["moved_before"], feed
    # walk132 #2: the new address answers 404 as well: its replacement is not advised (it had
    # just failed; followed, it lost the feed's name), but that both are gone, and what to do.
    del http_server.routes["/alpha/feed.xml"]
    code, out, err = _fetch(config, "--json")
    err = sans_config(err)
    said = " ".join(next(x for x in err.split("\n  ") if x.startswith("Brightline (")).split())
    site = new.split("/alpha/")[0] + "/"
    assert (
        f"moved permanently to {new} in an earlier run (" in said
        and f"but that address answered HTTP 404 Not Found too: the feed may be gone from both;"
        f" `curator feeds add {site}` finds the site's feeds, else `curator feeds remove {url}`"
        in said
    ), said
    assert "(replace `url:" not in said, said
    assert _feed(out, "Brightline")["moved_address_error"].startswith("HTTP 404")
    # walk136 #132-2: `feeds check` said of it still "moved permanently to NEW: update
    # feeds.yaml (replace ...)", right after NEW answered 404; it says what fetch said.
    from click.testing import CliRunner

    from curator.cli import cli

    checked = CliRunner().invoke(cli, ["feeds", "check", "--config", str(config)])
    said = " ".join(sans_config(checked.stdout).split())
    assert (
        f"moved permanently to {new}, but that address answered HTTP 404 Not Found too: the"
        f" feed may be gone from both; `curator feeds add {site}` finds the site's feeds, else"
        f" `curator feeds remove {url}`"
    ) in said, said
    assert "(replace `url:" not in said, said


def test_a_feed_emptied_is_a_warning_and_one_always_empty_is_not(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `ok  Service Daily: 0 entries, 0 new`, JSON status ok with no warning."""
    url = http_server.add("/s.xml", h.rss(_items("service", 0, 8), title="Service Daily"))
    empty = http_server.add("/e.xml", h.rss("", title="Quiet Quarterly"))
    config = h.write_config(
        tmp_path, [{"url": url, "fetch_pages": False}, {"url": empty, "fetch_pages": False}]
    )
    _, out, err = _fetch(config, "--json")
    assert "Quiet Quarterly" in err and "on its last read" not in err, err
    assert _feed(out, "Quiet Quarterly")["warning"] is None
    http_server.add("/s.xml", h.rss("", title="Service Daily"))
    http_server.add("/e.xml", h.rss("", title="Quiet Quarterly") + b"\n")
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    said = (
        "Service Daily: 0 entries, 8 on its last read: the feed may be broken; open it in a browser"
    )
    assert f"need a look (read, but see why):\n  {said}" in err, err
    assert "warning    Service Daily: 0 entries, 0 new" in err, err
    assert "Quiet Quarterly: 0 entries, 0 on" not in err and "ok         Quiet Quarterly" in err
    feed = _feed(out, "Service Daily")
    assert feed["entries_before"] == 8 and "8 on its last read" in feed["warning"], feed
    assert _feed(out, "Quiet Quarterly")["warning"] is None
    # walk132 #3: `feeds check` said "ok" of it, and counted it in no "need a look".
    from click.testing import CliRunner

    from curator.cli import cli

    checked = CliRunner().invoke(cli, ["feeds", "check", "--config", str(config)])
    said = " ".join(checked.stdout.split())
    assert (
        "its last read found 0 entries, though curator stored 8 article(s) from it: the feed"
        " may be broken; open it in a browser"
    ) in said, said
    assert "1 of 2 feed(s) need a look." in said, said
    rows = CliRunner().invoke(cli, ["feeds", "check", "--config", str(config), "--json"]).stdout
    emptied = {r["name"]: r["emptied"] for r in json.loads(rows)}
    assert emptied == {"Service Daily": True, "Quiet Quarterly": False}, emptied


def test_a_web_page_at_a_feeds_address_naming_its_feed_says_where_it_is(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `this is an HTML page, not a feed ...; if the site moved its feed, curator feeds
    add SITE finds and adds the site's feed`, which answered "already in the feeds list"."""
    url = http_server.add("/c/rss", h.rss(_items("cee", 0, 2), title="Cee Notes"))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    assert _fetch(config, "--quiet")[0] == 0
    new = http_server.add("/newc/feed.xml", h.rss(_items("cee", 0, 3), title="Cee Notes"))
    http_server.add(
        "/c/rss",
        '<html><head><title>Cee</title><link rel="alternate" type="application/rss+xml"'
        ' href="/newc/feed.xml"></head><body>Our feed moved.</body></html>',
        content_type="text/html; charset=utf-8",
    )
    code, out, err = _fetch(config, "--json")
    err = sans_config(err)
    said = next(x for x in err.splitlines() if x.startswith("  Cee Notes (") and "HTML" in x)
    assert (
        f"this page names a feed at {new}: replace the url in feeds.yaml (replace `url: {url}`"
        f" with `url: {new}`)"
    ) in said, said
    assert "feeds add" not in said, said
    assert _feed(out, "Cee Notes")["page_names_feed"] == new


def test_feeds_list_and_check_call_a_404_feed_gone_as_a_410_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `feeds list` showed the 404 feed "failing", the 410 one "gone", while the build
    said of both "the address is gone"."""
    four = http_server.add("/404.xml", h.rss(_items("four", 0, 1), title="Four Oh Four"))
    ten = http_server.add("/410.xml", h.rss(_items("ten", 0, 1), title="Four Ten"))
    config = h.write_config(
        tmp_path, [{"url": four, "fetch_pages": False}, {"url": ten, "fetch_pages": False}]
    )
    assert _fetch(config, "--quiet")[0] == 0
    del http_server.routes["/404.xml"]
    http_server.add("/410.xml", b"gone", status=410)
    _, _, err = _fetch(config, "--quiet")
    assert err.count("the address is gone") == 2, err
    code, out, _ = run_cli("feeds", "list", "--config", str(config), "--json")
    assert code == 0 and [r["status"] for r in json.loads(out)] == ["gone", "gone"], out
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert code == 4, out
    lines = [x for x in out.splitlines() if x.startswith("gone ")]
    assert len(lines) == 2, out


def test_a_feed_giving_nothing_new_for_weeks_is_said_and_its_newest_date_shown(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `unchanged  Metric Minds` week after week, its newest entry five weeks old, and
    `feeds check` / `feeds list --json` gave no newest-entry date."""
    old = datetime.now(UTC) - timedelta(days=35)
    stamp = format_datetime(old, usegmt=True)
    items = "".join(
        f"<item><title>Metric article {i} on the customer journey</title>"
        f"<link>http://metric.example/post/{i}</link><guid>metric-{i}</guid>"
        f"<description>Customer journey metrics.</description><pubDate>{stamp}</pubDate></item>"
        for i in range(3)
    )
    quiet = http_server.add("/m.xml", h.rss(items, title="Metric Minds"))
    today = format_datetime(datetime.now(UTC), usegmt=True)

    def fresh(count: int) -> bytes:
        items = _items("busy", 0, count).replace("Mon, 30 Nov 2026 10:00:00 GMT", today)
        return h.rss(items, title="Busy Bee")

    busy = http_server.add("/b.xml", fresh(2))
    config = h.write_config(
        tmp_path, [{"url": quiet, "fetch_pages": False}, {"url": busy, "fetch_pages": False}]
    )
    assert _fetch(config, "--quiet")[0] == 0
    code, out, err = _fetch(config, "--json")
    assert "nothing new since" not in err, err  # new to curator: not quiet for its entries' dates
    assert _feed(out, "Metric Minds")["quiet_since"] is None
    # Five weeks go by: what curator stored then was first seen five weeks ago.
    with sqlite3.connect(tmp_path / "state" / "curator.db") as conn:
        conn.execute("UPDATE articles SET first_seen = ?", (old.isoformat(),))
    conn.close()
    http_server.add("/b.xml", fresh(3))
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    said = (
        f"  Metric Minds: nothing new since {old.date().isoformat()}: it may have stopped"
        " publishing or moved"
    )
    assert said in err, err
    assert "Busy Bee: nothing new" not in err, err
    assert _feed(out, "Metric Minds")["quiet_since"].startswith(old.date().isoformat())
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    row = next(i for i, x in enumerate(out.splitlines()) if x.endswith("  Metric Minds"))
    lines = out.splitlines()
    assert f" {old.date().isoformat()} " in lines[row], out
    code, out, _ = run_cli("feeds", "list", "--config", str(config), "--json")
    listed = {r["name"]: r for r in json.loads(out)}
    assert listed["Metric Minds"]["newest_entry"].startswith(old.date().isoformat()), listed
    assert listed["Busy Bee"]["newest_entry"] > listed["Metric Minds"]["newest_entry"], listed
    assert listed["Metric Minds"]["quiet"] and not listed["Busy Bee"]["quiet"], listed
