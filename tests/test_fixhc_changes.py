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
