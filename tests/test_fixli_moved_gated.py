"""walk200 #5 (fixli): a published article its site moved to a new address that redirects to a
sign-in page (302 to /account/login). The fetch advised "to link it there, edit its "url" in
...issue-1.json": linking readers to a login wall. Through the CLI, against a feed and pages on
a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixkz_moved_site import LOGIN
from test_walk108 import page
from test_walk126_stored import DATE, HTML, STORIES, first_issue

from conftest import LocalServer
from conftest import run_cli as run


def serve_moved_behind_login(server: LocalServer, gated: int) -> dict[int, str]:
    """Service Daily's articles at new links under new ids, dated and titled as before, the old
    addresses answering 404; story `gated`'s new link redirects to /account/login."""
    items, links = [], {}
    server.add("/account/login", LOGIN, content_type=HTML)
    for n, (title, text) in enumerate(STORIES):
        server.routes.pop(f"/daily/{n}.html", None)
        if n == gated:
            link = server.add(
                f"/v2/{n}.html", status=302, headers={"Location": server.url("/account/login")}
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


def test_a_moved_published_link_behind_a_sign_in_is_not_advised(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk200 #5: the note on a moved published link whose new address leads to a sign-in
    page says it asks readers to log in, and does not advise linking it; the other moved links
    are advised as before."""
    path, published = first_issue(tmp_path, http_server)
    base = http_server.base
    gated = next(n for n in range(len(STORIES)) if f"{base}/daily/{n}.html" in published)
    links = serve_moved_behind_login(http_server, gated)
    code, out, err = run("fetch", "--config", str(path), "--json")
    assert code == 0, err
    old = f"{base}/daily/{gated}.html"
    said = [line for line in err.splitlines() if old in line and links[gated] in line]
    assert said, err
    assert "asks readers to log in" in said[0], said
    assert "to link it there" not in said[0], said
    assert "issue-1.json" in said[0] and "`curator render 1" in said[0], said
    for n in range(len(STORIES)):
        if n != gated and f"{base}/daily/{n}.html" in published:
            other = [line for line in err.splitlines() if links[n] in line]
            assert other and "to link it there" in other[0], err
    moves = [m for f in json.loads(out)["feeds"] for m in f["moved_published"]]
    assert {m["new_url"]: m["new_url_asks_to_log_in"] for m in moves}[links[gated]] is True
