"""Misbehaving servers, second pass, as walk37 met them (new findings 1-6), each through the CLI
against a real local server."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli, sans_config


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def test_feeds_check_shows_a_feed_only_waiting_as_waiting_not_failing(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `failing  never ... Slow down`, `1 of 1 feed(s) failing or gone`, exit 4."""
    url = http_server.add("/slow.xml", b"slow down", status=429, headers={"Retry-After": "3600"})
    config = h.write_config(tmp_path, [{"url": url, "name": "Slow", "fetch_pages": False}])
    _fetch(config, "--quiet")
    code, out, err = run_cli("feeds", "check", "--config", str(config))
    assert code == 0, (out, err)
    row = next(x for x in out.splitlines() if x.endswith("Slow"))
    assert row.split()[0] == "waiting", out
    assert "the server asked curator to wait until" in out
    assert "failing for" not in out and "failing or gone" not in out + err
    assert "need a look" not in out
    code, out, _ = run_cli("feeds", "check", "--config", str(config), "--json")
    assert code == 0 and json.loads(out)[0]["status"] == "waiting"


def test_fetch_quiet_still_says_a_feed_is_waiting(tmp_path: Path, http_server: LocalServer) -> None:
    """Before: `--quiet` printed only `0 new article(s) stored.` on the runs that did not ask."""
    url = http_server.add("/slow.xml", b"slow down", status=429, headers={"Retry-After": "3600"})
    good = h.serve_healthy(http_server)
    config = h.write_config(
        tmp_path,
        [
            {"url": url, "name": "Slow", "fetch_pages": False},
            {"url": good, "name": "Good", "fetch_pages": False},
        ],
    )
    _fetch(config, "--quiet")
    code, _, err = _fetch(config, "--quiet")
    assert code == 0, err
    assert "1 feed(s) not asked in this run (not a failure)" in err
    assert "  Slow: the server asked curator to wait until" in err


def test_a_body_that_only_unpacks_past_max_bytes_is_said_so_and_raising_it_is_not_advised(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: "raise it to read this one"; the walk did (250 MB), used 1 GB and got a parse
    error. A few KB that unpack past the limit are a compression bomb, not a big feed."""
    bomb = http_server.add(
        "/bomb.xml",
        h.gzip_bomb(8 * h.MB),
        headers={"Content-Encoding": "gzip"},
        content_type="application/rss+xml",
    )
    big = http_server.add("/big.xml", b"<rss>" + b"x" * (2 << 20) + b"</rss>")
    config = h.write_config(
        tmp_path,
        [{"url": bomb, "name": "Bomb"}, {"url": big, "name": "Big"}],
        settings={"max_bytes": 1 << 20},
    )
    code, out, err = _fetch(config, "--json")
    line = next(x for x in err.splitlines() if x.startswith("  Bomb"))
    assert "raise it" not in line, line
    assert "unpacks to more than 1 MB" in line and "do not raise `max_bytes`" in line, line
    feeds = {f["name"]: f for f in json.loads(out)["feeds"]}
    assert feeds["Bomb"]["error_kind"] == "too-large"
    # A body that is big as sent keeps the advice.
    assert "raise it to read this one" in next(x for x in err.splitlines() if "  Big" in x)


def _huge_title_feed(http_server: LocalServer) -> tuple[str, str]:
    """A feed with one entry whose title is 1 MB and whose page is missing: (feed, link)."""
    link = http_server.url("/page/missing.html")  # 404: no page title to use instead
    item = (
        f"<item><title>{'customer journey ' * 62_000}</title><link>{link}</link>"
        f"<guid>{link}</guid><description>Customer journey mapping for service teams."
        "</description><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
    )
    feed = http_server.add(
        "/huge.xml", h.rss(item, title="Huge Title Feed"), content_type="application/rss+xml"
    )
    return feed, link


def test_a_cut_title_after_build_is_told_for_the_published_issue_not_a_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: after a plain `build`, "check these in the draft, and edit the title there",
    though the issue was published and no draft was written."""
    h.quiet(http_server)
    feed, link = _huge_title_feed(http_server)
    config = h.write_config(
        tmp_path, [{"url": h.serve_healthy(http_server)}, {"url": feed}], issue_size=4
    )
    code, out, err = run_cli("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert (tmp_path / "output" / "issue-1.html").is_file()
    said = err.split("too long to be one")[1]
    assert "check these in the draft" not in said, said
    assert "issue 1 was published with it" in said and "output/issue-1.html" in said, said
    said = sans_config(said)
    # (the next draft's own path, not the placeholder drafts/issue-N.md: walk107)
    draft = tmp_path / "drafts" / "issue-2.md"
    assert f"`curator draft` (which writes {draft}), then `curator build --draft {draft}`" in said
    assert f'its "title" in {tmp_path / "output" / "issue-1.json"}, then `curator render 1`' in said
    assert f"  Huge Title Feed: {link}" in said


def test_a_cut_title_after_fetch_is_told_to_check_in_the_next_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    h.quiet(http_server)
    feed, link = _huge_title_feed(http_server)
    config = h.write_config(tmp_path, [{"url": feed}])
    code, _, err = _fetch(config)
    assert code == 0, err
    said = err.split("too long to be one")[1]
    said = sans_config(said)
    assert "check these in the next draft (`curator draft`), and edit the title there" in said
    assert f"  Huge Title Feed: {link}" in said


def test_a_retry_after_past_the_cap_or_already_past_is_told_as_the_server_said_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: a year's Retry-After was "asked to wait 86400 s" (curator's cap), and a 503 whose
    Retry-After date had passed said "the server asks curator to ask less often"."""
    year = http_server.add("/year.xml", b"no", status=429, headers={"Retry-After": "31536000"})
    past = http_server.add(
        "/past.xml",
        b"down",
        status=503,
        headers={"Retry-After": "Wed, 25 Nov 2026 07:00:00 GMT"},
    )
    good = h.serve_healthy(http_server)
    config = h.write_config(
        tmp_path,
        [
            {"url": year, "name": "Year", "fetch_pages": False},
            {"url": past, "name": "Past", "fetch_pages": False},
            {"url": good, "name": "Good", "fetch_pages": False},
        ],
    )
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    line = next(x for x in err.splitlines() if x.startswith("  Year"))
    assert "asked to wait 31536000 s (365 days); curator waits at most a day" in line, line
    assert "asked to wait 86400" not in line
    # Nor is the day curator waits told as what the server asked.
    assert "the server asked curator to wait until" not in line
    assert "curator does not ask it before" in line and "the most it waits" in line, line
    line = next(x for x in err.splitlines() if x.startswith("  Past"))
    assert "ask less often" not in line, line
    assert "its Retry-After names a time already past" in line, line
    assert "the server failed on its side" in line, line
    feeds = {f["name"]: f for f in json.loads(out)["feeds"]}
    assert feeds["Past"]["error_kind"] == "unavailable" and not feeds["Past"]["wait_until"]


def test_pages_redirected_to_a_refusing_server_name_it_and_it_is_given_up_after_3(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: each said only "could not connect", and all 8 were tried (`hosts_skipped {}`),
    where direct links to that server stop after 3."""
    h.quiet(http_server)
    refused = h.refused_url("/")
    dead = refused.split("/")[2]  # 127.0.0.1:PORT
    items = ""
    for n in range(8):
        link = http_server.add(
            f"/page/to-refused-{n}.html",
            status=302,
            headers={"Location": f"{refused}page-{n}.html"},
            content_type=None,
        )
        items += (
            f"<item><title>Journey maps that work, part {n}</title><link>{link}</link>"
            "<description>Customer journey mapping for service teams.</description></item>"
        )
    feed = http_server.add("/pages.xml", h.rss(items, title="Pages"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "Pages"}])
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["hosts_skipped"].get(dead, 0) >= 1, data["hosts_skipped"]
    failed = sum(n for r, n in data["page_failure_reasons"].items() if "not tried" not in r)
    assert failed <= 4, data["page_failure_reasons"]
    reason = next(r for r in data["page_failure_reasons"] if "could not connect" in r)
    assert dead in reason and "redirect" in reason, reason
    assert dead in next(x for x in err.splitlines() if "could not connect" in x)
    assert "Gave up on these servers after 3 failed connections each" in err
    assert f"{dead} (" in err
