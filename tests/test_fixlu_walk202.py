"""fixlu (walk202): an aggregator's byline beat the publisher's own feed and page (#1); a feed
that shrank to entries all new and all newer than its newest stored was read without a word of
a gap (#2). Through the CLI, against feeds and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import yaml
from hostile_helpers import refused_url
from test_fixhd_walk169 import _opml as opml
from test_walk108 import BACKLOG, DETRACTORS, SURVEYS, VOC, page

from conftest import EXAMPLES, LocalServer, said_as_one
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"
STORIES = [*VOC, DETRACTORS, SURVEYS, BACKLOG]


def config(tmp_path: Path, feeds: list[tuple[str, str]], pages: bool = True) -> Path:
    """feeds.yaml reading `feeds` ((url, name) each, in order) under the demo's subjects (their
    pages not read, unless `pages`)."""
    demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "feeds.yaml"
    data = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 2},
        "subjects": demo["subjects"],
        "feeds": [
            {"url": url, "name": name, **({} if pages else {"fetch_pages": False})}
            for url, name in feeds
        ],
        "settings": {"allow_private_addresses": True},
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def rss(server: LocalServer, path: str, name: str, site: str, items: list[str]) -> str:
    return server.add(
        path,
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{name}</title><link>{server.url(site)}</link>{''.join(items)}</channel></rss>",
    )


def item(link: str, title: str, author: str, date: str) -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{date}</pubDate><dc:creator>{author}</dc:creator></item>"
    )


def test_the_publishers_own_feed_credits_an_article_an_aggregator_gave_first(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #6: Mixed Reading (an aggregator, its site /h/) and Service Desk Journal (the
    publisher, its site /b/) list the same link /b/2026/3.html, its page crediting Carla
    Mendes; the aggregator, read first, had the article stored as its own, credited to its
    byline (Greg Halloran), and the publisher's entry was said to be "the same page by another
    link". The publisher's feed takes it: its credit, and the article as its own."""
    date = "Mon, 07 Dec 2026 10:00:00 GMT"
    links = []
    for n, (title, text) in enumerate(STORIES[:3]):
        author = "Carla Mendes" if n == 2 else "Dev Patel"
        links.append(
            http_server.add(f"/b/2026/{n + 1}.html", page(title, text, author), content_type=HTML)
        )
    title, text = STORIES[3]
    other = http_server.add("/h/own.html", page(title, text, "Greg Halloran"), content_type=HTML)
    shared, shared_title = links[2], STORIES[2][0]
    mixed = rss(
        http_server,
        "/h/feed.xml",
        "Mixed Reading",
        "/h/",
        [
            item(shared, shared_title, "Greg Halloran", date),
            item(other, title, "Greg Halloran", date),
        ],
    )
    journal = rss(
        http_server,
        "/b/feed.xml",
        "Service Desk Journal",
        "/b/",
        [
            item(
                link,
                STORIES[n][0],
                "Carla Mendes" if n == 2 else "Dev Patel",
                date if n == 2 else "Tue, 01 Dec 2026 10:00:00 GMT",
            )
            for n, link in enumerate(links)
        ],
    )
    path = config(tmp_path, [(mixed, "Mixed Reading"), (journal, "Service Desk Journal")])

    code, _, err = run("fetch", "--config", str(path))

    assert code == 0, err
    said = said_as_one(err)
    assert "by another link" not in said, err
    assert (
        f'Service Desk Journal: "{shared_title}" ({shared}), stored already as an article of Mixed'
        " Reading, is on this feed's own site: taken as its article and credited as its entry"
        " says (Carla Mendes; it was Greg Halloran)" in said
    ), err
    assert "stored already (not failures)" not in said, err
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        rows = {
            url: (json.loads(authors), feed)
            for url, authors, feed in db.execute(
                "SELECT a.url, a.authors, f.url FROM articles a JOIN feeds f ON f.id = a.feed_id"
            )
        }
    assert rows[shared] == (["Carla Mendes"], journal), rows
    assert rows[other] == (["Greg Halloran"], mixed), rows
    assert len(rows) == 4, rows

    code, out, err = run("feeds", "check", "--config", str(path), "--json")
    assert code == 0, err
    feeds = {f["name"]: f for f in json.loads(out)}
    # Its newest entry counts the article taken (it looked stale, the aggregator's newer).
    assert feeds["Service Desk Journal"]["newest_entry"].startswith("2026-12-07"), feeds


def test_an_entry_stored_already_by_its_very_link_is_said_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 minor: two aggregators (neither on the article's site) list the same link; the
    second's entry was said to be "the same page by another link", the link being the same."""
    date = "Mon, 07 Dec 2026 10:00:00 GMT"
    title, text = STORIES[0]
    link = http_server.add("/b/2026/3.html", page(title, text, "Carla Mendes"), content_type=HTML)
    first = rss(
        http_server, "/h/feed.xml", "Mixed Reading", "/h/", [item(link, title, "Bot", date)]
    )
    second = rss(
        http_server, "/j/feed.xml", "Link Roundup", "/j/", [item(link, title, "Bot", date)]
    )
    path = config(tmp_path, [(first, "Mixed Reading"), (second, "Link Roundup")])

    code, _, err = run("fetch", "--config", str(path))

    assert code == 0, err
    assert (
        "Link Roundup: 1 of its new entries was stored already as an article of Mixed Reading"
        " (the same link), so 0 stored from it" in said_as_one(err)
    ), err
    assert "another link" not in err and "own site" not in err, err


def test_a_feed_shrunk_to_entries_all_new_and_newer_warns_of_a_gap(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #7: a feed read at 30 entries (the newest of 2 November) gave 5 entries next, all
    new, all of 7 December: "5 entries, 5 new" and no word, five weeks perhaps missing (the
    warning needed as many entries as on its last read)."""

    def serve(count: int, day: str, first: int) -> str:
        items = [
            item(
                f"{http_server.base}/g/n/{n}.html",
                f"Customer experience note {n}: loyalty and support",
                "Kim Lee",
                f"{day} 2026 {n % 24:02d}:00:00 GMT",
            )
            for n in range(first, first + count)
        ]
        return rss(http_server, "/g/feed.xml", "CX Daily Notes", "/g/", items)

    feed = serve(30, "Mon, 02 Nov", 0)
    path = config(tmp_path, [(feed, "CX Daily Notes")], pages=False)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    assert "30 entries, 30 new" in err and "may be missing" not in err, err

    serve(5, "Mon, 07 Dec", 100)
    code, out, err = run("fetch", "--config", str(path), "--json")

    assert code == 0, err
    said = said_as_one(err)
    assert "5 entries, 5 new" in said, err
    assert (
        "entries between 2026-11-02 and 2026-12-07 may be missing: none of its 5 entries was"
        " stored before, all are newer than the newest it gave before" in said
    ), err
    assert "may be missing" in json.loads(out)["feeds"][0]["entries_note"]


def test_an_import_none_of_whose_feeds_answer_says_what_to_do_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 minor: an OPML imported offline printed, for each of its 205 feeds, "`curator
    feeds add URL` once it answers (or add it unread with --no-check)". Past a few, each is
    listed with why, and what to do is said once: the import again with --no-check."""
    urls = [refused_url(f"/feed-{n}.xml") for n in range(6)]
    path = config(tmp_path, [(rss(http_server, "/a.xml", "Listed", "/", []), "Listed")])
    (tmp_path / "subs.opml").write_text(opml(urls), encoding="utf-8")

    code, out, err = run("feeds", "import", str(tmp_path / "subs.opml"), "--config", str(path))

    assert code == 0, err
    said = said_as_one(out + err)
    assert "once it answers" not in said, said
    for url in urls:
        assert f"{url}: connection refused" in said, said
    assert (
        "None of these 6 answered; to add them without checking: `curator feeds import --no-check"
        f" {tmp_path / 'subs.opml'} --config {path}`" in said
    ), said
    assert "url: " + urls[0] not in path.read_text(encoding="utf-8")


def test_feeds_add_of_a_redirect_loop_says_what_to_do(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 minor: `feeds add` of an address redirecting back to itself said "redirect loop:
    ... sends us back to ..." and no next step."""

    def to(where: str):  # type: ignore[no-untyped-def]
        def handler(req):  # type: ignore[no-untyped-def]
            req.send_response(301)
            req.send_header("Location", http_server.url(where))
            req.send_header("Content-Length", "0")
            req.end_headers()

        return handler

    http_server.add("/k/loop1", handler=to("/k/loop2"))
    http_server.add("/k/loop2", handler=to("/k/loop1"))
    path = config(tmp_path, [(rss(http_server, "/a.xml", "Listed", "/", []), "Listed")])

    code, out, err = run("feeds", "add", http_server.url("/k/loop1"), "--config", str(path))

    said = said_as_one(out + err)
    assert "redirect loop" in said, said
    assert "open the address in a browser" in said, said
