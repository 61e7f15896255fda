"""Misbehaving servers, as walk32 met them (#1-#8), each through `curator fetch`/`build` and
`feeds check` against a real local server."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def test_a_well_formed_feed_of_10000_entries_is_capped_not_called_malformed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    h.quiet(http_server)
    body = b"".join(h.many_entries(10_000, http_server.url("/many/")))
    url = http_server.add("/many.xml", body, content_type="application/rss+xml")
    config = h.write_config(tmp_path, [{"url": url, "name": "Many", "fetch_pages": False}])
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    line = next(x for x in stderr.splitlines() if "Many:" in x)
    assert "1000 entries, 1000 new" in line
    assert "read the first 1000 of its 10,000 entries (curator reads at most 1000 per feed)" in line
    assert "not well formed" not in stderr
    report = json.loads(out)["feeds"][0]
    assert report["not_well_formed"] is None and report["warning"] is None
    assert report["entries_in_feed"] == 10_000
    # The same bytes again: unchanged, and no lasting "malformed" mark.
    code, _, stderr = _fetch(config)
    assert code == 0 and "not well formed" not in stderr
    assert "until the publisher fixes it" not in stderr
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert code == 0
    assert out.splitlines()[1].startswith("ok"), out
    assert "not well formed" not in out and "need a look" not in out


def test_a_feed_answering_429_with_retry_after_is_not_asked_again_until_then(
    tmp_path: Path, http_server: LocalServer
) -> None:
    slow = http_server.add("/slow.xml", b"slow down", status=429, headers={"Retry-After": "3600"})
    absurd = http_server.add(
        "/absurd.xml", b"down", status=503, headers={"Retry-After": "99999999"}
    )
    good = h.serve_healthy(http_server)
    config = h.write_config(
        tmp_path,
        [
            {"url": slow, "name": "Slow", "fetch_pages": False},
            {"url": absurd, "name": "Absurd", "fetch_pages": False},
            {"url": good, "name": "Good", "fetch_pages": False},
        ],
    )
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    feeds = {f["name"]: f for f in json.loads(out)["feeds"]}
    # A wait from the first answer, not a failure (walk91 #4).
    assert feeds["Slow"]["status"] == "waiting" and feeds["Slow"]["wait_until"]
    # A wait of years is taken as a day at most.
    until = datetime.fromisoformat(feeds["Absurd"]["wait_until"])
    assert until <= datetime.now(UTC) + timedelta(hours=24, minutes=1)
    _, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert "the server asked curator to wait until" in out
    # The next run does not ask, says until when, and counts no failure.
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    assert len(http_server.seen("/slow.xml")) == 1 and len(http_server.seen("/absurd.xml")) == 1
    line = next(x for x in stderr.splitlines() if "Slow:" in x)
    assert line.split()[0] == "waiting", line
    assert "the server asked curator to wait until" in line and "UTC" in line
    assert "failing for 2 runs" not in stderr
    feeds = {f["name"]: f for f in json.loads(out)["feeds"]}
    assert feeds["Slow"]["status"] == "waiting" and json.loads(out)["feeds_failed"] == 0
    # Once the time has come, it is asked again.
    db = tmp_path / "state" / "curator.db"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE feeds SET wait_until = '2000-01-01T00:00:00+00:00'")
    _fetch(config)
    assert len(http_server.seen("/slow.xml")) == 2


def _item(title: str, link: str) -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        "<description>Customer journey mapping for service teams.</description>"
        "<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
    )


def test_a_title_too_long_to_be_one_gives_way_to_the_page_or_is_cut_at_a_word_and_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    huge = "customer journey " * 62_000  # 1 MB
    page = (
        "<!doctype html><html><head><title>Mapping the customer journey</title></head><body>"
        "<article><h1>Mapping the customer journey</h1>"
        + "<p>Teams map the customer journey to find where service fails.</p>" * 8
        + "</article></body></html>"
    )
    with_page = http_server.add("/page/a.html", page, content_type="text/html; charset=utf-8")
    no_page = http_server.url("/page/missing.html")  # 404
    feed = h.rss(_item(huge, with_page) + _item(huge, no_page), title="Huge Title Feed")
    url = http_server.add("/huge.xml", feed, content_type="application/rss+xml")
    config = h.write_config(tmp_path, [{"url": url}])
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    titles = dict(
        h.store_rows(tmp_path / "state" / "curator.db", "SELECT url, title FROM articles")
    )
    assert titles[with_page] == "Mapping the customer journey"
    cut = titles[no_page]
    assert len(cut) <= 300 and cut.endswith(("journey…", "customer…")), cut
    assert "1 new article(s) had a feed title too long to be one (over 300 characters)" in stderr
    assert f"  Huge Title Feed: {no_page}" in stderr
    assert with_page not in stderr.split("too long to be one")[1]
    assert json.loads(out)["feeds"][0]["cut_titles"] == [no_page]


def test_a_redirect_whose_target_fails_names_the_target_and_the_true_reason(
    tmp_path: Path, http_server: LocalServer
) -> None:
    refused = h.refused_url("/feed.xml")
    feed = http_server.add(
        "/to-refused.xml", status=302, headers={"Location": refused}, content_type=None
    )
    to_file = http_server.add(
        "/page/to-file.html",
        status=302,
        headers={"Location": "file:///etc/passwd"},
        content_type=None,
    )
    pages = http_server.add(
        "/pages.xml", h.rss(_item("Journey maps that work", to_file), title="Pages")
    )
    config = h.write_config(
        tmp_path, [{"url": feed, "name": "Moved"}, {"url": pages, "name": "Pages"}]
    )
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    data = json.loads(out)
    moved = next(f for f in data["feeds"] if f["name"] == "Moved")
    assert moved["error"] == f"redirected to {refused}: connection refused", moved["error"]
    assert f"redirected to {refused}: connection refused" in stderr
    # The page's reason is the true one, not "too many redirects".
    assert data["page_failure_reasons"] == {"redirected to something that is not a web address": 1}
    assert "too many redirects" not in stderr
    assert "redirected to something that is not a web address" in stderr


def test_a_page_cut_short_by_its_content_length_is_listed_as_read_in_part(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = (
        "<!doctype html><html><head><title>Service desk staffing</title></head><body><article>"
        + "<p>Contact centre staffing decides how long customers wait in queues.</p>" * 20
        + "</article></body></html>"
    ).encode()

    def short_length(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("Content-Length", str(len(page) // 2))
        req.send_header("Connection", "close")
        req.end_headers()
        req.wfile.write(page)
        req.close_connection = True

    cut = http_server.add("/page/cut.html", handler=short_length)
    whole = http_server.add("/page/whole.html", page, content_type="text/html; charset=utf-8")
    feed = http_server.add(
        "/feed.xml",
        h.rss(_item("Staffing the desk", cut) + _item("Queues and agents", whole), title="Desk"),
    )
    config = h.write_config(tmp_path, [{"url": feed, "name": "Desk"}])
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    in_part = json.loads(out)["pages_in_part"]
    assert [p["url"] for p in in_part] == [cut]
    assert "the page ends early" in in_part[0]["problems"][0]
    assert "1 article page(s) were read in part" in stderr
    assert f"  {cut}: the page ends early" in stderr


def test_fetch_pages_false_is_advised_only_when_several_pages_failed_and_none_was_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    http_server.add("/down/big.html", "too big", status=500, content_type="text/plain")
    one = http_server.add(
        "/one.xml", h.rss(_item("One page down", http_server.url("/down/big.html")), "One")
    )
    items = "".join(
        _item(f"Story {n} of the desk", http_server.url(f"/down/{n}.html")) for n in range(4)
    )
    for n in range(4):
        http_server.add(f"/down/{n}.html", "oops", status=500, content_type="text/plain")
    many = http_server.add("/many.xml", h.rss(items, "Many"))
    config = h.write_config(
        tmp_path, [{"url": one, "name": "One Down"}, {"url": many, "name": "All Down"}]
    )
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    assert "5 of 5 article page(s) could not be read" in stderr
    advice = [x for x in stderr.splitlines() if "fetch_pages: false" in x]
    assert len(advice) == 1, advice
    assert advice[0].startswith("  Not one of the pages of All Down (4 asked for) could be read:")
    assert "One Down" not in stderr.split("could not be read;")[1]
    assert json.loads(out)["hint"].startswith("pages of All Down: set `fetch_pages: false`")


def test_each_kind_of_feed_failure_says_what_to_do_and_a_loop_names_its_feed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    def cut_short(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Length", "5000")
        req.end_headers()
        req.wfile.write(b"<rss><channel>")
        req.close_connection = True

    def silent(req: BaseHTTPRequestHandler) -> None:
        time.sleep(4)  # past the config's `timeout: 2`
        req.close_connection = True

    feeds = {
        "Slow": http_server.add("/slow.xml", handler=silent),
        "Busy": http_server.add("/busy.xml", "later", status=429),
        "Broken": http_server.add("/broken.xml", "oops", status=500),
        "Refused": h.refused_url(),
        "Cut": http_server.add("/cut.xml", handler=cut_short),
        "Loop": h.redirect_loop(http_server, "/loop-a.xml", "/loop-b.xml"),
    }
    config = h.write_config(tmp_path, [{"url": u, "name": n} for n, u in feeds.items()])
    code, _, stderr = _fetch(config)
    # Every feed failed but Busy, whose 429 asks to be asked less often: not a failure, and not
    # asked again for an hour (walk127 #2).
    assert code == 0, stderr
    assert (
        "  Busy: HTTP 429 Too Many Requests; no wait named: curator does not ask it again for an"
        " hour (longer while it lasts); nothing to do unless it lasts; if it does, ask the publisher"
    ) in stderr.split("asked curator to wait (not a failure)")[1], stderr
    lines = {
        x.split()[0]: x
        for x in stderr.split("feed(s) failed and were skipped:")[1].splitlines()[1:6]
    }
    expected = {
        "Slow": "the server was too slow",
        "Broken": "the server failed on its side",
        "Refused": "nothing took the connection (the site may be down)",
        "Cut": "the server cut the connection before the feed was whole",
        "Loop": "open the address in a browser to see where it leads",
    }
    for name, advice in expected.items():
        line = lines[name]
        assert line.startswith(f"  {name} ({feeds[name]}): "), line
        assert f"; {advice}" in line, line


def test_a_feed_marked_malformed_only_for_its_entry_count_is_not_any_more(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A store from before: the mark "10000 entries; only the first 1000 were read" went away."""
    from curator.store import MIGRATIONS

    url = http_server.url("/many.xml")
    config = h.write_config(tmp_path, [{"url": url, "name": "Many"}])
    (tmp_path / "state").mkdir()
    db = sqlite3.connect(tmp_path / "state" / "curator.db", isolation_level=None)
    for migration in MIGRATIONS[:13]:
        migration(db)
    db.execute("PRAGMA user_version = 13")
    db.execute(
        "INSERT INTO feeds (url, last_success, entries_last, warning, warning_since)"
        " VALUES (?, '2026-12-01T00:00:00+00:00', 1000,"
        " '10000 entries; only the first 1000 were read', '2026-12-01T00:00:00+00:00')",
        (url,),
    )
    db.close()
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert code == 0, out
    assert out.splitlines()[1].startswith("ok") and "not well formed" not in out
