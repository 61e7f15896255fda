"""fixjc: a `build --draft` that refuses its draft stores nothing of it (README: "A build that
refuses its draft, for any mistake, stores no new article from it"; "a page read so is stored
only once the draft passes its checks, so a draft refused for a mistake changes no stored
article"): neither the article a `## URL` heading adds, whichever check refuses the draft, nor
what the page of a stored article added by address says now. The editor corrects the mistake,
builds again, and the article is read and stored then. Through the CLI, on a real local server
and store."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from test_fixil_draft_store import ITEM, by_address, curator, newsletter
from test_walk153 import BASICS, listed, served_demo
from test_walk153 import server as server  # noqa: PLC0414 - the module's served demo

from conftest import LocalServer
from conftest import run_cli as run

ARTICLES = [
    (
        "Warteschleifen im Kundenservice",
        "Jürgen Groß",
        "Hold queues cost customer service its customers' trust. Offer a callback instead, and"
        " answer within the hour.",
    ),
    (
        "Complaints that map the journey",
        "Priya Natarajan",
        "Complaints show where the customer journey breaks. Sort them by step, and fix the most"
        " common cause first.",
    ),
]

PAGE = """<html lang="en"><head><title>{title}</title>
<meta name="author" content="{author}"></head><body><article><h1>{title}</h1>
<p>{text} Customer service teams that read this know what to do next, week after week.</p>
</article></body></html>"""

NEW_TITLE = "Callbacks instead of hold music"
NEW_PAGE = PAGE.format(
    title=NEW_TITLE,
    author="Maren Solberg",
    text="Customer service desks that offer a callback keep their customers' trust. Nobody"
    " waits on hold, and the service team calls back when an agent is free to help.",
)


def stored(folder: Path) -> tuple[list[tuple[object, ...]], ...]:
    """The store's articles (as the editor's issues would show them), its aliases, and the
    pages it reads again (or knows gone)."""
    with sqlite3.connect(folder / ".curator" / "curator.db") as db:
        return tuple(
            db.execute(sql).fetchall()
            for sql in (
                "SELECT id, url, title, authors, publication, blurb, text FROM articles ORDER BY id",
                "SELECT url_key, article_id FROM aliases ORDER BY 1, 2",
                "SELECT * FROM page_retries ORDER BY article_id",
                "SELECT * FROM dead_links ORDER BY article_id",
            )
        )


def drafted(tmp_path: Path, server: LocalServer) -> tuple[Path, Path, list[str]]:
    """A newsletter whose feed gives ARTICLES (their pages served), and its draft of issue 1."""
    links = []
    items = ""
    for n, (title, author, text) in enumerate(ARTICLES):
        page = PAGE.format(title=title, author=author, text=text)
        links.append(server.add(f"/rep/a{n}.html", page, content_type="text/html"))
        items += ITEM.format(title=title, link=links[-1], author=author, summary=text)
    config = newsletter(tmp_path, server, items)
    result = curator(config, "draft")
    assert result.exit_code == 0, result.stderr
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert all(f"## {title}\n" in text for title, _, _ in ARTICLES), text
    return config, draft, links


def no_blurb(text: str, server: LocalServer, links: list[str]) -> str:
    start = text.index("\n\n", text.index(f"## {ARTICLES[0][0]}\n")) + 2
    return text[:start] + text[text.index("\n\n", start) + 2 :]


def named_twice(text: str, server: LocalServer, links: list[str]) -> str:
    start = text.index(f"## {ARTICLES[0][0]}\n")
    end = text.index("\n## ", start + 1) + 1
    return text[:end] + text[start:end] + text[end:]


def mistyped_credit(text: str, server: LocalServer, links: list[str]) -> str:
    return text.replace("author: Priya Natarajan", "author: Priya Natarjan", 1)


def feature_again_no_article(text: str, server: LocalServer, links: list[str]) -> str:
    return text.replace("\n---\n", f"\nfeature_again: [{server.url('/rep/none.html')}]\n---\n", 1)


def dead_link(text: str, server: LocalServer, links: list[str]) -> str:
    server.add("/rep/a1.html", "gone", status=404, content_type="text/plain")
    return text


def wrong_number(text: str, server: LocalServer, links: list[str]) -> str:
    return text.replace("\nnumber: 1\n", "\nnumber: 2\n", 1)


Mistake = Callable[[str, LocalServer, list[str]], str]


@pytest.mark.parametrize(
    ("mistake", "code", "said"),
    [
        (no_blurb, 2, "has no blurb"),
        (named_twice, 2, "this article is in the draft twice"),
        (mistyped_credit, 2, "Priya Natarjan"),
        (feature_again_no_article, 2, "feature_again lists"),
        (dead_link, 1, "is gone since it was stored: nothing was published"),
        (wrong_number, 2, "the next issue is 1"),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_a_refused_draft_stores_no_article_it_added_by_address(
    tmp_path: Path, http_server: LocalServer, mistake: Mistake, code: int, said: str
) -> None:
    """The editor adds an article by its address alone and makes a mistake the build refuses:
    the refused build stores nothing (not the added article, not an alias of it); once the
    mistake is corrected, the build reads the address again and publishes and stores it."""
    config, draft, links = drafted(tmp_path, http_server)
    new = http_server.add("/rep/new-article", NEW_PAGE, content_type="text/html")
    at = draft.read_text(encoding="utf-8").index(f"## {ARTICLES[1][0]}\n")
    good = draft.read_text(encoding="utf-8")
    good = good[:at] + f"## {new}\n\n" + good[at:]
    draft.write_text(mistake(good, http_server, links), encoding="utf-8")
    before = stored(tmp_path)

    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == code, result.output
    assert said in " ".join(result.stderr.split()), result.stderr
    after = stored(tmp_path)
    assert after[:3] == before[:3]
    # (a stored article found gone is known as a dead link: `curator draft` picks it no more)
    assert [row[:2] for row in after[3]] == (
        [(before[0][1][0], "HTTP 404 Not Found")] if mistake is dead_link else []
    )
    assert not (tmp_path / "output" / "issue-1.html").exists()
    read = len(http_server.seen("/rep/new-article"))

    # Corrected, the draft builds: the added article is read again, published and stored.
    http_server.add(
        "/rep/a1.html",
        PAGE.format(**dict(zip(("title", "author", "text"), ARTICLES[1], strict=True))),
        content_type="text/html",
    )
    draft.write_text(good, encoding="utf-8")
    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 0, result.output
    assert len(http_server.seen("/rep/new-article")) > read
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert NEW_TITLE in issue and "Maren Solberg" in issue
    assert [a for a in stored(tmp_path)[0] if a[1] == new][0][2:4] == (
        NEW_TITLE,
        '["Maren Solberg"]',
    )


PROMISED = "Measuring the customer experience"
UNREAD = "/pages/five-definitions-of-customer-experience.html"


def test_a_draft_refused_for_its_promise_changes_no_stored_article(
    tmp_path: Path, server: LocalServer
) -> None:
    """The demo's issue 1, whose closing line promises `Measuring the customer experience`: the
    draft adds one of that theme's articles (refused, exit 3: the promise would be broken), a new
    address, and, by address alone, a stored article whose page could not be read when it was
    fetched (it can now). The refused build stored that article as its page reads now (title,
    credit, blurb, address) though "nothing was published"; now the store is as it was."""
    config = served_demo(tmp_path, server)
    page = server.routes[UNREAD]
    server.add(UNREAD, "busy", status=503, content_type="text/plain")
    try:
        code, out, err = run("draft", "--config", str(config), "-q")
    finally:
        server.routes[UNREAD] = page
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    assert "its page could not be read (HTTP 503" in draft.read_text(encoding="utf-8")
    by_address(draft, server.url(UNREAD))
    text = draft.read_text(encoding="utf-8")
    url = next(u for u, r in listed(config).items() if r["subject"] == PROMISED)
    new = server.add("/pages/callbacks.html", NEW_PAGE, content_type="text/html")
    at = text.index("\n## ", text.index(f"# {BASICS}")) + 1
    draft.write_text(text[:at] + f"## {url}\n\n## {new}\n\n" + text[at:], encoding="utf-8")
    before = stored(config.parent)
    assert [a for a in before[0] if a[1] == server.url(UNREAD)][0][3] == "[]"
    assert before[2], "its page is to be read again"

    code, out, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 3, (code, out, err)
    assert f"promises `{PROMISED}` as the next theme" in " ".join(err.split()), err
    assert stored(config.parent) == before

    # The editor keeps the promise by cutting the article that broke it: the draft builds, and
    # the article is published and stored as its page reads now, the added one too.
    text = draft.read_text(encoding="utf-8").replace(f"## {url}\n\n", "", 1)
    draft.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Tomasz Wielgus" in issue and NEW_TITLE in issue
    after = {a[2]: a for a in stored(config.parent)[0]}
    assert after[NEW_TITLE][3] == '["Maren Solberg"]'
    assert after["Five Definitions of Customer Experience, and the One We Use"][3] == (
        '["Tomasz Wielgus"]'
    )


METRICS = "/pages/choosing-customer-experience-metrics.html"


def output_files(folder: Path) -> dict[str, str]:
    """Each file of the output folder (a folder: "folder") by name, with its bytes' digest."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
    }


def test_a_build_that_cannot_write_its_issue_leaves_store_and_outputs_as_they_were(
    tmp_path: Path, server: LocalServer
) -> None:
    """The last refusal a draft can meet: its issue cannot be written (a folder where
    latest.html goes). Issue 1 published, the draft of issue 2 adds a new address and, by address
    alone, a stored article whose page could not be read when fetched. Nothing was published
    (feed.xml, the archive, latest.html, the email edition as they were), and nothing stored
    changed: the stored article was left as its page read then; once the folder is put right,
    the build publishes both as their pages read."""
    config = served_demo(tmp_path, server)
    page = server.routes[METRICS]
    server.add(METRICS, "busy", status=503, content_type="text/plain")
    try:
        code, out, err = run("build", "--config", str(config), "-q")
        assert code == 0, err
        code, out, err = run("draft", "--config", str(config), "-q")
        assert code == 0, err
    finally:
        server.routes[METRICS] = page
    draft = config.parent / "drafts" / "issue-2.md"
    by_address(draft, server.url(METRICS))
    text = draft.read_text(encoding="utf-8")
    new = server.add("/pages/callbacks.html", NEW_PAGE, content_type="text/html")
    at = text.index("\n## ") + 1
    draft.write_text(text[:at] + f"## {new}\n\n" + text[at:], encoding="utf-8")
    out_dir = config.parent / "output"
    (out_dir / "latest.html").unlink()
    (out_dir / "latest.html").mkdir()
    before = stored(config.parent), output_files(out_dir)
    assert "issue-1.email.html" in before[1] and "feed.xml" in before[1]

    code, out, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 1, (code, out, err)
    said = " ".join(err.split())
    assert "cannot write issue 2" in said and "nothing was published" in said, said
    assert (stored(config.parent), output_files(out_dir)) == before

    shutil.rmtree(out_dir / "latest.html")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    issue = (out_dir / "issue-2.md").read_text(encoding="utf-8")
    assert "Jun Takeda" in issue and NEW_TITLE in issue
    assert "Callbacks instead of hold music" in (out_dir / "feed.xml").read_text("utf-8")
