"""walk16.4: a credit whose publication is only the feed's title ("Kelli Miller || Health Feed"
for a WebMD page that names no site) is marked in the draft, where the editor reviews credits,
with what to do; so is one with no author. What is published does not change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run
from curator.store import VERSION

TITLE = "Why Customer Effort Beats Delight in Customer Service"
PARAGRAPH = (
    "Customer experience teams measure customer effort, customer satisfaction and net promoter"
    " score after every support ticket. Customers who resolve a support issue with little effort"
    " stay loyal, and customer service agents who cut effort raise satisfaction scores. "
)
PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    + "".join(f"<p>{PARAGRAPH * 2} Paragraph {n}.</p>" for n in range(6))
    + "</article></body></html>"
).format(title=TITLE)


def health_feed(demo: Path, server: LocalServer, html: str) -> tuple[str, str]:
    """The demo newsletter with one more feed, "Health Feed" (its own title, no `name:`), whose
    one item by Kelli Miller links to a page of `html` on 127.0.0.1: (page URL, feed URL)."""
    page = server.add("/cx/effort.html", html, content_type="text/html; charset=utf-8")
    feed = server.add(
        "/health.xml",
        f'<rss version="2.0"><channel><title>Health Feed</title><link>{server.base}</link>'
        f"<item><title>{TITLE}</title><link>{page}</link><author>Kelli Miller</author>"
        f"<description>{PARAGRAPH}</description></item></channel></rss>",
    )
    text = demo.read_text(encoding="utf-8")
    text = text.replace("feeds:\n", f"feeds:\n  - url: {feed}\n", 1)
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n")
    demo.write_text(text, encoding="utf-8")
    return page, feed


def test_a_credit_naming_only_the_feed_and_one_with_no_author_are_marked_in_the_draft(
    demo: Path, http_server: LocalServer
) -> None:
    page = http_server.add("/cx/effort.html", PAGE, content_type="text/html; charset=utf-8")
    feed = http_server.add(
        "/health.xml",
        f'<rss version="2.0"><channel><title>Health Feed</title><link>{http_server.base}</link>'
        f"<item><title>{TITLE}</title><link>{page}</link>"
        f"<description>{PARAGRAPH}</description></item></channel></rss>",
    )
    text = demo.read_text(encoding="utf-8")
    text = text.replace("feeds:\n", f"feeds:\n  - url: {feed}\n", 1)
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n")
    demo.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"  - url: {feed}") + 1

    code, _, err = run("draft", "--config", str(demo), "--all-subjects", "-q")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"## {TITLE}")
    block = lines[at : lines.index("", at)]
    assert block[1:3] == [f"url: {page}", "publication: Health Feed"], block
    assert block[3] == (
        '<!-- Credit: "Health Feed" is the title of its feed, and nothing says it is the name of'
        " the site (127.0.0.1): if it is not the publication, correct the `publication:` line"
        f" above, or give the feed a `name:` in {demo} (line {line}) for all its articles; no"
        " author was found: add an `author:` line if the article names one. -->"
    )
    # The demo's own feeds have a `name:` (the editor's choice) and authors: nothing to mark.
    assert sum(line.startswith("<!-- Credit:") for line in lines) == 1

    # Published as it was, and the build says nothing more about it.
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert "Health Feed" not in err and "Credit" not in err
    issue = (demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert f"{TITLE}\n\nHealth Feed\n" in issue
    assert "Credit:" not in issue


def test_a_feed_name_given_after_a_fetch_credits_its_stored_articles(
    demo: Path, http_server: LocalServer
) -> None:
    """walk33 #1: the draft's note advises a feed's `name:` "for all its articles", but a name
    added after the articles were fetched reached none of them: they kept the feed's title."""
    page, feed = health_feed(demo, http_server, PAGE)
    text = demo.read_text(encoding="utf-8")
    code, _, err = run("draft", "--config", str(demo), "--all-subjects", "-q")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    assert "publication: Health Feed\n<!-- Credit:" in path.read_text(encoding="utf-8")

    # The editor follows the note: the feed gets a name, and nothing is fetched again.
    demo.write_text(
        text.replace(f"  - url: {feed}\n", f"  - url: {feed}\n    name: WebMD\n", 1),
        encoding="utf-8",
    )
    code, _, err = run(
        "draft", "--config", str(demo), "--all-subjects", "-q", "--no-fetch", "--force"
    )
    assert code == 0, err
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"## {TITLE}")
    assert lines[at + 1 : at + 5] == [
        f"url: {page}",
        "author: Kelli Miller",
        "publication: WebMD",
        "",
    ], lines[at : at + 6]
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--all-subjects")
    assert code == 0, err
    issue = (demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert f"{TITLE}\n\nKelli Miller || WebMD\n" in issue


#: Another story on the same subject (not the same story as PARAGRAPH's).
OTHER = (
    "Support leaders track the net promoter score and customer satisfaction survey results each"
    " quarter. Customer service managers coach agents on empathy, first contact resolution and"
    " loyalty, and customer experience budgets follow the survey scores. "
)


def site_page(title: str, site: str | None, paragraph: str = PARAGRAPH) -> str:
    """An article page under `title`, naming its site `site` in og:site_name (none when None)."""
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    page = PAGE.replace(TITLE, title).replace(PARAGRAPH, paragraph)
    return page.replace("</head>", f"{meta}</head>", 1)


def credits_in(draft: Path) -> dict[str, list[str]]:
    """Each article's lines in the draft between its heading and its blurb, by title."""
    lines = draft.read_text(encoding="utf-8").splitlines()
    out = {}
    for at, line in enumerate(lines):
        if line.startswith("## "):
            out[line[3:]] = lines[at + 1 : lines.index("", at)]
    return out


def test_articles_stored_before_the_site_name_was_kept_are_credited_as_before(
    demo: Path, http_server: LocalServer
) -> None:
    """The store keeps each article's page site name from schema 16 on. A store of schema 15 is
    upgraded (and the migration, run again on it, fails on nothing); its articles, whose page's
    name is not known, keep the publication a removed `name:` gave them, as before."""
    page = http_server.add(
        "/cx/effort.html",
        site_page(TITLE, "Salesforce Canada Blog"),
        content_type="text/html; charset=utf-8",
    )
    feed = http_server.add(
        "/reading.xml",
        f'<rss version="2.0"><channel><title>Reading Feed</title><link>{http_server.base}</link>'
        f"<item><title>{TITLE}</title><link>{page}</link><author>Priya Natarajan</author>"
        f"<description>{PARAGRAPH}</description></item></channel></rss>",
    )
    text = demo.read_text(encoding="utf-8")
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n")
    entry = f"  - url: {feed}\n"
    demo.write_text(
        text.replace("feeds:\n", f"feeds:\n{entry}    name: CX Reading List\n", 1), encoding="utf-8"
    )
    code, _, err = run("draft", "--config", str(demo), "--all-subjects", "-q")
    assert code == 0, err
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db", isolation_level=None)
    db.execute("ALTER TABLE articles DROP COLUMN site_name")
    db.execute("ALTER TABLE articles DROP COLUMN link_post")
    db.execute("PRAGMA user_version = 15")
    db.close()

    demo.write_text(text.replace("feeds:\n", f"feeds:\n{entry}", 1), encoding="utf-8")
    for _ in range(2):
        code, _, err = run(
            "draft", "--config", str(demo), "--all-subjects", "-q", "--no-fetch", "--force"
        )
        assert code == 0, err
        assert f"from schema 15 to {VERSION}" in err, err
        draft = demo.parent / "drafts" / "issue-1.md"
        assert credits_in(draft)[TITLE] == [
            f"url: {page}",
            "author: Priya Natarajan",
            "publication: CX Reading List",
        ]
        db = sqlite3.connect(demo.parent / ".curator" / "curator.db", isolation_level=None)
        assert db.execute(
            "SELECT site_name, link_post FROM articles WHERE url = ?", (page,)
        ).fetchall() == [(None, 0)]
        db.execute("PRAGMA user_version = 15")  # set back: the columns are there already
        db.close()


def test_no_note_that_the_feed_title_is_only_the_feeds_when_the_page_names_its_site_so(
    demo: Path, http_server: LocalServer
) -> None:
    """walk30 #7: every article got the note that its publication is only its feed's title, and
    "nothing says it is the name of the site", although its page's og:site_name gave that name."""
    page, _ = health_feed(demo, http_server, site_page(TITLE, "Health Feed"))
    code, _, err = run("draft", "--config", str(demo), "--all-subjects", "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    assert credits_in(draft)[TITLE] == [
        f"url: {page}",
        "author: Kelli Miller",
        "publication: Health Feed",
    ]
    assert "<!-- Credit:" not in draft.read_text(encoding="utf-8")


TITLES = (
    "Why Customer Effort Beats Delight in Customer Service",
    "Customer Effort Scores After Every Support Ticket",
)


def test_a_feed_name_changed_or_removed_after_a_fetch_credits_its_stored_articles_anew(
    demo: Path, http_server: LocalServer
) -> None:
    """walk33 #1: a feed's `name:` removed after a fetch left its articles credited with it, so
    the draft's advice to correct the feed's `name:` did nothing; changed, the same. A fresh fetch
    credits the `name:`, else the name the page gives its site, else the feed's title."""
    named = http_server.add(
        "/cx/effort.html",
        site_page(TITLES[0], "Salesforce Canada Blog"),
        content_type="text/html; charset=utf-8",
    )
    unnamed = http_server.add(
        "/cx/scores.html",
        site_page(TITLES[1], None, OTHER),
        content_type="text/html; charset=utf-8",
    )
    feed = http_server.add(
        "/reading.xml",
        f'<rss version="2.0"><channel><title>Reading Feed</title><link>{http_server.base}</link>'
        + "".join(
            f"<item><title>{title}</title><link>{link}</link><author>Priya Natarajan</author>"
            f"<description>{text}</description></item>"
            for title, link, text in zip(TITLES, (named, unnamed), (PARAGRAPH, OTHER), strict=True)
        )
        + "</channel></rss>",
    )
    text = demo.read_text(encoding="utf-8")
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n")
    entry = f"  - url: {feed}\n"

    def draft(name: str | None) -> dict[str, list[str]]:
        given = f"{entry}    name: {name}\n" if name else entry
        demo.write_text(text.replace("feeds:\n", f"feeds:\n{given}", 1), encoding="utf-8")
        fetch = ("--no-fetch",) if (demo.parent / ".curator").exists() else ()
        code, _, err = run(
            "draft", "--config", str(demo), "--all-subjects", "-q", "--force", *fetch
        )
        assert code == 0, err
        found = credits_in(demo.parent / "drafts" / "issue-1.md")
        return {title: found[title] for title in TITLES}

    assert draft("CX Reading List") == {
        TITLES[0]: [f"url: {named}", "author: Priya Natarajan", "publication: CX Reading List"],
        TITLES[1]: [f"url: {unnamed}", "author: Priya Natarajan", "publication: CX Reading List"],
    }
    # Removed: the page's own name, else the feed's title (and the draft notes that one).
    line = text.replace("feeds:\n", f"feeds:\n{entry}", 1).splitlines().index(entry[:-1]) + 1
    assert draft(None) == {
        TITLES[0]: [
            f"url: {named}",
            "author: Priya Natarajan",
            "publication: Salesforce Canada Blog",
        ],
        TITLES[1]: [
            f"url: {unnamed}",
            "author: Priya Natarajan",
            "publication: Reading Feed",
            '<!-- Credit: "Reading Feed" is the title of its feed, and nothing says it is the name'
            " of the site (127.0.0.1): if it is not the publication, correct the `publication:`"
            f" line above; a `name:` for the feed in {demo} (line {line}) would name all its"
            " articles so, also those credited with their own pages' site names (\"Salesforce"
            ' Canada Blog"). -->',
        ],
    }
    # `extract` says how the newsletter credits the page as the draft does.
    code, out, err = run("extract", "--config", str(demo), named)
    assert code == 0, err
    assert "your newsletter credits it as: Priya Natarajan || Salesforce Canada Blog" in out
    # Changed: the new name, for the article whose page names its site too.
    assert {t: c[2] for t, c in draft("WebMD").items()} == dict.fromkeys(
        TITLES, "publication: WebMD"
    )
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--all-subjects")
    assert code == 0, err
    issue = (demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for title in TITLES:
        assert f"{title}\n\nPriya Natarajan || WebMD\n" in issue
    assert "CX Reading List" not in issue
