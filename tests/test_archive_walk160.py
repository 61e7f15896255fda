"""What a big archive's reports say (walk160: an editor with 300 feeds and 166,000 articles):
a fetch's feed lines, what `fetch` leaves for the reports, and the reports run on a backup."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli, said_as_one

#: What curator reads of one feed at most (curator.feeds.MAX_ENTRIES), written out.
MAX_ENTRIES = 1000


def add_feed(config: Path, url: str) -> None:
    """`url` as the first feed of the newsletter at `config`, its pages not read."""
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1),
        encoding="utf-8",
    )


def test_a_long_feed_not_well_formed_says_so_once(demo: Path, http_server: LocalServer) -> None:
    """walk160 #9: `Feed 243 ...: 1000 entries, 1000 new (not well formed: not well formed:
    PCDATA invalid Char value 8)`, and the same doubled under "need a look": a feed of more
    than curator reads, with a control character in it, is said not well formed once."""
    chunks = list(h.many_entries(MAX_ENTRIES + 5, "https://long.example/"))
    chunks[1] = chunks[1].replace(b"Entry number 0", b"Entry\x08 number 0")
    add_feed(demo, http_server.add("/long.xml", b"".join(chunks)))
    code, out, err = run_cli("fetch", "--config", str(demo))
    assert code == 0, err
    assert "not well formed: not well formed" not in said_as_one(err), err
    line = next(x for x in err.splitlines() if f"{MAX_ENTRIES} entries" in x)
    assert "(not well formed: PCDATA invalid Char value 8)" in line, line
