"""Feeds that misbehave over weeks, as walk91 met them (#1-#4), each through `curator fetch`
against a real local server whose answers change between runs."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import hostile_helpers as h
import yaml

from conftest import LocalServer, run_cli, sans_config


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def _items(site: str, count: int) -> str:
    return "".join(
        f"<item><title>{site} article {i} on the customer journey</title>"
        f"<link>http://{site}.example/post/{i}</link><guid>{site}-{i}</guid>"
        "<description>Customer journey mapping for service teams.</description>"
        "<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
        for i in range(count)
    )


LOGIN = (
    b"<!doctype html><html><head><title>Sign in</title></head><body><form action=/login>"
    b"<input name=user><input type=password name=pw></form></body></html>"
)


def test_a_feed_become_a_login_page_says_what_to_do_and_the_advice_works(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `this is an HTML page, not a feed (failing for 5 runs, since ...)` and no more."""
    url = http_server.add("/html.xml", h.rss(_items("html", 2), title="Html Herald"))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/html.xml", LOGIN, content_type="text/html; charset=utf-8")
    _, _, err = _fetch(config, "--quiet")
    said = next(x for x in err.splitlines() if "this is an HTML page, not a feed" in x)
    line = sans_config(said)
    assert "open the address in a browser" in line, line
    home = http_server.url("/")
    assert f"`curator feeds add {home}` finds and adds the site's feed" in line, line
    assert f"`curator feeds remove {url}`" in line, line
    # The advice, as written: the site's front page names its new feed.
    new = http_server.add("/new-feed.xml", h.rss(_items("html", 3), title="Html Herald"))
    http_server.add(
        "/",
        f'<html><head><link rel="alternate" type="application/rss+xml" href="{new}"></head>'
        "<body>Html Herald</body></html>",
        content_type="text/html; charset=utf-8",
    )
    commands = re.findall(r"`curator (feeds (?:add|remove) [^`]+)`", said)
    assert len(commands) == 2, said
    for command in commands:
        code, out, err = run_cli(*shlex.split(command))
        assert code == 0, (command, out, err)
    listed = [f["url"] for f in yaml.safe_load(config.read_text())["feeds"]]
    assert listed == [new], listed
    code, _, err = _fetch(config, "--quiet")
    assert code == 0 and "failed" not in err, err


def test_a_moved_feeds_old_address_serving_another_site_is_said_and_the_move_still_stands(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `ok  Casino Deals Blog: 5 entries, 5 new`, the moved warning gone, and `feeds
    check` said ok."""
    url = http_server.add("/moved.xml", h.rss(_items("moved", 2), title="Moved Monthly"))
    new = http_server.add("/new-moved.xml", h.rss(_items("moved", 3), title="Moved Monthly"))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/moved.xml", b"", status=301, headers={"Location": new})
    _, _, err = _fetch(config, "--quiet")
    assert f"moved permanently to {new}: update feeds.yaml" in err, err
    # The editor leaves feeds.yaml as it is; the old address comes to serve another site.
    http_server.add("/moved.xml", h.rss(_items("casino", 5), title="Casino Deals Blog"))
    code, out, err = _fetch(config, "--quiet", "--json")
    err = sans_config(err)
    assert code == 0, err
    assert (
        f'{url} now calls itself "Casino Deals Blog", not "Moved Monthly": if it is another'
        f" site, remove it (`curator feeds remove {url}`) or update its url in feeds.yaml"
    ) in err, err
    moved = (
        f"moved permanently to {new} in an earlier run, and feeds.yaml still gives its old"
        f" address, which now answers by itself, as another feed: update feeds.yaml (replace"
        f" `url: {url}` with `url: {new}`)"
    )
    assert moved in err, err
    feed = json.loads(out)["feeds"][0]
    assert feed["retitled"] == {"was": "Moved Monthly", "now": "Casino Deals Blog"}, feed
    assert feed["moved_to"] == new and feed["moved_before"], feed
    # The next run: the title change said once, the unfinished move on every run.
    for _ in range(2):
        code, _, err = _fetch(config, "--quiet")
        assert moved in sans_config(err) and "now calls itself" not in err, err
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert out.splitlines()[1].split()[0] == "moved", out
    # Following the move ends it.
    config = h.write_config(tmp_path, [{"url": new, "fetch_pages": False}])
    code, _, err = _fetch(config, "--quiet")
    assert code == 0 and "moved permanently" not in err and "now calls itself" not in err, err


def test_a_feed_that_changes_its_title_says_so_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: "Future Forum" became "The Forum by NewCo", credited so in the next issues,
    without a word."""
    url = http_server.add("/future.xml", h.rss(_items("future", 2), title="Future Forum"))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/future.xml", h.rss(_items("future", 3), title="The Forum by NewCo"))
    _, _, err = _fetch(config, "--quiet")
    assert f'{url} now calls itself "The Forum by NewCo", not "Future Forum"' in err, err
    assert "moved permanently" not in err
    http_server.add("/future.xml", h.rss(_items("future", 4), title="The Forum by NewCo"))
    _, _, err = _fetch(config, "--quiet")
    assert "now calls itself" not in err, err


def test_the_first_429_with_retry_after_is_a_wait_not_a_failure(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `failed .../ua.xml: HTTP 429 ...; asked to wait 3600 s (first failure)`, counted
    in "feed(s) failed", where README says a Retry-After wait is not a failure."""
    url = http_server.add("/ua.xml", h.rss(_items("ua", 2), title="UA Unit"))
    good = h.serve_healthy(http_server)
    config = h.write_config(
        tmp_path,
        [
            {"url": url, "name": "UA Unit", "fetch_pages": False},
            {"url": good, "name": "Good", "fetch_pages": False},
        ],
    )
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/ua.xml", b"slow down", status=429, headers={"Retry-After": "3600"})
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    assert "failed" not in err and "first failure" not in err, err
    line = next(x for x in err.splitlines() if x.startswith("  waiting    UA Unit:"))
    assert "HTTP 429" in line and "asked to wait 3600 s" in line, line
    assert "the server asked curator to wait until" in line and "nothing needs doing" in line
    assert "1 feed(s) asked curator to wait (not a failure)" in err, err
    data = json.loads(out)
    feed = next(f for f in data["feeds"] if f["name"] == "UA Unit")
    assert feed["status"] == "waiting" and feed["wait_until"], feed
    assert data["feeds_failed"] == 0
    # The next run does not ask it, and says so.
    _, _, err = _fetch(config, "--quiet")
    assert "1 feed(s) not asked in this run (not a failure)" in err, err
    assert len(http_server.seen("/ua.xml")) == 2
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert code == 0 and "waiting" in out, out
