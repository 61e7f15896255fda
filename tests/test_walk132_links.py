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
</head><body><article><h1>{title}</h1>
<p>Customer experience starts at the service desk, story {n}. Teams that listen to customers fix
the causes of complaints, not only the complaints themselves, and their queues get shorter.</p>
<p>Service desk number {n} told us how it changed the way it answers customers every day.</p>
</article></body></html>"""

_TITLES = ("Desks that listen", "Queues that shrink", "Answers that help", "Calls that end well")


def _newsletter(tmp_path: Path, server: LocalServer) -> tuple[Path, list[str]]:
    urls = []
    items = ""
    for n, title in enumerate(_TITLES):
        url = server.url(f"/a/{n}.html")
        server.add(
            f"/a/{n}.html",
            _PAGE.format(title=title, url=url, n=n),
            content_type="text/html; charset=utf-8",
        )
        urls.append(url)
        items += (
            f"<item><title>{title}</title><link>{url}</link><description>Customer experience at"
            f" service desk {n}.</description></item>"
        )
    feed = server.add(
        "/feed.xml", f'<rss version="2.0"><channel><title>Desk Journal</title>{items}</channel></rss>'
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Service\n"
        "    keywords: [customer experience, service desk]\n"
        f"feeds:\n  - url: {feed}\nsettings:\n  output: output\n"
        "  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return config, urls


def test_a_page_removed_after_it_was_stored_is_left_out_and_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    # Since then: one page removed, one moved for good, one whose server fails for now.
    gone, moved, down, kept = urls
    del http_server.routes["/a/0.html"]
    new = http_server.add(
        "/new/1.html",
        _PAGE.format(title=_TITLES[1], url=http_server.url("/new/1.html"), n=1),
        content_type="text/html; charset=utf-8",
    )
    http_server.add("/a/1.html", status=301, headers={"Location": new}, content_type=None)
    http_server.add("/a/2.html", b"down", status=503, content_type="text/plain")

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'"{_TITLES[0]}" ({gone}) is left out: its page is gone (HTTP 404 Not Found) since it was'
        " stored" in said
    ), said
    assert said.count(f"({gone}) is left out") == 1, said
    assert f'"{_TITLES[1]}" ({moved}) is published at {new}' in said, said
    assert f'the link of "{_TITLES[2]}" ({down}) could not be checked (HTTP 503' in said, said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{gone}"' not in html
    assert f'href="{new}"' in html and f'href="{moved}"' not in html
    assert f'href="{down}"' in html and f'href="{kept}"' in html
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        dead = db.execute(
            "SELECT a.url FROM dead_links d JOIN articles a ON a.id = d.article_id"
        ).fetchall()
    db.close()
    assert dead == [(gone,)]


def test_no_fetch_checks_nothing_and_says_so(tmp_path: Path, http_server: LocalServer) -> None:
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    del http_server.routes["/a/0.html"]
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
