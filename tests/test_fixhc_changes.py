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


def test_two_articles_of_one_draft_telling_one_story_stop_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk169 #8: a syndicated copy of an article (same title and text, at another address,
    from another feed) and the article itself, both in one draft, were published side by side,
    only their titles said alike; a copy of an earlier issue's story stops the build. The same
    comparison stops `build --draft` (exit 2), naming both, the line of each and the fixes:
    remove one, or `feature_again:` for two different stories, which then publishes both."""
    import json

    import yaml

    from conftest import EXAMPLES

    items = []
    for n, (title, text) in enumerate(STORIES):
        link = http_server.add(f"/e/{n}.html", page(title, text, "Jane Doe"), content_type=HTML)
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>e-{n}</guid>"
            f"<pubDate>{DATE}</pubDate></item>"
        )
    http_server.add(
        "/e.xml",
        '<rss version="2.0"><channel><title>Epsilon Blog</title>'
        f"<link>{http_server.url('/e/')}</link>{''.join(items)}</channel></rss>",
    )
    demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 5},
        "subjects": demo["subjects"],
        "feeds": [{"url": http_server.url("/e.xml")}],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    draft_path = tmp_path / "drafts" / "issue-1.md"
    text = draft_path.read_text(encoding="utf-8")
    n, (title, body) = next((n, s) for n, s in enumerate(STORIES) if f"## {s[0]}\n" in text)
    original = http_server.url(f"/e/{n}.html")
    # Syndicate News carries a copy of it (no canonical), fetched after the draft was written.
    copy = http_server.add("/synd/e.html", page(title, body, "Syndicate News"), content_type=HTML)
    http_server.add(
        "/s.xml",
        '<rss version="2.0"><channel><title>Syndicate News</title>'
        f"<link>{http_server.url('/synd/')}</link><item><title>{title}</title>"
        f"<link>{copy}</link><guid>s-1</guid><pubDate>{DATE}</pubDate></item></channel></rss>",
    )
    config["feeds"].append({"url": http_server.url("/s.xml")})
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    text = text.replace(f"## {title}\n", f"## {copy}\n\n## {title}\n", 1)
    draft_path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    at_copy, at_original = lines.index(f"## {copy}") + 1, lines.index(f"## {title}") + 1

    code, _, err = run("build", "--config", str(path), "--draft", str(draft_path))
    said = " ".join(err.split())
    assert code == 2, err
    assert (
        f'{draft_path}:{at_original}: "{title}" ({original}) is the same story as "{title}"'
        f" ({copy}) at line {at_copy} (they share 100% of their text); one story is featured"
        " once: remove one of them (its heading and lines); if they are different stories,"
        f" list it in the front matter: feature_again: [{original}]"
    ) in said, err
    assert not (tmp_path / "output" / "issue-1.html").exists()

    # Two different stories that read alike: `feature_again:` publishes both.
    draft_path.write_text(
        text.replace("\nnumber: 1\n", f"\nnumber: 1\nfeature_again: [{original}]\n", 1),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(path), "--draft", str(draft_path))
    assert code == 0, err
    assert "feature_again lists" not in err, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    urls = {a["url"] for s in issue["sections"] for a in s["articles"]}
    assert {original, copy} <= urls, urls


def test_dropping_a_feeds_waiting_articles_keeps_those_a_listed_feed_gives_too(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk169 #2: a syndication feed listed Epsilon's post 14 before Epsilon's own feed did, so
    it was stored as the syndication feed's; `feeds remove SYND --drop-waiting` then left it out
    of every issue ("its feed was removed with --drop-waiting"), though Epsilon, kept, lists it.
    It moves to Epsilon's feed instead, can still be picked, and the remove names it."""
    import yaml

    def rss(name: str, posts: list[tuple[str, int]]) -> str:
        items = "".join(
            f"<item><title>E story {n}: closing the loop on customer feedback</title>"
            f"<link>{http_server.url(f'/e/{n}.html')}</link><guid>{guid}</guid>"
            f"<pubDate>{DATE}</pubDate></item>"
            for guid, n in posts
        )
        return f'<rss version="2.0"><channel><title>{name}</title>{items}</channel></rss>'

    synd = http_server.add("/f.xml", rss("Syndicate News", [("f-14", 14), ("f-15", 15)]))
    own = http_server.add("/e.xml", rss("Epsilon Blog", [("e-13", 13)]))
    feeds = [{"url": synd, "fetch_pages": False}, {"url": own, "fetch_pages": False}]
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes"},
        "subjects": [{"name": "Voice of the customer", "keywords": ["customer", "feedback"]}],
        "feeds": feeds,
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    assert run("fetch", "--config", str(path))[0] == 0
    # Epsilon's own feed lists post 14 too from the next week.
    http_server.add("/e.xml", rss("Epsilon Blog", [("e-13", 13), ("e-14", 14)]))
    assert run("fetch", "--config", str(path))[0] == 0

    code, out, err = run("feeds", "remove", synd, "--drop-waiting", "--config", str(path))
    assert code == 0, err
    said = " ".join(out.split())
    post14, post15 = http_server.url("/e/14.html"), http_server.url("/e/15.html")
    assert (
        "the 1 no issue featured (nor a feed still listed gives) are left out of every issue"
    ) in said, out
    assert (
        "1 of them that a feed still listed gives too are that feed's now, not left out (they"
        " can still be picked for the next issues):"
        f' "E story 14: closing the loop on customer feedback" ({post14}): now an article of'
        f" {own}"
    ) in said, out
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        rows = dict(
            db.execute(
                "SELECT a.url, f.url || ' ' || COALESCE(d.error, '') FROM articles a"
                " JOIN feeds f ON f.id = a.feed_id"
                " LEFT JOIN dead_links d ON d.article_id = a.id"
            ).fetchall()
        )
    assert rows[post14] == f"{own} ", rows
    assert rows[post15] == f"{synd} its feed was removed with --drop-waiting", rows
