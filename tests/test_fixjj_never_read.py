"""walk187 #4: an article stored from its feed without its page ever being read (an older
curator's store, or a feed listed with `fetch_pages: false` until now) was published with an
empty credit and the feed's blurb, said as "no author was found", though its page names the
author. Through the CLI, on a real local server serving a real corpus page, and a real store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import LocalServer, said_as_one
from curator.cli import cli

TITLE = "'Neutral' Snopes Fact-Checker David Emery: 'Are There Any Un-Angry Trump Supporters?'"
SUMMARY = "A Snopes writer asked on Twitter whether there were any un-angry Trump supporters."


def newsletter(tmp_path: Path, server: LocalServer, corpus: Path, fetch_pages: bool) -> Path:
    page = corpus / "articles" / "readability" / "breitbart" / "source.html"
    if not page.is_file():
        pytest.skip(f"the corpus page {page} is missing")
    link = server.add("/pages/breitbart.html", page.read_bytes(), content_type="text/html")
    feed = server.add(
        "/world.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>World Report</title><link>{server.url('/')}</link>"
        f"<item><title>{TITLE} - Breitbart</title><link>{link}</link><guid>{link}</guid>"
        "<pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate>"
        f"<description>{SUMMARY}</description></item></channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: Walk Weekly}\nsubjects:\n  - name: World affairs\n"
        "    keywords: [Trump, Snopes, Twitter, supporters]\n"
        f"feeds:\n  - url: {feed}\n    name: World Report\n"
        + ("" if fetch_pages else "    fetch_pages: false\n")
        + "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return config


def curator(config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--config", str(config)])


def stored(tmp_path: Path) -> tuple[list[str], str | None]:
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        row = db.execute("SELECT authors, text FROM articles").fetchone()
    return json.loads(row[0]), row[1]


def test_an_article_whose_page_was_never_read_has_it_read_before_it_is_published(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """Stored while its feed was listed with `fetch_pages: false`, then the line taken out: the
    build that features it reads its page first, and credits the author the page names."""
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=False)
    result = curator(config, "fetch")
    assert result.exit_code == 0, result.stderr
    assert stored(tmp_path) == ([], None)  # (stored from its feed alone)
    assert not http_server.seen("/pages/breitbart.html")
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=True)

    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Lucas Nolan" in issue
    assert "no author was found" not in said_as_one(result.stderr)
    authors, text = stored(tmp_path)
    assert authors == ["Lucas Nolan"]
    assert text and "David Emery" in text


def test_a_build_that_reads_no_page_says_the_page_was_never_read_not_that_no_author_was_found(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """`build --no-fetch` reads no page: the credit's warning says its page was never read and
    how to have it read, not that none was found."""
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=False)
    assert curator(config, "fetch").exit_code == 0
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=True)

    result = curator(config, "build", "--no-fetch")
    assert result.exit_code == 0, result.stderr
    said = said_as_one(result.stderr)
    assert "no author was found" not in said
    assert "its page was never read" in said
    assert "a build without --no-fetch reads it" in said
    assert not http_server.seen("/pages/breitbart.html")


def test_a_feed_whose_pages_are_not_read_says_so_not_that_no_author_was_found(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """A feed still listed with `fetch_pages: false`: its page is not read (as the feed says),
    and the warning says that rather than that no author was found."""
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=False)
    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    said = said_as_one(result.stderr)
    assert "no author was found" not in said
    assert "its page is not read (its feed is listed with `fetch_pages: false`)" in said
    assert not http_server.seen("/pages/breitbart.html")
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Lucas Nolan" not in issue


def test_the_draft_credits_a_page_never_read_once_read_and_says_how_to_have_it_read(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """`draft --no-fetch` reads no page: its note says the page was never read and that a
    `## URL` heading has it read (README's promise), not that no author was found; `draft`
    reads it, and the draft credits the author."""
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=False)
    assert curator(config, "fetch").exit_code == 0
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=True)
    draft = tmp_path / "drafts" / "issue-1.md"

    result = curator(config, "draft", "--no-fetch")
    assert result.exit_code == 0, result.stderr
    text = said_as_one(draft.read_text(encoding="utf-8"))
    assert "<!-- Credit: no author was found" not in text
    assert "<!-- Credit: its page was never read" in text
    assert "a heading holding just its address, `## URL`" in text

    result = curator(config, "draft", "--force")
    assert result.exit_code == 0, result.stderr
    text = draft.read_text(encoding="utf-8")
    assert "author: Lucas Nolan" in text
    assert "<!-- Credit:" not in text


def test_an_older_curator_s_article_stored_without_its_page_has_it_read_after_the_upgrade(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk187 #4 as met: a schema-4 store (an older curator that never read the page) holds
    the article from its feed alone; after the upgrade, the build that features it reads its
    page and credits its author."""
    from curator.store import MIGRATIONS
    from curator.urls import url_key

    config = newsletter(tmp_path, http_server, corpus, fetch_pages=True)
    link = http_server.url("/pages/breitbart.html")
    path = tmp_path / ".curator" / "curator.db"
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    for migration in MIGRATIONS[:4]:
        migration(db)
    db.execute("PRAGMA user_version = 4")
    db.execute(
        "INSERT INTO feeds (url, title) VALUES (?, 'World Report')",
        (http_server.url("/world.xml"),),
    )
    db.execute(
        "INSERT INTO articles (url_key, url, title, publication, summary, blurb, published,"
        " first_seen, feed_id) VALUES (?, ?, ?, 'World Report', ?, ?, ?, ?, 1)",
        (
            url_key(link),
            link,
            f"{TITLE} - Breitbart",
            SUMMARY,
            SUMMARY,
            "2026-12-06T10:00:00+00:00",
            "2026-12-06T11:00:00+00:00",
        ),
    )
    db.close()

    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Lucas Nolan" in issue
    assert "no author was found" not in said_as_one(result.stderr)
    assert stored(tmp_path)[0] == ["Lucas Nolan"]
