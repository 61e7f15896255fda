"""walk184 #3: `feeds import` of an OPML listing a feed whose address answers 301 (moved for
good) wrote the old address without a word, and the next fetch asked to update feeds.yaml;
`feeds add` writes the new one and says so."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
import yaml
from test_fixin_feed_moved import ITEMS

from conftest import LocalServer
from conftest import run_cli as run

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>x</title></head><body>
<outline type="rss" text="Service Design Notes" xmlUrl="{old}"/>
<outline type="rss" text="Kept Notes" xmlUrl="{kept}"/>
</body></opml>"""


def test_feeds_import_of_a_moved_feed_writes_its_new_address_and_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    new = http_server.add("/cx3/feed.xml", h.rss(ITEMS, title="Service Design Notes"))
    old = http_server.add("/moved/feed2.xml", b"", status=301, headers={"Location": new})
    kept = http_server.add("/kept/feed.xml", h.rss(ITEMS, title="Kept Notes"))
    config = h.write_config(tmp_path, [])
    opml = tmp_path / "m.opml"
    opml.write_text(OPML.format(old=old, kept=kept), "utf-8")
    code, out, err = run("feeds", "import", str(opml), "--config", str(config))
    assert code == 0, (out, err)
    said = " ".join(err.split())
    assert f"{old} has moved permanently to {new}" in said, (out, err)
    listed = [f["url"] for f in yaml.safe_load(config.read_text("utf-8"))["feeds"]]
    assert listed == [new, kept], listed
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    assert "moved permanently" not in err and old not in err, err


def test_a_feed_listed_at_an_address_that_redirects_to_the_stored_one_is_not_called_new(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The fetch after such an import carried the stored articles of the feed's own address over
    to the one listed, "taken as the same feed at its new address (<the old address>)"."""
    new = http_server.add("/cx3/feed.xml", h.rss(ITEMS, title="Service Design Notes"))
    old = http_server.add("/moved/feed2.xml", b"", status=301, headers={"Location": new})
    config = h.write_config(tmp_path, [{"url": new, "name": "Service Design Notes"}])
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    config.write_text(config.read_text("utf-8").replace(new, old), "utf-8")
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert f"at its new address ({old})" not in said, err
    assert f"stored article(s) of {new}" in said, err
    assert f"the same feed, to which {old} (listed) redirects" in said, err
