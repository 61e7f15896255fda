"""walk162 #5 (fixgt): a page's relative canonical read against its `<base href>`, never onto
another site through it, as the editor sees it (a fetch's lines and --json, the stored rows,
a build's warning at a draft's line, the built issue's links)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_credit_formats import newsletter, page

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"


def test_a_relative_canonical_is_read_against_the_pages_base_and_never_onto_another_site(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #5: `<link rel="canonical" href="story-1">` was resolved against the page's own
    address (and, relative to its folder, passed over), not its `<base href>`; a base on
    another site is not followed: the feed's link is kept, and the run says so."""
    base = http_server.url("/news/")
    story = http_server.url("/news/story-1")
    http_server.add(
        "/news/story-1",
        page("Based Refunds", head=f'<base href="{base}"><link rel="canonical" href="story-1">'),
        content_type=HTML,
    )
    hostile = "https://evil.invalid/news/"
    config = newsletter(
        tmp_path,
        http_server,
        [
            (
                "Based Refunds",
                "",
                page(
                    "Based Refunds",
                    head=f'<base href="{base}"><link rel="canonical" href="story-1">',
                ),
            ),
            (
                "Hostile Returns",
                "",
                page(
                    "Hostile Returns",
                    head=f'<base href="{hostile}"><link rel="canonical" href="/story-2">',
                ),
            ),
            ("Plain Queues", "", page("Plain Queues")),
        ],
    )
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0, err
    link = http_server.url("/p/1/")
    # the store keeps each at the address it is published at
    db = sqlite3.connect(tmp_path / ".curator" / "curator.db")
    try:
        stored = {t: u for t, u in db.execute("SELECT title, url FROM articles")}
    finally:
        db.close()
    assert stored == {
        "Based Refunds": story,
        "Hostile Returns": link,
        "Plain Queues": http_server.url("/p/2/"),
    }, stored
    report = json.loads(out)["feeds"][0]
    assert report["base_canonicals"] == [
        {
            "url": link,
            "title": "Hostile Returns",
            "named": "https://evil.invalid/story-2",
            "base": hostile,
            "published": link,
        }
    ], report
    assert report["published_elsewhere"] == [], report
    said = " ".join(err.split())
    assert (
        f'"Hostile Returns" ({link}): its page\'s canonical link resolves through its'
        f' <base href="{hostile}"> to https://evil.invalid/story-2, on another site than the'
        " page's: not used as its address; the feed's link is kept"
    ) in said, err
    assert "Based Refunds" not in said and "Plain Queues" not in said, err
    # an article the editor adds by its address is read so too, and said at its line
    added = http_server.add(
        "/added.html",
        page("Added Effort", head=f'<base href="{hostile}"><link rel="canonical" href="story-3">'),
        content_type=HTML,
    )
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    path = tmp_path / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    assert "## Plain Queues\n" in text, text
    text = text.replace("## Plain Queues\n", f"## {added}\n\n## Plain Queues\n")
    path.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    line = text.splitlines().index(f"## {added}") + 1
    assert (
        f"issue-1.md:{line}: {added}: its page's canonical link resolves through its"
        f' <base href="{hostile}"> to https://evil.invalid/news/story-3, on another site than'
        " the page's: not used as its address; the address you gave is kept"
    ) in " ".join(err.split()), err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    for address in (story, link, added):
        assert f'href="{address}"' in html, (address, html)
    assert "evil.invalid" not in html
