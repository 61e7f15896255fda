"""fixlx #4: a published article its feed now gives at a new link, found by its date and title
(the new link leads to a sign-in page: no text to compare), was said to be found by "the same
page text". Through the CLI, against a feed and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from test_fixkz_moved_site import LOGIN
from test_walk108 import page
from test_walk126_stored import DATE, HTML, STORIES, first_issue

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def _serve_one_moved(server: LocalServer, moved: int) -> None:
    """Service Daily as issue 1 read it, but for story `moved`: at a new link under a new id,
    leading to a sign-in page, dated as before; its old address answers 404."""
    items = []
    server.add("/login", LOGIN, content_type=HTML)
    for n, (title, text) in enumerate(STORIES):
        link, guid = server.url(f"/daily/{n}.html"), f"daily-{n}"
        if n == moved:
            server.routes.pop(f"/daily/{n}.html", None)
            link = server.add(
                f"/v2/{n}.html", status=302, headers={"Location": server.url("/login")}
            )
            guid = f"urn:v2:{n}"
        else:
            server.add(f"/daily/{n}.html", page(title, text, "Jane Ortiz"), content_type=HTML)
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
            f"<author>desk@example.com (Jane Ortiz)</author><pubDate>{DATE}</pubDate></item>"
        )
    server.add(
        "/daily.xml",
        '<rss version="2.0"><channel><title>Service Daily</title>'
        f"<link>{server.url('/daily/')}</link>{''.join(items)}</channel></rss>",
    )


def test_a_moved_link_found_by_date_and_title_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, published = first_issue(tmp_path, http_server)
    moved = next(n for n in range(len(STORIES)) if http_server.url(f"/daily/{n}.html") in published)
    _serve_one_moved(http_server, moved)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        "Service Daily: 1 of its new entries gives a new address for an article it gave before"
        " (the same date and title, its page giving no text): not new"
    ) in said, said
    assert "the same page text" not in said, said
