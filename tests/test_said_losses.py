"""What a feed or an OPML file holds is either read or said to be left out, never dropped unnoticed
(walk34's suspected silent losses). Through the command line, with real files and a real HTTP
server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli
from curator.config_load import load_config


def test_json_feed_items_that_are_not_objects_are_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `"entries": 2`, no warning: the three other items vanished without a word."""
    items: list[object] = [
        {"id": str(i), "url": http_server.url(f"/p/{i}"), "title": f"Item {i} on support"}
        for i in range(2)
    ]
    items += [http_server.url("/p/9"), None, 7]
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": items})
    url = http_server.add("/s.json", body, content_type="application/feed+json")
    config = h.write_config(tmp_path, [{"url": url, "name": "Wire", "fetch_pages": False}])
    code, data, stderr = h.build_json(config, command="fetch")
    assert code == 0, stderr
    (feed,) = data["feeds"]
    assert feed["entries"] == 2
    warning = "3 of its 5 items left out: not a JSON object (an item must be {...} with a url and a title)"
    assert feed["warning"] == warning
    assert warning in stderr


def test_feeds_nested_inside_a_feed_s_outline_are_imported(demo: Path, tmp_path: Path) -> None:
    """Before: "Imported 1 feed(s)": the two feeds inside the first one's outline were lost."""
    opml = tmp_path / "nested.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Service">'
        '<outline text="Parent" xmlUrl="https://parent.example/feed">'
        '<outline text="Child one" xmlUrl="https://child1.example/feed"/>'
        '<outline text="Child two" xmlUrl="https://child2.example/feed"/>'
        "</outline></outline></body></opml>",
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(demo), str(opml))
    assert code == 0, err
    assert out == f"Imported 3 feed(s) into {demo}.\n"
    urls = [f.url for f in load_config(demo).feeds]
    assert {
        "https://parent.example/feed",
        "https://child1.example/feed",
        "https://child2.example/feed",
    } <= set(urls)


def test_a_page_cut_at_the_reading_limit_is_named(tmp_path: Path, http_server: LocalServer) -> None:
    """Before: a page past 5,000,000 characters was cut there without a word."""
    pad = "<!-- " + "x" * 5_000_000 + " -->"
    body = (
        "<html><head><title>Closing the loop on customer feedback</title></head><body><article>"
        "<p>Closing the loop on customer feedback turns a complaint into loyalty.</p></article>"
        f"{pad}</body></html>"
    )
    page = http_server.add("/big.html", body, content_type="text/html; charset=utf-8")
    feed = http_server.add(
        "/feed.xml", h.rss(f"<item><title>Big</title><link>{page}</link></item>")
    )
    config = h.write_config(tmp_path, [{"url": feed}])
    code, data, stderr = h.build_json(config, command="fetch")
    assert code == 0, stderr
    note = (
        f"page: only its first 5,000,000 characters were read (it has {len(body):,}); what comes"
        " after them (the article's end, maybe) is left out"
    )
    assert data["pages_in_part"] == [{"url": page, "problems": [note]}]
    assert f"  {page}: {note}" in stderr.splitlines()
