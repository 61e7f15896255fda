"""Feeds that change address under a weekly newsletter, as walk169 met them (#3, #4, #7): each
through the CLI against a real local server whose answers change between runs, and a real store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import hostile_helpers as h
from test_walk126 import _fetch, _items  # (a fetch, and a site's numbered items)

from conftest import LocalServer, run_cli, sans_config


def _articles_of(config: Path) -> dict[str, int]:
    db = sqlite3.connect(config.parent / "state" / "curator.db")
    try:
        rows = db.execute(
            "SELECT f.url, COUNT(*) FROM articles a JOIN feeds f ON f.id = a.feed_id GROUP BY f.url"
        ).fetchall()
    finally:
        db.close()
    return {str(u): int(n) for u, n in rows}


def test_replacing_a_url_as_advised_carries_the_old_addresses_articles_over(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: the feed's address turned into a web page naming its new feed; curator advised
    replacing the url; done, the new feed had more new entries than stored ones, so the 6 older
    articles stayed with the old address, nothing said (and a draft featuring one was told "as
    the feed's removal said", nothing having been removed)."""
    old = http_server.add("/c/feed.xml", h.rss(_items("gamma", 0, 6), title="Gamma Blog"))
    new = http_server.url("/c/rss.xml")
    config = h.write_config(tmp_path, [{"url": old, "fetch_pages": False}])
    assert _fetch(config, "--quiet")[0] == 0
    page = (
        '<!doctype html><html><head><title>Gamma</title><link rel="alternate"'
        ' type="application/rss+xml" href="/c/rss.xml"></head><body><p>Gamma</p></body></html>'
    )
    http_server.add("/c/feed.xml", page, content_type="text/html")
    http_server.add("/c/rss.xml", h.rss(_items("gamma", 0, 18), title="Gamma Blog"))
    _, _, err = _fetch(config)
    assert f"this page names a feed at {new}: replace the url" in " ".join(err.split()), err
    # The editor does as told.
    config.write_text(config.read_text().replace(old, new))
    code, _, err = _fetch(config)
    said = " ".join(sans_config(err).split())
    assert code == 0, err
    assert f"6 articles of {old} carried over to {new}" in said, said
    assert _articles_of(config) == {new: 18}
    # Said once: the next run carries nothing more.
    _, _, err = _fetch(config)
    assert "carried over" not in err, err


_TEXT = (
    "Support teams that map the customer journey find where queues grow, which replies repeat"
    " and which hand-offs lose the thread; this week's piece walks through one team's map, the"
    " three changes it led to, and what the numbers said a month later about waiting times,"
    " repeat contacts and the customers who stopped writing in at all. Number {n}."
)


def _dated(site: str, path: str, numbers: range, day: int, guid: str) -> str:
    return "".join(
        f"<item><title>{site} story {n} on support queues</title>"
        f"<link>{path.format(n=n)}</link><guid>{guid}-{n}</guid>"
        f"<description>{_TEXT.format(n=n)}</description>"
        f"<pubDate>{day + n:02d} Nov 2026 10:00:00 GMT</pubDate></item>"
        for n in numbers
    )


def _page(title: str, n: int, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f"<html><head><title>{title}</title>{link}</head><body><article><h1>{title}</h1>"
        f"<p>{_TEXT.format(n=n)}</p></article></body></html>"
    )


def test_entries_found_stored_are_no_gap(tmp_path: Path, http_server: LocalServer) -> None:
    """Before: Beta moved every item to new addresses with new guids and fresh dates (the same
    text), and a syndication feed gave Epsilon's articles by other links: each got "entries
    between ... may be missing: none of its N entries was stored before" in the same run that
    said they were stored (at new addresses, or as Epsilon's)."""
    for n in range(3):
        for path in (f"/b/posts/{n}", f"/b/2026/posts/{n}"):
            http_server.add(
                path, _page(f"Beta story {n} on support queues", n), content_type="text/html"
            )
    for n in (*range(6), 10, 11, 12):
        http_server.add(
            f"/amp/{n}",
            _page(f"Epsilon story {n} on support queues", n, f"http://epsilon.example/posts/{n}"),
            content_type="text/html",
        )
    beta = http_server.url("/b/posts/{n}")
    amp = http_server.url("/amp/{n}")
    b = http_server.add("/b/feed.xml", h.rss(_dated("Beta", beta, range(3), 1, "b"), "Beta Blog"))
    e = http_server.add(
        "/e/feed.xml",
        h.rss(
            _dated("Epsilon", "http://epsilon.example/posts/{n}", range(6), 1, "e"), "Epsilon Blog"
        ),
    )
    s = http_server.add(
        "/s/feed.xml", h.rss(_dated("Epsilon", amp, range(10, 13), -9, "s"), "Syndicate News")
    )
    config = h.write_config(
        tmp_path,
        [{"url": b}, {"url": e, "fetch_pages": False}, {"url": s}],
        settings={"allow_private_addresses": True},
    )
    code, _, err = _fetch(config)
    assert code == 0, err
    # A week on: Beta gives the same articles at new addresses, new guids, later dates; the
    # syndication feed gives three of Epsilon's (stored already), all newer than its own.
    beta = http_server.url("/b/2026/posts/{n}")
    http_server.add("/b/feed.xml", h.rss(_dated("Beta", beta, range(3), 11, "b2"), "Beta Blog"))
    http_server.add(
        "/s/feed.xml", h.rss(_dated("Epsilon", amp, range(3, 6), 11, "s"), "Syndicate News")
    )
    code, _, err = _fetch(config)
    said = " ".join(sans_config(err).split())
    assert code == 0, said
    assert "give new addresses for articles it gave before" in said, said
    assert "stored already as articles of Epsilon Blog" in said, said
    assert "may be missing" not in said, said
    assert "need a look" not in said, said


def test_a_feed_leading_to_a_listed_feed_is_to_be_removed_not_replaced(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: Delta's address 301'd to Alpha's, listed already: "warning Delta Blog: unchanged
    (moved permanently to .../a2/feed.xml: update feeds.yaml (replace url: ...)" (Alpha's
    document reported as Delta's); following it, every command refused the feeds file ("this
    feed is already listed at line 24; remove one"). The same of a page naming a listed feed."""
    a = http_server.add("/a2/feed.xml", h.rss(_items("alpha", 0, 3), title="Alpha Blog"))
    d = http_server.add("/d/feed.xml", h.rss(_items("delta", 0, 3), title="Delta Blog"))
    c = http_server.add("/c/feed.xml", h.rss(_items("gamma", 0, 2), title="Gamma Blog"))
    config = h.write_config(
        tmp_path,
        [
            {"url": a, "fetch_pages": False},
            {"url": d, "fetch_pages": False},
            {"url": c, "fetch_pages": False},
        ],
    )
    assert _fetch(config, "--quiet")[0] == 0
    line = next(i for i, t in enumerate(config.read_text().splitlines(), 1) if a in t)
    http_server.add("/d/feed.xml", b"", status=301, headers={"Location": a})
    page = (
        '<!doctype html><html><head><title>Gamma</title><link rel="alternate"'
        ' type="application/rss+xml" href="/a2/feed.xml"></head><body><p>Gamma</p></body></html>'
    )
    http_server.add("/c/feed.xml", page, content_type="text/html")
    _, _, err = _fetch(config)
    said = " ".join(sans_config(err).split())
    assert (
        f"Delta Blog: now leads to Alpha Blog ({a}, line {line} of feeds.yaml), a feed already"
        f" listed: remove the Delta Blog line (`curator feeds remove {d}`)"
    ) in said, said
    assert (
        f"now leads to Alpha Blog ({a}, line {line} of feeds.yaml), a feed already listed:"
        f" remove the Gamma Blog line (`curator feeds remove {c}`)"
    ) in said, said
    assert "replace `url:" not in said and "unchanged (moved" not in said, said
    assert "Delta Blog: unchanged" not in said, said
    # The editor does as told: the removed feeds' articles go to the feed they lead to.
    for url in (d, c):
        code, _, err = run_cli("feeds", "remove", url, "--config", str(config))
        assert code == 0, err
    code, _, err = _fetch(config)
    said = " ".join(sans_config(err).split())
    assert code == 0, said
    assert f"3 articles of {d} carried over to {a}" in said, said
    assert f"2 articles of {c} carried over to {a}" in said, said
    # (walk172 #3: it said "its line in feeds.yaml now gives that address" of a line removed)
    assert "now gives that address" not in said and f"{d} is no longer in feeds.yaml" in said
    assert _articles_of(config) == {a: 8}


def test_adding_a_moved_feeds_new_address_advises_removing_the_old_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: Alpha moved (301) to /a2/feed.xml, its old address then answering 410; `feeds add
    .../a2/feed.xml` advised `curator feeds remove .../a2/feed.xml`, the new one; and after the
    fix, `feeds remove .../a/feed.xml` said only "is not in the feeds list"."""
    a = http_server.add("/a/feed.xml", h.rss(_items("alpha", 0, 3), title="Alpha Blog"))
    a2 = http_server.url("/a2/feed.xml")
    config = h.write_config(
        tmp_path, [{"url": a, "fetch_pages": False}], settings={"allow_private_addresses": True}
    )
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/a/feed.xml", b"", status=301, headers={"Location": a2})
    http_server.add("/a2/feed.xml", h.rss(_items("alpha", 0, 4), title="Alpha Blog"))
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/a/feed.xml", b"gone", status=410, content_type="text/plain")
    assert _fetch(config, "--quiet")[0] == 0
    code, out, err = run_cli("feeds", "add", a2, "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert (
        f"serves the same articles as {a}, already in the feeds list, and its address moved to"
        f" {a2}: remove the old one, `curator feeds remove {a}`"
    ) in said, said
    assert f"curator feeds remove {a2}" not in said, said
    assert run_cli("feeds", "remove", a, "--config", str(config))[0] == 0
    code, _, err = _fetch(config)
    said = " ".join(sans_config(err).split())
    assert code == 0 and f"articles of {a} carried over to {a2}" in said, said
    assert _articles_of(config) == {a2: 4}
    # Removing the old address again says where it went.
    code, _, err = run_cli("feeds", "remove", a, "--config", str(config))
    said = " ".join(sans_config(err).split())
    line = next(i for i, t in enumerate(config.read_text().splitlines(), 1) if a2 in t)
    assert code != 0, said
    assert (
        f"{a} is not in the feeds list: it moved to {a2} (line {line}), which replaced it" in said
    ), said


def _opml(urls: list[str]) -> str:
    outlines = "".join(
        f'<outline type="rss" text="Feed {i}" xmlUrl="{u}"/>' for i, u in enumerate(urls)
    )
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>'


def test_import_skips_feeds_moved_to_listed_ones_and_counts_distinct_feeds(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: an OPML import re-added .../a/feed.xml (moved by a 301 to the listed a2) and
    .../c/feed.xml (its page named the listed rss.xml), which `feeds add` refuses; "All 207
    feed(s) ... were listed already" of 205 distinct; and a failing feed told apart from another
    of its name had its address twice ("Alpha Blog (URL) (URL): HTTP ...")."""
    a = http_server.add("/a/feed.xml", h.rss(_items("alpha", 0, 3), title="Alpha Blog"))
    a2 = http_server.add("/a2/feed.xml", h.rss(_items("alpha", 0, 3), title="Alpha Blog"))
    b = http_server.add("/b/feed.xml", h.rss(_items("beta", 0, 2), title="Beta Blog"))
    c = http_server.add("/c/feed.xml", h.rss(_items("gamma", 0, 2), title="Gamma Blog"))
    rss = http_server.add("/c/rss.xml", h.rss(_items("gamma", 0, 3), title="Gamma Blog"))
    x = http_server.add("/x/feed.xml", h.rss(_items("xalpha", 0, 2), title="Alpha Blog"))
    config = h.write_config(
        tmp_path,
        [{"url": u, "fetch_pages": False} for u in (a, b, c, x)],
        settings={"allow_private_addresses": True},
    )
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/a/feed.xml", b"", status=301, headers={"Location": a2})
    page = (
        '<!doctype html><html><head><title>Gamma</title><link rel="alternate"'
        ' type="application/rss+xml" href="/c/rss.xml"></head><body><p>Gamma</p></body></html>'
    )
    http_server.add("/c/feed.xml", page, content_type="text/html")
    assert _fetch(config, "--quiet")[0] == 0
    # The editor replaces both lines as advised; the old addresses go on answering as they did.
    config.write_text(config.read_text().replace(a, a2).replace(c, rss))
    assert _fetch(config, "--quiet")[0] == 0
    opml = tmp_path / "subs.opml"
    opml.write_text(
        _opml([a, b + "/", c, http_server.url("/d/feed.xml"), http_server.url("/d/feed.xml")])
    )
    http_server.add("/d/feed.xml", h.rss(_items("delta", 0, 2), title="Delta Blog"))
    code, out, err = run_cli("feeds", "import", str(opml), "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert "Imported 1 feed(s)" in said, said
    assert f"{a}: it moved to {a2}" in said and f"{c}: it moved to {rss}" in said, said
    listed = config.read_text()
    assert f"url: {a}\n" not in listed and f"url: {c}\n" not in listed, listed
    assert "from before it was removed" not in said, said
    # Everything listed already, one feed twice: counted once.
    opml.write_text(_opml([a2, b, b, rss]))
    code, out, err = run_cli("feeds", "import", str(opml), "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert "All 3 feed(s) of" in said, said
    assert "Skipped 3 already listed" in said and said.count(b) == 1, said
    # A failing feed of a name another feed has too: its address said once.
    http_server.add("/x/feed.xml", b"", status=500)
    _, _, err = _fetch(config)
    said = " ".join(sans_config(err).split())
    assert f"Alpha Blog ({x}): HTTP 500" in said, said
    assert f"({x}) ({x})" not in said, said
