"""A feed whose address redirects to a web page says where it was sent (walk169, minor: a feed
301'd to the site's HTML home page, or 302'd to a maintenance page, was reported only as "this
is an HTML page, not a feed")."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli

HOME = b"<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"


def test_a_feed_redirected_to_a_web_page_says_where_it_was_sent(
    tmp_path: Path, http_server: LocalServer
) -> None:
    home = http_server.add("/", HOME, content_type="text/html; charset=utf-8")
    down = http_server.add("/maintenance", HOME, content_type="text/html; charset=utf-8")
    moved = http_server.add("/moved.xml", b"", status=301, headers={"Location": home})
    sent = http_server.add("/sent.xml", b"", status=302, headers={"Location": down})
    config = h.write_config(
        tmp_path, [{"url": moved, "fetch_pages": False}, {"url": sent, "fetch_pages": False}]
    )
    _, out, err = run_cli("fetch", "--config", str(config))
    said = out + err
    assert f"this is an HTML page, not a feed: its address moved to {home}" in said, said
    assert f"this is an HTML page, not a feed: its address sent to {down}" in said, said
