"""One bad entry never costs a feed (issue 13), and credits as the built issue shows them.

Real corpus feeds with one fault injected into one entry, served by a real local HTTP server and
read by `curator build`: every other entry is stored, and the per-feed report (stderr and --json)
says what was wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import hostile_helpers as h
import pytest

from conftest import LocalServer, credits_as_text

#: Real captures: (path under corpus/feeds, tag of the element whose third occurrence gets the
#: fault).
FEEDS = {
    "rss": ("real/rss-parser/input/guardian.rss", b"title"),
    "atom": ("real/rsparser/DaringFireball.atom", b"title"),
}

#: Faults: (what is injected into the element's text, words of the warning the editor sees; None
#: when the entry is simply read: a bad date is dropped, as a missing one).
FAULTS: dict[str, tuple[bytes, str | None]] = {
    "lone-surrogate": (b"&#xD800;", "character reference to no character (&#xD800;)"),
    "out-of-range": (b"&#x110000;", "character reference to no character (&#x110000;)"),
    "nul": (b"\x00", "not well-formed (invalid token)"),
    "undefined-entity": (b"&nosuchentity;", "undefined entity"),
    "unclosed-tag": (b"<b>", "mismatched tag"),
}


def _inject(data: bytes, tag: bytes, fault: bytes) -> bytes:
    """The feed with a marker ("Zq9") and `fault` at the start of the third <tag>'s text (an entry's, past
    the channel's own)."""
    pos = [m.end() for m in re.finditer(rb"<" + tag + rb"[^>]*>", data)][2]
    return data[:pos] + b"Zq9" + fault + data[pos:]


def _build(tmp_path: Path, name: str, url: str) -> tuple[dict, str, Path]:
    folder = tmp_path / name
    folder.mkdir()
    config = h.write_config(folder, [{"url": url, "name": "Wire", "fetch_pages": False}])
    code, data, stderr = h.build_json(config)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    return data, stderr, folder / "state" / "curator.db"


def _titles(db: Path) -> list[str]:
    return [t for (t,) in h.store_rows(db, "SELECT title FROM articles")]


@pytest.fixture(scope="module")
def clean_counts(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Articles each clean feed stores (built once, through the same server and CLI)."""
    counts = {}
    server = LocalServer().start()
    try:
        for kind, (path, _) in FEEDS.items():
            url = server.add(f"/clean-{kind}.xml", (corpus / "feeds" / path).read_bytes())
            data, _, db = _build(tmp_path_factory.mktemp("clean"), kind, url)
            assert data["feeds"][0]["not_well_formed"] is None
            counts[kind] = len(_titles(db))
            assert counts[kind] > 20
    finally:
        server.stop()
    return counts


@pytest.mark.parametrize("kind", list(FEEDS))
@pytest.mark.parametrize("fault", list(FAULTS))
def test_one_bad_entry_keeps_the_feeds_other_entries(
    tmp_path: Path,
    http_server: LocalServer,
    corpus: Path,
    clean_counts: dict[str, int],
    kind: str,
    fault: str,
) -> None:
    path, tag = FEEDS[kind]
    injected, warning = FAULTS[fault]
    body = _inject((corpus / "feeds" / path).read_bytes(), tag, injected)
    url = http_server.add(f"/{kind}-{fault}.xml", body)
    data, stderr, db = _build(tmp_path, fault, url)

    report = data["feeds"][0]
    assert report["status"] == "ok", report
    titles = _titles(db)
    # Every entry is stored, the damaged one included (its bad character shown as U+FFFD).
    assert len(titles) == clean_counts[kind], (len(titles), clean_counts[kind])
    damaged = [t for t in titles if t.startswith("Zq9")]
    assert len(damaged) == 1, damaged
    assert "\ud800" not in damaged[0] and "\x00" not in damaged[0]
    if fault in ("lone-surrogate", "out-of-range"):
        assert damaged[0].startswith("Zq9\ufffd")
    # The editor is told, in the per-feed line and in --json.
    assert warning in report["warning"], report["warning"]
    assert f"  ok         Wire: {report['entries']} entries" in stderr
    assert f"(not well formed: {report['not_well_formed']})" in stderr


def test_a_bad_date_costs_only_the_date(
    tmp_path: Path, http_server: LocalServer, corpus: Path, clean_counts: dict[str, int]
) -> None:
    path, _ = FEEDS["rss"]
    data = (corpus / "feeds" / path).read_bytes()
    item = list(re.finditer(rb"<item>.*?</item>", data, re.S))[1]
    bad = re.sub(rb"<(pubDate|dc:date)>[^<]*</", rb"<\1>the 31st of Smarch</", item.group(0))
    body = data[: item.start()] + bad + data[item.end() :]
    url = http_server.add("/bad-date.xml", body)
    report, _, db = _build(tmp_path, "date", url)
    assert report["feeds"][0]["status"] == "ok"
    rows = h.store_rows(db, "SELECT published FROM articles")
    assert len(rows) == clean_counts["rss"]
    assert sum(1 for (p,) in rows if p is None) == 1


def test_a_json_feed_with_a_lone_surrogate_keeps_its_items(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = [
        {"id": str(i), "url": http_server.url(f"/p/{i}"), "title": f"Item {i} on support"}
        for i in range(5)
    ]
    items[2]["title"] = "Broken \ud800 title"
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": items})
    url = http_server.add("/s.json", body, content_type="application/feed+json")
    data, stderr, db = _build(tmp_path, "json", url)
    assert sorted(_titles(db)) == sorted(
        ["Item 0 on support", "Item 1 on support", "Broken \ufffd title"]
        + ["Item 3 on support", "Item 4 on support"]
    )
    assert "lone surrogate" in data["feeds"][0]["warning"]
    assert "lone surrogate" in stderr


# -- credits and links as the built issue shows them -----------------------------------------------

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Weekly</title><id>urn:atom-weekly</id><updated>2026-07-06T08:00:00Z</updated>
  <author><name>Maya Horowitz</name></author>
  <entry>
    <title>Closing the Loop: What Should Happen After a Customer Complains</title>
    <id>urn:atom-weekly:1</id><updated>2026-07-06T08:00:00Z</updated>
    <link href="{link}"/>
    <summary>Closing the loop on customer feedback turns a complaint into loyalty. Here is how.</summary>
  </entry>
</feed>"""


def test_an_atom_entry_without_author_is_credited_to_the_feeds_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    h.serve_healthy(http_server)
    link = http_server.url("/pages/closing-the-loop-on-customer-feedback.html")
    url = http_server.add("/atom.xml", ATOM_FEED.format(link=link))
    # The page is not read: its byline names another person (Lucia Fernandes), whom curator would
    # credit over the feed's (`articles_credits.choose_authors`; test_credit_sources).
    feed = {"url": url, "name": "Atom Weekly", "fetch_pages": False}
    config = h.write_config(tmp_path, [feed])
    code, _, stderr = h.build_json(config)
    assert code == 0, stderr
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert re.findall(r'<p class="credit">([^<]*)</p>', credits_as_text(html)) == [
        "Maya Horowitz || Atom Weekly"
    ]


def test_a_link_with_a_bare_query_is_published_byte_for_byte(
    tmp_path: Path, http_server: LocalServer
) -> None:
    link = http_server.url("/story") + "?r123"
    tracked = http_server.url("/other") + "?id=7&utm_source=rss&x=%7E"
    body = h.rss(
        f"<item><title>Closing the loop on customer complaints</title><link>{link}</link>"
        "<description>Closing the loop on customer feedback matters. It builds loyalty."
        "</description></item>"
        f"<item><title>Customer feedback loops that work</title><link>{tracked.replace('&', '&amp;')}"
        "</link><description>Customer feedback, closed. Loyalty follows.</description></item>",
        title="Links",
    )
    url = http_server.add("/links.xml", body)
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, _, stderr = h.build_json(config)
    assert code == 0, stderr
    stored = {
        u for (u,) in h.store_rows(tmp_path / "state" / "curator.db", "SELECT url FROM articles")
    }
    assert stored == {link, http_server.url("/other") + "?id=7&x=%7E"}
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{link}"' in html
    assert f"{link}=" not in html


def test_a_feed_not_well_formed_says_whether_entries_were_lost(
    tmp_path: Path, http_server: LocalServer, corpus: Path, clean_counts: dict[str, int]
) -> None:
    """A bare "&" in the channel's title (a common slip) costs nothing, and the editor is told so;
    a feed cut off part way says how many of its entries could be read."""
    path, _ = FEEDS["rss"]
    clean = (corpus / "feeds" / path).read_bytes()
    title = re.search(rb"<title>([^<]*)</title>", clean)
    assert title is not None
    ampersand = clean[: title.start(1)] + b"Bits & " + clean[title.start(1) :]
    data, stderr, db = _build(tmp_path, "ampersand", http_server.add("/amp.xml", ampersand))
    report = data["feeds"][0]
    entries = clean_counts["rss"]
    assert report["status"] == "ok" and len(_titles(db)) == entries
    assert report["warning"].endswith(f"; all {entries} entries read"), report["warning"]
    assert f"(not well formed: {report['warning']})" in stderr

    # A CDATA section opened in the third entry's title and never closed swallows the entries after
    # it: the warning says how many of the feed's entries could be read.
    damaged = _inject(clean, b"title", b"<![CDATA[")
    data, stderr, db = _build(tmp_path, "cdata", http_server.add("/cdata.xml", damaged))
    report = data["feeds"][0]
    read = report["entries"]
    assert 0 < read < entries and len(_titles(db)) <= read
    lost = f"only {read} of its {entries} entries could be read"
    assert lost in report["warning"], report
    assert f"(not well formed: {report['warning'].split(lost)[0]}{lost})" in stderr
