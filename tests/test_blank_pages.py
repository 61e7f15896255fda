"""A page of only whitespace is a page that could not be read ("the page is empty"), not one read.

walk34 #8: b/blank.html (spaces and newlines) counted `"pages_read": 1, "pages_failed": 0`, so its
article went out on the feed's words alone with nothing said. Through the command line, against a
real HTTP server.
"""

from __future__ import annotations

import json

import hostile_helpers as h
from click.testing import CliRunner

from conftest import LocalServer
from curator.cli import cli


def test_a_whitespace_page_is_counted_as_not_read(tmp_path, http_server: LocalServer) -> None:
    page = http_server.add("/blank.html", b"   \n\n   \n\t", content_type="text/html")
    feed = http_server.add(
        "/feed.xml",
        h.rss(
            f"<item><title>Customer experience basics</title><link>{page}</link>"
            "<description>Customer experience and customer service.</description></item>"
        ),
    )
    config = h.write_config(tmp_path, [{"url": feed}])
    code, data, stderr = h.build_json(config, command="fetch")
    assert code == 0, stderr
    assert (data["pages_read"], data["pages_failed"]) == (0, 1)
    assert [f["reason"] for f in data["page_failures"]] == ["the page is empty"]
    result = CliRunner().invoke(
        cli, ["fetch", "--config", str(config), "--db", str(tmp_path / "b")]
    )
    assert "1 of 1 article page(s) could not be read" in result.stderr
    assert "the page is empty" in result.stderr


def test_extract_says_a_whitespace_page_is_empty(tmp_path, http_server: LocalServer) -> None:
    url = http_server.add("/blank.html", b" \n \n", content_type="text/html")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"\n\n  \n")
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", url, str(blank)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[:2] == [
        {"url": url, "error": "the page is empty"},
        {"url": str(blank), "error": "the page is empty"},
    ]
