"""walk199 #7 (fixkz): a site that moved its articles. Every entry of the feed got a new id and
a new link, the old addresses answering 404; one entry retitled ("... (Updated)", its page's
heading too), one new link leading to a sign-in page. The run counted those two as new and
stored them again, and said nothing of the published links that moved. Through the CLI, against
a feed and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_walk108 import page
from test_walk126_stored import DATE, HTML, STORIES, first_issue

from conftest import LocalServer
from conftest import run_cli as run

LOGIN = (
    "<!doctype html><html><head><title>Sign in | Service Daily</title></head><body>"
    "<h1>Sign in</h1><form action='/login' method='post'><input name='user'>"
    "<input type='password' name='password'><button>Log in</button></form>"
    "<p>Subscribe to read this article.</p></body></html>"
)


def serve_moved(server: LocalServer) -> dict[int, str]:
    """Service Daily's five articles at new links (/v2/N.html) under new ids, dated as before;
    the first retitled "... (Updated)" in the feed and on its page, the second's link leading
    to a sign-in page; the old addresses answer 404. Its new link by story number."""
    items, links = [], {}
    for n, (title, text) in enumerate(STORIES):
        server.routes.pop(f"/daily/{n}.html", None)
        if n == 0:
            title += " (Updated)"
        if n == 1:
            server.add("/login", LOGIN, content_type=HTML)
            link = server.add(
                f"/v2/{n}.html", status=302, headers={"Location": server.url("/login")}
            )
        else:
            link = server.add(f"/v2/{n}.html", page(title, text, "Jane Ortiz"), content_type=HTML)
        links[n] = link
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>urn:v2:{n}</guid>"
            f"<author>desk@example.com (Jane Ortiz)</author><pubDate>{DATE}</pubDate></item>"
        )
    server.add(
        "/daily.xml",
        '<rss version="2.0"><channel><title>Service Daily</title>'
        f"<link>{server.url('/daily/')}</link>{''.join(items)}</channel></rss>",
    )
    return links


def test_a_site_moving_its_articles_stores_none_again_and_names_the_moved_links(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk199 #7: after the move, `fetch` said "... not new, so 2 new from it" and "2 new
    article(s) stored": the retitled article (its page's heading changed with its title) and
    the one behind a sign-in page were stored again as new. And the links issue 1 published,
    now answering 404, were not named, though curator knew the new addresses. Each is the
    article stored before; each published link that moved is named with its issue's file, the
    new address and `curator render N`."""
    path, published = first_issue(tmp_path, http_server)
    base = http_server.base
    links = serve_moved(http_server)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    assert (
        f"Service Daily: {len(STORIES)} of its new entries give new addresses for articles it"
        " gave before" in err
    ), err
    assert "so 0 new from it" in err, err
    assert "new article(s) stored" not in err or "0 new article(s) stored" in err, err
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        rows = dict(db.execute("SELECT url, title FROM articles").fetchall())
    assert len(rows) == len(STORIES), rows  # nothing stored twice
    json_file = tmp_path / "output" / "issue-1.json"
    for n in range(len(STORIES)):
        old = f"{base}/daily/{n}.html"
        if old in published:
            said = [line for line in err.splitlines() if old in line and links[n] in line]
            assert said, err
            assert f"{json_file}" in said[0] and "`curator render 1" in said[0], said
        else:
            assert links[n] in rows and old not in rows, rows
