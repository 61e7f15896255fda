"""walk169 (fixhc): a stored article whose page and feed were corrected takes its new blurb too,
and the run says so. Through the CLI, against a feed and pages on a real HTTP server on
127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_walk108 import page
from test_walk126_stored import DATE, HTML, STORIES, first_issue

from conftest import LocalServer
from conftest import run_cli as run

FIXED = "Customer scores moved by fifty points this quarter, across every survey the team ran."


def serve_corrected(server: LocalServer) -> None:
    """Service Daily's articles corrected: new titles, a new author, and a new first paragraph."""
    items = []
    for n, (title, text) in enumerate(STORIES):
        title = "Rethinking it: " + title[0].lower() + title[1:]
        link = server.add(
            f"/daily/{n}.html", page(title, [FIXED, *text], "Corrected Person"), content_type=HTML
        )
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>daily-{n}</guid>"
            f"<author>desk@example.com (Corrected Person)</author><pubDate>{DATE}</pubDate></item>"
        )
    server.add(
        "/daily.xml",
        '<rss version="2.0"><channel><title>Service Daily</title>'
        f"<link>{server.url('/daily/')}</link>{''.join(items)}</channel></rss>",
    )


def test_a_corrected_article_takes_its_new_blurb_and_the_run_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk169 #1: week 6's feed and page corrected an article's title, author and first
    paragraph ("5 points" -> "50 points"); the run took the title and credit, but the issue
    published them over the old blurb, and nothing said so. The blurb of an article no issue
    published is built again from the page read again, and said ("its blurb too"); one an
    issue published is left as published, and the fix names its "blurb" too."""
    path, published = first_issue(tmp_path, http_server)
    serve_corrected(http_server)
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    unpublished = len(STORIES) - len(published)
    said = " ".join(err.split())
    assert (
        f"Service Daily: {unpublished} ({unpublished} of them with their blurb, built again"
        " from their page as it reads now)"
    ) in said, err
    assert "is left as it was published, its blurb too; to correct it, edit its" in said, err
    assert '"blurb", if its page changed too)' in said, err
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        rows = dict(db.execute("SELECT url, blurb FROM articles").fetchall())
    for url, blurb in rows.items():
        assert ("fifty points" in blurb) == (url not in published), rows
    draft = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    assert "fifty points" in draft, draft


def hotel_page(title: str, text: list[str], site: str) -> str:
    """An article page by Jane Doe naming its site `site` in og:site_name."""
    return page(title, text, "Jane Doe").replace(
        "</head>", f"<meta property='og:site_name' content='{site}'></head>"
    )


def serve_hotel(server: LocalServer, renamed: bool) -> None:
    """Hotel Weekly's feed: its first two stories; `renamed`: the feed and its pages call it
    "Hotel Weekly by MegaCorp", and it gives two more stories (the old pages unchanged)."""
    site = "Hotel Weekly by MegaCorp" if renamed else "Hotel Weekly"
    items = []
    for n, (title, text) in enumerate(STORIES[: 4 if renamed else 2]):
        if n >= 2 or not renamed:
            server.add(f"/h/{n}.html", hotel_page(title, text, site), content_type=HTML)
        items.append(
            f"<item><title>{title}</title><link>{server.url(f'/h/{n}.html')}</link>"
            f"<guid>h-{n}</guid><pubDate>{DATE}</pubDate></item>"
        )
    server.add(
        "/h.xml",
        f'<rss version="2.0"><channel><title>{site}</title>'
        f"<link>{server.url('/h/')}</link>{''.join(items)}</channel></rss>",
    )


def test_a_renamed_publisher_is_credited_by_one_name_in_an_issue(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk169 #9: feed H's title and og:site_name became "Hotel Weekly by MegaCorp"; issue 3
    credited its article stored before "Hotel Weekly" and its new one "Hotel Weekly by
    MegaCorp", and the rename message did not say that `name:` keeps the old name. Every
    article of the feed is credited by its newest name, and the message names `name:`."""
    import json

    import yaml

    from conftest import EXAMPLES

    serve_hotel(http_server, renamed=False)
    demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 4},
        "subjects": demo["subjects"],
        "feeds": [{"url": http_server.url("/h.xml")}],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    serve_hotel(http_server, renamed=True)
    code, _, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    said = " ".join(err.split())
    assert 'now calls itself "Hotel Weekly by MegaCorp", not "Hotel Weekly"' in said, err
    assert "(to keep the old name, write `name: Hotel Weekly` under its url in feeds.yaml)" in said
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    articles = [a for s in issue["sections"] for a in s["articles"]]
    urls = {a["url"].rsplit("/", 1)[1] for a in articles}
    assert urls & {"0.html", "1.html"} and urls & {"2.html", "3.html"}, urls  # old and new
    assert {a["publication"] for a in articles} == {"Hotel Weekly by MegaCorp"}, articles
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Hotel Weekly by MegaCorp" in html and "Hotel Weekly<" not in html, html
