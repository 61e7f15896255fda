"""walk180 #5, #6, #7, #9: the feeds list (`feeds import`, feeds.yaml's addresses, `feeds remove`,
a fetch of a feed that moved). Through the CLI, against feeds on a real HTTP server on 127.0.0.1
and a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
from test_walk126 import _fetch, _items  # (a fetch, and a site's numbered items)

from conftest import LocalServer, run_cli, sans_config


def test_importing_a_copy_of_a_listed_feed_warns_as_feeds_add_does(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk180 #5: /de/feed.xml listed and fetched; an OPML listing /de/atom.xml (the same
    entries) was imported with "Imported 1 feed(s)" and nothing else, while `feeds add` of it
    warns that it serves the same articles as the listed feed. The import warns too."""
    de = http_server.add("/de/feed.xml", h.rss(_items("kunde", 0, 3), title="Kundenblog"))
    atom = http_server.add("/de/atom.xml", h.rss(_items("kunde", 0, 3), title="Kundenblog"))
    other = http_server.add("/other.xml", h.rss(_items("other", 0, 2), title="Other Blog"))
    config = h.write_config(
        tmp_path, [{"url": de, "fetch_pages": False}], settings={"allow_private_addresses": True}
    )
    assert _fetch(config, "--quiet")[0] == 0
    opml = tmp_path / "local.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        f'<outline type="rss" text="Kundenblog" xmlUrl="{atom}"/>'
        f'<outline type="rss" text="Other Blog" xmlUrl="{other}"/></body></opml>',
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "import", str(opml), "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert "Imported 2 feed(s)" in said, said
    assert (
        f"curator: warning: {atom} serves the same articles as {de}, already in the feeds list:"
        f" all of its 3 entries are stored as that feed's. If it is the same feed (a new"
        f" address, a copy), remove one: `curator feeds remove {atom}`"
    ) in said, said
    assert f"{other} serves the same" not in said, said
