"""Feeds that give false alarms or dead addresses (fixhj, after walk169 #7 and the feeds
commands): each through the CLI against a real local server and a real store."""

from __future__ import annotations

import json
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import click
import hostile_helpers as h
import pytest

from conftest import LocalServer, copy_demo, run_cli, said_as_one, sans_config

_TEXT = (
    "Support teams that map the customer journey find where queues grow, which replies repeat"
    " and which hand-offs lose the thread; this week's piece walks through one team's map, the"
    " three changes it led to, and what the numbers said a month later about waiting times,"
    " repeat contacts and the customers who stopped writing in at all. Number {n}."
)


def _page(n: int, canonical: str) -> bytes:
    title = f"Epsilon story {n} on support queues"
    return (
        f'<html><head><title>{title}</title><link rel="canonical" href="{canonical}"></head>'
        f"<body><article><h1>{title}</h1><p>{_TEXT.format(n=n)}</p></article></body></html>"
    ).encode()


def _items(links: list[tuple[int, str]], guid: str) -> str:
    return "".join(
        f"<item><title>Epsilon story {n} on support queues</title>"
        f"<link>{link}</link><guid>{guid}-{n}</guid>"
        f"<description>{_TEXT.format(n=n)}</description>"
        f"<pubDate>{n + 1:02d} Nov 2026 10:00:00 GMT</pubDate></item>"
        for n, link in links
    )


def _answer(req: BaseHTTPRequestHandler, body: bytes) -> None:
    req.send_response(200)
    req.send_header("Content-Type", "text/html")
    req.send_header("Content-Length", str(len(body)))
    req.end_headers()
    req.wfile.write(body)


def _bare(n: int) -> bytes:
    """Epsilon's article `n` as a copy gives it: the same title and text, no canonical link."""
    title = f"Epsilon story {n} on support queues"
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{_TEXT.format(n=n)}</p></article></body></html>"
    ).encode()


def test_syndication_feeds_of_another_feeds_articles_are_no_gap(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: a syndication feed listed after Epsilon Blog, whose every entry is one of
    Epsilon's new articles by another link, got "entries between ... may be missing: none of its
    3 entries was stored before" every week: its copies (the same text, no canonical address)
    were not looked for among the other feeds' articles; and an AMP feed's articles (canonical:
    Epsilon's) were looked for before Epsilon's of the same run were written (here Epsilon's
    pages answer only once the AMP pages have, as a slower site's would)."""
    amp_served = {n: threading.Event() for n in range(9)}

    def own(n: int) -> str:
        return http_server.url(f"/e/posts/{n}.html")

    for n in range(9):

        def epsilon(req: BaseHTTPRequestHandler, n: int = n) -> None:
            if n >= 6:  # (its new articles of the second week: after the AMP feed's)
                amp_served[n].wait(10)
            _answer(req, _page(n, own(n)))

        def amp(req: BaseHTTPRequestHandler, n: int = n) -> None:
            _answer(req, _page(n, own(n)))
            amp_served[n].set()

        http_server.add(f"/e/posts/{n}.html", handler=epsilon)
        http_server.add(f"/amp/{n}.html", handler=amp)
        http_server.add(f"/copies/{n}.html", _bare(n), content_type="text/html")

    def week(first: int) -> None:
        """Epsilon gives six articles from `first`, the other two feeds its latest three."""
        mine = [(n, own(n)) for n in range(first, first + 6)]
        http_server.add("/e/feed.xml", h.rss(_items(mine, "e"), "Epsilon Blog"))
        latest = range(first + 3, first + 6)
        amp = [(n, http_server.url(f"/amp/{n}.html")) for n in latest]
        http_server.add("/a/feed.xml", h.rss(_items(amp, "a"), "Epsilon AMP"))
        copies = [(n, http_server.url(f"/copies/{n}.html")) for n in latest]
        http_server.add("/s/feed.xml", h.rss(_items(copies, "s"), "Syndicate News"))

    config = h.write_config(
        tmp_path,
        [{"url": http_server.url(f"/{f}/feed.xml")} for f in ("e", "a", "s")],
        settings={"per_host": 16},
    )
    week(0)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    week(3)
    code, _, err = run_cli("fetch", "--config", str(config))
    said = " ".join(sans_config(err).split())
    assert code == 0, said
    assert "Epsilon AMP: 3 of its new entries were stored already as articles of Epsilon" in said
    assert "may be missing" not in said, said
    assert "need a look" not in said, said


def _feed(title: str, n: int = 2) -> bytes:
    items = "".join(
        f"<item><title>{title} post {i} on support queues</title>"
        f"<link>http://{title.split()[0].lower()}.example/p/{i}</link><guid>{title}-{i}</guid>"
        f"<description>{_TEXT.format(n=i)}</description></item>"
        for i in range(n)
    )
    return h.rss(items, title)


def test_import_reads_each_address_as_add_does_and_lists_those_it_did_not_add(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `feeds import` added an address answering 404, and a web page, where `feeds add`
    refuses both ("HTTP 404 Not Found"): every fetch then failed on them. Now each new address
    is read first; those that give no feed are listed with why and what to do, not added;
    --json says which; --quiet has no progress lines."""
    good = http_server.add("/good/feed.xml", _feed("Good Blog"))
    listed = http_server.add("/listed/feed.xml", _feed("Listed Blog"))
    gone = http_server.url("/gone/feed.xml")
    page = http_server.add(
        "/page/",
        "<!doctype html><html><head><title>A page</title></head><body>Hi</body></html>",
        content_type="text/html",
    )
    broken = h.refused_url()
    leads = http_server.add("/old/feed.xml", b"", status=301, headers={"Location": listed})
    config = h.write_config(tmp_path, [{"url": listed, "fetch_pages": False}])
    opml = tmp_path / "subs.opml"
    outlines = "".join(
        f'<outline type="rss" text="Feed {i}" xmlUrl="{u}"/>'
        for i, u in enumerate((good, gone, page, broken, leads, listed))
    )
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>'
    )
    code, out, err = run_cli("feeds", "import", str(opml), "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert "Imported 1 feed(s)" in said and "Reading the 5 feed(s) to add" in said, said
    assert "Not added: 4 that gave no feed when read" in said, said
    assert f"{gone}: HTTP 404 Not Found: no feed is at this address now" in said, said
    assert f"{page}: a web page, not a feed: `curator feeds add {page}" in said, said
    assert f"{broken}: " in said and f"`curator feeds add {broken}" in said, said
    assert f"{leads}: it leads to {listed}, which is already in the feeds list" in said, said
    text = config.read_text()
    assert good in text and all(u not in text for u in (gone, page, broken, leads)), text
    # The same file again, --json and --quiet: nothing more added, the four said again.
    code, out, err = run_cli("feeds", "import", str(opml), "--json", "-q", "--config", str(config))
    assert code == 0, err
    data = json.loads(out)
    assert data["added"] == [] and sorted(data["listed_already"]) == sorted([good, listed]), data
    assert sorted(row["url"] for row in data["not_added"]) == sorted([gone, page, broken, leads])
    assert "Reading the" not in err and "No feed of" in err, err


def test_add_says_when_the_feeds_articles_are_stored(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `feeds add URL` said "Added URL" (it had read the feed to check it) and the next
    `feeds list` said "never fetched", nothing saying why. Now add says it read the feed and that
    its articles are stored by the next fetch or build, and what the list says until then."""
    url = http_server.add("/good/feed.xml", _feed("Good Blog", 3))
    config = h.write_config(tmp_path, [], settings={"fetch_pages": False})
    code, out, err = run_cli("feeds", "add", url, "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert f"Added {url}: read to check it, a feed of 3 entries" in said, said
    assert "its articles are stored at the next `curator fetch` or `curator build`" in said, said
    assert "until then `curator feeds list` says it was never fetched" in said, said
    code, out, _ = run_cli("feeds", "list", "--config", str(config))
    assert code == 0 and out.startswith("never fetched"), out
    assert run_cli("fetch", "--quiet", "--config", str(config))[0] == 0
    code, out, _ = run_cli("feeds", "list", "--config", str(config))
    assert code == 0 and out.startswith("ok"), out


def test_fetch_refuses_a_store_older_than_the_published_issues_before_any_fetch(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: on a store put back from a backup taken before issue 2 was published, `build` and
    `draft` refused before reading any feed ("the store is older than the published issue 2"),
    but `curator fetch` read every feed and stored into the old store. Now it refuses first,
    with the same advice."""
    config = copy_demo(tmp_path)
    store = config.parent / ".curator" / "curator.db"
    assert run_cli("build", "--config", str(config), "-q")[0] == 0
    backup = tmp_path / "after-issue-1.db"
    assert run_cli("backup", "--config", str(config), str(backup))[0] == 0
    assert run_cli("build", "--config", str(config), "--no-fetch", "-q")[0] == 0
    shutil.copyfile(backup, store)
    for end in ("-wal", "-shm"):
        store.with_name(store.name + end).unlink(missing_ok=True)
    feed = http_server.add("/wire.xml", _feed("Wire News"))
    text = config.read_text("utf-8").replace(
        "\nfeeds:\n", f"\nfeeds:\n  - url: {feed}\n    fetch_pages: false\n\n", 1
    )
    config.write_text(
        text.replace("\nsettings:\n", "\nsettings:\n  allow_private_addresses: true\n", 1)
    )
    code, out, err = run_cli("fetch", "--config", str(config))
    said = said_as_one(out + err)
    assert code == 1, said
    assert "the store is older than the published issue 2" in said, said
    assert "Nothing was fetched" in said and "`curator render --record" in said, said
    assert http_server.seen("/wire.xml") == [], said


def test_skipped_entries_are_named_once_then_counted(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: a feed's entries that cannot be stored (no http(s) link; no title) were named at
    every fetch of the feed once it changed ("2 of 4 entries skipped ("Draft one", "Draft
    two"): no http(s) link"), and listed under "feed(s) had entries skipped" each time. Now each is
    named once; later fetches count them ("and 3 skipped entries reported before")."""

    def item(n: int, *, link: bool = True, title: bool = True) -> str:
        return (
            "<item>"
            + (f"<title>Draft {n} on support queues</title>" if title else "")
            + (f"<link>http://zeta.example/p/{n}</link>" if link else "")
            + f"<guid isPermaLink='false'>zeta-{n}</guid></item>"
        )

    url = http_server.url("/z/feed.xml")
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])

    def fetch(*items: str) -> str:
        http_server.add("/z/feed.xml", h.rss("".join(items), "Zeta Post"))
        code, out, err = run_cli("fetch", "--config", str(config))
        said = " ".join(sans_config(out + err).split())
        assert code == 0, said
        return said

    said = fetch(item(1), item(2, link=False), item(3, link=False), item(4, title=False))
    assert '2 of 4 entries skipped ("Draft 2 on support queues", "Draft 3' in said, said
    assert "1 of 4 entries skipped: no title" in said, said
    assert "1 feed(s) had entries skipped" in said, said
    # A new article and a new entry without a link: only that one named.
    said = fetch(
        item(1),
        item(2, link=False),
        item(3, link=False),
        item(4, title=False),
        item(5),
        item(6, link=False),
    )
    assert '1 of 6 entries skipped ("Draft 6 on support queues"): no http(s) link' in said, said
    assert "and 3 skipped entries reported before" in said, said
    assert "Draft 2" not in said and "skipped: no title" not in said, said
    # Nothing new left out: counted only, and no list of feeds with entries skipped.
    said = fetch(
        item(1),
        item(2, link=False),
        item(3, link=False),
        item(4, title=False),
        item(5),
        item(6, link=False),
        item(7),
    )
    assert "(4 skipped entries reported before)" in said, said
    assert "had entries skipped" not in said and "Draft 6" not in said, said


def test_commands_the_feeds_commands_advise_run_as_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `feeds import` advised "`curator feeds add URL`" for an outline whose address no
    feed can be read at, or that gives none, and `feeds remove` "`curator subjects exclude
    URL`": run as written, URL is no address. Each command they advise now names a real one
    (the outline's site, the OPML file, a stored article) and parses with the CLI's parser."""
    from test_fixgy_walk166 import _parse_command

    feed = http_server.add("/good/feed.xml", _feed("Good Blog"))
    page = http_server.add(
        "/page/",
        "<!doctype html><html><head><title>Hi</title></head></html>",
        content_type="text/html",
    )
    config = h.write_config(tmp_path, [{"url": feed, "fetch_pages": False}])
    assert run_cli("fetch", "--config", str(config), "-q")[0] == 0
    opml = tmp_path / "my subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline type="rss" text="Port" xmlUrl="http://port.example:99999/feed"'
        ' htmlUrl="https://port.example/"/>'
        '<outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>'
        '<outline type="rss" text="Nothing" title="Nothing"/>'
        f'<outline type="rss" text="Page" xmlUrl="{page}"/>'
        "</body></opml>"
    )
    code, out, err = run_cli("feeds", "import", str(opml), "--config", str(config))
    said = said_as_one(out + err)
    assert code == 0, said
    assert "`curator feeds add https://port.example/" in said, said
    assert "`curator feeds import '" in said and f"`curator feeds add {page}" in said, said
    code, out, err = run_cli("feeds", "remove", feed, "--config", str(config))
    assert code == 0, err
    said += " " + said_as_one(out + err)
    assert "`curator subjects exclude http://good.example/p/" in said, said
    commands = re.findall(r"`(curator [^`]+)`", said)
    assert len(commands) >= 5, said
    for command in commands:
        assert " URL" not in command, command
        try:
            _parse_command(command)
        except click.UsageError as exc:
            pytest.fail(f"`{command}` does not run: {exc.format_message()}")
