"""Links checked before an issue is published (walk132, fixem): an article's page is read once,
when it is stored; one removed since (404) was published as a dead link in a later issue, unsaid.
Now the build asks again for the stored links it is about to feature: a page gone leaves its
article out (the next best takes its place), a link moved for good is published at its new
address, and one that cannot be checked is published as before, each said."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import LocalServer, run_cli, said_as_one

_PAGE = """<html><head><title>{title}</title>
<meta name="author" content="Dana Whitfield">
<meta property="og:site_name" content="Desk Journal">
<link rel="canonical" href="{url}">
</head><body><article><h1>{title}</h1>{text}</article></body></html>"""

#: Articles 0 and 1 tell one story (1 is named under 0 as another piece of it); 2 to 4 their own.
_STORY = (
    "<p>Customer experience starts at the service desk. Teams that listen to customers fix the"
    " causes of complaints, not only the complaints themselves, and their queues get shorter each"
    " week.</p><p>Three service desks told us how they changed the way they answer customers.</p>"
)
_ARTICLES = (
    ("Desks that listen", _STORY),
    ("Desks that listen, again", _STORY),
    (
        "Queues that shrink",
        "<p>A customer experience team in Leeds cut its service desk queue by half in a month."
        " It answered the oldest tickets first and wrote replies people could act on.</p>",
    ),
    (
        "Answers that help",
        "<p>Good answers at a service desk are short, specific and kind. Customer experience"
        " leaders train agents to say what happens next and when it will happen.</p>",
    ),
    (
        "Calls that end well",
        "<p>Phone calls still shape customer experience more than chat does. A service desk"
        " that ends each call with a summary hears from fewer unhappy callers later.</p>",
    ),
)


def _page(server: LocalServer, path: str, n: int) -> str:
    title, text = _ARTICLES[n]
    url = server.url(path)
    page = _PAGE.format(title=title, url=url, text=text)
    return server.add(path, page, content_type="text/html; charset=utf-8")


def _newsletter(
    tmp_path: Path, server: LocalServer, more_feeds: str = ""
) -> tuple[Path, list[str]]:
    urls = [_page(server, f"/a/{n}.html", n) for n in range(len(_ARTICLES))]
    items = "".join(
        f"<item><title>{title}</title><link>{url}</link><description>Customer experience at the"
        f" service desk.</description></item>"
        for (title, _), url in zip(_ARTICLES, urls, strict=True)
    )
    feed = server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>Desk Journal</title>{items}</channel></rss>',
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Service\n"
        "    keywords: [customer experience, service desk]\n"
        f"feeds:\n  - url: {feed}\n{more_feeds}settings:\n  output: output\n"
        "  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return config, urls


def test_a_page_removed_after_it_was_stored_is_left_out_and_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk132: pages removed (404) after their articles were stored were published in issue 2,
    one as "another piece" of a story under its article, unsaid."""
    # A feed whose pages curator does not read: its links (never asked for) are not checked.
    unread = http_server.url("/n/0.html")  # (answers 404)
    notes = http_server.add(
        "/notes.xml",
        f'<rss version="2.0"><channel><title>Desk Notes</title><item><title>Notes from the'
        f" desk</title><link>{unread}</link><description>Customer experience notes from a"
        " service desk: what callers ask, and what the service desk answers.</description>"
        "</item></channel></rss>",
    )
    more = f"  - url: {notes}\n    fetch_pages: false\n"
    config, urls = _newsletter(tmp_path, http_server, more)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    # Since then: two pages removed (one of them the story's other piece), one moved for good,
    # one whose server fails for now.
    story, piece, gone, moved, down = urls
    del http_server.routes["/a/1.html"], http_server.routes["/a/2.html"]
    new = _page(http_server, "/new/3.html", 3)
    http_server.add("/a/3.html", status=301, headers={"Location": new}, content_type=None)
    http_server.add("/a/4.html", b"down", status=503, content_type="text/plain")

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    for n, url in ((1, piece), (2, gone)):
        assert (
            f'"{_ARTICLES[n][0]}" ({url}) is left out: its page is gone (HTTP 404 Not Found)'
            " since it was stored" in said
        ), said
        assert said.count(f"({url}) is left out") == 1, said
    assert f'"{_ARTICLES[3][0]}" ({moved}) is published at {new}' in said, said
    assert f'the link of "{_ARTICLES[4][0]}" ({down}) could not be checked (HTTP 503' in said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{gone}"' not in html and f'href="{piece}"' not in html
    assert f'href="{new}"' in html and f'href="{moved}"' not in html
    assert f'href="{down}"' in html and f'href="{story}"' in html
    assert f'href="{unread}"' in html and not http_server.seen("/n/0.html")
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        dead = db.execute(
            "SELECT a.url FROM dead_links d JOIN articles a ON a.id = d.article_id ORDER BY a.id"
        ).fetchall()
    db.close()
    assert dead == [(piece,), (gone,)]


def test_no_fetch_checks_nothing_and_says_so(tmp_path: Path, http_server: LocalServer) -> None:
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    del http_server.routes["/a/2.html"]
    before = len(http_server.requests)
    code, _, err = run_cli("build", "--no-fetch", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert said.count("--no-fetch: the links of the issue's stored articles were not checked") == 1
    assert len(http_server.requests) == before


def test_a_draft_does_not_propose_a_page_removed_since_it_was_stored(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    del http_server.routes["/a/3.html"]
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    assert f"({urls[3]}) is left out: its page is gone (HTTP 404" in said_as_one(err), err
    text = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert urls[3] not in text and urls[0] in text


def test_build_draft_stops_on_a_page_removed_since_the_draft_was_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The draft says what to publish: an article whose page is gone since stops the build,
    named with its line (the story's other piece too, named in the draft's note), as an address
    added that cannot be read does."""
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8").splitlines()
    entry = text.index(f"url: {urls[2]}")  # (the line after its heading, counted from 1)
    piece = text.index(f"## {urls[1]}") + 1
    del http_server.routes["/a/1.html"], http_server.routes["/a/2.html"]
    code, _, err = run_cli("build", "--draft", str(draft), "--config", str(config))
    assert code == 1, err
    said = said_as_one(err)
    assert "the page of an article the draft features is gone since it was stored" in said, said
    assert f"{draft}:{entry}: {urls[2]} (HTTP 404 Not Found)" in said, said
    assert f"{draft}:{piece}: {urls[1]} (HTTP 404 Not Found)" in said, said
    assert not (tmp_path / "output" / "issue-1.html").exists()


def test_a_link_redirected_where_readers_cannot_follow_is_not_published_there(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk138 NEW-1: the check before publishing published a stored link's new address as it
    was: http://localhost:PORT/... (readers cannot reach it), one holding a user name and
    password, one with utm_ tracking, where a page's first read refuses or cleans each."""
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    _, _, local, secret, tracked = urls
    port = http_server.base.rsplit(":", 1)[1]
    away = f"http://localhost:{port}/moved/2.html"
    _page(http_server, "/moved/2.html", 2)  # (localhost is this server: the page answers there)
    http_server.add("/a/2.html", status=301, headers={"Location": away}, content_type=None)
    keyed = http_server.url("/moved/3.html").replace("://", "://editor:s3cret@")
    http_server.add("/a/3.html", status=301, headers={"Location": keyed}, content_type=None)
    _page(http_server, "/moved/3.html", 3)
    _page(http_server, "/moved/4.html", 4)
    utm = http_server.url("/moved/4.html") + "?utm_source=rss"
    _page(http_server, "/moved/4.html?utm_source=rss", 4)
    http_server.add("/a/4.html", status=301, headers={"Location": utm}, content_type=None)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'"{_ARTICLES[2][0]}" ({local}) is left out: its link now redirects for good to {away},'
        " which readers cannot reach"
    ) in said, said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "localhost" not in html and "s3cret" not in html and "utm_source" not in html, html
    assert f'href="{secret}"' in html
    assert f'href="{http_server.url("/moved/4.html")}"' in html
