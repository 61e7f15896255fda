"""The link check before publishing sees what a reader would (walk136, fixep): a page that now
answers 200 with a CMS "not found" page is left out as a 404 is; one that now answers with a
login wall is published with a warning; a link that now redirects for good to an article an
issue published is left out as a copy of it; a dead link's way back is named and works."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_walk132_links import _ARTICLES, _PAGE, _newsletter, _page

from conftest import LocalServer, run_cli, said_as_one

_SOFT_404 = """<html><head><title>Page not found | Voice Notes</title></head><body>
<header><a href="/">Voice Notes</a></header><main><h1>Oops! That page can't be found.</h1>
<p>It looks like nothing was found at this location.</p></main></body></html>"""
_LOGIN = """<html><head><title>Log in | Service Daily</title></head><body><main>
<h1>Subscribers only</h1><p>Log in to read this article.</p><form method="post">
<input type="email" name="email"><input type="password" name="password">
<button>Log in</button></form></main></body></html>"""


def _dead(tmp_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        rows = db.execute(
            "SELECT a.url, d.error FROM dead_links d JOIN articles a ON a.id = d.article_id"
            " ORDER BY a.id"
        ).fetchall()
    db.close()
    return [(str(u), str(e)) for u, e in rows]


def test_soft_404_and_login_wall_and_front_page_seen_as_a_reader_would(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    _, _, soft, walled, away = urls
    http_server.add("/a/2.html", _SOFT_404, content_type="text/html; charset=utf-8")
    http_server.add("/a/3.html", _LOGIN, content_type="text/html; charset=utf-8")
    front = http_server.add(
        "/",
        "<html><head><title>Desk Journal</title></head><body>Home</body></html>",
        content_type="text/html",
    )
    http_server.add("/a/4.html", status=302, headers={"Location": front}, content_type=None)

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'"{_ARTICLES[2][0]}" ({soft}) is left out: its page now says it is not found, though'
        " its server answered 200 OK; the next best article takes its place" in said
    ), said
    assert f'"{_ARTICLES[3][0]}" ({walled}): its page now asks readers to log in' in said, said
    assert (
        f'"{_ARTICLES[4][0]}" ({away}) is left out: its page now redirects to the site\'s front'
        f" page ({front}); the next best" in said
    ), said
    assert "gone (a redirect" not in said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{soft}"' not in html and f'href="{away}"' not in html
    assert f'href="{walled}"' in html
    assert [u for u, _ in _dead(tmp_path)] == [soft, away]

    # The mark is not taken off by itself: explain says so, and names the way back.
    code, out, err = run_cli("subjects", "explain", soft, "--config", str(config))
    assert code == 0, err
    told = said_as_one(out)
    assert "until a later read" not in told
    assert "curator does not read its page again on its own" in told, told
    assert f"add its address to a draft (`## {soft}` under a subject's heading)" in told, told
    assert "its page answered its page" not in told, told  # (walk138 NEW-5)
    code, out, err = run_cli("subjects", "list", "--config", str(config))
    assert code == 0, err
    listed = said_as_one(out)
    assert "[dead link: its page now says it is not found, though its server answered 200 OK;" in (
        listed
    ), listed

    # The way back works: the page is back, the editor names it in a draft, the build reads it
    # and publishes it, and the mark comes off.
    _page(http_server, "/a/2.html", 2)
    draft = tmp_path / "issue-2.md"
    draft.write_text(
        f"---\ntitle: CX Weekly\nnumber: 2\ndate: 2026-11-25\n---\n\n# Service\n\n## {soft}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("build", "--draft", str(draft), "--config", str(config))
    assert code == 0, err
    assert "no longer marked a dead link" in said_as_one(err), err
    html = (tmp_path / "output" / "issue-2.html").read_text(encoding="utf-8")
    assert f'href="{soft}"' in html
    assert [u for u, _ in _dead(tmp_path)] == [away]


def test_a_link_moved_to_an_article_an_issue_published_is_left_out_as_a_copy(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk136 #2: a new article whose link now redirects for good to issue 1's article was
    published in a later issue at its old address, readers landing on issue 1's article."""
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    featured = urls[0]
    assert f'href="{featured}"' in html
    # Two new articles, stored by a fetch; then one's link moves for good to issue 1's article,
    # the other's to the first new one's (stored, not published).
    copy = http_server.url("/b/copy.html")
    twin = http_server.url("/b/twin.html")
    fresh = http_server.url("/b/fresh.html")
    titles = {copy: "Tickets in Leeds", twin: "Scripts agents skip", fresh: "Chat hand-offs"}
    texts = {
        copy: "A service desk in Leeds now tags every ticket by cause; customer experience"
        " improved once the top cause, late deliveries, went to the warehouse team.",
        twin: "Agents at a service desk in Cork dropped their scripts. Customer experience"
        " scores rose as callers heard plain answers instead of policy quotes.",
        fresh: "When a chat bot hands a customer to a person, the service desk agent should"
        " see the whole chat: customer experience suffers when callers repeat themselves.",
    }
    for url, title in titles.items():
        page = _PAGE.format(title=title, url=url, text=f"<p>{texts[url]}</p>")
        http_server.add(url.removeprefix(http_server.base), page, content_type="text/html")
    items = "".join(
        f"<item><title>{t}</title><link>{u}</link><description>Customer experience at the"
        " service desk.</description></item>"
        for u, t in titles.items()
    )
    http_server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>Desk Journal</title>{items}</channel></rss>',
    )
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    http_server.add("/b/copy.html", status=301, headers={"Location": featured}, content_type=None)
    http_server.add("/b/twin.html", status=301, headers={"Location": fresh}, content_type=None)

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert f'({copy}) is left out as a copy: its link now leads to "{_ARTICLES[0][0]}"' in said
    assert f"({featured}), which issue 1 featured; the next best article takes" in said, said
    assert f"({twin}) now redirects for good to {fresh}, but is published at its old" in said
    assert f'address: another stored article, "{titles[fresh]}" ({fresh}), is at' in said, said
    assert ", or an earlier issue" not in said
    html = (tmp_path / "output" / "issue-2.html").read_text(encoding="utf-8")
    assert f'href="{copy}"' not in html and f'href="{featured}"' not in html
    assert copy in [u for u, _ in _dead(tmp_path)]
