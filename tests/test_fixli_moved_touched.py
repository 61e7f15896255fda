"""walk200 #2 (fixli): a site move that also touched each page (new ids, new addresses, the old
ones answering 404, each page's last paragraph now an "Editor's note ... updated"). `fetch`
stored them all again as new, the draft then left them out as the same story as the ones issue 1
published, and the links issue 1 published answered 404, unsaid. Through the CLI, against a feed
and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_walk108 import page
from test_walk126_stored import DATE, HTML, STORIES, first_issue

from conftest import LocalServer
from conftest import run_cli as run

NOTE = (
    "Editor's note: this article first ran on our old site and was lightly updated for the new"
    " one, with fresh figures from our survey of support leaders."
)


def serve_touched(server: LocalServer) -> dict[int, str]:
    """Service Daily's articles at new links (/2027/N.html) under new ids, dated and titled as
    before, each page's last paragraph replaced by an editor's note; the old addresses answer
    404. Its new link by story number."""
    items, links = [], {}
    for n, (title, text) in enumerate(STORIES):
        server.routes.pop(f"/daily/{n}.html", None)
        link = server.add(
            f"/2027/{n}.html", page(title, [*text[:-1], NOTE], "Jane Ortiz"), content_type=HTML
        )
        links[n] = link
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>urn:2027:{n}</guid>"
            f"<author>desk@example.com (Jane Ortiz)</author><pubDate>{DATE}</pubDate></item>"
        )
    server.add(
        "/daily.xml",
        '<rss version="2.0"><channel><title>Service Daily</title>'
        f"<link>{server.url('/daily/')}</link>{''.join(items)}</channel></rss>",
    )
    return links


def test_a_move_that_touched_each_page_stores_none_again_and_names_the_moved_links(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk200 #2: `fetch` said "N new article(s) stored" and nothing else. Each is the article
    stored before (the same title, most of its text); each published link that moved is named
    with its issue's file, the new address and `curator render N`, said to be said once."""
    path, published = first_issue(tmp_path, http_server)
    base = http_server.base
    links = serve_touched(http_server)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
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
            assert "said on this fetch only" in said[0], said
        else:
            assert links[n] in rows and old not in rows, rows
    # The next fetch finds nothing new.
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(STORIES)
