"""walk178 #6: `feeds add` of an address that answers 301 (moved for good) to the feed added the
address given, no word of the move, and the next fetch asked to replace the line it had just
written."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
import yaml

from conftest import LocalServer
from conftest import run_cli as run

ITEMS = "".join(
    f"<item><title>Service design note {i} on the customer journey</title>"
    f"<link>http://notes.example/{i}</link><guid>note-{i}</guid>"
    f"<pubDate>Mon, 0{i + 1} Nov 2026 09:00:00 GMT</pubDate>"
    "<description>Customer journey maps and service blueprints.</description></item>"
    for i in range(4)
)


def test_feeds_add_of_a_moved_feed_lists_its_new_address_and_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    new = http_server.add("/cx3/feed.xml", h.rss(ITEMS, title="Service Design Notes"))
    old = http_server.add("/moved/feed.xml", b"", status=301, headers={"Location": new})
    temporary = http_server.add("/for-now/feed.xml", b"", status=302, headers={"Location": new})
    config = h.write_config(tmp_path, [])
    code, out, err = run(
        "feeds", "add", old, "--name", "Service Design Notes", "--config", str(config)
    )
    assert code == 0, err
    assert out.startswith(f"Added {new} (Service Design Notes): read to check it, a feed of 4"), out
    said = " ".join(err.split())
    assert f"{old} has moved permanently to {new}" in said and "adding the new address" in said
    listed = [f["url"] for f in yaml.safe_load(config.read_text("utf-8"))["feeds"]]
    assert listed == [new], listed
    # The next fetch reads it where it is, and asks for no line to be replaced.
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    assert "moved permanently" not in err and old not in err, err
    # A temporary redirect is no move: the address given stays, and is refused as the same feed.
    code, out, err = run("feeds", "add", temporary, "--config", str(config))
    assert code != 0 and "already in the feeds list" in err, (out, err)
    assert "moved permanently" not in err, err
