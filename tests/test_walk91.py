"""Feeds that misbehave over weeks, as walk91 met them (#1-#4), each through `curator fetch`
against a real local server whose answers change between runs."""

from __future__ import annotations

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
