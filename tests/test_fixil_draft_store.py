"""walk180 #1: a refused `build --draft` overwrote stored articles with what their pages say now,
even for a `fetch_pages: false` feed; through the CLI, on a real local server and store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from conftest import LocalServer
from curator.cli import cli

PAYWALL = """<html lang="en"><head><title>Subscribe to read | Revue</title>
<meta name="author" content="Paywall Bot"></head><body><article><h1>Subscribe to read</h1>
<p>This article is for subscribers only. Log in or subscribe to continue reading our customer
service coverage today.</p></article></body></html>"""

PAGE = """<html lang="en"><head><title>Queues that shrink every week</title>
<meta name="author" content="Priya Natarajan"></head><body><article>
<h1>Queues that shrink every week</h1>
<p>Customer service teams that listen to complaints fix their causes. Their queues get shorter
every week, and customers wait less for an answer from the service desk.</p>
</article></body></html>"""

ITEM = (
    "<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
    "<pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate><dc:creator>{author}</dc:creator>"
    "<description>{summary}</description></item>"
)

X_SUMMARY = (
    "Beschwerden zeigen, wo die Kundenreise bricht. Ordnen Sie sie nach Schritten der Reise."
    " Beheben Sie zuerst die häufigste Ursache für den Kundenservice."
)


def newsletter(tmp_path: Path, server: LocalServer, items: str, feed_line: str = "") -> Path:
    feed = server.add(
        "/rep/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Revue Client</title>'
        f"<link>{server.url('/rep/')}</link>{items}</channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Service\n"
        "    keywords: [Kundenservice, customer service, Kundenreise]\n"
        f"feeds:\n  - url: {feed}\n    name: Revue Client\n{feed_line}"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return config


def curator(config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--config", str(config)])


def stored(tmp_path: Path, url: str) -> tuple[str, list[str], str | None, str | None]:
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        row = db.execute(
            "SELECT title, authors, blurb, text FROM articles WHERE url = ?", (url,)
        ).fetchone()
    assert row is not None, url
    return row[0], json.loads(row[1]), row[2], row[3]


def by_address(draft: Path, url: str, *more: str) -> None:
    """The draft with the article at `url` replaced by a `## URL` heading of its own, and `more`
    such headings after it."""
    text = draft.read_text(encoding="utf-8")
    start = text.index(f"url: {url}")
    start = text.rindex("\n## ", 0, start) + 1
    end = text.find("\n## ", start + 1)
    end = text.index("\n<!-- end of the draft") if end < 0 else end
    headings = "".join(f"## {u}\n\n" for u in (url, *more))
    draft.write_text(text[:start] + headings + text[end + 1 :], encoding="utf-8")


def test_a_refused_draft_build_keeps_a_fetch_pages_false_article_as_its_feed_gives_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A feed with `fetch_pages: false` whose pages are paywall pages: the draft adds one of its
    stored articles by address, and a 404. The refused build left the article stored as the
    paywall page ("Subscribe to read" by "Paywall Bot"). Now nothing stored changes, and the
    article, once the build goes through, is published as its feed gives it: its page is not
    read, as the feed says."""
    x = http_server.add("/rep/x.html", PAYWALL, content_type="text/html")
    y = http_server.add("/rep/y.html", PAYWALL, content_type="text/html")
    items = ITEM.format(
        title="Was der Kundenservice aus Beschwerden lernt",
        link=x,
        author="Jürgen Groß",
        summary=X_SUMMARY,
    ) + ITEM.format(
        title="Kundenservice ohne Warteschleife",
        link=y,
        author="Käthe Müller",
        summary="Warteschleifen kosten den Kundenservice Vertrauen. Bieten Sie einen Rückruf an.",
    )
    config = newsletter(tmp_path, http_server, items, "    fetch_pages: false\n")
    result = curator(config, "draft")
    assert result.exit_code == 0, result.stderr
    draft = tmp_path / "drafts" / "issue-1.md"
    assert "author: Jürgen Groß" in draft.read_text(encoding="utf-8")
    before = stored(tmp_path, x)
    assert before[:2] == ("Was der Kundenservice aus Beschwerden lernt", ["Jürgen Groß"])
    missing = http_server.url("/rep/missing.html")
    by_address(draft, x, missing)

    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 1, result.stderr
    assert "cannot read the article(s) added by URL" in result.stderr
    assert not (tmp_path / "output" / "issue-1.html").exists()
    assert stored(tmp_path, x) == before
    result = curator(config, "extract", x)
    assert "your newsletter credits it as: Jürgen Groß || Revue Client" in result.output

    text = draft.read_text(encoding="utf-8").replace(f"## {missing}\n\n", "")
    draft.write_text(text, encoding="utf-8")
    asked = len(http_server.seen("/rep/x.html"))  # (by `curator extract`)
    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 0, result.stderr
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Was der Kundenservice aus Beschwerden lernt" in issue
    assert "Jürgen Groß" in issue
    assert "Beschwerden zeigen, wo die Kundenreise bricht." in issue
    assert "Paywall Bot" not in issue and "Subscribe to read" not in issue
    # (the feed says its pages are not read)
    assert len(http_server.seen("/rep/x.html")) == asked


def test_a_refused_draft_build_changes_no_stored_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """An article whose page failed when it was fetched is added by address to a draft with a
    404 beside it: the refused build stored the article as its page reads now. A refused build
    changes nothing stored; the build that goes through publishes it as its page reads."""
    x = http_server.add("/x.html", "busy", status=503, content_type="text/plain")
    items = ITEM.format(
        title="Warteschleifen im Kundenservice", link=x, author="Jürgen Groß", summary=X_SUMMARY
    )
    config = newsletter(tmp_path, http_server, items)
    result = curator(config, "draft")
    assert result.exit_code == 0, result.stderr
    before = stored(tmp_path, x)
    assert before[3] is None  # (its page was not read)
    http_server.add("/x.html", PAGE, content_type="text/html")
    draft = tmp_path / "drafts" / "issue-1.md"
    missing = http_server.url("/missing.html")
    by_address(draft, x, missing)

    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 1, result.stderr
    assert "cannot read the article(s) added by URL" in result.stderr
    assert stored(tmp_path, x) == before

    text = draft.read_text(encoding="utf-8").replace(f"## {missing}\n\n", "")
    draft.write_text(text, encoding="utf-8")
    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 0, result.stderr
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Priya Natarajan" in issue
    assert stored(tmp_path, x)[1] == ["Priya Natarajan"]
