"""walk162 #6 (fixgt): the note of an entry published at its guid (its link unsafe) said at the
fetch that first stores it, not at every fetch of its feed."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import page

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"


def _guid_feed(server: LocalServer, more: str = "") -> str:
    guid = server.url("/g1.html")
    return server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>Zeta Post</title><link>{server.base}/</link>'
        "<item><title>Guid Refunds</title><link>javascript:alert(1)</link>"
        f'<guid isPermaLink="true">{guid}</guid></item>{more}</channel></rss>',
    )


def test_an_entry_published_at_its_guid_is_said_once_not_at_every_fetch(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #6: "its link was unsafe (javascript:), its guid used" was said of the same entry
    at every fetch of its feed; it is said when the entry is first stored so."""
    http_server.add("/g1.html", page("Guid Refunds"), content_type=HTML)
    http_server.add("/p.html", page("Plain Queues"), content_type=HTML)
    feed = _guid_feed(http_server)
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n    keywords: [customer, service]\n"
        f"settings:\n  allow_private_addresses: true\nfeeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    note = '"Guid Refunds": its link was unsafe (javascript:), its guid used'
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0, err
    assert json.loads(out)["feeds"][0]["guid_links"] == [
        {"title": "Guid Refunds", "unsafe": "javascript:"}
    ]
    assert " ".join(err.split()).count(note) >= 1, err
    # the feed gains an entry: read again, its new entry is stored, the guid entry is not new
    _guid_feed(
        http_server,
        f"<item><title>Plain Queues</title><link>{http_server.url('/p.html')}</link></item>",
    )
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0, err
    report = json.loads(out)["feeds"][0]
    assert report["new"] == 1 and report["guid_links"] == [], report
    assert note not in " ".join(err.split()), err
